/* list.c — list, the growable array of references; and the recursive-repr
   guard every container shares.

   Layout: the header holds the item count (ob_size), a pointer to a
   separately allocated array and that array's capacity:

       MpListObject                    items (malloc'd)
       +-----------+                   +----+----+----+----+----+----+
       | ob_size 4 |                   | a  | b  | c  | d  | -- | -- |
       | items   ------------------->  +----+----+----+----+----+----+
       | allocated 6                   0 <= ob_size <= allocated
       +-----------+

   Growth (list_resize) is CPython 3.11's: when an append overflows, the
   new capacity is (n + n/8 + 6) rounded down to a multiple of 4, so the
   capacities of a list built by appends are 0, 4, 8, 16, 24, 32, 40, 52,
   64, 76, ...; extending an empty list by a sized iterable allocates the
   exact length rounded up to even.  The array shrinks when fewer than
   half the slots are used.  These rules make sys.getsizeof match CPython.

   Invariants: items[0:ob_size] are valid references; items is NULL
   exactly when allocated == 0, except while sort() runs, when the list is
   emptied and allocated is -1 (a mutation during the sort shows as a
   different value: "list modified during sort").

   Any call into Python code (a comparison, __eq__, a key function, a
   __del__ run by a DECREF) may mutate the list, so loops re-read ob_size
   and items after each such call, and an item is held with its own
   reference while it is being compared.

   sort() is a stable bottom-up merge sort (insertion sort on runs of 16,
   then merges of doubling width through a scratch array), not CPython's
   Timsort: same results, same stability, more comparisons on partly
   sorted data.

   CPython counterpart: Objects/listobject.c; the repr guard is
   Objects/object.c's Py_ReprEnter/Py_ReprLeave.
   Read first: list_resize, then list_ass_slice. */
#include "objects/list.h"
#include "obmalloc.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "strbuf.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/float.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/genericalias.h"

#define SSIZE_MAX_ PTRDIFF_MAX

typedef MpListObject List;

/* {====== The recursive repr guard ======
   The objects whose repr is being computed on this thread, innermost
   last.  A plain C array rather than CPython's list in the thread-state
   dict: it holds no references (each entry is alive while its repr runs)
   and so never involves the collector. */

static _Thread_local MpObject **repr_stack;
static _Thread_local Mp_ssize_t repr_depth, repr_cap;

int
MpRepr_Enter(MpObject *o)
{
    for (Mp_ssize_t i = 0; i < repr_depth; i++) {
        if (repr_stack[i] == o) {
            return 1;
        }
    }
    if (repr_depth == repr_cap) {
        Mp_ssize_t cap = repr_cap ? repr_cap * 2 : 16;
        MpObject **s = realloc(repr_stack, (size_t)cap * sizeof(*s));
        if (s == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        repr_stack = s;
        repr_cap = cap;
    }
    repr_stack[repr_depth++] = o;
    return 0;
}

void
MpRepr_Leave(MpObject *o)
{
    for (Mp_ssize_t i = repr_depth; --i >= 0;) {
        if (repr_stack[i] == o) {
            memmove(repr_stack + i, repr_stack + i + 1,
                    (size_t)(repr_depth - i - 1) * sizeof(*repr_stack));
            repr_depth--;
            return;
        }
    }
}

int
MpRepr_Append(void *strbuf, MpObject *o)
{
    MpObject *r = MpObject_Repr(o);
    if (r == NULL) {
        return -1;
    }
    Mp_ssize_t n;
    const char *s = MpStr_AsUTF8AndSize(r, &n);
    if (s == NULL) {
        Mp_DECREF(r);
        return -1;
    }
    MpStrBuf_Append(strbuf, s, (size_t)n);
    Mp_DECREF(r);
    return 0;
}

MpObject *
MpRepr_Finish(void *strbuf)
{
    MpStrBuf *b = strbuf;
    MpObject *r = NULL;
    if (b->failed) {
        MpErr_NoMemory();
    } else {
        r = MpStr_FromUTF8(b->data ? b->data : "", (Mp_ssize_t)b->len);
    }
    MpStrBuf_Clear(b);
    return r;
}
/* }====== */

/* {====== Storage ====== */

/* Makes room for newsize items and sets ob_size = newsize; the slots
   beyond the old size are left for the caller to fill.  Returns 0 or -1
   (MemoryError; the list is unchanged). */
static int
list_resize(List *self, Mp_ssize_t newsize)
{
    Mp_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        self->ob_base.ob_size = newsize;
        return 0;
    }
    /* CPython 3.11's over-allocation: ~1/8 extra plus 6, a multiple of 4;
       no over-allocation when the new size is closer to that than to the
       old size (one big extend). */
    size_t new_allocated = ((size_t)newsize + (newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - Mp_SIZE(self) > (Mp_ssize_t)(new_allocated - newsize)) {
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    }
    if (newsize == 0) {
        new_allocated = 0;
    }
    if (new_allocated > (size_t)SSIZE_MAX_ / sizeof(MpObject *)) {
        MpErr_NoMemory();
        return -1;
    }
    MpObject **items = MpMem_Realloc(self->items,
                               new_allocated * sizeof(MpObject *));
    if (items == NULL && new_allocated > 0) {
        MpErr_NoMemory();
        return -1;
    }
    self->items = new_allocated ? items : NULL;
    if (new_allocated == 0) {
        MpMem_Free(items);
    }
    self->ob_base.ob_size = newsize;
    self->allocated = (Mp_ssize_t)new_allocated;
    return 0;
}

/* For an empty list about to receive size items: exactly that many
   slots, rounded up to even (the allocator's granularity is 16 bytes),
   as 3.11's list_preallocate_exact. */
static int
list_preallocate_exact(List *self, Mp_ssize_t size)
{
    if (size > SSIZE_MAX_ / (Mp_ssize_t)sizeof(MpObject *) - 1) {
        MpErr_NoMemory();  // a __length_hint__ of 2**62 is a MemoryError
        return -1;
    }
    size = (size + 1) & ~(Mp_ssize_t)1;
    MpObject **items = MpMem_Malloc((size_t)size * sizeof(MpObject *));
    if (items == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    MpMem_Free(self->items);
    self->items = items;
    self->allocated = size;
    return 0;
}

MpObject *
MpList_New(Mp_ssize_t n)
{
    if (n < 0) {
        return MpErr_BadInternalCall("MpList_New: negative size");
    }
    List *l = (List *)MpObject_New(&MpList_Type);
    if (l == NULL) {
        return NULL;
    }
    if (n > 0) {
        l->items = MpMem_Calloc((size_t)n, sizeof(MpObject *));
        if (l->items == NULL) {
            Mp_DECREF(l);
            return MpErr_NoMemory();
        }
    }
    l->ob_base.ob_size = n;
    l->allocated = n;
    MpObject_GC_Track(l);
    return (MpObject *)l;
}

static int
list_clear(MpObject *op)
{
    List *self = (List *)op;
    MpObject **items = self->items;
    if (items == NULL) {
        return 0;
    }
    /* Empty the list first: a __del__ run by the releases below sees an
       empty list, not dangling slots. */
    Mp_ssize_t n = Mp_SIZE(self);
    self->items = NULL;
    self->ob_base.ob_size = 0;
    self->allocated = 0;
    while (--n >= 0) {
        Mp_XDECREF(items[n]);
    }
    MpMem_Free(items);
    return 0;
}

static void
list_dealloc(MpObject *op)
{
    MpObject_GC_UnTrack(op);
    /* TRASHCAN: releasing a list of a million nested lists recurses once
       per level through here; the lead's trashcan (deferred deallocation
       past a depth limit) wraps this body. */
    List *self = (List *)op;
    if (self->items != NULL) {
        for (Mp_ssize_t i = Mp_SIZE(self); --i >= 0;) {
            Mp_XDECREF(self->items[i]);
        }
        MpMem_Free(self->items);
    }
    MpObject_Free(op);
}

static int
list_traverse(MpObject *op, visitproc visit, void *arg)
{
    List *self = (List *)op;
    for (Mp_ssize_t i = Mp_SIZE(self); --i >= 0;) {
        if (self->items[i] != NULL) {
            int rc = visit(self->items[i], arg);
            if (rc) {
                return rc;
            }
        }
    }
    return 0;
}

static MpObject *
list_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    List *l = (List *)MpObject_New(type);
    if (l == NULL) {
        return NULL;
    }
    MpObject_GC_Track(l);
    return (MpObject *)l;
}

/* list.__init__(iterable=(), /): empties the list, then extends it. */
static int
list_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0 &&
        Mp_TYPE(self) == &MpList_Type) {
        MpErr_SetString(MpExc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        MpErr_Format(MpExc_TypeError,
                     "list expected at most 1 argument, got %zd", n);
        return -1;
    }
    list_clear(self);
    if (n == 1) {
        return MpList_Extend(self, MpTuple_GET_ITEM(args, 0));
    }
    return 0;
}
/* }====== */

