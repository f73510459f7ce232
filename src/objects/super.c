/* super.c — super(): attribute lookup that starts after a class in the
   MRO of an instance's type.

   super(C, obj).name looks for name along type(obj).__mro__, beginning
   just after C, and binds what it finds to obj (calling __get__), so that
   in cooperative multiple inheritance each class's method reaches the next
   one in the MRO of the actual object — which is why the diamond calls A
   once.

   The zero-argument form super() takes C from the method's __class__ cell
   (the compiler creates it for any method that mentions super or
   __class__, and the class statement fills it with the new class) and obj
   from the method's first argument.

   CPython counterpart: Objects/typeobject.c (super_getattro,
   super_init_without_args).  Read first: super_getattro */
#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm.h"

typedef struct {
    MpObject_HEAD
    MpTypeObject *type;      // the class given (C)
    MpObject *obj;           // the instance or class bound, or NULL
    MpTypeObject *obj_type;  // type(obj), or obj itself for a class
} MpSuperObject;

extern MpTypeObject MpSuper_Type;

/* The type whose MRO super() walks: type(obj), or obj when obj is a
   subclass of type (super in a classmethod).  NULL with TypeError when
   neither.  Refs: NEW. */
static MpTypeObject *
supercheck(MpTypeObject *type, MpObject *obj)
{
    if (MpType_Check(obj) &&
        MpType_IsSubtype((MpTypeObject *)obj, type)) {
        return (MpTypeObject *)Mp_NewRef(obj);
    }
    if (MpType_IsSubtype(Mp_TYPE(obj), type)) {
        return (MpTypeObject *)Mp_NewRef(Mp_TYPE(obj));
    }
    MpErr_SetString(MpExc_TypeError,
                    "super(type, obj): obj must be an instance or subtype "
                    "of type");
    return NULL;
}

/* super() inside a method: C from the __class__ cell, obj from the first
   argument of the running frame.  0 or -1. */
