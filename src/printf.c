/* printf.c — printf-style formatting: `fmt % args` for str, bytes and
   bytearray.

   The walk.  MpPrintf_Format copies the text between conversions to the
   sink and parses each conversion as CPython does, left to right:

       %  (key)  flags  width  .prec  length  type
          │      -+ #0  12|*   .3|.*  h l L   d i u o x X e E f F g G
          │                                   and the flavour's own:
          │                                   s r a c (str), s b r a c
          │                                   (bytes)
          └─ only when args is a mapping: the value mapping[key] (a str
             key for str, a bytes key for bytes) becomes the argument

   "%%" right after the '%' is a literal percent; anywhere else ('%5%')
   '%' is an unsupported type that has taken an argument.  Arguments come
   from a cursor over args: the items of a tuple in turn, or the single
   non-tuple object once.  A '*' width or precision takes the next
   argument too.  %(key) points the cursor at the looked-up value, so
   '%(a)*s' uses that value as the width and then runs out.  At the end,
   arguments left over are an error unless args is a mapping:

       argidx < arglen  and  no mapping  ->  "not all arguments converted"

   The cursor starts at argidx -2, arglen -1 for a single object, so
   that one step takes it (-1) and a second finds nothing.

   The numbers.  Both flavours format numbers here, as ASCII handed to
   the sink: an int's digits (from GMP past 64 bits) or a float's text
   (C's snprintf, correctly rounded in glibc) split into sign, prefix
   and body and laid out as

       [spaces] sign prefix [zeros] [precision zeros] digits [spaces]

   spaces in front unless '-' moves them behind; '0' turns the front
   padding into zeros after the sign and prefix ('%+06.1f' % -0.0 is
   '-000.0', '%05f' % inf is '00inf').

   What differs between the flavours is written down where it happens:
   the leftover message names "string" or "bytes", bytes says "prec too
   big" and "float argument required", names '%i' '%d' in its int
   message, and reports an unsupported non-ASCII type character with an
   OverflowError (its message formats the character as a negative C
   char).  The str sink lives in str.c beside the code point writer; the
   bytes sink, an MpStrBuf, is at the end of this file.

   CPython counterpart: PyUnicode_Format and its helpers in
   Objects/unicodeobject.c, _PyBytes_FormatEx in Objects/bytesobject.c.

   Read first: MpPrintf_Format, then put_number. */
#include "printf.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "strbuf.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define MP_SSIZE_MAX PTRDIFF_MAX

/* {====== The walk over the format ====== */

typedef struct {
    MpPrintfSink *sink;
    int kind;              // of fmt: 1, 2 or 4 bytes a character
    const void *fmt;
    Mp_ssize_t len;
    MpObject *args;        // the cursor's source: the operand or `value`
    MpObject *value;       // the value of the last %(key), owned, or NULL
    MpObject *dict;        // the operand when it is a mapping, else NULL
    Mp_ssize_t arglen;     // items of a tuple operand; -1: one object
    Mp_ssize_t argidx;     // the next item; -2: the one object not taken
} Walk;

static inline uint32_t
at(const Walk *w, Mp_ssize_t i)
{
    switch (w->kind) {
    case 1:
        return ((const uint8_t *)w->fmt)[i];
    case 2:
        return ((const uint16_t *)w->fmt)[i];
    default:
        return ((const uint32_t *)w->fmt)[i];
    }
}

/* CPython's test: any mapping but a tuple or a str (for bytes, nor a
   bytes or bytearray, which have __getitem__ too). */
static int
is_mapping(MpObject *args, int is_bytes)
{
    MpMappingMethods *mp = Mp_TYPE(args)->tp_as_mapping;
    if (mp == NULL || mp->mp_subscript == NULL || MpTuple_Check(args) ||
        MpStr_Check(args)) {
        return 0;
    }
    return !is_bytes || (!MpBytes_Check(args) && !MpByteArray_Check(args));
}

/* Refs: BORROWED (from the tuple, the operand or w->value). */
static MpObject *
next_arg(Walk *w)
{
    if (w->argidx < w->arglen) {
        w->argidx++;
        return w->arglen < 0 ? w->args
                             : MpTuple_GET_ITEM(w->args, w->argidx - 1);
    }
    MpErr_SetString(MpExc_TypeError,
                    "not enough arguments for format string");
    return NULL;
}

