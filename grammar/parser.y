/* parser.y — Python 3.11's grammar, tokens to AST (Bison, LALR(1)).

   This file owns the token list; the tokenizer includes the generated
   header.  The actions only build the tree (ast.h): no symbol resolution,
   no code generation.

   CPython's grammar is a PEG; this one is LALR(1), which it can be because
   of three choices taken from CPython's own older parser:
     - Assignment, `for`, `with ... as`, `del` and walrus targets are parsed
       as expressions and checked afterwards (set_context), which also
       produces CPython's messages ("cannot assign to function call").
     - Parameter lists are parsed as a flat list of items and their order
       checked in C (build_arguments), with CPython's messages.
     - The two places where Python needs more than one token of look-ahead,
       the soft keywords `match`/`case` and the parenthesised form of `with`,
       are settled by the tokenizer, which looks ahead on the logical line
       (tokenizer.c) and hands the parser MATCH, CASE and LPAR_WITH.
   Several start symbols share the grammar: the tokenizer's first token
   (START_FILE, START_EVAL, START_SINGLE, START_FSTRING) picks one.

   CPython counterpart: Grammar/python.gram and Parser/action_helpers.c.
   Read first: file_input, then expr_stmt. */

%define api.pure full
%locations
%define parse.error custom
%define api.location.type {MpLoc}
%param {MpParser *p}
%expect 0

%code requires {
#include "ast.h"
#include "astbuild.h"
#include "parse.h"
#include "tokenizer.h"
}

%code {
/* Every action that can fail goes through CHECK: a NULL node or a -1 means
   the error is already in p->err (or memory ran out), and the parse stops. */
#define CHECK(x)                                                           \
    do {                                                                   \
        if (!(x)) {                                                        \
            MpBuild_NoMemory(p);                                           \
            YYABORT;                                                       \
        }                                                                  \
    } while (0)
#define ARENA (p->arena)
#define NEW(loc, kind, ...) MpAst_New(p->arena, (loc), kind, __VA_ARGS__)
#define APPEND(seq, item) CHECK(MpSeq_Append(p->arena, &(seq), (item)) == 0)

static int yylex(YYSTYPE *value, MpLoc *loc, MpParser *p);
static void yyerror(MpLoc *loc, MpParser *p, const char *msg);
}

%union {
    MpTokText tok;
    MpNode *node;
    MpSeq *seq;
    int op;
    MpExprList list;
    MpDictItems kv;
    MpParam *param;
    MpToken *token;
}

/* {====== Tokens ======
   Names follow CPython's Grammar/Tokens where they mean the same thing. */
%token START_FILE START_EVAL START_SINGLE START_FSTRING
%token <tok> NAME NUMBER STRING
%token NEWLINE INDENT DEDENT

%token FALSE "False" NONE "None" TRUE "True" AND "and" AS "as"
%token ASSERT "assert" ASYNC "async" AWAIT "await" BREAK "break"
%token CLASS "class" CONTINUE "continue" DEF "def" DEL "del" ELIF "elif"
%token ELSE "else" EXCEPT "except" FINALLY "finally" FOR "for" FROM "from"
%token GLOBAL "global" IF "if" IMPORT "import" IN "in" IS "is"
%token LAMBDA "lambda" NONLOCAL "nonlocal" NOT "not" OR "or" PASS "pass"
%token RAISE "raise" RETURN "return" TRY "try" WHILE "while" WITH "with"
%token YIELD "yield"
/* Soft keywords, produced only where the tokenizer has decided they are. */
%token MATCH "match" CASE "case"

%token LPAR "(" RPAR ")" LSQB "[" RSQB "]" LBRACE "{" RBRACE "}"
%token COLON ":" COMMA "," SEMI ";" PLUS "+" MINUS "-" STAR "*"
%token SLASH "/" VBAR "|" AMPER "&" LESS "<" GREATER ">" EQUAL "="
%token DOT "." PERCENT "%" TILDE "~" CIRCUMFLEX "^" AT "@"
%token EQEQUAL "==" NOTEQUAL "!=" LESSEQUAL "<=" GREATEREQUAL ">="
%token LEFTSHIFT "<<" RIGHTSHIFT ">>" DOUBLESTAR "**" DOUBLESLASH "//"
%token RARROW "->" ELLIPSIS "..." COLONEQUAL ":="
%token PLUSEQUAL "+=" MINEQUAL "-=" STAREQUAL "*=" SLASHEQUAL "/="
%token PERCENTEQUAL "%=" AMPEREQUAL "&=" VBAREQUAL "|="
%token CIRCUMFLEXEQUAL "^=" LEFTSHIFTEQUAL "<<=" RIGHTSHIFTEQUAL ">>="
%token DOUBLESTAREQUAL "**=" DOUBLESLASHEQUAL "//=" ATEQUAL "@="
/* The `(` right after `with` when the matching `)` is followed by `:`. */
%token LPAR_WITH "( (with)"
/* A character that starts no token ('$', '?', '!' outside an f-string):
   the parser reports it as "invalid syntax" at its position. */
%token ERRORTOKEN
/* }====== */


/* {====== Semantic types ====== */
%type <node> file_input eval_input single_input fstring_input
%type <seq> stmts stmt simple_stmt small_stmts block suite
%type <node> small_stmt expr_stmt del_stmt return_stmt raise_stmt
%type <node> global_stmt nonlocal_stmt assert_stmt import_stmt import_name
%type <node> import_from compound_stmt if_stmt while_stmt for_stmt
%type <node> try_stmt with_stmt funcdef classdef decorated async_stmt
%type <node> match_stmt except_clause except_star_clause
%type <seq> except_clauses except_star_clauses else_opt finally_opt elif_tail
%type <seq> decorators global_names dotted_as_names import_as_names
%type <seq> import_targets with_items case_blocks
%type <node> dotted_as_name import_as_name with_item case_block decorator
%type <node> annotated_rhs yield_or_testlist_star test test_opt namedexpr_test
%type <node> or_test and_test not_test comparison expr xor_expr and_expr
%type <node> shift_expr arith_expr term factor power await_primary primary atom
%type <node> star_expr lambdef yield_expr
%type <node> testlist testlist_star_expr exprlist subject
%type <node> subscript subscripts strings named_or_star slice_part
%type <node> argument returns_opt comp_clause
%type <seq> assign_chain or_chain and_chain comp_chain comp_for
%type <seq> arglist args_opt arglist_items
%type <seq> params params_opt lambda_params lambda_params_opt
%type <seq> string_tokens
%type <list> testlist_items testlist_star_items exprlist_items
%type <list> testlist_comp_items subscript_items subject_items
%type <kv> dict_items
%type <param> param lambda_param
%type <op> augassign comp_op
%type <tok> dotted_name
%type <op> dots import_dots
%type <node> pattern patterns or_pattern closed_pattern as_pattern
%type <node> literal_pattern signed_number value_pattern name_or_attr
%type <node> sequence_pattern mapping_pattern class_pattern maybe_star_pattern
%type <node> star_pattern guard_opt literal_expr key_pattern
%type <seq> or_patterns maybe_star_patterns
%type <list> open_sequence_items
%type <kv> items_pattern
%type <seq> class_pattern_args
%type <node> class_pattern_arg
%type <tok> double_star_pattern
/* }====== */

