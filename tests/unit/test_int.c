/* test_int.c — int, bool, float and complex (objects/int.c, float.c):
   the small/big representation, Python's division and rounding rules,
   exact int/float comparison, hashes, reprs and parsing.  Every expected
   value was produced by CPython 3.11.

   The tests call the types' slots directly (binop below plays the part of
   abstract.c's binary_op1: the left operand's slot, then the right's when
   the first says NotImplemented). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "runtime_fixture.h"

#include "abstract.h"
#include "errors.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* {====== Helpers ====== */

static int
setup(void **state)
{
    return runtime_setup(state);
}

static MpObject *
I(int64_t v)
{
    return MpLong_FromInt64(v);
}

/* An int from decimal text. */
static MpObject *
N(const char *s)
{
    MpObject *r = MpLong_FromString(s, (Mp_ssize_t)strlen(s), 10);
    assert_non_null(r);
    return r;
}

static MpObject *
F(double v)
{
    return MpFloat_FromDouble(v);
}

static MpObject *
C(double re, double im)
{
    return MpComplex_FromDoubles(re, im);
}

/* a OP b, where OP is the MpNumberMethods slot at offset.
   Refs: STEALS a, b; NEW result. */
static MpObject *
binop(MpObject *a, MpObject *b, size_t offset)
{
    MpObject *r = Mp_NotImplemented;
    MpTypeObject *types[2] = {Mp_TYPE(a), Mp_TYPE(b)};
    for (int i = 0; i < 2 && r == Mp_NotImplemented; i++) {
        MpNumberMethods *nb = types[i]->tp_as_number;
        if (i == 1 && types[1] == types[0]) {
            break;
        }
        binaryfunc f = nb ? *(binaryfunc *)((char *)nb + offset) : NULL;
        if (f != NULL) {
            r = f(a, b);
            if (r == Mp_NotImplemented) {
                Mp_DECREF(r);
            }
        }
    }
    Mp_DECREF(a);
    Mp_DECREF(b);
    return r == Mp_NotImplemented ? NULL : r;
}

#define OP(name) offsetof(MpNumberMethods, name)

/* pow(a, b[, c]) through nb_power: a's slot, then b's.  STEALS a, b. */
static MpObject *
power(MpObject *a, MpObject *b, MpObject *c)
{
    MpObject *r = Mp_TYPE(a)->tp_as_number->nb_power(a, b, c ? c : Mp_None);
    if (r == Mp_NotImplemented) {
        Mp_DECREF(r);
        r = Mp_TYPE(b)->tp_as_number->nb_power(a, b, c ? c : Mp_None);
    }
    if (r == Mp_NotImplemented && c != NULL) {
        Mp_DECREF(r);
        r = Mp_TYPE(c)->tp_as_number->nb_power(a, b, c);
    }
    Mp_DECREF(a);
    Mp_DECREF(b);
    Mp_XDECREF(c);
    return r;
}

/* repr(o) == expected.  STEALS o. */
static void
check_repr(MpObject *o, const char *expected)
{
    if (o == NULL) {
        MpObject *e = MpErr_GetRaisedException();
        MpObject *s = e ? MpObject_Str(e) : NULL;
        print_error("unexpected error: %s: %s\n",
                    e ? Mp_TYPE(e)->tp_name : "?", s ? MpStr_AsUTF8(s) : "?");
        fail();
    }
    MpObject *r = Mp_TYPE(o)->tp_repr(o);
    assert_non_null(r);
    assert_string_equal(MpStr_AsUTF8(r), expected);
    Mp_DECREF(r);
    Mp_DECREF(o);
}

/* r is NULL with an exception of type whose str() is msg. */
static void
check_error(MpObject *r, MpObject *type, const char *msg)
{
    assert_null(r);
    MpObject *e = MpErr_GetRaisedException();
    assert_non_null(e);
    assert_string_equal(Mp_TYPE(e)->tp_name, ((MpTypeObject *)type)->tp_name);
    MpObject *s = MpObject_Str(e);
    assert_string_equal(MpStr_AsUTF8(s), msg);
    Mp_DECREF(s);
    Mp_DECREF(e);
}

static MpObject *
str(const char *s)
{
    return MpStr_FromString(s);
}

/* type(*args) through tp_new.  STEALS every argument. */
static MpObject *
call_new(MpTypeObject *type, int n, ...)
{
    MpObject *args = MpTuple_New(n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        MpTuple_SET_ITEM(args, i, va_arg(ap, MpObject *));
    }
    va_end(ap);
    MpObject *r = type->tp_new(type, args, NULL);
    Mp_DECREF(args);
    return r;
}

/* A method of the type's tp_methods, called with positional arguments
   (STOLEN).  self is BORROWED. */
