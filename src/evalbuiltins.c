/* evalbuiltins.c — the builtins that run source or look at namespaces:
   exec, eval, compile, locals, vars, dir, input, and the __dir__ methods
   of object, type and module that dir() relies on.

   compile() is the front end (parse.h) and the compiler (compile.h) run
   on a string instead of a file; its mode picks the parse mode:

       'exec'   -> MP_MODE_FILE     a Module; the code returns None
       'eval'   -> MP_MODE_EVAL     an Expression; the code returns its value
       'single' -> MP_MODE_SINGLE   an Interactive statement; expression
                                    statements print their value

   A failure becomes a SyntaxError carrying the filename given to compile
   ("<string>" for exec and eval), so a traceback reads
   `File "<string>", line 1` as CPython's does.

   exec and eval then run the code object with MpEval_Code in the given
   namespaces.  Before that they make sure globals has a '__builtins__'
   entry (the running frame's builtins dict), as CPython does: that is what
   the code's LOAD_GLOBAL falls back to.  Without namespaces they use the
   caller's: the globals of the running frame and its locals (for a
   function frame, the snapshot dict locals() returns, so assignments made
   by exec do not reach the function's variables — as in CPython 3.11).

   dir(obj) calls type(obj).__dir__(obj) and sorts the list.  object's
   __dir__ collects the instance dict, then the class's dict and its bases'
   dicts, recursively (CPython's merge_class_dict); type's collects the
   class and its bases; module's lists the module dict, or calls a
   __dir__ function defined in the module.

   CPython counterpart: Python/bltinmodule.c (builtin_exec_impl,
   builtin_eval_impl, builtin_compile_impl, builtin_dir, builtin_vars),
   Objects/typeobject.c (object___dir___impl, type___dir___impl),
   Objects/moduleobject.c (module_dir).
   Read first: compile_source */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "arena.h"
#include "builtins.h"
#include "evalbuiltins.h"
#include "compile.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parse.h"
#include "strbuf.h"
#include "vm.h"

/* {====== Compiling a string ====== */

/* compile()'s flag bits minipy knows (CPython's values): the future
   flags are accepted, PyCF_ONLY_AST and friends are not supported. */
enum {
    CF_DONT_IMPLY_DEDENT = 0x0200,
    CF_ALLOW_INCOMPLETE_INPUT = 0x4000,
    CF_FUTURE_MASK = 0x3fe0000,  // CO_FUTURE_* bits
    CF_FUTURE_ANNOTATIONS = 0x1000000,
};

/* The text of a source argument: a str's UTF-8 or a bytes-like object's
   bytes, in *view (release with MpBytesLike_Release when *is_buffer).
   fname and what word the TypeError ("exec() arg 1 must be a string,
   bytes or code object").  Returns 0 or -1. */
static int
source_text(MpObject *src, const char *fname, const char *what,
            const char **text, Mp_ssize_t *len, MpBuffer *view,
            int *is_buffer)
{
    *is_buffer = 0;
    if (MpStr_Check(src)) {
        *text = MpStr_AsUTF8AndSize(src, len);
        if (*text == NULL) {
            return -1;
        }
    }
    else if (MpBytes_Check(src) || MpByteArray_Check(src)) {
        if (MpBytesLike_Get(src, view) < 0) {
            return -1;
        }
        *is_buffer = 1;
        *text = view->buf;
        *len = view->len;
    }
    else {
        MpErr_Format(MpExc_TypeError, "%s() arg 1 must be a %s", fname,
                     what);
        return -1;
    }
    if (memchr(*text, '\0', (size_t)*len) != NULL) {
        if (*is_buffer) {
            MpBytesLike_Release(view);
        }
        MpErr_SetString(MpExc_SyntaxError,
                        "source code string cannot contain null bytes");
        return -1;
    }
    return 0;
}

/* Parses and compiles text as the given mode; filename is a str.
   Returns a code object, or NULL with SyntaxError (or MemoryError,
   RecursionError) set.  Refs: NEW; filename BORROWED. */
