/* hash.c — SipHash-1-3 for str and bytes, and the per-process key.

   Algorithm (Aumasson and Bernstein's SipHash with one compression round
   per 8-byte block and three finalisation rounds, the variant CPython 3.11
   uses by default):

       v0..v3 = key k0,k1 xored with the constants "somepseudorandomlygeneratedbytes"
       for each 8-byte little-endian word m:  v3 ^= m; ROUND; v0 ^= m
       b = (len << 56) | the last 0..7 bytes
       v3 ^= b; ROUND; v0 ^= b; v2 ^= 0xff; ROUND x 3
       hash = v0 ^ v1 ^ v2 ^ v3

   The key is 16 bytes.  CPython fills a 24-byte secret (_Py_HashSecret_t)
   and reads k0, k1 from its first 16 bytes; we fill the same 24 bytes so
   that a PYTHONHASHSEED gives the same key byte for byte.

   Invariants: the empty input hashes to 0; no result is -1.

   CPython counterpart: Python/pyhash.c (siphash13, _Py_HashBytes),
   Python/bootstrap_hash.c (_Py_HashRandomization_Init, lcg_urandom).
   Read first: MpHash_Bytes */
#include "hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

/* {====== The key ====== */

static union {
    unsigned char bytes[24];  // sizeof(_Py_HashSecret_t) in CPython
    struct {
        uint64_t k0, k1;
    } sip;
} hash_secret;

static int hash_use_seed;
static unsigned long hash_seed;

/* CPython's lcg_urandom: the C library's old rand() LCG, one byte per
   step (x = x * 214013 + 2531011 mod 2**32; byte = bits 16..23). */
static void
lcg_urandom(unsigned int x, unsigned char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        x = x * 214013u + 2531011u;
        buf[i] = (x >> 16) & 0xff;
    }
}

static void
os_random(unsigned char *buf, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t r = getrandom(buf + done, n - done, 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        done += (size_t)r;
    }
    if (done < n) {
        int fd = open("/dev/urandom", O_RDONLY);
        if (fd >= 0) {
            while (done < n) {
                ssize_t r = read(fd, buf + done, n - done);
                if (r <= 0) {
                    break;
                }
                done += (size_t)r;
            }
            close(fd);
        }
    }
}

int
MpHash_Init(void)
{
    const char *text = getenv("PYTHONHASHSEED");
    if (text == NULL || text[0] == '\0' || strcmp(text, "random") == 0) {
        hash_use_seed = 0;
        hash_seed = 0;
        os_random(hash_secret.bytes, sizeof hash_secret.bytes);
        return 0;
    }
    /* As CPython's config_init_hash_seed: strtoul in base 10, the whole
       text must be used, at most 2**32 - 1. */
    char *end;
    errno = 0;
    unsigned long seed = strtoul(text, &end, 10);
    if (*end != '\0' || seed > 4294967295UL || errno == ERANGE) {
        return -1;
    }
    hash_use_seed = 1;
    hash_seed = seed;
    if (seed == 0) {
        memset(hash_secret.bytes, 0, sizeof hash_secret.bytes);
    }
    else {
        lcg_urandom((unsigned int)seed, hash_secret.bytes,
                    sizeof hash_secret.bytes);
    }
    return 0;
}

int
MpHash_UseSeed(void)
{
    return hash_use_seed;
}

unsigned long
MpHash_Seed(void)
{
    return hash_seed;
}
/* }====== */

/* {====== SipHash-1-3 ====== */

static inline uint64_t
rotl64(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

static inline uint64_t
load_le64(const unsigned char *p)
{
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
           (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 |
           (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
           (uint64_t)p[7] << 56;
}

#define HALF_ROUND(a, b, c, d, s, t) \
    do {                             \
        a += b;                      \
        c += d;                      \
        b = rotl64(b, s) ^ a;        \
        d = rotl64(d, t) ^ c;        \
        a = rotl64(a, 32);           \
    } while (0)

#define SIP_ROUND(v0, v1, v2, v3)                 \
    do {                                          \
        HALF_ROUND(v0, v1, v2, v3, 13, 16);       \
        HALF_ROUND(v2, v1, v0, v3, 17, 21);       \
    } while (0)

static uint64_t
siphash13(uint64_t k0, uint64_t k1, const unsigned char *in, size_t n)
{
    uint64_t b = (uint64_t)n << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;  // "somepseu"
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;  // "dorandom"
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;  // "lygenera"
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;  // "tedbytes"

    while (n >= 8) {
        uint64_t m = load_le64(in);
        in += 8;
        n -= 8;
        v3 ^= m;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t t = 0;
    for (size_t i = 0; i < n; i++) {
        t |= (uint64_t)in[i] << (8 * i);
    }
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

Mp_hash_t
MpHash_Bytes(const void *data, Mp_ssize_t len)
{
    if (len == 0) {
        return 0;
    }
    /* The key words are read little-endian from the secret's bytes, as
       CPython's _le64toh(_Py_HashSecret.siphash.k0). */
    uint64_t k0 = load_le64(hash_secret.bytes);
    uint64_t k1 = load_le64(hash_secret.bytes + 8);
    Mp_hash_t x = (Mp_hash_t)siphash13(k0, k1, data, (size_t)len);
    return x == -1 ? -2 : x;
}

Mp_hash_t
MpHash_Pointer(const void *p)
{
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    Mp_hash_t x = (Mp_hash_t)y;
    return x == -1 ? -2 : x;
}
/* }====== */
