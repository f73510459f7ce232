/* range.c — range: start, stop and step, with the length computed once.

   A range holds four int objects (start, stop, step, length), so bounds
   of any size work (range(10**20, 10**20 + 3)).  Everything is computed
   from them arithmetically: r[i] = start + i*step, x in r tests bounds
   and divisibility for ints instead of iterating, a slice of a range is a
   range.  Iteration has two iterators, as CPython: a fast one over C
   integers when start, step and length fit in int64_t, and a general one
   over int objects otherwise.

       length = (stop - start - 1) // step + 1  when start < stop, step > 0
              = (start - stop - 1) // -step + 1 when start > stop, step < 0
              = 0                              otherwise

   Two ranges are equal when they describe the same sequence (range(0) ==
   range(2, 2); range(0, 3, 2) == range(0, 4, 2)); hash agrees with that.

   Limitation: slicing needs the length to fit in Mp_ssize_t (indices are
   clipped there, as MpSlice_Unpack does); CPython slices huge ranges with
   int arithmetic.

   CPython counterpart: Objects/rangeobject.c.  Read first: compute_length */
#include "objects/range.h"

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Arithmetic on int objects ====== */

static MpObject *
small(int64_t v)
{
    return MpLong_FromInt64(v);
}

/* The length as an int object.  Refs: NEW. */
static MpObject *
compute_length(MpObject *start, MpObject *stop, MpObject *step)
{
    int64_t a, b, s;
    if (MpLong_AsSmall(start, &a) && MpLong_AsSmall(stop, &b) &&
        MpLong_AsSmall(step, &s)) {
        /* The fast path, in unsigned arithmetic so the differences of
           extreme values do not overflow. */
        uint64_t n = 0;
        if (s > 0 && a < b) {
            n = ((uint64_t)b - (uint64_t)a - 1) / (uint64_t)s + 1;
        } else if (s < 0 && a > b) {
            n = ((uint64_t)a - (uint64_t)b - 1) / (0 - (uint64_t)s) + 1;
        }
        return MpLong_FromUInt64(n);
    }
    int sign = MpLong_Sign(step);
    MpObject *lo = sign > 0 ? start : stop, *hi = sign > 0 ? stop : start;
    MpObject *one = small(1);
    MpObject *r = NULL, *diff = NULL, *t = NULL, *astep = NULL;
    int cmp = MpObject_RichCompareBool(lo, hi, Mp_GE);
    if (cmp < 0 || one == NULL) {
        goto done;
    }
    if (cmp) {
        r = small(0);
        goto done;
    }
    astep = sign > 0 ? Mp_NewRef(step) : MpNumber_Negative(step);
    diff = astep ? MpNumber_Subtract(hi, lo) : NULL;
    t = diff ? MpNumber_Subtract(diff, one) : NULL;
    Mp_XDECREF(diff);
    diff = t ? MpNumber_FloorDivide(t, astep) : NULL;
    r = diff ? MpNumber_Add(diff, one) : NULL;
done:
    Mp_XDECREF(one);
    Mp_XDECREF(diff);
    Mp_XDECREF(t);
    Mp_XDECREF(astep);
    return r;
}

/* start + i*step.  Refs: NEW. */
static MpObject *
compute_item(MpRangeObject *r, MpObject *i)
{
    int64_t a, s, k;
    if (MpLong_AsSmall(r->start, &a) && MpLong_AsSmall(r->step, &s) &&
        MpLong_AsSmall(i, &k)) {
        int64_t prod, sum;
        if (!__builtin_mul_overflow(k, s, &prod) &&
            !__builtin_add_overflow(a, prod, &sum)) {
            return small(sum);
        }
    }
    MpObject *prod = MpNumber_Multiply(i, r->step);
    if (prod == NULL) {
        return NULL;
    }
    MpObject *res = MpNumber_Add(r->start, prod);
    Mp_DECREF(prod);
    return res;
}
/* }====== */

/* {====== Construction ====== */

MpObject *
MpRange_New(MpObject *start, MpObject *stop, MpObject *step)
{
    MpObject *length = compute_length(start, stop, step);
    if (length == NULL) {
        return NULL;
    }
    MpRangeObject *r = (MpRangeObject *)MpObject_New(&MpRange_Type);
    if (r == NULL) {
        Mp_DECREF(length);
        return NULL;
    }
    r->start = Mp_NewRef(start);
    r->stop = Mp_NewRef(stop);
    r->step = Mp_NewRef(step);
    r->length = length;
    return (MpObject *)r;
}

