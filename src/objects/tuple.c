/* tuple.c — tuple, the immutable array of references.

   Layout: the header, the item count (ob_size), then the items inline, so
   a tuple is a single allocation and MpTuple_GET_ITEM is one load:

       +------------+---------+--------+--------+-----+
       | refcnt/type| ob_size | (pad)  | items[0] ...  |
       +------------+---------+--------+--------+-----+

   Invariants: after construction every item is a valid reference (a tuple
   from MpTuple_New has NULL slots only until its maker fills them; the
   deallocator and the traverser tolerate NULLs for that window).  The
   empty tuple is one shared object, made on first use and never freed.

   hash(t) is CPython 3.11's xxHash-derived tuplehash (three 64-bit primes
   from xxHash, a 31-bit rotation per item), so hash((1, 2)) gives the same
   number as in CPython.

   CPython counterpart: Objects/tupleobject.c.  Read first: tuple_hash */
#include "objects/tuple.h"

#include <stdarg.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "strbuf.h"
#include "vm.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/type.h"
#include "objects/genericalias.h"

/* {====== Construction ====== */

static MpObject *empty_tuple;  // the singleton (); holds one reference

MpObject *
MpTuple_New(Mp_ssize_t n)
{
    if (n < 0) {
        return MpErr_BadInternalCall("MpTuple_New: negative size");
    }
    if (n == 0) {
        if (empty_tuple == NULL) {
            empty_tuple = MpObject_NewVar(&MpTuple_Type, 0);
            if (empty_tuple == NULL) {
                return NULL;
            }
            /* The singleton holds nothing, so the collector never needs
               to see it: it stays untracked. */
        }
        return Mp_NewRef(empty_tuple);
    }
    MpObject *t = MpObject_NewVar(&MpTuple_Type, n);
    if (t == NULL) {
        return NULL;
    }
    MpObject_GC_Track(t);  // items are NULL (calloc): traverse skips them
    return t;
}

MpObject *
MpTuple_FromArray(MpObject *const *items, Mp_ssize_t n)
{
    MpObject *t = MpTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    MpObject **dst = ((MpTupleObject *)t)->items;
    for (Mp_ssize_t i = 0; i < n; i++) {
        dst[i] = Mp_NewRef(items[i]);
    }
    return t;
}

MpObject *
MpTuple_Pack(Mp_ssize_t n, ...)
{
    MpObject *t = MpTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    va_list ap;
    va_start(ap, n);
    for (Mp_ssize_t i = 0; i < n; i++) {
        ((MpTupleObject *)t)->items[i] = Mp_NewRef(va_arg(ap, MpObject *));
    }
    va_end(ap);
    return t;
}

MpObject *
MpTuple_FromIterable(MpObject *iterable)
{
    if (Mp_TYPE(iterable) == &MpTuple_Type) {
        return Mp_NewRef(iterable);
    }
    if (MpList_Check(iterable)) {
        return MpList_AsTuple(iterable);
    }
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        return NULL;
    }
    if (MpList_Extend(list, iterable) < 0) {
        Mp_DECREF(list);
        return NULL;
    }
    MpObject *t = MpList_AsTuple(list);
    Mp_DECREF(list);
    return t;
}

MpObject *
MpTuple_GetSlice(MpObject *t, Mp_ssize_t lo, Mp_ssize_t hi)
{
    Mp_ssize_t n = Mp_SIZE(t);
    lo = lo < 0 ? 0 : (lo > n ? n : lo);
    hi = hi < lo ? lo : (hi > n ? n : hi);
    if (lo == 0 && hi == n && Mp_TYPE(t) == &MpTuple_Type) {
        return Mp_NewRef(t);
    }
    return MpTuple_FromArray(((MpTupleObject *)t)->items + lo, hi - lo);
}

void
MpTuple_MaybeUntrack(MpObject *t)
{
    if (!MpObject_GC_IsTracked(t)) {
        return;
    }
    for (Mp_ssize_t i = 0; i < Mp_SIZE(t); i++) {
        MpObject *x = MpTuple_GET_ITEM(t, i);
        /* A NULL slot: still being filled.  Any container may be part of a
           cycle, except a tuple that has itself been untracked. */
        if (x == NULL || (MpObject_IsGC(x) && (!MpTuple_Check(x) ||
                                               MpObject_GC_IsTracked(x)))) {
            return;
        }
    }
    MpObject_GC_UnTrack(t);
}

