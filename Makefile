# ResonanceKit: `make run` (the default study and its report) and `make test` (the test suite).
SWIFT ?= swift
BIN = .build/release

.PHONY: run test deps build bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	@$(SWIFT) build -c release --product resonance
	@$(SWIFT) build -c release --product resonance-sparse-real
	@$(SWIFT) build -c release --product resonance-sparse-complex

run: build
	@$(BIN)/resonance report --output report

test: deps
	@$(SWIFT) build --build-tests
	@$(SWIFT) build -c release --product resonance
	@$(SWIFT) test --skip-build

bench: deps
	@$(SWIFT) build -c release --product resonance
	@$(SWIFT) build -c release --product resonance-benchmark
	@$(BIN)/resonance-benchmark

clean:
	rm -rf .build report

# The observables pipeline against numpy (both layouts) and bare LAPACK, in one run (about 7 min on 2 cores).
.PHONY: bench-observables
bench-observables: deps
	@$(SWIFT) build -c release --product resonance-benchmark
	@uptime
	@$(BIN)/resonance-benchmark observables --realizations 2
