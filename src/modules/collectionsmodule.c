/* collectionsmodule.c — the _collections module: deque, the double-ended
   queue that collections re-exports.

   A deque is a ring buffer of references whose capacity is a power of
   two, so that the slot of item i is (head + i) & (cap - 1):

       items:  [ c ][ d ][ -- ][ -- ][ -- ][ -- ][ a ][ b ]
                                              head ^        len 4, cap 8

   append writes one past the last item, appendleft one before head; both
   are O(1) until the ring is full, when it doubles (deque_grow lays the
   items out again from slot 0).  With a maxlen, a push onto a full deque
   first drops an item from the other end.  Indexing is O(1); insert,
   remove and del d[i] shift the items after i (O(n)), as CPython's do in
   effect.

   Invariants: the len slots from head are valid references and every
   other slot is NULL; cap is 0 (items NULL) or a power of two >= 8;
   0 <= len <= cap; maxlen is -1 (unbounded) or len <= maxlen.

   Any call into Python code (an __eq__ from count/index/remove/in/==,
   a __del__ run by a DECREF, an iterator's __next__ in extend) may mutate
   the deque.  Every mutation bumps `state`; iterators and the comparing
   loops compare it with the value they started with and raise
   RuntimeError("deque mutated during iteration"), as CPython does.
   Releases happen after the deque is consistent again.

   CPython counterpart: Modules/_collectionsmodule.c (which uses a linked
   list of 64-slot blocks instead of one ring; the behaviour and messages
   are the same).
   Read first: deque_push, then deque_iternext. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "import.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/genericalias.h"

typedef struct {
    MpObject_HEAD
    MpObject **items;     // the ring, cap slots; NULL when cap == 0
    Mp_ssize_t cap;       // 0 or a power of two
    Mp_ssize_t head;      // slot of item 0
    Mp_ssize_t len;
    Mp_ssize_t maxlen;    // -1: unbounded
    size_t state;         // bumped by every mutation
} Deque;

static MpTypeObject Deque_Type;
static MpTypeObject DequeIter_Type;
static MpTypeObject DequeRevIter_Type;

#define MIN_CAP 8  // the first ring: room for a few appends without regrowth

static inline int
deque_check(MpObject *o)
{
    return MpType_IsSubtype(Mp_TYPE(o), &Deque_Type);
}

static inline MpObject **
slot(Deque *d, Mp_ssize_t i)
{
    return &d->items[(d->head + i) & (d->cap - 1)];
}

/* {====== The ring ====== */

/* Doubles the capacity (or allocates the first ring), laying the items
   out from slot 0.  Returns 0 or -1 (MemoryError; the deque unchanged). */