%%

/* {====== Start symbols ====== */
start:
      START_FILE file_input       { p->result = $2; }
    | START_EVAL eval_input       { p->result = $2; }
    | START_SINGLE single_input   { p->result = $2; }
    | START_FSTRING fstring_input { p->result = $2; }
    ;

file_input:
      stmts { CHECK($$ = NEW(@$, Module, $1, NULL)); }
    ;

stmts:
      %empty          { $$ = NULL; }
    | stmts stmt      { $$ = $1; CHECK(MpBuild_Extend(p, &$$, $2) == 0); }
    | stmts NEWLINE   { $$ = $1; }
    ;

eval_input:
      testlist newlines { CHECK($$ = NEW(@$, Expression, $1)); }
    ;

newlines: %empty | newlines NEWLINE ;

single_input:
      NEWLINE                { CHECK($$ = NEW(@$, Interactive, NULL)); }
    | simple_stmt            { CHECK($$ = NEW(@$, Interactive, $1)); }
    | compound_stmt NEWLINE  {
          MpSeq *body = NULL;
          APPEND(body, $1);
          CHECK($$ = NEW(@$, Interactive, body));
      }
    ;

/* MpParse_FStringExpr wraps the field's text in parentheses, as CPython
   3.11 does, so the expression is an atom. */
fstring_input:
      atom newlines { $$ = $1; }
    ;
/* }====== */

/* {====== Statements ====== */
stmt:
      simple_stmt
    | compound_stmt { $$ = NULL; APPEND($$, $1); }
    ;

simple_stmt:
      small_stmts NEWLINE      { $$ = $1; }
    | small_stmts ";" NEWLINE  { $$ = $1; }
    ;

small_stmts:
      small_stmt                  { $$ = NULL; APPEND($$, $1); }
    | small_stmts ";" small_stmt  { $$ = $1; APPEND($$, $3); }
    ;

small_stmt:
      expr_stmt
    | del_stmt
    | "pass"      { CHECK($$ = NEW(@$, Pass)); }
    | "break"     { CHECK($$ = NEW(@$, Break)); }
    | "continue"  { CHECK($$ = NEW(@$, Continue)); }
    | return_stmt
    | raise_stmt
    | global_stmt
    | nonlocal_stmt
    | assert_stmt
    | import_stmt
    ;

/* An expression statement, an assignment (a = b = c), an annotated
   assignment or an augmented one.  The targets are parsed as expressions;
   MpBuild_SetContext checks them and marks them Store. */
expr_stmt:
      testlist_star_expr {
          CHECK($$ = NEW(@$, Expr, $1));
      }
    | yield_expr {
          CHECK($$ = NEW(@$, Expr, $1));
      }
    | testlist_star_expr ":" test {
          CHECK($$ = MpBuild_AnnAssign(p, $1, $3, NULL, @$));
      }
    | testlist_star_expr ":" test "=" annotated_rhs {
          CHECK($$ = MpBuild_AnnAssign(p, $1, $3, $5, @$));
      }
    | testlist_star_expr augassign yield_or_testlist_star {
          CHECK($$ = MpBuild_AugAssign(p, $1, $2, $3, @$));
      }
    | testlist_star_expr assign_chain {
          CHECK($$ = MpBuild_Assign(p, $1, $2, @$));
      }
    ;

/* Everything right of the first target: "= b = c" gives [b, c]. */
assign_chain:
      "=" yield_or_testlist_star               { $$ = NULL; APPEND($$, $2); }
    | assign_chain "=" yield_or_testlist_star  { $$ = $1; APPEND($$, $3); }
    ;

annotated_rhs: yield_expr | testlist_star_expr ;
yield_or_testlist_star: yield_expr | testlist_star_expr ;

augassign:
      "+="  { $$ = MP_OP_Add; }
    | "-="  { $$ = MP_OP_Sub; }
    | "*="  { $$ = MP_OP_Mult; }
    | "@="  { $$ = MP_OP_MatMult; }
    | "/="  { $$ = MP_OP_Div; }
    | "%="  { $$ = MP_OP_Mod; }
    | "&="  { $$ = MP_OP_BitAnd; }
    | "|="  { $$ = MP_OP_BitOr; }
    | "^="  { $$ = MP_OP_BitXor; }
    | "<<=" { $$ = MP_OP_LShift; }
    | ">>=" { $$ = MP_OP_RShift; }
    | "**=" { $$ = MP_OP_Pow; }
    | "//=" { $$ = MP_OP_FloorDiv; }
    ;

del_stmt:
      "del" exprlist_items {
          CHECK($$ = MpBuild_Delete(p, $2, @$));
      }
    ;

return_stmt:
      "return"                     { CHECK($$ = NEW(@$, Return, NULL)); }
    | "return" testlist_star_expr  { CHECK($$ = NEW(@$, Return, $2)); }
    ;

raise_stmt:
      "raise"                  { CHECK($$ = NEW(@$, Raise, NULL, NULL)); }
    | "raise" test             { CHECK($$ = NEW(@$, Raise, $2, NULL)); }
    | "raise" test "from" test { CHECK($$ = NEW(@$, Raise, $2, $4)); }
    ;

global_stmt:
      "global" global_names    { CHECK($$ = NEW(@$, Global, $2)); }
    ;
nonlocal_stmt:
      "nonlocal" global_names  { CHECK($$ = NEW(@$, Nonlocal, $2)); }
    ;
global_names:
      NAME { $$ = NULL; APPEND($$, (void *)MpBuild_Ident(p, $1)); }
    | global_names "," NAME {
          $$ = $1; APPEND($$, (void *)MpBuild_Ident(p, $3));
      }
    ;

assert_stmt:
      "assert" test           { CHECK($$ = NEW(@$, Assert, $2, NULL)); }
    | "assert" test "," test  { CHECK($$ = NEW(@$, Assert, $2, $4)); }
    ;

