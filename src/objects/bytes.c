/* bytes.c — bytes and bytearray (see bytes.h for the layouts).

   Invariants: a bytes never changes after it is made, so its hash is
   computed once (SipHash-1-3 of its bytes, hash.c) and cached; b'' and the
   256 one-byte values are shared singletons.  A bytearray's ob_bytes has
   room for ob_alloc bytes plus a NUL; its size only changes through
   bytearray_resize, which refuses while ob_exports > 0 (a live buffer
   view holds a raw pointer into ob_bytes).

   The two types share their read-only methods: each works on the
   (pointer, length) pair of self, and builds its result with new_like,
   which makes a bytes for a bytes and a bytearray for a bytearray, as
   CPython's bytes_methods.c does.

   CPython counterpart: Objects/bytesobject.c, Objects/bytearrayobject.c,
   Objects/bytes_methods.c.  Read first: bytes_alloc, bytearray_resize. */
#define _GNU_SOURCE  // memmem
#include "objects/bytes.h"
#include "objects/objreduce.h"
#include "printf.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "hash.h"
#include "repr.h"
#include "strbuf.h"
#include "objects/bytes_methods.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/memoryview.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#include "objects/slice.h"

#define MP_SSIZE_MAX PTRDIFF_MAX

/* {====== Allocation ====== */

static MpObject *bytes_empty;
static MpObject *bytes_chars[256];

static MpObject *
bytes_alloc(MpTypeObject *type, Mp_ssize_t n)
{
    if (n < 0 || n > MP_SSIZE_MAX - (Mp_ssize_t)sizeof(MpBytesObject)) {
        return MpErr_NoMemory();
    }
    MpBytesObject *b = (MpBytesObject *)MpObject_NewVar(type, n);
    if (b == NULL) {
        return NULL;
    }
    b->ob_base.ob_size = n;
    b->ob_shash = -1;
    b->ob_sval[n] = '\0';
    if (MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
        MpObject_GC_Track(b);  // a subclass instance: __dict__, slots
    }
    return (MpObject *)b;
}

MpObject *
MpBytes_FromStringAndSize(const char *s, Mp_ssize_t len)
{
    if (len == 0 || (len == 1 && s != NULL)) {
        MpObject **slot = len == 0 ? &bytes_empty
                                   : &bytes_chars[(unsigned char)s[0]];
        if (*slot == NULL) {
            *slot = bytes_alloc(&MpBytes_Type, len);
            if (*slot == NULL) {
                return NULL;
            }
            if (len == 1) {
                MpBytes_AS_STRING(*slot)[0] = s[0];
            }
        }
        return Mp_NewRef(*slot);
    }
    MpObject *b = bytes_alloc(&MpBytes_Type, len);
    if (b != NULL && s != NULL) {
        memcpy(MpBytes_AS_STRING(b), s, (size_t)len);
    }
    return b;
}

MpObject *
MpBytes_FromString(const char *s)
{
    return MpBytes_FromStringAndSize(s, (Mp_ssize_t)strlen(s));
}

int
MpByteArray_Check(MpObject *o)
{
    return Mp_TYPE(o) == &MpByteArray_Type ||
           MpType_IsSubtype(Mp_TYPE(o), &MpByteArray_Type);
}

