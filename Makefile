# Thin wrapper over the CMake presets. `make run` and `make test` do all set-up on a fresh machine.
PRESET ?= $(if $(filter true,$(CI)),ci,dev)
BUILD_DIR := build/$(PRESET)
GATEHOUSE := $(BUILD_DIR)/app/gatehouse

.PHONY: all deps configure build test bench bench-policy bench-policy-gateway bench-tokens run screenshots format clean

all: build

deps:
	@packaging/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset $(PRESET)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build --preset $(PRESET)

test: build
	ctest --preset $(PRESET)

# Full benchmark (Release, 20 s runs, median of 3 rounds, checks the targets): nginx, wrk and the
# fixture gateway on loopback. Pass options with BENCH_ARGS, e.g. BENCH_ARGS="--gateway-env QT_NO_GLIB=1".
build/bench/build.ninja: CMakeLists.txt CMakePresets.json
	cmake --preset bench

bench: deps build/bench/build.ninja
	cmake --build --preset bench --target gatehouse_fixture_gateway
	build/bench/tests/bench/run-bench $(BENCH_ARGS)

# The catalog gateway with and without policies (OAuth, permissions, quota, rate, audit), as
# `make bench` runs (20 s runs, median of 3 rounds); fails below 90% of the req/s without them.
bench-policy-gateway: deps build/bench/build.ninja
	cmake --build --preset bench --target gatehouse_fixture_gateway
	build/bench/tests/bench/run-bench --policy $(BENCH_ARGS)

# Policy micro-benchmark (Google Benchmark, Release): permission decision + quota + rate per call,
# p50/p99 of single calls; fails when p50 reaches 20 us.
bench-policy: deps build/bench/build.ninja
	cmake --build --preset bench --target bench_policy
	build/bench/tests/bench/bench_policy --check --benchmark_repetitions=3 $(BENCH_POLICY_ARGS)

# Token benchmark (o200k tokens of what MCP clients receive for GitHub's and Stripe's APIs, checks
# the targets): prints a table and writes build/bench/tokens.json. Specs and Node packages come from
# npm. Options with TOKEN_BENCH_ARGS, e.g. TOKEN_BENCH_ARGS="--upstream closed --verbose".
bench-tokens: deps build/bench/build.ninja
	cmake --build --preset bench --target gatehouse
	ctest --test-dir build/bench -R '^(NodeDepsInstall|OpenApiSpecsFetch)$$' --output-on-failure
	build/bench/tests/bench/tokens/run-token-bench --check --output build/bench/tokens.json $(TOKEN_BENCH_ARGS)

# Every page of the desktop application with demo data, rendered under Xvfb to PNG files in
# $(BUILD_DIR)/screenshots (SCREENSHOT_ARGS="--lang de" for German).
screenshots: configure
	cmake --build --preset $(PRESET) --target gatehouse_screenshots
	xvfb-run -a -s "-screen 0 1400x900x24" $(BUILD_DIR)/tests/gui/gatehouse_screenshots \
		--out $(BUILD_DIR)/screenshots $(SCREENSHOT_ARGS)

# With a display: the desktop application. Without one: the headless gateway on the default data directory.
run: configure
	cmake --build --preset $(PRESET) --target gatehouse
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then exec $(GATEHOUSE); \
	else echo "No display found: starting the headless gateway (gatehouse serve)."; exec $(GATEHOUSE) serve; fi

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
