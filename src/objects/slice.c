/* slice.c — slice objects and the index arithmetic of slicing.

   A slice is three objects (start, stop, step), each None when absent; it
   means nothing by itself.  A sequence that is subscripted with one asks
   two questions, in this order:

     MpSlice_Unpack          the three objects as C integers: None becomes
                             the default for the direction of the step,
                             huge values are clipped to Mp_ssize_t;
     MpSlice_AdjustIndices   those integers fitted to the sequence's length
                             (negative ones count from the end, out of
                             range ones are clamped), and the number of
                             items selected.

   Splitting it this way matters: Unpack may run Python code (__index__),
   which may change the sequence's length, so the length is read only
   afterwards, as CPython does.

   Invariants: the three fields are never NULL.  slice objects are
   unhashable in 3.11 (hashing arrived in 3.12).

   CPython counterpart: Objects/sliceobject.c.  Read first: MpSlice_Unpack */
#include "objects/slice.h"

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define SSIZE_MAX_ PTRDIFF_MAX
#define SSIZE_MIN_ PTRDIFF_MIN

/* {====== Construction ====== */

MpObject *
MpSlice_New(MpObject *start, MpObject *stop, MpObject *step)
{
    MpSliceObject *s = (MpSliceObject *)MpObject_New(&MpSlice_Type);
    if (s == NULL) {
        return NULL;
    }
    s->start = Mp_NewRef(start ? start : Mp_None);
    s->stop = Mp_NewRef(stop ? stop : Mp_None);
    s->step = Mp_NewRef(step ? step : Mp_None);
    MpObject_GC_Track(s);
    return (MpObject *)s;
}

static MpObject *
slice_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "slice() takes no keyword arguments");
    }
    if (n < 1) {
        return MpErr_Format(MpExc_TypeError,
                            "slice expected at least 1 argument, got %zd", n);
    }
    if (n > 3) {
        return MpErr_Format(MpExc_TypeError,
                            "slice expected at most 3 arguments, got %zd", n);
    }
    if (n == 1) {
        return MpSlice_New(NULL, MpTuple_GET_ITEM(args, 0), NULL);
    }
    return MpSlice_New(MpTuple_GET_ITEM(args, 0), MpTuple_GET_ITEM(args, 1),
                       n == 3 ? MpTuple_GET_ITEM(args, 2) : NULL);
}

static void
slice_dealloc(MpObject *o)
{
    MpSliceObject *s = (MpSliceObject *)o;
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(s->start);
    Mp_XDECREF(s->stop);
    Mp_XDECREF(s->step);
    MpObject_Free(o);
}

static int
slice_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpSliceObject *s = (MpSliceObject *)o;
    int rc;
    if ((rc = visit(s->start, arg)) || (rc = visit(s->stop, arg)) ||
        (rc = visit(s->step, arg))) {
        return rc;
    }
    return 0;
}
/* }====== */

/* {====== Index arithmetic ====== */

static int
has_index(MpObject *v)
{
    return MpLong_Check(v) || (Mp_TYPE(v)->tp_as_number != NULL &&
                               Mp_TYPE(v)->tp_as_number->nb_index != NULL);
}

int
MpSlice_IndexNotNone(MpObject *v, Mp_ssize_t *out)
{
    int64_t small;
    if (MpLong_AsSmall(v, &small)) {
        *out = (Mp_ssize_t)small;
        return 1;
    }
    if (!has_index(v)) {
        MpErr_SetString(MpExc_TypeError, "slice indices must be integers "
                                         "or have an __index__ method");
        return 0;
    }
    Mp_ssize_t x = MpNumber_AsSsize_t(v, NULL);  // NULL: clip
    if (x == -1 && MpErr_Occurred()) {
        return 0;
    }
    *out = x;
    return 1;
}

int
MpSlice_Index(MpObject *v, Mp_ssize_t *out)
{
    if (v == Mp_None) {
        return 1;
    }
    if (!has_index(v)) {
        MpErr_SetString(MpExc_TypeError,
                        "slice indices must be integers or None or have an "
                        "__index__ method");
        return 0;
    }
    return MpSlice_IndexNotNone(v, out);
}

