/* modulespec.c — module specs, loaders, namespace paths.

   A spec is the import system's record of one module, made when the module
   is found and before it runs: its full name, its loader, where it comes
   from (origin: a file path, "built-in", or None for a namespace package),
   and for a package where its submodules are looked for
   (submodule_search_locations).  The module keeps it as __spec__; while the
   module's body runs, spec._initializing is True, which is how the
   "partially initialized module" messages know (module.c, vm.c).

   A spec keeps its attributes in an instance dict, as CPython's pure-Python
   class does, so code may read and set any of them; `parent` and
   `has_location` are computed.  The loaders are small objects with `name`
   and `path` attributes whose repr (and type name) are CPython's, so that
   `repr(module)` and `repr(spec)` read the same; minipy loads modules in
   C (import.c), not through the loader's methods, which these objects do
   not have.  A namespace package's __path__ is a _NamespacePath: a list
   subclass whose repr is `_NamespacePath([...])` (CPython's is a separate
   list-like class, not a list).

   CPython counterpart: Lib/importlib/_bootstrap.py (ModuleSpec,
   _module_repr_from_spec), Lib/importlib/_bootstrap_external.py.
   Read first: MpModuleSpec_New */
#include "objects/modulespec.h"

#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/type.h"

/* An object that is just an attribute dict (specs and loaders). */
typedef struct {
    MpObject_HEAD
    MpObject *dict;
} MpDictHolder;

static void
holder_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(((MpDictHolder *)o)->dict);
    MpObject_Free(o);
}

static int
holder_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *d = ((MpDictHolder *)o)->dict;
    return d ? visit(d, arg) : 0;
}

static int
holder_clear(MpObject *o)
{
    Mp_CLEAR(&((MpDictHolder *)o)->dict);
    return 0;
}

static MpObject *
holder_get_dict(MpObject *o, void *closure)
{
    (void)closure;
    MpObject **d = &((MpDictHolder *)o)->dict;
    if (*d == NULL && (*d = MpDict_New()) == NULL) {
        return NULL;
    }
    return Mp_NewRef(*d);
}

static MpGetSetDef holder_getset[] = {
    {"__dict__", holder_get_dict, NULL, NULL, NULL},
    {NULL},
};

static MpObject *
holder_new(MpTypeObject *t)
{
    MpDictHolder *h = (MpDictHolder *)MpObject_New(t);
    if (h == NULL) {
        return NULL;
    }
    h->dict = MpDict_New();
    if (h->dict == NULL) {
        Mp_DECREF(h);
        return NULL;
    }
    MpObject_GC_Track(h);
    return (MpObject *)h;
}

/* {====== ModuleSpec ====== */

MpObject *
MpModuleSpec_New(MpObject *name, MpObject *loader, MpObject *origin,
                 MpObject *locations, int has_location)
{
    MpObject *spec = holder_new(&MpModuleSpec_Type);
    if (spec == NULL) {
        return NULL;
    }
    MpObject *d = ((MpDictHolder *)spec)->dict;
    if (MpDict_SetItemString(d, "name", name) < 0 ||
        MpDict_SetItemString(d, "loader", loader ? loader : Mp_None) < 0 ||
        MpDict_SetItemString(d, "origin", origin ? origin : Mp_None) < 0 ||
        MpDict_SetItemString(d, "loader_state", Mp_None) < 0 ||
        MpDict_SetItemString(d, "submodule_search_locations",
                             locations ? locations : Mp_None) < 0 ||
        MpDict_SetItemString(d, "_uninitialized_submodules",
                             Mp_None) < 0 ||
        MpDict_SetItemString(d, "_set_fileattr",
                             has_location ? Mp_True : Mp_False) < 0 ||
        MpDict_SetItemString(d, "_cached", Mp_None) < 0) {
        Mp_DECREF(spec);
        return NULL;
    }
    return spec;
}

