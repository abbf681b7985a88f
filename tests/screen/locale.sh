#!/bin/sh
# Screen: an SSH login often arrives with LANG unset (the C locale);
# juwei falls back to C.UTF-8 and still shows Chinese, lined up.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

stop_tmux
rm -f "$TMP/exit.status"
tmx new-session -d -s t -x 80 -y 24 \
	"env -u LANG -u LC_ALL -u LC_CTYPE -u LANGUAGE JUWEI_TODAY=$JUWEI_TODAY HOME=$TMP sh -c '$JUWEI --db $DB; echo \$? > $TMP/exit.status'"
check "with LANG unset the Chinese screen appears" wait_for "第 1 户，共 $TOTAL 户"
snap > /dev/null
check "  ...section names in Chinese" grep -q "住户" "$TMP/screen"
a=$("$JUWEI_TOOLS/colof" "139****0001" < "$TMP/screen")
b=$("$JUWEI_TOOLS/colof" "139****0004" < "$TMP/screen")
check "  ...and columns still line up ($a, $b)" [ -n "$a" -a "$a" = "$b" ]
keys q
st=$(wait_exit)
check "  ...and it quits cleanly ($st)" [ "$st" = 0 ]
