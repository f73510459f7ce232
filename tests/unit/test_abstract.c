/* test_abstract — the object protocols of abstract.c: operator dispatch
   (reflected operands, NotImplemented, subclass first), rich comparison
   order, truth, items, iteration, calls, isinstance, conversions.

   The protocols are exercised on small toy types defined here, so that the
   order in which slots are tried can be observed: each toy slot appends a
   word to `trace`. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "abstract.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "opcodes.h"
#include "runtime.h"

/* {====== Helpers ====== */

static char trace[256];

static void
note(const char *what)
{
    if (trace[0] != '\0') {
        strcat(trace, " ");
    }
    strcat(trace, what);
}

/* Asserts that the current exception is an instance of type with message
   msg, and clears it. */
static void
check_error(MpObject *type, const char *msg)
{
    MpObject *exc = MpErr_GetRaisedException();
    assert_non_null(exc);
    assert_true(MpErr_GivenExceptionMatches(exc, type));
    MpObject *s = MpObject_Str(exc);
    assert_non_null(s);
    assert_string_equal(MpStr_AsUTF8(s), msg);
    Mp_DECREF(s);
    Mp_DECREF(exc);
}

static void
check_str(MpObject *o, const char *expected)
{
    assert_non_null(o);
    assert_true(MpStr_Check(o));
    assert_string_equal(MpStr_AsUTF8(o), expected);
    Mp_DECREF(o);
}

static int64_t
small_value(MpObject *o)
{
    int64_t v = 0;
    assert_non_null(o);
    assert_true(MpLong_AsSmall(o, &v));
    return v;
}
/* }====== */

/* {====== Toy types ======
   Vec: a number type whose nb_add accepts Vec and int on either side (the
   slot sees the operands in source order and works out which is self).
   SubVec: a subclass of Vec with its own nb_add.  Nope: a type whose
   number slots always decline. */

typedef struct {
    MpObject_HEAD int64_t v;
} toyobject;

static MpTypeObject Vec_Type, SubVec_Type, Nope_Type;

static MpObject *
toy_new(MpTypeObject *t, int64_t v)
{
    toyobject *o = (toyobject *)MpObject_New(t);
    o->v = v;
    return (MpObject *)o;
}

static int
toy_value(MpObject *o, int64_t *v)
{
    if (MpType_IsSubtype(Mp_TYPE(o), &Vec_Type)) {
        *v = ((toyobject *)o)->v;
        return 1;
    }
    return MpLong_AsSmall(o, v);
}

static MpObject *
vec_add(MpObject *a, MpObject *b)
{
    int64_t x, y;
    note(Mp_TYPE(a) == &Vec_Type ? "vec(l)" : "vec(r)");
    if (!toy_value(a, &x) || !toy_value(b, &y)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return toy_new(&Vec_Type, x + y);
}

static MpObject *
subvec_add(MpObject *a, MpObject *b)
{
    int64_t x, y;
    note("sub");
    if (!toy_value(a, &x) || !toy_value(b, &y)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return toy_new(&SubVec_Type, 1000 + x + y);
}

static MpObject *
vec_iadd(MpObject *a, MpObject *b)
{
    note("iadd");
    return Mp_NewRef(Mp_NotImplemented);
}

static MpObject *
vec_neg(MpObject *a)
{
    return toy_new(&Vec_Type, -((toyobject *)a)->v);
}

static MpObject *
nope_binop(MpObject *a, MpObject *b)
{
    note("nope");
    return Mp_NewRef(Mp_NotImplemented);
}

static MpObject *
vec_pow(MpObject *a, MpObject *b, MpObject *c)
{
    note(c == Mp_None ? "pow2" : "pow3");
    return Mp_NewRef(Mp_NotImplemented);
}

static MpNumberMethods vec_as_number = {
    .nb_add = vec_add,
    .nb_inplace_add = vec_iadd,
    .nb_negative = vec_neg,
    .nb_power = vec_pow,
};
static MpNumberMethods subvec_as_number = {.nb_add = subvec_add};
static MpNumberMethods nope_as_number = {.nb_add = nope_binop,
                                         .nb_subtract = nope_binop};

static MpTypeObject Vec_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Vec",
    .tp_basicsize = sizeof(toyobject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_as_number = &vec_as_number,
};
static MpTypeObject SubVec_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "SubVec",
    .tp_basicsize = sizeof(toyobject),
    .tp_base = &Vec_Type,
    .tp_as_number = &subvec_as_number,
};
static MpTypeObject Nope_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Nope",
    .tp_basicsize = sizeof(toyobject),
    .tp_as_number = &nope_as_number,
};

/* Seq: a three-item sequence (0, 10, 20) with concat and repeat and no
   tp_iter, so iteration goes through the sequence iterator. */
static MpTypeObject Seq_Type;

static Mp_ssize_t
seq_length(MpObject *o)
{
    return 3;
}

static MpObject *
seq_item(MpObject *o, Mp_ssize_t i)
{
    if (i < 0 || i >= 3) {
        MpErr_SetString(MpExc_IndexError, "Seq index out of range");
        return NULL;
    }
    return MpLong_FromInt64(10 * i);
}

static MpObject *
seq_concat(MpObject *a, MpObject *b)
{
    note("concat");
    return MpLong_FromInt64(-1);
}

static MpObject *
seq_repeat(MpObject *a, Mp_ssize_t n)
{
    note("repeat");
    return MpLong_FromSsize_t(n);
}

