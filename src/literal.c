/* literal.c — the values of number and string literals (see literal.h).

   Numbers.  The token text loses its underscores (the tokenizer has already
   checked where they stand).  An integer whose value fits in int64 becomes
   MP_CONST_INT; a larger one is converted by GMP and kept as its decimal
   digits (MP_CONST_BIGINT).  As in CPython 3.11, a *decimal* literal too
   big for a C long is converted by int()'s string code, so it is subject
   to the 4300-digit limit on int/str conversion (sys.int_info
   .default_max_str_digits); hexadecimal, octal and binary literals are
   not.  Floats and imaginary numbers go through strtod ("1e400" is inf).

   Strings.  A run of adjacent STRING tokens is one expression.  Each token
   is split into prefix, quotes and body; its body is decoded:

       r'..'   raw: the bytes as written
       '..'    escapes (\n, \x41, \u00e9, \N{DIGIT ONE}, \101, ...)
       b'..'   ASCII only; escapes without \u, \U, \N
       f'..'   split into literal parts and {replacement fields}

   and the pieces are concatenated as CPython's FstringParser does:

       pending literal text ──┐   a field flushes the pending text as a
       "ab" f"c{x}d" "e"      │   Constant, then appends FormattedValue;
                              ▼   empty text is dropped
       JoinedStr([Constant('abc'), FormattedValue(x), Constant('de')])

   Without any f-string the result is one Constant; with one, a JoinedStr
   even when it has no fields (f"" is JoinedStr([])).  A field is
   {expr[=][!conv][:spec]}; the expression's extent is found by scanning
   with bracket and string awareness, then it is parsed by the real parser
   (MpParse_FStringExpr) at its true position in the file.  The format spec
   is itself an f-string, one level deep at most.

   Error positions follow CPython 3.11, whose string errors are raised
   while the parser has already looked at the token after the strings: they
   point there.  We do not see that token and use the end of the last
   string instead, which is the same place whenever the next token follows
   at once (a newline, ')', ',').  Decoding errors give positions as
   CPython's unicode-escape codec counts them, in a copy of the body where
   each non-ASCII character was spelt \Uxxxxxxxx (see decode_str).

   CPython counterpart: Parser/string_parser.c (parsestr,
   decode_unicode_with_escapes, fstring_find_expr, ...) and
   _PyPegen_concatenate_strings in Parser/action_helpers.c.

   Read first: MpLiteral_Strings */
#include "literal.h"

#include <gmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "unicodedb.h"

/* CPython's default limit on the digits of an int converted from a decimal
   string (sys.int_info.default_max_str_digits, Python 3.11). */
#define MAX_STR_DIGITS 4300
/* Brackets open at once inside one f-string expression (MAXLEVEL in
   string_parser.c, the tokenizer's limit). */
#define FSTRING_MAX_NESTING 200

/* {====== Errors and buffers ====== */

static int
no_memory(MpParser *p)
{
    /* A MemoryError has no message (MpBuild_NoMemory does the same). */
    return MpSyntaxError_Set(p->err, MP_ERR_MEMORY, 0, -1, 0, -1, "%s", "");
}

/* A growable byte buffer in the parser's arena, always NUL-terminated.
   Growing leaves the old block behind in the arena; doubling keeps that
   waste below the final size. */
typedef struct {
    char *data;
    size_t len, cap;
} Buf;

static int
buf_put(MpParser *p, Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 32;
        while (cap < b->len + n + 1) {
            cap *= 2;
        }
        char *data = MpArena_Alloc(p->arena, cap);
        if (data == NULL) {
            return no_memory(p);
        }
        if (b->len) {
            memcpy(data, b->data, b->len);
        }
        b->data = data;
        b->cap = cap;
    }
    if (n) {
        memcpy(b->data + b->len, s, n);
    }
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

static int
buf_putc(MpParser *p, Buf *b, int c)
{
    char ch = (char)c;
    return buf_put(p, b, &ch, 1);
}