static MpObject *
call_method(MpObject *self, const char *name, int n, ...)
{
    MpTypeObject *t = Mp_TYPE(self);
    MpMethodDef *m = NULL;
    for (; t != NULL && m == NULL; t = t->tp_base) {
        for (MpMethodDef *d = t->tp_methods; d && d->ml_name; d++) {
            if (strcmp(d->ml_name, name) == 0) {
                m = d;
                break;
            }
        }
    }
    assert_non_null(m);
    MpObject *args[4];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        args[i] = va_arg(ap, MpObject *);
    }
    va_end(ap);
    MpObject *r;
    MpObject *me =
        (m->ml_flags & MP_METH_CLASS) ? (MpObject *)Mp_TYPE(self) : self;
    if (m->ml_flags & MP_METH_NOARGS) {
        r = ((MpCFunction)m->ml_meth)(me, NULL);
    } else if (m->ml_flags & MP_METH_O) {
        r = ((MpCFunction)m->ml_meth)(me, args[0]);
    } else if (m->ml_flags & MP_METH_KEYWORDS) {
        r = ((MpCFunctionFastKw)m->ml_meth)(me, args, n, NULL);
    } else {
        r = ((MpCFunctionFast)m->ml_meth)(me, args, n);
    }
    for (int i = 0; i < n; i++) {
        Mp_DECREF(args[i]);
    }
    return r;
}

/* self.name(a, b, signed=True) for to_bytes / from_bytes.  STEALS a, b. */
static MpObject *
call_signed(MpObject *self, const char *name, MpObject *a, MpObject *b)
{
    MpMethodDef *m = MpLong_Type.tp_methods;
    while (strcmp(m->ml_name, name) != 0) {
        m++;
    }
    MpObject *kwnames = MpTuple_New(1);
    MpTuple_SET_ITEM(kwnames, 0, str("signed"));
    MpObject *args[3] = {a, b, MpBool_FromLong(1)};
    MpObject *me =
        (m->ml_flags & MP_METH_CLASS) ? (MpObject *)Mp_TYPE(self) : self;
    MpObject *r = ((MpCFunctionFastKw)m->ml_meth)(me, args, 2, kwnames);
    for (int i = 0; i < 3; i++) {
        Mp_DECREF(args[i]);
    }
    Mp_DECREF(kwnames);
    return r;
}

static int64_t
small_value(MpObject *o)
{
    int64_t v = MpLong_AsInt64(o);
    assert_null(MpErr_Occurred());
    Mp_DECREF(o);
    return v;
}

static int
is_true(MpObject *o)
{
    assert_true(o == Mp_True || o == Mp_False);
    int t = o == Mp_True;
    Mp_DECREF(o);
    return t;
}

static MpObject *
cmp(MpObject *a, MpObject *b, int op)
{
    MpObject *r = Mp_TYPE(a)->tp_richcompare(a, b, op);
    if (r == Mp_NotImplemented) {
        Mp_DECREF(r);
        static const int swapped[] = {Mp_GT, Mp_GE, Mp_EQ,
                                      Mp_NE, Mp_LT, Mp_LE};
        r = Mp_TYPE(b)->tp_richcompare(b, a, swapped[op]);
    }
    Mp_DECREF(a);
    Mp_DECREF(b);
    return r;
}

static Mp_hash_t
hash(MpObject *o)
{
    Mp_hash_t h = Mp_TYPE(o)->tp_hash(o);
    Mp_DECREF(o);
    return h;
}
/* }====== */

/* {====== int: representation ====== */

/* Small ints are shared; results are normalised back to the small form. */
static void
test_small_cache_and_normalisation(void **state)
{
    MpObject *a = I(256), *b = I(256), *c = I(257), *d = I(257);
    assert_ptr_equal(a, b);
    assert_ptr_not_equal(c, d);
    Mp_DECREF(a);
    Mp_DECREF(b);
    Mp_DECREF(c);
    Mp_DECREF(d);
    /* 2**63 is big; minus 1 it is small again, and equal to INT64_MAX. */
    MpObject *big = binop(I(INT64_MAX), I(1), OP(nb_add));
    Mp_INCREF(big);
    check_repr(big, "9223372036854775808");
    assert_int_equal(((MpLongObject *)big)->is_big, 1);
    MpObject *back = binop(big, I(1), OP(nb_subtract));
    assert_int_equal(((MpLongObject *)back)->is_big, 0);
    assert_true(small_value(back) == INT64_MAX);
    /* A computed 5 is the cached 5. */
    MpObject *five = binop(N("100000000000000000000"),
                           N("99999999999999999995"), OP(nb_subtract));
    MpObject *cached = I(5);
    assert_ptr_equal(five, cached);
    Mp_DECREF(five);
    Mp_DECREF(cached);
}
/* }====== */

/* {====== int: arithmetic ====== */

static void
test_int_add_sub_mul(void **state)
{
    check_repr(binop(I(INT64_MIN), I(-1), OP(nb_add)), "-9223372036854775809");
    check_repr(binop(N("18446744073709551616"), N("18446744073709551616"),
                     OP(nb_multiply)),
               "340282366920938463463374607431768211456");
    check_repr(binop(I(INT64_MAX), I(INT64_MAX), OP(nb_multiply)),
               "85070591730234615847396907784232501249");
    check_repr(binop(I(3), I(4), OP(nb_multiply)), "12");
    check_repr(binop(I(-3), F(0.5), OP(nb_add)), "-2.5");
    /* int - NotImplemented for non-numbers: both slots refuse. */
    assert_null(binop(I(1), str("x"), OP(nb_add)));
}

