/* astbuild.c — the grammar's helpers: building nodes, checking what the
   LALR grammar parsed loosely, and CPython 3.11's syntax error messages.

   Three jobs live here (see astbuild.h for the list):
     1. Targets.  Assignment, for, with-as, del and walrus targets arrive as
        ordinary expressions.  MpBuild_SetContext walks a target, marks
        Names, Attributes, Subscripts, Starred, Tuples and Lists as Store or
        Del, and rejects anything else with "cannot assign to X", X being
        the expression's name as CPython spells it (expr_name).
     2. Lists with rules.  Parameters and call arguments arrive as flat
        lists; MpBuild_Arguments and MpBuild_Call sort them and enforce the
        order rules.
     3. Messages.  MpBuild_SyntaxError turns "the parser could not go on at
        this token" into CPython's wording: unexpected indent, expected an
        indented block after X, expected ':', missing parentheses in call
        to print, perhaps you forgot a comma, or invalid syntax.

   CPython counterpart: Parser/action_helpers.c, Parser/pegen_errors.c and
   the invalid_* rules of Grammar/python.gram.  Read first: MpBuild_SetContext */
#include "astbuild.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "literal.h"
#include "parser.h"
#include "strbuf.h"
#include "unicodedb.h"

static const char *source_line(MpParser *p, int lineno, size_t *len);

/* {====== Errors ====== */

static void
verror(MpParser *p, MpErrorKind kind, MpLoc loc, const char *fmt,
       va_list ap)
{
    char msg[sizeof p->err->msg];
    vsnprintf(msg, sizeof msg, fmt, ap);
    MpSyntaxError_Set(p->err, kind, loc.first_line, loc.first_column,
                      loc.last_line, loc.last_column, "%s", msg);
}

void
MpBuild_Error(MpParser *p, MpLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, MP_ERR_SYNTAX, loc, fmt, ap);
    va_end(ap);
}

static void
indentation_error(MpParser *p, MpLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(p, MP_ERR_INDENTATION, loc, fmt, ap);
    va_end(ap);
}

void
MpBuild_NoMemory(MpParser *p)
{
    if (p->err->kind == MP_ERR_NONE) {
        MpSyntaxError_Set(p->err, MP_ERR_MEMORY, 0, -1, 0, -1, "%s", "");
    }
}

static MpLoc
node_loc(const MpNode *n)
{
    MpLoc loc = {n->lineno, n->col_offset, n->end_lineno, n->end_col_offset};
    return loc;
}
/* }====== */

/* {====== Leaves ====== */

/* Python compares identifiers after NFKC normalisation (PEP 3131), so a
   non-ASCII name is stored normalised: `ℌ = 1` binds H. */
static const char *
nfkc_ident(MpParser *p, MpTokText tok)
{
    uint32_t small_in[64], small_out[256];
    uint32_t *in = small_in, *out = small_out;
    size_t cap_in = 64, cap_out = 256;
    const char *result = NULL;
    if (tok.len > cap_in) {
        cap_in = tok.len;
        cap_out = tok.len * 18 + 16;  // NFKC grows a character 18-fold at most
        in = malloc(sizeof *in * cap_in);
        out = malloc(sizeof *out * cap_out);
        if (in == NULL || out == NULL) {
            goto done;
        }
    }
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)tok.s;
    for (size_t i = 0; i < tok.len;) {
        unsigned c = s[i], cp;
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        cp = len == 1 ? c : c & (0x7F >> len);
        for (int k = 1; k < len && i + k < tok.len; k++) {
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        in[n++] = cp;
        i += (size_t)len;
    }
    long m = MpUnicode_NFKC(in, n, out, cap_out);
    if (m < 0) {
        goto done;
    }
    MpStrBuf b = {0};
    for (long i = 0; i < m; i++) {
        MpStrBuf_PutCodePoint(&b, out[i]);
    }
    if (!b.failed) {
        result = MpArena_Strndup(p->arena, b.data, b.len);
    }
    MpStrBuf_Clear(&b);
done:
    if (in != small_in) {
        free(in);
        free(out);
    }
    return result;
}

const char *
MpBuild_Ident(MpParser *p, MpTokText tok)
{
    int ascii = 1;
    for (size_t i = 0; i < tok.len; i++) {
        ascii &= (unsigned char)tok.s[i] < 0x80;
    }
    const char *s = ascii ? MpArena_Strndup(p->arena, tok.s, tok.len)
                          : nfkc_ident(p, tok);
    if (s == NULL) {
        MpBuild_NoMemory(p);
    }
    return s;
}

const char *
MpBuild_CaptureName(MpParser *p, MpTokText tok)
{
    if (tok.len == 1 && tok.s[0] == '_') {
        return NULL;
    }
    return MpBuild_Ident(p, tok);
}

