/* iterators.c — enumerate, zip, map, filter and reversed: the lazy
   iterator classes of the builtins module.

   Each object holds the iterator(s) it draws from and is its own iterator
   (tp_iter returns self).  One call of tp_iternext pulls just what one
   result needs:

       enumerate(it, start)   (count, next(it)), count += 1
       zip(a, b, ...)         (next(a), next(b), ...) until one runs out
       map(f, a, b, ...)      f(next(a), next(b), ...)
       filter(f, it)          next(it) until f(item) is true (None: item)
       reversed(seq)          seq[len-1], seq[len-2], ... seq[0]

   Invariant: tp_iternext returns a new reference, or NULL with no
   exception set when the input is exhausted, or NULL with the exception of
   a failing step (which then propagates unchanged).  An exhausted object
   keeps asking its inputs on later calls, as CPython's do, except
   reversed, which drops its sequence once done.

   zip(strict=True) checks that all inputs end together: when input i (i >
   0) ends first, "zip() argument i+1 is shorter than argument(s) ..."; when
   the first ends, each other one is asked once more and must be exhausted
   too, else "zip() argument j+1 is longer than ...".

   reversed(x) returns whatever type(x).__reversed__() returns when the
   class defines it (None there means "not reversible"); only sequences
   without it (a class with __len__ and __getitem__, str, tuple) get a
   reversed object, which indexes from len(x)-1 down and stops at index -1
   or at the first IndexError/StopIteration.

   All are GC containers: a generator they wrap may refer back to them.

   CPython counterpart: Objects/enumobject.c (enumerate, reversed),
   Python/bltinmodule.c (zip, map, filter).
   Read first: zip_next */
#include "objects/iterators.h"

#include <stdint.h>
#include <stdlib.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Shared helpers ====== */

/* Whether the constructor of `base` must refuse keyword arguments for this
   call: for the type itself, and for a subclass that did not define its
   own __init__ (which could accept some), as CPython decides. */
static int
refuses_keywords(MpTypeObject *type, MpTypeObject *base, MpObject *kwargs)
{
    return (type == base || type->tp_init == MpBaseObject_Type.tp_init) &&
           kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0;
}

/* A tuple of iter(x) for the items args[first:].  Refs: NEW. */
static MpObject *
iterators_of(MpObject *args, Mp_ssize_t first)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(args) - first;
    MpObject *its = MpTuple_New(n);
    if (its == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *it = MpObject_GetIter(MpTuple_GET_ITEM(args, first + i));
        if (it == NULL) {
            /* The unfilled slots are NULL; the tuple's dealloc skips them. */
            Mp_DECREF(its);
            return NULL;
        }
        MpTuple_SET_ITEM(its, i, it);
    }
    return its;
}

static int
visit_if(MpObject *o, visitproc visit, void *arg)
{
    return o != NULL ? visit(o, arg) : 0;
}
/* }====== */

/* {====== enumerate ====== */

typedef struct {
    MpObject_HEAD
    Mp_ssize_t en_index;     // the next count, while it fits in C
    MpObject *en_longindex;  // the next count as an int once it does not
    MpObject *en_sit;        // the wrapped iterator
} EnumObject;

/* enumerate(iterable, start=0) */
static MpObject *
enum_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"iterable", "start", NULL};
    MpArgSpec spec = {"enumerate", kw, 0, 2};
    MpObject *a[2];
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    Mp_ssize_t nk = kwargs != NULL ? MpDict_GET_SIZE(kwargs) : 0;
    if (n + nk > 2) {
        return MpErr_Format(MpExc_TypeError,
                            "enumerate() takes at most 2 arguments (%zd "
                            "given)", n + nk);
    }
    int rc = MpArg_UnpackTupleDict(&spec, args, kwargs, a);
    if (rc < 0) {
        return NULL;
    }
    /* CPython words this one without the usual "(pos 1)". */
    if (a[0] == NULL) {
        return MpErr_Format(MpExc_TypeError, "enumerate() missing required "
                                             "argument 'iterable'");
    }
    MpObject *start = NULL;
    if (a[1] != NULL) {
        start = MpNumber_Index(a[1]);
        if (start == NULL) {
            return NULL;
        }
    }
    MpObject *sit = MpObject_GetIter(a[0]);
    if (sit == NULL) {
        Mp_XDECREF(start);
        return NULL;
    }
    EnumObject *en = (EnumObject *)MpObject_New(type);
    if (en == NULL) {
        Mp_XDECREF(start);
        Mp_DECREF(sit);
        return NULL;
    }
    en->en_sit = sit;
    int64_t small;
    if (start == NULL) {
        en->en_index = 0;
    }
    else if (MpLong_AsSmall(start, &small) && small < PTRDIFF_MAX) {
        en->en_index = (Mp_ssize_t)small;
        Mp_DECREF(start);
    }
    else {
        en->en_longindex = start;  // its reference moves here
    }
    MpObject_GC_Track(en);
    return (MpObject *)en;
}