/* {====== Basic operations ====== */

MpObject *
MpList_FromUTF8Strings(const char *const *items, int n)
{
    MpObject *list = MpList_New(n);
    for (int i = 0; list != NULL && i < n; i++) {
        MpObject *s = MpStr_FromString(items[i]);
        if (s == NULL) {
            Mp_CLEAR(&list);  // the NULL slots left are skipped
            break;
        }
        MpList_SET_ITEM(list, i, s);
    }
    return list;
}

int
MpList_Append(MpObject *op, MpObject *v)
{
    List *self = (List *)op;
    Mp_ssize_t n = Mp_SIZE(self);
    if (n < self->allocated) {
        self->items[n] = Mp_NewRef(v);
        self->ob_base.ob_size = n + 1;
        return 0;
    }
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    self->items[n] = Mp_NewRef(v);
    return 0;
}

int
MpList_Insert(MpObject *op, Mp_ssize_t where, MpObject *v)
{
    List *self = (List *)op;
    Mp_ssize_t n = Mp_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        return -1;
    }
    where = MpSlice_InsertPosition(where, n);
    memmove(self->items + where + 1, self->items + where,
            (size_t)(n - where) * sizeof(MpObject *));
    self->items[where] = Mp_NewRef(v);
    return 0;
}

/* How many items iterating o will probably give: len(o) when it has one,
   else o.__length_hint__(), else dflt (PyObject_LengthHint).  -1 on
   error. */
static Mp_ssize_t
length_hint(MpObject *o, Mp_ssize_t dflt)
{
    MpTypeObject *t = Mp_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        Mp_ssize_t n = MpObject_Length(o);
        if (n >= 0) {
            return n;
        }
        if (!MpErr_ExceptionMatches(MpExc_TypeError)) {
            return -1;
        }
        MpErr_Clear();
    }
    static MpStrIdentifier id_hint = MP_STR_IDENTIFIER("__length_hint__");
    MpObject *name = MpStr_FromIdentifier(&id_hint);
    if (name == NULL) {
        return -1;
    }
    MpObject *hint = MpType_Lookup(t, name);
    if (hint == NULL) {
        return dflt;
    }
    MpObject *r = MpObject_Vectorcall(hint, &o, 1, NULL);
    if (r == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            return dflt;
        }
        return -1;
    }
    if (r == Mp_NotImplemented) {
        Mp_DECREF(r);
        return dflt;
    }
    if (!MpLong_Check(r)) {
        MpErr_Format(MpExc_TypeError,
                     "__length_hint__ must be an integer, not %.100s",
                     Mp_TYPE(r)->tp_name);
        Mp_DECREF(r);
        return -1;
    }
    Mp_ssize_t n = MpLong_AsSsize_t(r);
    Mp_DECREF(r);
    if (n == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (n < 0) {
        MpErr_SetString(MpExc_ValueError, "__length_hint__() should return "
                                          ">= 0");
        return -1;
    }
    return n;
}