import_stmt: import_name | import_from ;

import_name:
      "import" dotted_as_names { CHECK($$ = NEW(@$, Import, $2)); }
    ;

dotted_as_names:
      dotted_as_name                      { $$ = NULL; APPEND($$, $1); }
    | dotted_as_names "," dotted_as_name  { $$ = $1; APPEND($$, $3); }
    ;

dotted_as_name:
      dotted_name {
          CHECK($$ = NEW(@$, alias, MpBuild_Ident(p, $1), NULL));
      }
    | dotted_name "as" NAME {
          CHECK($$ = NEW(@$, alias, MpBuild_Ident(p, $1),
                         MpBuild_Ident(p, $3)));
      }
    ;

/* The text of a dotted name is its span of the source with the white
   space dropped ("a . b" is "a.b"). */
dotted_name:
      NAME
    | dotted_name "." NAME { CHECK(MpBuild_JoinDotted(p, &$$, $1, $3) == 0); }
    ;

import_from:
      "from" import_dots dotted_name "import" import_targets {
          CHECK($$ = NEW(@$, ImportFrom, MpBuild_Ident(p, $3), $5, $2));
      }
    | "from" dotted_name "import" import_targets {
          CHECK($$ = NEW(@$, ImportFrom, MpBuild_Ident(p, $2), $4, 0));
      }
    | "from" import_dots "import" import_targets {
          CHECK($$ = NEW(@$, ImportFrom, NULL, $4, $2));
      }
    ;

/* Leading dots of a relative import; "..." is one token worth three. */
import_dots:
      dots
    | import_dots dots { $$ = $1 + $2; }
    ;
dots: "." { $$ = 1; } | "..." { $$ = 3; } ;

import_targets:
      "*" {
          $$ = NULL;
          MpNode *star = NEW(@$, alias, "*", NULL);
          CHECK(star);
          APPEND($$, star);
      }
    | "(" import_as_names ")"      { $$ = $2; }
    | "(" import_as_names "," ")"  { $$ = $2; }
    | import_as_names
    | import_as_names "," {
          /* CPython points just past the comma */
          MpLoc at = {@2.last_line, @2.last_column, @2.last_line,
                      @2.last_column + 1};
          MpBuild_Error(p, at, "trailing comma not allowed without "
                               "surrounding parentheses");
          YYABORT;
      }
    ;

import_as_names:
      import_as_name                      { $$ = NULL; APPEND($$, $1); }
    | import_as_names "," import_as_name  { $$ = $1; APPEND($$, $3); }
    ;

import_as_name:
      NAME {
          CHECK($$ = NEW(@$, alias, MpBuild_Ident(p, $1), NULL));
      }
    | NAME "as" NAME {
          CHECK($$ = NEW(@$, alias, MpBuild_Ident(p, $1),
                         MpBuild_Ident(p, $3)));
      }
    ;

compound_stmt:
      if_stmt
    | while_stmt
    | for_stmt
    | try_stmt
    | with_stmt
    | funcdef
    | classdef
    | decorated
    | async_stmt
    | match_stmt
    ;

if_stmt:
      "if" namedexpr_test ":" block elif_tail {
          CHECK($$ = NEW(@$, If, $2, $4, $5));
      }
    ;

/* The elif/else chain as the orelse list of the If before it: an `elif`
   is an If alone in that list (right-recursive, so it nests). */
elif_tail:
      %empty { $$ = NULL; }
    | "else" ":" block { $$ = $3; }
    | "elif" namedexpr_test ":" block elif_tail {
          MpNode *nested = NEW(@$, If, $2, $4, $5);
          CHECK(nested);
          $$ = NULL;
          APPEND($$, nested);
      }
    ;

while_stmt:
      "while" namedexpr_test ":" block else_opt {
          CHECK($$ = NEW(@$, While, $2, $4, $5));
      }
    ;

else_opt: %empty { $$ = NULL; } | "else" ":" block { $$ = $3; } ;
finally_opt: %empty { $$ = NULL; } | "finally" ":" block { $$ = $3; } ;

for_stmt:
      "for" exprlist "in" testlist_star_expr ":" block else_opt {
          CHECK(MpBuild_SetContext(p, $2, MP_OP_Store) == 0);
          CHECK($$ = NEW(@$, For, $2, $4, $6, $7));
      }
    ;

try_stmt:
      "try" ":" block "finally" ":" block {
          CHECK($$ = NEW(@$, Try, $3, NULL, NULL, $6));
      }
    | "try" ":" block except_clauses else_opt finally_opt {
          CHECK($$ = NEW(@$, Try, $3, $4, $5, $6));
      }
    | "try" ":" block except_star_clauses else_opt finally_opt {
          CHECK($$ = NEW(@$, TryStar, $3, $4, $5, $6));
      }
    ;

except_clauses:
      except_clause                 { $$ = NULL; APPEND($$, $1); }
    | except_clauses except_clause  { $$ = $1; APPEND($$, $2); }
    | except_clauses except_star_clause {
          MpBuild_MixedExcept(p, @2);
          YYABORT;
      }
    ;

except_star_clauses:
      except_star_clause                      { $$ = NULL; APPEND($$, $1); }
    | except_star_clauses except_star_clause  { $$ = $1; APPEND($$, $2); }
    | except_star_clauses except_clause {
          MpBuild_MixedExcept(p, @2);
          YYABORT;
      }
    ;

except_clause:
      "except" ":" block {
          CHECK($$ = NEW(@$, ExceptHandler, NULL, NULL, $3));
      }
    | "except" testlist ":" block {
          CHECK(MpBuild_CheckExceptType(p, $2) == 0);
          CHECK($$ = NEW(@$, ExceptHandler, $2, NULL, $4));
      }
    | "except" testlist "as" NAME ":" block {
          CHECK(MpBuild_CheckExceptType(p, $2) == 0);
          CHECK($$ = NEW(@$, ExceptHandler, $2, MpBuild_Ident(p, $4), $6));
      }
    ;

except_star_clause:
      "except" "*" testlist ":" block {
          CHECK(MpBuild_CheckExceptType(p, $3) == 0);
          CHECK($$ = NEW(@$, ExceptHandler, $3, NULL, $5));
      }
    | "except" "*" testlist "as" NAME ":" block {
          CHECK(MpBuild_CheckExceptType(p, $3) == 0);
          CHECK($$ = NEW(@$, ExceptHandler, $3, MpBuild_Ident(p, $5), $7));
      }
    ;

