/* mt19937.h — the Mersenne Twister MT19937, the generator behind random.

   A generator is 624 words of state and a position in them.  Each call
   takes the next word through the "tempering" transform; when all 624
   have been used the whole array is "twisted" into the next 624 at once.
   The seeding procedures (init_genrand from one word, init_by_array from
   a key of words) are Matsumoto and Nishimura's, the ones CPython's
   _random module uses, so a given key produces CPython's sequence.

   No allocation, no Python objects: the module (modules/randommodule.c)
   and the unit test (tests/unit/test_mt19937.c) both use it directly.

   CPython counterpart: Modules/_randommodule.c (genrand_uint32,
   init_genrand, init_by_array).  Read first: MpMT_Next */
#ifndef MP_MT19937_H
#define MP_MT19937_H

#include <stddef.h>
#include <stdint.h>

#define MP_MT_N 624  // words of state: the degree of the recurrence

typedef struct {
    uint32_t mt[MP_MT_N];
    int index;  // next word to hand out; MP_MT_N: twist first
} MpMT;

/* Seeds from a single 32-bit word (the reference init_genrand). */
void MpMT_InitGenrand(MpMT *g, uint32_t s);

/* Seeds from key[0:len] (the reference init_by_array); len >= 1. */
void MpMT_InitByArray(MpMT *g, const uint32_t *key, size_t len);

/* The next 32 random bits. */
uint32_t MpMT_Next(MpMT *g);

/* A double in [0, 1) with 53 random bits: (a * 2**26 + b) / 2**53 with
   a the top 27 bits of one word and b the top 26 of the next. */
double MpMT_Random(MpMT *g);

#endif
