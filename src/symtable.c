/* symtable.c — the symbol table: the scope of every name.

   Two passes, as CPython's Python/symtable.c:

   1. The visit (symtable_visit_stmt/expr) walks the tree once, opening a
      block for the module, each class, def, lambda and comprehension, and
      records in each block how each name occurs there (MP_DEF_* flags):
      assigned, a parameter, imported, read, declared global or nonlocal.
      It also catches the errors that only need one block: a `global`
      after a use, duplicate parameters, `import *` in a function, walrus
      misuse in comprehensions, 'yield' inside a comprehension.

   2. The analysis (analyze_block) walks the blocks top-down carrying three
      sets: `bound` (names bound in enclosing *function* scopes, visible to
      closures), `global` (names known global), and collects `free` (names
      the block and its children need from outside).  For each name:

        declared global          -> GLOBAL_EXPLICIT
        declared nonlocal        -> FREE (it must be in `bound`)
        bound here               -> LOCAL
        in `bound`               -> FREE
        otherwise                -> GLOBAL_IMPLICIT

      Then, bottom-up: a LOCAL name of a function that some child needs
      free becomes a CELL.  Class bodies are special: their names are not
      in `bound` for their children (methods do not see class variables),
      but a name free in a method and bound in the class is marked
      MP_DEF_FREE_CLASS so the class still passes the enclosing function's
      cell through.  A method that mentions `super` or `__class__` uses the
      implicit `__class__`, which the class block binds: the class then
      gets a `__class__` cell (needs_class_closure) that type creation
      fills with the new class.

   Comprehensions are function blocks with one parameter, ".0" (the
   iterator of the first `for`); that first iterable is visited in the
   enclosing block, because it is evaluated there.  A walrus inside a
   comprehension binds in the nearest enclosing non-comprehension scope.

   Names starting with two underscores are mangled inside classes
   (`__x` in class C is `_C__x`) before they are recorded.

   Memory: the blocks and their tables are malloc'd and freed by
   MpSymtable_Free; mangled names live in the table's own arena.

   CPython counterpart: Python/symtable.c.
   Read first: analyze_block. */
#include "symtable.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"

/* {====== Name tables ====== */