static MpObject *
range_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "range() takes no keyword arguments");
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n < 1) {
        return MpErr_Format(MpExc_TypeError,
                            "range expected at least 1 argument, got %zd", n);
    }
    if (n > 3) {
        return MpErr_Format(MpExc_TypeError,
                            "range expected at most 3 arguments, got %zd", n);
    }
    MpObject *v[3] = {NULL, NULL, NULL};
    MpObject *r = NULL;
    for (Mp_ssize_t i = 0; i < n; i++) {
        v[i] = MpNumber_Index(MpTuple_GET_ITEM(args, i));
        if (v[i] == NULL) {
            goto done;
        }
    }
    if (n == 1) {
        v[1] = v[0];
        v[0] = small(0);
    }
    if (n < 3) {
        v[2] = small(1);
    }
    if (v[0] == NULL || v[2] == NULL) {
        goto done;
    }
    if (MpLong_Sign(v[2]) == 0) {
        MpErr_SetString(MpExc_ValueError, "range() arg 3 must not be zero");
        goto done;
    }
    r = MpRange_New(v[0], v[1], v[2]);
done:
    for (int i = 0; i < 3; i++) {
        Mp_XDECREF(v[i]);
    }
    return r;
}

static void
range_dealloc(MpObject *self)
{
    MpRangeObject *r = (MpRangeObject *)self;
    Mp_DECREF(r->start);
    Mp_DECREF(r->stop);
    Mp_DECREF(r->step);
    Mp_DECREF(r->length);
    MpObject_Free(self);
}
/* }====== */

/* {====== Slots ====== */