int
MpBuild_JoinDotted(MpParser *p, MpTokText *out, MpTokText a, MpTokText b)
{
    char *s = MpArena_Alloc(p->arena, a.len + b.len + 2);
    if (s == NULL) {
        return -1;
    }
    memcpy(s, a.s, a.len);
    s[a.len] = '.';
    memcpy(s + a.len + 1, b.s, b.len);
    out->s = s;
    out->len = a.len + b.len + 1;
    return 0;
}

MpToken *
MpBuild_Token(MpParser *p, MpTokText text, MpLoc loc)
{
    MpToken *t = MpArena_Alloc(p->arena, sizeof(MpToken));
    if (t != NULL) {
        t->code = STRING;
        t->text = text;
        t->loc = loc;
    }
    return t;
}

MpNode *
MpBuild_Number(MpParser *p, MpTokText text, MpLoc loc)
{
    MpConst value;
    if (MpLiteral_Number(p, text, loc, &value) < 0) {
        return NULL;
    }
    return MpAst_New(p->arena, loc, Constant, value, NULL);
}

MpNode *
MpBuild_Strings(MpParser *p, MpSeq *tokens, MpLoc loc)
{
    MpToken *toks = MpArena_Alloc(p->arena, sizeof(MpToken) * tokens->n);
    if (toks == NULL) {
        return NULL;
    }
    for (int i = 0; i < tokens->n; i++) {
        toks[i] = *(MpToken *)tokens->items[i];
    }
    return MpLiteral_Strings(p, toks, tokens->n, loc);
}

MpNode *
MpBuild_Singleton(MpParser *p, MpConstKind kind, MpLoc loc)
{
    MpConst value = {.kind = kind};
    return MpAst_New(p->arena, loc, Constant, value, NULL);
}
/* }====== */

/* {====== Targets ====== */

/* The name CPython gives an expression in messages (_PyPegen_get_expr_name). */
static const char *
expr_name(const MpNode *e)
{
    switch (e->kind) {
    case MP_AST_Attribute:
        return "attribute";
    case MP_AST_Subscript:
        return "subscript";
    case MP_AST_Starred:
        return "starred";
    case MP_AST_Name:
        return "name";
    case MP_AST_List:
        return "list";
    case MP_AST_Tuple:
        return "tuple";
    case MP_AST_Lambda:
        return "lambda";
    case MP_AST_Call:
        return "function call";
    case MP_AST_BoolOp:
    case MP_AST_BinOp:
    case MP_AST_UnaryOp:
        return "expression";
    case MP_AST_GeneratorExp:
        return "generator expression";
    case MP_AST_Yield:
    case MP_AST_YieldFrom:
        return "yield expression";
    case MP_AST_Await:
        return "await expression";
    case MP_AST_ListComp:
        return "list comprehension";
    case MP_AST_SetComp:
        return "set comprehension";
    case MP_AST_DictComp:
        return "dict comprehension";
    case MP_AST_Dict:
        return "dict literal";
    case MP_AST_Set:
        return "set display";
    case MP_AST_JoinedStr:
    case MP_AST_FormattedValue:
        return "f-string expression";
    case MP_AST_Constant:
        switch (e->v.Constant.value.kind) {
        case MP_CONST_NONE:
            return "None";
        case MP_CONST_TRUE:
            return "True";
        case MP_CONST_FALSE:
            return "False";
        case MP_CONST_ELLIPSIS:
            return "ellipsis";
        default:
            return "literal";
        }
    case MP_AST_Compare:
        return "comparison";
    case MP_AST_IfExp:
        return "conditional expression";
    case MP_AST_NamedExpr:
        return "named expression";
    default:
        return "expression";
    }
}

/* The first part of e that cannot be a target, or NULL when e can be
   (_PyPegen_get_invalid_target). */
static const MpNode *
invalid_target(const MpNode *e, int ctx)
{
    switch (e->kind) {
    case MP_AST_Name:
    case MP_AST_Attribute:
    case MP_AST_Subscript:
        return NULL;
    case MP_AST_Starred:
        if (ctx == MP_OP_Del) {
            return e;
        }
        return invalid_target(e->v.Starred.value, ctx);
    case MP_AST_Tuple:
    case MP_AST_List: {
        MpSeq *elts = e->kind == MP_AST_Tuple ? e->v.Tuple.elts
                                              : e->v.List.elts;
        for (int i = 0; i < MpSeq_Len(elts); i++) {
            const MpNode *bad = invalid_target(elts->items[i], ctx);
            if (bad) {
                return bad;
            }
        }
        return NULL;
    }
    default:
        return e;
    }
}

