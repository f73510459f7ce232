/* ast.h — the abstract syntax tree.

   The tree is CPython 3.11's `ast` module, node for node and field for field
   (Parser/Python.asdl), so that `minipy --dump-ast` prints exactly what
   `ast.dump(ast.parse(src), indent=2)` prints and CPython can serve as the
   parser's test oracle.

   Every node is one MpNode: a kind, a source range, and a union with one
   struct per kind, reached as node->v.BinOp.left, as in CPython.  The list
   of kinds and their fields is written once, in MP_AST_NODES below; the
   structs, the constructors (MpAst_BinOp(...)) and the field table that the
   dumper walks are all generated from it.

   Field types (the first argument of F):
     NODE    a child node, never NULL
     ONODE   an optional child (the `?` fields of the ASDL), NULL for None
     SEQ     a list of nodes; NULL is the empty list; an item may be NULL
             where CPython's list holds None (Dict.keys for `**d`,
             arguments.kw_defaults)
     IDENT   an identifier, NUL-terminated UTF-8, never NULL
     OIDENT  an optional identifier or string (alias.asname, Constant.kind)
     IDSEQ   a list of identifiers (MpSeq of const char *)
     CONST   a constant value (MpConst)
     INT     a plain int (AnnAssign.simple, ImportFrom.level, conversion)
     OPER, UNOP, BOOLOP, CTX   the operator and context enums below
     CMPOPS  a list of comparison operators (MpIntSeq)

   Locations: lineno is 1-based, col_offset 0-based in UTF-8 bytes, end
   positions exclusive, as CPython.  Everything lives in the arena of the
   compilation that built it (arena.h). */
#ifndef MP_AST_H
#define MP_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"

typedef struct MpNode MpNode;

/* A growable list in the arena.  items holds MpNode * or const char *. */
typedef struct {
    int n, cap;
    void **items;
} MpSeq;

typedef struct {
    int n;
    int items[];
} MpIntSeq;

static inline int
MpSeq_Len(const MpSeq *s)
{
    return s ? s->n : 0;
}

/* {====== Constants ======
   A literal's value before the engine has objects.  Integers that do not fit
   in int64 are kept as their decimal digits (converted with GMP by the
   parser); strings are UTF-8 where a lone surrogate (from '\ud800') is
   encoded in the 3-byte form; bytes are raw. */
typedef enum {
    MP_CONST_NONE,
    MP_CONST_TRUE,
    MP_CONST_FALSE,
    MP_CONST_ELLIPSIS,
    MP_CONST_INT,     // u.i
    MP_CONST_BIGINT,  // u.str: decimal digits, with '-' when negative
    MP_CONST_FLOAT,   // u.f
    MP_CONST_COMPLEX, // u.f is the imaginary part; the real part is 0
    MP_CONST_STR,     // u.str
    MP_CONST_BYTES,   // u.str
} MpConstKind;

typedef struct {
    MpConstKind kind;
    union {
        int64_t i;
        double f;
        struct {
            const char *s;
            size_t len;
        } str;
    } u;
} MpConst;
/* }====== */

/* {====== Operators and contexts ======
   Listed in CPython's order; the names are what the dump prints. */
#define MP_AST_OPERATORS(X)                                                \
    X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift)       \
    X(RShift) X(BitOr) X(BitXor) X(BitAnd) X(FloorDiv)
#define MP_AST_UNARYOPS(X) X(Invert) X(Not) X(UAdd) X(USub)
#define MP_AST_BOOLOPS(X) X(And) X(Or)
#define MP_AST_CMPOPS(X)                                                   \
    X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)
#define MP_AST_CONTEXTS(X) X(Load) X(Store) X(Del)

