/* runtime.c — the interpreter's life: start-up, running the main program,
   shutdown.

   Start-up readies the built-in types (their dicts and MROs), creates the
   exceptions, then the builtins, sys and __main__ modules, in that order:
   each step needs the ones before it.

   Running a program is the front end (parse.h), the compiler (compile.h)
   and the VM (vm.h) one after the other, with __main__'s dict as the
   globals.  An exception that reaches the top is printed with its
   traceback (exit status 1); SystemExit gives its own status.

   Shutdown releases __main__'s globals first, so that the __del__ methods
   of objects still alive run while the other modules still work, then the
   modules, then the interpreter's own caches; the debug build can then
   report the references and blocks still accounted for.

   CPython counterpart: Python/pylifecycle.c, Python/pythonrun.c.
   With -i (MpRuntime_SetInspect) an exception that ends the program,
   SystemExit included, is printed and the REPL (repl.c) starts with
   __main__'s globals (MpRuntime_RunInteractive).

   Read first: MpRuntime_RunSource */
#include "runtime.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "arena.h"
#include "builtins.h"
#include "compile.h"
#include "errors.h"
#include "gc.h"
#include "hash.h"
#include "import.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/modulespec.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/weakref.h"
#include "parse.h"
#include "runmodule.h"
#include "repl.h"
#include "signals.h"
#include "sitebuiltins.h"
#include "traceback.h"
#include "vm.h"

void MpPosix_Fini(void);  // modules/posixmodule.c

static MpObject *builtins_module, *sys_module, *main_module;
/* builtins' dict as start-up left it: shutdown puts it back (step 3) */
static MpObject *builtins_copy;
static int interrupted;  // an uncaught KeyboardInterrupt ended the program
static int inspect;      // -i: the REPL follows the program
static int in_repl;      // the REPL is running

/* {====== Start-up ====== */

extern MpTypeObject MpNone_Type, MpNotImplemented_Type, MpEllipsis_Type;
extern MpTypeObject MpSuper_Type;  // objects/super.c

/* The types the builtins module names (the others are readied too, when
   first used: MpType_Lookup readies a type it meets unready). */
static MpTypeObject *const builtin_types[] = {
    &MpBaseObject_Type, &MpType_Type,       &MpLong_Type,
    &MpBool_Type,       &MpFloat_Type,      &MpComplex_Type,
    &MpStr_Type,        &MpBytes_Type,      &MpByteArray_Type,
    &MpTuple_Type,      &MpList_Type,       &MpDict_Type,
    &MpSet_Type,        &MpFrozenSet_Type,  &MpRange_Type,
    &MpSlice_Type,      &MpClassMethod_Type, &MpStaticMethod_Type,
    &MpSuper_Type,      &MpProperty_Type,   &MpEnumerate_Type,
    &MpZip_Type,        &MpMap_Type,        &MpFilter_Type,
    &MpReversed_Type,   &MpMemoryView_Type,
};

/* Types the VM creates instances of, readied up front. */
static MpTypeObject *const engine_types[] = {
    &MpFunction_Type, &MpCell_Type,  &MpMethod_Type,    &MpCFunction_Type,
    &MpCode_Type,     &MpGen_Type,   &MpFrame_Type,     &MpTraceback_Type,
    &MpModule_Type,   &MpNone_Type,  &MpNotImplemented_Type,
    &MpEllipsis_Type,
};

