/* repl.c — the interactive loop: read a statement, run it, show its value.

   One turn of the loop reads one interactive statement, which may take
   several lines:

       >>> for i in range(2):         buffer "for i in range(2):\n"
       ...     print(i)                 + "    print(i)\n"
       ...                              + "\n"   -> complete: run it
       0
       1

   After each line the whole buffer is parsed again in MP_MODE_INTERACTIVE
   (parse.h).  The parser itself says whether the text is complete: a
   statement (run it), a SyntaxError (print it, drop the buffer), or
   MP_ERR_INCOMPLETE, when the text ran out inside a bracket, a
   triple-quoted string, after a backslash, inside an indented block not
   yet ended by an empty line, or where the grammar needs another token
   (`if x:` wants its block, a decorator its def, a compound statement the
   empty line after it).  Then the next line is read with sys.ps2.  This
   is the decision CPython's interactive tokenizer makes by asking for
   another line when it runs dry (and codeop by compiling with
   PyCF_ALLOW_INCOMPLETE_INPUT); re-parsing costs a little for long
   pastes, and keeps the parser a plain whole-text parser.

   Parsing is line by line, so a paste behaves exactly as typing: an empty
   line ends a compound statement (the indented lines after it are a new
   statement: "unexpected indent"), except inside brackets or a
   triple-quoted string, where it is just part of the text.  CPython 3.11
   does the same.

   A complete statement is compiled as an Interactive tree (its expression
   statements call sys.displayhook, which prints the repr and sets
   builtins._) named "<stdin>", with line numbers counted from the
   statement's first line, and run with __main__'s globals.  An exception
   is printed with its traceback and the loop goes on; SystemExit (exit(),
   quit(), sys.exit()) ends the loop with its status.  End of input on an
   empty prompt ends it with status 0; in the middle of a statement, the
   statement is run as far as it goes, as CPython does, and the next read
   sees the end.

   CPython counterpart: Python/pythonrun.c (PyRun_InteractiveLoopFlags,
   PyRun_InteractiveOneObjectEx) and Lib/code.py.
   Read first: MpRepl_Run, then run_one */
#include "repl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "arena.h"
#include "builtins.h"
#include "compile.h"
#include "complete.h"
#include "errors.h"
#include "lineinput.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "parse.h"
#include "runtime.h"
#include "strbuf.h"
#include "vm.h"

/* What run_one tells the loop. */
enum { TURN_AGAIN, TURN_STOP };

/* {====== Prompts ====== */

/* sys.ps1 and sys.ps2 exist while a REPL runs (CPython sets them when
   the interactive loop starts, not for a script).  Returns 0 or -1. */
static int
set_default_prompts(void)
{
    static const struct {
        const char *name, *value;
    } prompts[] = {{"ps1", ">>> "}, {"ps2", "... "}};
    MpObject *sys = NULL;
    MpObject *modules = MpSys_GetObject("modules");
    if (modules != NULL && MpDict_Check(modules)) {
        sys = MpDict_GetItemString(modules, "sys");
    }
    if (sys == NULL) {
        return 0;  // no sys: prompt_text falls back to the defaults
    }
    for (int i = 0; i < 2; i++) {
        if (MpSys_GetObject(prompts[i].name) != NULL) {
            continue;
        }
        MpObject *v = MpStr_FromString(prompts[i].value);
        if (v == NULL || MpObject_SetAttrString(sys, prompts[i].name, v) < 0) {
            Mp_XDECREF(v);
            return -1;
        }
        Mp_DECREF(v);
    }
    return 0;
}

/* str(sys.ps1) or str(sys.ps2), as a malloc'd UTF-8 string.  A prompt
   whose str() fails is shown as the empty string, after the error has
   been printed, as CPython does. */
static char *
prompt_text(const char *name, const char *dflt)
{
    MpObject *v = MpSys_GetObject(name);
    if (v == NULL) {
        return strdup(dflt);
    }
    MpObject *s = MpObject_Str(v);
    const char *u = s ? MpStr_AsUTF8(s) : NULL;
    char *text = strdup(u ? u : "");
    if (u == NULL) {
        int status;
        MpRuntime_HandleException(&status);
    }
    Mp_XDECREF(s);
    return text;
}
/* }====== */

/* {====== One statement ====== */

/* Prints a SyntaxError record (or the exception the compiler left, when
   it ran out of memory). */
static void
report_syntax_error(MpSyntaxError *err, const char *src, size_t len)
{
    MpObject *out = MpSys_GetObject("stdout");
    if (out != NULL) {
        MpObject *r = MpObject_CallMethod(out, "flush", NULL, 0);
        Mp_XDECREF(r);
        MpErr_Clear();
    }
    fflush(stdout);
    if (err->kind != MP_ERR_NONE) {
        MpSyntaxError_Print(err, "<stdin>", err->source ? err->source : src,
                            err->source ? err->source_len : len, stderr);
        MpErr_Clear();
    } else if (MpErr_Occurred()) {
        int status;
        MpRuntime_HandleException(&status);
    }
    fflush(stderr);
}

/* Compiles and runs the statement in buf.  Returns TURN_STOP (with
   *status) when it raised SystemExit, else TURN_AGAIN. */
