/* int.c — int and bool: Python's arbitrary-precision integers.

   Representation.  An MpLongObject holds its value in one of two forms:

       is_big == 0   u.small: an int64_t
       is_big == 1   u.big:   a GMP mpz_t, whose limbs are malloc'd by GMP

   Invariant: is_big is set exactly when the value does not fit in int64_t.
   Every operation that produces an int goes through long_from_mpz (or
   MpLong_FromInt64), which moves a result that fits back to the small
   form.  So two equal ints are in the same form, the small fast paths can
   trust the flag, and hashing needs only one formula per form.

   Fast paths.  + - * and comparisons of two small ints are done on machine
   words; __builtin_*_overflow detects the results that do not fit, which
   are then recomputed with GMP.  The ints -5..256 are preallocated
   (small_ints, filled by MpLong_Init) as in CPython, so that `256 is 256`
   holds for computed values too.  bool is a subclass of int with exactly
   two instances, Mp_True and Mp_False, statically allocated below.

   Python semantics that C does not give for free:
     - // and % round towards minus infinity (C truncates): a % b has the
       sign of b.  GMP's mpz_fdiv_* are exactly Python's.
     - & | ^ ~ act on the infinite two's complement form of the value;
       mpz_and/ior/xor/com implement that for negative values too.
     - int / int is the correctly rounded quotient, even for huge operands
       (true_divide: an exact integer quotient with 55+ bits and a sticky
       bit, then one rounding to 53 bits: mpz_ldexp).
     - int -> float rounds half-even (mpz_get_d would truncate).
     - hash(n) is n mod (2**61 - 1) with the sign of n (-1 becomes -2),
       so that hash(n) == hash(float(n)) == hash(Fraction(n)); see hash.h.
     - str(n) and int(s) refuse more than 4300 decimal digits (3.11's
       protection against quadratic conversions, sys.set_int_max_str_digits).

   CPython counterpart: Objects/longobject.c, Objects/boolobject.c.
   Read first: long_from_mpz, long_add. */
#include "objects/int.h"
#include "obmalloc.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "format.h"
#include "getargs.h"
#include "hash.h"
#include "repr.h"
#include "strbuf.h"
#include "unicodedb.h"
#include "objects/bytes.h"
#include "objects/memoryview.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

_Static_assert(sizeof(long) == 8, "GMP's *_si functions must take int64");

Mp_ssize_t mp_int_max_str_digits = 4300; // sys.int_info.default_max_str_digits

/* {====== Representation ====== */

#define NSMALLNEG 5   // -5 ..
#define NSMALLPOS 257 // .. 256, as CPython's _PY_NSMALL{NEG,POS}INTS
static MpLongObject small_ints[NSMALLNEG + NSMALLPOS];

static inline int
is_small_int(const MpObject *o)
{
    return (const MpLongObject *)o >= small_ints &&
           (const MpLongObject *)o < small_ints + NSMALLNEG + NSMALLPOS;
}

static inline MpLongObject *
lng(MpObject *o)
{
    return (MpLongObject *)o;
}

int
MpLong_Init(void)
{
    for (int i = 0; i < NSMALLNEG + NSMALLPOS; i++) {
        small_ints[i].ob_base.ob_refcnt = 1;
        small_ints[i].ob_base.ob_type = &MpLong_Type;
        small_ints[i].is_big = 0;
        small_ints[i].u.small = i - NSMALLNEG;
    }
    return 0;
}

/* {====== A free list of int objects ======
   Arithmetic makes and drops an int per operation; the last
   LONG_FREELIST_MAX exact ints freed are kept, linked through their value
   field, and reused without going through the allocator (CPython keeps
   such lists for floats and tuples).  A kept object is dead: the debug
   build's block count drops when it is kept and rises when it is reused.
   The sanitizer build keeps none, so that every int is its own block. */
#define LONG_FREELIST_MAX 128

#if MP_OBMALLOC
static MpLongObject *long_free_list;
static int long_free_count;
#endif
/* }====== */

void
MpLong_Fini(void)
{
#if MP_OBMALLOC
    while (long_free_list != NULL) {
        MpLongObject *next = (MpLongObject *)(intptr_t)long_free_list->u.small;
        MpMem_Free(long_free_list);  // already uncounted: see long_dealloc
        long_free_list = next;
    }
    long_free_count = 0;
#endif
}

static void
long_dealloc(MpObject *o)
{
    /* A preallocated int or a bool reaching zero is a reference-count bug
       elsewhere; never free static storage. */
    assert(!is_small_int(o));
    if (is_small_int(o) || o == Mp_True || o == Mp_False) {
        o->ob_refcnt = 1;
        return;
    }
    if (lng(o)->is_big) {
        mpz_clear(&lng(o)->u.big);
    }
#if MP_OBMALLOC
    if (Mp_TYPE(o) == &MpLong_Type && long_free_count < LONG_FREELIST_MAX) {
        lng(o)->u.small = (int64_t)(intptr_t)long_free_list;
        long_free_list = lng(o);
        long_free_count++;
#if MP_DEBUG
        mp_blocks--;
#endif
        return;
    }
#endif
    MpObject_Free(o);
}

MpObject *
MpLong_FromInt64(int64_t v)
{
    if (v >= -NSMALLNEG && v < NSMALLPOS) {
        return Mp_NewRef(&small_ints[v + NSMALLNEG]);
    }
#if MP_OBMALLOC
    MpLongObject *r = long_free_list;
    if (r != NULL) {
        long_free_list = (MpLongObject *)(intptr_t)r->u.small;
        long_free_count--;
        r->ob_base.ob_refcnt = 1;
        r->is_big = 0;
        r->u.small = v;
#if MP_DEBUG
        mp_ref_total++;
        mp_blocks++;
#endif
        return (MpObject *)r;
    }
#else
    MpLongObject *r;
#endif
    r = (MpLongObject *)MpObject_New(&MpLong_Type);
    if (r != NULL) {
        r->u.small = v;
    }
    return (MpObject *)r;
}

MpObject *
MpLong_FromSsize_t(Mp_ssize_t v)
{
    return MpLong_FromInt64((int64_t)v);
}

/* The int whose value is z, which this call consumes: its limbs move into
   a new big int, or z is cleared when the value fits the small form (the
   normalisation that keeps the representation invariant).  Refs: NEW. */
static MpObject *
long_from_mpz(mpz_ptr z)
{
    if (mpz_fits_slong_p(z)) {
        int64_t v = mpz_get_si(z);
        mpz_clear(z);
        return MpLong_FromInt64(v);
    }
    MpLongObject *r = (MpLongObject *)MpObject_New(&MpLong_Type);
    if (r == NULL) {
        mpz_clear(z);
        return NULL;
    }
    r->is_big = 1;
    r->u.big = *z; // the limbs now belong to r
    return (MpObject *)r;
}

MpObject *
MpLong_FromUInt64(uint64_t v)
{
    if (v <= INT64_MAX) {
        return MpLong_FromInt64((int64_t)v);
    }
    mpz_t z;
    mpz_init_set_ui(z, v);
    return long_from_mpz(z);
}

MpObject *
MpLong_FromMpz(const mpz_t v)
{
    mpz_t z;
    mpz_init_set(z, v);
    return long_from_mpz(z);
}

MpObject *
MpLong_FromDouble(double v)
{
    if (isnan(v)) {
        MpErr_SetString(MpExc_ValueError,
                        "cannot convert float NaN to integer");
        return NULL;
    }
    if (isinf(v)) {
        MpErr_SetString(MpExc_OverflowError,
                        "cannot convert float infinity to integer");
        return NULL;
    }
    /* 2**63 is exact as a double: every |t| < 2**63 fits in int64_t. */
    double t = trunc(v);
    if (t > -9223372036854775808.0 && t < 9223372036854775808.0) {
        return MpLong_FromInt64((int64_t)t);
    }
    mpz_t z;
    mpz_init_set_d(z, t); // exact: t is an integer
    return long_from_mpz(z);
}