#define MP_ENUM_ITEM(name) MP_OP_##name,
typedef enum { MP_AST_OPERATORS(MP_ENUM_ITEM) } MpOperator;
typedef enum { MP_AST_UNARYOPS(MP_ENUM_ITEM) } MpUnaryOp;
typedef enum { MP_AST_BOOLOPS(MP_ENUM_ITEM) } MpBoolOp;
typedef enum { MP_AST_CMPOPS(MP_ENUM_ITEM) } MpCmpOp;
typedef enum { MP_AST_CONTEXTS(MP_ENUM_ITEM) } MpExprContext;
#undef MP_ENUM_ITEM
/* }====== */

/* {====== The node list ======
   N(category, Kind, fields) with fields a run of F(type, name). */
#define MP_AST_NODES(N, F)                                                 \
    /* mod */                                                              \
    N(mod, Module, F(SEQ, body) F(SEQ, type_ignores))                      \
    N(mod, Interactive, F(SEQ, body))                                      \
    N(mod, Expression, F(NODE, body))                                      \
    /* stmt */                                                             \
    N(stmt, FunctionDef,                                                   \
      F(IDENT, name) F(NODE, args) F(SEQ, body) F(SEQ, decorator_list)     \
      F(ONODE, returns) F(OIDENT, type_comment))                           \
    N(stmt, AsyncFunctionDef,                                              \
      F(IDENT, name) F(NODE, args) F(SEQ, body) F(SEQ, decorator_list)     \
      F(ONODE, returns) F(OIDENT, type_comment))                           \
    N(stmt, ClassDef,                                                      \
      F(IDENT, name) F(SEQ, bases) F(SEQ, keywords) F(SEQ, body)           \
      F(SEQ, decorator_list))                                              \
    N(stmt, Return, F(ONODE, value))                                       \
    N(stmt, Delete, F(SEQ, targets))                                       \
    N(stmt, Assign, F(SEQ, targets) F(NODE, value) F(OIDENT, type_comment)) \
    N(stmt, AugAssign, F(NODE, target) F(OPER, op) F(NODE, value))         \
    N(stmt, AnnAssign,                                                     \
      F(NODE, target) F(NODE, annotation) F(ONODE, value) F(INT, simple))  \
    N(stmt, For,                                                           \
      F(NODE, target) F(NODE, iter) F(SEQ, body) F(SEQ, orelse)            \
      F(OIDENT, type_comment))                                             \
    N(stmt, AsyncFor,                                                      \
      F(NODE, target) F(NODE, iter) F(SEQ, body) F(SEQ, orelse)            \
      F(OIDENT, type_comment))                                             \
    N(stmt, While, F(NODE, test) F(SEQ, body) F(SEQ, orelse))              \
    N(stmt, If, F(NODE, test) F(SEQ, body) F(SEQ, orelse))                 \
    N(stmt, With, F(SEQ, items) F(SEQ, body) F(OIDENT, type_comment))      \
    N(stmt, AsyncWith, F(SEQ, items) F(SEQ, body) F(OIDENT, type_comment)) \
    N(stmt, Match, F(NODE, subject) F(SEQ, cases))                         \
    N(stmt, Raise, F(ONODE, exc) F(ONODE, cause))                          \
    N(stmt, Try,                                                           \
      F(SEQ, body) F(SEQ, handlers) F(SEQ, orelse) F(SEQ, finalbody))      \
    N(stmt, TryStar,                                                       \
      F(SEQ, body) F(SEQ, handlers) F(SEQ, orelse) F(SEQ, finalbody))      \
    N(stmt, Assert, F(NODE, test) F(ONODE, msg))                           \
    N(stmt, Import, F(SEQ, names))                                         \
    N(stmt, ImportFrom, F(OIDENT, module) F(SEQ, names) F(INT, level))     \
    N(stmt, Global, F(IDSEQ, names))                                       \
    N(stmt, Nonlocal, F(IDSEQ, names))                                     \
    N(stmt, Expr, F(NODE, value))                                          \
    N(stmt, Pass, )                                                        \
    N(stmt, Break, )                                                       \
    N(stmt, Continue, )                                                    \
    /* expr */                                                             \
    N(expr, BoolOp, F(BOOLOP, op) F(SEQ, values))                          \
    N(expr, NamedExpr, F(NODE, target) F(NODE, value))                     \
    N(expr, BinOp, F(NODE, left) F(OPER, op) F(NODE, right))               \
    N(expr, UnaryOp, F(UNOP, op) F(NODE, operand))                         \
    N(expr, Lambda, F(NODE, args) F(NODE, body))                           \
    N(expr, IfExp, F(NODE, test) F(NODE, body) F(NODE, orelse))            \
    N(expr, Dict, F(SEQ, keys) F(SEQ, values))                             \
    N(expr, Set, F(SEQ, elts))                                             \
    N(expr, ListComp, F(NODE, elt) F(SEQ, generators))                     \
    N(expr, SetComp, F(NODE, elt) F(SEQ, generators))                      \
    N(expr, DictComp, F(NODE, key) F(NODE, value) F(SEQ, generators))      \
    N(expr, GeneratorExp, F(NODE, elt) F(SEQ, generators))                 \
    N(expr, Await, F(NODE, value))                                         \
    N(expr, Yield, F(ONODE, value))                                        \
    N(expr, YieldFrom, F(NODE, value))                                     \
    N(expr, Compare, F(NODE, left) F(CMPOPS, ops) F(SEQ, comparators))     \
    N(expr, Call, F(NODE, func) F(SEQ, args) F(SEQ, keywords))             \
    N(expr, FormattedValue,                                                \
      F(NODE, value) F(INT, conversion) F(ONODE, format_spec))             \
    N(expr, JoinedStr, F(SEQ, values))                                     \
    N(expr, Constant, F(CONST, value) F(OIDENT, kind))                     \
    N(expr, Attribute, F(NODE, value) F(IDENT, attr) F(CTX, ctx))          \
    N(expr, Subscript, F(NODE, value) F(NODE, slice) F(CTX, ctx))          \
    N(expr, Starred, F(NODE, value) F(CTX, ctx))                           \
    N(expr, Name, F(IDENT, id) F(CTX, ctx))                                \
    N(expr, List, F(SEQ, elts) F(CTX, ctx))                                \
    N(expr, Tuple, F(SEQ, elts) F(CTX, ctx))                               \
    N(expr, Slice, F(ONODE, lower) F(ONODE, upper) F(ONODE, step))         \
    /* the small product types */                                          \
    N(comprehension, comprehension,                                        \
      F(NODE, target) F(NODE, iter) F(SEQ, ifs) F(INT, is_async))          \
    N(excepthandler, ExceptHandler,                                        \
      F(ONODE, type) F(OIDENT, name) F(SEQ, body))                         \
    N(arguments, arguments,                                                \
      F(SEQ, posonlyargs) F(SEQ, args) F(ONODE, vararg) F(SEQ, kwonlyargs) \
      F(SEQ, kw_defaults) F(ONODE, kwarg) F(SEQ, defaults))                \
    N(arg, arg, F(IDENT, arg) F(ONODE, annotation) F(OIDENT, type_comment)) \
    N(keyword, keyword, F(OIDENT, arg) F(NODE, value))                     \
    N(alias, alias, F(IDENT, name) F(OIDENT, asname))                      \
    N(withitem, withitem, F(NODE, context_expr) F(ONODE, optional_vars))   \
    N(match_case, match_case,                                              \
      F(NODE, pattern) F(ONODE, guard) F(SEQ, body))                       \
    /* pattern */                                                          \
    N(pattern, MatchValue, F(NODE, value))                                 \
    N(pattern, MatchSingleton, F(CONST, value))                            \
    N(pattern, MatchSequence, F(SEQ, patterns))                            \
    N(pattern, MatchMapping,                                               \
      F(SEQ, keys) F(SEQ, patterns) F(OIDENT, rest))                       \
    N(pattern, MatchClass,                                                 \
      F(NODE, cls) F(SEQ, patterns) F(IDSEQ, kwd_attrs)                    \
      F(SEQ, kwd_patterns))                                                \
    N(pattern, MatchStar, F(OIDENT, name))                                 \
    N(pattern, MatchAs, F(ONODE, pattern) F(OIDENT, name))                 \
    N(pattern, MatchOr, F(SEQ, patterns))
