# juwei - Makefile
#
#   make            build ./juwei
#   make run        build, create ./demo.db on first run, open it
#   make check      build and run every test (normal build, then ASan+UBSan)
#   make bench      speed figures on a 50,000-household demo
#   make fuzz       run the fuzz targets with libFuzzer (needs clang)
#   make tables     regenerate the width and pinyin tables from unicode-data
#   make install PREFIX=/usr/local
#   make install SHARED=1   setgid to GROUP, the register in SHARED_DIR (a server)
#   make clean

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BUILD    ?= build/normal
CC       ?= cc
SAN      ?=
DB       ?= demo.db
# A shared server: juwei setgid to GROUP, the register in SHARED_DIR,
# which only that group may enter (README: 在街道服务器上部署).
GROUP      ?= juwei
SHARED_DIR ?= /var/lib/juwei

PKGS      = ncursesw sqlite3 libedit nettle libcrypt
WARN      = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
CSTD      = -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED
OPT      ?= -O2 -g
# Evaluated when a recipe runs, after tools/deps.sh had its chance.
# ncursesw's .pc adds its own -D_XOPEN_SOURCE; ours (700) is the one we mean.
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE%,$(shell pkg-config --cflags $(PKGS)))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -pthread
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka)
ALL_CFLAGS = $(CSTD) $(WARN) $(OPT) $(SAN) -I. -DJUWEI_VERSION='"$(VERSION)"' -DJUWEI_SHARED_DIR='"$(SHARED_DIR)"' $(PKG_CFLAGS) $(CFLAGS)

