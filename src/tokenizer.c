/* tokenizer.c — source decoding, and the adapter between the re2c scanner
   (grammar/lexer.re) and the parser.

   Decoding (MpLexer_Init) turns the bytes of a file into the text every
   later stage reads: UTF-8, '\n' line ends, NUL-terminated, in the arena.
       1. a UTF-8 byte order mark is dropped;
       2. a PEP 263 coding cookie is looked for on line 1, or on line 2 when
          line 1 holds only a comment or white space (CPython's
          get_coding_spec, not a regular expression: '#' first, then
          "coding" followed by ':' or '=', blanks, and the name);
       3. a text in another encoding is converted with iconv(3);
       4. "\r\n" and a lone '\r' become '\n' (universal newlines).
   UTF-8 is checked where CPython checks it, when a name or string literal
   is scanned (lexer.re), so a bad byte in a comment is accepted, as
   compile() accepts it.

   The adapter (MpLexer_Next) turns raw tokens into the parser's tokens:

     raw:     NAME  :  NEWLINE  NAME = NUMBER NEWLINE  NEWLINE  NAME
     parser:  NAME  :  NEWLINE  INDENT NAME = NUMBER NEWLINE  DEDENT NAME

   Invariants of the adapter:
     - indents[0..indent_depth] is strictly increasing and indents[0] = 0;
       altindents[] runs beside it with tabs counted as 1 column instead of
       up to the next multiple of 8.  A line whose indentation compares
       differently against the two stacks mixes tabs and spaces in a way
       whose meaning depends on the tab size: TabError.
     - paren_stack[0..paren_depth) holds the open brackets, with where they
       opened.  While it is not empty, newlines are not tokens and
       indentation is not measured.
     - last_code is the raw code of the last token produced (0 before the
       first); a NEWLINE is produced only after a token that is not
       NEWLINE, INDENT or DEDENT, so blank lines, comment-only lines and a
       repeated NEWLINE never reach the parser.
     - pending > 0 counts DEDENTs still to give, pending < 0 an INDENT;
       indent_depth is already the new depth while they are given.

   Look-ahead.  Two decisions need to see further than the next token:
     - `match` at the start of a logical line is the keyword MATCH when the
       token after it can start an expression and the line ends with ':';
       `case` is CASE when it starts a line at the indentation of a match
       block's cases (match_indent[depth]);
     - the '(' right after `with` is LPAR_WITH when the token after its
       matching ')' is ':'.
   Both look ahead by running a copy of the lexer (scan_ahead), with its
   errors sent to a scratch MpSyntaxError, and throwing it away.  The copy
   is a few kilobytes on the C stack and no line is scanned ahead twice
   for the same decision, so the cost is linear in the source; a copy
   needs no bound on how far it looks, which a ring of tokens would.
   (The ring fields of MpLexer are therefore unused.)

   CPython counterpart: Parser/tokenizer.c (tok_get's indentation and
   bracket handling, decoding_fgets, check_coding_spec) and
   Parser/pegen.c, whose PEG parser settles soft keywords by backtracking.
   Read first: MpLexer_Next, then adapter_next. */
#include "tokenizer.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

/* grammar/lexer.re: cuts the next raw token. */

/* {====== Errors and locations ====== */

static int
lexer_error(MpLexer *lx, MpErrorKind kind, int line, int col, int end_line,
            int end_col, const char *fmt, ...)
{
    char msg[sizeof(((MpSyntaxError *)0)->msg)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (line > 0) {
        if (col >= 0 && line == 1) {
            col += lx->col_offset;
        }
        if (end_col >= 0 && end_line == 1) {
            end_col += lx->col_offset;
        }
        line += lx->line_offset;
        end_line += lx->line_offset;
    }
    MpSyntaxError_Set(lx->err, kind, line, col, end_line, end_col, "%s", msg);
    return YYerror;
}

/* A zero-width location at lx->cur. */
static MpLoc
loc_here(const MpLexer *lx)
{
    int col = (int)(lx->cur - lx->line_start);
    if (lx->lineno == 1) {
        col += lx->col_offset;
    }
    MpLoc loc = {lx->lineno + lx->line_offset, col,
                 lx->lineno + lx->line_offset, col};
    return loc;
}
/* }====== */

/* {====== Decoding ====== */

/* CPython's get_coding_spec on one line s[0:n]: the declared encoding's
   name into name[0:size], or "" when the line declares none.  Returns 1
   when the line is blank or a comment only (so line 2 may still declare). */
static int
coding_spec(const char *s, size_t n, char *name, size_t size)
{
    size_t i = 0;
    name[0] = '\0';
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f')) {
        i++;
    }
    if (i == n) {
        return 1;
    }
    if (s[i] != '#') {
        return 0;
    }
    for (; i + 6 < n; i++) {
        if (memcmp(s + i, "coding", 6) != 0 ||
            (s[i + 6] != ':' && s[i + 6] != '=')) {
            continue;
        }
        size_t j = i + 7;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) {
            j++;
        }
        size_t b = j;
        while (j < n && (isalnum((unsigned char)s[j]) || s[j] == '-' ||
                         s[j] == '_' || s[j] == '.')) {
            j++;
        }
        if (j > b) {
            size_t len = j - b < size - 1 ? j - b : size - 1;
            memcpy(name, s + b, len);
            name[len] = '\0';
            break;
        }
    }
    return 1;
}

