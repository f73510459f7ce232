/* randommodule.c — the _random module: the Random type over MT19937.

   _random.Random is the C half of random.Random (lib/random.py): it owns
   a Mersenne Twister (mt19937.c) and offers the few operations that need
   its state directly; everything else (randrange, shuffle, gauss, ...) is
   Python in lib/random.py, built on random() and getrandbits().

   Seeding decides which sequence a program sees, so it follows CPython
   bit for bit:
     - seed(None): 624 words from the OS (getrandom), or time and pid;
     - seed(n) for an int: the key is |n| cut into 32-bit words, least
       significant first (just [0] for 0), fed to init_by_array;
     - seed(x) for anything else: the key comes from hash(x) taken as an
       unsigned 64-bit number.
   (random.Random.seed turns str and bytes into an int first.)

   getrandbits(k) takes one word per 32 bits, least significant word
   first; a last partial word keeps its top bits (w >> (32 - k)), as
   CPython does.

   CPython counterpart: Modules/_randommodule.c.  Read first: random_seed */
#include <gmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "mt19937.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "objects/type.h"

typedef struct {
    MpObject_HEAD
    MpMT mt;
} RandomObject;

extern MpTypeObject MpRandom_Type;

/* {====== Seeding ====== */

static void
seed_from_os(RandomObject *self)
{
    uint32_t key[MP_MT_N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t n = getrandom((char *)key + got, sizeof key - got, 0);
        if (n <= 0) {
            break;
        }
        got += (size_t)n;
    }
    if (got < sizeof key) {
        /* no entropy source: time and pid, as CPython's fallback */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid();
        clock_gettime(CLOCK_MONOTONIC, &ts);
        key[3] = (uint32_t)ts.tv_nsec;
        MpMT_InitByArray(&self->mt, key, 4);
        return;
    }
    MpMT_InitByArray(&self->mt, key, MP_MT_N);
}

/* Seeds self from arg (NULL or None: from the OS).  Returns 0 or -1. */
static int
random_seed_obj(RandomObject *self, MpObject *arg)
{
    if (arg == NULL || arg == Mp_None) {
        seed_from_os(self);
        return 0;
    }
    mpz_t n;
    mpz_init(n);
    if (MpLong_Check(arg)) {
        MpLong_AsMpz(arg, n);
        mpz_abs(n, n);
    }
    else {
        Mp_hash_t h = MpObject_Hash(arg);
        if (h == -1 && MpErr_Occurred()) {
            mpz_clear(n);
            return -1;
        }
        /* (size_t)hash, as CPython: a negative hash wraps around */
        mpz_import(n, 1, 1, sizeof(uint64_t), 0, 0, &(uint64_t){(uint64_t)h});
    }
    size_t bits = mpz_sizeinbase(n, 2);
    size_t words = mpz_sgn(n) == 0 ? 1 : (bits + 31) / 32;
    uint32_t *key = calloc(words, sizeof(uint32_t));
    if (key == NULL) {
        mpz_clear(n);
        MpErr_NoMemory();
        return -1;
    }
    size_t count = 0;
    /* least significant word first, each word in native order */
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, n);
    MpMT_InitByArray(&self->mt, key, words);
    free(key);
    mpz_clear(n);
    return 0;
}

