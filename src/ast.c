/* ast.c — AST constructors, lists, and the dump.

   Everything per-kind here is generated from the node list in ast.h
   (MP_AST_NODES): the constructors, the kind names, and the dump's walk
   over each kind's fields.  A new node kind is one line in ast.h.  The
   generated code reaches a kind's fields through a pointer to its named
   struct (struct MpAst_BinOp_f *f = (void *)&n->v), which is valid because
   every member of a union starts at the union's address.

   The dump reproduces CPython 3.11's ast.dump(tree, indent=2) exactly, so
   that CPython can check the parser (tests/ast/, tests/run_stdlib.sh):
     - a node prints as Kind(field=value, ...); optional fields that are
       None are left out; lists print as [...], the empty list as [];
     - a node is written on one line when it has at most three printed
       fields and each of them is "simple" (a leaf value, an empty list, or
       a node that printed no fields, like Load()); otherwise each field goes
       on its own line, indented two spaces per level, and so does each
       item of a non-empty list;
     - leaves print as their repr (repr.h).
   CPython counterpart: Lib/ast.py (dump).  Read first: format_node */
#include "ast.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "repr.h"
#include "strbuf.h"

/* {====== Constructors and lists ====== */

static MpNode *
new_node(MpArena *arena, MpNodeKind kind, MpLoc loc)
{
    MpNode *n = MpArena_Alloc(arena, sizeof(MpNode));
    if (n == NULL) {
        return NULL;
    }
    n->kind = kind;
    n->lineno = loc.first_line;
    n->col_offset = loc.first_column;
    n->end_lineno = loc.last_line;
    n->end_col_offset = loc.last_column;
    return n;
}