static void
set_ctx(MpNode *e, int ctx)
{
    switch (e->kind) {
    case MP_AST_Name:
        e->v.Name.ctx = ctx;
        break;
    case MP_AST_Attribute:
        e->v.Attribute.ctx = ctx;
        break;
    case MP_AST_Subscript:
        e->v.Subscript.ctx = ctx;
        break;
    case MP_AST_Starred:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case MP_AST_Tuple:
        e->v.Tuple.ctx = ctx;
        for (int i = 0; i < MpSeq_Len(e->v.Tuple.elts); i++) {
            set_ctx(e->v.Tuple.elts->items[i], ctx);
        }
        break;
    case MP_AST_List:
        e->v.List.ctx = ctx;
        for (int i = 0; i < MpSeq_Len(e->v.List.elts); i++) {
            set_ctx(e->v.List.elts->items[i], ctx);
        }
        break;
    default:
        break;
    }
}

int
MpBuild_SetContext(MpParser *p, MpNode *e, int ctx)
{
    const MpNode *bad = invalid_target(e, ctx);
    if (bad != NULL) {
        MpBuild_Error(p, node_loc(bad),
                      ctx == MP_OP_Del ? "cannot delete %s"
                                       : "cannot assign to %s",
                      expr_name(bad));
        return -1;
    }
    set_ctx(e, ctx);
    return 0;
}

void
MpBuild_InvalidNamedTarget(MpParser *p, MpNode *target)
{
    MpBuild_Error(p, node_loc(target),
                  "cannot use assignment expressions with %s",
                  expr_name(target));
}
/* }====== */

/* {====== Expressions ====== */

MpNode *
MpBuild_TupleOrSingle(MpParser *p, MpExprList list, MpLoc loc)
{
    if (list.items->n == 1 && !list.comma) {
        return list.items->items[0];
    }
    return MpAst_New(p->arena, loc, Tuple, list.items, MP_OP_Load);
}

MpNode *
MpBuild_Parenthesized(MpParser *p, MpNode *node, MpLoc loc)
{
    if (node != NULL) {
        node->parenthesized = 1;
    }
    return node;
}

MpNode *
MpBuild_Compare(MpParser *p, MpSeq *chain, MpLoc loc)
{
    int nops = chain->n / 2;
    int ops[nops > 0 ? nops : 1];
    MpSeq *comparators = NULL;
    for (int i = 0; i < nops; i++) {
        ops[i] = (int)(intptr_t)chain->items[1 + 2 * i];
        if (MpSeq_Append(p->arena, &comparators, chain->items[2 + 2 * i])) {
            return NULL;
        }
    }
    MpIntSeq *opseq = MpIntSeq_New(p->arena, nops, ops);
    if (opseq == NULL) {
        return NULL;
    }
    return MpAst_New(p->arena, loc, Compare, chain->items[0], opseq,
                     comparators);
}

MpNode *
MpBuild_KeywordArg(MpParser *p, MpNode *name, MpNode *value, MpLoc eq,
                   MpLoc loc)
{
    if (name->kind != MP_AST_Name || name->parenthesized) {
        if (name->kind == MP_AST_Constant &&
            (name->v.Constant.value.kind == MP_CONST_TRUE ||
             name->v.Constant.value.kind == MP_CONST_FALSE ||
             name->v.Constant.value.kind == MP_CONST_NONE)) {
            MpBuild_Error(p, node_loc(name), "cannot assign to %s",
                          expr_name(name));
            return NULL;
        }
        MpLoc range = {name->lineno, name->col_offset, eq.last_line,
                       eq.last_column};
        MpBuild_Error(p, range, "expression cannot contain assignment, "
                                "perhaps you meant \"==\"?");
        return NULL;
    }
    return MpAst_New(p->arena, loc, keyword, name->v.Name.id, value);
}

MpNode *
MpBuild_Call(MpParser *p, MpNode *func, MpSeq *items, MpLoc loc)
{
    MpSeq *args = NULL, *keywords = NULL;
    int seen_keyword = 0, seen_dstar = 0;
    int n = MpSeq_Len(items);
    for (int i = 0; i < n; i++) {
        MpNode *a = items->items[i];
        if (a->kind == MP_AST_GeneratorExp && !a->parenthesized && n > 1) {
            MpBuild_Error(p, node_loc(a),
                          "Generator expression must be parenthesized");
            return NULL;
        }
        if (a->kind == MP_AST_keyword) {
            if (a->v.keyword.arg == NULL) {
                seen_dstar = 1;
            }
            else {
                seen_keyword = 1;
            }
            if (MpSeq_Append(p->arena, &keywords, a)) {
                return NULL;
            }
            continue;
        }
        if (a->kind == MP_AST_Starred) {
            if (seen_dstar) {
                MpLoc star = {a->lineno, a->col_offset, a->lineno,
                              a->col_offset + 1};
                MpBuild_Error(p, star,
                              "iterable argument unpacking follows keyword "
                              "argument unpacking");
                return NULL;
            }
        }
        else if (seen_dstar) {
            MpBuild_Error(p, node_loc(a), "positional argument follows "
                                          "keyword argument unpacking");
            return NULL;
        }
        else if (seen_keyword) {
            MpBuild_Error(p, node_loc(a),
                          "positional argument follows keyword argument");
            return NULL;
        }
        if (MpSeq_Append(p->arena, &args, a)) {
            return NULL;
        }
    }
    return MpAst_New(p->arena, loc, Call, func, args, keywords);
}

