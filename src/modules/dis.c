/* dis.c — the dis module: minipy's own bytecode, listed for people.

   dis.dis(f) prints one line per instruction of f's code object, in the
   columns of CPython 3.11's dis:

      2           0 LOAD_FAST                0 (a)
                  1 LOAD_FAST                1 (b)
                  2 BINARY_OP                0 (+)
                  3 RETURN_VALUE

      3     >>    4 LOAD_GLOBAL              0 (print)
      | |   |     | |                        | |
      | |   |     | |                        | `- what the argument means
      | |   |     | |                        `- the argument
      | |   |     | `- the opname
      | |   |     `- offset: the instruction index
      | |   `- ">>": a jump lands here
      | `- "-->" here: where a traceback stopped (distb)
      `- the source line, on its first instruction

   The source line is printed on the first instruction of each line, and a
   blank line separates the lines, as CPython does.  After the listing
   come those of the code objects among the constants (nested functions,
   classes, lambdas, comprehensions), each under a header
   "Disassembly of <code object g at 0x..., file "x.py", line 3>:".
   A class or module is listed function by function, sorted by name, each
   under "Disassembly of NAME:"; a str is compiled first (as "<dis>").

   The bytecode is minipy's, not CPython's (opcodes.h), so no listing here
   matches CPython's byte for byte; the format does.  Deliberate
   differences, each forced by the bytecode:
     - The offset column is the instruction *index*.  A minipy instruction
       is one 32-bit word (opcode in the low byte, a 24-bit argument), not
       CPython's 2-byte code unit followed by inline caches, so the index is
       what jump arguments and tracebacks (tb_lasti) count in.
     - Jump arguments are absolute instruction indexes: the argument and
       the "to N" beside it are the same number.
     - IS_OP and CONTAINS_OP show their meaning ("is", "is not", "in",
       "not in"); CPython 3.11 prints the bare 0 or 1.
     - There is no "ExceptionTable:" section: minipy keeps a block stack
       (SETUP_FINALLY / POP_BLOCK, as CPython up to 3.10 did), so the
       handlers appear as ordinary jump targets.
     - No raw bytes to disassemble (dis.dis(b"...")): an instruction's
       arguments mean nothing without the code object's tables.

   Everything is first written to an MpStrBuf (MpDis_Format, used as-is by
   the unit test) and the finished text goes to sys.stdout, or to file=,
   through MpFile_WriteObject, so that redirecting sys.stdout redirects
   the listing.  The opcode facts come from the one opcode list
   (MP_OPCODES in opcodes.h), so a new opcode is listed without any change
   here; only an argument kind with a new meaning needs a line in
   append_argrepr.

   CPython counterpart: Lib/dis.py (dis, disassemble, distb, code_info,
   _disassemble_bytes, Instruction._disassemble).
   Read first: format_code */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "arena.h"
#include "builtins.h"
#include "compile.h"
#include "errors.h"
#include "getargs.h"
#include "modules/dis.h"
#include "objects/code.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "parse.h"
#include "traceback.h"
#include "vm.h"

/* {====== The opcode table, by name ====== */

/* The argument kinds of the opcode table (opcodes.h). */
enum {
    ARG_NONE,
    ARG_CONST,
    ARG_NAME,
    ARG_LOCAL,
    ARG_DEREF,
    ARG_JUMP,
    ARG_INT,
    ARG_CMP,
    ARG_BINOP,
};

static const char *const op_names[MP_OPCODE_COUNT] = {
#define X(name, kind, pop, push, jump) #name,
    MP_OPCODES(X)
#undef X
};

static const unsigned char op_kinds[MP_OPCODE_COUNT] = {
#define X(name, kind, pop, push, jump) kind,
    MP_OPCODES(X)
#undef X
};

/* BINARY_OP's argument (MpBinOp, CPython's NB_* order); the in-place
   forms, MP_BINOP_INPLACE + op, add "=" (dis._nb_ops). */
static const char *const binop_symbols[MP_BINOP_INPLACE] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
};

/* COMPARE_OP's argument, Mp_LT ... Mp_GE (dis.cmp_op). */
static const char *const cmp_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
#define NCMP ((int)(sizeof cmp_symbols / sizeof cmp_symbols[0]))

/* MAKE_FUNCTION's flag bits, low bit first (dis.MAKE_FUNCTION_FLAGS). */
static const char *const make_function_flags[] = {
    "defaults", "kwdefaults", "annotations", "closure",
};

/* FORMAT_VALUE's conversion, arg & 3 (dis.FORMAT_VALUE_CONVERTERS). */
static const char *const format_converters[] = {"", "str", "repr", "ascii"};