static void
test_int_floor_division(void **state)
{
    check_repr(binop(I(-7), I(2), OP(nb_floor_divide)), "-4");
    check_repr(binop(I(-7), I(2), OP(nb_remainder)), "1");
    check_repr(binop(I(7), I(-2), OP(nb_remainder)), "-1");
    check_repr(binop(I(INT64_MIN), I(-1), OP(nb_floor_divide)),
               "9223372036854775808");
    check_repr(binop(I(INT64_MIN), I(-1), OP(nb_remainder)), "0");
    check_repr(binop(N("-100000000000000000000"), I(3), OP(nb_floor_divide)),
               "-33333333333333333334");
    check_repr(binop(N("-100000000000000000000"), I(3), OP(nb_remainder)),
               "2");
    check_repr(binop(N("-100000000000000000000"), I(7), OP(nb_divmod)),
               "(-14285714285714285715, 5)");
    check_error(binop(I(1), I(0), OP(nb_floor_divide)),
                MpExc_ZeroDivisionError, "integer division or modulo by zero");
    check_error(binop(I(1), I(0), OP(nb_remainder)), MpExc_ZeroDivisionError,
                "integer modulo by zero");
    check_error(binop(I(1), I(0), OP(nb_divmod)), MpExc_ZeroDivisionError,
                "integer division or modulo by zero");
}

/* int / int is correctly rounded, whatever the operands' sizes. */
static void
test_int_true_division(void **state)
{
    check_repr(binop(I(1), I(3), OP(nb_true_divide)), "0.3333333333333333");
    check_repr(
        binop(N("1000000000000000000000000000000"), I(7), OP(nb_true_divide)),
        "1.4285714285714285e+29");
    check_repr(binop(N("9007199254740993"), I(1), OP(nb_true_divide)),
               "9007199254740992.0");
    check_repr(binop(N("18014398509481987"), I(1), OP(nb_true_divide)),
               "1.8014398509481988e+16");
    check_repr(binop(N("-10000000000000000000000000000000000000000"),
                     N("300000000000000000000"), OP(nb_true_divide)),
               "-3.333333333333333e+19");
    MpObject *p2000 = binop(I(1), I(2000), OP(nb_lshift));
    check_error(binop(p2000, I(1), OP(nb_true_divide)), MpExc_OverflowError,
                "integer division result too large for a float");
    MpObject *p1100 = binop(I(1), I(1100), OP(nb_lshift));
    check_repr(binop(I(1), p1100, OP(nb_true_divide)), "0.0");
    MpObject *p1074 = binop(I(1), I(1074), OP(nb_lshift));
    check_repr(binop(I(1), p1074, OP(nb_true_divide)), "5e-324");
    check_error(binop(I(1), I(0), OP(nb_true_divide)), MpExc_ZeroDivisionError,
                "division by zero");
}

static void
test_int_power(void **state)
{
    check_repr(power(I(2), I(100), NULL), "1267650600228229401496703205376");
    check_repr(power(I(3), I(40), NULL), "12157665459056928801");
    check_repr(power(I(-3), I(41), NULL), "-36472996377170786403");
    check_repr(power(I(2), I(-1), NULL), "0.5");
    check_error(power(I(0), I(-1), NULL), MpExc_ZeroDivisionError,
                "0.0 cannot be raised to a negative power");
    check_repr(power(I(2), I(-1), I(5)), "3");
    check_repr(power(I(3), I(2), I(-5)), "-1");
    check_repr(power(N("100000000000000000000"), I(100000), I(1000000007)),
               "473433273");
    check_error(power(I(2), I(-1), I(4)), MpExc_ValueError,
                "base is not invertible for the given modulus");
    check_error(power(I(2), I(3), I(0)), MpExc_ValueError,
                "pow() 3rd argument cannot be 0");
    check_error(power(I(2), I(3), F(1.0)), MpExc_TypeError,
                "pow() 3rd argument not allowed unless all arguments are "
                "integers");
}