int
MpRuntime_Init(int argc, char **argv, const char *path0)
{
    if (MpSignals_Init() < 0) {
        fprintf(stderr, "minipy: cannot install the SIGINT handler\n");
        return -1;
    }
    if (MpGC_Init() < 0 || MpHash_Init() < 0) {
        fprintf(stderr, "Fatal Python error: _Py_HashRandomization_Init: "
                        "PYTHONHASHSEED must be \"random\" or an integer in "
                        "range [0; 4294967295]\n");
        return -1;
    }
    int n = (int)(sizeof builtin_types / sizeof builtin_types[0]);
    for (int i = 0; i < n; i++) {
        if (MpType_Ready(builtin_types[i]) < 0) {
            goto fail;
        }
    }
    int m = (int)(sizeof engine_types / sizeof engine_types[0]);
    for (int i = 0; i < m; i++) {
        if (MpType_Ready(engine_types[i]) < 0) {
            goto fail;
        }
    }
    if (MpLong_Init() < 0 || MpStr_Init() < 0 || MpBytes_Init() < 0 ||
        MpExceptions_Init() < 0 || MpEval_Init() < 0) {
        goto fail;
    }
    extern int mp_types_bootstrapped;  // object.c
    mp_types_bootstrapped = 1;
    builtins_module = MpBuiltins_Create(builtin_types, n);
    if (builtins_module != NULL) {
        MpEval_SetDefaultBuiltins(MpModule_GetDict(builtins_module));
        if (MpImport_Init(builtins_module) < 0 ||
            MpSiteBuiltins_Install(MpModule_GetDict(builtins_module)) < 0) {
            goto fail;
        }
    }
    sys_module = builtins_module ? MpSys_Create(argc, argv, path0) : NULL;
    main_module = sys_module ? MpModule_New("__main__") : NULL;
    if (main_module == NULL) {
        goto fail;
    }
    MpObject *modules = MpSys_GetObject("modules");
    MpObject *main_dict = MpModule_GetDict(main_module);
    if (MpDict_SetItemString(modules, "builtins", builtins_module) < 0 ||
        MpDict_SetItemString(modules, "sys", sys_module) < 0 ||
        MpDict_SetItemString(modules, "__main__", main_module) < 0 ||
        MpDict_SetItemString(main_dict, "__builtins__", builtins_module) <
            0 ||
        MpImport_SetBuiltinSpec(builtins_module) < 0 ||
        MpImport_SetBuiltinSpec(sys_module) < 0 ||
        MpDict_SetItemString(main_dict, "__loader__",
                             (MpObject *)&MpBuiltinImporter_Type) < 0) {
        goto fail;
    }
    builtins_copy = MpDict_Copy(MpModule_GetDict(builtins_module));
    if (builtins_copy == NULL) {
        goto fail;
    }
    return 0;
fail:
    fprintf(stderr, "minipy: could not start the interpreter\n");
    if (MpErr_Occurred()) {
        MpErr_WriteUnraisable(NULL);
    }
    return -1;
}
/* }====== */

/* {====== Running ====== */

/* Prints an uncaught exception through sys.excepthook when a program
   replaced it, directly otherwise; a hook that fails is reported with the
   original exception, in CPython's words. */
static void
print_uncaught(MpObject *exc)
{
    MpObject *hook = MpSys_GetObject("excepthook");
    if (hook == NULL || hook == MpSys_GetObject("__excepthook__")) {
        MpTraceback_Print(exc, stderr);
        return;
    }
    MpObject *tb = MpException_GetTraceback(exc);
    MpObject *args[3] = {(MpObject *)Mp_TYPE(exc), exc, tb ? tb : Mp_None};
    Mp_INCREF(hook);
    MpObject *r = MpObject_Vectorcall(hook, args, 3, NULL);
    Mp_DECREF(hook);
    Mp_XDECREF(tb);
    if (r != NULL) {
        Mp_DECREF(r);
        return;
    }
    MpObject *err = MpErr_GetRaisedException();
    fflush(stdout);
    fprintf(stderr, "Error in sys.excepthook:\n");
    MpTraceback_Print(err, stderr);
    fprintf(stderr, "\nOriginal exception was:\n");
    MpTraceback_Print(exc, stderr);
    Mp_DECREF(err);
}

