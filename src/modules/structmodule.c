/* structmodule.c — the _struct module: values to and from C layouts.

   A format string ("<hhl", "@2i10s") is compiled once into a Struct: a
   list of codes, each with its offset in the packed bytes, its size and
   how many values it takes.

       format:  [byte order] ( [count] code  |  whitespace )*

       order  sizes     alignment   byte order
       @      native    native      native      (the default)
       =      standard  none        native
       < > !  standard  none        little / big / big (network)

   Standard sizes are 1 (x c b B ? s p), 2 (h H e), 4 (i I l L f) and 8
   (q Q d); n N P exist only in native mode.  In native mode each code is
   first aligned to its own alignment, as a C compiler places struct
   fields ("bi" is 8 bytes, "=bi" 5).  A count repeats a code, except for
   s and p, where it is the field's length in bytes (one value each).

   Range errors follow CPython's, which differ by path: CPython packs with
   the native routine whenever the standard one would produce the same
   bytes (native mode, and '<'/'=' on this little-endian machine for codes
   of the same size except f, d and ?), and the two routines word their
   errors differently ("short format requires ..." against "'h' format
   requires ...").  pack_native_int and pack_std_int keep that split.

   CPython counterpart: Modules/_struct.c.  Read first: compile_format */
#include <float.h>
#include <gmp.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

static MpObject *struct_error;  // struct.error (StructError_Type)

/* {====== Compiling a format ====== */

enum { ORDER_NATIVE, ORDER_STD_NATIVE, ORDER_LITTLE, ORDER_BIG };

typedef struct {
    char code;
    Mp_ssize_t offset;  // in the packed bytes
    Mp_ssize_t size;    // of one value; for s and p the whole field
    Mp_ssize_t count;   // values taken (1 for s and p, 0 for x)
} FormatCode;

typedef struct {
    MpObject_HEAD
    MpObject *s_format;  // str
    Mp_ssize_t s_size;   // bytes packed
    Mp_ssize_t s_len;    // values packed
    int s_order;
    FormatCode *s_codes;  // ends with code 0
    Mp_ssize_t s_ncodes;
} StructObject;

extern MpTypeObject MpStruct_Type, MpUnpackIter_Type;

/* A code's size and alignment in native mode (0: not a code). */
static int
native_layout(char c, Mp_ssize_t *size, Mp_ssize_t *align)
{
#define L(type)                                                            \
    do {                                                                   \
        *size = sizeof(type);                                              \
        *align = _Alignof(type);                                           \
        return 1;                                                          \
    } while (0)
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case 's': case 'p':
        L(char);
    case '?': L(_Bool);
    case 'h': case 'H': L(short);
    case 'i': case 'I': L(int);
    case 'l': case 'L': L(long);
    case 'q': case 'Q': L(long long);
    case 'n': case 'N': L(size_t);
    case 'e': L(short);  // a half float travels as 2 bytes
    case 'f': L(float);
    case 'd': L(double);
    case 'P': L(void *);
    default:
        return 0;
    }
#undef L
}

static Mp_ssize_t
standard_size(char c)
{
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p':
        return 1;
    case 'h': case 'H': case 'e':
        return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f':
        return 4;
    case 'q': case 'Q': case 'd':
        return 8;
    default:
        return 0;  // n, N, P and anything else: not a standard code
    }
}