/* CPython's get_normal_name: "utf-8" and "iso-8859-1" under their common
   spellings (the first 12 characters, lower case, '_' as '-'); any other
   name unchanged. */
static const char *
normal_name(const char *name)
{
    char buf[13];
    size_t i;
    for (i = 0; i < 12 && name[i]; i++) {
        char c = (char)tolower((unsigned char)name[i]);
        buf[i] = c == '_' ? '-' : c;
    }
    buf[i] = '\0';
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        return "utf-8";
    }
    static const char *const latin1[] = {"latin-1", "iso-8859-1",
                                         "iso-latin-1"};
    for (size_t k = 0; k < 3; k++) {
        size_t m = strlen(latin1[k]);
        if (strcmp(buf, latin1[k]) == 0 ||
            (strncmp(buf, latin1[k], m) == 0 && buf[m] == '-')) {
            return "iso-8859-1";
        }
    }
    return name;
}

/* The iconv name of a Python codec name, or NULL when Python would not
   know it.  Python looks codec names up after lower-casing them and
   turning every run of other characters than letters, digits and '.'
   into '_'; the aliases that iconv does not spell the same way are in
   the table (from Lib/encodings/aliases.py).  Other names are handed to
   iconv with '_' as '-', which covers cp1252, koi8-r, euc-jp, shift_jis,
   iso-8859-15, mac-roman and the like. */
static const char *
iconv_name(const char *name, char *buf, size_t size)
{
    static const struct {
        const char *python, *iconv;
    } aliases[] = {
        {"utf_8", "UTF-8"},      {"utf8", "UTF-8"},
        {"u8", "UTF-8"},         {"utf", "UTF-8"},
        {"cp65001", "UTF-8"},    {"latin_1", "LATIN1"},
        {"latin1", "LATIN1"},    {"latin", "LATIN1"},
        {"l1", "LATIN1"},        {"iso_8859_1", "LATIN1"},
        {"iso8859_1", "LATIN1"}, {"8859", "LATIN1"},
        {"cp819", "LATIN1"},     {"iso_ir_100", "LATIN1"},
        {"ascii", "ASCII"},      {"us_ascii", "ASCII"},
        {"646", "ASCII"},        {"us", "ASCII"},
        {"sjis", "SHIFT_JIS"},   {"s_jis", "SHIFT_JIS"},
        {"eucjp", "EUC-JP"},     {"ujis", "EUC-JP"},
        {"u_jis", "EUC-JP"},     {"euckr", "EUC-KR"},
        {"latin2", "LATIN2"},    {"l2", "LATIN2"},
        {"mbcs", NULL},          {"dbcs", NULL},
    };
    size_t n = 0;
    int sep = 0;
    for (const char *s = name; *s && n + 1 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || c == '.') {
            if (sep && n > 0) {
                buf[n++] = '_';
            }
            sep = 0;
            if (n + 1 < size) {
                buf[n++] = (char)tolower(c);
            }
        } else {
            sep = 1;
        }
    }
    buf[n] = '\0';
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
        if (strcmp(buf, aliases[i].python) == 0) {
            return aliases[i].iconv;
        }
    }
    for (char *s = buf; *s; s++) {
        *s = *s == '_' ? '-' : (char)toupper((unsigned char)*s);
    }
    iconv_t cd = iconv_open("UTF-8", buf);
    if (cd == (iconv_t)-1) {
        return NULL;
    }
    iconv_close(cd);
    return buf;
}

