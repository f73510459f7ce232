/* lexer.re — the re2c scanner: decoded UTF-8 text to raw tokens.

   This is the lower of the tokenizer's two layers (tokenizer.h).  Each call
   to MpScan_Token cuts one raw token from lx->cur: a name or keyword, a
   number, a whole string literal, an operator, or the NEWLINE of a physical
   line.  It skips white space, comments and backslash continuations.  It
   knows nothing of indentation, brackets or soft keywords: the adapter in
   src/tokenizer.c measures indentation itself before it calls here, and
   decides which NEWLINEs the parser sees.

   Invariants:
     - lx->line_start is the first byte of the physical line lx->cur is on,
       and lx->lineno its number (1-based, before line_offset).  Every
       newline consumed, wherever it is consumed (a NEWLINE token, a
       backslash continuation, inside a triple-quoted string), goes through
       next_line(), which keeps the two in step.
     - The text ends at lx->end.  It need not be NUL-terminated (an f-string
       expression is lexed in place, inside its parent's text), so the re2c
       input API is the custom one and YYPEEK answers 0 at the end; a NUL
       that is really in the text cannot occur, MpLexer_Init rejects it.
     - Errors are reported through lx->err only (never p->err), so that a
       look-ahead copy of the lexer can scan into a scratch error.

   The algorithm: re2c matches the longest rule.  Rules recognise the
   *shape* of a token; what CPython reports when a token is malformed is
   worked out by small C helpers on the character that follows the match
   (after_number), because CPython's messages and positions come from its
   character-at-a-time scanner.  String bodies, comments and non-ASCII
   names are walked by hand: they must not stop at a byte that is not valid
   UTF-8 (compile() ignores such bytes in comments; a bytes literal reports
   them itself, in literal.c).

   Error positions: CPython's tokenizer reports an error at the character
   before its cursor (its 1-based offset is the cursor's 0-based column).
   Each helper below says which character that is.

   CPython counterpart: Parser/tokenizer.c (tok_get, verify_end_of_number,
   tok_decimal_tail, verify_identifier).
   Read first: MpScan_Token */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "parse.h"
#include "tokenizer.h"
#include "parser.h"
#include "unicodedb.h"

/* Used by src/tokenizer.c (the adapter); not part of tokenizer.h because
   nothing else should call it. */

/* {====== Positions and errors ====== */

/* The byte at q, or 0 at or past the end of the text. */
static inline int
at(const MpLexer *lx, const char *q)
{
    return q < lx->end ? (unsigned char)*q : 0;
}

static inline int
col_of(const MpLexer *lx, const char *q)
{
    return (int)(q - lx->line_start);
}

static inline void
next_line(MpLexer *lx, const char *after_newline)
{
    lx->lineno++;
    lx->line_start = after_newline;
}

/* Shifts a position by the lexer's offsets (f-string expressions start in
   the middle of a line of the enclosing file). */
static inline int
out_line(const MpLexer *lx, int line)
{
    return line + lx->line_offset;
}

static inline int
out_col(const MpLexer *lx, int line, int col)
{
    return (col >= 0 && line == 1) ? col + lx->col_offset : col;
}

/* Reports a lexical error at (line, col)-(end_line, end_col), lexer
   coordinates; -1 columns mean "none".  Returns YYerror. */