/* The kind of op's argument; ARG_NONE for a byte that is no opcode. */
static int
op_kind(MpOpcode op)
{
    return (unsigned)op < MP_OPCODE_COUNT ? op_kinds[op] : ARG_NONE;
}
/* }====== */

/* {====== Listing one code object ====== */

/* Widths of CPython's columns (dis._OPNAME_WIDTH, _OPARG_WIDTH, and the
   defaults of _disassemble_bytes's lineno_width and offset_width). */
enum {
    OPNAME_WIDTH = 20,
    OPARG_WIDTH = 5,
    LINENO_WIDTH = 3,
    OFFSET_WIDTH = 4,
};

static int
digits(long n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        d++;
    }
    return d;
}

/* Appends the i-th item of tuple t if it is a str; nothing when the index
   is out of range (a malformed code object is listed, not trusted). */
static int
append_name(MpStrBuf *b, MpObject *t, Mp_ssize_t i)
{
    if (t == NULL || i < 0 || i >= MpTuple_GET_SIZE(t) ||
        !MpStr_Check(MpTuple_GET_ITEM(t, i))) {
        return 0;
    }
    return MpStr_AppendToBuf(b, MpTuple_GET_ITEM(t, i));
}

/* Appends what the argument of one instruction means, the text dis puts
   in parentheses (Instruction.argrepr): a constant's repr, a name, "to N"
   for a jump, an operator.  Appends nothing when the number says it all
   (CALL 2, BUILD_LIST 3).  Returns 0 or -1 (a constant's repr failed). */
static int
append_argrepr(MpStrBuf *b, const MpCodeObject *co, MpOpcode op, int arg)
{
    switch (op_kind(op)) {
    case ARG_CONST:
        if (arg < MpTuple_GET_SIZE(co->co_consts)) {
            MpObject *r = MpObject_Repr(MpTuple_GET_ITEM(co->co_consts, arg));
            if (r == NULL) {
                return -1;
            }
            int rc = MpStr_AppendToBuf(b, r);
            Mp_DECREF(r);
            return rc;
        }
        return 0;
    case ARG_NAME:
        return append_name(b, co->co_names, arg);
    case ARG_LOCAL:
        return append_name(b, co->co_varnames, arg);
    case ARG_DEREF:
        /* cells of this scope first, then the free variables (code.h) */
        if (arg < co->co_ncellvars) {
            return append_name(b, co->co_cellvars, arg);
        }
        return append_name(b, co->co_freevars, arg - co->co_ncellvars);
    case ARG_JUMP:
        MpStrBuf_Printf(b, "to %d", arg);
        return 0;
    case ARG_CMP:
        if (arg < NCMP) {
            MpStrBuf_Puts(b, cmp_symbols[arg]);
        }
        return 0;
    case ARG_BINOP:
        if (arg < MP_BINOP_INPLACE) {
            MpStrBuf_Puts(b, binop_symbols[arg]);
        }
        else if (arg < 2 * MP_BINOP_INPLACE) {
            MpStrBuf_Printf(b, "%s=", binop_symbols[arg - MP_BINOP_INPLACE]);
        }
        return 0;
    case ARG_INT:
        break;
    default:
        return 0;
    }
    /* the ARG_INT opcodes whose number is a code */
    switch (op) {
    case IS_OP:
        MpStrBuf_Puts(b, arg ? "is not" : "is");
        break;
    case CONTAINS_OP:
        MpStrBuf_Puts(b, arg ? "not in" : "in");
        break;
    case FORMAT_VALUE:
        MpStrBuf_Puts(b, format_converters[arg & 3]);
        if (arg & 4) {
            MpStrBuf_Puts(b, (arg & 3) ? ", with format" : "with format");
        }
        break;
    case MAKE_FUNCTION: {
        const char *sep = "";
        for (int i = 0; i < 4; i++) {
            if (arg & (1 << i)) {
                MpStrBuf_Printf(b, "%s%s", sep, make_function_flags[i]);
                sep = ", ";
            }
        }
        break;
    }
    default:
        break;
    }
    return 0;
}

/* Cuts trailing blanks from b (CPython's ' '.join(fields).rstrip()). */
static void
rstrip(MpStrBuf *b, size_t from)
{
    while (b->data != NULL && b->len > from && b->data[b->len - 1] == ' ') {
        b->data[--b->len] = '\0';
    }
}

/* Appends the listing of co alone (dis.disassemble): one line per
   instruction; lasti >= 0 marks that instruction with "-->".
   Which instructions get a line number: the first whose line differs from
   the last line seen, skipping instructions with no line (CPython's
   findlinestarts).  Which get ">>": every target of a jump argument
   (findlabels; SETUP_FINALLY's handler is one, since there is no
   exception table).  Returns 0 or -1 with an exception set. */
