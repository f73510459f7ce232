/* import.c — finding, loading and caching modules.

   The import sequence for one fully qualified name (import_one):
     1. sys.modules[name] if present: a module is imported once, and a
        module that is still running is found there too (its body puts it
        there before running), which is how a circular import sees a half
        built module; None there stops the import;
     2. otherwise find_and_load: for a submodule the parent package is
        imported first (from inside this import, as CPython's
        _find_and_load, so -X importtime nests it under the child) and the
        search path is the parent's __path__; for a top-level name it is
        the built-in C modules (`builtin_modules`), then sys.path;
     3. finding gives a *spec* (objects/modulespec.c), nothing runs yet:
        in each directory NAME/__init__.py (a regular package) or NAME.py
        wins at once; a directory NAME/ without __init__.py is remembered
        as a portion of a namespace package, the answer only when no
        directory has a regular module (find_spec_in);
     4. loading (load_spec): the module is created, its attributes set
        from the spec (__spec__, __loader__, __package__, __path__,
        __file__), it is **put in sys.modules before its code runs**, and
        the code runs with its dict as globals while spec._initializing
        is True.  If the code raises, it is removed from sys.modules again
        and the exception propagates.  A submodule is then bound as an
        attribute of its package.

   `import a.b.c` loads a, a.b and a.b.c and the statement binds a: that
   is what __import__ returns for an empty fromlist; with a fromlist it
   returns a.b.c, after importing the fromlist's names that are
   submodules (handle_fromlist).  Relative imports (`from . import x`)
   resolve against the importing module's __package__ (or __spec__.parent,
   or __name__).

   -X importtime prints CPython's report line for each module loaded.
   minipy has no compiled-code cache: every import compiles the source.

   CPython counterpart: Python/import.c (PyImport_ImportModuleLevelObject)
   and importlib._bootstrap (_find_and_load, _handle_fromlist,
   _calc___package__).  Read first: import_one */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "abstract.h"
#include "arena.h"
#include "builtins.h"
#include "compile.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/modulespec.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parse.h"
#include "vm.h"

MpObject *MpGCModule_Create(void);  // modules/gcmodule.c
MpObject *MpTracebackModule_Create(void);  // modules/tracebackmodule.c
MpObject *MpDis_Create(void);       // modules/dis.c
MpObject *MpIO_Create(void);        // modules/io.c
MpObject *MpImpModule_Create(void); // modules/impmodule.c
MpObject *MpArrayModule_Create(void);  // modules/arraymodule.c
MpObject *MpMmapModule_Create(void);   // modules/mmapmodule.c
MpObject *MpPosixModule_Create(void);  // modules/posixmodule.c
MpObject *MpPosixShmemModule_Create(void);  // modules/posixshmem.c
MpObject *MpSignalModule_Create(void);  // modules/signalmodule.c
MpObject *MpSelectModule_Create(void);  // modules/selectmodule.c
MpObject *MpMultiprocessingModule_Create(void);  // modules/mpmodule.c
MpObject *MpMathModule_Create(void);    // modules/mathmodule.c
MpObject *MpRandomModule_Create(void);  // modules/randommodule.c
MpObject *MpStructModule_Create(void);  // modules/structmodule.c
MpObject *MpTimeModule_Create(void);    // modules/timemodule.c
MpObject *MpCollectionsModule_Create(void);  // modules/collectionsmodule.c
MpObject *MpWeakrefModule_Create(void);  // objects/weakref.c
MpObject *MpAtexitModule_Create(void);   // modules/atexit.c

static MpStrIdentifier id_path = MP_STR_IDENTIFIER("__path__");

/* {====== Built-in modules ====== */

typedef struct {
    const char *name;
    MpObject *(*create)(void);  // NEW module; NULL with an exception
} BuiltinModule;

static const BuiltinModule builtin_modules[] = {
    {"gc", MpGCModule_Create},
    {"dis", MpDis_Create},
    {"_traceback", MpTracebackModule_Create},
    {"io", MpIO_Create},
    {"_imp", MpImpModule_Create},
    {"array", MpArrayModule_Create},
    {"mmap", MpMmapModule_Create},
    {"posix", MpPosixModule_Create},
    {"_posixshmem", MpPosixShmemModule_Create},
    {"_signal", MpSignalModule_Create},
    {"select", MpSelectModule_Create},
    {"_multiprocessing", MpMultiprocessingModule_Create},
    {"math", MpMathModule_Create},
    {"_random", MpRandomModule_Create},
    {"_struct", MpStructModule_Create},
    {"time", MpTimeModule_Create},
    {"_collections", MpCollectionsModule_Create},
    {"_weakref", MpWeakrefModule_Create},
    {"atexit", MpAtexitModule_Create},
    {NULL, NULL},
};

