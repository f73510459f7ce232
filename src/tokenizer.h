/* tokenizer.h — source text to the token stream the parser reads.

   Two layers, as STYLE.md asks:
     1. the re2c scanner (grammar/lexer.re), which cuts the UTF-8 text into
        raw tokens: names, numbers, string literals, operators, comments,
        newlines and the white space at the start of a line;
     2. the adapter (src/tokenizer.c), which turns indentation into INDENT
        and DEDENT (an indentation stack, checked for tab/space consistency),
        drops newlines inside brackets and blank or comment-only lines, keeps
        the bracket stack for "'(' was never closed", recognises the soft
        keywords `match` and `case` by looking ahead on the logical line, and
        marks the `(` of a parenthesised `with` (LPAR_WITH).
   Before either runs, MpLexer_Init decodes the source: a UTF-8 BOM, a
   coding cookie on line 1 or 2 (converted with iconv), then UTF-8 checked.

   Token codes are the parser's (build/gen/parser.h, from grammar/parser.y,
   which owns the token list).  Every token, synthesized ones included, has
   a location: lines 1-based, columns 0-based UTF-8 byte offsets, the end
   exclusive. */
#ifndef MP_TOKENIZER_H
#define MP_TOKENIZER_H

#include <stddef.h>

#include "ast.h"
#include "parse.h"

/* The semantic value of NAME, NUMBER and STRING tokens: the token's text in
   the decoded source (a STRING's text includes its prefix and quotes). */
typedef struct {
    const char *s;
    size_t len;
} MpTokText;

/* CPython's limits: 100 indentation levels (E_TOODEEP), 200 nested brackets
   ("too many nested parentheses"). */
#define MP_MAX_INDENT 100
#define MP_MAX_PAREN 200

typedef struct {
    int code;
    MpTokText text;
    MpLoc loc;
} MpToken;

typedef struct MpLexer {
    /* The decoded source: UTF-8, NUL-terminated, in the arena. */
    const char *buf;
    const char *end;
    /* The re2c scanner's state. */
    const char *cur, *mark, *ctxmark, *tok;
    const char *line_start;   // first byte of the current physical line
    int lineno;
    int line_offset;          // added to every line (f-string expressions)
    int col_offset;           // added to columns on the first line
    /* The adapter's state. */
    int indents[MP_MAX_INDENT + 1];     // columns, tabs to multiples of 8
    int altindents[MP_MAX_INDENT + 1];  // columns, tabs counted as 1
    int indent_depth;
    int pending;              // > 0: DEDENTs to emit, < 0: INDENT to emit
    int at_line_start;
    int paren_depth;
    char paren_stack[MP_MAX_PAREN];
    int paren_line[MP_MAX_PAREN], paren_col[MP_MAX_PAREN];
    int match_indent[MP_MAX_INDENT + 1];  // 1 where a match block's cases are
    int start_token;          // the START_* token still to emit, or 0
    int blank_newline;        // MP_MODE_INTERACTIVE: this blank line ends
                              // the statement, its NEWLINE goes through
    int done;                 // ENDMARKER emitted
    MpParser *p;
    MpArena *arena;
    MpSyntaxError *err;
    /* Private to tokenizer.c: the last token the adapter produced (its raw
       code: NAME, not MATCH), for NEWLINE placement and the look-ahead. */
    int last_code;
    MpLoc last_loc;
} MpLexer;

/* Prepares lx to tokenize src[0:len] for parser p in the given mode.
   Decodes the source (BOM, coding cookie, UTF-8 check) into the arena and
   sets p->source/p->source_len to the decoded text.  line_offset and
   col_offset shift the reported positions (0, 0 for a file).
   Returns 0, or -1 with *p->err set (unknown encoding, invalid UTF-8). */
int MpLexer_Init(MpLexer *lx, MpParser *p, const char *src, size_t len,
                 int line_offset, int col_offset);

/* Like MpLexer_Init, but src is already decoded UTF-8 that stays alive for
   the lexer's lifetime (an f-string expression inside the parent's text):
   no decoding, no copy. */
int MpLexer_InitDecoded(MpLexer *lx, MpParser *p, const char *src,
                        size_t len, int line_offset, int col_offset);

/* The next token: its code (a parser.h token, or 0 at the end), with *text
   and *loc filled.  The first token is the START_* token of p->mode.
   On a lexical error returns YYerror (parser.h) with *p->err set. */
int MpLexer_Next(MpLexer *lx, MpTokText *text, MpLoc *loc);

/* Between the two layers: the re2c scanner (grammar/lexer.re) cuts the
   next raw token from lx->cur into *t and returns its code; the adapter
   (tokenizer.c) is its only caller. */
int MpScan_Token(MpLexer *lx, MpToken *t);

#endif
