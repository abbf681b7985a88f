#!/bin/sh
# tests/fuzz/libfuzzer.sh - run each fuzz target under libFuzzer (clang)
# for FUZZ_SECONDS (default 60) seconds, starting from its corpus.
set -eu
command -v clang >/dev/null || { echo "make fuzz needs clang (apt-get install clang)"; exit 1; }
secs=${FUZZ_SECONDS:-60}
out=build/fuzz
mkdir -p "$out" build/log-fuzz
make --no-print-directory -j"${JOBS:-1}" BUILD=build/fuzzlib CC=clang OPT="-O1 -g" \
	SAN="-fsanitize=address,undefined,fuzzer-no-link" build/fuzzlib/libjuwei.a
for src in tests/fuzz/fuzz_*.c; do
	n=$(basename "$src" .c)
	clang -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -O1 -g -I. \
		-fsanitize=address,undefined,fuzzer -o "$out/$n" "$src" build/fuzzlib/libjuwei.a \
		$(pkg-config --libs sqlite3 nettle libcrypt) -pthread
	mkdir -p "$out/corpus-$n"
	# Each run's own report goes beside it (tests/fuzz/short.sh reads it).
	"$out/$n" -max_total_time="$secs" "$out/corpus-$n" "tests/fuzz/corpus/${n#fuzz_}" \
		> "build/log-fuzz/$n.out" 2>&1 || { tail -30 "build/log-fuzz/$n.out"; exit 1; }
	echo "$n: $(grep '^Done' "build/log-fuzz/$n.out")"
done