static int
seq_ass_item(MpObject *o, Mp_ssize_t i, MpObject *v)
{
    note(v == NULL ? "del" : "set");
    return i == 2 ? 0 : -1;  // only the last item: a -1 index must map here
}

static MpSequenceMethods seq_as_sequence = {
    .sq_length = seq_length,
    .sq_concat = seq_concat,
    .sq_repeat = seq_repeat,
    .sq_item = seq_item,
    .sq_ass_item = seq_ass_item,
};

static MpTypeObject Seq_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Seq",
    .tp_basicsize = sizeof(toyobject),
    .tp_as_sequence = &seq_as_sequence,
};

/* Cmp and SubCmp: rich comparison that records who was asked, and
   declines unless `v` says otherwise (1: answer True). */
static MpTypeObject Cmp_Type, SubCmp_Type;

static MpObject *
cmp_richcompare(MpObject *a, MpObject *b, int op)
{
    static const char *ops[] = {"lt", "le", "eq", "ne", "gt", "ge"};
    char buf[32];
    snprintf(buf, sizeof buf, "%s.%s",
             Mp_TYPE(a) == &SubCmp_Type ? "sub" : "cmp", ops[op]);
    note(buf);
    if (((toyobject *)a)->v == 1) {
        return Mp_NewRef(Mp_True);
    }
    return Mp_NewRef(Mp_NotImplemented);
}

static MpTypeObject Cmp_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Cmp",
    .tp_basicsize = sizeof(toyobject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_richcompare = cmp_richcompare,
};
static MpTypeObject SubCmp_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "SubCmp",
    .tp_basicsize = sizeof(toyobject),
    .tp_base = &Cmp_Type,
    .tp_richcompare = cmp_richcompare,
};

/* Fn: a callable that returns (nargs, args..., kwnames or None) as a
   tuple, so the call layout can be inspected. */
static MpObject *
fn_call(MpObject *self, MpObject *const *args, size_t nargs, MpObject *kwnames)
{
    Mp_ssize_t nkw = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    MpObject *t = MpTuple_New((Mp_ssize_t)nargs + nkw + 2);
    MpTuple_SET_ITEM(t, 0, MpLong_FromSsize_t((Mp_ssize_t)nargs));
    for (Mp_ssize_t i = 0; i < (Mp_ssize_t)nargs + nkw; i++) {
        MpTuple_SET_ITEM(t, i + 1, Mp_NewRef(args[i]));
    }
    MpTuple_SET_ITEM(t, (Mp_ssize_t)nargs + nkw + 1,
                     Mp_NewRef(kwnames ? kwnames : Mp_None));
    return t;
}

static MpTypeObject Fn_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Fn",
    .tp_basicsize = sizeof(toyobject),
    .tp_call = fn_call,
};

/* Const: a callable returning its `v` as an int, or (v == 99) True
   whatever its arguments: stands in for __trunc__ / __instancecheck__. */
static MpObject *
const_call(MpObject *self, MpObject *const *args, size_t nargs,
           MpObject *kwnames)
{
    int64_t v = ((toyobject *)self)->v;
    note("called");
    return v == 99 ? Mp_NewRef(Mp_True) : MpLong_FromInt64(v);
}

static MpTypeObject Const_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Const",
    .tp_basicsize = sizeof(toyobject),
    .tp_call = const_call,
};

/* Attr: attribute `x` is 42, every other name is missing; setting records
   the name. */
static MpObject *
attr_getattro(MpObject *o, MpObject *name)
{
    if (MpStr_CompareWithASCII(name, "x") == 0) {
        return MpLong_FromInt64(42);
    }
    if (MpStr_CompareWithASCII(name, "__class__") == 0) {
        return Mp_NewRef(&SubVec_Type);  // claims to be a SubVec
    }
    if (MpStr_CompareWithASCII(name, "boom") == 0) {
        MpErr_SetString(MpExc_ValueError, "boom");
        return NULL;
    }
    return MpErr_Format(MpExc_AttributeError,
                        "'Attr' object has no attribute '%U'", name);
}

static int
attr_setattro(MpObject *o, MpObject *name, MpObject *value)
{
    note(value == NULL ? "delattr" : "setattr");
    note(MpStr_AsUTF8(name));
    return 0;
}

static MpTypeObject Attr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Attr",
    .tp_basicsize = sizeof(toyobject),
    .tp_getattro = attr_getattro,
    .tp_setattro = attr_setattro,
};

/* SelfRepr: a repr that asks for its own repr, forever. */
static MpObject *
selfrepr_repr(MpObject *o)
{
    return MpObject_Repr(o);
}

static MpObject *
badrepr_repr(MpObject *o)
{
    return MpLong_FromInt64(1);
}

static MpTypeObject SelfRepr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "SelfRepr",
    .tp_basicsize = sizeof(toyobject),
    .tp_repr = selfrepr_repr,
};
static MpTypeObject BadRepr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "BadRepr",
    .tp_basicsize = sizeof(toyobject),
    .tp_repr = badrepr_repr,
    .tp_str = badrepr_repr,
};

/* Meta: a metaclass (subclass of type); Meta_C is a class whose type is
   Meta.  Meta's dict gets __instancecheck__ / __subclasscheck__ in the
   test. */
static MpTypeObject Meta_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Meta",
    .tp_basicsize = sizeof(MpTypeObject),
    .tp_base = &MpType_Type,
    .tp_flags = MP_TPFLAGS_BASETYPE,
};
static MpTypeObject MetaC_Type = {
    .ob_base = {{1, &Meta_Type}, 0},
    .tp_name = "C",
    .tp_basicsize = sizeof(toyobject),
};

