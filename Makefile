# minipy — build, test, install.
#
#   make                 build/minipy, optimised (-O2), warning-free
#   make debug           build/debug/minipy: assertions and reference accounting
#   make asan            build/asan/minipy with ASan + UBSan, then the whole
#                        test suite run with it
#   make test            build, then every test: cmocka units, golden scripts,
#                        AST oracle cases, the standard-library parse check
#   make demo            build, then run the seed tour (examples/)
#   make golden          re-record expected outputs by running CPython 3.11
#   make install PREFIX=/usr/local
#   make clean
#
# Generated C (re2c, Bison, the Unicode tables) goes to build/gen/ and is
# shared by every build mode; objects go to build/<mode>/obj/.  Nothing under
# build/ is ever committed.

MODE ?= release
CC ?= cc
PREFIX ?= /usr/local
RE2C ?= re2c
BISON ?= bison
PYTHON ?= python3

GEN := build/gen
ifeq ($(MODE),release)
  OUT := build
  MODE_CFLAGS := -O2 -DNDEBUG -DMP_DEBUG=0
  MODE_LDFLAGS :=
else ifeq ($(MODE),debug)
  OUT := build/debug
  MODE_CFLAGS := -O0 -g -DMP_DEBUG=1
  MODE_LDFLAGS :=
else ifeq ($(MODE),asan)
  OUT := build/asan
  MODE_CFLAGS := -O1 -g -fno-omit-frame-pointer -DMP_DEBUG=1 \
                 -fsanitize=address,undefined -fno-sanitize-recover=undefined
  MODE_LDFLAGS := -fsanitize=address,undefined
else
  $(error MODE must be release, debug or asan)
endif
OBJ := $(OUT)/obj

WARN := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers
CFLAGS_ALL := -std=gnu11 $(WARN) $(MODE_CFLAGS) -Isrc -I$(GEN) $(CFLAGS)
LDLIBS := -lgmp -lm -ledit

# Every .c under src/ is part of the interpreter; main.c alone is left out
# of what the unit tests link against.
SRCS := $(shell find src -name '*.c' | sort)
GEN_SRCS := $(GEN)/lexer.c $(GEN)/parser.c
OBJS := $(patsubst %.c,$(OBJ)/%.o,$(SRCS)) \
        $(patsubst $(GEN)/%.c,$(OBJ)/gen/%.o,$(GEN_SRCS))