MpNode *
MpBuild_Comprehension(MpParser *p, MpNodeKind kind, MpNode *elt,
                      MpNode *value, MpSeq *generators, MpLoc loc)
{
    if (elt->kind == MP_AST_Starred) {
        MpBuild_Error(p, node_loc(elt),
                      "iterable unpacking cannot be used in comprehension");
        return NULL;
    }
    switch (kind) {
    case MP_AST_ListComp:
        return MpAst_New(p->arena, loc, ListComp, elt, generators);
    case MP_AST_SetComp:
        return MpAst_New(p->arena, loc, SetComp, elt, generators);
    case MP_AST_DictComp:
        return MpAst_New(p->arena, loc, DictComp, elt, value, generators);
    default:
        return MpAst_New(p->arena, loc, GeneratorExp, elt, generators);
    }
}
/* }====== */

/* {====== Statements ====== */

int
MpBuild_Extend(MpParser *p, MpSeq **seq, MpSeq *more)
{
    for (int i = 0; i < MpSeq_Len(more); i++) {
        if (MpSeq_Append(p->arena, seq, more->items[i])) {
            return -1;
        }
    }
    return 0;
}

/* CPython's invalid_named_expression: a single `target = value` whose
   target could never be assigned is reported as a probable typo of ==. */
static int
typo_of_eq(const MpNode *target)
{
    switch (target->kind) {
    case MP_AST_List:
    case MP_AST_Tuple:
    case MP_AST_GeneratorExp:
    case MP_AST_BoolOp:
    case MP_AST_Compare:
    case MP_AST_IfExp:
    case MP_AST_Lambda:
    case MP_AST_NamedExpr:
    case MP_AST_Yield:
    case MP_AST_YieldFrom:
    case MP_AST_Starred:
        return 0;
    case MP_AST_UnaryOp:
        return target->v.UnaryOp.op != MP_OP_Not;
    case MP_AST_Constant: {
        MpConstKind k = target->v.Constant.value.kind;
        return k != MP_CONST_TRUE && k != MP_CONST_FALSE && k != MP_CONST_NONE;
    }
    default:
        return 1;
    }
}

MpNode *
MpBuild_Assign(MpParser *p, MpNode *first, MpSeq *chain, MpLoc loc)
{
    MpSeq *targets = NULL;
    int n = chain->n;
    for (int i = 0; i < n; i++) {
        MpNode *t = i == 0 ? first : chain->items[i - 1];
        if (t->kind == MP_AST_Yield || t->kind == MP_AST_YieldFrom) {
            MpBuild_Error(p, node_loc(t),
                          "assignment to yield expression not possible");
            return NULL;
        }
        const MpNode *bad = invalid_target(t, MP_OP_Store);
        if (bad != NULL) {
            if (n == 1 && bad == t && typo_of_eq(t)) {
                MpBuild_Error(p, node_loc(t),
                              "cannot assign to %s here. Maybe you meant "
                              "'==' instead of '='?",
                              expr_name(t));
            }
            else {
                MpBuild_Error(p, node_loc(bad), "cannot assign to %s",
                              expr_name(bad));
            }
            return NULL;
        }
        set_ctx(t, MP_OP_Store);
        if (MpSeq_Append(p->arena, &targets, t)) {
            return NULL;
        }
    }
    return MpAst_New(p->arena, loc, Assign, targets, chain->items[n - 1]);
}

MpNode *
MpBuild_AugAssign(MpParser *p, MpNode *target, int op, MpNode *value,
                  MpLoc loc)
{
    if (target->kind != MP_AST_Name && target->kind != MP_AST_Attribute &&
        target->kind != MP_AST_Subscript) {
        MpBuild_Error(p, node_loc(target),
                      "'%s' is an illegal expression for augmented "
                      "assignment",
                      expr_name(target));
        return NULL;
    }
    set_ctx(target, MP_OP_Store);
    return MpAst_New(p->arena, loc, AugAssign, target, op, value);
}

MpNode *
MpBuild_AnnAssign(MpParser *p, MpNode *target, MpNode *annotation,
                  MpNode *value, MpLoc loc)
{
    switch (target->kind) {
    case MP_AST_Name:
    case MP_AST_Attribute:
    case MP_AST_Subscript:
        break;
    case MP_AST_Tuple:
    case MP_AST_List: {
        MpSeq *elts = target->kind == MP_AST_Tuple ? target->v.Tuple.elts
                                                   : target->v.List.elts;
        MpLoc at = MpSeq_Len(elts) && !target->parenthesized &&
                           target->kind == MP_AST_Tuple
                       ? node_loc(elts->items[0])
                       : node_loc(target);
        MpBuild_Error(p, at, "only single target (not %s) can be annotated",
                      target->kind == MP_AST_Tuple ? "tuple" : "list");
        return NULL;
    }
    default:
        MpBuild_Error(p, node_loc(target), "illegal target for annotation");
        return NULL;
    }
    set_ctx(target, MP_OP_Store);
    int simple = target->kind == MP_AST_Name && !target->parenthesized;
    return MpAst_New(p->arena, loc, AnnAssign, target, annotation, value,
                     simple);
}

