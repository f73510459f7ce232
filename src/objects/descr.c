/* descr.c — descriptors: how C methods and fields become attributes, and
   classmethod, staticmethod and property.

   A descriptor is an object found in a class whose type defines __get__
   (tp_descr_get) and possibly __set__ (tp_descr_set).  Attribute lookup
   (type.c, MpObject_GenericGetAttr) calls __get__ with the instance, so:
     - a method descriptor bound to an instance gives a built-in method
       (self remembered), called through MpMethodDef_Call;
     - a getset descriptor calls its C getter on the instance;
     - a member descriptor reads a field of the instance's C struct;
     - classmethod binds to the class, staticmethod to nothing, property
       calls fget.
   Data descriptors (with __set__) win over the instance's __dict__;
   non-data descriptors (methods) lose to it.

   CPython counterpart: Objects/descrobject.c, Objects/funcobject.c
   (classmethod, staticmethod), Objects/descrobject.c (property).
   Read first: method_get */
#include "objects/descr.h"

#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Calling an MpMethodDef ====== */

MpObject *
MpMethodDef_Call(MpMethodDef *def, const char *owner, MpObject *self,
                 MpObject *const *args, size_t nargs, MpObject *kwnames)
{
    const char *dot = owner ? "." : "";
    owner = owner ? owner : "";
    int flags = def->ml_flags & ~(MP_METH_CLASS | MP_METH_STATIC);
    if (kwnames != NULL && Mp_SIZE(kwnames) > 0 &&
        flags != (MP_METH_FASTCALL | MP_METH_KEYWORDS)) {
        return MpErr_Format(MpExc_TypeError, "%s%s%s() takes no keyword "
                                             "arguments",
                            owner, dot, def->ml_name);
    }
    switch (flags) {
    case MP_METH_NOARGS:
        if (nargs != 0) {
            return MpErr_Format(MpExc_TypeError,
                                "%s%s%s() takes no arguments (%zu given)",
                                owner, dot, def->ml_name, nargs);
        }
        return ((MpCFunction)def->ml_meth)(self, NULL);
    case MP_METH_O:
        if (nargs != 1) {
            return MpErr_Format(MpExc_TypeError,
                                "%s%s%s() takes exactly one argument (%zu "
                                "given)",
                                owner, dot, def->ml_name, nargs);
        }
        return ((MpCFunction)def->ml_meth)(self, args[0]);
    case MP_METH_FASTCALL:
        return ((MpCFunctionFast)def->ml_meth)(self, args,
                                               (Mp_ssize_t)nargs);
    case MP_METH_FASTCALL | MP_METH_KEYWORDS:
        return ((MpCFunctionFastKw)def->ml_meth)(self, args,
                                                 (Mp_ssize_t)nargs, kwnames);
    default:
        return MpErr_BadInternalCall("MpMethodDef_Call: bad ml_flags");
    }
}
/* }====== */

/* {====== The common part ====== */

typedef struct {
    MpObject_HEAD
    MpTypeObject *d_type;  // the class the descriptor belongs to
    MpObject *d_name;      // str
    union {
        MpMethodDef *method;
        MpGetSetDef *getset;
        MpMemberDef *member;
    } d;
} MpDescrObject;

static MpObject *
descr_new(MpTypeObject *descrtype, MpTypeObject *type, const char *name)
{
    MpDescrObject *d = (MpDescrObject *)MpObject_New(descrtype);
    if (d == NULL) {
        return NULL;
    }
    d->d_type = (MpTypeObject *)Mp_NewRef(type);
    d->d_name = MpStr_InternFromString(name);
    if (d->d_name == NULL) {
        Mp_DECREF(d);
        return NULL;
    }
    /* a class's descriptors point back at it: a cycle the collector must
       see, as in CPython */
    MpObject_GC_Track(d);
    return (MpObject *)d;
}

static int
descr_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpDescrObject *d = (MpDescrObject *)o;
    return d->d_type ? visit((MpObject *)d->d_type, arg) : 0;
}

static void
descr_dealloc(MpObject *o)
{
    MpDescrObject *d = (MpDescrObject *)o;
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(d->d_type);
    Mp_XDECREF(d->d_name);
    MpObject_Free(o);
}