static void
test_int_bits(void **state)
{
    MpObject *p70 = binop(I(1), I(70), OP(nb_lshift));
    MpObject *m70 = MpLong_Type.tp_as_number->nb_negative(p70);
    Mp_INCREF(m70);
    check_repr(binop(m70, I(1), OP(nb_or)), "-1180591620717411303423");
    check_repr(binop(m70, I(3), OP(nb_rshift)), "-147573952589676412928");
    Mp_DECREF(p70);
    check_repr(binop(I(-5), I(3), OP(nb_and)), "3");
    check_repr(binop(I(-5), I(1), OP(nb_rshift)), "-3");
    check_repr(binop(I(-1), I(100), OP(nb_rshift)), "-1");
    check_repr(binop(I(1), I(100), OP(nb_lshift)),
               "1267650600228229401496703205376");
    check_repr(binop(I(-1), I(63), OP(nb_lshift)), "-9223372036854775808");
    check_repr(binop(I(1), I(63), OP(nb_lshift)), "9223372036854775808");
    MpObject *p64 = N("18446744073709551616");
    check_repr(MpLong_Type.tp_as_number->nb_invert(p64),
               "-18446744073709551617");
    Mp_DECREF(p64);
    check_error(binop(I(1), I(-1), OP(nb_lshift)), MpExc_ValueError,
                "negative shift count");
    check_repr(binop(I(0), N("1180591620717411303424"), OP(nb_lshift)), "0");
    check_repr(binop(I(-7), N("1180591620717411303424"), OP(nb_rshift)), "-1");
}

static void
test_int_compare_and_hash(void **state)
{
    assert_true(is_true(cmp(N("-100000000000000000000"), I(-5), Mp_LT)));
    assert_true(is_true(
        cmp(N("100000000000000000000"), N("100000000000000000000"), Mp_EQ)));
    assert_true(is_true(cmp(I(3), I(3), Mp_GE)));
    assert_int_equal(hash(I(-1)), -2);
    assert_int_equal(hash(N("2305843009213693951")), 0); // 2**61 - 1
    assert_int_equal(hash(N("2305843009213693952")), 1); // 2**61
    assert_int_equal(hash(N("-2305843009213693952")), -2);
    assert_int_equal(hash(MpBool_FromLong(1)), 1);
}

static void
test_int_text(void **state)
{
    MpObject *big = power(I(10), I(5000), NULL);
    MpObject *r = Mp_TYPE(big)->tp_repr(big);
    check_error(r, MpExc_ValueError,
                "Exceeds the limit (4300 digits) for integer string "
                "conversion; use sys.set_int_max_str_digits() to increase "
                "the limit");
    Mp_DECREF(big);
    MpObject *v = I(-255);
    check_repr(MpLong_Format(v, 16, 1), "'-0xff'");
    Mp_DECREF(v);
    check_repr(MpLong_Format(I(5), 2, 1), "'0b101'");
    check_repr(MpLong_Format(I(8), 8, 1), "'0o10'");
}

static MpObject *
parse(const char *s, int base)
{
    return MpLong_FromString(s, (Mp_ssize_t)strlen(s), base);
}

static void
test_int_from_string(void **state)
{
    check_repr(parse("  -12  ", 10), "-12");
    check_repr(parse("1_000_000", 10), "1000000");
    check_repr(parse("0x_1f", 0), "31");
    check_repr(parse("0b1", 16), "177");
    check_repr(parse("0x10", 16), "16");
    check_repr(parse("  -0b101  ", 0), "-5");
    check_repr(parse("0_0", 0), "0");
    check_repr(parse("z", 36), "35");
    check_repr(parse("\xd9\xa1\xd9\xa2", 10), "12"); // Arabic-Indic 1 2
    check_repr(parse("123456789012345678901234567890", 10),
               "123456789012345678901234567890");
    check_error(parse("012", 0), MpExc_ValueError,
                "invalid literal for int() with base 0: '012'");
    check_error(parse("1__2", 10), MpExc_ValueError,
                "invalid literal for int() with base 10: '1__2'");
    check_error(parse("_1", 10), MpExc_ValueError,
                "invalid literal for int() with base 10: '_1'");
    check_error(parse("1_", 10), MpExc_ValueError,
                "invalid literal for int() with base 10: '1_'");
    check_error(parse("", 10), MpExc_ValueError,
                "invalid literal for int() with base 10: ''");
    check_error(parse("12", 1), MpExc_ValueError,
                "int() base must be >= 2 and <= 36, or 0");
    char many[5001];
    memset(many, '1', 5000);
    many[5000] = '\0';
    check_error(parse(many, 10), MpExc_ValueError,
                "Exceeds the limit (4300 digits) for integer string "
                "conversion: value has 5000 digits; use "
                "sys.set_int_max_str_digits() to increase the limit");
    MpObject *hex = parse(many, 16); // powers of two are not limited
    assert_non_null(hex);
    Mp_DECREF(hex);
}

