/* compile.c — the code generator: an AST and its symbol table in, code
   objects out.

   What it does.  MpCompile builds the symbol table (symtable.c), then walks
   the tree once, scope by scope.  Each scope being compiled is a "unit":
   the module, a class body, a function, a lambda or a comprehension.  A
   unit collects its instructions (with one source location each), its
   constants, and the names its instructions index; when the walk of the
   scope ends the unit is assembled into a code object, which becomes a
   constant of the enclosing unit (MAKE_FUNCTION picks it up).

   Invariants.
   - Instructions are appended in order; nothing is ever inserted, so an
     instruction's index is final when it is emitted.  Jumps are emitted
     with a *label* number as their argument; a label is bound to the index
     of the next instruction (use_label) and assemble() replaces every
     jump's label by that index.  Targets are absolute and there is no
     EXTENDED_ARG (opcodes.h), so no pass ever changes a jump's size.
   - The value stack is balanced per statement: a statement leaves the
     stack as it found it, except for what the enclosing "frame blocks"
     keep there (a for loop's iterator, a with's __exit__, a handler's
     saved and current exceptions).
   - Every code object's co_consts[0] is the docstring or None for
     functions, lambdas and comprehensions, because func.c takes __doc__
     from co_consts[0] when it is a str.

   Frame blocks.  The compiler keeps a stack of the constructs that
   `break`, `continue` and `return` must leave on their way out: loops,
   try bodies, finally bodies, except handlers, with bodies.  Leaving one
   emits its clean-up inline (unwind_fblock): POP_BLOCK for a
   SETUP_FINALLY, the whole `finally` body again, the __exit__ call, the
   POP_EXCEPT that restores the handled exception, the POP_TOP of a for
   loop's iterator.  This is CPython 3.10's scheme, which matches the VM's
   block stack (SETUP_FINALLY / POP_BLOCK).

   Exception handlers.  A handler starts with the exception on the stack
   (the VM cut the stack back to the depth SETUP_FINALLY recorded):

       try body:    SETUP_FINALLY H; body; POP_BLOCK; else; JUMP end
       H:           [exc] PUSH_EXC_INFO -> [saved, exc]
                    SETUP_FINALLY C              (restores `saved` if a
                                                  handler raises)
       per clause:  <type>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
                    (bind `as e`); body; POP_BLOCK; POP_TOP; POP_EXCEPT;
                    JUMP end
       no match:    POP_BLOCK; SWAP 2; POP_EXCEPT; RERAISE
       C:           [saved, exc, new] COPY 3; POP_EXCEPT; RERAISE

   The exception stays on the stack while a clause body runs, so that
   every handler block below it sees the depth it recorded.

   The stack-depth pass.  co_stacksize comes from a walk of the control
   flow graph (stack_depth): starting at instruction 0 with depth 0, each
   instruction's effect comes from the opcode table (MP_OPCODES: values
   popped and pushed, and what a taken jump pushes instead); both the
   fall-through and the jump edge are followed, a SETUP_FINALLY's handler
   being entered with one value more (the exception).  Each instruction is
   visited once with the depth it is first reached at; the compiler emits
   code whose depth at a join does not depend on the path.

   CPython counterpart: Python/compile.c (3.10's block handling, 3.11's
   call layout and instruction set).
   Read first: MpCompile, then compile_stmt and compile_expr. */
#include "compile.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "objects/bytes.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "opcodes.h"
#include "symtable.h"
#include "unparse.h"

/* CPython's CO_MAXBLOCKS; the VM's f_blocks has this many entries (vm.h's
   MP_MAXBLOCKS). */
#define MAX_VM_BLOCKS 20

/* {====== Units and the compiler state ====== */

/* A constant, keyed by what it is so that equal constants share a slot:
   the key is the type and the exact value (a float's bits, so that 0.0
   and -0.0 stay apart; 1, 1.0 and True differ by tag). */
typedef enum {
    K_NONE,
    K_TRUE,
    K_FALSE,
    K_ELLIPSIS,
    K_INT,
    K_BIGINT,
    K_FLOAT,
    K_COMPLEX,
    K_STR,
    K_BYTES,
    K_STRTUPLE,  // a tuple of str: keyword names, import fromlists
    K_OBJECT,    // code objects, folded tuples: never shared
} ConstTag;

typedef struct {
    ConstTag tag;
    int64_t i;
    double f;
    const char *s;  // K_BIGINT, K_STR, K_BYTES, K_STRTUPLE (NUL-separated)
    size_t len;
    MpObject *obj;  // the constant itself (owned)
} ConstEntry;

typedef enum {
    FB_WHILE,
    FB_FOR,          // the iterator is on the stack
    FB_TRY_EXCEPT,   // a try body: one SETUP_FINALLY
    FB_FINALLY_TRY,  // a try body with a finally: run it on the way out
    FB_FINALLY_END,  // a finally body run for an exception: [saved, exc]
    FB_HANDLER,      // an except clause body: [saved, exc]
    FB_WITH,         // a with body: [exit, saved?]; see compile_with
    FB_POP_VALUE,    // a finally body run for a return: the value waits
} FBlockType;

typedef struct {
    FBlockType type;
    int start, exit;      // labels: a loop's start and end
    MpSeq *finalbody;     // FB_FINALLY_TRY
    const char *name;     // FB_HANDLER: the `as` name, or NULL
    const MpNode *node;
    int vmblocks;         // SETUP_FINALLY blocks it holds
} FBlock;

typedef enum {
    U_MODULE,
    U_CLASS,
    U_FUNCTION,
    U_LAMBDA,
    U_COMPREHENSION,
} UnitKind;

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    UnitKind kind;
    MpSymEntry *ste;
    const char *name;
    const char *qualname;
    MpInstr *code;
    MpCodeLoc *locs;
    int ncode, capcode;
    int *labels;          // label -> instruction index, -1 while unbound
    int nlabels, caplabels;
    ConstEntry *consts;
    int nconsts, capconsts;
    MpNameTab names, varnames, cellvars, freevars;
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    MpCodeLoc loc;        // the location new instructions get
    FBlock fblocks[MAX_VM_BLOCKS + 1];
    int nfblocks;
};

typedef struct {
    MpSymtable *st;
    MpArena *arena;       // strings the compiler makes (qualnames, ...)
    MpSyntaxError *err;
    MpObject *filename;
    int interactive;
    int future_annotations;
    Unit *u;
} Compiler;

/* Records a compile-time error at node (the first one wins); returns -1. */
static int
compile_error(Compiler *c, const MpNode *at, const char *fmt, const char *s)
    __attribute__((format(printf, 3, 0)));

static int
compile_error(Compiler *c, const MpNode *at, const char *fmt, const char *s)
{
    if (at != NULL) {
        MpSyntaxError_Set(c->err, MP_ERR_SYNTAX, at->lineno, at->col_offset,
                          at->end_lineno, at->end_col_offset, fmt, s);
    }
    else {
        MpSyntaxError_Set(c->err, MP_ERR_SYNTAX, 0, -1, 0, -1, fmt, s);
    }
    return -1;
}

/* Out of memory (the allocator or an object constructor failed): the
   exception, if any, stays set. */
static int
compile_nomem(Compiler *c)
{
    if (c->err->kind == MP_ERR_NONE) {
        c->err->kind = MP_ERR_MEMORY;
        snprintf(c->err->msg, sizeof c->err->msg, "out of memory");
    }
    return -1;
}

static int
unsupported(Compiler *c, const MpNode *at, const char *what)
{
    return compile_error(c, at, "%s is not supported by minipy", what);
}

static int
grow(void **p, int *cap, int need, size_t size)
{
    if (need <= *cap) {
        return 0;
    }
    int ncap = *cap ? *cap * 2 : 16;
    while (ncap < need) {
        ncap *= 2;
    }
    void *q = realloc(*p, (size_t)ncap * size);
    if (q == NULL) {
        return -1;
    }
    *p = q;
    *cap = ncap;
    return 0;
}

static void
unit_free(Unit *u)
{
    free(u->code);
    free(u->locs);
    free(u->labels);
    for (int i = 0; i < u->nconsts; i++) {
        Mp_XDECREF(u->consts[i].obj);
    }
    free(u->consts);
    MpNameTab_Clear(&u->names);
    MpNameTab_Clear(&u->varnames);
    MpNameTab_Clear(&u->cellvars);
    MpNameTab_Clear(&u->freevars);
    free(u);
}
/* }====== */

/* {====== Emitting instructions ====== */

static int
emit(Compiler *c, MpOpcode op, int arg)
{
    Unit *u = c->u;
    if (arg < 0 || arg > MP_MAX_ARG) {
        return compile_error(c, NULL, "%s", "too many constants or names");
    }
    if (u->ncode == u->capcode) {
        int ncap = u->capcode ? 2 * u->capcode : 64;
        MpInstr *nc = realloc(u->code, (size_t)ncap * sizeof *nc);
        if (nc == NULL) {
            return compile_nomem(c);
        }
        u->code = nc;
        MpCodeLoc *nl = realloc(u->locs, (size_t)ncap * sizeof *nl);
        if (nl == NULL) {
            return compile_nomem(c);
        }
        u->locs = nl;
        u->capcode = ncap;
    }
    u->code[u->ncode] = Mp_INSTR(op, arg);
    u->locs[u->ncode] = u->loc;
    u->ncode++;
    return 0;
}

static int
new_label(Compiler *c)
{
    Unit *u = c->u;
    if (grow((void **)&u->labels, &u->caplabels, u->nlabels + 1,
             sizeof(int)) < 0) {
        compile_nomem(c);
        return -1;
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

/* Binds label to the next instruction. */
static void
use_label(Compiler *c, int label)
{
    c->u->labels[label] = c->u->ncode;
}

static inline int
emit_jump(Compiler *c, MpOpcode op, int label)
{
    return emit(c, op, label);
}

/* Sets the location new instructions get to node's; returns the old. */
static MpCodeLoc
set_loc(Compiler *c, const MpNode *n)
{
    MpCodeLoc old = c->u->loc;
    c->u->loc = (MpCodeLoc){n->lineno, n->end_lineno, n->col_offset,
                            n->end_col_offset};
    return old;
}
/* }====== */

/* {====== Constants and names ====== */

static int
const_equal(const ConstEntry *a, const ConstEntry *b)
{
    if (a->tag != b->tag) {
        return 0;
    }
    switch (a->tag) {
    case K_NONE:
    case K_TRUE:
    case K_FALSE:
    case K_ELLIPSIS:
        return 1;
    case K_INT:
        return a->i == b->i;
    case K_FLOAT:
    case K_COMPLEX:
        return memcmp(&a->f, &b->f, sizeof a->f) == 0;
    case K_BIGINT:
    case K_STR:
    case K_BYTES:
    case K_STRTUPLE:
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    case K_OBJECT:
        return a->obj == b->obj;
    }
    return 0;
}

/* The object for a constant key; NEW, or NULL with an exception set. */
static MpObject *
const_object(const ConstEntry *k)
{
    switch (k->tag) {
    case K_NONE:
        return Mp_NewRef(Mp_None);
    case K_TRUE:
        return Mp_NewRef(Mp_True);
    case K_FALSE:
        return Mp_NewRef(Mp_False);
    case K_ELLIPSIS:
        return Mp_NewRef(Mp_Ellipsis);
    case K_INT:
        return MpLong_FromInt64(k->i);
    case K_BIGINT:
        return MpLong_FromString(k->s, (Mp_ssize_t)k->len, 10);
    case K_FLOAT:
        return MpFloat_FromDouble(k->f);
    case K_COMPLEX:
        return MpComplex_FromDoubles(0.0, k->f);
    case K_STR:
        return MpStr_FromUTF8(k->s, (Mp_ssize_t)k->len);
    case K_BYTES:
        return MpBytes_FromStringAndSize(k->s, (Mp_ssize_t)k->len);
    case K_STRTUPLE: {
        Mp_ssize_t n = 0;
        for (size_t i = 0; i < k->len; i++) {
            n += k->s[i] == '\0';
        }
        MpObject *t = MpTuple_New(n);
        if (t == NULL) {
            return NULL;
        }
        const char *p = k->s;
        for (Mp_ssize_t i = 0; i < n; i++) {
            MpObject *s = MpStr_InternFromString(p);
            if (s == NULL) {
                Mp_DECREF(t);
                return NULL;
            }
            MpTuple_SET_ITEM(t, i, s);
            p += strlen(p) + 1;
        }
        return t;
    }
    case K_OBJECT:
        return Mp_NewRef(k->obj);
    }
    return NULL;
}

/* The index of constant k in the unit's co_consts, adding it if new.
   Returns -1 when out of memory. */
static int
add_const(Compiler *c, ConstEntry k)
{
    Unit *u = c->u;
    for (int i = 0; i < u->nconsts; i++) {
        if (const_equal(&u->consts[i], &k)) {
            return i;
        }
    }
    if (grow((void **)&u->consts, &u->capconsts, u->nconsts + 1,
             sizeof(ConstEntry)) < 0) {
        return compile_nomem(c);
    }
    k.obj = const_object(&k);
    if (k.obj == NULL) {
        return compile_nomem(c);
    }
    u->consts[u->nconsts] = k;
    return u->nconsts++;
}

static ConstEntry
const_key(const MpConst *v)
{
    ConstEntry k = {0};
    switch (v->kind) {
    case MP_CONST_NONE:
        k.tag = K_NONE;
        break;
    case MP_CONST_TRUE:
        k.tag = K_TRUE;
        break;
    case MP_CONST_FALSE:
        k.tag = K_FALSE;
        break;
    case MP_CONST_ELLIPSIS:
        k.tag = K_ELLIPSIS;
        break;
    case MP_CONST_INT:
        k.tag = K_INT;
        k.i = v->u.i;
        break;
    case MP_CONST_BIGINT:
        k.tag = K_BIGINT;
        k.s = v->u.str.s;
        k.len = v->u.str.len;
        break;
    case MP_CONST_FLOAT:
        k.tag = K_FLOAT;
        k.f = v->u.f;
        break;
    case MP_CONST_COMPLEX:
        k.tag = K_COMPLEX;
        k.f = v->u.f;
        break;
    case MP_CONST_STR:
        k.tag = K_STR;
        k.s = v->u.str.s;
        k.len = v->u.str.len;
        break;
    case MP_CONST_BYTES:
        k.tag = K_BYTES;
        k.s = v->u.str.s;
        k.len = v->u.str.len;
        break;
    }
    return k;
}

static int
emit_const(Compiler *c, ConstEntry k)
{
    int i = add_const(c, k);
    return i < 0 ? -1 : emit(c, LOAD_CONST, i);
}

static int
emit_none(Compiler *c)
{
    return emit_const(c, (ConstEntry){.tag = K_NONE});
}

static int
emit_int(Compiler *c, int64_t v)
{
    return emit_const(c, (ConstEntry){.tag = K_INT, .i = v});
}

static int
emit_str(Compiler *c, const char *s)
{
    return emit_const(c, (ConstEntry){.tag = K_STR, .s = s,
                                      .len = strlen(s)});
}

/* A tuple-of-str constant from names[0:n]; its index or -1. */
static int
add_strtuple(Compiler *c, const char *const *names, int n)
{
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        len += strlen(names[i]) + 1;
    }
    char *buf = MpArena_Alloc(c->arena, len ? len : 1);
    if (buf == NULL) {
        return compile_nomem(c);
    }
    char *p = buf;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(names[i]) + 1;
        memcpy(p, names[i], l);
        p += l;
    }
    return add_const(c, (ConstEntry){.tag = K_STRTUPLE, .s = buf,
                                     .len = len});
}

