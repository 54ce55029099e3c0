# ResonanceKit: `make run` (the default study and its report) and `make test` (the test suite).
SWIFT ?= swift
BIN = .build/release

.PHONY: run test deps build bench clean report-screenshot

deps:
	@bash scripts/install-deps.sh

build: deps
	@$(SWIFT) build -c release --product resonance
	@$(SWIFT) build -c release --product resonance-sparse-real
	@$(SWIFT) build -c release --product resonance-sparse-complex

run: build
	@$(BIN)/resonance report --out report

# A PNG of the report's first screen and below (report/screenshot.png), drawn by headless Chromium.
report-screenshot:
	@command -v chromium >/dev/null || { echo "report-screenshot: chromium not found (make deps installs it)" >&2; exit 1; }
	@test -f report/index.html || { echo "report-screenshot: report/index.html not found; run make run first" >&2; exit 1; }
	@chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
		--screenshot="$(CURDIR)/report/screenshot.png" "file://$(CURDIR)/report/index.html" 2>/dev/null
	@echo "report/screenshot.png"

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
	@$(SWIFT) build -c release --product resonance-sparse-real
	@uptime
	@$(BIN)/resonance-benchmark observables --realizations 2