LIB_OBJS := $(filter-out $(OBJ)/src/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(patsubst tests/unit/%.c,$(OUT)/tests/%,$(UNIT_SRCS))
UNICODE_DIR ?= /usr/share/unicode

.PHONY: all debug asan test unit golden-test ast-test stdlib-test golden \
        install clean tools bench demo
.DELETE_ON_ERROR:

all: tools $(OUT)/minipy

debug:
	@$(MAKE) --no-print-directory MODE=debug all

# The sanitizer build runs the whole suite: a clean ASan/UBSan run is part
# of "resolved".
asan:
	@$(MAKE) --no-print-directory MODE=asan all unit-bins
	@ASAN_OPTIONS=detect_leaks=1 $(MAKE) --no-print-directory MODE=asan run-tests

test: all unit-bins
	@$(MAKE) --no-print-directory MODE=debug all
	@$(MAKE) --no-print-directory run-tests
	@sh tests/run_golden.sh build/debug/minipy --leaks
	@sh tests/run_repl.sh build/debug/minipy --leaks

.PHONY: unit-bins run-tests
unit-bins: tools $(UNIT_BINS) $(OUT)/tests/ptydrive

run-tests:
	@sh tests/run_unit.sh $(OUT)/tests
	@sh tests/run_golden.sh $(OUT)/minipy
	@sh tests/run_ast.sh $(OUT)/minipy
	@sh tests/run_stdlib.sh $(OUT)/minipy
	@sh tests/run_ast_oracle.sh $(OUT)/minipy
	@sh tests/run_signals.sh $(OUT)/minipy
	@sh tests/run_robust.sh $(OUT)/minipy
	@sh tests/run_importtime.sh $(OUT)/minipy
	@sh tests/run_repl.sh $(OUT)/minipy
	@sh tests/run_pty.sh $(OUT)/minipy $(OUT)/tests/ptydrive

# {====== Tools: install what is missing ======
# A fresh Debian machine has none of these; `make test` alone must work, so
# the Makefile installs them (sudo when not root) or names what is missing.
TOOLS_STAMP := build/.tools-ok
tools: $(TOOLS_STAMP)
$(TOOLS_STAMP): tools/ensure-tools.sh
	@sh tools/ensure-tools.sh
	@mkdir -p build && touch $@
# }======

# {====== Generated sources ======
$(GEN)/lexer.c: grammar/lexer.re $(GEN)/parser.h | $(TOOLS_STAMP)
	@mkdir -p $(GEN)
	$(RE2C) -W --no-generation-date --utf8 -o $@ $<

$(GEN)/parser.c $(GEN)/parser.h: grammar/parser.y | $(TOOLS_STAMP)
	@mkdir -p $(GEN)
	$(BISON) -Wall \
	    --defines=$(GEN)/parser.h -o $(GEN)/parser.c $<

$(GEN)/gen_unicodedb: tools/gen_unicodedb.c | $(TOOLS_STAMP)
	@mkdir -p $(GEN)
	$(CC) -O2 -std=gnu11 -o $@ $<

$(GEN)/unicodedb_tables.h: $(GEN)/gen_unicodedb
	$(GEN)/gen_unicodedb $(UNICODE_DIR) > $@.tmp && mv $@.tmp $@

$(OBJ)/src/unicodedb.o: $(GEN)/unicodedb_tables.h
# }======

# {====== Compilation ======
# Sources include the generated parser header, so it must exist first.
$(OBJ)/src/%.o: src/%.c $(GEN)/parser.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(OBJ)/gen/%.o: $(GEN)/%.c $(GEN)/parser.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS_ALL) -Wno-unused-function -Wno-sign-compare -MMD -MP \
	    -c -o $@ $<

$(OUT)/minipy: $(OBJS)
	@echo "  LINK    $@"
	@$(CC) $(MODE_LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(OUT)/tests/%: tests/unit/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS_ALL) $(MODE_LDFLAGS) -o $@ $< $(LIB_OBJS) -lcmocka $(LDLIBS)

# The pseudo-terminal driver of tests/run_pty.sh: a test tool, not linked
# with the interpreter.
$(OUT)/tests/ptydrive: tests/pty/ptydrive.c
	@mkdir -p $(dir $@)
	@echo "  TOOL    $@"
	@$(CC) -std=gnu11 $(WARN) -O1 -o $@ $< -lutil

-include $(shell find $(OBJ) -name '*.d' 2>/dev/null)
# }======

# {====== Recording, installing, cleaning ======
# Expected outputs come from CPython only: this re-runs python3 on every
# golden script and AST case and rewrites the recorded files.
golden:
	@sh tests/record_golden.sh $(PYTHON)
	@sh tests/record_repl.sh $(PYTHON)

# The seed tour: every example of examples/ in the course note's order,
# with a heading each (tools/demo.sh).  `make demo DEMO_FLAGS=--compare`
# also runs each under python3 and compares the outputs.
demo: all
	@sh tools/demo.sh $(OUT)/minipy $(DEMO_FLAGS)

# Benchmarks measure, they do not assert: not part of `make test`.
bench: all
	@sh tests/bench/run.sh $(OUT)/minipy

install: all
	mkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/minipy
	cp $(OUT)/minipy $(DESTDIR)$(PREFIX)/bin/minipy
	cp -R lib/. $(DESTDIR)$(PREFIX)/lib/minipy/

clean:
	rm -rf build
# }======
