# citfee: build, test and try it out. `make test` is what CI runs.

BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
JOBS      ?= 2
CMAKE     ?= cmake
CTEST     ?= ctest
CLANG_FORMAT ?= clang-format

CITFEE := $(BUILD_DIR)/citfee
SOURCES = $(shell find include src tests/unit -name '*.cpp' -o -name '*.hpp' | sort)

# Any sanitizer report fails the run (and so the test that ran it).
SANITIZER_ENV := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
                 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

.PHONY: all deps build build-asan test demo bench clean format format-check

all: build

deps:
	bash scripts/install-deps.sh

build:
	$(CMAKE) -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
	$(CMAKE) --build $(BUILD_DIR) -j $(JOBS)

build-asan:
	$(CMAKE) -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCITFEE_SANITIZE=ON
	$(CMAKE) --build $(ASAN_DIR) -j $(JOBS)

test: deps
	$(MAKE) build build-asan
	$(CTEST) --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)
	$(SANITIZER_ENV) $(CTEST) --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)

demo: deps build
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -O table
	@echo
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -O csv
	@echo
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -O csv --decimal-comma

# citfee against mawk and Miller on a 10-million-event log (see bench/run.sh).
bench:
	bash scripts/install-deps.sh mawk miller hyperfine time
	bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)

format:
	$(CLANG_FORMAT) -i $(SOURCES)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(SOURCES)
