/* gcmodule.c — the gc module: Python's view of the cycle collector.

   Everything here reads or sets the state kept by gc.c: whether automatic
   collection is on, the three thresholds and counts, the permanent
   generation of gc.freeze(), the statistics, and the debug flags.

   CPython counterpart: Modules/gcmodule.c (the module part).
   Read first: gc_collect */
#include <stdio.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"

static MpObject *
gc_enable(MpObject *self, MpObject *unused)
{
    MpGC_State()->enabled = 1;
    return Mp_NewRef(Mp_None);
}

static MpObject *
gc_disable(MpObject *self, MpObject *unused)
{
    MpGC_State()->enabled = 0;
    return Mp_NewRef(Mp_None);
}

static MpObject *
gc_isenabled(MpObject *self, MpObject *unused)
{
    return MpBool_FromLong(MpGC_State()->enabled);
}

/* collect(generation=2): the number of unreachable objects found. */
static MpObject *
gc_collect(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    static const char *const kw[] = {"generation", NULL};
    static const MpArgSpec spec = {"collect", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t gen = 2;
    if (a[0] != NULL) {
        gen = MpNumber_AsSsize_t(a[0], MpExc_OverflowError);
        if (gen == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (gen < 0 || gen >= MP_NUM_GENERATIONS) {
        MpErr_SetString(MpExc_ValueError, "invalid generation");
        return NULL;
    }
    return MpLong_FromSsize_t(MpGC_Collect((int)gen));
}

static MpObject *
int_triple(int a, int b, int c)
{
    MpObject *t = MpTuple_New(3);
    if (t != NULL) {
        MpTuple_SET_ITEM(t, 0, MpLong_FromInt64(a));
        MpTuple_SET_ITEM(t, 1, MpLong_FromInt64(b));
        MpTuple_SET_ITEM(t, 2, MpLong_FromInt64(c));
    }
    return t;
}

static MpObject *
gc_get_count(MpObject *self, MpObject *unused)
{
    return int_triple(MpGC_GetCount(0), MpGC_GetCount(1), MpGC_GetCount(2));
}

static MpObject *
gc_get_threshold(MpObject *self, MpObject *unused)
{
    return int_triple(MpGC_GetThreshold(0), MpGC_GetThreshold(1),
                      MpGC_GetThreshold(2));
}

/* set_threshold(threshold0[, threshold1[, threshold2]]) */
static MpObject *
gc_set_threshold(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        return MpErr_Format(MpExc_TypeError,
                            nargs < 1 ? "set_threshold() takes at least 1 "
                                        "argument (%zd given)"
                                      : "set_threshold() takes at most 3 "
                                        "arguments (%zd given)",
                            nargs);
    }
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        Mp_ssize_t v = MpNumber_AsSsize_t(args[i], MpExc_OverflowError);
        if (v == -1 && MpErr_Occurred()) {
            return NULL;
        }
        MpGC_SetThreshold((int)i, (int)v);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
gc_freeze(MpObject *self, MpObject *unused)
{
    MpGC_Freeze();
    return Mp_NewRef(Mp_None);
}

static MpObject *
gc_unfreeze(MpObject *self, MpObject *unused)
{
    MpGC_Unfreeze();
    return Mp_NewRef(Mp_None);
}

static MpObject *
gc_get_freeze_count(MpObject *self, MpObject *unused)
{
    return MpLong_FromSsize_t(MpGC_FreezeCount());
}

static MpObject *
gc_is_tracked(MpObject *self, MpObject *o)
{
    return MpBool_FromLong(MpObject_GC_IsTracked(o));
}

static MpObject *
gc_is_finalized(MpObject *self, MpObject *o)
{
    return MpBool_FromLong(MpObject_GC_IsFinalized(o));
}

static MpObject *
gc_get_debug(MpObject *self, MpObject *unused)
{
    return MpLong_FromInt64(MpGC_State()->debug);
}

static MpObject *
gc_set_debug(MpObject *self, MpObject *flags)
{
    Mp_ssize_t v = MpNumber_AsSsize_t(flags, MpExc_OverflowError);
    if (v == -1 && MpErr_Occurred()) {
        return NULL;
    }
    MpGC_State()->debug = (int)v;
    return Mp_NewRef(Mp_None);
}

/* get_stats(): one dict per generation. */
static MpObject *
gc_get_stats(MpObject *self, MpObject *unused)
{
    MpObject *list = MpList_New(0);
    for (int i = 0; list != NULL && i < MP_NUM_GENERATIONS; i++) {
        MpObject *d = MpDict_New();
        MpGCState *st = MpGC_State();
        MpObject *c = MpLong_FromSsize_t(st->stats[i].collections);
        MpObject *k = MpLong_FromSsize_t(st->stats[i].collected);
        MpObject *u = MpLong_FromSsize_t(st->stats[i].uncollectable);
        int bad = d == NULL || c == NULL || k == NULL || u == NULL ||
                  MpDict_SetItemString(d, "collections", c) < 0 ||
                  MpDict_SetItemString(d, "collected", k) < 0 ||
                  MpDict_SetItemString(d, "uncollectable", u) < 0 ||
                  MpList_Append(list, d) < 0;
        Mp_XDECREF(c);
        Mp_XDECREF(k);
        Mp_XDECREF(u);
        Mp_XDECREF(d);
        if (bad) {
            Mp_CLEAR(&list);
        }
    }
    return list;
}

/* A tuple still being filled (zip's next result while the next
   iterator runs Python code, MpTuple_New's slots not yet set) is tracked
   but holds NULLs: handed to Python code (list(t), repr(t)) it would
   crash.  get_objects and get_referrers leave such tuples out (CPython
   lists them, and crashes). */
static int
incomplete(MpObject *o)
{
    if (!MpTuple_Check(o)) {
        return 0;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(o); i++) {
        if (MpTuple_GET_ITEM(o, i) == NULL) {
            return 1;
        }
    }
    return 0;
}

/* The result list is tracked too, but is not listed in itself (as in
   CPython): that would make every get_objects() result a cycle. */
static int
append_object(MpObject *o, void *list)
{
    return o == list || incomplete(o) ? 0 : MpList_Append(list, o);
}

/* {====== get_referrers, get_referents ====== */

typedef struct {
    MpObject *targets;  // the arguments (a tuple)
    MpObject *result;   // the list being built
    int found;
} ReferrerSearch;

static int
visit_is_target(MpObject *o, void *arg)
{
    ReferrerSearch *rs = arg;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(rs->targets); i++) {
        if (MpTuple_GET_ITEM(rs->targets, i) == o) {
            rs->found = 1;
            return 1;  // stop the traversal
        }
    }
    return 0;
}

/* One tracked object: kept when its traversal meets one of the
   targets. */
static int
check_referrer(MpObject *o, void *arg)
{
    ReferrerSearch *rs = arg;
    if (o == rs->result || o == rs->targets || incomplete(o)) {
        return 0;  // the search's own objects, or a tuple being filled
    }
    traverseproc traverse = Mp_TYPE(o)->tp_traverse;
    if (traverse == NULL) {
        return 0;
    }
    rs->found = 0;
    traverse(o, visit_is_target, rs);
    if (rs->found && MpList_Append(rs->result, o) < 0) {
        return -1;
    }
    return 0;
}

/* get_referrers(*objs): the tracked objects that refer to any of objs. */
static MpObject *
gc_get_referrers(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    ReferrerSearch rs;
    rs.targets = MpTuple_FromArray(args, nargs);
    rs.result = rs.targets ? MpList_New(0) : NULL;
    if (rs.result == NULL || MpGC_ForEach(-1, check_referrer, &rs) < 0) {
        Mp_CLEAR(&rs.result);
    }
    Mp_XDECREF(rs.targets);
    return rs.result;
}

static int
visit_append(MpObject *o, void *list)
{
    if (MpList_Append(list, o) < 0) {
        return -1;
    }
    return 0;
}

/* get_referents(*objs): what the traversal of each object visits (the
   objects that take part in cycles: containers' contents). */
static MpObject *
gc_get_referents(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpObject *list = MpList_New(0);
    for (Mp_ssize_t i = 0; list != NULL && i < nargs; i++) {
        if (!MpObject_IsGC(args[i])) {
            continue;
        }
        traverseproc traverse = Mp_TYPE(args[i])->tp_traverse;
        if (traverse != NULL && traverse(args[i], visit_append, list)) {
            Mp_CLEAR(&list);
        }
    }
    return list;
}
/* }====== */

/* get_objects(generation=None) */
static MpObject *
gc_get_objects(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    static const char *const kw[] = {"generation", NULL};
    static const MpArgSpec spec = {"get_objects", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t gen = -1;
    if (a[0] != NULL && a[0] != Mp_None) {
        gen = MpNumber_AsSsize_t(a[0], MpExc_OverflowError);
        if (gen == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if (gen >= MP_NUM_GENERATIONS) {
            return MpErr_Format(MpExc_ValueError,
                                "generation parameter must be less than "
                                "the number of available generations (%i)",
                                MP_NUM_GENERATIONS);
        }
        if (gen < 0) {
            MpErr_SetString(MpExc_ValueError,
                            "generation parameter cannot be negative");
            return NULL;
        }
    }
    MpObject *list = MpList_New(0);
    if (list == NULL || MpGC_ForEach((int)gen, append_object, list) < 0) {
        Mp_XDECREF(list);
        return NULL;
    }
    return list;
}

#define NOARGS MP_METH_NOARGS
#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)

static MpMethodDef gc_methods[] = {
    {"enable", (void *)gc_enable, NOARGS, NULL},
    {"disable", (void *)gc_disable, NOARGS, NULL},
    {"isenabled", (void *)gc_isenabled, NOARGS, NULL},
    {"collect", (void *)gc_collect, FASTKW, NULL},
    {"get_count", (void *)gc_get_count, NOARGS, NULL},
    {"get_threshold", (void *)gc_get_threshold, NOARGS, NULL},
    {"set_threshold", (void *)gc_set_threshold, MP_METH_FASTCALL, NULL},
    {"freeze", (void *)gc_freeze, NOARGS, NULL},
    {"unfreeze", (void *)gc_unfreeze, NOARGS, NULL},
    {"get_freeze_count", (void *)gc_get_freeze_count, NOARGS, NULL},
    {"is_tracked", (void *)gc_is_tracked, MP_METH_O, NULL},
    {"is_finalized", (void *)gc_is_finalized, MP_METH_O, NULL},
    {"get_debug", (void *)gc_get_debug, NOARGS, NULL},
    {"set_debug", (void *)gc_set_debug, MP_METH_O, NULL},
    {"get_stats", (void *)gc_get_stats, NOARGS, NULL},
    {"get_objects", (void *)gc_get_objects, FASTKW, NULL},
    {"get_referrers", (void *)gc_get_referrers, MP_METH_FASTCALL, NULL},
    {"get_referents", (void *)gc_get_referents, MP_METH_FASTCALL, NULL},
    {NULL},
};

MpObject *
MpGCModule_Create(void)
{
    MpObject *m = MpModule_New("gc");
    if (m == NULL || MpModule_AddFunctions(m, gc_methods) < 0 ||
        MpModule_AddObject(m, "DEBUG_STATS",
                           MpLong_FromInt64(MP_GC_DEBUG_STATS)) < 0 ||
        MpModule_AddObject(m, "DEBUG_COLLECTABLE",
                           MpLong_FromInt64(MP_GC_DEBUG_COLLECTABLE)) < 0 ||
        MpModule_AddObject(m, "DEBUG_UNCOLLECTABLE",
                           MpLong_FromInt64(MP_GC_DEBUG_UNCOLLECTABLE)) < 0 ||
        MpModule_AddObject(m, "DEBUG_SAVEALL",
                           MpLong_FromInt64(MP_GC_DEBUG_SAVEALL)) < 0 ||
        MpModule_AddObject(m, "DEBUG_LEAK",
                           MpLong_FromInt64(MP_GC_DEBUG_LEAK)) < 0 ||
        MpGC_Garbage() == NULL || MpGC_Callbacks() == NULL ||
        MpModule_AddObject(m, "garbage", Mp_NewRef(MpGC_Garbage())) < 0 ||
        MpModule_AddObject(m, "callbacks", Mp_NewRef(MpGC_Callbacks())) <
            0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