static unsigned
name_hash(const char *s)
{
    unsigned h = 2166136261u;  // FNV-1a
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

int
MpNameTab_Find(const MpNameTab *t, const char *name)
{
    if (t->isize == 0) {
        return -1;
    }
    unsigned mask = (unsigned)t->isize - 1;
    for (unsigned i = name_hash(name) & mask;; i = (i + 1) & mask) {
        int e = t->index[i];
        if (e < 0) {
            return -1;
        }
        if (strcmp(t->names[e], name) == 0) {
            return e;
        }
    }
}

static void
nametab_insert_index(MpNameTab *t, int e)
{
    unsigned mask = (unsigned)t->isize - 1;
    unsigned i = name_hash(t->names[e]) & mask;
    while (t->index[i] >= 0) {
        i = (i + 1) & mask;
    }
    t->index[i] = e;
}

int
MpNameTab_Add(MpNameTab *t, const char *name, int val)
{
    if (t->n == t->cap) {
        int cap = t->cap ? 2 * t->cap : 8;
        const char **names = realloc(t->names, cap * sizeof *names);
        if (names == NULL) {
            return -1;
        }
        t->names = names;
        int *vals = realloc(t->vals, cap * sizeof *vals);
        if (vals == NULL) {
            return -1;
        }
        t->vals = vals;
        const void **aux = realloc(t->aux, cap * sizeof *aux);
        if (aux == NULL) {
            return -1;
        }
        t->aux = aux;
        t->cap = cap;
    }
    if (2 * (t->n + 1) >= t->isize) {
        int isize = t->isize ? 2 * t->isize : 16;
        int *index = malloc(isize * sizeof *index);
        if (index == NULL) {
            return -1;
        }
        free(t->index);
        t->index = index;
        t->isize = isize;
        memset(index, -1, isize * sizeof *index);
        for (int e = 0; e < t->n; e++) {
            nametab_insert_index(t, e);
        }
    }
    int e = t->n++;
    t->names[e] = name;
    t->vals[e] = val;
    t->aux[e] = NULL;
    nametab_insert_index(t, e);
    return e;
}

int
MpNameTab_Intern(MpNameTab *t, const char *name, int val)
{
    int e = MpNameTab_Find(t, name);
    return e >= 0 ? e : MpNameTab_Add(t, name, val);
}

void
MpNameTab_Clear(MpNameTab *t)
{
    free(t->names);
    free(t->vals);
    free(t->aux);
    free(t->index);
    memset(t, 0, sizeof *t);
}

/* Sets used by the analysis: a name table whose val is 1 while the name is
   a member (removal sets it to 0). */
static int
set_has(const MpNameTab *s, const char *name)
{
    int e = MpNameTab_Find(s, name);
    return e >= 0 && s->vals[e];
}

static int
set_add(MpNameTab *s, const char *name)
{
    int e = MpNameTab_Find(s, name);
    if (e >= 0) {
        s->vals[e] = 1;
        return 0;
    }
    return MpNameTab_Add(s, name, 1) < 0 ? -1 : 0;
}

static void
set_discard(MpNameTab *s, const char *name)
{
    int e = MpNameTab_Find(s, name);
    if (e >= 0) {
        s->vals[e] = 0;
    }
}

/* dst |= src */
static int
set_update(MpNameTab *dst, const MpNameTab *src)
{
    for (int e = 0; e < src->n; e++) {
        if (src->vals[e] && set_add(dst, src->names[e]) < 0) {
            return -1;
        }
    }
    return 0;
}
/* }====== */

/* {====== The table ====== */

struct MpSymtable {
    MpArena *arena;           // mangled names
    MpSyntaxError *err;
    int flags;
    MpSymEntry *top;
    MpSymEntry *cur;          // the block being visited
    const char *private_name; // the innermost class being visited
    /* node -> block, open addressing on the node pointer */
    const MpNode **keys;
    MpSymEntry **vals;
    int msize, mused;
    int depth;                // recursion guard
};

/* The visit's recursion limit: the parser already bounds nesting, this
   only keeps a hand-built tree from overflowing the C stack. */
#define MAX_DEPTH 3000

static unsigned
ptr_hash(const void *p)
{
    uintptr_t v = (uintptr_t)p;
    return (unsigned)((v >> 4) ^ (v >> 20)) * 2654435761u;
}

static int
map_put(MpSymtable *st, const MpNode *node, MpSymEntry *e)
{
    if (2 * (st->mused + 1) >= st->msize) {
        int size = st->msize ? 2 * st->msize : 64;
        const MpNode **keys = calloc(size, sizeof *keys);
        MpSymEntry **vals = calloc(size, sizeof *vals);
        if (keys == NULL || vals == NULL) {
            free(keys);
            free(vals);
            return -1;
        }
        for (int i = 0; i < st->msize; i++) {
            if (st->keys[i] != NULL) {
                unsigned j = ptr_hash(st->keys[i]) & (size - 1);
                while (keys[j] != NULL) {
                    j = (j + 1) & (size - 1);
                }
                keys[j] = st->keys[i];
                vals[j] = st->vals[i];
            }
        }
        free(st->keys);
        free(st->vals);
        st->keys = keys;
        st->vals = vals;
        st->msize = size;
    }
    unsigned j = ptr_hash(node) & (st->msize - 1);
    while (st->keys[j] != NULL) {
        j = (j + 1) & (st->msize - 1);
    }
    st->keys[j] = node;
    st->vals[j] = e;
    st->mused++;
    return 0;
}

MpSymEntry *
MpSymtable_Lookup(MpSymtable *st, const MpNode *node)
{
    if (st->msize == 0) {
        return NULL;
    }
    unsigned j = ptr_hash(node) & (st->msize - 1);
    while (st->keys[j] != NULL) {
        if (st->keys[j] == node) {
            return st->vals[j];
        }
        j = (j + 1) & (st->msize - 1);
    }
    return NULL;
}

MpSymEntry *
MpSymtable_Top(MpSymtable *st)
{
    return st->top;
}

MpSymEntry *
MpSymEntry_Child(MpSymEntry *e, const char *name)
{
    for (int i = 0; i < e->nchildren; i++) {
        if (strcmp(e->children[i]->name, name) == 0) {
            return e->children[i];
        }
    }
    return NULL;
}

int
MpSymEntry_Flags(const MpSymEntry *e, const char *name)
{
    int i = MpNameTab_Find(&e->symbols, name);
    return i < 0 ? 0 : e->symbols.vals[i];
}

MpScope
MpSymEntry_Scope(const MpSymEntry *e, const char *name)
{
    return (MpScope)((MpSymEntry_Flags(e, name) & MP_SCOPE_MASK) >>
                     MP_SCOPE_SHIFT);
}

static void
entry_free(MpSymEntry *e)
{
    if (e == NULL) {
        return;
    }
    for (int i = 0; i < e->nchildren; i++) {
        entry_free(e->children[i]);
    }
    free(e->children);
    free(e->params);
    MpNameTab_Clear(&e->symbols);
    free(e);
}

void
MpSymtable_Free(MpSymtable *st)
{
    if (st == NULL) {
        return;
    }
    entry_free(st->top);
    free(st->keys);
    free(st->vals);
    MpArena_Free(st->arena);
    free(st);
}

const char *
MpSymtable_Mangle(MpArena *arena, const char *private_name, const char *name)
{
    size_t nlen = strlen(name);
    if (private_name == NULL || nlen < 2 || name[0] != '_' ||
        name[1] != '_') {
        return name;
    }
    if ((nlen >= 2 && name[nlen - 1] == '_' && name[nlen - 2] == '_') ||
        strchr(name, '.') != NULL) {
        return name;  // dunder names and dotted import names stay
    }
    while (*private_name == '_') {
        private_name++;
    }
    if (*private_name == '\0') {
        return name;  // a class called only with underscores
    }
    size_t plen = strlen(private_name);
    char *out = MpArena_Alloc(arena, 1 + plen + nlen + 1);
    if (out == NULL) {
        return NULL;
    }
    out[0] = '_';
    memcpy(out + 1, private_name, plen);
    memcpy(out + 1 + plen, name, nlen + 1);
    return out;
}
/* }====== */

/* {====== Errors ====== */

static int
st_error(MpSymtable *st, const MpNode *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
st_error(MpSymtable *st, const MpNode *at, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    MpSyntaxError_Set(st->err, MP_ERR_SYNTAX, at->lineno, at->col_offset,
                      at->end_lineno, at->end_col_offset, "%s", msg);
    return -1;
}

static int
st_nomem(MpSymtable *st)
{
    if (st->err->kind == MP_ERR_NONE) {
        st->err->kind = MP_ERR_MEMORY;
        snprintf(st->err->msg, sizeof st->err->msg, "out of memory");
    }
    return -1;
}

/* The tree nests deeper than the compiler may recurse: CPython's limit is
   the recursion limit times COMPILER_STACK_FRAME_SCALE (3), 3000. */
static int
st_too_deep(MpSymtable *st)
{
    if (st->err->kind == MP_ERR_NONE) {
        st->err->kind = MP_ERR_RECURSION;
        snprintf(st->err->msg, sizeof st->err->msg,
                 "maximum recursion depth exceeded during compilation");
    }
    return -1;
}
/* }====== */

/* {====== The visit ====== */

static int
enter_block(MpSymtable *st, const char *name, MpBlockType type,
            const MpNode *node)
{
    MpSymEntry *e = calloc(1, sizeof *e);
    if (e == NULL) {
        return st_nomem(st);
    }
    e->type = type;
    e->name = name;
    e->node = node;
    e->parent = st->cur;
    e->private_name = st->private_name;
    if (st->cur != NULL) {
        MpSymEntry *p = st->cur;
        e->nested = p->nested || p->type == MP_BLOCK_FUNCTION;
        if (p->nchildren == p->capchildren) {
            int cap = p->capchildren ? 2 * p->capchildren : 4;
            MpSymEntry **c = realloc(p->children, cap * sizeof *c);
            if (c == NULL) {
                free(e);
                return st_nomem(st);
            }
            p->children = c;
            p->capchildren = cap;
        }
        p->children[p->nchildren++] = e;
    } else {
        st->top = e;
    }
    if (node != NULL && map_put(st, node, e) < 0) {
        return st_nomem(st);
    }
    st->cur = e;
    return 0;
}

static void
exit_block(MpSymtable *st)
{
    st->cur = st->cur->parent;
}

/* Records flag for name in block e; `at` locates errors. */
static int
add_def_in(MpSymtable *st, MpSymEntry *e, const char *name, int flag,
           const MpNode *at)
{
    const char *mangled = MpSymtable_Mangle(st->arena, e->private_name, name);
    if (mangled == NULL) {
        return st_nomem(st);
    }
    int i = MpNameTab_Find(&e->symbols, mangled);
    if (i >= 0) {
        if ((flag & MP_DEF_PARAM) && (e->symbols.vals[i] & MP_DEF_PARAM)) {
            return st_error(st, at,
                            "duplicate argument '%s' in function definition",
                            mangled);
        }
        e->symbols.vals[i] |= flag;
    } else {
        i = MpNameTab_Add(&e->symbols, mangled, flag);
        if (i < 0) {
            return st_nomem(st);
        }
    }
    if (flag & MP_DEF_PARAM) {
        const char **p = realloc(e->params, (e->nparams + 1) * sizeof *p);
        if (p == NULL) {
            return st_nomem(st);
        }
        e->params = p;
        e->params[e->nparams++] = mangled;
    }
    if ((flag & (MP_DEF_GLOBAL | MP_DEF_NONLOCAL)) &&
        e->symbols.aux[i] == NULL) {
        /* where the first directive is, for analysis errors (CPython's
           error_at_directive reports the first) */
        e->symbols.aux[i] = at;
    }
    return 0;
}

static int
add_def(MpSymtable *st, const char *name, int flag, const MpNode *at)
{
    return add_def_in(st, st->cur, name, flag, at);
}

static int
lookup_flags(MpSymtable *st, const char *name)
{
    const char *mangled =
        MpSymtable_Mangle(st->arena, st->cur->private_name, name);
    return mangled == NULL ? 0 : MpSymEntry_Flags(st->cur, mangled);
}

static int visit_stmt(MpSymtable *st, MpNode *s);
static int visit_expr(MpSymtable *st, MpNode *e);

static int
visit_stmts(MpSymtable *st, MpSeq *seq)
{
    for (int i = 0; i < MpSeq_Len(seq); i++) {
        if (visit_stmt(st, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Visits a list of expressions; NULL items (a `**` key, a missing
   keyword-only default) are skipped. */
static int
visit_exprs(MpSymtable *st, MpSeq *seq)
{
    for (int i = 0; i < MpSeq_Len(seq); i++) {
        if (seq->items[i] != NULL && visit_expr(st, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
visit_annotation(MpSymtable *st, MpNode *ann)
{
    if (ann == NULL || (st->flags & MP_COMPILE_FUTURE_ANNOTATIONS)) {
        return 0;  // a string: no name in it is evaluated
    }
    return visit_expr(st, ann);
}

/* The annotations of a def, visited in the enclosing block. */
static int
visit_arg_annotations(MpSymtable *st, MpNode *args, MpNode *returns)
{
    struct MpAst_arguments_f *a = &args->v.arguments;
    MpSeq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++) {
        for (int i = 0; i < MpSeq_Len(lists[l]); i++) {
            MpNode *arg = lists[l]->items[i];
            if (visit_annotation(st, arg->v.arg.annotation) < 0) {
                return -1;
            }
        }
    }
    if (a->vararg && visit_annotation(st, a->vararg->v.arg.annotation) < 0) {
        return -1;
    }
    if (a->kwarg && visit_annotation(st, a->kwarg->v.arg.annotation) < 0) {
        return -1;
    }
    return visit_annotation(st, returns);
}

/* The parameters, in slot order, inside the new block. */
static int
visit_params(MpSymtable *st, MpNode *args)
{
    struct MpAst_arguments_f *a = &args->v.arguments;
    MpSeq *lists[3] = {a->posonlyargs, a->args, a->kwonlyargs};
    for (int l = 0; l < 3; l++) {
        for (int i = 0; i < MpSeq_Len(lists[l]); i++) {
            MpNode *arg = lists[l]->items[i];
            if (add_def(st, arg->v.arg.arg, MP_DEF_PARAM, arg) < 0) {
                return -1;
            }
        }
    }
    if (a->vararg != NULL) {
        if (add_def(st, a->vararg->v.arg.arg, MP_DEF_PARAM, a->vararg) < 0) {
            return -1;
        }
        st->cur->varargs = 1;
    }
    if (a->kwarg != NULL) {
        if (add_def(st, a->kwarg->v.arg.arg, MP_DEF_PARAM, a->kwarg) < 0) {
            return -1;
        }
        st->cur->varkeywords = 1;
    }
    return 0;
}

static int
visit_defaults(MpSymtable *st, MpNode *args)
{
    if (visit_exprs(st, args->v.arguments.defaults) < 0) {
        return -1;
    }
    return visit_exprs(st, args->v.arguments.kw_defaults);
}

static int
visit_directive(MpSymtable *st, MpNode *s, int global)
{
    MpSeq *names = global ? s->v.Global.names : s->v.Nonlocal.names;
    const char *what = global ? "global" : "nonlocal";
    for (int i = 0; i < MpSeq_Len(names); i++) {
        const char *name = names->items[i];
        int cur = lookup_flags(st, name);
        if (cur & (MP_DEF_PARAM | MP_DEF_LOCAL | MP_DEF_USE | MP_DEF_ANNOT)) {
            if (cur & MP_DEF_PARAM) {
                return st_error(st, s, "name '%s' is parameter and %s", name,
                                what);
            }
            if (cur & MP_DEF_USE) {
                return st_error(st, s,
                                "name '%s' is used prior to %s declaration",
                                name, what);
            }
            if (cur & MP_DEF_ANNOT) {
                return st_error(st, s, "annotated name '%s' can't be %s",
                                name, what);
            }
            return st_error(st, s,
                            "name '%s' is assigned to before %s declaration",
                            name, what);
        }
        if (add_def(st, name, global ? MP_DEF_GLOBAL : MP_DEF_NONLOCAL, s) <
            0) {
            return -1;
        }
    }
    return 0;
}

static int
visit_alias(MpSymtable *st, MpNode *alias, MpNode *stmt)
{
    const char *name = alias->v.alias.name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->type != MP_BLOCK_MODULE) {
            return st_error(st, alias, "import * only allowed at module level");
        }
        return 0;
    }
    const char *store = alias->v.alias.asname;
    if (store == NULL) {
        const char *dot = strchr(name, '.');
        store = dot == NULL ? name
                            : MpArena_Strndup(st->arena, name, dot - name);
        if (store == NULL) {
            return st_nomem(st);
        }
    }
    return add_def(st, store, MP_DEF_IMPORT, alias);
}

/* Names bound by a match pattern (compiled as unsupported, but its names
   still belong to the block). */
static int
visit_pattern(MpSymtable *st, MpNode *p)
{
    if (p == NULL) {
        return 0;
    }
    switch (p->kind) {
    case MP_AST_MatchValue:
        return visit_expr(st, p->v.MatchValue.value);
    case MP_AST_MatchSequence:
    case MP_AST_MatchOr: {
        MpSeq *ps = p->kind == MP_AST_MatchOr ? p->v.MatchOr.patterns
                                              : p->v.MatchSequence.patterns;
        for (int i = 0; i < MpSeq_Len(ps); i++) {
            if (visit_pattern(st, ps->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    case MP_AST_MatchMapping:
        if (visit_exprs(st, p->v.MatchMapping.keys) < 0) {
            return -1;
        }
        for (int i = 0; i < MpSeq_Len(p->v.MatchMapping.patterns); i++) {
            if (visit_pattern(st, p->v.MatchMapping.patterns->items[i]) < 0) {
                return -1;
            }
        }
        if (p->v.MatchMapping.rest) {
            return add_def(st, p->v.MatchMapping.rest, MP_DEF_LOCAL, p);
        }
        return 0;
    case MP_AST_MatchClass:
        if (visit_expr(st, p->v.MatchClass.cls) < 0) {
            return -1;
        }
        for (int i = 0; i < MpSeq_Len(p->v.MatchClass.patterns); i++) {
            if (visit_pattern(st, p->v.MatchClass.patterns->items[i]) < 0) {
                return -1;
            }
        }
        for (int i = 0; i < MpSeq_Len(p->v.MatchClass.kwd_patterns); i++) {
            if (visit_pattern(st, p->v.MatchClass.kwd_patterns->items[i]) <
                0) {
                return -1;
            }
        }
        return 0;
    case MP_AST_MatchStar:
        return p->v.MatchStar.name
                   ? add_def(st, p->v.MatchStar.name, MP_DEF_LOCAL, p)
                   : 0;
    case MP_AST_MatchAs:
        if (visit_pattern(st, p->v.MatchAs.pattern) < 0) {
            return -1;
        }
        return p->v.MatchAs.name
                   ? add_def(st, p->v.MatchAs.name, MP_DEF_LOCAL, p)
                   : 0;
    default:
        return 0;
    }
}

static int
visit_function(MpSymtable *st, MpNode *s, const char *name, MpNode *args,
               MpSeq *body, MpSeq *decorators, MpNode *returns, int async)
{
    if (add_def(st, name, MP_DEF_LOCAL, s) < 0 ||
        visit_defaults(st, args) < 0 ||
        visit_arg_annotations(st, args, returns) < 0 ||
        visit_exprs(st, decorators) < 0 ||
        enter_block(st, name, MP_BLOCK_FUNCTION, s) < 0) {
        return -1;
    }
    st->cur->coroutine = async;
    if (visit_params(st, args) < 0 || visit_stmts(st, body) < 0) {
        return -1;
    }
    exit_block(st);
    return 0;
}

static int
visit_stmt(MpSymtable *st, MpNode *s)
{
    if (++st->depth > MAX_DEPTH) {
        return st_too_deep(st);
    }
    int r = 0;
    switch (s->kind) {
    case MP_AST_FunctionDef:
        r = visit_function(st, s, s->v.FunctionDef.name, s->v.FunctionDef.args,
                           s->v.FunctionDef.body,
                           s->v.FunctionDef.decorator_list,
                           s->v.FunctionDef.returns, 0);
        break;
    case MP_AST_AsyncFunctionDef:
        r = visit_function(st, s, s->v.AsyncFunctionDef.name,
                           s->v.AsyncFunctionDef.args,
                           s->v.AsyncFunctionDef.body,
                           s->v.AsyncFunctionDef.decorator_list,
                           s->v.AsyncFunctionDef.returns, 1);
        break;
    case MP_AST_ClassDef: {
        struct MpAst_ClassDef_f *c = &s->v.ClassDef;
        if (add_def(st, c->name, MP_DEF_LOCAL, s) < 0 ||
            visit_exprs(st, c->bases) < 0) {
            return -1;
        }
        for (int i = 0; i < MpSeq_Len(c->keywords); i++) {
            MpNode *kw = c->keywords->items[i];
            if (visit_expr(st, kw->v.keyword.value) < 0) {
                return -1;
            }
        }
        if (visit_exprs(st, c->decorator_list) < 0 ||
            enter_block(st, c->name, MP_BLOCK_CLASS, s) < 0) {
            return -1;
        }
        const char *saved = st->private_name;
        st->private_name = c->name;
        st->cur->private_name = c->name;
        r = visit_stmts(st, c->body);
        st->private_name = saved;
        exit_block(st);
        break;
    }
    case MP_AST_Return:
        if (s->v.Return.value != NULL) {
            r = visit_expr(st, s->v.Return.value);
            st->cur->returns_value = 1;
        }
        break;
    case MP_AST_Delete:
        r = visit_exprs(st, s->v.Delete.targets);
        break;
    case MP_AST_Assign:
        r = visit_exprs(st, s->v.Assign.targets) < 0
                ? -1
                : visit_expr(st, s->v.Assign.value);
        break;
    case MP_AST_AnnAssign: {
        struct MpAst_AnnAssign_f *a = &s->v.AnnAssign;
        if (a->target->kind == MP_AST_Name) {
            const char *name = a->target->v.Name.id;
            int cur = lookup_flags(st, name);
            if ((cur & (MP_DEF_GLOBAL | MP_DEF_NONLOCAL)) &&
                st->cur != st->top && a->simple) {
                return st_error(st, s, "annotated name '%s' can't be %s",
                                name,
                                cur & MP_DEF_GLOBAL ? "global" : "nonlocal");
            }
            if (a->simple) {
                r = add_def(st, name, MP_DEF_ANNOT | MP_DEF_LOCAL, a->target);
            } else if (a->value != NULL) {
                r = add_def(st, name, MP_DEF_LOCAL, a->target);
            }
        } else {
            r = visit_expr(st, a->target);
        }
        if (r < 0 || visit_annotation(st, a->annotation) < 0) {
            return -1;
        }
        if (a->value != NULL) {
            r = visit_expr(st, a->value);
        }
        break;
    }
    case MP_AST_AugAssign:
        r = visit_expr(st, s->v.AugAssign.target) < 0
                ? -1
                : visit_expr(st, s->v.AugAssign.value);
        break;
    case MP_AST_For:
    case MP_AST_AsyncFor:
        if (visit_expr(st, s->v.For.target) < 0 ||
            visit_expr(st, s->v.For.iter) < 0 ||
            visit_stmts(st, s->v.For.body) < 0) {
            return -1;
        }
        r = visit_stmts(st, s->v.For.orelse);
        break;
    case MP_AST_While:
        if (visit_expr(st, s->v.While.test) < 0 ||
            visit_stmts(st, s->v.While.body) < 0) {
            return -1;
        }
        r = visit_stmts(st, s->v.While.orelse);
        break;
    case MP_AST_If:
        if (visit_expr(st, s->v.If.test) < 0 ||
            visit_stmts(st, s->v.If.body) < 0) {
            return -1;
        }
        r = visit_stmts(st, s->v.If.orelse);
        break;
    case MP_AST_Match:
        if (visit_expr(st, s->v.Match.subject) < 0) {
            return -1;
        }
        for (int i = 0; i < MpSeq_Len(s->v.Match.cases); i++) {
            MpNode *c = s->v.Match.cases->items[i];
            if (visit_pattern(st, c->v.match_case.pattern) < 0 ||
                (c->v.match_case.guard &&
                 visit_expr(st, c->v.match_case.guard) < 0) ||
                visit_stmts(st, c->v.match_case.body) < 0) {
                return -1;
            }
        }
        break;
    case MP_AST_Raise:
        if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0) {
            return -1;
        }
        if (s->v.Raise.cause) {
            r = visit_expr(st, s->v.Raise.cause);
        }
        break;
    case MP_AST_Try:
    case MP_AST_TryStar:
        if (visit_stmts(st, s->v.Try.body) < 0 ||
            visit_stmts(st, s->v.Try.orelse) < 0) {
            return -1;
        }
        for (int i = 0; i < MpSeq_Len(s->v.Try.handlers); i++) {
            MpNode *h = s->v.Try.handlers->items[i];
            struct MpAst_ExceptHandler_f *eh = &h->v.ExceptHandler;
            if ((eh->type && visit_expr(st, eh->type) < 0) ||
                (eh->name && add_def(st, eh->name, MP_DEF_LOCAL, h) < 0) ||
                visit_stmts(st, eh->body) < 0) {
                return -1;
            }
        }
        r = visit_stmts(st, s->v.Try.finalbody);
        break;
    case MP_AST_Assert:
        if (visit_expr(st, s->v.Assert.test) < 0) {
            return -1;
        }
        if (s->v.Assert.msg) {
            r = visit_expr(st, s->v.Assert.msg);
        }
        break;
    case MP_AST_Import:
    case MP_AST_ImportFrom: {
        MpSeq *names = s->kind == MP_AST_Import ? s->v.Import.names
                                                : s->v.ImportFrom.names;
        for (int i = 0; i < MpSeq_Len(names); i++) {
            if (visit_alias(st, names->items[i], s) < 0) {
                return -1;
            }
        }
        break;
    }
    case MP_AST_Global:
        r = visit_directive(st, s, 1);
        break;
    case MP_AST_Nonlocal:
        r = visit_directive(st, s, 0);
        break;
    case MP_AST_Expr:
        r = visit_expr(st, s->v.Expr.value);
        break;
    case MP_AST_With:
    case MP_AST_AsyncWith:
        for (int i = 0; i < MpSeq_Len(s->v.With.items); i++) {
            MpNode *item = s->v.With.items->items[i];
            if (visit_expr(st, item->v.withitem.context_expr) < 0 ||
                (item->v.withitem.optional_vars &&
                 visit_expr(st, item->v.withitem.optional_vars) < 0)) {
                return -1;
            }
        }
        r = visit_stmts(st, s->v.With.body);
        break;
    default:  // Pass, Break, Continue
        break;
    }
    st->depth--;
    return r;
}

/* A walrus in a comprehension binds in the nearest enclosing scope that
   is not a comprehension (PEP 572). */
static int
extend_namedexpr_scope(MpSymtable *st, MpNode *target)
{
    const char *name = target->v.Name.id;
    for (MpSymEntry *e = st->cur; e != NULL; e = e->parent) {
        if (e->comprehension) {
            if (MpSymEntry_Flags(e, name) & MP_DEF_COMP_ITER) {
                return st_error(st, target,
                                "assignment expression cannot rebind "
                                "comprehension iteration variable '%s'",
                                name);
            }
            continue;
        }
        if (e->type == MP_BLOCK_FUNCTION) {
            int flags = MpSymEntry_Flags(e, name);
            int here = (flags & MP_DEF_GLOBAL) ? MP_DEF_GLOBAL
                                               : MP_DEF_NONLOCAL;
            if (add_def(st, name, here, target) < 0) {
                return -1;
            }
            return add_def_in(st, e, name, MP_DEF_LOCAL, target);
        }
        if (e->type == MP_BLOCK_MODULE) {
            if (add_def(st, name, MP_DEF_GLOBAL, target) < 0) {
                return -1;
            }
            return add_def_in(st, e, name, MP_DEF_GLOBAL, target);
        }
        return st_error(st, target,
                        "assignment expression within a comprehension "
                        "cannot be used in a class body");
    }
    return 0;
}

static const char *const comp_what[] = {
    [MP_COMP_LIST] = "list comprehension",
    [MP_COMP_SET] = "set comprehension",
    [MP_COMP_DICT] = "dict comprehension",
    [MP_COMP_GENEXP] = "generator expression",
};

static int
visit_comprehension(MpSymtable *st, MpNode *e, const char *scope_name,
                    MpCompKind kind, MpSeq *generators, MpNode *elt,
                    MpNode *value)
{
    MpNode *outer = generators->items[0];
    st->cur->comp_iter_expr++;
    int r = visit_expr(st, outer->v.comprehension.iter);
    st->cur->comp_iter_expr--;
    if (r < 0 || enter_block(st, scope_name, MP_BLOCK_FUNCTION, e) < 0) {
        return -1;
    }
    MpSymEntry *c = st->cur;
    c->comprehension = kind;
    if (add_def(st, ".0", MP_DEF_PARAM, e) < 0) {
        return -1;
    }
    for (int i = 0; i < MpSeq_Len(generators); i++) {
        MpNode *g = generators->items[i];
        c->comp_iter_target = 1;
        r = visit_expr(st, g->v.comprehension.target);
        c->comp_iter_target = 0;
        if (r < 0) {
            return -1;
        }
        if (i > 0) {
            c->comp_iter_expr++;
            r = visit_expr(st, g->v.comprehension.iter);
            c->comp_iter_expr--;
            if (r < 0) {
                return -1;
            }
        }
        if (visit_exprs(st, g->v.comprehension.ifs) < 0) {
            return -1;
        }
    }
    if ((value && visit_expr(st, value) < 0) || visit_expr(st, elt) < 0) {
        return -1;
    }
    if (kind == MP_COMP_GENEXP) {
        c->generator = 1;
    }
    exit_block(st);
    return 0;
}

static int
visit_expr(MpSymtable *st, MpNode *e)
{
    if (++st->depth > MAX_DEPTH) {
        return st_too_deep(st);
    }
    int r = 0;
    switch (e->kind) {
    case MP_AST_NamedExpr: {
        MpNode *target = e->v.NamedExpr.target;
        if (st->cur->comp_iter_expr > 0) {
            return st_error(st, e,
                            "assignment expression cannot be used in a "
                            "comprehension iterable expression");
        }
        if (st->cur->comprehension &&
            extend_namedexpr_scope(st, target) < 0) {
            return -1;
        }
        if (visit_expr(st, e->v.NamedExpr.value) < 0) {
            return -1;
        }
        r = visit_expr(st, target);
        break;
    }
    case MP_AST_BoolOp:
        r = visit_exprs(st, e->v.BoolOp.values);
        break;
    case MP_AST_BinOp:
        r = visit_expr(st, e->v.BinOp.left) < 0
                ? -1
                : visit_expr(st, e->v.BinOp.right);
        break;
    case MP_AST_UnaryOp:
        r = visit_expr(st, e->v.UnaryOp.operand);
        break;
    case MP_AST_Lambda:
        if (visit_defaults(st, e->v.Lambda.args) < 0 ||
            enter_block(st, "lambda", MP_BLOCK_FUNCTION, e) < 0 ||
            visit_params(st, e->v.Lambda.args) < 0 ||
            visit_expr(st, e->v.Lambda.body) < 0) {
            return -1;
        }
        exit_block(st);
        break;
    case MP_AST_IfExp:
        if (visit_expr(st, e->v.IfExp.test) < 0 ||
            visit_expr(st, e->v.IfExp.body) < 0) {
            return -1;
        }
        r = visit_expr(st, e->v.IfExp.orelse);
        break;
    case MP_AST_Dict:
        r = visit_exprs(st, e->v.Dict.keys) < 0
                ? -1
                : visit_exprs(st, e->v.Dict.values);
        break;
    case MP_AST_Set:
        r = visit_exprs(st, e->v.Set.elts);
        break;
    case MP_AST_ListComp:
        r = visit_comprehension(st, e, "listcomp", MP_COMP_LIST,
                                e->v.ListComp.generators, e->v.ListComp.elt,
                                NULL);
        break;
    case MP_AST_SetComp:
        r = visit_comprehension(st, e, "setcomp", MP_COMP_SET,
                                e->v.SetComp.generators, e->v.SetComp.elt,
                                NULL);
        break;
    case MP_AST_DictComp:
        r = visit_comprehension(st, e, "dictcomp", MP_COMP_DICT,
                                e->v.DictComp.generators, e->v.DictComp.key,
                                e->v.DictComp.value);
        break;
    case MP_AST_GeneratorExp:
        r = visit_comprehension(st, e, "genexpr", MP_COMP_GENEXP,
                                e->v.GeneratorExp.generators,
                                e->v.GeneratorExp.elt, NULL);
        break;
    case MP_AST_Yield:
    case MP_AST_YieldFrom: {
        MpNode *v = e->kind == MP_AST_Yield ? e->v.Yield.value
                                            : e->v.YieldFrom.value;
        if (st->cur->comprehension) {
            return st_error(st, e, "'yield' inside %s",
                            comp_what[st->cur->comprehension]);
        }
        if (v != NULL && visit_expr(st, v) < 0) {
            return -1;
        }
        st->cur->generator = 1;
        break;
    }
    case MP_AST_Await:
        r = visit_expr(st, e->v.Await.value);
        break;
    case MP_AST_Compare:
        r = visit_expr(st, e->v.Compare.left) < 0
                ? -1
                : visit_exprs(st, e->v.Compare.comparators);
        break;
    case MP_AST_Call:
        if (visit_expr(st, e->v.Call.func) < 0 ||
            visit_exprs(st, e->v.Call.args) < 0) {
            return -1;
        }
        for (int i = 0; i < MpSeq_Len(e->v.Call.keywords); i++) {
            MpNode *kw = e->v.Call.keywords->items[i];
            if (visit_expr(st, kw->v.keyword.value) < 0) {
                return -1;
            }
        }
        break;
    case MP_AST_FormattedValue:
        if (visit_expr(st, e->v.FormattedValue.value) < 0) {
            return -1;
        }
        if (e->v.FormattedValue.format_spec) {
            r = visit_expr(st, e->v.FormattedValue.format_spec);
        }
        break;
    case MP_AST_JoinedStr:
        r = visit_exprs(st, e->v.JoinedStr.values);
        break;
    case MP_AST_Attribute:
        r = visit_expr(st, e->v.Attribute.value);
        break;
    case MP_AST_Subscript:
        r = visit_expr(st, e->v.Subscript.value) < 0
                ? -1
                : visit_expr(st, e->v.Subscript.slice);
        break;
    case MP_AST_Starred:
        r = visit_expr(st, e->v.Starred.value);
        break;
    case MP_AST_Slice:
        if ((e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0) ||
            (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0) ||
            (e->v.Slice.step && visit_expr(st, e->v.Slice.step) < 0)) {
            return -1;
        }
        break;
    case MP_AST_Name: {
        int flag = e->v.Name.ctx == MP_OP_Load ? MP_DEF_USE : MP_DEF_LOCAL;
        if (st->cur->comp_iter_target) {
            flag |= MP_DEF_COMP_ITER;
        }
        if (add_def(st, e->v.Name.id, flag, e) < 0) {
            return -1;
        }
        /* `super()` with no arguments reads the __class__ cell. */
        if (e->v.Name.ctx == MP_OP_Load &&
            st->cur->type == MP_BLOCK_FUNCTION &&
            strcmp(e->v.Name.id, "super") == 0) {
            r = add_def(st, "__class__", MP_DEF_USE, e);
        }
        break;
    }
    case MP_AST_List:
        r = visit_exprs(st, e->v.List.elts);
        break;
    case MP_AST_Tuple:
        r = visit_exprs(st, e->v.Tuple.elts);
        break;
    default:  // Constant
        break;
    }
    st->depth--;
    return r;
}
/* }====== */

/* {====== The analysis ====== */

/* Decides the scope of one name of block e (CPython's analyze_name).
   scopes receives it; bound/local/free/global are updated. */
static int
analyze_name(MpSymtable *st, MpSymEntry *e, int i, MpNameTab *bound,
             int has_bound, MpNameTab *local, MpNameTab *freeset,
             MpNameTab *global, int *scopes)
{
    const char *name = e->symbols.names[i];
    int flags = e->symbols.vals[i];
    const MpNode *where = e->symbols.aux[i];
    if (flags & MP_DEF_GLOBAL) {
        if (flags & MP_DEF_NONLOCAL) {
            return st_error(st, where, "name '%s' is nonlocal and global",
                            name);
        }
        scopes[i] = MP_SCOPE_GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0) {
            return st_nomem(st);
        }
        set_discard(bound, name);
        return 0;
    }
    if (flags & MP_DEF_NONLOCAL) {
        if (!has_bound) {
            return st_error(st, where,
                            "nonlocal declaration not allowed at module "
                            "level");
        }
        if (!set_has(bound, name)) {
            return st_error(st, where, "no binding for nonlocal '%s' found",
                            name);
        }
        scopes[i] = MP_SCOPE_FREE;
        e->free = 1;
        return set_add(freeset, name) < 0 ? st_nomem(st) : 0;
    }
    if (flags & MP_DEF_BOUND) {
        scopes[i] = MP_SCOPE_LOCAL;
        if (set_add(local, name) < 0) {
            return st_nomem(st);
        }
        set_discard(global, name);
        return 0;
    }
    if (has_bound && set_has(bound, name)) {
        scopes[i] = MP_SCOPE_FREE;
        e->free = 1;
        return set_add(freeset, name) < 0 ? st_nomem(st) : 0;
    }
    if (e->nested && !set_has(global, name)) {
        e->free = 1;
    }
    scopes[i] = MP_SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(MpSymtable *st, MpSymEntry *e, MpNameTab *bound,
                         int has_bound, MpNameTab *freeset, MpNameTab *global);

/* Analyzes a child with copies of the sets, so that what it discards does
   not leak into its siblings; adds the child's free names to child_free. */
static int
analyze_child(MpSymtable *st, MpSymEntry *c, MpNameTab *bound, int has_bound,
              MpNameTab *global, MpNameTab *child_free)
{
    MpNameTab b = {0}, g = {0}, f = {0};
    int r = -1;
    if (set_update(&b, bound) < 0 || set_update(&g, global) < 0) {
        st_nomem(st);
        goto done;
    }
    if (analyze_block(st, c, &b, has_bound, &f, &g) < 0) {
        goto done;
    }
    if (set_update(child_free, &f) < 0) {
        st_nomem(st);
        goto done;
    }
    r = 0;
done:
    MpNameTab_Clear(&b);
    MpNameTab_Clear(&g);
    MpNameTab_Clear(&f);
    return r;
}

/* Postcondition: every symbol of e carries its scope; `freeset` holds the
   names e and its children need from enclosing scopes.  Why it holds:
   each name gets a scope in analyze_name; a LOCAL the children need free
   is turned into CELL and removed from `freeset` (functions), or the class
   records the pass-through (DEF_FREE_CLASS); names free only in children
   are added to e as FREE so its code object can forward the cells. */
static int
analyze_block(MpSymtable *st, MpSymEntry *e, MpNameTab *bound, int has_bound,
              MpNameTab *freeset, MpNameTab *global)
{
    MpNameTab local = {0}, newbound = {0}, newglobal = {0}, newfree = {0};
    int *scopes = NULL;
    int r = -1;
    int n = e->symbols.n;
    scopes = calloc(n ? n : 1, sizeof *scopes);
    if (scopes == NULL) {
        st_nomem(st);
        goto done;
    }
    if (e->type == MP_BLOCK_CLASS) {
        /* Names declared global in the class count for its methods; the
           class's own names do not (methods don't see class variables). */
        if (set_update(&newglobal, global) < 0 ||
            (has_bound && set_update(&newbound, bound) < 0)) {
            st_nomem(st);
            goto done;
        }
    }
    for (int i = 0; i < n; i++) {
        if (analyze_name(st, e, i, bound, has_bound, &local, freeset, global,
                         scopes) < 0) {
            goto done;
        }
    }
    if (e->type != MP_BLOCK_CLASS) {
        if (e->type == MP_BLOCK_FUNCTION &&
            set_update(&newbound, &local) < 0) {
            st_nomem(st);
            goto done;
        }
        if ((has_bound && set_update(&newbound, bound) < 0) ||
            set_update(&newglobal, global) < 0) {
            st_nomem(st);
            goto done;
        }
    } else {
        /* The implicit __class__ a method's super() reads. */
        if (set_add(&newbound, "__class__") < 0) {
            st_nomem(st);
            goto done;
        }
    }
    /* Only the module has no `bound` set at all (CPython's NULL): every
       child gets one, possibly empty, which is what makes `nonlocal` in a
       class at module level "no binding" rather than "at module level". */
    for (int i = 0; i < e->nchildren; i++) {
        MpSymEntry *c = e->children[i];
        if (analyze_child(st, c, &newbound, 1, &newglobal,
                          &newfree) < 0) {
            goto done;
        }
        if (c->free || c->child_free) {
            e->child_free = 1;
        }
    }
    if (e->type == MP_BLOCK_FUNCTION) {
        /* analyze_cells: locals that children need become cells. */
        for (int i = 0; i < n; i++) {
            if (scopes[i] == MP_SCOPE_LOCAL &&
                set_has(&newfree, e->symbols.names[i])) {
                scopes[i] = MP_SCOPE_CELL;
                set_discard(&newfree, e->symbols.names[i]);
            }
        }
    } else if (e->type == MP_BLOCK_CLASS) {
        if (set_has(&newfree, "__class__")) {
            set_discard(&newfree, "__class__");
            e->needs_class_closure = 1;
        }
    }
    /* update_symbols: record the scopes, then the freeset names that only
       pass through this block to its children. */
    for (int i = 0; i < n; i++) {
        e->symbols.vals[i] |= scopes[i] << MP_SCOPE_SHIFT;
    }
    for (int k = 0; k < newfree.n; k++) {
        if (!newfree.vals[k]) {
            continue;
        }
        const char *name = newfree.names[k];
        int i = MpNameTab_Find(&e->symbols, name);
        if (i >= 0) {
            if (e->type == MP_BLOCK_CLASS &&
                (e->symbols.vals[i] & (MP_DEF_BOUND | MP_DEF_GLOBAL))) {
                e->symbols.vals[i] |= MP_DEF_FREE_CLASS;
            }
            continue;
        }
        if (has_bound && !set_has(bound, name)) {
            continue;  // a global, not a free variable
        }
        if (!has_bound) {
            continue;
        }
        if (MpNameTab_Add(&e->symbols, name,
                          MP_SCOPE_FREE << MP_SCOPE_SHIFT) < 0) {
            st_nomem(st);
            goto done;
        }
    }
    if (set_update(freeset, &newfree) < 0) {
        st_nomem(st);
        goto done;
    }
    r = 0;
done:
    free(scopes);
    MpNameTab_Clear(&local);
    MpNameTab_Clear(&newbound);
    MpNameTab_Clear(&newglobal);
    MpNameTab_Clear(&newfree);
    return r;
}
/* }====== */

MpSymtable *
MpSymtable_Build(MpNode *tree, int flags, MpSyntaxError *err)
{
    MpSymtable *st = calloc(1, sizeof *st);
    if (st == NULL) {
        err->kind = MP_ERR_MEMORY;
        return NULL;
    }
    st->err = err;
    st->flags = flags;
    st->arena = MpArena_New();
    if (st->arena == NULL || enter_block(st, "top", MP_BLOCK_MODULE, NULL) < 0) {
        st_nomem(st);
        MpSymtable_Free(st);
        return NULL;
    }
    int r;
    switch (tree->kind) {
    case MP_AST_Module:
        r = visit_stmts(st, tree->v.Module.body);
        break;
    case MP_AST_Interactive:
        r = visit_stmts(st, tree->v.Interactive.body);
        break;
    case MP_AST_Expression:
        r = visit_expr(st, tree->v.Expression.body);
        break;
    default:
        r = -1;
        MpSyntaxError_Set(err, MP_ERR_SYNTAX, 0, -1, 0, -1,
                          "compile: not a module node");
        break;
    }
    if (r == 0) {
        MpNameTab bound = {0}, free_ = {0}, global = {0};
        r = analyze_block(st, st->top, &bound, 0, &free_, &global);
        MpNameTab_Clear(&bound);
        MpNameTab_Clear(&free_);
        MpNameTab_Clear(&global);
    }
    if (r < 0) {
        MpSymtable_Free(st);
        return NULL;
    }
    return st;
}
