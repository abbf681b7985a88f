/* core/model.c - freeing the records of core/model.h. */
#include "model.h"

#include "xalloc.h"

void hh_key_free(struct hh_key *k)
{
	x_free(&k->sort_key);
	k->id = 0;
}

void hh_key_copy(struct hh_key *dst, const struct hh_key *src)
{
	hh_key_free(dst);
	dst->sort_key = src->sort_key ? x_strdup(src->sort_key) : NULL;
	dst->id = src->id;
}

void hh_row_free(struct hh_row *r)
{
	hh_key_free(&r->key);
	x_free(&r->compound);
	x_free(&r->building);
	x_free(&r->unit);
	x_free(&r->room);
	x_free(&r->head);
	x_free(&r->kind);
	x_free(&r->phone);
	x_free(&r->tags);
	x_free(&r->status);
}

void member_free(struct member *m)
{
	x_free(&m->name);
	x_free(&m->relation);
	x_free(&m->sex);
	x_free(&m->birth_date);
	x_free(&m->id_number);
	x_free(&m->phone);
	x_free(&m->status);
	x_free(&m->status_date);
	x_free(&m->ethnicity);
	x_free(&m->residence_type);
	x_free(&m->tags);
}

void household_free(struct household *h)
{
	hh_row_free(&h->row);
	x_free(&h->grid);
	x_free(&h->reg_no);
	x_free(&h->notes);
	x_free(&h->tenure);
	for (int i = 0; i < h->n_members; i++)
		member_free(&h->members[i]);
	x_free(&h->members);
	h->n_members = 0;
}
