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
#include "parse.h"
#include "tokenizer.h"
}

%union {
    MpTokText tok;
    MpNode *node;
    MpSeq *seq;
    int op;
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

%%

file_input: START_FILE ;

%%