/* Buf: exports the bytes "x\x01'" (or "1.5" when v is 1) through the
   buffer protocol, as bytes, bytearray and memoryview do. */
static int
buf_getbuffer(MpObject *o, MpBuffer *view, int flags)
{
    static char bad[] = "x\x01'", good[] = "1.5";
    view->buf = ((toyobject *)o)->v ? good : bad;
    view->len = 3;
    view->itemsize = 1;
    view->readonly = 1;
    view->ndim = 1;
    view->obj = Mp_NewRef(o);
    return 0;
}

static MpBufferProcs buf_as_buffer = {.bf_getbuffer = buf_getbuffer};

static MpTypeObject Buf_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Buf",
    .tp_basicsize = sizeof(toyobject),
    .tp_as_buffer = &buf_as_buffer,
};

/* Stop: an iterator that raises StopIteration at once; BadIter: its
   __iter__ returns an int. */
static MpObject *
stop_next(MpObject *o)
{
    MpErr_SetString(MpExc_StopIteration, "");
    return NULL;
}

static MpObject *
stop_iter(MpObject *o)
{
    return Mp_NewRef(o);
}

static MpObject *
baditer_iter(MpObject *o)
{
    return MpLong_FromInt64(7);
}

static MpTypeObject Stop_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Stop",
    .tp_basicsize = sizeof(toyobject),
    .tp_iter = stop_iter,
    .tp_iternext = stop_next,
};
static MpTypeObject BadIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "BadIter",
    .tp_basicsize = sizeof(toyobject),
    .tp_iter = baditer_iter,
};

/* Plain: a type with no slots at all. */
static MpTypeObject Plain_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "Plain",
    .tp_basicsize = sizeof(toyobject),
};

static int
setup(void **state)
{
    static char *argv[] = {"test_abstract", NULL};
    if (MpRuntime_Init(1, argv, ".") < 0) {
        return -1;
    }
    MpTypeObject *types[] = {
        &Vec_Type,     &SubVec_Type, &Nope_Type,  &Seq_Type,   &Cmp_Type,
        &SubCmp_Type,  &Fn_Type,     &Const_Type, &Attr_Type,  &SelfRepr_Type,
        &BadRepr_Type, &Meta_Type,   &MetaC_Type, &Plain_Type, &Buf_Type,
        &Stop_Type,    &BadIter_Type};
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        if (MpType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    /* Whatever MpType_Ready inherited from object, the scenarios below
       need these slots empty. */
    Plain_Type.tp_hash = NULL;
    Plain_Type.tp_iter = NULL;
    Plain_Type.tp_call = NULL;
    Seq_Type.tp_iter = NULL;
    return 0;
}

static int
teardown(void **state)
{
    return MpRuntime_Fini(0);
}

static void
reset(void)
{
    trace[0] = '\0';
}
/* }====== */

/* {====== Binary operators ====== */

/* binary_op1: a's slot, then b's; NotImplemented from a passes to b. */
static void
test_binary_reflected(void **state)
{
    MpObject *v = toy_new(&Vec_Type, 5);
    MpObject *one = MpLong_FromInt64(1);
    reset();
    MpObject *r = MpNumber_Add(one, v);  // int's slot declines, then Vec's
    assert_non_null(r);
    assert_int_equal(((toyobject *)r)->v, 6);
    assert_string_equal(trace, "vec(r)");
    Mp_DECREF(r);

    reset();
    r = MpNumber_Add(v, one);
    assert_int_equal(((toyobject *)r)->v, 6);
    assert_string_equal(trace, "vec(l)");
    Mp_DECREF(r);

    /* same type: the slot is called once. */
    reset();
    r = MpNumber_Add(v, v);
    assert_int_equal(((toyobject *)r)->v, 10);
    assert_string_equal(trace, "vec(l)");
    Mp_DECREF(r);
    assert_int_equal(v->ob_refcnt, 1);
    Mp_DECREF(v);
    Mp_DECREF(one);
}

/* A subclass's own slot goes first when it is the right operand. */
static void
test_binary_subclass_first(void **state)
{
    MpObject *v = toy_new(&Vec_Type, 1);
    MpObject *s = toy_new(&SubVec_Type, 2);
    reset();
    MpObject *r = MpNumber_Add(v, s);
    assert_int_equal(((toyobject *)r)->v, 1003);
    assert_string_equal(trace, "sub");
    Mp_DECREF(r);
    /* As the left operand, its slot is the ordinary first one. */
    reset();
    r = MpNumber_Add(s, v);
    assert_string_equal(trace, "sub");
    Mp_DECREF(r);
    Mp_DECREF(v);
    Mp_DECREF(s);
}

static void
test_binary_unsupported(void **state)
{
    MpObject *n = toy_new(&Nope_Type, 0);
    MpObject *v = toy_new(&Vec_Type, 1);
    reset();
    assert_null(MpNumber_Add(n, v));
    assert_string_equal(trace, "nope vec(r)");
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for +: 'Nope' and 'Vec'");
    assert_null(MpNumber_BinaryOp(n, v, MP_BINOP_SUBTRACT));
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for -: 'Nope' and 'Vec'");
    assert_null(MpNumber_BinaryOp(v, n, MP_BINOP_TRUE_DIVIDE));
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for /: 'Vec' and 'Nope'");
    assert_null(MpNumber_Divmod(v, n));
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for divmod(): 'Vec' and "
                "'Nope'");
    assert_null(MpNumber_BinaryOp(v, n, MP_BINOP_INPLACE + MP_BINOP_XOR));
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for ^=: 'Vec' and 'Nope'");
    Mp_DECREF(n);
    Mp_DECREF(v);
}