/* o's value as an mpz to read: o's own for a big int, else tmp holding
   the small value.  tmp is initialised here either way, and the caller
   mpz_clears it when done.  o must be an int. */
static mpz_srcptr
long_mpz(MpObject *o, mpz_ptr tmp)
{
    if (lng(o)->is_big) {
        mpz_init(tmp); // allocates nothing (GMP >= 6.2)
        return &lng(o)->u.big;
    }
    mpz_init_set_si(tmp, lng(o)->u.small);
    return tmp;
}

/* The exact int equal to o (an int or a subclass, bool included): o
   itself when it is an exact int.  Refs: NEW. */
static MpObject *
long_long(MpObject *o)
{
    if (MpLong_CheckExact(o)) {
        return Mp_NewRef(o);
    }
    if (!lng(o)->is_big) {
        return MpLong_FromInt64(lng(o)->u.small);
    }
    return MpLong_FromMpz(&lng(o)->u.big);
}

/* A new instance of the int subclass type with the value of the int v.
   Refs: NEW; v BORROWED. */
static MpObject *
long_subtype_copy(MpTypeObject *type, MpObject *v)
{
    MpLongObject *r = (MpLongObject *)MpObject_New(type);
    if (r == NULL) {
        return NULL;
    }
    r->is_big = lng(v)->is_big;
    if (r->is_big) {
        mpz_init_set(&r->u.big, &lng(v)->u.big);
    } else {
        r->u.small = lng(v)->u.small;
    }
    if (MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
        MpObject_GC_Track(r);  // a subclass instance: __dict__, slots
    }
    return (MpObject *)r;
}
/* }====== */

/* {====== Conversions to C ====== */

int64_t
MpLong_AsInt64(MpObject *o)
{
    if (!MpLong_Check(o)) {
        MpObject *i = MpNumber_Index(o);
        if (i == NULL) {
            return -1;
        }
        int64_t r = MpLong_AsInt64(i);
        Mp_DECREF(i);
        return r;
    }
    if (!lng(o)->is_big) {
        return lng(o)->u.small;
    }
    MpErr_SetString(MpExc_OverflowError,
                    "Python int too large to convert to C long");
    return -1;
}

