/* traceback.c — traceback objects, frame objects, and the printout of an
   uncaught exception.

   Traceback entries.  When an exception leaves or passes through a frame,
   the VM calls MpTraceback_Here, which prepends a traceback object
   (tb_frame, tb_lasti, tb_lineno, tb_next = the old __traceback__) to the
   exception.  Entries are prepended as the exception travels outward, so
   the chain from __traceback__ runs from the outermost frame to the
   innermost, which is the printing order.

   Frame objects.  The VM's frames (vm.h) are plain memory on the frame
   stack; the Python-visible frame object is made only when needed and
   points at the live frame.  When the frame ends (MpFrame_Clear), the
   object is detached: it keeps its code, globals and last instruction,
   which is all a traceback needs.

   The printout, as CPython 3.11 (Python/traceback.c, Lib/traceback.py):
     - the chain first: __cause__ (with "The above exception was the
       direct cause of the following exception:") or, unless
       __suppress_context__, __context__ ("During handling of the above
       exception, another exception occurred:"), each printed once;
     - "Traceback (most recent call last):", then per entry
       `  File "x.py", line 3, in f`, the stripped source line, and the
       ^^^^ markers under the failing instruction's columns when they do
       not cover the whole line (~ under the operands, ^ under the
       operator for a binary operation);
     - the same entry repeated more than 3 times in a row is folded into
       "  [Previous line repeated N more times]";
     - "Type: message", the type qualified by its module unless that is
       builtins or __main__ (as CPython's traceback module prints it).

   CPython counterpart: Python/traceback.c, Objects/frameobject.c.
   Read first: MpTraceback_Here */
#include "traceback.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "strbuf.h"
#include "suggestions.h"

MpObject *(*MpTraceback_SuggestionHook)(MpObject *exc) =
    MpSuggestions_ForException;

static MpObject *frame_get_locals(MpObject *o, void *c);

/* {====== Frame objects ====== */

MpObject *
MpFrame_GetObject(MpFrame *f)
{
    if (f->f_frame_obj != NULL) {
        return f->f_frame_obj;
    }
    MpFrameObject *fo = (MpFrameObject *)MpObject_New(&MpFrame_Type);
    if (fo == NULL) {
        return NULL;
    }
    fo->f_frame = f;
    fo->f_code = Mp_NewRef(f->f_code);
    fo->f_globals = Mp_NewRef(f->f_globals);
    fo->f_builtins = Mp_NewRef(f->f_builtins);
    fo->f_lasti = -1;
    MpObject_GC_Track(fo);
    f->f_frame_obj = (MpObject *)fo;
    return (MpObject *)fo;
}

void
MpFrame_DetachObject(MpFrame *f)
{
    MpFrameObject *fo = (MpFrameObject *)f->f_frame_obj;
    if (fo == NULL) {
        return;
    }
    fo->f_lasti = MpFrame_Lasti(f);
    if (fo->ob_base.ob_refcnt > 1 && f->f_locals == NULL) {
        /* Someone (a traceback) keeps the frame object: it keeps the
           function's variables too, as CPython's frame object keeps a
           copy of the frame.  So an object a failed __init__ was
           building lives until the traceback goes (the end of the
           `except ... as e` block), and its __del__ runs then. */
        MpObject *d = frame_get_locals((MpObject *)fo, NULL);
        if (d == NULL) {
            MpErr_Clear();
        }
        Mp_XDECREF(d);
    }
    if (fo->ob_base.ob_refcnt > 1 && f->f_previous != NULL &&
        f->f_previous->f_state == MP_FRAME_EXECUTING &&
        fo->f_back == NULL) {
        MpObject *back = MpFrame_GetObject(f->f_previous);
        if (back == NULL) {
            MpErr_Clear();
        }
        else {
            fo->f_back = Mp_NewRef(back);
        }
    }
    fo->f_frame = NULL;
    f->f_frame_obj = NULL;
    Mp_DECREF(fo);
}