static int
format_code(const MpCodeObject *co, Mp_ssize_t lasti, MpStrBuf *out)
{
    Mp_ssize_t n = co->co_ncode;
    char *is_target = calloc((size_t)n + 1, 1);
    if (is_target == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    int maxline = -1;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpOpcode op = Mp_OP(co->co_code[i]);
        int arg = Mp_ARG(co->co_code[i]);
        if (op_kind(op) == ARG_JUMP && arg <= n) {
            is_target[arg] = 1;
        }
        int line = MpCode_Line(co, i);
        if (line > maxline) {
            maxline = line;
        }
    }
    /* No line information at all: CPython drops the column entirely. */
    int lineno_width = 0;
    if (maxline >= 0) {
        lineno_width = maxline >= 1000 ? digits(maxline) : LINENO_WIDTH;
    }
    int offset_width = n - 1 >= 10000 ? digits((long)(n - 1)) : OFFSET_WIDTH;

    int lastline = -1;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpOpcode op = Mp_OP(co->co_code[i]);
        int arg = Mp_ARG(co->co_code[i]);
        int line = MpCode_Line(co, i);
        int starts_line = line >= 0 && line != lastline;
        if (starts_line) {
            lastline = line;
            if (i > 0) {
                MpStrBuf_Putc(out, '\n');
            }
        }
        size_t start = out->len;
        if (lineno_width) {
            if (starts_line) {
                MpStrBuf_Printf(out, "%*d ", lineno_width, line);
            }
            else {
                MpStrBuf_Printf(out, "%*s ", lineno_width, "");
            }
        }
        MpStrBuf_Puts(out, i == lasti ? "--> " : "    ");
        MpStrBuf_Puts(out, is_target[i] ? ">> " : "   ");
        MpStrBuf_Printf(out, "%*zd ", offset_width, (ssize_t)i);
        if ((unsigned)op < MP_OPCODE_COUNT) {
            MpStrBuf_Printf(out, "%-*s", OPNAME_WIDTH, op_names[op]);
        }
        else {  // a byte that is no opcode: "<200>", as dis.opname has it
            char unknown[16];
            snprintf(unknown, sizeof unknown, "<%d>", (int)op);
            MpStrBuf_Printf(out, "%-*s", OPNAME_WIDTH, unknown);
        }
        if (op_kind(op) != ARG_NONE) {
            MpStrBuf_Printf(out, " %*d", OPARG_WIDTH, arg);
            size_t open = out->len;
            MpStrBuf_Puts(out, " (");
            size_t inner = out->len;
            if (append_argrepr(out, co, op, arg) < 0) {
                free(is_target);
                return -1;
            }
            if (out->len == inner) {
                out->len = open;  // nothing to say: no parentheses
                if (out->data != NULL) {
                    out->data[open] = '\0';
                }
            }
            else {
                MpStrBuf_Putc(out, ')');
            }
        }
        rstrip(out, start);
        MpStrBuf_Putc(out, '\n');
    }
    free(is_target);
    if (out->failed) {
        MpErr_NoMemory();
        return -1;
    }
    return 0;
}

/* dis._disassemble_recursive: co, then each code object among its
   constants, depth levels down (depth < 0: all the way). */
static int
format_recursive(MpCodeObject *co, int depth, MpStrBuf *out)
{
    if (format_code(co, -1, out) < 0) {
        return -1;
    }
    if (depth == 0) {
        return 0;
    }
    if (MpEval_EnterRecursive(" while disassembling") < 0) {
        return -1;
    }
    int rc = 0;
    for (Mp_ssize_t i = 0; rc == 0 && i < MpTuple_GET_SIZE(co->co_consts);
         i++) {
        MpObject *c = MpTuple_GET_ITEM(co->co_consts, i);
        if (!MpCode_Check(c)) {
            continue;
        }
        MpStrBuf_Puts(out, "\nDisassembly of ");
        MpObject *r = MpObject_Repr(c);
        rc = r == NULL ? -1 : MpStr_AppendToBuf(out, r);
        Mp_XDECREF(r);
        MpStrBuf_Puts(out, ":\n");
        if (rc == 0) {
            rc = format_recursive((MpCodeObject *)c,
                                  depth > 0 ? depth - 1 : depth, out);
        }
    }
    MpEval_LeaveRecursive();
    return rc;
}

