/* tui/sections.c - the section column and the notice of sections
 * that are not built yet. */
#include "app.h"

#include "draw.h"

#include <stdio.h>

/* Sections follow the section-* actions of the registry, in order. */
static const enum action section_actions[] = {
	ACT_SECTION_1, ACT_SECTION_2, ACT_SECTION_3,
	ACT_SECTION_4, ACT_SECTION_5, ACT_SECTION_6,
};

int sections_count(void)
{
	return (int)(sizeof section_actions / sizeof section_actions[0]);
}

const char *section_name(int i)
{
	return _(action_info(section_actions[i])->label);
}

void sections_draw(struct app *app, int y, int h)
{
	for (int r = 0; r < h; r++)
		draw_blank(y + r, 0, SECTION_COLS, A_NORMAL);
	for (int i = 0; i < sections_count() && 1 + i * 2 < h; i++) {
		char buf[64];
		snprintf(buf, sizeof buf, " %d %s", i + 1, section_name(i));
		attr_t a = i == app->section ? draw_attr(C_SECTION) : A_NORMAL;
		draw_text(y + 1 + i * 2, 0, SECTION_COLS - 1, buf, a, TEXT_LEFT);
	}
	/* Under 今日: how many households are overdue for a visit. */
	int today = (int)(sizeof section_actions / sizeof section_actions[0]) - 1;
	if (app->due_count > 0 && 2 + today * 2 < h) {
		char buf[32];
		snprintf(buf, sizeof buf, "%6d", app->due_count);
		draw_text(y + 2 + today * 2, 0, SECTION_COLS - 1, buf, draw_attr(C_ERROR), TEXT_RIGHT);
	}
}

void placeholder_draw(struct app *app, int y, int x, int h, int w)
{
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	char buf[512];
	snprintf(buf, sizeof buf, _("%s: this part is not built yet."), section_name(app->section));
	draw_text(y + 2, x + 2, w - 4, buf, A_BOLD, TEXT_LEFT);
	draw_wrapped(y + 4, x + 2, w - 4, h - 5,
		     _("It will come in a later version. Press 1 to go back to the household register."),
		     A_NORMAL);
}