/* A name mangled for the class the current unit is in. */
static const char *
mangle(Compiler *c, const char *name)
{
    const char *m = MpSymtable_Mangle(c->arena, c->u->ste->private_name,
                                      name);
    if (m == NULL) {
        compile_nomem(c);
    }
    return m;
}

static int
name_index(Compiler *c, MpNameTab *t, const char *name)
{
    int i = MpNameTab_Intern(t, name, 0);
    return i < 0 ? compile_nomem(c) : i;
}

/* An instruction indexing co_names (LOAD_ATTR, IMPORT_NAME, ...). */
static int
emit_name(Compiler *c, MpOpcode op, const char *name)
{
    int i = name_index(c, &c->u->names, name);
    return i < 0 ? -1 : emit(c, op, i);
}

/* The LOAD_DEREF index of name: cellvars first, then freevars. */
static int
deref_index(Compiler *c, Unit *u, const char *name)
{
    int i = MpNameTab_Find(&u->cellvars, name);
    if (i >= 0) {
        return i;
    }
    i = MpNameTab_Find(&u->freevars, name);
    if (i >= 0) {
        return u->cellvars.n + i;
    }
    return compile_error(c, NULL, "compiler: no cell for '%s'", name);
}

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } NameCtx;

/* A load, store or delete of a variable, by its scope (symtable.h):
   fast slots in functions, cells for captured names, the namespace dict
   at module and class level (a class body's free names check the class
   namespace first: LOAD_CLASSDEREF). */
static int
compile_nameop(Compiler *c, const char *name, NameCtx ctx)
{
    Unit *u = c->u;
    const char *m = mangle(c, name);
    if (m == NULL) {
        return -1;
    }
    MpScope scope = MpSymEntry_Scope(u->ste, m);
    int function = u->ste->type == MP_BLOCK_FUNCTION;
    enum { OP_FAST, OP_DEREF, OP_GLOBAL, OP_NAME } kind = OP_NAME;
    switch (scope) {
    case MP_SCOPE_FREE:
    case MP_SCOPE_CELL:
        kind = OP_DEREF;
        break;
    case MP_SCOPE_LOCAL:
        kind = function ? OP_FAST : OP_NAME;
        break;
    case MP_SCOPE_GLOBAL_IMPLICIT:
        kind = function ? OP_GLOBAL : OP_NAME;
        break;
    case MP_SCOPE_GLOBAL_EXPLICIT:
        kind = OP_GLOBAL;
        break;
    case MP_SCOPE_NONE:
        kind = OP_NAME;
        break;
    }
    static const MpOpcode ops[4][3] = {
        [OP_FAST] = {LOAD_FAST, STORE_FAST, DELETE_FAST},
        [OP_DEREF] = {LOAD_DEREF, STORE_DEREF, DELETE_DEREF},
        [OP_GLOBAL] = {LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL},
        [OP_NAME] = {LOAD_NAME, STORE_NAME, DELETE_NAME},
    };
    MpOpcode op = ops[kind][ctx];
    int arg;
    switch (kind) {
    case OP_FAST:
        arg = name_index(c, &u->varnames, m);
        break;
    case OP_DEREF:
        arg = deref_index(c, u, m);
        if (ctx == CTX_LOAD && u->ste->type == MP_BLOCK_CLASS &&
            scope == MP_SCOPE_FREE) {
            op = LOAD_CLASSDEREF;
        }
        break;
    default:
        arg = name_index(c, &u->names, m);
        break;
    }
    return arg < 0 ? -1 : emit(c, op, arg);
}
/* }====== */