int
MpDis_Format(MpObject *code, MpStrBuf *out)
{
    if (code == NULL || !MpCode_Check(code)) {
        MpErr_SetString(MpExc_TypeError, "MpDis_Format needs a code object");
        return -1;
    }
    return format_recursive((MpCodeObject *)code, -1, out);
}
/* }====== */

/* {====== From any object to code ====== */

/* Compiles source text as dis does (_try_compile): as an expression if it
   is one, else as a module, with the file name "<dis>".
   Refs: NEW; NULL with SyntaxError (or MemoryError) set. */
static MpObject *
compile_source(MpObject *src)
{
    static const MpParseMode modes[2] = {MP_MODE_EVAL, MP_MODE_FILE};
    Mp_ssize_t len;
    const char *text = MpStr_AsUTF8AndSize(src, &len);
    if (text == NULL) {
        return NULL;
    }
    MpObject *filename = MpStr_FromString("<dis>");
    if (filename == NULL) {
        return NULL;
    }
    MpObject *code = NULL;
    for (int m = 0; m < 2 && code == NULL && !MpErr_Occurred(); m++) {
        MpArena *arena = MpArena_New();
        if (arena == NULL) {
            MpErr_NoMemory();
            break;
        }
        MpSyntaxError err;
        memset(&err, 0, sizeof err);
        MpNode *tree = MpParse_Source(text, (size_t)len, "<dis>", modes[m],
                                      arena, &err);
        if (tree != NULL) {
            code = MpCompile(tree, filename, 0, &err);
        }
        if (code == NULL && !MpErr_Occurred()) {
            if (err.kind == MP_ERR_MEMORY) {
                MpErr_NoMemory();
            }
            else if (m == 1) {
                /* not an expression, not a module either: the module's
                   error is the one to report, as CPython's exec compile */
                MpObject *exc = MpExc_SyntaxErrorFromRecord(&err, "<dis>");
                if (exc != NULL) {
                    MpErr_SetRaisedException(exc);
                }
            }
        }
        MpArena_Free(arena);
    }
    Mp_DECREF(filename);
    return code;
}

/* Replaces *x by x.<name> when x has that attribute.  Returns 1 when
   replaced, 0 when x has no such attribute, -1 on another error. */
static int
follow_attr(MpObject **x, const char *name)
{
    MpObject *attr_name = MpStr_FromString(name);
    if (attr_name == NULL) {
        return -1;
    }
    MpObject *v;
    int found = MpObject_LookupAttr(*x, attr_name, &v);
    Mp_DECREF(attr_name);
    if (found > 0) {
        Mp_SETREF(x, v);
    }
    return found;
}

/* dis's first steps: a method to its function (__func__), a function or
   generator to its code (__code__, gi_code).  Refs: NEW; x BORROWED. */
static MpObject *
unwrap(MpObject *x)
{
    static const char *const code_attrs[] = {"__code__", "gi_code",
                                             "ag_code", "cr_code"};
    MpObject *obj = Mp_NewRef(x);
    if (follow_attr(&obj, "__func__") < 0) {
        goto error;
    }
    for (size_t i = 0; i < sizeof code_attrs / sizeof code_attrs[0]; i++) {
        int found = follow_attr(&obj, code_attrs[i]);
        if (found < 0) {
            goto error;
        }
        if (found) {
            break;
        }
    }
    return obj;
error:
    Mp_DECREF(obj);
    return NULL;
}

static MpObject *
cannot_disassemble(MpObject *x)
{
    return MpErr_Format(MpExc_TypeError,
                        "don't know how to disassemble %s objects",
                        MpType_Name(Mp_TYPE(x)));
}

/* dis._get_code_object: the code object behind x (a function, method,
   generator, code object or source text).  Refs: NEW. */
static MpObject *
get_code_object(MpObject *x)
{
    MpObject *obj = unwrap(x);
    if (obj == NULL || MpCode_Check(obj)) {
        return obj;
    }
    if (MpStr_Check(obj)) {
        Mp_SETREF(&obj, compile_source(obj));
        return obj;
    }
    cannot_disassemble(obj);
    Mp_DECREF(obj);
    return NULL;
}

/* What dis lists inside a class or module (dis._have_code): methods,
   functions, code objects, classmethods, staticmethods, classes. */
static int
have_code(MpObject *o)
{
    return MpMethod_Check(o) || MpFunction_Check(o) || MpCode_Check(o) ||
           MpType_IsSubtype(Mp_TYPE(o), &MpClassMethod_Type) ||
           MpType_IsSubtype(Mp_TYPE(o), &MpStaticMethod_Type) ||
           MpType_Check(o);
}

static int dis_object(MpObject *x, int depth, MpStrBuf *out);

