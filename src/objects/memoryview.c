/* memoryview.c — the buffer protocol's helpers, and memoryview.

   A memoryview reads and writes another object's memory in place.  It
   never copies: slicing makes a new view whose pointer, shape and strides
   describe a part of the same memory, and cast() reinterprets the same
   bytes with another item format and shape.

   The view of an n-dimensional array of items is (buf, itemsize, shape[],
   strides[]): item (i0, i1, ...) lives at buf + i0*strides[0] +
   i1*strides[1] + ...  A C-contiguous view has strides[k] = itemsize *
   shape[k+1] * ... * shape[n-1]; a slice with step s multiplies
   strides[0] by s and may be negative:

       m = memoryview(b'abcdef')        buf ->a, shape (6,), strides (1,)
       m[::-2]                          buf ->f, shape (3,), strides (-2,)
       m.cast('B', [2, 3])              buf ->a, shape (2,3), strides (3,1)

   Lifetime.  The export taken from the underlying object lives in a
   managed buffer (memoryview.h) shared by every view derived from it; the
   managed buffer counts its registered views and gives the export back to
   the object when the last one is released (by release(), a `with` block
   or deallocation).  Until then a bytearray, an array or an mmap refuses
   to resize or close.  A memoryview that is itself exported (bytes(m) in
   progress, a memoryview consumer in C) counts those exports and refuses
   release() while any remain.

   Items are converted to Python values only for the native
   single-character formats (c b B h H i I l L q Q n N f d ? P), which is
   what every exporter in minipy produces; other formats give
   NotImplementedError, as CPython's does for formats the struct module
   cannot read.

   CPython counterpart: Objects/memoryobject.c, Objects/abstract.c
   (PyObject_GetBuffer, PyBuffer_IsContiguous).
   Read first: mbuf_add_view, memory_subscript */
#include "objects/memoryview.h"

#include <gmp.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* mv_flags */
enum {
    MV_RELEASED = 1,
    MV_C = 2,  // C-contiguous
    MV_F = 4,  // Fortran-contiguous
};

/* {====== The buffer protocol ====== */

int
MpObject_CheckBuffer(MpObject *o)
{
    MpBufferProcs *bp = Mp_TYPE(o)->tp_as_buffer;
    return bp != NULL && bp->bf_getbuffer != NULL;
}

int
MpObject_GetBuffer(MpObject *o, MpBuffer *view, int flags)
{
    if (!MpObject_CheckBuffer(o)) {
        MpErr_Format(MpExc_TypeError,
                     "a bytes-like object is required, not '%.100s'",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    memset(view, 0, sizeof(*view));
    return Mp_TYPE(o)->tp_as_buffer->bf_getbuffer(o, view, flags);
}

void
MpBuffer_Release(MpBuffer *view)
{
    MpObject *o = view->obj;
    if (o == NULL) {
        return;
    }
    MpBufferProcs *bp = Mp_TYPE(o)->tp_as_buffer;
    if (bp != NULL && bp->bf_releasebuffer != NULL) {
        bp->bf_releasebuffer(o, view);
    }
    view->obj = NULL;
    Mp_DECREF(o);
}

static int
c_contiguous(int ndim, const Mp_ssize_t *shape, const Mp_ssize_t *strides,
             Mp_ssize_t itemsize)
{
    if (strides == NULL) {
        return 1;
    }
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0) {
            return 1;  // no items: any layout will do
        }
    }
    Mp_ssize_t sd = itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        if (shape[i] > 1 && strides[i] != sd) {
            return 0;
        }
        sd *= shape[i];
    }
    return 1;
}

static int
f_contiguous(int ndim, const Mp_ssize_t *shape, const Mp_ssize_t *strides,
             Mp_ssize_t itemsize)
{
    if (strides == NULL) {
        return ndim <= 1;
    }
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0) {
            return 1;
        }
    }
    Mp_ssize_t sd = itemsize;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] > 1 && strides[i] != sd) {
            return 0;
        }
        sd *= shape[i];
    }
    return 1;
}

int
MpBuffer_IsContiguous(const MpBuffer *v, char order)
{
    if (v->shape == NULL) {
        return 1;  // a simple (1-D, bytes) view
    }
    int c = c_contiguous(v->ndim, v->shape, v->strides, v->itemsize);
    if (order == 'C') {
        return c;
    }
    int f = f_contiguous(v->ndim, v->shape, v->strides, v->itemsize);
    return order == 'F' ? f : (c || f);
}

/* Copies the items of an ndim-dimensional array with the given shape from
   src (strides sstr) to dst (strides dstr), item by item along the last
   dimension, recursing over the others. */
static void
copy_strided(char *dst, const Mp_ssize_t *dstr, const char *src,
             const Mp_ssize_t *sstr, const Mp_ssize_t *shape, int ndim,
             Mp_ssize_t itemsize)
{
    if (ndim == 0) {
        memmove(dst, src, (size_t)itemsize);
        return;
    }
    if (ndim == 1 && dstr[0] == itemsize && sstr[0] == itemsize) {
        memmove(dst, src, (size_t)(shape[0] * itemsize));
        return;
    }
    for (Mp_ssize_t i = 0; i < shape[0]; i++) {
        copy_strided(dst + i * dstr[0], dstr + 1, src + i * sstr[0], sstr + 1,
                     shape + 1, ndim - 1, itemsize);
    }
}

/* The strides of a contiguous array of this shape in the given order. */
static void
contiguous_strides(Mp_ssize_t *strides, const Mp_ssize_t *shape, int ndim,
                   Mp_ssize_t itemsize, char order)
{
    Mp_ssize_t sd = itemsize;
    if (order == 'F') {
        for (int i = 0; i < ndim; i++) {
            strides[i] = sd;
            sd *= shape[i];
        }
    }
    else {
        for (int i = ndim - 1; i >= 0; i--) {
            strides[i] = sd;
            sd *= shape[i];
        }
    }
}

void
MpBuffer_ToContiguous(void *dst, const MpBuffer *v, char order)
{
    if (v->shape == NULL || MpBuffer_IsContiguous(v, order)) {
        memcpy(dst, v->buf, (size_t)v->len);
        return;
    }
    Mp_ssize_t dstr[MP_BUF_MAX_NDIM];
    contiguous_strides(dstr, v->shape, v->ndim, v->itemsize, order);
    copy_strided(dst, dstr, v->buf, v->strides, v->shape, v->ndim,
                 v->itemsize);
}
/* }====== */

/* {====== Item formats ======
   Native single-character formats: the letter alone or after '@'. */

