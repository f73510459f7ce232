/* mathmodule.c — the math module.

   Most functions are the C library's, wrapped by one rule that turns
   IEEE special results into CPython's exceptions (math_1 and friends):

     - a NaN result from arguments that were not NaN means the argument
       was outside the domain:          ValueError("math domain error");
     - an infinite result from finite arguments is either an overflow
       (exp(1000)):                     OverflowError("math range error"),
       or a pole (log(0), atanh(1)):    ValueError("math domain error"),
       which of the two being a property of the function (can_overflow).

   Functions on ints (factorial, comb, perm, gcd, lcm, isqrt) work on GMP
   integers at any size.  Two functions promise results more exact than
   naive floating point, and minipy computes them exactly instead of
   imitating CPython's error-compensated loops:

     - fsum adds with Shewchuk's exact partials (the algorithm CPython
       uses, since its overflow and inf/nan behaviour is part of the
       contract), then rounds once;
     - hypot and dist compute the sum of squares exactly as a big integer
       and take a correctly rounded square root (vector_norm), which is
       what CPython's vector_norm achieves in all but rare cases.

   CPython counterpart: Modules/mathmodule.c.  Read first: math_1 */
#include <errno.h>
#include <float.h>
#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Errors and conversions ====== */

static MpObject *
domain_error(void)
{
    MpErr_SetString(MpExc_ValueError, "math domain error");
    return NULL;
}

static MpObject *
range_error(void)
{
    MpErr_SetString(MpExc_OverflowError, "math range error");
    return NULL;
}

/* o as a double (float(o)); 0, or -1 with TypeError "must be real number,
   not str" (or the error of __float__). */
static int
to_double(MpObject *o, double *out)
{
    if (MpFloat_CheckExact(o)) {
        *out = MpFloat_AS_DOUBLE(o);
        return 0;
    }
    *out = MpFloat_AsDouble(o);
    return (*out == -1.0 && MpErr_Occurred()) ? -1 : 0;
}

/* The error a libm result r from argument x means, raised; or r as a
   float.  See the file comment. */
static MpObject *
check_result(double x, double r, int can_overflow)
{
    if (isnan(r) && !isnan(x)) {
        return domain_error();
    }
    if (isinf(r) && isfinite(x)) {
        return can_overflow ? range_error() : domain_error();
    }
    return MpFloat_FromDouble(r);
}

/* A function of one real argument. */
static MpObject *
math_1(MpObject *arg, double (*func)(double), int can_overflow)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    errno = 0;
    double r = func(x);
    return check_result(x, r, can_overflow);
}

/* Two real arguments, for the FASTCALL functions. */
static int
two_doubles(const char *name, MpObject *const *args, Mp_ssize_t nargs,
            double *x, double *y)
{
    if (MpArg_CheckPositional(name, nargs, NULL, 2, 2) < 0) {
        return -1;
    }
    return to_double(args[0], x) < 0 || to_double(args[1], y) < 0 ? -1 : 0;
}

/* f(x, y) of two real arguments, for the functions that cannot fail
   once their arguments are read (atan2, copysign, nextafter). */
static MpObject *
math_2(const char *name, MpObject *const *args, Mp_ssize_t nargs,
       double (*f)(double, double))
{
    double x, y;
    if (two_doubles(name, args, nargs, &x, &y) < 0) {
        return NULL;
    }
    return MpFloat_FromDouble(f(x, y));
}

/* o.__index__() as an mpz (initialised here; clear it).  Returns 0 or
   -1 ("'float' object cannot be interpreted as an integer"). */
static int
to_mpz(MpObject *o, mpz_t out)
{
    MpObject *i = MpNumber_Index(o);
    if (i == NULL) {
        return -1;
    }
    mpz_init(out);
    MpLong_AsMpz(i, out);
    Mp_DECREF(i);
    return 0;
}

static MpObject *
from_mpz_clear(mpz_t z)
{
    MpObject *r = MpLong_FromMpz(z);
    mpz_clear(z);
    return r;
}

/* minipy refuses results over 2**38 bits (README, "Huge integers"). */
#define MAX_RESULT_BITS ((double)(1LL << 38))
/* }====== */

/* {====== Functions of one real argument ====== */

#define MATH_FUNC1(name, cfunc, can_overflow)                              \
    static MpObject *math_##name(MpObject *self, MpObject *arg)            \
    {                                                                      \
        return math_1(arg, cfunc, can_overflow);                           \
    }

