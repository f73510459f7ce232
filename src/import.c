/* import.c — finding, loading and caching modules.

   The import sequence for one module name (import_one):
     1. sys.modules[name] if present: a module is imported once, and a
        module that is still running is found there too (its body puts it
        there before running), which is how a circular import sees a half
        built module;
     2. a built-in C module (the table `builtin_modules`);
     3. a file on the search path: for a top-level name each directory of
        sys.path, for a submodule the parent package's __path__; in each
        directory NAME/__init__.py (a package) wins over NAME.py.
   A file module is created, given __name__, __file__, __package__ (and
   __path__ for a package), **put in sys.modules before its code runs**,
   and run with its dict as globals.  If the code raises, it is removed
   from sys.modules again and the exception propagates.  A submodule is
   bound as an attribute of its package once loaded.

   `import a.b.c` imports a, then a.b, then a.b.c, and the statement binds
   a: that is what __import__ returns for an empty fromlist.  Relative
   imports (`from . import x`) resolve against the importing module's
   __package__.

   CPython counterpart: Python/import.c (PyImport_ImportModuleLevelObject)
   and importlib._bootstrap (_find_and_load).  Read first: import_one */
#include "import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parse.h"
#include "vm.h"

MpObject *MpGCModule_Create(void);  // modules/gcmodule.c
MpObject *MpTracebackModule_Create(void);  // modules/tracebackmodule.c
MpObject *MpDis_Create(void);       // modules/dis.c
MpObject *MpIO_Create(void);        // modules/io.c
MpObject *MpOS_Create(void);        // modules/osmodule.c
MpObject *MpCollectionsModule_Create(void);  // modules/collectionsmodule.c

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
    {"os", MpOS_Create},
    {"_collections", MpCollectionsModule_Create},
    {NULL, NULL},
};

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

/* Looks for the last component `leaf` of a module name in the directories
   of `dirs` (a list of str).  On success fills path (the file) and sets
   *is_package; returns 1.  0 when not found, -1 on error. */