MpObject *
MpImport_BuiltinModuleNames(void)
{
    MpObject *names = MpList_New(0);
    int ok = names != NULL;
    const char *const always[] = {"builtins", "sys"};  // made at start-up
    for (int i = 0; ok && i < 2; i++) {
        MpObject *s = MpStr_FromString(always[i]);
        ok = s != NULL && MpList_Append(names, s) == 0;
        Mp_XDECREF(s);
    }
    for (const BuiltinModule *b = builtin_modules; ok && b->name; b++) {
        MpObject *s = MpStr_FromString(b->name);
        ok = s != NULL && MpList_Append(names, s) == 0;
        Mp_XDECREF(s);
    }
    MpObject *tuple = ok && MpList_Sort(names) == 0 ? MpList_AsTuple(names)
                                                    : NULL;
    Mp_XDECREF(names);
    return tuple;
}

static const BuiltinModule *
find_builtin(MpObject *name)
{
    for (const BuiltinModule *b = builtin_modules; b->name; b++) {
        if (MpStr_CompareWithASCII(name, b->name) == 0) {
            return b;
        }
    }
    return NULL;
}
/* }====== */

/* {====== Loading source files ====== */

static char *
read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap) {
            break;
        }
        char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    fclose(f);
    *len = n;
    return buf;
}

MpObject *
MpImport_CompileFile(const char *path)
{
    size_t len;
    char *src = read_all(path, &len);
    if (src == NULL) {
        return MpErr_Format(MpExc_OSError, "cannot read %s", path);
    }
    MpArena *arena = MpArena_New();
    MpObject *filename = MpStr_FromString(path);
    MpObject *code = NULL;
    if (arena != NULL && filename != NULL) {
        MpSyntaxError err;
        MpNode *tree = MpParse_Source(src, len, path, MP_MODE_FILE, arena,
                                      &err);
        if (tree != NULL) {
            code = MpCompile(tree, filename, 0, &err);
        }
        if (code == NULL && !MpErr_Occurred()) {
            if (err.kind == MP_ERR_MEMORY) {
                MpErr_NoMemory();
            }
            else if (err.kind == MP_ERR_RECURSION) {
                MpErr_SetString(MpExc_RecursionError, err.msg);
            }
            else {
                MpObject *exc = MpExc_SyntaxErrorFromRecord(&err, path);
                if (exc != NULL) {
                    MpErr_SetRaisedException(exc);
                }
            }
        }
    }
    else {
        MpErr_NoMemory();
    }
    Mp_XDECREF(filename);
    MpArena_Free(arena);
    free(src);
    return code;
}

static int
is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* sys.modules, or a RuntimeError.  Refs: BORROWED. */
static MpObject *
sys_modules(void)
{
    MpObject *modules = MpSys_GetObject("modules");
    if (modules == NULL || !MpDict_Check(modules)) {
        MpErr_SetString(MpExc_RuntimeError, "lost sys.modules");
        return NULL;
    }
    return modules;
}

/* Raises exc_type(msg, name=name, path=path): ImportError and
   ModuleNotFoundError carry the module's name (and file).  Returns NULL.
   Refs: all BORROWED; name and path may be NULL (None). */
static MpObject *
import_error(MpObject *exc_type, MpObject *msg, MpObject *name,
             MpObject *path)
{
    MpObject *kwnames = MpTuple_New(2);
    MpObject *k1 = MpStr_FromString("name"), *k2 = MpStr_FromString("path");
    if (kwnames == NULL || k1 == NULL || k2 == NULL) {
        Mp_XDECREF(kwnames);
        Mp_XDECREF(k1);
        Mp_XDECREF(k2);
        return NULL;
    }
    MpTuple_SET_ITEM(kwnames, 0, k1);
    MpTuple_SET_ITEM(kwnames, 1, k2);
    MpObject *args[3] = {msg, name ? name : Mp_None, path ? path : Mp_None};
    MpObject *exc = MpObject_Vectorcall(exc_type, args, 1, kwnames);
    Mp_DECREF(kwnames);
    if (exc != NULL) {
        MpErr_SetObject(exc_type, exc);
        Mp_DECREF(exc);
    }
    return NULL;
}

MpObject *
MpImport_SetImportError(MpObject *exc_type, MpObject *msg, MpObject *name,
                        MpObject *path)
{
    return import_error(exc_type, msg, name, path);
}

static MpObject *
not_found(MpObject *name)
{
    MpObject *msg = MpStr_FromFormat("No module named %R", name);
    if (msg != NULL) {
        import_error(MpExc_ModuleNotFoundError, msg, name, NULL);
        Mp_DECREF(msg);
    }
    return NULL;
}