static int
super_from_frame(MpTypeObject **type, MpObject **obj)
{
    MpFrame *f = MpEval_CurrentFrame();
    if (f == NULL) {
        MpErr_SetString(MpExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    MpCodeObject *co = f->f_code;
    if (co->co_argcount == 0) {
        MpErr_SetString(MpExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    MpObject *first = f->f_localsplus[0];
    if (co->co_cell2arg != NULL) {
        /* the first argument became a cell: its value is in the cell */
        for (int i = 0; i < co->co_ncellvars; i++) {
            if (co->co_cell2arg[i] == 0) {
                MpObject *cell = f->f_localsplus[co->co_nlocals + i];
                first = cell ? ((MpCellObject *)cell)->ob_ref : NULL;
                break;
            }
        }
    }
    if (first == NULL) {
        MpErr_SetString(MpExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->co_nfreevars; i++) {
        MpObject *name = MpTuple_GET_ITEM(co->co_freevars, i);
        if (MpStr_CompareWithASCII(name, "__class__") != 0) {
            continue;
        }
        MpObject *cell =
            f->f_localsplus[co->co_nlocals + co->co_ncellvars + i];
        MpObject *cls = cell ? ((MpCellObject *)cell)->ob_ref : NULL;
        if (cls == NULL) {
            MpErr_SetString(MpExc_RuntimeError,
                            "super(): empty __class__ cell");
            return -1;
        }
        if (!MpType_Check(cls)) {
            MpErr_Format(MpExc_RuntimeError,
                         "super(): __class__ is not a type (%s)",
                         MpType_Name(Mp_TYPE(cls)));
            return -1;
        }
        *type = (MpTypeObject *)cls;
        *obj = first;
        return 0;
    }
    MpErr_SetString(MpExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int
super_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    MpSuperObject *su = (MpSuperObject *)self;
    if (kwargs != NULL && Mp_SIZE(kwargs) > 0) {
        MpErr_SetString(MpExc_TypeError, "super() takes no keyword "
                                         "arguments");
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    MpTypeObject *type;
    MpObject *obj = NULL;
    if (n == 0) {
        if (super_from_frame(&type, &obj) < 0) {
            return -1;
        }
    }
    else if (n <= 2) {
        MpObject *t = MpTuple_GET_ITEM(args, 0);
        if (!MpType_Check(t)) {
            MpErr_Format(MpExc_TypeError,
                         "super() argument 1 must be a type, not %s",
                         MpType_Name(Mp_TYPE(t)));
            return -1;
        }
        type = (MpTypeObject *)t;
        obj = n == 2 ? MpTuple_GET_ITEM(args, 1) : NULL;
        if (obj == Mp_None) {
            obj = NULL;
        }
    }
    else {
        MpErr_Format(MpExc_TypeError,
                     "super() takes at most 2 arguments (%zd given)", n);
        return -1;
    }
    MpTypeObject *obj_type = NULL;
    if (obj != NULL && (obj_type = supercheck(type, obj)) == NULL) {
        return -1;
    }
    Mp_SETREF((MpObject **)&su->type, Mp_NewRef(type));
    Mp_XINCREF(obj);
    Mp_SETREF(&su->obj, obj);
    Mp_SETREF((MpObject **)&su->obj_type, (MpObject *)obj_type);
    return 0;
}

static MpObject *
super_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpObject *o = MpObject_New(type);
    if (o != NULL) {
        MpObject_GC_Track(o);
    }
    return o;
}

/* The attribute after su->type in the MRO of su->obj_type, bound to obj;
   __class__ and anything not found fall back to super's own attributes. */
static MpObject *
super_getattro(MpObject *self, MpObject *name)
{
    MpSuperObject *su = (MpSuperObject *)self;
    MpTypeObject *start = su->obj_type;
    if (start != NULL && MpStr_Check(name) &&
        MpStr_CompareWithASCII(name, "__class__") != 0) {
        MpObject *mro = start->tp_mro;
        Mp_ssize_t n = mro ? MpTuple_GET_SIZE(mro) : 0, i = 0;
        while (i < n && MpTuple_GET_ITEM(mro, i) != (MpObject *)su->type) {
            i++;
        }
        for (i++; i < n; i++) {
            MpTypeObject *t = (MpTypeObject *)MpTuple_GET_ITEM(mro, i);
            MpObject *v = t->tp_dict
                              ? MpDict_GetItemWithError(t->tp_dict, name)
                              : NULL;
            if (v == NULL) {
                if (MpErr_Occurred()) {
                    return NULL;
                }
                continue;
            }
            descrgetfunc get = Mp_TYPE(v)->tp_descr_get;
            if (get == NULL) {
                return Mp_NewRef(v);
            }
            Mp_INCREF(v);
            /* a class bound by super() is no instance: bind to nothing */
            MpObject *inst = su->obj == (MpObject *)start ? NULL : su->obj;
            MpObject *r = get(v, inst, (MpObject *)start);
            Mp_DECREF(v);
            return r;
        }
    }
    return MpObject_GenericGetAttr(self, name);
}

static MpObject *
super_repr(MpObject *self)
{
    MpSuperObject *su = (MpSuperObject *)self;
    if (su->obj_type != NULL) {
        return MpStr_FromFormat("<super: <class '%s'>, <%s object>>",
                                MpType_Name(su->type),
                                MpType_Name(su->obj_type));
    }
    return MpStr_FromFormat("<super: <class '%s'>, NULL>",
                            su->type ? MpType_Name(su->type) : "NULL");
}

static void
super_dealloc(MpObject *self)
{
    MpSuperObject *su = (MpSuperObject *)self;
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(su->type);
    Mp_XDECREF(su->obj);
    Mp_XDECREF(su->obj_type);
    MpObject_Free(self);
}

static int
super_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpSuperObject *su = (MpSuperObject *)self;
    MpObject *refs[] = {(MpObject *)su->type, su->obj,
                        (MpObject *)su->obj_type};
    for (size_t i = 0; i < 3; i++) {
        if (refs[i] != NULL && visit(refs[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static MpMemberDef super_members[] = {
    {"__thisclass__", MP_T_OBJECT, offsetof(MpSuperObject, type), 1, NULL},
    {"__self__", MP_T_OBJECT, offsetof(MpSuperObject, obj), 1, NULL},
    {"__self_class__", MP_T_OBJECT, offsetof(MpSuperObject, obj_type), 1,
     NULL},
    {NULL},
};

MpTypeObject MpSuper_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "super",
    .tp_basicsize = sizeof(MpSuperObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_members = super_members,
    .tp_new = super_new,
    .tp_init = super_init,
    .tp_doc = "super() -> same as super(__class__, <first argument>)",
};
