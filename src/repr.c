/* repr.c — repr() of str, bytes, float and complex values (see repr.h).

   str and bytes: the quote is ' unless the text contains ' and no ", in
   which case it is "; the chosen quote and the backslash are escaped, as
   are \t \n \r; other control characters become \xhh, and non-ASCII
   characters that are not printable (unicodedb.h) become \xhh, \uhhhh or
   \Uhhhhhhhh by size.

   float: the shortest of the %.{1..17}e renderings that strtod reads back
   exactly is the digit string; its decimal exponent then decides between
   fixed and exponent notation as CPython's float_repr does (exponent form
   when the decimal point would sit more than 16 places right of the first
   digit or 4 or more places left of it).

   CPython counterparts: Objects/unicodeobject.c (unicode_repr),
   Objects/bytesobject.c (PyBytes_Repr), Python/pystrtod.c
   (format_float_short).  Read first: MpRepr_Double */
#include "repr.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicodedb.h"

/* {====== str and bytes ====== */

/* Decodes one code point of minipy's internal UTF-8 (which admits encoded
   surrogates); returns the number of bytes used (at least 1). */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    if (c < 0x80 || n < 2) {
        *cp = c;
        return 1;
    }
    if ((c & 0xE0) == 0xC0) {
        *cp = ((c & 0x1F) << 6) | (s[1] & 0x3F);
        return 2;
    }
    if ((c & 0xF0) == 0xE0 && n >= 3) {
        *cp = ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
        return 3;
    }
    if (n >= 4) {
        *cp = ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
              ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
        return 4;
    }
    *cp = c;
    return 1;
}

static char
choose_quote(const char *s, size_t len)
{
    int single = memchr(s, '\'', len) != NULL;
    int dbl = memchr(s, '"', len) != NULL;
    return (single && !dbl) ? '"' : '\'';
}

/* The escapes str and bytes share; returns 1 when c was written. */
static int
put_common_escape(MpStrBuf *out, unsigned c, char quote)
{
    switch (c) {
    case '\\':
        MpStrBuf_Puts(out, "\\\\");
        return 1;
    case '\t':
        MpStrBuf_Puts(out, "\\t");
        return 1;
    case '\n':
        MpStrBuf_Puts(out, "\\n");
        return 1;
    case '\r':
        MpStrBuf_Puts(out, "\\r");
        return 1;
    }
    if (c == (unsigned char)quote) {
        MpStrBuf_Putc(out, '\\');
        MpStrBuf_Putc(out, quote);
        return 1;
    }
    if (c < 0x20 || c == 0x7F) {
        MpStrBuf_Printf(out, "\\x%02x", c);
        return 1;
    }
    return 0;
}

int
MpRepr_Str(MpStrBuf *out, const char *s, size_t len)
{
    char quote = choose_quote(s, len);
    const unsigned char *p = (const unsigned char *)s;
    MpStrBuf_Putc(out, quote);
    size_t i = 0;
    while (i < len) {
        unsigned cp;
        size_t n = utf8_next(p + i, len - i, &cp);
        if (put_common_escape(out, cp, quote)) {
            /* done */
        }
        else if (cp < 0x80 || MpUnicode_IsPrintable(cp)) {
            MpStrBuf_Append(out, s + i, n);
        }
        else if (cp < 0x100) {
            MpStrBuf_Printf(out, "\\x%02x", cp);
        }
        else if (cp < 0x10000) {
            MpStrBuf_Printf(out, "\\u%04x", cp);
        }
        else {
            MpStrBuf_Printf(out, "\\U%08x", cp);
        }
        i += n;
    }
    MpStrBuf_Putc(out, quote);
    return out->failed ? -1 : 0;
}

int
MpRepr_Bytes(MpStrBuf *out, const char *s, size_t len)
{
    char quote = choose_quote(s, len);
    MpStrBuf_Putc(out, 'b');
    MpStrBuf_Putc(out, quote);
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        if (put_common_escape(out, c, quote)) {
            continue;
        }
        if (c >= 0x80) {
            MpStrBuf_Printf(out, "\\x%02x", c);
        }
        else {
            MpStrBuf_Putc(out, (char)c);
        }
    }
    MpStrBuf_Putc(out, quote);
    return out->failed ? -1 : 0;
}
/* }====== */

/* {====== float ====== */