static void
test_power(void **state)
{
    MpObject *v = toy_new(&Vec_Type, 1);
    MpObject *n = toy_new(&Nope_Type, 0);
    reset();
    assert_null(MpNumber_BinaryOp(v, n, MP_BINOP_POWER));
    assert_string_equal(trace, "pow2");
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for ** or pow(): 'Vec' and "
                "'Nope'");
    /* The third operand's slot is asked too. */
    reset();
    assert_null(MpNumber_Power(n, n, v));
    assert_string_equal(trace, "pow3");
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for ** or pow(): 'Nope', "
                "'Nope', 'Vec'");
    assert_null(MpNumber_BinaryOp(n, v, MP_BINOP_INPLACE + MP_BINOP_POWER));
    check_error(MpExc_TypeError,
                "unsupported operand type(s) for **=: 'Nope' and 'Vec'");
    Mp_DECREF(v);
    Mp_DECREF(n);
}

/* a += b: the in-place slot, then the binary protocol. */
static void
test_inplace(void **state)
{
    MpObject *v = toy_new(&Vec_Type, 1);
    MpObject *two = MpLong_FromInt64(2);
    reset();
    MpObject *r = MpNumber_BinaryOp(v, two, MP_BINOP_INPLACE + MP_BINOP_ADD);
    assert_int_equal(((toyobject *)r)->v, 3);
    assert_string_equal(trace, "iadd vec(l)");
    Mp_DECREF(r);
    reset();
    r = MpNumber_InPlaceOp(v, two, MP_BINOP_ADD);
    assert_string_equal(trace, "iadd vec(l)");
    Mp_DECREF(r);
    Mp_DECREF(v);
    Mp_DECREF(two);
}

/* + and * fall back to the sequence slots. */
static void
test_sequence_fallbacks(void **state)
{
    MpObject *s = toy_new(&Seq_Type, 0);
    MpObject *three = MpLong_FromInt64(3);
    MpObject *f = MpFloat_FromDouble(1.5);
    reset();
    MpObject *r = MpNumber_Add(s, three);
    assert_int_equal(small_value(r), -1);
    Mp_DECREF(r);
    r = MpNumber_Multiply(s, three);
    assert_int_equal(small_value(r), 3);
    Mp_DECREF(r);
    r = MpNumber_Multiply(three, s);  // int * seq: the right one repeats
    assert_int_equal(small_value(r), 3);
    Mp_DECREF(r);
    assert_string_equal(trace, "concat repeat repeat");
    assert_null(MpNumber_Multiply(s, f));
    check_error(MpExc_TypeError,
                "can't multiply sequence by non-int of type 'float'");
    assert_null(MpNumber_Multiply(f, s));
    check_error(MpExc_TypeError,
                "can't multiply sequence by non-int of type 'float'");
    /* += and *= use the plain slots when there is no in-place one. */
    reset();
    r = MpNumber_InPlaceOp(s, three, MP_BINOP_ADD);
    Mp_DECREF(r);
    r = MpNumber_InPlaceOp(s, three, MP_BINOP_MULTIPLY);
    Mp_DECREF(r);
    assert_string_equal(trace, "concat repeat");
    assert_null(MpNumber_InPlaceOp(s, f, MP_BINOP_MULTIPLY));
    check_error(MpExc_TypeError,
                "can't multiply sequence by non-int of type 'float'");
    Mp_DECREF(s);
    Mp_DECREF(three);
    Mp_DECREF(f);
}

static void
test_unary(void **state)
{
    MpObject *v = toy_new(&Vec_Type, 4);
    MpObject *r = MpNumber_Negative(v);
    assert_int_equal(((toyobject *)r)->v, -4);
    Mp_DECREF(r);
    MpObject *s = MpStr_FromString("a");
    assert_null(MpNumber_Negative(s));
    check_error(MpExc_TypeError, "bad operand type for unary -: 'str'");
    assert_null(MpNumber_Positive(s));
    check_error(MpExc_TypeError, "bad operand type for unary +: 'str'");
    assert_null(MpNumber_Invert(s));
    check_error(MpExc_TypeError, "bad operand type for unary ~: 'str'");
    assert_null(MpNumber_Absolute(s));
    check_error(MpExc_TypeError, "bad operand type for abs(): 'str'");
    Mp_DECREF(s);
    Mp_DECREF(v);
}
/* }====== */

/* {====== Comparison and truth ====== */

