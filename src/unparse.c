/* unparse.c — the source text of an expression tree.

   Under `from __future__ import annotations` an annotation is not
   evaluated: the compiler stores its text, which must be exactly what
   CPython stores, since programs read it back (get_type_hints evals it,
   and tests print __annotations__).  CPython does not keep the source
   either; it rebuilds the text from the tree, and so does this file.

   The algorithm is precedence climbing in reverse.  Every expression kind
   has a precedence level (below, lowest first); unparse(e, level) writes e
   and wraps it in parentheses when e binds less tightly than its context
   demands (its level is below `level`).  Each operator passes its
   operands the level they need: a left-associative binary operator asks
   for its own level on the left and one more on the right, `**` the
   other way round, so that `a - (b - c)` keeps its parentheses and
   `(a - b) - c` loses them.

   Literals are written as repr() writes them (quotes chosen the Python
   way), except that an infinite float, which no literal spells, is
   written 1e309 as CPython does.  f-strings are rebuilt piece by piece
   (doubling literal braces) and then repr()'d as one string with an `f`
   in front.

   CPython counterpart: Python/ast_unparse.c (same levels, same output);
   the code here is written from that description.
   Read first: unparse */
#include "unparse.h"

#include <math.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/list.h"
#include "objects/str.h"

/* Precedence levels, loosest first (CPython's names). */
enum {
    PR_TUPLE,
    PR_TEST,  // if-else, lambda
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,
    PR_TERM,
    PR_FACTOR,
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

static int unparse(const MpNode *e, int level, MpStrBuf *b);

static void
put(MpStrBuf *b, const char *s)
{
    MpStrBuf_Puts(b, s);
}

/* Appends repr(o) and releases o.  0 or -1. */
static int
put_repr_of(MpStrBuf *b, MpObject *o)
{
    if (o == NULL) {
        return -1;
    }
    int r = MpRepr_Append(b, o);
    Mp_DECREF(o);
    return r;
}

/* Appends the items of seq separated by ", ", each at level. */
static int
put_list(const MpSeq *seq, int level, MpStrBuf *b)
{
    for (int i = 0; i < MpSeq_Len(seq); i++) {
        if (i > 0) {
            put(b, ", ");
        }
        if (unparse(seq->items[i], level, b) < 0) {
            return -1;
        }
    }
    return 0;
}

/* {====== Literals ====== */

static int
put_constant(const MpConst *v, const char *kind, MpStrBuf *b)
{
    switch (v->kind) {
    case MP_CONST_NONE:
        put(b, "None");
        return 0;
    case MP_CONST_TRUE:
        put(b, "True");
        return 0;
    case MP_CONST_FALSE:
        put(b, "False");
        return 0;
    case MP_CONST_ELLIPSIS:
        put(b, "...");
        return 0;
    case MP_CONST_INT:
        MpStrBuf_Printf(b, "%lld", (long long)v->u.i);
        return 0;
    case MP_CONST_BIGINT:
        MpStrBuf_Append(b, v->u.str.s, v->u.str.len);
        return 0;
    case MP_CONST_FLOAT:
        if (isinf(v->u.f)) {
            put(b, "1e309");  // the smallest literal that overflows
            return 0;
        }
        return put_repr_of(b, MpFloat_FromDouble(v->u.f));
    case MP_CONST_COMPLEX:
        if (isinf(v->u.f)) {
            put(b, "1e309j");
            return 0;
        }
        return put_repr_of(b, MpComplex_FromDoubles(0.0, v->u.f));
    case MP_CONST_STR:
        if (kind != NULL && strcmp(kind, "u") == 0) {
            put(b, "u");
        }
        return put_repr_of(b, MpStr_FromUTF8(v->u.str.s,
                                             (Mp_ssize_t)v->u.str.len));
    case MP_CONST_BYTES:
        return put_repr_of(b, MpBytes_FromStringAndSize(
                                  v->u.str.s, (Mp_ssize_t)v->u.str.len));
    }
    MpErr_SetString(MpExc_SystemError, "unknown constant kind");
    return -1;
}

/* Appends s with { and } doubled, as literal text inside an f-string. */
static void
put_fstring_text(MpStrBuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        MpStrBuf_Putc(b, s[i]);
        if (s[i] == '{' || s[i] == '}') {
            MpStrBuf_Putc(b, s[i]);
        }
    }
}