static char
native_char(const char *fmt)
{
    if (fmt == NULL) {
        return 'B';
    }
    if (fmt[0] == '@') {
        fmt++;
    }
    if (fmt[0] == '\0' || fmt[1] != '\0') {
        return 0;
    }
    return strchr("cbB?hHiIlLqQnNfdP", fmt[0]) != NULL ? fmt[0] : 0;
}

static Mp_ssize_t
char_itemsize(char c)
{
    switch (c) {
    case 'c':
    case 'b':
    case 'B':
    case '?':
        return 1;
    case 'h':
    case 'H':
        return (Mp_ssize_t)sizeof(short);
    case 'i':
    case 'I':
        return (Mp_ssize_t)sizeof(int);
    case 'l':
    case 'L':
        return (Mp_ssize_t)sizeof(long);
    case 'q':
    case 'Q':
        return (Mp_ssize_t)sizeof(long long);
    case 'n':
    case 'N':
        return (Mp_ssize_t)sizeof(size_t);
    case 'f':
        return (Mp_ssize_t)sizeof(float);
    case 'd':
        return (Mp_ssize_t)sizeof(double);
    case 'P':
        return (Mp_ssize_t)sizeof(void *);
    default:
        return -1;
    }
}

Mp_ssize_t
MpBuffer_FormatItemSize(const char *fmt)
{
    char c = native_char(fmt);
    return c ? char_itemsize(c) : -1;
}

static const char *
fmt_or_B(const char *fmt)
{
    return fmt != NULL ? fmt : "B";
}

MpObject *
MpBuffer_UnpackItem(const char *fmt, const char *p)
{
#define LOAD(T) (memcpy(&u.T##_, p, sizeof(T)), u.T##_)
    typedef signed char schar;
    typedef unsigned char uchar;
    typedef unsigned short ushort;
    typedef unsigned int uint;
    typedef unsigned long ulong;
    typedef long long llong;
    typedef unsigned long long ullong;
    typedef void *ptr;
    union {
        schar schar_;
        uchar uchar_;
        short short_;
        ushort ushort_;
        int int_;
        uint uint_;
        long long_;
        ulong ulong_;
        llong llong_;
        ullong ullong_;
        Mp_ssize_t Mp_ssize_t_;
        size_t size_t_;
        float float_;
        double double_;
        ptr ptr_;
    } u;
    switch (native_char(fmt)) {
    case 'B':
        return MpLong_FromInt64(LOAD(uchar));
    case 'b':
        return MpLong_FromInt64(LOAD(schar));
    case 'c':
        return MpBytes_FromStringAndSize(p, 1);
    case '?':
        return MpBool_FromLong(LOAD(uchar) != 0);
    case 'h':
        return MpLong_FromInt64(LOAD(short));
    case 'H':
        return MpLong_FromInt64(LOAD(ushort));
    case 'i':
        return MpLong_FromInt64(LOAD(int));
    case 'I':
        return MpLong_FromInt64(LOAD(uint));
    case 'l':
        return MpLong_FromInt64(LOAD(long));
    case 'L':
        return MpLong_FromUInt64(LOAD(ulong));
    case 'q':
        return MpLong_FromInt64(LOAD(llong));
    case 'Q':
        return MpLong_FromUInt64(LOAD(ullong));
    case 'n':
        return MpLong_FromSsize_t(LOAD(Mp_ssize_t));
    case 'N':
        return MpLong_FromUInt64(LOAD(size_t));
    case 'f':
        return MpFloat_FromDouble(LOAD(float));
    case 'd':
        return MpFloat_FromDouble(LOAD(double));
    case 'P':
        return MpLong_FromUInt64((uintptr_t)LOAD(ptr));
    default:
        return MpErr_Format(MpExc_NotImplementedError,
                            "memoryview: format %s not supported",
                            fmt_or_B(fmt));
    }
#undef LOAD
}

static int
invalid_type(const char *fmt)
{
    MpErr_Format(MpExc_TypeError, "memoryview: invalid type for format '%s'",
                 fmt_or_B(fmt));
    return -1;
}

static int
invalid_value(const char *fmt)
{
    MpErr_Format(MpExc_ValueError, "memoryview: invalid value for format '%s'",
                 fmt_or_B(fmt));
    return -1;
}

/* v as an integer in [lo, hi] (signed) or [0, uhi] (unsigned): the raw
   bits in *out.  TypeError when v has no __index__, ValueError when out of
   range. */
static int
pack_integer(const char *fmt, MpObject *v, int is_signed, int64_t lo,
             int64_t hi, uint64_t uhi, uint64_t *out)
{
    MpObject *i = MpNumber_Index(v);
    if (i == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            return invalid_type(fmt);
        }
        return -1;
    }
    int64_t s;
    int ok;
    if (MpLong_AsSmall(i, &s)) {
        ok = is_signed ? (s >= lo && s <= hi) : (s >= 0 && (uint64_t)s <= uhi);
        *out = (uint64_t)s;
    }
    else {
        /* Beyond int64: only an unsigned 64-bit format can hold it. */
        mpz_t z;
        mpz_init(z);
        MpLong_AsMpz(i, z);
        ok = !is_signed && mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64 &&
             uhi == UINT64_MAX;
        *out = ok ? (uint64_t)mpz_get_ui(z) : 0;  // unsigned long: 64 bits
        mpz_clear(z);
    }
    Mp_DECREF(i);
    return ok ? 0 : invalid_value(fmt);
}