static void
test_richcompare_order(void **state)
{
    MpObject *a = toy_new(&Cmp_Type, 0);
    MpObject *b = toy_new(&SubCmp_Type, 0);
    MpObject *i = MpLong_FromInt64(1);
    reset();
    /* b's type is a subclass of a's: b's reflected method first, then
       a's, and b's is not asked twice. */
    assert_null(MpObject_RichCompare(a, b, Mp_LT));
    assert_string_equal(trace, "sub.gt cmp.lt");
    check_error(MpExc_TypeError,
                "'<' not supported between instances of 'Cmp' and "
                "'SubCmp'");
    reset();
    assert_null(MpObject_RichCompare(i, a, Mp_LE));
    assert_string_equal(trace, "cmp.ge");
    check_error(MpExc_TypeError,
                "'<=' not supported between instances of 'int' and 'Cmp'");
    /* == falls back to identity. */
    reset();
    MpObject *r = MpObject_RichCompare(a, b, Mp_EQ);
    assert_ptr_equal(r, Mp_False);
    Mp_DECREF(r);
    r = MpObject_RichCompare(a, a, Mp_NE);
    assert_ptr_equal(r, Mp_False);
    Mp_DECREF(r);
    /* RichCompareBool: identity decides without asking. */
    reset();
    assert_int_equal(MpObject_RichCompareBool(a, a, Mp_EQ), 1);
    assert_string_equal(trace, "");
    ((toyobject *)b)->v = 1;  // SubCmp answers True now
    assert_int_equal(MpObject_RichCompareBool(a, b, Mp_GE), 1);
    Mp_DECREF(a);
    Mp_DECREF(b);
    Mp_DECREF(i);
}

static void
test_compare_fast_paths(void **state)
{
    MpObject *x = MpLong_FromInt64(3), *y = MpLong_FromInt64(5);
    MpObject *nan = MpFloat_FromDouble(NAN);
    assert_int_equal(MpObject_RichCompareBool(x, y, Mp_LT), 1);
    assert_int_equal(MpObject_RichCompareBool(x, y, Mp_GE), 0);
    assert_int_equal(MpObject_RichCompareBool(nan, nan, Mp_EQ), 1);
    MpObject *r = MpObject_RichCompare(nan, nan, Mp_EQ);
    assert_ptr_equal(r, Mp_False);
    Mp_DECREF(r);
    MpObject *s1 = MpStr_FromString("abc"), *s2 = MpStr_FromString("abc");
    assert_int_equal(MpObject_RichCompareBool(s1, s2, Mp_EQ), 1);
    assert_int_equal(MpObject_RichCompareBool(s1, x, Mp_EQ), 0);
    assert_int_equal(MpObject_RichCompareBool(s1, x, Mp_LT), -1);
    check_error(MpExc_TypeError,
                "'<' not supported between instances of 'str' and 'int'");
    Mp_DECREF(x);
    Mp_DECREF(y);
    Mp_DECREF(nan);
    Mp_DECREF(s1);
    Mp_DECREF(s2);
}

static void
test_truth(void **state)
{
    MpObject *zero = MpLong_FromInt64(0), *two = MpLong_FromInt64(2);
    MpObject *s = toy_new(&Seq_Type, 0), *p = toy_new(&Plain_Type, 0);
    assert_int_equal(MpObject_IsTrue(Mp_None), 0);
    assert_int_equal(MpObject_IsTrue(zero), 0);
    assert_int_equal(MpObject_IsTrue(two), 1);
    assert_int_equal(MpObject_IsTrue(s), 1);  // len 3
    assert_int_equal(MpObject_IsTrue(p), 1);  // no __bool__, no __len__
    assert_int_equal(MpObject_Not(two), 0);
    Mp_DECREF(zero);
    Mp_DECREF(two);
    Mp_DECREF(s);
    Mp_DECREF(p);
}
/* }====== */

/* {====== repr, hash, attributes ====== */

static void
test_repr(void **state)
{
    MpObject *i = MpLong_FromInt64(12);
    check_str(MpObject_Repr(i), "12");
    check_str(MpObject_Str(i), "12");
    MpObject *b = toy_new(&BadRepr_Type, 0);
    assert_null(MpObject_Repr(b));
    check_error(MpExc_TypeError, "__repr__ returned non-string (type int)");
    assert_null(MpObject_Str(b));
    check_error(MpExc_TypeError, "__str__ returned non-string (type int)");
    MpObject *r = toy_new(&SelfRepr_Type, 0);
    assert_null(MpObject_Repr(r));
    check_error(MpExc_RecursionError,
                "maximum recursion depth exceeded while getting the repr "
                "of an object");
    uint32_t cps[] = {'a', 0xe9, 0x1234, 0x1f600};
    MpObject *s = MpStr_FromKindAndData(4, cps, 4);
    check_str(MpObject_ASCII(s), "'a\\xe9\\u1234\\U0001f600'");
    Mp_DECREF(s);
    Mp_DECREF(i);
    Mp_DECREF(b);
    Mp_DECREF(r);
}

static void
test_hash(void **state)
{
    MpObject *p = toy_new(&Plain_Type, 0);
    assert_int_equal(MpObject_Hash(p), -1);
    check_error(MpExc_TypeError, "unhashable type: 'Plain'");
    Mp_DECREF(p);
}