static void
test_int_conversions(void **state)
{
    check_repr(MpLong_FromDouble(1e20), "100000000000000000000");
    check_repr(MpLong_FromDouble(-3.9), "-3");
    check_error(MpLong_FromDouble(NAN), MpExc_ValueError,
                "cannot convert float NaN to integer");
    check_error(MpLong_FromDouble(INFINITY), MpExc_OverflowError,
                "cannot convert float infinity to integer");
    MpObject *v = N("18014398509481990"); // 2**54 + 6: a tie, rounds even
    assert_true(MpLong_AsDouble(v) == 18014398509481992.0);
    Mp_DECREF(v);
    v = power(I(10), I(400), NULL);
    assert_true(MpLong_AsDouble(v) == -1.0);
    check_error(NULL, MpExc_OverflowError,
                "int too large to convert to float");
    Mp_DECREF(v);
    check_repr(call_new(&MpLong_Type, 2, str(" ff "), I(16)), "255");
    check_repr(call_new(&MpLong_Type, 1, F(-3.9)), "-3");
    check_repr(call_new(&MpLong_Type, 1, MpBool_FromLong(1)), "1");
    check_repr(call_new(&MpLong_Type, 0), "0");
    check_error(call_new(&MpLong_Type, 2, I(12), I(10)), MpExc_TypeError,
                "int() can't convert non-string with explicit base");
    check_error(call_new(&MpLong_Type, 1, MpTuple_New(0)), MpExc_TypeError,
                "int() argument must be a string, a bytes-like object or a "
                "real number, not 'tuple'");
    check_repr(call_new(&MpLong_Type, 1, MpBytes_FromStringAndSize(" 12 ", 4)),
               "12");
    check_error(call_new(&MpLong_Type, 1, MpBytes_FromStringAndSize(" 1x", 3)),
                MpExc_ValueError,
                "invalid literal for int() with base 10: b' 1x'");
}

static void
test_int_methods(void **state)
{
    MpObject *x = I(-5);
    check_repr(call_method(x, "bit_length", 0), "3");
    check_repr(call_method(x, "bit_count", 0), "2");
    check_repr(call_method(x, "as_integer_ratio", 0), "(-5, 1)");
    Mp_DECREF(x);
    x = I(255);
    check_repr(call_method(x, "to_bytes", 2, I(1), str("little")), "b'\\xff'");
    Mp_DECREF(x);
    x = I(-129);
    check_repr(call_signed(x, "to_bytes", I(2), str("little")),
               "b'\\x7f\\xff'");
    check_error(
        call_method(x, "to_bytes", 3, I(2), str("little"), MpBool_FromLong(1)),
        MpExc_TypeError, "to_bytes() takes at most 2 positional arguments (3 given)");
    check_error(call_method(x, "to_bytes", 2, I(2), str("big")),
                MpExc_OverflowError, "can't convert negative int to unsigned");
    Mp_DECREF(x);
    x = I(256);
    check_error(call_method(x, "to_bytes", 2, I(1), str("big")),
                MpExc_OverflowError, "int too big to convert");
    check_error(call_method(x, "to_bytes", 2, I(1), str("mid")),
                MpExc_ValueError,
                "byteorder must be either 'little' or 'big'");
    check_repr(call_signed(x, "from_bytes",
                           MpBytes_FromStringAndSize("\x00\x80", 2),
                           str("big")),
               "128");
    check_repr(call_signed(x, "from_bytes",
                           MpBytes_FromStringAndSize("\xff", 1), str("big")),
               "-1");
    check_repr(call_method(x, "from_bytes", 1,
                           MpBytes_FromStringAndSize("\x01\x00", 2)),
               "256");
    Mp_DECREF(x);
    x = I(123456789);
    check_repr(call_method(x, "__round__", 1, I(-3)), "123457000");
    Mp_DECREF(x);
    x = I(250);
    check_repr(call_method(x, "__round__", 1, I(-2)), "200");
    Mp_DECREF(x);
    x = I(-150);
    check_repr(call_method(x, "__round__", 1, I(-2)), "-200");
    Mp_DECREF(x);
}

static void
test_bool(void **state)
{
    check_repr(MpBool_FromLong(1), "True");
    check_repr(MpBool_FromLong(0), "False");
    MpObject *t = MpBool_FromLong(1);
    MpObject *r = MpBool_Type.tp_as_number->nb_and(t, t);
    assert_ptr_equal(r, Mp_True);
    Mp_DECREF(r);
    r = MpBool_Type.tp_as_number->nb_xor(t, t);
    assert_ptr_equal(r, Mp_False);
    Mp_DECREF(r);
    MpObject *one = I(1);
    r = MpBool_Type.tp_as_number->nb_and(t, one);
    assert_true(MpLong_CheckExact(r)); // bool & int is an int
    Mp_DECREF(r);
    Mp_DECREF(one);
    r = MpLong_Type.tp_as_number->nb_add(t, t);
    assert_true(MpLong_CheckExact(r));
    assert_int_equal(small_value(r), 2);
    r = MpLong_Type.tp_as_number->nb_invert(t);
    assert_int_equal(small_value(r), -2);
    Mp_DECREF(t);
    check_repr(call_new(&MpBool_Type, 1, I(7)), "True");
    check_repr(call_new(&MpBool_Type, 0), "False");
    check_error(call_new(&MpBool_Type, 2, I(1), I(2)), MpExc_TypeError,
                "bool expected at most 1 argument, got 2");
}
/* }====== */

/* {====== float ====== */

