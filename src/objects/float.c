/* float.c — float (a C double) and complex (two doubles).

   float.  The value is an IEEE 754 double; arithmetic is the hardware's,
   and what this file adds is Python's rules around it:
     - repr is the shortest string that reads back as the same double
       (MpRepr_Double, repr.c).
     - x // y and x % y floor (the remainder takes the sign of y), with the
       signs of zero results chosen as CPython's float_divmod does;
       dividing by zero raises instead of giving inf or nan.
     - x ** y follows C99's pow() except where Python says otherwise:
       0.0 ** -1 raises, a negative base to a non-integral power gives a
       complex result, and an overflow raises OverflowError.
     - a float compares with an int exactly, at any size: never by
       converting the int to a double (2**53 + 1 != 2.0**53).
     - hash(x) equals hash(n) when x == n for an int n: the value reduced
       modulo the Mersenne prime 2**61 - 1 (float_hash_value; hash.h).
     - round(x, n) rounds the exact binary value half-to-even at decimal
       place n (float_round_digits: the exact decimal expansion printed by
       the C library, rounded as a string, read back with strtod).

   complex.  real and imag are doubles; the arithmetic is CPython's
   (_Py_c_quot's scaled division, c_powi's repeated squaring for small
   integral exponents), and its repr leaves out a +0.0 real part: 2j,
   (1+2j), (-0-1j).

   CPython counterpart: Objects/floatobject.c, Objects/complexobject.c,
   Python/pyhash.c (_Py_HashDouble).  Read first: float_hash_value,
   float_divmod_values. */
#include "objects/float.h"

#include <errno.h>
#include <float.h>
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
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* {====== Shared helpers ====== */

static inline MpObject *
not_implemented(void)
{
    return Mp_NewRef(Mp_NotImplemented);
}

/* A str from the text a repr function writes into a buffer.  Refs: NEW. */
static MpObject *
strbuf_to_str(MpStrBuf *b)
{
    MpObject *s =
        b->failed ? MpErr_NoMemory()
                  : MpStr_FromUTF8(b->data ? b->data : "", (Mp_ssize_t)b->len);
    MpStrBuf_Clear(b);
    return s;
}

static MpObject *
pair(MpObject *a, MpObject *b)
{
    MpObject *t = (a && b) ? MpTuple_New(2) : NULL;
    if (t == NULL) {
        Mp_XDECREF(a);
        Mp_XDECREF(b);
        return NULL;
    }
    MpTuple_SET_ITEM(t, 0, a);
    MpTuple_SET_ITEM(t, 1, b);
    return t;
}

/* hash() of the double v as CPython's _Py_HashDouble: for finite v, the
   exact rational value v mod P (P = 2**61 - 1), so integral floats hash
   as the equal int.  The mantissa is consumed 28 bits at a time;
   multiplying by 2**28 modulo P is a rotation of the 61-bit residue,
   since 2**61 == 1 (mod P).  A NaN hashes by the identity of inst. */
Mp_hash_t
MpHash_Double(MpObject *inst, double v)
{
    const Mp_uhash_t P = (Mp_uhash_t)MP_HASH_MODULUS;
    const int BITS = MP_HASH_BITS;
    if (!isfinite(v)) {
        if (isinf(v)) {
            return v > 0 ? MP_HASH_INF : -MP_HASH_INF;
        }
        return MpHash_Pointer(inst);
    }
    int e;
    double m = frexp(v, &e); // v = m * 2**e, 0.5 <= |m| < 1
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    Mp_uhash_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & P) | x >> (BITS - 28); // x * 2**28 mod P
        m *= 268435456.0;                       // 2**28
        e -= 28;
        Mp_uhash_t y = (Mp_uhash_t)m; // the next 28 bits
        m -= (double)y;
        x += y;
        if (x >= P) {
            x -= P;
        }
    }
    /* Now v = x * 2**e (mod P); multiply by 2**e, again a rotation, by
       e reduced modulo 61 into 0..60. */
    e = e >= 0 ? e % BITS : BITS - 1 - ((-1 - e) % BITS);
    x = ((x << e) & P) | x >> (BITS - e);
    x = x * (Mp_uhash_t)(int64_t)sign;
    if (x == (Mp_uhash_t)-1) {
        x = (Mp_uhash_t)-2;
    }
    return (Mp_hash_t)x;
}

/* Compares the double v with the int i exactly: -1, 0, 1 as v < i,
   v == i, v > i; 2 when v is a NaN (unordered). */
static int
compare_double_int(double v, MpObject *i)
{
    if (isnan(v)) {
        return 2;
    }
    if (isinf(v)) {
        return v > 0 ? 1 : -1;
    }
    const MpLongObject *li = (const MpLongObject *)i;
    const int64_t exact = (int64_t)1 << 53;
    if (!li->is_big && li->u.small <= exact && li->u.small >= -exact) {
        double d = (double)li->u.small; // exact
        return (v > d) - (v < d);
    }
    /* mpz_cmp_d compares exactly; it gives the sign of i - v. */
    mpz_t z;
    mpz_init(z);
    MpLong_AsMpz(i, z);
    int c = mpz_cmp_d(z, v);
    mpz_clear(z);
    return (c < 0) - (c > 0);
}

static MpObject *
compare_result(int c, int op)
{
    if (c == 2) {  // unordered (a NaN): only != holds
        return MpBool_FromLong(op == Mp_NE);
    }
    return MpRichCompare_FromCmp(c, op);
}
/* }====== */

/* {====== float: creation and conversion ====== */

MpObject *
MpFloat_FromDouble(double v)
{
    MpFloatObject *f = (MpFloatObject *)MpObject_New(&MpFloat_Type);
    if (f != NULL) {
        f->value = v;
    }
    return (MpObject *)f;
}

static void
float_dealloc(MpObject *o)
{
    MpObject_Free(o);
}

double
MpFloat_AsDouble(MpObject *o)
{
    if (MpFloat_Check(o)) {
        return MpFloat_AS_DOUBLE(o);
    }
    if (MpLong_Check(o)) {
        return MpLong_AsDouble(o);
    }
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        MpObject *r = nb->nb_float(o);
        if (r == NULL) {
            return -1.0;
        }
        if (!MpFloat_Check(r)) {
            MpErr_Format(MpExc_TypeError,
                         "%s.__float__ returned non-float (type %T)",
                         MpType_Name(Mp_TYPE(o)), r);
            Mp_DECREF(r);
            return -1.0;
        }
        double v = MpFloat_AS_DOUBLE(r);
        Mp_DECREF(r);
        return v;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        MpObject *i = MpNumber_Index(o);
        if (i == NULL) {
            return -1.0;
        }
        double v = MpLong_AsDouble(i);
        Mp_DECREF(i);
        return v;
    }
    MpErr_Format(MpExc_TypeError, "must be real number, not %T", o);
    return -1.0;
}

