/* format.c — the format-spec mini-language (format(), f"{x:spec}") and
   str.format / str.format_map.

   A spec is parsed once into a FormatSpec, exactly as CPython 3.11's
   parse_internal_render_format_spec does:

       [[fill]align][sign][z][#][0][width][grouping][.precision][type]

   then the value is turned into three pieces of ASCII text and laid out:

       sign | prefix | integer digits, grouped | rest
        "-"    "0x"      "1_0000"                 ".50e+03%"

   The padding goes left of everything ('>'), right of everything ('<'),
   split ('^'), or between prefix and digits ('=', the numeric default
   when the spec has a leading '0').  With '0' fill, '=' alignment and
   grouping, the zeros of the padding are grouped too ('00,001,234'): the
   grouping loop is CPython's _PyUnicode_InsertThousandsGrouping, which
   keeps emitting zero-filled groups until the minimum width is reached.

   The text of a float comes from C's snprintf ("%.*e", "%.*f", "%.*g",
   correctly rounded in glibc) for a given precision and from
   MpRepr_Double for the shortest repr (no type and no precision).  A big
   int is never converted to double for b/d/o/x: its digits come from
   GMP.

   str.format scans the template as CPython's MarkupIterator: literal text
   up to '{' or '}', '{{' and '}}' as escapes, then a field
   name[.attr|[key]]...[!conv][:spec] whose spec may itself contain
   {fields}, expanded (two levels at most) before the spec is used.

   Deliberate difference: 'n' is 'd' / 'g' without locale (minipy has no
   locale module), as CPython behaves in the C locale.

   CPython counterpart: Python/formatter_unicode.c,
   Objects/stringlib/unicode_format.h.

   Read first: parse_spec, then layout. */
#include "format.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "repr.h"
#include "strbuf.h"

/* {====== Parsing a spec ====== */

typedef struct {
    uint32_t fill;        // a code point; ' ' unless given
    char align;           // '<' '>' '=' '^', or the type's default
    char sign;            // '+' '-' ' ' or 0 (not given)
    int no_neg_0;         // 'z'
    int alternate;        // '#'
    Mp_ssize_t width;     // -1: none
    char thousands;       // ',' '_' or 0
    int group;            // digits per group: 3, or 4 for '_' with b/o/x/X
    Mp_ssize_t precision; // -1: none
    uint32_t type;        // 0: none
} FormatSpec;

static int
is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* Reads decimal digits at *pos.  Returns how many, or -1 with ValueError
   on overflow. */