static void
test_float_arithmetic(void **state)
{
    check_repr(binop(F(0.1), F(0.2), OP(nb_add)), "0.30000000000000004");
    check_repr(F(1e16), "1e+16");
    check_repr(F(-1.5e-7), "-1.5e-07");
    check_repr(binop(F(-7.5), I(2), OP(nb_divmod)), "(-4.0, 0.5)");
    check_repr(binop(F(-0.0), I(1), OP(nb_floor_divide)), "-0.0");
    check_repr(binop(F(0.0), I(-1), OP(nb_remainder)), "-0.0");
    check_repr(binop(F(-0.0), I(1), OP(nb_remainder)), "0.0");
    check_repr(binop(F(5.0), F(-0.0001), OP(nb_floor_divide)), "-50000.0");
    check_repr(binop(F(-1.5), I(1), OP(nb_remainder)), "0.5");
    check_repr(binop(F(1.5), I(-1), OP(nb_remainder)), "-0.5");
    check_repr(binop(F(1e308), I(10), OP(nb_multiply)), "inf");
    check_error(binop(F(1.0), F(0.0), OP(nb_floor_divide)),
                MpExc_ZeroDivisionError, "float floor division by zero");
    check_error(binop(F(1.0), F(0.0), OP(nb_remainder)),
                MpExc_ZeroDivisionError, "float modulo");
    check_error(binop(F(1.0), F(0.0), OP(nb_divmod)), MpExc_ZeroDivisionError,
                "float divmod()");
    check_error(binop(F(1.0), I(0), OP(nb_true_divide)),
                MpExc_ZeroDivisionError, "float division by zero");
    check_error(binop(F(1.0), power(I(10), I(400), NULL), OP(nb_add)),
                MpExc_OverflowError, "int too large to convert to float");
}

static void
test_float_power(void **state)
{
    check_repr(power(F(-8.0), F(1.0 / 3.0), NULL),
               "(1.0000000000000002+1.7320508075688772j)");
    check_repr(power(I(-8), F(0.5), NULL),
               "(1.7319121124709868e-16+2.8284271247461903j)");
    check_repr(power(F(-2.0), I(3), NULL), "-8.0");
    check_repr(power(F(NAN), F(0.0), NULL), "1.0");
    check_repr(power(F(1.0), F(NAN), NULL), "1.0");
    check_repr(power(F(-INFINITY), I(3), NULL), "-inf");
    check_repr(power(F(0.5), F(INFINITY), NULL), "0.0");
    check_error(power(F(10.0), I(400), NULL), MpExc_OverflowError,
                "(34, 'Numerical result out of range')");
    check_error(power(F(0.0), I(-1), NULL), MpExc_ZeroDivisionError,
                "0.0 cannot be raised to a negative power");
}

/* A float and an int compare by exact value, never through a double. */
static void
test_float_int_compare(void **state)
{
    MpObject *p53 = binop(I(1), I(53), OP(nb_lshift));
    MpObject *p53p1 = binop(p53, I(1), OP(nb_add));
    assert_false(is_true(cmp(F(9007199254740992.0), p53p1, Mp_EQ)));
    /* p53p1 was stolen by cmp; make it again */
    p53p1 = N("9007199254740993");
    assert_true(is_true(cmp(p53p1, F(9007199254740992.0), Mp_GT)));
    MpObject *e300 = MpLong_FromDouble(1e300);
    Mp_INCREF(e300);
    assert_true(is_true(cmp(F(1e300), e300, Mp_EQ)));
    assert_int_equal(hash(F(1e300)), hash(e300));
    assert_false(is_true(cmp(F(NAN), I(1), Mp_EQ)));
    assert_true(is_true(cmp(F(NAN), I(1), Mp_NE)));
    assert_true(is_true(cmp(F(INFINITY), power(I(10), I(400), NULL), Mp_GT)));
    assert_true(is_true(cmp(I(1), F(1.0), Mp_EQ)));
}

static void
test_float_hash(void **state)
{
    assert_int_equal(hash(F(1.5)), 1152921504606846977LL);
    assert_int_equal(hash(F(-2.5)), -1152921504606846978LL);
    assert_int_equal(hash(F(0.1)), 230584300921369408LL);
    assert_int_equal(hash(F(1e300)), 1224995262755759164LL);
    assert_int_equal(hash(F(INFINITY)), 314159);
    assert_int_equal(hash(F(-0.0)), 0);
    assert_int_equal(hash(F(1.0)), hash(I(1)));
    assert_int_equal(hash(C(1, 2)), 2000007);
    assert_int_equal(hash(C(-1, 0)), -2);
    assert_int_equal(hash(C(1.5, -2.5)), -2305843009215693957LL);
}

static MpObject *
fround(double x, MpObject *nd)
{
    MpObject *f = F(x);
    MpObject *r = nd ? call_method(f, "__round__", 1, nd)
                     : call_method(f, "__round__", 0);
    Mp_DECREF(f);
    return r;
}