/* seed(n=None) */
static MpObject *
random_seed(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("seed", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    if (random_seed_obj((RandomObject *)self, nargs ? args[0] : NULL) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */

/* {====== Drawing ====== */

static MpObject *
random_random(MpObject *self, MpObject *unused)
{
    return MpFloat_FromDouble(MpMT_Random(&((RandomObject *)self)->mt));
}

/* getrandbits(k): a non-negative int of k random bits. */
static MpObject *
random_getrandbits(MpObject *self, MpObject *arg)
{
    MpMT *g = &((RandomObject *)self)->mt;
    Mp_ssize_t k = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (k == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (k > INT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        "Python int too large to convert to C int");
        return NULL;
    }
    if (k < 0) {
        MpErr_SetString(MpExc_ValueError,
                        "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0) {
        return MpLong_FromInt64(0);
    }
    if (k <= 32) {
        return MpLong_FromInt64(MpMT_Next(g) >> (32 - k));
    }
    size_t words = ((size_t)k + 31) / 32;
    uint32_t *w = malloc(words * sizeof(uint32_t));
    if (w == NULL) {
        return MpErr_NoMemory();
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = MpMT_Next(g);
        if (k < 32) {
            r >>= 32 - k;  // the last, partial word keeps its top bits
        }
        w[i] = r;
    }
    mpz_t n;
    mpz_init(n);
    mpz_import(n, words, -1, sizeof(uint32_t), 0, 0, w);
    free(w);
    MpObject *r = MpLong_FromMpz(n);
    mpz_clear(n);
    return r;
}
/* }====== */

/* {====== State ====== */

/* getstate(): a tuple of the 624 state words and the position. */
static MpObject *
random_getstate(MpObject *self, MpObject *unused)
{
    MpMT *g = &((RandomObject *)self)->mt;
    MpObject *t = MpTuple_New(MP_MT_N + 1);
    if (t == NULL) {
        return NULL;
    }
    for (int i = 0; i <= MP_MT_N; i++) {
        MpObject *v = i < MP_MT_N ? MpLong_FromUInt64(g->mt[i])
                                  : MpLong_FromInt64(g->index);
        if (v == NULL) {
            Mp_DECREF(t);
            return NULL;
        }
        MpTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* setstate(state): the inverse of getstate. */
static MpObject *
random_setstate(MpObject *self, MpObject *state)
{
    MpMT *g = &((RandomObject *)self)->mt;
    if (!MpTuple_Check(state)) {
        MpErr_SetString(MpExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (MpTuple_GET_SIZE(state) != MP_MT_N + 1) {
        MpErr_SetString(MpExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t mt[MP_MT_N];
    for (int i = 0; i < MP_MT_N; i++) {
        MpObject *item = MpTuple_GET_ITEM(state, i);
        if (!MpLong_Check(item)) {
            return MpErr_Format(MpExc_TypeError,
                                "an integer is required (got type %T)", item);
        }
        if (MpLong_Sign(item) < 0) {
            MpErr_SetString(MpExc_OverflowError,
                            "can't convert negative value to unsigned int");
            return NULL;
        }
        mpz_t z;
        mpz_init(z);
        MpLong_AsMpz(item, z);
        int fits = mpz_sizeinbase(z, 2) <= 64;
        uint64_t v = fits ? (uint64_t)mpz_get_ui(z) : 0;
        mpz_clear(z);
        if (!fits) {
            MpErr_SetString(MpExc_OverflowError,
                            "Python int too large to convert to C unsigned "
                            "long");
            return NULL;
        }
        mt[i] = (uint32_t)v;  // CPython keeps the low 32 bits too
    }
    MpObject *last = MpTuple_GET_ITEM(state, MP_MT_N);
    Mp_ssize_t index = MpNumber_AsSsize_t(last, MpExc_OverflowError);
    if (index == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (index < 0 || index > MP_MT_N) {
        MpErr_SetString(MpExc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(g->mt, mt, sizeof mt);
    g->index = (int)index;
    return Mp_NewRef(Mp_None);
}
/* }====== */

/* {====== The type ====== */

static MpObject *
random_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    RandomObject *self = (RandomObject *)MpObject_New(type);
    if (self != NULL) {
        self->mt.index = MP_MT_N;  // all-zero state until seeded
        if (MpObject_IsGC((MpObject *)self)) {
            MpObject_GC_Track(self);  // a subclass instance has a __dict__
        }
    }
    return (MpObject *)self;
}

/* Random(x=None): seeds from x.  A subclass that overrides __init__
   (random.Random does) seeds in its own way. */
static int
random_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    if ((Mp_TYPE(self) == &MpRandom_Type ||
         Mp_TYPE(self)->tp_init == MpRandom_Type.tp_init) &&
        kwargs != NULL && MpObject_Length(kwargs) > 0) {
        MpErr_SetString(MpExc_TypeError,
                        "Random() takes no keyword arguments");
        return -1;
    }
    Mp_ssize_t nargs = MpTuple_GET_SIZE(args);
    if (nargs > 1) {
        MpErr_SetString(MpExc_TypeError,
                        "Random() requires 0 or 1 argument");
        return -1;
    }
    return random_seed_obj((RandomObject *)self,
                           nargs == 1 ? MpTuple_GET_ITEM(args, 0) : NULL);
}

static void
random_dealloc(MpObject *o)
{
    MpObject_Free(o);
}

static MpMethodDef random_methods[] = {
    {"seed", (void *)random_seed, MP_METH_FASTCALL,
     "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a "
     "combination\nof the current time and the process identifier."},
    {"random", (void *)random_random, MP_METH_NOARGS,
     "random() -> x in the interval [0, 1)."},
    {"getrandbits", (void *)random_getrandbits, MP_METH_O,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"getstate", (void *)random_getstate, MP_METH_NOARGS,
     "getstate() -> tuple containing the current state."},
    {"setstate", (void *)random_setstate, MP_METH_O,
     "setstate(state) -> None.  Restores generator state."},
    {NULL},
};

MpTypeObject MpRandom_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = random_dealloc,
    .tp_new = random_new,
    .tp_init = random_init,
    .tp_methods = random_methods,
    .tp_doc = "Random() -> create a random number generator with its own "
              "internal state.",
};
/* }====== */

/* The _random module: the Random type.  Refs: NEW; NULL on error. */
MpObject *
MpRandomModule_Create(void)
{
    if (MpType_Ready(&MpRandom_Type) < 0) {
        return NULL;
    }
    MpObject *m = MpModule_New("_random");
    if (m == NULL ||
        MpModule_AddObject(m, "Random", Mp_NewRef(&MpRandom_Type)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
