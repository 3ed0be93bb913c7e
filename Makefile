# ServiceLedger: the verbs. `make check` is what CI runs; `make report` is the main job.
SWIFT ?= swift
LEDGER = .build/debug/ledger

.PHONY: build test lint format check run report events clean

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

# Rebuild events/ from sources/ and ../shared/data (deterministic).
events: build
	scripts/build-events.sh

clean:
	rm -rf .build
