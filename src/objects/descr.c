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
#include "getargs.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Calling an MpMethodDef ====== */

/* The "list." of "list.pop() takes no arguments (1 given)": owner's name
   and a dot, or nothing for a module-level function (or one of
   MP_METH_VARARGS style, whose messages name the bare function). */
static void
owner_prefix(const MpMethodDef *def, const MpTypeObject *owner,
             const char **name, const char **dot)
{
    int named = owner != NULL && !(def->ml_flags & MP_METH_VARARGS);
    *name = named ? MpType_Name(owner) : "";
    *dot = named ? "." : "";
}

MpObject *
MpMethodDef_Call(MpMethodDef *def, const MpTypeObject *owner, MpObject *self,
                 MpObject *const *args, size_t nargs, MpObject *kwnames)
{
    const char *tpname, *dot;
    int flags = def->ml_flags &
                ~(MP_METH_CLASS | MP_METH_STATIC | MP_METH_VARARGS);
    if (kwnames != NULL && Mp_SIZE(kwnames) > 0 &&
        flags != (MP_METH_FASTCALL | MP_METH_KEYWORDS)) {
        owner_prefix(def, owner, &tpname, &dot);
        return MpErr_Format(MpExc_TypeError, "%s%s%s() takes no keyword "
                                             "arguments",
                            tpname, dot, def->ml_name);
    }
    switch (flags) {
    case MP_METH_NOARGS:
        if (nargs != 0) {
            owner_prefix(def, owner, &tpname, &dot);
            return MpErr_Format(MpExc_TypeError,
                                "%s%s%s() takes no arguments (%zu given)",
                                tpname, dot, def->ml_name, nargs);
        }
        return ((MpCFunction)def->ml_meth)(self, NULL);
    case MP_METH_O:
        if (nargs != 1) {
            owner_prefix(def, owner, &tpname, &dot);
            return MpErr_Format(MpExc_TypeError,
                                "%s%s%s() takes exactly one argument (%zu "
                                "given)",
                                tpname, dot, def->ml_name, nargs);
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
    return MpMethodDef_Call(d->d.method, d->d_type, args[0],
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
                     d->d_name, d->d_type->tp_name);
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
            /* CPython 3.11 names only the attribute here */
            MpErr_SetObject(MpExc_AttributeError, d->d_name);
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

/* classmethod(f).__isabstractmethod__ is f's (abc.abstractmethod under
   @classmethod or @staticmethod). */
static MpObject *
wrapper_get_isabstract(MpObject *self, void *closure)
{
    MpObject *name = MpStr_InternFromString("__isabstractmethod__");
    MpObject *v = NULL;
    int found = name ? MpObject_LookupAttr(((MpWrapperObject *)self)->callable,
                                           name, &v)
                     : -1;
    Mp_XDECREF(name);
    if (found <= 0) {
        return found < 0 ? NULL : Mp_NewRef(Mp_False);
    }
    int t = MpObject_IsTrue(v);
    Mp_DECREF(v);
    return t < 0 ? NULL : MpBool_FromLong(t);
}

static MpGetSetDef wrapper_getset[] = {
    {"__isabstractmethod__", wrapper_get_isabstract, NULL, NULL, NULL},
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
    .tp_getset = wrapper_getset,
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
    .tp_getset = wrapper_getset,
    .tp_new = wrapper_new_from_args,
    .tp_dictoffset = offsetof(MpWrapperObject, dict),
};
/* }====== */

/* {====== property ======
   property(fget, fset, fdel, doc) is a data descriptor: it has __set__, so
   attribute lookup on an instance calls its __get__ before looking in the
   instance's __dict__, and assignment goes through __set__ even when the
   instance has a dict entry of the same name.

       obj.x        -> fget(obj)       (AttributeError without fget)
       obj.x = v    -> fset(obj, v)    (AttributeError without fset)
       del obj.x    -> fdel(obj)       (AttributeError without fdel)
       C.x          -> the property itself

   getter/setter/deleter return a copy with one function replaced, made
   by calling type(self) so that subclasses of property stay themselves;
   that is what makes `@x.setter` work.  The name shown in the error
   messages is the one given by __set_name__ (called when the class
   statement binds the property); 3.11 does not fall back to fget.__name__.
   When doc is not given, fget.__doc__ is used and remembered as such
   (prop_getter_doc), so that a copy with another getter takes the new
   getter's docstring.

   Difference from CPython: for a subclass of property CPython stores the
   docstring in the instance's __dict__ (so that the subclass's own
   __doc__ does not hide it); minipy always keeps it in prop_doc. */

typedef struct {
    MpObject_HEAD
    MpObject *prop_get, *prop_set, *prop_del;  // NULL when not given
    MpObject *prop_doc;                        // NULL when none
    MpObject *prop_name;                       // from __set_name__, or NULL
    int prop_getter_doc;  // prop_doc came from fget.__doc__
} MpPropertyObject;

static MpObject *
property_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpObject *self = MpObject_New(type);
    if (self != NULL) {
        MpObject_GC_Track(self);
    }
    return self;
}

/* property(fget=None, fset=None, fdel=None, doc=None), as __init__ so that
   a subclass's __init__ can call it through super(). */
static int
property_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"fget", "fset", "fdel", "doc", NULL};
    MpArgSpec spec = {"property", kw, 0, 4};
    MpPropertyObject *p = (MpPropertyObject *)self;
    MpObject *a[4];
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    Mp_ssize_t nk = kwargs != NULL ? MpDict_GET_SIZE(kwargs) : 0;
    if (n + nk > 4) {
        MpErr_Format(MpExc_TypeError,
                     "property() takes at most 4 arguments (%zd given)",
                     n + nk);
        return -1;
    }
    int rc = MpArg_UnpackTupleDict(&spec, args, kwargs, a);
    if (rc < 0) {
        return -1;
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] == Mp_None) {
            a[i] = NULL;
        }
    }
    MpObject *doc = NULL;
    int getter_doc = 0;
    if (a[3] != NULL && a[3] != Mp_None) {
        doc = Mp_NewRef(a[3]);
    }
    else if (a[0] != NULL) {
        MpObject *name = MpStr_InternFromString("__doc__");
        int found = name ? MpObject_LookupAttr(a[0], name, &doc) : -1;
        Mp_XDECREF(name);
        if (found < 0) {
            return -1;
        }
        if (doc == Mp_None) {
            Mp_CLEAR(&doc);
        }
        getter_doc = doc != NULL;
    }
    Mp_XINCREF(a[0]);
    Mp_XINCREF(a[1]);
    Mp_XINCREF(a[2]);
    Mp_SETREF(&p->prop_get, a[0]);
    Mp_SETREF(&p->prop_set, a[1]);
    Mp_SETREF(&p->prop_del, a[2]);
    Mp_SETREF(&p->prop_doc, doc);
    Mp_CLEAR(&p->prop_name);
    p->prop_getter_doc = getter_doc;
    return 0;
}