/* Converts src[0:len] from encoding `from` into UTF-8 in the arena.
   Returns the text (NUL-terminated, *out_len bytes) or NULL with *err set
   as Python's codec would report the first undecodable byte. */
static char *
convert(MpLexer *lx, const char *from, const char *codec, const char *src,
        size_t len, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        lexer_error(lx, MP_ERR_SYNTAX, 0, -1, 0, -1, "unknown encoding: %s",
                    codec);
        return NULL;
    }
    /* 4 bytes of UTF-8 per input byte is enough for every single- and
       multi-byte encoding (no character is shorter than 1 byte in and
       longer than 4 bytes out). */
    size_t cap = len * 4 + 1;
    char *out = MpArena_Alloc(lx->arena, cap);
    if (out == NULL) {
        iconv_close(cd);
        MpSyntaxError_Set(lx->err, MP_ERR_MEMORY, 0, -1, 0, -1,
                          "out of memory");
        return NULL;
    }
    char *in = (char *)src, *o = out;
    size_t inleft = len, outleft = cap - 1;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    if (r != (size_t)-1) {
        r = iconv(cd, NULL, NULL, &o, &outleft); // flush shift states
    }
    int e = errno;
    iconv_close(cd);
    if (r == (size_t)-1) {
        size_t pos = (size_t)(in - src);
        const char *why = e == EINVAL ? "incomplete multibyte sequence"
                                      : "illegal multibyte sequence";
        if (strcmp(from, "ASCII") == 0) {
            why = "ordinal not in range(128)";
        }
        lexer_error(lx, MP_ERR_SYNTAX, 0, -1, 0, -1,
                    "'%s' codec can't decode byte 0x%02x in position %zu: "
                    "%s",
                    codec, (unsigned char)src[pos], pos, why);
        return NULL;
    }
    *o = '\0';
    *out_len = (size_t)(o - out);
    return out;
}

/* Copies s[0:n] into the arena with "\r\n" and '\r' as '\n', NUL-ended. */
static char *
universal_newlines(MpLexer *lx, const char *s, size_t n, size_t *out_len)
{
    char *out = MpArena_Alloc(lx->arena, n + 1);
    if (out == NULL) {
        MpSyntaxError_Set(lx->err, MP_ERR_MEMORY, 0, -1, 0, -1,
                          "out of memory");
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            out[k++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n') {
                i++;
            }
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    *out_len = k;
    return out;
}

/* The encoding declared by a cookie in src, into name ("" when none). */
static void
find_cookie(const char *src, size_t len, char *name, size_t size)
{
    const char *line = src;
    name[0] = '\0';
    for (int i = 0; i < 2 && line < src + len; i++) {
        const char *nl = memchr(line, '\n', (size_t)(src + len - line));
        const char *cr = memchr(line, '\r', (size_t)(src + len - line));
        const char *eol = nl ? nl : src + len;
        if (cr && cr < eol) {
            eol = cr;
        }
        if (!coding_spec(line, (size_t)(eol - line), name, size) || name[0]) {
            return;
        }
        line = eol + 1;
        if (eol < src + len && *eol == '\r' && line < src + len &&
            *line == '\n') {
            line++;
        }
    }
}
/* }====== */

/* {====== Initialisation ====== */

static void
lexer_setup(MpLexer *lx, MpParser *p, const char *text, size_t len,
            int line_offset, int col_offset)
{
    memset(lx, 0, sizeof *lx);
    lx->p = p;
    lx->arena = p->arena;
    lx->err = p->err;
    lx->buf = lx->cur = lx->line_start = lx->tok = text;
    lx->end = text + len;
    lx->lineno = 1;
    lx->line_offset = line_offset;
    lx->col_offset = col_offset;
    lx->at_line_start = 1;
    switch (p->mode) {
    case MP_MODE_FILE:
        lx->start_token = START_FILE;
        break;
    case MP_MODE_EVAL:
        lx->start_token = START_EVAL;
        break;
    case MP_MODE_SINGLE:
    case MP_MODE_INTERACTIVE:
        lx->start_token = START_SINGLE;
        break;
    case MP_MODE_FSTRING:
        lx->start_token = START_FSTRING;
        break;
    }
    p->lexer = lx;
}

int
MpLexer_Init(MpLexer *lx, MpParser *p, const char *src, size_t len,
             int line_offset, int col_offset)
{
    lexer_setup(lx, p, "", 0, line_offset, col_offset);
    int bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        src += 3;
        len -= 3;
    }
    const char *nul = memchr(src, '\0', len);
    if (nul != NULL) {
        int line = 1;
        for (const char *q = src; q < nul; q++) {
            line += *q == '\n';
        }
        return lexer_error(lx, MP_ERR_SYNTAX, line, -1, line, -1,
                           "source code cannot contain null bytes"),
               -1;
    }
    char cookie[64];
    find_cookie(src, len, cookie, sizeof cookie);
    const char *text = src;
    size_t text_len = len;
    if (cookie[0]) {
        const char *normal = normal_name(cookie);
        if (strcmp(normal, "utf-8") != 0) {
            if (bom) {
                return lexer_error(lx, MP_ERR_SYNTAX, 0, -1, 0, -1,
                                   "encoding problem: %s with BOM", normal),
                       -1;
            }
            char buf[64];
            const char *from = iconv_name(normal, buf, sizeof buf);
            if (from == NULL) {
                return lexer_error(lx, MP_ERR_SYNTAX, 0, -1, 0, -1,
                                   "unknown encoding: %s", normal),
                       -1;
            }
            if (strcmp(from, "UTF-8") != 0) {
                text = convert(lx, from, normal, src, len, &text_len);
                if (text == NULL) {
                    return -1;
                }
            }
        }
    }
    char *out = universal_newlines(lx, text, text_len, &text_len);
    if (out == NULL) {
        return -1;
    }
    lx->buf = lx->cur = lx->line_start = lx->tok = out;
    lx->end = out + text_len;
    p->source = out;
    p->source_len = text_len;
    return 0;
}