/* Appends code point cp as UTF-8; surrogates take the 3-byte form, as in
   every minipy string (ast.h). */
static int
buf_put_cp(MpParser *p, Buf *b, uint32_t cp)
{
    char u[4];
    return buf_put(p, b, u, MpUtf8_Encode(cp, u));
}

/* The bytes of the UTF-8 character starting at s (at least 1, never past
   end). */
static size_t
utf8_char_len(const char *s, const char *end)
{
    unsigned char c = (unsigned char)*s;
    size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return n <= (size_t)(end - s) ? n : (size_t)(end - s);
}

/* One concatenation being decoded: what the error and node positions are
   computed from. */
typedef struct {
    MpParser *p;
    MpLoc loc;     // all the tokens
    int u_kind;    // the first token is written u'...' (Constant.kind)
} Concat;

/* A syntax error at the end of the strings: see the file comment. */
static int
error_after(const Concat *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
error_after(const Concat *c, const char *fmt, ...)
{
    char msg[sizeof(c->p->err->msg)];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return MpSyntaxError_Set(c->p->err, MP_ERR_SYNTAX, c->loc.last_line,
                             c->loc.last_column, c->loc.last_line,
                             c->loc.last_column, "%s", msg);
}
/* }====== */

/* {====== Numbers ====== */

static int
digit_value(int c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

/* digits (NUL-terminated, no prefix, no underscores) in base as an int
   constant: int64 when it fits, else decimal digits from GMP. */
static int
number_int(MpParser *p, const char *digits, int base, MpLoc loc,
           MpConst *out)
{
    uint64_t v = 0;
    int overflow = 0;
    const char *d;
    for (d = digits; *d; d++) {
        int x = digit_value((unsigned char)*d);
        if (x >= base) {
            return MpSyntaxError_Set(p->err, MP_ERR_SYNTAX, loc.first_line,
                                     loc.first_column, loc.last_line,
                                     loc.last_column,
                                     "invalid digit '%c' in literal", *d);
        }
        if (v > (UINT64_MAX - (uint64_t)x) / (uint64_t)base) {
            overflow = 1;
            break;
        }
        v = v * (uint64_t)base + (uint64_t)x;
    }
    if (!overflow && v <= (uint64_t)INT64_MAX) {
        out->kind = MP_CONST_INT;
        out->u.i = (int64_t)v;
        return 0;
    }
    /* CPython converts a decimal literal that overflows a C long with
       PyLong_FromString, which enforces the int/str conversion limit;
       numbers starting with 0 take the strtoul path and never reach it,
       nor do the power-of-two bases.  The position has no columns, "to
       avoid a wall of 1000s of '^'s" (pegen.c). */
    size_t ndigits = strlen(digits);
    if (base == 10 && digits[0] != '0' && ndigits > MAX_STR_DIGITS) {
        return MpSyntaxError_Set(
            p->err, MP_ERR_SYNTAX, loc.first_line, -1, loc.last_line, -1,
            "Exceeds the limit (%d digits) for integer string conversion: "
            "value has %zu digits; use sys.set_int_max_str_digits() to "
            "increase the limit - Consider hexadecimal for huge integer "
            "literals to avoid decimal conversion limits.",
            MAX_STR_DIGITS, ndigits);
    }
    mpz_t z;
    mpz_init(z);
    if (mpz_set_str(z, digits, base) != 0) {
        mpz_clear(z);
        return MpSyntaxError_Set(p->err, MP_ERR_SYNTAX, loc.first_line,
                                 loc.first_column, loc.last_line,
                                 loc.last_column, "invalid literal");
    }
    size_t cap = mpz_sizeinbase(z, 10) + 2;  // sign and NUL
    char *s = MpArena_Alloc(p->arena, cap);
    if (s == NULL) {
        mpz_clear(z);
        return no_memory(p);
    }
    mpz_get_str(s, 10, z);
    mpz_clear(z);
    out->kind = MP_CONST_BIGINT;
    out->u.str.s = s;
    out->u.str.len = strlen(s);
    return 0;
}

int
MpLiteral_Number(MpParser *p, MpTokText text, MpLoc loc, MpConst *out)
{
    /* A copy without the underscores, as parsenumber() makes. */
    char *s = MpArena_Alloc(p->arena, text.len + 1);
    if (s == NULL) {
        return no_memory(p);
    }
    size_t n = 0;
    for (size_t i = 0; i < text.len; i++) {
        if (text.s[i] != '_') {
            s[n++] = text.s[i];
        }
    }
    s[n] = '\0';
    if (n == 0) {
        return MpSyntaxError_Set(p->err, MP_ERR_SYNTAX, loc.first_line,
                                 loc.first_column, loc.last_line,
                                 loc.last_column, "invalid literal");
    }

    if (n > 2 && s[0] == '0') {
        switch (s[1]) {
        case 'x':
        case 'X':
            return number_int(p, s + 2, 16, loc, out);
        case 'o':
        case 'O':
            return number_int(p, s + 2, 8, loc, out);
        case 'b':
        case 'B':
            return number_int(p, s + 2, 2, loc, out);
        default:
            break;
        }
    }

    int imag = s[n - 1] == 'j' || s[n - 1] == 'J';
    if (imag) {
        s[--n] = '\0';
    }
    if (!imag && strpbrk(s, ".eE") == NULL) {
        return number_int(p, s, 10, loc, out);
    }
    /* strtod is correctly rounded in glibc and gives inf on overflow, as
       PyOS_string_to_double does for literals.  It reads the C locale's
       decimal point, which minipy never changes. */
    char *end;
    double d = strtod(s, &end);
    if (n == 0 || *end != '\0') {
        return MpSyntaxError_Set(p->err, MP_ERR_SYNTAX, loc.first_line,
                                 loc.first_column, loc.last_line,
                                 loc.last_column, "invalid literal");
    }
    out->kind = imag ? MP_CONST_COMPLEX : MP_CONST_FLOAT;
    out->u.f = d;
    return 0;
}
/* }====== */

/* {====== Escape sequences ====== */

/* The position CPython's unicode-escape codec would report for the end of
   s[0:end-s] when s starts where one character of the body starts.  CPython
   does not decode the body directly: decode_unicode_with_escapes first
   rewrites it into ASCII, every non-ASCII character as the 10 bytes
   \Uxxxxxxxx and a backslash before a non-ASCII character (or at the very
   end) as the 6 bytes \u005c; error positions count in that text. */
static size_t
escaped_len(const char *s, const char *end)
{
    size_t v = 0;
    while (s < end) {
        if (*s == '\\') {
            v++;
            s++;
            if (s >= end || (*s & 0x80)) {
                v += 5;
                if (s >= end) {
                    break;
                }
            }
        }
        if (*s & 0x80) {
            s += utf8_char_len(s, end);
            v += 10;
        }
        else {
            s++;
            v++;
        }
    }
    return v;
}

static int
unicode_error(const Concat *c, size_t start, size_t end, const char *what)
{
    /* end is exclusive; CPython prints end - 1.  A range of one byte
       ("can't decode byte 0x5c") only arises for a backslash at the very
       end, which the rewrite above turns into \u005c first. */
    return error_after(c,
                       "(unicode error) 'unicodeescape' codec can't decode "
                       "bytes in position %zu-%zu: %s",
                       start, end - 1, what);
}

static int
is_hex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* Decodes the body of a str literal (or one literal part of an f-string),
   s[0:len], with its escapes, appending UTF-8 to out.  Unknown escapes
   keep their backslash; a backslash before a newline removes both; octal
   escapes above 0o377 are allowed (3.11 only warns).  v tracks the position
   in CPython's rewritten body (escaped_len) for error messages.
   Returns 0, or -1 with *p->err set. */
/* The value of the one-character escapes str and bytes share (\n, \t,
   \\, the quotes ...); ch is the character after the backslash. */
static int
simple_escape(int ch)
{
    switch (ch) {
    case 'a':
        return 7;
    case 'b':
        return 8;
    case 'f':
        return 12;
    case 'n':
        return 10;
    case 'r':
        return 13;
    case 't':
        return 9;
    case 'v':
        return 11;
    default:  // \\ \' \"
        return ch;
    }
}

static int
decode_str(const Concat *c, const char *s, size_t len, Buf *out)
{
    MpParser *p = c->p;
    const char *end = s + len;
    size_t v = 0;
    while (s < end) {
        if (*s != '\\') {
            size_t n = utf8_char_len(s, end);
            if (buf_put(p, out, s, n) < 0) {
                return -1;
            }
            v += (*s & 0x80) ? 10 : 1;
            s += n;
            continue;
        }
        size_t start = v;
        s++;
        if (s >= end || (*s & 0x80)) {
            /* A backslash at the end of an f-string part, or before a
               non-ASCII character: an ordinary character. */
            if (buf_putc(p, out, '\\') < 0) {
                return -1;
            }
            v += 6;
            continue;
        }
        int ch = *s++;
        v += 2;
        int count;
        const char *what;
        uint32_t cp;
        switch (ch) {
        case '\n':
            continue;
        case '\\': case '\'': case '"': case 'a': case 'b': case 'f':
        case 'n': case 'r': case 't': case 'v':
            cp = (uint32_t)simple_escape(ch);
            break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            cp = (uint32_t)(ch - '0');
            for (count = 0; count < 2 && s < end && *s >= '0' && *s <= '7';
                 count++) {
                cp = cp * 8 + (uint32_t)(*s++ - '0');
                v++;
            }
            break;
        case 'x':
            count = 2;
            what = "truncated \\xXX escape";
            goto hex;
        case 'u':
            count = 4;
            what = "truncated \\uXXXX escape";
            goto hex;
        case 'U':
            count = 8;
            what = "truncated \\UXXXXXXXX escape";
        hex:
            cp = 0;
            for (; count > 0; count--) {
                if (s >= end || !is_hex((unsigned char)*s)) {
                    return unicode_error(c, start, v, what);
                }
                cp = cp * 16 + (uint32_t)digit_value((unsigned char)*s);
                s++;
                v++;
            }
            if (cp > 0x10FFFF) {
                return unicode_error(c, start, v,
                                     "illegal Unicode character");
            }
            break;
        case 'N': {
            what = "malformed \\N character escape";
            if (s >= end || *s != '{') {
                return unicode_error(c, start, v, what);
            }
            s++;
            v++;
            const char *name = s;
            const char *close = memchr(s, '}', (size_t)(end - s));
            if (close == NULL) {
                return unicode_error(c, start, v + escaped_len(s, end),
                                     what);
            }
            if (close == name) {
                return unicode_error(c, start, v, what);
            }
            v += escaped_len(name, close) + 1;
            s = close + 1;
            /* CPython looks up the rewritten text, so a name with a
               non-ASCII character or a backslash is never found. */
            int32_t found = -1;
            size_t k;
            for (k = 0; k < (size_t)(close - name); k++) {
                if ((name[k] & 0x80) || name[k] == '\\') {
                    break;
                }
            }
            if (k == (size_t)(close - name)) {
                found = MpUnicode_Lookup(name, k);
            }
            if (found < 0) {
                return unicode_error(c, start, v,
                                     "unknown Unicode character name");
            }
            cp = (uint32_t)found;
            break;
        }
        default:
            /* An unknown escape is kept as written (3.11 warns). */
            if (buf_putc(p, out, '\\') < 0) {
                return -1;
            }
            cp = (uint32_t)ch;
            break;
        }
        if (buf_put_cp(p, out, cp) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Decodes the body of a bytes literal, s[0:len] (ASCII, checked by the
   caller), appending the bytes to out.  Octal escapes keep the low 8 bits
   of their value.  Returns 0, or -1 with *p->err set. */
static int
decode_bytes(const Concat *c, const char *s, size_t len, Buf *out)
{
    MpParser *p = c->p;
    const char *body = s, *end = s + len;
    while (s < end) {
        if (*s != '\\') {
            if (buf_putc(p, out, *s++) < 0) {
                return -1;
            }
            continue;
        }
        s++;
        if (s >= end) {
            /* Unreachable: the tokenizer never ends a literal so. */
            return error_after(c, "(value error) Trailing \\ in string");
        }
        int ch = *s++;
        int b;
        switch (ch) {
        case '\n':
            continue;
        case '\\': case '\'': case '"': case 'a': case 'b': case 'f':
        case 'n': case 'r': case 't': case 'v':
            b = simple_escape(ch);
            break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            b = ch - '0';
            for (int k = 0; k < 2 && s < end && *s >= '0' && *s <= '7';
                 k++) {
                b = b * 8 + (*s++ - '0');
            }
            b &= 0xFF;  // b'\777' == b'\xff' (3.11 warns)
            break;
        case 'x':
            if (s + 1 < end && is_hex((unsigned char)s[0]) &&
                is_hex((unsigned char)s[1])) {
                b = digit_value((unsigned char)s[0]) * 16 +
                    digit_value((unsigned char)s[1]);
                s += 2;
                break;
            }
            return error_after(c,
                               "(value error) invalid \\x escape at "
                               "position %zu",
                               (size_t)(s - 2 - body));
        default:
            if (buf_putc(p, out, '\\') < 0) {
                return -1;
            }
            b = ch;
            break;
        }
        if (buf_putc(p, out, b) < 0) {
            return -1;
        }
    }
    return 0;
}
/* }====== */

/* {====== f-strings ======
   The same split as CPython 3.11's string_parser.c, in the same order, so
   that the first error found is the same one:

     concat_fstring   literal, field, literal, field, ... up to the end
                      (or, in a format spec, up to the closing '}')
     find_literal     text up to an undoubled '{' (or '}'), decoded
     find_expr        '{' expr ['='] ['!' conv] [':' spec] '}'

   A Constant or FormattedValue made here spans the whole concatenation;
   a format spec's JoinedStr and its trailing Constant span the token
   the spec is in (FstringParser_Finish(t, t) in CPython). */

/* The pending literal text and the values made so far. */
typedef struct {
    Buf last_str;   // len 0: no pending text
    MpSeq *values;
    int fmode;      // an f-string took part: the result is a JoinedStr
} FState;

/* Appends the pending text, if any, as a Constant to st->values. */
static int
flush_str(const Concat *c, FState *st, MpLoc loc, int u_kind)
{
    if (st->last_str.len == 0) {
        return 0;
    }
    MpConst v = {.kind = MP_CONST_STR};
    v.u.str.s = st->last_str.data;
    v.u.str.len = st->last_str.len;
    MpNode *node = MpAst_New(c->p->arena, loc, Constant, v,
                             u_kind ? "u" : NULL);
    st->last_str = (Buf){0};
    if (node == NULL || MpSeq_Append(c->p->arena, &st->values, node) < 0) {
        return no_memory(c->p);
    }
    return 0;
}

/* The finished value: a Constant when no f-string took part (the empty
   string when nothing did), else a JoinedStr of the values. */
static MpNode *
finish(const Concat *c, FState *st, MpLoc loc, int u_kind)
{
    MpNode *node;
    if (!st->fmode) {
        MpConst v = {.kind = MP_CONST_STR};
        v.u.str.s = st->last_str.data ? st->last_str.data : "";
        v.u.str.len = st->last_str.len;
        node = MpAst_New(c->p->arena, loc, Constant, v,
                         u_kind ? "u" : NULL);
    }
    else {
        if (flush_str(c, st, loc, u_kind) < 0) {
            return NULL;
        }
        node = MpAst_New(c->p->arena, loc, JoinedStr, st->values);
    }
    if (node == NULL) {
        no_memory(c->p);
    }
    return node;
}

static int concat_fstring(const Concat *c, FState *st, const char **str,
                          const char *end, int raw, int recurse_lvl,
                          const MpToken *t);

/* The text of a literal part, from *str up to an undoubled '{' or the end
   (or a '}' inside a format spec), decoded and appended to st->last_str.
   At the top level "{{" and "}}" end the part after one brace and return 1:
   the caller goes on with the next part, without looking for a field.
   A "\N{...}" escape is skipped whole.  Returns 0, 1, or -1 on error. */
static int
find_literal(const Concat *c, FState *st, const char **str, const char *end,
             int raw, int recurse_lvl)
{
    const char *s = *str;
    const char *start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            /* Braces are undoubled only at the top level: in f'{0:{3}}'
               the two closing braces belong to two fields. */
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    return error_after(c,
                                       "f-string: single '}' is not "
                                       "allowed");
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (s == start) {
        return result;
    }
    if (raw) {
        if (buf_put(c->p, &st->last_str, start, (size_t)(s - start)) < 0) {
            return -1;
        }
    }
    else if (decode_str(c, start, (size_t)(s - start), &st->last_str) < 0) {
        return -1;
    }
    return result;
}

/* Line and column in the file of position e inside token t's text. */
static void
position_in_token(const MpToken *t, const char *e, int *lineno, int *col)
{
    int line = t->loc.first_line;
    const char *line_start = NULL;
    for (const char *q = t->text.s; q < e; q++) {
        if (*q == '\n') {
            line++;
            line_start = q + 1;
        }
    }
    *lineno = line;
    *col = line_start ? (int)(e - line_start)
                      : t->loc.first_column + (int)(e - t->text.s);
}

static int
is_py_space(int ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
           ch == '\f' || ch == '\v';
}

/* One replacement field; *str is at its '{' and ends after its '}'.
   Makes the FormattedValue in *expression; for the '=' form, sets
   *expr_text and *text_len to the text that goes before it ("x = ").
   Returns 0, or -1 with *p->err set. */
static int
find_expr(const Concat *c, const char **str, const char *end, int raw,
          int recurse_lvl, const MpToken *t, const char **expr_text,
          size_t *text_len, MpNode **expression)
{
    MpParser *p = c->p;
    char quote_char = 0;   // inside a string in the expression: its quote
    int string_type = 0;   // 1 or 3 quotes
    int depth = 0;
    char parens[FSTRING_MAX_NESTING];
    int conversion = -1;
    MpNode *format_spec = NULL;

    *expr_text = NULL;
    *text_len = 0;
    if (recurse_lvl >= 2) {
        return error_after(c, "f-string: expressions nested too deeply");
    }
    *str += 1;  // the '{'
    const char *expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            return error_after(c, "f-string expression part cannot "
                                  "include a backslash");
        }
        if (quote_char) {
            /* Only the end of the string matters here; anything wrong
               with it is the expression parser's to report. */
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch &&
                        (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                }
                else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            }
            else {
                string_type = 1;
            }
            quote_char = ch;
        }
        else if (ch == '[' || ch == '{' || ch == '(') {
            if (depth >= FSTRING_MAX_NESTING) {
                return error_after(c, "f-string: too many nested "
                                      "parenthesis");
            }
            parens[depth++] = ch;
        }
        else if (ch == '#') {
            return error_after(c, "f-string expression part cannot "
                                  "include '#'");
        }
        else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' ||
                                ch == '=' || ch == '>' || ch == '<')) {
            /* "!=", "==", "<=", ">=" are operators, not the end. */
            if (*str + 1 < end && (*str)[1] == '=' && ch != ':' &&
                ch != '}') {
                *str += 1;
                continue;
            }
            if (ch == '>' || ch == '<') {
                continue;
            }
            break;
        }
        else if (ch == ']' || ch == '}' || ch == ')') {
            if (depth == 0) {
                return error_after(c, "f-string: unmatched '%c'", ch);
            }
            char opening = parens[--depth];
            if (!((opening == '(' && ch == ')') ||
                  (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                return error_after(c,
                                   "f-string: closing parenthesis '%c' "
                                   "does not match opening parenthesis "
                                   "'%c'",
                                   ch, opening);
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        return error_after(c, "f-string: unterminated string");
    }
    if (depth) {
        return error_after(c, "f-string: unmatched '%c'", parens[depth - 1]);
    }
    if (*str >= end) {
        goto unexpected_end;
    }

    /* Parse the expression first, so that its errors come before those of
       the conversion and the spec (fstring_compile_expr). */
    const char *q = expr_start;
    while (q < expr_end &&
           (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f')) {
        q++;
    }
    if (q == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=') {
            return error_after(c, "f-string: expression required before "
                                  "'%c'", *expr_end);
        }
        return error_after(c, "f-string: empty expression not allowed");
    }
    int lineno, col;
    position_in_token(t, expr_start, &lineno, &col);
    MpNode *value = MpParse_FStringExpr(p, expr_start,
                                        (size_t)(expr_end - expr_start),
                                        lineno, col);
    if (value == NULL) {
        return -1;
    }

    if (**str == '=') {
        *str += 1;
        while (*str < end && is_py_space((unsigned char)**str)) {
            *str += 1;
        }
        if (*str >= end) {
            goto unexpected_end;
        }
        *expr_text = expr_start;
        *text_len = (size_t)(*str - expr_start);
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end) {
            goto unexpected_end;
        }
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            return error_after(c, "f-string: invalid conversion character: "
                                  "expected 's', 'r', or 'a'");
        }
    }
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) {
            goto unexpected_end;
        }
        FState spec = {0};
        if (concat_fstring(c, &spec, str, end, raw, recurse_lvl + 1, t) <
            0) {
            return -1;
        }
        format_spec = finish(c, &spec, t->loc,
                             t->text.len > 0 && t->text.s[0] == 'u');
        if (format_spec == NULL) {
            return -1;
        }
    }
    if (*str >= end || **str != '}') {
        goto unexpected_end;
    }
    *str += 1;
    /* "=" with neither conversion nor spec means !r. */
    if (*expr_text && format_spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    *expression = MpAst_New(p->arena, c->loc, FormattedValue, value,
                            conversion, format_spec);
    if (*expression == NULL) {
        return no_memory(p);
    }
    return 0;

unexpected_end:
    return error_after(c, "f-string: expecting '}'");
}

/* The f-string body (*str to end) of token t, or a format spec when
   recurse_lvl > 0, appended to st.  Returns 0, or -1 with *p->err set. */
static int
concat_fstring(const Concat *c, FState *st, const char **str,
               const char *end, int raw, int recurse_lvl, const MpToken *t)
{
    st->fmode = 1;
    for (;;) {
        int r = find_literal(c, st, str, end, raw, recurse_lvl);
        if (r < 0) {
            return -1;
        }
        if (r == 1) {
            continue;
        }
        if (*str >= end || **str == '}') {
            break;
        }
        const char *text;
        size_t text_len;
        MpNode *expr;
        if (find_expr(c, str, end, raw, recurse_lvl, t, &text, &text_len,
                      &expr) < 0) {
            return -1;
        }
        if (text && buf_put(c->p, &st->last_str, text, text_len) < 0) {
            return -1;
        }
        if (flush_str(c, st, c->loc, c->u_kind) < 0 ||
            MpSeq_Append(c->p->arena, &st->values, expr) < 0) {
            return no_memory(c->p);
        }
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        return error_after(c, "f-string: unexpected end of string");
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        return error_after(c, "f-string: expecting '}'");
    }
    return 0;
}
/* }====== */

/* {====== Concatenation ====== */

/* A token's prefix and body. */
typedef struct {
    int raw, bytes, fstr;
    const char *body;
    size_t len;
} Literal;

/* Splits t's text into prefix, quotes and body (parsestr).  Returns 0, or
   -1 with *p->err set for a text the tokenizer should not have let by. */
static int
split_literal(const Concat *c, const MpToken *t, Literal *lit)
{
    const char *s = t->text.s, *end = s + t->text.len;
    int u = 0, nprefix = 0;
    *lit = (Literal){0};
    for (; s < end && *s != '\'' && *s != '"'; s++, nprefix++) {
        switch (*s) {
        case 'r': case 'R':
            lit->raw = 1;
            break;
        case 'b': case 'B':
            lit->bytes = 1;
            break;
        case 'f': case 'F':
            lit->fstr = 1;
            break;
        case 'u': case 'U':
            u = 1;
            break;
        default:
            goto bad;
        }
    }
    if ((u && nprefix > 1) || (lit->bytes && lit->fstr) || nprefix > 2 ||
        s == end) {
        goto bad;
    }
    char q = *s;
    size_t n = (size_t)(end - s);
    if (n >= 6 && s[1] == q && s[2] == q) {
        if (end[-1] != q || end[-2] != q || end[-3] != q) {
            goto bad;
        }
        lit->body = s + 3;
        lit->len = n - 6;
    }
    else {
        if (n < 2 || end[-1] != q) {
            goto bad;
        }
        lit->body = s + 1;
        lit->len = n - 2;
    }
    return 0;
bad:
    return MpSyntaxError_Set(c->p->err, MP_ERR_SYNTAX, t->loc.first_line,
                             t->loc.first_column, t->loc.last_line,
                             t->loc.last_column, "invalid syntax");
}

MpNode *
MpLiteral_Strings(MpParser *p, const MpToken *toks, int n, MpLoc loc)
{
    Concat c = {.p = p, .loc = loc};
    FState st = {0};
    Buf bytes = {0};
    int bytesmode = 0;

    c.u_kind = n > 0 && toks[0].text.len > 0 && toks[0].text.s[0] == 'u';
    for (int i = 0; i < n; i++) {
        const MpToken *t = &toks[i];
        Literal lit;
        if (split_literal(&c, t, &lit) < 0) {
            return NULL;
        }
        /* parsestr: a bytes literal is checked for non-ASCII characters
           and every plain literal is decoded before the mix check. */
        Buf decoded = {0};
        if (lit.bytes) {
            for (size_t k = 0; k < lit.len; k++) {
                if (lit.body[k] & 0x80) {
                    MpSyntaxError_Set(p->err, MP_ERR_SYNTAX,
                                      t->loc.first_line,
                                      t->loc.first_column, t->loc.last_line,
                                      t->loc.last_column,
                                      "bytes can only contain ASCII "
                                      "literal characters");
                    return NULL;
                }
            }
            if (lit.raw ? buf_put(p, &bytes, lit.body, lit.len)
                        : decode_bytes(&c, lit.body, lit.len, &bytes)) {
                return NULL;
            }
        }
        else if (!lit.fstr) {
            if (lit.raw ? buf_put(p, &decoded, lit.body, lit.len)
                        : decode_str(&c, lit.body, lit.len, &decoded)) {
                return NULL;
            }
        }
        if (i != 0 && bytesmode != lit.bytes) {
            error_after(&c, "cannot mix bytes and nonbytes literals");
            return NULL;
        }
        bytesmode = lit.bytes;
        if (lit.fstr) {
            const char *s = lit.body;
            if (concat_fstring(&c, &st, &s, lit.body + lit.len, lit.raw, 0,
                               t) < 0) {
                return NULL;
            }
        }
        else if (!lit.bytes && decoded.len > 0 &&
                 buf_put(p, &st.last_str, decoded.data, decoded.len) < 0) {
            return NULL;
        }
    }

    if (bytesmode) {
        MpConst v = {.kind = MP_CONST_BYTES};
        v.u.str.s = bytes.data ? bytes.data : "";
        v.u.str.len = bytes.len;
        MpNode *node = MpAst_New(p->arena, loc, Constant, v, NULL);
        if (node == NULL) {
            no_memory(p);
        }
        return node;
    }
    return finish(&c, &st, loc, c.u_kind);
}
/* }====== */