static Mp_ssize_t
get_integer(MpObject *s, Mp_ssize_t *pos, Mp_ssize_t end, Mp_ssize_t *out)
{
    Mp_ssize_t n = 0, v = 0;
    while (*pos < end) {
        uint32_t c = MpStr_READ(s, *pos);
        if (c < '0' || c > '9') {
            break;
        }
        if (v > (PTRDIFF_MAX - (Mp_ssize_t)(c - '0')) / 10) {
            MpErr_SetString(MpExc_ValueError,
                            "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (Mp_ssize_t)(c - '0');
        (*pos)++;
        n++;
    }
    *out = v;
    return n;
}

static void
unknown_type(uint32_t type, MpObject *v)
{
    if (type > 32 && type < 128) {
        MpErr_Format(MpExc_ValueError,
                     "Unknown format code '%c' for object of type '%.200s'",
                     (int)type, MpType_Name(Mp_TYPE(v)));
    } else {
        MpErr_Format(MpExc_ValueError,
                     "Unknown format code '\\x%x' for object of type "
                     "'%.200s'", (unsigned)type, MpType_Name(Mp_TYPE(v)));
    }
}

/* Fills f from spec; default_align is '<' for str, '>' for numbers.
   Returns 0, or -1 with ValueError (the messages of CPython 3.11). */
static int
parse_spec(MpObject *spec, MpObject *v, char default_align, FormatSpec *f)
{
    Mp_ssize_t pos = 0, end = MpStr_GET_LENGTH(spec), n;
    int fill_given = 0, align_given = 0;
    f->fill = ' ';
    f->align = default_align;
    f->sign = 0;
    f->no_neg_0 = 0;
    f->alternate = 0;
    f->width = -1;
    f->thousands = 0;
    f->group = 3;
    f->precision = -1;
    f->type = 0;

    if (end - pos >= 2 && is_align(MpStr_READ(spec, pos + 1))) {
        f->fill = MpStr_READ(spec, pos);
        f->align = (char)MpStr_READ(spec, pos + 1);
        fill_given = align_given = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(MpStr_READ(spec, pos))) {
        f->align = (char)MpStr_READ(spec, pos);
        align_given = 1;
        pos++;
    }
    if (pos < end) {
        uint32_t c = MpStr_READ(spec, pos);
        if (c == '+' || c == '-' || c == ' ') {
            f->sign = (char)c;
            pos++;
        }
    }
    if (pos < end && MpStr_READ(spec, pos) == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (pos < end && MpStr_READ(spec, pos) == '#') {
        f->alternate = 1;
        pos++;
    }
    /* The leading '0' of '010': zero fill, and for numbers '=' alignment
       (3.11: only when the type's default alignment is '>'). */
    if (!fill_given && pos < end && MpStr_READ(spec, pos) == '0') {
        f->fill = '0';
        if (!align_given && default_align == '>') {
            f->align = '=';
        }
        pos++;
    }
    n = get_integer(spec, &pos, end, &f->width);
    if (n < 0) {
        return -1;
    }
    if (n == 0) {
        f->width = -1;
    }
    if (pos < end && MpStr_READ(spec, pos) == ',') {
        f->thousands = ',';
        pos++;
    }
    if (pos < end && MpStr_READ(spec, pos) == '_') {
        if (f->thousands) {
            MpErr_SetString(MpExc_ValueError,
                            "Cannot specify both ',' and '_'.");
            return -1;
        }
        f->thousands = '_';
        pos++;
    }
    if (pos < end && MpStr_READ(spec, pos) == ',') {
        MpErr_SetString(MpExc_ValueError, "Cannot specify both ',' and '_'.");
        return -1;
    }
    if (pos < end && MpStr_READ(spec, pos) == '.') {
        pos++;
        n = get_integer(spec, &pos, end, &f->precision);
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            MpErr_SetString(MpExc_ValueError,
                            "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        MpErr_Format(MpExc_ValueError,
                     "Invalid format specifier '%s' for object of type "
                     "'%.200s'", MpStr_AsUTF8(spec), MpType_Name(Mp_TYPE(v)));
        return -1;
    }
    if (end - pos == 1) {
        f->type = MpStr_READ(spec, pos);
    }
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G':
        case '%': case 'F': case 0:
            break;  // PEP 378
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') {  // PEP 515: every four digits
                f->group = 4;
                break;
            }
            /* fall through */
        default:
            if (f->type > 32 && f->type < 128) {
                MpErr_Format(MpExc_ValueError, "Cannot specify '%c' with "
                             "'%c'.", f->thousands, (int)f->type);
            } else {
                MpErr_Format(MpExc_ValueError, "Cannot specify '%c' with "
                             "'\\x%x'.", f->thousands, (unsigned)f->type);
            }
            return -1;
        }
    }
    return 0;
}
/* }====== */

/* {====== Layout ====== */

/* Number of code points in UTF-8 text. */
static Mp_ssize_t
utf8_width(const char *s, size_t n)
{
    Mp_ssize_t w = 0;
    for (size_t i = 0; i < n; i++) {
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    }
    return w;
}

/* n copies of fill.  The room is reserved first, in one allocation as
   CPython does: a width near 2**63 is a MemoryError at once, not 2**63
   appends that each fail. */
static void
put_fill(MpStrBuf *b, uint32_t fill, Mp_ssize_t n)
{
    char u[4];
    size_t k = MpUtf8_Encode(fill, u);
    if (n <= 0) {
        return;
    }
    if ((size_t)n > (size_t)PTRDIFF_MAX / k ||
        MpStrBuf_Reserve(b, (size_t)n * k) < 0) {
        b->failed = 1;
        return;
    }
    char *p = b->data + b->len;
    if (k == 1) {
        memset(p, u[0], (size_t)n);
    }
    else {
        for (Mp_ssize_t i = 0; i < n; i++, p += k) {
            memcpy(p, u, k);
        }
    }
    b->len += (size_t)n * k;
    b->data[b->len] = '\0';
}

/* The digits with separators every `group`, zero-extended on the left
   until at least min_width characters (CPython's
   _PyUnicode_InsertThousandsGrouping with an endless group list).
   Returns a malloc'd string, or NULL on MemoryError. */
static char *
group_digits(const char *digits, Mp_ssize_t ndigits, Mp_ssize_t min_width,
             int group, char sep)
{
    Mp_ssize_t mw = min_width > 0 ? min_width : 0;
    if (mw > PTRDIFF_MAX / 4 || ndigits > PTRDIFF_MAX / 4) {
        return NULL;  // the size below would overflow: no such memory
    }
    Mp_ssize_t cap = ndigits + mw + (ndigits + mw) / group + 8;
    char *buf = malloc((size_t)cap + 1);
    if (buf == NULL) {
        return NULL;
    }
    char *p = buf + cap;
    *p = '\0';
    Mp_ssize_t remaining = ndigits;
    int use_sep = 0;
    mw = min_width;
    for (;;) {
        Mp_ssize_t l = remaining > mw ? remaining : mw;
        l = l > 1 ? l : 1;
        l = l < group ? l : group;
        Mp_ssize_t n_zeros = l - remaining > 0 ? l - remaining : 0;
        Mp_ssize_t n_chars = remaining < l ? remaining : l;
        n_chars = n_chars > 0 ? n_chars : 0;
        if (use_sep) {
            *--p = sep;
        }
        p -= n_chars;
        memcpy(p, digits + remaining - n_chars, (size_t)n_chars);
        p -= n_zeros;
        memset(p, '0', (size_t)n_zeros);
        remaining -= n_chars;
        mw -= l;
        if (remaining <= 0 && mw <= 0) {
            break;
        }
        mw -= 1;
        use_sep = 1;
    }
    memmove(buf, p, strlen(p) + 1);
    return buf;
}