/* Checks that obj is an instance of the descriptor's class. 0 or -1. */
static int
descr_check(MpDescrObject *d, MpObject *obj)
{
    if (!MpType_IsSubtype(Mp_TYPE(obj), d->d_type)) {
        MpErr_Format(MpExc_TypeError,
                     "descriptor '%U' for '%s' objects doesn't apply to a "
                     "'%s' object",
                     d->d_name, MpType_Name(d->d_type),
                     MpType_Name(Mp_TYPE(obj)));
        return -1;
    }
    return 0;
}

static MpObject *
descr_repr_kind(MpObject *o, const char *kind)
{
    MpDescrObject *d = (MpDescrObject *)o;
    return MpStr_FromFormat("<%s '%U' of '%s' objects>", kind, d->d_name,
                            MpType_Name(d->d_type));
}

static MpObject *
descr_get_name(MpObject *o, void *closure)
{
    return Mp_NewRef(((MpDescrObject *)o)->d_name);
}

static MpObject *
descr_get_objclass(MpObject *o, void *closure)
{
    return Mp_NewRef(((MpDescrObject *)o)->d_type);
}

static MpObject *
descr_get_qualname(MpObject *o, void *closure)
{
    MpDescrObject *d = (MpDescrObject *)o;
    return MpStr_FromFormat("%s.%U", MpType_Name(d->d_type), d->d_name);
}

static MpGetSetDef descr_getset[] = {
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {NULL},
};
/* }====== */

/* {====== Method descriptors ====== */

MpObject *
MpDescr_NewMethod(MpTypeObject *type, MpMethodDef *def)
{
    MpDescrObject *d = (MpDescrObject *)descr_new(&MpMethodDescr_Type, type,
                                                  def->ml_name);
    if (d != NULL) {
        d->d.method = def;
    }
    return (MpObject *)d;
}

/* list.append.__get__(l) -> the built-in method l.append */
static MpObject *
method_get(MpObject *self, MpObject *obj, MpObject *type)
{
    MpDescrObject *d = (MpDescrObject *)self;
    if (obj == NULL) {
        return Mp_NewRef(self);
    }
    if (descr_check(d, obj) < 0) {
        return NULL;
    }
    return MpCFunction_New(d->d.method, obj, NULL);
}

/* list.append(l, x): the first argument is self. */
static MpObject *
method_call(MpObject *self, MpObject *const *args, size_t nargs,
            MpObject *kwnames)
{
    MpDescrObject *d = (MpDescrObject *)self;
    if (nargs < 1) {
        return MpErr_Format(MpExc_TypeError,
                            "unbound method %s.%U() needs an argument",
                            MpType_Name(d->d_type), d->d_name);
    }
    if (descr_check(d, args[0]) < 0) {
        return NULL;
    }
    return MpMethodDef_Call(d->d.method, MpType_Name(d->d_type), args[0],
                            args + 1, nargs - 1, kwnames);
}

static MpObject *
method_repr(MpObject *o)
{
    return descr_repr_kind(o, "method");
}

MpTypeObject MpMethodDescr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(MpDescrObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = method_repr,
    .tp_call = method_call,
    .tp_descr_get = method_get,
    .tp_getset = descr_getset,
};

MpObject *
MpDescr_NewClassMethod(MpTypeObject *type, MpMethodDef *def)
{
    MpDescrObject *d = (MpDescrObject *)descr_new(&MpClassMethodDescr_Type,
                                                  type, def->ml_name);
    if (d != NULL) {
        d->d.method = def;
    }
    return (MpObject *)d;
}

/* int.from_bytes: binds to the class, whether reached from the class or an
   instance. */
static MpObject *
classmethod_descr_get(MpObject *self, MpObject *obj, MpObject *type)
{
    if (type == NULL) {
        type = (MpObject *)Mp_TYPE(obj);
    }
    return MpCFunction_New(((MpDescrObject *)self)->d.method, type, NULL);
}

static MpObject *
classmethod_descr_repr(MpObject *o)
{
    return descr_repr_kind(o, "method");
}

MpTypeObject MpClassMethodDescr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(MpDescrObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = classmethod_descr_repr,
    .tp_descr_get = classmethod_descr_get,
    .tp_getset = descr_getset,
};
/* }====== */

/* {====== Getset and member descriptors ====== */