CORE_SRC  = $(wildcard core/*.c)
DB_SRC    = $(wildcard db/*.c)
TUI_SRC   = $(wildcard tui/*.c)
UNIT_SRC  = $(wildcard tests/unit/test_*.c)
TOOL_SRC  = $(wildcard tests/tools/*.c)
FUZZ_SRC  = $(wildcard tests/fuzz/fuzz_*.c)
EMBED     = $(sort $(wildcard db/migrations/*.sql)) $(wildcard keymaps/*.keys) $(wildcard locale/*.po)

LIB_OBJ   = $(CORE_SRC:%.c=$(BUILD)/%.o) $(DB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded.o
TUI_OBJ   = $(TUI_SRC:%.c=$(BUILD)/%.o)
# The screens without main(), for the unit tests of their shape.
TUI_LIB_OBJ = $(filter-out $(BUILD)/tui/main.o,$(TUI_OBJ))
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN  = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)
FUZZ_BIN  = $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/tests/%)

.PHONY: all run check check-one check-build bench fuzz install clean deps deps-check tables FORCE
.DELETE_ON_ERROR:

all: juwei

# After all: the first rule is what a bare `make` builds.
FORCE:

juwei: $(BUILD)/juwei
	ln -sf $(BUILD)/juwei $@

deps:
	@sh tools/deps.sh build

deps-check:
	@sh tools/deps.sh check

$(BUILD)/juwei: $(TUI_OBJ) $(BUILD)/libjuwei.a
	$(CC) $(SAN) -o $@ $(TUI_OBJ) $(BUILD)/libjuwei.a $(PKG_LIBS) $(LDFLAGS)

$(BUILD)/libjuwei.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/libjuwei-tui.a: $(TUI_LIB_OBJ)
	rm -f $@
	ar rcs $@ $(TUI_LIB_OBJ)

$(BUILD)/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $<

# The list of embedded files, rewritten only when it changes: a file
# taken away (a migration, a keymap) then remakes embedded.c as well.
$(BUILD)/gen/embed.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(EMBED)' | cmp -s - $@ || echo '$(EMBED)' > $@

$(BUILD)/gen/embedded.c: $(BUILD)/tools/embed $(EMBED) $(BUILD)/gen/embed.list
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed $@ $(EMBED)

$(BUILD)/gen/embedded.o: $(BUILD)/gen/embedded.c
	$(CC) $(CSTD) $(OPT) $(SAN) -I. -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libjuwei-tui.a $(BUILD)/libjuwei.a | deps-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(BUILD)/libjuwei-tui.a $(BUILD)/libjuwei.a $(CMOCKA_LIBS) $(PKG_LIBS)

$(BUILD)/tests/tools/%: tests/tools/%.c $(BUILD)/libjuwei.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libjuwei.a $(PKG_LIBS)

# Fuzz targets, built with a replay driver: make check runs each over its
# seed corpus and a few thousand generated inputs; make fuzz uses libFuzzer.
$(BUILD)/tests/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(BUILD)/libjuwei.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< tests/fuzz/driver.c $(BUILD)/libjuwei.a $(PKG_LIBS)

run: juwei
	@if [ ! -s "$(DB)" ]; then ./juwei demo --db "$(DB)"; fi
	./juwei --db "$(DB)"

# One build's suite: unit tests, fuzz replays, CLI and screen tests.
check-build: $(BUILD)/juwei $(UNIT_BIN) $(TOOL_BIN) $(FUZZ_BIN)

check-one: check-build
	@sh tests/run.sh $(BUILD)

# Compiling uses every core (JOBS); the tests run one at a time.  Where
# clang is, every fuzz target also runs a few seconds under libFuzzer.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
ASAN_FLAGS = OPT="-O1 -g -fno-omit-frame-pointer" SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
check: deps-check
	@rm -f build/results-*.txt
	@$(MAKE) --no-print-directory -j$(JOBS) BUILD=build/normal check-build && \
	 $(MAKE) --no-print-directory BUILD=build/normal check-one; \
	 $(MAKE) --no-print-directory -j$(JOBS) BUILD=build/asan $(ASAN_FLAGS) check-build && \
	 $(MAKE) --no-print-directory BUILD=build/asan $(ASAN_FLAGS) check-one; \
	 FUZZ_SECONDS=$${FUZZ_SECONDS:-2} JOBS=$(JOBS) sh tests/fuzz/short.sh; \
	 sh tests/summary.sh normal asan fuzz

$(BUILD)/tools/bench/bench: tools/bench/bench.c $(BUILD)/libjuwei.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libjuwei.a $(PKG_LIBS)

bench: juwei
	@sh tools/deps.sh bench
	@sh tools/bench/run.sh

fuzz:
	@sh tests/fuzz/libfuzzer.sh

# Regenerate the checked-in width and pinyin tables from Debian's
# unicode-data (EastAsianWidth, UnicodeData, Unihan).
tables:
	sh tools/gen-width.sh core/width_table.c
	sh tools/gen-pinyin.sh core/pinyin_table.c

ifeq ($(SHARED),1)
# Only tui/main.c reads SHARED_DIR: it is compiled again with the one
# asked for, and linked with the rest of the build.
install: $(BUILD)/juwei
	@mkdir -p $(BUILD)/shared
	$(CC) $(ALL_CFLAGS) -c -o $(BUILD)/shared/main.o tui/main.c
	$(CC) $(SAN) -o $(BUILD)/shared/juwei $(BUILD)/shared/main.o $(TUI_LIB_OBJ) $(BUILD)/libjuwei.a \
		$(PKG_LIBS) $(LDFLAGS)
	getent group $(GROUP) >/dev/null || groupadd --system $(GROUP)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/juwei/keymaps
	install -m 2755 -g $(GROUP) $(BUILD)/shared/juwei $(DESTDIR)$(PREFIX)/bin/juwei
	install -m 644 keymaps/*.keys $(DESTDIR)$(PREFIX)/share/juwei/keymaps/
	install -d -m 2770 -g $(GROUP) $(DESTDIR)$(SHARED_DIR)
else
install: juwei
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/juwei/keymaps
	install -m 755 $(BUILD)/juwei $(DESTDIR)$(PREFIX)/bin/juwei
	install -m 644 keymaps/*.keys $(DESTDIR)$(PREFIX)/share/juwei/keymaps/
endif

clean:
	rm -rf build juwei

-include $(shell find build -name '*.d' 2>/dev/null)
