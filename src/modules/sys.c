/* sys.c — the sys module, and the standard streams.

   sys is created at start-up (MpSys_Create) and holds the interpreter's
   visible state: argv, path, modules (the import system's cache),
   the standard streams, version facts, the recursion limit.

   sys.stdin, sys.stdout and sys.stderr are text files (io.c's
   _io.TextIOWrapper) over the C library's stdin/stdout/stderr.  print()
   reaches them through MpFile_WriteObject, which calls .write on any
   object but skips the method call for a text file.

   CPython counterpart: Python/sysmodule.c.  Read first: MpSys_Create */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abstract.h"
#include "builtins.h"
#include "errors.h"
#include "modules/io.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "traceback.h"
#include "vm.h"

static MpObject *sys_module;  // BORROWED view of the module, set at start

/* {====== The standard streams ====== */

int
MpFile_WriteObject(MpObject *file, MpObject *s, const char *fallback)
{
    if (Mp_TYPE(file) == &MpTextIO_Type) {
        return MpTextIO_Write(file, s, fallback);
    }
    MpObject *text = s ? Mp_NewRef(s) : MpStr_FromString(fallback);
    if (text == NULL) {
        return -1;
    }
    MpObject *r = MpObject_CallMethod(file, "write", &text, 1);
    Mp_DECREF(text);
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}
/* }====== */

/* {====== Functions ====== */

MpObject *
MpSys_GetObject(const char *name)
{
    if (sys_module == NULL) {
        return NULL;
    }
    return MpDict_GetItemString(MpModule_GetDict(sys_module), name);
}

static MpObject *
sys_exit(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "exit expected at most 1 argument, got %zd",
                            nargs);
    }
    MpErr_SetObject(MpExc_SystemExit, nargs ? args[0] : Mp_None);
    return NULL;
}

static MpObject *
sys_getrefcount(MpObject *self, MpObject *o)
{
    /* The count includes the reference held by this call's argument, as
       CPython's does. */
    return MpLong_FromSsize_t(o->ob_refcnt);
}

static MpObject *
sys_getrecursionlimit(MpObject *self, MpObject *unused)
{
    return MpLong_FromInt64(MpEval_GetRecursionLimit());
}

static MpObject *
sys_setrecursionlimit(MpObject *self, MpObject *o)
{
    Mp_ssize_t n = MpNumber_AsSsize_t(o, MpExc_OverflowError);
    if (n == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (n < 1) {
        return MpErr_Format(MpExc_ValueError,
                            "recursion limit must be greater or equal than "
                            "1");
    }
    MpEval_SetRecursionLimit((int)(n > 0x7fffffff ? 0x7fffffff : n));
    return Mp_NewRef(Mp_None);
}

static MpObject *
sys_intern(MpObject *self, MpObject *o)
{
    if (!MpStr_CheckExact(o)) {
        return MpErr_Format(MpExc_TypeError,
                            "intern() argument must be str, not %s",
                            MpType_Name(Mp_TYPE(o)));
    }
    Mp_INCREF(o);
    MpStr_InternInPlace(&o);
    return o;
}

/* excepthook(type, value, traceback): the traceback printer run for an
   uncaught exception; sys.__excepthook__ keeps the original. */
static MpObject *
sys_excepthook(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs != 3) {
        return MpErr_Format(MpExc_TypeError,
                            "excepthook expected 3 arguments, got %zd",
                            nargs);
    }
    MpObject *value = args[1];
    if (!MpExceptionInstance_Check(value)) {
        fprintf(stderr, "TypeError: print_exception(): Exception expected "
                        "for value, %s found\n",
                MpType_Name(Mp_TYPE(value)));
        return Mp_NewRef(Mp_None);
    }
    MpObject *tb = args[2];
    if (tb != Mp_None) {
        MpObject *old = MpException_GetTraceback(value);
        if (old == NULL && MpException_SetTraceback(value, tb) < 0) {
            return NULL;
        }
        Mp_XDECREF(old);
    }
    fflush(stdout);
    MpTraceback_Print(value, stderr);
    fflush(stderr);
    return Mp_NewRef(Mp_None);
}

/* exception(): the exception being handled (by an except block or a
   finally clause running for it), or None. */
static MpObject *
sys_exception(MpObject *self, MpObject *unused)
{
    MpObject *exc = MpErr_GetHandledException();
    return exc != NULL ? exc : Mp_NewRef(Mp_None);
}

/* exc_info(): (type, value, traceback) of sys.exception(), or three
   Nones. */
