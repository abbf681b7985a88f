/* tests/fuzz/fuzz.h - the libFuzzer entry point each target defines. */
#ifndef JUWEI_FUZZ_H
#define JUWEI_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