static MpObject *
bad_format(const char *msg)
{
    MpErr_SetString(struct_error, msg);
    return NULL;
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* Compiles fmt[0:len] into self.  Returns 0 or -1 with struct.error. */
static int
compile_format(StructObject *self, const char *fmt, Mp_ssize_t len)
{
    const char *p = fmt, *end = fmt + len;
    int order = ORDER_NATIVE;
    if (p < end) {
        switch (*p) {
        case '@': order = ORDER_NATIVE; p++; break;
        case '=': order = ORDER_STD_NATIVE; p++; break;
        case '<': order = ORDER_LITTLE; p++; break;
        case '>': case '!': order = ORDER_BIG; p++; break;
        }
    }
    /* one pass to count the codes, one to lay them out */
    Mp_ssize_t ncodes = 0;
    for (const char *q = p; q < end; q++) {
        if (!is_space(*q) && !(*q >= '0' && *q <= '9')) {
            ncodes++;
        }
    }
    FormatCode *codes = calloc((size_t)ncodes + 1, sizeof(FormatCode));
    if (codes == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    Mp_ssize_t size = 0, nvalues = 0, k = 0;
    while (p < end) {
        char c = *p++;
        if (is_space(c)) {
            continue;
        }
        Mp_ssize_t num = 1;
        if (c >= '0' && c <= '9') {
            num = c - '0';
            while (p < end && *p >= '0' && *p <= '9') {
                if (num > (PTRDIFF_MAX - 9) / 10) {
                    goto too_long;
                }
                num = num * 10 + (*p++ - '0');
            }
            if (p == end) {
                free(codes);
                bad_format("repeat count given without format specifier");
                return -1;
            }
            c = *p++;
        }
        Mp_ssize_t isize, align = 1;
        if (c == '\0') {
            free(codes);
            bad_format("embedded null character");
            return -1;
        }
        if (order == ORDER_NATIVE) {
            if (!native_layout(c, &isize, &align)) {
                goto bad_char;
            }
        }
        else if ((isize = standard_size(c)) == 0) {
            goto bad_char;
        }
        if (align > 1) {
            size = (size + align - 1) / align * align;
        }
        FormatCode *fc = &codes[k++];
        fc->code = c;
        fc->offset = size;
        if (c == 's' || c == 'p') {
            fc->size = num;
            fc->count = 1;
        }
        else {
            fc->size = isize;
            fc->count = c == 'x' ? 0 : num;
        }
        Mp_ssize_t bytes = c == 's' || c == 'p' ? num : 0;
        if (bytes == 0) {
            if (num > 0 && isize > (PTRDIFF_MAX - size) / num) {
                goto too_long;
            }
            bytes = num * isize;
        }
        if (bytes > PTRDIFF_MAX - size) {
            goto too_long;
        }
        size += bytes;
        if (c == 'x') {
            fc->size = bytes;  // the whole run of pad bytes
        }
        nvalues += fc->count;
    }
    free(self->s_codes);
    self->s_codes = codes;
    self->s_ncodes = k;
    self->s_size = size;
    self->s_len = nvalues;
    self->s_order = order;
    return 0;

bad_char:
    free(codes);
    bad_format("bad char in struct format");
    return -1;
too_long:
    free(codes);
    bad_format("total struct size too long");
    return -1;
}
/* }====== */

/* {====== Integers ====== */

/* Whether the packing of code c goes through CPython's native routine
   (see the file comment).  Only meaningful for integer codes. */
static int
native_path(const StructObject *s, char c)
{
    if (s->s_order == ORDER_NATIVE || c == 'b' || c == 'B') {
        return 1;
    }
    if (s->s_order == ORDER_BIG) {
        return 0;
    }
    Mp_ssize_t nsize, align;
    native_layout(c, &nsize, &align);
    return nsize == standard_size(c);  // little-endian machine
}

static int
range_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    MpObject *e = MpErr_FormatV(struct_error, fmt, ap);
    va_end(ap);
    (void)e;
    return -1;
}

/* v as an mpz (initialised here on success): ints, and objects with
   __index__.  Returns 0 or -1 with struct.error. */
static int
get_mpz(MpObject *v, mpz_t out)
{
    MpObject *i;
    if (MpLong_Check(v)) {
        i = Mp_NewRef(v);
    }
    else {
        MpNumberMethods *nb = Mp_TYPE(v)->tp_as_number;
        if (nb == NULL || nb->nb_index == NULL) {
            return range_error("required argument is not an integer");
        }
        i = MpNumber_Index(v);
        if (i == NULL) {
            return -1;
        }
    }
    mpz_init(out);
    MpLong_AsMpz(i, out);
    Mp_DECREF(i);
    return 0;
}

static int
is_unsigned_code(char c)
{
    return c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' ||
           c == 'N' || c == 'P';
}

/* Checks v against code c's range with CPython's messages and gives its
   two's-complement bits.  Returns 0 or -1. */
static int
int_bits(const StructObject *s, const FormatCode *fc, MpObject *v,
         uint64_t *bits)
{
    mpz_t z;
    if (get_mpz(v, z) < 0) {
        return -1;
    }
    char c = fc->code;
    int neg = mpz_sgn(z) < 0;
    int fits_s = mpz_fits_slong_p(z);
    int fits_u = !neg && mpz_sizeinbase(z, 2) <= 64;
    int64_t sv = fits_s ? mpz_get_si(z) : 0;
    uint64_t uv = 0;
    if (fits_u) {
        mpz_export(&uv, NULL, -1, sizeof uv, 0, 0, z);
    }
    mpz_clear(z);
    int bitsize = (int)(fc->size * 8);
    if (c == 'P') {
        if (!fits_s && !fits_u) {
            return range_error("int too large to convert");
        }
        *bits = fits_u ? uv : (uint64_t)sv;
        return 0;
    }
    int uns = is_unsigned_code(c);
    if (native_path(s, c)) {
        /* b, B, h, H are read as C longs and then range-checked */
        if (c == 'b' || c == 'B' || c == 'h' || c == 'H') {
            if (!fits_s) {
                return range_error("argument out of range");
            }
            const char *name = c == 'b' ? "byte" : c == 'B' ? "ubyte"
                               : c == 'h' ? "short" : "ushort";
            int64_t lo = uns ? 0 : -(INT64_C(1) << (bitsize - 1));
            int64_t hi = uns ? (INT64_C(1) << bitsize) - 1
                             : (INT64_C(1) << (bitsize - 1)) - 1;
            if (sv < lo || sv > hi) {
                return range_error("%s format requires %lld <= number <= "
                                   "%lld", name, (long long)lo,
                                   (long long)hi);
            }
            *bits = (uint64_t)sv;
            return 0;
        }
    }
    else if (bitsize == 64) {
        /* the big-endian q and Q: through a byte-array conversion */
        if (uns ? !fits_u : !fits_s) {
            return range_error("int too large to convert");
        }
        *bits = uns ? uv : (uint64_t)sv;
        return 0;
    }
    if (uns ? !fits_u : !fits_s) {
        return range_error("argument out of range");
    }
    if (bitsize < 64) {
        if (uns && uv > (UINT64_C(1) << bitsize) - 1) {
            return range_error("'%c' format requires 0 <= number <= %llu",
                               c, (unsigned long long)((UINT64_C(1)
                                                        << bitsize) - 1));
        }
        int64_t lim = INT64_C(1) << (bitsize - 1);
        if (!uns && (sv < -lim || sv > lim - 1)) {
            return range_error("'%c' format requires %lld <= number <= "
                               "%lld", c, (long long)-lim,
                               (long long)(lim - 1));
        }
    }
    *bits = uns ? uv : (uint64_t)sv;
    return 0;
}

static int
little_endian_order(int order)
{
    return order != ORDER_BIG;  // native order is little on this machine
}

static void
store_bits(unsigned char *p, uint64_t bits, Mp_ssize_t size, int little)
{
    for (Mp_ssize_t i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(bits >> (8 * i));
        p[little ? i : size - 1 - i] = b;
    }
}

static uint64_t
load_bits(const unsigned char *p, Mp_ssize_t size, int little)
{
    uint64_t v = 0;
    for (Mp_ssize_t i = 0; i < size; i++) {
        v |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
    }
    return v;
}
/* }====== */

/* {====== Floats ======
   'e' is IEEE 754 binary16: 1 sign bit, 5 exponent bits (bias 15), 10
   fraction bits; packing rounds half to even and refuses what would
   round to infinity. */

static int
pack_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return 0;
    }
    double a = fabs(x);
    if (a == 0.0) {
        *out = sign;
        return 0;
    }
    int e;
    frexp(a, &e);  // a in [2**(e-1), 2**e)
    if (e - 1 < -14) {
        /* subnormal: units of 2**-24; 1024 units is the smallest normal,
           whose encoding 0x0400 the sum produces by itself */
        double r = rint(ldexp(a, 24));
        *out = sign | (uint16_t)r;
        return 0;
    }
    double r = rint(ldexp(a, 10 - (e - 1)));  // in [1024, 2048]
    if (r == 2048.0) {
        r = 1024.0;
        e++;
    }
    int biased = (e - 1) + 15;
    if (biased >= 31) {
        MpErr_SetString(MpExc_OverflowError,
                        "float too large to pack with e format");
        return -1;
    }
    *out = sign | (uint16_t)(biased << 10) | (uint16_t)(r - 1024.0);
    return 0;
}