/* }====== */

/* {====== Generated declarations ====== */
typedef MpNode *MpAstT_NODE;
typedef MpNode *MpAstT_ONODE;
typedef MpSeq *MpAstT_SEQ;
typedef const char *MpAstT_IDENT;
typedef const char *MpAstT_OIDENT;
typedef MpSeq *MpAstT_IDSEQ;
typedef MpConst MpAstT_CONST;
typedef int MpAstT_INT;
typedef int MpAstT_OPER;
typedef int MpAstT_UNOP;
typedef int MpAstT_BOOLOP;
typedef int MpAstT_CTX;
typedef MpIntSeq *MpAstT_CMPOPS;

#define MP_AST_KIND_ENUM(cat, name, fields) MP_AST_##name,
typedef enum {
    MP_AST_NODES(MP_AST_KIND_ENUM, )
    MP_AST_KIND_COUNT
} MpNodeKind;
#undef MP_AST_KIND_ENUM

#define MP_AST_FIELD_DECL(type, name) MpAstT_##type name;
/* Each kind's fields are a named struct, struct MpAst_<Kind>_f, so that
   generated code can reach them through a pointer to the union. */
#define MP_AST_KIND_STRUCT(cat, name, fields)                              \
    struct MpAst_##name##_f {                                              \
        fields                                                             \
    } name;

