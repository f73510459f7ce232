/* parse.c — the front end's driver and its error reports.

   MpParse_Source sets up a tokenizer and a parser state on the caller's
   arena, runs the Bison parser (grammar/parser.y through
   MpBuild_Parse), then checks the finished module the way CPython does
   before compiling: `from __future__` imports must come first and name
   known features.  An f-string replacement field is parsed by a nested
   parse of its text wrapped in parentheses, as CPython 3.11 does, on the
   same arena and error slot (MpParse_FStringExpr).

   Errors are MpSyntaxError records (parse.h); MpSyntaxError_Print renders
   one exactly as CPython's traceback printer renders an uncaught
   SyntaxError: the file and line, the line's text without its leading
   white space, and carets under the offending range.

   CPython counterpart: Parser/peg_api.c, Python/future.c, and
   print_error_text in Python/pythonrun.c.  Read first: MpParse_Source */
#include "parse.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "astbuild.h"
#include "tokenizer.h"

/* {====== Errors ====== */

int
MpSyntaxError_Set(MpSyntaxError *err, MpErrorKind kind, int lineno,
                  int col_offset, int end_lineno, int end_col_offset,
                  const char *fmt, ...)
{
    if (err->kind != MP_ERR_NONE) {
        return -1;
    }
    err->kind = kind;
    err->lineno = lineno;
    err->col_offset = col_offset;
    err->end_lineno = end_lineno;
    err->end_col_offset = end_col_offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

const char *
MpSyntaxError_TypeName(const MpSyntaxError *err)
{
    switch (err->kind) {
    case MP_ERR_INDENTATION:
        return "IndentationError";
    case MP_ERR_TAB:
        return "TabError";
    case MP_ERR_MEMORY:
        return "MemoryError";
    case MP_ERR_RECURSION:
        return "RecursionError";
    default:
        return "SyntaxError";
    }
}

/* Characters (not bytes) in s[0:n] of UTF-8: what a caret counts. */
static int
char_count(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

void
MpSyntaxError_Print(const MpSyntaxError *err, const char *filename,
                    const char *source, size_t source_len, FILE *out)
{
    if (err->kind == MP_ERR_MEMORY) {
        fprintf(out, "MemoryError\n");
        return;
    }
    if (err->kind == MP_ERR_RECURSION) {
        /* no location: CPython prints the bare exception line */
        fprintf(out, "RecursionError: %s\n", err->msg);
        return;
    }
    if (err->source != NULL) {
        source = err->source;
        source_len = err->source_len;
    }
    fprintf(out, "  File \"%s\", line %d\n", filename, err->lineno);

    /* Find the line. */
    const char *line = NULL;
    size_t len = 0;
    if (source != NULL && err->lineno >= 1) {
        const char *s = source, *end = source + source_len;
        int l = 1;
        while (l < err->lineno && s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            if (nl == NULL) {
                s = end;
                break;
            }
            s = nl + 1;
            l++;
        }
        if (l == err->lineno && s < end) {
            const char *nl = memchr(s, '\n', (size_t)(end - s));
            line = s;
            len = (size_t)((nl ? nl : end) - s);
        }
    }
    /* A TabError never shows a caret, as in CPython. */
    if (line != NULL) {
        size_t lead = 0;
        while (lead < len &&
               (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f')) {
            lead++;
        }
        fprintf(out, "    %.*s\n", (int)(len - lead), line + lead);
        if (err->col_offset >= 0 && err->kind != MP_ERR_TAB) {
            size_t col = (size_t)err->col_offset;
            if (col > len) {
                col = len;
            }
            int start = col >= lead ? char_count(line + lead, col - lead) : 0;
            /* CPython 3.11 converts the start of the range to characters
               but not its end, so a range holding non-ASCII characters
               gets one caret per byte; we print what it prints. */
            int width = 1;
            if (err->end_lineno == err->lineno && err->end_col_offset > 0 &&
                (size_t)err->end_col_offset > col) {
                width = err->end_col_offset - (int)col;
            }
            if (width < 1) {
                width = 1;
            }
            fprintf(out, "    %*s", start, "");
            for (int i = 0; i < width; i++) {
                fputc('^', out);
            }
            fputc('\n', out);
        }
    }
    fprintf(out, "%s: %s\n", MpSyntaxError_TypeName(err), err->msg);
}
/* }====== */

/* {====== __future__ ====== */

static const char *const future_features[] = {
    "nested_scopes",    "generators",      "division",
    "absolute_import",  "with_statement",  "print_function",
    "unicode_literals", "barry_as_FLUFL",  "generator_stop",
    "annotations",
};

static int
is_future_import(const MpNode *s)
{
    return s->kind == MP_AST_ImportFrom && s->v.ImportFrom.module != NULL &&
           strcmp(s->v.ImportFrom.module, "__future__") == 0;
}

/* A module's `from __future__` imports must precede everything but the
   docstring, and each must name a feature this version knows. */
static int
check_future(MpParser *p, const MpNode *module)
{
    MpSeq *body = module->v.Module.body;
    int i = 0, n = MpSeq_Len(body);
    if (n > 0) {
        const MpNode *s = body->items[0];
        if (s->kind == MP_AST_Expr && s->v.Expr.value->kind == MP_AST_Constant &&
            s->v.Expr.value->v.Constant.value.kind == MP_CONST_STR) {
            i = 1;  // the docstring
        }
    }
    for (; i < n && is_future_import(body->items[i]); i++) {
        const MpNode *s = body->items[i];
        MpSeq *names = s->v.ImportFrom.names;
        for (int k = 0; k < MpSeq_Len(names); k++) {
            const char *name = ((MpNode *)names->items[k])->v.alias.name;
            int known = 0;
            for (size_t f = 0; f < sizeof future_features / sizeof *future_features;
                 f++) {
                known |= strcmp(name, future_features[f]) == 0;
            }
            if (strcmp(name, "braces") == 0) {
                return MpSyntaxError_Set(p->err, MP_ERR_SYNTAX, s->lineno,
                                         s->col_offset, 0, -1, "not a chance");
            }
            if (!known) {
                return MpSyntaxError_Set(p->err, MP_ERR_SYNTAX, s->lineno,
                                         s->col_offset, 0, -1,
                                         "future feature %s is not defined",
                                         name);
            }
        }
    }
    for (; i < n; i++) {
        const MpNode *s = body->items[i];
        if (is_future_import(s)) {
            return MpSyntaxError_Set(
                p->err, MP_ERR_SYNTAX, s->lineno, s->col_offset,
                s->end_lineno, s->end_col_offset,
                "from __future__ imports must occur at the beginning of the "
                "file");
        }
    }
    return 0;
}
/* }====== */

/* {====== Parsing ====== */

/* Runs the parser over an initialised lexer. Returns p->result or NULL. */
static MpNode *
run_parser(MpParser *p)
{
    int r = MpBuild_Parse(p);
    if (r != 0 || p->err->kind != MP_ERR_NONE) {
        if (p->err->kind == MP_ERR_NONE) {
            /* Bison gave up without an error of ours: its stack is full
               (nesting deeper than YYMAXDEPTH), which CPython reports as
               a MemoryError too. */
            MpBuild_NoMemory(p);
        }
        return NULL;
    }
    return p->result;
}

MpNode *
MpParse_Source(const char *src, size_t len, const char *filename,
               MpParseMode mode, MpArena *arena, MpSyntaxError *err)
{
    memset(err, 0, sizeof *err);
    MpParser p;
    memset(&p, 0, sizeof p);
    p.arena = arena;
    p.err = err;
    p.filename = filename;
    p.mode = mode;
    MpLexer lx;
    if (MpLexer_Init(&lx, &p, src, len, 0, 0) < 0) {
        return NULL;
    }
    p.lexer = &lx;
    err->source = p.source;
    err->source_len = p.source_len;
    MpNode *tree = run_parser(&p);
    if (tree != NULL && mode == MP_MODE_FILE && check_future(&p, tree) < 0) {
        return NULL;
    }
    return tree;
}

MpNode *
MpParse_FStringExpr(MpParser *outer, const char *text, size_t len,
                    int lineno, int col_offset)
{
    /* "(" text ")" so that the field is one atom, as CPython 3.11 does;
       the column is shifted back by one for the added parenthesis. */
    char *wrapped = MpArena_Alloc(outer->arena, len + 3);
    if (wrapped == NULL) {
        MpBuild_NoMemory(outer);
        return NULL;
    }
    wrapped[0] = '(';
    memcpy(wrapped + 1, text, len);
    wrapped[len + 1] = ')';
    wrapped[len + 2] = '\0';

    MpParser p;
    memset(&p, 0, sizeof p);
    p.arena = outer->arena;
    p.err = outer->err;
    p.filename = outer->filename;
    p.mode = MP_MODE_FSTRING;
    p.fstring_depth = outer->fstring_depth + 1;
    MpLexer lx;
    if (MpLexer_InitDecoded(&lx, &p, wrapped, len + 2, lineno - 1,
                            col_offset - 1) < 0) {
        return NULL;
    }
    p.lexer = &lx;
    return run_parser(&p);
}
/* }====== */
