/* core/rng.h - a small deterministic random generator (xoshiro256**),
 * so that a demo community is the same for the same seed everywhere. */
#ifndef JUWEI_RNG_H
#define JUWEI_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [lo, hi]. */
int rng_range(struct rng *r, int lo, int hi);
/* True with probability per_mille / 1000. */
int rng_chance(struct rng *r, int per_mille);
/* Index chosen by weights w[0..n). */
size_t rng_weighted(struct rng *r, const int *w, size_t n);

#endif