int
MpLexer_InitDecoded(MpLexer *lx, MpParser *p, const char *src, size_t len,
                    int line_offset, int col_offset)
{
    lexer_setup(lx, p, src, len, line_offset, col_offset);
    return 0;
}
/* }====== */

/* {====== Indentation ====== */

/* At the start of a logical line outside brackets: measures the line's
   indentation and compares it with the stack.  A blank or comment-only
   line changes nothing (its NEWLINE is dropped later).  Returns 0, or
   YYerror. */
static int
measure_indent(MpLexer *lx)
{
    int col = 0, altcol = 0;
    const char *q = lx->cur;
    for (;; q++) {
        char c = q < lx->end ? *q : '\0';
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / 8 + 1) * 8; // tab stops every 8 columns
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0; // a form feed resets the count, as CPython
        } else {
            break;
        }
    }
    lx->cur = q;
    if (q >= lx->end || *q == '#' || *q == '\n') {
        if (lx->p->mode != MP_MODE_INTERACTIVE || q >= lx->end) {
            return 0; // blank line
        }
        /* At a prompt, as CPython's tokenizer reads one: a totally empty
           line ends the statement (it dedents to column 0 and its NEWLINE
           goes through); so does a first line of blanks or a comment. */
        if (*q == '\n' && q == lx->line_start) {
            col = altcol = 0;
            lx->blank_newline = 1;
        } else if (lx->lineno == 1) {
            lx->blank_newline = 1;
            return 0;
        } else {
            return 0;
        }
    }
    int d = lx->indent_depth;
    if (col == lx->indents[d]) {
        if (altcol != lx->altindents[d]) {
            goto tab_error;
        }
    } else if (col > lx->indents[d]) {
        if (altcol <= lx->altindents[d]) {
            goto tab_error;
        }
        if (d + 1 >= MP_MAX_INDENT) {
            return lexer_error(lx, MP_ERR_INDENTATION, lx->lineno, 0,
                               lx->lineno, -1,
                               "too many levels of indentation");
        }
        lx->indent_depth = d + 1;
        lx->indents[d + 1] = col;
        lx->altindents[d + 1] = altcol;
        lx->pending = -1;
    } else {
        int n = 0;
        while (d > 0 && col < lx->indents[d]) {
            lx->match_indent[d] = 0; // that block is closed
            d--;
            n++;
        }
        if (col != lx->indents[d]) {
            /* CPython puts this error just past the end of the line. */
            const char *eol = memchr(q, '\n', (size_t)(lx->end - q));
            int len = (int)((eol ? eol : lx->end) - lx->line_start);
            return lexer_error(lx, MP_ERR_INDENTATION, lx->lineno, len,
                               lx->lineno, -1,
                               "unindent does not match any outer "
                               "indentation level");
        }
        if (altcol != lx->altindents[d]) {
            goto tab_error;
        }
        lx->indent_depth = d;
        lx->pending = n;
    }
    return 0;