int
MpList_Extend(MpObject *op, MpObject *iterable)
{
    List *self = (List *)op;
    if (MpList_Check(iterable) || MpTuple_Check(iterable) ||
        iterable == op) {
        /* The source's items are known: copy them in one go.  (For
           l.extend(l) the size is read before the resize.) */
        Mp_ssize_t n = Mp_SIZE(iterable);
        if (n == 0) {
            return 0;
        }
        Mp_ssize_t m = Mp_SIZE(self);
        if (self->items == NULL) {
            if (list_preallocate_exact(self, n) < 0) {
                return -1;
            }
            self->ob_base.ob_size = n;
        } else if (list_resize(self, m + n) < 0) {
            return -1;
        }
        MpObject **src = MpList_Check(iterable)
                             ? ((List *)iterable)->items
                             : ((MpTupleObject *)iterable)->items;
        for (Mp_ssize_t i = 0; i < n; i++) {
            self->items[m + i] = Mp_NewRef(src[i]);
        }
        return 0;
    }
    MpObject *it = MpObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    Mp_ssize_t n = length_hint(iterable, 8);
    if (n < 0) {
        Mp_DECREF(it);
        return -1;
    }
    Mp_ssize_t m = Mp_SIZE(self);
    if (n > 0 && m <= SSIZE_MAX_ - n) {  // as CPython: m + n fits
        if (self->items == NULL) {
            if (list_preallocate_exact(self, n) < 0) {
                Mp_DECREF(it);
                return -1;
            }
        } else if (list_resize(self, m + n) < 0) {
            Mp_DECREF(it);
            return -1;
        }
        self->ob_base.ob_size = m;  // the slots beyond are spare capacity
    }
    MpObject *x;
    while ((x = MpIter_Next(it)) != NULL) {
        Mp_ssize_t size = Mp_SIZE(self);
        if (size < self->allocated) {
            self->items[size] = x;  // the reference MpIter_Next gave
            self->ob_base.ob_size = size + 1;
        } else {
            int rc = MpList_Append(op, x);
            Mp_DECREF(x);
            if (rc < 0) {
                Mp_DECREF(it);
                return -1;
            }
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        return -1;
    }
    /* Give back what the hint over-estimated. */
    if (Mp_SIZE(self) < self->allocated) {
        if (list_resize(self, Mp_SIZE(self)) < 0) {
            return -1;
        }
    }
    return 0;
}

MpObject *
MpList_AsTuple(MpObject *op)
{
    return MpTuple_FromArray(((List *)op)->items, Mp_SIZE(op));
}

MpObject *
MpList_GetSlice(MpObject *op, Mp_ssize_t lo, Mp_ssize_t hi)
{
    Mp_ssize_t n = Mp_SIZE(op);
    lo = lo < 0 ? 0 : (lo > n ? n : lo);
    hi = hi < lo ? lo : (hi > n ? n : hi);
    List *r = (List *)MpList_New(0);
    if (r == NULL) {
        return NULL;
    }
    if (hi > lo) {
        if (list_preallocate_exact(r, hi - lo) < 0) {
            Mp_DECREF(r);
            return NULL;
        }
        for (Mp_ssize_t i = lo; i < hi; i++) {
            r->items[i - lo] = Mp_NewRef(((List *)op)->items[i]);
        }
        r->ob_base.ob_size = hi - lo;
    }
    return (MpObject *)r;
}

int
MpList_Reverse(MpObject *op)
{
    List *self = (List *)op;
    MpObject **lo = self->items, **hi = self->items + Mp_SIZE(self) - 1;
    while (lo < hi) {
        MpObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
    return 0;
}

/* v as a list or tuple (PySequence_Fast): a NEW reference to v itself,
   or to a new list of its items; TypeError with msg when v is not
   iterable. */
static MpObject *
seq_fast(MpObject *v, const char *msg)
{
    if (MpList_Check(v) || MpTuple_Check(v)) {
        return Mp_NewRef(v);
    }
    MpObject *it = MpObject_GetIter(v);
    if (it == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_SetString(MpExc_TypeError, msg);
        }
        return NULL;
    }
    MpObject *l = MpList_New(0);
    if (l == NULL || MpList_Extend(l, it) < 0) {
        Mp_XDECREF(l);
        Mp_DECREF(it);
        return NULL;
    }
    Mp_DECREF(it);
    return l;
}

static MpObject **
seq_items(MpObject *v)
{
    return MpList_Check(v) ? ((List *)v)->items
                           : ((MpTupleObject *)v)->items;
}

/* a[ilow:ihigh] = v, with v NULL meaning deletion.  The replaced items
   are released only after the list is consistent again, since a release
   may run __del__, which may look at the list. */
static int
list_ass_slice(List *a, Mp_ssize_t ilow, Mp_ssize_t ihigh, MpObject *v)
{
    MpObject *seq = NULL;
    MpObject **vitems = NULL;
    Mp_ssize_t n = 0;
    if (v != NULL) {
        if (v == (MpObject *)a) {
            /* a[i:j] = a: take a copy first. */
            seq = MpList_GetSlice(v, 0, Mp_SIZE(a));
        } else {
            seq = seq_fast(v, "can only assign an iterable");
        }
        if (seq == NULL) {
            return -1;
        }
        n = Mp_SIZE(seq);
        vitems = seq_items(seq);
    }
    Mp_ssize_t size = Mp_SIZE(a);
    ilow = ilow < 0 ? 0 : (ilow > size ? size : ilow);
    ihigh = ihigh < ilow ? ilow : (ihigh > size ? size : ihigh);
    Mp_ssize_t norig = ihigh - ilow;
    Mp_ssize_t d = n - norig;
    if (size + d == 0) {
        Mp_XDECREF(seq);
        return list_clear((MpObject *)a);
    }
    MpObject **recycle = NULL;
    if (norig > 0) {
        recycle = malloc((size_t)norig * sizeof(MpObject *));
        if (recycle == NULL) {
            Mp_XDECREF(seq);
            MpErr_NoMemory();
            return -1;
        }
        memcpy(recycle, a->items + ilow, (size_t)norig * sizeof(MpObject *));
    }
    if (d < 0) {
        memmove(a->items + ihigh + d, a->items + ihigh,
                (size_t)(size - ihigh) * sizeof(MpObject *));
        list_resize(a, size + d);  // shrinking cannot fail for good
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) {
            free(recycle);
            Mp_XDECREF(seq);
            return -1;
        }
        memmove(a->items + ihigh + d, a->items + ihigh,
                (size_t)(size - ihigh) * sizeof(MpObject *));
    }
    for (Mp_ssize_t k = 0; k < n; k++) {
        a->items[ilow + k] = Mp_NewRef(vitems[k]);
    }
    for (Mp_ssize_t k = norig; --k >= 0;) {
        Mp_XDECREF(recycle[k]);
    }
    free(recycle);
    Mp_XDECREF(seq);
    return 0;
}

