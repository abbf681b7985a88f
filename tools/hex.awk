# tools/hex.awk - shared by the table generators: hex("4E00") = 19968.
function hex(s,   i, n) {
	n = 0
	s = toupper(s)
	for (i = 1; i <= length(s); i++)
		n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1
	return n
}