/* The absolute form of a sys.path directory: relative ones are taken
   from the current directory (a module's __file__ is absolute, as in
   CPython 3.11). */
static void
absolute_dir(const char *dir, char *out, size_t n)
{
    char cwd[2048] = "";
    if (dir[0] != '/' && getcwd(cwd, sizeof cwd) == NULL) {
        cwd[0] = '\0';
    }
    if (dir[0] == '/' || cwd[0] == '\0') {
        snprintf(out, n, "%s", dir);
    }
    else if (dir[0] == '\0' || strcmp(dir, ".") == 0) {
        snprintf(out, n, "%s", cwd);
    }
    else {
        snprintf(out, n, "%s/%s", cwd, dir);
    }
}

/* The spec of a source file module or a regular package.
   Refs: NEW. */
static MpObject *
file_spec(MpObject *name, const char *file, const char *pkgdir)
{
    MpObject *origin = MpStr_FromString(file);
    MpObject *loader = origin ? MpLoader_New(&MpSourceFileLoader_Type, name,
                                             origin)
                              : NULL;
    MpObject *locs = NULL, *spec = NULL;
    if (loader != NULL && pkgdir != NULL) {
        MpObject *d = MpStr_FromString(pkgdir);
        locs = d ? MpList_New(0) : NULL;
        if (locs != NULL && MpList_Append(locs, d) < 0) {
            Mp_CLEAR(&locs);
        }
        Mp_XDECREF(d);
    }
    if (loader != NULL && (pkgdir == NULL || locs != NULL)) {
        spec = MpModuleSpec_New(name, loader, origin, locs, 1);
    }
    Mp_XDECREF(origin);
    Mp_XDECREF(loader);
    Mp_XDECREF(locs);
    return spec;
}

/* The spec of a namespace package spread over the directories in
   portions (a list).  As in CPython 3.11 its loader is None until the
   package is loaded (init_module_attrs).  Refs: NEW. */
static MpObject *
namespace_spec(MpObject *name, MpObject *portions)
{
    MpObject *path = MpNamespacePath_New(portions);
    MpObject *spec = path ? MpModuleSpec_New(name, NULL, NULL, path, 0)
                          : NULL;
    Mp_XDECREF(path);
    return spec;
}

/* Finds the module `fullname`, whose last component is leaf, in the
   directories dirs (sys.path or the parent's __path__), as CPython's
   PathFinder and FileFinder do: in each directory, leaf/__init__.py (a
   package) and then leaf.py (a module) win at once; a directory leaf/
   without __init__.py is remembered as a portion of a namespace package,
   which is the answer only when no directory has a regular module or
   package.  Returns the spec (NEW), or NULL: not found when no exception
   is set. */
static MpObject *
find_spec_in(MpObject *dirs, MpObject *fullname, const char *leaf)
{
    if (dirs == NULL || !MpList_Check(dirs)) {
        return NULL;
    }
    MpObject *portions = NULL, *spec = NULL;
    char base[4096], pkgdir[8192], path[8192 + 16];
    for (Mp_ssize_t i = 0; i < Mp_SIZE(dirs); i++) {
        MpObject *d = MpList_GET_ITEM(dirs, i);
        if (!MpStr_Check(d)) {
            continue;
        }
        const char *dir = MpStr_AsUTF8(d);
        if (dir == NULL) {
            Mp_XDECREF(portions);
            return NULL;
        }
        absolute_dir(dir, base, sizeof base);
        const char *sep = base[0] ? "/" : "";
        snprintf(pkgdir, sizeof pkgdir, "%s%s%s", base, sep, leaf);
        if (is_dir(pkgdir)) {
            snprintf(path, sizeof path, "%s/__init__.py", pkgdir);
            if (is_file(path)) {
                spec = file_spec(fullname, path, pkgdir);
                break;
            }
            MpObject *portion = MpStr_FromString(pkgdir);
            if (portions == NULL) {
                portions = MpList_New(0);
            }
            if (portion == NULL || portions == NULL ||
                MpList_Append(portions, portion) < 0) {
                Mp_XDECREF(portion);
                Mp_XDECREF(portions);
                return NULL;
            }
            Mp_DECREF(portion);
        }
        snprintf(path, sizeof path, "%s%s%s.py", base, sep, leaf);
        if (is_file(path)) {
            spec = file_spec(fullname, path, NULL);
            break;
        }
    }
    if (spec == NULL && portions != NULL && !MpErr_Occurred()) {
        spec = namespace_spec(fullname, portions);
    }
    Mp_XDECREF(portions);
    return spec;
}

