/* mappingproxy.c — the read-only view a class shows as its __dict__.

   A class's attributes live in an ordinary dict (tp_dict), and the
   attribute cache (type.c) trusts that nothing changes that dict behind
   type_setattro's back.  So `C.__dict__` is not the dict itself but a
   proxy: reading goes through to the dict (so the proxy always shows the
   class as it is now), while item assignment and deletion fail because
   the proxy type has no mp_ass_subscript at all: the abstract protocol
   raises "'mappingproxy' object does not support item assignment".
   Changing a class goes through setattr(C, name, value), which keeps the
   cache right.

   The proxy holds one reference, to the mapping; every method forwards
   (keys, values, items, get, copy, len, iter, in, ==).  Anything with
   mapping methods can be wrapped (types.MappingProxyType(d) in CPython).

   CPython counterpart: Objects/descrobject.c (mappingproxy_*).
   Read first: MpDictProxy_New */
#include "objects/mappingproxy.h"

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm.h"  // MpEval_CheckCStack

typedef struct {
    MpObject_HEAD
    MpObject *mapping;
} MpDictProxyObject;

#define PROXIED(o) (((MpDictProxyObject *)(o))->mapping)

MpObject *
MpDictProxy_New(MpObject *mapping)
{
    MpMappingMethods *mp = Mp_TYPE(mapping)->tp_as_mapping;
    if (mp == NULL || mp->mp_subscript == NULL || MpList_Check(mapping) ||
        MpTuple_Check(mapping)) {
        return MpErr_Format(MpExc_TypeError,
                            "mappingproxy() argument must be a mapping, "
                            "not %s",
                            MpType_Name(Mp_TYPE(mapping)));
    }
    MpDictProxyObject *p =
        (MpDictProxyObject *)MpObject_New(&MpDictProxy_Type);
    if (p == NULL) {
        return NULL;
    }
    p->mapping = Mp_NewRef(mapping);
    MpObject_GC_Track(p);
    return (MpObject *)p;
}

static MpObject *
proxy_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        MpObject *m = MpDict_GetItemString(kwargs, "mapping");
        if (m == NULL || MpDict_GET_SIZE(kwargs) > 1 ||
            MpTuple_GET_SIZE(args) > 0) {
            return MpErr_Format(MpExc_TypeError,
                                m == NULL || MpTuple_GET_SIZE(args) == 0
                                    ? "mappingproxy() got an unexpected "
                                      "keyword argument"
                                    : "argument for mappingproxy() given "
                                      "by name ('mapping') and position "
                                      "(1)");
        }
        return MpDictProxy_New(m);
    }
    if (MpTuple_GET_SIZE(args) == 0) {
        return MpErr_Format(MpExc_TypeError,
                            "mappingproxy() missing required argument "
                            "'mapping' (pos 1)");
    }
    if (MpTuple_GET_SIZE(args) > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "mappingproxy() takes at most 1 argument "
                            "(%zd given)",
                            MpTuple_GET_SIZE(args));
    }
    return MpDictProxy_New(MpTuple_GET_ITEM(args, 0));
}

static void
proxy_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_CLEAR(&PROXIED(o));
    MpObject_Free(o);
}

static int
proxy_traverse(MpObject *o, visitproc visit, void *arg)
{
    return PROXIED(o) ? visit(PROXIED(o), arg) : 0;
}

static MpObject *
proxy_repr(MpObject *o)
{
    return MpStr_FromFormat("mappingproxy(%R)", PROXIED(o));
}

static MpObject *
proxy_str(MpObject *o)
{
    return MpObject_Str(PROXIED(o));
}

static Mp_ssize_t
proxy_len(MpObject *o)
{
    /* A proxy of a proxy of ... recurses on the C stack. */
    if (MpEval_CheckCStack("") < 0) {
        return -1;
    }
    return MpObject_Length(PROXIED(o));
}

static MpObject *
proxy_getitem(MpObject *o, MpObject *key)
{
    if (MpEval_CheckCStack("") < 0) {
        return NULL;
    }
    return MpObject_GetItem(PROXIED(o), key);
}

static int
proxy_contains(MpObject *o, MpObject *key)
{
    if (MpDict_CheckExact(PROXIED(o))) {
        return MpDict_Contains(PROXIED(o), key);
    }
    if (MpEval_CheckCStack("") < 0) {
        return -1;
    }
    return MpSequence_Contains(PROXIED(o), key);
}

static MpObject *
proxy_iter(MpObject *o)
{
    if (MpEval_CheckCStack("") < 0) {
        return NULL;
    }
    return MpObject_GetIter(PROXIED(o));
}

static MpObject *
proxy_richcompare(MpObject *a, MpObject *b, int op)
{
    return MpObject_RichCompare(PROXIED(a), b, op);
}

/* proxy.get(key, default=None): forwarded, so a custom mapping's own get
   is the one that runs. */
static MpObject *
proxy_get(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("get", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    return MpObject_CallMethod(PROXIED(self), "get", args, (size_t)nargs);
}

static MpObject *
proxy_keys(MpObject *self, MpObject *unused)
{
    return MpObject_CallMethod(PROXIED(self), "keys", NULL, 0);
}

static MpObject *
proxy_values(MpObject *self, MpObject *unused)
{
    return MpObject_CallMethod(PROXIED(self), "values", NULL, 0);
}

static MpObject *
proxy_items(MpObject *self, MpObject *unused)
{
    return MpObject_CallMethod(PROXIED(self), "items", NULL, 0);
}

static MpObject *
proxy_copy(MpObject *self, MpObject *unused)
{
    return MpObject_CallMethod(PROXIED(self), "copy", NULL, 0);
}

static MpMethodDef proxy_methods[] = {
    {"get", (void *)proxy_get, MP_METH_FASTCALL,
     "Return the value for key if key is in the mapping, else default."},
    {"keys", (void *)proxy_keys, MP_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"values", (void *)proxy_values, MP_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"items", (void *)proxy_items, MP_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"copy", (void *)proxy_copy, MP_METH_NOARGS,
     "D.copy() -> a shallow copy of D"},
    {NULL},
};

static MpMappingMethods proxy_as_mapping = {
    .mp_length = proxy_len,
    .mp_subscript = proxy_getitem,
};

static MpSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

MpTypeObject MpDictProxy_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(MpDictProxyObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = proxy_dealloc,
    .tp_traverse = proxy_traverse,
    .tp_repr = proxy_repr,
    .tp_str = proxy_str,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_methods = proxy_methods,
    .tp_new = proxy_new,
    .tp_doc = "Read-only proxy of a mapping.",
};
