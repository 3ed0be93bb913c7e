#!/usr/bin/env python3
"""`make bench`: the release build's speed and memory on generated ledgers, side by side with
baselines in the same run, and a check that every baseline prints the same bytes.

1. `ledger priorities --format json`, cold (no cache), beside the same projection through
   Foundation's JSONDecoder (LEDGER_DECODER=foundation) and written by an analyst with plain
   json, orjson, DuckDB and polars (bench/peers.py), taking turns round by round.
2. Warm replay, `ledger record` with a current and with a stale cache and under `roles.json`,
   and `ledger import transactions-explorer`, which streams the log.
3. Every command cold on the same ledger: the views, the report in each format, `check` with
   every rule, `check --base` against a base 1,000 lines shorter, `log --service`, and
   `priorities` and `check` on the same log dealt into 200 files.
4. How cost grows: `priorities`, `report` and `check` at 100k, 300k, 1M and 3M events.

Every timed run, of the ledger or of a baseline, replays files that are in the page cache, and
starts a program whose files are there too (`read_in`, `ledger_program`, `python_program`).

The baselines' packages (orjson, duckdb, polars) are installed once into bench-data/venv from
the package registry; a baseline whose package cannot be installed is reported as missing.

usage: bench.py [--events N] [--services N] [--sizes N,N,...] [--timeout SECONDS]
"""
import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEDGER = os.path.join(ROOT, ".build", "release", "ledger")
DATA = os.path.join(ROOT, "bench-data")
VENV = os.path.join(DATA, "venv")
PEERS = os.path.join(ROOT, "bench", "peers.py")
CSV = os.path.join(ROOT, "sources", "data", "moj-transactions-explorer.csv")
AS_OF = "2026-01-01"
TOOLS = ["json", "orjson", "duckdb", "polars"]
PACKAGES = {"orjson": "orjson", "duckdb": "duckdb", "polars": "polars"}
# The targets of issue 13, checked at the end of the run.
MAX_SECONDS, MAX_MIB, MAX_VS_PRIORITIES = 1.5, 128, 2.0
PEER_TARGETS = {"json": 25, "duckdb": 12, "orjson": 8}


class Run:
    """One timed process: wall seconds, peak resident MiB, output, and whether it finished."""

    def __init__(self, seconds, peak, out, finished=True, each=()):
        self.seconds, self.peak, self.out, self.finished = seconds, peak, out, finished
        # Every run's seconds when this is the best of several, in the order they ran.
        self.each = list(each) or [seconds]


TIME = "/usr/bin/time"


def measured(command, env=None, before=None, timeout=None):
    """Wall time and peak resident memory of one run; a run past `timeout` is killed.

    The peak is GNU time's (`%M`) where it is installed: the `wait4` figure of a child of this
    Python process can be the parent's size at the fork, not the command's."""
    if before:
        before()
    peak_file = None
    if os.path.exists(TIME):
        peak_file = os.path.join(DATA, "peak.txt")
        command = [TIME, "-f", "%M", "-o", peak_file] + command
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    timer = threading.Timer(timeout, kill_group, [process]) if timeout else None
    if timer:
        timer.start()
    errors = []
    reader = threading.Thread(target=lambda: errors.append(process.stderr.read()))
    reader.start()
    out = process.stdout.read()
    reader.join()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if timer:
        timer.cancel()
    peak = usage.ru_maxrss / 1024
    if peak_file and os.path.exists(peak_file):
        with open(peak_file) as handle:
            lines = [line for line in handle.read().split() if line.isdigit()]
        if lines:
            peak = int(lines[-1]) / 1024
        os.remove(peak_file)
    if timeout and seconds >= timeout:
        return Run(seconds, peak, b"", finished=False)
    if process.returncode not in (0, 1):  # `check` exits 1 on error findings
        sys.exit(f"failed: {' '.join(command)}\n{errors[0].decode(errors='replace')}")
    return Run(seconds, peak, out)


