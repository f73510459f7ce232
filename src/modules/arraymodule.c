/* arraymodule.c — the array module: compact arrays of C numbers.

   An array('d', ...) stores its items as raw C values in one malloc'd
   block, ob_item, like a bytearray of fixed-size items: n items of
   itemsize bytes, room for `allocated` items.  Reading an item converts
   it to a Python int, float or one-character str; storing one converts
   back, with the range checks and messages of CPython's array module
   ("signed char is greater than maximum").

   The block is exported through the buffer protocol: memoryview(a) and
   the bytes of a file write see the items in place, with the struct
   format of the typecode ('d', 'i' ...; 'w' for the 4-byte 'u').  While
   any export lives the array refuses to change size ("cannot resize an
   array that is exporting buffers"), since a resize may move the block.

       typecode  C type          itemsize   Python value
       b B       signed/unsigned char  1    int
       u         wchar_t (UCS-4)       4    str of length 1
       h H       short                 2    int
       i I       int                   4    int
       l L q Q   long, long long       8    int
       f d       float, double       4, 8   float

   CPython counterpart: Modules/arraymodule.c.  Read first: array_resize,
   setitem_int */
#include <gmp.h>
#include <stdio.h>
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
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "strbuf.h"

/* {====== Typecodes ====== */

typedef struct {
    char typecode;
    Mp_ssize_t itemsize;
    const char *format;  // the buffer protocol's item format
    const char *cname;   // for range errors: "signed char is ..."
} Descr;

static const Descr descrs[] = {
    {'b', 1, "b", "signed char"},
    {'B', 1, "B", "unsigned byte integer"},
    {'u', 4, "w", NULL},
    {'h', 2, "h", "signed short integer"},
    {'H', 2, "H", "unsigned short"},
    {'i', 4, "i", "signed integer"},
    {'I', 4, "I", "unsigned int"},
    {'l', 8, "l", NULL},
    {'L', 8, "L", NULL},
    {'q', 8, "q", NULL},
    {'Q', 8, "Q", NULL},
    {'f', 4, "f", NULL},
    {'d', 8, "d", NULL},
};

typedef struct {
    MpObject_VAR_HEAD      // ob_size: the number of items
    char *ob_item;         // allocated * itemsize bytes, or NULL
    Mp_ssize_t allocated;  // capacity, in items
    const Descr *ob_descr;
    Mp_ssize_t ob_exports;  // live buffer views: no resizing while > 0
} ArrayObject;

static MpTypeObject Array_Type, ArrayIter_Type;

static int
array_check(MpObject *o)
{
    return MpType_IsSubtype(Mp_TYPE(o), &Array_Type);
}

#define A(o) ((ArrayObject *)(o))
#define ITEMSIZE(a) ((a)->ob_descr->itemsize)
#define ITEM(a, i) ((a)->ob_item + (i)*ITEMSIZE(a))

/* The Python value of item i.  Refs: NEW. */
static MpObject *
getitem(ArrayObject *a, Mp_ssize_t i)
{
    const char *p = ITEM(a, i);
    if (a->ob_descr->typecode == 'u') {
        uint32_t cp;
        memcpy(&cp, p, 4);
        if (cp > 0x10ffff) {  // frombytes() stores any 4 bytes
            MpErr_SetString(MpExc_ValueError,
                            "chr() arg not in range(0x110000)");
            return NULL;
        }
        return MpStr_FromCodePoint(cp);
    }
    return MpBuffer_UnpackItem(a->ob_descr->format, p);
}

static int
overflow(const char *what)
{
    MpErr_SetString(MpExc_OverflowError, what);
    return -1;
}

/* Stores an int into an integer item, with CPython's messages: values
   are first made a C long (unsigned long for I and L, long long for q
   and Q), then range-checked for the narrower types. */