int
MpModuleSpec_IsInitializing(MpObject *spec)
{
    if (spec == NULL || spec == Mp_None) {
        return 0;
    }
    MpObject *v = NULL;
    MpObject *key = MpStr_FromString("_initializing");
    int r = key ? MpObject_LookupAttr(spec, key, &v) : -1;
    Mp_XDECREF(key);
    if (r > 0) {
        r = MpObject_IsTrue(v);
        Mp_DECREF(v);
    }
    if (r < 0) {
        MpErr_Clear();
        r = 0;
    }
    return r;
}

/* ModuleSpec(name, loader, *, origin=None, loader_state=None,
   is_package=None) */
static MpObject *
spec_new(MpTypeObject *t, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"name", "loader", "origin",
                                     "loader_state", "is_package", NULL};
    static const MpArgSpec argspec = {"ModuleSpec", kw, 2, 2};
    MpObject *a[5];
    if (MpArg_UnpackTupleDict(&argspec, args, kwargs, a) < 0) {
        return NULL;
    }
    (void)t;
    int is_package = 0;
    if (a[4] != NULL && (is_package = MpObject_IsTrue(a[4])) < 0) {
        return NULL;
    }
    MpObject *locations = is_package ? MpList_New(0) : NULL;
    if (is_package && locations == NULL) {
        return NULL;
    }
    MpObject *spec = MpModuleSpec_New(a[0], a[1], a[2], locations, 0);
    Mp_XDECREF(locations);
    if (spec != NULL && a[3] != NULL &&
        MpDict_SetItemString(((MpDictHolder *)spec)->dict, "loader_state",
                             a[3]) < 0) {
        Mp_CLEAR(&spec);
    }
    return spec;
}

/* spec.<key> from its dict, or None.  Refs: BORROWED. */
static MpObject *
spec_field(MpObject *spec, const char *key)
{
    MpObject *d = ((MpDictHolder *)spec)->dict;
    MpObject *v = d ? MpDict_GetItemString(d, key) : NULL;
    return v ? v : Mp_None;
}

static MpObject *
spec_repr(MpObject *o)
{
    MpObject *origin = spec_field(o, "origin");
    MpObject *locs = spec_field(o, "submodule_search_locations");
    MpObject *head = MpStr_FromFormat("ModuleSpec(name=%R, loader=%R",
                                      spec_field(o, "name"),
                                      spec_field(o, "loader"));
    MpObject *mid = NULL, *tail = NULL, *r = NULL;
    if (head == NULL) {
        return NULL;
    }
    mid = origin != Mp_None ? MpStr_FromFormat(", origin=%R", origin)
                            : MpStr_FromString("");
    tail = locs != Mp_None
               ? MpStr_FromFormat(", submodule_search_locations=%R)", locs)
               : MpStr_FromString(")");
    if (mid != NULL && tail != NULL) {
        r = MpStr_FromFormat("%U%U%U", head, mid, tail);
    }
    Mp_DECREF(head);
    Mp_XDECREF(mid);
    Mp_XDECREF(tail);
    return r;
}

/* parent: the package the module belongs to ("" for a top-level module);
   a package is its own parent. */
static MpObject *
spec_get_parent(MpObject *o, void *closure)
{
    (void)closure;
    MpObject *name = spec_field(o, "name");
    if (!MpStr_Check(name)) {
        return Mp_NewRef(Mp_None);
    }
    if (spec_field(o, "submodule_search_locations") != Mp_None) {
        return Mp_NewRef(name);
    }
    const char *s = MpStr_AsUTF8(name);
    if (s == NULL) {
        return NULL;
    }
    const char *dot = strrchr(s, '.');
    return MpStr_FromUTF8(s, dot ? dot - s : 0);
}

static MpObject *
spec_get_has_location(MpObject *o, void *closure)
{
    (void)closure;
    int b = MpObject_IsTrue(spec_field(o, "_set_fileattr"));
    return b < 0 ? NULL : Mp_NewRef(b ? Mp_True : Mp_False);
}

