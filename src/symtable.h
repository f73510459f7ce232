/* symtable.h — which scope every name belongs to.

   Before any code is generated, one pass over the tree builds a table of
   scopes ("blocks"): the module, each class body, each function, lambda
   and comprehension.  Each block records, for every name that occurs in
   it, how it occurs (assigned, a parameter, declared global, used, ...);
   a second pass then decides the name's scope:

       LOCAL            bound in this block, lives in a fast slot (functions)
                        or in the namespace dict (module, class)
       GLOBAL_EXPLICIT  declared `global`
       GLOBAL_IMPLICIT  not bound anywhere around it: a global or builtin
       FREE             bound in an enclosing function: reached via a cell
       CELL             bound here and used by an inner function: the value
                        lives in a cell so that the closure can share it

   The compiler (compile.c) asks for the scope of each name it emits a
   load, store or delete for, and uses the block's lists of parameters,
   cells and free variables to lay out the code object.

   Invariants: a name's scope never changes after MpSymtable_Build; every
   FunctionDef, AsyncFunctionDef, Lambda, ClassDef, ListComp, SetComp,
   DictComp and GeneratorExp node of the tree has exactly one block, found
   with MpSymtable_Lookup.

   CPython counterpart: Include/internal/pycore_symtable.h. */
#ifndef MP_SYMTABLE_H
#define MP_SYMTABLE_H

#include "arena.h"
#include "ast.h"
#include "parse.h"

/* {====== Name tables ======
   A small insertion-ordered hash table from a NUL-terminated name to an
   int (and an optional pointer).  The names are not copied: they must
   outlive the table (they live in the AST arena or the symtable's).
   Used for the symbols of a block and, by the compiler, for the names,
   varnames, cellvars and freevars of a code object. */
typedef struct {
    int n, cap;            // entries used, entries allocated
    const char **names;
    int *vals;
    const void **aux;      // per entry: a node (where a directive was)
    int *index;            // open addressing: entry number or -1
    int isize;             // a power of two, > 2 * n
} MpNameTab;

/* The entry number of name, or -1. */
int MpNameTab_Find(const MpNameTab *t, const char *name);

/* Appends name with val; returns its entry number, or -1 when out of
   memory.  The name must not be present already. */
int MpNameTab_Add(MpNameTab *t, const char *name, int val);

/* The entry number of name, appending it with val when absent; -1 when
   out of memory. */
int MpNameTab_Intern(MpNameTab *t, const char *name, int val);

void MpNameTab_Clear(MpNameTab *t);
/* }====== */

/* {====== Symbols ====== */

/* How a name occurs in a block (bit flags, CPython's DEF_*). */
enum {
    MP_DEF_GLOBAL = 1 << 0,      // declared `global`
    MP_DEF_LOCAL = 1 << 1,       // assigned in the block
    MP_DEF_PARAM = 1 << 2,       // a parameter
    MP_DEF_NONLOCAL = 1 << 3,    // declared `nonlocal`
    MP_DEF_USE = 1 << 4,         // read
    MP_DEF_FREE_CLASS = 1 << 5,  // free in a method, bound in the class
    MP_DEF_IMPORT = 1 << 6,      // bound by an import
    MP_DEF_ANNOT = 1 << 7,       // annotated (x: int)
    MP_DEF_COMP_ITER = 1 << 8,   // a comprehension's iteration variable
    MP_DEF_BOUND = MP_DEF_LOCAL | MP_DEF_PARAM | MP_DEF_IMPORT,
};

/* A name's scope, stored in the flags above bit MP_SCOPE_SHIFT. */
typedef enum {
    MP_SCOPE_NONE = 0,
    MP_SCOPE_LOCAL = 1,
    MP_SCOPE_GLOBAL_EXPLICIT = 2,
    MP_SCOPE_GLOBAL_IMPLICIT = 3,
    MP_SCOPE_FREE = 4,
    MP_SCOPE_CELL = 5,
} MpScope;

#define MP_SCOPE_SHIFT 12
#define MP_SCOPE_MASK (7 << MP_SCOPE_SHIFT)

typedef enum {
    MP_BLOCK_MODULE,
    MP_BLOCK_CLASS,
    MP_BLOCK_FUNCTION,  // def, lambda and comprehensions
} MpBlockType;

/* What kind of comprehension a function block is (0: none). */
typedef enum {
    MP_COMP_NONE,
    MP_COMP_LIST,
    MP_COMP_SET,
    MP_COMP_DICT,
    MP_COMP_GENEXP,
} MpCompKind;

typedef struct MpSymEntry MpSymEntry;
struct MpSymEntry {
    MpBlockType type;
    const char *name;          // "top", the def/class name, "lambda",
                               // "listcomp", "setcomp", "dictcomp",
                               // "genexpr"
    const MpNode *node;        // the node that opened the block (NULL: top)
    MpSymEntry *parent;
    MpSymEntry **children;     // in source order
    int nchildren, capchildren;
    MpNameTab symbols;         // name -> flags | scope << MP_SCOPE_SHIFT
    const char **params;       // parameter names (mangled), in slot order:
    int nparams;               // positional, keyword-only, *args, **kwargs
    MpCompKind comprehension;
    const char *private_name;  // the enclosing class, for name mangling
    unsigned nested : 1;       // inside a function (CO_NESTED)
    unsigned generator : 1;    // contains yield (or is a genexpr)
    unsigned coroutine : 1;    // async def
    unsigned varargs : 1, varkeywords : 1;
    unsigned free : 1;         // has free variables
    unsigned child_free : 1;   // a child block has free variables
    unsigned needs_class_closure : 1;  // class body: make a __class__ cell
    unsigned returns_value : 1;
    unsigned comp_iter_target : 1;     // visiting a comprehension target
    int comp_iter_expr;        // > 0: visiting a comprehension's iterable
};

typedef struct MpSymtable MpSymtable;

/* Builds the symbol table of tree (a Module, Expression or Interactive
   node).  flags: MP_COMPILE_* (compile.h); MP_COMPILE_FUTURE_ANNOTATIONS
   keeps annotations from being visited (they become strings).  Returns
   the table, or NULL with *err filled (a SyntaxError with CPython's
   message and location, or kind MP_ERR_MEMORY). */
MpSymtable *MpSymtable_Build(MpNode *tree, int flags, MpSyntaxError *err);

void MpSymtable_Free(MpSymtable *st);

/* The module's block. */
MpSymEntry *MpSymtable_Top(MpSymtable *st);

/* The block that node (a def, lambda, class or comprehension) opened, or
   NULL. */
MpSymEntry *MpSymtable_Lookup(MpSymtable *st, const MpNode *node);

/* The first child block of e called name, or NULL (for tests). */
MpSymEntry *MpSymEntry_Child(MpSymEntry *e, const char *name);

/* The flags of name in e (0 when e never mentions it). */
int MpSymEntry_Flags(const MpSymEntry *e, const char *name);

/* The scope of name in e: MP_SCOPE_NONE when e never mentions it. */
MpScope MpSymEntry_Scope(const MpSymEntry *e, const char *name);

/* name mangled as in class private_name ("__x" in class C -> "_C__x"):
   names that start with two underscores and do not end with two, and
   contain no dot, outside classes made only of underscores.  Returns name
   itself or a copy in arena; NULL when out of memory. */
const char *MpSymtable_Mangle(MpArena *arena, const char *private_name,
                              const char *name);
/* }====== */

#endif
