#!/usr/bin/env python3
"""`make bench`: replay speed and memory of the release build on a generated ledger, side by
side with two baselines in the same run (Foundation's JSONDecoder path and a plain Python
json.loads fold of the same projection), and a check that all three print the same bytes.

usage: bench.py [EVENTS] [SERVICES]   (defaults 1000000 and 500)
"""
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LEDGER = os.path.join(ROOT, ".build", "release", "ledger")
EVENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
SERVICES = int(sys.argv[2]) if len(sys.argv) > 2 else 500
DATA = os.path.join(ROOT, "bench-data", f"ledger-{EVENTS}-{SERVICES}-seed1")
WORK = os.path.join(ROOT, "bench-data", "work")
AS_OF = "2026-01-01"
VIEW = ["priorities", "--ledger", WORK, "--format", "json", "--as-of", AS_OF]


def measured(command, env=None, repeat=1, before=None):
    """Best wall time of `repeat` runs and the largest peak memory, via wait4's rusage."""
    best, peak, out = None, 0, b""
    for _ in range(repeat):
        if before:
            before()
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env={**os.environ, **(env or {})})
        chunks = []
        while True:
            chunk = process.stdout.read(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            sys.exit(f"failed: {' '.join(command)}\n{err.decode()}")
        best = seconds if best is None else min(best, seconds)
        peak = max(peak, usage.ru_maxrss / 1024)
        out = b"".join(chunks)
    return best, peak, out


def interleaved(runs, rounds=3):
    """`measured` for each of `runs` (keyword arguments), taking turns round by round, so that
    a slow moment of the machine falls on every contender alike: best times, largest peaks."""
    times = [[] for _ in runs]
    for _ in range(rounds):
        for index, run in enumerate(runs):
            times[index].append(measured(**run))
    return [(min(t[0] for t in each), max(t[1] for t in each), each[-1][2]) for each in times]


def drop_cache():
    for name in (".ledger-cache", ".ledger-cache-validator"):
        path = os.path.join(WORK, name)
        if os.path.exists(path):
            os.remove(path)


def main():
    if not os.path.exists(LEDGER):
        sys.exit("build first: swift build -c release")
    if not os.path.isdir(DATA):
        print(f"generating {EVENTS:,} events for {SERVICES} services (once) ...", flush=True)
        subprocess.run([LEDGER, "generate", "--ledger", DATA, "--services", str(SERVICES),
                        "--events", str(EVENTS), "--seed", "1"], check=True)
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.copytree(DATA, WORK)
    # The copy's dirty pages are written back now, not by the kernel during the first runs.
    os.sync()
    size = sum(os.path.getsize(os.path.join(WORK, f)) for f in os.listdir(WORK))
    print(f"ledger: {EVENTS:,} events, {SERVICES} services, {size / 1e6:.0f} MB, "
          f"{os.cpu_count()} cores; view: ledger {' '.join(VIEW[:1] + VIEW[3:])}", flush=True)

    rows = []
    # Every row is the best of three runs, the baselines as much as the tool, and the cold
    # replay and its baselines take turns, so that a slow moment of the machine can neither
    # flatter nor spoil the ratios. One untimed cold replay first reads the files once.
    measured([LEDGER] + VIEW, before=drop_cache)
    cold, foundation, python = interleaved([
        dict(command=[LEDGER] + VIEW, before=drop_cache),
        dict(command=[LEDGER] + VIEW, env={"LEDGER_DECODER": "foundation"}, before=drop_cache),
        dict(command=[sys.executable, os.path.join(ROOT, "bench", "python_priorities.py"),
                      WORK, AS_OF]),
    ])
    rows.append(("cold full replay (fast path, builds the cache)", cold))
    measured([LEDGER] + VIEW)  # leave a current cache
    warm = measured([LEDGER] + VIEW, repeat=3)
    rows.append(("warm replay (cache current)", warm))
    rows.append(("baseline: same replay through JSONDecoder", foundation))
    rows.append(("baseline: streaming Python json.loads fold", python))
    record = measured([LEDGER, "record", "phase.entered", "service=svc-0001", "phase=live",
                       f"on={AS_OF}", "--ledger", WORK, "--by", "bench"])  # once: it appends
    rows.append(("single append (ledger record, cached)", record))
    # A copy or a checkout gives the files new times: the cache is stale and is rebuilt first.
    for name in os.listdir(WORK):
        if name.endswith(".jsonl"):
            os.utime(os.path.join(WORK, name))
    stale = measured([LEDGER, "record", "phase.entered", "service=svc-0002", "phase=live",
                      f"on={AS_OF}", "--ledger", WORK, "--by", "bench"])
    rows.append(("single append after a copy (stale cache)", stale))
    after = measured([LEDGER] + VIEW, repeat=3)
    rows.append(("warm replay after the append", after))

    print()
    print(f"| {'run':<48} | {'seconds':>8} | {'events/s':>12} | {'peak MiB':>8} | "
          f"{'vs JSONDecoder':>14} | {'vs Python':>9} |")
    print(f"|{'-' * 50}|{'-' * 10}:|{'-' * 13}:|{'-' * 9}:|{'-' * 15}:|{'-' * 10}:|")
    for name, (seconds, peak, _) in rows:
        single = name.startswith("single append")
        unit = f"{1 / seconds:,.1f} appends/s" if single else f"{EVENTS / seconds:,.0f}"
        print(f"| {name:<48} | {seconds:>8.2f} | {unit:>12} | {peak:>8.0f} | "
              f"{foundation[0] / seconds:>13.1f}x | {python[0] / seconds:>8.1f}x |")
    same = cold[2] == foundation[2] == python[2] == warm[2]
    print()
    print("outputs identical (fast, cached, JSONDecoder, Python):", "yes" if same else "NO")
    targets = [
        ("cold >= 10x faster than Python", python[0] / cold[0] >= 10),
        ("cold >= 15x faster than JSONDecoder", foundation[0] / cold[0] >= 15),
        ("cold peak memory <= 128 MiB", cold[1] <= 128),
    ]
    for name, met in targets:
        print(f"target: {name}: {'met' if met else 'NOT met'}")
    shutil.rmtree(WORK, ignore_errors=True)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