struct MpNode {
    MpNodeKind kind;
    unsigned char parenthesized;  // written in (...) in the source
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
        MP_AST_NODES(MP_AST_KIND_STRUCT, MP_AST_FIELD_DECL)
    } v;
};

/* A source range, in the field names Bison's YYLLOC_DEFAULT uses:
   lines 1-based, columns 0-based UTF-8 byte offsets, the end exclusive. */
typedef struct {
    int first_line, first_column, last_line, last_column;
} MpLoc;

/* Construction: MpAst_New(arena, loc, BinOp, left, op, right) returns a
   new node in the arena with its fields set in the order of the node list
   (designated initialisers work too: .op = MP_OP_Add), or NULL when out of
   memory.  Fields not given are zero (NULL, 0). */
#define MpAst_New(arena, loc, kind, ...)                                   \
    MpAst_Make_##kind((arena), (loc), (struct MpAst_##kind##_f){__VA_ARGS__})

#define MP_AST_MAKE_DECL(cat, name, fields)                                \
    MpNode *MpAst_Make_##name(MpArena *arena, MpLoc loc,                   \
                              struct MpAst_##name##_f f);
MP_AST_NODES(MP_AST_MAKE_DECL, MP_AST_FIELD_DECL)
#undef MP_AST_MAKE_DECL
/* }====== */

/* {====== Helpers ====== */

/* Appends item to *seq, creating the list when *seq is NULL.
   Returns 0, or -1 when out of memory. */
int MpSeq_Append(MpArena *arena, MpSeq **seq, void *item);

/* A list of n ints copied from items, or NULL when out of memory. */
MpIntSeq *MpIntSeq_New(MpArena *arena, int n, const int *items);

/* The kind's name as the dump prints it ("BinOp"). */
const char *MpAst_KindName(MpNodeKind kind);

/* Writes the tree in the form of CPython's ast.dump(tree, indent=2),
   followed by a newline, to out.  Returns 0, -1 on a write error, or -2
   (nothing written) for a tree nested deeper than the compiler allows. */
int MpAst_Dump(const MpNode *tree, FILE *out);
/* }====== */

#endif