Mp_ssize_t
MpLong_AsSsize_t(MpObject *o)
{
    if (MpLong_Check(o) && lng(o)->is_big) {
        MpErr_SetString(MpExc_OverflowError,
                        "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Mp_ssize_t)MpLong_AsInt64(o);
}

void
MpLong_AsMpz(MpObject *o, mpz_t out)
{
    if (lng(o)->is_big) {
        mpz_set(out, &lng(o)->u.big);
    } else {
        mpz_set_si(out, lng(o)->u.small);
    }
}

int
MpLong_Sign(MpObject *o)
{
    if (lng(o)->is_big) {
        return mpz_sgn(&lng(o)->u.big);
    }
    int64_t v = lng(o)->u.small;
    return (v > 0) - (v < 0);
}

/* The number of bits of |z|: 0 for 0. */
static size_t
mpz_bits(mpz_srcptr z)
{
    return mpz_sgn(z) == 0 ? 0 : mpz_sizeinbase(z, 2);
}

double
MpMpz_Ldexp(const mpz_t z, long e, int *overflow)
{
    /* Postcondition: the result is z * 2**e rounded once, half to even,
       as IEEE arithmetic would if it had the exact value.  Why: we drop k
       low bits ourselves, choosing k so that what is left (q) has at most
       53 bits and, for results below DBL_MIN, no bit under 2**-1074; so
       (double)q and the ldexp that follows are both exact. */
    *overflow = 0;
    int sign = mpz_sgn(z);
    if (sign == 0) {
        return 0.0;
    }
    long bits = (long)mpz_sizeinbase(z, 2);
    if (bits + e <= -1075) {
        /* Below 2**-1075, half the smallest subnormal: rounds to zero. */
        return sign < 0 ? -0.0 : 0.0;
    }
    /* The result's top bit is 2**(bits - 1 + e); beyond 2**1023 it
       overflows whatever the rounding; 2**-1076 and below round to 0. */
    if (bits + e > 1025) {
        *overflow = 1;
        return sign < 0 ? -HUGE_VAL : HUGE_VAL;
    }
    long k = bits - 53; // keep 53 bits ...
    if (e + k < -1074) {
        k = -1074 - e; // ... but none below 2**-1074
    }
    mpz_t q;
    mpz_init(q);
    if (k > 0) {
        mpz_t r;
        mpz_init(r);
        mpz_tdiv_q_2exp(q, z, (mp_bitcnt_t)k);
        mpz_tdiv_r_2exp(r, z, (mp_bitcnt_t)k);
        mpz_abs(r, r);
        /* Compare the dropped part with half a unit of q's last place. */
        mpz_t half;
        mpz_init_set_ui(half, 1);
        mpz_mul_2exp(half, half, (mp_bitcnt_t)(k - 1));
        int c = mpz_cmp(r, half);
        if (c > 0 || (c == 0 && mpz_odd_p(q))) {
            if (sign > 0) {
                mpz_add_ui(q, q, 1);
            } else {
                mpz_sub_ui(q, q, 1);
            }
        }
        mpz_clear(half);
        mpz_clear(r);
    } else {
        mpz_set(q, z);
        k = 0;
    }
    double d = ldexp(mpz_get_d(q), (int)(e + k)); // both exact
    mpz_clear(q);
    if (isinf(d)) {
        *overflow = 1;
    }
    return d;
}

double
MpLong_AsDouble(MpObject *o)
{
    if (!lng(o)->is_big) {
        return (double)lng(o)->u.small; // the FPU rounds half-even
    }
    int overflow;
    double d = MpMpz_Ldexp(&lng(o)->u.big, 0, &overflow);
    if (overflow) {
        MpErr_SetString(MpExc_OverflowError,
                        "int too large to convert to float");
        return -1.0;
    }
    return d;
}
/* }====== */

/* {====== Arithmetic ======
   Every binary slot is called with either operand being an int (the
   reflected operation goes through the same slot), so both are checked;
   anything else is NotImplemented, which lets float and complex (or a
   class with __radd__) have their turn. */

static inline MpObject *
not_implemented(void)
{
    return Mp_NewRef(Mp_NotImplemented);
}

static inline int
both_ints(MpObject *a, MpObject *b)
{
    return MpLong_Check(a) && MpLong_Check(b);
}

static inline int
both_small(MpObject *a, MpObject *b, int64_t *x, int64_t *y)
{
    if (lng(a)->is_big | lng(b)->is_big) {
        return 0;
    }
    *x = lng(a)->u.small;
    *y = lng(b)->u.small;
    return 1;
}

/* Results of more bits than this (8 GiB) are refused as MemoryError up
   front, where CPython would try (and take minutes to hours) before
   failing.  It must stay below GMP's own limit, INT_MAX limbs (about
   2**37 bits): past it GMP prints "overflow in mpz type" and aborts. */
#define MAX_RESULT_BITS ((uint64_t)1 << 36)

/* 0 when a result of at most `bits` bits may be computed, or -1 with
   MemoryError.  GMP cannot report a failed allocation (it prints "Cannot
   allocate memory" and aborts), so the memory of a large result (over
   2**23 bits, 1 MiB) is first asked of malloc, twice over for GMP's
   temporaries, and given back: refused, it is Python's MemoryError, as
   CPython's own allocation failure would be. */
static int
result_fits(uint64_t bits)
{
    if (bits > MAX_RESULT_BITS) {
        MpErr_NoMemory();
        return -1;
    }
    if (bits > ((uint64_t)1 << 23)) {
        void *probe = malloc((size_t)(bits / 8) * 2);
        if (probe == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        free(probe);
    }
    return 0;
}

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

/* a op b computed with GMP.  Refs: NEW. */
static MpObject *
big_binop(MpObject *a, MpObject *b, mpz_binop op)
{
    mpz_t ta, tb, r;
    mpz_srcptr pa = long_mpz(a, ta), pb = long_mpz(b, tb);
    mpz_init(r);
    op(r, pa, pb);
    mpz_clear(ta);
    mpz_clear(tb);
    return long_from_mpz(r);
}

static MpObject *
long_add(MpObject *a, MpObject *b)
{
    int64_t x, y, r;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (both_small(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r)) {
        return MpLong_FromInt64(r);
    }
    return big_binop(a, b, mpz_add);
}

static MpObject *
long_sub(MpObject *a, MpObject *b)
{
    int64_t x, y, r;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (both_small(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r)) {
        return MpLong_FromInt64(r);
    }
    return big_binop(a, b, mpz_sub);
}

static MpObject *
long_mul(MpObject *a, MpObject *b)
{
    int64_t x, y, r;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (both_small(a, b, &x, &y) && !__builtin_mul_overflow(x, y, &r)) {
        return MpLong_FromInt64(r);
    }
    mpz_t ta, tb;
    size_t bits = mpz_bits(long_mpz(a, ta)) + mpz_bits(long_mpz(b, tb));
    mpz_clear(ta);
    mpz_clear(tb);
    if (result_fits(bits) < 0) {
        return NULL;
    }
    return big_binop(a, b, mpz_mul);
}

static int
is_zero(MpObject *o)
{
    return !lng(o)->is_big && lng(o)->u.small == 0;
}

static MpObject *
long_floordiv(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (is_zero(b)) {
        MpErr_SetString(MpExc_ZeroDivisionError,
                        "integer division or modulo by zero");
        return NULL;
    }
    /* INT64_MIN // -1 is the one small quotient that overflows. */
    if (both_small(a, b, &x, &y) && !(x == INT64_MIN && y == -1)) {
        int64_t q = x / y;
        if (x % y != 0 && ((x ^ y) < 0)) {
            q--; // C truncated towards zero; Python floors
        }
        return MpLong_FromInt64(q);
    }
    return big_binop(a, b, mpz_fdiv_q);
}

static MpObject *
long_mod(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (is_zero(b)) {
        MpErr_SetString(MpExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    if (both_small(a, b, &x, &y)) {
        if (y == -1) {
            return MpLong_FromInt64(0); // INT64_MIN % -1 traps in C
        }
        int64_t r = x % y;
        if (r != 0 && ((r ^ y) < 0)) {
            r += y; // give the remainder the sign of the divisor
        }
        return MpLong_FromInt64(r);
    }
    return big_binop(a, b, mpz_fdiv_r);
}

static MpObject *
long_divmod(MpObject *a, MpObject *b)
{
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (is_zero(b)) {
        MpErr_SetString(MpExc_ZeroDivisionError,
                        "integer division or modulo by zero");
        return NULL;
    }
    MpObject *q = long_floordiv(a, b);
    MpObject *r = q ? long_mod(a, b) : NULL;
    MpObject *t = r ? MpTuple_New(2) : NULL;
    if (t == NULL) {
        Mp_XDECREF(q);
        Mp_XDECREF(r);
        return NULL;
    }
    MpTuple_SET_ITEM(t, 0, q);
    MpTuple_SET_ITEM(t, 1, r);
    return t;
}

static MpObject *
long_true_divide(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (is_zero(b)) {
        MpErr_SetString(MpExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    /* Integers up to 2**53 are exact doubles, and IEEE division of exact
       operands is correctly rounded. */
    const int64_t exact = (int64_t)1 << 53;
    if (both_small(a, b, &x, &y) && x <= exact && x >= -exact && y <= exact &&
        y >= -exact) {
        return MpFloat_FromDouble((double)x / (double)y);
    }
    /* Otherwise: q = floor(|a| * 2**-s / |b|) with s chosen so that q has
       55 or 56 bits; a non-zero remainder sets q's lowest bit ("sticky"),
       which only ever breaks a tie that is not really a tie; then one
       correct rounding of q * 2**s (MpMpz_Ldexp). */
    mpz_t ta, tb, n, d, q, r;
    mpz_srcptr pa = long_mpz(a, ta), pb = long_mpz(b, tb);
    int negative = mpz_sgn(pa) * mpz_sgn(pb) < 0;
    mpz_init(n);
    mpz_init(d);
    mpz_abs(n, pa);
    mpz_abs(d, pb);
    long s = (long)mpz_bits(n) - (long)mpz_bits(d) - 55;
    if (s > 0) {
        mpz_mul_2exp(d, d, (mp_bitcnt_t)s);
    } else if (s < 0) {
        mpz_mul_2exp(n, n, (mp_bitcnt_t)-s);
    }
    mpz_init(q);
    mpz_init(r);
    mpz_tdiv_qr(q, r, n, d);
    if (mpz_sgn(r) != 0) {
        mpz_setbit(q, 0);
    }
    if (negative) {
        mpz_neg(q, q);
    }
    int overflow;
    double result = MpMpz_Ldexp(q, s, &overflow);
    mpz_clear(ta);
    mpz_clear(tb);
    mpz_clear(n);
    mpz_clear(d);
    mpz_clear(q);
    mpz_clear(r);
    if (overflow) {
        MpErr_SetString(MpExc_OverflowError,
                        "integer division result too large for a float");
        return NULL;
    }
    return MpFloat_FromDouble(result);
}


static MpObject *
long_pow(MpObject *a, MpObject *b, MpObject *c)
{
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    int has_mod = c != NULL && c != Mp_None;
    if (has_mod && !MpLong_Check(c)) {
        return not_implemented();
    }
    if (!has_mod && MpLong_Sign(b) < 0) {
        /* A negative exponent gives a float, as float's pow does it
           (which converts both ints; 0 ** -1 raises there). */
        return MpFloat_Type.tp_as_number->nb_power(a, b, Mp_None);
    }
    mpz_t ta, tb, tc, r;
    mpz_init(r);
    if (has_mod) {
        if (is_zero(c)) {
            mpz_clear(r);
            MpErr_SetString(MpExc_ValueError,
                            "pow() 3rd argument cannot be 0");
            return NULL;
        }
        mpz_srcptr pa = long_mpz(a, ta), pb = long_mpz(b, tb);
        mpz_srcptr pc = long_mpz(c, tc);
        mpz_t m, base, e;
        mpz_init(m);
        mpz_abs(m, pc);
        mpz_init_set(base, pa);
        mpz_init(e);
        mpz_abs(e, pb);
        int ok = 1;
        if (mpz_sgn(pb) < 0) {
            /* 3.8+: a ** -b % m is the inverse of a, to the power b. */
            ok = mpz_invert(base, base, m) != 0 || mpz_cmp_ui(m, 1) == 0;
            if (mpz_cmp_ui(m, 1) == 0) {
                mpz_set_ui(base, 0);
            }
        }
        if (ok) {
            mpz_powm(r, base, e, m); // 0 <= r < |m|
            if (mpz_sgn(pc) < 0 && mpz_sgn(r) != 0) {
                mpz_add(r, r, pc); // Python: the sign of the modulus
            }
        }
        mpz_clear(m);
        mpz_clear(base);
        mpz_clear(e);
        mpz_clear(ta);
        mpz_clear(tb);
        mpz_clear(tc);
        if (!ok) {
            mpz_clear(r);
            MpErr_SetString(MpExc_ValueError,
                            "base is not invertible for the given modulus");
            return NULL;
        }
        return long_from_mpz(r);
    }
    int64_t x, y;
    if (both_small(a, b, &x, &y)) {
        /* Square-and-multiply on machine words while nothing overflows. */
        int64_t result = 1, base = x, e = y;
        int ok = 1;
        while (e > 0 && ok) {
            if (e & 1) {
                ok = !__builtin_mul_overflow(result, base, &result);
            }
            e >>= 1;
            if (e > 0 && ok) {
                ok = !__builtin_mul_overflow(base, base, &base);
            }
        }
        if (ok) {
            mpz_clear(r);
            return MpLong_FromInt64(result);
        }
    }
    mpz_srcptr pa = long_mpz(a, ta), pb = long_mpz(b, tb);
    int trivial = mpz_cmpabs_ui(pa, 1) <= 0; // 0, 1, -1
    uint64_t bits;  // an upper bound of the result's size
    if (!trivial &&
        (!mpz_fits_ulong_p(pb) ||
         __builtin_mul_overflow((uint64_t)mpz_bits(pa),
                                (uint64_t)mpz_get_ui(pb), &bits) ||
         result_fits(bits) < 0)) {
        mpz_clear(ta);
        mpz_clear(tb);
        mpz_clear(r);
        if (!MpErr_Occurred()) {
            MpErr_NoMemory();
        }
        return NULL;
    }
    if (trivial) {
        /* 0**n, 1**n, (-1)**n for any (huge) n >= 0. */
        if (mpz_sgn(pb) == 0) {
            mpz_set_ui(r, 1);
        } else if (mpz_sgn(pa) < 0 && mpz_odd_p(pb)) {
            mpz_set_si(r, -1);
        } else {
            mpz_abs(r, pa);
        }
    } else {
        mpz_pow_ui(r, pa, mpz_get_ui(pb));
    }
    mpz_clear(ta);
    mpz_clear(tb);
    return long_from_mpz(r);
}

static MpObject *
long_neg(MpObject *a)
{
    if (!lng(a)->is_big && lng(a)->u.small != INT64_MIN) {
        return MpLong_FromInt64(-lng(a)->u.small);
    }
    mpz_t t, r;
    mpz_srcptr p = long_mpz(a, t);
    mpz_init(r);
    mpz_neg(r, p);
    mpz_clear(t);
    return long_from_mpz(r);
}

static MpObject *
long_pos(MpObject *a)
{
    return long_long(a);
}

static MpObject *
long_abs(MpObject *a)
{
    return MpLong_Sign(a) < 0 ? long_neg(a) : long_long(a);
}

static int
long_bool(MpObject *a)
{
    return !is_zero(a);
}

static MpObject *
long_invert(MpObject *a)
{
    if (!lng(a)->is_big) {
        return MpLong_FromInt64(~lng(a)->u.small); // -x - 1, never overflows
    }
    mpz_t r;
    mpz_init(r);
    mpz_com(r, &lng(a)->u.big);
    return long_from_mpz(r);
}

static MpObject *
long_and(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (both_small(a, b, &x, &y)) {
        return MpLong_FromInt64(x & y);
    }
    return big_binop(a, b, mpz_and);
}

static MpObject *
long_or(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (both_small(a, b, &x, &y)) {
        return MpLong_FromInt64(x | y);
    }
    return big_binop(a, b, mpz_ior);
}

static MpObject *
long_xor(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    if (both_small(a, b, &x, &y)) {
        return MpLong_FromInt64(x ^ y);
    }
    return big_binop(a, b, mpz_xor);
}

/* The shift count of a << b / a >> b: 0 and *n set; 1 when the count is
   too large for a machine word (it is positive); -1 with ValueError for a
   negative count. */
static int
shift_count(MpObject *b, uint64_t *n)
{
    if (MpLong_Sign(b) < 0) {
        MpErr_SetString(MpExc_ValueError, "negative shift count");
        return -1;
    }
    if (lng(b)->is_big) {
        return 1;
    }
    *n = (uint64_t)lng(b)->u.small;
    return 0;
}

static MpObject *
long_lshift(MpObject *a, MpObject *b)
{
    uint64_t n;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    int huge = shift_count(b, &n);
    if (huge < 0) {
        return NULL;
    }
    if (is_zero(a)) {
        return MpLong_FromInt64(0);
    }
    if (huge) {
        /* CPython: the count does not fit a Py_ssize_t */
        MpErr_SetString(MpExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    if (n > MAX_RESULT_BITS) {
        return MpErr_NoMemory();
    }
    if (!lng(a)->is_big && n < 63) {
        int64_t x = lng(a)->u.small;
        int64_t r = (int64_t)((uint64_t)x << n);
        if ((r >> n) == x) { // nothing significant was shifted out
            return MpLong_FromInt64(r);
        }
    }
    mpz_t t, r;
    mpz_srcptr p = long_mpz(a, t);
    if (result_fits(mpz_bits(p) + n) < 0) {
        mpz_clear(t);
        return NULL;
    }
    mpz_init(r);
    mpz_mul_2exp(r, p, (mp_bitcnt_t)n);
    mpz_clear(t);
    return long_from_mpz(r);
}

static MpObject *
long_rshift(MpObject *a, MpObject *b)
{
    uint64_t n;
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    int huge = shift_count(b, &n);
    if (huge < 0) {
        return NULL;
    }
    int neg = MpLong_Sign(a) < 0;
    if (huge) {
        return MpLong_FromInt64(neg ? -1 : 0);
    }
    if (!lng(a)->is_big) {
        int64_t x = lng(a)->u.small;
        /* >> of a negative int64_t is arithmetic (floor) in GCC/Clang. */
        return MpLong_FromInt64(n >= 64 ? (neg ? -1 : 0) : x >> n);
    }
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, &lng(a)->u.big, (mp_bitcnt_t)n);
    return long_from_mpz(r);
}

static MpObject *
long_float(MpObject *a)
{
    double d = MpLong_AsDouble(a);
    if (d == -1.0 && MpErr_Occurred()) {
        return NULL;
    }
    return MpFloat_FromDouble(d);
}
/* }====== */

/* {====== Comparison and hashing ====== */

/* -1, 0, 1 as a < b, a == b, a > b, for two ints. */
static int
long_compare(MpObject *a, MpObject *b)
{
    int64_t x, y;
    if (both_small(a, b, &x, &y)) {
        return (x > y) - (x < y);
    }
    mpz_t ta, tb;
    mpz_srcptr pa = long_mpz(a, ta), pb = long_mpz(b, tb);
    int c = mpz_cmp(pa, pb);
    mpz_clear(ta);
    mpz_clear(tb);
    return (c > 0) - (c < 0);
}

/* The truth of "c op 0" for a comparison result c in -1..1. */
static MpObject *
compare_result(int c, int op)
{
    return MpRichCompare_FromCmp(c, op);
}

static MpObject *
long_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!both_ints(a, b)) {
        return not_implemented();
    }
    return compare_result(long_compare(a, b), op);
}

static Mp_hash_t
long_hash(MpObject *a)
{
    const Mp_uhash_t P = (Mp_uhash_t)MP_HASH_MODULUS;
    Mp_uhash_t h;
    int neg;
    if (!lng(a)->is_big) {
        int64_t x = lng(a)->u.small;
        neg = x < 0;
        h = (neg ? -(Mp_uhash_t)x : (Mp_uhash_t)x) % P;
    } else {
        neg = mpz_sgn(&lng(a)->u.big) < 0;
        h = mpz_tdiv_ui(&lng(a)->u.big, P); // |a| mod P
    }
    Mp_hash_t r = neg ? -(Mp_hash_t)h : (Mp_hash_t)h;
    return r == -1 ? -2 : r;
}
/* }====== */

/* {====== Text: str(int), hex(), int(str) ====== */

static MpObject *
digit_limit_error(void)
{
    return MpErr_Format(
        MpExc_ValueError,
        "Exceeds the limit (%zd digits) for integer string conversion; "
        "use sys.set_int_max_str_digits() to increase the limit",
        mp_int_max_str_digits);
}

/* The digits of the int a in base (2..36), with sign and prefix ("0x");
   a decimal result longer than the 3.11 digit limit raises ValueError.
   Refs: NEW. */
static MpObject *
long_to_text(MpObject *a, int base, const char *prefix)
{
    if (!lng(a)->is_big && base == 10 && prefix[0] == '\0') {
        /* The common case, str() of a machine int: digits written from
           the right, no printf. */
        char small[24];  // 20 digits of 2**64, a sign
        char *end = small + sizeof small, *q = end;
        long long v = (long long)lng(a)->u.small;
        unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
                                     : (unsigned long long)v;
        do {
            *--q = (char)('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (v < 0) {
            *--q = '-';
        }
        return MpStr_FromASCII(q, end - q);
    }
    mpz_t t;
    mpz_srcptr p = long_mpz(a, t);
    if (base == 10 && mp_int_max_str_digits > 0) {
        /* sizeinbase is exact or one too large: check it cheaply first,
           then exactly below. */
        size_t est = mpz_sizeinbase(p, 10);
        if (est > (size_t)mp_int_max_str_digits + 1) {
            mpz_clear(t);
            return digit_limit_error();
        }
    }
    size_t plen = strlen(prefix);
    char *buf = malloc(mpz_sizeinbase(p, base) + plen + 3);
    if (buf == NULL) {
        mpz_clear(t);
        return MpErr_NoMemory();
    }
    char *q = buf;
    if (mpz_sgn(p) < 0) {
        *q++ = '-';
    }
    memcpy(q, prefix, plen);
    q += plen;
    mpz_t absval;
    mpz_init(absval);
    mpz_abs(absval, p);
    mpz_get_str(q, base, absval);
    mpz_clear(absval);
    mpz_clear(t);
    if (base == 10 && mp_int_max_str_digits > 0 &&
        (Mp_ssize_t)strlen(q) > mp_int_max_str_digits) {
        free(buf);
        return digit_limit_error();
    }
    MpObject *s = MpStr_FromString(buf);
    free(buf);
    return s;
}

static MpObject *
long_repr(MpObject *a)
{
    return long_to_text(a, 10, "");
}

MpObject *
MpLong_Format(MpObject *v, int base, int alternate)
{
    if (!MpLong_Check(v)) {
        return MpErr_BadInternalCall("MpLong_Format");
    }
    const char *prefix = "";
    if (alternate) {
        prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    }
    return long_to_text(v, base, prefix);
}

/* Decodes one code point of UTF-8; returns the bytes used (at least 1). */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned c = s[0];
    if (c < 0x80 || n < 2) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0) {
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *cp = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        return 3;
    }
    if (n >= 4) {
        *cp = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
              ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
        return 4;
    }
    *cp = c;
    return 1;
}

char *
MpNumber_ToASCIIDigits(const char *s, Mp_ssize_t len, Mp_ssize_t *outlen)
{
    char *out = malloc((size_t)len + 1);
    if (out == NULL) {
        MpErr_NoMemory();
        return NULL;
    }
    Mp_ssize_t i = 0, n = 0;
    while (i < len) {
        uint32_t cp;
        i += (Mp_ssize_t)utf8_decode((const unsigned char *)s + i,
                                     (size_t)(len - i), &cp);
        int d;
        if (cp < 0x80) {
            out[n++] = (char)cp;
        } else if (MpUnicode_IsSpace(cp)) {
            out[n++] = ' ';
        } else if ((d = MpUnicode_DecimalValue(cp)) >= 0) {
            out[n++] = (char)('0' + d);
        } else {
            out[n++] = '?'; // matches no syntax
        }
    }
    out[n] = '\0';
    *outlen = n;
    return out;
}

static int
is_ascii_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
digit_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

/* ValueError "invalid literal for int() with base 10: 'x'", where the
   repr of the original text (str, or bytes when is_bytes) is cut at 200
   characters as CPython's %.200R does. */
static MpObject *
invalid_literal(const char *orig, Mp_ssize_t len, int base, int is_bytes)
{
    MpStrBuf b = {0};
    if (is_bytes) {
        MpRepr_Bytes(&b, orig, (size_t)len);
    } else {
        MpRepr_Str(&b, orig, (size_t)len);
    }
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    /* Cut after 200 code points (continuation bytes are 10xxxxxx). */
    size_t count = 0, i = 0;
    for (; i < b.len; i++) {
        if (((unsigned char)b.data[i] & 0xC0) != 0x80 && count++ == 200) {
            break;
        }
    }
    b.data[i] = '\0';
    MpErr_Format(MpExc_ValueError,
                 "invalid literal for int() with base %d: %s", base, b.data);
    MpStrBuf_Clear(&b);
    return NULL;
}

/* int(text, base), text being ASCII already (MpNumber_ToASCIIDigits), the
   original (str UTF-8, or bytes) kept for the error message.  Refs: NEW. */
static MpObject *
long_from_ascii(const char *text, Mp_ssize_t tlen, int base, const char *orig,
                Mp_ssize_t olen, int is_bytes)
{
    const char *p = text, *end = text + tlen;
    int given_base = base;
    if (base != 0 && (base < 2 || base > 36)) {
        MpErr_SetString(MpExc_ValueError,
                        "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    while (p < end && is_ascii_space(*p)) {
        p++;
    }
    while (end > p && is_ascii_space(end[-1])) {
        end--;
    }
    int negative = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    int prefixed = 0;
    if (end - p >= 2 && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = 1;
        }
    }
    int leading_zero = 0;
    if (base == 0) {
        base = 10;
        leading_zero = p < end && *p == '0'; // then only zeros may follow
    }
    if (prefixed && p < end && *p == '_') {
        p++; // 0x_1f: one underscore may follow the prefix
    }
    /* Check the syntax and gather the digits without underscores. */
    char *digits = malloc((size_t)(end - p) + 1);
    if (digits == NULL) {
        return MpErr_NoMemory();
    }
    Mp_ssize_t nd = 0;
    int ok = p < end;
    int nonzero = 0;
    for (const char *q = p; q < end && ok; q++) {
        if (*q == '_') {
            ok = q > p && q[-1] != '_' && q + 1 < end;
            continue;
        }
        int d = digit_value(*q);
        if (d >= base) {
            ok = 0;
            break;
        }
        nonzero |= d != 0;
        digits[nd++] = *q;
    }
    digits[nd] = '\0';
    if (ok && leading_zero && nonzero) {
        ok = 0; // int('012', 0), as the 012 literal is an error
    }
    if (!ok) {
        free(digits);
        return invalid_literal(orig, olen, given_base, is_bytes);
    }
    if ((base & (base - 1)) != 0 && mp_int_max_str_digits > 0 &&
        nd > mp_int_max_str_digits) {
        free(digits);
        return MpErr_Format(
            MpExc_ValueError,
            "Exceeds the limit (%zd digits) for integer string conversion: "
            "value has %zd digits; use sys.set_int_max_str_digits() to "
            "increase the limit",
            mp_int_max_str_digits, nd);
    }
    if (nd <= 18 && base <= 10) {
        int64_t v = 0; // 10**18 - 1 < 2**63: no overflow
        for (Mp_ssize_t i = 0; i < nd; i++) {
            v = v * base + (digits[i] - '0');
        }
        free(digits);
        return MpLong_FromInt64(negative ? -v : v);
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, digits, base); // valid by construction
    free(digits);
    if (negative) {
        mpz_neg(z, z);
    }
    return long_from_mpz(z);
}

MpObject *
MpLong_FromString(const char *s, Mp_ssize_t len, int base)
{
    Mp_ssize_t tlen;
    char *text = MpNumber_ToASCIIDigits(s, len, &tlen);
    if (text == NULL) {
        return NULL;
    }
    MpObject *r = long_from_ascii(text, tlen, base, s, len, 0);
    free(text);
    return r;
}
/* }====== */

/* {====== Methods and attributes ====== */

static MpObject *
long_bit_length(MpObject *self, MpObject *unused)
{
    if (!lng(self)->is_big) {
        int64_t x = lng(self)->u.small;
        uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
        return MpLong_FromInt64(u == 0 ? 0 : 64 - __builtin_clzll(u));
    }
    return MpLong_FromInt64((int64_t)mpz_sizeinbase(&lng(self)->u.big, 2));
}

static MpObject *
long_bit_count(MpObject *self, MpObject *unused)
{
    if (!lng(self)->is_big) {
        int64_t x = lng(self)->u.small;
        uint64_t u = x < 0 ? -(uint64_t)x : (uint64_t)x;
        return MpLong_FromInt64(__builtin_popcountll(u));
    }
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, &lng(self)->u.big);
    int64_t n = (int64_t)mpz_popcount(t);
    mpz_clear(t);
    return MpLong_FromInt64(n);
}

static MpObject *
long_as_integer_ratio(MpObject *self, MpObject *unused)
{
    MpObject *n = long_long(self);
    MpObject *d = n ? MpLong_FromInt64(1) : NULL;
    MpObject *t = d ? MpTuple_New(2) : NULL;
    if (t == NULL) {
        Mp_XDECREF(n);
        Mp_XDECREF(d);
        return NULL;
    }
    MpTuple_SET_ITEM(t, 0, n);
    MpTuple_SET_ITEM(t, 1, d);
    return t;
}

static MpObject *
long_getnewargs(MpObject *self, MpObject *unused)
{
    MpObject *n = long_long(self);
    MpObject *t = n ? MpTuple_New(1) : NULL;
    if (t == NULL) {
        Mp_XDECREF(n);
        return NULL;
    }
    MpTuple_SET_ITEM(t, 0, n);
    return t;
}

static MpObject *
long_sizeof(MpObject *self, MpObject *unused)
{
    /* CPython's figure, so that sys.getsizeof(n) agrees: 24 bytes of
       header and 4 per 30-bit digit (0 has none). */
    mpz_t t;
    mpz_srcptr p = long_mpz(self, t);
    size_t bits = mpz_bits(p);
    mpz_clear(t);
    return MpLong_FromInt64(24 + 4 * (int64_t)((bits + 29) / 30));
}

static MpObject *
long_trunc(MpObject *self, MpObject *unused)
{
    return long_long(self);
}

/* int.__round__(ndigits=None): for ndigits < 0, round half to even to a
   multiple of 10**-ndigits. */
static MpObject *
long_round(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("__round__", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return long_long(self);
    }
    MpObject *nd = MpNumber_Index(args[0]);
    if (nd == NULL) {
        return NULL;
    }
    int sign = MpLong_Sign(nd);
    if (sign >= 0) {
        Mp_DECREF(nd);
        return long_long(self);
    }
    mpz_t t, p10, q, r, twice;
    mpz_srcptr x = long_mpz(self, t);
    /* -ndigits; INT64_MIN has no negation, but any k that large rounds
       to 0 below anyway. */
    int64_t k = lng(nd)->is_big || lng(nd)->u.small == INT64_MIN
                    ? INT64_MAX
                    : -lng(nd)->u.small;
    Mp_DECREF(nd);
    /* 10**k with more digits than x (plus one) rounds x to 0 anyway. */
    if ((uint64_t)k > mpz_sizeinbase(x, 10) + 1) {
        mpz_clear(t);
        return MpLong_FromInt64(0);
    }
    mpz_init(p10);
    mpz_ui_pow_ui(p10, 10, (unsigned long)k);
    mpz_init(q);
    mpz_init(r);
    mpz_fdiv_qr(q, r, x, p10); // x = q * p10 + r, 0 <= r < p10
    mpz_init(twice);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p10);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
    }
    mpz_mul(q, q, p10);
    mpz_clear(t);
    mpz_clear(p10);
    mpz_clear(r);
    mpz_clear(twice);
    return long_from_mpz(q);
}

/* A byte order argument: 1 for 'little', 0 for 'big', -1 on error. */
static int
byteorder_arg(const char *fname, MpObject *o)
{
    if (o == NULL) {
        return 0;
    }
    if (!MpStr_Check(o)) {
        MpErr_Format(MpExc_TypeError,
                     "%s() argument 'byteorder' must be str, "
                     "not %T",
                     fname, o);
        return -1;
    }
    if (MpStr_CompareWithASCII(o, "little") == 0) {
        return 1;
    }
    if (MpStr_CompareWithASCII(o, "big") == 0) {
        return 0;
    }
    MpErr_SetString(MpExc_ValueError,
                    "byteorder must be either 'little' or 'big'");
    return -1;
}

static const char *const to_bytes_kw[] = {"length", "byteorder", "signed",
                                          NULL};

static MpObject *
long_to_bytes(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
              MpObject *kwnames)
{
    MpArgSpec spec = {"to_bytes", to_bytes_kw, 0, 2};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t length = 1;
    if (a[0] != NULL) {
        length = MpNumber_AsSsize_t(a[0], MpExc_OverflowError);
        if (length == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if (length < 0) {
            MpErr_SetString(MpExc_ValueError,
                            "length argument must be non-negative");
            return NULL;
        }
    }
    int little = byteorder_arg("to_bytes", a[1]);
    if (little < 0) {
        return NULL;
    }
    int is_signed = a[2] == NULL ? 0 : MpObject_IsTrue(a[2]);
    if (is_signed < 0) {
        return NULL;
    }
    mpz_t t, v;
    mpz_srcptr x = long_mpz(self, t);
    mpz_init_set(v, x);
    mpz_clear(t);
    const char *err = NULL;
    if (mpz_sgn(v) < 0 && !is_signed) {
        err = "can't convert negative int to unsigned";
    } else {
        /* Bits the value needs: its magnitude (for negative values that of
           ~v = -v - 1) plus a sign bit when signed. */
        mpz_t m;
        mpz_init(m);
        if (mpz_sgn(v) < 0) {
            mpz_com(m, v);
        } else {
            mpz_set(m, v);
        }
        uint64_t need = mpz_bits(m) + (uint64_t)is_signed;
        mpz_clear(m);
        if (need > (uint64_t)length * 8) {
            err = "int too big to convert";
        }
    }
    if (err != NULL) {
        mpz_clear(v);
        MpErr_SetString(MpExc_OverflowError, err);
        return NULL;
    }
    MpObject *bytes = MpBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL) {
        mpz_clear(v);
        return NULL;
    }
    unsigned char *out = (unsigned char *)MpBytes_AS_STRING(bytes);
    memset(out, 0, (size_t)length);
    if (mpz_sgn(v) < 0) {
        /* Two's complement in length bytes: 2**(8*length) + v. */
        mpz_t big;
        mpz_init_set_ui(big, 1);
        mpz_mul_2exp(big, big, (mp_bitcnt_t)length * 8);
        mpz_add(v, v, big);
        mpz_clear(big);
    }
    if (mpz_sgn(v) != 0) {
        size_t count = (mpz_bits(v) + 7) / 8;
        /* Most significant byte first, right-aligned in the buffer. */
        mpz_export(out + length - count, NULL, 1, 1, 1, 0, v);
    }
    mpz_clear(v);
    if (little) {
        for (Mp_ssize_t i = 0, j = length - 1; i < j; i++, j--) {
            unsigned char c = out[i];
            out[i] = out[j];
            out[j] = c;
        }
    }
    return bytes;
}

static const char *const from_bytes_kw[] = {"bytes", "byteorder", "signed",
                                            NULL};

/* The bytes of a bytes-like object, or of an iterable of ints in
   range(256), into a malloc'd buffer.  Returns 0 or -1. */
static int
gather_bytes(MpObject *o, unsigned char **buf, Mp_ssize_t *len)
{
    if (MpBytes_Check(o) || MpByteArray_Check(o)) {
        int isb = MpBytes_Check(o);
        Mp_ssize_t n = isb ? MpBytes_GET_SIZE(o) : MpByteArray_GET_SIZE(o);
        const char *s = isb ? MpBytes_AS_STRING(o) : MpByteArray_AS_STRING(o);
        *buf = malloc((size_t)n + 1);
        if (*buf == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        memcpy(*buf, s, (size_t)n);
        *len = n;
        return 0;
    }
    MpObject *it = MpStr_Check(o) ? NULL : MpObject_GetIter(o);
    if (it == NULL) {
        if (MpStr_Check(o) || MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_Format(MpExc_TypeError,
                         "cannot convert '%T' object to bytes", o);
        }
        return -1;
    }
    Mp_ssize_t n = 0, cap = 16;
    unsigned char *b = malloc((size_t)cap);
    MpObject *item;
    while (b != NULL && (item = MpIter_Next(it)) != NULL) {
        Mp_ssize_t v = MpNumber_AsSsize_t(item, NULL);
        Mp_DECREF(item);
        if (v == -1 && MpErr_Occurred()) {
            goto error;
        }
        if (v < 0 || v > 255) {
            MpErr_SetString(MpExc_ValueError,
                            "bytes must be in range(0, 256)");
            goto error;
        }
        if (n == cap) {
            cap *= 2;
            unsigned char *nb = realloc(b, (size_t)cap);
            if (nb == NULL) {
                MpErr_NoMemory();
                goto error;
            }
            b = nb;
        }
        b[n++] = (unsigned char)v;
    }
    if (b == NULL) {
        MpErr_NoMemory();
        goto error;
    }
    if (MpErr_Occurred()) {
        goto error;
    }
    Mp_DECREF(it);
    *buf = b;
    *len = n;
    return 0;
error:
    free(b);
    Mp_DECREF(it);
    return -1;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): a classmethod;
   a subclass gets cls(value). */
static MpObject *
long_from_bytes(MpObject *cls, MpObject *const *args, Mp_ssize_t nargs,
                MpObject *kwnames)
{
    MpArgSpec spec = {"from_bytes", from_bytes_kw, 1, 2};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int little = byteorder_arg("from_bytes", a[1]);
    if (little < 0) {
        return NULL;
    }
    int is_signed = a[2] == NULL ? 0 : MpObject_IsTrue(a[2]);
    if (is_signed < 0) {
        return NULL;
    }
    unsigned char *buf;
    Mp_ssize_t n;
    if (gather_bytes(a[0], &buf, &n) < 0) {
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    if (n > 0) {
        mpz_import(z, (size_t)n, little ? -1 : 1, 1, 1, 0, buf);
        int top = little ? buf[n - 1] : buf[0];
        if (is_signed && (top & 0x80)) {
            mpz_t big;
            mpz_init_set_ui(big, 1);
            mpz_mul_2exp(big, big, (mp_bitcnt_t)n * 8);
            mpz_sub(z, z, big);
            mpz_clear(big);
        }
    }
    free(buf);
    MpObject *r = long_from_mpz(z);
    if (r != NULL && (MpTypeObject *)cls != &MpLong_Type) {
        Mp_SETREF(&r, MpObject_CallOneArg(cls, r));
    }
    return r;
}

static MpObject *
long_get_self(MpObject *self, void *closure)
{
    return long_long(self);
}

static MpObject *
long_get_zero(MpObject *self, void *closure)
{
    return MpLong_FromInt64(0);
}

static MpObject *
long_get_one(MpObject *self, void *closure)
{
    return MpLong_FromInt64(1);
}

/* int.__format__(spec): the format-spec mini-language (format.c).
   Refs: NEW. */
static MpObject *
long_format(MpObject *self, MpObject *spec)
{
    return MpFormat_Long(self, spec);
}

static MpMethodDef long_methods[] = {
    {"__format__", (void *)long_format, MP_METH_O, NULL},
    {"conjugate", (void *)long_trunc, MP_METH_NOARGS,
     "Returns self, the complex conjugate of any int."},
    {"bit_length", (void *)long_bit_length, MP_METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", (void *)long_bit_count, MP_METH_NOARGS,
     "Number of ones in the binary representation of the absolute value "
     "of self."},
    {"to_bytes", (void *)long_to_bytes, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", (void *)long_from_bytes,
     MP_METH_FASTCALL | MP_METH_KEYWORDS | MP_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", (void *)long_as_integer_ratio, MP_METH_NOARGS,
     "Return integer ratio."},
    {"__trunc__", (void *)long_trunc, MP_METH_NOARGS,
     "Truncating an Integral returns itself."},
    {"__floor__", (void *)long_trunc, MP_METH_NOARGS,
     "Flooring an Integral returns itself."},
    {"__ceil__", (void *)long_trunc, MP_METH_NOARGS,
     "Ceiling of an Integral returns itself."},
    {"__round__", (void *)long_round, MP_METH_FASTCALL,
     "Rounding an Integral returns itself.\n\n"
     "Rounding with an ndigits argument also returns an integer."},
    {"__getnewargs__", (void *)long_getnewargs, MP_METH_NOARGS, NULL},
    {"__sizeof__", (void *)long_sizeof, MP_METH_NOARGS,
     "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef long_getset[] = {
    {"real", long_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", long_get_zero, NULL, "the imaginary part of a complex number",
     NULL},
    {"numerator", long_get_self, NULL,
     "the numerator of a rational number in lowest terms", NULL},
    {"denominator", long_get_one, NULL,
     "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
/* }====== */

/* {====== Construction: int(x), int(x, base) ====== */

/* The result of a conversion slot (__int__, __index__, __trunc__) as an
   exact int, or TypeError "__int__ returned non-int (type str)".
   Refs: NEW; STEALS r. */
static MpObject *
check_int_result(MpObject *r, const char *what)
{
    if (r == NULL || MpLong_CheckExact(r)) {
        return r;
    }
    if (!MpLong_Check(r)) {
        MpErr_Format(MpExc_TypeError, "%s returned non-int (type %T)", what,
                     r);
        Mp_DECREF(r);
        return NULL;
    }
    Mp_SETREF(&r, long_long(r));
    return r;
}

/* int(x) for one argument: the number protocol, then text.  Refs: NEW. */
static MpObject *
long_from_object(MpObject *x)
{
    if (MpLong_CheckExact(x)) {
        return Mp_NewRef(x);
    }
    MpNumberMethods *nb = Mp_TYPE(x)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {
        return check_int_result(nb->nb_int(x), "__int__");
    }
    if (nb != NULL && nb->nb_index != NULL) {
        return check_int_result(nb->nb_index(x), "__index__");
    }
    if (MpStr_Check(x)) {
        Mp_ssize_t len;
        const char *s = MpStr_AsUTF8AndSize(x, &len);
        return s == NULL ? NULL : MpLong_FromString(s, len, 10);
    }
    if (MpBytes_Check(x) || MpByteArray_Check(x)) {
        int isb = MpBytes_Check(x);
        Mp_ssize_t n = isb ? MpBytes_GET_SIZE(x) : MpByteArray_GET_SIZE(x);
        const char *s = isb ? MpBytes_AS_STRING(x) : MpByteArray_AS_STRING(x);
        return long_from_ascii(s, n, 10, s, n, 1);
    }
    if (MpObject_CheckBuffer(x)) {
        MpBuffer view;
        /* memoryview, array, mmap: their bytes, parsed as bytes are; one
           that has no simple buffer (a strided view) is no bytes-like
           object here. */
        if (MpObject_GetBuffer(x, &view, MP_BUF_SIMPLE) < 0) {
            if (!MpErr_ExceptionMatches(MpExc_BufferError)) {
                return NULL;
            }
            MpErr_Clear();
            goto not_bytes;
        }
        MpObject *b = MpBytes_FromStringAndSize(view.buf, view.len);
        MpBuffer_Release(&view);
        if (b == NULL) {
            return NULL;
        }
        MpObject *r = long_from_ascii(MpBytes_AS_STRING(b), Mp_SIZE(b), 10,
                                      MpBytes_AS_STRING(b), Mp_SIZE(b), 1);
        Mp_DECREF(b);
        return r;
    }
not_bytes:
    /* __trunc__ (deprecated in 3.11, still honoured): its result goes
       through __index__ when it is not an int. */
    MpObject *name = MpStr_InternFromString("__trunc__");
    MpObject *f = name ? MpType_Lookup(Mp_TYPE(x), name) : NULL;
    Mp_XDECREF(name);
    if (f != NULL) {
        MpObject *r = MpObject_CallOneArg(f, x);
        if (r == NULL || MpLong_Check(r)) {
            return check_int_result(r, "__trunc__");
        }
        MpNumberMethods *rnb = Mp_TYPE(r)->tp_as_number;
        if (rnb == NULL || rnb->nb_index == NULL) {
            MpErr_Format(MpExc_TypeError,
                         "__trunc__ returned non-Integral (type %T)", r);
            Mp_DECREF(r);
            return NULL;
        }
        Mp_SETREF(&r, check_int_result(rnb->nb_index(r), "__index__"));
        return r;
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    return MpErr_Format(MpExc_TypeError,
                        "int() argument must be a string, a bytes-like "
                        "object or a real number, not '%s'",
                        MpType_Name(Mp_TYPE(x)));
}

static const char *const int_kw[] = {"", "base", NULL};

static MpObject *
long_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpArgSpec spec = {"int", int_kw, 0, 2};
    MpObject *a[2];
    MpObject *r = NULL;
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return NULL;
    }
    if (a[0] == NULL) {
        if (a[1] != NULL) {
            MpErr_SetString(MpExc_TypeError, "int() missing string argument");
            goto done;
        }
        r = MpLong_FromInt64(0);
    } else if (a[1] == NULL) {
        r = long_from_object(a[0]);
    } else {
        Mp_ssize_t base = MpNumber_AsSsize_t(a[1], NULL);
        if (base == -1 && MpErr_Occurred()) {
            goto done;
        }
        if (base != 0 && (base < 2 || base > 36)) {
            MpErr_SetString(MpExc_ValueError,
                            "int() base must be >= 2 and <= 36, or 0");
            goto done;
        }
        MpObject *x = a[0];
        if (MpStr_Check(x)) {
            Mp_ssize_t len;
            const char *s = MpStr_AsUTF8AndSize(x, &len);
            r = s == NULL ? NULL : MpLong_FromString(s, len, (int)base);
        } else if (MpBytes_Check(x) || MpByteArray_Check(x)) {
            int isb = MpBytes_Check(x);
            Mp_ssize_t len =
                isb ? MpBytes_GET_SIZE(x) : MpByteArray_GET_SIZE(x);
            const char *s =
                isb ? MpBytes_AS_STRING(x) : MpByteArray_AS_STRING(x);
            r = long_from_ascii(s, len, (int)base, s, len, 1);
        } else {
            MpErr_SetString(MpExc_TypeError,
                            "int() can't convert non-string with explicit "
                            "base");
        }
    }
    if (r != NULL && type != &MpLong_Type) {
        Mp_SETREF(&r, long_subtype_copy(type, r));
    }
done:
    return r;
}

/* int(x) without the argument tuple (see str_vectorcall). */
static MpObject *
long_vectorcall(MpObject *type, MpObject *const *args, size_t nargs,
                MpObject *kwnames)
{
    if (type == (MpObject *)&MpLong_Type && nargs == 1 &&
        (kwnames == NULL || MpTuple_GET_SIZE(kwnames) == 0)) {
        return long_from_object(args[0]);
    }
    return MpType_GenericCall(type, args, nargs, kwnames);
}
/* }====== */

/* {====== bool ======
   The two instances, and the operators that keep bool & bool a bool; all
   else (True + True == 2) is int's, inherited through tp_base. */

MpLongObject _Mp_FalseStruct = {
    .ob_base = MP_OBJECT_HEAD_INIT(&MpBool_Type), .is_big = 0, .u.small = 0};
MpLongObject _Mp_TrueStruct = {
    .ob_base = MP_OBJECT_HEAD_INIT(&MpBool_Type), .is_big = 0, .u.small = 1};

static MpObject *
bool_repr(MpObject *self)
{
    return MpStr_FromString(self == Mp_True ? "True" : "False");
}

static MpObject *
bool_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) != 0) {
        MpErr_SetString(MpExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "bool expected at most 1 argument, got %zd", n);
    }
    if (n == 0) {
        return MpBool_FromLong(0);
    }
    int t = MpObject_IsTrue(MpTuple_GET_ITEM(args, 0));
    return t < 0 ? NULL : MpBool_FromLong(t);
}

static MpObject *
bool_and(MpObject *a, MpObject *b)
{
    if (MpBool_Check(a) && MpBool_Check(b)) {
        return MpBool_FromLong((a == Mp_True) & (b == Mp_True));
    }
    return long_and(a, b);
}

static MpObject *
bool_or(MpObject *a, MpObject *b)
{
    if (MpBool_Check(a) && MpBool_Check(b)) {
        return MpBool_FromLong((a == Mp_True) | (b == Mp_True));
    }
    return long_or(a, b);
}

static MpObject *
bool_xor(MpObject *a, MpObject *b)
{
    if (MpBool_Check(a) && MpBool_Check(b)) {
        return MpBool_FromLong((a == Mp_True) ^ (b == Mp_True));
    }
    return long_xor(a, b);
}
/* }====== */

/* {====== Type objects ====== */

static MpNumberMethods long_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_pos,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};

MpTypeObject MpLong_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "int",
    .tp_basicsize = sizeof(MpLongObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_INT_SUBCLASS,
    .tp_dealloc = long_dealloc,
    .tp_repr = long_repr,
    .tp_str = long_repr,
    .tp_hash = long_hash,
    .tp_richcompare = long_richcompare,
    .tp_as_number = &long_as_number,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_vectorcall = long_vectorcall,
    .tp_doc = "int([x]) -> integer\n"
              "int(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no "
              "arguments\nare given.",
};

/* bool's table is int's with its own & | ^ (spelt out rather than left
   to MpType_Ready's inheritance, so that bool works even before). */
static MpNumberMethods bool_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_pos,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_floordiv,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};

MpTypeObject MpBool_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "bool",
    .tp_basicsize = sizeof(MpLongObject),
    .tp_flags = MP_TPFLAGS_INT_SUBCLASS, // no BASETYPE: bool is final
    .tp_dealloc = long_dealloc,
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_hash = long_hash,
    .tp_richcompare = long_richcompare,
    .tp_as_number = &bool_as_number,
    .tp_new = bool_new,
    .tp_base = &MpLong_Type,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.",
};
/* }====== */