with_stmt:
      "with" with_items ":" block {
          CHECK($$ = NEW(@$, With, $2, $4));
      }
    | "with" LPAR_WITH with_items ")" ":" block {
          CHECK($$ = NEW(@$, With, $3, $6));
      }
    | "with" LPAR_WITH with_items "," ")" ":" block {
          CHECK($$ = NEW(@$, With, $3, $7));
      }
    | "with" LPAR_WITH yield_expr ")" ":" block {
          /* `with (yield):` is an ordinary parenthesised expression */
          MpNode *item = NEW(@3, withitem, $3, NULL);
          MpSeq *items = NULL;
          CHECK(item);
          APPEND(items, item);
          CHECK($$ = NEW(@$, With, items, $6));
      }
    ;

with_items:
      with_item                 { $$ = NULL; APPEND($$, $1); }
    | with_items "," with_item  { $$ = $1; APPEND($$, $3); }
    ;

with_item:
      test { CHECK($$ = NEW(@$, withitem, $1, NULL)); }
    | test "as" expr {
          CHECK(MpBuild_SetContext(p, $3, MP_OP_Store) == 0);
          CHECK($$ = NEW(@$, withitem, $1, $3));
      }
    ;

funcdef:
      "def" NAME "(" params_opt ")" returns_opt ":" block {
          MpNode *args = MpBuild_Arguments(p, $4, @4, 0);
          CHECK(args);
          CHECK($$ = NEW(@$, FunctionDef, MpBuild_Ident(p, $2), args, $8,
                         NULL, $6));
      }
    ;

returns_opt: %empty { $$ = NULL; } | "->" test { $$ = $2; } ;

classdef:
      "class" NAME ":" block {
          CHECK($$ = NEW(@$, ClassDef, MpBuild_Ident(p, $2), NULL, NULL,
                         $4));
      }
    | "class" NAME "(" args_opt ")" ":" block {
          CHECK($$ = MpBuild_ClassDef(p, MpBuild_Ident(p, $2), $4, $7, @$));
      }
    ;

decorated:
      decorators funcdef   { $$ = MpBuild_Decorate(p, $2, $1, @$); }
    | decorators classdef  { $$ = MpBuild_Decorate(p, $2, $1, @$); }
    | decorators "async" funcdef {
          CHECK(MpBuild_MakeAsync(p, $3, @$) == 0);
          $$ = MpBuild_Decorate(p, $3, $1, @$);
      }
    ;

decorators:
      decorator             { $$ = NULL; APPEND($$, $1); }
    | decorators decorator  { $$ = $1; APPEND($$, $2); }
    ;

decorator: "@" namedexpr_test NEWLINE { $$ = $2; } ;

async_stmt:
      "async" funcdef   { CHECK(MpBuild_MakeAsync(p, $2, @$) == 0); $$ = $2; }
    | "async" with_stmt { CHECK(MpBuild_MakeAsync(p, $2, @$) == 0); $$ = $2; }
    | "async" for_stmt  { CHECK(MpBuild_MakeAsync(p, $2, @$) == 0); $$ = $2; }
    ;

/* A block: the statements on the rest of the line, or an indented suite. */
block:
      simple_stmt
    | NEWLINE INDENT suite DEDENT { $$ = $3; }
    ;

suite:
      stmt
    | suite stmt { $$ = $1; CHECK(MpBuild_Extend(p, &$$, $2) == 0); }
    ;
/* }====== */

/* {====== match ======
   MATCH and CASE reach the parser only where the tokenizer decided that
   they are keywords. */
match_stmt:
      "match" subject ":" NEWLINE INDENT case_blocks DEDENT {
          CHECK($$ = NEW(@$, Match, $2, $6));
      }
    ;

subject:
      subject_items {
          CHECK($$ = MpBuild_TupleOrSingle(p, $1, @$));
          if ($1.items->n == 1 && !$1.comma &&
              ((MpNode *)$1.items->items[0])->kind == MP_AST_Starred) {
              MpBuild_Error(p, @$, "invalid syntax");
              YYABORT;
          }
      }
    ;

subject_items:
      named_or_star                   { $$.items = NULL; $$.comma = 0; APPEND($$.items, $1); }
    | subject_items "," named_or_star { $$ = $1; $$.comma = 0; APPEND($$.items, $3); }
    | subject_items ","               { $$ = $1; $$.comma = 1; }
    ;

case_blocks:
      case_block              { $$ = NULL; APPEND($$, $1); }
    | case_blocks case_block  { $$ = $1; APPEND($$, $2); }
    ;

case_block:
      "case" patterns guard_opt ":" block {
          CHECK($$ = NEW(@$, match_case, $2, $3, $5));
      }
    ;

guard_opt: %empty { $$ = NULL; } | "if" namedexpr_test { $$ = $2; } ;

/* The top level of a case: one pattern, or an open sequence `a, *b`. */
patterns:
      pattern
    | open_sequence_items {
          CHECK($$ = NEW(@$, MatchSequence, $1.items));
      }
    ;

/* Two or more items, or one with a trailing comma. */
open_sequence_items:
      maybe_star_pattern "," {
          $$.items = NULL; $$.comma = 1; APPEND($$.items, $1);
      }
    | maybe_star_pattern "," maybe_star_patterns {
          $$.items = NULL; APPEND($$.items, $1);
          for (int i = 0; i < $3->n; i++) {
              APPEND($$.items, $3->items[i]);
          }
      }
    | maybe_star_pattern "," maybe_star_patterns "," {
          $$.items = NULL; APPEND($$.items, $1);
          for (int i = 0; i < $3->n; i++) {
              APPEND($$.items, $3->items[i]);
          }
      }
    ;

maybe_star_patterns:
      maybe_star_pattern                          { $$ = NULL; APPEND($$, $1); }
    | maybe_star_patterns "," maybe_star_pattern  { $$ = $1; APPEND($$, $3); }
    ;

maybe_star_pattern: star_pattern | pattern ;

star_pattern:
      "*" NAME { CHECK($$ = NEW(@$, MatchStar, MpBuild_CaptureName(p, $2))); }
    ;

pattern: as_pattern | or_pattern ;

as_pattern:
      or_pattern "as" NAME {
          const char *name = MpBuild_CaptureName(p, $3);
          if (name == NULL) {
              MpBuild_Error(p, @3, "cannot use '_' as a target");
              YYABORT;
          }
          CHECK($$ = NEW(@$, MatchAs, $1, name));
      }
    ;

or_pattern:
      or_patterns {
          if ($1->n == 1) {
              $$ = $1->items[0];
          }
          else {
              CHECK($$ = NEW(@$, MatchOr, $1));
          }
      }
    ;