def kill_group(process):
    """Stops a run that took too long: GNU time's child too, not only time itself."""
    for pid in children(process.pid) + [process.pid]:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def best_of(runs):
    finished = [r for r in runs if r.finished]
    if not finished:
        return Run(max(r.seconds for r in runs), max(r.peak for r in runs), b"", False)
    best = min(finished, key=lambda r: r.seconds)
    return Run(best.seconds, max(r.peak for r in runs), best.out, each=[r.seconds for r in runs])


def interleaved(runs, rounds=3):
    """`measured` for each of `runs` (keyword arguments), taking turns round by round, so that a
    slow moment of the machine falls on every contender alike: best times, largest peaks.

    A run may ask to be `repeats` times in a row each round: a sub-second run on both cores
    is slowed whole by a busy moment of the machine that a baseline of 5 to 20 seconds on one
    core spreads over its length (and has the other core to absorb), so the short run's best
    of three is a noisier figure than the long run's. The medians are printed too."""
    results = [[] for _ in runs]
    for _ in range(rounds):
        for index, run in enumerate(runs):
            arguments = dict(run)
            for _ in range(arguments.pop("repeats", 1)):
                results[index].append(measured(**arguments))
    return [best_of(each) for each in results]


def python_with_packages():
    """The virtual environment's python, with whichever baseline packages could be installed."""
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    missing = {}
    for tool, package in PACKAGES.items():
        probe = subprocess.run([python, "-c", f"import {package}"], capture_output=True)
        if probe.returncode == 0:
            continue
        install = subprocess.run([python, "-m", "pip", "install", "-q", package],
                                 capture_output=True, text=True)
        if install.returncode != 0:
            missing[tool] = (install.stderr.strip().splitlines() or ["pip failed"])[-1]
    return python, missing


def ledger_of(events, services):
    """A generated ledger of `events` events (made once, kept in bench-data/)."""
    path = os.path.join(DATA, f"ledger-{events}-{services}-seed1")
    if not os.path.isdir(path):
        print(f"generating {events:,} events for {services} services (once) ...", flush=True)
        subprocess.run([LEDGER, "generate", "--ledger", path, "--services", str(services),
                        "--events", str(events), "--seed", "1"], check=True)
    return path


def working_copy(source, name):
    """A fresh copy of `source` (the bench appends to it), synced so that the kernel does not
    write it back during the first timed runs."""
    work = os.path.join(DATA, name)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source, work)
    os.sync()
    return work


def shorter_copy(source, name, lines):
    """A copy of `source` without its last `lines` lines, spread over its files: a base for
    `check --base`."""
    base = os.path.join(DATA, name)
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    files = sorted(f for f in os.listdir(source) if f.endswith(".jsonl"))
    for index, name in enumerate(files):
        drop = lines // len(files) + (1 if index < lines % len(files) else 0)
        with open(os.path.join(source, name), "rb") as handle:
            count = sum(1 for _ in handle)
        with open(os.path.join(source, name), "rb") as handle, \
                open(os.path.join(base, name), "wb") as out:
            for number, line in enumerate(handle):
                if number >= count - drop:
                    break
                out.write(line)
    return base


def split_copy(source, name, parts):
    """A copy of `source` with each file dealt into `parts` files, line by line in turn: the
    same log in many files, each spanning all of it (each in time order, as its source was),
    which the merge reads side by side."""
    split = os.path.join(DATA, name)
    shutil.rmtree(split, ignore_errors=True)
    os.makedirs(split)
    for file in sorted(f for f in os.listdir(source) if f.endswith(".jsonl")):
        with open(os.path.join(source, file), "rb") as handle:
            lines = handle.readlines()
        for part in range(parts):
            with open(os.path.join(split, f"{file[:-6]}-{part:03d}.jsonl"), "wb") as out:
                out.writelines(lines[part::parts])
    return split


def read_in(*folders, program=()):
    """Reads every log file of `folders`, and the files of `program` (`ledger_program`,
    `python_program`), into the page cache, untimed, before a timed run, so that every contender replays from memory, as the
    untimed first run meant them to. A kernel may page out file pages that go untouched for a
    while (this machine's does so after about a minute: DAMON reclaim, /sys/kernel/mm/damon),
    and a run then waits on the disk instead: for the log, or for its own program."""
    def read():
        paths = [os.path.join(folder, name) for folder in folders
                 for name in sorted(os.listdir(folder)) if name.endswith(".jsonl")]
        for path in paths + list(program):
            with open(path, "rb") as handle:
                while handle.read(1 << 20):
                    pass
    return read