static int
setitem_int(const Descr *d, char *p, MpObject *v)
{
    MpObject *i = MpNumber_Index(v);
    if (i == NULL) {
        return -1;
    }
    int64_t s = 0;
    int small = MpLong_AsSmall(i, &s);
    int neg = MpLong_Sign(i) < 0;
    uint64_t u = 0;
    int fits_u64 = 0;
    if (!small && !neg) {
        mpz_t z;
        mpz_init(z);
        MpLong_AsMpz(i, z);
        fits_u64 = mpz_sizeinbase(z, 2) <= 64;
        u = fits_u64 ? (uint64_t)mpz_get_ui(z) : 0;
        mpz_clear(z);
    }
    else if (small && !neg) {
        u = (uint64_t)s;
        fits_u64 = 1;
    }
    Mp_DECREF(i);
    char msg[64];
    switch (d->typecode) {
    case 'b':
    case 'B':
    case 'h':
    case 'H':
    case 'i': {
        if (!small) {
            return overflow("Python int too large to convert to C long");
        }
        int64_t lo, hi;
        switch (d->typecode) {
        case 'b':
            lo = INT8_MIN, hi = INT8_MAX;
            break;
        case 'B':
            lo = 0, hi = UINT8_MAX;
            break;
        case 'h':
            lo = INT16_MIN, hi = INT16_MAX;
            break;
        case 'H':
            lo = 0, hi = UINT16_MAX;
            break;
        default:
            lo = INT32_MIN, hi = INT32_MAX;
            break;
        }
        if (s < lo || s > hi) {
            snprintf(msg, sizeof msg, "%s is %s", d->cname,
                     s < lo ? "less than minimum" : "greater than maximum");
            return overflow(msg);
        }
        /* The low bytes of s, in the machine's order (little-endian
           x86-64 and ARM64: the first d->itemsize bytes of s). */
        uint64_t bits = (uint64_t)s;
        uint8_t b1 = (uint8_t)bits;
        uint16_t b2 = (uint16_t)bits;
        uint32_t b4 = (uint32_t)bits;
        memcpy(p,
               d->itemsize == 1   ? (void *)&b1
               : d->itemsize == 2 ? (void *)&b2
                                  : (void *)&b4,
               (size_t)d->itemsize);
        return 0;
    }
    case 'I':
    case 'L':
        if (neg) {
            return overflow("can't convert negative value to unsigned int");
        }
        if (!fits_u64) {
            return overflow("Python int too large to convert to C unsigned "
                            "long");
        }
        if (d->typecode == 'I') {
            if (u > UINT32_MAX) {
                return overflow("unsigned int is greater than maximum");
            }
            uint32_t c = (uint32_t)u;
            memcpy(p, &c, 4);
        }
        else {
            memcpy(p, &u, 8);
        }
        return 0;
    case 'l':
    case 'q':
        if (!small) {
            return overflow(d->typecode == 'l'
                                ? "Python int too large to convert to C long"
                                : "int too big to convert");
        }
        memcpy(p, &s, 8);
        return 0;
    default:  // 'Q'
        if (neg) {
            return overflow("can't convert negative int to unsigned");
        }
        if (!fits_u64) {
            return overflow("int too big to convert");
        }
        memcpy(p, &u, 8);
        return 0;
    }
}

/* Stores v as one item of type d at p.  Returns 0, or -1 with TypeError,
   OverflowError. */
static int
setitem_raw(const Descr *d, char *p, MpObject *v)
{
    switch (d->typecode) {
    case 'f':
    case 'd': {
        double x = MpFloat_AsDouble(v);
        if (x == -1.0 && MpErr_Occurred()) {
            return -1;
        }
        if (d->typecode == 'f') {
            float f = (float)x;
            memcpy(p, &f, 4);
        }
        else {
            memcpy(p, &x, 8);
        }
        return 0;
    }
    case 'u': {
        if (!MpStr_Check(v) || MpStr_GET_LENGTH(v) != 1) {
            MpErr_SetString(MpExc_TypeError,
                            "array item must be unicode character");
            return -1;
        }
        uint32_t cp = MpStr_READ(v, 0);
        memcpy(p, &cp, 4);
        return 0;
    }
    default:
        return setitem_int(d, p, v);
    }
}
/* }====== */

/* {====== Storage ====== */

/* Changes the number of items to n, keeping the first min(n, old)
   items.  Returns 0, or -1 with BufferError while exported, MemoryError. */