or_patterns:
      closed_pattern                  { $$ = NULL; APPEND($$, $1); }
    | or_patterns "|" closed_pattern  { $$ = $1; APPEND($$, $3); }
    ;

closed_pattern:
      literal_pattern
    | NAME {
          /* A capture pattern, or the wildcard `_`. */
          CHECK($$ = NEW(@$, MatchAs, NULL, MpBuild_CaptureName(p, $1)));
      }
    | value_pattern
    | "(" pattern ")" { $$ = $2; }
    | sequence_pattern
    | mapping_pattern
    | class_pattern
    ;

literal_pattern:
      literal_expr {
          if ($1->kind == MP_AST_Constant &&
              ($1->v.Constant.value.kind == MP_CONST_NONE ||
               $1->v.Constant.value.kind == MP_CONST_TRUE ||
               $1->v.Constant.value.kind == MP_CONST_FALSE)) {
              CHECK($$ = NEW(@$, MatchSingleton, $1->v.Constant.value));
          }
          else {
              CHECK($$ = NEW(@$, MatchValue, $1));
          }
      }
    ;

/* The expressions a pattern may compare with: numbers (signed, or complex
   as real +/- imaginary), strings, None, True, False. */
literal_expr:
      signed_number
    | signed_number "+" NUMBER {
          CHECK($$ = MpBuild_ComplexLiteral(p, $1, MP_OP_Add, $3, @3, @$));
      }
    | signed_number "-" NUMBER {
          CHECK($$ = MpBuild_ComplexLiteral(p, $1, MP_OP_Sub, $3, @3, @$));
      }
    | strings {
          if ($1->kind == MP_AST_JoinedStr) {
              MpBuild_Error(p, @1, "patterns may only match literals and "
                                   "attribute lookups");
              YYABORT;
          }
          $$ = $1;
      }
    | "None"  { CHECK($$ = MpBuild_Singleton(p, MP_CONST_NONE, @$)); }
    | "True"  { CHECK($$ = MpBuild_Singleton(p, MP_CONST_TRUE, @$)); }
    | "False" { CHECK($$ = MpBuild_Singleton(p, MP_CONST_FALSE, @$)); }
    ;

signed_number:
      NUMBER { CHECK($$ = MpBuild_Number(p, $1, @$)); }
    | "-" NUMBER {
          MpNode *num = MpBuild_Number(p, $2, @2);
          CHECK(num);
          CHECK($$ = NEW(@$, UnaryOp, MP_OP_USub, num));
      }
    ;

value_pattern:
      name_or_attr "." NAME {
          MpNode *attr = NEW(@$, Attribute, $1, MpBuild_Ident(p, $3), MP_OP_Load);
          CHECK(attr);
          CHECK($$ = NEW(@$, MatchValue, attr));
      }
    ;

name_or_attr:
      NAME { CHECK($$ = NEW(@$, Name, MpBuild_Ident(p, $1), MP_OP_Load)); }
    | name_or_attr "." NAME {
          CHECK($$ = NEW(@$, Attribute, $1, MpBuild_Ident(p, $3), MP_OP_Load));
      }
    ;

sequence_pattern:
      "[" "]"                      { CHECK($$ = NEW(@$, MatchSequence, NULL)); }
    | "[" maybe_star_patterns "]"  { CHECK($$ = NEW(@$, MatchSequence, $2)); }
    | "[" maybe_star_patterns "," "]" { CHECK($$ = NEW(@$, MatchSequence, $2)); }
    | "(" ")"                      { CHECK($$ = NEW(@$, MatchSequence, NULL)); }
    | "(" star_pattern ")" {
          MpSeq *items = NULL;
          APPEND(items, $2);
          CHECK($$ = NEW(@$, MatchSequence, items));
      }
    | "(" open_sequence_items ")"  { CHECK($$ = NEW(@$, MatchSequence, $2.items)); }
    ;

mapping_pattern:
      "{" "}" { CHECK($$ = NEW(@$, MatchMapping, NULL, NULL, NULL)); }
    | "{" double_star_pattern "}" {
          CHECK($$ = NEW(@$, MatchMapping, NULL, NULL, MpBuild_Ident(p, $2)));
      }
    | "{" double_star_pattern "," "}" {
          CHECK($$ = NEW(@$, MatchMapping, NULL, NULL, MpBuild_Ident(p, $2)));
      }
    | "{" items_pattern "}" {
          CHECK($$ = NEW(@$, MatchMapping, $2.keys, $2.values, NULL));
      }
    | "{" items_pattern "," "}" {
          CHECK($$ = NEW(@$, MatchMapping, $2.keys, $2.values, NULL));
      }
    | "{" items_pattern "," double_star_pattern "}" {
          CHECK($$ = NEW(@$, MatchMapping, $2.keys, $2.values,
                         MpBuild_Ident(p, $4)));
      }
    | "{" items_pattern "," double_star_pattern "," "}" {
          CHECK($$ = NEW(@$, MatchMapping, $2.keys, $2.values,
                         MpBuild_Ident(p, $4)));
      }
    ;

items_pattern:
      key_pattern ":" pattern {
          $$.keys = $$.values = NULL;
          APPEND($$.keys, $1); APPEND($$.values, $3);
      }
    | items_pattern "," key_pattern ":" pattern {
          $$ = $1; APPEND($$.keys, $3); APPEND($$.values, $5);
      }
    ;

key_pattern:
      literal_expr
    | name_or_attr "." NAME {
          CHECK($$ = NEW(@$, Attribute, $1, MpBuild_Ident(p, $3), MP_OP_Load));
      }
    ;

double_star_pattern: "**" NAME { $$ = $2; } ;

class_pattern:
      name_or_attr "(" ")" {
          CHECK($$ = NEW(@$, MatchClass, $1, NULL, NULL, NULL));
      }
    | name_or_attr "(" class_pattern_args ")" {
          CHECK($$ = MpBuild_MatchClass(p, $1, $3, @$));
      }
    | name_or_attr "(" class_pattern_args "," ")" {
          CHECK($$ = MpBuild_MatchClass(p, $1, $3, @$));
      }
    ;

class_pattern_args:
      class_pattern_arg                         { $$ = NULL; APPEND($$, $1); }
    | class_pattern_args "," class_pattern_arg  { $$ = $1; APPEND($$, $3); }
    ;