/* A class or module: every function in its namespace, sorted by name, each
   under "Disassembly of NAME:".  An item dis cannot list is reported as
   "Sorry: ..." and the listing goes on, as CPython does. */
static int
dis_namespace(MpObject *ns, int depth, MpStrBuf *out)
{
    MpObject *keys = NULL, *value = NULL;
    if (MpDict_Check(ns)) {
        keys = MpDict_Keys(ns);
    }
    else {  // a mapping proxy: list(ns.keys())
        MpObject *view = MpObject_CallMethod(ns, "keys", NULL, 0);
        keys = view ? MpList_New(0) : NULL;
        if (keys != NULL && MpList_Extend(keys, view) < 0) {
            Mp_CLEAR(&keys);
        }
        Mp_XDECREF(view);
    }
    if (keys == NULL || MpList_Sort(keys) < 0) {
        goto error;
    }
    for (Mp_ssize_t i = 0; i < Mp_SIZE(keys); i++) {
        MpObject *name = MpList_GET_ITEM(keys, i);
        value = MpObject_GetItem(ns, name);
        if (value == NULL) {
            goto error;
        }
        if (have_code(value)) {
            MpObject *s = MpObject_Str(name);
            if (s == NULL) {
                goto error;
            }
            MpStrBuf_Puts(out, "Disassembly of ");
            int rc = MpStr_AppendToBuf(out, s);
            Mp_DECREF(s);
            MpStrBuf_Puts(out, ":\n");
            if (rc < 0) {
                goto error;
            }
            if (dis_object(value, depth, out) < 0) {
                if (!MpErr_ExceptionMatches(MpExc_TypeError)) {
                    goto error;
                }
                MpObject *exc = MpErr_GetRaisedException();
                MpObject *msg = MpObject_Str(exc);
                Mp_DECREF(exc);
                if (msg == NULL) {
                    goto error;
                }
                MpStrBuf_Puts(out, "Sorry: ");
                rc = MpStr_AppendToBuf(out, msg);
                Mp_DECREF(msg);
                MpStrBuf_Putc(out, '\n');
                if (rc < 0) {
                    goto error;
                }
            }
            MpStrBuf_Putc(out, '\n');
        }
        Mp_CLEAR(&value);
    }
    Mp_DECREF(keys);
    return 0;
error:
    Mp_XDECREF(value);
    Mp_XDECREF(keys);
    return -1;
}

/* dis.dis(x) into out, for any x but None (dis.dis's dispatch, in its
   order: unwrap; an object with a __dict__ is a namespace; a code object;
   source text). */
static int
dis_object(MpObject *x, int depth, MpStrBuf *out)
{
    if (MpEval_EnterRecursive(" while disassembling") < 0) {
        return -1;
    }
    int rc = -1;
    MpObject *ns = NULL, *code = NULL;
    MpObject *obj = unwrap(x);
    if (obj == NULL) {
        goto done;
    }
    int found = 0;
    if (MpType_Check(obj) && ((MpTypeObject *)obj)->tp_dict != NULL) {
        /* a class: its namespace, read directly (minipy's classes have
           no __dict__ attribute yet) */
        ns = Mp_NewRef(((MpTypeObject *)obj)->tp_dict);
        found = 1;
    }
    else if (!MpCode_Check(obj)) {  // a module, an instance: its namespace
        ns = Mp_NewRef(obj);
        found = follow_attr(&ns, "__dict__");
    }
    if (found < 0) {
        goto done;
    }
    if (found) {
        rc = dis_namespace(ns, depth, out);
    }
    else if (MpCode_Check(obj)) {
        rc = format_recursive((MpCodeObject *)obj, depth, out);
    }
    else if (MpStr_Check(obj)) {
        code = compile_source(obj);
        rc = code ? format_recursive((MpCodeObject *)code, depth, out) : -1;
    }
    else {
        cannot_disassemble(obj);
    }
done:
    Mp_XDECREF(ns);
    Mp_XDECREF(code);
    Mp_XDECREF(obj);
    MpEval_LeaveRecursive();
    return rc;
}

/* The last traceback entry's code and instruction: tb itself when given,
   else the innermost entry of sys.last_traceback.  Returns 0 (filling
   *code BORROWED and *lasti) or -1. */