MpObject *
MpDescr_NewGetSet(MpTypeObject *type, MpGetSetDef *def)
{
    MpDescrObject *d = (MpDescrObject *)descr_new(&MpGetSetDescr_Type, type,
                                                  def->name);
    if (d != NULL) {
        d->d.getset = def;
    }
    return (MpObject *)d;
}

static MpObject *
getset_get(MpObject *self, MpObject *obj, MpObject *type)
{
    MpDescrObject *d = (MpDescrObject *)self;
    if (obj == NULL) {
        return Mp_NewRef(self);
    }
    if (descr_check(d, obj) < 0) {
        return NULL;
    }
    return d->d.getset->get(obj, d->d.getset->closure);
}

static int
getset_set(MpObject *self, MpObject *obj, MpObject *value)
{
    MpDescrObject *d = (MpDescrObject *)self;
    if (descr_check(d, obj) < 0) {
        return -1;
    }
    if (d->d.getset->set == NULL) {
        MpErr_Format(MpExc_AttributeError,
                     "attribute '%U' of '%s' objects is not writable",
                     d->d_name, MpType_Name(d->d_type));
        return -1;
    }
    return d->d.getset->set(obj, value, d->d.getset->closure);
}

static MpObject *
getset_repr(MpObject *o)
{
    return descr_repr_kind(o, "attribute");
}

MpTypeObject MpGetSetDescr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(MpDescrObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = descr_getset,
};

MpObject *
MpDescr_NewMember(MpTypeObject *type, MpMemberDef *def)
{
    MpDescrObject *d = (MpDescrObject *)descr_new(&MpMemberDescr_Type, type,
                                                  def->name);
    if (d != NULL) {
        d->d.member = def;
    }
    return (MpObject *)d;
}

static MpObject *
member_get(MpObject *self, MpObject *obj, MpObject *type)
{
    MpDescrObject *d = (MpDescrObject *)self;
    if (obj == NULL) {
        return Mp_NewRef(self);
    }
    if (descr_check(d, obj) < 0) {
        return NULL;
    }
    char *addr = (char *)obj + d->d.member->offset;
    switch (d->d.member->type) {
    case MP_T_OBJECT: {
        MpObject *v = *(MpObject **)addr;
        return Mp_NewRef(v ? v : Mp_None);
    }
    case MP_T_OBJECT_EX: {
        MpObject *v = *(MpObject **)addr;
        if (v == NULL) {
            return MpErr_Format(MpExc_AttributeError,
                                "'%s' object has no attribute '%U'",
                                MpType_Name(Mp_TYPE(obj)), d->d_name);
        }
        return Mp_NewRef(v);
    }
    case MP_T_SSIZE:
        return MpLong_FromSsize_t(*(Mp_ssize_t *)addr);
    case MP_T_INT:
        return MpLong_FromInt64(*(int *)addr);
    case MP_T_BOOL:
        return MpBool_FromLong(*(char *)addr);
    }
    return MpErr_BadInternalCall("member_get");
}