static int
frameobject_lasti(MpFrameObject *fo)
{
    return fo->f_frame ? MpFrame_Lasti(fo->f_frame) : fo->f_lasti;
}

int
MpFrameObject_GetLineNumber(MpFrameObject *fo)
{
    MpCodeObject *co = (MpCodeObject *)fo->f_code;
    int line = MpCode_Line(co, frameobject_lasti(fo));
    return line < 0 ? co->co_firstlineno : line;
}

static void
frame_dealloc(MpObject *o)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    MpObject_GC_UnTrack(o);
    if (fo->f_frame != NULL) {
        fo->f_frame->f_frame_obj = NULL;  // cannot happen: the frame
                                          // holds a reference
    }
    Mp_CLEAR(&fo->f_code);
    Mp_CLEAR(&fo->f_globals);
    Mp_CLEAR(&fo->f_builtins);
    Mp_CLEAR(&fo->f_back);
    Mp_CLEAR(&fo->f_locals);
    MpObject_Free(o);
}

static int
frame_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    MpObject *refs[] = {fo->f_globals, fo->f_builtins, fo->f_back,
                        fo->f_locals};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i] != NULL) {
            int r = visit(refs[i], arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

static int
frame_clear(MpObject *o)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    Mp_CLEAR(&fo->f_back);
    Mp_CLEAR(&fo->f_locals);
    return 0;
}

static MpObject *
frame_repr(MpObject *o)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    MpCodeObject *co = (MpCodeObject *)fo->f_code;
    MpObject *file = MpObject_Repr(co->co_filename);
    if (file == NULL) {
        return NULL;
    }
    MpObject *r = MpStr_FromFormat("<frame at %p, file %U, line %d, code %U>",
                                   (void *)o, file,
                                   MpFrameObject_GetLineNumber(fo),
                                   co->co_name);
    Mp_DECREF(file);
    return r;
}

static MpObject *
frame_get_lineno(MpObject *o, void *c)
{
    return MpLong_FromInt64(MpFrameObject_GetLineNumber((MpFrameObject *)o));
}

static MpObject *
frame_get_lasti(MpObject *o, void *c)
{
    /* CPython counts code units of 2 bytes. */
    int lasti = frameobject_lasti((MpFrameObject *)o);
    return MpLong_FromInt64(lasti < 0 ? -1 : lasti * 2);
}

static MpObject *
frame_get_back(MpObject *o, void *c)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    MpObject *back = fo->f_back;
    if (fo->f_frame != NULL && fo->f_frame->f_previous != NULL &&
        fo->f_frame->f_state == MP_FRAME_EXECUTING) {
        back = MpFrame_GetObject(fo->f_frame->f_previous);
        if (back == NULL) {
            return NULL;
        }
    }
    return Mp_NewRef(back ? back : Mp_None);
}

/* f_locals: the namespace dict of a module or class body; for a function
   frame a snapshot dict of its variables, cells and free variables. */
static MpObject *
frame_get_locals(MpObject *o, void *c)
{
    MpFrameObject *fo = (MpFrameObject *)o;
    MpFrame *f = fo->f_frame;
    if (f == NULL) {
        if (fo->f_locals == NULL && (fo->f_locals = MpDict_New()) == NULL) {
            return NULL;
        }
        return Mp_NewRef(fo->f_locals);
    }
    if (f->f_locals != NULL) {
        return Mp_NewRef(f->f_locals);
    }
    MpObject *d = MpDict_New();
    if (d == NULL) {
        return NULL;
    }
    MpCodeObject *co = f->f_code;
    MpObject *tables[3] = {co->co_varnames, co->co_cellvars,
                           co->co_freevars};
    int slot = 0;
    for (int t = 0; t < 3; t++) {
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(tables[t]); i++, slot++) {
            MpObject *v = f->f_localsplus[slot];
            if (t > 0 && v != NULL) {
                v = ((MpCellObject *)v)->ob_ref;
            }
            if (v != NULL &&
                MpDict_SetItem(d, MpTuple_GET_ITEM(tables[t], i), v) < 0) {
                Mp_DECREF(d);
                return NULL;
            }
        }
    }
    Mp_SETREF(&fo->f_locals, Mp_NewRef(d));
    return d;
}