/* The operand o of a float operator as a double: 1 and *v set; 0 when o
   is neither float nor int (NotImplemented); -1 on error (an int too
   large for a double). */
static int
to_double(MpObject *o, double *v)
{
    if (MpFloat_Check(o)) {
        *v = MpFloat_AS_DOUBLE(o);
        return 1;
    }
    if (MpLong_Check(o)) {
        *v = MpLong_AsDouble(o);
        return (*v == -1.0 && MpErr_Occurred()) ? -1 : 1;
    }
    return 0;
}

/* Both operands; returns 1, 0 (NotImplemented) or -1. */
static int
to_doubles(MpObject *a, MpObject *b, double *x, double *y)
{
    int r = to_double(a, x);
    if (r != 1) {
        return r;
    }
    return to_double(b, y);
}

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Digits at *pp with single underscores between two of them, copied
   without the underscores to buf[*n...]; returns how many.  An underscore
   not between digits ends the scan (and so the literal). */
static int
scan_digits(const char **pp, const char *end, char *buf, size_t *n)
{
    const char *p = *pp;
    int count = 0;
    while (p < end) {
        if (is_digit(*p)) {
            buf[(*n)++] = *p++;
            count++;
        } else if (*p == '_' && count > 0 && p + 1 < end && is_digit(p[1])) {
            p++;
        } else {
            break;
        }
    }
    *pp = p;
    return count;
}

/* Scans a float literal at p (no leading white space): sign, then
   inf / infinity / nan (any case) or digits with single underscores
   between them, a fraction, an exponent.  Returns the end of what was
   recognised (p when nothing was), with *v its value. */
static const char *
scan_float(const char *p, const char *end, double *v)
{
    const char *start = p;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    size_t left = (size_t)(end - p);
    if (left >= 3 && strncasecmp(p, "nan", 3) == 0) {
        *v = neg ? -NAN : NAN;
        return p + 3;
    }
    if (left >= 3 && strncasecmp(p, "inf", 3) == 0) {
        *v = neg ? -HUGE_VAL : HUGE_VAL;
        if (left >= 8 && strncasecmp(p, "infinity", 8) == 0) {
            return p + 8;
        }
        return p + 3;
    }
    /* Digits, with the underscores dropped, into buf for strtod. */
    char small[64];
    size_t cap = (size_t)(end - start) + 2;
    char *buf = cap <= sizeof small ? small : malloc(cap);
    if (buf == NULL) {
        return start; // treated as "no number" (rare: out of memory)
    }
    size_t n = 0;
    buf[n++] = neg ? '-' : '+';
    int ndigits = scan_digits(&p, end, buf, &n);
    if (p < end && *p == '.') {
        buf[n++] = '.';
        p++;
        ndigits += scan_digits(&p, end, buf, &n);
    }
    const char *r = start;
    if (ndigits > 0) {
        r = p;
        if (p < end && (*p == 'e' || *p == 'E')) {
            const char *q = p + 1;
            size_t save = n;
            buf[n++] = 'e';
            if (q < end && (*q == '+' || *q == '-')) {
                buf[n++] = *q++;
            }
            if (scan_digits(&q, end, buf, &n) > 0) {
                r = q;
            } else {
                n = save; // "1e" is 1 followed by junk
            }
        }
        buf[n] = '\0';
        *v = strtod(buf, NULL); // correctly rounded; overflow gives inf
    }
    if (buf != small) {
        free(buf);
    }
    return r;
}

/* ValueError "could not convert string to float: 'x'".  orig is the
   argument (str or bytes).  Returns NULL. */
static MpObject *
float_parse_error(MpObject *orig)
{
    MpObject *r = MpObject_Repr(orig);
    if (r == NULL) {
        return NULL;
    }
    MpErr_Format(MpExc_ValueError, "could not convert string to float: %U", r);
    Mp_DECREF(r);
    return NULL;
}

static int
is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* float(s) for a str or bytes-like s.  Refs: NEW. */
MpObject *
MpFloat_FromString(MpObject *s)
{
    const char *text;
    Mp_ssize_t len;
    char *ascii = NULL;
    if (MpStr_Check(s)) {
        const char *u = MpStr_AsUTF8AndSize(s, &len);
        if (u == NULL) {
            return NULL;
        }
        ascii = MpNumber_ToASCIIDigits(u, len, &len);
        if (ascii == NULL) {
            return NULL;
        }
        text = ascii;
    } else if (MpBytes_Check(s)) {
        text = MpBytes_AS_STRING(s);
        len = MpBytes_GET_SIZE(s);
    } else if (MpByteArray_Check(s)) {
        text = MpByteArray_AS_STRING(s);
        len = MpByteArray_GET_SIZE(s);
    } else if (MpObject_CheckBuffer(s)) {
        /* memoryview, array, mmap: parsed from a copy of their bytes. */
        MpBuffer view;
        if (MpObject_GetBuffer(s, &view, MP_BUF_SIMPLE) < 0) {
            return NULL;
        }
        ascii = malloc((size_t)view.len + 1);
        if (ascii != NULL) {
            memcpy(ascii, view.buf, (size_t)view.len);
        }
        len = view.len;
        MpBuffer_Release(&view);
        if (ascii == NULL) {
            return MpErr_NoMemory();
        }
        text = ascii;
    } else {
        return MpErr_BadInternalCall("MpFloat_FromString");
    }
    const char *p = text, *end = text + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    double v = 0.0;
    const char *q = scan_float(p, end, &v);
    int ok = q != p && q == end;
    free(ascii);
    if (!ok) {
        return float_parse_error(s);
    }
    return MpFloat_FromDouble(v);
}
/* }====== */

/* {====== float: repr, hash, comparison ====== */

static MpObject *
float_repr(MpObject *o)
{
    MpStrBuf b = {0};
    MpRepr_Double(&b, MpFloat_AS_DOUBLE(o));
    return strbuf_to_str(&b);
}

static Mp_hash_t
float_hash(MpObject *o)
{
    return MpHash_Double(o, MpFloat_AS_DOUBLE(o));
}