static void
test_attributes(void **state)
{
    MpObject *a = toy_new(&Attr_Type, 0);
    MpObject *r = MpObject_GetAttrString(a, "x");
    assert_int_equal(small_value(r), 42);
    Mp_DECREF(r);
    MpObject *y = MpStr_FromString("y");
    assert_int_equal(MpObject_LookupAttr(a, y, &r), 0);
    assert_null(r);
    assert_null(MpErr_Occurred());
    assert_int_equal(MpObject_HasAttr(a, y), 0);
    MpObject *boom = MpStr_FromString("boom");
    assert_int_equal(MpObject_LookupAttr(a, boom, &r), -1);
    check_error(MpExc_ValueError, "boom");
    MpObject *one = MpLong_FromInt64(1);
    assert_null(MpObject_GetAttr(a, one));
    check_error(MpExc_TypeError, "attribute name must be string, not 'int'");
    assert_int_equal(MpObject_SetAttr(a, one, one), -1);
    check_error(MpExc_TypeError, "attribute name must be string, not 'int'");
    reset();
    assert_int_equal(MpObject_SetAttrString(a, "z", one), 0);
    assert_int_equal(MpObject_DelAttr(a, y), 0);
    assert_string_equal(trace, "setattr z delattr y");
    /* No tp_setattro at all. */
    MpObject *p = toy_new(&Plain_Type, 0);
    Plain_Type.tp_setattro = NULL;
    getattrofunc saved = Plain_Type.tp_getattro;
    Plain_Type.tp_getattro = NULL;
    assert_int_equal(MpObject_SetAttr(p, y, one), -1);
    check_error(MpExc_TypeError,
                "'Plain' object has no attributes (assign to .y)");
    assert_null(MpObject_GetAttr(p, y));
    check_error(MpExc_AttributeError, "'Plain' object has no attribute 'y'");
    Plain_Type.tp_getattro = saved;
    Mp_DECREF(p);
    Mp_DECREF(a);
    Mp_DECREF(y);
    Mp_DECREF(boom);
    Mp_DECREF(one);
}
/* }====== */

/* {====== Items, iteration, calls ====== */

static void
test_items(void **state)
{
    MpObject *s = toy_new(&Seq_Type, 0);
    MpObject *m1 = MpLong_FromInt64(-1);
    MpObject *r = MpObject_GetItem(s, m1);  // counted from the end
    assert_int_equal(small_value(r), 20);
    Mp_DECREF(r);
    reset();
    assert_int_equal(MpObject_SetItem(s, m1, m1), 0);
    assert_int_equal(MpObject_DelItem(s, m1), 0);
    assert_string_equal(trace, "set del");
    MpObject *k = MpStr_FromString("k");
    assert_null(MpObject_GetItem(s, k));
    check_error(MpExc_TypeError, "sequence index must be integer, not 'str'");
    assert_int_equal(MpObject_Length(s), 3);

    MpObject *i = MpLong_FromInt64(5);
    assert_null(MpObject_GetItem(i, i));
    check_error(MpExc_TypeError, "'int' object is not subscriptable");
    assert_int_equal(MpObject_SetItem(i, i, i), -1);
    check_error(MpExc_TypeError,
                "'int' object does not support item assignment");
    assert_int_equal(MpObject_DelItem(i, i), -1);
    check_error(MpExc_TypeError,
                "'int' object does not support item deletion");
    assert_int_equal(MpObject_Length(i), -1);
    check_error(MpExc_TypeError, "object of type 'int' has no len()");
    /* A class without __class_getitem__. */
    assert_null(MpObject_GetItem((MpObject *)&Plain_Type, i));
    check_error(MpExc_TypeError, "type 'Plain' is not subscriptable");
    /* A huge index. */
    MpObject *big = MpLong_FromString("100000000000000000000000", 24, 10);
    assert_null(MpObject_GetItem(s, big));
    check_error(MpExc_IndexError,
                "cannot fit 'int' into an index-sized integer");
    Mp_DECREF(big);
    Mp_DECREF(s);
    Mp_DECREF(m1);
    Mp_DECREF(k);
    Mp_DECREF(i);
}

static void
test_iteration(void **state)
{
    MpObject *s = toy_new(&Seq_Type, 0);
    MpObject *it = MpObject_GetIter(s);
    assert_non_null(it);
    assert_string_equal(Mp_TYPE(it)->tp_name, "iterator");
    int64_t sum = 0;
    MpObject *x;
    int n = 0;
    while ((x = MpIter_Next(it)) != NULL) {
        sum += small_value(x);
        n++;
        Mp_DECREF(x);
    }
    assert_null(MpErr_Occurred());  // IndexError ended it
    assert_int_equal(n, 3);
    assert_int_equal(sum, 30);
    assert_null(MpIter_Next(it));  // stays exhausted
    assert_null(MpErr_Occurred());
    Mp_DECREF(it);
    assert_int_equal(s->ob_refcnt, 1);  // the iterator let go of it

    MpObject *ten = MpLong_FromInt64(10), *eleven = MpLong_FromInt64(11);
    assert_int_equal(MpSequence_Contains(s, ten), 1);
    assert_int_equal(MpSequence_Contains(s, eleven), 0);
    MpObject *p = toy_new(&Plain_Type, 0);
    assert_null(MpObject_GetIter(p));
    check_error(MpExc_TypeError, "'Plain' object is not iterable");
    assert_int_equal(MpSequence_Contains(p, ten), -1);
    check_error(MpExc_TypeError, "argument of type 'Plain' is not iterable");
    Mp_DECREF(p);
    Mp_DECREF(ten);
    Mp_DECREF(eleven);
    Mp_DECREF(s);
}

static void
test_iteration_edges(void **state)
{
    MpObject *st = toy_new(&Stop_Type, 0);
    MpObject *it = MpObject_GetIter(st);
    assert_ptr_equal(it, st);
    assert_null(MpIter_Next(it));
    assert_null(MpErr_Occurred());  // StopIteration swallowed
    Mp_DECREF(it);
    Mp_DECREF(st);
    MpObject *b = toy_new(&BadIter_Type, 0);
    assert_null(MpObject_GetIter(b));
    check_error(MpExc_TypeError, "iter() returned non-iterator of type 'int'");
    Mp_DECREF(b);
}

