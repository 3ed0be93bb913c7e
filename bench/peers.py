#!/usr/bin/env python3
"""Baselines for `make bench`: the `ledger priorities --format json` projection written the way an
analyst would with each of four tools, all printing the same bytes as the ledger.

  json    json.loads per line, the files merged in replay order (the standard library)
  orjson  the same loop with orjson.loads (a fast JSON parser written in Rust)
  duckdb  one SQL query over the files (DuckDB's own JSON reader), then the same annual-volume fold
  polars  a lazy scan_ndjson of the files (polars' own reader), then the same annual-volume fold

Each tool only loads the events in replay order; the fold that follows (latest report per period,
retractions, the annual-volume rule, priority classes) is `fold()` below, one piece of code for all
four, so the timings compare how fast each tool gets the events off the disk and in order.

usage: peers.py LEDGER_DIR AS_OF TOOL [THRESHOLD]
"""
import datetime
import glob
import heapq
import json
import os
import sys

# The fields any event of the fold reads, from `data`.
FIELDS = ["service", "from", "to", "total", "digital", "on", "name", "organisation", "phase",
          "person", "role", "event"]


def json_events(files, loads):
    """(type, id, data) in replay order: `at`, then file name, then line."""
    def lines(path):
        name = os.path.basename(path)
        with open(path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                event = loads(line)
                yield (event["at"], name, number, event)

    for _, _, _, event in heapq.merge(*(lines(f) for f in files)):
        yield event["type"], event["id"], event["data"]


def duckdb_events(files):
    import duckdb
    connection = duckdb.connect()
    picks = ", ".join(f"data->>'{field}' as \"{field}\"" for field in FIELDS)
    query = f"""
      with lines as (
        select *, row_number() over (partition by filename) as line
        from read_json(?, format = 'newline_delimited', filename = true,
                       columns = {{'id': 'VARCHAR', 'at': 'VARCHAR', 'type': 'VARCHAR',
                                   'data': 'JSON'}}))
      select type, id, {picks} from lines
      order by "at", parse_filename(filename), line"""
    for row in connection.execute(query, [files]).fetchall():
        data = {field: value for field, value in zip(FIELDS, row[2:]) if value is not None}
        for number in ("total", "digital"):
            if number in data:
                data[number] = int(data[number])
        yield row[0], row[1], data


def polars_events(files):
    import polars as pl
    text = pl.Utf8
    data = pl.Struct({field: (pl.Int64 if field in ("total", "digital") else text)
                      for field in FIELDS})
    schema = {"id": text, "at": text, "type": text, "data": data}
    frames = [pl.scan_ndjson(path, schema=schema).with_row_index("line")
              .with_columns(pl.lit(os.path.basename(path)).alias("file")) for path in files]
    table = (pl.concat(frames).sort(["at", "file", "line"])
             .select("type", "id", *(pl.col("data").struct.field(f).alias(f) for f in FIELDS))
             .collect())
    for row in table.iter_rows():
        yield row[0], row[1], {f: v for f, v in zip(FIELDS, row[2:]) if v is not None}


def day(text):
    return datetime.date.fromisoformat(text)


def year_start(end):
    try:
        anchor = end.replace(year=end.year - 1)
    except ValueError:  # 29 February
        anchor = end.replace(year=end.year - 1, day=28)
    return anchor + datetime.timedelta(days=1)


def annual(reports):
    """The annual-volume rule of docs: (basis, volume, reports used) or None."""
    if not reports:
        return None
    end = max(r[1] for r in reports)
    start = year_start(end)
    days = lambda r: (r[1] - r[0]).days + 1
    is_year = lambda r: days(r) in (365, 366)
    at_end = [r for r in reports if r[1] == end and is_year(r)]
    if at_end:
        chosen = [r for r in at_end if r[0] == start] or at_end
        return ("12-month", chosen[0][2], [chosen[0]])
    inside = sorted((r for r in reports if r[0] >= start and r[1] <= end), key=lambda r: r[0])
    cursor = start
    covered = True
    for r in inside:
        if r[0] > cursor:
            covered = False
            break
        if r[1] >= cursor:
            cursor = r[1] + datetime.timedelta(days=1)
    if covered and cursor > end:
        return ("summed", sum(r[2] for r in inside), inside)
    earlier = [r for r in reports if r[1] < end and is_year(r)]
    if earlier:
        latest = max(earlier, key=lambda r: (r[1], days(r)))
        return ("12-month", latest[2], [latest])
    total_days = sum(days(r) for r in inside)
    if total_days == 0:
        return None
    total = sum(r[2] for r in inside)
    return ("annualised", (2 * total * 365 + total_days) // (2 * total_days), inside)


def rate(value):
    scaled = value * 10000
    rounded = int(scaled + 0.5) if scaled >= 0 else -int(-scaled + 0.5)
    result = rounded / 10000
    return int(result) if result == int(result) else result


def fold(events, as_of, threshold):
    """The priorities projection over (type, id, data) in replay order, as the ledger's JSON."""
    services, reports, retracted = {}, {}, set()
    as_of_text = as_of.isoformat()
    for kind, event_id, data in events:
        if kind == "volume.reported":
            if data["service"] in services and data["to"] <= as_of_text:
                reports.setdefault(data["service"], {}).setdefault(
                    (data["from"], data["to"]), []).append(
                    (event_id, data["from"], data["to"], data["total"], data.get("digital")))
            continue
        if kind == "event.retracted":
            retracted.add(data["event"])
            continue
        on = data.get("on")
        if on is not None and on > as_of_text:
            continue
        service = data.get("service")
        if kind == "service.registered":
            services[service] = {"name": data["name"], "organisation": data["organisation"],
                                 "retired": False, "phase": None, "managers": set(),
                                 "exemplar": False}
            continue
        record = services.get(service)
        if record is None:
            continue
        if kind == "service.retired":
            record["retired"] = True
        elif kind == "phase.entered":
            record["phase"] = data["phase"]
            if data["phase"] == "retired":
                record["retired"] = True
        elif kind == "exemplar.designated":
            record["exemplar"] = True
        elif kind == "manager.appointed" and data.get("role", "service-manager") == "service-manager":
            record["managers"].add(data["person"])
        elif kind == "manager.departed":
            record["managers"].discard(data["person"])
    rows = []
    order = {"exemplar": 0, "high-volume": 1, "standard": 2, "no-data": 3}
    for service, record in services.items():
        if record["retired"]:
            continue
        current = []
        for versions in reports.get(service, {}).values():
            live = [v for v in versions if v[0] not in retracted]
            if live:
                _, start, end, total, digital = live[-1]
                current.append((day(start), day(end), total, digital))
        result = annual(current)
        volume = result[1] if result else None
        if record["exemplar"]:
            priority = "exemplar"
        elif volume is None:
            priority = "no-data"
        else:
            priority = "high-volume" if volume > threshold else "standard"
        take_up = None
        if result:
            used = result[2]
            total = sum(r[2] for r in used)
            if total > 0 and all(r[3] is not None for r in used):
                take_up = rate(sum(r[3] for r in used) / total)
        rows.append((order[priority], -(volume or 0), service, {
            "service": service, "name": record["name"], "organisation": record["organisation"],
            "priority": priority, "annualVolume": volume,
            "basis": result[0] if result else None,
            "from": min(r[0] for r in result[2]).isoformat() if result else None,
            "to": max(r[1] for r in result[2]).isoformat() if result else None,
            "digitalTakeUp": take_up, "phase": record["phase"],
            "managers": sorted(record["managers"]),
        }))
    rows.sort(key=lambda row: row[:3])
    return {"asOf": as_of.isoformat(), "threshold": threshold, "services": [r[3] for r in rows]}


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    folder, as_of, tool = sys.argv[1], day(sys.argv[2]), sys.argv[3]
    threshold = int(sys.argv[4]) if len(sys.argv) > 4 else 100000
    files = sorted(glob.glob(os.path.join(folder, "*.jsonl")))
    if tool == "json":
        events = json_events(files, json.loads)
    elif tool == "orjson":
        import orjson
        events = json_events(files, orjson.loads)
    elif tool == "duckdb":
        events = duckdb_events(files)
    elif tool == "polars":
        events = polars_events(files)
    else:
        sys.exit(f"unknown tool {tool!r}: json, orjson, duckdb or polars")
    out = fold(events, as_of, threshold)
    sys.stdout.write(json.dumps(out, separators=(",", ":"), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