static void
enum_dealloc(MpObject *self)
{
    EnumObject *en = (EnumObject *)self;
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(en->en_sit);
    Mp_XDECREF(en->en_longindex);
    MpObject_Free(self);
}

static int
enum_traverse(MpObject *self, visitproc visit, void *arg)
{
    EnumObject *en = (EnumObject *)self;
    return visit_if(en->en_sit, visit, arg) ||
           visit_if(en->en_longindex, visit, arg);
}

/* The count for this step as an int, advancing the counter.  The C
   counter hands over to en_longindex at PTRDIFF_MAX, so counting never
   wraps.  Refs: NEW. */
static MpObject *
enum_count(EnumObject *en)
{
    if (en->en_longindex == NULL) {
        if (en->en_index < PTRDIFF_MAX) {
            return MpLong_FromSsize_t(en->en_index++);
        }
        en->en_longindex = MpLong_FromSsize_t(en->en_index);
        if (en->en_longindex == NULL) {
            return NULL;
        }
    }
    MpObject *one = MpLong_FromSsize_t(1);
    MpObject *next = one ? MpNumber_Add(en->en_longindex, one) : NULL;
    Mp_XDECREF(one);
    if (next == NULL) {
        return NULL;
    }
    MpObject *count = en->en_longindex;  // its reference goes to the caller
    en->en_longindex = next;
    return count;
}

static MpObject *
enum_next(MpObject *self)
{
    EnumObject *en = (EnumObject *)self;
    MpObject *item = MpIter_Next(en->en_sit);
    if (item == NULL) {
        return NULL;
    }
    MpObject *count = enum_count(en);
    MpObject *pair = count ? MpTuple_New(2) : NULL;
    if (pair == NULL) {
        Mp_XDECREF(count);
        Mp_DECREF(item);
        return NULL;
    }
    MpTuple_SET_ITEM(pair, 0, count);
    MpTuple_SET_ITEM(pair, 1, item);
    return pair;
}

MpTypeObject MpEnumerate_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(EnumObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASETYPE,
    .tp_dealloc = enum_dealloc,
    .tp_traverse = enum_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = enum_next,
    .tp_new = enum_new,
    .tp_doc = "Return an enumerate object.",
};
/* }====== */

/* {====== zip ====== */

typedef struct {
    MpObject_HEAD
    MpObject *zi_its;  // tuple of the iterators
    int zi_strict;     // zip(..., strict=True)
} ZipObject;

/* zip(*iterables, strict=False): strict is keyword-only and the only
   keyword. */
static MpObject *
zip_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    int strict = 0;
    Mp_ssize_t nk = kwargs != NULL ? MpDict_GET_SIZE(kwargs) : 0;
    if (nk > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "zip() takes at most 1 keyword argument (%zd "
                            "given)", nk);
    }
    if (nk == 1) {
        Mp_ssize_t pos = 0;
        MpObject *k, *v;
        MpDict_Next(kwargs, &pos, &k, &v);
        if (!MpStr_Check(k) || MpStr_CompareWithASCII(k, "strict") != 0) {
            return MpErr_Format(MpExc_TypeError,
                                "'%S' is an invalid keyword argument for "
                                "zip()", k);
        }
        strict = MpObject_IsTrue(v);
        if (strict < 0) {
            return NULL;
        }
    }
    MpObject *its = iterators_of(args, 0);
    if (its == NULL) {
        return NULL;
    }
    ZipObject *z = (ZipObject *)MpObject_New(type);
    if (z == NULL) {
        Mp_DECREF(its);
        return NULL;
    }
    z->zi_its = its;
    z->zi_strict = strict;
    MpObject_GC_Track(z);
    return (MpObject *)z;
}

static void
zip_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((ZipObject *)self)->zi_its);
    MpObject_Free(self);
}