static void
test_class_getitem(void **state)
{
    MpObject *five = toy_new(&Const_Type, 5);
    MpObject *key = MpLong_FromInt64(0);
    MpDict_SetItemString(Vec_Type.tp_dict, "__class_getitem__", five);
    MpType_Modified(NULL);  // the dict was written directly
    reset();
    MpObject *r = MpObject_GetItem((MpObject *)&SubVec_Type, key);
    assert_int_equal(small_value(r), 5);
    assert_string_equal(trace, "called");
    Mp_DECREF(r);
    Mp_DECREF(key);
    Mp_DECREF(five);
}

static void
test_calls(void **state)
{
    MpObject *f = toy_new(&Fn_Type, 0);
    /* 1000: not one of the preallocated small ints, so its count is ours */
    MpObject *one = MpLong_FromInt64(1), *two = MpLong_FromInt64(1000);
    MpObject *args = MpTuple_FromArray((MpObject *[]){one}, 1);
    MpObject *kw = MpDict_New();
    MpDict_SetItemString(kw, "b", two);
    MpObject *r = MpObject_Call(f, args, kw);
    assert_non_null(r);
    /* (nargs=1, 1, 1000, ('b',)) */
    assert_int_equal(MpTuple_GET_SIZE(r), 4);
    assert_int_equal(small_value(MpTuple_GET_ITEM(r, 0)), 1);
    assert_int_equal(small_value(MpTuple_GET_ITEM(r, 2)), 1000);
    MpObject *names = MpTuple_GET_ITEM(r, 3);
    assert_int_equal(MpTuple_GET_SIZE(names), 1);
    assert_string_equal(MpStr_AsUTF8(MpTuple_GET_ITEM(names, 0)), "b");
    Mp_DECREF(r);
    assert_int_equal(two->ob_refcnt, 2);  // the dict's and ours

    r = MpObject_CallOneArg(f, one);
    assert_int_equal(MpTuple_GET_SIZE(r), 3);
    assert_ptr_equal(MpTuple_GET_ITEM(r, 2), Mp_None);
    Mp_DECREF(r);

    MpDict_SetItem(kw, one, one);
    assert_null(MpObject_Call(f, args, kw));
    check_error(MpExc_TypeError, "keywords must be strings");

    assert_true(MpCallable_Check(f));
    assert_false(MpCallable_Check(one));
    assert_null(MpObject_CallNoArgs(one));
    check_error(MpExc_TypeError, "'int' object is not callable");
    MpObject *a = toy_new(&Attr_Type, 0);
    assert_null(MpObject_CallMethod(a, "x", NULL, 0));  // a.x is 42
    check_error(MpExc_TypeError, "'int' object is not callable");
    Mp_DECREF(a);
    Mp_DECREF(f);
    Mp_DECREF(args);
    Mp_DECREF(kw);
    Mp_DECREF(one);
    Mp_DECREF(two);
}
/* }====== */

/* {====== isinstance, issubclass ====== */

static void
test_isinstance(void **state)
{
    MpObject *v = toy_new(&Vec_Type, 0), *s = toy_new(&SubVec_Type, 0);
    MpObject *vt = (MpObject *)&Vec_Type, *st = (MpObject *)&SubVec_Type;
    MpObject *it = (MpObject *)&MpLong_Type;
    assert_int_equal(MpObject_IsInstance(s, vt), 1);
    assert_int_equal(MpObject_IsInstance(v, st), 0);
    MpObject *tup = MpTuple_FromArray((MpObject *[]){it, st}, 2);
    assert_int_equal(MpObject_IsInstance(s, tup), 1);
    assert_int_equal(MpObject_IsInstance(v, tup), 0);
    assert_int_equal(MpObject_IsSubclass(st, vt), 1);
    assert_int_equal(MpObject_IsSubclass(vt, tup), 0);
    assert_int_equal(MpObject_IsInstance(Mp_True, it), 1);
    MpObject *one = MpLong_FromInt64(1);
    assert_int_equal(MpObject_IsInstance(one, one), -1);
    check_error(MpExc_TypeError, "isinstance() arg 2 must be a type, a "
                                 "tuple of types, or a union");
    assert_int_equal(MpObject_IsSubclass(one, it), -1);
    check_error(MpExc_TypeError, "issubclass() arg 1 must be a class");

    /* An object whose __class__ claims a subclass of cls. */
    MpObject *a = toy_new(&Attr_Type, 0);
    assert_int_equal(MpObject_IsInstance(a, vt), 1);
    assert_int_equal(MpObject_IsInstance(a, it), 0);
    Mp_DECREF(a);

    /* A metaclass's __instancecheck__ decides. */
    MpObject *c = (MpObject *)&MetaC_Type;
    assert_int_equal(MpObject_IsInstance(one, c), 0);
    MpObject *yes = toy_new(&Const_Type, 99);
    MpDict_SetItemString(Meta_Type.tp_dict, "__instancecheck__", yes);
    MpType_Modified(NULL);  // the dict was written directly
    MpDict_SetItemString(Meta_Type.tp_dict, "__subclasscheck__", yes);
    reset();
    assert_int_equal(MpObject_IsInstance(one, c), 1);
    assert_int_equal(MpObject_IsSubclass(it, c), 1);
    assert_string_equal(trace, "called called");
    Mp_DECREF(yes);
    Mp_DECREF(v);
    Mp_DECREF(s);
    Mp_DECREF(tup);
    Mp_DECREF(one);
}
/* }====== */

/* {====== Conversions ====== */