static double
unpack_half(uint16_t h)
{
    int sign = h >> 15;
    int biased = (h >> 10) & 0x1f;
    int frac = h & 0x3ff;
    double v;
    if (biased == 0) {
        v = ldexp(frac, -24);
    }
    else if (biased == 31) {
        v = frac ? NAN : INFINITY;
    }
    else {
        v = ldexp(frac + 1024, biased - 25);
    }
    return sign ? -v : v;
}

static int
get_double(MpObject *v, double *out)
{
    *out = MpFloat_AsDouble(v);
    if (*out == -1.0 && MpErr_Occurred()) {
        MpErr_Clear();
        MpErr_SetString(struct_error, "required argument is not a float");
        return -1;
    }
    return 0;
}
/* }====== */

/* {====== Packing and unpacking ====== */

/* Packs one value v for code fc at p.  Returns 0 or -1. */
static int
pack_one(const StructObject *s, const FormatCode *fc, unsigned char *p,
         MpObject *v)
{
    int little = little_endian_order(s->s_order);
    switch (fc->code) {
    case 'c':
        if (!MpBytes_Check(v) || MpBytes_GET_SIZE(v) != 1) {
            return range_error("char format requires a bytes object of "
                               "length 1");
        }
        *p = (unsigned char)MpBytes_AS_STRING(v)[0];
        return 0;
    case '?': {
        int t = MpObject_IsTrue(v);
        if (t < 0) {
            return -1;
        }
        *p = (unsigned char)t;
        return 0;
    }
    case 'e': {
        double x;
        uint16_t h;
        if (get_double(v, &x) < 0 || pack_half(x, &h) < 0) {
            return -1;
        }
        store_bits(p, h, 2, little);
        return 0;
    }
    case 'f': {
        double x;
        if (get_double(v, &x) < 0) {
            return -1;
        }
        float y = (float)x;
        if (s->s_order != ORDER_NATIVE && isinf(y) && !isinf(x)) {
            MpErr_SetString(MpExc_OverflowError,
                            "float too large to pack with f format");
            return -1;
        }
        uint32_t b;
        memcpy(&b, &y, 4);
        store_bits(p, b, 4, little);
        return 0;
    }
    case 'd': {
        double x;
        if (get_double(v, &x) < 0) {
            return -1;
        }
        uint64_t b;
        memcpy(&b, &x, 8);
        store_bits(p, b, 8, little);
        return 0;
    }
    default: {
        uint64_t bits = 0;
        if (int_bits(s, fc, v, &bits) < 0) {
            return -1;
        }
        store_bits(p, bits, fc->size, little);
        return 0;
    }
    }
}