int
MpByteArray_Resize(MpObject *o, Mp_ssize_t len)
{
    MpByteArrayObject *a = (MpByteArrayObject *)o;
    if (len == Mp_SIZE(o)) {
        return 0;
    }
    if (a->ob_exports > 0) {
        MpErr_SetString(MpExc_BufferError,
                        "Existing exports of data: object cannot be "
                        "re-sized");
        return -1;
    }
    if (len < 0 || len >= MP_SSIZE_MAX - 16) {
        MpErr_NoMemory();
        return -1;
    }
    if (len > a->ob_alloc || len < a->ob_alloc / 2) {
        /* Over-allocate by 1/8 when growing, as CPython's bytearray, so
           that appends are amortised O(1). */
        Mp_ssize_t alloc = len > a->ob_alloc ? len + (len >> 3) + 8 : len;
        char *nb = realloc(a->ob_bytes, (size_t)alloc + 1);
        if (nb == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        a->ob_bytes = nb;
        a->ob_alloc = alloc;
    }
    a->ob_base.ob_size = len;
    a->ob_bytes[len] = '\0';
    return 0;
}

static MpObject *
bytearray_alloc(MpTypeObject *type, const char *s, Mp_ssize_t len)
{
    MpObject *o = MpObject_New(type);
    if (o == NULL) {
        return NULL;
    }
    if (MpByteArray_Resize(o, len) < 0) {
        Mp_DECREF(o);
        return NULL;
    }
    if (len > 0) {
        if (s != NULL) {
            memcpy(((MpByteArrayObject *)o)->ob_bytes, s, (size_t)len);
        }
        else {
            memset(((MpByteArrayObject *)o)->ob_bytes, 0, (size_t)len);
        }
    }
    return o;
}

MpObject *
MpByteArray_FromStringAndSize(const char *s, Mp_ssize_t len)
{
    return bytearray_alloc(&MpByteArray_Type, s, len);
}

MpObject *
MpBytesLike_NewLike(MpObject *self, const char *s, Mp_ssize_t len)
{
    return MpBytes_Check(self) ? MpBytes_FromStringAndSize(s, len)
                               : MpByteArray_FromStringAndSize(s, len);
}
/* }====== */

/* {====== The buffer protocol ====== */

static void
fill_view(MpBuffer *v, MpObject *o, void *buf, Mp_ssize_t len, int ro)
{
    v->buf = buf;
    v->obj = Mp_NewRef(o);
    v->len = len;
    v->itemsize = 1;
    v->readonly = ro;
    v->ndim = 1;
    v->format = NULL;
    v->shape = &v->len;
    v->strides = &v->itemsize;
    v->suboffsets = NULL;
    v->internal = NULL;
}

static int
bytes_getbuffer(MpObject *o, MpBuffer *v, int flags)
{
    if (flags & MP_BUF_WRITABLE) {
        MpErr_SetString(MpExc_BufferError, "Object is not writable.");
        return -1;
    }
    fill_view(v, o, MpBytes_AS_STRING(o), Mp_SIZE(o), 1);
    return 0;
}

static int
bytearray_getbuffer(MpObject *o, MpBuffer *v, int flags)
{
    MpByteArrayObject *a = (MpByteArrayObject *)o;
    fill_view(v, o, MpByteArray_AS_STRING(o), Mp_SIZE(o), 0);
    a->ob_exports++;
    return 0;
}

static void
bytearray_releasebuffer(MpObject *o, MpBuffer *v)
{
    ((MpByteArrayObject *)o)->ob_exports--;
}

int
MpBytesLike_Get(MpObject *o, MpBuffer *view)
{
    MpBufferProcs *bp = Mp_TYPE(o)->tp_as_buffer;
    if (bp == NULL || bp->bf_getbuffer == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "a bytes-like object is required, not '%.100s'",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    return bp->bf_getbuffer(o, view, 0);
}

void
MpBytesLike_Release(MpBuffer *view)
{
    MpBuffer_Release(view);  // the one release, in memoryview.c
}

static MpBufferProcs bytes_as_buffer = {bytes_getbuffer, NULL};
static MpBufferProcs bytearray_as_buffer = {bytearray_getbuffer,
                                            bytearray_releasebuffer};
/* }====== */

/* {====== Construction ====== */

static int
has_index(MpObject *o)
{
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

int
MpBytes_ByteValue(MpObject *o)
{
    if (!has_index(o)) {
        MpErr_Format(MpExc_TypeError,
                     "'%.200s' object cannot be interpreted as an integer",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    Mp_ssize_t v = MpNumber_AsSsize_t(o, NULL);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < 0 || v > 255) {
        MpErr_SetString(MpExc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    return (int)v;
}

/* The bytes bytes(x) / bytearray(x) would hold, in a malloc'd buffer;
   what ("bytes", "bytearray") names the target in the error. */
static int
collect_bytes(MpObject *x, MpObject *enc, MpObject *errors, char **out,
              Mp_ssize_t *outlen, const char *what)
{
    *out = NULL;
    *outlen = 0;
    if (x == NULL) {
        if (enc != NULL || errors != NULL) {
            MpErr_SetString(MpExc_TypeError,
                            enc ? "encoding without a string argument"
                                : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    MpObject *src = NULL;
    if (MpStr_Check(x)) {
        if (enc == NULL) {
            MpErr_SetString(MpExc_TypeError,
                            "string argument without an encoding");
            return -1;
        }
        if (!MpStr_Check(enc) || (errors != NULL && !MpStr_Check(errors))) {
            MpErr_SetString(MpExc_TypeError,
                            "encoding and errors must be str");
            return -1;
        }
        src = MpStr_AsEncodedString(x, MpStr_AsUTF8(enc),
                                    errors ? MpStr_AsUTF8(errors) : NULL);
        if (src == NULL) {
            return -1;
        }
        x = src;
    }
    else if (enc != NULL || errors != NULL) {
        MpErr_SetString(MpExc_TypeError,
                        enc ? "encoding without a string argument"
                            : "errors without a string argument");
        return -1;
    }
    if (Mp_TYPE(x)->tp_as_buffer != NULL) {
        /* Any layout (a strided memoryview slice too), copied in C order. */
        MpBuffer v;
        if (MpObject_GetBuffer(x, &v, MP_BUF_FULL_RO) < 0) {
            Mp_XDECREF(src);
            return -1;
        }
        *out = malloc((size_t)v.len + 1);
        if (*out != NULL) {
            MpBuffer_ToContiguous(*out, &v, 'C');
            *outlen = v.len;
        }
        MpBuffer_Release(&v);
        Mp_XDECREF(src);
        if (*out == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        return 0;
    }
    if (has_index(x)) {
        Mp_ssize_t n = MpNumber_AsSsize_t(x, MpExc_OverflowError);
        if (n == -1 && MpErr_Occurred()) {
            return -1;
        }
        if (n < 0) {
            MpErr_SetString(MpExc_ValueError, "negative count");
            return -1;
        }
        *out = calloc((size_t)n + 1, 1);
        if (*out == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        *outlen = n;
        return 0;
    }
    MpObject *it = MpObject_GetIter(x);
    if (it == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_Format(MpExc_TypeError,
                         "cannot convert '%.200s' object to %s",
                         MpType_Name(Mp_TYPE(x)), what);
        }
        return -1;
    }
    Mp_ssize_t cap = 16, n = 0;
    char *buf = malloc((size_t)cap);
    if (buf == NULL) {
        Mp_DECREF(it);
        MpErr_NoMemory();
        return -1;
    }
    MpObject *item;
    while ((item = MpIter_Next(it)) != NULL) {
        int v = MpBytes_ByteValue(item);
        Mp_DECREF(item);
        if (v < 0) {
            goto fail;
        }
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, (size_t)cap);
            if (nb == NULL) {
                MpErr_NoMemory();
                goto fail;
            }
            buf = nb;
        }
        buf[n++] = (char)v;
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        free(buf);
        return -1;
    }
    *out = buf;
    *outlen = n;
    return 0;
fail:
    Mp_DECREF(it);
    free(buf);
    return -1;
}

static int
parse_ctor(const char *name, MpObject *args, MpObject *kwargs,
           MpObject *a[3])
{
    static const char *const kw[] = {"source", "encoding", "errors", NULL};
    MpArgSpec spec = {name, kw, 0, 3};
    return MpArg_UnpackTupleDict(&spec, args, kwargs, a);
}

/* bytes(x) for an x whose type defines __bytes__: its result, which must
   be bytes (a subclass is returned as it is).  Refs: NEW; NULL with no
   exception when there is no __bytes__, NULL with one on error. */
static MpObject *
call_dunder_bytes(MpObject *x)
{
    static MpStrIdentifier id_bytes = MP_STR_IDENTIFIER("__bytes__");
    MpObject *name = MpStr_FromIdentifier(&id_bytes);
    if (name == NULL) {
        return NULL;
    }
    MpObject *meth = MpType_Lookup(Mp_TYPE(x), name);
    if (meth == NULL) {
        return NULL;
    }
    MpObject *r;
    Mp_INCREF(meth);
    descrgetfunc get = Mp_TYPE(meth)->tp_descr_get;
    if (get != NULL) {
        MpObject *bound = get(meth, x, (MpObject *)Mp_TYPE(x));
        r = bound ? MpObject_Vectorcall(bound, NULL, 0, NULL) : NULL;
        Mp_XDECREF(bound);
    }
    else {
        r = MpObject_Vectorcall(meth, &x, 1, NULL);
    }
    Mp_DECREF(meth);
    if (r != NULL && !MpBytes_Check(r)) {
        MpErr_Format(MpExc_TypeError,
                     "__bytes__ returned non-bytes (type %.200s)",
                     MpType_Name(Mp_TYPE(r)));
        Mp_CLEAR(&r);
    }
    return r;
}

static MpObject *
bytes_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpObject *a[3];
    if (parse_ctor("bytes", args, kwargs, a) < 0) {
        return NULL;
    }
    char *buf;
    Mp_ssize_t n;
    if (a[0] != NULL && a[1] == NULL && a[2] == NULL &&
        MpBytes_CheckExact(a[0]) && type == &MpBytes_Type) {
        return Mp_NewRef(a[0]);
    }
    if (a[0] != NULL && a[1] == NULL && a[2] == NULL) {
        MpObject *r = call_dunder_bytes(a[0]);
        if (r != NULL && type != &MpBytes_Type) {
            /* a subclass: the bytes copied into an instance of it */
            MpObject *sub = bytes_alloc(type, Mp_SIZE(r));
            if (sub != NULL) {
                memcpy(MpBytes_AS_STRING(sub), MpBytes_AS_STRING(r),
                       (size_t)Mp_SIZE(r));
            }
            Mp_DECREF(r);
            return sub;
        }
        if (r != NULL || MpErr_Occurred()) {
            return r;
        }
    }
    if (collect_bytes(a[0], a[1], a[2], &buf, &n, "bytes") < 0) {
        return NULL;
    }
    MpObject *r;
    if (type == &MpBytes_Type) {
        r = MpBytes_FromStringAndSize(buf != NULL ? buf : "", n);
    }
    else {
        r = bytes_alloc(type, n);
        if (r != NULL && n > 0) {
            memcpy(MpBytes_AS_STRING(r), buf, (size_t)n);
        }
    }
    free(buf);
    return r;
}

static MpObject *
bytearray_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpObject *a[3];
    if (parse_ctor("bytearray", args, kwargs, a) < 0) {
        return NULL;
    }
    char *buf;
    Mp_ssize_t n;
    if (collect_bytes(a[0], a[1], a[2], &buf, &n, "bytearray") < 0) {
        return NULL;
    }
    MpObject *r = bytearray_alloc(type, buf, n);
    free(buf);
    return r;
}

static void
bytes_dealloc(MpObject *o)
{
    MpObject_Free(o);
}

static void
bytearray_dealloc(MpObject *o)
{
    free(((MpByteArrayObject *)o)->ob_bytes);
    MpObject_Free(o);
}
/* }====== */

/* {====== Slots: repr, hash, comparison, sequence ====== */

MpObject *
MpBytes_Repr(MpObject *o)
{
    MpStrBuf b = {0};
    int ba = !MpBytes_Check(o);
    if (ba) {
        MpStrBuf_Puts(&b, MpType_Name(Mp_TYPE(o)));
        MpStrBuf_Putc(&b, '(');
    }
    size_t body = b.len + 2;  // after b" or b'
    MpRepr_Bytes(&b, MpBytesLike_AS_STRING(o), (size_t)Mp_SIZE(o));
    if (ba && !b.failed && b.data[body - 1] == '"') {
        /* CPython's bytearray repr escapes ' even inside "..." */
        MpStrBuf e = {0};
        MpStrBuf_Append(&e, b.data, body);
        for (size_t i = body; i < b.len; i++) {
            if (b.data[i] == '\'' && i + 1 < b.len) {
                MpStrBuf_Putc(&e, '\\');
            }
            MpStrBuf_Putc(&e, b.data[i]);
        }
        MpStrBuf_Clear(&b);
        b = e;
    }
    if (ba) {
        MpStrBuf_Putc(&b, ')');
    }
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpStr_FromUTF8(b.data, (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
}

static Mp_hash_t
bytes_hash(MpObject *o)
{
    MpBytesObject *b = (MpBytesObject *)o;
    if (b->ob_shash == -1) {
        b->ob_shash = MpHash_Bytes(b->ob_sval, Mp_SIZE(o));
    }
    return b->ob_shash;
}

static int
is_byteslike(MpObject *o)
{
    return MpBytes_Check(o) || MpByteArray_Check(o);
}

static MpObject *
bytes_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!is_byteslike(a) || !is_byteslike(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    Mp_ssize_t na = Mp_SIZE(a), nb = Mp_SIZE(b);
    if ((op == Mp_EQ || op == Mp_NE) && na != nb) {
        return MpBool_FromLong(op == Mp_NE);
    }
    int c = memcmp(MpBytesLike_AS_STRING(a), MpBytesLike_AS_STRING(b), (size_t)(na < nb ? na : nb));
    if (c == 0) {
        c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    return MpRichCompare_FromCmp(c, op);
}

static Mp_ssize_t
bytes_length(MpObject *o)
{
    return Mp_SIZE(o);
}

static MpObject *
bytes_item(MpObject *o, Mp_ssize_t i)
{
    if (i < 0 || i >= Mp_SIZE(o)) {
        MpErr_SetString(MpExc_IndexError, MpBytes_Check(o)
                                              ? "index out of range"
                                              : "bytearray index out of "
                                                "range");
        return NULL;
    }
    return MpLong_FromSsize_t((unsigned char)MpBytesLike_AS_STRING(o)[i]);
}

static MpObject *
bytes_subscript(MpObject *o, MpObject *key)
{
    if (has_index(key)) {
        Mp_ssize_t i = MpNumber_AsSsize_t(key, MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += Mp_SIZE(o);
        }
        return bytes_item(o, i);
    }
    if (Mp_TYPE(key) == &MpSlice_Type) {
        Mp_ssize_t start, stop, step;
        if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Mp_ssize_t n = MpSlice_AdjustIndices(Mp_SIZE(o), &start, &stop,
                                             step);
        const char *d = MpBytesLike_AS_STRING(o);
        if (step == 1) {
            if (n == Mp_SIZE(o) && MpBytes_CheckExact(o)) {
                return Mp_NewRef(o);
            }
            return MpBytesLike_NewLike(o, d + start, n);
        }
        char *buf = malloc((size_t)(n > 0 ? n : 1));
        if (buf == NULL) {
            return MpErr_NoMemory();
        }
        for (Mp_ssize_t i = 0, j = start; i < n; i++, j += step) {
            buf[i] = d[j];
        }
        MpObject *r = MpBytesLike_NewLike(o, buf, n);
        free(buf);
        return r;
    }
    return MpErr_Format(MpExc_TypeError,
                        "%s indices must be integers or slices, not %.200s",
                        MpBytes_Check(o) ? "byte" : "bytearray",
                        MpType_Name(Mp_TYPE(key)));
}

/* A search argument: an int in range(256) or a bytes-like object.  On
   success *view holds it (release it), or *byte is set and view->obj is
   NULL. */
static int
get_sub(MpObject *x, MpBuffer *view, char *byte)
{
    view->obj = NULL;
    if (has_index(x)) {
        int v = MpBytes_ByteValue(x);
        if (v < 0) {
            return -1;
        }
        *byte = (char)v;
        view->buf = byte;
        view->len = 1;
        return 0;
    }
    if (Mp_TYPE(x)->tp_as_buffer == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "argument should be integer or bytes-like object, not "
                     "'%.200s'",
                     MpType_Name(Mp_TYPE(x)));
        return -1;
    }
    return MpBytesLike_Get(x, view);
}

static Mp_ssize_t
mem_find(const char *s, Mp_ssize_t start, Mp_ssize_t end, const char *p,
         Mp_ssize_t m, int reverse)
{
    if (end - start < m) {
        return -1;
    }
    if (m == 0) {
        return reverse ? end : start;
    }
    if (!reverse) {
        const char *hit = memmem(s + start, (size_t)(end - start), p,
                                 (size_t)m);
        return hit ? hit - s : -1;
    }
    for (Mp_ssize_t i = end - m; i >= start; i--) {
        if (s[i] == p[0] && memcmp(s + i, p, (size_t)m) == 0) {
            return i;
        }
    }
    return -1;
}

static int
bytes_contains(MpObject *o, MpObject *x)
{
    MpBuffer v;
    char byte;
    if (!has_index(x) && Mp_TYPE(x)->tp_as_buffer == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "a bytes-like object is required, not '%.100s'",
                     MpType_Name(Mp_TYPE(x)));
        return -1;
    }
    if (get_sub(x, &v, &byte) < 0) {
        return -1;
    }
    int r = mem_find(MpBytesLike_AS_STRING(o), 0, Mp_SIZE(o), v.buf, v.len, 0) >= 0;
    MpBytesLike_Release(&v);
    return r;
}

MpObject *
MpBytes_Concat(MpObject *a, MpObject *b)
{
    MpBuffer va, vb;
    if (MpBytesLike_Get(a, &va) < 0) {
        return NULL;
    }
    /* Anything that cannot give a simple (contiguous) view, a strided
       memoryview among them, is refused as CPython's bytes_concat does. */
    if (Mp_TYPE(b)->tp_as_buffer == NULL || MpBytesLike_Get(b, &vb) < 0) {
        MpErr_Clear();
        MpBytesLike_Release(&va);
        return MpErr_Format(MpExc_TypeError, "can't concat %.100s to %.100s",
                            MpType_Name(Mp_TYPE(b)),
                            MpType_Name(Mp_TYPE(a)));
    }
    MpObject *r = NULL;
    if (va.len > MP_SSIZE_MAX - vb.len) {
        MpErr_NoMemory();
    }
    else {
        char *buf = malloc((size_t)(va.len + vb.len) + 1);
        if (buf == NULL) {
            MpErr_NoMemory();
        }
        else {
            memcpy(buf, va.buf, (size_t)va.len);
            memcpy(buf + va.len, vb.buf, (size_t)vb.len);
            r = MpBytesLike_NewLike(a, buf, va.len + vb.len);
            free(buf);
        }
    }
    MpBytesLike_Release(&va);
    MpBytesLike_Release(&vb);
    return r;
}

/* dst = n copies of the len bytes at src (which may be dst itself):
   memset for one byte, else copies that double what is done, so a huge
   repetition costs O(log n) calls, not n. */
static void
fill_repeated(char *dst, const char *src, Mp_ssize_t len, Mp_ssize_t n)
{
    Mp_ssize_t total = len * n;
    if (total == 0) {
        return;
    }
    if (len == 1) {
        memset(dst, src[0], (size_t)n);
        return;
    }
    if (dst != src) {
        memcpy(dst, src, (size_t)len);
    }
    for (Mp_ssize_t done = len; done < total;) {
        Mp_ssize_t chunk = done <= total - done ? done : total - done;
        memcpy(dst + done, dst, (size_t)chunk);
        done += chunk;
    }
}

static MpObject *
bytes_repeat(MpObject *o, Mp_ssize_t n)
{
    Mp_ssize_t len = Mp_SIZE(o);
    if (n < 0) {
        n = 0;
    }
    if (n == 1 && MpBytes_CheckExact(o)) {
        return Mp_NewRef(o);
    }
    if (len > 0 && n > MP_SSIZE_MAX / len) {
        return MpErr_NoMemory();
    }
    char *buf = malloc((size_t)(len * n) + 1);
    if (buf == NULL) {
        return MpErr_NoMemory();
    }
    fill_repeated(buf, MpBytesLike_AS_STRING(o), len, n);
    MpObject *r = MpBytesLike_NewLike(o, buf, len * n);
    free(buf);
    return r;
}
/* b *= n: in place, so refused while a view is exported. */
static MpObject *
bytearray_inplace_repeat(MpObject *o, Mp_ssize_t n)
{
    Mp_ssize_t len = Mp_SIZE(o);
    if (n < 0) {
        n = 0;
    }
    if (len > 0 && n > MP_SSIZE_MAX / len) {
        return MpErr_NoMemory();
    }
    if (MpByteArray_Resize(o, len * n) < 0) {
        return NULL;
    }
    char *d = MpByteArray_AS_STRING(o);
    fill_repeated(d, d, len, n);
    return Mp_NewRef(o);
}
/* }====== */

/* {====== Methods shared by bytes and bytearray ====== */

static const char *const decode_kw[] = {"encoding", "errors", NULL};

static MpObject *
bytes_decode(MpObject *o, MpObject *const *args, Mp_ssize_t nargs,
             MpObject *kwnames)
{
    MpArgSpec spec = {"decode", decode_kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *enc = NULL, *errors = NULL;
    for (int i = 0; i < 2; i++) {
        if (a[i] == NULL) {
            continue;
        }
        if (!MpStr_Check(a[i])) {
            return MpErr_Format(MpExc_TypeError,
                                "decode() argument '%s' must be str, not "
                                "%B",
                                decode_kw[i], a[i]);
        }
        *(i == 0 ? &enc : &errors) = MpStr_AsUTF8(a[i]);
    }
    return MpStr_Decode(MpBytesLike_AS_STRING(o), Mp_SIZE(o), enc, errors);
}

/* hex(sep=None, bytes_per_sep=1), the separator grouping as
   memoryview.hex's (MpHex_FromData). */
static MpObject *
bytes_hex(MpObject *o, MpObject *const *args, Mp_ssize_t nargs,
          MpObject *kwnames)
{
    static const char *const kw[] = {"sep", "bytes_per_sep", NULL};
    static const MpArgSpec spec = {"hex", kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t per = 1;
    if (a[1] != NULL && MpHex_SepCount(a[1], &per) < 0) {
        return NULL;
    }
    return MpHex_FromData((const unsigned char *)MpBytesLike_AS_STRING(o), Mp_SIZE(o), a[0],
                          per);
}

static int
hexval(uint32_t c)
{
    if (c >= '0' && c <= '9') {
        return (int)(c - '0');
    }
    if (c >= 'a' && c <= 'f') {
        return (int)(c - 'a' + 10);
    }
    if (c >= 'A' && c <= 'F') {
        return (int)(c - 'A' + 10);
    }
    return -1;
}

/* bytes.fromhex(s), a class method: pairs of hex digits, ASCII white
   space allowed between pairs. */
static MpObject *
bytes_fromhex(MpObject *cls, MpObject *s)
{
    if (!MpStr_Check(s)) {
        return MpErr_Format(MpExc_TypeError,
                            "fromhex() argument must be str, not %B",
                            s);
    }
    Mp_ssize_t n = MpStr_GET_LENGTH(s), k = 0;
    char *buf = malloc((size_t)n / 2 + 1);
    if (buf == NULL) {
        return MpErr_NoMemory();
    }
    for (Mp_ssize_t i = 0; i < n;) {
        uint32_t c = MpStr_READ(s, i);
        if (c == ' ' || (c >= 9 && c <= 13)) {
            i++;
            continue;
        }
        int hi = hexval(c);
        int lo = i + 1 < n ? hexval(MpStr_READ(s, i + 1)) : -1;
        if (hi < 0 || lo < 0) {
            free(buf);
            return MpErr_Format(MpExc_ValueError,
                                "non-hexadecimal number found in fromhex() "
                                "arg at position %zd",
                                hi < 0 ? i : i + 1);
        }
        buf[k++] = (char)(hi * 16 + lo);
        i += 2;
    }
    MpObject *r;
    if ((MpTypeObject *)cls == &MpByteArray_Type) {
        r = MpByteArray_FromStringAndSize(buf, k);
    }
    else if ((MpTypeObject *)cls == &MpBytes_Type) {
        r = MpBytes_FromStringAndSize(buf, k);
    }
    else {  // a subclass: cls(bytes)
        MpObject *b = MpBytes_FromStringAndSize(buf, k);
        r = b == NULL ? NULL : MpObject_CallOneArg(cls, b);
        Mp_XDECREF(b);
    }
    free(buf);
    return r;
}

static int
slice_arg(MpObject *x, Mp_ssize_t *out)
{
    if (x == Mp_None) {
        return 0;
    }
    if (!has_index(x)) {
        MpErr_SetString(MpExc_TypeError,
                        "slice indices must be integers or None or have "
                        "an __index__ method");
        return -1;
    }
    Mp_ssize_t v = MpNumber_AsSsize_t(x, NULL);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* (sub, start, end) -> view of sub and the clipped range. */
static int
find_args(const char *name, MpObject *o, MpObject *const *args,
          Mp_ssize_t nargs, MpBuffer *v, char *byte, Mp_ssize_t *start,
          Mp_ssize_t *end)
{
    if (MpArg_CheckVarargs(name, nargs, NULL, 1, 3) < 0) {
        return -1;
    }
    Mp_ssize_t len = Mp_SIZE(o);
    *start = 0;
    *end = MP_SSIZE_MAX;
    if ((nargs > 1 && slice_arg(args[1], start) < 0) ||
        (nargs > 2 && slice_arg(args[2], end) < 0)) {
        return -1;
    }
    if (*end > len) {
        *end = len;
    }
    else if (*end < 0 && (*end += len) < 0) {
        *end = 0;
    }
    if (*start < 0 && (*start += len) < 0) {
        *start = 0;
    }
    return get_sub(args[0], v, byte);
}

/* mode 0 find, 1 index, 2 count. */
static MpObject *
do_find(const char *name, MpObject *o, MpObject *const *args,
        Mp_ssize_t nargs, int reverse, int mode)
{
    MpBuffer v;
    char byte;
    Mp_ssize_t start, end;
    if (find_args(name, o, args, nargs, &v, &byte, &start, &end) < 0) {
        return NULL;
    }
    const char *d = MpBytesLike_AS_STRING(o);
    Mp_ssize_t r;
    if (mode == 2) {
        r = 0;
        if (v.len == 0) {
            r = end >= start ? end - start + 1 : 0;
        }
        else {
            Mp_ssize_t i;
            while ((i = mem_find(d, start, end, v.buf, v.len, 0)) >= 0) {
                r++;
                start = i + v.len;
            }
        }
    }
    else {
        r = mem_find(d, start, end, v.buf, v.len, reverse);
    }
    MpBytesLike_Release(&v);
    if (mode == 1 && r < 0) {
        MpErr_SetString(MpExc_ValueError, "subsection not found");
        return NULL;
    }
    return MpLong_FromSsize_t(r);
}

#define FIND_METHOD(fn, name, rev, mode)                                   \
    static MpObject *fn(MpObject *o, MpObject *const *a, Mp_ssize_t n)    \
    {                                                                      \
        return do_find(name, o, a, n, rev, mode);                          \
    }
FIND_METHOD(bytes_find, "find", 0, 0)
FIND_METHOD(bytes_rfind, "rfind", 1, 0)
FIND_METHOD(bytes_index, "index", 0, 1)
FIND_METHOD(bytes_rindex, "rindex", 1, 1)
FIND_METHOD(bytes_count, "count", 0, 2)
#undef FIND_METHOD

static MpObject *
do_startswith(const char *name, MpObject *o, MpObject *const *args,
              Mp_ssize_t nargs, int at_end)
{
    if (MpArg_CheckVarargs(name, nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    MpObject *x = args[0];
    Mp_ssize_t n = MpTuple_Check(x) ? MpTuple_GET_SIZE(x) : 1;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *p = MpTuple_Check(x) ? MpTuple_GET_ITEM(x, i) : x;
        if (Mp_TYPE(p)->tp_as_buffer == NULL) {
            return MpErr_Format(
                MpExc_TypeError,
                MpTuple_Check(x)
                    ? "a bytes-like object is required, not '%.100s'"
                    : "%s first arg must be bytes or a tuple of bytes, not "
                      "%.100s",
                MpTuple_Check(x) ? MpType_Name(Mp_TYPE(p)) : name,
                MpType_Name(Mp_TYPE(p)));
        }
        MpObject *sub[3] = {p, nargs > 1 ? args[1] : Mp_None,
                            nargs > 2 ? args[2] : Mp_None};
        MpBuffer v;
        char byte;
        Mp_ssize_t start, end;
        if (find_args(name, o, sub, 3, &v, &byte, &start, &end) < 0) {
            return NULL;
        }
        int hit = start <= Mp_SIZE(o) && end - start >= v.len &&
                  memcmp(MpBytesLike_AS_STRING(o) + (at_end ? end - v.len : start), v.buf,
                         (size_t)v.len) == 0;
        MpBytesLike_Release(&v);
        if (hit) {
            return MpBool_FromLong(1);
        }
    }
    return MpBool_FromLong(0);
}

static MpObject *
bytes_startswith(MpObject *o, MpObject *const *a, Mp_ssize_t n)
{
    return do_startswith("startswith", o, a, n, 0);
}

static MpObject *
bytes_endswith(MpObject *o, MpObject *const *a, Mp_ssize_t n)
{
    return do_startswith("endswith", o, a, n, 1);
}

static int
is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= 9 && c <= 13);
}

static int
list_add(MpObject *list, MpObject *o, const char *s, Mp_ssize_t n)
{
    MpObject *x = MpBytesLike_NewLike(o, s, n);
    if (x == NULL) {
        return -1;
    }
    int rc = MpList_Append(list, x);
    Mp_DECREF(x);
    return rc;
}

static const char *const split_kw[] = {"sep", "maxsplit", NULL};

static MpObject *
do_split(const char *name, MpObject *o, MpObject *const *args,
         Mp_ssize_t nargs, MpObject *kwnames, int reverse)
{
    MpArgSpec spec = {name, split_kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t maxcount = -1;
    if (a[1] != NULL) {
        maxcount = MpNumber_AsSsize_t(a[1], MpExc_OverflowError);
        if (maxcount == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (maxcount < 0) {
        maxcount = MP_SSIZE_MAX;
    }
    MpBuffer v = {0};
    if (a[0] != NULL && a[0] != Mp_None) {
        if (MpBytesLike_Get(a[0], &v) < 0) {
            return NULL;
        }
        if (v.len == 0) {
            MpBytesLike_Release(&v);
            MpErr_SetString(MpExc_ValueError, "empty separator");
            return NULL;
        }
    }
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        MpBytesLike_Release(&v);
        return NULL;
    }
    const char *d = MpBytesLike_AS_STRING(o);
    Mp_ssize_t len = Mp_SIZE(o);
    int rc = 0;
    if (v.obj == NULL) {  // runs of ASCII white space
        if (!reverse) {
            Mp_ssize_t i = 0;
            while (rc == 0 && maxcount-- > 0) {
                while (i < len && is_ascii_space(d[i])) {
                    i++;
                }
                if (i == len) {
                    break;
                }
                Mp_ssize_t j = i;
                while (i < len && !is_ascii_space(d[i])) {
                    i++;
                }
                rc = list_add(list, o, d + j, i - j);
            }
            while (i < len && is_ascii_space(d[i])) {
                i++;
            }
            if (rc == 0 && i < len) {
                rc = list_add(list, o, d + i, len - i);
            }
        }
        else {
            Mp_ssize_t i = len;
            while (rc == 0 && maxcount-- > 0) {
                while (i > 0 && is_ascii_space(d[i - 1])) {
                    i--;
                }
                if (i == 0) {
                    break;
                }
                Mp_ssize_t j = i;
                while (i > 0 && !is_ascii_space(d[i - 1])) {
                    i--;
                }
                rc = list_add(list, o, d + i, j - i);
            }
            while (i > 0 && is_ascii_space(d[i - 1])) {
                i--;
            }
            if (rc == 0 && i > 0) {
                rc = list_add(list, o, d, i);
            }
        }
    }
    else if (!reverse) {
        Mp_ssize_t i = 0, pos;
        while (rc == 0 && maxcount-- > 0 &&
               (pos = mem_find(d, i, len, v.buf, v.len, 0)) >= 0) {
            rc = list_add(list, o, d + i, pos - i);
            i = pos + v.len;
        }
        if (rc == 0) {
            rc = list_add(list, o, d + i, len - i);
        }
    }
    else {
        Mp_ssize_t j = len, pos;
        while (rc == 0 && maxcount-- > 0 &&
               (pos = mem_find(d, 0, j, v.buf, v.len, 1)) >= 0) {
            rc = list_add(list, o, d + pos + v.len, j - pos - v.len);
            j = pos;
        }
        if (rc == 0) {
            rc = list_add(list, o, d, j);
        }
    }
    MpBytesLike_Release(&v);
    if (rc < 0) {
        Mp_DECREF(list);
        return NULL;
    }
    if (reverse) {
        MpObject **it = ((MpListObject *)list)->items;
        for (Mp_ssize_t i = 0, j = Mp_SIZE(list) - 1; i < j; i++, j--) {
            MpObject *t = it[i];
            it[i] = it[j];
            it[j] = t;
        }
    }
    return list;
}

static MpObject *
bytes_split(MpObject *o, MpObject *const *a, Mp_ssize_t n, MpObject *kw)
{
    return do_split("split", o, a, n, kw, 0);
}

static MpObject *
bytes_rsplit(MpObject *o, MpObject *const *a, Mp_ssize_t n, MpObject *kw)
{
    return do_split("rsplit", o, a, n, kw, 1);
}

static MpObject *
bytes_join(MpObject *sep, MpObject *iterable)
{
    MpObject *seq = MpObject_GetIter(iterable);
    if (seq == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_SetString(MpExc_TypeError, "can only join an iterable");
        }
        return NULL;
    }
    MpStrBuf b = {0};
    MpObject *x;
    Mp_ssize_t i = 0;
    while ((x = MpIter_Next(seq)) != NULL) {
        MpBuffer v;
        /* Without a simple (contiguous) buffer -- a strided memoryview
           too -- the item is refused, as CPython's bytes.join does. */
        if (Mp_TYPE(x)->tp_as_buffer == NULL ||
            MpBytesLike_Get(x, &v) < 0) {
            MpErr_Clear();
            MpErr_Format(MpExc_TypeError,
                         "sequence item %zd: expected a bytes-like object, "
                         "%.80s found",
                         i, MpType_Name(Mp_TYPE(x)));
            Mp_DECREF(x);
            break;
        }
        if (i > 0) {
            MpStrBuf_Append(&b, MpBytesLike_AS_STRING(sep), (size_t)Mp_SIZE(sep));
        }
        MpStrBuf_Append(&b, v.buf, (size_t)v.len);
        MpBytesLike_Release(&v);
        Mp_DECREF(x);
        i++;
    }
    Mp_DECREF(seq);
    if (MpErr_Occurred()) {
        MpStrBuf_Clear(&b);
        return NULL;
    }
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpBytesLike_NewLike(sep, b.data ? b.data : "", (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
}

static MpObject *
do_strip(const char *name, MpObject *o, MpObject *const *args,
         Mp_ssize_t nargs, int which)
{
    if (MpArg_CheckPositional(name, nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    MpBuffer v = {0};
    if (nargs > 0 && args[0] != Mp_None && MpBytesLike_Get(args[0], &v) < 0) {
        return NULL;
    }
    const char *d = MpBytesLike_AS_STRING(o);
    Mp_ssize_t i = 0, j = Mp_SIZE(o);
#define STRIPPED(c)                                                  \
    (v.obj == NULL ? is_ascii_space((unsigned char)(c))              \
                   : memchr(v.buf, (unsigned char)(c), (size_t)v.len) != NULL)
    if (which & 1) {
        while (i < j && STRIPPED(d[i])) {
            i++;
        }
    }
    if (which & 2) {
        while (j > i && STRIPPED(d[j - 1])) {
            j--;
        }
    }
#undef STRIPPED
    MpBytesLike_Release(&v);
    if (i == 0 && j == Mp_SIZE(o) && MpBytes_CheckExact(o)) {
        return Mp_NewRef(o);
    }
    return MpBytesLike_NewLike(o, d + i, j - i);
}

static MpObject *
bytes_strip(MpObject *o, MpObject *const *a, Mp_ssize_t n)
{
    return do_strip("strip", o, a, n, 3);
}

static MpObject *
bytes_lstrip(MpObject *o, MpObject *const *a, Mp_ssize_t n)
{
    return do_strip("lstrip", o, a, n, 1);
}

static MpObject *
bytes_rstrip(MpObject *o, MpObject *const *a, Mp_ssize_t n)
{
    return do_strip("rstrip", o, a, n, 2);
}

static MpObject *
bytes_replace(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("replace", nargs, NULL, 2, 3) < 0) {
        return NULL;
    }
    Mp_ssize_t count = -1;
    if (nargs == 3) {
        count = MpNumber_AsSsize_t(args[2], MpExc_OverflowError);
        if (count == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (count < 0) {
        count = MP_SSIZE_MAX;
    }
    MpBuffer vo, vn;
    if (MpBytesLike_Get(args[0], &vo) < 0) {
        return NULL;
    }
    if (MpBytesLike_Get(args[1], &vn) < 0) {
        MpBytesLike_Release(&vo);
        return NULL;
    }
    const char *d = MpBytesLike_AS_STRING(o);
    Mp_ssize_t len = Mp_SIZE(o), i = 0, done = 0, pos;
    MpStrBuf b = {0};
    if (vo.len == 0) {
        while (done < count && i <= len) {
            MpStrBuf_Append(&b, vn.buf, (size_t)vn.len);
            done++;
            if (i < len) {
                MpStrBuf_Putc(&b, d[i]);
            }
            i++;
        }
        if (i < len) {
            MpStrBuf_Append(&b, d + i, (size_t)(len - i));
        }
    }
    else {
        while (done < count &&
               (pos = mem_find(d, i, len, vo.buf, vo.len, 0)) >= 0) {
            MpStrBuf_Append(&b, d + i, (size_t)(pos - i));
            MpStrBuf_Append(&b, vn.buf, (size_t)vn.len);
            i = pos + vo.len;
            done++;
        }
        MpStrBuf_Append(&b, d + i, (size_t)(len - i));
    }
    MpBytesLike_Release(&vo);
    MpBytesLike_Release(&vn);
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpBytesLike_NewLike(o, b.data ? b.data : "", (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
}

static MpObject *
do_case(MpObject *o, int upper)
{
    Mp_ssize_t n = Mp_SIZE(o);
    char *d = malloc((size_t)n + 1);
    if (d == NULL) {
        return MpErr_NoMemory();
    }
    const char *s = MpBytesLike_AS_STRING(o);
    for (Mp_ssize_t i = 0; i < n; i++) {
        char c = s[i];
        if (upper && c >= 'a' && c <= 'z') {
            c = (char)(c - 32);
        }
        else if (!upper && c >= 'A' && c <= 'Z') {
            c = (char)(c + 32);
        }
        d[i] = c;
    }
    MpObject *r = MpBytesLike_NewLike(o, d, n);
    free(d);
    return r;
}

static MpObject *
bytes_upper(MpObject *o, MpObject *unused)
{
    return do_case(o, 1);
}

static MpObject *
bytes_lower(MpObject *o, MpObject *unused)
{
    return do_case(o, 0);
}

static MpObject *
bytes_getnewargs(MpObject *o, MpObject *unused)
{
    MpObject *b = MpBytes_FromStringAndSize(MpBytesLike_AS_STRING(o), Mp_SIZE(o));
    if (b == NULL) {
        return NULL;
    }
    MpObject *t = MpTuple_FromArray(&b, 1);
    Mp_DECREF(b);
    return t;
}
/* }====== */

/* {====== bytearray mutation ====== */

static MpObject *
bytearray_append(MpObject *o, MpObject *x)
{
    int v = MpBytes_ByteValue(x);
    if (v < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(o);
    if (MpByteArray_Resize(o, n + 1) < 0) {
        return NULL;
    }
    ((MpByteArrayObject *)o)->ob_bytes[n] = (char)v;
    return Mp_NewRef(Mp_None);
}

static int
bytearray_extend_raw(MpObject *o, MpObject *x)
{
    char *buf;
    Mp_ssize_t n;
    if (MpStr_Check(x)) {  // CPython iterates and fails on the first item
        MpErr_SetString(MpExc_TypeError,
                        "'str' object cannot be interpreted as an integer");
        return -1;
    }
    if (collect_bytes(x, NULL, NULL, &buf, &n, "bytearray") < 0) {
        return -1;
    }
    Mp_ssize_t old = Mp_SIZE(o);
    int rc = MpByteArray_Resize(o, old + n);
    if (rc == 0 && n > 0) {
        memcpy(((MpByteArrayObject *)o)->ob_bytes + old, buf, (size_t)n);
    }
    free(buf);
    return rc;
}

static MpObject *
bytearray_extend(MpObject *o, MpObject *x)
{
    MpTypeObject *t = Mp_TYPE(x);
    int iterable = t->tp_iter != NULL || t->tp_as_buffer != NULL ||
                   (t->tp_as_sequence != NULL &&
                    t->tp_as_sequence->sq_item != NULL);
    /* bytearray(5) means 5 zeros, extend(5) is wrong */
    if (has_index(x) || !iterable) {
        return MpErr_Format(MpExc_TypeError,
                            "can't extend bytearray with %.100s",
                            MpType_Name(Mp_TYPE(x)));
    }
    return bytearray_extend_raw(o, x) < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
bytearray_pop(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("pop", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(o), i = -1;
    if (nargs == 1) {
        i = MpNumber_AsSsize_t(args[0], MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (n == 0) {
        MpErr_SetString(MpExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (i < 0) {
        i += n;
    }
    if (i < 0 || i >= n) {
        MpErr_SetString(MpExc_IndexError, "pop index out of range");
        return NULL;
    }
    char *d = ((MpByteArrayObject *)o)->ob_bytes;
    unsigned char c = (unsigned char)d[i];
    if (((MpByteArrayObject *)o)->ob_exports > 0) {
        MpByteArray_Resize(o, n - 1);  // raises BufferError
        return NULL;
    }
    memmove(d + i, d + i + 1, (size_t)(n - i - 1));
    if (MpByteArray_Resize(o, n - 1) < 0) {
        return NULL;
    }
    return MpLong_FromSsize_t(c);
}

static MpObject *
bytearray_clear(MpObject *o, MpObject *unused)
{
    return MpByteArray_Resize(o, 0) < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
bytearray_copy(MpObject *o, MpObject *unused)
{
    return MpByteArray_FromStringAndSize(MpBytesLike_AS_STRING(o), Mp_SIZE(o));
}

/* o[key] = value, del o[key] (value NULL). */
static int
bytearray_ass_subscript(MpObject *o, MpObject *key, MpObject *value)
{
    Mp_ssize_t n = Mp_SIZE(o);
    if (has_index(key)) {
        Mp_ssize_t i = MpNumber_AsSsize_t(key, MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return -1;
        }
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            MpErr_SetString(MpExc_IndexError,
                            "bytearray index out of range");
            return -1;
        }
        if (value == NULL) {
            if (((MpByteArrayObject *)o)->ob_exports > 0) {
                return MpByteArray_Resize(o, n - 1);  // BufferError
            }
            char *d = ((MpByteArrayObject *)o)->ob_bytes;
            memmove(d + i, d + i + 1, (size_t)(n - i - 1));
            return MpByteArray_Resize(o, n - 1);
        }
        int v = MpBytes_ByteValue(value);
        if (v < 0) {
            return -1;
        }
        ((MpByteArrayObject *)o)->ob_bytes[i] = (char)v;
        return 0;
    }
    if (Mp_TYPE(key) != &MpSlice_Type) {
        MpErr_Format(MpExc_TypeError,
                     "bytearray indices must be integers or slices, not "
                     "%.200s",
                     MpType_Name(Mp_TYPE(key)));
        return -1;
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    Mp_ssize_t slen = MpSlice_AdjustIndices(n, &start, &stop, step);
    char *buf = NULL;
    Mp_ssize_t m = 0;
    if (value != NULL) {
        if (has_index(value)) {
            MpErr_SetString(MpExc_TypeError,
                            "can assign only bytes, buffers, or iterables "
                            "of ints in range(0, 256)");
            return -1;
        }
        if (collect_bytes(value, NULL, NULL, &buf, &m, "bytearray") < 0) {
            return -1;
        }
    }
    int rc = 0;
    if (step == 1) {
        Mp_ssize_t newlen = n - slen + m;
        if (m != slen && ((MpByteArrayObject *)o)->ob_exports > 0) {
            rc = MpByteArray_Resize(o, newlen);  // BufferError
        }
        else if (m > slen) {
            rc = MpByteArray_Resize(o, newlen);
            if (rc == 0) {
                char *d = ((MpByteArrayObject *)o)->ob_bytes;
                memmove(d + start + m, d + start + slen,
                        (size_t)(n - start - slen));
            }
        }
        else if (m < slen) {
            char *d = ((MpByteArrayObject *)o)->ob_bytes;
            memmove(d + start + m, d + start + slen,
                    (size_t)(n - start - slen));
            rc = MpByteArray_Resize(o, newlen);
        }
        if (rc == 0 && m > 0) {
            memcpy(((MpByteArrayObject *)o)->ob_bytes + start, buf,
                   (size_t)m);
        }
    }
    else if (value == NULL) {
        /* Deleting an extended slice: keep the bytes not on it. */
        char *d = ((MpByteArrayObject *)o)->ob_bytes;
        Mp_ssize_t w = 0;
        for (Mp_ssize_t i = 0; i < n; i++) {
            int on = 0;
            if (slen > 0) {
                Mp_ssize_t off = i - start;
                on = off % step == 0 && off / step >= 0 &&
                     off / step < slen;
            }
            if (!on) {
                d[w++] = d[i];
            }
        }
        rc = MpByteArray_Resize(o, w);
    }
    else if (m != slen) {
        MpErr_Format(MpExc_ValueError,
                     "attempt to assign bytes of size %zd to extended "
                     "slice of size %zd",
                     m, slen);
        rc = -1;
    }
    else {
        char *d = ((MpByteArrayObject *)o)->ob_bytes;
        for (Mp_ssize_t i = 0, j = start; i < slen; i++, j += step) {
            d[j] = buf[i];
        }
    }
    free(buf);
    return rc;
}

static MpObject *
bytearray_inplace_concat(MpObject *o, MpObject *x)
{
    MpBuffer v;
    if (Mp_TYPE(x)->tp_as_buffer == NULL) {
        return MpErr_Format(MpExc_TypeError, "can't concat %.100s to %.100s",
                            MpType_Name(Mp_TYPE(x)),
                            MpType_Name(Mp_TYPE(o)));
    }
    if (MpBytesLike_Get(x, &v) < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(o);
    /* x may be o itself: copy out before resizing moves the buffer. */
    char *tmp = malloc((size_t)v.len + 1);
    if (tmp == NULL) {
        MpBytesLike_Release(&v);
        return MpErr_NoMemory();
    }
    memcpy(tmp, v.buf, (size_t)v.len);
    Mp_ssize_t m = v.len;
    MpBytesLike_Release(&v);
    if (MpByteArray_Resize(o, n + m) < 0) {
        free(tmp);
        return NULL;
    }
    memcpy(((MpByteArrayObject *)o)->ob_bytes + n, tmp, (size_t)m);
    free(tmp);
    return Mp_NewRef(o);
}
/* }====== */

/* {====== Iteration ====== */

typedef struct {
    MpObject_HEAD
    MpObject *it_seq;
    Mp_ssize_t it_index;
} BytesIterObject;

static void
bytesiter_dealloc(MpObject *o)
{
    Mp_XDECREF(((BytesIterObject *)o)->it_seq);
    MpObject_Free(o);
}

static MpObject *
bytesiter_next(MpObject *o)
{
    BytesIterObject *it = (BytesIterObject *)o;
    MpObject *s = it->it_seq;
    if (s == NULL) {
        return NULL;
    }
    if (it->it_index < Mp_SIZE(s)) {
        return MpLong_FromSsize_t((unsigned char)MpBytesLike_AS_STRING(s)[it->it_index++]);
    }
    it->it_seq = NULL;
    Mp_DECREF(s);
    return NULL;
}

MpTypeObject MpBytesIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(BytesIterObject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = bytesiter_next,
};

MpTypeObject MpByteArrayIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(BytesIterObject),
    .tp_dealloc = bytesiter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = bytesiter_next,
};

static MpObject *
bytes_iter(MpObject *o)
{
    BytesIterObject *it = (BytesIterObject *)MpObject_New(
        MpBytes_Check(o) ? &MpBytesIter_Type : &MpByteArrayIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_seq = Mp_NewRef(o);
    it->it_index = 0;
    return (MpObject *)it;
}
/* }====== */

/* {====== The types ====== */

static MpObject *
bytes_add(MpObject *a, MpObject *b)
{
    if (!is_byteslike(a)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return MpBytes_Concat(a, b);
}

/* b % args (printf.c).  The left operand must be of the type: 5 % b'x'
   and b'%s' % b'' reflected from bytearray.__rmod__ are NotImplemented. */
static MpObject *
bytes_mod(MpObject *a, MpObject *b)
{
    if (!MpBytes_Check(a)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return MpBytes_Format(a, b);
}

static MpObject *
bytearray_mod(MpObject *a, MpObject *b)
{
    if (!MpByteArray_Check(a)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return MpBytes_Format(a, b);
}

#define FAST MP_METH_FASTCALL
#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)
#define VARARGS (MP_METH_FASTCALL | MP_METH_VARARGS) // CPython's messages
#define COMMON_METHODS                                                     \
    {"decode", (void *)bytes_decode, FASTKW,                               \
     "Decode the bytes using the codec registered for encoding."},        \
    {"hex", (void *)bytes_hex, FASTKW,                             \
     "Create a string of hexadecimal numbers from a bytes object."},      \
    {"fromhex", (void *)bytes_fromhex, MP_METH_O | MP_METH_CLASS,          \
     "Create a bytes object from a string of hexadecimal numbers."},      \
    {"split", (void *)bytes_split, FASTKW,                                 \
     "Return a list of the sections in the bytes, using sep as the "      \
     "delimiter."},                                                        \
    {"rsplit", (void *)bytes_rsplit, FASTKW,                               \
     "Return a list of the sections in the bytes, using sep as the "      \
     "delimiter, from the right."},                                        \
    {"join", (void *)bytes_join, MP_METH_O,                                \
     "Concatenate any number of bytes objects."},                          \
    {"strip", (void *)bytes_strip, FAST,                                   \
     "Strip leading and trailing bytes contained in the argument."},      \
    {"lstrip", (void *)bytes_lstrip, FAST,                                 \
     "Strip leading bytes contained in the argument."},                    \
    {"rstrip", (void *)bytes_rstrip, FAST,                                 \
     "Strip trailing bytes contained in the argument."},                   \
    {"find", (void *)bytes_find, VARARGS,                                     \
     "Return the lowest index where subsection sub is found."},            \
    {"rfind", (void *)bytes_rfind, VARARGS,                                   \
     "Return the highest index where subsection sub is found."},           \
    {"index", (void *)bytes_index, VARARGS,                                   \
     "Return the lowest index where subsection sub is found."},            \
    {"rindex", (void *)bytes_rindex, VARARGS,                                 \
     "Return the highest index where subsection sub is found."},           \
    {"count", (void *)bytes_count, VARARGS,                                   \
     "Return the number of non-overlapping occurrences of sub."},          \
    {"replace", (void *)bytes_replace, FAST,                               \
     "Return a copy with all occurrences of substring old replaced by "   \
     "new."},                                                              \
    {"startswith", (void *)bytes_startswith, VARARGS,                         \
     "Return True if the bytes starts with the specified prefix."},        \
    {"endswith", (void *)bytes_endswith, VARARGS,                             \
     "Return True if the bytes ends with the specified suffix."},          \
    {"upper", (void *)bytes_upper, MP_METH_NOARGS,                         \
     "B.upper() -> copy of B with ASCII letters in upper case."},          \
    {"lower", (void *)bytes_lower, MP_METH_NOARGS,                         \
     "B.lower() -> copy of B with ASCII letters in lower case."},         \
    MORE_METHODS

/* The rest of the shared methods (bytes_methods.c). */
#define NOARGS MP_METH_NOARGS
#define MORE_METHODS                                                       \
    {"isalnum", (void *)MpBytes_isalnum, NOARGS, NULL},                    \
    {"isalpha", (void *)MpBytes_isalpha, NOARGS, NULL},                    \
    {"isascii", (void *)MpBytes_isascii, NOARGS, NULL},                    \
    {"isdigit", (void *)MpBytes_isdigit, NOARGS, NULL},                    \
    {"islower", (void *)MpBytes_islower, NOARGS, NULL},                    \
    {"isspace", (void *)MpBytes_isspace, NOARGS, NULL},                    \
    {"istitle", (void *)MpBytes_istitle, NOARGS, NULL},                    \
    {"isupper", (void *)MpBytes_isupper, NOARGS, NULL},                    \
    {"capitalize", (void *)MpBytes_capitalize, NOARGS, NULL},              \
    {"swapcase", (void *)MpBytes_swapcase, NOARGS, NULL},                  \
    {"title", (void *)MpBytes_title, NOARGS, NULL},                        \
    {"center", (void *)MpBytes_center, FAST, NULL},                        \
    {"ljust", (void *)MpBytes_ljust, FAST, NULL},                          \
    {"rjust", (void *)MpBytes_rjust, FAST, NULL},                          \
    {"zfill", (void *)MpBytes_zfill, MP_METH_O, NULL},                     \
    {"partition", (void *)MpBytes_partition, MP_METH_O, NULL},             \
    {"rpartition", (void *)MpBytes_rpartition, MP_METH_O, NULL},           \
    {"removeprefix", (void *)MpBytes_removeprefix, MP_METH_O, NULL},       \
    {"removesuffix", (void *)MpBytes_removesuffix, MP_METH_O, NULL},       \
    {"expandtabs", (void *)MpBytes_expandtabs, FASTKW, NULL},              \
    {"splitlines", (void *)MpBytes_splitlines, FASTKW, NULL},              \
    {"translate", (void *)MpBytes_translate, FASTKW, NULL},                \
    {"maketrans", (void *)MpBytes_maketrans, FAST | MP_METH_STATIC, NULL}

static MpMethodDef bytes_methods[] = {
    COMMON_METHODS,
    {"__getnewargs__", (void *)bytes_getnewargs, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMethodDef bytearray_methods[] = {
    COMMON_METHODS,
    {"append", (void *)bytearray_append, MP_METH_O,
     "Append a single item to the end of the bytearray."},
    {"extend", (void *)bytearray_extend, MP_METH_O,
     "Append all the items from the iterator or sequence to the end of "
     "the bytearray."},
    {"pop", (void *)bytearray_pop, FAST,
     "Remove and return a single item from B."},
    {"clear", (void *)bytearray_clear, MP_METH_NOARGS,
     "Remove all items from the bytearray."},
    {"copy", (void *)bytearray_copy, MP_METH_NOARGS,
     "Return a copy of B."},
    {"insert", (void *)MpByteArray_insert, FAST,
     "Insert a single item into the bytearray before the given index."},
    {"remove", (void *)MpByteArray_remove, MP_METH_O,
     "Remove the first occurrence of a value in the bytearray."},
    {"reverse", (void *)MpByteArray_reverse, MP_METH_NOARGS,
     "Reverse the order of the values in B in place."},
    {"__reduce__", (void *)MpByteArray_ReduceMethod, MP_METH_NOARGS,
     "Return state information for pickling."},
    {"__reduce_ex__", (void *)MpByteArray_ReduceExMethod, MP_METH_O,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};
#undef COMMON_METHODS
#undef MORE_METHODS
#undef NOARGS
#undef FAST
#undef FASTKW

static MpSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = MpBytes_Concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static MpMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static MpNumberMethods bytes_as_number = {
    .nb_add = bytes_add,
    .nb_remainder = bytes_mod,
};

/* bytearray's own: `b += x` must extend b in place (and so fail while a
   view is exported), not fall to nb_add, which makes a new object. */
static MpNumberMethods bytearray_as_number = {
    .nb_add = bytes_add,
    .nb_remainder = bytearray_mod,
    .nb_inplace_add = bytearray_inplace_concat,
};

MpTypeObject MpBytes_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "bytes",
    .tp_basicsize = offsetof(MpBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_BYTES_SUBCLASS,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = MpBytes_Repr,
    .tp_str = MpBytes_Repr,
    .tp_hash = bytes_hash,
    .tp_richcompare = bytes_richcompare,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_new,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\n"
              "bytes(string, encoding[, errors]) -> bytes\n"
              "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
              "bytes(int) -> bytes object of size given by the parameter "
              "initialized with null bytes\n"
              "bytes() -> empty bytes object",
};

static MpSequenceMethods bytearray_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = MpBytes_Concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
    .sq_inplace_concat = bytearray_inplace_concat,
    .sq_inplace_repeat = bytearray_inplace_repeat,
};

static MpMappingMethods bytearray_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

MpTypeObject MpByteArray_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(MpByteArrayObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = MpBytes_Repr,
    .tp_str = MpBytes_Repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = bytes_richcompare,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_iter = bytes_iter,
    .tp_methods = bytearray_methods,
    .tp_new = bytearray_new,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray\n"
              "bytearray(string, encoding[, errors]) -> bytearray\n"
              "bytearray(bytes_or_buffer) -> mutable copy of "
              "bytes_or_buffer\n"
              "bytearray(int) -> bytes array of size given by the parameter "
              "initialized with null bytes\n"
              "bytearray() -> empty bytes array",
};

int
MpBytes_Init(void)
{
    if (MpType_Ready(&MpBytes_Type) < 0 ||
        MpType_Ready(&MpByteArray_Type) < 0 ||
        MpType_Ready(&MpBytesIter_Type) < 0 ||
        MpType_Ready(&MpByteArrayIter_Type) < 0) {
        return -1;
    }
    return 0;
}

void
MpBytes_Fini(void)
{
    Mp_CLEAR(&bytes_empty);
    for (int i = 0; i < 256; i++) {
        Mp_CLEAR(&bytes_chars[i]);
    }
}
/* }====== */