static int
scan_error(MpLexer *lx, MpErrorKind kind, int line, int col, int end_line,
           int end_col, const char *fmt, ...)
{
    char msg[sizeof(((MpSyntaxError *)0)->msg)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    MpSyntaxError_Set(lx->err, kind, out_line(lx, line),
                      out_col(lx, line, col), out_line(lx, end_line),
                      out_col(lx, end_line, end_col), "%s", msg);
    return YYerror;
}

/* The error CPython raises with its cursor just after q: located at the
   character q, on the current line, one column wide in CPython's terms. */
static int
error_at(MpLexer *lx, const char *q, const char *fmt, const char *arg)
{
    int col = col_of(lx, q);
    return scan_error(lx, MP_ERR_SYNTAX, lx->lineno, col, lx->lineno, col,
                      fmt, arg);
}

static void
set_token(MpLexer *lx, MpToken *t, int code, int line, int col)
{
    t->code = code;
    t->text.s = lx->tok;
    t->text.len = (size_t)(lx->cur - lx->tok);
    t->loc.first_line = out_line(lx, line);
    t->loc.first_column = out_col(lx, line, col);
    t->loc.last_line = out_line(lx, lx->lineno);
    t->loc.last_column = out_col(lx, lx->lineno, col_of(lx, lx->cur));
}
/* }====== */

/* {====== UTF-8 ======
   Python's UTF-8 decoder rejects overlong forms, surrogates and code points
   above U+10FFFF, and names the problem in three ways: "invalid start
   byte" (the first byte can start nothing), "invalid continuation byte"
   (a later byte is wrong) and "unexpected end of data" (the text stops in
   the middle of a sequence). */

/* Decodes one code point at s (n bytes available).  Returns its length,
   or 0 when the bytes are not UTF-8, with *bad_len (how many bytes the
   error covers) and *why set. */
static int
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, int *bad_len,
            const char **why)
{
    unsigned c = s[0];
    int len;
    unsigned lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        *cp = c & 0x1F;
    }
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        *cp = c & 0x0F;
        if (c == 0xE0) {
            lo = 0xA0;  // overlong below U+0800
        }
        else if (c == 0xED) {
            hi = 0x9F;  // the surrogates U+D800..U+DFFF
        }
    }
    else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        *cp = c & 0x07;
        if (c == 0xF0) {
            lo = 0x90;  // overlong below U+10000
        }
        else if (c == 0xF4) {
            hi = 0x8F;  // above U+10FFFF
        }
    }
    else {
        *bad_len = 1;
        *why = "invalid start byte";
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((size_t)i >= n) {
            *bad_len = i;
            *why = "unexpected end of data";
            return 0;
        }
        unsigned b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
            *bad_len = i;
            *why = "invalid continuation byte";
            return 0;
        }
        *cp = (*cp << 6) | (b & 0x3F);
    }
    return len;
}

/* Checks that s[0:n] is UTF-8.  On failure reports CPython's
       (unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: ...
   with positions counted from s, at (line, col)-(line, end_col), and
   returns YYerror. */
static int
check_utf8(MpLexer *lx, const char *s, size_t n, int line, int col,
           int end_col)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int bad_len;
        const char *why;
        int k = utf8_decode((const unsigned char *)s + i, n - i, &cp,
                            &bad_len, &why);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        if (bad_len == 1) {
            return scan_error(lx, MP_ERR_SYNTAX, line, col, line, end_col,
                              "(unicode error) 'utf-8' codec can't decode "
                              "byte 0x%02x in position %zu: %s",
                              (unsigned char)s[i], i, why);
        }
        return scan_error(lx, MP_ERR_SYNTAX, line, col, line, end_col,
                          "(unicode error) 'utf-8' codec can't decode "
                          "bytes in position %zu-%zu: %s",
                          i, i + (size_t)bad_len - 1, why);
    }
    return 0;
}
/* }====== */

/* {====== Names ====== */

static const struct {
    const char *name;
    int code;
} keywords[] = {
    {"False", FALSE}, {"None", NONE}, {"True", TRUE}, {"and", AND},
    {"as", AS}, {"assert", ASSERT}, {"async", ASYNC}, {"await", AWAIT},
    {"break", BREAK}, {"class", CLASS}, {"continue", CONTINUE},
    {"def", DEF}, {"del", DEL}, {"elif", ELIF}, {"else", ELSE},
    {"except", EXCEPT}, {"finally", FINALLY}, {"for", FOR},
    {"from", FROM}, {"global", GLOBAL}, {"if", IF}, {"import", IMPORT},
    {"in", IN}, {"is", IS}, {"lambda", LAMBDA}, {"nonlocal", NONLOCAL},
    {"not", NOT}, {"or", OR}, {"pass", PASS}, {"raise", RAISE},
    {"return", RETURN}, {"try", TRY}, {"while", WHILE}, {"with", WITH},
    {"yield", YIELD},
};

static int
keyword_code(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++) {
        if (strlen(keywords[i].name) == len &&
            memcmp(keywords[i].name, s, len) == 0) {
            return keywords[i].code;
        }
    }
    return NAME;
}

/* CPython's is_potential_identifier_char: what may continue a name, and
   what must not follow a number. */
static inline int
is_potential_identifier_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (c >= '0' && c <= '9') || c >= 128;
}

/* A name with a byte >= 0x80 somewhere: lx->tok is its start, lx->cur is
   inside it.  Takes every potential identifier byte, then checks, as
   CPython's verify_identifier, that the text is UTF-8 and a valid
   identifier (first character XID_Start or '_', the rest XID_Continue).
   The error points at the first bad character. */