static void
property_dealloc(MpObject *self)
{
    MpPropertyObject *p = (MpPropertyObject *)self;
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(p->prop_get);
    Mp_XDECREF(p->prop_set);
    Mp_XDECREF(p->prop_del);
    Mp_XDECREF(p->prop_doc);
    Mp_XDECREF(p->prop_name);
    MpObject_Free(self);
}

static int
property_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpPropertyObject *p = (MpPropertyObject *)self;
    MpObject *refs[] = {p->prop_get, p->prop_set, p->prop_del, p->prop_doc,
                        p->prop_name};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i] != NULL && visit(refs[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static int
property_clear(MpObject *self)
{
    MpPropertyObject *p = (MpPropertyObject *)self;
    Mp_CLEAR(&p->prop_get);
    Mp_CLEAR(&p->prop_set);
    Mp_CLEAR(&p->prop_del);
    Mp_CLEAR(&p->prop_doc);
    Mp_CLEAR(&p->prop_name);
    return 0;
}

/* AttributeError for a missing fget/fset/fdel, worded as CPython 3.11:
   "property 'x' of 'A' object has no setter", without the name when
   __set_name__ never ran.  what is "getter", "setter" or "deleter". */
static void
property_missing(MpPropertyObject *p, MpObject *obj, const char *what)
{
    MpObject *qualname = MpObject_GetAttrString((MpObject *)Mp_TYPE(obj),
                                                "__qualname__");
    if (qualname == NULL) {
        MpErr_Clear();
        if (what[0] == 'g') {
            MpErr_SetString(MpExc_AttributeError, "property has no getter");
        }
        else {
            MpErr_SetString(MpExc_AttributeError,
                            what[0] == 's' ? "can't set attribute"
                                           : "can't delete attribute");
        }
        return;
    }
    if (p->prop_name != NULL) {
        MpErr_Format(MpExc_AttributeError,
                     "property %R of %R object has no %s", p->prop_name,
                     qualname, what);
    }
    else {
        MpErr_Format(MpExc_AttributeError,
                     "property of %R object has no %s", qualname, what);
    }
    Mp_DECREF(qualname);
}

static MpObject *
property_get(MpObject *self, MpObject *obj, MpObject *type)
{
    MpPropertyObject *p = (MpPropertyObject *)self;
    if (obj == NULL || obj == Mp_None) {
        return Mp_NewRef(self);
    }
    if (p->prop_get == NULL) {
        property_missing(p, obj, "getter");
        return NULL;
    }
    return MpObject_CallOneArg(p->prop_get, obj);
}

/* obj.x = value (value not NULL) or del obj.x (value NULL). */
static int
property_set(MpObject *self, MpObject *obj, MpObject *value)
{
    MpPropertyObject *p = (MpPropertyObject *)self;
    MpObject *func = value != NULL ? p->prop_set : p->prop_del;
    if (func == NULL) {
        property_missing(p, obj, value != NULL ? "setter" : "deleter");
        return -1;
    }
    MpObject *args[2] = {obj, value};
    MpObject *r = MpObject_Vectorcall(func, args, value != NULL ? 2 : 1,
                                      NULL);
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

/* A copy of old with get, set or del replaced (NULL or None: keep old's),
   made by calling type(old) so that a subclass makes its own kind.
   Refs: NEW. */
static MpObject *
property_copy(MpObject *old, MpObject *get, MpObject *set, MpObject *del)
{
    MpPropertyObject *p = (MpPropertyObject *)old;
    if (get == NULL || get == Mp_None) {
        get = p->prop_get ? p->prop_get : Mp_None;
    }
    if (set == NULL || set == Mp_None) {
        set = p->prop_set ? p->prop_set : Mp_None;
    }
    if (del == NULL || del == Mp_None) {
        del = p->prop_del ? p->prop_del : Mp_None;
    }
    /* A docstring taken from the old getter is not passed on: __init__
       takes the (possibly new) getter's own. */
    MpObject *doc = Mp_None;
    if (!(p->prop_getter_doc && get != Mp_None) && p->prop_doc != NULL) {
        doc = p->prop_doc;
    }
    MpObject *args[4] = {get, set, del, doc};
    MpObject *new = MpObject_Vectorcall((MpObject *)Mp_TYPE(old), args, 4,
                                        NULL);
    if (new != NULL && MpType_IsSubtype(Mp_TYPE(new), &MpProperty_Type)) {
        MpPropertyObject *np = (MpPropertyObject *)new;
        Mp_XINCREF(p->prop_name);
        Mp_SETREF(&np->prop_name, p->prop_name);
    }
    return new;
}

static MpObject *
property_getter(MpObject *self, MpObject *fget)
{
    return property_copy(self, fget, NULL, NULL);
}

static MpObject *
property_setter(MpObject *self, MpObject *fset)
{
    return property_copy(self, NULL, fset, NULL);
}

static MpObject *
property_deleter(MpObject *self, MpObject *fdel)
{
    return property_copy(self, NULL, NULL, fdel);
}

/* Called by the class statement with the class and the name bound. */
static MpObject *
property_set_name(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs != 2) {
        return MpErr_Format(MpExc_TypeError,
                            "__set_name__() takes 2 positional arguments "
                            "but %zd were given", nargs);
    }
    MpPropertyObject *p = (MpPropertyObject *)self;
    Mp_INCREF(args[1]);
    Mp_SETREF(&p->prop_name, args[1]);
    return Mp_NewRef(Mp_None);
}

/* True when any of the three functions says it is abstract (abc). */
static MpObject *
property_get_isabstract(MpObject *self, void *closure)
{
    MpPropertyObject *p = (MpPropertyObject *)self;
    MpObject *funcs[] = {p->prop_get, p->prop_set, p->prop_del};
    MpObject *name = MpStr_InternFromString("__isabstractmethod__");
    if (name == NULL) {
        return NULL;
    }
    int result = 0;
    for (size_t i = 0; i < 3 && result == 0; i++) {
        MpObject *v = NULL;
        if (funcs[i] == NULL) {
            continue;
        }
        int found = MpObject_LookupAttr(funcs[i], name, &v);
        if (found > 0) {
            result = MpObject_IsTrue(v);
            Mp_DECREF(v);
        }
        else if (found < 0) {
            result = -1;
        }
    }
    Mp_DECREF(name);
    return result < 0 ? NULL : MpBool_FromLong(result);
}

static MpMethodDef property_methods[] = {
    {"getter", (void *)property_getter, MP_METH_O, NULL},
    {"setter", (void *)property_setter, MP_METH_O, NULL},
    {"deleter", (void *)property_deleter, MP_METH_O, NULL},
    {"__set_name__", (void *)property_set_name, MP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMemberDef property_members[] = {
    {"fget", MP_T_OBJECT, offsetof(MpPropertyObject, prop_get), 1, NULL},
    {"fset", MP_T_OBJECT, offsetof(MpPropertyObject, prop_set), 1, NULL},
    {"fdel", MP_T_OBJECT, offsetof(MpPropertyObject, prop_del), 1, NULL},
    {"__doc__", MP_T_OBJECT, offsetof(MpPropertyObject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static MpGetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpProperty_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "property",
    .tp_basicsize = sizeof(MpPropertyObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
    .tp_new = property_new,
    .tp_init = property_init,
};
/* }====== */
