/* tui/sections.c - the section column: the six sections of the
 * registry with their digit keys, and under 今日 how many households are
 * overdue for a visit. */
#include "app.h"

#include "draw.h"

#include <stdio.h>

const char *section_name(int i)
{
	return _(action_info((enum action)(ACT_SECTION_1 + i))->label);
}

void sections_draw(struct app *app, int y, int h)
{
	for (int r = 0; r < h; r++)
		draw_blank(y + r, 0, SECTION_COLS, A_NORMAL);
	for (int i = 0; i < SECTIONS && 1 + i * 2 < h; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, " %d %s", i + 1, section_name(i));
		attr_t a = i == app->section ? draw_attr(C_SECTION) : A_NORMAL;
		draw_text(y + 1 + i * 2, 0, SECTION_COLS - 1, buf, a, TEXT_LEFT);
	}
	/* Under 今日: how many households are overdue for a visit. */
	int today = SECTIONS - 1;
	if (app->due_count > 0 && 2 + today * 2 < h) {
		char buf[32];
		snprintf(buf, sizeof buf, "%6d", app->due_count);
		draw_text(y + 2 + today * 2, 0, SECTION_COLS - 1, buf, draw_attr(C_ERROR), TEXT_RIGHT);
	}
}