static int
traceback_code(MpObject *tb, MpObject **code, Mp_ssize_t *lasti)
{
    if (tb == NULL || tb == Mp_None) {
        tb = MpSys_GetObject("last_traceback");
        if (tb == NULL || tb == Mp_None) {
            MpErr_SetString(MpExc_RuntimeError,
                            "no last traceback to disassemble");
            return -1;
        }
        while (Mp_TYPE(tb) == &MpTraceback_Type &&
               ((MpTracebackObject *)tb)->tb_next != NULL) {
            tb = (MpObject *)((MpTracebackObject *)tb)->tb_next;
        }
    }
    if (Mp_TYPE(tb) != &MpTraceback_Type) {
        MpErr_Format(MpExc_TypeError, "expected a traceback, not %s",
                     MpType_Name(Mp_TYPE(tb)));
        return -1;
    }
    MpTracebackObject *t = (MpTracebackObject *)tb;
    MpObject *frame = t->tb_frame;
    if (frame == NULL || Mp_TYPE(frame) != &MpFrame_Type ||
        ((MpFrameObject *)frame)->f_code == NULL) {
        MpErr_SetString(MpExc_RuntimeError, "traceback has no frame");
        return -1;
    }
    *code = ((MpFrameObject *)frame)->f_code;
    *lasti = t->tb_lasti;
    return 0;
}
/* }====== */

/* {====== The module's functions ====== */

/* Writes the finished text of out to file (None: sys.stdout) and frees
   out.  Returns None, or NULL with an exception. */