/* Packs a string field (s or p) of fc->size bytes. */
static int
pack_string(const FormatCode *fc, unsigned char *p, MpObject *v)
{
    const char *data;
    Mp_ssize_t n;
    if (MpBytes_Check(v)) {
        data = MpBytes_AS_STRING(v);
        n = MpBytes_GET_SIZE(v);
    }
    else if (MpByteArray_Check(v)) {
        data = MpByteArray_AS_STRING(v);
        n = MpByteArray_GET_SIZE(v);
    }
    else {
        return range_error("argument for '%c' must be a bytes object",
                           fc->code);
    }
    if (fc->code == 's') {
        memcpy(p, data, (size_t)(n < fc->size ? n : fc->size));
        return 0;
    }
    if (fc->size == 0) {
        return 0;  // "0p" has no room even for the length byte
    }
    if (n > fc->size - 1) {
        n = fc->size - 1;
    }
    memcpy(p + 1, data, (size_t)n);
    *p = (unsigned char)(n > 255 ? 255 : n);
    return 0;
}

/* Packs values[0:s_len] into buf (s_size bytes, zeroed by the caller). */
static int
pack_values(const StructObject *s, unsigned char *buf,
            MpObject *const *values)
{
    Mp_ssize_t vi = 0;
    for (Mp_ssize_t k = 0; k < s->s_ncodes; k++) {
        const FormatCode *fc = &s->s_codes[k];
        unsigned char *p = buf + fc->offset;
        if (fc->code == 'x') {
            continue;
        }
        if (fc->code == 's' || fc->code == 'p') {
            if (pack_string(fc, p, values[vi++]) < 0) {
                return -1;
            }
            continue;
        }
        for (Mp_ssize_t j = 0; j < fc->count; j++, p += fc->size) {
            if (pack_one(s, fc, p, values[vi++]) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static MpObject *
unpack_one(const StructObject *s, const FormatCode *fc,
           const unsigned char *p)
{
    int little = little_endian_order(s->s_order);
    switch (fc->code) {
    case 'c':
        return MpBytes_FromStringAndSize((const char *)p, 1);
    case '?':
        return MpBool_FromLong(*p != 0);
    case 'e':
        return MpFloat_FromDouble(
            unpack_half((uint16_t)load_bits(p, 2, little)));
    case 'f': {
        uint32_t b = (uint32_t)load_bits(p, 4, little);
        float y;
        memcpy(&y, &b, 4);
        return MpFloat_FromDouble(y);
    }
    case 'd': {
        uint64_t b = load_bits(p, 8, little);
        double x;
        memcpy(&x, &b, 8);
        return MpFloat_FromDouble(x);
    }
    default: {
        uint64_t b = load_bits(p, fc->size, little);
        if (is_unsigned_code(fc->code)) {
            return MpLong_FromUInt64(b);
        }
        int shift = 64 - (int)fc->size * 8;  // sign-extend
        return MpLong_FromInt64(shift ? (int64_t)(b << shift) >> shift
                                      : (int64_t)b);
    }
    }
}

/* The values packed in buf (s_size bytes), as a tuple.  Refs: NEW. */
static MpObject *
unpack_values(const StructObject *s, const unsigned char *buf)
{
    MpObject *t = MpTuple_New(s->s_len);
    if (t == NULL) {
        return NULL;
    }
    Mp_ssize_t vi = 0;
    for (Mp_ssize_t k = 0; k < s->s_ncodes; k++) {
        const FormatCode *fc = &s->s_codes[k];
        const unsigned char *p = buf + fc->offset;
        if (fc->code == 's') {
            MpObject *v = MpBytes_FromStringAndSize((const char *)p,
                                                    fc->size);
            if (v == NULL) {
                goto error;
            }
            MpTuple_SET_ITEM(t, vi++, v);
            continue;
        }
        if (fc->code == 'p') {
            Mp_ssize_t n = fc->size > 0 ? *p : 0;
            if (n >= fc->size) {
                n = fc->size > 0 ? fc->size - 1 : 0;
            }
            MpObject *v = MpBytes_FromStringAndSize((const char *)p + 1, n);
            if (v == NULL) {
                goto error;
            }
            MpTuple_SET_ITEM(t, vi++, v);
            continue;
        }
        for (Mp_ssize_t j = 0; j < fc->count; j++, p += fc->size) {
            MpObject *v = unpack_one(s, fc, p);
            if (v == NULL) {
                goto error;
            }
            MpTuple_SET_ITEM(t, vi++, v);
        }
    }
    return t;
error:
    Mp_DECREF(t);
    return NULL;
}
/* }====== */

/* {====== The Struct type ====== */

/* Compiles format (str or bytes) into s, replacing what s held.
   Returns 0 or -1. */
static int
struct_set_format(StructObject *s, MpObject *format)
{
    const char *fmt;
    Mp_ssize_t len;
    MpObject *fstr;
    if (MpStr_Check(format)) {
        fmt = MpStr_AsUTF8AndSize(format, &len);
        if (fmt == NULL) {
            return -1;
        }
        fstr = Mp_NewRef(format);
    }
    else if (MpBytes_Check(format)) {
        fmt = MpBytes_AS_STRING(format);
        len = MpBytes_GET_SIZE(format);
        fstr = MpStr_Decode(fmt, len, "latin-1", "strict");
        if (fstr == NULL) {
            return -1;
        }
    }
    else {
        MpErr_Format(MpExc_TypeError,
                     "Struct() argument 1 must be a str or bytes object, "
                     "not %s", MpType_Name(Mp_TYPE(format)));
        return -1;
    }
    if (compile_format(s, fmt, len) < 0) {
        Mp_DECREF(fstr);
        return -1;
    }
    Mp_SETREF(&s->s_format, fstr);
    return 0;
}

/* A Struct of type whose format is still empty ("").  Refs: NEW. */
static StructObject *
struct_alloc(MpTypeObject *type)
{
    StructObject *s = (StructObject *)MpObject_New(type);
    if (s == NULL) {
        return NULL;
    }
    s->s_format = MpStr_FromString("");
    if (s->s_format == NULL || compile_format(s, "", 0) < 0) {
        Mp_DECREF(s);
        return NULL;
    }
    if (MpObject_IsGC((MpObject *)s)) {
        MpObject_GC_Track(s);
    }
    return s;
}

/* A new Struct for format.  Refs: NEW; format BORROWED. */
static MpObject *
struct_from_format(MpTypeObject *type, MpObject *format)
{
    StructObject *s = struct_alloc(type);
    if (s != NULL && struct_set_format(s, format) < 0) {
        Mp_CLEAR((MpObject **)&s);
    }
    return (MpObject *)s;
}

/* Struct.__new__ only allocates; __init__(format) compiles, so that a
   subclass's __init__ may take other arguments (CPython 3.11 too). */
static MpObject *
struct_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    return (MpObject *)struct_alloc(type);
}

static int
struct_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"format", NULL};
    static const MpArgSpec spec = {"Struct", kw, 1, 1};
    MpObject *a[1];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return -1;
    }
    return struct_set_format((StructObject *)self, a[0]);
}