MATH_FUNC1(acos, acos, 0)
MATH_FUNC1(acosh, acosh, 0)
MATH_FUNC1(asin, asin, 0)
MATH_FUNC1(asinh, asinh, 0)
MATH_FUNC1(atan, atan, 0)
MATH_FUNC1(atanh, atanh, 0)
MATH_FUNC1(cbrt, cbrt, 0)
MATH_FUNC1(cos, cos, 0)
MATH_FUNC1(cosh, cosh, 1)
MATH_FUNC1(erf, erf, 0)
MATH_FUNC1(erfc, erfc, 0)
MATH_FUNC1(exp, exp, 1)
MATH_FUNC1(exp2, exp2, 1)
MATH_FUNC1(expm1, expm1, 1)
MATH_FUNC1(fabs, fabs, 0)
MATH_FUNC1(log1p, log1p, 0)
MATH_FUNC1(sin, sin, 0)
MATH_FUNC1(sinh, sinh, 1)
MATH_FUNC1(sqrt, sqrt, 0)
MATH_FUNC1(tan, tan, 0)
MATH_FUNC1(tanh, tanh, 0)

/* gamma and lgamma have poles at 0 and the negative integers (domain
   errors) and overflow for large arguments. */
static MpObject *
math_gamma(MpObject *self, MpObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    if ((x <= 0.0 && x == floor(x)) || x == -INFINITY) {
        return domain_error();
    }
    if (x == floor(x) && x <= 23.0) {
        /* (x-1)! is exact in a double up to 22!, as CPython's table */
        double f = 1.0;
        for (int i = 2; i < (int)x; i++) {
            f *= i;
        }
        return MpFloat_FromDouble(f);
    }
    /* Elsewhere the C library's tgamma; CPython has its own Lanczos sum,
       so a non-integer argument may differ in the last bit. */
    return check_result(x, tgamma(x), 1);
}

static MpObject *
math_lgamma(MpObject *self, MpObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    if (isinf(x)) {
        return MpFloat_FromDouble(INFINITY);  // both infinities
    }
    if (x <= 0.0 && x == floor(x)) {
        return domain_error();
    }
    return check_result(x, lgamma(x), 1);
}

static MpObject *
math_degrees(MpObject *self, MpObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    return MpFloat_FromDouble(x * (180.0 / M_PI));
}

static MpObject *
math_radians(MpObject *self, MpObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    return MpFloat_FromDouble(x * (M_PI / 180.0));
}

/* isfinite/isinf/isnan: which is 'f', 'i' or 'n'. */
static MpObject *
classify(MpObject *arg, char which)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    int r = which == 'f' ? isfinite(x) : which == 'i' ? isinf(x) : isnan(x);
    return MpBool_FromLong(r);
}

static MpObject *
math_isfinite(MpObject *self, MpObject *arg)
{
    return classify(arg, 'f');
}

static MpObject *
math_isinf(MpObject *self, MpObject *arg)
{
    return classify(arg, 'i');
}

static MpObject *
math_isnan(MpObject *self, MpObject *arg)
{
    return classify(arg, 'n');
}

/* The tuple (a, b) of modf and frexp; NULL when either is NULL (the
   failed conversion's exception stands).  Refs: STEALS a, b. */
static MpObject *
pair(MpObject *a, MpObject *b)
{
    MpObject *t = a && b ? MpTuple_Pack(2, a, b) : NULL;
    Mp_XDECREF(a);
    Mp_XDECREF(b);
    return t;
}

/* modf(x): (fractional part, integer part), both with x's sign. */
static MpObject *
math_modf(MpObject *self, MpObject *arg)
{
    double x, ip;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    double frac = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) {
        ip = x;
    }
    return pair(MpFloat_FromDouble(frac), MpFloat_FromDouble(ip));
}

/* frexp(x): (m, e) with x == m * 2**e and 0.5 <= abs(m) < 1. */
static MpObject *
math_frexp(MpObject *self, MpObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    int e = 0;
    double m = (isnan(x) || isinf(x) || x == 0.0) ? x : frexp(x, &e);
    return pair(MpFloat_FromDouble(m), MpLong_FromInt64(e));
}

/* ulp(x): the value of the least significant bit of x. */
static MpObject *
math_ulp(MpObject *self, MpObject *arg)
{
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    if (isnan(x)) {
        return MpFloat_FromDouble(x);
    }
    x = fabs(x);
    if (isinf(x)) {
        return MpFloat_FromDouble(x);
    }
    double up = nextafter(x, INFINITY);
    if (isinf(up)) {
        /* x is the largest double: the gap below it */
        return MpFloat_FromDouble(x - nextafter(x, -INFINITY));
    }
    return MpFloat_FromDouble(up - x);
}
/* }====== */

