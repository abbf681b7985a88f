#!/bin/sh
# Screen: a user's own keymap goes through the same parser as the
# default; the F-key bar, the help and the hints follow it, and a bad
# line is reported without stopping juwei.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

mkdir -p "$TMP/.config/juwei"
cat > "$TMP/.config/juwei/keys" <<'KEYS'
# my keys
bind households F9 search
bind households F3 help
bind generic x quit
bind generic F99 quit
KEYS
start 80 24 --db "$DB"
check "the list opens with a user keymap" wait_for "第 1 户，共 $TOTAL 户"
snap > /dev/null
check "a bad line is reported with its file and line" grep -q "按键设置有误：.*keys:5:" "$TMP/screen"
check "the F-key bar shows the user's F9 for search" grep -q "F3帮助.*F9搜索" "$TMP/screen"
keys F9
check "F9 searches" wait_for "搜索："
keys Escape
wait_gone "搜索：" > /dev/null
keys F3
check "F3, rebound, shows the help" wait_for "本屏按键"
snap > /dev/null
check "  ...and the help lists / and F9 for search, F3 no more" grep -q "^  / F9  " "$TMP/screen"
keys Escape
wait_gone "本屏按键" > /dev/null
keys x
st=$(wait_exit)
check "x, bound by the user, quits ($st)" [ "$st" = 0 ]