static MpObject *
range_repr(MpObject *self)
{
    MpRangeObject *r = (MpRangeObject *)self;
    int64_t s;
    if (MpLong_AsSmall(r->step, &s) && s == 1) {
        return MpStr_FromFormat("range(%R, %R)", r->start, r->stop);
    }
    return MpStr_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static Mp_ssize_t
range_length(MpObject *self)
{
    return MpLong_AsSsize_t(((MpRangeObject *)self)->length);
}

static int
range_bool(MpObject *self)
{
    return MpLong_Sign(((MpRangeObject *)self)->length) != 0;
}

/* r[i] for an int object i (negative counts from the end). */
static MpObject *
range_item_obj(MpRangeObject *r, MpObject *i)
{
    MpObject *idx = Mp_NewRef(i);
    if (MpLong_Sign(idx) < 0) {
        MpObject *t = MpNumber_Add(idx, r->length);
        Mp_DECREF(idx);
        if ((idx = t) == NULL) {
            return NULL;
        }
    }
    int bad = MpLong_Sign(idx) < 0;
    if (!bad) {
        bad = MpObject_RichCompareBool(idx, r->length, Mp_GE);
        if (bad < 0) {
            Mp_DECREF(idx);
            return NULL;
        }
    }
    if (bad) {
        Mp_DECREF(idx);
        MpErr_SetString(MpExc_IndexError, "range object index out of range");
        return NULL;
    }
    MpObject *v = compute_item(r, idx);
    Mp_DECREF(idx);
    return v;
}

static MpObject *
range_item(MpObject *self, Mp_ssize_t i)
{
    MpObject *idx = MpLong_FromSsize_t(i);
    if (idx == NULL) {
        return NULL;
    }
    MpObject *v = range_item_obj((MpRangeObject *)self, idx);
    Mp_DECREF(idx);
    return v;
}

static MpObject *
range_subscript(MpObject *self, MpObject *key)
{
    MpRangeObject *r = (MpRangeObject *)self;
    if (MpSlice_Check(key)) {
        Mp_ssize_t start, stop, step;
        if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Mp_ssize_t len = MpLong_AsSsize_t(r->length);
        if (len == -1 && MpErr_Occurred()) {
            return NULL;
        }
        MpSlice_AdjustIndices(len, &start, &stop, step);
        MpObject *i0 = MpLong_FromSsize_t(start);
        MpObject *i1 = MpLong_FromSsize_t(stop);
        MpObject *k = MpLong_FromSsize_t(step);
        MpObject *a = i0 ? compute_item(r, i0) : NULL;
        MpObject *b = i1 ? compute_item(r, i1) : NULL;
        MpObject *s = k ? MpNumber_Multiply(r->step, k) : NULL;
        MpObject *res = a && b && s ? MpRange_New(a, b, s) : NULL;
        Mp_XDECREF(i0);
        Mp_XDECREF(i1);
        Mp_XDECREF(k);
        Mp_XDECREF(a);
        Mp_XDECREF(b);
        Mp_XDECREF(s);
        return res;
    }
    if (MpLong_Check(key) || (Mp_TYPE(key)->tp_as_number != NULL &&
                              Mp_TYPE(key)->tp_as_number->nb_index != NULL)) {
        MpObject *i = MpNumber_Index(key);
        if (i == NULL) {
            return NULL;
        }
        MpObject *v = range_item_obj(r, i);
        Mp_DECREF(i);
        return v;
    }
    return MpErr_Format(MpExc_TypeError,
                        "range indices must be integers or slices, not %.200s",
                        Mp_TYPE(key)->tp_name);
}

/* x in r for an exact int (or bool) x: bounds and divisibility.
   1, 0, -1. */
static int
range_contains_long(MpRangeObject *r, MpObject *x)
{
    int64_t a, b, s, v;
    if (MpLong_AsSmall(r->start, &a) && MpLong_AsSmall(r->stop, &b) &&
        MpLong_AsSmall(r->step, &s) &&
        (MpLong_AsSmall(x, &v) || (MpBool_Check(x) &&
                                   (v = x == Mp_True, 1)))) {
        if (s > 0 ? !(a <= v && v < b) : !(b < v && v <= a)) {
            return 0;
        }
        return ((uint64_t)v - (uint64_t)a) % (s > 0 ? (uint64_t)s
                                                    : 0 - (uint64_t)s) ==
               0;
    }
    int pos = MpLong_Sign(r->step) > 0;
    int c1 = MpObject_RichCompareBool(pos ? r->start : x, pos ? x : r->start,
                                      Mp_LE);
    if (c1 <= 0) {
        return c1;
    }
    int c2 = MpObject_RichCompareBool(pos ? x : r->stop, pos ? r->stop : x,
                                      Mp_LT);
    if (c2 <= 0) {
        return c2;
    }
    MpObject *diff = MpNumber_Subtract(x, r->start);
    MpObject *rem = diff ? MpNumber_Remainder(diff, r->step) : NULL;
    Mp_XDECREF(diff);
    if (rem == NULL) {
        return -1;
    }
    int res = MpLong_Sign(rem) == 0;
    Mp_DECREF(rem);
    return res;
}

static MpObject *range_iter(MpObject *self);

static int
range_contains(MpObject *self, MpObject *x)
{
    if (Mp_TYPE(x) == &MpLong_Type || Mp_TYPE(x) == &MpBool_Type) {
        return range_contains_long((MpRangeObject *)self, x);
    }
    /* Anything else: compare with each item, as a sequence would. */
    MpObject *it = range_iter(self);
    if (it == NULL) {
        return -1;
    }
    MpObject *v;
    int found = 0;
    while (!found && (v = MpIter_Next(it)) != NULL) {
        found = MpObject_RichCompareBool(v, x, Mp_EQ);
        Mp_DECREF(v);
        if (found < 0) {
            break;
        }
    }
    Mp_DECREF(it);
    if (found == 0 && MpErr_Occurred()) {
        return -1;
    }
    return found;
}

/* Equal when they describe the same sequence. */
static int
range_equals(MpRangeObject *a, MpRangeObject *b)
{
    if (a == b) {
        return 1;
    }
    int cmp = MpObject_RichCompareBool(a->length, b->length, Mp_EQ);
    if (cmp != 1) {
        return cmp;
    }
    if (MpLong_Sign(a->length) == 0) {
        return 1;
    }
    cmp = MpObject_RichCompareBool(a->start, b->start, Mp_EQ);
    if (cmp != 1) {
        return cmp;
    }
    int64_t n;
    if (MpLong_AsSmall(a->length, &n) && n == 1) {
        return 1;
    }
    return MpObject_RichCompareBool(a->step, b->step, Mp_EQ);
}

static MpObject *
range_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpRange_Check(b) || (op != Mp_EQ && op != Mp_NE)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    int r = range_equals((MpRangeObject *)a, (MpRangeObject *)b);
    if (r < 0) {
        return NULL;
    }
    return MpBool_FromLong(op == Mp_EQ ? r : !r);
}