static int put_fstring_body(const MpSeq *values, MpStrBuf *b);

/* {value!r:spec} inside an f-string body. */
static int
put_formatted(const MpNode *e, MpStrBuf *b)
{
    MpStrBuf inner = {0};
    if (unparse(e->v.FormattedValue.value, PR_TEST + 1, &inner) < 0) {
        MpStrBuf_Clear(&inner);
        return -1;
    }
    put(b, "{");
    if (inner.data != NULL && inner.data[0] == '{') {
        put(b, " ");  // "{{" would read as an escaped brace
    }
    if (inner.data != NULL) {
        MpStrBuf_Append(b, inner.data, inner.len);
    }
    MpStrBuf_Clear(&inner);
    int conv = e->v.FormattedValue.conversion;
    if (conv == 'r' || conv == 's' || conv == 'a') {
        MpStrBuf_Printf(b, "!%c", conv);
    }
    const MpNode *spec = e->v.FormattedValue.format_spec;
    if (spec != NULL) {
        put(b, ":");
        if (spec->kind == MP_AST_JoinedStr) {
            if (put_fstring_body(spec->v.JoinedStr.values, b) < 0) {
                return -1;
            }
        }
        else if (unparse(spec, PR_TEST, b) < 0) {
            return -1;
        }
    }
    put(b, "}");
    return 0;
}

static int
put_fstring_body(const MpSeq *values, MpStrBuf *b)
{
    for (int i = 0; i < MpSeq_Len(values); i++) {
        const MpNode *v = values->items[i];
        if (v->kind == MP_AST_Constant &&
            v->v.Constant.value.kind == MP_CONST_STR) {
            put_fstring_text(b, v->v.Constant.value.u.str.s,
                             v->v.Constant.value.u.str.len);
        }
        else if (v->kind == MP_AST_FormattedValue) {
            if (put_formatted(v, b) < 0) {
                return -1;
            }
        }
        else if (unparse(v, PR_TEST, b) < 0) {
            return -1;
        }
    }
    return 0;
}

/* f'...': the body built, then written as a str literal after an f. */
static int
put_joinedstr(const MpNode *e, MpStrBuf *b)
{
    MpStrBuf body = {0};
    if (put_fstring_body(e->v.JoinedStr.values, &body) < 0) {
        MpStrBuf_Clear(&body);
        return -1;
    }
    if (body.failed) {
        MpStrBuf_Clear(&body);
        MpErr_NoMemory();
        return -1;
    }
    MpObject *s = MpStr_FromUTF8(body.data ? body.data : "",
                                 (Mp_ssize_t)body.len);
    MpStrBuf_Clear(&body);
    put(b, "f");
    return put_repr_of(b, s);
}
/* }====== */

/* {====== Compound forms ====== */