#define MAKE_DEF(cat, kind, fields)                                       \
    MpNode *MpAst_Make_##kind(MpArena *arena, MpLoc loc,                   \
                              struct MpAst_##kind##_f f)                   \
    {                                                                      \
        MpNode *n = new_node(arena, MP_AST_##kind, loc);                   \
        if (n != NULL) {                                                   \
            n->v.kind = f;                                                 \
        }                                                                  \
        return n;                                                          \
    }
MP_AST_NODES(MAKE_DEF, MP_AST_FIELD_DECL)
#undef MAKE_DEF

int
MpSeq_Append(MpArena *arena, MpSeq **seq, void *item)
{
    MpSeq *s = *seq;
    if (s == NULL) {
        s = MpArena_Alloc(arena, sizeof(MpSeq));
        if (s == NULL) {
            return -1;
        }
        *seq = s;
    }
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 4;
        void **items = MpArena_Alloc(arena, sizeof(void *) * (size_t)cap);
        if (items == NULL) {
            return -1;
        }
        if (s->n) {
            memcpy(items, s->items, sizeof(void *) * (size_t)s->n);
        }
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = item;
    return 0;
}

MpIntSeq *
MpIntSeq_New(MpArena *arena, int n, const int *items)
{
    MpIntSeq *s = MpArena_Alloc(arena, sizeof(MpIntSeq) + sizeof(int) * n);
    if (s == NULL) {
        return NULL;
    }
    s->n = n;
    if (n) {
        memcpy(s->items, items, sizeof(int) * (size_t)n);
    }
    return s;
}

#define KIND_NAME(cat, kind, fields) #kind,
static const char *const kind_names[] = {MP_AST_NODES(KIND_NAME, )};
#undef KIND_NAME

const char *
MpAst_KindName(MpNodeKind kind)
{
    return kind < MP_AST_KIND_COUNT ? kind_names[kind] : "?";
}
/* }====== */

/* {====== The dump ======
   format_node(out, node, level) appends node's text and says whether it is
   simple; level is the nesting depth of the call, as in ast.py's _format,
   and the node's own fields are indented by level + 1 steps. */

#define INDENT "  "
#define MAX_FIELDS 8  // the largest kind, arguments, has 7

typedef struct {
    int level;  // the level the fields are formatted at
    int n;
    int allsimple;
    const char *names[MAX_FIELDS];
    MpStrBuf texts[MAX_FIELDS];
} Fields;

static int format_node(MpStrBuf *out, const MpNode *node, int level);

static void
put_newline_indent(MpStrBuf *out, const char *lead, int level)
{
    MpStrBuf_Puts(out, lead);
    for (int i = 0; i < level; i++) {
        MpStrBuf_Puts(out, INDENT);
    }
}

static MpStrBuf *
add_field(Fields *fl, const char *name)
{
    MpStrBuf *b = &fl->texts[fl->n];
    fl->names[fl->n++] = name;
    return b;
}

static int
format_const(MpStrBuf *out, MpConst c)
{
    switch (c.kind) {
    case MP_CONST_NONE:
        return MpStrBuf_Puts(out, "None");
    case MP_CONST_TRUE:
        return MpStrBuf_Puts(out, "True");
    case MP_CONST_FALSE:
        return MpStrBuf_Puts(out, "False");
    case MP_CONST_ELLIPSIS:
        return MpStrBuf_Puts(out, "Ellipsis");
    case MP_CONST_INT:
        return MpStrBuf_Printf(out, "%" PRId64, c.u.i);
    case MP_CONST_BIGINT:
        return MpStrBuf_Append(out, c.u.str.s, c.u.str.len);
    case MP_CONST_FLOAT:
        return MpRepr_Double(out, c.u.f);
    case MP_CONST_COMPLEX:
        return MpRepr_Imag(out, c.u.f);
    case MP_CONST_STR:
        return MpRepr_Str(out, c.u.str.s, c.u.str.len);
    case MP_CONST_BYTES:
        return MpRepr_Bytes(out, c.u.str.s, c.u.str.len);
    }
    return -1;
}

/* A list: [] when empty (simple), else one item per line (not simple).
   format_item appends item i. */
static int
format_list(MpStrBuf *out, int n, int level,
            void (*format_item)(MpStrBuf *, const void *, int, int),
            const void *items)
{
    if (n == 0) {
        MpStrBuf_Puts(out, "[]");
        return 1;
    }
    level++;
    MpStrBuf_Putc(out, '[');
    for (int i = 0; i < n; i++) {
        put_newline_indent(out, i ? ",\n" : "\n", level);
        format_item(out, items, i, level);
    }
    MpStrBuf_Putc(out, ']');
    return 0;
}

static void
seq_item(MpStrBuf *out, const void *items, int i, int level)
{
    const MpNode *node = ((const MpSeq *)items)->items[i];
    if (node == NULL) {
        MpStrBuf_Puts(out, "None");
    }
    else {
        format_node(out, node, level);
    }
}

static void
ident_item(MpStrBuf *out, const void *items, int i, int level)
{
    const char *s = ((const MpSeq *)items)->items[i];
    MpRepr_Str(out, s, strlen(s));
}

#define MP_ENUM_NAME(name) #name,
static const char *const operator_names[] = {MP_AST_OPERATORS(MP_ENUM_NAME)};
static const char *const unaryop_names[] = {MP_AST_UNARYOPS(MP_ENUM_NAME)};
static const char *const boolop_names[] = {MP_AST_BOOLOPS(MP_ENUM_NAME)};
static const char *const cmpop_names[] = {MP_AST_CMPOPS(MP_ENUM_NAME)};
static const char *const context_names[] = {MP_AST_CONTEXTS(MP_ENUM_NAME)};
#undef MP_ENUM_NAME

static void
cmpop_item(MpStrBuf *out, const void *items, int i, int level)
{
    MpStrBuf_Printf(out, "%s()", cmpop_names[((const MpIntSeq *)items)->items[i]]);
}

/* One function per field type, named after it, called from the generated
   per-kind code below. */
static void
field_NODE(Fields *fl, const char *name, const MpNode *v)
{
    MpStrBuf *b = add_field(fl, name);
    if (v == NULL) {  // a required child missing: a parser bug, shown
        MpStrBuf_Puts(b, "None");
        return;
    }
    fl->allsimple &= format_node(b, v, fl->level);
}

static void
field_ONODE(Fields *fl, const char *name, const MpNode *v)
{
    if (v != NULL) {
        field_NODE(fl, name, v);
    }
}

static void
field_SEQ(Fields *fl, const char *name, const MpSeq *v)
{
    MpStrBuf *b = add_field(fl, name);
    fl->allsimple &= format_list(b, MpSeq_Len(v), fl->level, seq_item, v);
}

static void
field_IDSEQ(Fields *fl, const char *name, const MpSeq *v)
{
    MpStrBuf *b = add_field(fl, name);
    fl->allsimple &= format_list(b, MpSeq_Len(v), fl->level, ident_item, v);
}

static void
field_CMPOPS(Fields *fl, const char *name, const MpIntSeq *v)
{
    MpStrBuf *b = add_field(fl, name);
    fl->allsimple &= format_list(b, v ? v->n : 0, fl->level, cmpop_item, v);
}

static void
field_IDENT(Fields *fl, const char *name, const char *v)
{
    MpStrBuf *b = add_field(fl, name);
    MpRepr_Str(b, v ? v : "", v ? strlen(v) : 0);
}

static void
field_OIDENT(Fields *fl, const char *name, const char *v)
{
    if (v != NULL) {
        field_IDENT(fl, name, v);
    }
}

static void
field_CONST(Fields *fl, const char *name, MpConst v)
{
    format_const(add_field(fl, name), v);
}

static void
field_INT(Fields *fl, const char *name, int v)
{
    MpStrBuf_Printf(add_field(fl, name), "%d", v);
}

static void
put_enum(Fields *fl, const char *name, const char *value)
{
    MpStrBuf_Printf(add_field(fl, name), "%s()", value);
}

static void
field_OPER(Fields *fl, const char *name, int v)
{
    put_enum(fl, name, operator_names[v]);
}

static void
field_UNOP(Fields *fl, const char *name, int v)
{
    put_enum(fl, name, unaryop_names[v]);
}

static void
field_BOOLOP(Fields *fl, const char *name, int v)
{
    put_enum(fl, name, boolop_names[v]);
}

static void
field_CTX(Fields *fl, const char *name, int v)
{
    put_enum(fl, name, context_names[v]);
}

/* Deeper trees than this are refused (MpAst_Dump returns -2) instead of
   recursing on the C stack: the compiler's limit (symtable.c). */
#define MAX_DUMP_DEPTH 3000

static int
format_node(MpStrBuf *out, const MpNode *node, int level)
{
    if (level > MAX_DUMP_DEPTH) {
        out->failed = 2;  // too deep; MpAst_Dump reports it
        return 0;
    }
    Fields fl;
    memset(&fl, 0, sizeof fl);
    fl.level = level + 1;
    fl.allsimple = 1;

#define DUMP_FIELD(type, name) field_##type(&fl, #name, f->name);
#define DUMP_KIND(cat, kind, fields)                                       \
    case MP_AST_##kind: {                                                  \
        const struct MpAst_##kind##_f *f = &node->v.kind;                  \
        (void)f;                                                           \
        fields break;                                                      \
    }
    switch (node->kind) {
        MP_AST_NODES(DUMP_KIND, DUMP_FIELD)
    default:
        break;
    }
#undef DUMP_KIND
#undef DUMP_FIELD

    MpStrBuf_Puts(out, MpAst_KindName(node->kind));
    MpStrBuf_Putc(out, '(');
    int inline_form = fl.allsimple && fl.n <= 3;
    for (int i = 0; i < fl.n; i++) {
        if (inline_form) {
            if (i) {
                MpStrBuf_Puts(out, ", ");
            }
        }
        else {
            put_newline_indent(out, i ? ",\n" : "\n", fl.level);
        }
        MpStrBuf_Printf(out, "%s=", fl.names[i]);
        MpStrBuf_Append(out, fl.texts[i].data ? fl.texts[i].data : "",
                        fl.texts[i].len);
        if (fl.texts[i].failed > out->failed) {
            out->failed = fl.texts[i].failed;  // 2 (too deep) wins over 1
        }
        MpStrBuf_Clear(&fl.texts[i]);
    }
    MpStrBuf_Putc(out, ')');
    return inline_form && fl.n == 0;
}

int
MpAst_Dump(const MpNode *tree, FILE *out)
{
    MpStrBuf b = {0};
    format_node(&b, tree, 0);
    if (b.failed == 2) {
        MpStrBuf_Clear(&b);
        return -2;
    }
    int failed = b.failed;
    if (!failed) {
        failed = fwrite(b.data, 1, b.len, out) != b.len || fputc('\n', out) == EOF;
    }
    MpStrBuf_Clear(&b);
    return failed ? -1 : 0;
}
/* }====== */
