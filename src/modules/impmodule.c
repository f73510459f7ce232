/* impmodule.c — _imp: the C half of lib/importlib.

   importlib (lib/importlib/) is our own Python; what it cannot do in
   Python it asks of the import system (import.c, runmodule.c) through the
   functions here, which are thin wrappers:

     find_spec(name, path=None)   the spec of absolute `name` among the
                                  built-in modules and the directories of
                                  path (default sys.path); None if absent;
                                  nothing is imported
     util_find_spec(name)         importlib.util.find_spec for an absolute
                                  name (imports the parent package)
     exec_spec(spec, module)      set module's import attributes from spec
                                  and run its code in module (reload)
     import_module(name)          import absolute `name` and return it
                                  (not its top-level package)

   The types a spec and its loaders use are exported too: ModuleSpec (the
   class importlib.machinery names), SourceFileLoader, NamespaceLoader,
   BuiltinImporter.  Minipy's _imp is not CPython's: the names and the
   functions differ.

   CPython counterpart: Python/import.c (the _imp module) and
   Lib/importlib/_bootstrap.py.  Read first: imp_exec_spec */
#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "import.h"
#include "objects/module.h"
#include "objects/modulespec.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runmodule.h"

static int
check_name(MpObject *name)
{
    if (!MpStr_Check(name)) {
        MpErr_Format(MpExc_TypeError, "module name must be str, not %T",
                     name);
        return -1;
    }
    return 0;
}

/* NULL without an exception (not found) becomes None. */
static MpObject *
spec_or_none(MpObject *spec)
{
    if (spec == NULL && !MpErr_Occurred()) {
        return Mp_NewRef(Mp_None);
    }
    return spec;
}

static MpObject *
imp_find_spec(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
              MpObject *kwnames)
{
    static const char *const kw[] = {"name", "path", NULL};
    static const MpArgSpec spec = {"find_spec", kw, 1, 2};
    MpObject *a[2];
    (void)self;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        check_name(a[0]) < 0) {
        return NULL;
    }
    return spec_or_none(MpImport_FindSpec(a[0], a[1]));
}

static MpObject *
imp_util_find_spec(MpObject *self, MpObject *name)
{
    (void)self;
    if (check_name(name) < 0) {
        return NULL;
    }
    return spec_or_none(MpImport_UtilFindSpec(name));
}

static MpObject *
imp_exec_spec(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    (void)self;
    if (MpArg_CheckPositional("exec_spec", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    if (!MpModule_Check(args[1])) {
        return MpErr_Format(MpExc_TypeError,
                            "exec_spec() argument 2 must be a module, not %T",
                            args[1]);
    }
    if (MpImport_ExecSpec(args[1], args[0]) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
imp_import_module(MpObject *self, MpObject *name)
{
    (void)self;
    if (check_name(name) < 0) {
        return NULL;
    }
    return MpImport_ImportModule(name);
}

static MpMethodDef imp_methods[] = {
    {"find_spec", (void *)imp_find_spec, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     NULL},
    {"util_find_spec", (void *)imp_util_find_spec, MP_METH_O, NULL},
    {"exec_spec", (void *)imp_exec_spec, MP_METH_FASTCALL, NULL},
    {"import_module", (void *)imp_import_module, MP_METH_O, NULL},
    {NULL},
};

/* The _imp module.  Refs: NEW; NULL with an exception. */
MpObject *
MpImpModule_Create(void)
{
    MpObject *m = MpModule_New("_imp");
    MpTypeObject *types[] = {&MpModuleSpec_Type, &MpSourceFileLoader_Type,
                             &MpNamespaceLoader_Type,
                             &MpBuiltinImporter_Type};
    const char *names[] = {"ModuleSpec", "SourceFileLoader",
                           "NamespaceLoader", "BuiltinImporter"};
    if (m == NULL || MpModule_AddFunctions(m, imp_methods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    for (int i = 0; i < 4; i++) {
        if (MpType_Ready(types[i]) < 0 ||
            MpModule_AddObject(m, names[i],
                               Mp_NewRef((MpObject *)types[i])) < 0) {
            Mp_DECREF(m);
            return NULL;
        }
    }
    return m;
}