int
MpBuffer_PackItem(const char *fmt, char *p, MpObject *v)
{
    char c = native_char(fmt);
    uint64_t bits;
#define STORE(T, x)                                                           \
    do {                                                                      \
        T t_ = (T)(x);                                                        \
        memcpy(p, &t_, sizeof(T));                                            \
    } while (0)
#define SIGNED(T, LO, HI)                                                     \
    if (pack_integer(fmt, v, 1, LO, HI, 0, &bits) < 0) {                      \
        return -1;                                                            \
    }                                                                         \
    STORE(T, (int64_t)bits);                                                  \
    return 0
#define UNSIGNED(T, HI)                                                       \
    if (pack_integer(fmt, v, 0, 0, 0, HI, &bits) < 0) {                       \
        return -1;                                                            \
    }                                                                         \
    STORE(T, bits);                                                           \
    return 0
    switch (c) {
    case 'b':
        SIGNED(signed char, -128, 127);
    case 'B':
        UNSIGNED(unsigned char, 255);
    case 'h':
        SIGNED(short, -32768, 32767);
    case 'H':
        UNSIGNED(unsigned short, 65535);
    case 'i':
        SIGNED(int, INT32_MIN, INT32_MAX);
    case 'I':
        UNSIGNED(unsigned int, UINT32_MAX);
    case 'l':
    case 'q':
    case 'n':
        SIGNED(int64_t, INT64_MIN, INT64_MAX);
    case 'L':
    case 'Q':
    case 'N':
        UNSIGNED(uint64_t, UINT64_MAX);
    case 'P':
        /* An address: any int that fits in 64 bits, signed or not. */
        if (pack_integer(fmt, v, 1, INT64_MIN, INT64_MAX, 0, &bits) < 0) {
            if (!MpErr_ExceptionMatches(MpExc_ValueError)) {
                return -1;
            }
            MpErr_Clear();
            UNSIGNED(uint64_t, UINT64_MAX);
        }
        STORE(uint64_t, bits);
        return 0;
    case '?': {
        int t = MpObject_IsTrue(v);
        if (t < 0) {
            return -1;
        }
        *p = (char)t;
        return 0;
    }
    case 'c':
        if (!MpBytes_Check(v)) {
            return invalid_type(fmt);
        }
        if (MpBytes_GET_SIZE(v) != 1) {
            return invalid_value(fmt);
        }
        *p = MpBytes_AS_STRING(v)[0];
        return 0;
    case 'f':
    case 'd': {
        double d = MpFloat_AsDouble(v);
        if (d == -1.0 && MpErr_Occurred()) {
            if (MpErr_ExceptionMatches(MpExc_TypeError)) {
                MpErr_Clear();
                return invalid_type(fmt);
            }
            return -1;
        }
        if (c == 'f') {
            STORE(float, d);  // out of range becomes inf, as CPython's
        }
        else {
            STORE(double, d);
        }
        return 0;
    }
    default:
        MpErr_Format(MpExc_NotImplementedError,
                     "memoryview: format %s not supported", fmt_or_B(fmt));
        return -1;
    }
#undef STORE
#undef SIGNED
#undef UNSIGNED
}
/* }====== */

/* {====== The managed buffer ====== */

static void
mbuf_release(MpManagedBufferObject *mb)
{
    if (mb->mb_released) {
        return;
    }
    mb->mb_released = 1;
    MpBuffer_Release(&mb->mb_master);
}

/* Takes one export of o.  Refs: NEW. */
static MpManagedBufferObject *
mbuf_from_object(MpObject *o)
{
    MpManagedBufferObject *mb =
        (MpManagedBufferObject *)MpObject_New(&MpManagedBuffer_Type);
    if (mb == NULL) {
        return NULL;
    }
    mb->mb_released = 1;  // nothing to give back yet
    if (MpObject_GetBuffer(o, &mb->mb_master, MP_BUF_FULL_RO) < 0) {
        Mp_DECREF(mb);
        return NULL;
    }
    mb->mb_released = 0;
    if (mb->mb_master.ndim > MP_BUF_MAX_NDIM) {
        Mp_DECREF(mb);
        MpErr_SetString(MpExc_ValueError,
                        "memoryview: number of dimensions must not exceed "
                        "64");
        return NULL;
    }
    MpObject_GC_Track(mb);
    return mb;
}

static void
mbuf_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    mbuf_release((MpManagedBufferObject *)o);
    MpObject_Free(o);
}

static int
mbuf_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *obj = ((MpManagedBufferObject *)o)->mb_master.obj;
    return obj != NULL ? visit(obj, arg) : 0;
}

static int
mbuf_clear(MpObject *o)
{
    mbuf_release((MpManagedBufferObject *)o);
    return 0;
}

MpTypeObject MpManagedBuffer_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(MpManagedBufferObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = mbuf_dealloc,
    .tp_traverse = mbuf_traverse,
    .tp_clear = mbuf_clear,
};
/* }====== */

/* {====== Views ====== */

#define MV(o) ((MpMemoryViewObject *)(o))

static void
init_flags(MpMemoryViewObject *mv)
{
    MpBuffer *v = &mv->mv_view;
    mv->mv_flags &= MV_RELEASED;
    if (c_contiguous(v->ndim, v->shape, v->strides, v->itemsize)) {
        mv->mv_flags |= MV_C;
    }
    if (f_contiguous(v->ndim, v->shape, v->strides, v->itemsize)) {
        mv->mv_flags |= MV_F;
    }
}

/* A new view registered on mb, with room for ndim dimensions, its fields
   copied from src (shape and strides only when src is not NULL).
   Refs: NEW. */
static MpMemoryViewObject *
mbuf_add_view(MpManagedBufferObject *mb, const MpBuffer *src, int ndim)
{
    Mp_ssize_t slots = 2 * (Mp_ssize_t)(ndim > 0 ? ndim : 1);
    MpMemoryViewObject *mv =
        (MpMemoryViewObject *)MpObject_NewVar(&MpMemoryView_Type, slots);
    if (mv == NULL) {
        return NULL;
    }
    mv->ob_base.ob_size = slots;
    mv->mv_hash = -1;
    MpBuffer *v = &mv->mv_view;
    v->buf = src->buf;
    v->obj = src->obj;
    Mp_XINCREF(v->obj);
    v->len = src->len;
    v->itemsize = src->itemsize;
    v->readonly = src->readonly;
    v->format = src->format != NULL ? src->format : "B";
    v->ndim = ndim;
    v->shape = mv->mv_array;
    v->strides = mv->mv_array + (ndim > 0 ? ndim : 1);
    v->suboffsets = NULL;
    if (src->ndim == ndim) {
        for (int i = 0; i < ndim; i++) {
            v->shape[i] =
                src->shape != NULL ? src->shape[i] : src->len / src->itemsize;
        }
        if (src->strides != NULL) {
            memcpy(v->strides, src->strides, sizeof(Mp_ssize_t) * ndim);
        }
        else {
            contiguous_strides(v->strides, v->shape, ndim, v->itemsize, 'C');
        }
    }
    mv->mv_mbuf = mb;
    Mp_INCREF(mb);
    mb->mb_exports++;
    init_flags(mv);
    MpObject_GC_Track(mv);
    return mv;
}

MpObject *
MpMemoryView_FromObject(MpObject *o)
{
    if (MpMemoryView_Check(o)) {
        MpMemoryViewObject *src = MV(o);
        if (src->mv_flags & MV_RELEASED) {
            MpErr_SetString(MpExc_ValueError,
                            "operation forbidden on released memoryview "
                            "object");
            return NULL;
        }
        return (MpObject *)mbuf_add_view(src->mv_mbuf, &src->mv_view,
                                         src->mv_view.ndim);
    }
    if (!MpObject_CheckBuffer(o)) {
        return MpErr_Format(MpExc_TypeError,
                            "memoryview: a bytes-like object is required, "
                            "not '%.100s'",
                            MpType_Name(Mp_TYPE(o)));
    }
    MpManagedBufferObject *mb = mbuf_from_object(o);
    if (mb == NULL) {
        return NULL;
    }
    MpObject *mv =
        (MpObject *)mbuf_add_view(mb, &mb->mb_master, mb->mb_master.ndim);
    Mp_DECREF(mb);  // the view holds it now
    return mv;
}

