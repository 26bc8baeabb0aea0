# Thin wrapper over the CMake presets. `make run` and `make test` do all set-up on a fresh machine.
PRESET ?= $(if $(filter true,$(CI)),ci,dev)
BUILD_DIR := build/$(PRESET)
GATEHOUSE := $(BUILD_DIR)/app/gatehouse

.PHONY: all deps configure build test run format clean

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

# With a display: the desktop application. Without one: the headless gateway on the default data directory.
run: configure
	cmake --build --preset $(PRESET) --target gatehouse
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then exec $(GATEHOUSE); \
	else echo "No display found: starting the headless gateway (gatehouse serve)."; exec $(GATEHOUSE) serve; fi

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