static MpObject *
compile_source(const char *text, Mp_ssize_t len, MpObject *filename,
               MpParseMode mode, int flags)
{
    const char *fname = MpStr_AsUTF8(filename);
    if (fname == NULL) {
        return NULL;
    }
    MpArena *arena = MpArena_New();
    if (arena == NULL) {
        return MpErr_NoMemory();
    }
    MpSyntaxError err;
    memset(&err, 0, sizeof err);
    MpObject *code = NULL;
    char *filetext = NULL;
    MpNode *tree = MpParse_Source(text, (size_t)len, fname, mode, arena,
                                  &err);
    if (tree != NULL) {
        code = MpCompile(tree, filename, flags, &err);
        if (code == NULL) {
            /* An error of the compiler proper carries the line as CPython
               finds it: read from the file the filename names, if any
               (PyErr_ProgramTextObject), not from the string. */
            err.source = NULL;
            err.source_len = 0;
            FILE *fp = fopen(fname, "rb");
            if (fp != NULL) {
                MpStrBuf buf = {0};
                char chunk[4096];
                size_t n;
                while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
                    MpStrBuf_Append(&buf, chunk, n);
                }
                fclose(fp);
                if (!buf.failed) {
                    filetext = buf.data;
                    err.source = buf.data;
                    err.source_len = buf.len;
                }
                else {
                    MpStrBuf_Clear(&buf);
                }
            }
        }
    }
    if (code == NULL && !MpErr_Occurred()) {
        if (err.kind == MP_ERR_MEMORY && err.msg[0] == '\0') {
            MpErr_NoMemory();
        }
        else if (err.kind == MP_ERR_RECURSION) {
            MpErr_SetString(MpExc_RecursionError, err.msg);
        }
        else {
            MpObject *exc = MpExc_SyntaxErrorFromRecord(&err, fname);
            if (exc != NULL) {
                MpErr_SetRaisedException(exc);
            }
        }
    }
    MpArena_Free(arena);
    free(filetext);
    return code;
}

/* Compiles a source argument of exec/eval (a str or bytes) as "<string>".
   eval strips leading blanks first, as CPython does.  Refs: NEW. */