static MpObject *
memory_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"object", NULL};
    static const MpArgSpec spec = {"memoryview", kw, 1, 1};
    MpObject *a[1];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return NULL;
    }
    return MpMemoryView_FromObject(a[0]);
}

/* Drops the view's hold on its memory (release(), `with`, the collector).
   Returns 0, or -1 with BufferError while the view is itself exported. */
static int
memory_release_(MpMemoryViewObject *mv)
{
    if (mv->mv_flags & MV_RELEASED) {
        return 0;
    }
    if (mv->mv_exports > 0) {
        MpErr_Format(MpExc_BufferError, "memoryview has %zd exported buffer%s",
                     mv->mv_exports, mv->mv_exports > 1 ? "s" : "");
        return -1;
    }
    mv->mv_flags |= MV_RELEASED;
    Mp_CLEAR(&mv->mv_view.obj);
    MpManagedBufferObject *mb = mv->mv_mbuf;
    if (mb != NULL && --mb->mb_exports == 0) {
        mbuf_release(mb);
    }
    return 0;
}

static void
memory_dealloc(MpObject *o)
{
    MpMemoryViewObject *mv = MV(o);
    MpObject_GC_UnTrack(o);
    mv->mv_exports = 0;  // every consumer held a reference: none is left
    memory_release_(mv);
    Mp_CLEAR((MpObject **)&mv->mv_mbuf);
    MpObject_Free(o);
}

static int
memory_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpMemoryViewObject *mv = MV(o);
    if (mv->mv_view.obj != NULL && visit(mv->mv_view.obj, arg)) {
        return 1;
    }
    return mv->mv_mbuf != NULL ? visit((MpObject *)mv->mv_mbuf, arg) : 0;
}

static int
memory_clear(MpObject *o)
{
    MpMemoryViewObject *mv = MV(o);
    mv->mv_exports = 0;
    memory_release_(mv);
    Mp_CLEAR((MpObject **)&mv->mv_mbuf);
    return 0;
}

static int
released(MpMemoryViewObject *mv)
{
    if (mv->mv_flags & MV_RELEASED) {
        MpErr_SetString(MpExc_ValueError,
                        "operation forbidden on released memoryview object");
        return 1;
    }
    return 0;
}
#define CHECK_RELEASED(mv, err)                                               \
    do {                                                                      \
        if (released(mv)) {                                                   \
            return err;                                                       \
        }                                                                     \
    } while (0)
/* }====== */

/* {====== Exporting a memoryview ====== */

static int
memory_getbuf(MpObject *o, MpBuffer *view, int flags)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, -1);
    if ((flags & MP_BUF_WRITABLE) && mv->mv_view.readonly) {
        MpErr_SetString(MpExc_BufferError,
                        "memoryview: underlying buffer is not writable");
        return -1;
    }
    if ((flags & MP_BUF_STRIDES) != MP_BUF_STRIDES && !(mv->mv_flags & MV_C)) {
        MpErr_SetString(MpExc_BufferError,
                        "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    *view = mv->mv_view;
    view->obj = Mp_NewRef(o);
    mv->mv_exports++;
    return 0;
}

static void
memory_releasebuf(MpObject *o, MpBuffer *view)
{
    MV(o)->mv_exports--;
}

static MpBufferProcs memory_as_buffer = {memory_getbuf, memory_releasebuf};
/* }====== */

/* {====== Indexing and slicing ====== */

/* The address of item i along the first dimension; IndexError when out of
   range (negative i counts from the end). */
static char *
lookup_dim(const MpBuffer *v, char *ptr, int dim, Mp_ssize_t i)
{
    Mp_ssize_t n = v->shape[dim];
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        MpErr_Format(MpExc_IndexError, "index out of bounds on dimension %d",
                     dim + 1);
        return NULL;
    }
    return ptr + v->strides[dim] * i;
}

/* The address of the item a tuple of ints names. */
static char *
lookup_multi(const MpBuffer *v, MpObject *tup)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(tup);
    if (n < v->ndim) {
        MpErr_SetString(MpExc_NotImplementedError,
                        "sub-views are not implemented");
        return NULL;
    }
    if (n > v->ndim) {
        MpErr_Format(MpExc_TypeError,
                     "cannot index %d-dimension view with %zd-element tuple",
                     v->ndim, n);
        return NULL;
    }
    char *ptr = v->buf;
    for (Mp_ssize_t k = 0; k < n; k++) {
        Mp_ssize_t i =
            MpNumber_AsSsize_t(MpTuple_GET_ITEM(tup, k), MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if ((ptr = lookup_dim(v, ptr, (int)k, i)) == NULL) {
            return NULL;
        }
    }
    return ptr;
}