/* Adds one unit in the last digit of the mantissa of tmp, a "%.*e"
   string d.ddde[+-]XX (carrying; 9.99e5 becomes 1.00e6).  Returns 1, or 0
   when tmp has no such form. */
static int
bump_last_digit(char *tmp)
{
    char *e = strchr(tmp, 'e');
    if (e == NULL) {
        return 0;
    }
    char *q = e - 1;
    for (; q >= tmp; q--) {
        if (*q == '.') {
            continue;
        }
        if (*q < '9') {
            (*q)++;
            return 1;
        }
        *q = '0';
    }
    /* all nines: 10.00...: rewrite as 1.00... with exponent + 1 */
    char mant[24], *m = mant;  // "1." and at most 17 digits
    *m++ = '1';
    for (q = tmp + 1; q < e && m < mant + sizeof mant - 1; q++) {
        *m++ = *q;
    }
    *m = '\0';
    int exp10 = atoi(e + 1) + 1;
    snprintf(tmp, 40, "%se%+03d", mant, exp10);
    return 1;
}

/* The shortest decimal digits of finite x > 0 that round-trip, and the
   decimal exponent: x == 0.d1d2d3... * 10**decpt.  Returns the digit
   count. */
static int
shortest_digits(double x, char digits[20], int *decpt)
{
    char tmp[40];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec, x);
        if (strtod(tmp, NULL) == x || prec == 16) {
            break;
        }
        /* At a power of two the doubles below are twice as dense as those
           above, so the nearest prec-digit decimal may fall just outside
           x's rounding interval on the narrow lower side while the next
           one up lies inside the wide upper side (2**-24 is
           5.960464477539063e-08: ...062 reads back as another double). */
        if (bump_last_digit(tmp) && strtod(tmp, NULL) == x) {
            break;
        }
    }
    /* tmp is d.ddddde[+-]XX */
    int n = 0;
    const char *q = tmp;
    for (; *q != 'e'; q++) {
        if (*q != '.') {
            digits[n++] = *q;
        }
    }
    int exp10 = atoi(q + 1);
    while (n > 1 && digits[n - 1] == '0') {
        n--;
    }
    digits[n] = '\0';
    *decpt = exp10 + 1;
    return n;
}

/* add_dot_0: write "1.0" rather than "1" (float repr does, complex not). */
static int
format_double(MpStrBuf *out, double x, int add_dot_0)
{
    if (isnan(x)) {
        return MpStrBuf_Puts(out, "nan");
    }
    if (signbit(x)) {
        MpStrBuf_Putc(out, '-');
        x = -x;
    }
    if (isinf(x)) {
        return MpStrBuf_Puts(out, "inf");
    }
    if (x == 0.0) {
        return MpStrBuf_Puts(out, add_dot_0 ? "0.0" : "0");
    }
    char d[20];
    int decpt;
    int n = shortest_digits(x, d, &decpt);
    if (decpt <= -4 || decpt > 16) {
        /* Exponent notation: d[.ddd]e+XX, at least two exponent digits. */
        MpStrBuf_Putc(out, d[0]);
        if (n > 1) {
            MpStrBuf_Putc(out, '.');
            MpStrBuf_Append(out, d + 1, (size_t)(n - 1));
        }
        int e = decpt - 1;
        MpStrBuf_Printf(out, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    else if (decpt <= 0) {
        MpStrBuf_Puts(out, "0.");
        for (int i = 0; i < -decpt; i++) {
            MpStrBuf_Putc(out, '0');
        }
        MpStrBuf_Append(out, d, (size_t)n);
    }
    else if (decpt >= n) {
        MpStrBuf_Append(out, d, (size_t)n);
        for (int i = n; i < decpt; i++) {
            MpStrBuf_Putc(out, '0');
        }
        if (add_dot_0) {
            MpStrBuf_Puts(out, ".0");
        }
    }
    else {
        MpStrBuf_Append(out, d, (size_t)decpt);
        MpStrBuf_Putc(out, '.');
        MpStrBuf_Append(out, d + decpt, (size_t)(n - decpt));
    }
    return out->failed ? -1 : 0;
}

int
MpRepr_Double(MpStrBuf *out, double x)
{
    return format_double(out, x, 1);
}

int
MpRepr_Imag(MpStrBuf *out, double imag)
{
    format_double(out, imag, 0);
    return MpStrBuf_Putc(out, 'j');
}
/* }====== */
