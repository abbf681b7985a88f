/* tests/fuzz/driver.c - run a fuzz target without libFuzzer: every file
 * of the corpus directory given, then a fixed number of inputs made by
 * mutating them with a fixed-seed generator.  make check uses this so
 * the targets run on any compiler; make fuzz uses libFuzzer instead. */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_MAX_INPUT 4096
#define ROUNDS 20000

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

struct input {
	uint8_t *data;
	size_t size;
};

static size_t load(const char *dir, struct input *in, size_t max)
{
	DIR *d = opendir(dir);
	size_t n = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d)) && n < max) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		in[n].data = malloc(FUZZ_MAX_INPUT);
		in[n].size = fread(in[n].data, 1, FUZZ_MAX_INPUT, f);
		fclose(f);
		n++;
	}
	closedir(d);
	return n;
}

int main(int argc, char **argv)
{
	static struct input corpus[256];
	size_t n = argc > 1 ? load(argv[1], corpus, 256) : 0;
	for (size_t i = 0; i < n; i++)
		LLVMFuzzerTestOneInput(corpus[i].data, corpus[i].size);
	uint8_t buf[FUZZ_MAX_INPUT];
	for (int r = 0; r < ROUNDS; r++) {
		size_t size;
		if (n && next() % 4) {
			const struct input *src = &corpus[next() % n];
			size = src->size;
			memcpy(buf, src->data, size);
			int flips = 1 + (int)(next() % 8);
			for (int k = 0; k < flips && size; k++) {
				size_t at = next() % size;
				switch (next() % 4) {
				case 0: buf[at] = (uint8_t)next(); break;
				case 1: buf[at] ^= (uint8_t)(1u << (next() % 8)); break;
				case 2: size = at; break;              /* truncate */
				default: buf[at] = "\n\t #\"\\\x1b\xe4\xb8\xad-"[next() % 11]; break;
				}
			}
		} else {
			size = next() % 256;
			for (size_t k = 0; k < size; k++)
				buf[k] = (uint8_t)next();
		}
		LLVMFuzzerTestOneInput(buf, size);
	}
	for (size_t i = 0; i < n; i++)
		free(corpus[i].data);
	printf("%zu corpus files, %d generated inputs\n", n, ROUNDS);
	return 0;
}