static int
scan_nonascii_name(MpLexer *lx, MpToken *t)
{
    while (lx->cur < lx->end &&
           is_potential_identifier_char((unsigned char)*lx->cur)) {
        lx->cur++;
    }
    const char *s = lx->tok;
    size_t n = (size_t)(lx->cur - s);
    /* Decoding comes first, as in CPython; its error is put on the name's
       last character. */
    const char *last = lx->cur - 1;
    while (last > s && ((unsigned char)*last & 0xC0) == 0x80) {
        last--;
    }
    if (check_utf8(lx, s, n, lx->lineno, col_of(lx, last), -1) != 0) {
        return YYerror;
    }
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int bad_len;
        const char *why;
        int k = utf8_decode((const unsigned char *)s + i, n - i, &cp,
                            &bad_len, &why);
        int ok;
        if (cp < 128) {
            ok = cp == '_' || (cp >= 'a' && cp <= 'z') ||
                 (cp >= 'A' && cp <= 'Z') || (i > 0 && cp >= '0' && cp <= '9');
        }
        else {
            ok = i == 0 ? MpUnicode_IsXIDStart(cp)
                        : MpUnicode_IsXIDContinue(cp);
        }
        if (!ok) {
            int col = col_of(lx, s + i);
            if (MpUnicode_IsPrintable(cp)) {
                return scan_error(lx, MP_ERR_SYNTAX, lx->lineno, col,
                                  lx->lineno, col,
                                  "invalid character '%.*s' (U+%04X)", k,
                                  s + i, (unsigned)cp);
            }
            return scan_error(lx, MP_ERR_SYNTAX, lx->lineno, col, lx->lineno,
                              col, "invalid non-printable character U+%04X",
                              (unsigned)cp);
        }
        i += (size_t)k;
    }
    set_token(lx, t, NAME, lx->lineno, col_of(lx, lx->tok));
    return NAME;
}
/* }====== */

/* {====== Numbers ======
   The rules below match well-formed literals only.  What follows the match
   decides between "this number ends here" and CPython's error messages,
   which after_number reproduces with CPython's positions. */

enum { NUM_DEC, NUM_FLOAT, NUM_IMAG, NUM_HEX, NUM_OCT, NUM_BIN };

static const char *const num_kind_names[] = {
    "decimal", "decimal", "imaginary", "hexadecimal", "octal", "binary",
};

/* True when q starts with word, and word is not the start of a longer
   name: CPython's lookahead(). */
static int
followed_by(const MpLexer *lx, const char *q, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++) {
        if (at(lx, q + i) != (unsigned char)word[i]) {
            return 0;
        }
    }
    return !is_potential_identifier_char(at(lx, q + n));
}

/* CPython's verify_end_of_number: the character at q follows a number.
   A keyword that may legally follow a number ("1if x else 2") is accepted
   (CPython warns; minipy has no warnings yet).  Any other identifier
   character is an error, reported at the character before q. */
static int
verify_end_of_number(MpLexer *lx, const char *q, int kind)
{
    int c = at(lx, q);
    int keyword = 0;
    switch (c) {
    case 'a': keyword = followed_by(lx, q + 1, "nd"); break;
    case 'e': keyword = followed_by(lx, q + 1, "lse"); break;
    case 'f': keyword = followed_by(lx, q + 1, "or"); break;
    case 'o': keyword = followed_by(lx, q + 1, "r"); break;
    case 'n': keyword = followed_by(lx, q + 1, "ot"); break;
    case 'i': {
        int d = at(lx, q + 1);
        keyword = d == 'f' || d == 'n' || d == 's';
        break;
    }
    }
    /* CPython 3.11 lets a non-ASCII character end a number: the name
       that follows is then checked (or rejected) on its own. */
    if (!keyword && c < 128 && is_potential_identifier_char(c)) {
        return error_at(lx, q - 1, "invalid %s literal",
                        num_kind_names[kind]);
    }
    return 0;
}

static inline int
is_bad_digit(int kind, int c)
{
    return (kind == NUM_OCT && (c == '8' || c == '9')) ||
           (kind == NUM_BIN && c >= '2' && c <= '9');
}

/* A hex, octal or binary prefix with no digit after it ("0x", "0o_",
   "0b2"): CPython stops at the first character that is not a digit of the
   base, skipping one '_'. */
