/* astbuild.h — what the grammar's actions call to build and check the tree.

   The grammar (grammar/parser.y) parses loosely where Python's grammar needs
   more than LALR(1) allows (assignment targets are parsed as expressions,
   parameter lists as flat lists); the functions here finish the job: they
   check what the grammar let through and raise CPython 3.11's messages, and
   assemble the nodes whose shape depends on several parts of a rule.
   Errors set p->err and return NULL (or -1).

   CPython counterpart: Parser/action_helpers.c and the invalid_* rules of
   Grammar/python.gram. */
#ifndef MP_ASTBUILD_H
#define MP_ASTBUILD_H

#include "ast.h"
#include "parse.h"
#include "tokenizer.h"

/* A comma-separated list of expressions and whether it ended in a comma:
   `a` is a plain expression, `a,` and `a, b` are tuples. */
typedef struct {
    MpSeq *items;
    int comma;
} MpExprList;

/* The items of a dict display (a NULL key is `**mapping`), or of a mapping
   pattern. */
typedef struct {
    MpSeq *keys, *values;
} MpDictItems;

typedef enum {
    MP_PARAM_PLAIN,  // name[: annotation][= default]
    MP_PARAM_STAR,   // *name or a bare *
    MP_PARAM_DSTAR,  // **name
    MP_PARAM_SLASH,  // /
} MpParamKind;

typedef struct {
    MpParamKind kind;
    MpNode *arg;      // an `arg` node; NULL for a bare * and for /
    MpNode *default_;
    MpLoc loc;
} MpParam;

/* {====== Driving the parse ====== */
/* Runs the Bison parser on p (its lexer set up). 0 on success. */
int MpBuild_Parse(MpParser *p);
/* The parser's yylex: the next token, remembered for error messages. */
int MpBuild_NextToken(MpParser *p, MpTokText *text, MpLoc *loc);
/* Works out the message for a syntax error at the token `code` (0 for the
   end of input) at loc, given the token codes the parser would have
   accepted there. */
void MpBuild_SyntaxError(MpParser *p, int code, MpLoc loc,
                         const int *expected, int nexpected);
/* Records a SyntaxError at loc (unless one is recorded already). */
void MpBuild_Error(MpParser *p, MpLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Records a MemoryError unless an error is recorded already. */
void MpBuild_NoMemory(MpParser *p);
/* }====== */

/* {====== Leaves ====== */
/* The token's text as an identifier in the arena (NULL: out of memory,
   recorded in p->err). */
const char *MpBuild_Ident(MpParser *p, MpTokText tok);
/* For a capture pattern: the identifier, or NULL for the wildcard `_`. */
const char *MpBuild_CaptureName(MpParser *p, MpTokText tok);
/* "a" "." "b" -> "a.b" in *out. Returns 0 or -1. */
int MpBuild_JoinDotted(MpParser *p, MpTokText *out, MpTokText a,
                       MpTokText b);
MpToken *MpBuild_Token(MpParser *p, MpTokText text, MpLoc loc);
MpNode *MpBuild_Number(MpParser *p, MpTokText text, MpLoc loc);
MpNode *MpBuild_Strings(MpParser *p, MpSeq *tokens, MpLoc loc);
MpNode *MpBuild_Singleton(MpParser *p, MpConstKind kind, MpLoc loc);
/* }====== */

/* {====== Expressions ====== */
/* The list's single item, or a Tuple (Load) of its items. */
MpNode *MpBuild_TupleOrSingle(MpParser *p, MpExprList list, MpLoc loc);
/* Marks node as written in parentheses and returns it. */
MpNode *MpBuild_Parenthesized(MpParser *p, MpNode *node, MpLoc loc);
/* chain is [left, op, right, op, right...] with ops as intptr_t. */
MpNode *MpBuild_Compare(MpParser *p, MpSeq *chain, MpLoc loc);
/* items are expressions, Starred, keyword nodes, bare generators. */
MpNode *MpBuild_Call(MpParser *p, MpNode *func, MpSeq *items, MpLoc loc);
/* name=value in a call; eq is where the `=` is (for the error range). */
MpNode *MpBuild_KeywordArg(MpParser *p, MpNode *name, MpNode *value,
                           MpLoc eq, MpLoc loc);
/* kind is ListComp, SetComp, GeneratorExp or DictComp (value used). */
MpNode *MpBuild_Comprehension(MpParser *p, MpNodeKind kind, MpNode *elt,
                              MpNode *value, MpSeq *generators, MpLoc loc);
/* Raises "cannot use assignment expressions with X". */
void MpBuild_InvalidNamedTarget(MpParser *p, MpNode *target);
/* Checks that e may be assigned (ctx Store) or deleted (Del) and sets the
   context of e and its parts.  Returns 0, or -1 with CPython's message
   ("cannot assign to function call"). */
int MpBuild_SetContext(MpParser *p, MpNode *e, int ctx);
/* }====== */

/* {====== Statements ====== */
/* Appends the statements of more to *seq.  Returns 0 or -1. */
int MpBuild_Extend(MpParser *p, MpSeq **seq, MpSeq *more);
MpNode *MpBuild_Assign(MpParser *p, MpNode *first, MpSeq *chain, MpLoc loc);
MpNode *MpBuild_AugAssign(MpParser *p, MpNode *target, int op, MpNode *value,
                          MpLoc loc);
MpNode *MpBuild_AnnAssign(MpParser *p, MpNode *target, MpNode *annotation,
                          MpNode *value, MpLoc loc);
MpNode *MpBuild_Delete(MpParser *p, MpExprList targets, MpLoc loc);
int MpBuild_CheckExceptType(MpParser *p, MpNode *type);
/* Raises "cannot have both 'except' and 'except*'" for the clause at loc. */
void MpBuild_MixedExcept(MpParser *p, MpLoc clause);
MpParam *MpBuild_Param(MpParser *p, MpParamKind kind, MpTokText name,
                       MpNode *annotation, MpNode *default_, MpLoc loc);
/* Sorts the parameter items into an `arguments` node, checking their
   order. */
MpNode *MpBuild_Arguments(MpParser *p, MpSeq *params, MpLoc loc,
                          int is_lambda);
MpNode *MpBuild_ClassDef(MpParser *p, const char *name, MpSeq *args,
                         MpSeq *body, MpLoc loc);
MpNode *MpBuild_Decorate(MpParser *p, MpNode *def, MpSeq *decorators,
                         MpLoc loc);
/* Turns a FunctionDef, With or For into its async form, starting at loc. */
int MpBuild_MakeAsync(MpParser *p, MpNode *node, MpLoc loc);
/* }====== */

/* {====== Patterns ====== */
MpNode *MpBuild_ComplexLiteral(MpParser *p, MpNode *real, int op,
                               MpTokText imag, MpLoc imag_loc, MpLoc loc);
MpNode *MpBuild_MatchClass(MpParser *p, MpNode *cls, MpSeq *args, MpLoc loc);
/* }====== */

#endif