MpNode *
MpBuild_Delete(MpParser *p, MpExprList targets, MpLoc loc)
{
    for (int i = 0; i < targets.items->n; i++) {
        if (MpBuild_SetContext(p, targets.items->items[i], MP_OP_Del)) {
            return NULL;
        }
    }
    return MpAst_New(p->arena, loc, Delete, targets.items);
}

void
MpBuild_MixedExcept(MpParser *p, MpLoc clause)
{
    /* The range is the clause's `except` keyword, with its `*` if any. */
    size_t len = 0;
    const char *line = source_line(p, clause.first_line, &len);
    int end = clause.first_column + 6;  // "except"
    if (line != NULL) {
        int i = end;
        while (i < (int)len && (line[i] == ' ' || line[i] == '\t')) {
            i++;
        }
        if (i < (int)len && line[i] == '*') {
            end = i + 1;
        }
    }
    MpLoc at = {clause.first_line, clause.first_column, clause.first_line,
                end};
    MpBuild_Error(p, at, "cannot have both 'except' and 'except*' on the "
                         "same 'try'");
}

int
MpBuild_CheckExceptType(MpParser *p, MpNode *type)
{
    if (type->kind == MP_AST_Tuple && !type->parenthesized) {
        MpBuild_Error(p, node_loc(type),
                      "multiple exception types must be parenthesized");
        return -1;
    }
    return 0;
}

MpParam *
MpBuild_Param(MpParser *p, MpParamKind kind, MpTokText name,
              MpNode *annotation, MpNode *default_, MpLoc loc)
{
    MpParam *param = MpArena_Alloc(p->arena, sizeof(MpParam));
    if (param == NULL) {
        return NULL;
    }
    param->kind = kind;
    param->default_ = default_;
    param->loc = loc;
    if (name.s != NULL) {
        const char *id = MpBuild_Ident(p, name);
        MpLoc arg_loc = loc;
        if (kind != MP_PARAM_PLAIN) {
            /* the arg node starts at the name, after * or ** */
            arg_loc.first_column += kind == MP_PARAM_STAR ? 1 : 2;
        }
        if (default_ != NULL) {
            /* the arg node ends before "= default" */
            const MpNode *end = annotation;
            if (end != NULL) {
                arg_loc.last_line = end->end_lineno;
                arg_loc.last_column = end->end_col_offset;
            }
            else {
                arg_loc.last_line = loc.first_line;
                arg_loc.last_column = loc.first_column + (int)name.len;
            }
        }
        param->arg = MpAst_New(p->arena, arg_loc, arg, id, annotation);
        if (id == NULL || param->arg == NULL) {
            return NULL;
        }
    }
    return param;
}

MpNode *
MpBuild_Arguments(MpParser *p, MpSeq *params, MpLoc loc, int is_lambda)
{
    MpSeq *posonly = NULL, *args = NULL, *kwonly = NULL, *kw_defaults = NULL;
    MpSeq *defaults = NULL;
    MpNode *vararg = NULL, *kwarg = NULL;
    int seen_star = 0, seen_slash = 0, seen_dstar = 0, seen_default = 0;
    int bare_star = 0;
    MpLoc bare_star_loc = loc;

    for (int i = 0; i < MpSeq_Len(params); i++) {
        MpParam *prm = params->items[i];
        if (seen_dstar) {
            MpBuild_Error(p, prm->loc,
                          "arguments cannot follow var-keyword argument");
            return NULL;
        }
        switch (prm->kind) {
        case MP_PARAM_SLASH:
            if (seen_slash) {
                MpBuild_Error(p, prm->loc, "/ may appear only once");
                return NULL;
            }
            if (seen_star) {
                MpBuild_Error(p, prm->loc, "/ must be ahead of *");
                return NULL;
            }
            if (MpSeq_Len(args) == 0) {
                MpBuild_Error(p, prm->loc,
                              "at least one argument must precede /");
                return NULL;
            }
            seen_slash = 1;
            posonly = args;
            args = NULL;
            break;
        case MP_PARAM_STAR:
            if (seen_star) {
                MpBuild_Error(p, prm->loc, "* argument may appear only once");
                return NULL;
            }
            seen_star = 1;
            vararg = prm->arg;
            bare_star = prm->arg == NULL;
            bare_star_loc = prm->loc;
            break;
        case MP_PARAM_DSTAR:
            seen_dstar = 1;
            kwarg = prm->arg;
            break;
        case MP_PARAM_PLAIN:
            if (seen_star) {
                bare_star = 0;
                if (MpSeq_Append(p->arena, &kwonly, prm->arg) ||
                    MpSeq_Append(p->arena, &kw_defaults, prm->default_)) {
                    return NULL;
                }
                break;
            }
            if (prm->default_ != NULL) {
                seen_default = 1;
                if (MpSeq_Append(p->arena, &defaults, prm->default_)) {
                    return NULL;
                }
            }
            else if (seen_default) {
                MpBuild_Error(p, prm->loc,
                              "non-default argument follows default "
                              "argument");
                return NULL;
            }
            if (MpSeq_Append(p->arena, &args, prm->arg)) {
                return NULL;
            }
            break;
        }
    }
    if (bare_star) {
        /* CPython points at the star of a def, and at the token after
           the star of a lambda (its rule reports the last token read). */
        MpLoc at = bare_star_loc;
        if (is_lambda) {
            at.first_column = at.last_column;
        }
        at.last_column = at.first_column + 1;
        MpBuild_Error(p, at, "named arguments must follow bare *");
        return NULL;
    }
    return MpAst_New(p->arena, loc, arguments, posonly, args, vararg, kwonly,
                     kw_defaults, kwarg, defaults);
}