int
MpRuntime_HandleException(int *status)
{
    MpObject *exc = MpErr_GetRaisedException();
    int leave = 0;
    *status = 1;
    MpObject *out = MpSys_GetObject("stdout");
    if (out != NULL) {
        MpObject *r = MpObject_CallMethod(out, "flush", NULL, 0);
        Mp_XDECREF(r);
        MpErr_Clear();
    }
    fflush(stdout);
    if (exc == NULL) {
        return 0;
    }
    /* With -i, SystemExit from the program is printed like any exception
       and the REPL starts, as in CPython (_Py_HandleSystemExit). */
    if (!inspect && MpErr_GivenExceptionMatches(exc, MpExc_SystemExit)) {
        leave = 1;
        MpObject *code = MpObject_GetAttrString(exc, "code");
        int64_t v;
        if (code == NULL || code == Mp_None) {
            *status = 0;
        }
        else if (MpLong_Check(code)) {
            v = MpLong_AsInt64(code);
            *status = (int)(v & 0xff);
        }
        else {
            MpObject *s = MpObject_Str(code);
            if (s != NULL) {
                fprintf(stderr, "%s\n", MpStr_AsUTF8(s));
                Mp_DECREF(s);
            }
            *status = 1;
        }
        Mp_XDECREF(code);
        MpErr_Clear();
    }
    else {
        print_uncaught(exc);
        /* A program ended by Ctrl-C dies by SIGINT; one the REPL goes on
           from does not. */
        interrupted = !inspect && !in_repl &&
                      MpErr_GivenExceptionMatches(exc,
                                                  MpExc_KeyboardInterrupt);
    }
    Mp_DECREF(exc);
    fflush(stderr);
    return leave;
}

/* The exit status for an exception that reached the top of a program. */
static int
handle_uncaught(void)
{
    int status;
    MpRuntime_HandleException(&status);
    return status;
}

void
MpRuntime_SetInspect(int on)
{
    inspect = on;
}

int
MpRuntime_RunInteractive(const char *banner)
{
    inspect = 0;  // SystemExit typed at the prompt leaves
    in_repl = 1;
    interrupted = 0;
    int status = MpRepl_Run(MpModule_GetDict(main_module), banner);
    in_repl = 0;
    return status;
}

int
MpRuntime_RunSource(const char *src, size_t len, const char *filename)
{
    MpArena *arena = MpArena_New();
    if (arena == NULL) {
        fprintf(stderr, "MemoryError\n");
        return 1;
    }
    MpSyntaxError err;
    MpNode *tree = MpParse_Source(src, len, filename, MP_MODE_FILE, arena,
                                  &err);
    MpObject *code = NULL;
    MpObject *fname = MpStr_FromString(filename);
    if (tree != NULL && fname != NULL) {
        code = MpCompile(tree, fname, 0, &err);
    }
    if (code == NULL) {
        fflush(stdout);
        if (err.kind != MP_ERR_NONE) {
            MpSyntaxError_Print(&err, filename, err.source, err.source_len,
                                stderr);
        }
        Mp_XDECREF(fname);
        MpArena_Free(arena);
        return 1;
    }
    MpArena_Free(arena);
    MpObject *globals = MpModule_GetDict(main_module);
    int status = 0;
    if (MpDict_SetItemString(globals, "__file__", fname) < 0) {
        status = handle_uncaught();
    }
    if (status == 0 && filename[0] != '<') {
        /* a script's __main__ is loaded from its file, as CPython says */
        MpObject *name = MpStr_FromString("__main__");
        MpObject *loader = name ? MpLoader_New(&MpSourceFileLoader_Type,
                                               name, fname)
                                : NULL;
        if (loader == NULL ||
            MpDict_SetItemString(globals, "__loader__", loader) < 0) {
            status = handle_uncaught();
        }
        Mp_XDECREF(loader);
        Mp_XDECREF(name);
    }
    Mp_DECREF(fname);
    if (status == 0) {
        MpObject *r = MpEval_Code((MpCodeObject *)code, globals, globals);
        if (r == NULL) {
            status = handle_uncaught();
        }
        Mp_XDECREF(r);
    }
    Mp_DECREF(code);
    fflush(stdout);
    return status;
}
/* The -m program: find the module as runpy does (runmodule.c), then run
   its file in __main__'s dict with the spec's attributes, sys.argv[0]
   being the file. */
