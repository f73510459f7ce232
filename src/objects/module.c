/* module.c — module objects.

   A module is little more than its dict: attribute access reads and writes
   the dict (through the generic attribute protocol, since the dict sits at
   tp_dictoffset).  What makes modules special is import (import.c): a
   module is put in sys.modules before its code runs, so a circular import
   sees it half-built.

   CPython counterpart: Objects/moduleobject.c.  Read first: MpModule_New */
#include "objects/module.h"

#include <stddef.h>

#include "abstract.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/str.h"
#include "objects/type.h"
#include "objects/weakref.h"

MpObject *
MpModule_New(const char *name)
{
    MpModuleObject *m = (MpModuleObject *)MpObject_New(&MpModule_Type);
    if (m == NULL) {
        return NULL;
    }
    m->md_dict = MpDict_New();
    MpObject *nameobj = MpStr_FromString(name);
    if (m->md_dict == NULL || nameobj == NULL ||
        MpDict_SetItemString(m->md_dict, "__name__", nameobj) < 0 ||
        MpDict_SetItemString(m->md_dict, "__doc__", Mp_None) < 0 ||
        MpDict_SetItemString(m->md_dict, "__package__", Mp_None) < 0 ||
        MpDict_SetItemString(m->md_dict, "__loader__", Mp_None) < 0 ||
        MpDict_SetItemString(m->md_dict, "__spec__", Mp_None) < 0) {
        Mp_XDECREF(nameobj);
        Mp_DECREF(m);
        return NULL;
    }
    Mp_DECREF(nameobj);
    MpObject_GC_Track(m);
    return (MpObject *)m;
}

int
MpModule_AddFunctions(MpObject *m, MpMethodDef *defs)
{
    for (MpMethodDef *d = defs; d->ml_name != NULL; d++) {
        MpObject *f = MpCFunction_New(d, m, NULL);
        if (f == NULL || MpDict_SetItemString(MpModule_GetDict(m), d->ml_name,
                                              f) < 0) {
            Mp_XDECREF(f);
            return -1;
        }
        Mp_DECREF(f);
    }
    return 0;
}

int
MpModule_AddObject(MpObject *m, const char *name, MpObject *value)
{
    if (value == NULL) {
        return -1;
    }
    int r = MpDict_SetItemString(MpModule_GetDict(m), name, value);
    Mp_DECREF(value);
    return r;
}

static void
module_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    if (((MpModuleObject *)o)->md_weaklist != NULL) {
        MpObject_ClearWeakRefs(o);
    }
    Mp_XDECREF(((MpModuleObject *)o)->md_dict);
    MpObject_Free(o);
}

static int
module_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *d = ((MpModuleObject *)o)->md_dict;
    return d ? visit(d, arg) : 0;
}

static int
module_clear(MpObject *o)
{
    Mp_CLEAR(&((MpModuleObject *)o)->md_dict);
    return 0;
}

static MpObject *
module_repr(MpObject *o)
{
    MpObject *d = ((MpModuleObject *)o)->md_dict;
    MpObject *name = d ? MpDict_GetItemString(d, "__name__") : NULL;
    MpObject *file = d ? MpDict_GetItemString(d, "__file__") : NULL;
    if (name == NULL) {
        return MpStr_FromString("<module '?'>");
    }
    if (file != NULL && MpStr_Check(file)) {
        return MpStr_FromFormat("<module %R from %R>", name, file);
    }
    return MpStr_FromFormat("<module %R (built-in)>", name);
}

/* The generic lookup, then the module's __getattr__ (PEP 562), then
   CPython's message. */
static MpObject *
module_getattro(MpObject *o, MpObject *name)
{
    MpObject *r = MpObject_GenericGetAttr(o, name);
    if (r != NULL || !MpErr_ExceptionMatches(MpExc_AttributeError)) {
        return r;
    }
    MpErr_Clear();
    MpObject *d = ((MpModuleObject *)o)->md_dict;
    MpObject *getattr = d ? MpDict_GetItemString(d, "__getattr__") : NULL;
    if (getattr != NULL) {
        return MpObject_CallOneArg(getattr, name);
    }
    MpObject *modname = d ? MpDict_GetItemString(d, "__name__") : NULL;
    if (modname != NULL && MpStr_Check(modname)) {
        if (((MpModuleObject *)o)->md_initializing) {
            /* the circular import's tell-tale */
            return MpErr_Format(MpExc_AttributeError,
                                "partially initialized module '%U' has no "
                                "attribute '%U' (most likely due to a "
                                "circular import)",
                                modname, name);
        }
        return MpErr_Format(MpExc_AttributeError,
                            "module '%U' has no attribute '%U'", modname,
                            name);
    }
    return MpErr_Format(MpExc_AttributeError,
                        "module has no attribute '%U'", name);
}

static MpObject *
module_get_dict(MpObject *o, void *closure)
{
    return Mp_NewRef(((MpModuleObject *)o)->md_dict);
}

static MpGetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpModule_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "module",
    .tp_basicsize = sizeof(MpModuleObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(MpModuleObject, md_weaklist),
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(MpModuleObject, md_dict),
};
