# ServiceLedger: the verbs. `make check` is what CI runs; `make report` is the main job.
SWIFT ?= swift
LEDGER = .build/debug/ledger

.PHONY: build test lint format check run report site events plans bench clean

build:
	$(SWIFT) build

test: build
	$(SWIFT) test

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

check: lint test

run: build
	$(LEDGER) services --ledger events --as-of 2015-03-31

# The board's 2015-Q1 report on the shipped ledger, as HTML (A4, charts) and Markdown.
report: build
	mkdir -p reports
	$(LEDGER) report --ledger events --quarter 2015-Q1 --format html --out reports/2015-Q1.html
	$(LEDGER) report --ledger events --quarter 2015-Q1 --format markdown --out reports/2015-Q1.md

# A static site of the shipped ledger in site/ (open site/index.html, or publish the folder),
# as of the end of the latest period its sources cover. scripts/browser-check.sh checks it in
# headless Chromium.
site: build
	$(LEDGER) site --ledger events --as-of 2017-09-30 --out site

# Rebuild events/ from sources/ (the strategy and sources/data), byte for byte the same on any
# machine. Built aside and compared first: events/ is replaced only when the build succeeded,
# and the script says whether anything changed.
events: build
	scripts/build-events.sh

# Rebuild the plan packs under plans/ from their sources (deterministic).
plans: build
	scripts/build-plans.sh

clean:
	rm -rf .build

# Release build, generated ledgers (made once, in bench-data/), and tables of every command's
# time and memory beside the JSONDecoder path and the json, orjson, DuckDB and polars folds of
# bench/peers.py (their packages installed into bench-data/venv). BENCH_ARGS passes options,
# e.g. BENCH_ARGS="--sizes 100000,300000" (see bench/bench.py --help).
bench:
	$(SWIFT) build -c release
	python3 bench/bench.py $(BENCH_ARGS)