MpNode *
MpBuild_ClassDef(MpParser *p, const char *name, MpSeq *args, MpSeq *body,
                 MpLoc loc)
{
    MpNode *call = MpBuild_Call(p, NULL, args, loc);
    if (call == NULL) {
        return NULL;
    }
    return MpAst_New(p->arena, loc, ClassDef, name, call->v.Call.args,
                     call->v.Call.keywords, body);
}

MpNode *
MpBuild_Decorate(MpParser *p, MpNode *def, MpSeq *decorators, MpLoc loc)
{
    switch (def->kind) {
    case MP_AST_FunctionDef:
        def->v.FunctionDef.decorator_list = decorators;
        break;
    case MP_AST_AsyncFunctionDef:
        def->v.AsyncFunctionDef.decorator_list = decorators;
        break;
    case MP_AST_ClassDef:
        def->v.ClassDef.decorator_list = decorators;
        break;
    default:
        break;
    }
    return def;
}

int
MpBuild_MakeAsync(MpParser *p, MpNode *node, MpLoc loc)
{
    /* Each async kind has the same fields, in the same order, as its
       plain twin, so the union's contents stay valid. */
    switch (node->kind) {
    case MP_AST_FunctionDef: {
        struct MpAst_FunctionDef_f f = node->v.FunctionDef;
        node->kind = MP_AST_AsyncFunctionDef;
        memcpy(&node->v.AsyncFunctionDef, &f, sizeof f);
        break;
    }
    case MP_AST_With: {
        struct MpAst_With_f f = node->v.With;
        node->kind = MP_AST_AsyncWith;
        memcpy(&node->v.AsyncWith, &f, sizeof f);
        break;
    }
    case MP_AST_For: {
        struct MpAst_For_f f = node->v.For;
        node->kind = MP_AST_AsyncFor;
        memcpy(&node->v.AsyncFor, &f, sizeof f);
        break;
    }
    default:
        return 0;
    }
    node->lineno = loc.first_line;
    node->col_offset = loc.first_column;
    return 0;
}
/* }====== */

/* {====== Patterns ====== */

MpNode *
MpBuild_ComplexLiteral(MpParser *p, MpNode *real, int op, MpTokText imag,
                       MpLoc imag_loc, MpLoc loc)
{
    const MpNode *r = real;
    if (r->kind == MP_AST_UnaryOp) {
        r = r->v.UnaryOp.operand;
    }
    if (r->v.Constant.value.kind == MP_CONST_COMPLEX) {
        MpBuild_Error(p, node_loc(real),
                      "real number required in complex literal");
        return NULL;
    }
    MpNode *im = MpBuild_Number(p, imag, imag_loc);
    if (im == NULL) {
        return NULL;
    }
    if (im->v.Constant.value.kind != MP_CONST_COMPLEX) {
        MpBuild_Error(p, imag_loc,
                      "imaginary number required in complex literal");
        return NULL;
    }
    return MpAst_New(p->arena, loc, BinOp, real, op, im);
}

MpNode *
MpBuild_MatchClass(MpParser *p, MpNode *cls, MpSeq *args, MpLoc loc)
{
    MpSeq *patterns = NULL, *kwd_attrs = NULL, *kwd_patterns = NULL;
    for (int i = 0; i < MpSeq_Len(args); i++) {
        MpNode *a = args->items[i];
        if (a->kind == MP_AST_keyword) {
            if (MpSeq_Append(p->arena, &kwd_attrs, (void *)a->v.keyword.arg) ||
                MpSeq_Append(p->arena, &kwd_patterns, a->v.keyword.value)) {
                return NULL;
            }
        }
        else if (kwd_attrs != NULL) {
            MpBuild_Error(p, node_loc(a),
                          "positional patterns follow keyword patterns");
            return NULL;
        }
        else if (MpSeq_Append(p->arena, &patterns, a)) {
            return NULL;
        }
    }
    return MpAst_New(p->arena, loc, MatchClass, cls, patterns, kwd_attrs,
                     kwd_patterns);
}
/* }====== */