/* {====== Rounding to int: floor, ceil, trunc ======
   Each asks the argument's type first (__floor__, __ceil__, __trunc__),
   so that Fractions and Decimals round themselves; a float is rounded
   here; anything else that converts to float is converted. */

static MpObject *
call_special(MpObject *bound)
{
    MpObject *r = MpObject_CallNoArgs(bound);
    Mp_DECREF(bound);
    return r;
}

static MpObject *
round_to_int(MpObject *arg, const char *special, double (*func)(double))
{
    if (MpFloat_CheckExact(arg)) {
        return MpLong_FromDouble(func(MpFloat_AS_DOUBLE(arg)));
    }
    if (MpLong_CheckExact(arg)) {
        return Mp_NewRef(arg);
    }
    MpObject *bound = MpObject_LookupSpecial(arg, special);
    if (bound != NULL) {
        return call_special(bound);
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    double x;
    if (to_double(arg, &x) < 0) {
        return NULL;
    }
    return MpLong_FromDouble(func(x));
}

static MpObject *
math_floor(MpObject *self, MpObject *arg)
{
    return round_to_int(arg, "__floor__", floor);
}

static MpObject *
math_ceil(MpObject *self, MpObject *arg)
{
    return round_to_int(arg, "__ceil__", ceil);
}

static MpObject *
math_trunc(MpObject *self, MpObject *arg)
{
    if (MpFloat_CheckExact(arg)) {
        return MpLong_FromDouble(MpFloat_AS_DOUBLE(arg));
    }
    MpObject *bound = MpObject_LookupSpecial(arg, "__trunc__");
    if (bound != NULL) {
        return call_special(bound);
    }
    if (!MpErr_Occurred()) {
        MpErr_Format(MpExc_TypeError,
                     "type %s doesn't define __trunc__ method",
                     MpType_Name(Mp_TYPE(arg)));
    }
    return NULL;
}
/* }====== */

/* {====== Functions of two reals ====== */

/* pow(x, y): C99's special cases decided here, before libm, so that
   every platform agrees (CPython's math_pow). */
static MpObject *
math_pow(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    double x, y, r;
    if (two_doubles("pow", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x)) {
            r = y == 0.0 ? 1.0 : x;  // nan**0 == 1
        }
        else if (isnan(y)) {
            r = x == 1.0 ? 1.0 : y;  // 1**nan == 1
        }
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.0) {
                r = odd_y ? x : fabs(x);
            }
            else if (y == 0.0) {
                r = 1.0;
            }
            else {
                r = odd_y ? copysign(0.0, x) : 0.0;
            }
        }
        else {  // y is infinite, x finite
            if (fabs(x) == 1.0) {
                r = 1.0;
            }
            else if (y > 0.0 && fabs(x) > 1.0) {
                r = y;
            }
            else if (y < 0.0 && fabs(x) < 1.0) {
                r = -y;
            }
            else {
                r = 0.0;
            }
        }
        return MpFloat_FromDouble(r);
    }
    r = pow(x, y);
    if (isnan(r)) {
        return domain_error();  // a negative number to a fractional power
    }
    if (isinf(r)) {
        /* 0 ** negative is a pole; anything else overflowed */
        return x == 0.0 ? domain_error() : range_error();
    }
    return MpFloat_FromDouble(r);
}

static MpObject *
math_atan2(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return math_2("atan2", args, nargs, atan2);
}

static MpObject *
math_copysign(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return math_2("copysign", args, nargs, copysign);
}

static MpObject *
math_fmod(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    if (isinf(y) && isfinite(x)) {
        return MpFloat_FromDouble(x);  // fmod(x, +-inf) == x
    }
    double r = fmod(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();  // fmod(inf, y), fmod(x, 0)
    }
    return MpFloat_FromDouble(r);
}

/* remainder(x, y): IEEE 754 remainder, x - n*y with n the nearest
   integer to x/y (ties to even). */
static MpObject *
math_remainder(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0) {
        return NULL;
    }
    double r = remainder(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        return domain_error();  // remainder(inf, y), remainder(x, 0)
    }
    return MpFloat_FromDouble(r);
}

static MpObject *
math_nextafter(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return math_2("nextafter", args, nargs, nextafter);
}