/* cached: where a compiled copy would be; minipy writes none. */
static MpObject *
spec_get_cached(MpObject *o, void *closure)
{
    (void)closure;
    return Mp_NewRef(spec_field(o, "_cached"));
}

static MpGetSetDef spec_getset[] = {
    {"parent", spec_get_parent, NULL, NULL, NULL},
    {"has_location", spec_get_has_location, NULL, NULL, NULL},
    {"cached", spec_get_cached, NULL, NULL, NULL},
    {"__dict__", holder_get_dict, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpModuleSpec_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "ModuleSpec",
    .tp_basicsize = sizeof(MpDictHolder),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = holder_dealloc,
    .tp_traverse = holder_traverse,
    .tp_clear = holder_clear,
    .tp_repr = spec_repr,
    .tp_getattro = MpObject_GenericGetAttr,
    .tp_setattro = MpObject_GenericSetAttr,
    .tp_new = spec_new,
    .tp_getset = spec_getset,
    .tp_dictoffset = offsetof(MpDictHolder, dict),
    .tp_doc = "The specification for a module, used for loading.",
};
/* }====== */

/* {====== Loaders ====== */

MpObject *
MpLoader_New(MpTypeObject *t, MpObject *name, MpObject *path)
{
    MpObject *l = holder_new(t);
    if (l == NULL) {
        return NULL;
    }
    MpObject *d = ((MpDictHolder *)l)->dict;
    if (name == NULL ? MpDict_SetItemString(d, "_path", path) < 0
                     : (MpDict_SetItemString(d, "name", name) < 0 ||
                        MpDict_SetItemString(d, "path", path) < 0)) {
        Mp_DECREF(l);
        return NULL;
    }
    return l;
}

MpTypeObject MpSourceFileLoader_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_frozen_importlib_external.SourceFileLoader",
    .tp_basicsize = sizeof(MpDictHolder),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = holder_dealloc,
    .tp_traverse = holder_traverse,
    .tp_clear = holder_clear,
    .tp_getattro = MpObject_GenericGetAttr,
    .tp_setattro = MpObject_GenericSetAttr,
    .tp_getset = holder_getset,
    .tp_dictoffset = offsetof(MpDictHolder, dict),
};

MpTypeObject MpNamespaceLoader_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_frozen_importlib_external.NamespaceLoader",
    .tp_basicsize = sizeof(MpDictHolder),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = holder_dealloc,
    .tp_traverse = holder_traverse,
    .tp_clear = holder_clear,
    .tp_getattro = MpObject_GenericGetAttr,
    .tp_setattro = MpObject_GenericSetAttr,
    .tp_getset = holder_getset,
    .tp_dictoffset = offsetof(MpDictHolder, dict),
};

/* The loader of built-in modules is the class itself, as in CPython. */
MpTypeObject MpBuiltinImporter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_frozen_importlib.BuiltinImporter",
    .tp_basicsize = sizeof(MpObject),
};
/* }====== */

/* {====== _NamespacePath ====== */

MpObject *
MpNamespacePath_New(MpObject *list)
{
    if (MpType_Ready(&MpNamespacePath_Type) < 0) {
        return NULL;
    }
    return MpObject_CallOneArg((MpObject *)&MpNamespacePath_Type, list);
}

static MpObject *
nspath_repr(MpObject *o)
{
    MpObject *inner = MpList_Type.tp_repr(o);
    if (inner == NULL) {
        return NULL;
    }
    MpObject *r = MpStr_FromFormat("_NamespacePath(%U)", inner);
    Mp_DECREF(inner);
    return r;
}

MpTypeObject MpNamespacePath_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_frozen_importlib_external._NamespacePath",
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_LIST_SUBCLASS,
    .tp_base = &MpList_Type,
    .tp_repr = nspath_repr,
};
/* }====== */
