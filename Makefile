# citfee: build, test and try it out. `make test` is what CI runs.

BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
FUZZ_DIR  ?= build-fuzz
# Seconds each fuzz target runs in `make test` (JOBS of them at a time, each on
# a processor of its own); `make fuzz FUZZ_SECONDS=600` for longer.
FUZZ_SECONDS ?= 45
JOBS      ?= 2
# Warnings are errors in development and CI; a packager's build leaves them warnings.
WERROR    ?= ON
CMAKE     ?= cmake
CTEST     ?= ctest
CLANG_FORMAT ?= clang-format

CITFEE := $(BUILD_DIR)/citfee
SOURCES = $(shell find src tests/unit tests/stream fuzz bench -name '*.cpp' -o -name '*.hpp' | sort)

# Any sanitizer report fails the run (and so the test that ran it). The
# suppressions cover only what fontconfig keeps until exit (see the file).
SANITIZER_ENV := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1 \
                 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
                 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

.PHONY: all deps build build-asan build-fuzz fuzz test demo package install bench clean format format-check

all: build

deps:
	bash scripts/install-deps.sh

build:
	$(CMAKE) -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCITFEE_WERROR=$(WERROR)
	$(CMAKE) --build $(BUILD_DIR) -j $(JOBS)

build-asan:
	$(CMAKE) -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCITFEE_SANITIZE=ON -DCITFEE_WERROR=$(WERROR)
	$(CMAKE) --build $(ASAN_DIR) -j $(JOBS)

test: deps
	$(MAKE) build build-asan
	$(CTEST) --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)
	$(SANITIZER_ENV) $(CTEST) --test-dir $(ASAN_DIR) --output-on-failure -j $(JOBS)
	$(MAKE) fuzz

# libFuzzer (clang) on the CSV reader, the tariff loader and the usage ledger,
# starting from the example and test files; a crash or sanitizer report fails.
# Only the targets and the libraries they link are built: the program and its
# commands are built and tested by the two builds above.
FUZZ_TARGETS := $(patsubst fuzz/%.cpp,%,$(wildcard fuzz/*_fuzz.cpp))
build-fuzz:
	CXX=clang++ $(CMAKE) -S . -B $(FUZZ_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCITFEE_FUZZ=ON -DCITFEE_TESTS=OFF
	$(CMAKE) --build $(FUZZ_DIR) -j $(JOBS) --target $(FUZZ_TARGETS)

fuzz: build-fuzz
	bash fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(JOBS)

demo: deps build
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -O table
	@echo
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -O csv
	@echo
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -O csv --decimal-comma
	@echo
	$(CITFEE) annual --year 2027 --entities examples/enti.csv -o $(BUILD_DIR)/quote-2027.xlsx
	@echo "Written $(BUILD_DIR)/quote-2027.xlsx: open it with Excel or LibreOffice Calc."
	$(CITFEE) semester --period 2026-H2 --entities examples/enti.csv --usage examples/consumi.csv \
	  --usage examples/formazione.csv --by entity -O table --statements $(BUILD_DIR)/demo-lettere --draft
	ls $(BUILD_DIR)/demo-lettere
	@echo
	@echo "The books: the annual bills of 2027 issued, the treasury's payments matched, who owes what."
	rm -f $(BUILD_DIR)/demo-registro.db
	CITFEE_TODAY=2027-01-15 $(CITFEE) annual --year 2027 --entities examples/enti.csv \
	  --books $(BUILD_DIR)/demo-registro.db --issue -O csv > /dev/null
	$(CITFEE) payments --books $(BUILD_DIR)/demo-registro.db examples/tesoreria.csv -O table
	$(CITFEE) balance --books $(BUILD_DIR)/demo-registro.db --as-of 2027-04-01 -O table

# The .deb, in $(BUILD_DIR)/deb/, built by debhelper as Debian builds it (its
# test, dist.package, runs in `make test`).
package: deps
	bash scripts/build-deb.sh $(BUILD_DIR)/deb

# `cmake --install` of the build tree: DESTDIR and PREFIX as usual.
PREFIX ?= /usr/local
install: build
	$(CMAKE) --install $(BUILD_DIR) --prefix $(PREFIX)

# citfee against mawk and Miller on a 10-million-event log (see bench/run.sh).
bench:
	bash scripts/install-deps.sh mawk miller hyperfine time
	bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR)

format:
	$(CLANG_FORMAT) -i $(SOURCES)

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $(SOURCES)