int
MpSlice_Unpack(MpObject *slice, Mp_ssize_t *start, Mp_ssize_t *stop,
               Mp_ssize_t *step)
{
    MpSliceObject *s = (MpSliceObject *)slice;
    *step = 1;
    if (s->step != Mp_None) {
        if (!MpSlice_Index(s->step, step)) {
            return -1;
        }
        if (*step == 0) {
            MpErr_SetString(MpExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -step must not overflow when a reversed slice is computed. */
        if (*step < -SSIZE_MAX_) {
            *step = -SSIZE_MAX_;
        }
    }
    *start = *step < 0 ? SSIZE_MAX_ : 0;
    if (!MpSlice_Index(s->start, start)) {
        return -1;
    }
    *stop = *step < 0 ? SSIZE_MIN_ : SSIZE_MAX_;
    if (!MpSlice_Index(s->stop, stop)) {
        return -1;
    }
    return 0;
}

Mp_ssize_t
MpSlice_AdjustIndices(Mp_ssize_t len, Mp_ssize_t *start, Mp_ssize_t *stop,
                      Mp_ssize_t step)
{
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = step < 0 ? -1 : 0;
        }
    } else if (*start >= len) {
        *start = step < 0 ? len - 1 : len;
    }
    if (*stop < 0) {
        *stop += len;
        if (*stop < 0) {
            *stop = step < 0 ? -1 : 0;
        }
    } else if (*stop >= len) {
        *stop = step < 0 ? len - 1 : len;
    }
    if (step < 0) {
        if (*stop < *start) {
            return (*start - *stop - 1) / (-step) + 1;
        }
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}
/* }====== */

/* {====== Methods and slots ====== */

static MpObject *
slice_indices(MpObject *self, MpObject *arg)
{
    Mp_ssize_t len = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (len == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (len < 0) {
        return MpErr_Format(MpExc_ValueError,
                            "length should not be negative");
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(self, &start, &stop, &step) < 0) {
        return NULL;
    }
    MpSlice_AdjustIndices(len, &start, &stop, step);
    MpObject *t = MpTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    Mp_ssize_t v[3] = {start, stop, step};
    for (int i = 0; i < 3; i++) {
        MpObject *x = MpLong_FromSsize_t(v[i]);
        if (x == NULL) {
            Mp_DECREF(t);
            return NULL;
        }
        MpTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static MpObject *
slice_reduce(MpObject *self, MpObject *unused)
{
    MpSliceObject *s = (MpSliceObject *)self;
    MpObject *items[3] = {s->start, s->stop, s->step};
    MpObject *args = MpTuple_FromArray(items, 3);
    if (args == NULL) {
        return NULL;
    }
    MpObject *pair[2] = {(MpObject *)&MpSlice_Type, args};
    MpObject *r = MpTuple_FromArray(pair, 2);
    Mp_DECREF(args);
    return r;
}

static MpObject *
slice_repr(MpObject *self)
{
    MpSliceObject *s = (MpSliceObject *)self;
    return MpStr_FromFormat("slice(%R, %R, %R)", s->start, s->stop,
                            s->step);
}

/* Slices compare as the tuples (start, stop, step). */
static MpObject *
slice_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpSlice_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    if (a == b && (op == Mp_EQ || op == Mp_NE)) {
        return MpBool_FromLong(op == Mp_EQ);
    }
    MpSliceObject *x = (MpSliceObject *)a, *y = (MpSliceObject *)b;
    MpObject *ix[3] = {x->start, x->stop, x->step};
    MpObject *iy[3] = {y->start, y->stop, y->step};
    MpObject *tx = MpTuple_FromArray(ix, 3);
    MpObject *ty = tx ? MpTuple_FromArray(iy, 3) : NULL;
    MpObject *r = ty ? MpObject_RichCompare(tx, ty, op) : NULL;
    Mp_XDECREF(tx);
    Mp_XDECREF(ty);
    return r;
}

static MpMethodDef slice_methods[] = {
    {"indices", (void *)slice_indices, MP_METH_O, NULL},
    {"__reduce__", (void *)slice_reduce, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMemberDef slice_members[] = {
    {"start", MP_T_OBJECT, offsetof(MpSliceObject, start), 1, NULL},
    {"stop", MP_T_OBJECT, offsetof(MpSliceObject, stop), 1, NULL},
    {"step", MP_T_OBJECT, offsetof(MpSliceObject, step), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpSlice_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "slice",
    .tp_basicsize = sizeof(MpSliceObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = slice_richcompare,
    .tp_traverse = slice_traverse,
    .tp_new = slice_new,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])",
};
/* }====== */
