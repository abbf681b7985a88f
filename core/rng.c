/* core/rng.c - xoshiro256** seeded through splitmix64. */
#include "rng.h"

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t out = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return out;
}

int rng_range(struct rng *r, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	uint64_t span = (uint64_t)((int64_t)hi - lo) + 1;
	return lo + (int)(rng_next(r) % span);
}

int rng_chance(struct rng *r, int per_mille)
{
	return (int)(rng_next(r) % 1000) < per_mille;
}

size_t rng_weighted(struct rng *r, const int *w, size_t n)
{
	long total = 0;
	for (size_t i = 0; i < n; i++)
		total += w[i];
	if (total <= 0)
		return 0;
	long pick = (long)(rng_next(r) % (uint64_t)total);
	for (size_t i = 0; i < n; i++) {
		if (pick < w[i])
			return i;
		pick -= w[i];
	}
	return n - 1;
}