static void
test_float_round(void **state)
{
    check_repr(fround(2.675, I(2)), "2.67");
    check_repr(fround(0.125, I(2)), "0.12");
    check_repr(fround(0.375, I(2)), "0.38");
    check_repr(fround(0.5, NULL), "0");
    check_repr(fround(1.5, NULL), "2");
    check_repr(fround(-0.5, NULL), "0");
    check_repr(fround(2.5, I(0)), "2.0");
    check_repr(fround(-0.5, I(0)), "-0.0");
    check_repr(fround(-0.4, I(0)), "-0.0");
    check_repr(fround(1234.5678, I(-2)), "1200.0");
    check_repr(fround(1e300, I(-300)), "1e+300");
    check_repr(fround(1.5e300, I(-301)), "0.0");
    check_repr(fround(5e-324, I(400)), "5e-324");
    check_repr(fround(-1.5e-320, I(321)), "-1.5e-320");
    check_error(fround(1.7976931348623157e308, I(-308)), MpExc_OverflowError,
                "rounded value too large to represent");
    check_error(fround(NAN, NULL), MpExc_ValueError,
                "cannot convert float NaN to integer");
}

static MpObject *
fromhex(const char *s)
{
    MpObject *f = F(0.0);
    MpObject *r = call_method(f, "fromhex", 1, str(s));
    Mp_DECREF(f);
    return r;
}

static MpObject *
hexof(double x)
{
    MpObject *f = F(x);
    MpObject *r = call_method(f, "hex", 0);
    Mp_DECREF(f);
    return r;
}

static void
test_float_hex(void **state)
{
    check_repr(hexof(1.5), "'0x1.8000000000000p+0'");
    check_repr(hexof(-0.0), "'-0x0.0p+0'");
    check_repr(hexof(5e-324), "'0x0.0000000000001p-1022'");
    check_repr(hexof(INFINITY), "'inf'");
    check_repr(fromhex("0x1.8p1"), "3.0");
    check_repr(fromhex(" -0x1p-1074 "), "-5e-324");
    check_repr(fromhex("0x.8"), "0.5");
    check_repr(fromhex("1"), "1.0");
    check_repr(fromhex("1e999"), "125337.0");
    check_repr(fromhex("-Infinity"), "-inf");
    check_error(fromhex("0x1p1024"), MpExc_OverflowError,
                "hexadecimal value too large to represent as a float");
    check_error(fromhex("x"), MpExc_ValueError,
                "invalid hexadecimal floating-point string");
}

static MpObject *
fparse(const char *s)
{
    return call_new(&MpFloat_Type, 1, str(s));
}

static void
test_float_parse_and_methods(void **state)
{
    check_repr(fparse("1_000.5"), "1000.5");
    check_repr(fparse(" inf "), "inf");
    check_repr(fparse("-Infinity"), "-inf");
    check_repr(fparse("  nan  "), "nan");
    check_repr(fparse("+.5"), "0.5");
    check_repr(fparse("5."), "5.0");
    check_repr(fparse("1e1_0"), "10000000000.0");
    check_repr(fparse("1e500"), "inf");
    check_repr(fparse("\xd9\xa1.\xd9\xa5"), "1.5");
    const char *bad[] = {"1__0", "_1",      "0x10",  "x",    ".",
                         "1e",   "infinit", "1_e10", "1._5", "1.5_"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char msg[100];
        snprintf(msg, sizeof msg, "could not convert string to float: '%s'",
                 bad[i]);
        check_error(fparse(bad[i]), MpExc_ValueError, msg);
    }
    check_error(call_new(&MpFloat_Type, 1, power(I(10), I(400), NULL)),
                MpExc_OverflowError, "int too large to convert to float");
    check_error(call_new(&MpFloat_Type, 1, MpTuple_New(0)), MpExc_TypeError,
                "float() argument must be a string or a real number, not "
                "'tuple'");
    check_error(call_new(&MpFloat_Type, 2, I(1), I(2)), MpExc_TypeError,
                "float expected at most 1 argument, got 2");
    MpObject *f = F(0.1);
    check_repr(call_method(f, "as_integer_ratio", 0),
               "(3602879701896397, 36028797018963968)");
    check_repr(call_method(f, "is_integer", 0), "False");
    Mp_DECREF(f);
    f = F(-2.5);
    check_repr(call_method(f, "__floor__", 0), "-3");
    check_repr(call_method(f, "__ceil__", 0), "-2");
    check_repr(call_method(f, "__trunc__", 0), "-2");
    Mp_DECREF(f);
    f = F(INFINITY);
    check_error(call_method(f, "as_integer_ratio", 0), MpExc_OverflowError,
                "cannot convert Infinity to integer ratio");
    Mp_DECREF(f);
}
/* }====== */

/* {====== complex ====== */

static void
test_complex_repr(void **state)
{
    check_repr(C(1, 2), "(1+2j)");
    check_repr(C(0, 2), "2j");
    check_repr(C(-0.0, 1), "(-0+1j)");
    check_repr(C(0.0, -1), "-1j");
    check_repr(C(-0.0, -0.0), "(-0-0j)");
    check_repr(C(1e16, 2), "(1e+16+2j)");
    check_repr(C(1, NAN), "(1+nanj)");
    check_repr(C(1, -NAN), "(1+nanj)");
    check_repr(C(0, INFINITY), "infj");
    check_repr(C(1.5, -0.25), "(1.5-0.25j)");
}