static MpObject *
compile_string_arg(MpObject *src, const char *fname, MpParseMode mode)
{
    const char *text;
    Mp_ssize_t len;
    MpBuffer view;
    int is_buffer;
    if (source_text(src, fname, "string, bytes or code object", &text, &len,
                    &view, &is_buffer) < 0) {
        return NULL;
    }
    if (mode == MP_MODE_EVAL) {
        while (len > 0 && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
    }
    MpObject *filename = MpStr_FromString("<string>");
    MpObject *code = filename ? compile_source(text, len, filename, mode, 0)
                              : NULL;
    Mp_XDECREF(filename);
    if (is_buffer) {
        MpBytesLike_Release(&view);
    }
    return code;
}

/* compile(source, filename, mode, flags=0, dont_inherit=False,
           optimize=-1, *, _feature_version=-1) */
static MpObject *
builtin_compile(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                MpObject *kwnames)
{
    static const char *const kw[] = {"source", "filename", "mode", "flags",
                                     "dont_inherit", "optimize",
                                     "_feature_version", NULL};
    static const MpArgSpec spec = {"compile", kw, 3, 6};
    MpObject *a[7];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *filename = a[1];
    if (MpBytes_Check(filename)) {
        filename = MpStr_FromUTF8(MpBytes_AS_STRING(filename),
                                  MpBytes_GET_SIZE(filename));
    }
    else if (MpStr_Check(filename)) {
        Mp_INCREF(filename);
    }
    else {
        return MpErr_Format(MpExc_TypeError,
                            "expected str, bytes or os.PathLike object, not "
                            "%s",
                            MpType_Name(Mp_TYPE(filename)));
    }
    if (filename == NULL) {
        return NULL;
    }
    MpObject *result = NULL;
    MpParseMode mode;
    int cflags = 0;
    if (!MpStr_Check(a[2])) {
        MpErr_Format(MpExc_TypeError,
                     "compile() argument 'mode' must be str, not %s",
                     MpType_Name(Mp_TYPE(a[2])));
        goto done;
    }
    if (MpStr_CompareWithASCII(a[2], "exec") == 0) {
        mode = MP_MODE_FILE;
    }
    else if (MpStr_CompareWithASCII(a[2], "eval") == 0) {
        mode = MP_MODE_EVAL;
    }
    else if (MpStr_CompareWithASCII(a[2], "single") == 0) {
        mode = MP_MODE_SINGLE;
    }
    else {
        MpErr_SetString(MpExc_ValueError,
                        "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    if (a[3] != NULL) {
        Mp_ssize_t f = MpNumber_AsSsize_t(a[3], MpExc_OverflowError);
        if (f == -1 && MpErr_Occurred()) {
            goto done;
        }
        if (f & ~(Mp_ssize_t)(CF_FUTURE_MASK | CF_DONT_IMPLY_DEDENT |
                              CF_ALLOW_INCOMPLETE_INPUT)) {
            MpErr_SetString(MpExc_ValueError,
                            "compile(): unrecognised flags");
            goto done;
        }
        if (f & CF_FUTURE_ANNOTATIONS) {
            cflags |= MP_COMPILE_FUTURE_ANNOTATIONS;
        }
    }
    const char *text;
    Mp_ssize_t len;
    MpBuffer view;
    int is_buffer;
    if (source_text(a[0], "compile", "string, bytes or AST object", &text,
                    &len, &view, &is_buffer) < 0) {
        goto done;
    }
    result = compile_source(text, len, filename, mode, cflags);
    if (is_buffer) {
        MpBytesLike_Release(&view);
    }
done:
    Mp_DECREF(filename);
    return result;
}
/* }====== */

/* {====== exec and eval ====== */

/* Whether o can serve as a locals mapping (it has __getitem__). */
static int
is_mapping(MpObject *o)
{
    MpTypeObject *t = Mp_TYPE(o);
    return t->tp_as_mapping != NULL && t->tp_as_mapping->mp_subscript;
}

/* Fills in the namespaces for exec/eval: None means the caller's.  Makes
   sure globals['__builtins__'] exists.  Returns 0 or -1.
   Refs: *globals, *locals BORROWED. */
static int
resolve_namespaces(MpObject **globals, MpObject **locals)
{
    if (*globals == Mp_None) {
        *globals = MpEval_GetGlobals();
        if (*locals == Mp_None) {
            *locals = MpEval_GetLocals();
            if (*locals == NULL && MpErr_Occurred()) {
                return -1;
            }
        }
        if (*globals == NULL) {
            MpErr_SetString(MpExc_SystemError, "globals and locals cannot "
                                               "be NULL");
            return -1;
        }
    }
    else if (*locals == Mp_None) {
        *locals = *globals;
    }
    if (*locals == NULL) {
        *locals = *globals;
    }
    return 0;
}

/* globals.setdefault('__builtins__', <the running builtins>).
   Returns 0 or -1. */
static int
ensure_builtins(MpObject *globals)
{
    MpObject *name = MpStr_InternFromString("__builtins__");
    if (name == NULL) {
        return -1;
    }
    int has = MpDict_Contains(globals, name);
    int r = has;
    if (has == 0) {
        r = MpDict_SetItem(globals, name, MpEval_GetBuiltins());
    }
    Mp_DECREF(name);
    return r < 0 ? -1 : 0;
}

/* Runs code (or compiles source first) for exec (mode MP_MODE_FILE) or
   eval (MP_MODE_EVAL).  Refs: NEW. */
static MpObject *
run_source_or_code(MpObject *src, MpObject *globals, MpObject *locals,
                   const char *fname, MpParseMode mode)
{
    if (resolve_namespaces(&globals, &locals) < 0 ||
        ensure_builtins(globals) < 0) {
        return NULL;
    }
    MpObject *code;
    if (MpCode_Check(src)) {
        if (((MpCodeObject *)src)->co_nfreevars > 0) {
            return MpErr_Format(MpExc_TypeError,
                                "code object passed to %s() may not contain "
                                "free variables",
                                fname);
        }
        code = Mp_NewRef(src);
    }
    else {
        code = compile_string_arg(src, fname, mode);
        if (code == NULL) {
            return NULL;
        }
    }
    MpObject *r = MpEval_Code((MpCodeObject *)code, globals, locals);
    Mp_DECREF(code);
    return r;
}

/* exec(source, globals=None, locals=None, /, *, closure=None) */
static MpObject *
builtin_exec(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
             MpObject *kwnames)
{
    static const char *const kw[] = {"", "", "", "closure", NULL};
    static const MpArgSpec spec = {"exec", kw, 1, 3};
    MpObject *a[4];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *globals = a[1] ? a[1] : Mp_None;
    MpObject *locals = a[2] ? a[2] : Mp_None;
    if (globals != Mp_None && !MpDict_Check(globals)) {
        return MpErr_Format(MpExc_TypeError,
                            "exec() globals must be a dict, not %s",
                            MpType_Name(Mp_TYPE(globals)));
    }
    if (locals != Mp_None && !is_mapping(locals)) {
        return MpErr_Format(MpExc_TypeError,
                            "locals must be a mapping or None, not %s",
                            MpType_Name(Mp_TYPE(locals)));
    }
    if (a[3] != NULL && a[3] != Mp_None) {
        return MpErr_Format(MpExc_TypeError,
                            "closure can only be used when source is a "
                            "code object");
    }
    MpObject *r = run_source_or_code(a[0], globals, locals, "exec",
                                     MP_MODE_FILE);
    if (r == NULL) {
        return NULL;
    }
    Mp_DECREF(r);
    return Mp_NewRef(Mp_None);
}

/* eval(source, globals=None, locals=None, /) */
static MpObject *
builtin_eval(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("eval", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    MpObject *globals = nargs > 1 ? args[1] : Mp_None;
    MpObject *locals = nargs > 2 ? args[2] : Mp_None;
    if (locals != Mp_None && !is_mapping(locals)) {
        return MpErr_Format(MpExc_TypeError, "locals must be a mapping");
    }
    if (globals != Mp_None && !MpDict_Check(globals)) {
        return MpErr_Format(MpExc_TypeError,
                            is_mapping(globals)
                                ? "globals must be a real dict; try "
                                  "eval(expr, {}, mapping)"
                                : "globals must be a dict");
    }
    if (!MpCode_Check(args[0]) && !MpStr_Check(args[0]) &&
        !MpBytes_Check(args[0]) && !MpByteArray_Check(args[0])) {
        return MpErr_Format(MpExc_TypeError,
                            "eval() arg 1 must be a string, bytes or code "
                            "object");
    }
    return run_source_or_code(args[0], globals, locals, "eval",
                              MP_MODE_EVAL);
}
/* }====== */

/* {====== Namespaces: locals, vars, dir ====== */

static MpObject *
builtin_locals(MpObject *self, MpObject *unused)
{
    MpObject *d = MpEval_GetLocals();
    if (d == NULL) {
        return MpErr_Occurred() ? NULL
                                : MpErr_Format(MpExc_SystemError,
                                               "frame does not exist");
    }
    return Mp_NewRef(d);
}

/* vars([object]) */
static MpObject *
builtin_vars(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("vars", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        return builtin_locals(self, NULL);
    }
    MpObject *name = MpStr_InternFromString("__dict__");
    MpObject *d = NULL;
    int found = name ? MpObject_LookupAttr(args[0], name, &d) : -1;
    Mp_XDECREF(name);
    if (found == 0) {
        MpErr_SetString(MpExc_TypeError,
                        "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* Sorted list of the names in an iterable.  Refs: NEW; STEALS names. */
static MpObject *
sorted_list(MpObject *names)
{
    if (names == NULL) {
        return NULL;
    }
    MpObject *list = MpList_New(0);
    if (list == NULL || MpList_Extend(list, names) < 0 ||
        MpList_Sort(list) < 0) {
        Mp_XDECREF(list);
        list = NULL;
    }
    Mp_DECREF(names);
    return list;
}

/* dir([object]) */
static MpObject *
builtin_dir(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("dir", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    if (nargs == 0) {
        MpObject *locals = MpEval_GetLocals();
        if (locals == NULL) {
            return MpErr_Occurred() ? NULL
                                    : MpErr_Format(MpExc_SystemError,
                                                   "frame does not exist");
        }
        if (MpDict_Check(locals)) {
            return sorted_list(MpDict_Keys(locals));
        }
        MpObject *keys = MpObject_CallMethod(locals, "keys", NULL, 0);
        return sorted_list(keys);
    }
    MpObject *o = args[0];
    MpObject *name = MpStr_InternFromString("__dir__");
    if (name == NULL) {
        return NULL;
    }
    MpObject *f = MpType_Lookup(Mp_TYPE(o), name);
    Mp_DECREF(name);
    if (f == NULL) {
        return MpErr_Occurred()
                   ? NULL
                   : MpErr_Format(MpExc_TypeError,
                                  "object does not provide __dir__");
    }
    MpObject *r;
    descrgetfunc get = Mp_TYPE(f)->tp_descr_get;
    if (get != NULL) {
        MpObject *bound = get(f, o, (MpObject *)Mp_TYPE(o));
        if (bound == NULL) {
            return NULL;
        }
        r = MpObject_CallNoArgs(bound);
        Mp_DECREF(bound);
    }
    else {
        r = MpObject_CallOneArg(f, o);
    }
    return sorted_list(r);
}

/* Adds the names of cls's namespace and, recursively, of its bases' to
   dict (CPython's merge_class_dict).  Returns 0 or -1. */
static int
merge_class_dict(MpObject *dict, MpObject *cls)
{
    MpObject *ns, *bases;
    if (MpType_Check(cls)) {
        ns = ((MpTypeObject *)cls)->tp_dict;
        Mp_XINCREF(ns);
        bases = ((MpTypeObject *)cls)->tp_bases;
        Mp_XINCREF(bases);
    }
    else {
        MpObject *n = MpStr_InternFromString("__dict__");
        if (n == NULL || MpObject_LookupAttr(cls, n, &ns) < 0) {
            Mp_XDECREF(n);
            return -1;
        }
        Mp_DECREF(n);
        n = MpStr_InternFromString("__bases__");
        if (n == NULL || MpObject_LookupAttr(cls, n, &bases) < 0) {
            Mp_XDECREF(n);
            Mp_XDECREF(ns);
            return -1;
        }
        Mp_DECREF(n);
    }
    int r = 0;
    if (ns != NULL) {
        r = MpDict_Check(ns) ? MpDict_Merge(dict, ns, 1)
                             : MpDict_Update(dict, ns);
        Mp_DECREF(ns);
    }
    if (r == 0 && bases != NULL && MpTuple_Check(bases)) {
        for (Mp_ssize_t i = 0; r == 0 && i < MpTuple_GET_SIZE(bases); i++) {
            r = merge_class_dict(dict, MpTuple_GET_ITEM(bases, i));
        }
    }
    Mp_XDECREF(bases);
    return r;
}

/* object.__dir__(self): the instance dict's names, then the class's. */
MpObject *
MpObject_Dir(MpObject *self, MpObject *unused)
{
    MpObject *n = MpStr_InternFromString("__dict__");
    MpObject *d = NULL;
    if (n == NULL || MpObject_LookupAttr(self, n, &d) < 0) {
        Mp_XDECREF(n);
        return NULL;
    }
    Mp_DECREF(n);
    MpObject *dict;
    if (d != NULL && MpDict_Check(d)) {
        dict = MpDict_Copy(d);
    }
    else {
        dict = MpDict_New();
    }
    Mp_XDECREF(d);
    if (dict == NULL) {
        return NULL;
    }
    n = MpStr_InternFromString("__class__");
    MpObject *cls = NULL;
    if (n == NULL || MpObject_LookupAttr(self, n, &cls) < 0 ||
        (cls != NULL && merge_class_dict(dict, cls) < 0)) {
        Mp_XDECREF(n);
        Mp_XDECREF(cls);
        Mp_DECREF(dict);
        return NULL;
    }
    Mp_DECREF(n);
    Mp_XDECREF(cls);
    MpObject *r = MpDict_Keys(dict);
    Mp_DECREF(dict);
    return r;
}

/* type.__dir__(cls): the names of cls and its bases. */
MpObject *
MpType_Dir(MpObject *self, MpObject *unused)
{
    MpObject *dict = MpDict_New();
    if (dict == NULL || merge_class_dict(dict, self) < 0) {
        Mp_XDECREF(dict);
        return NULL;
    }
    MpObject *r = MpDict_Keys(dict);
    Mp_DECREF(dict);
    return r;
}

/* }====== */

/* {====== input ====== */

/* input(prompt='', /): writes the prompt to sys.stdout, reads a line from
   sys.stdin without its newline; EOFError at the end of input. */
static MpObject *
builtin_input(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("input", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    MpObject *in = MpSys_GetObject("stdin");
    MpObject *out = MpSys_GetObject("stdout");
    MpObject *err = MpSys_GetObject("stderr");
    if (in == NULL || in == Mp_None) {
        return MpErr_Format(MpExc_RuntimeError, "input(): lost sys.stdin");
    }
    if (out == NULL || out == Mp_None) {
        return MpErr_Format(MpExc_RuntimeError, "input(): lost sys.stdout");
    }
    if (err != NULL && err != Mp_None) {
        MpObject *r = MpObject_CallMethod(err, "flush", NULL, 0);
        if (r == NULL) {
            MpErr_Clear();  // CPython ignores a failing stderr.flush()
        }
        Mp_XDECREF(r);
    }
    if (nargs == 1) {
        MpObject *s = MpObject_Str(args[0]);
        if (s == NULL) {
            return NULL;
        }
        int w = MpFile_WriteObject(out, s, NULL);
        Mp_DECREF(s);
        if (w < 0) {
            return NULL;
        }
    }
    MpObject *r = MpObject_CallMethod(out, "flush", NULL, 0);
    if (r == NULL) {
        return NULL;
    }
    Mp_DECREF(r);
    MpObject *line = MpObject_CallMethod(in, "readline", NULL, 0);
    if (line == NULL) {
        return NULL;
    }
    if (!MpStr_Check(line)) {
        MpErr_Format(MpExc_TypeError, "object.readline() returned "
                                      "non-string");
        Mp_DECREF(line);
        return NULL;
    }
    Mp_ssize_t n = MpStr_GET_LENGTH(line);
    if (n == 0) {
        Mp_DECREF(line);
        return MpErr_Format(MpExc_EOFError, "EOF when reading a line");
    }
    if (MpStr_READ(line, n - 1) == '\n') {
        MpObject *cut = MpStr_FromKindAndData(((MpStrObject *)line)->kind,
                                              MpStr_DATA(line), n - 1);
        Mp_DECREF(line);
        return cut;
    }
    return line;
}
/* }====== */

MpMethodDef MpBuiltins_EvalMethods[] = {
    {"compile", (void *)builtin_compile,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"dir", (void *)builtin_dir, MP_METH_FASTCALL, NULL},
    {"eval", (void *)builtin_eval, MP_METH_FASTCALL, NULL},
    {"exec", (void *)builtin_exec, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     NULL},
    {"input", (void *)builtin_input, MP_METH_FASTCALL, NULL},
    {"locals", (void *)builtin_locals, MP_METH_NOARGS, NULL},
    {"vars", (void *)builtin_vars, MP_METH_FASTCALL, NULL},
    {NULL},
};
