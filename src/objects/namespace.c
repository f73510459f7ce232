/* namespace.c — types.SimpleNamespace: an object that is just its
   attributes.

   SimpleNamespace(a=1, b=2) keeps a and b in its __dict__; its repr lists
   them in insertion order (`namespace(a=1, b=2)`, `namespace(...)` for a
   namespace met again while printing itself) and two namespaces are
   equal when their dicts are.  sys.implementation is one.

   CPython counterpart: Objects/namespaceobject.c.  Read first:
   namespace_repr */
#include "objects/namespace.h"

#include "abstract.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm.h"

typedef struct {
    MpObject_HEAD
    MpObject *ns_dict;
} Namespace;

MpObject *
MpNamespace_New(MpObject *kwds)
{
    Namespace *ns = (Namespace *)MpObject_New(&MpNamespace_Type);
    if (ns == NULL) {
        return NULL;
    }
    ns->ns_dict = MpDict_New();
    if (ns->ns_dict == NULL ||
        (kwds != NULL && MpDict_Update(ns->ns_dict, kwds) < 0)) {
        Mp_DECREF(ns);
        return NULL;
    }
    MpObject_GC_Track(ns);
    return (MpObject *)ns;
}

static MpObject *
namespace_new(MpTypeObject *type, MpObject *args, MpObject *kwds)
{
    Namespace *ns = (Namespace *)MpObject_New(type);
    if (ns == NULL) {
        return NULL;
    }
    ns->ns_dict = MpDict_New();
    if (ns->ns_dict == NULL) {
        Mp_DECREF(ns);
        return NULL;
    }
    MpObject_GC_Track(ns);
    return (MpObject *)ns;
}

static int
namespace_init(MpObject *self, MpObject *args, MpObject *kwds)
{
    if (MpTuple_GET_SIZE(args) != 0) {
        MpErr_Format(MpExc_TypeError, "no positional arguments expected");
        return -1;
    }
    if (kwds == NULL) {
        return 0;
    }
    Mp_ssize_t pos = 0;
    MpObject *k, *v;
    while (MpDict_Next(kwds, &pos, &k, &v)) {
        if (!MpStr_Check(k)) {
            MpErr_Format(MpExc_TypeError, "keywords must be strings");
            return -1;
        }
    }
    return MpDict_Update(((Namespace *)self)->ns_dict, kwds);
}

static void
namespace_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((Namespace *)self)->ns_dict);
    MpObject_Free(self);
}

static int
namespace_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpObject *d = ((Namespace *)self)->ns_dict;
    return d ? visit(d, arg) : 0;
}

static int
namespace_clear(MpObject *self)
{
    Mp_CLEAR(&((Namespace *)self)->ns_dict);
    return 0;
}

static MpObject *
namespace_repr(MpObject *self)
{
    const char *name = Mp_TYPE(self) == &MpNamespace_Type
                           ? "namespace"
                           : Mp_TYPE(self)->tp_name;
    int r = MpRepr_Enter(self);
    if (r != 0) {
        return r > 0 ? MpStr_FromFormat("%s(...)", name) : NULL;
    }
    MpObject *parts = MpList_New(0);
    MpObject *d = ((Namespace *)self)->ns_dict;
    Mp_ssize_t pos = 0;
    MpObject *k, *v, *result = NULL;
    if (parts == NULL) {
        goto done;
    }
    while (d != NULL && MpDict_Next(d, &pos, &k, &v)) {
        if (!MpStr_Check(k)) {
            continue;
        }
        Mp_INCREF(v);
        MpObject *p = MpStr_FromFormat("%U=%R", k, v);
        Mp_DECREF(v);
        if (p == NULL || MpList_Append(parts, p) < 0) {
            Mp_XDECREF(p);
            goto done;
        }
        Mp_DECREF(p);
    }
    MpObject *sep = MpStr_FromString(", ");
    MpObject *body = sep ? MpStr_Join(sep, parts) : NULL;
    Mp_XDECREF(sep);
    if (body != NULL) {
        result = MpStr_FromFormat("%s(%U)", name, body);
        Mp_DECREF(body);
    }
done:
    Mp_XDECREF(parts);
    MpRepr_Leave(self);
    return result;
}

static MpObject *
namespace_richcompare(MpObject *a, MpObject *b, int op)
{
    if ((op == Mp_EQ || op == Mp_NE) &&
        MpType_IsSubtype(Mp_TYPE(a), &MpNamespace_Type) &&
        MpType_IsSubtype(Mp_TYPE(b), &MpNamespace_Type)) {
        return MpObject_RichCompare(((Namespace *)a)->ns_dict,
                                    ((Namespace *)b)->ns_dict, op);
    }
    return Mp_NewRef(Mp_NotImplemented);
}

static MpObject *
namespace_get_dict(MpObject *self, void *closure)
{
    return Mp_NewRef(((Namespace *)self)->ns_dict);
}

static MpGetSetDef namespace_getset[] = {
    {"__dict__", namespace_get_dict, NULL, NULL, NULL},
    {NULL},
};

/* __reduce__(): (type(self), (), self.__dict__), for pickle and copy. */
static MpObject *
namespace_reduce(MpObject *self, MpObject *unused)
{
    MpObject *args = MpTuple_New(0);
    MpObject *r = args ? MpTuple_Pack(3, (MpObject *)Mp_TYPE(self), args,
                                      ((Namespace *)self)->ns_dict)
                       : NULL;
    Mp_XDECREF(args);
    return r;
}

static MpMethodDef namespace_methods[] = {
    {"__reduce__", (void *)namespace_reduce, MP_METH_NOARGS, NULL},
    {NULL},
};

MpTypeObject MpNamespace_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(Namespace),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = namespace_dealloc,
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_repr = namespace_repr,
    .tp_richcompare = namespace_richcompare,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_getset = namespace_getset,
    .tp_methods = namespace_methods,
    .tp_getattro = MpObject_GenericGetAttr,
    .tp_setattro = MpObject_GenericSetAttr,
    .tp_dictoffset = offsetof(Namespace, ns_dict),
    .tp_new = namespace_new,
    .tp_init = namespace_init,
};