/* tuple(iterable=(), /), and the same for subclasses. */
static MpObject *
tuple_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "tuple() takes no keyword arguments");
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "tuple expected at most 1 argument, got %zd", n);
    }
    MpObject *t = n ? MpTuple_FromIterable(MpTuple_GET_ITEM(args, 0))
                    : MpTuple_New(0);
    if (t == NULL || type == &MpTuple_Type) {
        return t;
    }
    /* A subclass: copy the items into an instance of the right size. */
    Mp_ssize_t len = Mp_SIZE(t);
    MpObject *sub = MpObject_NewVar(type, len);
    if (sub == NULL) {
        Mp_DECREF(t);
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < len; i++) {
        ((MpTupleObject *)sub)->items[i] = Mp_NewRef(MpTuple_GET_ITEM(t, i));
    }
    Mp_DECREF(t);
    MpObject_GC_Track(sub);
    return sub;
}

static void
tuple_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    /* TRASHCAN: a chain of a million nested tuples recurses here once per
       level; the lead's trashcan mechanism (deferred deallocation) goes
       around this loop. */
    MpObject **items = ((MpTupleObject *)o)->items;
    for (Mp_ssize_t i = Mp_SIZE(o); --i >= 0;) {
        Mp_XDECREF(items[i]);
    }
    MpObject_Free(o);
}

static int
tuple_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject **items = ((MpTupleObject *)o)->items;
    for (Mp_ssize_t i = Mp_SIZE(o); --i >= 0;) {
        if (items[i] != NULL) {
            int rc = visit(items[i], arg);
            if (rc) {
                return rc;
            }
        }
    }
    return 0;
}
/* }====== */

/* {====== repr, hash, comparison ====== */

static MpObject *
tuple_repr(MpObject *self)
{
    Mp_ssize_t n = Mp_SIZE(self);
    if (n == 0) {
        return MpStr_FromString("()");
    }
    int rc = MpRepr_Enter(self);
    if (rc != 0) {
        return rc > 0 ? MpStr_FromString("(...)") : NULL;
    }
    MpStrBuf b = {0};
    MpStrBuf_Putc(&b, '(');
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (i > 0) {
            MpStrBuf_Puts(&b, ", ");
        }
        if (MpRepr_Append(&b, MpTuple_GET_ITEM(self, i)) < 0) {
            goto error;
        }
    }
    MpStrBuf_Puts(&b, n == 1 ? ",)" : ")");
    MpRepr_Leave(self);
    return MpRepr_Finish(&b);
error:
    MpRepr_Leave(self);
    MpStrBuf_Clear(&b);
    return NULL;
}

/* xxHash's primes (XXH64), as CPython's tuplehash. */
#define XXPRIME_1 11400714785074694791ULL
#define XXPRIME_2 14029467366897019727ULL
#define XXPRIME_5 2870177450012600261ULL
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static Mp_hash_t
tuple_hash(MpObject *self)
{
    Mp_ssize_t n = Mp_SIZE(self);
    Mp_uhash_t acc = XXPRIME_5;
    /* nested tuples recurse on the C stack; CPython counts no depth
       here, so neither do we, but a C stack overflow is refused */
    if (MpEval_CheckCStack(" while hashing a tuple") < 0) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        Mp_hash_t lane = MpObject_Hash(MpTuple_GET_ITEM(self, i));
        if (lane == -1) {
            return -1;
        }
        acc += (Mp_uhash_t)lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    /* Mixes in the length (CPython's constant 3527539). */
    acc += (Mp_uhash_t)n ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (Mp_uhash_t)-1) {
        return 1546275796;  // -1 means "error"; CPython's replacement
    }
    return (Mp_hash_t)acc;
}

static MpObject *
tuple_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpTuple_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    Mp_ssize_t na = Mp_SIZE(a), nb = Mp_SIZE(b), i;
    MpObject **ia = ((MpTupleObject *)a)->items;
    MpObject **ib = ((MpTupleObject *)b)->items;
    for (i = 0; i < na && i < nb; i++) {
        int k = MpObject_RichCompareBool(ia[i], ib[i], Mp_EQ);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    if (i >= na || i >= nb) {
        int r;
        switch (op) {
        case Mp_LT: r = na < nb; break;
        case Mp_LE: r = na <= nb; break;
        case Mp_EQ: r = na == nb; break;
        case Mp_NE: r = na != nb; break;
        case Mp_GT: r = na > nb; break;
        default: r = na >= nb; break;
        }
        return MpBool_FromLong(r);
    }
    if (op == Mp_EQ) {
        return Mp_NewRef(Mp_False);
    }
    if (op == Mp_NE) {
        return Mp_NewRef(Mp_True);
    }
    return MpObject_RichCompare(ia[i], ib[i], op);
}
/* }====== */

