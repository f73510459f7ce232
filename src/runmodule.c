/* runmodule.c — `-m module`: finding the module to run as __main__.

   CPython does this in Python (runpy._get_module_details); minipy does it
   here, in the same steps and with the same messages:

     1. a relative name is refused;
     2. the parent package is imported (its __init__ runs), so that an
        error inside it is reported as itself; a *missing* parent is left
        for step 3 to report;
     3. the module's spec is found without running the module
        (importlib.util.find_spec): a module already in sys.modules gives
        its __spec__; otherwise the parent's __path__ (or sys.path) is
        searched;
     4. a package runs its __main__ submodule (steps 1-5 again for
        NAME.__main__); a package cannot itself be __main__;
     5. only a source file has code to run.

   A failure of steps 1-5 is not an exception: the caller prints
   `<sys.executable>: <message>` and exits with status 1, as runpy's
   `sys.exit(msg)` does.  Errors raised while importing a parent (or by
   the search itself, other than the kinds runpy folds into its message)
   propagate as exceptions with their traceback.

   CPython counterpart: Lib/runpy.py (_get_module_details,
   _run_module_as_main), Lib/importlib/util.py (find_spec).
   Read first: MpRunModule_FindSpec */
#include "runmodule.h"

#include <string.h>

#include "abstract.h"
#include "builtins.h"
#include "errors.h"
#include "import.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/modulespec.h"
#include "objects/str.h"
#include "objects/type.h"