static void
struct_dealloc(MpObject *o)
{
    StructObject *s = (StructObject *)o;
    Mp_XDECREF(s->s_format);
    free(s->s_codes);
    MpObject_Free(o);
}

static MpObject *
struct_pack_impl(StructObject *s, const char *name, MpObject *const *args,
                 Mp_ssize_t nargs)
{
    if (nargs != s->s_len) {
        return MpErr_Format(struct_error,
                            "%s expected %zd items for packing (got %zd)",
                            name, s->s_len, nargs);
    }
    unsigned char stack[128];
    unsigned char *buf = s->s_size <= 128 ? stack : calloc(1, (size_t)s->s_size);
    if (buf == NULL) {
        return MpErr_NoMemory();
    }
    if (buf == stack) {
        memset(stack, 0, sizeof stack);
    }
    MpObject *r = NULL;
    if (pack_values(s, buf, args) == 0) {
        r = MpBytes_FromStringAndSize((const char *)buf, s->s_size);
    }
    if (buf != stack) {
        free(buf);
    }
    return r;
}

static MpObject *
struct_pack(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return struct_pack_impl((StructObject *)self, "pack", args, nargs);
}

/* pack_into(buffer, offset, *values) */
static MpObject *
struct_pack_into_impl(StructObject *s, MpObject *const *args,
                      Mp_ssize_t nargs)
{
    if (nargs < 1) {
        return bad_format("pack_into expected buffer argument");
    }
    if (nargs < 2) {
        return bad_format("pack_into expected offset argument");
    }
    if (nargs - 2 != s->s_len) {
        return MpErr_Format(struct_error,
                            "pack_into expected %zd items for packing (got "
                            "%zd)", s->s_len, nargs - 2);
    }
    MpBuffer view;
    if (MpBytesLike_Get(args[0], &view) < 0) {
        return NULL;
    }
    if (view.readonly) {
        MpBytesLike_Release(&view);
        return MpErr_Format(MpExc_TypeError,
                            "argument must be read-write bytes-like object, "
                            "not %s", MpType_Name(Mp_TYPE(args[0])));
    }
    Mp_ssize_t offset = MpNumber_AsSsize_t(args[1], MpExc_IndexError);
    if (offset == -1 && MpErr_Occurred()) {
        MpBytesLike_Release(&view);
        return NULL;
    }
    Mp_ssize_t len = view.len;
    if (offset < 0) {
        if (offset + len < 0) {
            MpBytesLike_Release(&view);
            return MpErr_Format(struct_error,
                                "offset %zd out of range for %zd-byte "
                                "buffer", offset, len);
        }
        if (-offset < s->s_size) {
            MpBytesLike_Release(&view);
            return MpErr_Format(struct_error,
                                "no space to pack %zd bytes at offset %zd",
                                s->s_size, offset);
        }
        offset += len;
    }
    if (len - offset < s->s_size) {
        MpBytesLike_Release(&view);
        return MpErr_Format(struct_error,
                            "pack_into requires a buffer of at least %zu "
                            "bytes for packing %zd bytes at offset %zd "
                            "(actual buffer size is %zd)",
                            (size_t)(s->s_size + offset), s->s_size, offset,
                            len);
    }
    /* zero the field and pack in place, as CPython: a bad value leaves
       the field partly written */
    unsigned char *dst = (unsigned char *)view.buf + offset;
    memset(dst, 0, (size_t)s->s_size);
    int rc = pack_values(s, dst, args + 2);
    MpBytesLike_Release(&view);
    return rc < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
struct_pack_into(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return struct_pack_into_impl((StructObject *)self, args, nargs);
}

static MpObject *
struct_unpack_impl(StructObject *s, MpObject *buffer)
{
    MpBuffer view;
    if (MpBytesLike_Get(buffer, &view) < 0) {
        return NULL;
    }
    MpObject *r;
    if (view.len != s->s_size) {
        r = MpErr_Format(struct_error, "unpack requires a buffer of %zd "
                                       "bytes", s->s_size);
    }
    else {
        r = unpack_values(s, view.buf);
    }
    MpBytesLike_Release(&view);
    return r;
}

static MpObject *
struct_unpack(MpObject *self, MpObject *buffer)
{
    return struct_unpack_impl((StructObject *)self, buffer);
}

static MpObject *
struct_unpack_from_impl(StructObject *s, MpObject *buffer, MpObject *off)
{
    Mp_ssize_t offset = 0;
    if (off != NULL) {
        offset = MpNumber_AsSsize_t(off, MpExc_OverflowError);
        if (offset == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    MpBuffer view;
    if (MpBytesLike_Get(buffer, &view) < 0) {
        return NULL;
    }
    Mp_ssize_t len = view.len;
    MpObject *r = NULL;
    if (offset < 0) {
        if (offset + len < 0) {
            MpErr_Format(struct_error,
                         "offset %zd out of range for %zd-byte buffer",
                         offset, len);
            goto done;
        }
        if (-offset < s->s_size) {
            MpErr_Format(struct_error,
                         "not enough data to unpack %zd bytes at offset %zd",
                         s->s_size, offset);
            goto done;
        }
        offset += len;
    }
    if (len - offset < s->s_size) {
        MpErr_Format(struct_error,
                     "unpack_from requires a buffer of at least %zu bytes "
                     "for unpacking %zd bytes at offset %zd (actual buffer "
                     "size is %zd)", (size_t)(s->s_size + offset),
                     s->s_size, offset, len);
        goto done;
    }
    r = unpack_values(s, (const unsigned char *)view.buf + offset);
done:
    MpBytesLike_Release(&view);
    return r;
}

/* unpack_from(buffer, offset=0) */
static MpObject *
struct_unpack_from(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                   MpObject *kwnames)
{
    static const char *const kw[] = {"buffer", "offset", NULL};
    static const MpArgSpec spec = {"unpack_from", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    return struct_unpack_from_impl((StructObject *)self, a[0], a[1]);
}

/* The iterator iter_unpack returns: one tuple per s_size bytes. */
typedef struct {
    MpObject_HEAD
    StructObject *ui_struct;
    MpBuffer ui_view;
    Mp_ssize_t ui_index;  // offset of the next record
} UnpackIterObject;

static MpObject *
struct_iter_unpack_impl(StructObject *s, MpObject *buffer)
{
    if (s->s_size == 0) {
        return bad_format("cannot iteratively unpack with a struct of "
                          "length 0");
    }
    UnpackIterObject *it =
        (UnpackIterObject *)MpObject_New(&MpUnpackIter_Type);
    if (it == NULL) {
        return NULL;
    }
    if (MpBytesLike_Get(buffer, &it->ui_view) < 0) {
        Mp_DECREF(it);
        return NULL;
    }
    if (it->ui_view.len % s->s_size != 0) {
        Mp_DECREF(it);
        return MpErr_Format(struct_error,
                            "iterative unpacking requires a buffer of a "
                            "multiple of %zd bytes", s->s_size);
    }
    it->ui_struct = (StructObject *)Mp_NewRef(s);
    return (MpObject *)it;
}

static MpObject *
struct_iter_unpack(MpObject *self, MpObject *buffer)
{
    return struct_iter_unpack_impl((StructObject *)self, buffer);
}

static MpObject *
unpackiter_next(MpObject *o)
{
    UnpackIterObject *it = (UnpackIterObject *)o;
    if (it->ui_struct == NULL) {
        return NULL;
    }
    if (it->ui_index + it->ui_struct->s_size > it->ui_view.len) {
        MpBytesLike_Release(&it->ui_view);
        Mp_CLEAR((MpObject **)&it->ui_struct);
        return NULL;
    }
    MpObject *r = unpack_values(
        it->ui_struct, (const unsigned char *)it->ui_view.buf + it->ui_index);
    it->ui_index += it->ui_struct->s_size;
    return r;
}

static MpObject *
unpackiter_length_hint(MpObject *o, MpObject *unused)
{
    UnpackIterObject *it = (UnpackIterObject *)o;
    Mp_ssize_t n = 0;
    if (it->ui_struct != NULL) {
        n = (it->ui_view.len - it->ui_index) / it->ui_struct->s_size;
    }
    return MpLong_FromSsize_t(n);
}

static void
unpackiter_dealloc(MpObject *o)
{
    UnpackIterObject *it = (UnpackIterObject *)o;
    MpBytesLike_Release(&it->ui_view);
    Mp_XDECREF(it->ui_struct);
    MpObject_Free(o);
}

static MpMethodDef unpackiter_methods[] = {
    {"__length_hint__", (void *)unpackiter_length_hint, MP_METH_NOARGS,
     NULL},
    {NULL},
};

MpTypeObject MpUnpackIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(UnpackIterObject),
    .tp_dealloc = unpackiter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = unpackiter_next,
    .tp_methods = unpackiter_methods,
};

static MpObject *
struct_get_format(MpObject *o, void *closure)
{
    return Mp_NewRef(((StructObject *)o)->s_format);
}

static MpObject *
struct_get_size(MpObject *o, void *closure)
{
    return MpLong_FromSsize_t(((StructObject *)o)->s_size);
}

static MpGetSetDef struct_getset[] = {
    {"format", struct_get_format, NULL, "struct format string", NULL},
    {"size", struct_get_size, NULL, "struct size in bytes", NULL},
    {NULL},
};

static MpMethodDef struct_methods[] = {
    {"pack", (void *)struct_pack, MP_METH_FASTCALL, NULL},
    {"pack_into", (void *)struct_pack_into, MP_METH_FASTCALL, NULL},
    {"unpack", (void *)struct_unpack, MP_METH_O, NULL},
    {"unpack_from", (void *)struct_unpack_from,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"iter_unpack", (void *)struct_iter_unpack, MP_METH_O, NULL},
    {NULL},
};

MpTypeObject MpStruct_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(StructObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = struct_dealloc,
    .tp_new = struct_new,
    .tp_init = struct_init,
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
    .tp_doc = "Struct(fmt) --> compiled struct object",
};
/* }====== */

/* {====== Module functions ======
   Each compiles its format into a temporary Struct (no cache: compiling
   is a single pass over a short string). */

static StructObject *
temp_struct(MpObject *format)
{
    return (StructObject *)struct_from_format(&MpStruct_Type, format);
}

static MpObject *
mod_calcsize(MpObject *self, MpObject *format)
{
    StructObject *s = temp_struct(format);
    if (s == NULL) {
        return NULL;
    }
    MpObject *r = MpLong_FromSsize_t(s->s_size);
    Mp_DECREF(s);
    return r;
}

static MpObject *
mod_pack(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs < 1) {
        MpErr_SetString(MpExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *s = temp_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    MpObject *r = struct_pack_impl(s, "pack", args + 1, nargs - 1);
    Mp_DECREF(s);
    return r;
}

static MpObject *
mod_pack_into(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs < 1) {
        MpErr_SetString(MpExc_TypeError, "missing format argument");
        return NULL;
    }
    StructObject *s = temp_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    MpObject *r = struct_pack_into_impl(s, args + 1, nargs - 1);
    Mp_DECREF(s);
    return r;
}

static MpObject *
mod_unpack(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("unpack", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    StructObject *s = temp_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    MpObject *r = struct_unpack_impl(s, args[1]);
    Mp_DECREF(s);
    return r;
}

/* unpack_from(format, /, buffer, offset=0) */
static MpObject *
mod_unpack_from(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                MpObject *kwnames)
{
    static const char *const kw[] = {"", "buffer", "offset", NULL};
    static const MpArgSpec spec = {"unpack_from", kw, 2, 3};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    StructObject *s = temp_struct(a[0]);
    if (s == NULL) {
        return NULL;
    }
    MpObject *r = struct_unpack_from_impl(s, a[1], a[2]);
    Mp_DECREF(s);
    return r;
}

static MpObject *
mod_iter_unpack(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("iter_unpack", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    StructObject *s = temp_struct(args[0]);
    if (s == NULL) {
        return NULL;
    }
    MpObject *r = struct_iter_unpack_impl(s, args[1]);
    Mp_DECREF(s);
    return r;
}

static MpObject *
mod_clearcache(MpObject *self, MpObject *unused)
{
    return Mp_NewRef(Mp_None);  // there is no cache
}

static MpMethodDef struct_module_methods[] = {
    {"calcsize", (void *)mod_calcsize, MP_METH_O, NULL},
    {"pack", (void *)mod_pack, MP_METH_FASTCALL, NULL},
    {"pack_into", (void *)mod_pack_into, MP_METH_FASTCALL, NULL},
    {"unpack", (void *)mod_unpack, MP_METH_FASTCALL, NULL},
    {"unpack_from", (void *)mod_unpack_from,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"iter_unpack", (void *)mod_iter_unpack, MP_METH_FASTCALL, NULL},
    {"_clearcache", (void *)mod_clearcache, MP_METH_NOARGS, NULL},
    {NULL},
};

/* struct.error: a static subclass of Exception (its base is filled in
   when the module is first created: Exception is not a compile-time
   constant here). */
static MpTypeObject StructError_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "struct.error",
    .tp_flags = MP_TPFLAGS_BASETYPE,
};

/* The _struct module (lib/struct.py re-exports it as struct).
   Refs: NEW; NULL on error. */
MpObject *
MpStructModule_Create(void)
{
    StructError_Type.tp_base = (MpTypeObject *)MpExc_Exception;
    struct_error = (MpObject *)&StructError_Type;
    if (MpType_Ready(&StructError_Type) < 0 ||
        MpType_Ready(&MpStruct_Type) < 0 ||
        MpType_Ready(&MpUnpackIter_Type) < 0) {
        return NULL;
    }
    MpObject *m = MpModule_New("_struct");
    if (m == NULL) {
        return NULL;
    }
    if (MpModule_AddFunctions(m, struct_module_methods) < 0 ||
        MpModule_AddObject(m, "Struct", Mp_NewRef(&MpStruct_Type)) < 0 ||
        MpModule_AddObject(m, "error", Mp_NewRef(struct_error)) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    return m;
}