static int
zip_traverse(MpObject *self, visitproc visit, void *arg)
{
    return visit_if(((ZipObject *)self)->zi_its, visit, arg);
}

/* strict=True, input i ran out first (no exception pending): decide
   between "shorter" (i > 0) and "longer" (some later input still has an
   item), or plain exhaustion.  Returns NULL always. */
static MpObject *
zip_strict_end(ZipObject *z, Mp_ssize_t i)
{
    /* "argument 2 is shorter than argument 1", "argument 3 is shorter than
       arguments 1-2": CPython's wording. */
    if (i > 0) {
        return MpErr_Format(MpExc_ValueError,
                            "zip() argument %zd is shorter than argument%s%zd",
                            i + 1, i == 1 ? " " : "s 1-", i);
    }
    for (Mp_ssize_t j = 1; j < MpTuple_GET_SIZE(z->zi_its); j++) {
        MpObject *item = MpIter_Next(MpTuple_GET_ITEM(z->zi_its, j));
        if (item != NULL) {
            Mp_DECREF(item);
            return MpErr_Format(MpExc_ValueError,
                                "zip() argument %zd is longer than "
                                "argument%s%zd",
                                j + 1, j == 1 ? " " : "s 1-", j);
        }
        if (MpErr_Occurred()) {
            return NULL;
        }
    }
    return NULL;
}

static MpObject *
zip_next(MpObject *self)
{
    ZipObject *z = (ZipObject *)self;
    Mp_ssize_t n = MpTuple_GET_SIZE(z->zi_its);
    if (n == 0) {
        return NULL;
    }
    MpObject *result = MpTuple_New(n);
    if (result == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *item = MpIter_Next(MpTuple_GET_ITEM(z->zi_its, i));
        if (item == NULL) {
            Mp_DECREF(result);  // slots i.. are NULL
            if (z->zi_strict && !MpErr_Occurred()) {
                return zip_strict_end(z, i);
            }
            return NULL;
        }
        MpTuple_SET_ITEM(result, i, item);
    }
    return result;
}

MpTypeObject MpZip_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "zip",
    .tp_basicsize = sizeof(ZipObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASETYPE,
    .tp_dealloc = zip_dealloc,
    .tp_traverse = zip_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an "
              "input is exhausted.",
};
/* }====== */

/* {====== map ====== */

typedef struct {
    MpObject_HEAD
    MpObject *mp_func;  // the function applied
    MpObject *mp_its;   // tuple of the iterators (at least one)
} MapObject;

/* map(func, iterable, ...) */
static MpObject *
map_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (refuses_keywords(type, &MpMap_Type, kwargs)) {
        return MpErr_Format(MpExc_TypeError,
                            "map() takes no keyword arguments");
    }
    if (MpTuple_GET_SIZE(args) < 2) {
        return MpErr_Format(MpExc_TypeError,
                            "map() must have at least two arguments.");
    }
    MpObject *its = iterators_of(args, 1);
    if (its == NULL) {
        return NULL;
    }
    MapObject *m = (MapObject *)MpObject_New(type);
    if (m == NULL) {
        Mp_DECREF(its);
        return NULL;
    }
    m->mp_func = Mp_NewRef(MpTuple_GET_ITEM(args, 0));
    m->mp_its = its;
    MpObject_GC_Track(m);
    return (MpObject *)m;
}

static void
map_dealloc(MpObject *self)
{
    MapObject *m = (MapObject *)self;
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(m->mp_func);
    Mp_XDECREF(m->mp_its);
    MpObject_Free(self);
}

static int
map_traverse(MpObject *self, visitproc visit, void *arg)
{
    MapObject *m = (MapObject *)self;
    return visit_if(m->mp_func, visit, arg) ||
           visit_if(m->mp_its, visit, arg);
}

/* The arguments of one call are gathered on the C stack when there are
   few inputs (the common case: one), on the heap otherwise. */
enum { MAP_SMALL_ARGS = 8 };