@functools.cache
def ledger_program():
    """The ledger's executable and the shared libraries `ldd` lists (the executable alone
    without ldd, off Linux)."""
    listing = (subprocess.run(["ldd", LEDGER], capture_output=True, text=True).stdout
               if shutil.which("ldd") else "")
    libraries = [fields[2] for fields in map(str.split, listing.splitlines())
                 if len(fields) >= 3 and fields[1] == "=>" and fields[2].startswith("/")]
    return [LEDGER] + libraries


def python_program(python, tool):
    """The files a baseline in Python maps once it has imported json and `tool`'s package (the
    interpreter, its libraries, the package's extension modules), and those packages' files."""
    probe = (f"import json, os, {tool}\n"
             f"for module in {{json, {tool}}}: print(os.path.dirname(module.__file__))\n"
             "print(open('/proc/self/maps').read())")
    listing = subprocess.run([python, "-c", probe], capture_output=True, text=True).stdout
    files = set()
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) == 1 and os.path.isdir(fields[0]):
            for folder, _, names in os.walk(fields[0]):
                files.update(os.path.join(folder, name) for name in names)
        elif len(fields) >= 6 and fields[5].startswith("/") and os.path.isfile(fields[5]):
            files.add(fields[5])
    return sorted(files)


def no_cache(folder, *others):
    """Before a cold run of the ledger: no replay cache in `folder`, and the log files of it and
    of `others` (a `--base`), and the ledger's program, in the page cache (`read_in`)."""
    def drop():
        for name in (".ledger-cache", ".ledger-cache-validator"):
            path = os.path.join(folder, name)
            if os.path.exists(path):
                os.remove(path)
        read_in(folder, *others, program=ledger_program())()
    return drop