tab_error:
    return lexer_error(lx, MP_ERR_TAB, lx->lineno, 0, lx->lineno, -1,
                       "inconsistent use of tabs and spaces in indentation");
}
/* }====== */

/* {====== Brackets ====== */

static char
closer_of(char open)
{
    return open == '(' ? ')' : open == '[' ? ']' : '}';
}

/* Pushes or pops the bracket of token t.  Returns 0 or YYerror. */
static int
track_bracket(MpLexer *lx, const MpToken *t)
{
    char c = t->text.s[0];
    int line = lx->lineno;
    int col = (int)(t->text.s - lx->line_start);
    if (c == '(' || c == '[' || c == '{') {
        if (lx->paren_depth >= MP_MAX_PAREN) {
            return lexer_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                               "too many nested parentheses");
        }
        lx->paren_stack[lx->paren_depth] = c;
        lx->paren_line[lx->paren_depth] = line;
        lx->paren_col[lx->paren_depth] = col;
        lx->paren_depth++;
        return 0;
    }
    if (lx->paren_depth == 0) {
        return lexer_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                           "unmatched '%c'", c);
    }
    int top = lx->paren_depth - 1;
    char open = lx->paren_stack[top];
    if (closer_of(open) != c) {
        if (lx->paren_line[top] != line) {
            return lexer_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                               "closing parenthesis '%c' does not match "
                               "opening parenthesis '%c' on line %d",
                               c, open, lx->paren_line[top] + lx->line_offset);
        }
        return lexer_error(lx, MP_ERR_SYNTAX, line, col, line, col,
                           "closing parenthesis '%c' does not match "
                           "opening parenthesis '%c'",
                           c, open);
    }
    lx->paren_depth--;
    return 0;
}
/* }====== */

/* {====== The adapter ====== */

static inline int
starts_line(int code)
{
    return code == 0 || code == NEWLINE || code == INDENT || code == DEDENT ||
           code == START_FILE || code == START_EVAL || code == START_SINGLE ||
           code == START_FSTRING;
}

/* The next token with indentation, brackets and newlines settled, but
   before the soft keywords and LPAR_WITH (MpLexer_Next does those).
   Postcondition: lx->last_code/last_loc describe the token returned. */
static int
adapter_next(MpLexer *lx, MpToken *t)
{
    int code;
    memset(t, 0, sizeof *t);
    for (;;) {
        if (lx->pending > 0 || lx->pending < 0) {
            code = lx->pending > 0 ? DEDENT : INDENT;
            lx->pending += lx->pending > 0 ? -1 : 1;
            t->loc = loc_here(lx);
            break;
        }
        if (lx->at_line_start && lx->paren_depth == 0) {
            lx->at_line_start = 0;
            if (measure_indent(lx) != 0) {
                return YYerror;
            }
            continue;
        }
        code = MpScan_Token(lx, t);
        if (code == YYerror) {
            return YYerror;
        }
        if (code == NEWLINE) {
            if (lx->paren_depth > 0) {
                continue;
            }
            lx->at_line_start = 1;
            if (lx->blank_newline) {
                /* the empty line that ends an interactive statement */
                lx->blank_newline = 0;
                t->loc = loc_here(lx);
                t->loc.first_line = t->loc.last_line = lx->lineno - 1;
                t->loc.first_column = 0;
                t->loc.last_column = 1;
                t->text.len = 0;
                break;
            }
            if (starts_line(lx->last_code)) {
                continue; // a blank or comment-only line
            }
            /* NEWLINE sits at the end of the line's last token. */
            t->loc.first_line = t->loc.last_line = lx->last_loc.last_line;
            t->loc.first_column = lx->last_loc.last_column;
            t->loc.last_column = t->loc.first_column + 1;
            t->text.len = 0;
            break;
        }
        if (code == 0) {
            if (lx->p->mode == MP_MODE_INTERACTIVE &&
                (lx->paren_depth > 0 || lx->indent_depth > 0)) {
                /* The text ran out inside a bracket, or inside a block
                   that only an empty line can end: more is to come. */
                return lexer_error(lx, MP_ERR_INCOMPLETE, lx->lineno, -1,
                                   lx->lineno, -1, "incomplete input");
            }
            if (lx->paren_depth > 0) {
                int top = lx->paren_depth - 1;
                return lexer_error(lx, MP_ERR_SYNTAX, lx->paren_line[top],
                                   lx->paren_col[top], lx->paren_line[top], -1,
                                   "'%c' was never closed",
                                   lx->paren_stack[top]);
            }
            if (!starts_line(lx->last_code)) {
                code = NEWLINE;
                t->loc = lx->last_loc;
                t->loc.first_line = t->loc.last_line;
                t->loc.first_column = t->loc.last_column;
                t->loc.last_column++;
                t->text.len = 0;
                lx->at_line_start = 1;
                break;
            }
            if (lx->indent_depth > 0) {
                lx->pending = lx->indent_depth;
                lx->indent_depth = 0;
                continue;
            }
            t->loc = loc_here(lx);
            break;
        }
        if (code == LPAR || code == LSQB || code == LBRACE || code == RPAR ||
            code == RSQB || code == RBRACE) {
            if (track_bracket(lx, t) != 0) {
                return YYerror;
            }
        }
        break;
    }
    t->code = code;
    lx->last_code = code;
    lx->last_loc = t->loc;
    return code;
}