static MpObject *
map_next(MpObject *self)
{
    MapObject *m = (MapObject *)self;
    Mp_ssize_t n = MpTuple_GET_SIZE(m->mp_its);
    MpObject *small[MAP_SMALL_ARGS];
    MpObject **stack = small;
    if (n > MAP_SMALL_ARGS) {
        stack = malloc((size_t)n * sizeof(MpObject *));
        if (stack == NULL) {
            return MpErr_NoMemory();
        }
    }
    MpObject *result = NULL;
    Mp_ssize_t got = 0;
    for (; got < n; got++) {
        stack[got] = MpIter_Next(MpTuple_GET_ITEM(m->mp_its, got));
        if (stack[got] == NULL) {
            goto done;  // exhausted or failed: either way, no result
        }
    }
    result = MpObject_Vectorcall(m->mp_func, stack, (size_t)n, NULL);
done:
    for (Mp_ssize_t i = 0; i < got; i++) {
        Mp_DECREF(stack[i]);
    }
    if (stack != small) {
        free(stack);
    }
    return result;
}

MpTypeObject MpMap_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "map",
    .tp_basicsize = sizeof(MapObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASETYPE,
    .tp_dealloc = map_dealloc,
    .tp_traverse = map_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = map_next,
    .tp_new = map_new,
    .tp_doc = "map(func, *iterables) --> map object",
};
/* }====== */

/* {====== filter ====== */

typedef struct {
    MpObject_HEAD
    MpObject *fi_func;  // the predicate; None (or bool) means truth
    MpObject *fi_it;    // the wrapped iterator
} FilterObject;

/* filter(function or None, iterable) */
static MpObject *
filter_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (refuses_keywords(type, &MpFilter_Type, kwargs)) {
        return MpErr_Format(MpExc_TypeError,
                            "filter() takes no keyword arguments");
    }
    if (MpArg_CheckPositional("filter", MpTuple_GET_SIZE(args), NULL, 2,
                              2) < 0) {
        return NULL;
    }
    MpObject *it = MpObject_GetIter(MpTuple_GET_ITEM(args, 1));
    if (it == NULL) {
        return NULL;
    }
    FilterObject *f = (FilterObject *)MpObject_New(type);
    if (f == NULL) {
        Mp_DECREF(it);
        return NULL;
    }
    f->fi_func = Mp_NewRef(MpTuple_GET_ITEM(args, 0));
    f->fi_it = it;
    MpObject_GC_Track(f);
    return (MpObject *)f;
}

static void
filter_dealloc(MpObject *self)
{
    FilterObject *f = (FilterObject *)self;
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(f->fi_func);
    Mp_XDECREF(f->fi_it);
    MpObject_Free(self);
}

static int
filter_traverse(MpObject *self, visitproc visit, void *arg)
{
    FilterObject *f = (FilterObject *)self;
    return visit_if(f->fi_func, visit, arg) ||
           visit_if(f->fi_it, visit, arg);
}

static MpObject *
filter_next(MpObject *self)
{
    FilterObject *f = (FilterObject *)self;
    /* bool as the predicate is truth itself: no call needed (CPython). */
    int truth_only = f->fi_func == Mp_None ||
                     f->fi_func == (MpObject *)&MpBool_Type;
    for (;;) {
        MpObject *item = MpIter_Next(f->fi_it);
        if (item == NULL) {
            return NULL;
        }
        int ok;
        if (truth_only) {
            ok = MpObject_IsTrue(item);
        }
        else {
            MpObject *r = MpObject_CallOneArg(f->fi_func, item);
            if (r == NULL) {
                Mp_DECREF(item);
                return NULL;
            }
            ok = MpObject_IsTrue(r);
            Mp_DECREF(r);
        }
        if (ok > 0) {
            return item;
        }
        Mp_DECREF(item);
        if (ok < 0) {
            return NULL;
        }
    }
}

MpTypeObject MpFilter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "filter",
    .tp_basicsize = sizeof(FilterObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASETYPE,
    .tp_dealloc = filter_dealloc,
    .tp_traverse = filter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
    .tp_doc = "filter(function or None, iterable) --> filter object",
};
/* }====== */

/* {====== reversed ====== */

typedef struct {
    MpObject_HEAD
    Mp_ssize_t re_index;  // the next index to read; -1 when done
    MpObject *re_seq;     // the sequence; NULL once done
} ReversedObject;

/* Whether x can be indexed 0..len-1 (CPython's PySequence_Check: it has
   __getitem__ and is not a dict, whose __getitem__ takes keys). */
static int
is_sequence(MpObject *x)
{
    MpTypeObject *t = Mp_TYPE(x);
    if (MpType_HasFeature(t, MP_TPFLAGS_DICT_SUBCLASS)) {
        return 0;
    }
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL) {
        return 1;
    }
    MpObject *name = MpStr_InternFromString("__getitem__");
    if (name == NULL) {
        return -1;
    }
    int found = MpType_Lookup(t, name) != NULL;
    Mp_DECREF(name);
    return found;
}