/* A positional pattern, or NAME=pattern carried as a keyword node. */
class_pattern_arg:
      pattern
    | NAME "=" pattern {
          CHECK($$ = NEW(@$, keyword, MpBuild_Ident(p, $1), $3));
      }
    ;
/* }====== */

/* {====== Parameters ======
   A flat list of items, checked and sorted into an `arguments` node by
   MpBuild_Arguments (order rules and CPython's messages live there). */
params_opt: %empty { $$ = NULL; } | params | params "," ;

params:
      param             { $$ = NULL; APPEND($$, $1); }
    | params "," param  { $$ = $1; APPEND($$, $3); }
    ;

param:
      NAME {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_PLAIN, $1, NULL, NULL, @$));
      }
    | NAME ":" test {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_PLAIN, $1, $3, NULL, @$));
      }
    | NAME "=" test {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_PLAIN, $1, NULL, $3, @$));
      }
    | NAME ":" test "=" test {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_PLAIN, $1, $3, $5, @$));
      }
    | "*" {
          MpTokText none = {NULL, 0};
          CHECK($$ = MpBuild_Param(p, MP_PARAM_STAR, none, NULL, NULL, @$));
      }
    | "*" NAME {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_STAR, $2, NULL, NULL, @$));
      }
    | "*" NAME ":" test {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_STAR, $2, $4, NULL, @$));
      }
    | "*" NAME ":" star_expr {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_STAR, $2, $4, NULL, @$));
      }
    | "**" NAME {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_DSTAR, $2, NULL, NULL, @$));
      }
    | "**" NAME ":" test {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_DSTAR, $2, $4, NULL, @$));
      }
    | "/" {
          MpTokText none = {NULL, 0};
          CHECK($$ = MpBuild_Param(p, MP_PARAM_SLASH, none, NULL, NULL, @$));
      }
    ;

lambda_params_opt: %empty { $$ = NULL; } | lambda_params | lambda_params "," ;

lambda_params:
      lambda_param                    { $$ = NULL; APPEND($$, $1); }
    | lambda_params "," lambda_param  { $$ = $1; APPEND($$, $3); }
    ;

lambda_param:
      NAME {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_PLAIN, $1, NULL, NULL, @$));
      }
    | NAME "=" test {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_PLAIN, $1, NULL, $3, @$));
      }
    | "*" {
          MpTokText none = {NULL, 0};
          CHECK($$ = MpBuild_Param(p, MP_PARAM_STAR, none, NULL, NULL, @$));
      }
    | "*" NAME {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_STAR, $2, NULL, NULL, @$));
      }
    | "**" NAME {
          CHECK($$ = MpBuild_Param(p, MP_PARAM_DSTAR, $2, NULL, NULL, @$));
      }
    | "/" {
          MpTokText none = {NULL, 0};
          CHECK($$ = MpBuild_Param(p, MP_PARAM_SLASH, none, NULL, NULL, @$));
      }
    ;
/* }====== */

/* {====== Expressions ======
   From the loosest binding to the tightest, as in Python's reference
   manual: lambda, if-else, or, and, not, comparisons, |, ^, &, shifts,
   + -, * / // % @, unary + - ~, **, await, primaries. */
namedexpr_test:
      test
    | test ":=" test {
          if ($1->kind != MP_AST_Name) {
              MpBuild_InvalidNamedTarget(p, $1);
              YYABORT;
          }
          CHECK(MpBuild_SetContext(p, $1, MP_OP_Store) == 0);
          CHECK($$ = NEW(@$, NamedExpr, $1, $3));
      }
    ;

test:
      or_test
    | or_test "if" or_test "else" test {
          CHECK($$ = NEW(@$, IfExp, $3, $1, $5));
      }
    | lambdef
    ;

test_opt: %empty { $$ = NULL; } | test ;

lambdef:
      "lambda" lambda_params_opt ":" test {
          MpNode *args = MpBuild_Arguments(p, $2, @2, 1);
          CHECK(args);
          CHECK($$ = NEW(@$, Lambda, args, $4));
      }
    ;

or_test:
      and_test
    | or_chain { CHECK($$ = NEW(@$, BoolOp, MP_OP_Or, $1)); }
    ;
or_chain:
      and_test "or" and_test  { $$ = NULL; APPEND($$, $1); APPEND($$, $3); }
    | or_chain "or" and_test  { $$ = $1; APPEND($$, $3); }
    ;

and_test:
      not_test
    | and_chain { CHECK($$ = NEW(@$, BoolOp, MP_OP_And, $1)); }
    ;
and_chain:
      not_test "and" not_test  { $$ = NULL; APPEND($$, $1); APPEND($$, $3); }
    | and_chain "and" not_test { $$ = $1; APPEND($$, $3); }
    ;

not_test:
      "not" not_test { CHECK($$ = NEW(@$, UnaryOp, MP_OP_Not, $2)); }
    | comparison
    ;

comparison:
      expr
    | comp_chain { CHECK($$ = MpBuild_Compare(p, $1, @$)); }
    ;

/* [left, op, right, op, right, ...], ops stored as small integers. */
comp_chain:
      expr comp_op expr {
          $$ = NULL; APPEND($$, $1);
          APPEND($$, (void *)(intptr_t)$2); APPEND($$, $3);
      }
    | comp_chain comp_op expr {
          $$ = $1; APPEND($$, (void *)(intptr_t)$2); APPEND($$, $3);
      }
    ;

comp_op:
      "<"          { $$ = MP_OP_Lt; }
    | ">"          { $$ = MP_OP_Gt; }
    | "=="         { $$ = MP_OP_Eq; }
    | ">="         { $$ = MP_OP_GtE; }
    | "<="         { $$ = MP_OP_LtE; }
    | "!="         { $$ = MP_OP_NotEq; }
    | "in"         { $$ = MP_OP_In; }
    | "not" "in"   { $$ = MP_OP_NotIn; }
    | "is"         { $$ = MP_OP_Is; }
    | "is" "not"   { $$ = MP_OP_IsNot; }
    ;

star_expr:
      "*" expr { CHECK($$ = NEW(@$, Starred, $2, MP_OP_Load)); }
    ;

expr:
      xor_expr
    | expr "|" xor_expr { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_BitOr, $3)); }
    ;
xor_expr:
      and_expr
    | xor_expr "^" and_expr { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_BitXor, $3)); }
    ;
and_expr:
      shift_expr
    | and_expr "&" shift_expr { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_BitAnd, $3)); }
    ;
shift_expr:
      arith_expr
    | shift_expr "<<" arith_expr { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_LShift, $3)); }
    | shift_expr ">>" arith_expr { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_RShift, $3)); }
    ;
