#!/bin/sh
# Screen: terminals juwei cannot drive are refused with one clear line,
# and leave nothing behind (no sanitizer report in the ASan build).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"

DB=$TMP/t.db
demo_db "$DB" --households 20
for term in dumb bogus-terminal; do
	stop_tmux
	rm -f "$TMP/exit.status"
	tmx new-session -d -s t -x 80 -y 24 \
		"env LANG=C.UTF-8 TERM=$term sh -c '$JUWEI --db $DB 2> $TMP/err; echo \$? > $TMP/exit.status'"
	st=$(wait_exit)
	check "TERM=$term is refused (status $st)" [ "$st" = 1 ]
	check "  ...in one line" [ "$(wc -l < "$TMP/err")" = 1 ]
	cp "$TMP/err" "$TMP/err-$term"
done
check "TERM=dumb: the line says the terminal cannot place text" grep -q "不能在屏幕上定位" "$TMP/err-dumb"
check "an unknown TERM: the line asks whether TERM is set" grep -q "TERM" "$TMP/err-bogus-terminal"
