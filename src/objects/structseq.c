/* structseq.c — tuples with named fields, made from C (structseq.h).

   The type is an ordinary heap class, built as `class name(tuple):
   __slots__ = ()` would be, with one getset descriptor per field reading
   item i (the descriptor's closure is i) and a repr that names the
   fields.  Instances are allocated as tuple subclass instances are
   (tuple.c's tuple_new), so everything a tuple does -- indexing,
   slicing, unpacking, comparison, hashing -- works unchanged.

   CPython counterpart: Objects/structseq.c.  Read first:
   MpStructSeq_NewType */
#include "objects/structseq.h"

#include <stdint.h>

#include "abstract.h"
#include "errors.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "strbuf.h"

static MpObject *
field_get(MpObject *o, void *closure)
{
    Mp_ssize_t i = (Mp_ssize_t)(intptr_t)closure;
    if (!MpTuple_Check(o) || i >= MpTuple_GET_SIZE(o)) {
        return MpErr_Format(MpExc_TypeError, "descriptor needs a %s",
                            "struct sequence");
    }
    return Mp_NewRef(MpTuple_GET_ITEM(o, i));
}

/* name(field=repr, ...), the names from __match_args__. */
static MpObject *
structseq_repr(MpObject *self)
{
    static MpStrIdentifier id_match = MP_STR_IDENTIFIER("__match_args__");
    MpTypeObject *type = Mp_TYPE(self);
    MpObject *key = MpStr_FromIdentifier(&id_match);
    MpObject *names = key ? MpType_Lookup(type, key) : NULL;
    if (names == NULL || !MpTuple_Check(names)) {
        return MpErr_Format(MpExc_TypeError, "not a struct sequence");
    }
    MpObject *parts = MpTuple_New(MpTuple_GET_SIZE(self));
    if (parts == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(self); i++) {
        MpObject *name = i < MpTuple_GET_SIZE(names)
                             ? MpTuple_GET_ITEM(names, i)
                             : NULL;
        MpObject *p = MpStr_FromFormat("%U=%R", name ? name : Mp_None,
                                       MpTuple_GET_ITEM(self, i));
        if (p == NULL) {
            Mp_DECREF(parts);
            return NULL;
        }
        MpTuple_SET_ITEM(parts, i, p);
    }
    MpObject *sep = MpStr_FromString(", ");
    MpObject *body = sep ? MpStr_Join(sep, parts) : NULL;
    Mp_XDECREF(sep);
    Mp_DECREF(parts);
    if (body == NULL) {
        return NULL;
    }
    /* named with its module, as CPython's: sys.version_info(...) */
    static MpStrIdentifier id_module = MP_STR_IDENTIFIER("__module__");
    MpObject *mkey = MpStr_FromIdentifier(&id_module);
    MpObject *module = mkey ? MpType_Lookup(type, mkey) : NULL;
    MpObject *r = module != NULL && MpStr_Check(module)
                      ? MpStr_FromFormat("%U.%s(%U)", module, type->tp_name,
                                         body)
                      : MpStr_FromFormat("%s(%U)", type->tp_name, body);
    Mp_DECREF(body);
    return r;
}

static MpObject *
structseq_repr_method(MpObject *self, MpObject *unused)
{
    return structseq_repr(self);
}

static MpMethodDef repr_def = {"__repr__", (void *)structseq_repr_method,
                               MP_METH_NOARGS, NULL};

/* Sets ns[key] = value.  Refs: value STOLEN. */
static int
set_steal(MpObject *ns, const char *key, MpObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int r = MpDict_SetItemString(ns, key, value);
    Mp_DECREF(value);
    return r;
}

MpTypeObject *
MpStructSeq_NewType(MpStructSeqDesc *desc)
{
    MpObject *ns = MpDict_New();
    MpObject *names = MpTuple_New(desc->n);
    if (ns == NULL || names == NULL) {
        Mp_XDECREF(ns);
        Mp_XDECREF(names);
        return NULL;
    }
    for (int i = 0; i < desc->n; i++) {
        MpObject *s = MpStr_InternFromString(desc->fields[i]);
        if (s == NULL) {
            Mp_DECREF(ns);
            Mp_DECREF(names);
            return NULL;
        }
        MpTuple_SET_ITEM(names, i, s);
    }
    MpObject *name = MpStr_FromString(desc->name);
    MpObject *bases = MpTuple_Pack(1, (MpObject *)&MpTuple_Type);
    MpTypeObject *type = NULL;
    if (name != NULL && bases != NULL &&
        set_steal(ns, "__module__", MpStr_FromString(desc->module)) == 0 &&
        set_steal(ns, "__slots__", MpTuple_New(0)) == 0 &&
        set_steal(ns, "__match_args__", Mp_NewRef(names)) == 0 &&
        set_steal(ns, "n_fields", MpLong_FromInt64(desc->n)) == 0 &&
        set_steal(ns, "n_sequence_fields", MpLong_FromInt64(desc->n)) == 0 &&
        set_steal(ns, "n_unnamed_fields", MpLong_FromInt64(0)) == 0) {
        type = (MpTypeObject *)MpType_New(&MpType_Type, name, bases, ns);
    }
    Mp_XDECREF(name);
    Mp_XDECREF(bases);
    Mp_DECREF(ns);
    Mp_DECREF(names);
    if (type == NULL) {
        return NULL;
    }
    for (int i = 0; i < desc->n; i++) {
        desc->getset[i] = (MpGetSetDef){desc->fields[i], field_get, NULL,
                                        NULL, (void *)(intptr_t)i};
        MpObject *d = MpDescr_NewGetSet(type, &desc->getset[i]);
        if (d == NULL ||
            MpDict_SetItemString(type->tp_dict, desc->fields[i], d) < 0) {
            Mp_XDECREF(d);
            Mp_DECREF(type);
            return NULL;
        }
        Mp_DECREF(d);
    }
    desc->getset[desc->n] = (MpGetSetDef){NULL};
    MpObject *r = MpDescr_NewMethod(type, &repr_def);
    if (r == NULL || MpDict_SetItemString(type->tp_dict, "__repr__", r) < 0) {
        Mp_XDECREF(r);
        Mp_DECREF(type);
        return NULL;
    }
    Mp_DECREF(r);
    type->tp_repr = structseq_repr;
    MpType_Modified(type);
    return type;
}

MpObject *
MpStructSeq_New(MpTypeObject *type, MpObject **items, int n)
{
    MpObject *o = NULL;
    int ok = 1;
    for (int i = 0; i < n; i++) {
        ok &= items[i] != NULL;
    }
    if (ok) {
        o = MpObject_NewVar(type, n);
    }
    if (o == NULL) {
        for (int i = 0; i < n; i++) {
            Mp_XDECREF(items[i]);
        }
        return NULL;
    }
    for (int i = 0; i < n; i++) {
        ((MpTupleObject *)o)->items[i] = items[i];
    }
    MpObject_GC_Track(o);
    return o;
}