static int
run_statement(MpObject *globals, MpNode *tree, MpSyntaxError *err,
              const MpStrBuf *buf, int *status)
{
    MpObject *fname = MpStr_FromString("<stdin>");
    MpObject *code = fname ? MpCompile(tree, fname, MP_COMPILE_INTERACTIVE,
                                       err)
                           : NULL;
    Mp_XDECREF(fname);
    if (code == NULL) {
        /* CPython's REPL shows no line for an error the compiler finds
           ('return' outside function): the parser's errors carry their
           text, the compiler's would have to read it from the file
           "<stdin>".  So the record is printed without the source. */
        err->source = NULL;
        err->source_len = 0;
        report_syntax_error(err, NULL, 0);
        return TURN_AGAIN;
    }
    MpObject *r = MpEval_Code((MpCodeObject *)code, globals, globals);
    Mp_DECREF(code);
    if (r == NULL) {
        if (MpRuntime_HandleException(status)) {
            return TURN_STOP;
        }
    }
    Mp_XDECREF(r);
    return TURN_AGAIN;
}

/* Parses buf.  Returns the tree (in arena), or NULL with err filled:
   MP_ERR_INCOMPLETE when more lines are wanted.  at_eof: no more lines
   will come, so the text is finished as a file's would be (the open
   blocks closed by an empty line; a bracket still open is the error it
   is in a file). */
static MpNode *
parse_buffer(MpStrBuf *buf, int at_eof, MpArena *arena, MpSyntaxError *err)
{
    MpNode *tree = MpParse_Source(buf->data, buf->len, "<stdin>",
                                  MP_MODE_INTERACTIVE, arena, err);
    if (tree != NULL || !at_eof || err->kind != MP_ERR_INCOMPLETE) {
        return tree;
    }
    /* The input ended inside the statement.  CPython's tokenizer then
       finishes the text as a file's: what is wrong with it as a file
       ("'(' was never closed", "unexpected EOF while parsing") is the
       error; otherwise an empty line closes its blocks and it runs. */
    if (MpParse_Source(buf->data, buf->len, "<stdin>", MP_MODE_FILE, arena,
                       err) == NULL) {
        return NULL;
    }
    if (MpStrBuf_Putc(buf, '\n') < 0) {
        memset(err, 0, sizeof *err);
        err->kind = MP_ERR_MEMORY;
        return NULL;
    }
    tree = MpParse_Source(buf->data, buf->len, "<stdin>",
                          MP_MODE_INTERACTIVE, arena, err);
    if (tree == NULL && err->kind == MP_ERR_INCOMPLETE) {
        /* not expected once the file parse succeeded; never run a
           statement the parser did not finish */
        err->kind = MP_ERR_SYNTAX;
    }
    return tree;
}

/* Reads one statement (several lines for a compound one), runs it.
   Returns TURN_AGAIN, or TURN_STOP with *status. */
static int
run_one(MpObject *globals, int *status)
{
    MpStrBuf buf = {0};
    int first = 1, at_eof = 0, turn = TURN_AGAIN;
    for (;;) {
        char *prompt = first ? prompt_text("ps1", ">>> ")
                             : prompt_text("ps2", "... ");
        char *line = NULL;
        MpLineStatus st = MpLineInput_Read(prompt ? prompt : "", &line);
        free(prompt);
        if (st == MP_LINE_INTERRUPT) {
            /* Ctrl-C at a prompt drops what was typed, as CPython. */
            fputs("KeyboardInterrupt\n", stderr);
            fflush(stderr);
            MpStrBuf_Clear(&buf);
            return TURN_AGAIN;
        }
        if (st == MP_LINE_ERROR) {
            perror("minipy: reading the input");
            *status = 1;
            MpStrBuf_Clear(&buf);
            return TURN_STOP;
        }
        if (st == MP_LINE_EOF) {
            if (first) {
                *status = 0;
                return TURN_STOP;
            }
            at_eof = 1;
        } else {
            int failed = MpStrBuf_Puts(&buf, line) < 0 ||
                         MpStrBuf_Putc(&buf, '\n') < 0;
            free(line);
            if (failed) {
                fputs("MemoryError\n", stderr);
                MpStrBuf_Clear(&buf);
                return TURN_AGAIN;
            }
        }
        first = 0;
        MpArena *arena = MpArena_New();
        if (arena == NULL) {
            fputs("MemoryError\n", stderr);
            break;
        }
        MpSyntaxError err;
        MpNode *tree = parse_buffer(&buf, at_eof, arena, &err);
        if (tree == NULL && err.kind == MP_ERR_INCOMPLETE && !at_eof) {
            MpArena_Free(arena);
            continue;  // read the next line with sys.ps2
        }
        if (tree == NULL) {
            report_syntax_error(&err, buf.data, buf.len);
        } else {
            turn = run_statement(globals, tree, &err, &buf, status);
        }
        MpArena_Free(arena);
        break;
    }
    MpStrBuf_Clear(&buf);
    return turn;
}
/* }====== */

int
MpRepl_Run(MpObject *globals, const char *banner)
{
    if (set_default_prompts() < 0) {
        int status;
        MpRuntime_HandleException(&status);
    }
    MpLineInput_Start();
    MpComplete_SetNamespace(globals);
    if (banner != NULL) {
        fputs(banner, stderr);
        fflush(stderr);
    }
    int status = 0;
    while (run_one(globals, &status) == TURN_AGAIN) {
    }
    MpComplete_SetNamespace(NULL);
    MpLineInput_Stop();
    return status;
}