static int
array_resize(ArrayObject *a, Mp_ssize_t n)
{
    if (n == Mp_SIZE(a)) {
        return 0;
    }
    if (a->ob_exports > 0) {
        MpErr_SetString(MpExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (n > a->allocated || n < a->allocated / 2) {
        /* Over-allocate by about 1/16 when growing (CPython's pattern), so
           that appends are amortised O(1). */
        Mp_ssize_t alloc = 0;
        if ((n != 0 && __builtin_add_overflow(n, (n >> 4) + (n < 8 ? 3 : 7),
                                              &alloc)) ||
            alloc > PTRDIFF_MAX / ITEMSIZE(a)) {
            MpErr_NoMemory();
            return -1;
        }
        char *items = realloc(a->ob_item, (size_t)(alloc * ITEMSIZE(a)) + 1);
        if (items == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        a->ob_item = items;
        a->allocated = alloc;
    }
    a->ob_base.ob_size = n;
    return 0;
}

/* An empty array of type d.  Refs: NEW. */
static ArrayObject *
new_array(MpTypeObject *type, const Descr *d, Mp_ssize_t n)
{
    ArrayObject *a = (ArrayObject *)MpObject_New(type);
    if (a == NULL) {
        return NULL;
    }
    a->ob_descr = d;
    if (array_resize(a, n) < 0) {
        Mp_DECREF(a);
        return NULL;
    }
    if (n > 0) {
        memset(a->ob_item, 0, (size_t)(n * ITEMSIZE(a)));
    }
    return a;
}

static void
array_dealloc(MpObject *o)
{
    free(A(o)->ob_item);
    MpObject_Free(o);
}

/* Appends raw bytes (a whole number of items). */
static int
append_raw(ArrayObject *a, const char *data, Mp_ssize_t nbytes)
{
    Mp_ssize_t old = Mp_SIZE(a);
    if (array_resize(a, old + nbytes / ITEMSIZE(a)) < 0) {
        return -1;
    }
    if (nbytes > 0) {
        memmove(ITEM(a, old), data, (size_t)nbytes);
    }
    return 0;
}

static int
append_obj(ArrayObject *a, MpObject *v)
{
    char tmp[8];
    if (setitem_raw(a->ob_descr, tmp, v) < 0) {
        return -1;
    }
    return append_raw(a, tmp, ITEMSIZE(a));
}

/* Appends every item of an iterable; on error the array is left as it
   was.  Returns 0 or -1. */
static int
extend_iter(ArrayObject *a, MpObject *iterable)
{
    MpObject *it = MpObject_GetIter(iterable);
    if (it == NULL) {
        return -1;
    }
    Mp_ssize_t old = Mp_SIZE(a);
    MpObject *v;
    while ((v = MpIter_Next(it)) != NULL) {
        int r = append_obj(a, v);
        Mp_DECREF(v);
        if (r < 0) {
            break;
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        if (a->ob_exports == 0) {
            array_resize(a, old);
        }
        return -1;
    }
    return 0;
}

/* Appends the items of a unicode str to a 'u' array. */
static int
extend_unicode(ArrayObject *a, MpObject *s)
{
    Mp_ssize_t n = MpStr_GET_LENGTH(s), old = Mp_SIZE(a);
    if (array_resize(a, old + n) < 0) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        uint32_t cp = MpStr_READ(s, i);
        memcpy(ITEM(a, old + i), &cp, 4);
    }
    return 0;
}

static int
frombytes_(ArrayObject *a, MpObject *b)
{
    MpBuffer v;
    if (MpObject_GetBuffer(b, &v, MP_BUF_SIMPLE) < 0) {
        return -1;
    }
    int r;
    if (v.len % ITEMSIZE(a) != 0) {
        MpErr_SetString(MpExc_ValueError,
                        "bytes length not a multiple of item size");
        r = -1;
    }
    else {
        r = append_raw(a, v.buf, v.len);
    }
    MpBuffer_Release(&v);
    return r;
}
/* }====== */

/* {====== Construction ====== */

static const Descr *
find_descr(char c)
{
    for (size_t i = 0; i < sizeof descrs / sizeof descrs[0]; i++) {
        if (descrs[i].typecode == c) {
            return &descrs[i];
        }
    }
    return NULL;
}

static MpObject *
array_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (type == &Array_Type && kwargs != NULL && MpDict_GET_SIZE(kwargs)) {
        return MpErr_Format(MpExc_TypeError,
                            "array.array() takes no keyword arguments");
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n < 1 || n > 2) {
        return MpErr_Format(MpExc_TypeError,
                            n < 1 ? "array() takes at least 1 argument (%zd "
                                    "given)"
                                  : "array() takes at most 2 arguments (%zd "
                                    "given)",
                            n);
    }
    MpObject *tc = MpTuple_GET_ITEM(args, 0);
    if (!MpStr_Check(tc) || MpStr_GET_LENGTH(tc) != 1) {
        return MpErr_Format(MpExc_TypeError,
                            "array() argument 1 must be a unicode character, "
                            "not %.50s",
                            MpType_Name(Mp_TYPE(tc)));
    }
    uint32_t c = MpStr_READ(tc, 0);
    const Descr *d = c < 128 ? find_descr((char)c) : NULL;
    if (d == NULL) {
        MpErr_SetString(MpExc_ValueError,
                        "bad typecode (must be b, B, u, h, H, i, I, l, L, "
                        "q, Q, f or d)");
        return NULL;
    }
    MpObject *init = n > 1 ? MpTuple_GET_ITEM(args, 1) : NULL;
    if (init != NULL && MpStr_Check(init) && d->typecode != 'u') {
        return MpErr_Format(MpExc_TypeError,
                            "cannot use a str to initialize an array with "
                            "typecode '%c'",
                            d->typecode);
    }
    if (init != NULL && array_check(init) &&
        A(init)->ob_descr->typecode == 'u' && d->typecode != 'u') {
        return MpErr_Format(MpExc_TypeError,
                            "cannot use a unicode array to initialize an "
                            "array with typecode '%c'",
                            d->typecode);
    }
    ArrayObject *a = new_array(type, d, 0);
    if (a == NULL || init == NULL) {
        return (MpObject *)a;
    }
    int r;
    if (MpStr_Check(init)) {
        r = extend_unicode(a, init);
    }
    else if (array_check(init) && A(init)->ob_descr == d) {
        r = append_raw(a, A(init)->ob_item, Mp_SIZE(init) * ITEMSIZE(a));
    }
    else if (MpBytes_Check(init) || MpByteArray_Check(init)) {
        r = frombytes_(a, init);
    }
    else {
        r = extend_iter(a, init);
    }
    if (r < 0) {
        Mp_DECREF(a);
        return NULL;
    }
    return (MpObject *)a;
}

/* A new array of a's type and typecode holding n raw items from data.
   Refs: NEW. */
static MpObject *
array_from_raw(ArrayObject *a, const char *data, Mp_ssize_t n)
{
    ArrayObject *r = new_array(&Array_Type, a->ob_descr, n);
    if (r != NULL && n > 0) {
        memcpy(r->ob_item, data, (size_t)(n * ITEMSIZE(a)));
    }
    return (MpObject *)r;
}
/* }====== */

/* {====== Sequence protocol ====== */

static Mp_ssize_t
array_length(MpObject *o)
{
    return Mp_SIZE(o);
}

static MpObject *
array_item(MpObject *o, Mp_ssize_t i)
{
    if (i < 0 || i >= Mp_SIZE(o)) {
        MpErr_SetString(MpExc_IndexError, "array index out of range");
        return NULL;
    }
    return getitem(A(o), i);
}

static int
array_del_slice(ArrayObject *a, Mp_ssize_t lo, Mp_ssize_t hi)
{
    Mp_ssize_t n = Mp_SIZE(a);
    if (a->ob_exports > 0) {
        MpErr_SetString(MpExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    memmove(ITEM(a, lo), ITEM(a, hi), (size_t)((n - hi) * ITEMSIZE(a)));
    return array_resize(a, n - (hi - lo));
}

static int
array_ass_item(MpObject *o, Mp_ssize_t i, MpObject *v)
{
    ArrayObject *a = A(o);
    if (i < 0 || i >= Mp_SIZE(o)) {
        MpErr_SetString(MpExc_IndexError,
                        "array assignment index out of range");
        return -1;
    }
    if (v == NULL) {
        return array_del_slice(a, i, i + 1);
    }
    return setitem_raw(a->ob_descr, ITEM(a, i), v);
}

static int
array_contains(MpObject *o, MpObject *v)
{
    for (Mp_ssize_t i = 0; i < Mp_SIZE(o); i++) {
        MpObject *x = getitem(A(o), i);
        if (x == NULL) {
            return -1;
        }
        int r = MpObject_RichCompareBool(x, v, Mp_EQ);
        Mp_DECREF(x);
        if (r != 0) {
            return r;
        }
    }
    return 0;
}

static MpObject *
array_concat(MpObject *o, MpObject *b)
{
    if (!array_check(b)) {
        return MpErr_Format(MpExc_TypeError,
                            "can only append array (not \"%.200s\") to array",
                            MpType_Name(Mp_TYPE(b)));
    }
    ArrayObject *a = A(o);
    if (A(b)->ob_descr != a->ob_descr) {
        MpErr_SetString(MpExc_TypeError,
                        "bad argument type for built-in operation");
        return NULL;
    }
    Mp_ssize_t na = Mp_SIZE(a), nb = Mp_SIZE(b);
    ArrayObject *r = new_array(&Array_Type, a->ob_descr, na + nb);
    if (r != NULL) {
        if (na > 0) {
            memcpy(r->ob_item, a->ob_item, (size_t)(na * ITEMSIZE(a)));
        }
        if (nb > 0) {
            memcpy(ITEM(r, na), A(b)->ob_item, (size_t)(nb * ITEMSIZE(a)));
        }
    }
    return (MpObject *)r;
}

/* buf holds `unit` bytes; makes it k copies of them (room for them
   given), by copies that double what is done: O(log k) memcpy calls. */
static void
repeat_first(char *buf, size_t unit, size_t k)
{
    size_t total = unit * k;
    for (size_t done = unit; done < total;) {
        size_t chunk = done <= total - done ? done : total - done;
        memcpy(buf + done, buf, chunk);
        done += chunk;
    }
}

static MpObject *
array_repeat(MpObject *o, Mp_ssize_t k)
{
    ArrayObject *a = A(o);
    Mp_ssize_t n = Mp_SIZE(a);
    if (k < 0) {
        k = 0;
    }
    if (n > 0 && k > PTRDIFF_MAX / ITEMSIZE(a) / n) {
        return MpErr_NoMemory();
    }
    ArrayObject *r = new_array(&Array_Type, a->ob_descr, n * k);
    if (r != NULL && n * k > 0) {
        memcpy(r->ob_item, a->ob_item, (size_t)(n * ITEMSIZE(a)));
        repeat_first(r->ob_item, (size_t)(n * ITEMSIZE(a)), (size_t)k);
    }
    return (MpObject *)r;
}

static MpObject *
array_inplace_concat(MpObject *o, MpObject *b)
{
    if (!array_check(b)) {
        return MpErr_Format(MpExc_TypeError,
                            "can only extend array with array (not "
                            "\"%.200s\")",
                            MpType_Name(Mp_TYPE(b)));
    }
    if (A(b)->ob_descr != A(o)->ob_descr) {
        MpErr_SetString(MpExc_TypeError,
                        "can only extend with array of same kind");
        return NULL;
    }
    if (append_raw(A(o), A(b)->ob_item, Mp_SIZE(b) * ITEMSIZE(A(o))) < 0) {
        return NULL;
    }
    return Mp_NewRef(o);
}

static MpObject *
array_inplace_repeat(MpObject *o, Mp_ssize_t k)
{
    ArrayObject *a = A(o);
    Mp_ssize_t n = Mp_SIZE(a);
    if (k <= 0) {
        if (array_resize(a, 0) < 0) {
            return NULL;
        }
        return Mp_NewRef(o);
    }
    if (n > 0 && k > PTRDIFF_MAX / ITEMSIZE(a) / n) {
        return MpErr_NoMemory();
    }
    if (array_resize(a, n * k) < 0) {
        return NULL;
    }
    repeat_first(a->ob_item, (size_t)(n * ITEMSIZE(a)), (size_t)k);
    return Mp_NewRef(o);
}

static MpObject *
array_subscript(MpObject *o, MpObject *key)
{
    ArrayObject *a = A(o);
    Mp_ssize_t i;
    int r = MpSeq_IndexFromKey(key, &i);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        return array_item(o, i < 0 ? i + Mp_SIZE(o) : i);
    }
    if (!MpSlice_Check(key)) {
        MpErr_SetString(MpExc_TypeError, "array indices must be integers");
        return NULL;
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return NULL;
    }
    Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(a), &start, &stop, step);
    if (step == 1) {
        return array_from_raw(a, n > 0 ? ITEM(a, start) : NULL, n);
    }
    ArrayObject *res = new_array(&Array_Type, a->ob_descr, n);
    for (Mp_ssize_t k = 0; res != NULL && k < n; k++) {
        memcpy(ITEM(res, k), ITEM(a, start + k * step), (size_t)ITEMSIZE(a));
    }
    return (MpObject *)res;
}

static int
array_ass_subscript(MpObject *o, MpObject *key, MpObject *value)
{
    ArrayObject *a = A(o);
    Mp_ssize_t i;
    int r = MpSeq_IndexFromKey(key, &i);
    if (r < 0) {
        return -1;
    }
    if (r > 0) {
        return array_ass_item(o, i < 0 ? i + Mp_SIZE(o) : i, value);
    }
    if (!MpSlice_Check(key)) {
        MpErr_SetString(MpExc_TypeError, "array indices must be integers");
        return -1;
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(a), &start, &stop, step);
    if (value != NULL && !array_check(value)) {
        MpErr_Format(MpExc_TypeError,
                     "can only assign array (not \"%.200s\") to array slice",
                     MpType_Name(Mp_TYPE(value)));
        return -1;
    }
    if (value != NULL && A(value)->ob_descr != a->ob_descr) {
        MpErr_SetString(MpExc_TypeError,
                        "bad argument type for built-in operation");
        return -1;
    }
    /* As CPython (its issue #4509): with live exports, fail before
       touching anything unless the items are replaced one for one. */
    Mp_ssize_t needed = value != NULL ? Mp_SIZE(value) : 0;
    if ((needed == 0 || n != needed) && a->ob_exports > 0) {
        MpErr_SetString(MpExc_BufferError,
                        "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (value == NULL) {
        if (step < 0) {  // the same items, walked forwards
            start += step * (n - 1);
            step = -step;
        }
        if (step == 1) {
            return array_del_slice(a, start, start + n);
        }
        if (n > 0 && a->ob_exports > 0) {
            MpErr_SetString(MpExc_BufferError,
                            "cannot resize an array that is exporting "
                            "buffers");
            return -1;
        }
        /* Compact the kept items over the deleted ones. */
        Mp_ssize_t w = start;
        for (Mp_ssize_t k = start; k < Mp_SIZE(a); k++) {
            if (k >= start && (k - start) % step == 0 &&
                (k - start) / step < n) {
                continue;
            }
            memmove(ITEM(a, w), ITEM(a, k), (size_t)ITEMSIZE(a));
            w++;
        }
        return array_resize(a, Mp_SIZE(a) - n);
    }
    Mp_ssize_t nv = Mp_SIZE(value);
    Mp_ssize_t isz = ITEMSIZE(a);
    /* A copy of the source: a[1:] = a must read the old items. */
    char *src = malloc((size_t)(nv * isz) + 1);
    if (src == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    if (nv > 0) {
        memcpy(src, A(value)->ob_item, (size_t)(nv * isz));
    }
    int res = 0;
    if (step == 1) {
        if (stop < start) {
            stop = start;
        }
        Mp_ssize_t old = Mp_SIZE(a), tail = old - stop;
        Mp_ssize_t newn = old - (stop - start) + nv;
        if (newn > old && (res = array_resize(a, newn)) < 0) {
            goto done;
        }
        if (newn != old && a->ob_exports > 0) {
            res = -1;
            MpErr_SetString(MpExc_BufferError,
                            "cannot resize an array that is exporting "
                            "buffers");
            goto done;
        }
        memmove(ITEM(a, start + nv), ITEM(a, stop), (size_t)(tail * isz));
        if (newn < old) {
            res = array_resize(a, newn);
        }
        if (nv > 0) {
            memcpy(ITEM(a, start), src, (size_t)(nv * isz));
        }
    }
    else if (nv != n) {
        MpErr_Format(MpExc_ValueError,
                     "attempt to assign array of size %zd to extended slice "
                     "of size %zd",
                     nv, n);
        res = -1;
    }
    else {
        for (Mp_ssize_t k = 0; k < n; k++) {
            memcpy(ITEM(a, start + k * step), src + k * isz, (size_t)isz);
        }
    }
done:
    free(src);
    return res;
}
/* }====== */

/* {====== Comparison, repr ====== */

static MpObject *
array_richcompare(MpObject *o, MpObject *w, int op)
{
    if (!array_check(w)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    Mp_ssize_t na = Mp_SIZE(o), nb = Mp_SIZE(w);
    if (na != nb && (op == Mp_EQ || op == Mp_NE)) {
        return MpBool_FromLong(op == Mp_NE);
    }
    /* The first index where the items differ decides. */
    Mp_ssize_t i;
    for (i = 0; i < na && i < nb; i++) {
        MpObject *x = getitem(A(o), i), *y = x ? getitem(A(w), i) : NULL;
        int eq = y ? MpObject_RichCompareBool(x, y, Mp_EQ) : -1;
        if (eq == 0) {
            MpObject *r = op == Mp_EQ   ? Mp_NewRef(Mp_False)
                          : op == Mp_NE ? Mp_NewRef(Mp_True)
                                        : MpObject_RichCompare(x, y, op);
            Mp_DECREF(x);
            Mp_DECREF(y);
            return r;
        }
        Mp_XDECREF(x);
        Mp_XDECREF(y);
        if (eq < 0) {
            return NULL;
        }
    }
    return MpRichCompare_FromCmp(na < nb ? -1 : na > nb, op);
}

static MpObject *
array_tolist(MpObject *o, MpObject *unused)
{
    MpObject *l = MpList_New(Mp_SIZE(o));
    for (Mp_ssize_t i = 0; l != NULL && i < Mp_SIZE(o); i++) {
        MpObject *x = getitem(A(o), i);
        if (x == NULL) {
            Mp_CLEAR(&l);
            break;
        }
        MpList_SET_ITEM(l, i, x);
    }
    return l;
}

static MpObject *
array_tounicode_(ArrayObject *a)
{
    Mp_ssize_t n = Mp_SIZE(a);
    for (Mp_ssize_t i = 0; i < n; i++) {
        uint32_t cp;
        memcpy(&cp, ITEM(a, i), 4);
        if (cp > 0x10ffff) {
            return MpErr_Format(MpExc_ValueError,
                                "character U+%x is not in range "
                                "[U+0000; U+10ffff]",
                                cp);
        }
    }
    return MpStr_FromKindAndData(4, a->ob_item, n);
}

static MpObject *
array_repr(MpObject *o)
{
    ArrayObject *a = A(o);
    char tc = a->ob_descr->typecode;
    const char *name = MpType_Name(Mp_TYPE(o));
    if (Mp_SIZE(a) == 0) {
        return MpStr_FromFormat("%s('%c')", name, tc);
    }
    MpObject *v = tc == 'u' ? array_tounicode_(a) : array_tolist(o, NULL);
    if (v == NULL) {
        return NULL;
    }
    MpObject *r = MpStr_FromFormat("%s('%c', %R)", name, tc, v);
    Mp_DECREF(v);
    return r;
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
array_append(MpObject *o, MpObject *v)
{
    if (append_obj(A(o), v) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_extend(MpObject *o, MpObject *b)
{
    if (array_check(b)) {
        MpObject *r = array_inplace_concat(o, b);
        if (r == NULL) {
            return NULL;
        }
        Mp_DECREF(r);
    }
    else if (extend_iter(A(o), b) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_pop(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("pop", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    Mp_ssize_t i = -1, n = Mp_SIZE(o);
    if (nargs > 0) {
        i = MpLong_AsSsize_t(args[0]);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (n == 0) {
        MpErr_SetString(MpExc_IndexError, "pop from empty array");
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        MpErr_SetString(MpExc_IndexError, "pop index out of range");
        return NULL;
    }
    MpObject *v = getitem(A(o), i);
    if (v != NULL && array_del_slice(A(o), i, i + 1) < 0) {
        Mp_CLEAR(&v);
    }
    return v;
}

static MpObject *
array_insert(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("insert", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    Mp_ssize_t i = MpLong_AsSsize_t(args[0]);
    if (i == -1 && MpErr_Occurred()) {
        return NULL;
    }
    ArrayObject *a = A(o);
    char tmp[8];
    if (setitem_raw(a->ob_descr, tmp, args[1]) < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(a);
    i = MpSlice_InsertPosition(i, n);
    if (array_resize(a, n + 1) < 0) {
        return NULL;
    }
    memmove(ITEM(a, i + 1), ITEM(a, i), (size_t)((n - i) * ITEMSIZE(a)));
    memcpy(ITEM(a, i), tmp, (size_t)ITEMSIZE(a));
    return Mp_NewRef(Mp_None);
}

/* The first index in [start, stop) whose item equals v; -1 when none;
   -2 with an exception. */
static Mp_ssize_t
find(ArrayObject *a, MpObject *v, Mp_ssize_t start, Mp_ssize_t stop)
{
    for (Mp_ssize_t i = start; i < stop && i < Mp_SIZE(a); i++) {
        MpObject *x = getitem(a, i);
        if (x == NULL) {
            return -2;
        }
        int r = MpObject_RichCompareBool(x, v, Mp_EQ);
        Mp_DECREF(x);
        if (r != 0) {
            return r < 0 ? -2 : i;
        }
    }
    return -1;
}

static MpObject *
array_index(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("index", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(o), start = 0, stop = PTRDIFF_MAX;
    if ((nargs > 1 && !MpSlice_IndexNotNone(args[1], &start)) ||
        (nargs > 2 && !MpSlice_IndexNotNone(args[2], &stop))) {
        return NULL;
    }
    if (start < 0 && (start += n) < 0) {
        start = 0;
    }
    if (stop < 0 && (stop += n) < 0) {
        stop = 0;
    }
    Mp_ssize_t i = find(A(o), args[0], start, stop);
    if (i == -2) {
        return NULL;
    }
    if (i < 0) {
        MpErr_SetString(MpExc_ValueError, "array.index(x): x not in array");
        return NULL;
    }
    return MpLong_FromSsize_t(i);
}

static MpObject *
array_count(MpObject *o, MpObject *v)
{
    Mp_ssize_t c = 0;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(o); i++) {
        MpObject *x = getitem(A(o), i);
        if (x == NULL) {
            return NULL;
        }
        int r = MpObject_RichCompareBool(x, v, Mp_EQ);
        Mp_DECREF(x);
        if (r < 0) {
            return NULL;
        }
        c += r;
    }
    return MpLong_FromSsize_t(c);
}

static MpObject *
array_remove(MpObject *o, MpObject *v)
{
    Mp_ssize_t i = find(A(o), v, 0, PTRDIFF_MAX);
    if (i == -2) {
        return NULL;
    }
    if (i < 0) {
        MpErr_SetString(MpExc_ValueError, "array.remove(x): x not in array");
        return NULL;
    }
    if (array_del_slice(A(o), i, i + 1) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_reverse(MpObject *o, MpObject *unused)
{
    ArrayObject *a = A(o);
    Mp_ssize_t isz = ITEMSIZE(a);
    char tmp[8];
    for (Mp_ssize_t i = 0, j = Mp_SIZE(a) - 1; i < j; i++, j--) {
        memcpy(tmp, ITEM(a, i), (size_t)isz);
        memcpy(ITEM(a, i), ITEM(a, j), (size_t)isz);
        memcpy(ITEM(a, j), tmp, (size_t)isz);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_byteswap(MpObject *o, MpObject *unused)
{
    ArrayObject *a = A(o);
    Mp_ssize_t isz = ITEMSIZE(a);
    for (Mp_ssize_t i = 0; i < Mp_SIZE(a); i++) {
        char *p = ITEM(a, i);
        for (Mp_ssize_t k = 0; k < isz / 2; k++) {
            char t = p[k];
            p[k] = p[isz - 1 - k];
            p[isz - 1 - k] = t;
        }
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_tobytes(MpObject *o, MpObject *unused)
{
    return MpBytes_FromStringAndSize(A(o)->ob_item,
                                     Mp_SIZE(o) * ITEMSIZE(A(o)));
}

static MpObject *
array_frombytes(MpObject *o, MpObject *b)
{
    if (frombytes_(A(o), b) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_fromlist(MpObject *o, MpObject *l)
{
    if (!MpList_Check(l)) {
        MpErr_SetString(MpExc_TypeError, "arg must be list");
        return NULL;
    }
    if (extend_iter(A(o), l) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_fromunicode(MpObject *o, MpObject *s)
{
    if (!MpStr_Check(s)) {
        return MpErr_Format(MpExc_TypeError,
                            "fromunicode() argument must be str, not %.50s",
                            MpType_Name(Mp_TYPE(s)));
    }
    if (A(o)->ob_descr->typecode != 'u') {
        MpErr_SetString(MpExc_ValueError,
                        "fromunicode() may only be called on unicode type "
                        "arrays");
        return NULL;
    }
    if (extend_unicode(A(o), s) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
array_tounicode(MpObject *o, MpObject *unused)
{
    if (A(o)->ob_descr->typecode != 'u') {
        MpErr_SetString(MpExc_ValueError,
                        "tounicode() may only be called on unicode type "
                        "arrays");
        return NULL;
    }
    return array_tounicode_(A(o));
}

static MpObject *
array_buffer_info(MpObject *o, MpObject *unused)
{
    MpObject *addr = MpLong_FromUInt64((uintptr_t)A(o)->ob_item);
    MpObject *len = MpLong_FromSsize_t(Mp_SIZE(o));
    MpObject *t = addr && len ? MpTuple_Pack(2, addr, len) : NULL;
    Mp_XDECREF(addr);
    Mp_XDECREF(len);
    return t;
}

static MpObject *
array_copy(MpObject *o, MpObject *unused)
{
    return array_from_raw(A(o), A(o)->ob_item, Mp_SIZE(o));
}

static MpObject *
array_get_typecode(MpObject *o, void *closure)
{
    char tc = A(o)->ob_descr->typecode;
    return MpStr_FromUTF8(&tc, 1);
}

static MpObject *
array_get_itemsize(MpObject *o, void *closure)
{
    return MpLong_FromSsize_t(ITEMSIZE(A(o)));
}
/* }====== */

/* {====== The buffer protocol ====== */

static int
array_getbuffer(MpObject *o, MpBuffer *v, int flags)
{
    ArrayObject *a = A(o);
    static char empty[8];
    v->buf = a->ob_item != NULL ? a->ob_item : empty;
    v->obj = Mp_NewRef(o);
    v->len = Mp_SIZE(a) * ITEMSIZE(a);
    v->itemsize = ITEMSIZE(a);
    v->readonly = 0;
    v->ndim = 1;
    v->format = a->ob_descr->format;
    /* Both point into the array and its type table: valid while the view
       lives, since the export forbids resizing. */
    v->shape = &a->ob_base.ob_size;
    v->strides = (Mp_ssize_t *)&a->ob_descr->itemsize;
    v->suboffsets = NULL;
    v->internal = NULL;
    a->ob_exports++;
    return 0;
}

static void
array_releasebuffer(MpObject *o, MpBuffer *v)
{
    A(o)->ob_exports--;
}

static MpBufferProcs array_as_buffer = {array_getbuffer, array_releasebuffer};
/* }====== */

/* {====== Iteration ====== */

typedef struct {
    MpObject_HEAD
    MpObject *it_seq;  // the array; NULL once exhausted
    Mp_ssize_t it_index;
} ArrayIter;

static MpObject *
array_iter(MpObject *o)
{
    ArrayIter *it = (ArrayIter *)MpObject_New(&ArrayIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_seq = Mp_NewRef(o);
    MpObject_GC_Track(it);
    return (MpObject *)it;
}

static MpObject *
arrayiter_next(MpObject *o)
{
    ArrayIter *it = (ArrayIter *)o;
    if (it->it_seq == NULL) {
        return NULL;
    }
    if (it->it_index >= Mp_SIZE(it->it_seq)) {
        Mp_CLEAR(&it->it_seq);
        return NULL;
    }
    return getitem(A(it->it_seq), it->it_index++);
}

static void
arrayiter_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(((ArrayIter *)o)->it_seq);
    MpObject_Free(o);
}

static int
arrayiter_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *s = ((ArrayIter *)o)->it_seq;
    return s != NULL ? visit(s, arg) : 0;
}

static MpTypeObject ArrayIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(ArrayIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = arrayiter_dealloc,
    .tp_traverse = arrayiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = arrayiter_next,
};
/* }====== */

/* {====== The type and the module ====== */

static MpMethodDef array_methods[] = {
    {"append", (void *)array_append, MP_METH_O, NULL},
    {"extend", (void *)array_extend, MP_METH_O, NULL},
    {"pop", (void *)array_pop, MP_METH_FASTCALL, NULL},
    {"insert", (void *)array_insert, MP_METH_FASTCALL, NULL},
    {"index", (void *)array_index, MP_METH_FASTCALL, NULL},
    {"count", (void *)array_count, MP_METH_O, NULL},
    {"remove", (void *)array_remove, MP_METH_O, NULL},
    {"reverse", (void *)array_reverse, MP_METH_NOARGS, NULL},
    {"byteswap", (void *)array_byteswap, MP_METH_NOARGS, NULL},
    {"tolist", (void *)array_tolist, MP_METH_NOARGS, NULL},
    {"tobytes", (void *)array_tobytes, MP_METH_NOARGS, NULL},
    {"frombytes", (void *)array_frombytes, MP_METH_O, NULL},
    {"fromlist", (void *)array_fromlist, MP_METH_O, NULL},
    {"fromunicode", (void *)array_fromunicode, MP_METH_O, NULL},
    {"tounicode", (void *)array_tounicode, MP_METH_NOARGS, NULL},
    {"buffer_info", (void *)array_buffer_info, MP_METH_NOARGS, NULL},
    {"__copy__", (void *)array_copy, MP_METH_NOARGS, NULL},
    {"__deepcopy__", (void *)array_copy, MP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef array_getset[] = {
    {"typecode", array_get_typecode, NULL, NULL, NULL},
    {"itemsize", array_get_itemsize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpSequenceMethods array_as_sequence = {
    .sq_length = array_length,
    .sq_concat = array_concat,
    .sq_repeat = array_repeat,
    .sq_item = array_item,
    .sq_ass_item = array_ass_item,
    .sq_contains = array_contains,
    .sq_inplace_concat = array_inplace_concat,
    .sq_inplace_repeat = array_inplace_repeat,
};

static MpMappingMethods array_as_mapping = {
    .mp_length = array_length,
    .mp_subscript = array_subscript,
    .mp_ass_subscript = array_ass_subscript,
};

static MpTypeObject Array_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "array.array",
    .tp_basicsize = sizeof(ArrayObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = array_dealloc,
    .tp_repr = array_repr,
    .tp_richcompare = array_richcompare,
    .tp_iter = array_iter,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_as_buffer = &array_as_buffer,
    .tp_new = array_new,
    .tp_methods = array_methods,
    .tp_getset = array_getset,
    .tp_doc = "array(typecode [, initializer]) -> array\n\n"
              "Return a new array whose items are restricted by typecode.",
};

/* The module object `import array` finds.  Refs: NEW; NULL with an
   exception. */
MpObject *
MpArrayModule_Create(void)
{
    if (MpType_Ready(&Array_Type) < 0 || MpType_Ready(&ArrayIter_Type) < 0) {
        return NULL;
    }
    MpObject *m = MpModule_New("array");
    if (m == NULL ||
        MpModule_AddObject(m, "array", Mp_NewRef(&Array_Type)) < 0 ||
        MpModule_AddObject(m, "ArrayType", Mp_NewRef(&Array_Type)) < 0 ||
        MpModule_AddObject(m, "typecodes", MpStr_FromString("bBuhHiIlLqQfd")) <
            0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