/* {====== Sequence protocol ====== */

static Mp_ssize_t
tuple_length(MpObject *self)
{
    return Mp_SIZE(self);
}

static MpObject *
tuple_item(MpObject *self, Mp_ssize_t i)
{
    if ((size_t)i >= (size_t)Mp_SIZE(self)) {
        MpErr_SetString(MpExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Mp_NewRef(MpTuple_GET_ITEM(self, i));
}

static int
tuple_contains(MpObject *self, MpObject *v)
{
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        int k = MpObject_RichCompareBool(MpTuple_GET_ITEM(self, i), v, Mp_EQ);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static MpObject *
tuple_concat(MpObject *a, MpObject *b)
{
    if (!MpTuple_Check(b)) {
        return MpErr_Format(MpExc_TypeError,
                            "can only concatenate tuple (not \"%.200s\") to "
                            "tuple",
                            Mp_TYPE(b)->tp_name);
    }
    Mp_ssize_t na = Mp_SIZE(a), nb = Mp_SIZE(b);
    if (nb == 0 && Mp_TYPE(a) == &MpTuple_Type) {
        return Mp_NewRef(a);
    }
    if (na == 0 && Mp_TYPE(b) == &MpTuple_Type) {
        return Mp_NewRef(b);
    }
    if (na > PTRDIFF_MAX / (Mp_ssize_t)sizeof(MpObject *) - nb) {
        return MpErr_NoMemory();
    }
    MpObject *t = MpTuple_New(na + nb);
    if (t == NULL) {
        return NULL;
    }
    MpObject **dst = ((MpTupleObject *)t)->items;
    for (Mp_ssize_t i = 0; i < na; i++) {
        dst[i] = Mp_NewRef(MpTuple_GET_ITEM(a, i));
    }
    for (Mp_ssize_t i = 0; i < nb; i++) {
        dst[na + i] = Mp_NewRef(MpTuple_GET_ITEM(b, i));
    }
    return t;
}

static MpObject *
tuple_repeat(MpObject *self, Mp_ssize_t n)
{
    Mp_ssize_t len = Mp_SIZE(self);
    if (n < 0) {
        n = 0;
    }
    if (Mp_TYPE(self) == &MpTuple_Type && (n == 1 || len == 0)) {
        return Mp_NewRef(self);
    }
    if (len && n > PTRDIFF_MAX / (Mp_ssize_t)sizeof(MpObject *) / len) {
        return MpErr_NoMemory();
    }
    MpObject *t = MpTuple_New(len * n);
    if (t == NULL) {
        return NULL;
    }
    MpObject **dst = ((MpTupleObject *)t)->items;
    for (Mp_ssize_t k = 0; k < n; k++) {
        for (Mp_ssize_t i = 0; i < len; i++) {
            *dst++ = Mp_NewRef(MpTuple_GET_ITEM(self, i));
        }
    }
    return t;
}

int
MpSeq_IndexFromKey(MpObject *key, Mp_ssize_t *out)
{
    int64_t small;
    if (MpLong_AsSmall(key, &small)) {
        *out = (Mp_ssize_t)small;
        return 1;
    }
    if (MpLong_Check(key) || (Mp_TYPE(key)->tp_as_number != NULL &&
                              Mp_TYPE(key)->tp_as_number->nb_index != NULL)) {
        Mp_ssize_t i = MpNumber_AsSsize_t(key, MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return -1;
        }
        *out = i;
        return 1;
    }
    return 0;
}

static MpObject *
tuple_subscript(MpObject *self, MpObject *key)
{
    Mp_ssize_t i;
    int k = MpSeq_IndexFromKey(key, &i);
    if (k < 0) {
        return NULL;
    }
    if (k) {
        if (i < 0) {
            i += Mp_SIZE(self);
        }
        return tuple_item(self, i);
    }
    if (MpSlice_Check(key)) {
        Mp_ssize_t start, stop, step;
        if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(self), &start, &stop,
                                             step);
        if (step == 1) {
            return MpTuple_GetSlice(self, start, stop);
        }
        MpObject *t = MpTuple_New(n);
        if (t == NULL) {
            return NULL;
        }
        for (Mp_ssize_t j = 0, cur = start; j < n; j++, cur += step) {
            ((MpTupleObject *)t)->items[j] =
                Mp_NewRef(MpTuple_GET_ITEM(self, cur));
        }
        return t;
    }
    return MpErr_Format(MpExc_TypeError,
                        "tuple indices must be integers or slices, not %.200s",
                        Mp_TYPE(key)->tp_name);
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
tuple_index(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("index", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    Mp_ssize_t start = 0, stop = PTRDIFF_MAX, n = Mp_SIZE(self);
    if ((nargs > 1 && !MpSlice_IndexNotNone(args[1], &start)) ||
        (nargs > 2 && !MpSlice_IndexNotNone(args[2], &stop))) {
        return NULL;
    }
    if (start < 0 && (start += n) < 0) {
        start = 0;
    }
    if (stop < 0) {
        stop += n;
    }
    for (Mp_ssize_t i = start; i < stop && i < n; i++) {
        int k = MpObject_RichCompareBool(MpTuple_GET_ITEM(self, i), args[0],
                                         Mp_EQ);
        if (k < 0) {
            return NULL;
        }
        if (k) {
            return MpLong_FromSsize_t(i);
        }
    }
    MpErr_SetString(MpExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static MpObject *
tuple_count(MpObject *self, MpObject *v)
{
    Mp_ssize_t c = 0;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        int k = MpObject_RichCompareBool(MpTuple_GET_ITEM(self, i), v, Mp_EQ);
        if (k < 0) {
            return NULL;
        }
        c += k;
    }
    return MpLong_FromSsize_t(c);
}

static MpObject *
tuple_getnewargs(MpObject *self, MpObject *unused)
{
    MpObject *t = MpTuple_GetSlice(self, 0, Mp_SIZE(self));
    if (t == NULL) {
        return NULL;
    }
    MpObject *r = MpTuple_Pack(1, t);
    Mp_DECREF(t);
    return r;
}

static MpObject *
tuple_sizeof(MpObject *self, MpObject *unused)
{
    /* CPython's tuple header is 24 bytes (no padding word). */
    return MpLong_FromSsize_t(24 + Mp_SIZE(self) * (Mp_ssize_t)sizeof(void *));
}
/* }====== */

/* {====== Iterator ====== */

typedef struct {
    MpObject_HEAD
    Mp_ssize_t it_index;
    MpObject *it_seq;  // NULL once exhausted
} TupleIter;

static MpObject *
tuple_iter(MpObject *self)
{
    TupleIter *it = (TupleIter *)MpObject_New(&MpTupleIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_seq = Mp_NewRef(self);
    MpObject_GC_Track(it);
    return (MpObject *)it;
}

static MpObject *
tupleiter_next(MpObject *self)
{
    TupleIter *it = (TupleIter *)self;
    MpObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index < Mp_SIZE(seq)) {
        return Mp_NewRef(MpTuple_GET_ITEM(seq, it->it_index++));
    }
    it->it_seq = NULL;
    Mp_DECREF(seq);
    return NULL;
}

static void
tupleiter_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((TupleIter *)self)->it_seq);
    MpObject_Free(self);
}

static int
tupleiter_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpObject *seq = ((TupleIter *)self)->it_seq;
    return seq ? visit(seq, arg) : 0;
}

static MpObject *
tupleiter_length_hint(MpObject *self, MpObject *unused)
{
    TupleIter *it = (TupleIter *)self;
    Mp_ssize_t n = it->it_seq ? Mp_SIZE(it->it_seq) - it->it_index : 0;
    return MpLong_FromSsize_t(n < 0 ? 0 : n);
}

static MpMethodDef tupleiter_methods[] = {
    {"__length_hint__", (void *)tupleiter_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpTupleIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = tupleiter_dealloc,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};
/* }====== */

/* {====== The type ====== */

static MpSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static MpMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

static MpMethodDef tuple_methods[] = {
    {"__class_getitem__", (void *)MpGenericAlias_ClassGetItem,
     MP_METH_O | MP_METH_CLASS, "See PEP 585"},
    {"index", (void *)tuple_index, MP_METH_FASTCALL, NULL},
    {"count", (void *)tuple_count, MP_METH_O, NULL},
    {"__getnewargs__", (void *)tuple_getnewargs, MP_METH_NOARGS, NULL},
    {"__sizeof__", (void *)tuple_sizeof, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpTuple_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "tuple",
    .tp_basicsize = sizeof(MpTupleObject),
    .tp_itemsize = sizeof(MpObject *),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC |
                MP_TPFLAGS_TUPLE_SUBCLASS,
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_traverse = tuple_traverse,
    .tp_new = tuple_new,
    .tp_methods = tuple_methods,
    .tp_doc = "Built-in immutable sequence.",
};
/* }====== */

void
MpTuple_Fini(void)
{
    Mp_CLEAR(&empty_tuple);
}