/* {====== Syntax error messages ====== */

int
MpBuild_NextToken(MpParser *p, MpTokText *text, MpLoc *loc)
{
    int code = MpLexer_Next(p->lexer, text, loc);
    int n = (int)(sizeof p->recent / sizeof p->recent[0]);
    if (p->nrecent == n) {
        memmove(&p->recent[0], &p->recent[1], sizeof p->recent[0] * (n - 1));
        p->nrecent--;
    }
    p->recent[p->nrecent].code = code;
    p->recent[p->nrecent].loc = *loc;
    p->nrecent++;
    return code;
}

static int
expects(const int *expected, int n, int code)
{
    for (int i = 0; i < n; i++) {
        if (expected[i] == code) {
            return 1;
        }
    }
    return 0;
}

/* Tokens that can end an expression, and tokens that can start one: two
   of them side by side inside brackets are probably a missing comma. */
static int
ends_expression(int code)
{
    switch (code) {
    case NAME: case NUMBER: case STRING: case RPAR: case RSQB: case RBRACE:
    case NONE: case TRUE: case FALSE: case ELLIPSIS:
        return 1;
    }
    return 0;
}

static int
starts_expression(int code)
{
    switch (code) {
    case NAME: case NUMBER: case STRING: case LPAR: case LSQB: case LBRACE:
    case NONE: case TRUE: case FALSE: case ELLIPSIS: case MINUS: case PLUS:
    case TILDE: case NOT: case LAMBDA: case AWAIT:
        return 1;
    }
    return 0;
}

/* The text of the source line `lineno` (1-based), its length in *len. */
static const char *
source_line(MpParser *p, int lineno, size_t *len)
{
    const char *s = p->source, *end = p->source + p->source_len;
    for (int l = 1; l < lineno && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL) {
            return NULL;
        }
        s = nl + 1;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *len = (size_t)((nl ? nl : end) - s);
    return s;
}

/* What CPython calls the block a compound statement opens, from the first
   word of its header line: "'if' statement", "function definition". */
static const char *
block_kind(const char *line, size_t len, int *col)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) {
        i++;
    }
    *col = (int)i;
    static const struct {
        const char *word, *kind;
    } kinds[] = {
        {"if", "'if' statement"},         {"elif", "'elif' statement"},
        {"else", "'else' statement"},     {"while", "'while' statement"},
        {"for", "'for' statement"},       {"try", "'try' statement"},
        {"except", "'except' statement"}, {"finally", "'finally' statement"},
        {"with", "'with' statement"},     {"def", "function definition"},
        {"class", "class definition"},    {"match", "'match' statement"},
        {"case", "'case' statement"},
    };
    size_t w = i;
    while (w < len && (line[w] == '_' || (line[w] >= 'a' && line[w] <= 'z'))) {
        w++;
    }
    size_t wlen = w - i;
    if (wlen == 5 && memcmp(line + i, "async", 5) == 0) {
        /* async def / async for / async with */
        size_t j = w;
        while (j < len && line[j] == ' ') {
            j++;
        }
        int dummy;
        const char *k = block_kind(line + j, len - j, &dummy);
        if (k && strcmp(k, "function definition") == 0) {
            return k;
        }
        if (k && strcmp(k, "'for' statement") == 0) {
            return "'async for' statement";
        }
        if (k && strcmp(k, "'with' statement") == 0) {
            return "'async with' statement";
        }
        return k;
    }
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        if (strlen(kinds[k].word) == wlen &&
            memcmp(kinds[k].word, line + i, wlen) == 0) {
            return kinds[k].kind;
        }
    }
    return NULL;
}

/* The line of the header that the block after NEWLINE belongs to: the
   logical line holding the ':' before the last NEWLINE the parser read. */
static int
header_line(MpParser *p)
{
    for (int i = p->nrecent - 1; i >= 0; i--) {
        if (p->recent[i].code == COLON) {
            return p->recent[i].loc.first_line;
        }
    }
    return 0;
}