int
MpRuntime_RunModule(const char *modname)
{
    MpObject *name = MpStr_FromString(modname), *msg = NULL;
    MpObject *spec = name ? MpRunModule_FindSpec(name, &msg) : NULL;
    Mp_XDECREF(name);
    if (spec == NULL && msg != NULL) {
        /* runpy's sys.exit("<executable>: <message>") */
        MpObject *exe = MpSys_GetObject("executable");
        fflush(stdout);
        fprintf(stderr, "%s: %s\n",
                exe && MpStr_Check(exe) ? MpStr_AsUTF8(exe) : "minipy",
                MpStr_AsUTF8(msg));
        Mp_DECREF(msg);
        return 1;
    }
    MpObject *origin = spec ? MpObject_GetAttrString(spec, "origin") : NULL;
    MpObject *argv = MpSys_GetObject("argv");
    MpObject *zero = MpLong_FromInt64(0);
    int status = 0;
    if (origin == NULL ||
        (argv != NULL && MpList_Check(argv) && Mp_SIZE(argv) > 0 &&
         MpObject_SetItem(argv, zero, origin) < 0) ||
        MpImport_ExecSpec(main_module, spec) < 0) {
        status = handle_uncaught();
    }
    Mp_XDECREF(zero);
    Mp_XDECREF(origin);
    Mp_XDECREF(spec);
    fflush(stdout);
    return status;
}
/* }====== */

/* {====== Shutdown ======
   The order is CPython 3.11's (Py_FinalizeEx, finalize_modules), so that
   objects that die at exit die in the same order and print the same
   lines:
     1. the atexit callbacks, last registered first; sys.stdout and
        sys.stderr flushed (a failure is reported as unraisable);
     2. a full collection with gc.callbacks, if the collector is enabled;
     3. builtins._ and sys's import and prompt state (path, argv, ps1,
        meta_path ...) are set to None and sys.stdin/stdout/stderr are
        put back to sys.__stdin__/__stdout__/__stderr__; every module is
        removed from sys.modules, in its order there (the entry becomes
        None): a module nothing else holds dies then, and its globals with
        it, in insertion order (__main__ among them); what is in a cycle
        (a module's functions hold its globals) waits; then builtins' dict
        is put back as start-up left it, so what the program stored there
        dies with every built-in still in place;
     4. a full collection without callbacks: the cycles of step 3 are
        garbage now, finalized in the collector's order;
     5. the modules still alive (something kept them) are wiped, last
        imported first, sys among them, builtins not: names with a single
        leading underscore set to None first, then every other name but
        __builtins__ (so a __del__ running then still finds print, and
        sys.stdout None, where print writes nothing);
     6. sys's and builtins' dicts are cleared, and a last collection. */

void MpAtexit_Run(void);  // modules/atexit.c

/* The unraisable hook once sys is gone: CPython's default hook finds no
   sys.stderr then and writes nothing. */
static void
silent_unraisable_hook(MpObject *exc, MpObject *obj)
{
    (void)exc;
    (void)obj;
}

/* Step 5 for one module dict (CPython's _PyModule_ClearDict). */
static void
wipe_module_dict(MpObject *d)
{
    for (int pass = 0; pass < 2; pass++) {
        Mp_ssize_t pos = 0;
        MpObject *key, *value;
        while (MpDict_Next(d, &pos, &key, &value)) {
            if (value == Mp_None || !MpStr_Check(key)) {
                continue;
            }
            const char *k = MpStr_AsUTF8(key);
            if (k == NULL) {
                MpErr_Clear();
                continue;
            }
            int underscore = k[0] == '_' && k[1] != '_';
            if (pass == 0 ? !underscore
                          : strcmp(k, "__builtins__") == 0) {
                continue;
            }
            if (MpDict_SetItem(d, key, Mp_None) < 0) {
                MpErr_Clear();
            }
        }
    }
}