arith_expr:
      term
    | arith_expr "+" term { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_Add, $3)); }
    | arith_expr "-" term { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_Sub, $3)); }
    ;
term:
      factor
    | term "*" factor  { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_Mult, $3)); }
    | term "/" factor  { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_Div, $3)); }
    | term "%" factor  { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_Mod, $3)); }
    | term "//" factor { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_FloorDiv, $3)); }
    | term "@" factor  { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_MatMult, $3)); }
    ;
factor:
      "+" factor { CHECK($$ = NEW(@$, UnaryOp, MP_OP_UAdd, $2)); }
    | "-" factor { CHECK($$ = NEW(@$, UnaryOp, MP_OP_USub, $2)); }
    | "~" factor { CHECK($$ = NEW(@$, UnaryOp, MP_OP_Invert, $2)); }
    | power
    ;
power:
      await_primary
    | await_primary "**" factor { CHECK($$ = NEW(@$, BinOp, $1, MP_OP_Pow, $3)); }
    ;
await_primary:
      "await" primary { CHECK($$ = NEW(@$, Await, $2)); }
    | primary
    ;

primary:
      atom
    | primary "(" args_opt ")" { CHECK($$ = MpBuild_Call(p, $1, $3, @$)); }
    | primary "[" subscripts "]" {
          CHECK($$ = NEW(@$, Subscript, $1, $3, MP_OP_Load));
      }
    | primary "." NAME {
          CHECK($$ = NEW(@$, Attribute, $1, MpBuild_Ident(p, $3), MP_OP_Load));
      }
    ;

atom:
      "(" ")" { CHECK($$ = NEW(@$, Tuple, NULL, MP_OP_Load)); }
    | "(" yield_expr ")" { $$ = MpBuild_Parenthesized(p, $2, @$); }
    | "(" testlist_comp_items ")" {
          CHECK($$ = MpBuild_TupleOrSingle(p, $2, @$));
          $$ = MpBuild_Parenthesized(p, $$, @$);
      }
    | "(" named_or_star comp_for ")" {
          CHECK($$ = MpBuild_Comprehension(p, MP_AST_GeneratorExp, $2, NULL, $3, @$));
          $$ = MpBuild_Parenthesized(p, $$, @$);
      }
    | "[" "]" { CHECK($$ = NEW(@$, List, NULL, MP_OP_Load)); }
    | "[" testlist_comp_items "]" {
          CHECK($$ = NEW(@$, List, $2.items, MP_OP_Load));
      }
    | "[" named_or_star comp_for "]" {
          CHECK($$ = MpBuild_Comprehension(p, MP_AST_ListComp, $2, NULL, $3, @$));
      }
    | "{" "}" { CHECK($$ = NEW(@$, Dict, NULL, NULL)); }
    | "{" dict_items "}" { CHECK($$ = NEW(@$, Dict, $2.keys, $2.values)); }
    | "{" dict_items "," "}" { CHECK($$ = NEW(@$, Dict, $2.keys, $2.values)); }
    | "{" test ":" test comp_for "}" {
          CHECK($$ = MpBuild_Comprehension(p, MP_AST_DictComp, $2, $4, $5, @$));
      }
    | "{" "**" expr comp_for "}" {
          MpBuild_Error(p, @2, "dict unpacking cannot be used in dict comprehension");
          YYABORT;
      }
    | "{" testlist_comp_items "}" {
          CHECK($$ = NEW(@$, Set, $2.items));
      }
    | "{" named_or_star comp_for "}" {
          CHECK($$ = MpBuild_Comprehension(p, MP_AST_SetComp, $2, NULL, $3, @$));
      }
    | NAME { CHECK($$ = NEW(@$, Name, MpBuild_Ident(p, $1), MP_OP_Load)); }
    | NUMBER { CHECK($$ = MpBuild_Number(p, $1, @$)); }
    | strings
    | "..." { CHECK($$ = MpBuild_Singleton(p, MP_CONST_ELLIPSIS, @$)); }
    | "None" { CHECK($$ = MpBuild_Singleton(p, MP_CONST_NONE, @$)); }
    | "True" { CHECK($$ = MpBuild_Singleton(p, MP_CONST_TRUE, @$)); }
    | "False" { CHECK($$ = MpBuild_Singleton(p, MP_CONST_FALSE, @$)); }
    ;

strings:
      string_tokens { CHECK($$ = MpBuild_Strings(p, $1, @$)); }
    ;
string_tokens:
      STRING { $$ = NULL; APPEND($$, MpBuild_Token(p, $1, @1)); }
    | string_tokens STRING { $$ = $1; APPEND($$, MpBuild_Token(p, $2, @2)); }
    ;

named_or_star: namedexpr_test | star_expr ;

/* The inside of (), [] or {} when it is a plain list of items: one item
   alone without a comma is the item itself (in parentheses). */
testlist_comp_items:
      named_or_star {
          $$.items = NULL; $$.comma = 0; APPEND($$.items, $1);
      }
    | testlist_comp_items "," named_or_star {
          $$ = $1; $$.comma = 0; APPEND($$.items, $3);
      }
    | testlist_comp_items "," { $$ = $1; $$.comma = 1; }
    ;

dict_items:
      test ":" test {
          $$.keys = $$.values = NULL; APPEND($$.keys, $1); APPEND($$.values, $3);
      }
    | "**" expr {
          $$.keys = $$.values = NULL; APPEND($$.keys, NULL); APPEND($$.values, $2);
      }
    | dict_items "," test ":" test {
          $$ = $1; APPEND($$.keys, $3); APPEND($$.values, $5);
      }
    | dict_items "," "**" expr {
          $$ = $1; APPEND($$.keys, NULL); APPEND($$.values, $4);
      }
    ;

/* The `for ... in ...` and `if ...` clauses of a comprehension, as
   comprehension nodes in order; an `if` belongs to the `for` before it. */
comp_for:
      comp_clause           { $$ = NULL; APPEND($$, $1); }
    | comp_for comp_clause  { $$ = $1; APPEND($$, $2); }
    | comp_for "if" or_test {
          $$ = $1;
          MpNode *last = $$->items[$$->n - 1];
          APPEND(last->v.comprehension.ifs, $3);
      }
    ;

comp_clause:
      "for" exprlist "in" or_test {
          CHECK(MpBuild_SetContext(p, $2, MP_OP_Store) == 0);
          CHECK($$ = NEW(@$, comprehension, $2, $4, NULL, 0));
      }
    | "async" "for" exprlist "in" or_test {
          CHECK(MpBuild_SetContext(p, $3, MP_OP_Store) == 0);
          CHECK($$ = NEW(@$, comprehension, $3, $5, NULL, 1));
      }
    ;

