/* tui/table.c - column layout and drawing. */
#include "table.h"

#include "core/i18n.h"
#include "draw.h"

#include <string.h>

void table_layout(const struct table_col *cols, int n, int w, struct table_layout *out)
{
	bool keep[TABLE_MAX_COLS] = { false };
	if (n > TABLE_MAX_COLS)
		n = TABLE_MAX_COLS;
	memset(out, 0, sizeof *out);
	out->n = n;
	/* Take columns by priority while they fit. */
	int used = 0;
	for (int prio = 0; prio < 32; prio++)
		for (int i = 0; i < n; i++) {
			if (cols[i].prio != prio)
				continue;
			int need = cols[i].width + (used ? 1 : 0);
			if (used + need <= w) {
				keep[i] = true;
				used += need;
			}
		}
	int x = 0, flex = -1;
	for (int i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		if (cols[i].flex && flex < 0)
			flex = i;
		out->w[i] = cols[i].width;
	}
	/* The flexible column, or else the last kept one, takes the rest. */
	if (flex < 0)
		for (int i = n - 1; i >= 0; i--)
			if (keep[i]) {
				flex = i;
				break;
			}
	/* A wide screen: the columns that may grow take up to their grow
	 * (by priority), so that a tag, a type or a state shows whole; half
	 * of the room stays for the flexible one. */
	int spare = w - used;
	if (spare >= TABLE_WIDE_SPARE) {
		int give = spare / 2;
		for (int prio = 0; prio < 32 && give > 0; prio++)
			for (int i = 0; i < n && give > 0; i++) {
				if (!keep[i] || i == flex || cols[i].prio != prio || !cols[i].grow)
					continue;
				int more = cols[i].grow < give ? cols[i].grow : give;
				out->w[i] += more;
				give -= more;
				used += more;
			}
	}
	if (flex >= 0)
		out->w[flex] += w - used;
	for (int i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		out->x[i] = x;
		x += out->w[i] + 1;
	}
}

void table_draw_header(int y, int x, int w, const struct table_col *cols,
		       const struct table_layout *l, attr_t attr)
{
	const char *cells[TABLE_MAX_COLS];
	for (int i = 0; i < l->n; i++) {
		cells[i] = _(cols[i].title);
		if (cols[i].brief && text_width(cells[i]) > l->w[i])
			cells[i] = _(cols[i].brief);
	}
	table_draw_row(y, x, w, l, cols, cells, attr);
}

void table_draw_row(int y, int x, int w, const struct table_layout *l,
		    const struct table_col *cols, const char *const *cells, attr_t attr)
{
	draw_blank(y, x, w, attr);
	for (int i = 0; i < l->n; i++) {
		if (!l->w[i])
			continue;
		draw_text(y, x + l->x[i], l->w[i], cells[i] ? cells[i] : "", attr, cols[i].align);
	}
}