static void
test_index(void **state)
{
    MpObject *f = MpFloat_FromDouble(1.5);
    assert_null(MpNumber_Index(f));
    check_error(MpExc_TypeError,
                "'float' object cannot be interpreted as an integer");
    MpObject *r = MpNumber_Index(Mp_True);  // an exact int, not True
    assert_true(MpLong_CheckExact(r));
    assert_int_equal(small_value(r), 1);
    Mp_DECREF(r);
    MpObject *big = MpLong_FromString("-100000000000000000000000", 25, 10);
    assert_int_equal(MpNumber_AsSsize_t(big, NULL), PTRDIFF_MIN);
    assert_int_equal(MpNumber_AsSsize_t(big, MpExc_OverflowError), -1);
    check_error(MpExc_OverflowError,
                "cannot fit 'int' into an index-sized integer");
    Mp_DECREF(big);
    Mp_DECREF(f);
}

static void
test_number_long(void **state)
{
    MpObject *s = MpStr_FromString(" 42 ");
    MpObject *r = MpNumber_Long(s);
    assert_int_equal(small_value(r), 42);
    Mp_DECREF(r);
    Mp_DECREF(s);
    MpObject *f = MpFloat_FromDouble(2.0);
    MpObject *p = toy_new(&Plain_Type, 0);
    assert_null(MpNumber_Long(p));
    check_error(MpExc_TypeError,
                "int() argument must be a string, a bytes-like object or a "
                "real number, not 'Plain'");
    /* __trunc__, looked up on the type. */
    MpObject *seven = toy_new(&Const_Type, 7);
    MpDict_SetItemString(Plain_Type.tp_dict, "__trunc__", seven);
    MpType_Modified(NULL);  // the dict was written directly
    r = MpNumber_Long(p);
    assert_int_equal(small_value(r), 7);
    Mp_DECREF(r);
    Mp_DECREF(seven);
    Mp_DECREF(p);
    Mp_DECREF(f);
    /* Bytes-like objects: the message shows the data as bytes. */
    MpObject *b = toy_new(&Buf_Type, 0);
    assert_null(MpNumber_Long(b));
    check_error(MpExc_ValueError,
                "invalid literal for int() with base 10: b\"x\\x01'\"");
    assert_int_equal(b->ob_refcnt, 1);  // the view was released
    ((toyobject *)b)->v = 1;
    r = MpNumber_Float(b);
    assert_true(MpFloat_AS_DOUBLE(r) == 1.5);
    Mp_DECREF(r);
    Mp_DECREF(b);
}

static void
test_number_float(void **state)
{
    static const struct {
        const char *text;
        double value;  // NAN: a ValueError is expected
    } cases[] = {
        {" 1_0.5e1_0 ", 105000000000.0},
        {"-iNfinity", -INFINITY},
        {".5", 0.5},
        {"5.", 5.0},
        {"1e500", INFINITY},
        {"1__0", NAN},
        {".", NAN},
        {"1e", NAN},
        {"_1", NAN},
        {"1_", NAN},
        {"1_.5", NAN},
        {"1._5", NAN},
        {"1e_5", NAN},
        {"", NAN},
        {"0x10", NAN},
        {"nan", 0.0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        MpObject *s = MpStr_FromString(cases[i].text);
        MpObject *r = MpNumber_Float(s);
        if (strcmp(cases[i].text, "nan") == 0) {
            assert_true(isnan(MpFloat_AS_DOUBLE(r)));
            Mp_DECREF(r);
        }
        else if (isnan(cases[i].value)) {
            assert_null(r);
            char msg[80];
            snprintf(msg, sizeof msg,
                     "could not convert string to float: "
                     "'%s'",
                     cases[i].text);
            check_error(MpExc_ValueError, msg);
        }
        else {
            assert_non_null(r);
            assert_true(MpFloat_AS_DOUBLE(r) == cases[i].value);
            Mp_DECREF(r);
        }
        Mp_DECREF(s);
    }
    /* Other scripts' digits and white space. */
    uint32_t cps[] = {0x2003, 0x661, '.', '5'};
    MpObject *s = MpStr_FromKindAndData(4, cps, 4);
    MpObject *r = MpNumber_Float(s);
    assert_true(MpFloat_AS_DOUBLE(r) == 1.5);
    Mp_DECREF(r);
    Mp_DECREF(s);
    MpObject *i = MpLong_FromInt64(3);
    r = MpNumber_Float(i);
    assert_true(MpFloat_CheckExact(r) && MpFloat_AS_DOUBLE(r) == 3.0);
    Mp_DECREF(r);
    Mp_DECREF(i);
    MpObject *p = toy_new(&Plain_Type, 0);
    assert_null(MpNumber_Float(p));
    check_error(MpExc_TypeError,
                "float() argument must be a string or a real number, not "
                "'Plain'");
    Mp_DECREF(p);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_reflected),
        cmocka_unit_test(test_binary_subclass_first),
        cmocka_unit_test(test_binary_unsupported),
        cmocka_unit_test(test_power),
        cmocka_unit_test(test_inplace),
        cmocka_unit_test(test_sequence_fallbacks),
        cmocka_unit_test(test_unary),
        cmocka_unit_test(test_richcompare_order),
        cmocka_unit_test(test_compare_fast_paths),
        cmocka_unit_test(test_truth),
        cmocka_unit_test(test_repr),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_items),
        cmocka_unit_test(test_iteration),
        cmocka_unit_test(test_iteration_edges),
        cmocka_unit_test(test_class_getitem),
        cmocka_unit_test(test_calls),
        cmocka_unit_test(test_isinstance),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_number_long),
        cmocka_unit_test(test_number_float),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