/* ldexp(x, i): x * 2**i, i any int (clamped: the result is then 0 or an
   overflow anyway). */
static MpObject *
math_ldexp(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    double x;
    if (MpArg_CheckPositional("ldexp", nargs, NULL, 2, 2) < 0 ||
        to_double(args[0], &x) < 0) {
        return NULL;
    }
    if (!MpLong_Check(args[1])) {
        MpErr_SetString(MpExc_TypeError,
                        "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t e = MpLong_AsInt64(args[1]);
    if (e == -1 && MpErr_Occurred()) {
        MpErr_Clear();
        e = MpLong_Sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    }
    double r;
    if (x == 0.0 || !isfinite(x)) {
        r = x;
    }
    else if (e > INT_MAX) {
        return range_error();
    }
    else if (e < INT_MIN) {
        r = copysign(0.0, x);
    }
    else {
        r = ldexp(x, (int)e);
        if (isinf(r)) {
            return range_error();
        }
    }
    return MpFloat_FromDouble(r);
}
/* }====== */

/* {====== Logarithms ======
   An int argument too large for a double is taken apart as m * 2**e
   with 0.5 <= m < 1, and log(x) = log(m) + log(2) * e. */

/* log, log2 or log10 of o as a double; 0 or -1 with the error set. */
static int
loghelper(MpObject *o, double (*func)(double), double *out)
{
    if (MpLong_Check(o)) {
        if (MpLong_Sign(o) <= 0) {
            domain_error();
            return -1;
        }
        double x = MpLong_AsDouble(o);
        if (x == -1.0 && MpErr_Occurred()) {
            if (!MpErr_ExceptionMatches(MpExc_OverflowError)) {
                return -1;
            }
            MpErr_Clear();
            mpz_t z;
            mpz_init(z);
            MpLong_AsMpz(o, z);
            long e = (long)mpz_sizeinbase(z, 2);
            int ovf;
            double m = MpMpz_Ldexp(z, -e, &ovf);
            mpz_clear(z);
            *out = func(m) + func(2.0) * (double)e;
            return 0;
        }
        *out = func(x);
        return 0;
    }
    double x;
    if (to_double(o, &x) < 0) {
        return -1;
    }
    if (isnan(x) || x == INFINITY) {
        *out = x;
        return 0;
    }
    if (x <= 0.0) {
        domain_error();  // log(0) is a pole, log(-x) and log(-inf) NaN
        return -1;
    }
    *out = func(x);
    return 0;
}

/* log(x[, base]) */
static MpObject *
math_log(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    double num, den;
    if (nargs < 1 || nargs > 2) {
        MpErr_SetString(MpExc_TypeError, "math.log requires 1 to 2 "
                                         "arguments");
        return NULL;
    }
    if (loghelper(args[0], log, &num) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return MpFloat_FromDouble(num);
    }
    if (loghelper(args[1], log, &den) < 0) {
        return NULL;
    }
    if (den == 0.0) {
        MpErr_SetString(MpExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return MpFloat_FromDouble(num / den);
}

static MpObject *
math_log2(MpObject *self, MpObject *arg)
{
    double r;
    return loghelper(arg, log2, &r) < 0 ? NULL : MpFloat_FromDouble(r);
}

static MpObject *
math_log10(MpObject *self, MpObject *arg)
{
    double r;
    return loghelper(arg, log10, &r) < 0 ? NULL : MpFloat_FromDouble(r);
}
/* }====== */

/* {====== isclose ====== */

/* isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) */
static MpObject *
math_isclose(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
             MpObject *kwnames)
{
    static const char *const kw[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    static const MpArgSpec spec = {"isclose", kw, 2, 2};
    MpObject *v[4];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, v) < 0) {
        return NULL;
    }
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (to_double(v[0], &a) < 0 || to_double(v[1], &b) < 0 ||
        (v[2] != NULL && to_double(v[2], &rel_tol) < 0) ||
        (v[3] != NULL && to_double(v[3], &abs_tol) < 0)) {
        return NULL;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        MpErr_SetString(MpExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b) {
        return MpBool_FromLong(1);  // also equal infinities
    }
    if (isinf(a) || isinf(b)) {
        return MpBool_FromLong(0);
    }
    double diff = fabs(b - a);
    return MpBool_FromLong(diff <= fabs(rel_tol * b) ||
                           diff <= fabs(rel_tol * a) || diff <= abs_tol);
}
/* }====== */

/* {====== Integer functions ====== */

static MpObject *
math_factorial(MpObject *self, MpObject *arg)
{
    mpz_t n;
    if (to_mpz(arg, n) < 0) {
        return NULL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        MpErr_SetString(MpExc_ValueError,
                        "factorial() not defined for negative values");
        return NULL;
    }
    if (!mpz_fits_slong_p(n)) {
        mpz_clear(n);
        return MpErr_Format(MpExc_OverflowError,
                            "factorial() argument should not exceed %ld",
                            LONG_MAX);
    }
    unsigned long k = mpz_get_ui(n);
    if (k > 2 && (double)k * log2((double)k) > MAX_RESULT_BITS) {
        mpz_clear(n);
        return MpErr_NoMemory();
    }
    mpz_fac_ui(n, k);
    return from_mpz_clear(n);
}

/* comb(n, k) and perm(n, k) check their arguments alike: n, k >= 0. */
static int
comb_args(const char *name, MpObject *const *args, Mp_ssize_t nargs,
          int min, mpz_t n, mpz_t k)
{
    if (MpArg_CheckPositional(name, nargs, NULL, min, 2) < 0 ||
        to_mpz(args[0], n) < 0) {
        return -1;
    }
    if (to_mpz(args[1], k) < 0) {
        mpz_clear(n);
        return -1;
    }
    const char *msg = mpz_sgn(n) < 0   ? "n must be a non-negative integer"
                      : mpz_sgn(k) < 0 ? "k must be a non-negative integer"
                                       : NULL;
    if (msg != NULL) {
        mpz_clear(n);
        mpz_clear(k);
        MpErr_SetString(MpExc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* The size in bits of a product of k factors of at most n: a refusal
   when it is beyond MAX_RESULT_BITS. */
static int
too_big(const mpz_t n, unsigned long k)
{
    return (double)k * (double)mpz_sizeinbase(n, 2) > MAX_RESULT_BITS;
}

static MpObject *
math_comb(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    mpz_t n, k;
    if (comb_args("comb", args, nargs, 2, n, k) < 0) {
        return NULL;
    }
    if (mpz_cmp(k, n) > 0) {
        mpz_set_ui(n, 0);
        mpz_clear(k);
        return from_mpz_clear(n);
    }
    /* C(n, k) == C(n, n - k): the smaller makes fewer factors */
    mpz_t nk;
    mpz_init(nk);
    mpz_sub(nk, n, k);
    if (mpz_cmp(nk, k) < 0) {
        mpz_swap(nk, k);
    }
    mpz_clear(nk);
    if (!mpz_fits_slong_p(k)) {
        mpz_clear(n);
        mpz_clear(k);
        return MpErr_Format(MpExc_OverflowError,
                            "min(n - k, k) must not exceed %ld", LONG_MAX);
    }
    unsigned long kk = mpz_get_ui(k);
    mpz_clear(k);
    if (too_big(n, kk)) {
        mpz_clear(n);
        return MpErr_NoMemory();
    }
    mpz_bin_ui(n, n, kk);
    return from_mpz_clear(n);
}

/* perm(n, k=None): n! / (n - k)!, n! when k is None. */
static MpObject *
math_perm(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs == 1 || (nargs == 2 && args[1] == Mp_None)) {
        return math_factorial(self, args[0]);
    }
    mpz_t n, k;
    if (comb_args("perm", args, nargs, 1, n, k) < 0) {
        return NULL;
    }
    if (mpz_cmp(k, n) > 0) {
        mpz_set_ui(n, 0);
        mpz_clear(k);
        return from_mpz_clear(n);
    }
    if (!mpz_fits_slong_p(k)) {
        mpz_clear(n);
        mpz_clear(k);
        return MpErr_Format(MpExc_OverflowError,
                            "k must not exceed %ld", LONG_MAX);
    }
    unsigned long kk = mpz_get_ui(k);
    if (too_big(n, kk)) {
        mpz_clear(n);
        mpz_clear(k);
        return MpErr_NoMemory();
    }
    /* n! / (n-k)! == C(n, k) * k! */
    mpz_bin_ui(n, n, kk);
    mpz_fac_ui(k, kk);
    mpz_mul(n, n, k);
    mpz_clear(k);
    return from_mpz_clear(n);
}

/* gcd(*integers) and lcm(*integers) fold over their arguments. */
static MpObject *
gcd_lcm(MpObject *const *args, Mp_ssize_t nargs, int is_lcm)
{
    mpz_t acc;
    mpz_init_set_ui(acc, is_lcm ? 1 : 0);
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        mpz_t x;
        if (to_mpz(args[i], x) < 0) {
            mpz_clear(acc);
            return NULL;
        }
        if (is_lcm) {
            mpz_lcm(acc, acc, x);  // lcm with 0 is 0 and stays 0
        }
        else {
            mpz_gcd(acc, acc, x);
        }
        mpz_clear(x);
    }
    return from_mpz_clear(acc);
}

static MpObject *
math_gcd(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return gcd_lcm(args, nargs, 0);
}

static MpObject *
math_lcm(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return gcd_lcm(args, nargs, 1);
}

static MpObject *
math_isqrt(MpObject *self, MpObject *arg)
{
    mpz_t n;
    if (to_mpz(arg, n) < 0) {
        return NULL;
    }
    if (mpz_sgn(n) < 0) {
        mpz_clear(n);
        MpErr_SetString(MpExc_ValueError,
                        "isqrt() argument must be nonnegative");
        return NULL;
    }
    mpz_sqrt(n, n);
    return from_mpz_clear(n);
}

/* prod(iterable, /, *, start=1): start * item0 * item1 ... with `*`. */
static MpObject *
math_prod(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
          MpObject *kwnames)
{
    static const char *const kw[] = {"", "start", NULL};
    static const MpArgSpec spec = {"prod", kw, 1, 1};
    MpObject *v[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, v) < 0) {
        return NULL;
    }
    MpObject *it = MpObject_GetIter(v[0]);
    if (it == NULL) {
        return NULL;
    }
    MpObject *acc = v[1] != NULL ? Mp_NewRef(v[1]) : MpLong_FromInt64(1);
    MpObject *item;
    while (acc != NULL && (item = MpIter_Next(it)) != NULL) {
        Mp_SETREF(&acc, MpNumber_Multiply(acc, item));
        Mp_DECREF(item);
    }
    Mp_DECREF(it);
    if (acc != NULL && MpErr_Occurred()) {
        Mp_CLEAR(&acc);
    }
    return acc;
}
/* }====== */

/* {====== fsum: Shewchuk's exact partials ======
   The running sum is kept exactly as a list of non-overlapping doubles
   (partials), smallest magnitude first: adding x walks the list, replacing
   each partial y by the rounding error of x + y (exact by Dekker's
   two-sum when |x| >= |y|) and carrying the rounded sum on.  At the end
   the partials are added from the largest down, and a last step corrects
   the single case where that rounds the wrong way at a half-way point.

   Infinities and NaNs are summed apart (special_sum); a partial that
   overflows from finite inputs is the "intermediate overflow" CPython
   reports. */

static MpObject *
math_fsum(MpObject *self, MpObject *arg)
{
    MpObject *it = MpObject_GetIter(arg);
    if (it == NULL) {
        return NULL;
    }
    double stack[32], *p = stack;
    Mp_ssize_t n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    MpObject *item;
    while ((item = MpIter_Next(it)) != NULL) {
        double x;
        int bad = to_double(item, &x) < 0;
        Mp_DECREF(item);
        if (bad) {
            goto error;
        }
        double xsave = x;
        Mp_ssize_t i = 0;
        for (Mp_ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0) {
                p[i++] = lo;
            }
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                if (isfinite(xsave)) {
                    MpErr_SetString(MpExc_OverflowError,
                                    "intermediate overflow in fsum");
                    goto error;
                }
                if (isinf(xsave)) {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                n = 0;  // the finite partials no longer matter
            }
            else {
                if (n == cap) {
                    double *np = malloc(2 * cap * sizeof(double));
                    if (np == NULL) {
                        MpErr_NoMemory();
                        goto error;
                    }
                    for (Mp_ssize_t j = 0; j < n; j++) {
                        np[j] = p[j];
                    }
                    if (p != stack) {
                        free(p);
                    }
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (MpErr_Occurred()) {
        goto error;
    }
    Mp_DECREF(it);
    double hi = 0.0;
    if (special_sum != 0.0) {
        if (p != stack) {
            free(p);
        }
        if (isnan(inf_sum)) {
            MpErr_SetString(MpExc_ValueError, "-inf + inf in fsum");
            return NULL;
        }
        return MpFloat_FromDouble(special_sum);
    }
    if (n > 0) {
        double lo = 0.0;
        hi = p[--n];
        /* add from the top while the additions are exact */
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) {
                break;
            }
        }
        /* Half-way case: hi + lo was rounded to even on a tie, but the
           partials below (p[n-1]) say the true sum lies beyond the tie in
           lo's direction: round away instead. */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) ||
                      (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            if (y == x - hi) {
                hi = x;
            }
        }
    }
    if (p != stack) {
        free(p);
    }
    return MpFloat_FromDouble(hi);

error:
    if (p != stack) {
        free(p);
    }
    Mp_DECREF(it);
    return NULL;
}
/* }====== */

/* {====== hypot and dist ======
   sqrt(sum of v[i]**2), correctly rounded: each |v[i]| is m * 2**e with
   m a 53-bit integer, so the sum of squares is an exact big integer S
   times 4**emin.  Its square root is taken with enough extra bits (at
   least 56) that one sticky bit below them makes the final rounding (in
   MpMpz_Ldexp) exact. */

static double
vector_norm(const double *v, Mp_ssize_t n)
{
    double max = 0.0;
    int found_nan = 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        double a = fabs(v[i]);
        if (isinf(a)) {
            return INFINITY;  // inf wins even over nan
        }
        found_nan |= isnan(a);
        if (a > max) {
            max = a;
        }
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0.0 || n <= 1) {
        return max;
    }
    long emin = LONG_MAX;
    for (Mp_ssize_t i = 0; i < n; i++) {
        int e;
        if (v[i] != 0.0) {
            frexp(v[i], &e);
            if (e - 53 < emin) {
                emin = e - 53;
            }
        }
    }
    mpz_t s, t;
    mpz_init(s);
    mpz_init(t);
    for (Mp_ssize_t i = 0; i < n; i++) {
        int e;
        if (v[i] == 0.0) {
            continue;
        }
        double m = frexp(fabs(v[i]), &e);
        mpz_set_d(t, ldexp(m, 53));  // exact: a 53-bit integer
        mpz_mul_2exp(t, t, (mp_bitcnt_t)(e - 53 - emin));
        mpz_addmul(s, t, t);
    }
    long bits = (long)mpz_sizeinbase(s, 2);
    long k = bits >= 112 ? 0 : (112 - bits + 1) / 2;
    mpz_mul_2exp(s, s, (mp_bitcnt_t)(2 * k));
    mpz_sqrtrem(t, s, s);  // t = isqrt, s = remainder
    int sticky = mpz_sgn(s) != 0;
    mpz_mul_2exp(t, t, 1);
    if (sticky) {
        mpz_add_ui(t, t, 1);
    }
    int ovf;
    double r = MpMpz_Ldexp(t, emin - k - 1, &ovf);
    mpz_clear(s);
    mpz_clear(t);
    return r;
}

static MpObject *
math_hypot(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    double stack[8] = {0};
    double *v = nargs <= 8 ? stack : malloc((size_t)nargs * sizeof(double));
    if (v == NULL) {
        return MpErr_NoMemory();
    }
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        if (to_double(args[i], &v[i]) < 0) {
            if (v != stack) {
                free(v);
            }
            return NULL;
        }
    }
    double r = vector_norm(v, nargs);
    if (v != stack) {
        free(v);
    }
    return MpFloat_FromDouble(r);
}

/* dist(p, q): the Euclidean distance between two points given as
   sequences of coordinates. */
static MpObject *
math_dist(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("dist", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    MpObject *p = MpTuple_Check(args[0]) ? Mp_NewRef(args[0])
                                         : MpTuple_FromIterable(args[0]);
    if (p == NULL) {
        return NULL;
    }
    MpObject *q = MpTuple_Check(args[1]) ? Mp_NewRef(args[1])
                                         : MpTuple_FromIterable(args[1]);
    if (q == NULL) {
        Mp_DECREF(p);
        return NULL;
    }
    MpObject *result = NULL;
    double *v = NULL;
    Mp_ssize_t n = MpTuple_GET_SIZE(p);
    if (MpTuple_GET_SIZE(q) != n) {
        MpErr_SetString(MpExc_ValueError,
                        "both points must have the same number of "
                        "dimensions");
        goto done;
    }
    v = malloc((size_t)(n > 0 ? n : 1) * sizeof(double));
    if (v == NULL) {
        MpErr_NoMemory();
        goto done;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (to_double(MpTuple_GET_ITEM(p, i), &a) < 0 ||
            to_double(MpTuple_GET_ITEM(q, i), &b) < 0) {
            goto done;
        }
        v[i] = fabs(a - b);
    }
    result = MpFloat_FromDouble(vector_norm(v, n));
done:
    free(v);
    Mp_DECREF(p);
    Mp_DECREF(q);
    return result;
}
/* }====== */

/* {====== The module ====== */

#define O MP_METH_O
#define FAST MP_METH_FASTCALL
#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)

static MpMethodDef math_methods[] = {
    {"acos", (void *)math_acos, O, NULL},
    {"acosh", (void *)math_acosh, O, NULL},
    {"asin", (void *)math_asin, O, NULL},
    {"asinh", (void *)math_asinh, O, NULL},
    {"atan", (void *)math_atan, O, NULL},
    {"atan2", (void *)math_atan2, FAST, NULL},
    {"atanh", (void *)math_atanh, O, NULL},
    {"cbrt", (void *)math_cbrt, O, NULL},
    {"ceil", (void *)math_ceil, O, NULL},
    {"comb", (void *)math_comb, FAST, NULL},
    {"copysign", (void *)math_copysign, FAST, NULL},
    {"cos", (void *)math_cos, O, NULL},
    {"cosh", (void *)math_cosh, O, NULL},
    {"degrees", (void *)math_degrees, O, NULL},
    {"dist", (void *)math_dist, FAST, NULL},
    {"erf", (void *)math_erf, O, NULL},
    {"erfc", (void *)math_erfc, O, NULL},
    {"exp", (void *)math_exp, O, NULL},
    {"exp2", (void *)math_exp2, O, NULL},
    {"expm1", (void *)math_expm1, O, NULL},
    {"fabs", (void *)math_fabs, O, NULL},
    {"factorial", (void *)math_factorial, O, NULL},
    {"floor", (void *)math_floor, O, NULL},
    {"fmod", (void *)math_fmod, FAST, NULL},
    {"frexp", (void *)math_frexp, O, NULL},
    {"fsum", (void *)math_fsum, O, NULL},
    {"gamma", (void *)math_gamma, O, NULL},
    {"gcd", (void *)math_gcd, FAST, NULL},
    {"hypot", (void *)math_hypot, FAST, NULL},
    {"isclose", (void *)math_isclose, FASTKW, NULL},
    {"isfinite", (void *)math_isfinite, O, NULL},
    {"isinf", (void *)math_isinf, O, NULL},
    {"isnan", (void *)math_isnan, O, NULL},
    {"isqrt", (void *)math_isqrt, O, NULL},
    {"lcm", (void *)math_lcm, FAST, NULL},
    {"ldexp", (void *)math_ldexp, FAST, NULL},
    {"lgamma", (void *)math_lgamma, O, NULL},
    {"log", (void *)math_log, FAST, NULL},
    {"log10", (void *)math_log10, O, NULL},
    {"log1p", (void *)math_log1p, O, NULL},
    {"log2", (void *)math_log2, O, NULL},
    {"modf", (void *)math_modf, O, NULL},
    {"nextafter", (void *)math_nextafter, FAST, NULL},
    {"perm", (void *)math_perm, FAST, NULL},
    {"pow", (void *)math_pow, FAST, NULL},
    {"prod", (void *)math_prod, FASTKW, NULL},
    {"radians", (void *)math_radians, O, NULL},
    {"remainder", (void *)math_remainder, FAST, NULL},
    {"sin", (void *)math_sin, O, NULL},
    {"sinh", (void *)math_sinh, O, NULL},
    {"sqrt", (void *)math_sqrt, O, NULL},
    {"tan", (void *)math_tan, O, NULL},
    {"tanh", (void *)math_tanh, O, NULL},
    {"trunc", (void *)math_trunc, O, NULL},
    {"ulp", (void *)math_ulp, O, NULL},
    {NULL},
};

/* The math module: the functions above and pi, e, tau, inf, nan.
   Refs: NEW; NULL on error. */
MpObject *
MpMathModule_Create(void)
{
    MpObject *m = MpModule_New("math");
    if (m == NULL || MpModule_AddFunctions(m, math_methods) < 0 ||
        MpModule_AddObject(m, "pi", MpFloat_FromDouble(M_PI)) < 0 ||
        MpModule_AddObject(m, "e", MpFloat_FromDouble(M_E)) < 0 ||
        MpModule_AddObject(m, "tau", MpFloat_FromDouble(2.0 * M_PI)) < 0 ||
        MpModule_AddObject(m, "inf", MpFloat_FromDouble(INFINITY)) < 0 ||
        MpModule_AddObject(m, "nan", MpFloat_FromDouble(NAN)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
