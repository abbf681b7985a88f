/* tests/tools/colof.c - for each line of stdin that contains NEEDLE,
 * print the display column (0-based) where NEEDLE starts, measured with
 * core/text the way the terminal lays it out.  Screen tests use it to
 * check that columns line up whatever the names are.
 *
 * usage: colof NEEDLE [BEFORE] < screen.txt
 * With BEFORE, only matches that start left of that column count. */
#include "core/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: colof NEEDLE [BEFORE] < text\n");
		return 2;
	}
	int before = argc == 3 ? atoi(argv[2]) : 1 << 30;
	char line[8192];
	int found = 0;
	while (fgets(line, sizeof line, stdin)) {
		char *at = strstr(line, argv[1]);
		if (!at)
			continue;
		int col = text_width_n(line, (size_t)(at - line));
		if (col >= before)
			continue;
		printf("%d\n", col);
		found++;
	}
	return found ? 0 : 1;
}