static MpObject *
float_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpFloat_Check(a)) {
        return not_implemented();
    }
    double x = MpFloat_AS_DOUBLE(a);
    if (MpFloat_Check(b)) {
        double y = MpFloat_AS_DOUBLE(b);
        int c = (isnan(x) || isnan(y)) ? 2 : (x > y) - (x < y);
        return compare_result(c, op);
    }
    if (MpLong_Check(b)) {
        return compare_result(compare_double_int(x, b), op);
    }
    return not_implemented();
}
/* }====== */

/* {====== float: arithmetic ====== */

static MpObject *
float_add(MpObject *a, MpObject *b)
{
    double x, y;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    return MpFloat_FromDouble(x + y);
}

static MpObject *
float_sub(MpObject *a, MpObject *b)
{
    double x, y;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    return MpFloat_FromDouble(x - y);
}

static MpObject *
float_mul(MpObject *a, MpObject *b)
{
    double x, y;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    return MpFloat_FromDouble(x * y);
}

static MpObject *
float_div(MpObject *a, MpObject *b)
{
    double x, y;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    if (y == 0.0) {
        MpErr_SetString(MpExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return MpFloat_FromDouble(x / y);
}

/* Python's divmod for doubles, y != 0: *div = x // y, *mod = x % y.
   fmod is exact; its result has the sign of x, so when the signs of
   mod and y differ one y is moved from the quotient into the remainder.
   A zero remainder takes the sign of y, a zero quotient that of x / y;
   the quotient (x - mod) / y is within 0.5 of an integer and snapped
   to it. */
static void
float_divmod_values(double x, double y, double *floordiv, double *mod)
{
    double m = fmod(x, y);
    double div = (x - m) / y;
    if (m != 0.0) {
        if ((y < 0) != (m < 0)) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = copysign(0.0, y);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) {
            fd += 1.0;
        }
    } else {
        fd = copysign(0.0, x / y);
    }
    *floordiv = fd;
    *mod = m;
}

static MpObject *
float_floordiv(MpObject *a, MpObject *b)
{
    double x, y, d, m;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    if (y == 0.0) {
        MpErr_SetString(MpExc_ZeroDivisionError,
                        "float floor division by zero");
        return NULL;
    }
    float_divmod_values(x, y, &d, &m);
    return MpFloat_FromDouble(d);
}

static MpObject *
float_mod(MpObject *a, MpObject *b)
{
    double x, y, d, m;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    if (y == 0.0) {
        MpErr_SetString(MpExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    float_divmod_values(x, y, &d, &m);
    return MpFloat_FromDouble(m);
}

static MpObject *
float_divmod(MpObject *a, MpObject *b)
{
    double x, y, d, m;
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    if (y == 0.0) {
        MpErr_SetString(MpExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    float_divmod_values(x, y, &d, &m);
    return pair(MpFloat_FromDouble(d), MpFloat_FromDouble(m));
}

static int
is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

static MpObject *complex_pow(MpObject *a, MpObject *b, MpObject *c);

/* x ** y: C99 pow() where it agrees with Python, the special cases
   spelt out where the C library may not. */
static MpObject *
float_pow(MpObject *a, MpObject *b, MpObject *c)
{
    double x, y;
    if (c != NULL && c != Mp_None) {
        MpErr_SetString(MpExc_TypeError, "pow() 3rd argument not allowed "
                                         "unless all arguments are integers");
        return NULL;
    }
    int r = to_doubles(a, b, &x, &y);
    if (r <= 0) {
        return r == 0 ? not_implemented() : NULL;
    }
    if (y == 0.0) {
        return MpFloat_FromDouble(1.0); // even nan ** 0
    }
    if (isnan(x)) {
        return MpFloat_FromDouble(x);
    }
    if (isnan(y)) {
        return MpFloat_FromDouble(x == 1.0 ? 1.0 : y);
    }
    if (isinf(y)) {
        double ax = fabs(x);
        if (ax == 1.0) {
            return MpFloat_FromDouble(1.0);
        }
        return MpFloat_FromDouble((y > 0.0) == (ax > 1.0) ? HUGE_VAL : 0.0);
    }
    if (isinf(x)) {
        int odd = is_odd_integer(y);
        if (y > 0.0) {
            return MpFloat_FromDouble(odd ? x : fabs(x));
        }
        return MpFloat_FromDouble(odd ? copysign(0.0, x) : 0.0);
    }
    if (x == 0.0) {
        if (y < 0.0) {
            MpErr_SetString(MpExc_ZeroDivisionError,
                            "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return MpFloat_FromDouble(is_odd_integer(y) ? x : 0.0);
    }
    int negate = 0;
    if (x < 0.0) {
        if (y != floor(y)) {
            /* (-8) ** 0.5: a negative number to a fractional power is
               complex in Python 3. */
            return complex_pow(a, b, Mp_None);
        }
        x = -x;
        negate = is_odd_integer(y);
    }
    if (x == 1.0) {
        return MpFloat_FromDouble(negate ? -1.0 : 1.0);
    }
    double v = pow(x, y);
    if (isinf(v)) {
        /* CPython raises from errno: the strerror of ERANGE with its
           number, shown as the tuple of OSError-style arguments. */
        MpErr_SetString(MpExc_OverflowError,
                        "(34, 'Numerical result out of range')");
        return NULL;
    }
    return MpFloat_FromDouble(negate ? -v : v);
}

static MpObject *
float_neg(MpObject *a)
{
    return MpFloat_FromDouble(-MpFloat_AS_DOUBLE(a));
}

static MpObject *
float_float(MpObject *a)
{
    if (MpFloat_CheckExact(a)) {
        return Mp_NewRef(a);
    }
    return MpFloat_FromDouble(MpFloat_AS_DOUBLE(a));
}

static MpObject *
float_abs(MpObject *a)
{
    return MpFloat_FromDouble(fabs(MpFloat_AS_DOUBLE(a)));
}

static int
float_bool(MpObject *a)
{
    return MpFloat_AS_DOUBLE(a) != 0.0;
}

static MpObject *
float_int(MpObject *a)
{
    return MpLong_FromDouble(MpFloat_AS_DOUBLE(a));
}
/* }====== */

/* {====== float: methods ====== */

static MpObject *
float_conjugate(MpObject *self, MpObject *unused)
{
    return float_float(self);
}

static MpObject *
float_trunc(MpObject *self, MpObject *unused)
{
    return float_int(self);
}

static MpObject *
float_is_integer(MpObject *self, MpObject *unused)
{
    double x = MpFloat_AS_DOUBLE(self);
    return MpBool_FromLong(isfinite(x) && floor(x) == x);
}

static MpObject *
float_floor(MpObject *self, MpObject *unused)
{
    return MpLong_FromDouble(floor(MpFloat_AS_DOUBLE(self)));
}

static MpObject *
float_ceil(MpObject *self, MpObject *unused)
{
    return MpLong_FromDouble(ceil(MpFloat_AS_DOUBLE(self)));
}

static MpObject *
float_getnewargs(MpObject *self, MpObject *unused)
{
    MpObject *f = MpFloat_FromDouble(MpFloat_AS_DOUBLE(self));
    MpObject *t = f ? MpTuple_New(1) : NULL;
    if (t == NULL) {
        Mp_XDECREF(f);
        return NULL;
    }
    MpTuple_SET_ITEM(t, 0, f);
    return t;
}

static MpObject *
float_as_integer_ratio(MpObject *self, MpObject *unused)
{
    double x = MpFloat_AS_DOUBLE(self);
    if (isinf(x)) {
        MpErr_SetString(MpExc_OverflowError,
                        "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        MpErr_SetString(MpExc_ValueError,
                        "cannot convert NaN to integer ratio");
        return NULL;
    }
    /* x = m * 2**e with m an integer of at most 53 bits (exact), then
       common factors of 2 removed. */
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    mpz_t n, d;
    mpz_init_set_d(n, m);
    mpz_init_set_ui(d, 1);
    if (e > 0) {
        mpz_mul_2exp(n, n, (mp_bitcnt_t)e);
    } else if (e < 0) {
        mp_bitcnt_t tz = mpz_sgn(n) ? mpz_scan1(n, 0) : 0;
        mp_bitcnt_t k = (mp_bitcnt_t)-e;
        mp_bitcnt_t drop = tz < k ? tz : k;
        mpz_tdiv_q_2exp(n, n, drop);
        mpz_mul_2exp(d, d, k - drop);
    }
    MpObject *r = pair(MpLong_FromMpz(n), MpLong_FromMpz(d));
    mpz_clear(n);
    mpz_clear(d);
    return r;
}

/* round(x, nd) for finite non-zero x: the exact decimal expansion of x
   (glibc's printf is exact), rounded half-to-even at the nd-th place
   after the point (nd < 0: before it), read back by strtod (correctly
   rounded).  This is the result CPython gets from dtoa's mode 3. */
static MpObject *
float_round_digits(double x, int nd)
{
    /* An exact double has at most 1074 fractional digits and 309 integral
       ones. */
    enum { FRAC = 1100, SIZE = 1500 };
    char *buf = malloc(SIZE);
    char *out = malloc(SIZE + 8);
    if (buf == NULL || out == NULL) {
        free(buf);
        free(out);
        return MpErr_NoMemory();
    }
    int neg = signbit(x) != 0;
    snprintf(buf, SIZE, "%.*f", FRAC, fabs(x));
    char *point = strchr(buf, '.');
    int intlen = (int)(point - buf);
    /* digits: the integral digits then the fractional ones, with a
       leading '0' as room for a carry. */
    char *digits = out + 1; // out[0] for the sign later
    digits[0] = '0';
    memcpy(digits + 1, buf, (size_t)intlen);
    memcpy(digits + 1 + intlen, point + 1, FRAC);
    int total = 1 + intlen + FRAC;
    int keep = 1 + intlen + nd; // digits kept (the others are rounded off)
    if (keep < 0) {
        keep = 0; // rounds to zero: the value is below half a unit
    }
    if (keep < total) {
        /* Round half to even on the digit string. */
        char first = digits[keep];
        int rest_nonzero = 0;
        for (int i = keep + 1; i < total; i++) {
            if (digits[i] != '0') {
                rest_nonzero = 1;
                break;
            }
        }
        int last = keep > 0 ? digits[keep - 1] - '0' : 0;
        int up = first > '5' || (first == '5' && (rest_nonzero || (last & 1)));
        for (int i = keep; i < total; i++) {
            digits[i] = '0';
        }
        for (int i = keep - 1; up && i >= 0; i--) {
            if (digits[i] == '9') {
                digits[i] = '0';
            } else {
                digits[i]++;
                up = 0;
            }
        }
    }
    /* Back to text "-ddd.ddd" and through strtod. */
    char *text = buf;
    int n = 0;
    text[n++] = neg ? '-' : '+';
    memcpy(text + n, digits, (size_t)(1 + intlen));
    n += 1 + intlen;
    text[n++] = '.';
    memcpy(text + n, digits + 1 + intlen, FRAC);
    n += FRAC;
    text[n] = '\0';
    double r = strtod(text, NULL);
    free(buf);
    free(out);
    if (isinf(r)) {
        MpErr_SetString(MpExc_OverflowError,
                        "rounded value too large to represent");
        return NULL;
    }
    return MpFloat_FromDouble(r);
}

static MpObject *
float_round(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("__round__", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    double x = MpFloat_AS_DOUBLE(self);
    if (nargs == 0 || args[0] == Mp_None) {
        /* round(x): to the nearest integer, ties to even, as an int. */
        double r = round(x);
        if (fabs(x - r) == 0.5) {
            r = 2.0 * round(x / 2.0);
        }
        return MpLong_FromDouble(r);
    }
    Mp_ssize_t nd = MpNumber_AsSsize_t(args[0], NULL);
    if (nd == -1 && MpErr_Occurred()) {
        return NULL;
    }
    /* Beyond these, rounding cannot change x (it has no digits that far
       right) or leaves zero (x < 10**308); CPython's NDIGITS_MAX/MIN,
       (53 - -1021) * log10(2) and -(1024 + 1) * log10(2). */
    if (nd > 323 || !isfinite(x) || x == 0.0) {
        return MpFloat_FromDouble(x);
    }
    if (nd < -308) {
        return MpFloat_FromDouble(0.0 * x);
    }
    return float_round_digits(x, (int)nd);
}

/* float.hex(): [-]0x1.<13 hex digits>p<exp>, subnormals as 0x0.<...>p-1022,
   as CPython's float_hex. */
static MpObject *
float_hex(MpObject *self, MpObject *unused)
{
    double x = MpFloat_AS_DOUBLE(self);
    if (!isfinite(x)) {
        return float_repr(self);
    }
    if (x == 0.0) {
        return MpStr_FromString(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    }
    int e;
    double m = frexp(fabs(x), &e); // 0.5 <= m < 1
    /* Shift so that the leading digit is 1 (or 0 for subnormals). */
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char buf[64];
    int n = 0;
    if (x < 0) {
        buf[n++] = '-';
    }
    buf[n++] = '0';
    buf[n++] = 'x';
    int lead = (int)m;
    buf[n++] = (char)('0' + lead);
    m -= lead;
    buf[n++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) { // 13 hex digits
        m *= 16.0;
        int d = (int)m;
        buf[n++] = "0123456789abcdef"[d];
        m -= d;
    }
    snprintf(buf + n, sizeof buf - (size_t)n, "p%+d", e);
    return MpStr_FromString(buf);
}

static int
hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

/* float.fromhex(s): [sign] (inf | nan | [0x] hexdigits [. hexdigits]
   [p [sign] decimal]), white space around; correctly rounded. */
static MpObject *
float_fromhex(MpObject *cls, MpObject *arg)
{
    if (!MpStr_Check(arg)) {
        /* CPython's PyUnicode_AsUTF8AndSize message */
        return MpErr_Format(MpExc_TypeError,
                            "bad argument type for built-in operation");
    }
    Mp_ssize_t len;
    const char *s = MpStr_AsUTF8AndSize(arg, &len);
    if (s == NULL) {
        return NULL;
    }
    const char *p = s, *end = s + len;
    while (p < end && is_space(*p)) {
        p++;
    }
    while (end > p && is_space(end[-1])) {
        end--;
    }
    double v;
    const char *letter = p < end && (*p == '+' || *p == '-') ? p + 1 : p;
    MpObject *r = NULL;
    if (letter < end && ((*letter | 0x20) == 'i' || (*letter | 0x20) == 'n') &&
        scan_float(p, end, &v) == end) {
        r = MpFloat_FromDouble(v); // inf, infinity, nan
    } else {
        int neg = 0;
        if (p < end && (*p == '+' || *p == '-')) {
            neg = *p == '-';
            p++;
        }
        if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') {
            p += 2;
        }
        mpz_t m;
        mpz_init(m);
        long exp = 0, ndig = 0;
        int ok = 1;
        for (; p < end && hex_digit(*p) >= 0; p++, ndig++) {
            mpz_mul_2exp(m, m, 4);
            mpz_add_ui(m, m, (unsigned long)hex_digit(*p));
        }
        if (p < end && *p == '.') {
            for (p++; p < end && hex_digit(*p) >= 0; p++, ndig++) {
                mpz_mul_2exp(m, m, 4);
                mpz_add_ui(m, m, (unsigned long)hex_digit(*p));
                exp -= 4;
            }
        }
        ok = ndig > 0;
        if (ok && p < end && (*p | 0x20) == 'p') {
            p++;
            int eneg = 0;
            if (p < end && (*p == '+' || *p == '-')) {
                eneg = *p == '-';
                p++;
            }
            ok = p < end && is_digit(*p);
            long ev = 0;
            for (; p < end && is_digit(*p); p++) {
                if (ev < 100000000) { // beyond any float: saturate
                    ev = ev * 10 + (*p - '0');
                }
            }
            exp += eneg ? -ev : ev;
        }
        ok = ok && p == end;
        if (!ok) {
            MpErr_SetString(MpExc_ValueError,
                            "invalid hexadecimal floating-point string");
        } else {
            int overflow;
            double d = MpMpz_Ldexp(m, exp, &overflow);
            if (overflow) {
                MpErr_SetString(MpExc_OverflowError,
                                "hexadecimal value too large to represent "
                                "as a float");
            } else {
                r = MpFloat_FromDouble(neg ? -d : d);
            }
        }
        mpz_clear(m);
    }
    if (r != NULL && (MpTypeObject *)cls != &MpFloat_Type) {
        Mp_SETREF(&r, MpObject_CallOneArg(cls, r));
    }
    return r;
}

static MpObject *
float_getformat(MpObject *cls, MpObject *arg)
{
    if (!MpStr_Check(arg)) {
        return MpErr_Format(MpExc_TypeError,
                            "__getformat__() argument must be str, not %B",
                            arg);
    }
    if (MpStr_CompareWithASCII(arg, "double") != 0 &&
        MpStr_CompareWithASCII(arg, "float") != 0) {
        MpErr_SetString(MpExc_ValueError,
                        "__getformat__() argument 1 must be 'double' or "
                        "'float'");
        return NULL;
    }
    return MpStr_FromString("IEEE, little-endian");
}

static MpObject *
float_get_real(MpObject *self, void *closure)
{
    return float_float(self);
}

static MpObject *
float_get_imag(MpObject *self, void *closure)
{
    return MpFloat_FromDouble(0.0);
}

/* float.__format__(spec): the format-spec mini-language (format.c).
   Refs: NEW. */
static MpObject *
float_format(MpObject *self, MpObject *spec)
{
    return MpFormat_Float(self, spec);
}

static MpMethodDef float_methods[] = {
    {"__format__", (void *)float_format, MP_METH_O, NULL},
    {"conjugate", (void *)float_conjugate, MP_METH_NOARGS,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", (void *)float_trunc, MP_METH_NOARGS,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", (void *)float_floor, MP_METH_NOARGS,
     "Return the floor as an Integral."},
    {"__ceil__", (void *)float_ceil, MP_METH_NOARGS,
     "Return the ceiling as an Integral."},
    {"__round__", (void *)float_round, MP_METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even.\n\n"
     "When an argument is passed, work like built-in round(x, ndigits)."},
    {"as_integer_ratio", (void *)float_as_integer_ratio, MP_METH_NOARGS,
     "Return integer ratio."},
    {"fromhex", (void *)float_fromhex, MP_METH_O | MP_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", (void *)float_hex, MP_METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", (void *)float_is_integer, MP_METH_NOARGS,
     "Return True if the float is an integer."},
    {"__getnewargs__", (void *)float_getnewargs, MP_METH_NOARGS, NULL},
    {"__getformat__", (void *)float_getformat, MP_METH_O | MP_METH_CLASS,
     "You probably don't want to use this function."},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
/* }====== */

/* {====== float: construction ====== */

static MpObject *
float_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) != 0) {
        MpErr_SetString(MpExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "float expected at most 1 argument, got %zd", n);
    }
    MpObject *r = NULL;
    if (n == 0) {
        r = MpFloat_FromDouble(0.0);
    } else {
        MpObject *x = MpTuple_GET_ITEM(args, 0);
        if (MpFloat_CheckExact(x)) {
            r = Mp_NewRef(x);
        } else if (MpStr_Check(x) || MpBytes_Check(x) ||
                   MpByteArray_Check(x)) {
            r = MpFloat_FromString(x);
        } else {
            MpNumberMethods *nb = Mp_TYPE(x)->tp_as_number;
            int numeric = MpLong_Check(x) || MpFloat_Check(x) ||
                          (nb != NULL && (nb->nb_float != NULL ||
                                          nb->nb_index != NULL));
            if (!numeric && MpObject_CheckBuffer(x)) {
                r = MpFloat_FromString(x);  // memoryview, array, mmap
            }
            if (!numeric && (!MpObject_CheckBuffer(x) ||
                             (r == NULL &&
                              MpErr_ExceptionMatches(MpExc_BufferError)))) {
                MpErr_Clear();  // a strided view: no bytes-like object
                return MpErr_Format(MpExc_TypeError,
                                    "float() argument must be a string or "
                                    "a real number, not '%s'",
                                    MpType_Name(Mp_TYPE(x)));
            }
            if (numeric) {
                double v = MpFloat_AsDouble(x);
                if (v == -1.0 && MpErr_Occurred()) {
                    return NULL;
                }
                r = MpFloat_FromDouble(v);
            }
        }
    }
    if (r != NULL && type != &MpFloat_Type) {
        MpFloatObject *sub = (MpFloatObject *)MpObject_New(type);
        if (sub != NULL) {
            sub->value = MpFloat_AS_DOUBLE(r);
            if (MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
                MpObject_GC_Track(sub);  // __dict__, slots
            }
        }
        Mp_DECREF(r);
        r = (MpObject *)sub;
    }
    return r;
}
/* }====== */

/* {====== complex ====== */

typedef struct {
    double real, imag;
} cval;

MpObject *
MpComplex_FromDoubles(double real, double imag)
{
    MpComplexObject *c = (MpComplexObject *)MpObject_New(&MpComplex_Type);
    if (c != NULL) {
        c->real = real;
        c->imag = imag;
    }
    return (MpObject *)c;
}

static MpObject *
complex_from(cval v)
{
    return MpComplex_FromDoubles(v.real, v.imag);
}

static int
complex_check(MpObject *o)
{
    return Mp_TYPE(o) == &MpComplex_Type ||
           MpType_IsSubtype(Mp_TYPE(o), &MpComplex_Type);
}

static cval
cval_of(MpObject *o)
{
    const MpComplexObject *c = (const MpComplexObject *)o;
    cval v = {c->real, c->imag};
    return v;
}

/* An operand of a complex operator: 1 and *v set; 0 for NotImplemented;
   -1 on error. */
static int
to_complex(MpObject *o, cval *v)
{
    if (complex_check(o)) {
        *v = cval_of(o);
        return 1;
    }
    v->imag = 0.0;
    return to_double(o, &v->real);
}

static int
to_complexes(MpObject *a, MpObject *b, cval *x, cval *y)
{
    int r = to_complex(a, x);
    return r != 1 ? r : to_complex(b, y);
}

static void
complex_dealloc(MpObject *o)
{
    MpObject_Free(o);
}

/* repr: "2j" when the real part is +0.0, else "(re+imj)" with both parts
   in the shortest repr without a ".0" (2.0 shows as 2). */
static MpObject *
complex_repr(MpObject *o)
{
    cval v = cval_of(o);
    MpStrBuf b = {0};
    if (v.real == 0.0 && !signbit(v.real)) {
        MpRepr_Imag(&b, v.imag);
        return strbuf_to_str(&b);
    }
    MpStrBuf_Putc(&b, '(');
    MpRepr_Imag(&b, v.real);
    b.len--; // drop the 'j' MpRepr_Imag wrote: the real part has none
    if (!isnan(v.imag) && signbit(v.imag)) {
        MpRepr_Imag(&b, v.imag); // writes its own '-'
    } else {
        MpStrBuf_Putc(&b, '+');
        MpRepr_Imag(&b, isnan(v.imag) ? fabs(v.imag) : v.imag);
    }
    MpStrBuf_Putc(&b, ')');
    return strbuf_to_str(&b);
}

static Mp_hash_t
complex_hash(MpObject *o)
{
    cval v = cval_of(o);
    Mp_uhash_t hr = (Mp_uhash_t)MpHash_Double(o, v.real);
    Mp_uhash_t hi = (Mp_uhash_t)MpHash_Double(o, v.imag);
    Mp_uhash_t h = hr + (Mp_uhash_t)MP_HASH_IMAG * hi; // wraps as CPython
    if (h == (Mp_uhash_t)-1) {
        h = (Mp_uhash_t)-2;
    }
    return (Mp_hash_t)h;
}

static MpObject *
complex_richcompare(MpObject *a, MpObject *b, int op)
{
    if (op != Mp_EQ && op != Mp_NE) {
        return not_implemented();
    }
    if (!complex_check(a)) {
        return not_implemented();
    }
    cval x = cval_of(a);
    int eq;
    if (MpLong_Check(b)) {
        eq = x.imag == 0.0 && compare_double_int(x.real, b) == 0;
    } else if (MpFloat_Check(b)) {
        eq = x.imag == 0.0 && x.real == MpFloat_AS_DOUBLE(b);
    } else if (complex_check(b)) {
        cval y = cval_of(b);
        eq = x.real == y.real && x.imag == y.imag;
    } else {
        return not_implemented();
    }
    return MpBool_FromLong(op == Mp_EQ ? eq : !eq);
}

static cval
c_prod(cval a, cval b)
{
    cval r = {a.real * b.real - a.imag * b.imag,
              a.real * b.imag + a.imag * b.real};
    return r;
}

/* a / b without needless overflow: divide through by the larger part of
   b (Smith's method, as CPython's _Py_c_quot).  *zero is set when b is 0. */
static cval
c_quot(cval a, cval b, int *zero)
{
    cval r;
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    *zero = 0;
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            *zero = 1;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN; // b has a NaN part
    }
    return r;
}

static MpObject *
complex_add(MpObject *a, MpObject *b)
{
    cval x, y;
    int ok = to_complexes(a, b, &x, &y);
    if (ok <= 0) {
        return ok == 0 ? not_implemented() : NULL;
    }
    return MpComplex_FromDoubles(x.real + y.real, x.imag + y.imag);
}

static MpObject *
complex_sub(MpObject *a, MpObject *b)
{
    cval x, y;
    int ok = to_complexes(a, b, &x, &y);
    if (ok <= 0) {
        return ok == 0 ? not_implemented() : NULL;
    }
    return MpComplex_FromDoubles(x.real - y.real, x.imag - y.imag);
}

static MpObject *
complex_mul(MpObject *a, MpObject *b)
{
    cval x, y;
    int ok = to_complexes(a, b, &x, &y);
    if (ok <= 0) {
        return ok == 0 ? not_implemented() : NULL;
    }
    return complex_from(c_prod(x, y));
}

static MpObject *
complex_div(MpObject *a, MpObject *b)
{
    cval x, y;
    int ok = to_complexes(a, b, &x, &y);
    if (ok <= 0) {
        return ok == 0 ? not_implemented() : NULL;
    }
    int zero;
    cval r = c_quot(x, y, &zero);
    if (zero) {
        MpErr_SetString(MpExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return complex_from(r);
}

/* x ** n for a small integral n by repeated squaring (CPython's c_powu),
   so that (1j) ** 2 is exactly -1. */
static cval
c_powu(cval x, long n)
{
    cval r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = c_prod(r, p);
        }
        p = c_prod(p, p);
    }
    return r;
}

/* The general power through polar form; *zero set for 0 ** (negative or
   complex). */
static cval
c_pow(cval a, cval b, int *zero)
{
    cval r;
    *zero = 0;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) {
            *zero = 1;
        }
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static MpObject *
complex_pow(MpObject *a, MpObject *b, MpObject *c)
{
    if (c != NULL && c != Mp_None) {
        MpErr_SetString(MpExc_ValueError, "complex modulo");
        return NULL;
    }
    cval x, y;
    int ok = to_complexes(a, b, &x, &y);
    if (ok <= 0) {
        return ok == 0 ? not_implemented() : NULL;
    }
    cval r;
    int zero = 0;
    if (y.imag == 0.0 && y.real == floor(y.real) && fabs(y.real) <= 100.0) {
        long n = (long)y.real;
        if (n >= 0) {
            r = c_powu(x, n);
        } else {
            cval one = {1.0, 0.0};
            r = c_quot(one, c_powu(x, -n), &zero);
        }
    } else {
        r = c_pow(x, y, &zero);
        if (!zero && (isinf(r.real) || isinf(r.imag))) {
            MpErr_SetString(MpExc_OverflowError, "complex exponentiation");
            return NULL;
        }
    }
    if (zero) {
        MpErr_SetString(MpExc_ZeroDivisionError,
                        "0.0 to a negative or complex power");
        return NULL;
    }
    return complex_from(r);
}

static MpObject *
complex_neg(MpObject *a)
{
    cval v = cval_of(a);
    return MpComplex_FromDoubles(-v.real, -v.imag);
}

static MpObject *
complex_pos(MpObject *a)
{
    if (Mp_TYPE(a) == &MpComplex_Type) {
        return Mp_NewRef(a);
    }
    return complex_from(cval_of(a));
}

static MpObject *
complex_abs(MpObject *a)
{
    cval v = cval_of(a);
    double r = hypot(v.real, v.imag);
    if (isinf(r) && isfinite(v.real) && isfinite(v.imag)) {
        MpErr_SetString(MpExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return MpFloat_FromDouble(r);
}

static int
complex_bool(MpObject *a)
{
    cval v = cval_of(a);
    return v.real != 0.0 || v.imag != 0.0;
}

static MpObject *
complex_conjugate(MpObject *self, MpObject *unused)
{
    cval v = cval_of(self);
    return MpComplex_FromDoubles(v.real, -v.imag);
}

static MpObject *
complex_complex(MpObject *self, MpObject *unused)
{
    return complex_pos(self);
}

static MpObject *
complex_getnewargs(MpObject *self, MpObject *unused)
{
    cval v = cval_of(self);
    return pair(MpFloat_FromDouble(v.real), MpFloat_FromDouble(v.imag));
}

static MpObject *
complex_get_real(MpObject *self, void *closure)
{
    return MpFloat_FromDouble(cval_of(self).real);
}

static MpObject *
complex_get_imag(MpObject *self, void *closure)
{
    return MpFloat_FromDouble(cval_of(self).imag);
}

/* complex(s): [ws] ['('] [ws] <number> [ws] [')'] [ws], the number being
   x, xj, x+yj, x-j, +j, j (x, y floats), as CPython's
   complex_from_string_inner. */
static MpObject *
complex_from_string(MpObject *s)
{
    Mp_ssize_t len;
    const char *u = MpStr_AsUTF8AndSize(s, &len);
    if (u == NULL) {
        return NULL;
    }
    char *text = MpNumber_ToASCIIDigits(u, len, &len);
    if (text == NULL) {
        return NULL;
    }
    const char *p = text, *end = text + len;
    double x = 0.0, y = 0.0, z;
    int ok = 1;
    while (p < end && is_space(*p)) {
        p++;
    }
    int paren = p < end && *p == '(';
    if (paren) {
        p++;
        while (p < end && is_space(*p)) {
            p++;
        }
    }
    const char *q = scan_float(p, end, &z);
    if (q != p) {
        p = q;
        if (p < end && (*p == '+' || *p == '-')) {
            x = z; // <float><signed-float>j or <float><sign>j
            q = scan_float(p, end, &y);
            if (q != p) {
                p = q;
            } else {
                y = *p == '+' ? 1.0 : -1.0;
                p++;
            }
            ok = p < end && (*p == 'j' || *p == 'J');
            p++;
        } else if (p < end && (*p == 'j' || *p == 'J')) {
            y = z;
            p++;
        } else {
            x = z;
        }
    } else {
        y = 1.0;
        if (p < end && (*p == '+' || *p == '-')) {
            y = *p == '+' ? 1.0 : -1.0;
            p++;
        }
        ok = p < end && (*p == 'j' || *p == 'J');
        p++;
    }
    if (ok) {
        while (p < end && is_space(*p)) {
            p++;
        }
        if (paren) {
            ok = p < end && *p == ')';
            p++;
            while (p < end && is_space(*p)) {
                p++;
            }
        }
        ok = ok && p == end;
    }
    free(text);
    if (!ok) {
        MpErr_SetString(MpExc_ValueError,
                        "complex() arg is a malformed string");
        return NULL;
    }
    return MpComplex_FromDoubles(x, y);
}

/* o.__complex__() when o's class defines it: 1 and *v set, 0 when there
   is no such method, -1 on error. */
static int
try_complex_method(MpObject *o, cval *v)
{
    MpObject *name = MpStr_InternFromString("__complex__");
    if (name == NULL) {
        return -1;
    }
    MpObject *f = MpType_Lookup(Mp_TYPE(o), name);
    Mp_DECREF(name);
    if (f == NULL) {
        return 0;
    }
    MpObject *r = MpObject_CallOneArg(f, o);
    if (r == NULL) {
        return -1;
    }
    if (!complex_check(r)) {
        MpErr_Format(MpExc_TypeError,
                     "__complex__ returned non-complex (type %T)", r);
        Mp_DECREF(r);
        return -1;
    }
    *v = cval_of(r);
    Mp_DECREF(r);
    return 1;
}

/* A real-number argument of complex(): float, int, __float__ or
   __index__; 0 if o is none of these. */
static int
real_arg(MpObject *o, double *v)
{
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    if (!MpFloat_Check(o) && !MpLong_Check(o) &&
        (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL))) {
        return 0;
    }
    *v = MpFloat_AsDouble(o);
    return (*v == -1.0 && MpErr_Occurred()) ? -1 : 1;
}

static const char *const complex_kw[] = {"real", "imag", NULL};

static MpObject *
complex_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    /* Only two parameters: unpack the tuple and dict by hand. */
    MpObject *a[2] = {NULL, NULL};
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    Mp_ssize_t nk = kwargs == NULL ? 0 : MpDict_GET_SIZE(kwargs);
    if (n + nk > 2) {
        return MpErr_Format(MpExc_TypeError,
                            "complex() takes at most 2 arguments (%zd given)",
                            n + nk);
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        a[i] = MpTuple_GET_ITEM(args, i);
    }
    Mp_ssize_t pos = 0;
    MpObject *k, *v;
    while (nk > 0 && MpDict_Next(kwargs, &pos, &k, &v)) {
        int which = -1;
        for (int i = 0; i < 2; i++) {
            if (MpStr_Check(k) &&
                MpStr_CompareWithASCII(k, complex_kw[i]) == 0) {
                which = i;
            }
        }
        if (which < 0) {
            return MpErr_Format(MpExc_TypeError,
                                "'%S' is an invalid keyword argument for "
                                "complex()",
                                k);
        }
        if (a[which] != NULL) {
            return MpErr_Format(MpExc_TypeError,
                                "argument for complex() given by name "
                                "('%s') and position (%d)",
                                complex_kw[which], which + 1);
        }
        a[which] = v;
    }
    MpObject *r = NULL;
    cval re = {0.0, 0.0}, im = {0.0, 0.0};
    int re_complex = 0, im_complex = 0;
    if (a[0] != NULL && MpStr_Check(a[0])) {
        if (a[1] != NULL) {
            MpErr_SetString(MpExc_TypeError,
                            "complex() can't take second arg if first is a "
                            "string");
            return NULL;
        }
        r = complex_from_string(a[0]);
    } else {
        if (a[1] != NULL && MpStr_Check(a[1])) {
            MpErr_SetString(MpExc_TypeError,
                            "complex() second arg can't be a string");
            return NULL;
        }
        if (a[0] != NULL) {
            if (a[1] == NULL && type == &MpComplex_Type &&
                Mp_TYPE(a[0]) == &MpComplex_Type) {
                return Mp_NewRef(a[0]); // complex(z) is z
            }
            int got = try_complex_method(a[0], &re);
            if (got < 0) {
                return NULL;
            }
            re_complex = got;
            if (got == 0) {
                if (complex_check(a[0])) {
                    re = cval_of(a[0]);
                    re_complex = 1;
                } else {
                    int ok = real_arg(a[0], &re.real);
                    if (ok < 0) {
                        return NULL;
                    }
                    if (ok == 0) {
                        return MpErr_Format(
                            MpExc_TypeError,
                            "complex() first argument must be a string or "
                            "a number, not '%s'",
                            MpType_Name(Mp_TYPE(a[0])));
                    }
                }
            }
        }
        if (a[1] != NULL) {
            if (complex_check(a[1])) {
                im = cval_of(a[1]);
                im_complex = 1;
            } else {
                int ok = real_arg(a[1], &im.real);
                if (ok < 0) {
                    return NULL;
                }
                if (ok == 0) {
                    return MpErr_Format(
                        MpExc_TypeError,
                        "complex() second argument must be a number, not "
                        "'%s'",
                        MpType_Name(Mp_TYPE(a[1])));
                }
            }
        }
        /* complex(r, i) = r + i*1j, computed as CPython does so that the
           signs of zero parts come out the same: only parts that exist
           are added (complex(1, -0.0) keeps its -0.0). */
        double real = re.real, imag;
        if (a[1] == NULL) {
            imag = re.imag;
        } else {
            imag = re_complex ? im.real + re.imag : im.real;
        }
        if (im_complex) {
            real -= im.imag;
        }
        r = MpComplex_FromDoubles(real, imag);
    }
    if (r != NULL && type != &MpComplex_Type) {
        MpComplexObject *sub = (MpComplexObject *)MpObject_New(type);
        if (sub != NULL) {
            sub->real = ((MpComplexObject *)r)->real;
            sub->imag = ((MpComplexObject *)r)->imag;
            if (MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
                MpObject_GC_Track(sub);  // __dict__, slots
            }
        }
        Mp_DECREF(r);
        r = (MpObject *)sub;
    }
    return r;
}

/* complex.__format__(spec): both parts in the mini-language (format.c). */
static MpObject *
complex_format(MpObject *self, MpObject *spec)
{
    cval v = cval_of(self);
    return MpFormat_Complex(self, v.real, v.imag, spec);
}

static MpMethodDef complex_methods[] = {
    {"__format__", (void *)complex_format, MP_METH_O, NULL},
    {"conjugate", (void *)complex_conjugate, MP_METH_NOARGS,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == "
     "3+4j."},
    {"__complex__", (void *)complex_complex, MP_METH_NOARGS,
     "Convert this value to exact type complex."},
    {"__getnewargs__", (void *)complex_getnewargs, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef complex_getset[] = {
    {"real", complex_get_real, NULL, "the real part of a complex number",
     NULL},
    {"imag", complex_get_imag, NULL, "the imaginary part of a complex number",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
/* }====== */

/* {====== Type objects ====== */

static MpNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_float,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};

MpTypeObject MpFloat_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "float",
    .tp_basicsize = sizeof(MpFloatObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_str = float_repr,
    .tp_hash = float_hash,
    .tp_richcompare = float_richcompare,
    .tp_as_number = &float_as_number,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_doc = "Convert a string or number to a floating point number, if "
              "possible.",
};

static MpNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

MpTypeObject MpComplex_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "complex",
    .tp_basicsize = sizeof(MpComplexObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_str = complex_repr,
    .tp_hash = complex_hash,
    .tp_richcompare = complex_richcompare,
    .tp_as_number = &complex_as_number,
    .tp_methods = complex_methods,
    .tp_getset = complex_getset,
    .tp_new = complex_new,
    .tp_doc = "Create a complex number from a real part and an optional "
              "imaginary part.",
};
/* }====== */