int
MpList_SetSlice(MpObject *op, Mp_ssize_t lo, Mp_ssize_t hi, MpObject *v)
{
    return list_ass_slice((List *)op, lo, hi, v);
}
/* }====== */

/* {====== Sequence and mapping slots ====== */

static Mp_ssize_t
list_length(MpObject *op)
{
    return Mp_SIZE(op);
}

static MpObject *
list_item(MpObject *op, Mp_ssize_t i)
{
    if ((size_t)i >= (size_t)Mp_SIZE(op)) {
        MpErr_SetString(MpExc_IndexError, "list index out of range");
        return NULL;
    }
    return Mp_NewRef(((List *)op)->items[i]);
}

static int
list_ass_item(MpObject *op, Mp_ssize_t i, MpObject *v)
{
    List *self = (List *)op;
    if ((size_t)i >= (size_t)Mp_SIZE(op)) {
        MpErr_SetString(MpExc_IndexError,
                        "list assignment index out of range");
        return -1;
    }
    if (v == NULL) {
        return list_ass_slice(self, i, i + 1, NULL);
    }
    Mp_SETREF(&self->items[i], Mp_NewRef(v));
    return 0;
}

static int
list_contains(MpObject *op, MpObject *v)
{
    List *self = (List *)op;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        MpObject *x = Mp_NewRef(self->items[i]);
        int k = MpObject_RichCompareBool(x, v, Mp_EQ);
        Mp_DECREF(x);
        if (k != 0) {
            return k;
        }
    }
    return 0;
}

static MpObject *
list_concat(MpObject *a, MpObject *b)
{
    if (!MpList_Check(b)) {
        return MpErr_Format(MpExc_TypeError,
                            "can only concatenate list (not \"%.200s\") to "
                            "list",
                            Mp_TYPE(b)->tp_name);
    }
    Mp_ssize_t na = Mp_SIZE(a), nb = Mp_SIZE(b);
    List *r = (List *)MpList_New(na + nb);
    if (r == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < na; i++) {
        r->items[i] = Mp_NewRef(((List *)a)->items[i]);
    }
    for (Mp_ssize_t i = 0; i < nb; i++) {
        r->items[na + i] = Mp_NewRef(((List *)b)->items[i]);
    }
    return (MpObject *)r;
}

static MpObject *
list_repeat(MpObject *a, Mp_ssize_t n)
{
    Mp_ssize_t len = Mp_SIZE(a);
    if (n < 0) {
        n = 0;
    }
    if (len && n > SSIZE_MAX_ / (Mp_ssize_t)sizeof(MpObject *) / len) {
        return MpErr_NoMemory();
    }
    List *r = (List *)MpList_New(len * n);
    if (r == NULL) {
        return NULL;
    }
    MpObject **dst = r->items;
    for (Mp_ssize_t k = 0; k < n; k++) {
        for (Mp_ssize_t i = 0; i < len; i++) {
            *dst++ = Mp_NewRef(((List *)a)->items[i]);
        }
    }
    return (MpObject *)r;
}

static MpObject *
list_inplace_concat(MpObject *self, MpObject *other)
{
    if (MpList_Extend(self, other) < 0) {
        return NULL;
    }
    return Mp_NewRef(self);
}

static MpObject *
list_inplace_repeat(MpObject *op, Mp_ssize_t n)
{
    List *self = (List *)op;
    Mp_ssize_t len = Mp_SIZE(self);
    if (len == 0 || n == 1) {
        return Mp_NewRef(op);
    }
    if (n < 1) {
        list_clear(op);
        return Mp_NewRef(op);
    }
    if (len > SSIZE_MAX_ / (Mp_ssize_t)sizeof(MpObject *) / n) {
        return MpErr_NoMemory();
    }
    if (list_resize(self, len * n) < 0) {
        return NULL;
    }
    for (Mp_ssize_t k = 1; k < n; k++) {
        for (Mp_ssize_t i = 0; i < len; i++) {
            self->items[k * len + i] = Mp_NewRef(self->items[i]);
        }
    }
    return Mp_NewRef(op);
}