/* The spec of a built-in C module.  Refs: NEW. */
static MpObject *
builtin_spec(MpObject *name)
{
    MpObject *origin = MpStr_FromString("built-in");
    MpObject *spec = origin ? MpModuleSpec_New(
                                  name, (MpObject *)&MpBuiltinImporter_Type,
                                  origin, NULL, 0)
                            : NULL;
    Mp_XDECREF(origin);
    return spec;
}

/* Sets the import attributes of module m from spec, as CPython's
   _init_module_attrs(override=True): __loader__, __package__ (the
   spec's parent), __spec__, __path__ for a package, __file__ when the
   spec has a location.  A namespace package (no loader yet) gets a
   NamespaceLoader, on its spec too, and __file__ None.  minipy writes no
   compiled files, so there is no __cached__ (as in CPython when
   sys.implementation.cache_tag is None).  Returns 0 or -1. */
static int
init_module_attrs(MpObject *m, MpObject *spec)
{
    MpObject *dict = MpModule_GetDict(m);
    MpObject *loader = MpObject_GetAttrString(spec, "loader");
    MpObject *parent = loader ? MpObject_GetAttrString(spec, "parent")
                              : NULL;
    MpObject *locs = parent ? MpObject_GetAttrString(
                                  spec, "submodule_search_locations")
                            : NULL;
    MpObject *has = locs ? MpObject_GetAttrString(spec, "has_location")
                         : NULL;
    MpObject *origin = has ? MpObject_GetAttrString(spec, "origin") : NULL;
    int ok = origin != NULL;
    if (ok && loader == Mp_None && locs != Mp_None) {
        MpObject *ns = MpLoader_New(&MpNamespaceLoader_Type, NULL, locs);
        ok = ns != NULL &&
             MpObject_SetAttrString(spec, "loader", ns) == 0 &&
             MpDict_SetItemString(dict, "__file__", Mp_None) == 0;
        Mp_DECREF(loader);
        loader = ns;
    }
    ok = ok && MpDict_SetItemString(dict, "__loader__", loader) == 0 &&
         MpDict_SetItemString(dict, "__package__", parent) == 0 &&
         MpDict_SetItemString(dict, "__spec__", spec) == 0 &&
         (locs == Mp_None ||
          MpDict_SetItemString(dict, "__path__", locs) == 0);
    if (ok && has == Mp_True && origin != Mp_None) {
        ok = MpDict_SetItemString(dict, "__file__", origin) == 0;
    }
    Mp_XDECREF(loader);
    Mp_XDECREF(parent);
    Mp_XDECREF(locs);
    Mp_XDECREF(has);
    Mp_XDECREF(origin);
    return ok ? 0 : -1;
}

static int
set_initializing(MpObject *spec, int on)
{
    return MpObject_SetAttrString(spec, "_initializing",
                                  on ? Mp_True : Mp_False);
}

/* Runs the module's code, described by spec, in m's dict: a source file
   is compiled and executed (spec._initializing is True meanwhile); a
   namespace package has no code; a built-in module was complete when
   created.  Only a first load (`loading`) marks the module as
   initialising: reload and -m do not, as in CPython.  Returns 0 or -1. */
static int
exec_spec(MpObject *m, MpObject *spec, int loading)
{
    MpObject *loader = MpObject_GetAttrString(spec, "loader");
    if (loader == NULL) {
        return -1;
    }
    int is_source = Mp_TYPE(loader) == &MpSourceFileLoader_Type;
    Mp_DECREF(loader);
    if (!is_source) {
        return 0;
    }
    MpObject *origin = MpObject_GetAttrString(spec, "origin");
    if (origin == NULL) {
        return -1;
    }
    const char *path = MpStr_Check(origin) ? MpStr_AsUTF8(origin) : NULL;
    MpObject *code = path ? MpImport_CompileFile(path) : NULL;
    Mp_DECREF(origin);
    if (code == NULL) {
        if (!MpErr_Occurred()) {
            MpErr_SetString(MpExc_ImportError, "spec has no source file");
        }
        return -1;
    }
    MpObject *dict = MpModule_GetDict(m);
    if (MpDict_GetItemString(dict, "__builtins__") == NULL &&
        MpDict_SetItemString(dict, "__builtins__",
                             MpEval_GetBuiltins()) < 0) {
        Mp_DECREF(code);
        return -1;
    }
    MpModuleObject *mo = (MpModuleObject *)m;
    int was = mo->md_initializing;
    if (loading) {
        mo->md_initializing = 1;
        if (set_initializing(spec, 1) < 0) {
            mo->md_initializing = was;
            Mp_DECREF(code);
            return -1;
        }
    }
    MpObject *r = MpEval_Code((MpCodeObject *)code, dict, dict);
    mo->md_initializing = was;
    Mp_DECREF(code);
    MpObject *exc = r == NULL ? MpErr_GetRaisedException() : NULL;
    int st = loading ? set_initializing(spec, 0) : 0;
    if (exc != NULL) {
        MpErr_SetRaisedException(exc);
        return -1;
    }
    Mp_DECREF(r);
    return st;
}