/* {====== Units: entering and assembling ====== */

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Adds to t, sorted (CPython's order for co_cellvars and co_freevars),
   the names of e whose scope is `scope` or whose flags have `flag`. */
static int
add_sorted(Compiler *c, MpNameTab *t, const MpSymEntry *e, MpScope scope,
           int flag)
{
    const MpNameTab *s = &e->symbols;
    const char **v = malloc(sizeof *v * (size_t)(s->n ? s->n : 1));
    if (v == NULL) {
        return compile_nomem(c);
    }
    int n = 0;
    for (int i = 0; i < s->n; i++) {
        int fl = s->vals[i];
        if ((MpScope)((fl & MP_SCOPE_MASK) >> MP_SCOPE_SHIFT) == scope ||
            (fl & flag)) {
            v[n++] = s->names[i];
        }
    }
    qsort(v, (size_t)n, sizeof *v, cmp_names);
    for (int i = 0; i < n; i++) {
        if (MpNameTab_Intern(t, v[i], 0) < 0) {
            free(v);
            return compile_nomem(c);
        }
    }
    free(v);
    return 0;
}

/* "outer.<locals>.name" or "Class.name" (CPython's compiler_set_qualname):
   a name declared global in the enclosing scope is not nested. */
static const char *
make_qualname(Compiler *c, Unit *parent, const char *name)
{
    if (parent == NULL || parent->kind == U_MODULE) {
        return name;
    }
    if (parent->kind == U_FUNCTION || parent->kind == U_CLASS) {
        const char *m = MpSymtable_Mangle(c->arena,
                                          parent->ste->private_name, name);
        if (m != NULL &&
            MpSymEntry_Scope(parent->ste, m) == MP_SCOPE_GLOBAL_EXPLICIT) {
            return name;
        }
    }
    const char *base = parent->qualname;
    const char *mid = parent->kind == U_CLASS ? "." : ".<locals>.";
    size_t len = strlen(base) + strlen(mid) + strlen(name) + 1;
    char *q = MpArena_Alloc(c->arena, len);
    if (q == NULL) {
        compile_nomem(c);
        return NULL;
    }
    snprintf(q, len, "%s%s%s", base, mid, name);
    return q;
}

/* Starts compiling the scope that node opened (NULL: the module). */
static int
enter_unit(Compiler *c, UnitKind kind, const MpNode *node, const char *name,
           int firstlineno)
{
    Unit *u = calloc(1, sizeof *u);
    if (u == NULL) {
        return compile_nomem(c);
    }
    u->parent = c->u;
    u->kind = kind;
    u->ste = node ? MpSymtable_Lookup(c->st, node) : MpSymtable_Top(c->st);
    if (u->ste == NULL) {
        free(u);
        return compile_error(c, node, "%s", "compiler: scope not found");
    }
    u->name = name;
    u->firstlineno = firstlineno;
    u->loc = (MpCodeLoc){firstlineno, firstlineno, -1, -1};
    c->u = u;
    u->qualname = make_qualname(c, u->parent, name);
    if (u->qualname == NULL) {
        goto error;
    }
    for (int i = 0; i < u->ste->nparams; i++) {
        if (MpNameTab_Intern(&u->varnames, u->ste->params[i], 0) < 0) {
            compile_nomem(c);
            goto error;
        }
    }
    if (add_sorted(c, &u->cellvars, u->ste, MP_SCOPE_CELL, 0) < 0) {
        goto error;
    }
    if (kind == U_CLASS && u->ste->needs_class_closure &&
        MpNameTab_Intern(&u->cellvars, "__class__", 0) < 0) {
        compile_nomem(c);
        goto error;
    }
    if (add_sorted(c, &u->freevars, u->ste, MP_SCOPE_FREE,
                   kind == U_CLASS ? MP_DEF_FREE_CLASS : 0) < 0) {
        goto error;
    }
    return 0;
error:
    c->u = u->parent;
    unit_free(u);
    return -1;
}

/* Drops the current unit without making a code object (error paths). */
static void
drop_unit(Compiler *c)
{
    Unit *u = c->u;
    c->u = u->parent;
    unit_free(u);
}

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

static int
op_is_jump(MpOpcode op)
{
    switch (op) {
#define X(name, kind, pop, push, jump)                                    \
    case name:                                                             \
        return kind == ARG_JUMP;
        MP_OPCODES(X)
#undef X
    default:
        return 0;
    }
}

/* The stack effect of op with argument arg: values popped, pushed when
   falling through, pushed when jumping (-1: it does not jump). */
static void
op_effect(MpOpcode op, int arg, int *pop, int *push, int *jpush)
{
    switch (op) {
#define X(name, kind, npop, npush, njump)                                 \
    case name:                                                             \
        *pop = (npop);                                                     \
        *push = (npush);                                                   \
        *jpush = (njump);                                                  \
        return;
        MP_OPCODES(X)
#undef X
    default:
        *pop = *push = 0;
        *jpush = -1;
        return;
    }
}

static int
falls_through(MpOpcode op)
{
    return op != JUMP && op != RETURN_VALUE && op != RERAISE &&
           op != RAISE_VARARGS;
}

/* co_stacksize: the deepest the stack gets along any path (see the
   opening comment).  Returns -1 when out of memory. */
static int
stack_depth(Compiler *c, const MpInstr *code, int n)
{
    if (n == 0) {
        return 0;
    }
    int *depth = malloc(sizeof(int) * (size_t)n);
    int *work = malloc(sizeof(int) * (size_t)n);
    if (depth == NULL || work == NULL) {
        free(depth);
        free(work);
        return compile_nomem(c);
    }
    for (int i = 0; i < n; i++) {
        depth[i] = -1;
    }
    int nwork = 0, maxdepth = 0;
    depth[0] = 0;
    work[nwork++] = 0;
    while (nwork > 0) {
        int i = work[--nwork];
        int d = depth[i];
        /* Run along the straight line from i. */
        for (; i < n; i++) {
            MpOpcode op = Mp_OP(code[i]);
            int arg = Mp_ARG(code[i]);
            int pop, push, jpush;
            op_effect(op, arg, &pop, &push, &jpush);
            if (jpush >= 0 && arg < n) {
                int jd = d - pop + jpush;
                if (jd > maxdepth) {
                    maxdepth = jd;
                }
                if (depth[arg] < 0) {
                    depth[arg] = jd;
                    work[nwork++] = arg;
                }
            }
            d = d - pop + push;
            if (d > maxdepth) {
                maxdepth = d;
            }
            if (!falls_through(op) || i + 1 >= n) {
                break;
            }
            if (depth[i + 1] >= 0) {
                break;  // already walked from there
            }
            depth[i + 1] = d;
        }
    }
    free(depth);
    free(work);
    return maxdepth;
}

static MpObject *
names_tuple(Compiler *c, const MpNameTab *t)
{
    MpObject *tup = MpTuple_New(t->n);
    if (tup == NULL) {
        return NULL;
    }
    for (int i = 0; i < t->n; i++) {
        MpObject *s = MpStr_InternFromString(t->names[i]);
        if (s == NULL) {
            Mp_DECREF(tup);
            return NULL;
        }
        MpTuple_SET_ITEM(tup, i, s);
    }
    return tup;
}

/* Turns the current unit into a code object and leaves it: the enclosing
   unit becomes current.  Returns the code object (NEW) or NULL. */
static MpObject *
exit_unit(Compiler *c)
{
    Unit *u = c->u;
    MpObject *code = NULL, *consts = NULL, *names = NULL, *varnames = NULL,
             *cellvars = NULL, *freevars = NULL, *name = NULL,
             *qualname = NULL;
    /* Resolve labels into instruction indexes. */
    for (int i = 0; i < u->ncode; i++) {
        MpOpcode op = Mp_OP(u->code[i]);
        if (op_is_jump(op)) {
            int target = u->labels[Mp_ARG(u->code[i])];
            if (target < 0) {
                compile_error(c, NULL, "%s", "compiler: unbound label");
                goto done;
            }
            u->code[i] = Mp_INSTR(op, target);
        }
    }
    int stacksize = stack_depth(c, u->code, u->ncode);
    if (stacksize < 0) {
        goto done;
    }
    int flags = 0;
    if (u->ste->type == MP_BLOCK_FUNCTION) {
        flags |= MP_CO_OPTIMIZED | MP_CO_NEWLOCALS;
        if (u->ste->varargs) {
            flags |= MP_CO_VARARGS;
        }
        if (u->ste->varkeywords) {
            flags |= MP_CO_VARKEYWORDS;
        }
        if (u->ste->generator) {
            flags |= MP_CO_GENERATOR;
        }
    }
    if (u->ste->nested) {
        flags |= MP_CO_NESTED;
    }
    if (c->future_annotations) {
        flags |= MP_CO_FUTURE_ANNOTATIONS;
    }
    consts = MpTuple_New(u->nconsts);
    if (consts == NULL) {
        goto nomem;
    }
    for (int i = 0; i < u->nconsts; i++) {
        MpTuple_SET_ITEM(consts, i, Mp_NewRef(u->consts[i].obj));
    }
    names = names_tuple(c, &u->names);
    varnames = names ? names_tuple(c, &u->varnames) : NULL;
    cellvars = varnames ? names_tuple(c, &u->cellvars) : NULL;
    freevars = cellvars ? names_tuple(c, &u->freevars) : NULL;
    name = freevars ? MpStr_FromString(u->name) : NULL;
    qualname = name ? MpStr_FromString(u->qualname) : NULL;
    if (qualname == NULL) {
        goto nomem;
    }
    /* MpCode_New takes over (and on failure frees) the two arrays. */
    code = MpCode_New(u->argcount, u->posonlyargcount, u->kwonlyargcount,
                      stacksize, flags, u->firstlineno, u->code, u->locs,
                      u->ncode, consts, names, varnames, cellvars, freevars,
                      c->filename, name, qualname);
    u->code = NULL;
    u->locs = NULL;
    if (code == NULL) {
        goto nomem;
    }
    goto done;
nomem:
    compile_nomem(c);
done:
    Mp_XDECREF(consts);
    Mp_XDECREF(names);
    Mp_XDECREF(varnames);
    Mp_XDECREF(cellvars);
    Mp_XDECREF(freevars);
    Mp_XDECREF(name);
    Mp_XDECREF(qualname);
    drop_unit(c);
    return code;
}

/* Pushes the function made from code (STEALS code) with the parts named
   by flags already on the stack: adds the closure tuple (LOAD_CLOSURE of
   each free variable of code, from the current unit's cells) and emits
   MAKE_FUNCTION. */
static int
make_function(Compiler *c, MpObject *code, int flags)
{
    MpCodeObject *co = (MpCodeObject *)code;
    int r = -1;
    if (co->co_nfreevars > 0) {
        for (int i = 0; i < co->co_nfreevars; i++) {
            const char *fname =
                MpStr_AsUTF8(MpTuple_GET_ITEM(co->co_freevars, i));
            if (fname == NULL) {
                compile_nomem(c);
                goto done;
            }
            int idx = deref_index(c, c->u, fname);
            if (idx < 0 || emit(c, LOAD_CLOSURE, idx) < 0) {
                goto done;
            }
        }
        if (emit(c, BUILD_TUPLE, co->co_nfreevars) < 0) {
            goto done;
        }
        flags |= 8;
    }
    if (emit_const(c, (ConstEntry){.tag = K_OBJECT, .obj = code}) < 0 ||
        emit(c, MAKE_FUNCTION, flags) < 0) {
        goto done;
    }
    r = 0;
done:
    Mp_DECREF(code);
    return r;
}
/* }====== */

/* {====== Expressions ====== */

static int compile_expr(Compiler *c, MpNode *e);
static int compile_store(Compiler *c, MpNode *t);
static int compile_stmts(Compiler *c, MpSeq *body);
static int compile_lambda(Compiler *c, MpNode *e);
static int compile_comprehension(Compiler *c, MpNode *e);

static int
compile_exprs(Compiler *c, MpSeq *seq)
{
    for (int i = 0; i < MpSeq_Len(seq); i++) {
        if (compile_expr(c, seq->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static MpBinOp
binop_of(int op)
{
    switch (op) {
    case MP_OP_Add: return MP_BINOP_ADD;
    case MP_OP_Sub: return MP_BINOP_SUBTRACT;
    case MP_OP_Mult: return MP_BINOP_MULTIPLY;
    case MP_OP_MatMult: return MP_BINOP_MATRIX_MULTIPLY;
    case MP_OP_Div: return MP_BINOP_TRUE_DIVIDE;
    case MP_OP_Mod: return MP_BINOP_REMAINDER;
    case MP_OP_Pow: return MP_BINOP_POWER;
    case MP_OP_LShift: return MP_BINOP_LSHIFT;
    case MP_OP_RShift: return MP_BINOP_RSHIFT;
    case MP_OP_BitOr: return MP_BINOP_OR;
    case MP_OP_BitXor: return MP_BINOP_XOR;
    case MP_OP_BitAnd: return MP_BINOP_AND;
    default: return MP_BINOP_FLOOR_DIVIDE;
    }
}

static int
emit_compare(Compiler *c, int op)
{
    switch (op) {
    case MP_OP_Eq: return emit(c, COMPARE_OP, Mp_EQ);
    case MP_OP_NotEq: return emit(c, COMPARE_OP, Mp_NE);
    case MP_OP_Lt: return emit(c, COMPARE_OP, Mp_LT);
    case MP_OP_LtE: return emit(c, COMPARE_OP, Mp_LE);
    case MP_OP_Gt: return emit(c, COMPARE_OP, Mp_GT);
    case MP_OP_GtE: return emit(c, COMPARE_OP, Mp_GE);
    case MP_OP_Is: return emit(c, IS_OP, 0);
    case MP_OP_IsNot: return emit(c, IS_OP, 1);
    case MP_OP_In: return emit(c, CONTAINS_OP, 0);
    default: return emit(c, CONTAINS_OP, 1);
    }
}

/* a < b < c: each middle operand is evaluated once and kept (SWAP/COPY)
   for the next comparison; a false result jumps to a clean-up that drops
   the kept operand. */
static int
compile_compare(Compiler *c, MpNode *e)
{
    MpIntSeq *ops = e->v.Compare.ops;
    MpSeq *rhs = e->v.Compare.comparators;
    int n = ops->n;
    if (compile_expr(c, e->v.Compare.left) < 0) {
        return -1;
    }
    if (n == 1) {
        return compile_expr(c, rhs->items[0]) < 0 ? -1
                                                   : emit_compare(c, ops->items[0]);
    }
    int cleanup = new_label(c), end = new_label(c);
    if (cleanup < 0 || end < 0) {
        return -1;
    }
    for (int i = 0; i < n - 1; i++) {
        if (compile_expr(c, rhs->items[i]) < 0 || emit(c, SWAP, 2) < 0 ||
            emit(c, COPY, 2) < 0 || emit_compare(c, ops->items[i]) < 0 ||
            emit_jump(c, JUMP_IF_FALSE_OR_POP, cleanup) < 0) {
            return -1;
        }
    }
    if (compile_expr(c, rhs->items[n - 1]) < 0 ||
        emit_compare(c, ops->items[n - 1]) < 0 || emit_jump(c, JUMP, end) < 0) {
        return -1;
    }
    use_label(c, cleanup);
    if (emit(c, SWAP, 2) < 0 || emit(c, POP_TOP, 0) < 0) {
        return -1;
    }
    use_label(c, end);
    return 0;
}

/* Jumps to label when e's truth equals cond, falling through otherwise;
   `not`, `and` and `or` become jumps instead of values. */
static int
compile_jump_if(Compiler *c, MpNode *e, int cond, int label)
{
    if (e->kind == MP_AST_UnaryOp && e->v.UnaryOp.op == MP_OP_Not) {
        return compile_jump_if(c, e->v.UnaryOp.operand, !cond, label);
    }
    if (e->kind == MP_AST_IfExp) {
        /* test ? jump_if(body) : jump_if(orelse), without building the
           value, as CPython. */
        int orelse = new_label(c), end = new_label(c);
        if (orelse < 0 || end < 0 ||
            compile_jump_if(c, e->v.IfExp.test, 0, orelse) < 0 ||
            compile_jump_if(c, e->v.IfExp.body, cond, label) < 0 ||
            emit_jump(c, JUMP, end) < 0) {
            return -1;
        }
        use_label(c, orelse);
        if (compile_jump_if(c, e->v.IfExp.orelse, cond, label) < 0) {
            return -1;
        }
        use_label(c, end);
        return 0;
    }
    if (e->kind == MP_AST_BoolOp) {
        MpSeq *vals = e->v.BoolOp.values;
        int is_or = e->v.BoolOp.op == MP_OP_Or;
        int n = MpSeq_Len(vals);
        /* or with cond true / and with cond false: any item decides. */
        if (is_or == cond) {
            for (int i = 0; i < n; i++) {
                if (compile_jump_if(c, vals->items[i], cond, label) < 0) {
                    return -1;
                }
            }
            return 0;
        }
        int next = new_label(c);
        if (next < 0) {
            return -1;
        }
        for (int i = 0; i < n - 1; i++) {
            if (compile_jump_if(c, vals->items[i], !cond, next) < 0) {
                return -1;
            }
        }
        if (compile_jump_if(c, vals->items[n - 1], cond, label) < 0) {
            return -1;
        }
        use_label(c, next);
        return 0;
    }
    if (compile_expr(c, e) < 0) {
        return -1;
    }
    MpCodeLoc old = set_loc(c, e);
    int r = emit_jump(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, label);
    /* A comparison's location stays for what follows, as it does in
       CPython 3.11's compiler: so `assert x == 1` raises from the
       comparison, and the traceback marks it with ^^^^^^ (while
       `assert x` marks nothing). */
    if (e->kind != MP_AST_Compare) {
        c->u->loc = old;
    }
    return r;
}

static int
has_starred(MpSeq *elts)
{
    for (int i = 0; i < MpSeq_Len(elts); i++) {
        if (((MpNode *)elts->items[i])->kind == MP_AST_Starred) {
            return 1;
        }
    }
    return 0;
}

/* A list, tuple or set display (or a call's positional arguments, with
   `pushed` values already on the stack that become its first items).
   Without a starred item: the items then BUILD_<kind>.  With one: a list
   grown by LIST_APPEND/LIST_EXTEND (a set by SET_ADD/SET_UPDATE), then
   LIST_TO_TUPLE for a tuple. */
static int
compile_starunpack(Compiler *c, MpSeq *elts, int pushed, MpOpcode build)
{
    int n = MpSeq_Len(elts);
    if (!has_starred(elts)) {
        if (compile_exprs(c, elts) < 0) {
            return -1;
        }
        return emit(c, build, pushed + n);
    }
    int is_set = build == BUILD_SET;
    int built = 0, seen = pushed;
    for (int i = 0; i < n; i++) {
        MpNode *x = elts->items[i];
        if (x->kind == MP_AST_Starred) {
            if (!built) {
                if (emit(c, is_set ? BUILD_SET : BUILD_LIST, seen) < 0) {
                    return -1;
                }
                built = 1;
            }
            if (compile_expr(c, x->v.Starred.value) < 0 ||
                emit(c, is_set ? SET_UPDATE : LIST_EXTEND, 1) < 0) {
                return -1;
            }
        }
        else {
            if (compile_expr(c, x) < 0) {
                return -1;
            }
            if (built) {
                if (emit(c, is_set ? SET_ADD : LIST_APPEND, 1) < 0) {
                    return -1;
                }
            }
            else {
                seen++;
            }
        }
    }
    if (build == BUILD_TUPLE) {
        return emit(c, LIST_TO_TUPLE, 0);
    }
    return 0;
}

static int
compile_dict(Compiler *c, MpNode *e)
{
    MpSeq *keys = e->v.Dict.keys, *vals = e->v.Dict.values;
    int n = MpSeq_Len(vals), pending = 0, have_dict = 0;
    for (int i = 0; i < n; i++) {
        MpNode *k = keys ? keys->items[i] : NULL;
        if (k == NULL) {
            /* {**m}: flush the pairs so far, then merge m. */
            if (pending > 0) {
                if (emit(c, BUILD_MAP, pending) < 0 ||
                    (have_dict && emit(c, DICT_UPDATE, 1) < 0)) {
                    return -1;
                }
                have_dict = 1;
                pending = 0;
            }
            if (!have_dict) {
                if (emit(c, BUILD_MAP, 0) < 0) {
                    return -1;
                }
                have_dict = 1;
            }
            if (compile_expr(c, vals->items[i]) < 0 ||
                emit(c, DICT_UPDATE, 1) < 0) {
                return -1;
            }
        }
        else {
            if (compile_expr(c, k) < 0 || compile_expr(c, vals->items[i]) < 0) {
                return -1;
            }
            pending++;
        }
    }
    if (pending > 0 || !have_dict) {
        if (emit(c, BUILD_MAP, pending) < 0 ||
            (have_dict && emit(c, DICT_UPDATE, 1) < 0)) {
            return -1;
        }
    }
    return 0;
}

/* The arguments of a call whose callable (and `pushed` leading arguments)
   are on the stack in CALL's layout, and the call itself: CALL with
   KW_NAMES, or, when there is a *x or **m, a tuple (and a dict) for
   CALL_FUNCTION_EX. */
/* "keyword argument repeated: x", at the second one (CPython's
   validate_keywords; the parser lets it through). */
static int
validate_keywords(Compiler *c, MpSeq *keywords)
{
    int nkw = MpSeq_Len(keywords);
    for (int i = 0; i < nkw; i++) {
        const char *a = ((MpNode *)keywords->items[i])->v.keyword.arg;
        for (int j = i + 1; a != NULL && j < nkw; j++) {
            MpNode *other = keywords->items[j];
            if (other->v.keyword.arg != NULL &&
                strcmp(a, other->v.keyword.arg) == 0) {
                return compile_error(c, other,
                                     "keyword argument repeated: %s", a);
            }
        }
    }
    return 0;
}

static int
compile_call_helper(Compiler *c, int pushed, MpSeq *args, MpSeq *keywords)
{
    int nargs = MpSeq_Len(args), nkw = MpSeq_Len(keywords);
    int dstar = 0;
    if (validate_keywords(c, keywords) < 0) {
        return -1;
    }
    for (int i = 0; i < nkw; i++) {
        if (((MpNode *)keywords->items[i])->v.keyword.arg == NULL) {
            dstar = 1;
        }
    }
    if (!dstar && !has_starred(args)) {
        if (compile_exprs(c, args) < 0) {
            return -1;
        }
        if (nkw > 0) {
            const char **names = MpArena_Alloc(c->arena,
                                               sizeof *names * (size_t)nkw);
            if (names == NULL) {
                return compile_nomem(c);
            }
            for (int i = 0; i < nkw; i++) {
                MpNode *kw = keywords->items[i];
                names[i] = kw->v.keyword.arg;
                if (compile_expr(c, kw->v.keyword.value) < 0) {
                    return -1;
                }
            }
            int k = add_strtuple(c, names, nkw);
            if (k < 0 || emit(c, KW_NAMES, k) < 0) {
                return -1;
            }
        }
        return emit(c, CALL, pushed + nargs + nkw);
    }
    /* The positional arguments as one tuple -- or, for f(*x) alone, x
       itself, which CALL_FUNCTION_EX converts (so that its error names
       the function: "f() argument after * must be an iterable"). */
    if (pushed == 0 && nargs == 1 &&
        ((MpNode *)args->items[0])->kind == MP_AST_Starred) {
        if (compile_expr(c, ((MpNode *)args->items[0])->v.Starred.value) <
            0) {
            return -1;
        }
    }
    else if (compile_starunpack(c, args, pushed, BUILD_TUPLE) < 0) {
        return -1;
    }
    if (nkw == 0) {
        return emit(c, CALL_FUNCTION_EX, 0);
    }
    int pending = 0, have_dict = 0;
    for (int i = 0; i < nkw; i++) {
        MpNode *kw = keywords->items[i];
        if (kw->v.keyword.arg == NULL) {
            if (pending > 0) {
                if (emit(c, BUILD_MAP, pending) < 0 ||
                    (have_dict && emit(c, DICT_MERGE, 1) < 0)) {
                    return -1;
                }
                have_dict = 1;
                pending = 0;
            }
            if (!have_dict) {
                if (emit(c, BUILD_MAP, 0) < 0) {
                    return -1;
                }
                have_dict = 1;
            }
            if (compile_expr(c, kw->v.keyword.value) < 0 ||
                emit(c, DICT_MERGE, 1) < 0) {
                return -1;
            }
        }
        else {
            if (emit_str(c, kw->v.keyword.arg) < 0 ||
                compile_expr(c, kw->v.keyword.value) < 0) {
                return -1;
            }
            pending++;
        }
    }
    if (pending > 0) {
        if (emit(c, BUILD_MAP, pending) < 0 ||
            (have_dict && emit(c, DICT_MERGE, 1) < 0)) {
            return -1;
        }
    }
    return emit(c, CALL_FUNCTION_EX, 1);
}

static int
compile_call(Compiler *c, MpNode *e)
{
    MpNode *f = e->v.Call.func;
    MpSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
    int plain = !has_starred(args);
    if (validate_keywords(c, kws) < 0) {
        return -1;
    }
    for (int i = 0; i < MpSeq_Len(kws); i++) {
        if (((MpNode *)kws->items[i])->v.keyword.arg == NULL) {
            plain = 0;
        }
    }
    if (plain && f->kind == MP_AST_Attribute) {
        /* obj.m(...): LOAD_METHOD leaves [method, obj] or [NULL, attr]. */
        if (compile_expr(c, f->v.Attribute.value) < 0) {
            return -1;
        }
        MpCodeLoc old = set_loc(c, f);
        const char *m = mangle(c, f->v.Attribute.attr);
        int r = m == NULL ? -1 : emit_name(c, LOAD_METHOD, m);
        c->u->loc = old;
        if (r < 0) {
            return -1;
        }
    }
    else if (emit(c, PUSH_NULL, 0) < 0 || compile_expr(c, f) < 0) {
        return -1;
    }
    return compile_call_helper(c, 0, args, kws);
}

static int
compile_joinedstr(Compiler *c, MpNode *e)
{
    MpSeq *vals = e->v.JoinedStr.values;
    int n = MpSeq_Len(vals);
    if (n == 0) {
        return emit_str(c, "");
    }
    if (compile_exprs(c, vals) < 0) {
        return -1;
    }
    if (n == 1 && ((MpNode *)vals->items[0])->kind == MP_AST_FormattedValue) {
        return 0;
    }
    return n == 1 ? 0 : emit(c, BUILD_STRING, n);
}

static int
compile_formatted(Compiler *c, MpNode *e)
{
    int conv = e->v.FormattedValue.conversion;
    int flags = conv == 's' ? 1 : conv == 'r' ? 2 : conv == 'a' ? 3 : 0;
    if (compile_expr(c, e->v.FormattedValue.value) < 0) {
        return -1;
    }
    if (e->v.FormattedValue.format_spec != NULL) {
        if (compile_expr(c, e->v.FormattedValue.format_spec) < 0) {
            return -1;
        }
        flags |= 4;
    }
    return emit(c, FORMAT_VALUE, flags);
}

static int
compile_slice_part(Compiler *c, MpNode *e)
{
    return e ? compile_expr(c, e) : emit_none(c);
}

static int
compile_yield_from(Compiler *c)
{
    /* [iter, value] SEND: the sub-iterator's next value is yielded and
       what the caller sends comes back to SEND; when it is done SEND
       jumps with its result. */
    int loop = new_label(c), exit = new_label(c);
    if (loop < 0 || exit < 0 || emit(c, GET_YIELD_FROM_ITER, 0) < 0 ||
        emit_none(c) < 0) {
        return -1;
    }
    use_label(c, loop);
    if (emit_jump(c, SEND, exit) < 0 || emit(c, YIELD_VALUE, 0) < 0 ||
        emit_jump(c, JUMP, loop) < 0) {
        return -1;
    }
    use_label(c, exit);
    return 0;
}

static int
in_function(Compiler *c)
{
    return c->u->ste->type == MP_BLOCK_FUNCTION;
}

static int
compile_expr_inner(Compiler *c, MpNode *e)
{
    switch (e->kind) {
    case MP_AST_Constant:
        return emit_const(c, const_key(&e->v.Constant.value));
    case MP_AST_Name:
        return compile_nameop(c, e->v.Name.id, CTX_LOAD);
    case MP_AST_BinOp:
        if (compile_expr(c, e->v.BinOp.left) < 0 ||
            compile_expr(c, e->v.BinOp.right) < 0) {
            return -1;
        }
        return emit(c, BINARY_OP, binop_of(e->v.BinOp.op));
    case MP_AST_UnaryOp: {
        static const MpOpcode ops[] = {
            [MP_OP_Invert] = UNARY_INVERT,
            [MP_OP_Not] = UNARY_NOT,
            [MP_OP_UAdd] = UNARY_POSITIVE,
            [MP_OP_USub] = UNARY_NEGATIVE,
        };
        if (compile_expr(c, e->v.UnaryOp.operand) < 0) {
            return -1;
        }
        return emit(c, ops[e->v.UnaryOp.op], 0);
    }
    case MP_AST_BoolOp: {
        MpSeq *vals = e->v.BoolOp.values;
        int n = MpSeq_Len(vals), end = new_label(c);
        MpOpcode op = e->v.BoolOp.op == MP_OP_And ? JUMP_IF_FALSE_OR_POP
                                                  : JUMP_IF_TRUE_OR_POP;
        if (end < 0) {
            return -1;
        }
        for (int i = 0; i < n - 1; i++) {
            if (compile_expr(c, vals->items[i]) < 0 ||
                emit_jump(c, op, end) < 0) {
                return -1;
            }
        }
        if (compile_expr(c, vals->items[n - 1]) < 0) {
            return -1;
        }
        use_label(c, end);
        return 0;
    }
    case MP_AST_Compare:
        return compile_compare(c, e);
    case MP_AST_IfExp: {
        int orelse = new_label(c), end = new_label(c);
        if (orelse < 0 || end < 0 ||
            compile_jump_if(c, e->v.IfExp.test, 0, orelse) < 0 ||
            compile_expr(c, e->v.IfExp.body) < 0 ||
            emit_jump(c, JUMP, end) < 0) {
            return -1;
        }
        use_label(c, orelse);
        if (compile_expr(c, e->v.IfExp.orelse) < 0) {
            return -1;
        }
        use_label(c, end);
        return 0;
    }
    case MP_AST_Attribute: {
        if (compile_expr(c, e->v.Attribute.value) < 0) {
            return -1;
        }
        const char *m = mangle(c, e->v.Attribute.attr);
        return m == NULL ? -1 : emit_name(c, LOAD_ATTR, m);
    }
    case MP_AST_Subscript:
        if (compile_expr(c, e->v.Subscript.value) < 0 ||
            compile_expr(c, e->v.Subscript.slice) < 0) {
            return -1;
        }
        return emit(c, BINARY_SUBSCR, 0);
    case MP_AST_Slice: {
        int n = e->v.Slice.step ? 3 : 2;
        if (compile_slice_part(c, e->v.Slice.lower) < 0 ||
            compile_slice_part(c, e->v.Slice.upper) < 0 ||
            (n == 3 && compile_expr(c, e->v.Slice.step) < 0)) {
            return -1;
        }
        return emit(c, BUILD_SLICE, n);
    }
    case MP_AST_Call:
        return compile_call(c, e);
    case MP_AST_List:
        return compile_starunpack(c, e->v.List.elts, 0, BUILD_LIST);
    case MP_AST_Tuple:
        return compile_starunpack(c, e->v.Tuple.elts, 0, BUILD_TUPLE);
    case MP_AST_Set:
        return compile_starunpack(c, e->v.Set.elts, 0, BUILD_SET);
    case MP_AST_Dict:
        return compile_dict(c, e);
    case MP_AST_JoinedStr:
        return compile_joinedstr(c, e);
    case MP_AST_FormattedValue:
        return compile_formatted(c, e);
    case MP_AST_Lambda:
        return compile_lambda(c, e);
    case MP_AST_NamedExpr:
        if (compile_expr(c, e->v.NamedExpr.value) < 0 ||
            emit(c, COPY, 1) < 0) {
            return -1;
        }
        return compile_store(c, e->v.NamedExpr.target);
    case MP_AST_ListComp:
    case MP_AST_SetComp:
    case MP_AST_DictComp:
    case MP_AST_GeneratorExp:
        return compile_comprehension(c, e);
    case MP_AST_Yield:
        if (!in_function(c)) {
            return compile_error(c, e, "%s", "'yield' outside function");
        }
        if (e->v.Yield.value ? compile_expr(c, e->v.Yield.value) < 0
                             : emit_none(c) < 0) {
            return -1;
        }
        return emit(c, YIELD_VALUE, 0);
    case MP_AST_YieldFrom:
        if (!in_function(c)) {
            return compile_error(c, e, "%s", "'yield' outside function");
        }
        if (compile_expr(c, e->v.YieldFrom.value) < 0) {
            return -1;
        }
        return compile_yield_from(c);
    case MP_AST_Await:
        return unsupported(c, e, "'await'");
    case MP_AST_Starred:
        return compile_error(c, e, "%s", "can't use starred expression here");
    default:
        return compile_error(c, e, "compiler: unexpected %s node",
                             MpAst_KindName(e->kind));
    }
}

/* Compiles e so that its value is pushed; its instructions carry e's
   location (restored afterwards for the parent's instructions). */
static int
compile_expr(Compiler *c, MpNode *e)
{
    MpCodeLoc old = set_loc(c, e);
    int r = compile_expr_inner(c, e);
    c->u->loc = old;
    return r;
}
/* }====== */

/* {====== Functions, lambdas, comprehensions, classes ====== */

static int compile_annotation(Compiler *c, MpNode *ann);

/* Pushes the defaults tuple and the keyword-only defaults dict of args;
   returns MAKE_FUNCTION's flags for them (1, 2) or -1. */
static int
compile_defaults(Compiler *c, MpNode *args)
{
    int flags = 0;
    MpSeq *defs = args->v.arguments.defaults;
    if (MpSeq_Len(defs) > 0) {
        if (compile_exprs(c, defs) < 0 ||
            emit(c, BUILD_TUPLE, MpSeq_Len(defs)) < 0) {
            return -1;
        }
        flags |= 1;
    }
    MpSeq *kwonly = args->v.arguments.kwonlyargs;
    MpSeq *kwdefs = args->v.arguments.kw_defaults;
    int n = MpSeq_Len(kwonly), nk = 0;
    const char **names = NULL;
    for (int i = 0; i < n; i++) {
        MpNode *d = i < MpSeq_Len(kwdefs) ? kwdefs->items[i] : NULL;
        if (d == NULL) {
            continue;
        }
        if (names == NULL) {
            names = MpArena_Alloc(c->arena, sizeof *names * (size_t)n);
            if (names == NULL) {
                return compile_nomem(c);
            }
        }
        names[nk] = mangle(c, ((MpNode *)kwonly->items[i])->v.arg.arg);
        if (names[nk] == NULL || compile_expr(c, d) < 0) {
            return -1;
        }
        nk++;
    }
    if (nk > 0) {
        int k = add_strtuple(c, names, nk);
        if (k < 0 || emit(c, LOAD_CONST, k) < 0 ||
            emit(c, BUILD_CONST_KEY_MAP, nk) < 0) {
            return -1;
        }
        flags |= 2;
    }
    return flags;
}

static int
compile_arg_annotation(Compiler *c, const char *name, MpNode *ann, int *n)
{
    if (ann == NULL) {
        return 0;
    }
    const char *m = mangle(c, name);
    if (m == NULL || emit_str(c, m) < 0 || compile_annotation(c, ann) < 0) {
        return -1;
    }
    (*n)++;
    return 0;
}

static int
compile_arg_annotations(Compiler *c, MpSeq *seq, int *n)
{
    for (int i = 0; i < MpSeq_Len(seq); i++) {
        MpNode *a = seq->items[i];
        if (compile_arg_annotation(c, a->v.arg.arg, a->v.arg.annotation, n) <
            0) {
            return -1;
        }
    }
    return 0;
}

/* Pushes the flat (name, value, ...) tuple MAKE_FUNCTION takes for
   annotations (func.c turns it into the dict); returns 4 or 0, or -1. */
static int
compile_annotations(Compiler *c, MpNode *args, MpNode *returns)
{
    int n = 0;
    MpNode *va = args->v.arguments.vararg, *kw = args->v.arguments.kwarg;
    if (compile_arg_annotations(c, args->v.arguments.posonlyargs, &n) < 0 ||
        compile_arg_annotations(c, args->v.arguments.args, &n) < 0 ||
        (va && compile_arg_annotation(c, va->v.arg.arg, va->v.arg.annotation,
                                      &n) < 0) ||
        compile_arg_annotations(c, args->v.arguments.kwonlyargs, &n) < 0 ||
        (kw && compile_arg_annotation(c, kw->v.arg.arg, kw->v.arg.annotation,
                                      &n) < 0) ||
        compile_arg_annotation(c, "return", returns, &n) < 0) {
        return -1;
    }
    if (n == 0) {
        return 0;
    }
    return emit(c, BUILD_TUPLE, 2 * n) < 0 ? -1 : 4;
}

static void
set_arg_counts(Unit *u, MpNode *args)
{
    u->posonlyargcount = MpSeq_Len(args->v.arguments.posonlyargs);
    u->argcount = u->posonlyargcount + MpSeq_Len(args->v.arguments.args);
    u->kwonlyargcount = MpSeq_Len(args->v.arguments.kwonlyargs);
}

/* The docstring of a body: its first statement when that is a string
   constant, else NULL. */
static MpNode *
docstring_of(MpSeq *body)
{
    if (MpSeq_Len(body) == 0) {
        return NULL;
    }
    MpNode *s = body->items[0];
    if (s->kind != MP_AST_Expr) {
        return NULL;
    }
    MpNode *v = s->v.Expr.value;
    if (v->kind == MP_AST_Constant &&
        v->v.Constant.value.kind == MP_CONST_STR) {
        return v;
    }
    return NULL;
}

/* Pushes each decorator behind a NULL, for CALL 1 each afterwards. */
static int
compile_decorators(Compiler *c, MpSeq *decos)
{
    for (int i = 0; i < MpSeq_Len(decos); i++) {
        if (emit(c, PUSH_NULL, 0) < 0 || compile_expr(c, decos->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
apply_decorators(Compiler *c, MpSeq *decos)
{
    for (int i = MpSeq_Len(decos) - 1; i >= 0; i--) {
        MpCodeLoc old = set_loc(c, decos->items[i]);
        int r = emit(c, CALL, 1);
        c->u->loc = old;
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

static int
compile_function(Compiler *c, MpNode *s)
{
    MpNode *args = s->v.FunctionDef.args;
    MpSeq *decos = s->v.FunctionDef.decorator_list;
    MpSeq *body = s->v.FunctionDef.body;
    int firstlineno = s->lineno;
    if (MpSeq_Len(decos) > 0) {
        firstlineno = ((MpNode *)decos->items[0])->lineno;
    }
    if (compile_decorators(c, decos) < 0) {
        return -1;
    }
    int flags = compile_defaults(c, args);
    if (flags < 0) {
        return -1;
    }
    int ann = compile_annotations(c, args, s->v.FunctionDef.returns);
    if (ann < 0) {
        return -1;
    }
    flags |= ann;
    if (enter_unit(c, U_FUNCTION, s, s->v.FunctionDef.name, firstlineno) < 0) {
        return -1;
    }
    set_arg_counts(c->u, args);
    /* co_consts[0]: the docstring, or None (func.c reads __doc__ there). */
    MpNode *doc = docstring_of(body);
    if (add_const(c, doc ? const_key(&doc->v.Constant.value)
                         : (ConstEntry){.tag = K_NONE}) < 0) {
        drop_unit(c);
        return -1;
    }
    if (compile_stmts(c, body) < 0 || emit_none(c) < 0 ||
        emit(c, RETURN_VALUE, 0) < 0) {
        drop_unit(c);
        return -1;
    }
    MpObject *code = exit_unit(c);
    if (code == NULL || make_function(c, code, flags) < 0 ||
        apply_decorators(c, decos) < 0) {
        return -1;
    }
    return compile_nameop(c, s->v.FunctionDef.name, CTX_STORE);
}

static int
compile_lambda(Compiler *c, MpNode *e)
{
    MpNode *args = e->v.Lambda.args;
    int flags = compile_defaults(c, args);
    if (flags < 0 || enter_unit(c, U_LAMBDA, e, "<lambda>", e->lineno) < 0) {
        return -1;
    }
    set_arg_counts(c->u, args);
    /* None first, so that a lambda has no docstring. */
    if (add_const(c, (ConstEntry){.tag = K_NONE}) < 0 ||
        compile_expr(c, e->v.Lambda.body) < 0) {
        drop_unit(c);
        return -1;
    }
    MpCodeLoc old = set_loc(c, e->v.Lambda.body);
    int r = emit(c, RETURN_VALUE, 0);
    c->u->loc = old;
    if (r < 0) {
        drop_unit(c);
        return -1;
    }
    MpObject *code = exit_unit(c);
    return code == NULL ? -1 : make_function(c, code, flags);
}

/* One `for ... in ... if ...` of a comprehension and, inside it, the
   next ones or the element: the innermost loop adds the element to the
   container `depth` values below the top (after the loop iterators). */
static int
compile_comp_generator(Compiler *c, MpNode *e, MpSeq *gens, int i)
{
    MpNode *g = gens->items[i];
    int n = MpSeq_Len(gens);
    if (g->v.comprehension.is_async) {
        return unsupported(c, g, "asynchronous comprehension");
    }
    int start = new_label(c), end = new_label(c);
    if (start < 0 || end < 0) {
        return -1;
    }
    if (i == 0) {
        int slot = name_index(c, &c->u->varnames, ".0");
        if (slot < 0 || emit(c, LOAD_FAST, slot) < 0) {
            return -1;
        }
    }
    else if (compile_expr(c, g->v.comprehension.iter) < 0 ||
             emit(c, GET_ITER, 0) < 0) {
        return -1;
    }
    use_label(c, start);
    if (emit_jump(c, FOR_ITER, end) < 0 ||
        compile_store(c, g->v.comprehension.target) < 0) {
        return -1;
    }
    MpSeq *ifs = g->v.comprehension.ifs;
    for (int k = 0; k < MpSeq_Len(ifs); k++) {
        if (compile_jump_if(c, ifs->items[k], 0, start) < 0) {
            return -1;
        }
    }
    if (i + 1 < n) {
        if (compile_comp_generator(c, e, gens, i + 1) < 0) {
            return -1;
        }
    }
    else {
        int depth = n + 1;  // the iterators, then the container
        int r;
        switch (e->kind) {
        case MP_AST_GeneratorExp:
            r = compile_expr(c, e->v.GeneratorExp.elt) < 0 ||
                        emit(c, YIELD_VALUE, 0) < 0 || emit(c, POP_TOP, 0) < 0
                    ? -1
                    : 0;
            break;
        case MP_AST_ListComp:
            r = compile_expr(c, e->v.ListComp.elt) < 0 ||
                        emit(c, LIST_APPEND, depth) < 0
                    ? -1
                    : 0;
            break;
        case MP_AST_SetComp:
            r = compile_expr(c, e->v.SetComp.elt) < 0 ||
                        emit(c, SET_ADD, depth) < 0
                    ? -1
                    : 0;
            break;
        default:
            r = compile_expr(c, e->v.DictComp.key) < 0 ||
                        compile_expr(c, e->v.DictComp.value) < 0 ||
                        emit(c, MAP_ADD, depth) < 0
                    ? -1
                    : 0;
            break;
        }
        if (r < 0) {
            return -1;
        }
    }
    if (emit_jump(c, JUMP, start) < 0) {
        return -1;
    }
    use_label(c, end);
    return 0;
}

/* A comprehension is a function of one argument, `.0`, the iterator of
   its first `for`, which is evaluated where the comprehension is:
       PUSH_NULL; <make function>; <first iterable>; GET_ITER; CALL 1 */
static int
compile_comprehension(Compiler *c, MpNode *e)
{
    MpSeq *gens;
    const char *name;
    MpOpcode build;
    switch (e->kind) {
    case MP_AST_ListComp:
        gens = e->v.ListComp.generators;
        name = "<listcomp>";
        build = BUILD_LIST;
        break;
    case MP_AST_SetComp:
        gens = e->v.SetComp.generators;
        name = "<setcomp>";
        build = BUILD_SET;
        break;
    case MP_AST_DictComp:
        gens = e->v.DictComp.generators;
        name = "<dictcomp>";
        build = BUILD_MAP;
        break;
    default:
        gens = e->v.GeneratorExp.generators;
        name = "<genexpr>";
        build = NOP;
        break;
    }
    MpNode *outer = gens->items[0];
    if (emit(c, PUSH_NULL, 0) < 0 ||
        enter_unit(c, U_COMPREHENSION, e, name, e->lineno) < 0) {
        return -1;
    }
    c->u->argcount = 1;
    if (add_const(c, (ConstEntry){.tag = K_NONE}) < 0 ||
        (build != NOP && emit(c, build, 0) < 0) ||
        compile_comp_generator(c, e, gens, 0) < 0 ||
        (build == NOP && emit_none(c) < 0) || emit(c, RETURN_VALUE, 0) < 0) {
        drop_unit(c);
        return -1;
    }
    MpObject *code = exit_unit(c);
    if (code == NULL || make_function(c, code, 0) < 0 ||
        compile_expr(c, outer->v.comprehension.iter) < 0 ||
        emit(c, GET_ITER, 0) < 0) {
        return -1;
    }
    return emit(c, CALL, 1);
}

static int compile_setup_annotations(Compiler *c, MpSeq *body);

static int
compile_class(Compiler *c, MpNode *s)
{
    MpSeq *decos = s->v.ClassDef.decorator_list;
    MpSeq *body = s->v.ClassDef.body;
    const char *name = s->v.ClassDef.name;
    int firstlineno = s->lineno;
    if (MpSeq_Len(decos) > 0) {
        firstlineno = ((MpNode *)decos->items[0])->lineno;
    }
    if (compile_decorators(c, decos) < 0 || emit(c, PUSH_NULL, 0) < 0 ||
        emit(c, LOAD_BUILD_CLASS, 0) < 0 ||
        enter_unit(c, U_CLASS, s, name, firstlineno) < 0) {
        return -1;
    }
    Unit *u = c->u;
    MpNode *doc = docstring_of(body);
    if (compile_nameop(c, "__name__", CTX_LOAD) < 0 ||
        compile_nameop(c, "__module__", CTX_STORE) < 0 ||
        emit_str(c, u->qualname) < 0 ||
        compile_nameop(c, "__qualname__", CTX_STORE) < 0 ||
        (doc && (emit_const(c, const_key(&doc->v.Constant.value)) < 0 ||
                 compile_nameop(c, "__doc__", CTX_STORE) < 0)) ||
        compile_setup_annotations(c, body) < 0 ||
        compile_stmts(c, body) < 0) {
        drop_unit(c);
        return -1;
    }
    /* The body returns the __class__ cell for type creation to fill. */
    int r;
    if (u->ste->needs_class_closure) {
        int i = MpNameTab_Find(&u->cellvars, "__class__");
        r = emit(c, LOAD_CLOSURE, i);
    }
    else {
        r = emit_none(c);
    }
    if (r < 0 || emit(c, RETURN_VALUE, 0) < 0) {
        drop_unit(c);
        return -1;
    }
    MpObject *code = exit_unit(c);
    if (code == NULL || make_function(c, code, 0) < 0 ||
        emit_str(c, name) < 0 ||
        compile_call_helper(c, 2, s->v.ClassDef.bases,
                            s->v.ClassDef.keywords) < 0 ||
        apply_decorators(c, decos) < 0) {
        return -1;
    }
    return compile_nameop(c, name, CTX_STORE);
}
/* }====== */

/* {====== Assignment targets ====== */

/* Unpacks the sequence on top into the items of a tuple or list target:
   UNPACK_SEQUENCE, or UNPACK_EX around one starred item. */
static int
compile_unpack(Compiler *c, MpNode *t, MpSeq *elts)
{
    int n = MpSeq_Len(elts), star = -1;
    for (int i = 0; i < n; i++) {
        MpNode *x = elts->items[i];
        if (x->kind == MP_AST_Starred) {
            if (star >= 0) {
                return compile_error(c, x, "%s",
                                     "multiple starred expressions in "
                                     "assignment");
            }
            star = i;
        }
    }
    if (star < 0) {
        if (emit(c, UNPACK_SEQUENCE, n) < 0) {
            return -1;
        }
    }
    else {
        int after = n - star - 1;
        if (star >= 256 || after >= (1 << 16)) {
            return compile_error(c, t, "%s",
                                 "too many expressions in star-unpacking "
                                 "assignment");
        }
        if (emit(c, UNPACK_EX, (after << 8) | star) < 0) {
            return -1;
        }
    }
    for (int i = 0; i < n; i++) {
        MpNode *x = elts->items[i];
        if (compile_store(c, x->kind == MP_AST_Starred ? x->v.Starred.value
                                                       : x) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Stores the value on top into target t (popping it). */
static int
compile_store(Compiler *c, MpNode *t)
{
    MpCodeLoc old = set_loc(c, t);
    int r;
    switch (t->kind) {
    case MP_AST_Name:
        r = compile_nameop(c, t->v.Name.id, CTX_STORE);
        break;
    case MP_AST_Attribute: {
        const char *m = mangle(c, t->v.Attribute.attr);
        r = m == NULL || compile_expr(c, t->v.Attribute.value) < 0
                ? -1
                : emit_name(c, STORE_ATTR, m);
        break;
    }
    case MP_AST_Subscript:
        r = compile_expr(c, t->v.Subscript.value) < 0 ||
                    compile_expr(c, t->v.Subscript.slice) < 0
                ? -1
                : emit(c, STORE_SUBSCR, 0);
        break;
    case MP_AST_Tuple:
        r = compile_unpack(c, t, t->v.Tuple.elts);
        break;
    case MP_AST_List:
        r = compile_unpack(c, t, t->v.List.elts);
        break;
    case MP_AST_Starred:
        r = compile_error(c, t, "%s",
                          "starred assignment target must be in a list or "
                          "tuple");
        break;
    default:
        r = compile_error(c, t, "compiler: cannot assign to %s",
                          MpAst_KindName(t->kind));
        break;
    }
    c->u->loc = old;
    return r;
}

static int
compile_delete(Compiler *c, MpNode *t)
{
    MpCodeLoc old = set_loc(c, t);
    int r = 0;
    switch (t->kind) {
    case MP_AST_Name:
        r = compile_nameop(c, t->v.Name.id, CTX_DEL);
        break;
    case MP_AST_Attribute: {
        const char *m = mangle(c, t->v.Attribute.attr);
        r = m == NULL || compile_expr(c, t->v.Attribute.value) < 0
                ? -1
                : emit_name(c, DELETE_ATTR, m);
        break;
    }
    case MP_AST_Subscript:
        r = compile_expr(c, t->v.Subscript.value) < 0 ||
                    compile_expr(c, t->v.Subscript.slice) < 0
                ? -1
                : emit(c, DELETE_SUBSCR, 0);
        break;
    case MP_AST_Tuple:
    case MP_AST_List: {
        MpSeq *elts = t->kind == MP_AST_Tuple ? t->v.Tuple.elts
                                              : t->v.List.elts;
        for (int i = 0; i < MpSeq_Len(elts) && r == 0; i++) {
            r = compile_delete(c, elts->items[i]);
        }
        break;
    }
    default:
        r = compile_error(c, t, "compiler: cannot delete %s",
                          MpAst_KindName(t->kind));
        break;
    }
    c->u->loc = old;
    return r;
}

static int
compile_augassign(Compiler *c, MpNode *s)
{
    MpNode *t = s->v.AugAssign.target;
    int op = MP_BINOP_INPLACE + binop_of(s->v.AugAssign.op);
    switch (t->kind) {
    case MP_AST_Name:
        if (compile_nameop(c, t->v.Name.id, CTX_LOAD) < 0 ||
            compile_expr(c, s->v.AugAssign.value) < 0 ||
            emit(c, BINARY_OP, op) < 0) {
            return -1;
        }
        return compile_nameop(c, t->v.Name.id, CTX_STORE);
    case MP_AST_Attribute: {
        /* [obj] COPY 1; LOAD_ATTR; value; op; SWAP 2; STORE_ATTR */
        const char *m = mangle(c, t->v.Attribute.attr);
        if (m == NULL || compile_expr(c, t->v.Attribute.value) < 0 ||
            emit(c, COPY, 1) < 0 || emit_name(c, LOAD_ATTR, m) < 0 ||
            compile_expr(c, s->v.AugAssign.value) < 0 ||
            emit(c, BINARY_OP, op) < 0 || emit(c, SWAP, 2) < 0) {
            return -1;
        }
        return emit_name(c, STORE_ATTR, m);
    }
    case MP_AST_Subscript:
        /* [obj, key] COPY 2; COPY 2; BINARY_SUBSCR; value; op;
           SWAP 3; SWAP 2; STORE_SUBSCR */
        if (compile_expr(c, t->v.Subscript.value) < 0 ||
            compile_expr(c, t->v.Subscript.slice) < 0 ||
            emit(c, COPY, 2) < 0 || emit(c, COPY, 2) < 0 ||
            emit(c, BINARY_SUBSCR, 0) < 0 ||
            compile_expr(c, s->v.AugAssign.value) < 0 ||
            emit(c, BINARY_OP, op) < 0 || emit(c, SWAP, 3) < 0 ||
            emit(c, SWAP, 2) < 0) {
            return -1;
        }
        return emit(c, STORE_SUBSCR, 0);
    default:
        return compile_error(c, t, "compiler: cannot augment %s",
                             MpAst_KindName(t->kind));
    }
}
/* }====== */

/* {====== Annotations ====== */

/* An annotation's value: evaluated, or under `from __future__ import
   annotations` its source text, rebuilt from the tree as CPython does
   (unparse.c). */
static int
compile_annotation(Compiler *c, MpNode *ann)
{
    if (!c->future_annotations) {
        return compile_expr(c, ann);
    }
    MpStrBuf buf = {0};
    if (MpAst_UnparseAnnotation(ann, &buf) < 0) {
        MpStrBuf_Clear(&buf);
        MpErr_Clear();  // only MemoryError can happen here
        return compile_nomem(c);
    }
    char *s = MpArena_Strndup(c->arena, buf.data ? buf.data : "", buf.len);
    MpStrBuf_Clear(&buf);
    if (s == NULL) {
        return compile_nomem(c);
    }
    return emit_str(c, s);
}

/* Whether a module or class body has an annotated assignment (outside
   nested scopes): then it starts with SETUP_ANNOTATIONS. */
static int
has_annotations(MpSeq *body)
{
    for (int i = 0; i < MpSeq_Len(body); i++) {
        MpNode *s = body->items[i];
        switch (s->kind) {
        case MP_AST_AnnAssign:
            return 1;
        case MP_AST_For:
        case MP_AST_AsyncFor:
            if (has_annotations(s->v.For.body) ||
                has_annotations(s->v.For.orelse)) {
                return 1;
            }
            break;
        case MP_AST_While:
            if (has_annotations(s->v.While.body) ||
                has_annotations(s->v.While.orelse)) {
                return 1;
            }
            break;
        case MP_AST_If:
            if (has_annotations(s->v.If.body) ||
                has_annotations(s->v.If.orelse)) {
                return 1;
            }
            break;
        case MP_AST_With:
        case MP_AST_AsyncWith:
            if (has_annotations(s->v.With.body)) {
                return 1;
            }
            break;
        case MP_AST_Try:
        case MP_AST_TryStar:
            if (has_annotations(s->v.Try.body) ||
                has_annotations(s->v.Try.orelse) ||
                has_annotations(s->v.Try.finalbody)) {
                return 1;
            }
            for (int k = 0; k < MpSeq_Len(s->v.Try.handlers); k++) {
                MpNode *h = s->v.Try.handlers->items[k];
                if (has_annotations(h->v.ExceptHandler.body)) {
                    return 1;
                }
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

static int
compile_setup_annotations(Compiler *c, MpSeq *body)
{
    return has_annotations(body) ? emit(c, SETUP_ANNOTATIONS, 0) : 0;
}

static int
compile_annassign(Compiler *c, MpNode *s)
{
    MpNode *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value != NULL &&
        (compile_expr(c, s->v.AnnAssign.value) < 0 ||
         compile_store(c, t) < 0)) {
        return -1;
    }
    int toplevel = c->u->kind == U_MODULE || c->u->kind == U_CLASS;
    if (t->kind == MP_AST_Name) {
        if (s->v.AnnAssign.simple && toplevel) {
            /* __annotations__[name] = annotation */
            const char *m = mangle(c, t->v.Name.id);
            if (m == NULL ||
                compile_annotation(c, s->v.AnnAssign.annotation) < 0 ||
                compile_nameop(c, "__annotations__", CTX_LOAD) < 0 ||
                emit_str(c, m) < 0 || emit(c, STORE_SUBSCR, 0) < 0) {
                return -1;
            }
        }
        return 0;
    }
    /* x.a: int and x[i]: int evaluate the target's parts when there is
       no value, and (at module and class level) the annotation. */
    if (s->v.AnnAssign.value == NULL) {
        if (t->kind == MP_AST_Attribute) {
            if (compile_expr(c, t->v.Attribute.value) < 0 ||
                emit(c, POP_TOP, 0) < 0) {
                return -1;
            }
        }
        else if (t->kind == MP_AST_Subscript) {
            if (compile_expr(c, t->v.Subscript.value) < 0 ||
                emit(c, POP_TOP, 0) < 0 ||
                compile_expr(c, t->v.Subscript.slice) < 0 ||
                emit(c, POP_TOP, 0) < 0) {
                return -1;
            }
        }
    }
    if (toplevel && !c->future_annotations) {
        if (compile_expr(c, s->v.AnnAssign.annotation) < 0 ||
            emit(c, POP_TOP, 0) < 0) {
            return -1;
        }
    }
    return 0;
}
/* }====== */

/* {====== Frame blocks and unwinding ====== */

static int
push_fblock(Compiler *c, const MpNode *at, FBlock b)
{
    Unit *u = c->u;
    int used = b.vmblocks;
    for (int i = 0; i < u->nfblocks; i++) {
        used += u->fblocks[i].vmblocks;
    }
    if (used > MAX_VM_BLOCKS || u->nfblocks >= MAX_VM_BLOCKS) {
        return compile_error(c, at, "%s",
                             "too many statically nested blocks");
    }
    b.node = at;
    u->fblocks[u->nfblocks++] = b;
    return 0;
}

static void
pop_fblock(Compiler *c)
{
    c->u->nfblocks--;
}

/* `e = None; del e` at the end of `except ... as e`. */
static int
clear_handler_name(Compiler *c, const char *name)
{
    return emit_none(c) < 0 || compile_nameop(c, name, CTX_STORE) < 0 ||
                   compile_nameop(c, name, CTX_DEL) < 0
               ? -1
               : 0;
}

/* Leaves handler state [saved, exc] (and a kept value above it when
   preserve_tos): drops exc and restores the handled exception. */
static int
leave_handler_state(Compiler *c, int preserve_tos)
{
    if (preserve_tos) {
        /* [saved, exc, v] -> [saved, v] -> [v, saved] -> [v] */
        return emit(c, SWAP, 2) < 0 || emit(c, POP_TOP, 0) < 0 ||
                       emit(c, SWAP, 2) < 0 || emit(c, POP_EXCEPT, 0) < 0
                   ? -1
                   : 0;
    }
    return emit(c, POP_TOP, 0) < 0 || emit(c, POP_EXCEPT, 0) < 0 ? -1 : 0;
}

/* Calls a with's __exit__(None, None, None) for a normal exit: [exit]
   (or [exit, v] when preserve_tos) -> [] (or [v]).  CALL 2 sees
   [exit, None, None, None] as [callable, self, arg, arg]. */
static int
call_exit_none(Compiler *c, int preserve_tos)
{
    if (preserve_tos && emit(c, SWAP, 2) < 0) {
        return -1;
    }
    return emit_none(c) < 0 || emit_none(c) < 0 || emit_none(c) < 0 ||
                   emit(c, CALL, 2) < 0 || emit(c, POP_TOP, 0) < 0
               ? -1
               : 0;
}

/* Emits what leaving block b early (break, continue, return) needs. */
static int
unwind_fblock(Compiler *c, FBlock *b, int preserve_tos)
{
    switch (b->type) {
    case FB_WHILE:
        return 0;
    case FB_FOR:
        if (preserve_tos && emit(c, SWAP, 2) < 0) {
            return -1;
        }
        return emit(c, POP_TOP, 0);
    case FB_TRY_EXCEPT:
        return emit(c, POP_BLOCK, 0);
    case FB_FINALLY_TRY: {
        /* The finally body runs here, compiled again (with this block
           already popped, so that a return inside it does not recurse).
           On the way out of a return the value waits on the stack under
           the body: a break, continue or return inside the body must drop
           it first (FB_POP_VALUE), as `return` in `finally` discards it. */
        if (emit(c, POP_BLOCK, 0) < 0) {
            return -1;
        }
        const MpNode *at = MpSeq_Len(b->finalbody) ? b->finalbody->items[0]
                                                   : b->node;
        if (preserve_tos &&
            push_fblock(c, at, (FBlock){.type = FB_POP_VALUE}) < 0) {
            return -1;
        }
        int r = compile_stmts(c, b->finalbody);
        if (preserve_tos) {
            pop_fblock(c);
        }
        return r;
    }
    case FB_POP_VALUE:
        if (preserve_tos && emit(c, SWAP, 2) < 0) {
            return -1;
        }
        return emit(c, POP_TOP, 0);
    case FB_FINALLY_END:
        if (emit(c, POP_BLOCK, 0) < 0) {
            return -1;
        }
        return leave_handler_state(c, preserve_tos);
    case FB_HANDLER:
        if (b->name != NULL &&
            (emit(c, POP_BLOCK, 0) < 0 || clear_handler_name(c, b->name) < 0)) {
            return -1;
        }
        if (emit(c, POP_BLOCK, 0) < 0) {
            return -1;
        }
        return leave_handler_state(c, preserve_tos);
    case FB_WITH:
        if (emit(c, POP_BLOCK, 0) < 0) {
            return -1;
        }
        return call_exit_none(c, preserve_tos);
    }
    return 0;
}

/* Unwinds the frame blocks from the innermost out: all of them (loop ==
   NULL, for return), or up to the innermost loop, which *loop receives
   (break and continue).  The blocks are popped while their clean-up is
   compiled and restored afterwards. */
static int
unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0) {
        return 0;
    }
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top->type == FB_WHILE || top->type == FB_FOR)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    int r = unwind_fblock(c, &copy, preserve_tos);
    if (r == 0) {
        r = unwind_fblock_stack(c, preserve_tos, loop);
    }
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

static int
compile_break_continue(Compiler *c, MpNode *s, int is_break)
{
    FBlock *loop = NULL;
    if (unwind_fblock_stack(c, 0, &loop) < 0) {
        return -1;
    }
    if (loop == NULL) {
        return compile_error(c, s, "%s",
                             is_break ? "'break' outside loop"
                                      : "'continue' not properly in loop");
    }
    if (is_break) {
        FBlock copy = *loop;
        if (unwind_fblock(c, &copy, 0) < 0) {
            return -1;
        }
        return emit_jump(c, JUMP, copy.exit);
    }
    return emit_jump(c, JUMP, loop->start);
}

static int
compile_return(Compiler *c, MpNode *s)
{
    if (!in_function(c)) {
        return compile_error(c, s, "%s", "'return' outside function");
    }
    MpNode *v = s->v.Return.value;
    if ((v ? compile_expr(c, v) : emit_none(c)) < 0 ||
        unwind_fblock_stack(c, 1, NULL) < 0) {
        return -1;
    }
    return emit(c, RETURN_VALUE, 0);
}
/* }====== */

/* {====== Control flow statements ====== */

static int
is_true_constant(const MpNode *e)
{
    if (e->kind != MP_AST_Constant) {
        return 0;
    }
    const MpConst *v = &e->v.Constant.value;
    return v->kind == MP_CONST_TRUE || v->kind == MP_CONST_ELLIPSIS ||
           (v->kind == MP_CONST_INT && v->u.i != 0) ||
           ((v->kind == MP_CONST_STR || v->kind == MP_CONST_BYTES) &&
            v->u.str.len > 0);
}

static int
compile_if(Compiler *c, MpNode *s)
{
    int orelse = new_label(c), end = new_label(c);
    if (orelse < 0 || end < 0 ||
        compile_jump_if(c, s->v.If.test, 0, orelse) < 0 ||
        compile_stmts(c, s->v.If.body) < 0) {
        return -1;
    }
    if (MpSeq_Len(s->v.If.orelse) > 0) {
        if (emit_jump(c, JUMP, end) < 0) {
            return -1;
        }
        use_label(c, orelse);
        if (compile_stmts(c, s->v.If.orelse) < 0) {
            return -1;
        }
    }
    else {
        use_label(c, orelse);
    }
    use_label(c, end);
    return 0;
}

static int
compile_while(Compiler *c, MpNode *s)
{
    int start = new_label(c), orelse = new_label(c), end = new_label(c);
    if (start < 0 || orelse < 0 || end < 0) {
        return -1;
    }
    use_label(c, start);
    if (!is_true_constant(s->v.While.test) &&
        compile_jump_if(c, s->v.While.test, 0, orelse) < 0) {
        return -1;
    }
    if (push_fblock(c, s, (FBlock){FB_WHILE, start, end}) < 0 ||
        compile_stmts(c, s->v.While.body) < 0 ||
        emit_jump(c, JUMP, start) < 0) {
        return -1;
    }
    pop_fblock(c);
    use_label(c, orelse);
    if (compile_stmts(c, s->v.While.orelse) < 0) {
        return -1;
    }
    use_label(c, end);
    return 0;
}

static int
compile_for(Compiler *c, MpNode *s)
{
    int start = new_label(c), cleanup = new_label(c), end = new_label(c);
    if (start < 0 || cleanup < 0 || end < 0 ||
        compile_expr(c, s->v.For.iter) < 0 || emit(c, GET_ITER, 0) < 0) {
        return -1;
    }
    use_label(c, start);
    if (emit_jump(c, FOR_ITER, cleanup) < 0 ||
        push_fblock(c, s, (FBlock){FB_FOR, start, end}) < 0 ||
        compile_store(c, s->v.For.target) < 0 ||
        compile_stmts(c, s->v.For.body) < 0 ||
        emit_jump(c, JUMP, start) < 0) {
        return -1;
    }
    pop_fblock(c);
    use_label(c, cleanup);  // FOR_ITER popped the iterator
    if (compile_stmts(c, s->v.For.orelse) < 0) {
        return -1;
    }
    use_label(c, end);
    return 0;
}

/* try/except (see the opening comment for the layout). */
static int
compile_try_except(Compiler *c, MpNode *s)
{
    MpSeq *handlers = s->v.Try.handlers;
    int n = MpSeq_Len(handlers);
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    if (handler < 0 || cleanup < 0 || end < 0 ||
        emit_jump(c, SETUP_FINALLY, handler) < 0 ||
        push_fblock(c, s, (FBlock){.type = FB_TRY_EXCEPT, .vmblocks = 1}) <
            0 ||
        compile_stmts(c, s->v.Try.body) < 0) {
        return -1;
    }
    pop_fblock(c);
    if (emit(c, POP_BLOCK, 0) < 0 || compile_stmts(c, s->v.Try.orelse) < 0 ||
        emit_jump(c, JUMP, end) < 0) {
        return -1;
    }
    use_label(c, handler);
    if (emit(c, PUSH_EXC_INFO, 0) < 0 ||
        emit_jump(c, SETUP_FINALLY, cleanup) < 0) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        MpNode *h = handlers->items[i];
        MpCodeLoc old = set_loc(c, h);
        MpNode *type = h->v.ExceptHandler.type;
        const char *name = h->v.ExceptHandler.name;
        if (type == NULL && i < n - 1) {
            return compile_error(c, h, "%s", "default 'except:' must be last");
        }
        int next = new_label(c), name_cleanup = -1;
        if (next < 0) {
            return -1;
        }
        /* [saved, exc] */
        if (type != NULL &&
            (compile_expr(c, type) < 0 || emit(c, CHECK_EXC_MATCH, 0) < 0 ||
             emit_jump(c, POP_JUMP_IF_FALSE, next) < 0)) {
            return -1;
        }
        if (name != NULL) {
            name_cleanup = new_label(c);
            if (name_cleanup < 0 || emit(c, COPY, 1) < 0 ||
                compile_nameop(c, name, CTX_STORE) < 0 ||
                emit_jump(c, SETUP_FINALLY, name_cleanup) < 0) {
                return -1;
            }
        }
        if (push_fblock(c, h,
                        (FBlock){.type = FB_HANDLER, .name = name,
                                 .vmblocks = 2 + (name != NULL)}) < 0 ||
            compile_stmts(c, h->v.ExceptHandler.body) < 0) {
            return -1;
        }
        pop_fblock(c);
        if (name != NULL &&
            (emit(c, POP_BLOCK, 0) < 0 || clear_handler_name(c, name) < 0)) {
            return -1;
        }
        if (emit(c, POP_BLOCK, 0) < 0 || emit(c, POP_TOP, 0) < 0 ||
            emit(c, POP_EXCEPT, 0) < 0 || emit_jump(c, JUMP, end) < 0) {
            return -1;
        }
        if (name != NULL) {
            /* Raised in the body: [saved, exc, new]; unbind, re-raise to
               the clean-up below. */
            use_label(c, name_cleanup);
            if (clear_handler_name(c, name) < 0 || emit(c, RERAISE, 0) < 0) {
                return -1;
            }
        }
        use_label(c, next);
        c->u->loc = old;
    }
    /* No clause matched: [saved, exc] -> restore saved, re-raise exc. */
    if (emit(c, POP_BLOCK, 0) < 0 || emit(c, SWAP, 2) < 0 ||
        emit(c, POP_EXCEPT, 0) < 0 || emit(c, RERAISE, 0) < 0) {
        return -1;
    }
    /* Raised while handling: [saved, exc, new]. */
    use_label(c, cleanup);
    if (emit(c, COPY, 3) < 0 || emit(c, POP_EXCEPT, 0) < 0 ||
        emit(c, RERAISE, 0) < 0) {
        return -1;
    }
    use_label(c, end);
    return 0;
}

/* try/finally: the finally body is compiled twice, once for the normal
   exit and once for the exceptional one, where it runs with the exception
   being handled and ends re-raising it. */
static int
compile_try_finally(Compiler *c, MpNode *s)
{
    MpSeq *fin = s->v.Try.finalbody;
    int handler = new_label(c), cleanup = new_label(c), end = new_label(c);
    if (handler < 0 || cleanup < 0 || end < 0 ||
        emit_jump(c, SETUP_FINALLY, handler) < 0 ||
        push_fblock(c, s, (FBlock){.type = FB_FINALLY_TRY, .finalbody = fin,
                                   .vmblocks = 1}) < 0) {
        return -1;
    }
    if (MpSeq_Len(s->v.Try.handlers) > 0 ? compile_try_except(c, s) < 0
                                          : compile_stmts(c, s->v.Try.body) <
                                                0) {
        return -1;
    }
    pop_fblock(c);
    if (emit(c, POP_BLOCK, 0) < 0 || compile_stmts(c, fin) < 0 ||
        emit_jump(c, JUMP, end) < 0) {
        return -1;
    }
    use_label(c, handler);
    if (emit(c, PUSH_EXC_INFO, 0) < 0 ||
        emit_jump(c, SETUP_FINALLY, cleanup) < 0 ||
        push_fblock(c, s, (FBlock){.type = FB_FINALLY_END, .vmblocks = 2}) <
            0 ||
        compile_stmts(c, fin) < 0) {
        return -1;
    }
    pop_fblock(c);
    if (emit(c, POP_BLOCK, 0) < 0 || emit(c, SWAP, 2) < 0 ||
        emit(c, POP_EXCEPT, 0) < 0 || emit(c, RERAISE, 0) < 0) {
        return -1;
    }
    use_label(c, cleanup);
    if (emit(c, COPY, 3) < 0 || emit(c, POP_EXCEPT, 0) < 0 ||
        emit(c, RERAISE, 0) < 0) {
        return -1;
    }
    use_label(c, end);
    return 0;
}

/* with: BEFORE_WITH leaves [exit, value of __enter__]; the value is
   bound (or dropped) before SETUP_FINALLY, so that the handler always
   finds [exit, exc].  (CPython protects the binding too: an exception
   raised while binding the `as` target does not call __exit__ here.)

       <mgr>; BEFORE_WITH; <bind>; SETUP_FINALLY H; body; POP_BLOCK
       <exit(None, None, None)>; JUMP end
   H:  [exit, exc] PUSH_EXC_INFO -> [exit, saved, exc]; SETUP_FINALLY C
       COPY 3; COPY 2; WITH_EXCEPT_START -> [.., exit, exc, res]
       POP_JUMP_IF_TRUE S; POP_TOP; POP_TOP; POP_BLOCK
       SWAP 2; POP_EXCEPT; RERAISE
   S:  POP_TOP; POP_TOP; POP_BLOCK; POP_TOP; POP_EXCEPT; POP_TOP; JUMP end
   C:  [exit, saved, exc, new] COPY 3; POP_EXCEPT; RERAISE */
static int
compile_with(Compiler *c, MpNode *s, int pos)
{
    MpSeq *items = s->v.With.items;
    MpNode *item = items->items[pos];
    int handler = new_label(c), cleanup = new_label(c), suppress = new_label(c),
        end = new_label(c);
    if (handler < 0 || cleanup < 0 || suppress < 0 || end < 0 ||
        compile_expr(c, item->v.withitem.context_expr) < 0 ||
        emit(c, BEFORE_WITH, 0) < 0) {
        return -1;
    }
    MpNode *target = item->v.withitem.optional_vars;
    if ((target ? compile_store(c, target) : emit(c, POP_TOP, 0)) < 0 ||
        emit_jump(c, SETUP_FINALLY, handler) < 0 ||
        push_fblock(c, s, (FBlock){.type = FB_WITH, .vmblocks = 1}) < 0) {
        return -1;
    }
    if (pos + 1 < MpSeq_Len(items) ? compile_with(c, s, pos + 1) < 0
                                   : compile_stmts(c, s->v.With.body) < 0) {
        return -1;
    }
    pop_fblock(c);
    MpCodeLoc old = set_loc(c, s);
    if (emit(c, POP_BLOCK, 0) < 0 || call_exit_none(c, 0) < 0 ||
        emit_jump(c, JUMP, end) < 0) {
        return -1;
    }
    use_label(c, handler);
    if (emit(c, PUSH_EXC_INFO, 0) < 0 ||
        emit_jump(c, SETUP_FINALLY, cleanup) < 0 || emit(c, COPY, 3) < 0 ||
        emit(c, COPY, 2) < 0 || emit(c, WITH_EXCEPT_START, 0) < 0 ||
        emit_jump(c, POP_JUMP_IF_TRUE, suppress) < 0 ||
        emit(c, POP_TOP, 0) < 0 || emit(c, POP_TOP, 0) < 0 ||
        emit(c, POP_BLOCK, 0) < 0 || emit(c, SWAP, 2) < 0 ||
        emit(c, POP_EXCEPT, 0) < 0 || emit(c, RERAISE, 0) < 0) {
        return -1;
    }
    use_label(c, suppress);
    if (emit(c, POP_TOP, 0) < 0 || emit(c, POP_TOP, 0) < 0 ||
        emit(c, POP_BLOCK, 0) < 0 || emit(c, POP_TOP, 0) < 0 ||
        emit(c, POP_EXCEPT, 0) < 0 || emit(c, POP_TOP, 0) < 0 ||
        emit_jump(c, JUMP, end) < 0) {
        return -1;
    }
    use_label(c, cleanup);
    if (emit(c, COPY, 3) < 0 || emit(c, POP_EXCEPT, 0) < 0 ||
        emit(c, RERAISE, 0) < 0) {
        return -1;
    }
    use_label(c, end);
    c->u->loc = old;
    return 0;
}
/* }====== */

/* {====== Imports ====== */

static int
compile_import(Compiler *c, MpNode *s)
{
    MpSeq *names = s->v.Import.names;
    for (int i = 0; i < MpSeq_Len(names); i++) {
        MpNode *a = names->items[i];
        const char *name = a->v.alias.name;
        MpCodeLoc old = set_loc(c, s);  // CPython: the whole statement
        if (emit_int(c, 0) < 0 || emit_none(c) < 0 ||
            emit_name(c, IMPORT_NAME, name) < 0) {
            return -1;
        }
        const char *dot = strchr(name, '.');
        if (a->v.alias.asname != NULL) {
            /* import a.b.c as d: the module a.b.c, reached by IMPORT_FROM
               b then c from the package a that IMPORT_NAME returns. */
            while (dot != NULL) {
                const char *part = dot + 1;
                dot = strchr(part, '.');
                size_t len = dot ? (size_t)(dot - part) : strlen(part);
                char *p = MpArena_Strndup(c->arena, part, len);
                if (p == NULL) {
                    return compile_nomem(c);
                }
                if (emit_name(c, IMPORT_FROM, p) < 0) {
                    return -1;
                }
                if (dot != NULL &&
                    (emit(c, SWAP, 2) < 0 || emit(c, POP_TOP, 0) < 0)) {
                    return -1;
                }
                if (dot == NULL) {
                    if (compile_nameop(c, a->v.alias.asname, CTX_STORE) < 0 ||
                        emit(c, POP_TOP, 0) < 0) {
                        return -1;
                    }
                    c->u->loc = old;
                    goto next;
                }
            }
            if (compile_nameop(c, a->v.alias.asname, CTX_STORE) < 0) {
                return -1;
            }
        }
        else {
            /* import a.b.c binds a. */
            const char *store = name;
            if (dot != NULL) {
                store = MpArena_Strndup(c->arena, name, (size_t)(dot - name));
                if (store == NULL) {
                    return compile_nomem(c);
                }
            }
            if (compile_nameop(c, store, CTX_STORE) < 0) {
                return -1;
            }
        }
        c->u->loc = old;
    next:;
    }
    return 0;
}

static int
compile_import_from(Compiler *c, MpNode *s)
{
    MpSeq *names = s->v.ImportFrom.names;
    int n = MpSeq_Len(names);
    const char **list = MpArena_Alloc(c->arena, sizeof *list * (size_t)n);
    if (list == NULL) {
        return compile_nomem(c);
    }
    for (int i = 0; i < n; i++) {
        list[i] = ((MpNode *)names->items[i])->v.alias.name;
    }
    int k = add_strtuple(c, list, n);
    const char *module = s->v.ImportFrom.module ? s->v.ImportFrom.module : "";
    if (k < 0 || emit_int(c, s->v.ImportFrom.level) < 0 ||
        emit(c, LOAD_CONST, k) < 0 || emit_name(c, IMPORT_NAME, module) < 0) {
        return -1;
    }
    for (int i = 0; i < n; i++) {
        MpNode *a = names->items[i];
        if (strcmp(a->v.alias.name, "*") == 0) {
            if (c->u->kind != U_MODULE) {
                return compile_error(c, s, "%s",
                                     "import * only allowed at module level");
            }
            return emit(c, IMPORT_STAR, 0);
        }
        const char *store = a->v.alias.asname ? a->v.alias.asname
                                              : a->v.alias.name;
        MpCodeLoc old = set_loc(c, s);  // CPython 3.11: the statement's
        if (emit_name(c, IMPORT_FROM, a->v.alias.name) < 0 ||
            compile_nameop(c, store, CTX_STORE) < 0) {
            return -1;
        }
        c->u->loc = old;
    }
    return emit(c, POP_TOP, 0);
}
/* }====== */

/* {====== Statements ====== */

static int
compile_stmt_inner(Compiler *c, MpNode *s)
{
    switch (s->kind) {
    case MP_AST_Expr: {
        MpNode *v = s->v.Expr.value;
        if (c->interactive && c->u->kind == U_MODULE) {
            return compile_expr(c, v) < 0 ? -1 : emit(c, PRINT_EXPR, 0);
        }
        if (v->kind == MP_AST_Constant) {
            return 0;  // a docstring or a bare constant: no code
        }
        return compile_expr(c, v) < 0 ? -1 : emit(c, POP_TOP, 0);
    }
    case MP_AST_Assign: {
        MpSeq *ts = s->v.Assign.targets;
        int n = MpSeq_Len(ts);
        if (compile_expr(c, s->v.Assign.value) < 0) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if ((i < n - 1 && emit(c, COPY, 1) < 0) ||
                compile_store(c, ts->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    case MP_AST_AugAssign:
        return compile_augassign(c, s);
    case MP_AST_AnnAssign:
        return compile_annassign(c, s);
    case MP_AST_Delete:
        for (int i = 0; i < MpSeq_Len(s->v.Delete.targets); i++) {
            if (compile_delete(c, s->v.Delete.targets->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    case MP_AST_Pass:
    case MP_AST_Global:
    case MP_AST_Nonlocal:
        return 0;
    case MP_AST_If:
        return compile_if(c, s);
    case MP_AST_While:
        return compile_while(c, s);
    case MP_AST_For:
        return compile_for(c, s);
    case MP_AST_Break:
        return compile_break_continue(c, s, 1);
    case MP_AST_Continue:
        return compile_break_continue(c, s, 0);
    case MP_AST_Return:
        return compile_return(c, s);
    case MP_AST_Raise: {
        int n = 0;
        if (s->v.Raise.exc != NULL) {
            if (compile_expr(c, s->v.Raise.exc) < 0) {
                return -1;
            }
            n = 1;
            if (s->v.Raise.cause != NULL) {
                if (compile_expr(c, s->v.Raise.cause) < 0) {
                    return -1;
                }
                n = 2;
            }
        }
        return emit(c, RAISE_VARARGS, n);
    }
    case MP_AST_Try:
        return MpSeq_Len(s->v.Try.finalbody) > 0 ? compile_try_finally(c, s)
                                                  : compile_try_except(c, s);
    case MP_AST_With:
        return compile_with(c, s, 0);
    case MP_AST_Assert: {
        int end = new_label(c);
        if (end < 0 || compile_jump_if(c, s->v.Assert.test, 1, end) < 0) {
            return -1;
        }
        if (s->v.Assert.msg != NULL) {
            /* AssertionError(msg): [NULL, AssertionError, msg] CALL 1 */
            if (emit(c, PUSH_NULL, 0) < 0 ||
                emit(c, LOAD_ASSERTION_ERROR, 0) < 0 ||
                compile_expr(c, s->v.Assert.msg) < 0 ||
                emit(c, CALL, 1) < 0) {
                return -1;
            }
        }
        else if (emit(c, LOAD_ASSERTION_ERROR, 0) < 0) {
            return -1;
        }
        if (emit(c, RAISE_VARARGS, 1) < 0) {
            return -1;
        }
        use_label(c, end);
        return 0;
    }
    case MP_AST_Import:
        return compile_import(c, s);
    case MP_AST_ImportFrom:
        return compile_import_from(c, s);
    case MP_AST_FunctionDef:
        return compile_function(c, s);
    case MP_AST_ClassDef:
        return compile_class(c, s);
    case MP_AST_AsyncFunctionDef:
        return unsupported(c, s, "'async def'");
    case MP_AST_AsyncFor:
        return unsupported(c, s, "'async for'");
    case MP_AST_AsyncWith:
        return unsupported(c, s, "'async with'");
    case MP_AST_Match:
        return unsupported(c, s, "'match'");
    case MP_AST_TryStar:
        /* at the first except* clause (the parser wants at least one) */
        return unsupported(c,
                           MpSeq_Len(s->v.TryStar.handlers) > 0
                               ? s->v.TryStar.handlers->items[0]
                               : s,
                           "'except*'");
    default:
        return compile_error(c, s, "compiler: unexpected %s node",
                             MpAst_KindName(s->kind));
    }
}

static int
compile_stmt(Compiler *c, MpNode *s)
{
    MpCodeLoc old = set_loc(c, s);
    int r = compile_stmt_inner(c, s);
    c->u->loc = old;
    return r;
}

static int
compile_stmts(Compiler *c, MpSeq *body)
{
    for (int i = 0; i < MpSeq_Len(body); i++) {
        if (compile_stmt(c, body->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}
/* }====== */

/* {====== Entry point ====== */

/* `from __future__ import annotations` among the module's first
   statements (the parser has checked their placement). */
static int
has_future_annotations(MpSeq *body)
{
    for (int i = 0; i < MpSeq_Len(body); i++) {
        MpNode *s = body->items[i];
        if (i == 0 && docstring_of(body) != NULL) {
            continue;
        }
        if (s->kind != MP_AST_ImportFrom || s->v.ImportFrom.module == NULL ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0) {
            return 0;
        }
        MpSeq *names = s->v.ImportFrom.names;
        for (int k = 0; k < MpSeq_Len(names); k++) {
            if (strcmp(((MpNode *)names->items[k])->v.alias.name,
                       "annotations") == 0) {
                return 1;
            }
        }
    }
    return 0;
}

static MpObject *
compile_module(Compiler *c, MpNode *tree)
{
    if (enter_unit(c, U_MODULE, NULL, "<module>", 1) < 0) {
        return NULL;
    }
    int r = 0;
    switch (tree->kind) {
    case MP_AST_Module: {
        MpSeq *body = tree->v.Module.body;
        MpNode *doc = docstring_of(body);
        if (MpSeq_Len(body) > 0) {
            set_loc(c, body->items[0]);
        }
        r = compile_setup_annotations(c, body);
        if (r == 0 && doc != NULL) {
            r = emit_const(c, const_key(&doc->v.Constant.value)) < 0 ||
                        compile_nameop(c, "__doc__", CTX_STORE) < 0
                    ? -1
                    : 0;
        }
        if (r == 0) {
            r = compile_stmts(c, body);
        }
        if (r == 0) {
            r = emit_none(c) < 0 || emit(c, RETURN_VALUE, 0) < 0 ? -1 : 0;
        }
        break;
    }
    case MP_AST_Interactive: {
        MpSeq *body = tree->v.Interactive.body;
        r = compile_setup_annotations(c, body);
        if (r == 0) {
            r = compile_stmts(c, body);
        }
        if (r == 0) {
            r = emit_none(c) < 0 || emit(c, RETURN_VALUE, 0) < 0 ? -1 : 0;
        }
        break;
    }
    case MP_AST_Expression:
        r = compile_expr(c, tree->v.Expression.body) < 0 ||
                    emit(c, RETURN_VALUE, 0) < 0
                ? -1
                : 0;
        break;
    default:
        r = compile_error(c, tree, "%s", "compile: not a module node");
        break;
    }
    if (r < 0) {
        drop_unit(c);
        return NULL;
    }
    return exit_unit(c);
}

MpObject *
MpCompile(MpNode *tree, MpObject *filename, int flags, MpSyntaxError *err)
{
    /* Keep the source text the parser may have recorded: the caller
       prints the offending line from it. */
    const char *source = err->source;
    size_t source_len = err->source_len;
    memset(err, 0, sizeof *err);
    err->source = source;
    err->source_len = source_len;
    Compiler c = {0};
    c.err = err;
    c.filename = filename;
    c.interactive = (flags & MP_COMPILE_INTERACTIVE) ||
                    tree->kind == MP_AST_Interactive;
    c.future_annotations =
        (flags & MP_COMPILE_FUTURE_ANNOTATIONS) ||
        (tree->kind == MP_AST_Module &&
         has_future_annotations(tree->v.Module.body));
    c.arena = MpArena_New();
    if (c.arena == NULL) {
        err->kind = MP_ERR_MEMORY;
        MpErr_NoMemory();
        return NULL;
    }
    c.st = MpSymtable_Build(
        tree, c.future_annotations ? MP_COMPILE_FUTURE_ANNOTATIONS : 0, err);
    MpObject *code = NULL;
    if (c.st != NULL) {
        code = compile_module(&c, tree);
        while (c.u != NULL) {  // units left by an error
            drop_unit(&c);
        }
        MpSymtable_Free(c.st);
    }
    if (code == NULL && err->kind == MP_ERR_MEMORY && !MpErr_Occurred()) {
        MpErr_NoMemory();
    }
    MpArena_Free(c.arena);
    return code;
}
/* }====== */
