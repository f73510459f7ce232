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
#include "getargs.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/modulespec.h"
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

/* repr(module), CPython's _module_repr: from the spec when there is one
   (`<module 'a' from '/p/a.py'>`, `<module 'sys' (built-in)>`,
   `<module 'ns' (<loader>)>` for a namespace package), else from the
   loader's module_repr (BuiltinImporter, NamespaceLoader), else from
   __name__, __file__ and __loader__. */
static MpObject *
module_repr(MpObject *o)
{
    MpObject *d = ((MpModuleObject *)o)->md_dict;
    MpObject *spec = d ? MpDict_GetItemString(d, "__spec__") : NULL;
    if (spec != NULL && spec != Mp_None) {
        MpObject *name = MpObject_GetAttrString(spec, "name");
        MpObject *origin = name ? MpObject_GetAttrString(spec, "origin")
                                : NULL;
        MpObject *r = NULL;
        if (origin == NULL) {
            Mp_XDECREF(name);
            return NULL;
        }
        MpObject *shown = name == Mp_None ? MpStr_FromString("?")
                                          : Mp_NewRef(name);
        if (shown == NULL) {
            /* r stays NULL */
        }
        else if (origin == Mp_None) {
            MpObject *loader = MpObject_GetAttrString(spec, "loader");
            if (loader != NULL) {
                r = loader == Mp_None
                        ? MpStr_FromFormat("<module %R>", shown)
                        : MpStr_FromFormat("<module %R (%R)>", shown, loader);
            }
            Mp_XDECREF(loader);
        }
        else {
            MpObject *has = MpObject_GetAttrString(spec, "has_location");
            int b = has ? MpObject_IsTrue(has) : -1;
            Mp_XDECREF(has);
            if (b > 0) {
                r = MpStr_FromFormat("<module %R from %R>", shown, origin);
            }
            else if (b == 0) {
                r = MpStr_FromFormat("<module %R (%S)>", name, origin);
            }
        }
        Mp_XDECREF(shown);
        Mp_DECREF(name);
        Mp_DECREF(origin);
        return r;
    }
    MpObject *name = d ? MpDict_GetItemString(d, "__name__") : NULL;
    MpObject *file = d ? MpDict_GetItemString(d, "__file__") : NULL;
    MpObject *loader = d ? MpDict_GetItemString(d, "__loader__") : NULL;
    MpObject *shown = name ? Mp_NewRef(name) : MpStr_FromString("?");
    if (shown == NULL) {
        return NULL;
    }
    MpObject *r;
    if (loader == (MpObject *)&MpBuiltinImporter_Type ||
        (loader != NULL && Mp_TYPE(loader) == &MpNamespaceLoader_Type)) {
        /* the loaders that have a module_repr() in CPython 3.11 */
        r = MpStr_FromFormat(loader == (MpObject *)&MpBuiltinImporter_Type
                                 ? "<module %R (built-in)>"
                                 : "<module %R (namespace)>",
                             shown);
    }
    else if (file != NULL) {
        r = MpStr_FromFormat("<module %R from %R>", shown, file);
    }
    else if (loader == NULL || loader == Mp_None) {
        r = MpStr_FromFormat("<module %R>", shown);
    }
    else {
        r = MpStr_FromFormat("<module %R (%R)>", shown, loader);
    }
    Mp_DECREF(shown);
    return r;
}

/* The generic lookup, then the module's __getattr__ (PEP 562), then
   CPython's message, which names a circular import when the module's
   spec says its body is still running. */
static MpObject *
module_getattro(MpObject *o, MpObject *name)
{
    MpObject *r = MpObject_GenericGetAttr(o, name);
    if (r != NULL || !MpErr_ExceptionMatches(MpExc_AttributeError)) {
        return r;
    }
    MpObject *d = ((MpModuleObject *)o)->md_dict;
    MpObject *getattr = d ? MpDict_GetItemString(d, "__getattr__") : NULL;
    if (getattr != NULL) {
        MpErr_Clear();
        return MpObject_CallOneArg(getattr, name);
    }
    MpErr_Clear();
    MpObject *modname = d ? MpDict_GetItemString(d, "__name__") : NULL;
    if (modname == NULL || !MpStr_Check(modname)) {
        return MpErr_Format(MpExc_AttributeError,
                            "module has no attribute '%U'", name);
    }
    MpObject *spec = MpDict_GetItemString(d, "__spec__");
    if (((MpModuleObject *)o)->md_initializing ||
        MpModuleSpec_IsInitializing(spec)) {
        /* the circular import's tell-tale */
        return MpErr_Format(MpExc_AttributeError,
                            "partially initialized module '%U' has no "
                            "attribute '%U' (most likely due to a "
                            "circular import)",
                            modname, name);
    }
    return MpErr_Format(MpExc_AttributeError,
                        "module '%U' has no attribute '%U'", modname, name);
}

/* module.__dir__(): the module's own __dir__ (PEP 562) when it defines
   one, else the names in its dict (dir() sorts them). */
static MpObject *
module_dir(MpObject *self, MpObject *unused)
{
    (void)unused;
    MpObject *d = ((MpModuleObject *)self)->md_dict;
    if (d == NULL || !MpDict_Check(d)) {
        return MpErr_Format(MpExc_TypeError,
                            "<module>.__dict__ is not a dictionary");
    }
    MpObject *own = MpDict_GetItemString(d, "__dir__");
    if (own != NULL) {
        return MpObject_CallNoArgs(own);
    }
    return MpDict_Keys(d);
}

static MpMethodDef module_methods[] = {
    {"__dir__", (void *)module_dir, MP_METH_NOARGS, NULL},
    {NULL},
};

/* module(name, doc=None): types.ModuleType. */
static MpObject *
module_new(MpTypeObject *t, MpObject *args, MpObject *kwargs)
{
    (void)args;
    (void)kwargs;
    MpModuleObject *m = (MpModuleObject *)MpObject_New(t);
    if (m == NULL) {
        return NULL;
    }
    m->md_dict = MpDict_New();
    if (m->md_dict == NULL) {
        Mp_DECREF(m);
        return NULL;
    }
    MpObject_GC_Track(m);
    return (MpObject *)m;
}

static int
module_init(MpObject *o, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"name", "doc", NULL};
    static const MpArgSpec spec = {"module", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return -1;
    }
    if (!MpStr_Check(a[0])) {
        MpErr_Format(MpExc_TypeError,
                     "module() argument 'name' must be str, not %T",
                     a[0]);
        return -1;
    }
    MpObject *d = ((MpModuleObject *)o)->md_dict;
    if (MpDict_SetItemString(d, "__name__", a[0]) < 0 ||
        MpDict_SetItemString(d, "__doc__", a[1] ? a[1] : Mp_None) < 0 ||
        MpDict_SetItemString(d, "__package__", Mp_None) < 0 ||
        MpDict_SetItemString(d, "__loader__", Mp_None) < 0 ||
        MpDict_SetItemString(d, "__spec__", Mp_None) < 0) {
        return -1;
    }
    return 0;
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
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_new = module_new,
    .tp_init = module_init,
    .tp_dictoffset = offsetof(MpModuleObject, md_dict),
};