static int
put_comprehensions(const MpSeq *gens, MpStrBuf *b)
{
    for (int i = 0; i < MpSeq_Len(gens); i++) {
        const MpNode *g = gens->items[i];
        put(b, g->v.comprehension.is_async ? " async for " : " for ");
        if (unparse(g->v.comprehension.target, PR_TUPLE, b) < 0) {
            return -1;
        }
        put(b, " in ");
        if (unparse(g->v.comprehension.iter, PR_TEST + 1, b) < 0) {
            return -1;
        }
        const MpSeq *ifs = g->v.comprehension.ifs;
        for (int k = 0; k < MpSeq_Len(ifs); k++) {
            put(b, " if ");
            if (unparse(ifs->items[k], PR_TEST + 1, b) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

/* elt for ... in ..., between open and close. */
static int
put_comp(const char *open, const MpNode *elt, const MpSeq *gens,
         const char *close, MpStrBuf *b)
{
    put(b, open);
    if (unparse(elt, PR_TEST, b) < 0 || put_comprehensions(gens, b) < 0) {
        return -1;
    }
    put(b, close);
    return 0;
}

/* One parameter of a lambda, with its default when it has one. */
static int
put_param(const char *prefix, const MpNode *arg, const MpNode *dflt,
          MpStrBuf *b)
{
    put(b, prefix);
    put(b, arg->v.arg.arg);
    if (dflt != NULL) {
        put(b, "=");
        return unparse(dflt, PR_TEST, b);
    }
    return 0;
}

/* A lambda's parameter list: a, b=1, /, c, *args, d=2, **kw. */
static int
put_lambda_args(const MpNode *a, MpStrBuf *b)
{
    const MpSeq *posonly = a->v.arguments.posonlyargs;
    const MpSeq *args = a->v.arguments.args;
    const MpSeq *defaults = a->v.arguments.defaults;
    int npos = MpSeq_Len(posonly) + MpSeq_Len(args);
    int first_default = npos - MpSeq_Len(defaults);
    int first = 1;
    for (int i = 0; i < npos; i++) {
        const MpNode *arg = i < MpSeq_Len(posonly)
                                ? posonly->items[i]
                                : args->items[i - MpSeq_Len(posonly)];
        const MpNode *d =
            i >= first_default ? defaults->items[i - first_default] : NULL;
        if (put_param(first ? "" : ", ", arg, d, b) < 0) {
            return -1;
        }
        first = 0;
        if (i + 1 == MpSeq_Len(posonly)) {
            put(b, ", /");
        }
    }
    const MpSeq *kwonly = a->v.arguments.kwonlyargs;
    if (a->v.arguments.vararg != NULL || MpSeq_Len(kwonly) > 0) {
        put(b, first ? "*" : ", *");
        first = 0;
        if (a->v.arguments.vararg != NULL) {
            put(b, a->v.arguments.vararg->v.arg.arg);
        }
    }
    for (int i = 0; i < MpSeq_Len(kwonly); i++) {
        const MpNode *d = a->v.arguments.kw_defaults->items[i];
        if (put_param(", ", kwonly->items[i], d, b) < 0) {
            return -1;
        }
    }
    if (a->v.arguments.kwarg != NULL) {
        put(b, first ? "**" : ", **");
        put(b, a->v.arguments.kwarg->v.arg.arg);
    }
    return 0;
}

static int
put_call(const MpNode *e, MpStrBuf *b)
{
    if (unparse(e->v.Call.func, PR_ATOM, b) < 0) {
        return -1;
    }
    const MpSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    if (MpSeq_Len(args) == 1 && MpSeq_Len(kws) == 0 &&
        ((MpNode *)args->items[0])->kind == MP_AST_GeneratorExp) {
        return unparse(args->items[0], PR_TEST, b);  // f(x for x in y)
    }
    put(b, "(");
    if (put_list(args, PR_TEST, b) < 0) {
        return -1;
    }
    for (int i = 0; i < MpSeq_Len(kws); i++) {
        const MpNode *kw = kws->items[i];
        if (i > 0 || MpSeq_Len(args) > 0) {
            put(b, ", ");
        }
        if (kw->v.keyword.arg == NULL) {
            put(b, "**");
        }
        else {
            put(b, kw->v.keyword.arg);
            put(b, "=");
        }
        if (unparse(kw->v.keyword.value, PR_TEST, b) < 0) {
            return -1;
        }
    }
    put(b, ")");
    return 0;
}

static int
put_dict(const MpNode *e, MpStrBuf *b)
{
    const MpSeq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    put(b, "{");
    for (int i = 0; i < MpSeq_Len(values); i++) {
        const MpNode *k = keys->items[i];
        if (i > 0) {
            put(b, ", ");
        }
        if (k == NULL) {
            put(b, "**");
            if (unparse(values->items[i], PR_EXPR, b) < 0) {
                return -1;
            }
            continue;
        }
        if (unparse(k, PR_TEST, b) < 0) {
            return -1;
        }
        put(b, ": ");
        if (unparse(values->items[i], PR_TEST, b) < 0) {
            return -1;
        }
    }
    put(b, "}");
    return 0;
}

static int
put_slice(const MpNode *e, MpStrBuf *b)
{
    if (e->v.Slice.lower != NULL && unparse(e->v.Slice.lower, PR_TEST, b) < 0) {
        return -1;
    }
    put(b, ":");
    if (e->v.Slice.upper != NULL && unparse(e->v.Slice.upper, PR_TEST, b) < 0) {
        return -1;
    }
    if (e->v.Slice.step != NULL) {
        put(b, ":");
        if (unparse(e->v.Slice.step, PR_TEST, b) < 0) {
            return -1;
        }
    }
    return 0;
}
/* }====== */

/* {====== Operators ====== */

static const char *const cmp_text[] = {
    " == ", " != ", " < ", " <= ", " > ", " >= ",
    " is ", " is not ", " in ", " not in ",
};

static void
binop_info(MpOperator op, const char **text, int *pr)
{
    switch (op) {
    case MP_OP_Add: *text = " + "; *pr = PR_ARITH; return;
    case MP_OP_Sub: *text = " - "; *pr = PR_ARITH; return;
    case MP_OP_Mult: *text = " * "; *pr = PR_TERM; return;
    case MP_OP_MatMult: *text = " @ "; *pr = PR_TERM; return;
    case MP_OP_Div: *text = " / "; *pr = PR_TERM; return;
    case MP_OP_Mod: *text = " % "; *pr = PR_TERM; return;
    case MP_OP_FloorDiv: *text = " // "; *pr = PR_TERM; return;
    case MP_OP_LShift: *text = " << "; *pr = PR_SHIFT; return;
    case MP_OP_RShift: *text = " >> "; *pr = PR_SHIFT; return;
    case MP_OP_BitOr: *text = " | "; *pr = PR_BOR; return;
    case MP_OP_BitXor: *text = " ^ "; *pr = PR_BXOR; return;
    case MP_OP_BitAnd: *text = " & "; *pr = PR_BAND; return;
    case MP_OP_Pow: *text = " ** "; *pr = PR_POWER; return;
    }
    *text = " ? ";
    *pr = PR_ATOM;
}

/* e at the given context level; parentheses when e binds looser. */
static int
unparse(const MpNode *e, int level, MpStrBuf *b)
{
    int pr, r;
    const char *text;
    switch (e->kind) {
    case MP_AST_BoolOp: {
        pr = e->v.BoolOp.op == MP_OP_And ? PR_AND : PR_OR;
        text = e->v.BoolOp.op == MP_OP_And ? " and " : " or ";
        if (level > pr) {
            put(b, "(");
        }
        const MpSeq *vals = e->v.BoolOp.values;
        for (int i = 0; i < MpSeq_Len(vals); i++) {
            if (i > 0) {
                put(b, text);
            }
            if (unparse(vals->items[i], pr + 1, b) < 0) {
                return -1;
            }
        }
        break;
    }
    case MP_AST_BinOp: {
        binop_info(e->v.BinOp.op, &text, &pr);
        int rassoc = e->v.BinOp.op == MP_OP_Pow;
        if (level > pr) {
            put(b, "(");
        }
        if (unparse(e->v.BinOp.left, pr + rassoc, b) < 0) {
            return -1;
        }
        put(b, text);
        if (unparse(e->v.BinOp.right, pr + !rassoc, b) < 0) {
            return -1;
        }
        break;
    }
    case MP_AST_UnaryOp:
        switch (e->v.UnaryOp.op) {
        case MP_OP_Invert: text = "~"; pr = PR_FACTOR; break;
        case MP_OP_Not: text = "not "; pr = PR_NOT; break;
        case MP_OP_UAdd: text = "+"; pr = PR_FACTOR; break;
        default: text = "-"; pr = PR_FACTOR; break;
        }
        if (level > pr) {
            put(b, "(");
        }
        put(b, text);
        if (unparse(e->v.UnaryOp.operand, pr, b) < 0) {
            return -1;
        }
        break;
    case MP_AST_Lambda: {
        pr = PR_TEST;
        if (level > pr) {
            put(b, "(");
        }
        const MpNode *a = e->v.Lambda.args;
        /* CPython's quirk: the space only before positional parameters,
           so `lambda *, a: 0` comes out as "lambda*, a: 0" */
        int has_args = MpSeq_Len(a->v.arguments.posonlyargs) +
                           MpSeq_Len(a->v.arguments.args) >
                       0;
        put(b, has_args ? "lambda " : "lambda");
        if (put_lambda_args(a, b) < 0) {
            return -1;
        }
        put(b, ": ");
        if (unparse(e->v.Lambda.body, PR_TEST, b) < 0) {
            return -1;
        }
        break;
    }
    case MP_AST_IfExp:
        pr = PR_TEST;
        if (level > pr) {
            put(b, "(");
        }
        if (unparse(e->v.IfExp.body, PR_TEST + 1, b) < 0) {
            return -1;
        }
        put(b, " if ");
        if (unparse(e->v.IfExp.test, PR_TEST + 1, b) < 0) {
            return -1;
        }
        put(b, " else ");
        if (unparse(e->v.IfExp.orelse, PR_TEST, b) < 0) {
            return -1;
        }
        break;
    case MP_AST_Compare: {
        pr = PR_CMP;
        if (level > pr) {
            put(b, "(");
        }
        if (unparse(e->v.Compare.left, PR_CMP + 1, b) < 0) {
            return -1;
        }
        const MpSeq *comps = e->v.Compare.comparators;
        for (int i = 0; i < MpSeq_Len(comps); i++) {
            put(b, cmp_text[e->v.Compare.ops->items[i]]);
            if (unparse(comps->items[i], PR_CMP + 1, b) < 0) {
                return -1;
            }
        }
        break;
    }
    case MP_AST_NamedExpr:
        pr = PR_TUPLE;
        if (level > pr) {
            put(b, "(");
        }
        if (unparse(e->v.NamedExpr.target, PR_ATOM, b) < 0) {
            return -1;
        }
        put(b, " := ");
        if (unparse(e->v.NamedExpr.value, PR_ATOM, b) < 0) {
            return -1;
        }
        break;
    case MP_AST_Await:
        pr = PR_AWAIT;
        if (level > pr) {
            put(b, "(");
        }
        put(b, "await ");
        if (unparse(e->v.Await.value, PR_ATOM, b) < 0) {
            return -1;
        }
        break;
    case MP_AST_Yield:
    case MP_AST_YieldFrom: {
        const MpNode *v = e->kind == MP_AST_Yield ? e->v.Yield.value
                                                  : e->v.YieldFrom.value;
        put(b, e->kind == MP_AST_Yield ? "(yield" : "(yield from");
        if (v != NULL) {
            put(b, " ");
            if (unparse(v, PR_TEST, b) < 0) {
                return -1;
            }
        }
        put(b, ")");
        return 0;
    }
    case MP_AST_Tuple: {
        const MpSeq *elts = e->v.Tuple.elts;
        if (MpSeq_Len(elts) == 0) {
            put(b, "()");
            return 0;
        }
        pr = PR_TUPLE;
        if (level > pr) {
            put(b, "(");
        }
        if (put_list(elts, PR_TEST, b) < 0) {
            return -1;
        }
        if (MpSeq_Len(elts) == 1) {
            put(b, ",");
        }
        break;
    }
    default:
        pr = PR_ATOM;  // the forms below never need parentheses
        switch (e->kind) {
        case MP_AST_Name:
            put(b, e->v.Name.id);
            return 0;
        case MP_AST_Constant:
            return put_constant(&e->v.Constant.value, e->v.Constant.kind,
                                b);
        case MP_AST_JoinedStr:
            return put_joinedstr(e, b);
        case MP_AST_FormattedValue: {
            /* only inside an f-string; alone, show it as one */
            MpStrBuf body = {0};
            r = put_formatted(e, &body);
            if (r == 0) {
                MpObject *s = MpStr_FromUTF8(body.data ? body.data : "",
                                             (Mp_ssize_t)body.len);
                put(b, "f");
                r = put_repr_of(b, s);
            }
            MpStrBuf_Clear(&body);
            return r;
        }
        case MP_AST_Attribute: {
            const MpNode *v = e->v.Attribute.value;
            if (unparse(v, PR_ATOM, b) < 0) {
                return -1;
            }
            /* 1 .real: "1." would read as a float */
            int is_int = v->kind == MP_AST_Constant &&
                         (v->v.Constant.value.kind == MP_CONST_INT ||
                          v->v.Constant.value.kind == MP_CONST_BIGINT);
            put(b, is_int ? " ." : ".");
            put(b, e->v.Attribute.attr);
            return 0;
        }
        case MP_AST_Subscript:
            if (unparse(e->v.Subscript.value, PR_ATOM, b) < 0) {
                return -1;
            }
            put(b, "[");
            if (unparse(e->v.Subscript.slice, PR_TUPLE, b) < 0) {
                return -1;
            }
            put(b, "]");
            return 0;
        case MP_AST_Slice:
            return put_slice(e, b);
        case MP_AST_Starred:
            put(b, "*");
            return unparse(e->v.Starred.value, PR_EXPR, b);
        case MP_AST_Call:
            return put_call(e, b);
        case MP_AST_List:
            put(b, "[");
            if (put_list(e->v.List.elts, PR_TEST, b) < 0) {
                return -1;
            }
            put(b, "]");
            return 0;
        case MP_AST_Set:
            if (MpSeq_Len(e->v.Set.elts) == 0) {
                put(b, "{*()}");  // no literal spells the empty set
                return 0;
            }
            put(b, "{");
            if (put_list(e->v.Set.elts, PR_TEST, b) < 0) {
                return -1;
            }
            put(b, "}");
            return 0;
        case MP_AST_Dict:
            return put_dict(e, b);
        case MP_AST_ListComp:
            return put_comp("[", e->v.ListComp.elt,
                            e->v.ListComp.generators, "]", b);
        case MP_AST_SetComp:
            return put_comp("{", e->v.SetComp.elt, e->v.SetComp.generators,
                            "}", b);
        case MP_AST_GeneratorExp:
            return put_comp("(", e->v.GeneratorExp.elt,
                            e->v.GeneratorExp.generators, ")", b);
        case MP_AST_DictComp:
            put(b, "{");
            if (unparse(e->v.DictComp.key, PR_TEST, b) < 0) {
                return -1;
            }
            put(b, ": ");
            if (unparse(e->v.DictComp.value, PR_TEST, b) < 0 ||
                put_comprehensions(e->v.DictComp.generators, b) < 0) {
                return -1;
            }
            put(b, "}");
            return 0;
        default:
            MpErr_Format(MpExc_SystemError, "unknown expression kind %d",
                         (int)e->kind);
            return -1;
        }
    }
    if (level > pr) {
        put(b, ")");
    }
    return 0;
}
/* }====== */

int
MpAst_UnparseAnnotation(const MpNode *e, MpStrBuf *b)
{
    if (unparse(e, PR_TEST, b) < 0) {
        return -1;
    }
    if (b->failed) {
        MpErr_NoMemory();
        return -1;
    }
    return 0;
}
