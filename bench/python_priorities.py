#!/usr/bin/env python3
"""Baseline for `make bench`: the `ledger priorities --format json` projection as a plain,
streaming Python fold (json.loads per line, heapq.merge of the files in replay order).

It implements the same contract (DESIGN.md section 4: annual volume by the five-step rule,
restatements, retractions, priorities) so the benchmark compares like with like, and its
output is compared byte for byte with the Swift tool's.

usage: python_priorities.py LEDGER_DIR AS_OF [THRESHOLD]
"""
import datetime
import glob
import heapq
import json
import os
import sys


def lines(path):
    name = os.path.basename(path)
    loads = json.loads
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, 1):
            event = loads(line)
            yield (event["at"], name, number, event)


def day(text):
    return datetime.date.fromisoformat(text)


def year_start(end):
    try:
        anchor = end.replace(year=end.year - 1)
    except ValueError:  # 29 February
        anchor = end.replace(year=end.year - 1, day=28)
    return anchor + datetime.timedelta(days=1)


def annual(reports):
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


def main():
    folder, as_of = sys.argv[1], day(sys.argv[2])
    threshold = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
    files = sorted(glob.glob(os.path.join(folder, "*.jsonl")))
    services, reports, retracted = {}, {}, set()
    as_of_text = as_of.isoformat()
    # Files are each in `at` order, so merging them gives replay order (ties: name, line).
    for at, _, _, event in heapq.merge(*(lines(f) for f in files)):
        kind, data = event["type"], event["data"]
        if kind == "volume.reported":
            record = services.get(data["service"])
            if record is not None and data["to"] <= as_of_text:
                reports.setdefault(data["service"], {}).setdefault(
                    (data["from"], data["to"]), []).append(
                    (event["id"], data["from"], data["to"], data["total"], data.get("digital")))
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
    # Retractions apply to events whatever their position (the projections ignore them).
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
    out = {"asOf": as_of.isoformat(), "threshold": threshold, "services": [r[3] for r in rows]}
    sys.stdout.write(json.dumps(out, separators=(",", ":"), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