/* Runs a copy of lx forward, errors going to a scratch slot, and tells
   whether the line is a match statement (want_colon_at_eol) or whether
   the bracket just opened is followed, after its matching closer, by ':'.
   lx itself is not changed. */
static int
scan_ahead(const MpLexer *lx, int for_with)
{
    MpLexer copy = *lx;
    MpSyntaxError scratch;
    memset(&scratch, 0, sizeof scratch);
    copy.err = &scratch;
    MpToken t;
    if (for_with) {
        int depth = lx->paren_depth; // the '(' is already on the stack
        for (;;) {
            int code = adapter_next(&copy, &t);
            if (code == 0 || code == YYerror) {
                return 0;
            }
            if (copy.paren_depth < depth) {
                return adapter_next(&copy, &t) == COLON;
            }
        }
    }
    /* `match` has been read: the next token must be able to start the
       subject, and the line must end with ':'. */
    int code = adapter_next(&copy, &t);
    switch (code) {
    case NAME:
    case NUMBER:
    case STRING:
    case LPAR:
    case LSQB:
    case LBRACE:
    case MINUS:
    case PLUS:
    case TILDE:
    case STAR:
    case NOT:
    case LAMBDA:
    case AWAIT:
    case NONE:
    case TRUE:
    case FALSE:
    case ELLIPSIS:
        break;
    default:
        return 0;
    }
    int prev = code;
    for (;;) {
        code = adapter_next(&copy, &t);
        if (code == NEWLINE || code == 0 || code == YYerror) {
            return code == NEWLINE && prev == COLON;
        }
        prev = code;
    }
}

static int
is_text(const MpToken *t, const char *s)
{
    size_t n = strlen(s);
    return t->text.len == n && memcmp(t->text.s, s, n) == 0;
}

int
MpLexer_Next(MpLexer *lx, MpTokText *text, MpLoc *loc)
{
    MpToken t;
    int code;
    if (lx->start_token) {
        code = lx->start_token;
        lx->start_token = 0;
        memset(&t, 0, sizeof t);
        t.loc = loc_here(lx);
        lx->last_code = code;
        lx->last_loc = t.loc;
    } else if (lx->done) {
        memset(&t, 0, sizeof t);
        t.loc = lx->last_loc;
        code = 0;
    } else {
        int prev = lx->last_code;
        code = adapter_next(lx, &t);
        if (code == 0 || code == YYerror) {
            lx->done = 1;
        } else if (code == NAME && starts_line(prev)) {
            if (is_text(&t, "match") && scan_ahead(lx, 0)) {
                code = MATCH;
                /* The block that this line opens holds the cases. */
                if (lx->indent_depth + 1 <= MP_MAX_INDENT) {
                    lx->match_indent[lx->indent_depth + 1] = 1;
                }
            } else if (is_text(&t, "case") &&
                       lx->match_indent[lx->indent_depth]) {
                code = CASE;
            }
        } else if (code == LPAR && prev == WITH && scan_ahead(lx, 1)) {
            code = LPAR_WITH;
        }
    }
    if (code == YYerror && lx->err->kind != MP_ERR_NONE) {
        /* The error's own position, for a parser that wants one. */
        t.loc.first_line = t.loc.last_line = lx->err->lineno;
        t.loc.first_column = lx->err->col_offset;
        t.loc.last_column = lx->err->end_col_offset;
    }
    *text = t.text;
    *loc = t.loc;
    return code;
}
/* }====== */