/* hash((len, start, step)), with None for the parts equality ignores. */
static Mp_hash_t
range_hash(MpObject *self)
{
    MpRangeObject *r = (MpRangeObject *)self;
    int64_t n = -1;
    int small_len = MpLong_AsSmall(r->length, &n);
    MpObject *t = MpTuple_Pack(3, r->length,
                               (small_len && n == 0) ? Mp_None : r->start,
                               (small_len && n <= 1) ? Mp_None : r->step);
    if (t == NULL) {
        return -1;
    }
    Mp_hash_t h = MpObject_Hash(t);
    Mp_DECREF(t);
    return h;
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
range_count(MpObject *self, MpObject *x)
{
    if (Mp_TYPE(x) == &MpLong_Type || Mp_TYPE(x) == &MpBool_Type) {
        int k = range_contains_long((MpRangeObject *)self, x);
        return k < 0 ? NULL : MpLong_FromInt64(k);
    }
    MpObject *it = range_iter(self);
    if (it == NULL) {
        return NULL;
    }
    int64_t c = 0;
    MpObject *v;
    while ((v = MpIter_Next(it)) != NULL) {
        int k = MpObject_RichCompareBool(v, x, Mp_EQ);
        Mp_DECREF(v);
        if (k < 0) {
            Mp_DECREF(it);
            return NULL;
        }
        c += k;
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? NULL : MpLong_FromInt64(c);
}

static MpObject *
range_index(MpObject *self, MpObject *x)
{
    MpRangeObject *r = (MpRangeObject *)self;
    if (Mp_TYPE(x) == &MpLong_Type || Mp_TYPE(x) == &MpBool_Type) {
        int k = range_contains_long(r, x);
        if (k < 0) {
            return NULL;
        }
        if (k) {
            MpObject *d = MpNumber_Subtract(x, r->start);
            if (d == NULL) {
                return NULL;
            }
            MpObject *i = MpNumber_FloorDivide(d, r->step);
            Mp_DECREF(d);
            return i;
        }
        return MpErr_Format(MpExc_ValueError, "%R is not in range", x);
    } else {
        MpObject *it = range_iter(self);
        if (it == NULL) {
            return NULL;
        }
        int64_t i = 0;
        MpObject *v;
        while ((v = MpIter_Next(it)) != NULL) {
            int k = MpObject_RichCompareBool(v, x, Mp_EQ);
            Mp_DECREF(v);
            if (k != 0) {
                Mp_DECREF(it);
                return k < 0 ? NULL : MpLong_FromInt64(i);
            }
            i++;
        }
        Mp_DECREF(it);
        if (MpErr_Occurred()) {
            return NULL;
        }
    }
    /* CPython: a search by equality fails as any sequence's does */
    return MpErr_Format(MpExc_ValueError,
                        "sequence.index(x): x not in sequence");
}

static MpObject *
range_reduce(MpObject *self, MpObject *unused)
{
    MpRangeObject *r = (MpRangeObject *)self;
    MpObject *args = MpTuple_Pack(3, r->start, r->stop, r->step);
    if (args == NULL) {
        return NULL;
    }
    MpObject *res = MpTuple_Pack(2, (MpObject *)&MpRange_Type, args);
    Mp_DECREF(args);
    return res;
}
/* }====== */

/* {====== Iterators ====== */

typedef struct {
    MpObject_HEAD
    int64_t start, step;
    int64_t len;  // items left
} RangeIter;

typedef struct {
    MpObject_HEAD
    MpObject *start, *step, *len;  // ints; len counts down
} LongRangeIter;

/* An iterator over start, start+step, ... (len items). */
static MpObject *
make_range_iter(MpObject *start, MpObject *step, MpObject *len)
{
    int64_t a, s, n;
    if (MpLong_AsSmall(start, &a) && MpLong_AsSmall(step, &s) &&
        MpLong_AsSmall(len, &n)) {
        /* The last value must fit too, or the fast iterator overflows. */
        int64_t last;
        if (n == 0 || (!__builtin_mul_overflow(n - 1, s, &last) &&
                       !__builtin_add_overflow(a, last, &last))) {
            RangeIter *it = (RangeIter *)MpObject_New(&MpRangeIter_Type);
            if (it == NULL) {
                return NULL;
            }
            it->start = a;
            it->step = s;
            it->len = n;
            return (MpObject *)it;
        }
    }
    LongRangeIter *it = (LongRangeIter *)MpObject_New(&MpLongRangeIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->start = Mp_NewRef(start);
    it->step = Mp_NewRef(step);
    it->len = Mp_NewRef(len);
    return (MpObject *)it;
}

static MpObject *
range_iter(MpObject *self)
{
    MpRangeObject *r = (MpRangeObject *)self;
    return make_range_iter(r->start, r->step, r->length);
}

/* reversed(r): from the last item backwards, step negated. */
static MpObject *
range_reversed(MpObject *self, MpObject *unused)
{
    MpRangeObject *r = (MpRangeObject *)self;
    MpObject *one = small(1), *lastidx = NULL, *last = NULL, *neg = NULL;
    MpObject *res = NULL;
    if (one == NULL) {
        return NULL;
    }
    if (MpLong_Sign(r->length) == 0) {
        res = make_range_iter(r->start, r->step, r->length);
        goto done;
    }
    lastidx = MpNumber_Subtract(r->length, one);
    last = lastidx ? compute_item(r, lastidx) : NULL;
    neg = last ? MpNumber_Negative(r->step) : NULL;
    res = neg ? make_range_iter(last, neg, r->length) : NULL;
done:
    Mp_DECREF(one);
    Mp_XDECREF(lastidx);
    Mp_XDECREF(last);
    Mp_XDECREF(neg);
    return res;
}

static MpObject *
rangeiter_next(MpObject *self)
{
    RangeIter *it = (RangeIter *)self;
    if (it->len <= 0) {
        return NULL;
    }
    int64_t v = it->start;
    it->len--;
    if (it->len > 0) {
        it->start += it->step;  // cannot overflow: the last value fits
    }
    return MpLong_FromInt64(v);
}

static MpObject *
longrangeiter_next(MpObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    if (MpLong_Sign(it->len) <= 0) {
        return NULL;
    }
    MpObject *one = small(1);
    if (one == NULL) {
        return NULL;
    }
    MpObject *len = MpNumber_Subtract(it->len, one);
    Mp_DECREF(one);
    MpObject *next = len ? MpNumber_Add(it->start, it->step) : NULL;
    if (next == NULL) {
        Mp_XDECREF(len);
        return NULL;
    }
    MpObject *v = it->start;  // its reference is handed to the caller
    it->start = next;
    Mp_SETREF(&it->len, len);
    return v;
}

static void
rangeiter_dealloc(MpObject *self)
{
    MpObject_Free(self);
}

static void
longrangeiter_dealloc(MpObject *self)
{
    LongRangeIter *it = (LongRangeIter *)self;
    Mp_DECREF(it->start);
    Mp_DECREF(it->step);
    Mp_DECREF(it->len);
    MpObject_Free(self);
}

static MpObject *
rangeiter_length_hint(MpObject *self, MpObject *unused)
{
    return MpLong_FromInt64(((RangeIter *)self)->len);
}

static MpObject *
longrangeiter_length_hint(MpObject *self, MpObject *unused)
{
    return Mp_NewRef(((LongRangeIter *)self)->len);
}

static MpMethodDef rangeiter_methods[] = {
    {"__length_hint__", (void *)rangeiter_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (void *)longrangeiter_length_hint, MP_METH_NOARGS,
     NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpRangeIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_dealloc = rangeiter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};

MpTypeObject MpLongRangeIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIter),
    .tp_dealloc = longrangeiter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};
/* }====== */

/* {====== The type ====== */

static MpNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static MpSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static MpMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

static MpMethodDef range_methods[] = {
    {"__reversed__", (void *)range_reversed, MP_METH_NOARGS, NULL},
    {"__reduce__", (void *)range_reduce, MP_METH_NOARGS, NULL},
    {"count", (void *)range_count, MP_METH_O, NULL},
    {"index", (void *)range_index, MP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMemberDef range_members[] = {
    {"start", MP_T_OBJECT, offsetof(MpRangeObject, start), 1, NULL},
    {"stop", MP_T_OBJECT, offsetof(MpRangeObject, stop), 1, NULL},
    {"step", MP_T_OBJECT, offsetof(MpRangeObject, step), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpRange_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "range",
    .tp_basicsize = sizeof(MpRangeObject),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_new = range_new,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_doc = "range(stop) -> range object\n"
              "range(start, stop[, step]) -> range object",
};
/* }====== */