static MpObject *
emit(MpStrBuf *out, MpObject *file)
{
    if (out->failed) {
        MpStrBuf_Clear(out);
        return MpErr_NoMemory();
    }
    if (file == NULL || file == Mp_None) {
        file = MpSys_GetObject("stdout");
        if (file == NULL || file == Mp_None) {
            MpStrBuf_Clear(out);
            MpErr_SetString(MpExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
    }
    MpObject *text = MpStr_FromUTF8(out->data ? out->data : "",
                                    (Mp_ssize_t)out->len);
    MpStrBuf_Clear(out);
    if (text == NULL) {
        return NULL;
    }
    int rc = MpFile_WriteObject(file, text, NULL);
    Mp_DECREF(text);
    return rc < 0 ? NULL : Mp_NewRef(Mp_None);
}

/* depth=None: all the way down; an int: that many levels of nested code
   objects.  Returns 0 or -1. */
static int
get_depth(MpObject *o, int *depth)
{
    *depth = -1;
    if (o == NULL || o == Mp_None) {
        return 0;
    }
    Mp_ssize_t d = MpNumber_AsSsize_t(o, MpExc_OverflowError);
    if (d == -1 && MpErr_Occurred()) {
        return -1;
    }
    *depth = d < 0 ? 0 : d > 0x7fffffff ? 0x7fffffff : (int)d;
    return 0;
}

/* dis(x=None, *, file=None, depth=None, show_caches=False,
       adaptive=False)
   show_caches and adaptive are accepted and ignored, here and below:
   minipy has no inline caches and no specialised instructions. */
static MpObject *
dis_dis(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
        MpObject *kwnames)
{
    static const char *const kw[] = {"x",           "file",     "depth",
                                     "show_caches", "adaptive", NULL};
    static const MpArgSpec spec = {"dis", kw, 0, 1};
    MpObject *a[5];
    int depth;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        get_depth(a[2], &depth) < 0) {
        return NULL;
    }
    MpStrBuf out = {0};
    int rc;
    if (a[0] == NULL || a[0] == Mp_None) {  // distb()
        MpObject *code;
        Mp_ssize_t lasti;
        rc = traceback_code(NULL, &code, &lasti);
        if (rc == 0) {
            rc = format_code((MpCodeObject *)code, lasti, &out);
        }
    }
    else {
        rc = dis_object(a[0], depth, &out);
    }
    if (rc < 0) {
        MpStrBuf_Clear(&out);
        return NULL;
    }
    return emit(&out, a[1]);
}

/* disassemble(co, lasti=-1, *, file=None, show_caches=False,
   adaptive=False): one code object, no nested ones. */
static MpObject *
dis_disassemble(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                MpObject *kwnames)
{
    static const char *const kw[] = {"co",          "lasti",    "file",
                                     "show_caches", "adaptive", NULL};
    static const MpArgSpec spec = {"disassemble", kw, 1, 2};
    MpObject *a[5];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    if (!MpCode_Check(a[0])) {
        return MpErr_Format(MpExc_TypeError,
                            "disassemble() needs a code object, not %s",
                            MpType_Name(Mp_TYPE(a[0])));
    }
    Mp_ssize_t lasti = -1;
    if (a[1] != NULL) {
        lasti = MpNumber_AsSsize_t(a[1], MpExc_OverflowError);
        if (lasti == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    MpStrBuf out = {0};
    if (format_code((MpCodeObject *)a[0], lasti, &out) < 0) {
        MpStrBuf_Clear(&out);
        return NULL;
    }
    return emit(&out, a[2]);
}

/* distb(tb=None, *, file=None, show_caches=False, adaptive=False): the
   code of the innermost frame of the last traceback, its failing
   instruction marked "-->". */
static MpObject *
dis_distb(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
          MpObject *kwnames)
{
    static const char *const kw[] = {"tb", "file", "show_caches", "adaptive",
                                     NULL};
    static const MpArgSpec spec = {"distb", kw, 0, 1};
    MpObject *a[4];
    MpObject *code;
    Mp_ssize_t lasti;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        traceback_code(a[0], &code, &lasti) < 0) {
        return NULL;
    }
    MpStrBuf out = {0};
    if (format_code((MpCodeObject *)code, lasti, &out) < 0) {
        MpStrBuf_Clear(&out);
        return NULL;
    }
    return emit(&out, a[1]);
}

/* co_flags as dis.pretty_flags shows them: the names of the known bits,
   hex for the others ("0x0" for none). */
static void
append_flags(MpStrBuf *b, int flags)
{
    static const char *const names[] = {
        "OPTIMIZED", "NEWLOCALS", "VARARGS", "VARKEYWORDS", "NESTED",
        "GENERATOR", "NOFREE", "COROUTINE", "ITERABLE_COROUTINE",
        "ASYNC_GENERATOR",
    };
    unsigned f = (unsigned)flags;
    if (f == 0) {
        MpStrBuf_Puts(b, "0x0");
        return;
    }
    const char *sep = "";
    for (unsigned i = 0; i < 32 && f != 0; i++) {
        unsigned bit = 1u << i;
        if (f & bit) {
            if (i < sizeof names / sizeof names[0]) {
                MpStrBuf_Printf(b, "%s%s", sep, names[i]);
            }
            else {
                MpStrBuf_Printf(b, "%s0x%x", sep, bit);
            }
            sep = ", ";
            f ^= bit;
        }
    }
}

/* One "Names:"-style section: "%4d: item" per item, str(item) or, for
   constants, repr(item).  Nothing for an empty tuple.  Returns 0 or -1. */
static int
append_table(MpStrBuf *b, const char *title, MpObject *t, int use_repr)
{
    if (t == NULL || MpTuple_GET_SIZE(t) == 0) {
        return 0;
    }
    MpStrBuf_Printf(b, "\n%s", title);
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(t); i++) {
        MpObject *item = MpTuple_GET_ITEM(t, i);
        MpObject *s = use_repr ? MpObject_Repr(item) : MpObject_Str(item);
        if (s == NULL) {
            return -1;
        }
        MpStrBuf_Printf(b, "\n%4zd: ", (ssize_t)i);
        int rc = MpStr_AppendToBuf(b, s);
        Mp_DECREF(s);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* dis._format_code_info: the code object's facts, one per line, no final
   newline. */
static int
format_code_info(MpCodeObject *co, MpStrBuf *b)
{
    MpStrBuf_Puts(b, "Name:              ");
    if (MpStr_AppendToBuf(b, co->co_name) < 0) {
        return -1;
    }
    MpStrBuf_Puts(b, "\nFilename:          ");
    if (MpStr_AppendToBuf(b, co->co_filename) < 0) {
        return -1;
    }
    MpStrBuf_Printf(b,
                    "\nArgument count:    %d"
                    "\nPositional-only arguments: %d"
                    "\nKw-only arguments: %d"
                    "\nNumber of locals:  %d"
                    "\nStack size:        %d"
                    "\nFlags:             ",
                    co->co_argcount, co->co_posonlyargcount,
                    co->co_kwonlyargcount, co->co_nlocals,
                    co->co_stacksize);
    append_flags(b, co->co_flags);
    if (append_table(b, "Constants:", co->co_consts, 1) < 0 ||
        append_table(b, "Names:", co->co_names, 0) < 0 ||
        append_table(b, "Variable names:", co->co_varnames, 0) < 0 ||
        append_table(b, "Free variables:", co->co_freevars, 0) < 0 ||
        append_table(b, "Cell variables:", co->co_cellvars, 0) < 0) {
        return -1;
    }
    if (b->failed) {
        MpErr_NoMemory();
        return -1;
    }
    return 0;
}

/* code_info(x): the text show_code prints.  Refs: NEW str. */
static MpObject *
dis_code_info(MpObject *self, MpObject *x)
{
    MpObject *code = get_code_object(x);
    if (code == NULL) {
        return NULL;
    }
    MpStrBuf b = {0};
    int rc = format_code_info((MpCodeObject *)code, &b);
    Mp_DECREF(code);
    MpObject *r = NULL;
    if (rc == 0) {
        r = MpStr_FromUTF8(b.data ? b.data : "", (Mp_ssize_t)b.len);
    }
    MpStrBuf_Clear(&b);
    return r;
}

/* show_code(co, *, file=None): print(code_info(co), file=file). */
static MpObject *
dis_show_code(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
              MpObject *kwnames)
{
    static const char *const kw[] = {"co", "file", NULL};
    static const MpArgSpec spec = {"show_code", kw, 1, 1};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *code = get_code_object(a[0]);
    if (code == NULL) {
        return NULL;
    }
    MpStrBuf b = {0};
    int rc = format_code_info((MpCodeObject *)code, &b);
    Mp_DECREF(code);
    if (rc < 0) {
        MpStrBuf_Clear(&b);
        return NULL;
    }
    MpStrBuf_Putc(&b, '\n');
    return emit(&b, a[1]);
}

static MpMethodDef dis_methods[] = {
    {"dis", (void *)dis_dis, MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"disassemble", (void *)dis_disassemble,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"distb", (void *)dis_distb, MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"code_info", (void *)dis_code_info, MP_METH_O, NULL},
    {"show_code", (void *)dis_show_code, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     NULL},
    {NULL},
};
/* }====== */

/* {====== Creating the module ====== */

/* Every opcode byte, 0 to 255 (an instruction's low 8 bits), has an entry
   in opname, as in CPython: "<N>" for a byte that is no opcode. */
#define NBYTES 256

/* opname (a list indexed by opcode), opmap (name -> opcode).  Returns 0 or
   -1. */
static int
add_opcode_tables(MpObject *m)
{
    MpObject *opname = MpList_New(0);
    MpObject *opmap = MpDict_New();
    if (opname == NULL || opmap == NULL) {
        goto error;
    }
    for (int op = 0; op < NBYTES; op++) {
        MpObject *name = op < MP_OPCODE_COUNT
                             ? MpStr_FromString(op_names[op])
                             : MpStr_FromFormat("<%d>", op);
        MpObject *num = op < MP_OPCODE_COUNT ? MpLong_FromInt64(op) : NULL;
        int ok = name != NULL && MpList_Append(opname, name) == 0;
        if (ok && op < MP_OPCODE_COUNT) {
            ok = num != NULL && MpDict_SetItem(opmap, name, num) == 0;
        }
        Mp_XDECREF(name);
        Mp_XDECREF(num);
        if (!ok) {
            goto error;
        }
    }
    int rc = MpModule_AddObject(m, "opmap", opmap);
    opmap = NULL;  // stolen
    if (rc < 0) {
        goto error;
    }
    return MpModule_AddObject(m, "opname", opname);
error:
    Mp_XDECREF(opname);
    Mp_XDECREF(opmap);
    return -1;
}

/* The has* lists (hasconst, hasname, hasjabs, ...): the opcodes whose
   argument is of one kind.  hasjrel is empty: every minipy jump is
   absolute.  Returns 0 or -1. */
static int
add_kind_lists(MpObject *m)
{
    static const struct {
        const char *name;
        int kind;
    } lists[] = {
        {"hasconst", ARG_CONST}, {"hasname", ARG_NAME},
        {"hasjabs", ARG_JUMP},   {"hasjrel", -1},
        {"haslocal", ARG_LOCAL}, {"hasfree", ARG_DEREF},
        {"hascompare", ARG_CMP},
    };
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) {
        MpObject *list = MpList_New(0);
        for (int op = 0; list != NULL && op < MP_OPCODE_COUNT; op++) {
            if (op_kinds[op] != lists[i].kind) {
                continue;
            }
            MpObject *num = MpLong_FromInt64(op);
            if (num == NULL || MpList_Append(list, num) < 0) {
                Mp_CLEAR(&list);
            }
            Mp_XDECREF(num);
        }
        if (MpModule_AddObject(m, lists[i].name, list) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
add_cmp_op(MpObject *m)
{
    MpObject *t = MpTuple_New(NCMP);
    for (int i = 0; t != NULL && i < NCMP; i++) {
        MpObject *s = MpStr_FromString(cmp_symbols[i]);
        if (s == NULL) {
            Mp_CLEAR(&t);
            break;
        }
        MpTuple_SET_ITEM(t, i, s);
    }
    return MpModule_AddObject(m, "cmp_op", t);
}

MpObject *
MpDis_Create(void)
{
    MpObject *m = MpModule_New("dis");
    if (m == NULL) {
        return NULL;
    }
    if (MpModule_AddFunctions(m, dis_methods) < 0 ||
        add_opcode_tables(m) < 0 || add_kind_lists(m) < 0 ||
        add_cmp_op(m) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