/* The int argument of a '*': a Py_ssize_t width, or a C int precision
   (negative means 0).  Returns 0 or -1. */
static int
star_arg(Walk *w, int is_prec, Mp_ssize_t *out)
{
    MpObject *v = next_arg(w);
    if (v == NULL) {
        return -1;
    }
    if (!MpLong_Check(v)) {
        MpErr_SetString(MpExc_TypeError, "* wants int");
        return -1;
    }
    Mp_ssize_t x = MpLong_AsSsize_t(v);
    if (is_prec && ((x == -1 && MpErr_Occurred()) || x > INT_MAX ||
                    x < INT_MIN)) {
        MpErr_Clear();
        MpErr_SetString(MpExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    if (x == -1 && MpErr_Occurred()) {
        return -1;
    }
    *out = is_prec && x < 0 ? 0 : x;
    return 0;
}

/* Decimal digits at *pos into *out, at most limit ("width too big").
   Returns 0 or -1. */
static int
get_digits(Walk *w, Mp_ssize_t *pos, Mp_ssize_t limit, const char *msg,
           Mp_ssize_t *out)
{
    Mp_ssize_t v = 0;
    for (; *pos < w->len; (*pos)++) {
        uint32_t c = at(w, *pos);
        if (c < '0' || c > '9') {
            break;
        }
        if (v > (limit - (Mp_ssize_t)(c - '0')) / 10) {
            MpErr_SetString(MpExc_ValueError, msg);
            return -1;
        }
        v = v * 10 + (Mp_ssize_t)(c - '0');
    }
    *out = v;
    return 0;
}

/* %(key): looks the key fmt[start:end] up in the mapping and points the
   cursor at the value.  Returns 0 or -1 (KeyError ...). */
static int
take_key(Walk *w, Mp_ssize_t start, Mp_ssize_t end)
{
    MpObject *key;
    if (w->sink->is_bytes) {
        key = MpBytes_FromStringAndSize((const char *)w->fmt + start,
                                        end - start);
    }
    else {
        key = MpStr_FromKindAndData(
            w->kind, (const char *)w->fmt + start * w->kind, end - start);
    }
    if (key == NULL) {
        return -1;
    }
    MpObject *v = MpObject_GetItem(w->dict, key);
    Mp_DECREF(key);
    if (v == NULL) {
        return -1;
    }
    Mp_SETREF(&w->value, v);
    w->args = v;
    w->arglen = -1;
    w->argidx = -2;
    return 0;
}

static void
unsupported(uint32_t c, Mp_ssize_t pos, int is_bytes)
{
    if (is_bytes && c >= 128) {
        /* CPython hands the byte to "%c" as a negative char. */
        MpErr_SetString(MpExc_OverflowError,
                        "character argument not in range(0x110000)");
        return;
    }
    int shown = is_bytes || (c >= 31 && c <= 126) ? (int)c : '?';
    MpErr_Format(MpExc_ValueError,
                 "unsupported format character '%c' (0x%x) at index %zd",
                 shown, (unsigned)c, pos);
}

static int format_int(Walk *w, MpObject *v, const MpPrintfSpec *spec);
static int format_float(Walk *w, MpObject *v, const MpPrintfSpec *spec);

/* The parse of one conversion, from just after its '%' at *pos, and its
   output.  Returns 0 or -1. */
static int
conversion(Walk *w, Mp_ssize_t *pos)
{
    Mp_ssize_t i = *pos, len = w->len;
    if (i < len && at(w, i) == '(') {
        if (w->dict == NULL) {
            MpErr_SetString(MpExc_TypeError, "format requires a mapping");
            return -1;
        }
        Mp_ssize_t kstart = ++i;
        int depth = 1;
        for (; i < len && depth > 0; i++) {
            uint32_t c = at(w, i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        if (depth > 0) {
            MpErr_SetString(MpExc_ValueError, "incomplete format key");
            return -1;
        }
        if (take_key(w, kstart, i - 1) < 0) {
            return -1;
        }
    }
    MpPrintfSpec spec = {0, -1, -1, 0};
    for (; i < len; i++) {
        uint32_t c = at(w, i);
        int f = c == '-'   ? MP_PF_LJUST
                : c == '+' ? MP_PF_SIGN
                : c == ' ' ? MP_PF_BLANK
                : c == '#' ? MP_PF_ALT
                : c == '0' ? MP_PF_ZERO
                           : 0;
        if (f == 0) {
            break;
        }
        spec.flags |= f;
    }
    if (i < len && at(w, i) == '*') {
        i++;
        if (star_arg(w, 0, &spec.width) < 0) {
            return -1;
        }
        if (spec.width < 0) {
            spec.flags |= MP_PF_LJUST;
            /* -PY_SSIZE_T_MIN wraps to itself in CPython: no padding */
            spec.width = spec.width == PTRDIFF_MIN ? -1 : -spec.width;
        }
    }
    else if (i < len && at(w, i) >= '0' && at(w, i) <= '9' &&
             get_digits(w, &i, MP_SSIZE_MAX, "width too big",
                        &spec.width) < 0) {
        return -1;
    }
    if (i < len && at(w, i) == '.') {
        i++;
        spec.prec = 0;
        if (i < len && at(w, i) == '*') {
            i++;
            if (star_arg(w, 1, &spec.prec) < 0) {
                return -1;
            }
        }
        else if (get_digits(w, &i, INT_MAX,
                            w->sink->is_bytes ? "prec too big"
                                              : "precision too big",
                            &spec.prec) < 0) {
            return -1;
        }
    }
    /* One length modifier, as in C's "%ld", is skipped. */
    if (i < len && (at(w, i) == 'h' || at(w, i) == 'l' || at(w, i) == 'L')) {
        i++;
    }
    if (i >= len) {
        MpErr_SetString(MpExc_ValueError, "incomplete format");
        return -1;
    }
    spec.type = at(w, i);
    Mp_ssize_t type_at = i++;
    *pos = i;
    MpObject *v = next_arg(w);
    if (v == NULL) {
        return -1;
    }
    switch (spec.type) {
    case 'd':
    case 'i':
    case 'u':
    case 'o':
    case 'x':
    case 'X':
        return format_int(w, v, &spec);
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
        return format_float(w, v, &spec);
    default: {
        int r = w->sink->convert(w->sink, v, &spec);
        if (r == 1) {
            unsupported(spec.type, type_at, w->sink->is_bytes);
            return -1;
        }
        return r;
    }
    }
}

int
MpPrintf_Format(MpPrintfSink *sink, int kind, const void *fmt,
                Mp_ssize_t len, MpObject *args)
{
    Walk w = {sink, kind, fmt, len, args, NULL, NULL, -1, -2};
    if (MpTuple_Check(args)) {
        w.arglen = MpTuple_GET_SIZE(args);
        w.argidx = 0;
    }
    if (is_mapping(args, sink->is_bytes)) {
        w.dict = args;
    }
    Mp_ssize_t i = 0;
    while (i < len) {
        Mp_ssize_t j = i;
        while (j < len && at(&w, j) != '%') {
            j++;
        }
        if (j > i && sink->put_literal(sink, i, j) < 0) {
            goto error;
        }
        if (j == len) {
            break;
        }
        i = j + 1;
        if (i < len && at(&w, i) == '%') {  // "%%"
            if (sink->put_literal(sink, i, i + 1) < 0) {
                goto error;
            }
            i++;
            continue;
        }
        if (conversion(&w, &i) < 0) {
            goto error;
        }
    }
    if (w.argidx < w.arglen && w.dict == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "not all arguments converted during %s formatting",
                     sink->is_bytes ? "bytes" : "string");
        goto error;
    }
    Mp_XDECREF(w.value);
    return 0;
error:
    Mp_XDECREF(w.value);
    return -1;
}
/* }====== */

/* {====== Numbers ====== */

/* sign, prefix, `zeros` zeros and body[0:nbody], padded to the width as
   the flags say, to the sink.  Returns 0 or -1. */
static int
put_number(Walk *w, const char *sign, const char *prefix, size_t zeros,
           const char *body, size_t nbody, int flags, Mp_ssize_t width)
{
    size_t ns = strlen(sign), np = strlen(prefix);
    size_t n = ns + np + zeros + nbody;
    size_t pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    int zero_pad = (flags & MP_PF_ZERO) && !(flags & MP_PF_LJUST);
    MpStrBuf b = {0};
    if (!(flags & MP_PF_LJUST) && !zero_pad) {
        MpStrBuf_Fill(&b, ' ', pad);
    }
    MpStrBuf_Append(&b, sign, ns);
    MpStrBuf_Append(&b, prefix, np);
    MpStrBuf_Fill(&b, '0', zeros + (zero_pad ? pad : 0));
    MpStrBuf_Append(&b, body, nbody);
    if (flags & MP_PF_LJUST) {
        MpStrBuf_Fill(&b, ' ', pad);
    }
    int r;
    if (b.failed) {
        MpErr_NoMemory();
        r = -1;
    }
    else {
        r = w->sink->put_ascii(w->sink, b.data, (Mp_ssize_t)b.len);
    }
    MpStrBuf_Clear(&b);
    return r;
}

/* PyNumber_Check: what int() or float() might take. */
static int
is_number(MpObject *v)
{
    MpNumberMethods *nb = Mp_TYPE(v)->tp_as_number;
    return (nb != NULL && (nb->nb_index != NULL || nb->nb_int != NULL ||
                           nb->nb_float != NULL)) ||
           MpComplex_Check(v);
}

/* %d %i %u (int(v): a float truncates) and %o %x %X (v.__index__()). */
static int
format_int(Walk *w, MpObject *v, const MpPrintfSpec *spec)
{
    uint32_t t = spec->type;
    int integral = t == 'o' || t == 'x' || t == 'X';
    MpObject *num = NULL;
    if (MpLong_Check(v)) {
        num = Mp_NewRef(v);
    }
    else if (is_number(v)) {
        num = integral ? MpNumber_Index(v) : MpNumber_Long(v);
        if (num == NULL) {
            if (!MpErr_ExceptionMatches(MpExc_TypeError)) {
                return -1;
            }
            MpErr_Clear();
        }
    }
    if (num == NULL) {
        /* bytes names %i as %d here, str as it was written */
        int shown = t == 'i' && w->sink->is_bytes ? 'd' : (int)t;
        MpErr_Format(MpExc_TypeError, "%%%c format: %s is required, not %s",
                     shown, integral ? "an integer" : "a real number",
                     MpType_Name(Mp_TYPE(v)));
        return -1;
    }
    if (spec->prec > INT_MAX - 3) {
        /* CPython's limit: the digits, a sign and a "0x" must fit a C int
           length. */
        Mp_DECREF(num);
        MpErr_SetString(MpExc_OverflowError, "precision too large");
        return -1;
    }
    int base = t == 'o' ? 8 : t == 'd' || t == 'i' || t == 'u' ? 10 : 16;
    char small[32];  // 22 octal digits for 2**64, and a NUL
    char *digits = small, *big = NULL;
    int neg;
    int64_t sv;
    if (MpLong_AsSmall(num, &sv)) {
        neg = sv < 0;
        uint64_t mag = neg ? (uint64_t)(-(sv + 1)) + 1 : (uint64_t)sv;
        snprintf(small, sizeof small,
                 base == 8 ? "%llo" : base == 10 ? "%llu" : "%llx",
                 (unsigned long long)mag);
    }
    else {
        mpz_t z;
        mpz_init(z);
        MpLong_AsMpz(num, z);
        neg = mpz_sgn(z) < 0;
        mpz_abs(z, z);
        big = mpz_get_str(NULL, base, z);
        mpz_clear(z);
        digits = big;
    }
    Mp_DECREF(num);
    size_t nd = strlen(digits);
    if (base == 10 && mp_int_max_str_digits > 0 &&
        nd > (size_t)mp_int_max_str_digits) {
        free(big);
        MpErr_Format(MpExc_ValueError,
                     "Exceeds the limit (%zd digits) for integer string "
                     "conversion; use sys.set_int_max_str_digits() to "
                     "increase the limit", mp_int_max_str_digits);
        return -1;
    }
    if (t == 'X') {
        for (char *p = digits; *p; p++) {
            if (*p >= 'a' && *p <= 'f') {
                *p -= 'a' - 'A';
            }
        }
    }
    const char *sign = neg                              ? "-"
                       : (spec->flags & MP_PF_SIGN)  ? "+"
                       : (spec->flags & MP_PF_BLANK) ? " "
                                                     : "";
    const char *prefix = "";
    if (spec->flags & MP_PF_ALT) {
        prefix = t == 'x' ? "0x" : t == 'X' ? "0X" : t == 'o' ? "0o" : "";
    }
    size_t zeros = spec->prec > 0 && (size_t)spec->prec > nd
                       ? (size_t)spec->prec - nd
                       : 0;
    int r = put_number(w, sign, prefix, zeros, digits, nd, spec->flags,
                       spec->width);
    free(big);
    return r;
}

/* %e %E %f %F %g %G of float(v). */
static int
format_float(Walk *w, MpObject *v, const MpPrintfSpec *spec)
{
    double x = MpFloat_AsDouble(v);
    if (x == -1.0 && MpErr_Occurred()) {
        if (w->sink->is_bytes) {  // bytes words every failure so
            MpErr_Clear();
            MpErr_Format(MpExc_TypeError,
                         "float argument required, not %s",
                         MpType_Name(Mp_TYPE(v)));
        }
        return -1;
    }
    const char *sign = "";
    if (isnan(x)) {
        x = fabs(x);  // Python never writes "-nan"
    }
    else if (signbit(x)) {
        sign = "-";
        x = -x;
    }
    if (!*sign) {
        sign = (spec->flags & MP_PF_SIGN)    ? "+"
               : (spec->flags & MP_PF_BLANK) ? " "
                                             : "";
    }
    char cfmt[8];
    snprintf(cfmt, sizeof cfmt, "%%%s.*%c",
             spec->flags & MP_PF_ALT ? "#" : "", (char)spec->type);
    int prec = spec->prec < 0 ? 6 : (int)spec->prec;
    int need = snprintf(NULL, 0, cfmt, prec, x);
    char *body = need < 0 ? NULL : malloc((size_t)need + 1);
    if (body == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    snprintf(body, (size_t)need + 1, cfmt, prec, x);
    int r = put_number(w, sign, "", 0, body, (size_t)need, spec->flags,
                       spec->width);
    free(body);
    return r;
}
/* }====== */

/* {====== The bytes flavour (PEP 461) ======
   The output is an MpStrBuf.  %s and %b take the bytes of a bytes or
   bytearray, of what __bytes__ returns, or of any buffer; %r and %a are
   ascii(v) as bytes; %c a byte, from an int in range(256) or a bytes or
   bytearray of length 1. */

typedef struct {
    MpPrintfSink base;
    const char *fmt;
    MpStrBuf out;
} BytesSink;

static int
bytes_put_literal(MpPrintfSink *sink, Mp_ssize_t start, Mp_ssize_t end)
{
    BytesSink *s = (BytesSink *)sink;
    return MpStrBuf_Append(&s->out, s->fmt + start, (size_t)(end - start));
}

static int
bytes_put_ascii(MpPrintfSink *sink, const char *p, Mp_ssize_t n)
{
    return MpStrBuf_Append(&((BytesSink *)sink)->out, p, (size_t)n);
}

/* p[0:n] cut to the precision and padded with spaces to the width. */
static int
bytes_put_padded(BytesSink *s, const char *p, Mp_ssize_t n,
                 const MpPrintfSpec *spec, int use_prec)
{
    if (use_prec && spec->prec >= 0 && spec->prec < n) {
        n = spec->prec;
    }
    size_t pad = spec->width > n ? (size_t)(spec->width - n) : 0;
    if (!(spec->flags & MP_PF_LJUST)) {
        MpStrBuf_Fill(&s->out, ' ', pad);
    }
    MpStrBuf_Append(&s->out, p, (size_t)n);
    if (spec->flags & MP_PF_LJUST) {
        MpStrBuf_Fill(&s->out, ' ', pad);
    }
    return s->out.failed ? -1 : 0;
}

/* %s / %b: the bytes of v, as CPython's format_obj finds them. */
static int
bytes_put_object(BytesSink *s, MpObject *v, const MpPrintfSpec *spec)
{
    if (MpBytes_Check(v)) {
        return bytes_put_padded(s, MpBytes_AS_STRING(v), Mp_SIZE(v), spec,
                                1);
    }
    if (MpByteArray_Check(v)) {
        return bytes_put_padded(s, MpByteArray_AS_STRING(v), Mp_SIZE(v),
                                spec, 1);
    }
    MpObject *meth = MpObject_LookupSpecial(v, "__bytes__");
    if (meth != NULL) {
        MpObject *r = MpObject_CallNoArgs(meth);
        Mp_DECREF(meth);
        if (r == NULL) {
            return -1;
        }
        if (!MpBytes_Check(r)) {
            MpErr_Format(MpExc_TypeError,
                         "__bytes__ returned non-bytes (type %s)",
                         MpType_Name(Mp_TYPE(r)));
            Mp_DECREF(r);
            return -1;
        }
        int rc = bytes_put_padded(s, MpBytes_AS_STRING(r), Mp_SIZE(r), spec,
                                  1);
        Mp_DECREF(r);
        return rc;
    }
    if (MpErr_Occurred()) {
        return -1;
    }
    if (MpObject_CheckBuffer(v)) {
        MpBuffer view;
        if (MpObject_GetBuffer(v, &view, MP_BUF_FULL_RO) < 0) {
            return -1;
        }
        char *copy = malloc((size_t)view.len + 1);
        int rc = -1;
        if (copy != NULL) {
            MpBuffer_ToContiguous(copy, &view, 'C');
            rc = bytes_put_padded(s, copy, view.len, spec, 1);
            free(copy);
        }
        MpBuffer_Release(&view);
        return rc;
    }
    MpErr_Format(MpExc_TypeError,
                 "%%b requires a bytes-like object, or an object that "
                 "implements __bytes__, not '%.100s'",
                 MpType_Name(Mp_TYPE(v)));
    return -1;
}

/* %c: returns the byte, or -1 with an exception. */
static int
byte_of(MpObject *v)
{
    if (MpBytes_Check(v) && Mp_SIZE(v) == 1) {
        return (unsigned char)MpBytes_AS_STRING(v)[0];
    }
    if (MpByteArray_Check(v) && Mp_SIZE(v) == 1) {
        return (unsigned char)MpByteArray_AS_STRING(v)[0];
    }
    MpObject *i = MpNumber_Index(v);
    if (i == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_SetString(MpExc_TypeError,
                            "%c requires an integer in range(256) or a "
                            "single byte");
        }
        return -1;
    }
    int64_t x = MpLong_AsInt64(i);
    Mp_DECREF(i);
    if (x == -1 && MpErr_Occurred()) {
        MpErr_Clear();  // beyond 64 bits: out of range all the same
    }
    if (x < 0 || x > 255) {
        MpErr_SetString(MpExc_OverflowError, "%c arg not in range(256)");
        return -1;
    }
    return (int)x;
}

static int
bytes_convert(MpPrintfSink *sink, MpObject *v, const MpPrintfSpec *spec)
{
    BytesSink *s = (BytesSink *)sink;
    switch (spec->type) {
    case 's':
    case 'b':
        return bytes_put_object(s, v, spec);
    case 'r':
    case 'a': {
        MpObject *t = MpObject_ASCII(v);
        if (t == NULL) {
            return -1;
        }
        /* ascii() is pure ASCII: its kind-1 data are the bytes */
        int rc = bytes_put_padded(s, (const char *)MpStr_DATA(t),
                                  MpStr_GET_LENGTH(t), spec, 1);
        Mp_DECREF(t);
        return rc;
    }
    case 'c': {
        int c = byte_of(v);
        if (c < 0) {
            return -1;
        }
        char ch = (char)c;
        return bytes_put_padded(s, &ch, 1, spec, 0);
    }
    default:
        return 1;
    }
}

MpObject *
MpBytes_Format(MpObject *fmt, MpObject *args)
{
    int to_array = !MpBytes_Check(fmt);
    Mp_ssize_t len = Mp_SIZE(fmt);
    /* A bytearray format is copied first: a conversion can run Python
       code (__bytes__, __index__, __repr__) that resizes it. */
    char *copy = NULL;
    const char *data;
    if (to_array) {
        copy = malloc((size_t)len + 1);
        if (copy == NULL) {
            return MpErr_NoMemory();
        }
        memcpy(copy, MpByteArray_AS_STRING(fmt), (size_t)len);
        data = copy;
    }
    else {
        data = MpBytes_AS_STRING(fmt);
    }
    BytesSink s = {{1, bytes_put_literal, bytes_put_ascii, bytes_convert},
                   data,
                   {0}};
    int rc = MpPrintf_Format(&s.base, 1, data, len, args);
    free(copy);
    MpObject *r = NULL;
    if (rc == 0 && s.out.failed) {
        MpErr_NoMemory();
    }
    else if (rc == 0) {
        const char *p = s.out.data ? s.out.data : "";
        Mp_ssize_t n = (Mp_ssize_t)s.out.len;
        r = to_array ? MpByteArray_FromStringAndSize(p, n)
                     : MpBytes_FromStringAndSize(p, n);
    }
    MpStrBuf_Clear(&s.out);
    return r;
}
/* }====== */