static int
find_source(MpObject *dirs, const char *leaf, char *path, size_t n,
            int *is_package)
{
    if (dirs == NULL || !MpList_Check(dirs)) {
        return 0;
    }
    for (Mp_ssize_t i = 0; i < Mp_SIZE(dirs); i++) {
        MpObject *d = MpList_GET_ITEM(dirs, i);
        if (!MpStr_Check(d)) {
            continue;
        }
        const char *dir = MpStr_AsUTF8(d);
        if (dir == NULL) {
            return -1;
        }
        /* a relative directory is taken from the current one, and the
           module's __file__ is absolute, as in CPython 3.11 */
        char cwd[2048] = "";
        if (dir[0] != '/' && getcwd(cwd, sizeof cwd) == NULL) {
            cwd[0] = '\0';
        }
        char base[4096];
        if (dir[0] == '/' || cwd[0] == '\0') {
            snprintf(base, sizeof base, "%s", dir);
        }
        else if (dir[0] == '\0' || strcmp(dir, ".") == 0) {
            snprintf(base, sizeof base, "%s", cwd);
        }
        else {
            snprintf(base, sizeof base, "%s/%s", cwd, dir);
        }
        dir = base;
        const char *sep = *dir ? "/" : "";
        snprintf(path, n, "%s%s%s/__init__.py", dir, sep, leaf);
        if (is_file(path)) {
            *is_package = 1;
            return 1;
        }
        snprintf(path, n, "%s%s%s.py", dir, sep, leaf);
        if (is_file(path)) {
            *is_package = 0;
            return 1;
        }
    }
    return 0;
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

/* Creates the module for a source file, registers it, runs it.
   Refs: NEW. */
static MpObject *
load_source(MpObject *name, const char *path, int is_package,
            MpObject *package)
{
    MpObject *modules = sys_modules();
    if (modules == NULL) {
        return NULL;
    }
    MpObject *code = MpImport_CompileFile(path);
    if (code == NULL) {
        return NULL;
    }
    MpObject *m = MpModule_New(MpStr_AsUTF8(name));
    if (m == NULL) {
        Mp_DECREF(code);
        return NULL;
    }
    MpObject *dict = MpModule_GetDict(m);
    MpObject *file = MpStr_FromString(path);
    int ok = file != NULL && MpDict_SetItemString(dict, "__file__", file) == 0;
    Mp_XDECREF(file);
    if (ok && is_package) {
        /* __path__: the package's directory, where its submodules are */
        const char *slash = strrchr(path, '/');
        MpObject *dir = slash ? MpStr_FromUTF8(path, slash - path)
                              : MpStr_FromString("");
        MpObject *list = dir ? MpList_New(0) : NULL;
        ok = list != NULL && MpList_Append(list, dir) == 0 &&
             MpDict_SetItemString(dict, "__path__", list) == 0;
        Mp_XDECREF(dir);
        Mp_XDECREF(list);
    }
    ok = ok && MpDict_SetItemString(dict, "__package__",
                                    is_package ? name : package) == 0;
    ok = ok && MpDict_SetItemString(dict, "__builtins__",
                                    MpEval_GetBuiltins()) == 0;
    /* In sys.modules before the body runs: a circular import finds it. */
    ok = ok && MpDict_SetItem(modules, name, m) == 0;
    if (!ok) {
        Mp_DECREF(code);
        Mp_DECREF(m);
        return NULL;
    }
    ((MpModuleObject *)m)->md_initializing = 1;
    MpObject *r = MpEval_Code((MpCodeObject *)code, dict, dict);
    ((MpModuleObject *)m)->md_initializing = 0;
    Mp_DECREF(code);
    if (r == NULL) {
        /* a module whose body failed is not importable: forget it */
        MpObject *exc = MpErr_GetRaisedException();
        if (MpDict_GetItemWithError(modules, name) == m) {
            MpDict_DelItem(modules, name);
        }
        MpErr_SetRaisedException(exc);
        Mp_DECREF(m);
        return NULL;
    }
    Mp_DECREF(r);
    Mp_DECREF(m);
    /* what the module left in sys.modules (it may have replaced itself) */
    MpObject *final = MpDict_GetItemWithError(modules, name);
    if (final == NULL) {
        if (!MpErr_Occurred()) {
            MpErr_Format(MpExc_ImportError,
                         "Loaded module %U not found in sys.modules", name);
        }
        return NULL;
    }
    return Mp_NewRef(final);
}
/* }====== */

/* {====== The import sequence ====== */

static MpObject *
not_found(MpObject *name)
{
    MpObject *msg = MpStr_FromFormat("No module named %R", name);
    if (msg == NULL) {
        return NULL;
    }
    MpObject *args[1] = {msg};
    MpObject *exc = MpObject_Vectorcall(MpExc_ModuleNotFoundError, args, 1,
                                        NULL);
    Mp_DECREF(msg);
    if (exc != NULL) {
        MpObject_SetAttrString(exc, "name", name);
        MpErr_SetObject(MpExc_ModuleNotFoundError, exc);
        Mp_DECREF(exc);
    }
    return NULL;
}

/* Imports one fully qualified name whose parent package (if any) is
   imported already.  Refs: NEW. */
static MpObject *
import_one(MpObject *name)
{
    MpObject *modules = sys_modules();
    if (modules == NULL) {
        return NULL;
    }
    MpObject *m = MpDict_GetItemWithError(modules, name);
    if (m != NULL) {
        return Mp_NewRef(m);
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    const BuiltinModule *b = find_builtin(name);
    if (b != NULL) {
        m = b->create();
        if (m == NULL || MpDict_SetItem(modules, name, m) < 0) {
            Mp_XDECREF(m);
            return NULL;
        }
        return m;
    }
    /* parent package, leaf name, and where to look */
    const char *full = MpStr_AsUTF8(name);
    if (full == NULL) {
        return NULL;
    }
    const char *dot = strrchr(full, '.');
    MpObject *dirs, *parent = NULL, *package;
    const char *leaf = dot ? dot + 1 : full;
    if (dot != NULL) {
        MpObject *parent_name = MpStr_FromUTF8(full, dot - full);
        if (parent_name == NULL) {
            return NULL;
        }
        parent = MpDict_GetItemWithError(modules, parent_name);
        if (parent == NULL) {
            Mp_DECREF(parent_name);
            return MpErr_Occurred() ? NULL : not_found(name);
        }
        MpObject *path;
        MpObject *path_name = MpStr_FromIdentifier(&id_path);
        if (path_name == NULL ||
            MpObject_LookupAttr(parent, path_name, &path) < 0) {
            Mp_DECREF(parent_name);
            return NULL;
        }
        if (path == NULL) {
            MpObject *msg = MpStr_FromFormat(
                "No module named %R; %R is not a package", name, parent_name);
            Mp_DECREF(parent_name);
            if (msg != NULL) {
                MpErr_SetObject(MpExc_ModuleNotFoundError, msg);
                Mp_DECREF(msg);
            }
            return NULL;
        }
        dirs = path;  // NEW
        package = parent_name;  // NEW
    }
    else {
        dirs = Mp_NewRef(MpSys_GetObject("path"));
        package = MpStr_FromString("");
    }
    char path[8192];  // room for a directory of PATH_MAX and a name
    int is_package = 0;
    int found = package ? find_source(dirs, leaf, path, sizeof path,
                                      &is_package)
                        : -1;
    Mp_XDECREF(dirs);
    if (found <= 0) {
        Mp_XDECREF(package);
        return found < 0 ? NULL : not_found(name);
    }
    m = load_source(name, path, is_package, package);
    Mp_DECREF(package);
    if (m != NULL && parent != NULL) {
        /* a submodule becomes an attribute of its package */
        MpObject *leafname = MpStr_FromString(leaf);
        if (leafname == NULL ||
            MpObject_SetAttr(parent, leafname, m) < 0) {
            Mp_CLEAR(&m);
        }
        Mp_XDECREF(leafname);
    }
    return m;
}

/* The absolute name for a relative import of `name` at `level` from a
   module whose globals are given.  Refs: NEW. */
static MpObject *
resolve_name(MpObject *name, MpObject *globals, int level)
{
    MpObject *package = globals && MpDict_Check(globals)
                            ? MpDict_GetItemString(globals, "__package__")
                            : NULL;
    if (package == NULL || package == Mp_None || !MpStr_Check(package) ||
        MpStr_GET_LENGTH(package) == 0) {
        MpErr_SetString(MpExc_ImportError,
                        "attempted relative import with no known parent "
                        "package");
        return NULL;
    }
    const char *pkg = MpStr_AsUTF8(package);
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

MpObject *
MpImport_ImportModuleLevel(MpObject *name, MpObject *globals,
                           MpObject *fromlist, int level)
{
    if (!MpStr_Check(name)) {
        return MpErr_Format(MpExc_TypeError,
                            "module name must be str, not %s",
                            MpType_Name(Mp_TYPE(name)));
    }
    if (level < 0) {
        MpErr_SetString(MpExc_ValueError, "level must be >= 0");
        return NULL;
    }
    MpObject *absname = level > 0 ? resolve_name(name, globals, level)
                                  : Mp_NewRef(name);
    if (absname == NULL) {
        return NULL;
    }
    if (MpStr_GET_LENGTH(absname) == 0) {
        Mp_DECREF(absname);
        MpErr_SetString(MpExc_ValueError, "Empty module name");
        return NULL;
    }
    /* import every prefix: a, a.b, a.b.c */
    const char *full = MpStr_AsUTF8(absname);
    MpObject *top = NULL, *m = NULL;
    for (const char *p = full;; p++) {
        if (*p != '.' && *p != '\0') {
            continue;
        }
        MpObject *prefix = MpStr_FromUTF8(full, p - full);
        Mp_XDECREF(m);
        m = prefix ? import_one(prefix) : NULL;
        Mp_XDECREF(prefix);
        if (m == NULL) {
            Mp_XDECREF(top);
            Mp_DECREF(absname);
            return NULL;
        }
        if (top == NULL) {
            top = Mp_NewRef(m);
        }
        if (*p == '\0') {
            break;
        }
    }
    int has_fromlist = fromlist != NULL && fromlist != Mp_None &&
                       MpObject_IsTrue(fromlist) > 0;
    MpObject *result;
    if (!has_fromlist) {
        result = Mp_NewRef(top);  // `import a.b.c` binds a
    }
    else {
        /* from package import submodule: load submodules named in the
           fromlist that are not attributes yet */
        MpObject *path;
        MpObject *path_name = MpStr_FromIdentifier(&id_path);
        if (path_name == NULL || MpObject_LookupAttr(m, path_name, &path) < 0) {
            goto error;
        }
        if (path != NULL) {
            Mp_DECREF(path);
            MpObject *it = MpObject_GetIter(fromlist);
            MpObject *item;
            while (it != NULL && (item = MpIter_Next(it)) != NULL) {
                int has = MpStr_Check(item) &&
                          MpStr_CompareWithASCII(item, "*") != 0 &&
                          !MpObject_HasAttr(m, item);
                if (has) {
                    MpObject *sub = MpStr_FromFormat("%U.%U", absname, item);
                    MpObject *sm = sub ? import_one(sub) : NULL;
                    Mp_XDECREF(sub);
                    if (sm == NULL) {
                        if (!MpErr_ExceptionMatches(
                                MpExc_ModuleNotFoundError)) {
                            Mp_DECREF(item);
                            Mp_DECREF(it);
                            goto error;
                        }
                        MpErr_Clear();  // IMPORT_FROM reports it
                    }
                    Mp_XDECREF(sm);
                }
                Mp_DECREF(item);
            }
            Mp_XDECREF(it);
            if (MpErr_Occurred()) {
                goto error;
            }
        }
        result = Mp_NewRef(m);
    }
    Mp_DECREF(m);
    Mp_DECREF(top);
    Mp_DECREF(absname);
    return result;
error:
    Mp_DECREF(m);
    Mp_DECREF(top);
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