/* Creates the module a spec describes, registers it in sys.modules and
   runs its code; on failure it is taken out of sys.modules again.
   Returns what sys.modules holds for the name afterwards (the module
   may have replaced itself there).  Refs: NEW. */
static MpObject *
load_spec(MpObject *name, MpObject *spec)
{
    MpObject *modules = sys_modules();
    if (modules == NULL) {
        return NULL;
    }
    const char *cname = MpStr_AsUTF8(name);
    const BuiltinModule *b = find_builtin(name);
    MpObject *m;
    MpObject *loader = MpObject_GetAttrString(spec, "loader");
    if (loader == NULL) {
        return NULL;
    }
    int is_builtin = loader == (MpObject *)&MpBuiltinImporter_Type;
    Mp_DECREF(loader);
    if (b != NULL && is_builtin) {
        m = b->create();
    }
    else {
        m = cname ? MpModule_New(cname) : NULL;
    }
    if (m == NULL || init_module_attrs(m, spec) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    /* In sys.modules before the body runs: a circular import finds it. */
    if (MpDict_SetItem(modules, name, m) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    if (exec_spec(m, spec, 1) < 0) {
        /* a module whose body failed is not importable: forget it */
        MpObject *exc = MpErr_GetRaisedException();
        if (MpDict_GetItemWithError(modules, name) == m) {
            MpDict_DelItem(modules, name);
        }
        MpErr_Clear();
        MpErr_SetRaisedException(exc);
        Mp_DECREF(m);
        return NULL;
    }
    Mp_DECREF(m);
    MpObject *final = MpDict_GetItemWithError(modules, name);
    if (final == NULL) {
        if (!MpErr_Occurred()) {
            MpErr_Format(MpExc_KeyError, "%R", name);
        }
        return NULL;
    }
    return Mp_NewRef(final);
}
/* }====== */

/* {====== The import sequence ====== */

static MpObject *import_one(MpObject *name);

/* The search path for the submodules of parent_name: the parent's
   __path__, or None when the parent is not a package (the caller raises
   "not a package" only after checking sys.modules: the parent's body may
   have put the submodule there itself, as os puts os.path).  Imports the
   parent first if needed.  Sets *parent (BORROWED from sys.modules).
   Refs: NEW; NULL with an exception. */
static MpObject *
parent_path(MpObject *name, MpObject *parent_name, MpObject **parent)
{
    MpObject *modules = sys_modules();
    if (modules == NULL) {
        return NULL;
    }
    MpObject *p = MpDict_GetItemWithError(modules, parent_name);
    if (p == NULL) {
        if (MpErr_Occurred()) {
            return NULL;
        }
        p = import_one(parent_name);
        if (p == NULL) {
            return NULL;
        }
        Mp_DECREF(p);
        p = MpDict_GetItemWithError(modules, parent_name);
        if (p == NULL) {
            return MpErr_Occurred() ? NULL : not_found(parent_name);
        }
    }
    *parent = p;
    MpObject *path = NULL;
    MpObject *path_name = MpStr_FromIdentifier(&id_path);
    if (path_name == NULL || MpObject_LookupAttr(p, path_name, &path) < 0) {
        return NULL;
    }
    return path != NULL ? path : Mp_NewRef(Mp_None);
}

MpObject *
MpImport_FindSpec(MpObject *name, MpObject *path)
{
    if (find_builtin(name) != NULL) {
        return builtin_spec(name);
    }
    const char *full = MpStr_AsUTF8(name);
    if (full == NULL) {
        return NULL;
    }
    const char *dot = strrchr(full, '.');
    if (path == NULL || path == Mp_None) {
        path = MpSys_GetObject("path");
    }
    return find_spec_in(path, name, dot ? dot + 1 : full);
}

/* -X importtime: CPython's report, one line per module actually loaded,
   its self time (without the imports it made) and cumulative time, in
   microseconds, indented by nesting depth. */
static int importtime, import_level;
static double import_accumulated;  // seconds spent in nested imports

void
MpImport_SetImportTime(int on)
{
    importtime = on;
}

static double
now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Finds and loads name (not in sys.modules): the parent first, then the
   module through its spec; a submodule becomes an attribute of its
   package.  Refs: NEW. */
static MpObject *
find_and_load(MpObject *name)
{
    const char *full = MpStr_AsUTF8(name);
    if (full == NULL) {
        return NULL;
    }
    const char *dot = strrchr(full, '.');
    MpObject *dirs = NULL, *parent = NULL, *spec;
    if (dot != NULL) {
        MpObject *parent_name = MpStr_FromUTF8(full, dot - full);
        dirs = parent_name ? parent_path(name, parent_name, &parent) : NULL;
        if (dirs == NULL) {
            Mp_XDECREF(parent_name);
            return NULL;
        }
        /* importing the parent may have imported this module */
        MpObject *modules = sys_modules();
        MpObject *m = modules ? MpDict_GetItemWithError(modules, name)
                              : NULL;
        if (m != NULL || MpErr_Occurred()) {
            Mp_DECREF(dirs);
            Mp_DECREF(parent_name);
            return m ? Mp_NewRef(m) : NULL;
        }
        if (dirs == Mp_None) {
            Mp_DECREF(dirs);
            MpObject *msg = MpStr_FromFormat(
                "No module named %R; %R is not a package", name, parent_name);
            Mp_DECREF(parent_name);
            if (msg != NULL) {
                import_error(MpExc_ModuleNotFoundError, msg, name, NULL);
                Mp_DECREF(msg);
            }
            return NULL;
        }
        Mp_DECREF(parent_name);
        spec = find_spec_in(dirs, name, dot + 1);
        Mp_DECREF(dirs);
    }
    else {
        spec = MpImport_FindSpec(name, NULL);
    }
    if (spec == NULL) {
        return MpErr_Occurred() ? NULL : not_found(name);
    }
    Mp_INCREF(parent ? parent : Mp_None);  // loading may drop it
    MpObject *m = load_spec(name, spec);
    Mp_DECREF(spec);
    if (m != NULL && parent != NULL) {
        MpObject *leafname = MpStr_FromString(dot + 1);
        if (leafname == NULL || MpObject_SetAttr(parent, leafname, m) < 0) {
            Mp_CLEAR(&m);
        }
        Mp_XDECREF(leafname);
    }
    Mp_DECREF(parent ? parent : Mp_None);
    return m;
}

/* Imports one fully qualified name: sys.modules, or find and load it.
   Refs: NEW. */
static MpObject *
import_one(MpObject *name)
{
    MpObject *modules = sys_modules();
    if (modules == NULL) {
        return NULL;
    }
    MpObject *m = MpDict_GetItemWithError(modules, name);
    if (m == Mp_None) {
        MpObject *msg = MpStr_FromFormat(
            "import of %U halted; None in sys.modules", name);
        if (msg != NULL) {
            import_error(MpExc_ModuleNotFoundError, msg, name, NULL);
            Mp_DECREF(msg);
        }
        return NULL;
    }
    if (m != NULL) {
        return Mp_NewRef(m);
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    if (!importtime) {
        return find_and_load(name);
    }
    static int header = 1;
    if (header) {
        fputs("import time: self [us] | cumulative | imported package\n",
              stderr);
        header = 0;
    }
    double outer = import_accumulated;
    import_accumulated = 0;
    import_level++;
    double t1 = now_seconds();
    m = find_and_load(name);
    double cum = now_seconds() - t1;
    import_level--;
    const char *s = MpStr_AsUTF8(name);
    fprintf(stderr, "import time: %9ld | %10ld | %*s%s\n",
            (long)((cum - import_accumulated) * 1e6 + 0.999),
            (long)(cum * 1e6 + 0.999), import_level * 2, "", s ? s : "?");
    import_accumulated = outer + cum;
    return m;
}

MpObject *
MpImport_ImportModule(MpObject *name)
{
    /* the parent packages are imported by find_and_load, from inside the
       child's import, as CPython's _find_and_load (which -X importtime's
       nesting shows) */
    return import_one(name);
}

int
MpImport_ExecSpec(MpObject *module, MpObject *spec)
{
    if (init_module_attrs(module, spec) < 0) {
        return -1;
    }
    return exec_spec(module, spec, 0);
}

int
MpImport_SetBuiltinSpec(MpObject *m)
{
    MpObject *name = MpDict_GetItemString(MpModule_GetDict(m), "__name__");
    MpObject *spec = name ? builtin_spec(name) : NULL;
    int r = spec ? init_module_attrs(m, spec) : -1;
    Mp_XDECREF(spec);
    return r;
}

/* The package a relative import starts from, as CPython computes it
   (_calc___package__): __package__, else __spec__.parent, else __name__
   (itself for a package, its parent otherwise).  Refs: NEW. */
static MpObject *
calc_package(MpObject *globals)
{
    if (globals == NULL) {
        MpErr_SetString(MpExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!MpDict_Check(globals)) {
        MpErr_SetString(MpExc_TypeError, "globals must be a dict");
        return NULL;
    }
    MpObject *package = MpDict_GetItemString(globals, "__package__");
    MpObject *spec = MpDict_GetItemString(globals, "__spec__");
    if (package != NULL && package != Mp_None) {
        if (!MpStr_Check(package)) {
            MpErr_SetString(MpExc_TypeError, "package must be a string");
            return NULL;
        }
        return Mp_NewRef(package);
    }
    if (spec != NULL && spec != Mp_None) {
        package = MpObject_GetAttrString(spec, "parent");
        if (package != NULL && !MpStr_Check(package)) {
            Mp_DECREF(package);
            MpErr_SetString(MpExc_TypeError,
                            "__spec__.parent must be a string");
            return NULL;
        }
        return package;
    }
    MpObject *name = MpDict_GetItemString(globals, "__name__");
    if (name == NULL) {
        MpErr_SetString(MpExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!MpStr_Check(name)) {
        MpErr_SetString(MpExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    if (MpDict_GetItemString(globals, "__path__") != NULL) {
        return Mp_NewRef(name);
    }
    const char *s = MpStr_AsUTF8(name);
    const char *dot = s ? strrchr(s, '.') : NULL;
    return s ? MpStr_FromUTF8(s, dot ? dot - s : 0) : NULL;
}

MpObject *
MpImport_ResolveName(MpObject *name, MpObject *package, int level)
{
    if (package == NULL || MpStr_GET_LENGTH(package) == 0) {
        MpErr_SetString(MpExc_ImportError,
                        "attempted relative import with no known parent "
                        "package");
        return NULL;
    }
    const char *pkg = MpStr_AsUTF8(package);
    if (pkg == NULL) {
        return NULL;
    }
    size_t len = strlen(pkg);
    for (int i = 1; i < level; i++) {
        const char *d = NULL;
        for (size_t k = len; k-- > 0;) {
            if (pkg[k] == '.') {
                d = pkg + k;
                break;
            }
        }
        if (d == NULL) {
            MpErr_SetString(MpExc_ImportError,
                            "attempted relative import beyond top-level "
                            "package");
            return NULL;
        }
        len = (size_t)(d - pkg);
    }
    MpObject *base = MpStr_FromUTF8(pkg, (Mp_ssize_t)len);
    if (base == NULL || MpStr_GET_LENGTH(name) == 0) {
        return base;
    }
    MpObject *full = MpStr_FromFormat("%U.%U", base, name);
    Mp_DECREF(base);
    return full;
}

/* The fromlist of `from package import a, b`: each name that is not an
   attribute of the package yet may be a submodule, so it is imported; a
   submodule that does not exist is left for IMPORT_FROM to report, but
   any other failure (including a missing module the submodule itself
   imports) propagates.  "*" stands for the package's __all__.  As
   CPython's _handle_fromlist.  Returns 0 or -1. */
static int
handle_fromlist(MpObject *m, MpObject *fromlist, int recursive)
{
    MpObject *path = NULL;
    MpObject *path_name = MpStr_FromIdentifier(&id_path);
    if (path_name == NULL || MpObject_LookupAttr(m, path_name, &path) < 0) {
        return -1;
    }
    if (path == NULL) {
        return 0;  // not a package: nothing to import
    }
    Mp_DECREF(path);
    MpObject *modname = MpObject_GetAttrString(m, "__name__");
    MpObject *it = modname ? MpObject_GetIter(fromlist) : NULL;
    MpObject *item;
    int err = it == NULL ? -1 : 0;
    while (err == 0 && (item = MpIter_Next(it)) != NULL) {
        if (!MpStr_Check(item)) {
            if (recursive) {
                MpErr_Format(MpExc_TypeError,
                             "Item in %U.__all__ must be str, not %T",
                             modname, item);
            }
            else {
                MpErr_Format(MpExc_TypeError,
                             "Item in ``from list'' must be str, not %T",
                             item);
            }
            err = -1;
        }
        else if (MpStr_CompareWithASCII(item, "*") == 0) {
            MpObject *all = NULL;
            if (!recursive) {
                MpObject *key = MpStr_FromString("__all__");
                err = key ? MpObject_LookupAttr(m, key, &all) : -1;
                Mp_XDECREF(key);
                if (err > 0) {
                    err = handle_fromlist(m, all, 1);
                    Mp_DECREF(all);
                }
            }
        }
        else if (!MpObject_HasAttr(m, item)) {
            MpObject *sub = MpStr_FromFormat("%U.%U", modname, item);
            MpObject *sm = sub ? MpImport_ImportModule(sub) : NULL;
            if (sm == NULL && sub != NULL &&
                MpErr_ExceptionMatches(MpExc_ModuleNotFoundError)) {
                /* only "no module named <exactly this one>" is ignored */
                MpObject *exc = MpErr_GetRaisedException();
                MpObject *ename = MpObject_GetAttrString(exc, "name");
                int same = ename != NULL &&
                           MpObject_RichCompareBool(ename, sub, Mp_EQ) > 0;
                Mp_XDECREF(ename);
                MpErr_Clear();
                if (same) {
                    Mp_DECREF(exc);
                }
                else {
                    MpErr_SetRaisedException(exc);
                    err = -1;
                }
            }
            else if (sm == NULL) {
                err = -1;
            }
            Mp_XDECREF(sm);
            Mp_XDECREF(sub);
        }
        Mp_DECREF(item);
    }
    Mp_XDECREF(it);
    Mp_XDECREF(modname);
    return err < 0 || MpErr_Occurred() ? -1 : 0;
}

MpObject *
MpImport_ImportModuleLevel(MpObject *name, MpObject *globals,
                           MpObject *fromlist, int level)
{
    if (!MpStr_Check(name)) {
        MpErr_SetString(MpExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        MpErr_SetString(MpExc_ValueError, "level must be >= 0");
        return NULL;
    }
    MpObject *absname;
    if (level > 0) {
        MpObject *package = calc_package(globals);
        absname = package ? MpImport_ResolveName(name, package, level)
                          : NULL;
        Mp_XDECREF(package);
    }
    else {
        absname = Mp_NewRef(name);
    }
    if (absname == NULL) {
        return NULL;
    }
    if (MpStr_GET_LENGTH(absname) == 0) {
        Mp_DECREF(absname);
        MpErr_SetString(MpExc_ValueError, "Empty module name");
        return NULL;
    }
    MpObject *m = MpImport_ImportModule(absname);
    if (m == NULL) {
        Mp_DECREF(absname);
        return NULL;
    }
    int has_fromlist = fromlist != NULL && fromlist != Mp_None;
    if (has_fromlist && (has_fromlist = MpObject_IsTrue(fromlist)) < 0) {
        goto error;
    }
    if (has_fromlist) {
        if (handle_fromlist(m, fromlist, 0) < 0) {
            goto error;
        }
        Mp_DECREF(absname);
        return m;
    }
    /* `import a.b.c` binds a: the module named by absname cut after
       the first component of name */
    const char *full = MpStr_AsUTF8(absname);
    const char *nm = MpStr_AsUTF8(name);
    if (full == NULL || nm == NULL) {
        goto error;
    }
    const char *ndot = strchr(nm, '.');
    if (ndot == NULL && (level > 0 || strchr(full, '.') == NULL)) {
        /* `import a`: the module itself */
        Mp_DECREF(absname);
        return m;
    }
    size_t cut = ndot ? strlen(ndot) : 0;
    if (level == 0) {
        const char *d = strchr(full, '.');
        cut = d ? strlen(d) : 0;
    }
    MpObject *topname = MpStr_FromUTF8(full, (Mp_ssize_t)(strlen(full) - cut));
    MpObject *modules = topname ? sys_modules() : NULL;
    MpObject *top = modules ? MpDict_GetItemWithError(modules, topname) : NULL;
    if (top == NULL && modules != NULL && !MpErr_Occurred()) {
        MpErr_Format(MpExc_KeyError, "%R not in sys.modules as expected",
                     topname);
    }
    Mp_XDECREF(topname);
    Mp_XINCREF(top);
    Mp_DECREF(m);
    Mp_DECREF(absname);
    return top;
error:
    Mp_DECREF(m);
    Mp_DECREF(absname);
    return NULL;
}
/* }====== */

/* {====== __import__ ====== */

static MpObject *
builtin_import(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    static const char *const kw[] = {"name",     "globals", "locals",
                                     "fromlist", "level",   NULL};
    static const MpArgSpec spec = {"__import__", kw, 1, 5};
    MpObject *a[5];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int level = 0;
    if (a[4] != NULL) {
        Mp_ssize_t l = MpNumber_AsSsize_t(a[4], MpExc_OverflowError);
        if (l == -1 && MpErr_Occurred()) {
            return NULL;
        }
        level = (int)l;
    }
    return MpImport_ImportModuleLevel(a[0], a[1], a[3], level);
}

static MpMethodDef import_methods[] = {
    {"__import__", (void *)builtin_import,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {NULL},
};

int
MpImport_Init(MpObject *builtins_module)
{
    return MpModule_AddFunctions(builtins_module, import_methods);
}
/* }====== */