/* Lays out sign + prefix + digits (grouped when f->thousands) + rest in
   the field f describes.  digits and rest are UTF-8 (ASCII but for 'c').
   Refs: NEW; NULL on MemoryError. */
static MpObject *
layout(const FormatSpec *f, char sign, const char *prefix,
       const char *digits, Mp_ssize_t ndigits, const char *rest)
{
    Mp_ssize_t nlead = (sign ? 1 : 0) + (Mp_ssize_t)strlen(prefix);
    Mp_ssize_t nrest = utf8_width(rest, strlen(rest));
    char *grouped = NULL;
    if (f->thousands && ndigits > 0) {
        Mp_ssize_t min_width = 0;
        if (f->fill == '0' && f->align == '=') {
            min_width = f->width - nlead - nrest;
        }
        grouped = group_digits(digits, ndigits, min_width, f->group,
                               f->thousands);
        if (grouped == NULL) {
            return MpErr_NoMemory();
        }
        digits = grouped;
        ndigits = (Mp_ssize_t)strlen(grouped);
    }
    Mp_ssize_t total = nlead + utf8_width(digits, (size_t)ndigits) + nrest;
    Mp_ssize_t pad = f->width > total ? f->width - total : 0;
    Mp_ssize_t left = 0, mid = 0, right = 0;
    switch (f->align) {
    case '<':
        right = pad;
        break;
    case '^':
        left = pad / 2;
        right = pad - left;
        break;
    case '=':
        mid = pad;
        break;
    default:
        left = pad;
        break;
    }
    MpStrBuf b = {0};
    put_fill(&b, f->fill, left);
    if (sign) {
        MpStrBuf_Putc(&b, sign);
    }
    MpStrBuf_Puts(&b, prefix);
    put_fill(&b, f->fill, mid);
    MpStrBuf_Append(&b, digits, (size_t)ndigits);
    MpStrBuf_Puts(&b, rest);
    put_fill(&b, f->fill, right);
    free(grouped);
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpStr_FromUTF8(b.data ? b.data : "", (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
}

static char
sign_char(const FormatSpec *f, int negative)
{
    if (negative) {
        return '-';
    }
    return f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
}

static int
check_spec_arg(MpObject *spec)
{
    if (!MpStr_Check(spec)) {
        MpErr_Format(MpExc_TypeError,
                     "__format__() argument must be str, not %B",
                     spec);
        return -1;
    }
    return 0;
}
/* }====== */

/* {====== float ====== */

/* The text of |x| for a float presentation type ('r' is repr), with
   precision prec; add_dot_0 appends ".0" to a result without a point or
   exponent.  *negative says whether a '-' belongs in front ('z' already
   applied: a value that rounded to zero loses it).  Returns a malloc'd
   string, or NULL on MemoryError. */
static char *
double_body(double x, const FormatSpec *f, uint32_t type, Mp_ssize_t prec,
            int add_dot_0, int *negative)
{
    int upper = type == 'E' || type == 'F' || type == 'G';
    double ax = fabs(x);
    char *body = NULL;
    MpStrBuf rb = {0};
    *negative = signbit(x) && !isnan(x);
    if (isnan(x) || isinf(x)) {
        const char *t = isnan(x) ? (upper ? "NAN" : "nan")
                                 : (upper ? "INF" : "inf");
        body = strdup(t);
    } else if (type == 'r') {
        MpRepr_Double(&rb, ax);
        if (!add_dot_0 && !rb.failed && rb.len >= 2 &&
            strcmp(rb.data + rb.len - 2, ".0") == 0) {
            rb.data[rb.len -= 2] = '\0';  // complex parts: "1", not "1.0"
        }
        body = rb.failed ? NULL : strdup(rb.data);
        MpStrBuf_Clear(&rb);
    } else {
        char cfmt[8];
        char *q = cfmt;
        int p = prec > 100000000 ? 100000000 : (int)prec;
        *q++ = '%';
        if (f->alternate) {
            *q++ = '#';
        }
        *q++ = '.';
        *q++ = '*';
        *q++ = (char)type;
        *q = '\0';
        if ((type == 'g' || type == 'G') && p == 0) {
            p = 1;
        }
        if (add_dot_0 && type == 'g') {
            /* No type and a precision: CPython goes to the exponent form
               one digit earlier than %g does (decimal exponent p - 1, not
               p), since the ".0" it adds would make one digit too many:
               format(1.5, '.1') is '2e+00'. */
            char e[64];
            snprintf(e, sizeof e, "%.*e", p - 1, ax);
            const char *ep = strchr(e, 'e');
            int x10 = ep != NULL ? atoi(ep + 1) : 0;
            if (ep != NULL && (x10 >= p - 1 || x10 < -4)) {
                cfmt[q - cfmt - 1] = 'e';
                p -= 1;
                type = f->alternate ? 'e' : 'x';  // 'x': strip zeros below
            }
        }
        int n = snprintf(NULL, 0, cfmt, p, ax);
        body = malloc((size_t)n + 3);
        if (body != NULL) {
            snprintf(body, (size_t)n + 1, cfmt, p, ax);
            char *ex = strchr(body, 'e');
            char *dot = strchr(body, '.');
            if (type == 'x' && ex != NULL && dot != NULL && dot < ex) {
                /* "2.50e+00" -> "2.5e+00" */
                char *m = ex;
                while (m > body && m[-1] == '0') {
                    m--;
                }
                if (m > body && m[-1] == '.') {
                    m--;
                }
                memmove(m, ex, strlen(ex) + 1);
            }
            if (add_dot_0 && strpbrk(body, ".eE") == NULL) {
                strcat(body, ".0");
            }
        }
    }
    if (body != NULL && *negative && f->no_neg_0) {
        /* 'z': a result that rounded to zero loses its sign (3.11). */
        int nonzero = 0;
        for (const char *c = body; *c && *c != 'e' && *c != 'E'; c++) {
            nonzero |= *c >= '1' && *c <= '9';
        }
        *negative = nonzero || isinf(x);
    }
    return body;
}

/* x in the field f (an int's float types come here too, x converted).
   Refs: NEW. */
static MpObject *
format_double(double x, const FormatSpec *fin)
{
    FormatSpec f = *fin;
    uint32_t type = f.type;
    int add_dot_0 = 0, pct = 0;
    Mp_ssize_t prec = f.precision, default_prec = 6;
    if (type == 0) {
        /* No type: repr(x) without a precision, else 'g' that keeps at
           least one digit after the point ('3.0', not '3'). */
        add_dot_0 = 1;
        type = 'r';
        default_prec = 0;
    }
    if (type == 'n') {
        type = 'g';
    }
    if (type == '%') {
        type = 'f';
        x *= 100;
        pct = 1;
    }
    if (prec < 0) {
        prec = default_prec;
    } else if (type == 'r') {
        type = 'g';
    }
    int negative;
    char *body = double_body(x, &f, type, prec, add_dot_0, &negative);
    if (body == NULL) {
        return MpErr_NoMemory();
    }
    Mp_ssize_t ndigits = (Mp_ssize_t)strspn(body, "0123456789");
    MpStrBuf rest = {0};
    MpStrBuf_Puts(&rest, body + ndigits);
    if (pct) {
        MpStrBuf_Putc(&rest, '%');
    }
    MpObject *r = rest.failed ? MpErr_NoMemory()
                              : layout(&f, sign_char(&f, negative), "", body,
                                       ndigits, rest.data ? rest.data : "");
    MpStrBuf_Clear(&rest);
    free(body);
    return r;
}

MpObject *
MpFormat_Float(MpObject *v, MpObject *spec)
{
    FormatSpec f;
    if (check_spec_arg(spec) < 0) {
        return NULL;
    }
    if (MpStr_GET_LENGTH(spec) == 0) {
        return MpObject_Str(v);
    }
    if (parse_spec(spec, v, '>', &f) < 0) {
        return NULL;
    }
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n': case '%':
        return format_double(MpFloat_AsDouble(v), &f);
    default:
        unknown_type(f.type, v);
        return NULL;
    }
}
/* }====== */

/* {====== complex ======
   Both parts are formatted as floats with the same type and precision;
   the imaginary part always carries a sign ('+' or '-') unless the real
   part is left out, and the whole is then padded as one field.  With no
   type the result reads like str(z): repr-style parts, "(re+imj)" in
   parentheses, or just "imj" when the real part is +0.0.  Zero padding
   and '=' alignment are refused, as in CPython. */

/* Appends sign, the digits of body (grouped when f says) and the rest of
   body to out.  Returns 0 or -1 (MemoryError). */
static int
put_part(MpStrBuf *out, const FormatSpec *f, char sign, const char *body)
{
    Mp_ssize_t ndigits = (Mp_ssize_t)strspn(body, "0123456789");
    if (sign) {
        MpStrBuf_Putc(out, sign);
    }
    if (f->thousands && ndigits > 0) {
        char *g = group_digits(body, ndigits, 0, f->group, f->thousands);
        if (g == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        MpStrBuf_Puts(out, g);
        free(g);
    } else {
        MpStrBuf_Append(out, body, (size_t)ndigits);
    }
    MpStrBuf_Puts(out, body + ndigits);
    return 0;
}

MpObject *
MpFormat_Complex(MpObject *v, double re, double im, MpObject *spec)
{
    FormatSpec f;
    if (check_spec_arg(spec) < 0) {
        return NULL;
    }
    if (MpStr_GET_LENGTH(spec) == 0) {
        return MpObject_Str(v);
    }
    if (parse_spec(spec, v, '>', &f) < 0) {
        return NULL;
    }
    if (f.fill == '0') {
        MpErr_SetString(MpExc_ValueError, "Zero padding is not allowed in "
                                          "complex format specifier");
        return NULL;
    }
    if (f.align == '=') {
        MpErr_SetString(MpExc_ValueError, "'=' alignment flag is not allowed "
                                          "in complex format specifier");
        return NULL;
    }
    uint32_t type = f.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n':
        break;
    default:
        unknown_type(type, v);
        return NULL;
    }
    Mp_ssize_t prec = f.precision, default_prec = 6;
    int skip_re = 0, parens = 0;
    if (type == 0) {
        type = 'r';
        default_prec = 0;
        if (re == 0.0 && !signbit(re)) {
            skip_re = 1;
        } else {
            parens = 1;
        }
    }
    if (type == 'n') {
        type = 'g';
    }
    if (prec < 0) {
        prec = default_prec;
    } else if (type == 'r') {
        type = 'g';
    }
    int re_neg = 0, im_neg;
    char *re_body = skip_re ? NULL
                            : double_body(re, &f, type, prec, 0, &re_neg);
    char *im_body = double_body(im, &f, type, prec, 0, &im_neg);
    MpStrBuf inner = {0};
    int r = (skip_re || re_body != NULL) && im_body != NULL ? 0 : -1;
    if (r < 0) {
        MpErr_NoMemory();
    }
    if (r == 0 && parens) {
        MpStrBuf_Putc(&inner, '(');
    }
    if (r == 0 && !skip_re) {
        r = put_part(&inner, &f, sign_char(&f, re_neg), re_body);
    }
    if (r == 0) {
        char im_sign = skip_re ? sign_char(&f, im_neg) : im_neg ? '-' : '+';
        r = put_part(&inner, &f, im_sign, im_body);
    }
    MpStrBuf_Putc(&inner, 'j');
    if (parens) {
        MpStrBuf_Putc(&inner, ')');
    }
    free(re_body);
    free(im_body);
    MpObject *result = NULL;
    if (r == 0 && inner.failed) {
        MpErr_NoMemory();
    } else if (r == 0) {
        FormatSpec whole = f;
        whole.thousands = 0;  // the parts are grouped already
        result = layout(&whole, 0, "", "", 0, inner.data);
    }
    MpStrBuf_Clear(&inner);
    return result;
}
/* }====== */

/* {====== int ====== */

MpObject *
MpFormat_Long(MpObject *v, MpObject *spec)
{
    FormatSpec f;
    if (check_spec_arg(spec) < 0) {
        return NULL;
    }
    if (MpStr_GET_LENGTH(spec) == 0) {
        return MpObject_Str(v);
    }
    if (parse_spec(spec, v, '>', &f) < 0) {
        return NULL;
    }
    int base = 10;
    const char *prefix = "";
    switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x = MpLong_AsDouble(v);
        if (x == -1.0 && MpErr_Occurred()) {
            return NULL;
        }
        return format_double(x, &f);
    }
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        prefix = "0X";
        break;
    case 0: case 'd': case 'n': case 'c':
        break;
    default:
        unknown_type(f.type, v);
        return NULL;
    }
    if (f.precision != -1) {
        MpErr_SetString(MpExc_ValueError,
                        "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f.no_neg_0) {
        MpErr_SetString(MpExc_ValueError,
                        "Negative zero coercion (z) not allowed in integer "
                        "format specifier");
        return NULL;
    }
    if (f.type == 'c') {
        if (f.sign) {
            MpErr_SetString(MpExc_ValueError, "Sign not allowed with "
                            "integer format specifier 'c'");
            return NULL;
        }
        if (f.alternate) {
            MpErr_SetString(MpExc_ValueError, "Alternate form (#) not "
                            "allowed with integer format specifier 'c'");
            return NULL;
        }
        int64_t cp = MpLong_AsInt64(v);
        if (cp == -1 && MpErr_Occurred()) {
            MpErr_Clear();  // CPython converts to a C long first
            MpErr_SetString(MpExc_OverflowError,
                            "Python int too large to convert to C long");
            return NULL;
        }
        if (cp < 0 || cp > 0x10FFFF) {
            MpErr_SetString(MpExc_OverflowError,
                            "%c arg not in range(0x110000)");
            return NULL;
        }
        char enc[5] = {0};
        MpUtf8_Encode((unsigned)cp, enc);
        FormatSpec fc = f;
        fc.thousands = 0;
        /* as digits with a length, so that chr(0) is one character */
        return layout(&fc, 0, "", enc, cp == 0 ? 1 : (Mp_ssize_t)strlen(enc),
                      "");
    }
    /* The digits of |v|: from GMP, so a big int never passes through a
       double. */
    mpz_t z;
    mpz_init(z);
    MpLong_AsMpz(v, z);
    int negative = mpz_sgn(z) < 0;
    mpz_abs(z, z);
    char *digits = mpz_get_str(NULL, base, z);
    mpz_clear(z);
    if (f.type == 'X') {
        for (char *c = digits; *c; c++) {
            if (*c >= 'a' && *c <= 'f') {
                *c = (char)(*c - 'a' + 'A');
            }
        }
    }
    if (base == 10 && (Mp_ssize_t)strlen(digits) > mp_int_max_str_digits &&
        mp_int_max_str_digits > 0) {
        free(digits);
        return MpErr_Format(MpExc_ValueError,
                            "Exceeds the limit (%zd digits) for integer "
                            "string conversion; use "
                            "sys.set_int_max_str_digits() to increase the "
                            "limit", mp_int_max_str_digits);
    }
    MpObject *r = layout(&f, sign_char(&f, negative),
                         f.alternate ? prefix : "", digits,
                         (Mp_ssize_t)strlen(digits), "");
    free(digits);  // GMP's default allocator is malloc
    return r;
}
/* }====== */