void
MpBuild_SyntaxError(MpParser *p, int code, MpLoc loc, const int *expected,
                    int nexpected)
{
    if (p->err->kind != MP_ERR_NONE) {
        return;  // the tokenizer or an action said it already
    }
    if (code == 0 && p->mode == MP_MODE_INTERACTIVE) {
        /* The parser wants more than the REPL has read so far (a block
           after `if x:`, a `def` after a decorator, the empty line after
           a compound statement): not an error yet. */
        MpSyntaxError_Set(p->err, MP_ERR_INCOMPLETE, loc.first_line, -1, 0,
                          -1, "incomplete input");
        return;
    }
    if (code == INDENT) {
        MpSyntaxError_Set(p->err, MP_ERR_INDENTATION, loc.first_line, -1, 0,
                          -1, "unexpected indent");
        return;
    }
    if (expects(expected, nexpected, INDENT)) {
        int hl = header_line(p);
        size_t len = 0;
        const char *line = hl ? source_line(p, hl, &len) : NULL;
        int col = 0;
        const char *kind = line ? block_kind(line, len, &col) : NULL;
        /* The header of a decorated or multi-line statement starts on an
           earlier line; searching the lines up from the colon finds it. */
        for (int l = hl - 1; kind == NULL && l >= 1 && l > hl - 50; l--) {
            line = source_line(p, l, &len);
            kind = line ? block_kind(line, len, &col) : NULL;
            if (kind) {
                hl = l;
            }
        }
        /* One caret at the token where the block should start; at the
           end of the input CPython names the header's line, no caret. */
        MpLoc at = {loc.first_line, loc.first_column, loc.first_line, -1};
        if (code == 0) {
            at.first_line = hl ? hl : loc.first_line;
            at.first_column = -1;
        }
        indentation_error(p, at, "expected an indented block after %s on "
                                 "line %d",
                          kind ? kind : "statement", hl);
        return;
    }
    /* print "x" / exec "code": a Python 2 statement. */
    int first = -1;  // index in recent of the first token of the line
    for (int i = p->nrecent - 1; i >= 0; i--) {
        if (p->recent[i].loc.first_line == loc.first_line) {
            first = i;
        }
    }
    if (p->nrecent >= 2 && starts_expression(code)) {
        int prev = p->recent[p->nrecent - 2].code;
        MpLoc prev_loc = p->recent[p->nrecent - 2].loc;
        if (prev == NAME && p->nrecent >= 3 &&
            (p->recent[p->nrecent - 3].code == NEWLINE ||
             p->recent[p->nrecent - 3].code == INDENT ||
             p->recent[p->nrecent - 3].code == DEDENT ||
             p->recent[p->nrecent - 3].code == START_FILE ||
             p->recent[p->nrecent - 3].code == START_SINGLE ||
             p->recent[p->nrecent - 3].code == SEMI)) {
            size_t len = 0;
            const char *line = source_line(p, prev_loc.first_line, &len);
            const char *word = line ? line + prev_loc.first_column : NULL;
            size_t wlen = (size_t)(prev_loc.last_column - prev_loc.first_column);
            if (word && ((wlen == 5 && memcmp(word, "print", 5) == 0) ||
                         (wlen == 4 && memcmp(word, "exec", 4) == 0))) {
                /* CPython's range runs to the end of the statement */
                size_t end = len;
                while (end > 0 && (line[end - 1] == ' ' ||
                                   line[end - 1] == '\r' ||
                                   line[end - 1] == '\t')) {
                    end--;
                }
                const char *hash = memchr(line, '#', len);
                if (hash && hash > word) {
                    end = (size_t)(hash - line);
                    while (end > 0 && line[end - 1] == ' ') {
                        end--;
                    }
                }
                MpLoc at = {prev_loc.first_line, prev_loc.first_column,
                            prev_loc.first_line, (int)end};
                MpBuild_Error(p, at, "Missing parentheses in call to '%.*s'. "
                                     "Did you mean %.*s(...)?",
                              (int)wlen, word, (int)wlen, word);
                return;
            }
        }
        /* two expressions side by side inside brackets */
        MpLexer *lx = p->lexer;
        if (ends_expression(prev) && lx->paren_depth > 0 &&
            expects(expected, nexpected, COMMA)) {
            MpLoc at = {prev_loc.first_line, prev_loc.first_column,
                        loc.last_line, loc.last_column};
            MpBuild_Error(p, at, "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    (void)first;
    /* {1: 2, 3}: a key without its value */
    MpLexer *lexer = p->lexer;
    int in_braces = code == RBRACE ||  // the tokenizer popped its '{'
                    (code == COMMA && lexer->paren_depth > 0 &&
                     lexer->paren_stack[lexer->paren_depth - 1] == '{');
    if (in_braces && expects(expected, nexpected, COLON) && p->nrecent >= 2) {
        MpLoc key = p->recent[p->nrecent - 2].loc;
        key.last_line = key.first_line;
        key.last_column = -1;
        MpBuild_Error(p, key, "':' expected after dictionary key");
        return;
    }
    if (code == NEWLINE && expects(expected, COLON ? nexpected : 0, COLON)) {
        MpBuild_Error(p, loc, "expected ':'");
        return;
    }
    MpBuild_Error(p, loc, "invalid syntax");
}
/* }====== */