/* Subscripts: one index, a slice, or a tuple of them (a[1:2, ::3]). */
subscripts:
      subscript_items {
          /* a lone starred index is a tuple: x[*a] is x[(*a,)] */
          if ($1.items->n == 1 &&
              ((MpNode *)$1.items->items[0])->kind == MP_AST_Starred) {
              $1.comma = 1;
          }
          CHECK($$ = MpBuild_TupleOrSingle(p, $1, @$));
      }
    ;
subscript_items:
      subscript {
          $$.items = NULL; $$.comma = 0; APPEND($$.items, $1);
      }
    | subscript_items "," subscript {
          $$ = $1; $$.comma = 0; APPEND($$.items, $3);
      }
    | subscript_items "," { $$ = $1; $$.comma = 1; }
    ;
subscript:
      namedexpr_test
    | star_expr
    | test_opt ":" test_opt {
          CHECK($$ = NEW(@$, Slice, $1, $3, NULL));
      }
    | test_opt ":" test_opt ":" slice_part {
          CHECK($$ = NEW(@$, Slice, $1, $3, $5));
      }
    ;
slice_part: test_opt ;

/* Comma lists that make a tuple when there is a comma. */
testlist:
      testlist_items { CHECK($$ = MpBuild_TupleOrSingle(p, $1, @$)); }
    ;
testlist_items:
      test { $$.items = NULL; $$.comma = 0; APPEND($$.items, $1); }
    | testlist_items "," test { $$ = $1; $$.comma = 0; APPEND($$.items, $3); }
    | testlist_items "," { $$ = $1; $$.comma = 1; }
    ;

testlist_star_expr:
      testlist_star_items { CHECK($$ = MpBuild_TupleOrSingle(p, $1, @$)); }
    ;
testlist_star_items:
      test { $$.items = NULL; $$.comma = 0; APPEND($$.items, $1); }
    | star_expr { $$.items = NULL; $$.comma = 0; APPEND($$.items, $1); }
    | testlist_star_items "," test {
          $$ = $1; $$.comma = 0; APPEND($$.items, $3);
      }
    | testlist_star_items "," star_expr {
          $$ = $1; $$.comma = 0; APPEND($$.items, $3);
      }
    | testlist_star_items "," { $$ = $1; $$.comma = 1; }
    ;

/* Targets of `for` and comprehensions, and `del`: bitwise-or level
   expressions, so that `in` ends them. */
exprlist:
      exprlist_items { CHECK($$ = MpBuild_TupleOrSingle(p, $1, @$)); }
    ;
exprlist_items:
      expr { $$.items = NULL; $$.comma = 0; APPEND($$.items, $1); }
    | star_expr { $$.items = NULL; $$.comma = 0; APPEND($$.items, $1); }
    | exprlist_items "," expr { $$ = $1; $$.comma = 0; APPEND($$.items, $3); }
    | exprlist_items "," star_expr {
          $$ = $1; $$.comma = 0; APPEND($$.items, $3);
      }
    | exprlist_items "," { $$ = $1; $$.comma = 1; }
    ;

yield_expr:
      "yield" { CHECK($$ = NEW(@$, Yield, NULL)); }
    | "yield" "from" test { CHECK($$ = NEW(@$, YieldFrom, $3)); }
    | "yield" testlist_star_expr { CHECK($$ = NEW(@$, Yield, $2)); }
    ;

/* Call arguments: positional, *iterable, name=value, **mapping, and a
   lone generator expression; sorted into args and keywords, with the
   order checked, by MpBuild_Call. */
args_opt: %empty { $$ = NULL; } | arglist ;
arglist:
      arglist_items
    | arglist_items ","
    ;
arglist_items:
      argument                    { $$ = NULL; APPEND($$, $1); }
    | arglist_items "," argument  { $$ = $1; APPEND($$, $3); }
    ;
argument:
      test
    | test ":=" test {
          if ($1->kind != MP_AST_Name) {
              MpBuild_InvalidNamedTarget(p, $1);
              YYABORT;
          }
          CHECK(MpBuild_SetContext(p, $1, MP_OP_Store) == 0);
          CHECK($$ = NEW(@$, NamedExpr, $1, $3));
      }
    | test comp_for {
          CHECK($$ = MpBuild_Comprehension(p, MP_AST_GeneratorExp, $1, NULL, $2, @$));
      }
    | test "=" test { CHECK($$ = MpBuild_KeywordArg(p, $1, $3, @2, @$)); }
    | "*" test { CHECK($$ = NEW(@$, Starred, $2, MP_OP_Load)); }
    | "**" test { CHECK($$ = NEW(@$, keyword, NULL, $2)); }
    ;
/* }====== */

%%

/* {====== Glue ====== */
static int
yylex(YYSTYPE *value, MpLoc *loc, MpParser *p)
{
    return MpBuild_NextToken(p, &value->tok, loc);
}

/* Bison calls yyerror only when its stack is exhausted (parse.error is
   custom): nesting deeper than YYMAXDEPTH, reported as a MemoryError, as
   CPython reports a parser stack overflow. */
static void
yyerror(MpLoc *loc, MpParser *p, const char *msg)
{
    MpBuild_NoMemory(p);
}

/* The token code of a symbol kind (the inverse of YYTRANSLATE), 0 for the
   end of input; only used on the error path, so a search is fine. */
static int
symbol_to_token(yysymbol_kind_t kind)
{
    if (kind == YYSYMBOL_YYEOF || kind == YYSYMBOL_YYEMPTY) {
        return 0;
    }
    for (int code = 256; code <= YYMAXUTOK; code++) {
        if (YYTRANSLATE(code) == kind) {
            return code;
        }
    }
    return 0;
}

/* Bison calls this on a syntax error; MpBuild_SyntaxError works out
   CPython's message from the token that failed and what was expected. */
static int
yyreport_syntax_error(const yypcontext_t *ctx, MpParser *p)
{
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
    /* Bison's symbol kinds are not token codes; translate them back. */
    int codes[YYNTOKENS];
    for (int i = 0; i < n; i++) {
        codes[i] = symbol_to_token(expected[i]);
    }
    MpBuild_SyntaxError(p, symbol_to_token(yypcontext_token(ctx)),
                        *yypcontext_location(ctx), codes, n < 0 ? 0 : n);
    return 0;
}

int
MpBuild_Parse(MpParser *p)
{
    return yyparse(p);
}
/* }====== */