static MpObject *
sys_exc_info(MpObject *self, MpObject *unused)
{
    MpObject *exc = MpErr_GetHandledException();
    if (exc == NULL || exc == Mp_None) {
        Mp_XDECREF(exc);
        return MpTuple_Pack(3, Mp_None, Mp_None, Mp_None);
    }
    MpObject *tb = MpException_GetTraceback(exc);
    MpObject *r = MpTuple_Pack(3, (MpObject *)Mp_TYPE(exc), exc,
                               tb != NULL ? tb : Mp_None);
    Mp_XDECREF(tb);
    Mp_DECREF(exc);
    return r;
}

/* _getframe(depth=0): the frame object of the caller, or of the frame
   depth calls further out.  ValueError: "call stack is not deep
   enough". */
static MpObject *
sys_getframe(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "_getframe expected at most 1 argument, got %zd",
                            nargs);
    }
    int64_t depth = 0;
    if (nargs == 1) {
        depth = MpLong_AsInt64(args[0]);
        if (depth == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    MpFrame *f = MpEval_CurrentFrame();
    while (depth-- > 0 && f != NULL) {
        f = f->f_previous;
    }
    if (f == NULL) {
        return MpErr_Format(MpExc_ValueError, "call stack is not deep enough");
    }
    MpObject *fo = MpFrame_GetObject(f);
    return fo != NULL ? Mp_NewRef(fo) : NULL;
}

/* sys.displayhook(value): what the REPL does with the value of an
   expression statement (PRINT_EXPR calls it).  None is not shown; anything
   else is written as repr(value) and a newline to sys.stdout and kept in
   builtins._ .  `_` is set to None before the repr is taken, as CPython
   does, so that a repr that fails leaves no stale value behind. */
static MpObject *
sys_displayhook(MpObject *self, MpObject *o)
{
    if (o == Mp_None) {
        return Mp_NewRef(Mp_None);
    }
    MpObject *modules = MpSys_GetObject("modules");
    MpObject *builtins = modules && MpDict_Check(modules)
                             ? MpDict_GetItemString(modules, "builtins")
                             : NULL;
    if (builtins == NULL) {
        return MpErr_Format(MpExc_RuntimeError, "lost builtins module");
    }
    if (MpObject_SetAttrString(builtins, "_", Mp_None) < 0) {
        return NULL;
    }
    MpObject *out = MpSys_GetObject("stdout");
    if (out == NULL || out == Mp_None) {
        return MpErr_Format(MpExc_RuntimeError, "lost sys.stdout");
    }
    MpObject *r = MpObject_Repr(o);
    if (r == NULL) {
        return NULL;
    }
    int err = MpFile_WriteObject(out, r, NULL);
    Mp_DECREF(r);
    if (err < 0 || MpFile_WriteObject(out, NULL, "\n") < 0 ||
        MpObject_SetAttrString(builtins, "_", o) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpMethodDef sys_methods[] = {
    {"_getframe", (void *)sys_getframe, MP_METH_FASTCALL, NULL},
    {"exception", (void *)sys_exception, MP_METH_NOARGS, NULL},
    {"exc_info", (void *)sys_exc_info, MP_METH_NOARGS, NULL},
    {"displayhook", (void *)sys_displayhook, MP_METH_O, NULL},
    {"exit", (void *)sys_exit, MP_METH_FASTCALL, NULL},
    {"excepthook", (void *)sys_excepthook, MP_METH_FASTCALL, NULL},
    {"getrefcount", (void *)sys_getrefcount, MP_METH_O, NULL},
    {"getrecursionlimit", (void *)sys_getrecursionlimit, MP_METH_NOARGS,
     NULL},
    {"setrecursionlimit", (void *)sys_setrecursionlimit, MP_METH_O, NULL},
    {"intern", (void *)sys_intern, MP_METH_O, NULL},
    {NULL},
};
/* }====== */

/* {====== Creating the module ====== */

/* minipy's own library directory, found from the executable's location:
   an installed binary <prefix>/bin/minipy uses <prefix>/lib/minipy; a
   binary in the build tree (<repo>/build/.../minipy) uses <repo>/lib.
   Fills dir and returns 1, or 0 when neither exists. */
static int
find_lib_dir(char *dir, size_t n)
{
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) {
        return 0;
    }
    exe[len] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash == NULL) {
        return 0;
    }
    *slash = '\0';  // exe is now the binary's directory
    struct stat st;
    snprintf(dir, n, "%s/../lib/minipy", exe);
    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        return 1;
    }
    /* the build tree: climb to the directory that holds lib/ beside the
       Makefile */
    for (int up = 0; up < 3; up++) {
        char *s = strrchr(exe, '/');
        if (s == NULL) {
            break;
        }
        *s = '\0';
        char probe[4200];
        snprintf(probe, sizeof probe, "%s/Makefile", exe);
        snprintf(dir, n, "%s/lib", exe);
        if (stat(probe, &st) == 0 && stat(dir, &st) == 0 &&
            S_ISDIR(st.st_mode)) {
            return 1;
        }
    }
    return 0;
}