/* Step 1's flush of sys.stdout and sys.stderr (CPython's
   flush_std_files): a stream that cannot flush is reported.  Returns -1
   when one failed (the process then exits with status 120, as CPython's
   Py_RunMain when Py_FinalizeEx fails), else 0. */
static int
flush_std_files(void)
{
    int status = 0;
    static const char *const names[] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        MpObject *f = MpSys_GetObject(names[i]);
        if (f == NULL || f == Mp_None) {
            continue;
        }
        Mp_INCREF(f);
        MpObject *r = MpObject_CallMethod(f, "flush", NULL, 0);
        if (r == NULL) {
            if (i == 0) {
                MpErr_WriteUnraisable(f);
            }
            else {
                MpErr_Clear();
            }
            status = -1;
        }
        Mp_XDECREF(r);
        Mp_DECREF(f);
    }
    return status;
}

/* The first part of step 3 (CPython's finalize_modules_delete_special). */
static void
delete_special(void)
{
    static const char *const to_none[] = {
        "path", "argv", "ps1", "ps2", "last_type", "last_value",
        "last_traceback", "path_hooks", "path_importer_cache", "meta_path",
        "__interactivehook__"};
    static const char *const streams[][2] = {{"stdin", "__stdin__"},
                                             {"stdout", "__stdout__"},
                                             {"stderr", "__stderr__"}};
    if (builtins_module != NULL &&
        MpDict_SetItemString(MpModule_GetDict(builtins_module), "_",
                             Mp_None) < 0) {
        MpErr_WriteUnraisable(NULL);
    }
    if (sys_module == NULL) {
        return;
    }
    MpObject *d = MpModule_GetDict(sys_module);
    for (size_t i = 0; i < sizeof to_none / sizeof to_none[0]; i++) {
        if (MpDict_SetItemString(d, to_none[i], Mp_None) < 0) {
            MpErr_WriteUnraisable(NULL);
        }
    }
    for (size_t i = 0; i < 3; i++) {
        MpObject *orig = MpDict_GetItemString(d, streams[i][1]);
        if (orig != NULL && MpDict_SetItemString(d, streams[i][0], orig) < 0) {
            MpErr_WriteUnraisable(NULL);
        }
    }
}

/* The end of step 3: builtins' dict gets back its start-up contents; the
   values the program added or replaced die after it has them back. */
static void
restore_builtins(void)
{
    if (builtins_module == NULL || builtins_copy == NULL) {
        return;
    }
    MpObject *d = MpModule_GetDict(builtins_module);
    MpObject *old = MpDict_Copy(d);
    if (old == NULL) {
        MpErr_WriteUnraisable(NULL);
        return;
    }
    MpDict_Clear(d);
    if (MpDict_Update(d, builtins_copy) < 0) {
        MpErr_WriteUnraisable(NULL);
    }
    Mp_DECREF(old);
}