static MpGetSetDef frame_getset[] = {
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpMemberDef frame_members[] = {
    {"f_code", MP_T_OBJECT, offsetof(MpFrameObject, f_code), 1, NULL},
    {"f_globals", MP_T_OBJECT, offsetof(MpFrameObject, f_globals), 1, NULL},
    {"f_builtins", MP_T_OBJECT, offsetof(MpFrameObject, f_builtins), 1,
     NULL},
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpFrame_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "frame",
    .tp_basicsize = sizeof(MpFrameObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_clear,
    .tp_getset = frame_getset,
    .tp_members = frame_members,
};
/* }====== */

/* {====== Traceback objects ====== */

int
MpTraceback_Here(MpFrame *f)
{
    MpObject *fo = MpFrame_GetObject(f);
    if (fo == NULL) {
        return -1;
    }
    MpObject *exc = MpErr_GetRaisedException();
    if (exc == NULL) {
        return 0;
    }
    MpTracebackObject *tb =
        (MpTracebackObject *)MpObject_New(&MpTraceback_Type);
    if (tb == NULL) {
        MpErr_SetRaisedException(exc);  // keep the original error
        return -1;
    }
    MpObject *old = MpException_GetTraceback(exc);  // NEW, kept by tb
    tb->tb_next = (MpTracebackObject *)old;
    tb->tb_frame = Mp_NewRef(fo);
    tb->tb_lasti = MpFrame_Lasti(f);
    int line = MpCode_Line(f->f_code, tb->tb_lasti);
    tb->tb_lineno = line < 0 ? f->f_code->co_firstlineno : line;
    MpObject_GC_Track(tb);
    MpException_SetTraceback(exc, (MpObject *)tb);  // borrows
    Mp_DECREF(tb);
    MpErr_SetRaisedException(exc);
    return 0;
}

static void
tb_dealloc(MpObject *o)
{
    MpTracebackObject *tb = (MpTracebackObject *)o;
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(tb->tb_next);
    Mp_XDECREF(tb->tb_frame);
    MpObject_Free(o);
}

static int
tb_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpTracebackObject *tb = (MpTracebackObject *)o;
    int r = tb->tb_next ? visit((MpObject *)tb->tb_next, arg) : 0;
    if (r == 0 && tb->tb_frame) {
        r = visit(tb->tb_frame, arg);
    }
    return r;
}

static int
tb_clear(MpObject *o)
{
    MpTracebackObject *tb = (MpTracebackObject *)o;
    MpObject *next = (MpObject *)tb->tb_next;
    tb->tb_next = NULL;
    Mp_XDECREF(next);
    Mp_CLEAR(&tb->tb_frame);
    return 0;
}

static MpObject *
tb_get_next(MpObject *o, void *c)
{
    MpObject *n = (MpObject *)((MpTracebackObject *)o)->tb_next;
    return Mp_NewRef(n ? n : Mp_None);
}

static int
tb_set_next(MpObject *o, MpObject *v, void *c)
{
    MpTracebackObject *tb = (MpTracebackObject *)o;
    if (v == NULL) {
        MpErr_SetString(MpExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == Mp_None) {
        v = NULL;
    }
    else if (Mp_TYPE(v) != &MpTraceback_Type) {
        MpErr_Format(MpExc_TypeError,
                     "expected traceback object or None, got '%s'",
                     Mp_TYPE(v)->tp_name);
        return -1;
    }
    for (MpTracebackObject *p = (MpTracebackObject *)v; p; p = p->tb_next) {
        if (p == tb) {
            MpErr_SetString(MpExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    Mp_XINCREF(v);
    MpObject *old = (MpObject *)tb->tb_next;
    tb->tb_next = (MpTracebackObject *)v;
    Mp_XDECREF(old);
    return 0;
}

static MpObject *
tb_get_lasti(MpObject *o, void *c)
{
    return MpLong_FromInt64(((MpTracebackObject *)o)->tb_lasti * 2);
}

static MpGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpMemberDef tb_members[] = {
    {"tb_frame", MP_T_OBJECT, offsetof(MpTracebackObject, tb_frame), 1, NULL},
    {"tb_lineno", MP_T_INT, offsetof(MpTracebackObject, tb_lineno), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpTraceback_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(MpTracebackObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = tb_dealloc,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_getset = tb_getset,
    .tp_members = tb_members,
};
/* }====== */

/* {====== Source lines ======
   The last file read is kept, split into lines: a traceback usually shows
   many entries from one file. */

static struct {
    char *name;
    char *text;
    char **lines;
    int nlines;
} line_cache;

int MpTraceback_NoSourceLines;

static const char *
source_line(const char *filename, int lineno)
{
    if (MpTraceback_NoSourceLines) {
        return NULL;
    }
    if (line_cache.name == NULL || strcmp(line_cache.name, filename) != 0) {
        free(line_cache.name);
        free(line_cache.text);
        free(line_cache.lines);
        memset(&line_cache, 0, sizeof line_cache);
        FILE *fp = fopen(filename, "rb");
        if (fp == NULL) {
            return NULL;
        }
        MpStrBuf b = {0};
        char chunk[4096];
        size_t n;
        while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
            MpStrBuf_Append(&b, chunk, n);
        }
        fclose(fp);
        if (b.failed || b.data == NULL) {
            MpStrBuf_Clear(&b);
            return NULL;
        }
        int cap = 64, count = 0;
        char **lines = malloc(sizeof(char *) * (size_t)cap);
        char *p = b.data;
        while (lines != NULL && *p != '\0') {
            if (count == cap) {
                cap *= 2;
                char **nl = realloc(lines, sizeof(char *) * (size_t)cap);
                if (nl == NULL) {
                    free(lines);
                    lines = NULL;
                    break;
                }
                lines = nl;
            }
            lines[count++] = p;
            char *e = strchr(p, '\n');
            if (e == NULL) {
                break;
            }
            *e = '\0';
            if (e > p && e[-1] == '\r') {
                e[-1] = '\0';
            }
            p = e + 1;
        }
        if (lines == NULL) {
            MpStrBuf_Clear(&b);
            return NULL;
        }
        line_cache.name = strdup(filename);
        line_cache.text = b.data;
        line_cache.lines = lines;
        line_cache.nlines = count;
    }
    if (lineno < 1 || lineno > line_cache.nlines) {
        return NULL;
    }
    return line_cache.lines[lineno - 1];
}

/* Character (code point) offset of UTF-8 byte offset off in s. */
static int
char_offset(const char *s, int off)
{
    int n = 0;
    for (int i = 0; i < off && s[i]; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

static int
utf8_length(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            n++;
        }
    }
    return n;
}

/* When seg[i] opens a string literal: the index of its closing quote (len
   if it has none); otherwise i.  Lexical only, like the two scanners
   below that use it: prefixes and triple quotes need no special case to
   keep brackets and operators inside strings out of sight. */
static int
skip_string(const char *seg, int len, int i)
{
    char q = seg[i];
    if (q != '\'' && q != '"') {
        return i;
    }
    for (i++; i < len && seg[i] != q; i++) {
        if (seg[i] == '\\') {
            i++;
        }
    }
    return i < len ? i : len;
}

/* Finds the operator of a binary operation spanning seg[0:len] (byte
   offsets): the last top-level operator outside brackets and strings,
   lowest precedence first.  Sets *op_start, *op_end; returns 1 if found.
   A lexical approximation of CPython's re-parse of the segment. */
static int
find_binop(const char *seg, int len, int *op_start, int *op_end)
{
    static const char *const levels[][6] = {
        {"|", NULL},
        {"^", NULL},
        {"&", NULL},
        {"<<", ">>", NULL},
        {"+", "-", NULL},
        {"*", "/", "//", "%", "@", NULL},
        {"**", NULL},
    };
    for (size_t lv = 0; lv < sizeof levels / sizeof levels[0]; lv++) {
        int depth = 0, found = -1, flen = 0;
        for (int i = 0; i < len; i++) {
            int end = skip_string(seg, len, i);
            if (end != i) {
                i = end;
                continue;
            }
            char ch = seg[i];
            if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
                continue;
            }
            if (ch == ')' || ch == ']' || ch == '}') {
                depth--;
                continue;
            }
            if (depth != 0 || i == 0) {
                continue;
            }
            /* The longest operator at i. */
            int best = 0;
            for (int k = 0; levels[lv][k] != NULL; k++) {
                int ol = (int)strlen(levels[lv][k]);
                if (ol > best && i + ol <= len &&
                    strncmp(seg + i, levels[lv][k], (size_t)ol) == 0) {
                    best = ol;
                }
            }
            if (best == 0) {
                continue;
            }
            /* Not part of a longer operator (* in **, < in <<, ...), not
               an augmented assignment, not a unary sign. */
            char prev = seg[i - 1], next = i + best < len ? seg[i + best] : 0;
            if (strchr("*/<>=!", prev) != NULL && prev != ' ') {
                continue;
            }
            if (next == '=' || (next != 0 && strchr("*/<>", next) &&
                                next == seg[i])) {
                continue;
            }
            int j = i - 1;
            while (j >= 0 && seg[j] == ' ') {
                j--;
            }
            if (j < 0 || strchr("+-*/%@&|^~<>=(,[{", seg[j]) != NULL) {
                continue;  // unary
            }
            if (lv == 6) {
                if (found < 0) {  // ** is right-associative: the first
                    found = i;
                    flen = best;
                }
            }
            else {
                found = i;
                flen = best;
            }
            i += best - 1;
        }
        if (found >= 0) {
            *op_start = found;
            *op_end = found + flen;
            return 1;
        }
    }
    return 0;
}

/* For a segment that is a subscription `value[index]`: the anchors CPython
   3.11 draws, from the opening to the closing bracket, so that
   `d["a"][5]` is marked ~~~~~~^^^.  The segment is one when it ends with
   a `]` whose `[` stands at bracket depth 0 after some expression (not
   at the start, where it would open a list display).  Same lexical
   approximation as find_binop, which is tried first: `a + b[0]` is a
   binary operation. */
static int
find_subscript(const char *seg, int len, int *op_start, int *op_end)
{
    if (len < 3 || seg[len - 1] != ']') {
        return 0;
    }
    int depth = 0, open = -1;
    for (int i = 0; i < len; i++) {
        int end = skip_string(seg, len, i);
        if (end != i) {
            i = end;
            continue;
        }
        char ch = seg[i];
        if (ch == '(' || ch == '[' || ch == '{') {
            if (depth == 0) {
                open = ch == '[' ? i : -1;
            }
            depth++;
        }
        else if (ch == ')' || ch == ']' || ch == '}') {
            depth--;
        }
        else if (depth == 0 && ch == ' ') {
            int j = i;  // blanks only between a value and its `[`
            while (j < len && seg[j] == ' ') {
                j++;
            }
            if (j == len || seg[j] != '[') {
                return 0;
            }
        }
        else if (depth == 0 && ch != '.' && ch != '_' &&
                 !(ch >= 'a' && ch <= 'z') && !(ch >= 'A' && ch <= 'Z') &&
                 !(ch >= '0' && ch <= '9') && !((unsigned char)ch & 0x80)) {
            return 0;  // an operator at the top: not a plain primary
        }
    }
    if (depth != 0 || open <= 0) {
        return 0;
    }
    *op_start = open;
    *op_end = len;
    return 1;
}

static void
print_entry_source(FILE *out, MpCodeObject *co, int lasti,
                   const char *filename, int lineno)
{
    const char *line = source_line(filename, lineno);
    if (line == NULL) {
        return;
    }
    int lead = 0;
    while (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f') {
        lead++;
    }
    int len = (int)strlen(line);
    while (len > lead && (line[len - 1] == ' ' || line[len - 1] == '\t' ||
                          line[len - 1] == '\f')) {
        len--;
    }
    if (len == lead) {
        return;
    }
    fprintf(out, "    %.*s\n", len - lead, line + lead);
    if (co->co_locs == NULL || lasti < 0 || lasti >= co->co_ncode) {
        return;
    }
    MpCodeLoc loc = co->co_locs[lasti];
    if (loc.lineno != lineno || loc.col < 0 || loc.end_col < 0 ||
        loc.end_lineno < 0) {
        return;
    }
    int start_b = loc.col, end_b = loc.end_col;
    if (loc.end_lineno != loc.lineno) {
        end_b = len;
    }
    if (start_b > len || end_b > (int)strlen(line) || end_b <= start_b) {
        return;
    }
    int op_s = -1, op_e = -1;
    if (loc.end_lineno == loc.lineno) {
        int s, e;
        if (find_binop(line + start_b, end_b - start_b, &s, &e) ||
            find_subscript(line + start_b, end_b - start_b, &s, &e)) {
            op_s = start_b + s;
            op_e = start_b + e;
        }
    }
    int start = char_offset(line, start_b), end = char_offset(line, end_b);
    int stripped_len = utf8_length(line + lead, (size_t)(len - lead));
    int trunc = char_offset(line, lead);
    if (end - start >= stripped_len && op_s < 0) {
        return;  // the markers would underline the whole line
    }
    fputs("    ", out);
    for (int i = trunc; i < start; i++) {
        fputc(' ', out);
    }
    int cs = op_s >= 0 ? char_offset(line, op_s) : -1;
    int ce = op_e >= 0 ? char_offset(line, op_e) : -1;
    for (int i = start; i < end; i++) {
        fputc(cs < 0 || (i >= cs && i < ce) ? '^' : '~', out);
    }
    fputc('\n', out);
}
/* }====== */

/* {====== Printing ====== */

#define TB_RECURSIVE_CUTOFF 3  // CPython's: repeats shown before folding
#define TB_LIMIT 1000          // sys.tracebacklimit's default

static void
print_repeats(FILE *out, int count)
{
    if (count > TB_RECURSIVE_CUTOFF) {
        count -= TB_RECURSIVE_CUTOFF;
        fprintf(out, "  [Previous line repeated %d more time%s]\n", count,
                count > 1 ? "s" : "");
    }
}

/* Prints the entries of tb.  limit as in the traceback module: n >= 0
   keeps the first n entries, -n the last n; MP_TB_NOLIMIT keeps the last
   TB_LIMIT (sys.tracebacklimit's default, as the interpreter prints). */
static void
print_tb(MpTracebackObject *tb, FILE *out, int limit)
{
    int depth = 0;
    for (MpTracebackObject *t = tb; t; t = t->tb_next) {
        depth++;
    }
    int keep_last = limit == MP_TB_NOLIMIT ? TB_LIMIT
                    : limit < 0            ? -limit
                                           : depth;
    while (tb != NULL && depth > keep_last) {
        tb = tb->tb_next;
        depth--;
    }
    int printed = 0;
    MpObject *last_file = NULL, *last_name = NULL;
    int last_line = -1, count = 0;
    for (; tb != NULL && (limit < 0 || printed < limit);
         tb = tb->tb_next, printed++) {
        MpFrameObject *fo = (MpFrameObject *)tb->tb_frame;
        MpCodeObject *co = (MpCodeObject *)fo->f_code;
        if (last_file == NULL || co->co_filename != last_file ||
            tb->tb_lineno != last_line || co->co_name != last_name) {
            print_repeats(out, count);
            last_file = co->co_filename;
            last_line = tb->tb_lineno;
            last_name = co->co_name;
            count = 0;
        }
        count++;
        if (count > TB_RECURSIVE_CUTOFF) {
            continue;
        }
        const char *file = MpStr_AsUTF8(co->co_filename);
        const char *name = MpStr_AsUTF8(co->co_name);
        if (file == NULL || name == NULL) {
            MpErr_Clear();
            continue;
        }
        fprintf(out, "  File \"%s\", line %d, in %s\n", file, tb->tb_lineno,
                name);
        print_entry_source(out, co, tb->tb_lasti, file, tb->tb_lineno);
    }
    print_repeats(out, count);
}

/* A SyntaxError names the place in the source itself, before its type
   line: `  File "<string>", line 1`, the offending line stripped of its
   indentation, and a caret line under columns offset..end_offset (both
   1-based; no caret when the offset falls left of the stripped text).
   Like CPython 3.11 (pythonrun.c print_error_text), the offsets count
   characters but are applied to the UTF-8 text.  Prints nothing and
   returns 0 for an exception without the fields. */
static int
print_syntax_error_place(MpObject *exc, FILE *out)
{
    if (!MpErr_GivenExceptionMatches(exc, MpExc_SyntaxError)) {
        return 0;
    }
    MpSyntaxErrorObject *se = (MpSyntaxErrorObject *)exc;
    const char *file = "<string>";
    if (se->filename != NULL && MpStr_Check(se->filename)) {
        file = MpStr_AsUTF8(se->filename);
    }
    int64_t lineno = 0, offset = 0, end_offset = 0;
    if (se->lineno == NULL || !MpLong_Check(se->lineno)) {
        return 0;  // no place to show: only "SyntaxError: msg"
    }
    lineno = MpLong_AsInt64(se->lineno);
    if (se->offset != NULL && MpLong_Check(se->offset)) {
        offset = MpLong_AsInt64(se->offset);
    }
    if (se->end_offset != NULL && MpLong_Check(se->end_offset)) {
        end_offset = MpLong_AsInt64(se->end_offset);
    }
    MpErr_Clear();
    if (file == NULL) {
        MpErr_Clear();
        return 0;
    }
    fprintf(out, "  File \"%s\", line %lld\n", file, (long long)lineno);
    if (se->text == NULL || !MpStr_Check(se->text)) {
        return 1;
    }
    const char *text = MpStr_AsUTF8(se->text);
    if (text == NULL) {
        MpErr_Clear();
        return 1;
    }
    int64_t carets = end_offset > 0 && end_offset > offset
                         ? end_offset - offset
                         : 1;
    offset--;  // 0-based from here
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    int64_t len = (int64_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n') {
        len--;
    }
    if (offset > len) {
        offset = len;
    }
    /* A text of several lines: show the one the offset falls in. */
    const char *nl;
    while ((nl = strchr(text, '\n')) != NULL && nl - text < offset) {
        int64_t skip = nl - text + 1;
        text += skip;
        len -= skip;
        offset -= skip;
    }
    fprintf(out, "    %.*s\n", (int)len, text);
    if (offset < 0) {
        return 1;
    }
    fprintf(out, "    %*s", (int)offset, "");
    for (int64_t i = 0; i < carets; i++) {
        fputc('^', out);
    }
    fputc('\n', out);
    return 1;
}

static void
print_exception_line(MpObject *exc, FILE *out)
{
    int place = print_syntax_error_place(exc, out);
    MpTypeObject *type = Mp_TYPE(exc);
    MpObject *module = MpObject_GetAttrString((MpObject *)type, "__module__");
    MpObject *qualname =
        MpObject_GetAttrString((MpObject *)type, "__qualname__");
    MpErr_Clear();
    const char *q = qualname && MpStr_Check(qualname)
                        ? MpStr_AsUTF8(qualname)
                        : MpType_Name(type);
    if (module != NULL && MpStr_Check(module) &&
        MpStr_CompareWithASCII(module, "builtins") != 0 &&
        MpStr_CompareWithASCII(module, "__main__") != 0) {
        fprintf(out, "%s.%s", MpStr_AsUTF8(module), q);
    }
    else {
        fputs(q, out);
    }
    Mp_XDECREF(module);
    Mp_XDECREF(qualname);
    MpObject *msg = MpObject_Str(exc);
    if (place && ((MpSyntaxErrorObject *)exc)->msg != NULL) {
        Mp_XDECREF(msg);
        msg = MpObject_Str(((MpSyntaxErrorObject *)exc)->msg);
    }
    if (msg == NULL) {
        MpErr_Clear();
        fputs(": <exception str() failed>", out);
    }
    else {
        const char *s = MpStr_AsUTF8(msg);
        if (s != NULL && s[0] != '\0') {
            fprintf(out, ": %s", s);
        }
        Mp_DECREF(msg);
    }
    if (MpTraceback_SuggestionHook != NULL) {
        MpObject *sugg = MpTraceback_SuggestionHook(exc);
        if (sugg != NULL) {
            const char *s = MpStr_AsUTF8(sugg);
            if (s != NULL) {
                fputs(s, out);
            }
            Mp_DECREF(sugg);
        }
        MpErr_Clear();
    }
    fputc('\n', out);
}

#define MAX_CHAIN 64

static void
print_chain(MpObject *exc, FILE *out, MpObject **seen, int *nseen,
            int chain, int limit)
{
    if (*nseen < MAX_CHAIN) {
        seen[(*nseen)++] = exc;
    }
    /* NEW references, released before returning: the exception holds
       its own for as long as this runs */
    MpObject *cause = MpException_GetCause(exc);
    MpObject *context = MpException_GetContext(exc);
    Mp_XDECREF(cause);
    Mp_XDECREF(context);
    int suppress = ((MpBaseExceptionObject *)exc)->suppress_context;
    MpObject *next = NULL;
    const char *sep = NULL;
    if (cause != NULL && cause != Mp_None) {
        next = cause;
        sep = "\nThe above exception was the direct cause of the following "
              "exception:\n\n";
    }
    else if (context != NULL && context != Mp_None && !suppress) {
        next = context;
        sep = "\nDuring handling of the above exception, another exception "
              "occurred:\n\n";
    }
    if (!chain) {
        next = NULL;
    }
    if (next != NULL) {
        for (int i = 0; i < *nseen; i++) {
            if (seen[i] == next) {
                next = NULL;
                break;
            }
        }
    }
    if (next != NULL && *nseen < MAX_CHAIN) {
        print_chain(next, out, seen, nseen, chain, limit);
        fputs(sep, out);
    }
    MpObject *tb = MpException_GetTraceback(exc);  // NEW
    if (tb != NULL && Mp_TYPE(tb) == &MpTraceback_Type) {
        fputs("Traceback (most recent call last):\n", out);
        print_tb((MpTracebackObject *)tb, out, limit);
    }
    Mp_XDECREF(tb);
    print_exception_line(exc, out);
}

void
MpTraceback_PrintEx(MpObject *exc, FILE *out, int chain, int limit)
{
    MpObject *seen[MAX_CHAIN];
    int nseen = 0;
    MpObject *pending = MpErr_GetRaisedException();
    print_chain(exc, out, seen, &nseen, chain, limit);
    fflush(out);
    MpErr_Clear();
    MpErr_SetRaisedException(pending);
}

void
MpTraceback_Print(MpObject *exc, FILE *out)
{
    MpTraceback_PrintEx(exc, out, 1, MP_TB_NOLIMIT);
}

void
MpTraceback_PrintEntries(MpObject *tb, FILE *out, int limit)
{
    MpObject *pending = MpErr_GetRaisedException();
    if (tb != NULL && Mp_TYPE(tb) == &MpTraceback_Type) {
        print_tb((MpTracebackObject *)tb, out, limit);
    }
    fflush(out);
    MpErr_Clear();
    MpErr_SetRaisedException(pending);
}

void
MpTraceback_PrintExceptionOnly(MpObject *exc, FILE *out)
{
    MpObject *pending = MpErr_GetRaisedException();
    print_exception_line(exc, out);
    fflush(out);
    MpErr_Clear();
    MpErr_SetRaisedException(pending);
}
/* }====== */
