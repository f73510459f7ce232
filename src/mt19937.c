/* mt19937.c — the Mersenne Twister MT19937 (see mt19937.h).

   The state is the recurrence x[k+624] = x[k+397] ^ A(upper(x[k]) |
   lower(x[k+1])), where upper takes the top bit, lower the other 31, and
   A multiplies by the companion matrix: a right shift, xored with the
   constant 0x9908b0df when the low bit was set.  MpMT_Next hands the
   words out one at a time through a tempering transform (shifts and masks
   that improve equidistribution); twist() recomputes all 624 at once when
   they run out.

   Constants (from Matsumoto & Nishimura, "Mersenne Twister: A
   623-dimensionally equidistributed uniform pseudorandom number
   generator", 1998): period 2**19937-1, N = 624, M = 397, matrix
   0x9908b0df, tempering masks 0x9d2c5680 and 0xefc60000.

   CPython counterpart: Modules/_randommodule.c.  Read first: MpMT_Next */
#include "mt19937.h"

#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

void
MpMT_InitGenrand(MpMT *g, uint32_t s)
{
    g->mt[0] = s;
    for (int i = 1; i < MP_MT_N; i++) {
        uint32_t prev = g->mt[i - 1];
        /* Knuth's multiplier for seeding (TAOCP vol. 2, 3rd ed., p. 106) */
        g->mt[i] = 1812433253U * (prev ^ (prev >> 30)) + (uint32_t)i;
    }
    g->index = MP_MT_N;
}

void
MpMT_InitByArray(MpMT *g, const uint32_t *key, size_t len)
{
    MpMT_InitGenrand(g, 19650218U);  // the reference's fixed start
    uint32_t *mt = g->mt;
    size_t i = 1, j = 0;
    size_t k = len > MP_MT_N ? len : MP_MT_N;
    /* mix every key word into the state, wrapping around both */
    for (; k > 0; k--) {
        uint32_t prev = mt[i - 1];
        mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1664525U)) + key[j] +
                (uint32_t)j;
        i++;
        j++;
        if (i >= MP_MT_N) {
            mt[0] = mt[MP_MT_N - 1];
            i = 1;
        }
        if (j >= len) {
            j = 0;
        }
    }
    /* then one more pass without the key */
    for (k = MP_MT_N - 1; k > 0; k--) {
        uint32_t prev = mt[i - 1];
        mt[i] = (mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MP_MT_N) {
            mt[0] = mt[MP_MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;  // the state is never all zeros
    g->index = MP_MT_N;
}

/* The next 624 words from the current 624. */
static void
twist(MpMT *g)
{
    uint32_t *mt = g->mt;
    for (int k = 0; k < MP_MT_N; k++) {
        uint32_t y = (mt[k] & UPPER_MASK) | (mt[(k + 1) % MP_MT_N] &
                                             LOWER_MASK);
        uint32_t v = mt[(k + MT_M) % MP_MT_N] ^ (y >> 1);
        if (y & 1U) {
            v ^= MATRIX_A;
        }
        mt[k] = v;
    }
    g->index = 0;
}

uint32_t
MpMT_Next(MpMT *g)
{
    if (g->index >= MP_MT_N) {
        twist(g);
    }
    uint32_t y = g->mt[g->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    return y;
}

double
MpMT_Random(MpMT *g)
{
    uint32_t a = MpMT_Next(g) >> 5;  // 27 bits
    uint32_t b = MpMT_Next(g) >> 6;  // 26 bits
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}