/* Steps 3-5.  Returns nothing: shutdown goes on whatever happens. */
static void
finalize_modules(void)
{
    delete_special();
    MpObject *modules = MpSys_GetObject("modules");
    if (modules == NULL || !MpDict_Check(modules)) {
        return;
    }
    Mp_INCREF(modules);
    MpObject *weaklist = MpList_New(0);
    MpObject *items = MpDict_Items(modules);
    if (weaklist == NULL || items == NULL) {
        MpErr_Clear();
    }
    for (Mp_ssize_t i = 0; items != NULL && i < Mp_SIZE(items); i++) {
        MpObject *pair = MpList_GET_ITEM(items, i);
        MpObject *name = MpTuple_GET_ITEM(pair, 0);
        MpObject *mod = MpTuple_GET_ITEM(pair, 1);
        if (weaklist != NULL && MpModule_Check(mod)) {
            MpObject *wr = MpWeakref_NewRef(mod, NULL);
            if (wr == NULL || MpList_Append(weaklist, wr) < 0) {
                MpErr_Clear();
            }
            Mp_XDECREF(wr);
        }
        if (MpDict_SetItem(modules, name, Mp_None) < 0) {
            MpErr_Clear();
        }
    }
    /* the modules die here (the items list held the last reference) */
    Mp_XDECREF(items);
    MpDict_Clear(modules);
    MpTraceback_NoSourceLines = 1;
    restore_builtins();
    MpGC_CollectNoCallbacks();
    /* step 5, last imported first; builtins is left to step 6 */
    for (Mp_ssize_t i = weaklist ? Mp_SIZE(weaklist) - 1 : -1; i >= 0;
         i--) {
        MpObject *mod = MpWeakref_GetObject(MpList_GET_ITEM(weaklist, i));
        if (mod == Mp_None || mod == builtins_module) {
            continue;
        }
        Mp_INCREF(mod);
        wipe_module_dict(MpModule_GetDict(mod));
        Mp_DECREF(mod);
    }
    Mp_XDECREF(weaklist);
    Mp_DECREF(modules);
}

static int finalizing;

int
MpRuntime_IsFinalizing(void)
{
    return finalizing;
}

int
MpRuntime_Fini(int show_refcount)
{
    MpAtexit_Run();
    int status = flush_std_files();
    fflush(stdout);
    finalizing = 1;
    if (MpGC_State()->enabled) {
        MpGC_Collect(2);
    }
    /* __main__ is held by sys.modules alone from now on */
    Mp_CLEAR(&main_module);
    finalize_modules();
    MpObject *modules = MpSys_GetObject("modules");
    Mp_XINCREF(modules);
    MpSys_Forget();
    MpSignals_Fini();  // signal handlers hold Python objects
    MpPosix_Fini();    // os.register_at_fork's callables
    MpErr_SetUnraisableHook(silent_unraisable_hook);
    if (sys_module != NULL) {
        MpDict_Clear(MpModule_GetDict(sys_module));
    }
    if (builtins_module != NULL) {
        MpDict_Clear(MpModule_GetDict(builtins_module));
    }
    Mp_CLEAR(&builtins_copy);
    Mp_XDECREF(modules);
    Mp_CLEAR(&sys_module);
    Mp_CLEAR(&builtins_module);
    MpGC_Fini();  // gc.garbage and gc.callbacks go; no more debug output
    /* The preallocated MemoryError keeps the traceback of its last raise
       (frames, their functions and globals) until it is raised again:
       let go of it, so the final collection sees that garbage. */
    MpObject *memerr = MpExc_MemoryErrorInstance();
    if (memerr != NULL) {
        MpException_SetTraceback(memerr, NULL);
        MpException_SetCause(memerr, NULL);
        MpException_SetContext(memerr, NULL);
    }
    /* the final collection: cycles left by the program (classes and
       their MROs, exceptions and their tracebacks) */
    while (MpGC_CollectNoCallbacks() > 0) {
        /* freeing garbage can leave new garbage behind (a class whose
           last instance lived in a collected cycle): until none is left */
    }
    MpErr_Clear();
    MpEval_Fini();
    MpExceptions_Fini();
    extern int mp_types_bootstrapped;
    mp_types_bootstrapped = 0;
    MpType_Fini();
    MpTuple_Fini();
    MpBytes_Fini();
    MpStr_Fini();
    MpLong_Fini();
    fflush(stdout);
#if MP_DEBUG
    if (show_refcount) {
        extern Mp_ssize_t mp_ref_total, mp_blocks;
        fprintf(stderr, "[%zd refs, %zd blocks]\n", mp_ref_total, mp_blocks);
    }
#else
    (void)show_refcount;
#endif
    if (interrupted) {
        /* like CPython: die by SIGINT, so the shell sees status 130 */
        fflush(stderr);
        MpSignals_ExitBySigint();
    }
    return status;
}
/* }====== */