static MpObject *
list_subscript(MpObject *op, MpObject *key)
{
    List *self = (List *)op;
    Mp_ssize_t i;
    int k = MpSeq_IndexFromKey(key, &i);
    if (k < 0) {
        return NULL;
    }
    if (k) {
        if (i < 0) {
            i += Mp_SIZE(self);
        }
        return list_item(op, i);
    }
    if (MpSlice_Check(key)) {
        Mp_ssize_t start, stop, step;
        if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(self), &start, &stop,
                                             step);
        if (step == 1) {
            return MpList_GetSlice(op, start, stop);
        }
        List *r = (List *)MpList_New(n);
        if (r == NULL) {
            return NULL;
        }
        for (Mp_ssize_t j = 0, cur = start; j < n; j++, cur += step) {
            r->items[j] = Mp_NewRef(self->items[cur]);
        }
        return (MpObject *)r;
    }
    return MpErr_Format(MpExc_TypeError,
                        "list indices must be integers or slices, not %.200s",
                        Mp_TYPE(key)->tp_name);
}

/* del self[start:stop:step] for step != 1: the survivors are compacted in
   place, the removed items released afterwards. */
static int
list_del_extended(List *self, Mp_ssize_t start, Mp_ssize_t step,
                  Mp_ssize_t n)
{
    if (step < 0) {  // the same items, walked forwards
        start = start + step * (n - 1);
        step = -step;
    }
    MpObject **garbage = malloc((size_t)n * sizeof(MpObject *));
    if (garbage == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    Mp_ssize_t size = Mp_SIZE(self), dst = start, g = 0;
    for (Mp_ssize_t src = start; src < size; src++) {
        if (g < n && src == start + g * step) {
            garbage[g++] = self->items[src];
        } else {
            self->items[dst++] = self->items[src];
        }
    }
    list_resize(self, size - n);
    for (Mp_ssize_t k = 0; k < n; k++) {
        Mp_DECREF(garbage[k]);
    }
    free(garbage);
    return 0;
}

static int
list_ass_subscript(MpObject *op, MpObject *key, MpObject *value)
{
    List *self = (List *)op;
    Mp_ssize_t i;
    int k = MpSeq_IndexFromKey(key, &i);
    if (k < 0) {
        return -1;
    }
    if (k) {
        if (i < 0) {
            i += Mp_SIZE(self);
        }
        return list_ass_item(op, i, value);
    }
    if (!MpSlice_Check(key)) {
        MpErr_Format(MpExc_TypeError,
                     "list indices must be integers or slices, not %.200s",
                     Mp_TYPE(key)->tp_name);
        return -1;
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    if (step == 1) {
        MpSlice_AdjustIndices(Mp_SIZE(self), &start, &stop, step);
        return list_ass_slice(self, start, stop, value);
    }
    if (value == NULL) {
        Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(self), &start, &stop,
                                             step);
        return n > 0 ? list_del_extended(self, start, step, n) : 0;
    }
    MpObject *seq = value == op ? MpList_GetSlice(op, 0, Mp_SIZE(op))
                                : seq_fast(value, "must assign iterable to "
                                                  "extended slice");
    if (seq == NULL) {
        return -1;
    }
    /* The length is read after the conversion, which may run Python code
       that changes the list. */
    Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(self), &start, &stop, step);
    if (Mp_SIZE(seq) != n) {
        MpErr_Format(MpExc_ValueError,
                     "attempt to assign sequence of size %zd to extended "
                     "slice of size %zd",
                     Mp_SIZE(seq), n);
        Mp_DECREF(seq);
        return -1;
    }
    if (n == 0) {
        Mp_DECREF(seq);
        return 0;
    }
    MpObject **garbage = malloc((size_t)n * sizeof(MpObject *));
    if (garbage == NULL) {
        Mp_DECREF(seq);
        MpErr_NoMemory();
        return -1;
    }
    MpObject **src = seq_items(seq);
    for (Mp_ssize_t j = 0, cur = start; j < n; j++, cur += step) {
        garbage[j] = self->items[cur];
        self->items[cur] = Mp_NewRef(src[j]);
    }
    for (Mp_ssize_t j = 0; j < n; j++) {
        Mp_DECREF(garbage[j]);
    }
    free(garbage);
    Mp_DECREF(seq);
    return 0;
}
/* }====== */

/* {====== repr and comparison ====== */

static MpObject *
list_repr(MpObject *op)
{
    List *self = (List *)op;
    if (Mp_SIZE(self) == 0) {
        return MpStr_FromString("[]");
    }
    int rc = MpRepr_Enter(op);
    if (rc != 0) {
        return rc > 0 ? MpStr_FromString("[...]") : NULL;
    }
    MpStrBuf b = {0};
    MpStrBuf_Putc(&b, '[');
    /* The size is re-read each time: an item's repr may shrink the list. */
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        if (i > 0) {
            MpStrBuf_Puts(&b, ", ");
        }
        MpObject *x = Mp_NewRef(self->items[i]);
        int err = MpRepr_Append(&b, x);
        Mp_DECREF(x);
        if (err < 0) {
            MpRepr_Leave(op);
            MpStrBuf_Clear(&b);
            return NULL;
        }
    }
    MpStrBuf_Putc(&b, ']');
    MpRepr_Leave(op);
    return MpRepr_Finish(&b);
}