static int
member_set(MpObject *self, MpObject *obj, MpObject *value)
{
    MpDescrObject *d = (MpDescrObject *)self;
    if (descr_check(d, obj) < 0) {
        return -1;
    }
    if (d->d.member->readonly) {
        MpErr_SetString(MpExc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + d->d.member->offset;
    switch (d->d.member->type) {
    case MP_T_OBJECT:
    case MP_T_OBJECT_EX: {
        MpObject **slot = (MpObject **)addr;
        if (value == NULL && d->d.member->type == MP_T_OBJECT_EX &&
            *slot == NULL) {
            MpErr_Format(MpExc_AttributeError, "'%s' object has no "
                                               "attribute '%U'",
                         MpType_Name(Mp_TYPE(obj)), d->d_name);
            return -1;
        }
        Mp_XINCREF(value);
        Mp_SETREF(slot, value);
        return 0;
    }
    default:
        if (value == NULL) {
            MpErr_SetString(MpExc_TypeError, "can't delete numeric/char "
                                             "attribute");
            return -1;
        }
        Mp_ssize_t v = MpLong_AsSsize_t(value);
        if (v == -1 && MpErr_Occurred()) {
            return -1;
        }
        if (d->d.member->type == MP_T_SSIZE) {
            *(Mp_ssize_t *)addr = v;
        }
        else if (d->d.member->type == MP_T_INT) {
            *(int *)addr = (int)v;
        }
        else {
            *(char *)addr = v != 0;
        }
        return 0;
    }
}

static MpObject *
member_repr(MpObject *o)
{
    return descr_repr_kind(o, "member");
}

MpTypeObject MpMemberDescr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(MpDescrObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = descr_dealloc,
    .tp_traverse = descr_traverse,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = descr_getset,
};
/* }====== */

/* {====== classmethod and staticmethod ====== */

typedef struct {
    MpObject_HEAD
    MpObject *callable;
    MpObject *dict;
} MpWrapperObject;

static MpObject *
wrapper_new(MpTypeObject *type, MpObject *f)
{
    MpWrapperObject *w = (MpWrapperObject *)MpObject_New(type);
    if (w == NULL) {
        return NULL;
    }
    w->callable = Mp_NewRef(f);
    MpObject_GC_Track(w);
    return (MpObject *)w;
}

MpObject *
MpClassMethod_New(MpObject *f)
{
    return wrapper_new(&MpClassMethod_Type, f);
}

MpObject *
MpStaticMethod_New(MpObject *f)
{
    return wrapper_new(&MpStaticMethod_Type, f);
}

static void
wrapper_dealloc(MpObject *o)
{
    MpWrapperObject *w = (MpWrapperObject *)o;
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(w->callable);
    Mp_XDECREF(w->dict);
    MpObject_Free(o);
}

static int
wrapper_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpWrapperObject *w = (MpWrapperObject *)o;
    if (w->callable && visit(w->callable, arg)) {
        return 1;
    }
    return w->dict ? visit(w->dict, arg) : 0;
}

static int
wrapper_clear(MpObject *o)
{
    MpWrapperObject *w = (MpWrapperObject *)o;
    Mp_CLEAR(&w->callable);
    Mp_CLEAR(&w->dict);
    return 0;
}

static MpObject *
wrapper_new_from_args(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && Mp_SIZE(kwargs) != 0) {
        return MpErr_Format(MpExc_TypeError, "%s() takes no keyword "
                                             "arguments",
                            type->tp_name);
    }
    if (Mp_SIZE(args) != 1) {
        return MpErr_Format(MpExc_TypeError,
                            "%s expected 1 argument, got %zd", type->tp_name,
                            Mp_SIZE(args));
    }
    return wrapper_new(type, MpTuple_GET_ITEM(args, 0));
}

static MpObject *
classmethod_get(MpObject *self, MpObject *obj, MpObject *type)
{
    MpWrapperObject *w = (MpWrapperObject *)self;
    if (type == NULL) {
        type = (MpObject *)Mp_TYPE(obj);
    }
    return MpMethod_New(w->callable, type);
}

static MpObject *
staticmethod_get(MpObject *self, MpObject *obj, MpObject *type)
{
    return Mp_NewRef(((MpWrapperObject *)self)->callable);
}

/* staticmethod objects are callable themselves since 3.10. */
static MpObject *
staticmethod_call(MpObject *self, MpObject *const *args, size_t nargs,
                  MpObject *kwnames)
{
    return MpObject_Vectorcall(((MpWrapperObject *)self)->callable, args,
                               nargs, kwnames);
}

static MpMemberDef wrapper_members[] = {
    {"__func__", MP_T_OBJECT, offsetof(MpWrapperObject, callable), 1, NULL},
    {"__wrapped__", MP_T_OBJECT, offsetof(MpWrapperObject, callable), 1,
     NULL},
    {NULL},
};

MpTypeObject MpClassMethod_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(MpWrapperObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = wrapper_dealloc,
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_descr_get = classmethod_get,
    .tp_members = wrapper_members,
    .tp_new = wrapper_new_from_args,
    .tp_dictoffset = offsetof(MpWrapperObject, dict),
};

MpTypeObject MpStaticMethod_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(MpWrapperObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = wrapper_dealloc,
    .tp_traverse = wrapper_traverse,
    .tp_clear = wrapper_clear,
    .tp_call = staticmethod_call,
    .tp_descr_get = staticmethod_get,
    .tp_members = wrapper_members,
    .tp_new = wrapper_new_from_args,
    .tp_dictoffset = offsetof(MpWrapperObject, dict),
};
/* }====== */