/* {====== str ====== */

MpObject *
MpFormat_Str(MpObject *v, MpObject *spec)
{
    FormatSpec f;
    if (check_spec_arg(spec) < 0) {
        return NULL;
    }
    if (MpStr_GET_LENGTH(spec) == 0) {
        return MpObject_Str(v);
    }
    if (parse_spec(spec, v, '<', &f) < 0) {
        return NULL;
    }
    if (f.type != 0 && f.type != 's') {
        unknown_type(f.type, v);
        return NULL;
    }
    if (f.sign) {
        MpErr_SetString(MpExc_ValueError,
                        f.sign == ' '
                            ? "Space not allowed in string format specifier"
                            : "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f.thousands) {
        MpErr_Format(MpExc_ValueError, "Cannot specify '%c' with 's'.",
                     f.thousands);
        return NULL;
    }
    if (f.no_neg_0) {
        MpErr_SetString(MpExc_ValueError, "Negative zero coercion (z) not "
                        "allowed in string format specifier");
        return NULL;
    }
    if (f.alternate) {
        MpErr_SetString(MpExc_ValueError, "Alternate form (#) not allowed "
                        "in string format specifier");
        return NULL;
    }
    if (f.align == '=') {
        MpErr_SetString(MpExc_ValueError, "'=' alignment not allowed in "
                        "string format specifier");
        return NULL;
    }
    Mp_ssize_t len;
    const char *s = MpStr_AsUTF8AndSize(v, &len);
    if (s == NULL) {
        return NULL;
    }
    /* The precision truncates to that many code points. */
    Mp_ssize_t nbytes = len;
    if (f.precision >= 0 && f.precision < MpStr_GET_LENGTH(v)) {
        Mp_ssize_t cps = 0;
        for (nbytes = 0; nbytes < len; nbytes++) {
            if (((unsigned char)s[nbytes] & 0xC0) != 0x80) {
                if (cps == f.precision) {
                    break;
                }
                cps++;
            }
        }
    }
    return layout(&f, 0, "", s, nbytes, "");
}
/* }====== */

/* {====== str.format ====== */

typedef struct {
    MpObject *const *args;   // NULL for format_map
    Mp_ssize_t nargs;
    MpObject *kwargs;        // a mapping, or NULL
    int auto_state;          // 0 unset, 1 automatic, 2 manual
    Mp_ssize_t auto_number;
} FormatArgs;

static int build_string(FormatArgs *a, const char *s, const char *end,
                        int depth, MpStrBuf *out);

/* -1 unless s[0:n] is all decimal digits (and not empty). */
static Mp_ssize_t
digits_value(const char *s, Mp_ssize_t n)
{
    Mp_ssize_t v = 0;
    if (n == 0) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        if (v > (PTRDIFF_MAX - 9) / 10) {
            MpErr_SetString(MpExc_ValueError,
                            "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* The object a field name names: args[i] or kwargs[name], then each
   .attr and [key].  Refs: NEW. */
static MpObject *
get_field_object(FormatArgs *a, const char *s, const char *end)
{
    const char *p = s;
    while (p < end && *p != '.' && *p != '[') {
        p++;
    }
    Mp_ssize_t index = digits_value(s, p - s);
    if (index == -2) {
        return NULL;
    }
    MpObject *obj;
    if (p == s) {
        if (a->auto_state == 2) {
            return MpErr_Format(MpExc_ValueError, "cannot switch from "
                                "manual field specification to automatic "
                                "field numbering");
        }
        a->auto_state = 1;
        index = a->auto_number++;
    } else if (index >= 0) {
        if (a->auto_state == 1) {
            return MpErr_Format(MpExc_ValueError, "cannot switch from "
                                "automatic field numbering to manual field "
                                "specification");
        }
        a->auto_state = 2;
    }
    if (index < 0) {
        MpObject *key = MpStr_FromUTF8(s, p - s);
        if (key == NULL) {
            return NULL;
        }
        if (a->kwargs == NULL) {
            MpErr_SetObject(MpExc_KeyError, key);
            Mp_DECREF(key);
            return NULL;
        }
        obj = MpObject_GetItem(a->kwargs, key);
        Mp_DECREF(key);
    } else {
        if (a->args == NULL) {
            return MpErr_Format(MpExc_ValueError,
                                "Format string contains positional fields");
        }
        if (index >= a->nargs) {
            return MpErr_Format(MpExc_IndexError, "Replacement index %zd "
                                "out of range for positional args tuple",
                                index);
        }
        obj = Mp_NewRef(a->args[index]);
    }
    while (obj != NULL && p < end) {
        int is_attr = *p++ == '.';
        const char *q = p;
        if (is_attr) {
            while (q < end && *q != '.' && *q != '[') {
                q++;
            }
        } else {
            while (q < end && *q != ']') {
                q++;
            }
            if (q == end) {
                Mp_DECREF(obj);
                return MpErr_Format(MpExc_ValueError,
                                    "Missing ']' in format string");
            }
        }
        if (q == p) {
            Mp_DECREF(obj);
            return MpErr_Format(MpExc_ValueError,
                                "Empty attribute in format string");
        }
        MpObject *next;
        Mp_ssize_t i = is_attr ? -1 : digits_value(p, q - p);
        if (i == -2) {
            Mp_DECREF(obj);
            return NULL;
        }
        MpObject *key = i >= 0 ? MpLong_FromSsize_t(i)
                               : MpStr_FromUTF8(p, q - p);
        if (key == NULL) {
            Mp_DECREF(obj);
            return NULL;
        }
        next = is_attr ? MpObject_GetAttr(obj, key)
                       : MpObject_GetItem(obj, key);
        Mp_DECREF(key);
        Mp_DECREF(obj);
        obj = next;
        p = is_attr ? q : q + 1;
        if (!is_attr && p < end && *p != '.' && *p != '[') {
            Mp_XDECREF(obj);
            return MpErr_Format(MpExc_ValueError, "Only '.' or '[' may "
                                "follow ']' in format field specifier");
        }
    }
    return obj;
}

/* One replacement field: name [!conv] [:spec], spec already cut out.
   Appends the formatted text to out.  Returns 0 or -1. */
static int
render_field(FormatArgs *a, const char *name, const char *name_end,
             char conv, const char *spec, const char *spec_end,
             int expand, int depth, MpStrBuf *out)
{
    MpObject *obj = get_field_object(a, name, name_end);
    if (obj == NULL) {
        return -1;
    }
    if (conv) {
        MpObject *c;
        switch (conv) {
        case 'r':
            c = MpObject_Repr(obj);
            break;
        case 's':
            c = MpObject_Str(obj);
            break;
        case 'a':
            c = MpObject_ASCII(obj);
            break;
        default:
            if (conv > 32 && conv < 127) {
                MpErr_Format(MpExc_ValueError,
                             "Unknown conversion specifier %c", conv);
            } else {
                MpErr_Format(MpExc_ValueError,
                             "Unknown conversion specifier \\x%x",
                             (unsigned)(unsigned char)conv);
            }
            c = NULL;
        }
        Mp_DECREF(obj);
        if (c == NULL) {
            return -1;
        }
        obj = c;
    }
    MpObject *specobj;
    if (expand) {
        MpStrBuf sb = {0};
        if (build_string(a, spec, spec_end, depth - 1, &sb) < 0) {
            MpStrBuf_Clear(&sb);
            Mp_DECREF(obj);
            return -1;
        }
        specobj = MpStr_FromUTF8(sb.data ? sb.data : "", (Mp_ssize_t)sb.len);
        MpStrBuf_Clear(&sb);
    } else {
        specobj = MpStr_FromUTF8(spec, spec_end - spec);
    }
    if (specobj == NULL) {
        Mp_DECREF(obj);
        return -1;
    }
    MpObject *r = MpObject_Format(obj, specobj);
    Mp_DECREF(specobj);
    Mp_DECREF(obj);
    if (r == NULL) {
        return -1;
    }
    Mp_ssize_t n;
    const char *t = MpStr_AsUTF8AndSize(r, &n);
    if (t != NULL) {
        MpStrBuf_Append(out, t, (size_t)n);
    }
    Mp_DECREF(r);
    return t == NULL ? -1 : 0;
}

/* CPython's MarkupIterator_next + parse_field, over UTF-8 (every
   character that matters is ASCII).  Returns 0 or -1. */
static int
build_string(FormatArgs *a, const char *s, const char *end, int depth,
             MpStrBuf *out)
{
    if (depth <= 0) {
        MpErr_SetString(MpExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    while (s < end) {
        /* Literal text up to '{' or '}'. */
        const char *lit = s;
        char c = 0;
        while (s < end) {
            c = *s++;
            if (c == '{' || c == '}') {
                break;
            }
            c = 0;
        }
        int at_end = s >= end;
        if (c == '}' && (at_end || *s != '}')) {
            MpErr_SetString(MpExc_ValueError,
                            "Single '}' encountered in format string");
            return -1;
        }
        if (c == '{' && at_end) {
            MpErr_SetString(MpExc_ValueError,
                            "Single '{' encountered in format string");
            return -1;
        }
        if (c == 0) {
            MpStrBuf_Append(out, lit, (size_t)(s - lit));
            break;
        }
        if (*s == c) {  // '{{' or '}}': one brace of literal text
            MpStrBuf_Append(out, lit, (size_t)(s - lit));
            s++;
            continue;
        }
        MpStrBuf_Append(out, lit, (size_t)(s - 1 - lit));

        /* The field name ends at '}', ':' or '!' ('[...]' skipped). */
        const char *name = s;
        c = 0;
        while (s < end) {
            c = *s++;
            if (c == '{') {
                MpErr_SetString(MpExc_ValueError,
                                "unexpected '{' in field name");
                return -1;
            }
            if (c == '[') {
                while (s < end && *s != ']') {
                    s++;
                }
                c = 0;
                continue;
            }
            if (c == '}' || c == ':' || c == '!') {
                break;
            }
            c = 0;
        }
        const char *name_end = c ? s - 1 : s;
        char conv = 0;
        const char *spec = s, *spec_end = s;
        int expand = 0;
        if (c == '!' || c == ':') {
            int done = 0;
            if (c == '!') {
                if (s >= end) {
                    MpErr_SetString(MpExc_ValueError, "end of string while "
                                    "looking for conversion specifier");
                    return -1;
                }
                conv = *s++;
                if (s < end) {
                    char d = *s++;
                    if (d == '}') {
                        done = 1;
                        spec = spec_end = s;
                    } else if (d != ':') {
                        MpErr_SetString(MpExc_ValueError, "expected ':' "
                                        "after conversion specifier");
                        return -1;
                    }
                }
            }
            if (!done) {
                int count = 1;
                spec = s;
                while (s < end) {
                    char d = *s++;
                    if (d == '{') {
                        expand = 1;
                        count++;
                    } else if (d == '}' && --count == 0) {
                        spec_end = s - 1;
                        done = 1;
                        break;
                    }
                }
                if (!done) {
                    MpErr_SetString(MpExc_ValueError,
                                    "unmatched '{' in format spec");
                    return -1;
                }
            }
        } else if (c != '}') {
            MpErr_SetString(MpExc_ValueError,
                            "expected '}' before end of string");
            return -1;
        }
        if (render_field(a, name, name_end, conv, spec, spec_end, expand,
                         depth, out) < 0) {
            return -1;
        }
    }
    return 0;
}

MpObject *
MpFormat_StrFormat(MpObject *fmt, MpObject *const *args, Mp_ssize_t nargs,
                   MpObject *kwargs)
{
    Mp_ssize_t len;
    const char *s = MpStr_AsUTF8AndSize(fmt, &len);
    if (s == NULL) {
        return NULL;
    }
    FormatArgs a = {args, nargs, kwargs, 0, 0};
    MpStrBuf out = {0};
    if (build_string(&a, s, s + len, 2, &out) < 0) {  // CPython: depth 2
        MpStrBuf_Clear(&out);
        return NULL;
    }
    if (out.failed) {
        MpStrBuf_Clear(&out);
        return MpErr_NoMemory();
    }
    MpObject *r = MpStr_FromUTF8(out.data ? out.data : "",
                                 (Mp_ssize_t)out.len);
    MpStrBuf_Clear(&out);
    return r;
}
/* }====== */