static int
deque_grow(Deque *d)
{
    Mp_ssize_t newcap = d->cap ? d->cap * 2 : MIN_CAP;
    MpObject **items = calloc((size_t)newcap, sizeof(MpObject *));
    if (items == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    for (Mp_ssize_t i = 0; i < d->len; i++) {
        items[i] = *slot(d, i);
    }
    free(d->items);
    d->items = items;
    d->cap = newcap;
    d->head = 0;
    return 0;
}

/* Takes item 0 (left) or item len-1 (right) out of the ring.
   Refs: NEW (the ring's reference passes to the caller); len > 0. */
static MpObject *
deque_take(Deque *d, int left)
{
    MpObject **s = left ? slot(d, 0) : slot(d, d->len - 1);
    MpObject *x = *s;
    *s = NULL;
    if (left) {
        d->head = (d->head + 1) & (d->cap - 1);
    }
    d->len--;
    d->state++;
    return x;
}

/* Adds x at the right end (left == 0) or the left end, dropping an item
   from the other end first when the deque is at its maxlen.
   Returns 0 or -1 (MemoryError).  Refs: STEALS x (even on error). */
static int
deque_push(Deque *d, MpObject *x, int left)
{
    if (d->maxlen == 0) {
        Mp_DECREF(x);
        return 0;
    }
    MpObject *dropped = NULL;
    if (d->maxlen > 0 && d->len >= d->maxlen) {
        dropped = deque_take(d, !left);
    }
    if (d->len == d->cap && deque_grow(d) < 0) {
        Mp_DECREF(x);
        Mp_XDECREF(dropped);
        return -1;
    }
    if (left) {
        d->head = (d->head - 1) & (d->cap - 1);
        d->items[d->head] = x;
    }
    else {
        *slot(d, d->len) = x;
    }
    d->len++;
    d->state++;
    Mp_XDECREF(dropped);  // last: a __del__ here sees a consistent deque
    return 0;
}

/* Empties the deque; the items are released after it is empty, so a
   __del__ they run sees an empty deque. */
static int
deque_clear(MpObject *op)
{
    Deque *d = (Deque *)op;
    MpObject **items = d->items;
    Mp_ssize_t cap = d->cap;
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
    if (items != NULL) {
        for (Mp_ssize_t i = 0; i < cap; i++) {
            Mp_XDECREF(items[i]);
        }
        free(items);
    }
    return 0;
}

/* Removes item i (0 <= i < len), shifting the items after it left.
   Refs: NEW (the removed item). */
static MpObject *
deque_remove_at(Deque *d, Mp_ssize_t i)
{
    MpObject *x = *slot(d, i);
    for (Mp_ssize_t k = i; k < d->len - 1; k++) {
        *slot(d, k) = *slot(d, k + 1);
    }
    *slot(d, d->len - 1) = NULL;
    d->len--;
    d->state++;
    return x;
}

/* Appends every item of iterable at one end.  Returns 0 or -1. */
static int
deque_extend_impl(Deque *d, MpObject *iterable, int left)
{
    MpObject *source = iterable;
    if (iterable == (MpObject *)d) {
        /* d.extend(d): iterate over a snapshot, not the growing deque. */
        source = MpList_New(0);
        if (source == NULL) {
            return -1;
        }
        for (Mp_ssize_t i = 0; i < d->len; i++) {
            if (MpList_Append(source, *slot(d, i)) < 0) {
                Mp_DECREF(source);
                return -1;
            }
        }
    }
    MpObject *it = MpObject_GetIter(source);
    if (source != iterable) {
        Mp_DECREF(source);
    }
    if (it == NULL) {
        return -1;
    }
    MpObject *x;
    while ((x = MpIter_Next(it)) != NULL) {
        if (deque_push(d, x, left) < 0) {
            Mp_DECREF(it);
            return -1;
        }
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? -1 : 0;
}
/* }====== */

/* {====== Creation and destruction ====== */

static MpObject *
deque_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    Deque *d = (Deque *)MpObject_New(type);
    if (d == NULL) {
        return NULL;
    }
    d->maxlen = -1;
    MpObject_GC_Track(d);
    return (MpObject *)d;
}

/* deque(iterable=(), maxlen=None) */
static int
deque_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"iterable", "maxlen", NULL};
    static const MpArgSpec spec = {"deque", kw, 0, 2};
    MpObject *a[2];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return -1;
    }
    Deque *d = (Deque *)self;
    Mp_ssize_t maxlen = -1;
    if (a[1] != NULL && a[1] != Mp_None) {
        if (!MpLong_Check(a[1])) {
            MpErr_SetString(MpExc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = MpNumber_AsSsize_t(a[1], MpExc_OverflowError);
        if (maxlen == -1 && MpErr_Occurred()) {
            return -1;
        }
        if (maxlen < 0) {
            MpErr_SetString(MpExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->len > 0) {
        deque_clear(self);
    }
    if (a[0] != NULL) {
        return deque_extend_impl(d, a[0], 0);
    }
    return 0;
}

static void
deque_dealloc(MpObject *op)
{
    MpObject_GC_UnTrack(op);
    Deque *d = (Deque *)op;
    if (d->items != NULL) {
        for (Mp_ssize_t i = 0; i < d->cap; i++) {
            Mp_XDECREF(d->items[i]);
        }
        free(d->items);
    }
    MpObject_Free(op);
}

static int
deque_traverse(MpObject *op, visitproc visit, void *arg)
{
    Deque *d = (Deque *)op;
    for (Mp_ssize_t i = 0; i < d->len; i++) {
        int rc = visit(*slot(d, i), arg);
        if (rc) {
            return rc;
        }
    }
    return 0;
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
deque_append(MpObject *self, MpObject *x)
{
    if (deque_push((Deque *)self, Mp_NewRef(x), 0) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
deque_appendleft(MpObject *self, MpObject *x)
{
    if (deque_push((Deque *)self, Mp_NewRef(x), 1) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
deque_pop(MpObject *self, MpObject *unused)
{
    Deque *d = (Deque *)self;
    if (d->len == 0) {
        return MpErr_Format(MpExc_IndexError, "pop from an empty deque");
    }
    return deque_take(d, 0);
}

static MpObject *
deque_popleft(MpObject *self, MpObject *unused)
{
    Deque *d = (Deque *)self;
    if (d->len == 0) {
        return MpErr_Format(MpExc_IndexError, "pop from an empty deque");
    }
    return deque_take(d, 1);
}

static MpObject *
deque_extend(MpObject *self, MpObject *iterable)
{
    if (deque_extend_impl((Deque *)self, iterable, 0) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
deque_extendleft(MpObject *self, MpObject *iterable)
{
    if (deque_extend_impl((Deque *)self, iterable, 1) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
deque_clear_method(MpObject *self, MpObject *unused)
{
    deque_clear(self);
    return Mp_NewRef(Mp_None);
}

/* A copy of the same type: an exact deque is copied directly; a subclass
   is called as type(d)(d) or type(d)(d, maxlen), as CPython does. */
static MpObject *
deque_copy(MpObject *self, MpObject *unused)
{
    Deque *d = (Deque *)self;
    if (Mp_TYPE(self) == &Deque_Type) {
        Deque *c = (Deque *)deque_new(&Deque_Type, NULL, NULL);
        if (c == NULL) {
            return NULL;
        }
        c->maxlen = d->maxlen;
        for (Mp_ssize_t i = 0; i < d->len; i++) {
            if (deque_push(c, Mp_NewRef(*slot(d, i)), 0) < 0) {
                Mp_DECREF(c);
                return NULL;
            }
        }
        return (MpObject *)c;
    }
    if (d->maxlen < 0) {
        return MpObject_CallOneArg((MpObject *)Mp_TYPE(self), self);
    }
    MpObject *maxlen = MpLong_FromSsize_t(d->maxlen);
    if (maxlen == NULL) {
        return NULL;
    }
    MpObject *args[2] = {self, maxlen};
    MpObject *r = MpObject_Vectorcall((MpObject *)Mp_TYPE(self), args, 2,
                                      NULL);
    Mp_DECREF(maxlen);
    return r;
}

/* The index of the first item equal to x in [start, stop), -1 when there
   is none, -2 on error (RuntimeError when the deque changed under the
   comparisons). */
static Mp_ssize_t
deque_find(Deque *d, MpObject *x, Mp_ssize_t start, Mp_ssize_t stop)
{
    size_t state = d->state;
    for (Mp_ssize_t i = start; i < stop && i < d->len; i++) {
        MpObject *item = Mp_NewRef(*slot(d, i));
        int eq = MpObject_RichCompareBool(item, x, Mp_EQ);
        Mp_DECREF(item);
        if (eq < 0) {
            return -2;
        }
        if (d->state != state) {
            MpErr_SetString(MpExc_RuntimeError,
                            "deque mutated during iteration");
            return -2;
        }
        if (eq) {
            return i;
        }
    }
    return -1;
}

static MpObject *
deque_count(MpObject *self, MpObject *x)
{
    Deque *d = (Deque *)self;
    size_t state = d->state;
    Mp_ssize_t n = 0;
    for (Mp_ssize_t i = 0; i < d->len; i++) {
        MpObject *item = Mp_NewRef(*slot(d, i));
        int eq = MpObject_RichCompareBool(item, x, Mp_EQ);
        Mp_DECREF(item);
        if (eq < 0) {
            return NULL;
        }
        if (d->state != state) {
            return MpErr_Format(MpExc_RuntimeError,
                                "deque mutated during iteration");
        }
        n += eq;
    }
    return MpLong_FromSsize_t(n);
}

/* A start or stop bound of index(): CPython's slice-index conversion. */
static int
bound_arg(MpObject *o, Mp_ssize_t *out)
{
    MpObject *i = MpNumber_Index(o);
    if (i == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_SetString(MpExc_TypeError,
                            "slice indices must be integers or have an "
                            "__index__ method");
        }
        return -1;
    }
    /* out of range values clamp, as slice indices do */
    Mp_ssize_t v = MpNumber_AsSsize_t(i, NULL);
    Mp_DECREF(i);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

static MpObject *
deque_index(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("index", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    Deque *d = (Deque *)self;
    Mp_ssize_t start = 0, stop = d->len;
    if (nargs > 1 && bound_arg(args[1], &start) < 0) {
        return NULL;
    }
    if (nargs > 2 && bound_arg(args[2], &stop) < 0) {
        return NULL;
    }
    if (start < 0) {
        start += d->len;
        if (start < 0) {
            start = 0;
        }
    }
    if (stop < 0) {
        stop += d->len;
        if (stop < 0) {
            stop = 0;
        }
    }
    Mp_ssize_t i = deque_find(d, args[0], start, stop);
    if (i == -2) {
        return NULL;
    }
    if (i < 0) {
        return MpErr_Format(MpExc_ValueError, "%R is not in deque", args[0]);
    }
    return MpLong_FromSsize_t(i);
}

static MpObject *
deque_insert(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("insert", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    Deque *d = (Deque *)self;
    Mp_ssize_t i = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (i == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (d->maxlen >= 0 && d->len >= d->maxlen) {
        return MpErr_Format(MpExc_IndexError,
                            "deque already at its maximum size");
    }
    /* list.insert's clamping */
    if (i < 0) {
        i += d->len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > d->len) {
        i = d->len;
    }
    if (d->len == d->cap && deque_grow(d) < 0) {
        return NULL;
    }
    for (Mp_ssize_t k = d->len; k > i; k--) {
        *slot(d, k) = *slot(d, k - 1);
    }
    *slot(d, i) = Mp_NewRef(args[1]);
    d->len++;
    d->state++;
    return Mp_NewRef(Mp_None);
}

static MpObject *
deque_remove(MpObject *self, MpObject *x)
{
    Deque *d = (Deque *)self;
    Mp_ssize_t i = deque_find(d, x, 0, d->len);
    if (i == -2) {
        if (MpErr_ExceptionMatches(MpExc_RuntimeError)) {
            MpErr_Clear();
            MpErr_SetString(MpExc_IndexError,
                            "deque mutated during iteration");
        }
        return NULL;
    }
    if (i < 0) {
        return MpErr_Format(MpExc_ValueError, "%R is not in deque", x);
    }
    Mp_DECREF(deque_remove_at(d, i));
    return Mp_NewRef(Mp_None);
}

static MpObject *
deque_reverse(MpObject *self, MpObject *unused)
{
    Deque *d = (Deque *)self;
    for (Mp_ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        MpObject *t = *slot(d, i);
        *slot(d, i) = *slot(d, j);
        *slot(d, j) = t;
    }
    d->state++;
    return Mp_NewRef(Mp_None);
}

/* Rotates right by n (left when n < 0): item len-1 becomes item 0, n
   times.  Each step moves one pointer across the gap, or only head when
   the ring is full. */
static MpObject *
deque_rotate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("rotate", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    Deque *d = (Deque *)self;
    Mp_ssize_t n = 1;
    if (nargs == 1) {
        MpObject *i = MpNumber_Index(args[0]);
        if (i == NULL) {
            return NULL;
        }
        n = MpLong_AsSsize_t(i);  // "Python int too large to convert ..."
        Mp_DECREF(i);
        if (n == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (d->len <= 1) {
        return Mp_NewRef(Mp_None);
    }
    n %= d->len;
    if (n < 0) {
        n += d->len;  // C's % keeps the sign; rotate(-1) is rotate(len-1)
    }
    Mp_ssize_t mask = d->cap - 1;
    if (n > d->len / 2) {
        /* rotating left by len - n moves fewer pointers */
        for (Mp_ssize_t k = d->len - n; k > 0; k--) {
            Mp_ssize_t src = d->head, dst = (d->head + d->len) & mask;
            if (src != dst) {
                d->items[dst] = d->items[src];
                d->items[src] = NULL;
            }
            d->head = (d->head + 1) & mask;
        }
    }
    else {
        for (Mp_ssize_t k = n; k > 0; k--) {
            Mp_ssize_t src = (d->head + d->len - 1) & mask;
            Mp_ssize_t dst = (d->head - 1) & mask;
            if (src != dst) {
                d->items[dst] = d->items[src];
                d->items[src] = NULL;
            }
            d->head = dst;
        }
    }
    d->state++;
    return Mp_NewRef(Mp_None);
}

static MpObject *deque_iter(MpObject *self);

/* (type(d), () or ((), maxlen), the instance dict or None, iter(d)):
   what copy and pickle rebuild a deque from. */
static MpObject *
deque_reduce(MpObject *self, MpObject *unused)
{
    Deque *d = (Deque *)self;
    MpObject *state = NULL;
    MpObject *name = MpStr_FromString("__dict__");
    if (name == NULL) {
        return NULL;
    }
    int rc = MpObject_LookupAttr(self, name, &state);
    Mp_DECREF(name);
    if (rc < 0) {
        return NULL;
    }
    if (state == NULL ||
        (MpDict_Check(state) && MpDict_GET_SIZE(state) == 0)) {
        Mp_XDECREF(state);
        state = Mp_NewRef(Mp_None);
    }
    MpObject *args;
    if (d->maxlen < 0) {
        args = MpTuple_New(0);
    }
    else {
        MpObject *empty = MpTuple_New(0);
        MpObject *maxlen = MpLong_FromSsize_t(d->maxlen);
        args = (empty && maxlen) ? MpTuple_Pack(2, empty, maxlen) : NULL;
        Mp_XDECREF(empty);
        Mp_XDECREF(maxlen);
    }
    MpObject *it = args ? deque_iter(self) : NULL;
    MpObject *r = it ? MpTuple_Pack(4, (MpObject *)Mp_TYPE(self), args, state,
                                    it)
                     : NULL;
    Mp_XDECREF(args);
    Mp_XDECREF(it);
    Mp_DECREF(state);
    return r;
}

static MpObject *
deque_maxlen_get(MpObject *self, void *closure)
{
    Deque *d = (Deque *)self;
    if (d->maxlen < 0) {
        return Mp_NewRef(Mp_None);
    }
    return MpLong_FromSsize_t(d->maxlen);
}

static MpObject *deque_reversed(MpObject *self, MpObject *unused);
static MpObject *deque_concat(MpObject *self, MpObject *other);
static MpObject *deque_inplace_concat(MpObject *self, MpObject *other);
static MpObject *deque_repeat(MpObject *self, Mp_ssize_t n);
static MpObject *deque_inplace_repeat(MpObject *self, Mp_ssize_t n);

/* __mul__, __rmul__ and __imul__ as methods: the slot-wrapper table has no
   entries for the sequence slots, so they are spelled out here. */
static MpObject *
repeat_method(MpObject *self, MpObject *n, int inplace)
{
    Mp_ssize_t count = MpNumber_AsSsize_t(n, MpExc_OverflowError);
    if (count == -1 && MpErr_Occurred()) {
        return NULL;
    }
    return inplace ? deque_inplace_repeat(self, count)
                   : deque_repeat(self, count);
}

static MpObject *
deque_mul_method(MpObject *self, MpObject *n)
{
    return repeat_method(self, n, 0);
}

static MpObject *
deque_imul_method(MpObject *self, MpObject *n)
{
    return repeat_method(self, n, 1);
}

static MpMethodDef deque_methods[] = {
    {"__class_getitem__", (void *)MpGenericAlias_ClassGetItem,
     MP_METH_O | MP_METH_CLASS, "See PEP 585"},
    {"__add__", (void *)deque_concat, MP_METH_O, NULL},
    {"__iadd__", (void *)deque_inplace_concat, MP_METH_O, NULL},
    {"__mul__", (void *)deque_mul_method, MP_METH_O, NULL},
    {"__rmul__", (void *)deque_mul_method, MP_METH_O, NULL},
    {"__imul__", (void *)deque_imul_method, MP_METH_O, NULL},
    {"append", (void *)deque_append, MP_METH_O, NULL},
    {"appendleft", (void *)deque_appendleft, MP_METH_O, NULL},
    {"pop", (void *)deque_pop, MP_METH_NOARGS, NULL},
    {"popleft", (void *)deque_popleft, MP_METH_NOARGS, NULL},
    {"extend", (void *)deque_extend, MP_METH_O, NULL},
    {"extendleft", (void *)deque_extendleft, MP_METH_O, NULL},
    {"clear", (void *)deque_clear_method, MP_METH_NOARGS, NULL},
    {"copy", (void *)deque_copy, MP_METH_NOARGS, NULL},
    {"__copy__", (void *)deque_copy, MP_METH_NOARGS, NULL},
    {"count", (void *)deque_count, MP_METH_O, NULL},
    {"index", (void *)deque_index, MP_METH_FASTCALL, NULL},
    {"insert", (void *)deque_insert, MP_METH_FASTCALL, NULL},
    {"remove", (void *)deque_remove, MP_METH_O, NULL},
    {"reverse", (void *)deque_reverse, MP_METH_NOARGS, NULL},
    {"rotate", (void *)deque_rotate, MP_METH_FASTCALL, NULL},
    {"__reduce__", (void *)deque_reduce, MP_METH_NOARGS, NULL},
    {"__reversed__", (void *)deque_reversed, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef deque_getset[] = {
    {"maxlen", deque_maxlen_get, NULL,
     "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
/* }====== */

/* {====== The sequence protocol ====== */

static Mp_ssize_t
deque_length(MpObject *self)
{
    return ((Deque *)self)->len;
}

static MpObject *
deque_item(MpObject *self, Mp_ssize_t i)
{
    Deque *d = (Deque *)self;
    if (i < 0 || i >= d->len) {
        return MpErr_Format(MpExc_IndexError, "deque index out of range");
    }
    return Mp_NewRef(*slot(d, i));
}

/* d[i] = v, or del d[i] when v is NULL. */
static int
deque_ass_item(MpObject *self, Mp_ssize_t i, MpObject *v)
{
    Deque *d = (Deque *)self;
    if (i < 0 || i >= d->len) {
        MpErr_SetString(MpExc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL) {
        Mp_DECREF(deque_remove_at(d, i));
        return 0;
    }
    Mp_SETREF(slot(d, i), Mp_NewRef(v));
    return 0;
}

static int
deque_contains(MpObject *self, MpObject *x)
{
    Deque *d = (Deque *)self;
    Mp_ssize_t i = deque_find(d, x, 0, d->len);
    return i == -2 ? -1 : i >= 0;
}

static MpObject *
deque_concat(MpObject *self, MpObject *other)
{
    if (!deque_check(other)) {
        return MpErr_Format(MpExc_TypeError,
                            "can only concatenate deque (not \"%.200s\") "
                            "to deque", MpType_Name(Mp_TYPE(other)));
    }
    MpObject *r = deque_copy(self, NULL);
    if (r == NULL) {
        return NULL;
    }
    if (!deque_check(r)) {
        return r;
    }
    if (deque_extend_impl((Deque *)r, other, 0) < 0) {
        Mp_DECREF(r);
        return NULL;
    }
    return r;
}

static MpObject *
deque_inplace_concat(MpObject *self, MpObject *other)
{
    if (deque_extend_impl((Deque *)self, other, 0) < 0) {
        return NULL;
    }
    return Mp_NewRef(self);
}

/* d *= n: the original items pushed n - 1 more times.  With a maxlen
   only the last maxlen pushes can survive, so the earlier ones are
   skipped (that also bounds the work for a huge n). */
static MpObject *
deque_inplace_repeat(MpObject *self, Mp_ssize_t n)
{
    Deque *d = (Deque *)self;
    Mp_ssize_t len = d->len;
    if (n <= 0 || len == 0) {
        deque_clear(self);
        return Mp_NewRef(self);
    }
    if (n == 1) {
        return Mp_NewRef(self);
    }
    if (n - 1 > PTRDIFF_MAX / len) {
        if (d->maxlen < 0) {
            return MpErr_NoMemory();
        }
        n = d->maxlen / len + 2;  // more pushes than maxlen: same result
    }
    Mp_ssize_t pushes = (n - 1) * len;
    Mp_ssize_t skip = 0;
    if (d->maxlen >= 0 && pushes > d->maxlen) {
        skip = pushes - d->maxlen;
    }
    /* A snapshot of the original items: pushes drop items from the left. */
    MpObject *orig = MpList_New(0);
    for (Mp_ssize_t i = 0; orig != NULL && i < len; i++) {
        if (MpList_Append(orig, *slot(d, i)) < 0) {
            Mp_CLEAR(&orig);
        }
    }
    if (orig == NULL) {
        return NULL;
    }
    for (Mp_ssize_t p = skip; p < pushes; p++) {
        if (deque_push(d, Mp_NewRef(MpList_GET_ITEM(orig, p % len)), 0) < 0) {
            Mp_DECREF(orig);
            return NULL;
        }
    }
    Mp_DECREF(orig);
    return Mp_NewRef(self);
}

static MpObject *
deque_repeat(MpObject *self, Mp_ssize_t n)
{
    MpObject *r = deque_copy(self, NULL);
    if (r == NULL || !deque_check(r)) {
        return r;
    }
    MpObject *res = deque_inplace_repeat(r, n);
    Mp_DECREF(r);
    return res;
}

/* d[i] through the mapping slot as well, so that deque.__getitem__ and
   friends exist as methods (the slot-wrapper table maps only the mapping
   slots to __getitem__/__setitem__/__delitem__).  Integers only, with the
   message CPython's sequence fallback gives. */
static int
subscript_index(Deque *d, MpObject *key, Mp_ssize_t *out)
{
    if (!MpLong_Check(key) && Mp_TYPE(key)->tp_as_number == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "sequence index must be integer, not '%.200s'",
                     MpType_Name(Mp_TYPE(key)));
        return -1;
    }
    MpObject *i = MpNumber_Index(key);
    if (i == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_Format(MpExc_TypeError,
                         "sequence index must be integer, not '%.200s'",
                         MpType_Name(Mp_TYPE(key)));
        }
        return -1;
    }
    Mp_ssize_t v = MpNumber_AsSsize_t(i, MpExc_IndexError);
    Mp_DECREF(i);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < 0) {
        v += d->len;
    }
    *out = v;
    return 0;
}

static MpObject *
deque_subscript(MpObject *self, MpObject *key)
{
    Mp_ssize_t i;
    if (subscript_index((Deque *)self, key, &i) < 0) {
        return NULL;
    }
    return deque_item(self, i);
}

static int
deque_ass_subscript(MpObject *self, MpObject *key, MpObject *value)
{
    Mp_ssize_t i;
    if (subscript_index((Deque *)self, key, &i) < 0) {
        return -1;
    }
    return deque_ass_item(self, i, value);
}

static MpMappingMethods deque_as_mapping = {
    .mp_length = deque_length,
    .mp_subscript = deque_subscript,
    .mp_ass_subscript = deque_ass_subscript,
};

static MpSequenceMethods deque_as_sequence = {
    .sq_length = deque_length,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};
/* }====== */

/* {====== repr and comparison ====== */

static MpObject *
deque_repr(MpObject *self)
{
    Deque *d = (Deque *)self;
    int rc = MpRepr_Enter(self);
    if (rc != 0) {
        return rc > 0 ? MpStr_FromString("[...]") : NULL;
    }
    MpObject *list = MpList_New(0);
    for (Mp_ssize_t i = 0; list != NULL && i < d->len; i++) {
        if (MpList_Append(list, *slot(d, i)) < 0) {
            Mp_CLEAR(&list);
        }
    }
    MpObject *r = NULL;
    if (list != NULL) {
        const char *name = MpType_Name(Mp_TYPE(self));
        if (d->maxlen < 0) {
            r = MpStr_FromFormat("%s(%R)", name, list);
        }
        else {
            r = MpStr_FromFormat("%s(%R, maxlen=%zd)", name, list,
                                 d->maxlen);
        }
        Mp_DECREF(list);
    }
    MpRepr_Leave(self);
    return r;
}

/* Lexicographic, as for lists: the first unequal pair decides (compared
   again with op itself, as CPython does), else the lengths.  Each item is
   held while compared; a comparison that mutates either deque ends the
   walk with RuntimeError, as CPython's iterators would. */
static MpObject *
deque_richcompare(MpObject *v, MpObject *w, int op)
{
    if (!deque_check(v) || !deque_check(w)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    Deque *a = (Deque *)v, *b = (Deque *)w;
    if (op == Mp_EQ || op == Mp_NE) {
        if (v == w) {
            return MpBool_FromLong(op == Mp_EQ);
        }
        if (a->len != b->len) {
            return MpBool_FromLong(op == Mp_NE);
        }
    }
    size_t sa = a->state, sb = b->state;
    for (Mp_ssize_t i = 0;; i++) {
        if (a->state != sa || b->state != sb) {
            return MpErr_Format(MpExc_RuntimeError,
                                "deque mutated during iteration");
        }
        if (i >= a->len || i >= b->len) {
            break;
        }
        MpObject *x = Mp_NewRef(*slot(a, i)), *y = Mp_NewRef(*slot(b, i));
        int k = MpObject_RichCompareBool(x, y, Mp_EQ);
        if (k == 0) {
            MpObject *r = MpObject_RichCompare(x, y, op);
            Mp_DECREF(x);
            Mp_DECREF(y);
            return r;
        }
        Mp_DECREF(x);
        Mp_DECREF(y);
        if (k < 0) {
            return NULL;
        }
    }
    return MpRichCompare_FromCmp(a->len < b->len ? -1 : a->len > b->len,
                                 op);
}
/* }====== */

/* {====== Iterators ======
   An iterator holds the deque, the next index and the deque's state when
   it started: a mutation in between ends it with RuntimeError. */

typedef struct {
    MpObject_HEAD
    Deque *it_deque;     // NULL once exhausted
    Mp_ssize_t it_index;
    size_t it_state;
} DequeIter;

static MpObject *
make_iter(MpTypeObject *type, Deque *d, Mp_ssize_t index)
{
    DequeIter *it = (DequeIter *)MpObject_New(type);
    if (it == NULL) {
        return NULL;
    }
    it->it_deque = (Deque *)Mp_NewRef(d);
    it->it_index = index;
    it->it_state = d->state;
    MpObject_GC_Track(it);
    return (MpObject *)it;
}

static MpObject *
deque_iter(MpObject *self)
{
    return make_iter(&DequeIter_Type, (Deque *)self, 0);
}

static MpObject *
deque_reversed(MpObject *self, MpObject *unused)
{
    Deque *d = (Deque *)self;
    return make_iter(&DequeRevIter_Type, d, d->len - 1);
}

static MpObject *
dequeiter_next(MpObject *op)
{
    DequeIter *it = (DequeIter *)op;
    Deque *d = it->it_deque;
    if (d == NULL) {
        return NULL;
    }
    if (d->state != it->it_state) {
        /* raised again on every later call, as CPython does */
        return MpErr_Format(MpExc_RuntimeError,
                            "deque mutated during iteration");
    }
    Mp_ssize_t i = it->it_index;
    int forward = Mp_TYPE(op) == &DequeIter_Type;
    if (i < 0 || i >= d->len) {
        it->it_deque = NULL;
        Mp_DECREF(d);
        return NULL;
    }
    it->it_index += forward ? 1 : -1;
    return Mp_NewRef(*slot(d, i));
}

static void
dequeiter_dealloc(MpObject *op)
{
    MpObject_GC_UnTrack(op);
    Mp_XDECREF(((DequeIter *)op)->it_deque);
    MpObject_Free(op);
}

static int
dequeiter_traverse(MpObject *op, visitproc visit, void *arg)
{
    MpObject *d = (MpObject *)((DequeIter *)op)->it_deque;
    return d ? visit(d, arg) : 0;
}

static MpObject *
dequeiter_length_hint(MpObject *op, MpObject *unused)
{
    DequeIter *it = (DequeIter *)op;
    Mp_ssize_t n = 0;
    if (it->it_deque != NULL) {
        n = Mp_TYPE(op) == &DequeIter_Type ? it->it_deque->len - it->it_index
                                           : it->it_index + 1;
    }
    return MpLong_FromSsize_t(n < 0 ? 0 : n);
}

static MpMethodDef dequeiter_methods[] = {
    {"__length_hint__", (void *)dequeiter_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpTypeObject DequeIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};

static MpTypeObject DequeRevIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = dequeiter_dealloc,
    .tp_traverse = dequeiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = dequeiter_next,
    .tp_methods = dequeiter_methods,
};
/* }====== */

/* {====== The type and the module ====== */

static MpTypeObject Deque_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(Deque),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = deque_richcompare,
    .tp_iter = deque_iter,
    .tp_as_sequence = &deque_as_sequence,
    .tp_as_mapping = &deque_as_mapping,
    .tp_traverse = deque_traverse,
    .tp_clear = deque_clear,
    .tp_new = deque_new,
    .tp_init = deque_init,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_doc = "A list-like sequence optimized for data accesses near its "
              "endpoints.",
};

/* The _collections module: deque (collections re-exports it).
   Refs: NEW; NULL with an exception set. */
MpObject *
MpCollectionsModule_Create(void)
{
    if (MpType_Ready(&Deque_Type) < 0 || MpType_Ready(&DequeIter_Type) < 0 ||
        MpType_Ready(&DequeRevIter_Type) < 0) {
        return NULL;
    }
    MpObject *m = MpModule_New("_collections");
    if (m == NULL ||
        MpModule_AddObject(m, "deque", Mp_NewRef(&Deque_Type)) < 0 ||
        MpModule_AddObject(m, "_deque_iterator",
                           Mp_NewRef(&DequeIter_Type)) < 0 ||
        MpModule_AddObject(m, "_deque_reverse_iterator",
                           Mp_NewRef(&DequeRevIter_Type)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