static int
has_index(MpObject *o)
{
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

/* A tuple of ints (m[1, 2]) or a tuple of slices (m[1:, :2]). */
static int
is_multi(MpObject *key, int want_slices)
{
    if (!MpTuple_Check(key)) {
        return 0;
    }
    for (Mp_ssize_t k = 0; k < MpTuple_GET_SIZE(key); k++) {
        MpObject *x = MpTuple_GET_ITEM(key, k);
        if (want_slices ? !MpSlice_Check(x) : !has_index(x)) {
            return 0;
        }
    }
    return 1;
}

static MpObject *
memory_item(MpObject *o, Mp_ssize_t i)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    if (v->ndim == 0) {
        MpErr_SetString(MpExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (v->ndim > 1) {
        MpErr_SetString(MpExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    if (MpBuffer_FormatItemSize(v->format) < 0) {
        return MpErr_Format(MpExc_NotImplementedError,
                            "memoryview: format %s not supported", v->format);
    }
    char *p = lookup_dim(v, v->buf, 0, i);
    return p != NULL ? MpBuffer_UnpackItem(v->format, p) : NULL;
}

static Mp_ssize_t
memory_length(MpObject *o)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, -1);
    return mv->mv_view.ndim == 0 ? 1 : mv->mv_view.shape[0];
}

/* Narrows view v (its first dimension) to the slice key. */
static int
slice_view(MpBuffer *v, MpObject *key)
{
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    Mp_ssize_t n = MpSlice_AdjustIndices(v->shape[0], &start, &stop, step);
    v->buf = (char *)v->buf + start * v->strides[0];
    v->shape[0] = n;
    v->strides[0] *= step;
    v->len = v->itemsize;
    for (int i = 0; i < v->ndim; i++) {
        v->len *= v->shape[i];
    }
    return 0;
}

static MpObject *
memory_subscript(MpObject *o, MpObject *key)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    if (v->ndim == 0) {
        if (key == Mp_Ellipsis) {
            return Mp_NewRef(o);
        }
        if (MpTuple_Check(key) && MpTuple_GET_SIZE(key) == 0) {
            return MpBuffer_UnpackItem(v->format, v->buf);
        }
        MpErr_SetString(MpExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    Mp_ssize_t i;
    int r = MpSeq_IndexFromKey(key, &i);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        return memory_item(o, i);
    }
    if (MpSlice_Check(key)) {
        MpMemoryViewObject *sub = mbuf_add_view(mv->mv_mbuf, v, v->ndim);
        if (sub == NULL) {
            return NULL;
        }
        if (slice_view(&sub->mv_view, key) < 0) {
            Mp_DECREF(sub);
            return NULL;
        }
        init_flags(sub);
        return (MpObject *)sub;
    }
    if (is_multi(key, 0)) {
        if (MpBuffer_FormatItemSize(v->format) < 0) {
            return MpErr_Format(MpExc_NotImplementedError,
                                "memoryview: format %s not supported",
                                v->format);
        }
        char *p = lookup_multi(v, key);
        return p != NULL ? MpBuffer_UnpackItem(v->format, p) : NULL;
    }
    if (is_multi(key, 1)) {
        MpErr_SetString(MpExc_NotImplementedError,
                        "multi-dimensional slicing is not implemented");
        return NULL;
    }
    MpErr_SetString(MpExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

static int
same_format(const char *a, const char *b)
{
    return strcmp(fmt_or_B(a), fmt_or_B(b)) == 0;
}

/* dest[...] = the items of src, which must have the same structure. */
static int
copy_into(MpBuffer *dest, MpBuffer *src)
{
    int same = same_format(dest->format, src->format) &&
               dest->itemsize == src->itemsize && dest->ndim == src->ndim;
    for (int i = 0; same && i < dest->ndim; i++) {
        Mp_ssize_t s =
            src->shape != NULL ? src->shape[i] : src->len / src->itemsize;
        same = dest->shape[i] == s;
    }
    if (!same) {
        MpErr_SetString(MpExc_ValueError,
                        "memoryview assignment: lvalue and rvalue have "
                        "different structures");
        return -1;
    }
    /* Through a contiguous copy: src and dest may overlap (m[1:] = m[:-1]). */
    char *tmp = malloc((size_t)src->len + 1);
    if (tmp == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    MpBuffer_ToContiguous(tmp, src, 'C');
    Mp_ssize_t sstr[MP_BUF_MAX_NDIM];
    contiguous_strides(sstr, dest->shape, dest->ndim, dest->itemsize, 'C');
    copy_strided(dest->buf, dest->strides, tmp, sstr, dest->shape, dest->ndim,
                 dest->itemsize);
    free(tmp);
    return 0;
}

static int
memory_ass_sub(MpObject *o, MpObject *key, MpObject *value)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, -1);
    MpBuffer *v = &mv->mv_view;
    if (v->readonly) {
        MpErr_SetString(MpExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "cannot delete memory");
        return -1;
    }
    if (v->ndim == 0) {
        if (key == Mp_Ellipsis ||
            (MpTuple_Check(key) && MpTuple_GET_SIZE(key) == 0)) {
            return MpBuffer_PackItem(v->format, v->buf, value);
        }
        MpErr_SetString(MpExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    Mp_ssize_t i;
    int r = MpSeq_IndexFromKey(key, &i);
    if (r < 0) {
        return -1;
    }
    if (r > 0) {
        if (v->ndim > 1) {
            MpErr_SetString(MpExc_NotImplementedError,
                            "sub-views are not implemented");
            return -1;
        }
        char *p = lookup_dim(v, v->buf, 0, i);
        return p != NULL ? MpBuffer_PackItem(v->format, p, value) : -1;
    }
    if (MpSlice_Check(key) || is_multi(key, 1)) {
        if (v->ndim != 1) {
            MpErr_SetString(MpExc_NotImplementedError,
                            "memoryview slice assignments are currently "
                            "restricted to ndim = 1");
            return -1;
        }
        if (!MpSlice_Check(key)) {
            MpErr_SetString(MpExc_TypeError, "memoryview: invalid slice key");
            return -1;
        }
        MpBuffer src;
        if (MpObject_GetBuffer(value, &src, MP_BUF_FULL_RO) < 0) {
            return -1;
        }
        MpBuffer dest = *v;
        Mp_ssize_t shape = v->shape[0], stride = v->strides[0];
        dest.shape = &shape;
        dest.strides = &stride;
        int res = slice_view(&dest, key);
        if (res == 0) {
            res = copy_into(&dest, &src);
        }
        MpBuffer_Release(&src);
        return res;
    }
    if (is_multi(key, 0)) {
        char *p = lookup_multi(v, key);
        return p != NULL ? MpBuffer_PackItem(v->format, p, value) : -1;
    }
    MpErr_SetString(MpExc_TypeError, "memoryview: invalid slice key");
    return -1;
}
/* }====== */

/* {====== Conversions: tolist, tobytes, hex ====== */

static MpObject *
tolist_rec(const char *ptr, int ndim, const Mp_ssize_t *shape,
           const Mp_ssize_t *strides, const char *fmt)
{
    MpObject *list = MpList_New(shape[0]);
    if (list == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < shape[0]; i++) {
        const char *p = ptr + i * strides[0];
        MpObject *item =
            ndim == 1 ? MpBuffer_UnpackItem(fmt, p)
                      : tolist_rec(p, ndim - 1, shape + 1, strides + 1, fmt);
        if (item == NULL) {
            Mp_DECREF(list);
            return NULL;
        }
        MpList_SET_ITEM(list, i, item);
    }
    return list;
}

static MpObject *
memory_tolist(MpObject *o, MpObject *unused)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    if (MpBuffer_FormatItemSize(v->format) < 0) {
        return MpErr_Format(MpExc_NotImplementedError,
                            "memoryview: format %s not supported", v->format);
    }
    if (v->ndim == 0) {
        return MpBuffer_UnpackItem(v->format, v->buf);
    }
    return tolist_rec(v->buf, v->ndim, v->shape, v->strides, v->format);
}

/* 'C', 'F' or 'A' from the order argument (None: 'C'); 0 on error. */
static char
parse_order(MpObject *order)
{
    if (order == NULL || order == Mp_None) {
        return 'C';
    }
    if (!MpStr_Check(order)) {
        MpErr_Format(MpExc_TypeError,
                     "tobytes() argument 'order' must be str or None, not "
                     "%.50s",
                     MpType_Name(Mp_TYPE(order)));
        return 0;
    }
    const char *s = MpStr_AsUTF8(order);
    if (s != NULL && s[0] != '\0' && s[1] == '\0' && strchr("CFA", s[0])) {
        return s[0];
    }
    MpErr_SetString(MpExc_ValueError, "order must be 'C', 'F' or 'A'");
    return 0;
}

static MpObject *
memory_tobytes(MpObject *o, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    static const char *const kw[] = {"order", NULL};
    static const MpArgSpec spec = {"tobytes", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    char order = parse_order(a[0]);
    if (order == 0) {
        return NULL;
    }
    if (order == 'A') {
        order = (mv->mv_flags & MV_F) && !(mv->mv_flags & MV_C) ? 'F' : 'C';
    }
    MpObject *b = MpBytes_FromStringAndSize(NULL, mv->mv_view.len);
    if (b != NULL) {
        MpBuffer_ToContiguous(MpBytes_AS_STRING(b), &mv->mv_view, order);
    }
    return b;
}

MpObject *
MpHex_FromData(const unsigned char *data, Mp_ssize_t n, MpObject *sep,
               Mp_ssize_t bytes_per_sep)
{
    static const char digits[] = "0123456789abcdef";
    char sepc = 0;
    if (sep != NULL) {
        Mp_ssize_t len;
        const char *s = NULL;
        if (MpStr_Check(sep)) {
            len = MpStr_GET_LENGTH(sep);
            s = MpStr_AsUTF8(sep);
        }
        else if (MpBytes_Check(sep)) {
            len = MpBytes_GET_SIZE(sep);
            s = MpBytes_AS_STRING(sep);
        }
        else {
            len = MpObject_Length(sep);  // "object of type 'int' has no len()"
            if (len < 0) {
                return NULL;
            }
        }
        if (len != 1) {
            MpErr_SetString(MpExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        if (s == NULL || (unsigned char)s[0] > 127) {
            MpErr_SetString(MpExc_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sepc = s[0];
    }
    Mp_ssize_t group = bytes_per_sep < 0 ? -bytes_per_sep : bytes_per_sep;
    if (sepc == 0 || group == 0 || n == 0) {
        group = 0;
    }
    Mp_ssize_t nsep = group > 0 ? (n - 1) / group : 0;
    char *buf = malloc((size_t)(2 * n + nsep + 1));
    if (buf == NULL) {
        return MpErr_NoMemory();
    }
    char *w = buf;
    for (Mp_ssize_t i = 0; i < n; i++) {
        /* A separator goes before byte i when it starts a group: groups
           are counted from the left for a negative bytes_per_sep, from
           the right otherwise. */
        if (group > 0 && i > 0 &&
            (bytes_per_sep < 0 ? i % group == 0 : (n - i) % group == 0)) {
            *w++ = sepc;
        }
        *w++ = digits[data[i] >> 4];
        *w++ = digits[data[i] & 15];
    }
    MpObject *r = MpStr_FromUTF8(buf, w - buf);
    free(buf);
    return r;
}

int
MpHex_SepCount(MpObject *o, Mp_ssize_t *out)
{
    Mp_ssize_t v = MpLong_AsSsize_t(o);
    if (v == -1 && MpErr_Occurred()) {
        if (!MpErr_ExceptionMatches(MpExc_OverflowError)) {
            return -1;
        }
        MpErr_Clear();
        v = PTRDIFF_MAX;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    *out = v;
    return 0;
}

static MpObject *
memory_hex(MpObject *o, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    static const char *const kw[] = {"sep", "bytes_per_sep", NULL};
    static const MpArgSpec spec = {"hex", kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    Mp_ssize_t per = 1;
    if (a[1] != NULL && MpHex_SepCount(a[1], &per) < 0) {
        return NULL;
    }
    MpBuffer *v = &mv->mv_view;
    unsigned char *tmp = malloc((size_t)v->len + 1);
    if (tmp == NULL) {
        return MpErr_NoMemory();
    }
    MpBuffer_ToContiguous(tmp, v, 'C');
    MpObject *r = MpHex_FromData(tmp, v->len, a[0], per);
    free(tmp);
    return r;
}
/* }====== */

/* {====== cast ====== */

/* The formats cast() accepts, each spelled alone and after '@' (the view
   keeps the spelling it was given). */
static const char *
cast_format(MpObject *fmt)
{
    static const char *const plain[] = {"c", "b", "B", "?", "h", "H",
                                        "i", "I", "l", "L", "q", "Q",
                                        "n", "N", "f", "d", "P"};
    static const char *const at[] = {"@c", "@b", "@B", "@?", "@h", "@H",
                                     "@i", "@I", "@l", "@L", "@q", "@Q",
                                     "@n", "@N", "@f", "@d", "@P"};
    Mp_ssize_t len;
    const char *s = MpStr_AsUTF8AndSize(fmt, &len);
    if (s == NULL) {
        return NULL;
    }
    char c = (len == 1 || (len == 2 && s[0] == '@')) ? native_char(s) : 0;
    if (c == 0) {
        MpErr_SetString(MpExc_ValueError,
                        "memoryview: destination format must be a native "
                        "single character format prefixed with an optional "
                        "'@'");
        return NULL;
    }
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        if (plain[i][0] == c) {
            return len == 1 ? plain[i] : at[i];
        }
    }
    return NULL;  // not reached: native_char accepted c
}

static int
is_byte_format(const char *fmt)
{
    char c = native_char(fmt);
    return c == 'B' || c == 'b' || c == 'c';
}

static MpObject *
memory_cast(MpObject *o, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    static const char *const kw[] = {"format", "shape", NULL};
    static const MpArgSpec spec = {"cast", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    MpObject *shape = a[1];
    if (!MpStr_Check(a[0])) {
        return MpErr_Format(MpExc_TypeError,
                            "cast() argument 'format' must be str, not %B",
                            a[0]);
    }
    if (!(mv->mv_flags & MV_C)) {
        MpErr_SetString(MpExc_TypeError,
                        "memoryview: casts are restricted to C-contiguous "
                        "views");
        return NULL;
    }
    int zeros = 0;
    for (int i = 0; i < v->ndim; i++) {
        zeros |= v->shape[i] == 0 || v->strides[i] == 0;
    }
    if ((shape != NULL || v->ndim != 1) && zeros) {
        MpErr_SetString(MpExc_TypeError,
                        "memoryview: cannot cast view with zeros in shape "
                        "or strides");
        return NULL;
    }
    Mp_ssize_t ndim = 1;
    if (shape != NULL) {
        if (!MpList_Check(shape) && !MpTuple_Check(shape)) {
            MpErr_SetString(MpExc_TypeError,
                            "shape must be a list or a tuple");
            return NULL;
        }
        ndim = MpObject_Length(shape);
        if (ndim > MP_BUF_MAX_NDIM) {
            MpErr_SetString(MpExc_ValueError,
                            "memoryview: number of dimensions must not "
                            "exceed 64");
            return NULL;
        }
        if (v->ndim != 1 && ndim != 1) {
            MpErr_SetString(MpExc_TypeError,
                            "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    const char *fmt = cast_format(a[0]);
    if (fmt == NULL) {
        return NULL;
    }
    Mp_ssize_t itemsize = MpBuffer_FormatItemSize(fmt);
    if (!is_byte_format(v->format) && !is_byte_format(fmt)) {
        MpErr_SetString(MpExc_TypeError,
                        "memoryview: cannot cast between two non-byte "
                        "formats");
        return NULL;
    }
    if (v->len % itemsize != 0) {
        MpErr_SetString(MpExc_TypeError,
                        "memoryview: length is not a multiple of itemsize");
        return NULL;
    }
    /* The shape, checked before the new view exists. */
    Mp_ssize_t dims[MP_BUF_MAX_NDIM];
    if (shape == NULL) {
        dims[0] = v->len / itemsize;
    }
    else {
        Mp_ssize_t product = 1;
        for (Mp_ssize_t i = 0; i < ndim; i++) {
            MpObject *x = MpList_Check(shape) ? MpList_GET_ITEM(shape, i)
                                              : MpTuple_GET_ITEM(shape, i);
            if (!MpLong_Check(x)) {
                MpErr_SetString(MpExc_TypeError,
                                "memoryview.cast(): elements of shape must "
                                "be integers");
                return NULL;
            }
            Mp_ssize_t d = MpLong_AsSsize_t(x);
            if (d == -1 && MpErr_Occurred()) {
                return NULL;
            }
            if (d <= 0) {
                MpErr_SetString(MpExc_ValueError,
                                "memoryview.cast(): elements of shape must "
                                "be integers > 0");
                return NULL;
            }
            if (__builtin_mul_overflow(product, d, &product)) {
                MpErr_SetString(MpExc_ValueError,
                                "memoryview.cast(): product(shape) > "
                                "SSIZE_MAX");
                return NULL;
            }
            dims[i] = d;
        }
        if (product * itemsize != v->len) {
            MpErr_SetString(MpExc_TypeError,
                            "memoryview: product(shape) * itemsize != "
                            "buffer size");
            return NULL;
        }
    }
    MpMemoryViewObject *res = mbuf_add_view(mv->mv_mbuf, v, (int)ndim);
    if (res == NULL) {
        return NULL;
    }
    MpBuffer *r = &res->mv_view;
    r->format = fmt;
    r->itemsize = itemsize;
    memcpy(r->shape, dims, sizeof(Mp_ssize_t) * (size_t)ndim);
    contiguous_strides(r->strides, r->shape, (int)ndim, itemsize, 'C');
    init_flags(res);
    return (MpObject *)res;
}
/* }====== */

/* {====== Other methods ====== */

static MpObject *
memory_release(MpObject *o, MpObject *unused)
{
    if (memory_release_(MV(o)) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
memory_enter(MpObject *o, MpObject *unused)
{
    CHECK_RELEASED(MV(o), NULL);
    return Mp_NewRef(o);
}

static MpObject *
memory_exit(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    return memory_release(o, NULL);
}

static MpObject *
memory_toreadonly(MpObject *o, MpObject *unused)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpMemoryViewObject *r =
        mbuf_add_view(mv->mv_mbuf, &mv->mv_view, mv->mv_view.ndim);
    if (r != NULL) {
        r->mv_view.readonly = 1;
    }
    return (MpObject *)r;
}

static MpObject *
memory_repr(MpObject *o)
{
    if (MV(o)->mv_flags & MV_RELEASED) {
        return MpStr_FromFormat("<released memory at %p>", (void *)o);
    }
    return MpStr_FromFormat("<memory at %p>", (void *)o);
}

static Mp_hash_t
memory_hash(MpObject *o)
{
    MpMemoryViewObject *mv = MV(o);
    if (mv->mv_hash != -1) {
        return mv->mv_hash;
    }
    CHECK_RELEASED(mv, -1);
    MpBuffer *v = &mv->mv_view;
    if (!v->readonly) {
        MpErr_SetString(MpExc_ValueError,
                        "cannot hash writable memoryview object");
        return -1;
    }
    if (!is_byte_format(v->format)) {
        MpErr_SetString(MpExc_ValueError,
                        "memoryview: hashing is restricted to formats 'B', "
                        "'b' or 'c'");
        return -1;
    }
    /* The exporter must be hashable too: a read-only view of a bytearray
       is not, since the bytearray may change under it. */
    if (v->obj != NULL && MpObject_Hash(v->obj) == -1) {
        return -1;
    }
    MpObject *b = MpBytes_FromStringAndSize(NULL, v->len);
    if (b == NULL) {
        return -1;
    }
    MpBuffer_ToContiguous(MpBytes_AS_STRING(b), v, 'C');
    mv->mv_hash = MpObject_Hash(b);  // equal to hash(m.tobytes())
    Mp_DECREF(b);
    return mv->mv_hash;
}

/* Compares the items of two views of equal shape, one by one. */
static int
cmp_rec(const char *p, const MpBuffer *a, const char *q, const MpBuffer *b,
        int dim)
{
    if (dim == a->ndim) {
        char ca = native_char(a->format), cb = native_char(b->format);
        if (ca == cb && ca != 'f' && ca != 'd') {
            return memcmp(p, q, (size_t)a->itemsize) == 0;
        }
        MpObject *x = MpBuffer_UnpackItem(a->format, p);
        MpObject *y = x ? MpBuffer_UnpackItem(b->format, q) : NULL;
        int r = y ? MpObject_RichCompareBool(x, y, Mp_EQ) : -1;
        Mp_XDECREF(x);
        Mp_XDECREF(y);
        return r;
    }
    Mp_ssize_t bstride = b->strides != NULL ? b->strides[dim] : b->itemsize;
    for (Mp_ssize_t i = 0; i < a->shape[dim]; i++) {
        int r =
            cmp_rec(p + i * a->strides[dim], a, q + i * bstride, b, dim + 1);
        if (r <= 0) {
            return r;
        }
    }
    return 1;
}

static MpObject *
memory_richcompare(MpObject *o, MpObject *w, int op)
{
    if (op != Mp_EQ && op != Mp_NE) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpMemoryViewObject *mv = MV(o);
    int equal;
    if ((mv->mv_flags & MV_RELEASED) ||
        (MpMemoryView_Check(w) && (MV(w)->mv_flags & MV_RELEASED))) {
        equal = o == w;
        return MpBool_FromLong(op == Mp_EQ ? equal : !equal);
    }
    MpBuffer wv;
    if (MpObject_GetBuffer(w, &wv, MP_BUF_FULL_RO) < 0) {
        MpErr_Clear();
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpBuffer *a = &mv->mv_view;
    if (MpBuffer_FormatItemSize(a->format) < 0 ||
        MpBuffer_FormatItemSize(wv.format) < 0) {
        MpBuffer_Release(&wv);
        return Mp_NewRef(Mp_NotImplemented);
    }
    int wndim = wv.shape == NULL ? 1 : wv.ndim;
    equal = a->ndim == wndim;
    for (int i = 0; equal && i < a->ndim; i++) {
        Mp_ssize_t n = wv.shape != NULL ? wv.shape[i] : wv.len / wv.itemsize;
        equal = a->shape[i] == n;
    }
    if (equal) {
        equal = cmp_rec(a->buf, a, wv.buf, &wv, 0);
    }
    MpBuffer_Release(&wv);
    if (equal < 0) {
        return NULL;
    }
    return MpBool_FromLong(op == Mp_EQ ? equal : !equal);
}
/* }====== */

/* {====== Attributes ====== */

static MpObject *
ssize_tuple(const Mp_ssize_t *a, int n)
{
    MpObject *t = MpTuple_New(n);
    for (int i = 0; t != NULL && i < n; i++) {
        MpObject *x = MpLong_FromSsize_t(a[i]);
        if (x == NULL) {
            Mp_CLEAR(&t);
            break;
        }
        MpTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static MpObject *
memory_get(MpObject *o, void *closure)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    switch ((intptr_t)closure) {
    case 0:
        return Mp_NewRef(v->obj != NULL ? v->obj : Mp_None);
    case 1:
        return MpLong_FromSsize_t(v->len);
    case 2:
        return MpBool_FromLong(v->readonly);
    case 3:
        return MpLong_FromSsize_t(v->itemsize);
    case 4:
        return MpStr_FromString(v->format);
    case 5:
        return MpLong_FromSsize_t(v->ndim);
    case 6:
        return ssize_tuple(v->shape, v->ndim);
    case 7:
        return ssize_tuple(v->strides, v->ndim);
    case 8:
        return MpTuple_New(0);  // suboffsets: never used by minipy's views
    case 9:
        return MpBool_FromLong((mv->mv_flags & MV_C) != 0);
    case 10:
        return MpBool_FromLong((mv->mv_flags & MV_F) != 0);
    default:
        return MpBool_FromLong((mv->mv_flags & (MV_C | MV_F)) != 0);
    }
}

#define GET(name, k)                                                          \
    {                                                                         \
        name, memory_get, NULL, NULL, (void *)(intptr_t)(k)                   \
    }
static MpGetSetDef memory_getset[] = {
    GET("obj", 0),
    GET("nbytes", 1),
    GET("readonly", 2),
    GET("itemsize", 3),
    GET("format", 4),
    GET("ndim", 5),
    GET("shape", 6),
    GET("strides", 7),
    GET("suboffsets", 8),
    GET("c_contiguous", 9),
    GET("f_contiguous", 10),
    GET("contiguous", 11),
    {NULL, NULL, NULL, NULL, NULL},
};
#undef GET
/* }====== */

/* {====== Iteration ====== */

typedef struct {
    MpObject_HEAD
    MpObject *it_seq;  // the memoryview, NULL once exhausted
    Mp_ssize_t it_index;
} MemoryIter;

static MpObject *
memoryiter_next(MpObject *o)
{
    MemoryIter *it = (MemoryIter *)o;
    if (it->it_seq == NULL) {
        return NULL;
    }
    MpMemoryViewObject *mv = MV(it->it_seq);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    if (it->it_index >= v->shape[0]) {
        Mp_CLEAR(&it->it_seq);
        return NULL;
    }
    char *p = (char *)v->buf + v->strides[0] * it->it_index++;
    return MpBuffer_UnpackItem(v->format, p);
}

static void
memoryiter_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(((MemoryIter *)o)->it_seq);
    MpObject_Free(o);
}

static int
memoryiter_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *s = ((MemoryIter *)o)->it_seq;
    return s != NULL ? visit(s, arg) : 0;
}

static MpTypeObject MemoryIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(MemoryIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = memoryiter_dealloc,
    .tp_traverse = memoryiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = memoryiter_next,
};

static MpObject *
memory_iter(MpObject *o)
{
    MpMemoryViewObject *mv = MV(o);
    CHECK_RELEASED(mv, NULL);
    MpBuffer *v = &mv->mv_view;
    if (v->ndim == 0) {
        MpErr_SetString(MpExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (v->ndim != 1) {
        MpErr_SetString(MpExc_NotImplementedError,
                        "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    if (MpBuffer_FormatItemSize(v->format) < 0) {
        return MpErr_Format(MpExc_NotImplementedError,
                            "memoryview: format %s not supported", v->format);
    }
    MemoryIter *it = (MemoryIter *)MpObject_New(&MemoryIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_seq = Mp_NewRef(o);
    MpObject_GC_Track(it);
    return (MpObject *)it;
}
/* }====== */

/* {====== The type ====== */

#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)
static MpMethodDef memory_methods[] = {
    {"release", (void *)memory_release, MP_METH_NOARGS,
     "Release the underlying buffer exposed by the memoryview object."},
    {"tobytes", (void *)memory_tobytes, FASTKW,
     "Return the data in the buffer as a byte string."},
    {"hex", (void *)memory_hex, FASTKW,
     "Return the data in the buffer as a str of hexadecimal numbers."},
    {"tolist", (void *)memory_tolist, MP_METH_NOARGS,
     "Return the data in the buffer as a list of elements."},
    {"cast", (void *)memory_cast, FASTKW,
     "Cast a memoryview to a new format or shape."},
    {"toreadonly", (void *)memory_toreadonly, MP_METH_NOARGS,
     "Return a readonly version of the memoryview."},
    {"__enter__", (void *)memory_enter, MP_METH_NOARGS, NULL},
    {"__exit__", (void *)memory_exit, MP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};
#undef FASTKW

static MpSequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

static MpMappingMethods memory_as_mapping = {
    .mp_length = memory_length,
    .mp_subscript = memory_subscript,
    .mp_ass_subscript = memory_ass_sub,
};

MpTypeObject MpMemoryView_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(MpMemoryViewObject, mv_array),
    .tp_itemsize = sizeof(Mp_ssize_t),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_hash = memory_hash,
    .tp_richcompare = memory_richcompare,
    .tp_iter = memory_iter,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_as_buffer = &memory_as_buffer,
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_new = memory_new,
    .tp_methods = memory_methods,
    .tp_getset = memory_getset,
    .tp_doc = "Create a new memoryview object which references the given "
              "object.",
};
/* }====== */