MpObject *
MpImport_UtilFindSpec(MpObject *name)
{
    MpObject *modules = MpSys_GetObject("modules");
    if (modules == NULL || !MpDict_Check(modules)) {
        MpErr_SetString(MpExc_RuntimeError, "lost sys.modules");
        return NULL;
    }
    MpObject *m = MpDict_GetItemWithError(modules, name);
    if (m != NULL) {
        MpObject *spec = MpObject_GetAttrString(m, "__spec__");
        if (spec == Mp_None) {
            Mp_DECREF(spec);
            return MpErr_Format(MpExc_ValueError, "%U.__spec__ is None",
                                name);
        }
        if (spec == NULL && MpErr_ExceptionMatches(MpExc_AttributeError)) {
            MpErr_Clear();
            return MpErr_Format(MpExc_ValueError, "%U.__spec__ is not set",
                                name);
        }
        return spec;
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    const char *full = MpStr_AsUTF8(name);
    const char *dot = full ? strrchr(full, '.') : NULL;
    if (full == NULL) {
        return NULL;
    }
    if (dot == NULL) {
        return MpImport_FindSpec(name, NULL);
    }
    MpObject *parent_name = MpStr_FromUTF8(full, dot - full);
    MpObject *parent = parent_name ? MpImport_ImportModule(parent_name)
                                   : NULL;
    if (parent == NULL) {
        Mp_XDECREF(parent_name);
        return NULL;
    }
    MpObject *path = MpObject_GetAttrString(parent, "__path__");
    if (path == NULL) {
        if (MpErr_ExceptionMatches(MpExc_AttributeError)) {
            MpErr_Clear();
            MpObject *msg = MpStr_FromFormat(
                "__path__ attribute not found on %R while trying to find "
                "%R",
                parent_name, name);
            if (msg != NULL) {
                MpImport_SetImportError(MpExc_ModuleNotFoundError, msg, name,
                                        NULL);
                Mp_DECREF(msg);
            }
        }
        Mp_DECREF(parent);
        Mp_DECREF(parent_name);
        return NULL;
    }
    Mp_DECREF(parent);
    Mp_DECREF(parent_name);
    MpObject *spec = MpImport_FindSpec(name, path);
    Mp_DECREF(path);
    return spec;
}

/* Step 2: import the parent; an ImportError about the parent itself (or
   one of its ancestors) being missing is left for find_spec to report.
   Returns 0 or -1. */
static int
import_parent(const char *full, const char *dot)
{
    MpObject *pkg = MpStr_FromUTF8(full, dot - full);
    if (pkg == NULL) {
        return -1;
    }
    MpObject *m = MpImport_ImportModule(pkg);
    if (m != NULL) {
        Mp_DECREF(m);
        Mp_DECREF(pkg);
        return 0;
    }
    if (!MpErr_ExceptionMatches(MpExc_ImportError)) {
        Mp_DECREF(pkg);
        return -1;
    }
    MpObject *exc = MpErr_GetRaisedException();
    MpObject *ename = MpObject_GetAttrString(exc, "name");
    int missing = 0;
    if (ename != NULL && MpStr_Check(ename)) {
        const char *e = MpStr_AsUTF8(ename), *p = MpStr_AsUTF8(pkg);
        size_t n = e ? strlen(e) : 0;
        missing = e && p &&
                  (strcmp(e, p) == 0 ||
                   (strncmp(p, e, n) == 0 && p[n] == '.'));
    }
    Mp_XDECREF(ename);
    MpErr_Clear();
    Mp_DECREF(pkg);
    if (missing) {
        Mp_DECREF(exc);
        return 0;
    }
    MpErr_SetRaisedException(exc);
    return -1;
}

MpObject *
MpRunModule_FindSpec(MpObject *name, MpObject **msg)
{
    *msg = NULL;
    const char *full = MpStr_AsUTF8(name);
    if (full == NULL) {
        return NULL;
    }
    if (full[0] == '.') {
        *msg = MpStr_FromString("Relative module names not supported");
        return NULL;
    }
    const char *dot = strrchr(full, '.');
    if (dot != NULL && import_parent(full, dot) < 0) {
        return NULL;
    }
    MpObject *spec = MpImport_UtilFindSpec(name);
    if (spec == NULL && MpErr_Occurred()) {
        MpObject *kinds[] = {MpExc_ImportError, MpExc_AttributeError,
                             MpExc_TypeError, MpExc_ValueError};
        int folded = 0;
        for (int i = 0; i < 4 && !folded; i++) {
            folded = MpErr_ExceptionMatches(kinds[i]);
        }
        if (!folded) {
            return NULL;
        }
        MpObject *exc = MpErr_GetRaisedException();
        size_t n = strlen(full);
        int py = n > 3 && strcmp(full + n - 3, ".py") == 0;
        MpObject *hint = MpStr_FromString("");
        if (py && hint != NULL) {
            Mp_DECREF(hint);
            MpObject *stem = MpStr_FromUTF8(full, (Mp_ssize_t)n - 3);
            hint = stem ? MpStr_FromFormat(". Try using '%U' instead of "
                                           "'%U' as the module name.",
                                           stem, name)
                        : NULL;
            Mp_XDECREF(stem);
        }
        if (hint != NULL) {
            *msg = MpStr_FromFormat(
                "Error while finding module specification for %R (%s: %S)%U",
                name, MpType_Name(Mp_TYPE(exc)), exc, hint);
        }
        Mp_XDECREF(hint);
        Mp_DECREF(exc);
        return NULL;
    }
    if (spec == NULL) {
        *msg = MpStr_FromFormat("No module named %U", name);
        return NULL;
    }
    MpObject *locs =
        MpObject_GetAttrString(spec, "submodule_search_locations");
    if (locs == NULL) {
        Mp_DECREF(spec);
        return NULL;
    }
    int is_package = locs != Mp_None;
    Mp_DECREF(locs);
    if (is_package) {
        Mp_DECREF(spec);
        size_t n = strlen(full);
        if (strcmp(full, "__main__") == 0 ||
            (n >= 9 && strcmp(full + n - 9, ".__main__") == 0)) {
            *msg = MpStr_FromString("Cannot use package as __main__ module");
            return NULL;
        }
        MpObject *main_name = MpStr_FromFormat("%U.__main__", name);
        if (main_name == NULL) {
            return NULL;
        }
        spec = MpRunModule_FindSpec(main_name, msg);
        Mp_DECREF(main_name);
        MpObject *modules = MpSys_GetObject("modules");
        if (*msg != NULL && modules != NULL &&
            MpDict_GetItemWithError(modules, name) != NULL) {
            MpObject *longer = MpStr_FromFormat(
                "%U; %R is a package and cannot be directly executed", *msg,
                name);
            Mp_DECREF(*msg);
            *msg = longer;
        }
        return spec;
    }
    MpObject *loader = MpObject_GetAttrString(spec, "loader");
    if (loader == NULL) {
        Mp_DECREF(spec);
        return NULL;
    }
    if (loader == Mp_None) {
        *msg = MpStr_FromFormat(
            "%R is a namespace package and cannot be executed", name);
    }
    else if (Mp_TYPE(loader) != &MpSourceFileLoader_Type) {
        *msg = MpStr_FromFormat("No code object available for %U", name);
    }
    Mp_DECREF(loader);
    if (*msg != NULL) {
        Mp_CLEAR(&spec);
    }
    return spec;
}