/* reversed(seq) */
static MpObject *
reversed_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (refuses_keywords(type, &MpReversed_Type, kwargs)) {
        return MpErr_Format(MpExc_TypeError,
                            "reversed() takes no keyword arguments");
    }
    if (MpArg_CheckPositional("reversed", MpTuple_GET_SIZE(args), NULL, 1,
                              1) < 0) {
        return NULL;
    }
    MpObject *seq = MpTuple_GET_ITEM(args, 0);
    /* type(seq).__reversed__, looked up on the class as special methods
       are; bound through its __get__. */
    MpObject *name = MpStr_InternFromString("__reversed__");
    if (name == NULL) {
        return NULL;
    }
    MpObject *meth = MpType_Lookup(Mp_TYPE(seq), name);
    Mp_DECREF(name);
    if (meth != NULL && meth != Mp_None) {
        MpObject *r;
        descrgetfunc get = Mp_TYPE(meth)->tp_descr_get;
        Mp_INCREF(meth);  // the call could drop the class's reference
        if (get != NULL) {
            MpObject *bound = get(meth, seq, (MpObject *)Mp_TYPE(seq));
            r = bound ? MpObject_CallNoArgs(bound) : NULL;
            Mp_XDECREF(bound);
        }
        else {
            r = MpObject_CallNoArgs(meth);
        }
        Mp_DECREF(meth);
        return r;
    }
    int seqlike = meth == NULL ? is_sequence(seq) : 0;
    if (seqlike < 0) {
        return NULL;
    }
    if (!seqlike) {
        return MpErr_Format(MpExc_TypeError, "'%s' object is not reversible",
                            MpType_Name(Mp_TYPE(seq)));
    }
    Mp_ssize_t n = MpObject_Length(seq);
    if (n < 0) {
        return NULL;
    }
    ReversedObject *ro = (ReversedObject *)MpObject_New(type);
    if (ro == NULL) {
        return NULL;
    }
    ro->re_index = n - 1;
    ro->re_seq = Mp_NewRef(seq);
    MpObject_GC_Track(ro);
    return (MpObject *)ro;
}

static void
reversed_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((ReversedObject *)self)->re_seq);
    MpObject_Free(self);
}

static int
reversed_traverse(MpObject *self, visitproc visit, void *arg)
{
    return visit_if(((ReversedObject *)self)->re_seq, visit, arg);
}

/* seq[index], index down by one.  A sequence that shrank meanwhile ends
   the iteration with IndexError (or StopIteration), not an error. */
static MpObject *
reversed_next(MpObject *self)
{
    ReversedObject *ro = (ReversedObject *)self;
    if (ro->re_index >= 0 && ro->re_seq != NULL) {
        MpObject *key = MpLong_FromSsize_t(ro->re_index);
        if (key == NULL) {
            return NULL;
        }
        MpObject *item = MpObject_GetItem(ro->re_seq, key);
        Mp_DECREF(key);
        if (item != NULL) {
            ro->re_index--;
            return item;
        }
        if (!MpErr_ExceptionMatches(MpExc_IndexError) &&
            !MpErr_ExceptionMatches(MpExc_StopIteration)) {
            return NULL;
        }
        MpErr_Clear();
    }
    ro->re_index = -1;
    Mp_CLEAR(&ro->re_seq);
    return NULL;
}

/* How many items are left (operator.length_hint). */
static MpObject *
reversed_length_hint(MpObject *self, MpObject *unused)
{
    ReversedObject *ro = (ReversedObject *)self;
    if (ro->re_seq == NULL) {
        return MpLong_FromSsize_t(0);
    }
    Mp_ssize_t n = MpObject_Length(ro->re_seq);
    if (n < 0) {
        return NULL;
    }
    return MpLong_FromSsize_t(n < ro->re_index + 1 ? 0 : ro->re_index + 1);
}

static MpMethodDef reversed_methods[] = {
    {"__length_hint__", (void *)reversed_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpReversed_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(ReversedObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASETYPE,
    .tp_dealloc = reversed_dealloc,
    .tp_traverse = reversed_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_new = reversed_new,
    .tp_doc = "Return a reverse iterator over the values of the given "
              "sequence.",
};
/* }====== */