static MpObject *
list_richcompare(MpObject *v, MpObject *w, int op)
{
    if (!MpList_Check(v) || !MpList_Check(w)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    List *vl = (List *)v, *wl = (List *)w;
    if (Mp_SIZE(vl) != Mp_SIZE(wl) && (op == Mp_EQ || op == Mp_NE)) {
        return MpBool_FromLong(op == Mp_NE);
    }
    Mp_ssize_t i;
    for (i = 0; i < Mp_SIZE(vl) && i < Mp_SIZE(wl); i++) {
        MpObject *a = vl->items[i], *b = wl->items[i];
        if (a == b) {
            continue;
        }
        Mp_INCREF(a);
        Mp_INCREF(b);
        int k = MpObject_RichCompareBool(a, b, Mp_EQ);
        Mp_DECREF(a);
        Mp_DECREF(b);
        if (k < 0) {
            return NULL;
        }
        if (!k) {
            break;
        }
    }
    Mp_ssize_t nv = Mp_SIZE(vl), nw = Mp_SIZE(wl);
    if (i >= nv || i >= nw) {
        int r;
        switch (op) {
        case Mp_LT: r = nv < nw; break;
        case Mp_LE: r = nv <= nw; break;
        case Mp_EQ: r = nv == nw; break;
        case Mp_NE: r = nv != nw; break;
        case Mp_GT: r = nv > nw; break;
        default: r = nv >= nw; break;
        }
        return MpBool_FromLong(r);
    }
    if (op == Mp_EQ) {
        return Mp_NewRef(Mp_False);
    }
    if (op == Mp_NE) {
        return Mp_NewRef(Mp_True);
    }
    MpObject *a = Mp_NewRef(vl->items[i]), *b = Mp_NewRef(wl->items[i]);
    MpObject *r = MpObject_RichCompare(a, b, op);
    Mp_DECREF(a);
    Mp_DECREF(b);
    return r;
}
/* }====== */

/* {====== Sorting ======
   A stable merge sort over (key, value) slots.  A failed comparison sets
   `failed` and every later comparison answers "not less" without calling
   anything, so the sort finishes quickly and the array stays a
   permutation of the input (no item is lost or duplicated). */

typedef struct {
    MpObject *key;
    MpObject *value;
} SortSlot;

typedef struct {
    int reverse;
    int failed;
    /* Every key an exact int that fits a machine word, or every key an
       exact float: the comparisons cannot run Python code or fail, and
       are made inline (CPython's unsafe_long_compare and friends). */
    enum { KEYS_ANY, KEYS_SMALL_INT, KEYS_FLOAT } keys;
} SortCtx;

/* Which comparison serves every key of the n slots. */
static int
sort_key_kind(const SortSlot *slots, Mp_ssize_t n)
{
    int64_t v;
    Mp_ssize_t i = 0;
    while (i < n && MpLong_AsSmall(slots[i].key, &v)) {
        i++;
    }
    if (i == n) {
        return KEYS_SMALL_INT;
    }
    for (i = 0; i < n && MpFloat_CheckExact(slots[i].key); i++) {
    }
    return i == n ? KEYS_FLOAT : KEYS_ANY;
}

static int
sort_lt(SortCtx *ctx, const SortSlot *x, const SortSlot *y)
{
    const SortSlot *a = ctx->reverse ? y : x, *b = ctx->reverse ? x : y;
    if (ctx->keys == KEYS_SMALL_INT) {
        return ((MpLongObject *)a->key)->u.small <
               ((MpLongObject *)b->key)->u.small;
    }
    if (ctx->keys == KEYS_FLOAT) {
        return MpFloat_AS_DOUBLE(a->key) < MpFloat_AS_DOUBLE(b->key);
    }
    if (ctx->failed) {
        return 0;
    }
    /* reverse=True sorts by "greater than" with the same stability as
       CPython's reverse-sort-reverse: equal items keep their order. */
    int k = ctx->reverse ? MpObject_RichCompareBool(y->key, x->key, Mp_LT)
                         : MpObject_RichCompareBool(x->key, y->key, Mp_LT);
    if (k < 0) {
        ctx->failed = 1;
        return 0;
    }
    return k;
}

#define SORT_RUN 16  // insertion-sorted run length before merging

static void
merge_sort(SortCtx *ctx, SortSlot *a, SortSlot *tmp, Mp_ssize_t n)
{
    for (Mp_ssize_t lo = 0; lo < n; lo += SORT_RUN) {
        Mp_ssize_t hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;
        for (Mp_ssize_t i = lo + 1; i < hi; i++) {
            SortSlot x = a[i];
            Mp_ssize_t j = i;
            while (j > lo && sort_lt(ctx, &x, &a[j - 1])) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }
    for (Mp_ssize_t width = SORT_RUN; width < n; width *= 2) {
        for (Mp_ssize_t lo = 0; lo + width < n; lo += 2 * width) {
            Mp_ssize_t mid = lo + width;
            Mp_ssize_t hi = mid + width < n ? mid + width : n;
            Mp_ssize_t i = lo, j = mid, k = 0;
            /* Take from the right only when strictly less: stability. */
            while (i < mid && j < hi) {
                if (sort_lt(ctx, &a[j], &a[i])) {
                    tmp[k++] = a[j++];
                } else {
                    tmp[k++] = a[i++];
                }
            }
            while (i < mid) {
                tmp[k++] = a[i++];
            }
            while (j < hi) {
                tmp[k++] = a[j++];
            }
            memcpy(a + lo, tmp, (size_t)k * sizeof(SortSlot));
        }
    }
}

static int
list_sort_impl(List *self, MpObject *keyfunc, int reverse)
{
    /* Empty the list while sorting, so that a key function or __lt__ that
       mutates it changes an empty list, which we can detect. */
    Mp_ssize_t n = Mp_SIZE(self);
    MpObject **items = self->items;
    Mp_ssize_t allocated = self->allocated;
    self->ob_base.ob_size = 0;
    self->items = NULL;
    self->allocated = -1;

    int result = -1;
    SortSlot *slots = NULL, *tmp = NULL;
    Mp_ssize_t nkeys = 0;
    if (n > 1 || keyfunc != NULL) {
        slots = malloc((size_t)(n ? n : 1) * sizeof(SortSlot));
        tmp = malloc((size_t)(n ? n : 1) * sizeof(SortSlot));
        if (slots == NULL || tmp == NULL) {
            MpErr_NoMemory();
            goto restore;
        }
    }
    for (Mp_ssize_t i = 0; slots != NULL && i < n; i++) {
        slots[i].value = items[i];
        if (keyfunc == NULL) {
            slots[i].key = items[i];
            continue;
        }
        slots[i].key = MpObject_CallOneArg(keyfunc, items[i]);
        if (slots[i].key == NULL) {
            goto restore;
        }
        nkeys++;
    }
    if (n > 1) {
        SortCtx ctx = {reverse, 0, sort_key_kind(slots, n)};
        merge_sort(&ctx, slots, tmp, n);
        for (Mp_ssize_t i = 0; i < n; i++) {
            items[i] = slots[i].value;
        }
        if (ctx.failed) {
            goto restore;
        }
    }
    result = 0;
restore:
    for (Mp_ssize_t i = 0; i < nkeys; i++) {
        Mp_DECREF(slots[i].key);
    }
    free(slots);
    free(tmp);
    MpObject **final_items = self->items;
    Mp_ssize_t final_size = Mp_SIZE(self);
    int modified = self->allocated != -1;
    self->items = items;
    self->ob_base.ob_size = n;
    self->allocated = allocated;
    if (modified && result == 0) {
        MpErr_SetString(MpExc_ValueError, "list modified during sort");
        result = -1;
    }
    if (final_items != NULL) {
        while (--final_size >= 0) {
            Mp_XDECREF(final_items[final_size]);
        }
        MpMem_Free(final_items);
    }
    return result;
}

int
MpList_Sort(MpObject *op)
{
    return list_sort_impl((List *)op, NULL, 0);
}

static MpObject *
list_sort(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
          MpObject *kwnames)
{
    static const char *const kw[] = {"key", "reverse", NULL};
    static const MpArgSpec spec = {"sort", kw, 0, 0};
    MpObject *out[2] = {NULL, NULL};
    if (nargs > 2) {  // CPython counts them against the keywords first
        return MpErr_Format(MpExc_TypeError,
                            "sort() takes at most 2 arguments (%zd given)",
                            nargs);
    }
    if (nargs > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "sort() takes no positional arguments");
    }
    if (MpArg_Unpack(&spec, args, nargs, kwnames, out) < 0) {
        return NULL;
    }
    MpObject *key = out[0] == Mp_None ? NULL : out[0];
    int reverse = 0;
    if (out[1] != NULL) {
        Mp_ssize_t r = MpNumber_AsSsize_t(out[1], NULL);
        if (r == -1 && MpErr_Occurred()) {
            return NULL;
        }
        reverse = r != 0;
    }
    if (list_sort_impl((List *)self, key, reverse) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
list_append(MpObject *self, MpObject *v)
{
    if (MpList_Append(self, v) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
list_extend(MpObject *self, MpObject *iterable)
{
    if (MpList_Extend(self, iterable) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
list_insert(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("insert", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    Mp_ssize_t i = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (i == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (MpList_Insert(self, i, args[1]) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
list_pop(MpObject *op, MpObject *const *args, Mp_ssize_t nargs)
{
    List *self = (List *)op;
    if (MpArg_CheckPositional("pop", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    Mp_ssize_t i = -1;
    if (nargs == 1) {
        i = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    Mp_ssize_t n = Mp_SIZE(self);
    if (n == 0) {
        MpErr_SetString(MpExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if ((size_t)i >= (size_t)n) {
        MpErr_SetString(MpExc_IndexError, "pop index out of range");
        return NULL;
    }
    MpObject *v = self->items[i];  // the list's reference becomes ours
    memmove(self->items + i, self->items + i + 1,
            (size_t)(n - i - 1) * sizeof(MpObject *));
    if (list_resize(self, n - 1) < 0) {
        /* Cannot happen when shrinking; keep the list consistent anyway. */
        self->ob_base.ob_size = n - 1;
        MpErr_Clear();
    }
    return v;
}

static MpObject *
list_remove(MpObject *op, MpObject *v)
{
    List *self = (List *)op;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        MpObject *x = Mp_NewRef(self->items[i]);
        int k = MpObject_RichCompareBool(x, v, Mp_EQ);
        Mp_DECREF(x);
        if (k < 0) {
            return NULL;
        }
        if (k) {
            if (list_ass_slice(self, i, i + 1, NULL) < 0) {
                return NULL;
            }
            return Mp_NewRef(Mp_None);
        }
    }
    MpErr_SetString(MpExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static MpObject *
list_index(MpObject *op, MpObject *const *args, Mp_ssize_t nargs)
{
    List *self = (List *)op;
    if (MpArg_CheckPositional("index", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    Mp_ssize_t start = 0, stop = SSIZE_MAX_;
    if ((nargs > 1 && !MpSlice_IndexNotNone(args[1], &start)) ||
        (nargs > 2 && !MpSlice_IndexNotNone(args[2], &stop))) {
        return NULL;
    }
    if (start < 0 && (start += Mp_SIZE(self)) < 0) {
        start = 0;
    }
    if (stop < 0 && (stop += Mp_SIZE(self)) < 0) {
        stop = 0;
    }
    for (Mp_ssize_t i = start; i < stop && i < Mp_SIZE(self); i++) {
        MpObject *x = Mp_NewRef(self->items[i]);
        int k = MpObject_RichCompareBool(x, args[0], Mp_EQ);
        Mp_DECREF(x);
        if (k < 0) {
            return NULL;
        }
        if (k) {
            return MpLong_FromSsize_t(i);
        }
    }
    return MpErr_Format(MpExc_ValueError, "%R is not in list", args[0]);
}

static MpObject *
list_count(MpObject *op, MpObject *v)
{
    List *self = (List *)op;
    Mp_ssize_t c = 0;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        MpObject *x = Mp_NewRef(self->items[i]);
        int k = x == v ? 1 : MpObject_RichCompareBool(x, v, Mp_EQ);
        Mp_DECREF(x);
        if (k < 0) {
            return NULL;
        }
        c += k;
    }
    return MpLong_FromSsize_t(c);
}

static MpObject *
list_reverse(MpObject *self, MpObject *unused)
{
    MpList_Reverse(self);
    return Mp_NewRef(Mp_None);
}

static MpObject *
list_copy(MpObject *self, MpObject *unused)
{
    return MpList_GetSlice(self, 0, Mp_SIZE(self));
}

static MpObject *
list_clear_method(MpObject *self, MpObject *unused)
{
    list_clear(self);
    return Mp_NewRef(Mp_None);
}

static MpObject *
list_sizeof(MpObject *self, MpObject *unused)
{
    /* CPython's PyListObject is 40 bytes (header, ob_size, ob_item,
       allocated), the same as ours. */
    return MpLong_FromSsize_t((Mp_ssize_t)sizeof(List) +
                              ((List *)self)->allocated *
                                  (Mp_ssize_t)sizeof(MpObject *));
}

static MpObject *list_reversed(MpObject *self, MpObject *unused);
static MpObject *list_iter(MpObject *self);

static MpMethodDef list_methods[] = {
    {"__class_getitem__", (void *)MpGenericAlias_ClassGetItem,
     MP_METH_O | MP_METH_CLASS, "See PEP 585"},
    {"__getitem__", (void *)list_subscript, MP_METH_O, NULL},
    {"__reversed__", (void *)list_reversed, MP_METH_NOARGS, NULL},
    {"__sizeof__", (void *)list_sizeof, MP_METH_NOARGS, NULL},
    {"clear", (void *)list_clear_method, MP_METH_NOARGS, NULL},
    {"copy", (void *)list_copy, MP_METH_NOARGS, NULL},
    {"append", (void *)list_append, MP_METH_O, NULL},
    {"insert", (void *)list_insert, MP_METH_FASTCALL, NULL},
    {"extend", (void *)list_extend, MP_METH_O, NULL},
    {"pop", (void *)list_pop, MP_METH_FASTCALL, NULL},
    {"remove", (void *)list_remove, MP_METH_O, NULL},
    {"index", (void *)list_index, MP_METH_FASTCALL, NULL},
    {"count", (void *)list_count, MP_METH_O, NULL},
    {"reverse", (void *)list_reverse, MP_METH_NOARGS, NULL},
    {"sort", (void *)list_sort, MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};
/* }====== */

/* {====== Iterators ======
   Both iterators hold the list and an index; they re-check the index
   against the current size on every step, so a list that shrinks under
   an iterator ends it early instead of reading freed slots. */

typedef struct {
    MpObject_HEAD
    Mp_ssize_t it_index;
    MpObject *it_seq;  // NULL once exhausted
} ListIter;

static MpObject *
make_iter(MpTypeObject *type, MpObject *seq, Mp_ssize_t index)
{
    ListIter *it = (ListIter *)MpObject_New(type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = index;
    it->it_seq = Mp_NewRef(seq);
    MpObject_GC_Track(it);
    return (MpObject *)it;
}

static MpObject *
list_iter(MpObject *self)
{
    return make_iter(&MpListIter_Type, self, 0);
}

static MpObject *
list_reversed(MpObject *self, MpObject *unused)
{
    return make_iter(&MpListRevIter_Type, self, Mp_SIZE(self) - 1);
}

static MpObject *
listiter_next(MpObject *op)
{
    ListIter *it = (ListIter *)op;
    List *seq = (List *)it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index < Mp_SIZE(seq)) {
        return Mp_NewRef(seq->items[it->it_index++]);
    }
    it->it_seq = NULL;
    Mp_DECREF(seq);
    return NULL;
}

static MpObject *
listreviter_next(MpObject *op)
{
    ListIter *it = (ListIter *)op;
    List *seq = (List *)it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    Mp_ssize_t i = it->it_index;
    if (i >= 0 && i < Mp_SIZE(seq)) {
        it->it_index--;
        return Mp_NewRef(seq->items[i]);
    }
    it->it_index = -1;
    it->it_seq = NULL;
    Mp_DECREF(seq);
    return NULL;
}

static void
listiter_dealloc(MpObject *op)
{
    MpObject_GC_UnTrack(op);
    Mp_XDECREF(((ListIter *)op)->it_seq);
    MpObject_Free(op);
}

static int
listiter_traverse(MpObject *op, visitproc visit, void *arg)
{
    MpObject *seq = ((ListIter *)op)->it_seq;
    return seq ? visit(seq, arg) : 0;
}

static MpObject *
listiter_length_hint(MpObject *op, MpObject *unused)
{
    ListIter *it = (ListIter *)op;
    Mp_ssize_t n = 0;
    if (it->it_seq != NULL) {
        n = Mp_TYPE(op) == &MpListIter_Type ? Mp_SIZE(it->it_seq) -
                                                  it->it_index
                                            : it->it_index + 1;
        if (Mp_TYPE(op) != &MpListIter_Type && it->it_index >=
                                                   Mp_SIZE(it->it_seq)) {
            n = 0;
        }
    }
    return MpLong_FromSsize_t(n < 0 ? 0 : n);
}

static MpMethodDef listiter_methods[] = {
    {"__length_hint__", (void *)listiter_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpListIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

MpTypeObject MpListRevIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = listiter_dealloc,
    .tp_traverse = listiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = listreviter_next,
    .tp_methods = listiter_methods,
};
/* }====== */

/* {====== The type ====== */

static MpSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static MpMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

MpTypeObject MpList_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "list",
    .tp_basicsize = sizeof(MpListObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC |
                MP_TPFLAGS_LIST_SUBCLASS,
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_traverse = list_traverse,
    .tp_clear = list_clear,
    .tp_new = list_new,
    .tp_init = list_init,
    .tp_methods = list_methods,
    .tp_doc = "Built-in mutable sequence.",
};
/* }====== */