static int
bad_prefixed(MpLexer *lx, int kind)
{
    const char *q = lx->cur;  // just after the 'x', 'o' or 'b'
    if (at(lx, q) == '_') {
        q++;
    }
    if (is_bad_digit(kind, at(lx, q))) {
        char d[2] = {*q, 0};
        return error_at(lx, q, kind == NUM_OCT
                                   ? "invalid digit '%s' in octal literal"
                                   : "invalid digit '%s' in binary literal",
                        d);
    }
    return error_at(lx, q - 1, "invalid %s literal", num_kind_names[kind]);
}

/* Checks what follows a well-formed number lx->tok..lx->cur.  Returns 0
   when the number ends there, or YYerror. */
static int
after_number(MpLexer *lx, int kind)
{
    const char *q = lx->cur;
    int c = at(lx, q);
    int last = (unsigned char)q[-1];

    if (kind == NUM_HEX || kind == NUM_OCT || kind == NUM_BIN) {
        if (c == '_') {
            // A '_' not followed by a digit: error at the '_', unless what
            // follows is a digit too big for the base.
            if (is_bad_digit(kind, at(lx, q + 1))) {
                q++;
                c = *q;
            }
            else {
                return error_at(lx, q, "invalid %s literal",
                                num_kind_names[kind]);
            }
        }
        if (is_bad_digit(kind, c)) {
            char d[2] = {(char)c, 0};
            return error_at(lx, q, kind == NUM_OCT
                                       ? "invalid digit '%s' in octal literal"
                                       : "invalid digit '%s' in binary "
                                         "literal",
                            d);
        }
        return verify_end_of_number(lx, q, kind);
    }

    if (c == '_' && last >= '0' && last <= '9') {
        return error_at(lx, q, "invalid decimal literal", NULL);
    }
    if (kind == NUM_IMAG) {
        return verify_end_of_number(lx, q, kind);
    }
    if (c == 'e' || c == 'E') {
        // An exponent that the rules did not take: a sign with no digit
        // after it, or an 'e' that starts something else.
        int s = at(lx, q + 1);
        if (s == '+' || s == '-') {
            return error_at(lx, q + 1, "invalid decimal literal", NULL);
        }
        return verify_end_of_number(lx, q, NUM_DEC);
    }
    if (kind == NUM_DEC && lx->tok[0] == '0') {
        // "0", "00", "0_0" are fine; "012" is an old-style octal.
        const char *z = lx->tok;
        while (z < q && (*z == '0' || *z == '_')) {
            z++;
        }
        if (z < q) {
            int line = lx->lineno;
            return scan_error(lx, MP_ERR_SYNTAX, line, col_of(lx, lx->tok),
                              line, col_of(lx, z),
                              "leading zeros in decimal integer literals "
                              "are not permitted; use an 0o prefix for "
                              "octal integers");
        }
    }
    return verify_end_of_number(lx, q, kind);
}
/* }====== */

/* {====== Strings ======
   lx->tok is the prefix's first character, lx->cur is just after the
   opening quote.  The token is the whole literal, prefix and quotes
   included; escapes are left for literal.c, which only needs the end to be
   right: a backslash always takes the next character with it (so \" and
   a backslash-newline do not end anything). */
static int
scan_string(MpLexer *lx, MpToken *t)
{
    int line = lx->lineno;
    int col = col_of(lx, lx->tok);
    char quote = lx->cur[-1];
    int is_bytes = 0;
    for (const char *q = lx->tok; q < lx->cur - 1; q++) {
        is_bytes |= *q == 'b' || *q == 'B';
    }
    int triple = at(lx, lx->cur) == (unsigned char)quote &&
                 at(lx, lx->cur + 1) == (unsigned char)quote;
    if (triple) {
        lx->cur += 2;
    }
    const char *body = lx->cur;
    const char *body_end;
    for (;;) {
        if (lx->cur >= lx->end) {
            if (triple && lx->p->mode == MP_MODE_INTERACTIVE) {
                return scan_error(lx, MP_ERR_INCOMPLETE, line, col, line,
                                  col, "incomplete input");
            }
            if (triple) {
                // CPython counts the line holding the last character.
                int last = lx->lineno;
                if (lx->end > lx->buf && lx->end[-1] == '\n') {
                    last--;
                }
                return scan_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                                  "unterminated triple-quoted string "
                                  "literal (detected at line %d)",
                                  out_line(lx, last));
            }
            return scan_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                              "unterminated string literal (detected at "
                              "line %d)",
                              out_line(lx, lx->lineno));
        }
        char c = *lx->cur;
        if (c == '\\') {
            lx->cur++;
            if (lx->cur < lx->end) {
                if (*lx->cur == '\n') {
                    next_line(lx, lx->cur + 1);
                }
                lx->cur++;
            }
        }
        else if (c == '\n') {
            if (!triple) {
                return scan_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                                  "unterminated string literal (detected "
                                  "at line %d)",
                                  out_line(lx, lx->lineno));
            }
            lx->cur++;
            next_line(lx, lx->cur);
        }
        else if (c == quote &&
                 (!triple ||
                  (at(lx, lx->cur + 1) == (unsigned char)quote &&
                   at(lx, lx->cur + 2) == (unsigned char)quote))) {
            body_end = lx->cur;
            lx->cur += triple ? 3 : 1;
            break;
        }
        else {
            lx->cur++;
        }
    }
    if (!is_bytes) {
        /* CPython finds a bad byte while decoding the literal, positions
           counted from the start of its body; it puts the error at the
           end of the literal. */
        int end = col_of(lx, lx->cur);
        if (check_utf8(lx, body, (size_t)(body_end - body), lx->lineno, end,
                       end) != 0) {
            return YYerror;
        }
    }
    set_token(lx, t, STRING, line, col);
    return STRING;
}
/* }====== */