static void
test_complex_arithmetic(void **state)
{
    check_repr(binop(C(1, 2), C(3, -4), OP(nb_true_divide)), "(-0.2+0.4j)");
    check_repr(power(C(0, 1), I(2), NULL), "(-1+0j)");
    check_repr(power(C(2, 3), I(-2), NULL),
               "(-0.029585798816568046-0.07100591715976332j)");
    check_repr(power(C(1, 1), I(1000), NULL),
               "(3.273390607896366e+150-2.6303055750020937e+137j)");
    check_repr(power(C(1.5, 0.5), C(0.5, 1), NULL),
               "(0.742358006476007+0.5288792558273367j)");
    check_repr(power(C(1e200, 1e200), I(2), NULL), "(nan+nanj)");
    check_error(power(C(0, 0), I(-1), NULL), MpExc_ZeroDivisionError,
                "0.0 to a negative or complex power");
    check_error(binop(C(1, 2), I(0), OP(nb_true_divide)),
                MpExc_ZeroDivisionError, "complex division by zero");
    check_repr(binop(I(1), C(0, 1), OP(nb_add)), "(1+1j)");
    check_repr(binop(F(0.5), C(0, 1), OP(nb_multiply)), "0.5j");
    MpObject *z = C(1e308, 1e308);
    check_repr(MpComplex_Type.tp_as_number->nb_absolute(z),
               "1.4142135623730951e+308");
    Mp_DECREF(z);
    z = C(0.0, 0.0);
    check_repr(MpComplex_Type.tp_as_number->nb_negative(z), "(-0-0j)");
    Mp_DECREF(z);
    z = C(-0.0, 0.0);
    check_repr(MpComplex_Type.tp_as_number->nb_negative(z), "-0j");
    Mp_DECREF(z);
    assert_null(binop(C(1, 2), I(2), OP(nb_floor_divide)));
    assert_true(is_true(cmp(C(1, 0), I(1), Mp_EQ)));
    assert_true(is_true(cmp(F(2.0), C(2, 0), Mp_EQ)));
    assert_true(is_true(cmp(C(1, 1), I(1), Mp_NE)));
}

static MpObject *
cparse(const char *s)
{
    return call_new(&MpComplex_Type, 1, str(s));
}

static void
test_complex_new(void **state)
{
    check_repr(cparse("1+2j"), "(1+2j)");
    check_repr(cparse(" (1+2j) "), "(1+2j)");
    check_repr(cparse("j"), "1j");
    check_repr(cparse("-j"), "-1j");
    check_repr(cparse("1e3j"), "1000j");
    check_repr(cparse("1_0j"), "10j");
    check_repr(cparse("2-j"), "(2-1j)");
    check_error(cparse("1+"), MpExc_ValueError,
                "complex() arg is a malformed string");
    check_error(cparse("x"), MpExc_ValueError,
                "complex() arg is a malformed string");
    check_repr(call_new(&MpComplex_Type, 2, C(0, 1), I(2)), "3j");
    check_repr(call_new(&MpComplex_Type, 2, C(0, 1), C(0, 2)), "(-2+1j)");
    check_repr(call_new(&MpComplex_Type, 2, I(1), F(-0.0)), "(1-0j)");
    check_repr(call_new(&MpComplex_Type, 1, F(-0.0)), "(-0+0j)");
    check_error(call_new(&MpComplex_Type, 2, str("1"), I(2)), MpExc_TypeError,
                "complex() can't take second arg if first is a string");
    check_error(call_new(&MpComplex_Type, 2, I(1), str("2")), MpExc_TypeError,
                "complex() second arg can't be a string");
    check_error(call_new(&MpComplex_Type, 1, MpTuple_New(0)), MpExc_TypeError,
                "complex() first argument must be a string or a number, not "
                "'tuple'");
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_small_cache_and_normalisation),
        cmocka_unit_test(test_int_add_sub_mul),
        cmocka_unit_test(test_int_floor_division),
        cmocka_unit_test(test_int_true_division),
        cmocka_unit_test(test_int_power),
        cmocka_unit_test(test_int_bits),
        cmocka_unit_test(test_int_compare_and_hash),
        cmocka_unit_test(test_int_text),
        cmocka_unit_test(test_int_from_string),
        cmocka_unit_test(test_int_conversions),
        cmocka_unit_test(test_int_methods),
        cmocka_unit_test(test_bool),
        cmocka_unit_test(test_float_arithmetic),
        cmocka_unit_test(test_float_power),
        cmocka_unit_test(test_float_int_compare),
        cmocka_unit_test(test_float_hash),
        cmocka_unit_test(test_float_round),
        cmocka_unit_test(test_float_hex),
        cmocka_unit_test(test_float_parse_and_methods),
        cmocka_unit_test(test_complex_repr),
        cmocka_unit_test(test_complex_arithmetic),
        cmocka_unit_test(test_complex_new),
    };
    return cmocka_run_group_tests(tests, setup, runtime_teardown);
}