/* sys.executable: the interpreter's absolute path (from /proc/self/exe,
   so symbolic links are resolved, which CPython does not do), or "" when
   it cannot be known, as CPython. */
static MpObject *
executable(void)
{
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len <= 0) {
        len = 0;
    }
    return MpStr_FromUTF8(exe, len);
}

int MpSysInfo_AddTo(MpObject *m);  // sys_info.c

/* sys.__stdout__ (and the others): the stream sys.stdout starts as, which
   shutdown puts back before the modules are cleared (runtime.c).
   Returns 0 or -1. */
static int
add_original_stream(MpObject *m, const char *alias, const char *name)
{
    MpObject *stream = MpDict_GetItemString(MpModule_GetDict(m), name);
    if (stream == NULL) {
        return -1;
    }
    return MpModule_AddObject(m, alias, Mp_NewRef(stream));
}

MpObject *
MpSys_Create(int argc, char **argv, const char *path0)
{
    MpObject *m = MpModule_New("sys");
    if (m == NULL) {
        return NULL;
    }
    MpObject *d = MpModule_GetDict(m);
    /* sys.path: the script's directory, PYTHONPATH, minipy's lib/ */
    char *path_items[64];
    int npath = 0;
    path_items[npath++] = (char *)path0;
    char *pythonpath = getenv("PYTHONPATH");
    char *pp_copy = pythonpath && *pythonpath ? strdup(pythonpath) : NULL;
    for (char *tok = pp_copy ? strtok(pp_copy, ":") : NULL;
         tok != NULL && npath < 62; tok = strtok(NULL, ":")) {
        path_items[npath++] = tok;
    }
    char libdir[8192], resolved[4096];
    if (find_lib_dir(libdir, sizeof libdir)) {
        /* without the ".." of <prefix>/bin/../lib/minipy */
        path_items[npath++] = realpath(libdir, resolved) ? resolved : libdir;
    }
    if (MpModule_AddFunctions(m, sys_methods) < 0 ||
        MpModule_AddObject(m, "stdout", MpTextIO_FromStdio(stdout, "<stdout>", "w")) < 0 ||
        MpModule_AddObject(m, "stderr", MpTextIO_FromStdio(stderr, "<stderr>", "w")) < 0 ||
        MpModule_AddObject(m, "stdin", MpTextIO_FromStdio(stdin, "<stdin>", "r")) < 0 ||
        add_original_stream(m, "__stdin__", "stdin") < 0 ||
        add_original_stream(m, "__stdout__", "stdout") < 0 ||
        add_original_stream(m, "__stderr__", "stderr") < 0 ||
        MpModule_AddObject(m, "argv", MpList_FromUTF8Strings(
                                          (const char *const *)argv, argc)) <
            0 ||
        MpModule_AddObject(m, "path",
                           MpList_FromUTF8Strings(
                               (const char *const *)path_items, npath)) < 0 ||
        MpModule_AddObject(m, "modules", MpDict_New()) < 0 ||
        MpModule_AddObject(m, "executable", executable()) < 0 ||
        MpModule_AddObject(m, "maxsize", MpLong_FromInt64(INT64_MAX)) < 0 ||
        MpModule_AddObject(m, "byteorder", MpStr_FromString("little")) < 0 ||
        MpModule_AddObject(m, "platform", MpStr_FromString("linux")) < 0 ||
        MpModule_AddObject(m, "version",
                           MpStr_FromString("3.11.0 (minipy 0.1.0)")) < 0 ||
        MpSysInfo_AddTo(m) < 0 || MpSysStartup_AddTo(m) < 0) {
        Mp_DECREF(m);
        free(pp_copy);
        return NULL;
    }
    MpObject *hook = MpDict_GetItemString(MpModule_GetDict(m), "excepthook");
    if (hook == NULL || MpModule_AddObject(m, "__excepthook__",
                                           Mp_NewRef(hook)) < 0) {
        Mp_DECREF(m);
        free(pp_copy);
        return NULL;
    }
    /* sys.__displayhook__: the original, for restoring */
    hook = MpDict_GetItemString(d, "displayhook");
    if (hook == NULL || MpDict_SetItemString(d, "__displayhook__", hook) < 0) {
        Mp_DECREF(m);
        free(pp_copy);
        return NULL;
    }
    free(pp_copy);
    extern int MpSysMemory_AddTo(MpObject *);  // modules/sys_memory.c
    if (MpSysMemory_AddTo(m) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    sys_module = m;
    return m;
}

void
MpSys_Forget(void)
{
    sys_module = NULL;
}
/* }====== */