/* {====== The scanner ====== */

/* re2c's custom input API over [lx->cur, lx->end). */
#define YYCTYPE unsigned char
#define YYPEEK() ((YYCTYPE)at(lx, lx->cur))
#define YYSKIP() (++lx->cur)
#define YYBACKUP() (lx->mark = lx->cur)
#define YYRESTORE() (lx->cur = lx->mark)

/* Cuts the next raw token from lx->cur into *t and returns its code: a
   parser.h token (NAME, NUMBER, STRING, an operator, a keyword; NEWLINE
   for the end of a physical line, located on the '\n'), ERRORTOKEN for a
   character that starts nothing, 0 at the end of the text, or YYerror
   with *lx->err set. */
int
MpScan_Token(MpLexer *lx, MpToken *t)
{
    int kind = 0;
    for (;;) {
        lx->tok = lx->cur;
        int line = lx->lineno;
        int col = col_of(lx, lx->tok);
#define TOKEN(code)                                                        \
    do {                                                                   \
        set_token(lx, t, (code), line, col);                               \
        return (code);                                                     \
    } while (0)
        /*!re2c
        re2c:api = custom;
        re2c:yyfill:enable = 0;
        re2c:indent:top = 2;

        digitpart = [0-9] ("_"? [0-9])*;
        fraction = "." digitpart;
        exponent = [eE] [+-]? digitpart;
        pointfloat = digitpart? fraction | digitpart ".";
        floatnumber = pointfloat exponent? | digitpart exponent;
        strprefix = [rRuUfFbB] | [rR][bBfF] | [bBfF][rR];

        [ \t\f]+ { continue; }

        "#" {
            while (lx->cur < lx->end && *lx->cur != '\n') {
                lx->cur++;
            }
            continue;
        }

        "\\" "\n" {
            next_line(lx, lx->cur);
            if (lx->cur >= lx->end) {
                if (lx->p->mode == MP_MODE_INTERACTIVE) {
                    // the REPL reads the continued line
                    return scan_error(lx, MP_ERR_INCOMPLETE, line, col + 1,
                                      line, -1, "incomplete input");
                }
                return scan_error(lx, MP_ERR_SYNTAX, line, col + 1, line, -1,
                                  "unexpected EOF while parsing");
            }
            continue;
        }
        "\\" {
            if (lx->cur >= lx->end) {
                return scan_error(lx, MP_ERR_SYNTAX, line, col + 1, line, -1,
                                  "unexpected EOF while parsing");
            }
            return scan_error(lx, MP_ERR_SYNTAX, line, col + 1, line, -1,
                              "unexpected character after line "
                              "continuation character");
        }

        "\n" {
            set_token(lx, t, NEWLINE, line, col);
            next_line(lx, lx->cur);
            return NEWLINE;
        }

        "\x00" {
            if (lx->cur > lx->end) {
                lx->cur = lx->end;
                set_token(lx, t, 0, line, col);
                return 0;
            }
            return scan_error(lx, MP_ERR_SYNTAX, line, -1, line, -1,
                              "source code cannot contain null bytes");
        }

        [a-zA-Z_] [a-zA-Z0-9_]* {
            if (at(lx, lx->cur) >= 0x80) {
                return scan_nonascii_name(lx, t);
            }
            TOKEN(keyword_code(lx->tok, (size_t)(lx->cur - lx->tok)));
        }

        strprefix? ["'] { return scan_string(lx, t); }

        "0" [xX] ("_"? [0-9a-fA-F])+ { kind = NUM_HEX; goto number; }
        "0" [oO] ("_"? [0-7])+       { kind = NUM_OCT; goto number; }
        "0" [bB] ("_"? [01])+        { kind = NUM_BIN; goto number; }
        "0" [xX] { return bad_prefixed(lx, NUM_HEX); }
        "0" [oO] { return bad_prefixed(lx, NUM_OCT); }
        "0" [bB] { return bad_prefixed(lx, NUM_BIN); }
        digitpart                      { kind = NUM_DEC; goto number; }
        floatnumber                    { kind = NUM_FLOAT; goto number; }
        (floatnumber | digitpart) [jJ] { kind = NUM_IMAG; goto number; }

        "("   { TOKEN(LPAR); }
        ")"   { TOKEN(RPAR); }
        "["   { TOKEN(LSQB); }
        "]"   { TOKEN(RSQB); }
        "{"   { TOKEN(LBRACE); }
        "}"   { TOKEN(RBRACE); }
        ":"   { TOKEN(COLON); }
        ","   { TOKEN(COMMA); }
        ";"   { TOKEN(SEMI); }
        "+"   { TOKEN(PLUS); }
        "-"   { TOKEN(MINUS); }
        "*"   { TOKEN(STAR); }
        "/"   { TOKEN(SLASH); }
        "|"   { TOKEN(VBAR); }
        "&"   { TOKEN(AMPER); }
        "<"   { TOKEN(LESS); }
        ">"   { TOKEN(GREATER); }
        "="   { TOKEN(EQUAL); }
        "."   { TOKEN(DOT); }
        "%"   { TOKEN(PERCENT); }
        "~"   { TOKEN(TILDE); }
        "^"   { TOKEN(CIRCUMFLEX); }
        "@"   { TOKEN(AT); }
        "=="  { TOKEN(EQEQUAL); }
        "!="  { TOKEN(NOTEQUAL); }
        "<="  { TOKEN(LESSEQUAL); }
        ">="  { TOKEN(GREATEREQUAL); }
        "<<"  { TOKEN(LEFTSHIFT); }
        ">>"  { TOKEN(RIGHTSHIFT); }
        "**"  { TOKEN(DOUBLESTAR); }
        "//"  { TOKEN(DOUBLESLASH); }
        "->"  { TOKEN(RARROW); }
        "..." { TOKEN(ELLIPSIS); }
        ":="  { TOKEN(COLONEQUAL); }
        "+="  { TOKEN(PLUSEQUAL); }
        "-="  { TOKEN(MINEQUAL); }
        "*="  { TOKEN(STAREQUAL); }
        "/="  { TOKEN(SLASHEQUAL); }
        "%="  { TOKEN(PERCENTEQUAL); }
        "&="  { TOKEN(AMPEREQUAL); }
        "|="  { TOKEN(VBAREQUAL); }
        "^="  { TOKEN(CIRCUMFLEXEQUAL); }
        "<<=" { TOKEN(LEFTSHIFTEQUAL); }
        ">>=" { TOKEN(RIGHTSHIFTEQUAL); }
        "**=" { TOKEN(DOUBLESTAREQUAL); }
        "//=" { TOKEN(DOUBLESLASHEQUAL); }
        "@="  { TOKEN(ATEQUAL); }
        // CPython's tokenizer reads "<>" as one token (for PEP 401's
        // joke) and its parser rejects it: "invalid syntax" on both chars.
        "<>"  { TOKEN(ERRORTOKEN); }

        * {
            // One code unit that no rule takes: the start of a non-ASCII
            // name (or a byte that is not UTF-8), or an ASCII character
            // that starts no token.
            int c = (unsigned char)*lx->tok;
            if (c >= 0x80) {
                lx->cur = lx->tok;
                return scan_nonascii_name(lx, t);
            }
            if (c < 0x20 || c == 0x7f) {
                return scan_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                                  "invalid non-printable character U+%04X",
                                  (unsigned)c);
            }
            TOKEN(ERRORTOKEN);  // '$', '?', '!', '`'
        }
        */
#undef TOKEN
    number:
        if (after_number(lx, kind) != 0) {
            return YYerror;
        }
        set_token(lx, t, NUMBER, line, col);
        return NUMBER;
    }
}
/* }====== */