def seconds_text(run):
    return f"{run.seconds:.2f}" if run.finished else f">{run.seconds:.0f} (stopped)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--services", type=int, default=500)
    parser.add_argument("--sizes", default="100000,300000,1000000,3000000")
    parser.add_argument("--timeout", type=float, default=120,
                        help="stop a run after this many seconds and report it as stopped")
    options = parser.parse_args()
    if not os.path.exists(LEDGER):
        sys.exit("build first: swift build -c release")
    os.makedirs(DATA, exist_ok=True)
    python, missing = python_with_packages()
    events, timeout = options.events, options.timeout
    work = working_copy(ledger_of(events, options.services), "work")
    size = sum(os.path.getsize(os.path.join(work, f)) for f in os.listdir(work)
               if f.endswith(".jsonl"))
    view = ["priorities", "--ledger", work, "--format", "json", "--as-of", AS_OF]
    print(f"ledger: {events:,} events, {options.services} services, {size / 1e6:.0f} MB, "
          f"{os.cpu_count()} cores; view: ledger priorities --format json --as-of {AS_OF}",
          flush=True)
    for tool, why in missing.items():
        print(f"baseline {tool}: MISSING ({why})")

    # 1. The cold replay and its baselines, in turns. One untimed cold replay reads the files;
    # every timed run finds them in the page cache (`read_in`).
    measured([LEDGER] + view, before=no_cache(work))
    tools = [t for t in TOOLS if t not in missing]
    contenders = [dict(command=[LEDGER] + view, before=no_cache(work), repeats=3),
                  dict(command=[LEDGER] + view, env={"LEDGER_DECODER": "foundation"},
                       before=no_cache(work))]
    contenders += [dict(command=[python, PEERS, work, AS_OF, t],
                        before=read_in(work, program=python_program(python, t)))
                   for t in tools]
    cold, foundation, *peers = interleaved(contenders)
    peer = dict(zip(tools, peers))

    # 2. Warm, and appends.
    measured([LEDGER] + view)  # leaves a current cache
    warm = best_of([measured([LEDGER] + view) for _ in range(3)])
    record = measured([LEDGER, "record", "phase.entered", "service=svc-0001", "phase=live",
                       f"on={AS_OF}", "--ledger", work, "--by", "bench"])  # once: it appends
    for name in os.listdir(work):  # a copy or a checkout gives the files new times
        if name.endswith(".jsonl"):
            os.utime(os.path.join(work, name))
    stale = measured([LEDGER, "record", "phase.entered", "service=svc-0002", "phase=live",
                      f"on={AS_OF}", "--ledger", work, "--by", "bench"])
    after = best_of([measured([LEDGER] + view) for _ in range(3)])
    # Under roles.json (checked against the cache), then an import, which streams the log to
    # see what it already holds.
    roles = os.path.join(work, "roles.json")
    with open(roles, "w") as file:
        file.write('{"bench": ["*"]}')
    measured([LEDGER, "priorities", "--ledger", work, "--as-of", AS_OF])  # cache current
    governed = measured([LEDGER, "record", "phase.entered", "service=svc-0003", "phase=live",
                         f"on={AS_OF}", "--ledger", work, "--by", "bench"])
    os.remove(roles)
    imported = measured([LEDGER, "import", "transactions-explorer", CSV, "--ledger", work,
                         "--by", "bench"])

    print()
    print("| run | seconds | events/s | peak MiB | vs JSONDecoder | "
          + " | ".join(f"vs {t}" for t in tools) + " |")
    print("|---|---:|---:|---:|---:|" + "---:|" * len(tools))

    def row(name, run, replay=True):
        """A replay's events per second and its ratio to each baseline; an append's rate."""
        if not replay:
            print(f"| {name} | {seconds_text(run)} | {1 / run.seconds:,.1f} appends/s | "
                  f"{run.peak:.0f} | |" + " |" * len(tools))
            return
        ratios = " | ".join(f"{peer[t].seconds / run.seconds:.1f}x" for t in tools)
        print(f"| {name} | {seconds_text(run)} | {events / run.seconds:,.0f} | {run.peak:.0f} | "
              f"{foundation.seconds / run.seconds:.1f}x | {ratios} |")

    row("`priorities` cold (builds the cache)", cold)
    row("`priorities` warm (cache current)", warm)
    row("baseline: the same replay through JSONDecoder", foundation)
    for t in tools:
        row(f"baseline: {t} (bench/peers.py)", peer[t])
    row("`record` (cache current)", record, replay=False)
    row("`record` after a copy (cache stale)", stale, replay=False)
    row("`priorities` warm after the appends", after)
    row("`record` under roles.json (cache current)", governed, replay=False)
    row("`import transactions-explorer` (streams the log)", imported, replay=False)
    same = {"JSONDecoder": foundation.out, "warm": warm.out,
            **{t: peer[t].out for t in tools}}
    differ = [name for name, out in same.items() if out != cold.out]
    print()
    print("outputs identical to the cold replay:", "yes" if not differ else f"NO: {differ}")
    print()
    print("each run of the table's first part, in seconds, in the order they ran (the table "
          "gives the best), and their median:")
    for name, run in [("`priorities` cold", cold), ("JSONDecoder", foundation)] + \
            [(t, peer[t]) for t in tools]:
        print(f"- {name}: " + ", ".join(f"{seconds:.2f}" for seconds in run.each)
              + f" (median {statistics.median(run.each):.2f})")
    ratios = ", ".join(f"{t} {statistics.median(peer[t].each) / statistics.median(cold.each):.1f}x"
                       for t in tools)
    print(f"- median against median, `priorities` cold: {ratios}")

    # 3. Every command, cold, on a fresh copy (the appends above changed `work`).
    work = working_copy(ledger_of(events, options.services), "work")
    base = shorter_copy(work, "work-base", 1000)
    files = split_copy(work, "work-split", 40)
    file_count = len([f for f in os.listdir(files) if f.endswith(".jsonl")])
    commands = [
        ("priorities", ["priorities", "--format", "json"]),
        ("services", ["services", "--format", "json"]),
        ("channel-shift", ["channel-shift", "--format", "json"]),
        ("assisted-digital", ["assisted-digital", "--format", "json"]),
        ("managers", ["managers", "--format", "json"]),
        ("exemplars", ["exemplars", "--format", "json"]),
        ("actions", ["actions", "--format", "json"]),
        ("plans", ["plans", "--format", "json"]),
        ("service-levels", ["service-levels", "--format", "json"]),
        ("registry", ["registry", "--format", "json"]),
        ("log --service svc-0001", ["log", "--service", "svc-0001", "--format", "json"]),
        ("report (markdown)", ["report", "--format", "markdown"]),
        ("report (json)", ["report", "--format", "json"]),
        ("report (html)", ["report", "--format", "html"]),
        ("check (every rule)", ["check"]),
        (f"check --base (base {events - 1000:,} lines)", ["check", "--base", base]),
        (f"priorities, the log in {file_count} files", ["priorities", "--format", "json"], files),
        (f"check, the log in {file_count} files", ["check"], files),
    ]
    print()
    print(f"Every command cold (no cache), {events:,} events, as of {AS_OF}; target: at most "
          f"{MAX_SECONDS} s, {MAX_MIB} MiB and {MAX_VS_PRIORITIES}x a cold `priorities`")
    print()
    print("| command | seconds | peak MiB | vs cold priorities | within target |")
    print("|---|---:|---:|---:|---|")
    results = {}
    for name, arguments, *folder in commands:
        folder = folder[0] if folder else work
        command = [LEDGER] + arguments[:1] + ["--ledger", folder, "--as-of", AS_OF] + arguments[1:]
        prepare = no_cache(folder, *([base] if "--base" in arguments else []))
        runs = [measured(command, before=prepare, timeout=timeout)]
        if runs[0].finished and runs[0].seconds < 10:
            runs += [measured(command, before=prepare, timeout=timeout) for _ in range(2)]
        run = results[name] = best_of(runs)
        ratio = run.seconds / results["priorities"].seconds
        ok = (run.finished and run.seconds <= MAX_SECONDS and run.peak <= MAX_MIB
              and ratio <= MAX_VS_PRIORITIES)
        print(f"| {name} | {seconds_text(run)} | {run.peak:.0f} | {ratio:.1f}x | "
              f"{'yes' if ok else 'NO'} |", flush=True)

    # 4. Growth with the ledger's size.
    sizes = [int(s) for s in options.sizes.split(",") if s]
    print()
    print("How cost grows (cold, no cache); peak memory should stay flat")
    print()
    print("| events | priorities s | MiB | report s | MiB | check s | MiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for count in sizes:
        folder = working_copy(ledger_of(count, options.services), "work-size")
        cells = []
        for arguments in (["priorities", "--format", "json"], ["report", "--format", "json"],
                          ["check"]):
            command = ([LEDGER] + arguments[:1] + ["--ledger", folder, "--as-of", AS_OF]
                       + arguments[1:])
            run = measured(command, before=no_cache(folder), timeout=timeout)
            cells += [seconds_text(run), f"{run.peak:.0f}"]
        print(f"| {count:,} | " + " | ".join(cells) + " |", flush=True)
        shutil.rmtree(folder, ignore_errors=True)

    print()
    targets = [(f"`priorities` cold >= {n}x the {t} fold", peer[t].seconds / cold.seconds >= n)
               for t, n in PEER_TARGETS.items() if t in peer]
    targets.append((f"`priorities` cold peak memory <= {MAX_MIB} MiB", cold.peak <= MAX_MIB))
    slow = [name for name, run in results.items()
            if not (run.finished and run.seconds <= MAX_SECONDS and run.peak <= MAX_MIB
                    and run.seconds <= MAX_VS_PRIORITIES * results["priorities"].seconds)]
    targets.append(("every command within target", not slow))
    for name, met in targets:
        print(f"target: {name}: {'met' if met else 'NOT met'}")
    if slow:
        print("outside target:", ", ".join(slow))
    for folder in ("work", "work-base"):
        shutil.rmtree(os.path.join(DATA, folder), ignore_errors=True)
    if differ:
        sys.exit(1)


if __name__ == "__main__":
    main()
