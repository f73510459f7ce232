/* parse.h — the front end's entry points: source text in, AST out.

   MpParse_Source runs the whole front end for one piece of source: the
   tokenizer (tokenizer.h: decoding, the re2c scanner, indentation), the
   Bison parser (grammar/parser.y), string-literal and f-string decoding
   (literal.c) and the checks CPython makes on a finished tree
   (__future__ imports).  The tree lives in the caller's arena.

   Errors do not use exceptions here, because the front end runs before
   (and without) the object system: a failure fills an MpSyntaxError, which
   the caller prints (MpSyntaxError_Print) or, once the engine exists, turns
   into a SyntaxError object. */
#ifndef MP_PARSE_H
#define MP_PARSE_H

#include <stdio.h>

#include "arena.h"
#include "ast.h"

typedef enum {
    MP_ERR_NONE = 0,
    MP_ERR_SYNTAX,       // SyntaxError
    MP_ERR_INDENTATION,  // IndentationError (a subclass of SyntaxError)
    MP_ERR_TAB,          // TabError (a subclass of IndentationError)
    MP_ERR_MEMORY,       // MemoryError: out of memory, or nesting too deep
    MP_ERR_RECURSION,    // RecursionError: a tree too deep to compile
    /* Not an error to report: MP_MODE_INTERACTIVE input ended inside an
       open block, bracket, string or continuation, so the REPL reads
       another line (CPython's "incomplete input", as codeop sees it). */
    MP_ERR_INCOMPLETE,
} MpErrorKind;

/* A syntax error, as CPython's SyntaxError carries it. */
typedef struct {
    MpErrorKind kind;
    char msg[512];
    int lineno;          // 1-based; 0 when the error has no line
    int col_offset;      // 0-based UTF-8 byte offset; -1 when none
    int end_lineno;      // 0 when not known
    int end_col_offset;  // exclusive; -1 when not known
    /* The decoded source the positions refer to (in the parse's arena,
       valid while it lives), for printing the line; NULL if unknown. */
    const char *source;
    size_t source_len;
} MpSyntaxError;

/* What the source is: a module, one expression (eval), one interactive
   statement (compile()'s "single"), the inside of an f-string replacement
   field, or what the REPL has read so far (MP_MODE_INTERACTIVE).

   MP_MODE_INTERACTIVE parses an Interactive tree like MP_MODE_SINGLE, with
   the rules of CPython's tokenizer reading from a prompt:
     - a totally empty line (no blank, no comment) outside brackets ends
       the statement: it closes every open block (DEDENTs) and is a NEWLINE
       of its own, the one a compound statement needs after it;
     - a first line holding only blanks or a comment is an empty
       statement (a NEWLINE), so `>>> # note` asks for no more input;
     - running out of text where more could follow (inside a bracket, a
       triple-quoted string, after a backslash, in an indented block not
       yet ended by an empty line, or where the parser wants another
       token) is not a SyntaxError but MP_ERR_INCOMPLETE. */
typedef enum {
    MP_MODE_FILE,
    MP_MODE_EVAL,
    MP_MODE_SINGLE,
    MP_MODE_FSTRING,
    MP_MODE_INTERACTIVE,
} MpParseMode;

/* One parse in progress; the grammar's actions and the string-literal code
   reach the arena and the error slot through it. */
typedef struct MpParser {
    MpArena *arena;
    MpSyntaxError *err;
    const char *filename;
    const char *source;  // the UTF-8 text being parsed (decoded)
    size_t source_len;
    MpParseMode mode;
    int fstring_depth;   // nesting of f-strings inside f-strings
    MpNode *result;      // the tree, set by the start rule
    void *lexer;         // the MpLexer (tokenizer.h)
    /* The last tokens the parser read, newest last, for error messages. */
    struct {
        int code;
        MpLoc loc;
    } recent[4];
    int nrecent;
} MpParser;

/* Parses src (len bytes, in the encoding its BOM or coding cookie names;
   UTF-8 by default).  Returns the tree (Module, Expression or Interactive),
   or NULL with *err filled.  The tree and everything it points to live in
   arena. */
MpNode *MpParse_Source(const char *src, size_t len, const char *filename,
                       MpParseMode mode, MpArena *arena, MpSyntaxError *err);

/* Parses the expression of an f-string replacement field: text[0:len] is
   the expression as written between the braces (without conversion or
   format spec); loc says where it starts in the file, so that the nodes
   carry real positions.  Returns the expression, or NULL with p->err set. */
MpNode *MpParse_FStringExpr(MpParser *p, const char *text, size_t len,
                            int lineno, int col_offset);

/* Fills err (kind, message from fmt, and the range) unless it already holds
   an error: the first error wins.  Returns -1, for `return set_error(...)`. */
int MpSyntaxError_Set(MpSyntaxError *err, MpErrorKind kind, int lineno,
                      int col_offset, int end_lineno, int end_col_offset,
                      const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* Prints err as CPython prints an uncaught SyntaxError:
       File "x.py", line 3
         the source line
            ^^^^
     SyntaxError: message
   source is the decoded text (may be NULL: no line shown). */
void MpSyntaxError_Print(const MpSyntaxError *err, const char *filename,
                         const char *source, size_t source_len, FILE *out);

/* The name of err's exception type ("SyntaxError", "IndentationError"). */
const char *MpSyntaxError_TypeName(const MpSyntaxError *err);

#endif
