/* memio.c — io.StringIO and io.BytesIO: files that live in memory.

   Both keep one growable array and a position in it:

       buf  [ h e l l o \n w o r l d ]  len = 11
                          ^ pos = 6

   read() takes from pos onward, write() overwrites from pos (extending
   the array, with NULs filling any gap when pos is past the end, as
   CPython does), seek() only moves pos.  StringIO holds code points
   (uint32_t) so that indexing is by character; BytesIO holds bytes.

   StringIO's newline argument works as for text files, applied when
   writing: None translates \r\n and \r to \n (and reading then splits on
   \n), '' keeps everything and splits on any of the three, '\n' (the
   default) keeps everything, '\r' and '\r\n' turn each written \n into
   themselves and split on them.

   CPython counterpart: Modules/_io/stringio.c, Modules/_io/bytesio.c.
   Read first: stringio_write_str */
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "modules/io.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Shared helpers ====== */

/* Grows an array of items of size isz to hold at least need of them.
   Returns 0 or -1 with MemoryError. */
static int
mem_reserve(void **buf, Mp_ssize_t *cap, Mp_ssize_t need, size_t isz)
{
    if (need <= *cap) {
        return 0;
    }
    Mp_ssize_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        ncap *= 2;
    }
    void *nb = realloc(*buf, (size_t)ncap * isz);
    if (nb == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    *buf = nb;
    *cap = ncap;
    return 0;
}

/* seek(pos, whence) argument parsing shared by both types. */
static int
mem_seek_args(MpObject *const *args, Mp_ssize_t nargs, Mp_ssize_t *pos,
              int *whence)
{
    if (MpArg_CheckPositional("seek", nargs, NULL, 1, 2) < 0) {
        return -1;
    }
    *pos = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (*pos == -1 && MpErr_Occurred()) {
        return -1;
    }
    Mp_ssize_t w = 0;
    if (nargs > 1) {
        w = MpNumber_AsSsize_t(args[1], MpExc_OverflowError);
        if (w == -1 && MpErr_Occurred()) {
            return -1;
        }
    }
    *whence = (int)w;
    if (w < 0 || w > 2) {
        return -2;  // the caller words the message
    }
    return 0;
}

static MpObject *
mem_exit(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return MpObject_CallMethod(self, "close", NULL, 0);
}

static MpObject *
mem_fileno(MpObject *self, MpObject *unused)
{
    return MpIO_Unsupported("fileno");
}

static MpObject *
mem_false(MpObject *self, MpObject *unused)
{
    return MpBool_FromLong(0);
}

/* }====== */

/* {====== StringIO ====== */

enum { SNL_LF, SNL_UNIVERSAL, SNL_ANY, SNL_CR, SNL_CRLF };

typedef struct {
    MpObject_HEAD
    uint32_t *buf;
    Mp_ssize_t len, cap, pos;
    char closed;
    char newline;  // SNL_*
    char seen;     // newline kinds translated (newline=None): 1 \n 2 \r 4 \r\n
} MpStringIOObject;

static int
sio_check(MpStringIOObject *s)
{
    if (s->closed) {
        MpErr_SetString(MpExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}

/* Writes the code points of str o at pos, translating newlines as the
   newline mode says.  Returns 0 or -1. */
static int
stringio_write_str(MpStringIOObject *s, MpObject *o)
{
    Mp_ssize_t n = MpStr_GET_LENGTH(o);
    /* the translated text is at most twice as long (\n -> \r\n) */
    uint32_t *tmp = malloc(sizeof(uint32_t) * (size_t)(2 * n + 1));
    if (tmp == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    Mp_ssize_t m = 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        uint32_t c = MpStr_READ(o, i);
        if (s->newline == SNL_UNIVERSAL && c == '\r') {
            int crlf = i + 1 < n && MpStr_READ(o, i + 1) == '\n';
            s->seen |= crlf ? 4 : 2;
            i += crlf;
            c = '\n';
        }
        else if (s->newline == SNL_UNIVERSAL && c == '\n') {
            s->seen |= 1;
        }
        else if (c == '\n' && s->newline == SNL_CR) {
            c = '\r';
        }
        else if (c == '\n' && s->newline == SNL_CRLF) {
            tmp[m++] = '\r';
        }
        tmp[m++] = c;
    }
    Mp_ssize_t end = s->pos + m;
    if (mem_reserve((void **)&s->buf, &s->cap, end, sizeof(uint32_t)) < 0) {
        free(tmp);
        return -1;
    }
    if (s->pos > s->len) {
        memset(s->buf + s->len, 0,
               sizeof(uint32_t) * (size_t)(s->pos - s->len));
    }
    memcpy(s->buf + s->pos, tmp, sizeof(uint32_t) * (size_t)m);
    free(tmp);
    s->pos = end;
    if (end > s->len) {
        s->len = end;
    }
    return 0;
}

static MpObject *
sio_slice(MpStringIOObject *s, Mp_ssize_t start, Mp_ssize_t n)
{
    return MpStr_FromKindAndData(4, s->buf ? s->buf + start : NULL, n);
}

static MpObject *
stringio_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    return MpObject_New(type);
}

/* StringIO(initial_value='', newline='\n') */
static int
stringio_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"initial_value", "newline", NULL};
    static const MpArgSpec spec = {"StringIO", kw, 0, 2};
    MpObject *a[2];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return -1;
    }
    MpStringIOObject *s = (MpStringIOObject *)self;
    int nl = SNL_LF;
    if (a[1] == Mp_None) {
        nl = SNL_UNIVERSAL;
    }
    else if (a[1] != NULL) {
        if (!MpStr_Check(a[1])) {
            MpErr_Format(MpExc_TypeError,
                         "newline must be str or None, not %s",
                         MpType_Name(Mp_TYPE(a[1])));
            return -1;
        }
        static const char *const names[] = {"\n", "", "\r", "\r\n"};
        static const int modes[] = {SNL_LF, SNL_ANY, SNL_CR, SNL_CRLF};
        nl = -1;
        for (int i = 0; i < 4; i++) {
            if (MpStr_CompareWithASCII(a[1], names[i]) == 0) {
                nl = modes[i];
            }
        }
        if (nl < 0) {
            MpErr_Format(MpExc_ValueError, "illegal newline value: %R", a[1]);
            return -1;
        }
    }
    if (a[0] != NULL && a[0] != Mp_None && !MpStr_Check(a[0])) {
        MpErr_Format(MpExc_TypeError,
                     "initial_value must be str or None, not %s",
                     MpType_Name(Mp_TYPE(a[0])));
        return -1;
    }
    s->newline = (char)nl;
    s->len = s->pos = 0;
    s->closed = 0;
    s->seen = 0;
    if (a[0] != NULL && a[0] != Mp_None &&
        stringio_write_str(s, a[0]) < 0) {
        return -1;
    }
    s->pos = 0;
    return 0;
}

static void
stringio_dealloc(MpObject *self)
{
    free(((MpStringIOObject *)self)->buf);
    MpObject_Free(self);
}

static MpObject *
stringio_getvalue(MpObject *self, MpObject *unused)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    return sio_check(s) < 0 ? NULL : sio_slice(s, 0, s->len);
}

static MpObject *
stringio_read(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "read", &n, 1) < 0 || sio_check(s) < 0) {
        return NULL;
    }
    Mp_ssize_t avail = s->pos < s->len ? s->len - s->pos : 0;
    if (n < 0 || n > avail) {
        n = avail;
    }
    MpObject *r = sio_slice(s, s->pos, n);
    s->pos += n;
    return r;
}

/* One line from pos, at most limit characters (limit < 0: no limit). */
static MpObject *
sio_readline(MpStringIOObject *s, Mp_ssize_t limit)
{
    if (sio_check(s) < 0) {
        return NULL;
    }
    Mp_ssize_t start = s->pos, end = s->len;
    if (start >= end) {
        return MpStr_FromString("");
    }
    if (limit >= 0 && start + limit < end) {
        end = start + limit;
    }
    Mp_ssize_t i = start;
    while (i < end) {
        uint32_t c = s->buf[i++];
        if (c == '\n' && s->newline != SNL_CR && s->newline != SNL_CRLF) {
            break;
        }
        if (c == '\r' && s->newline == SNL_CR) {
            break;
        }
        if (c == '\r' && (s->newline == SNL_ANY || s->newline == SNL_CRLF)) {
            if (i < end && s->buf[i] == '\n') {
                i++;
                break;
            }
            if (s->newline == SNL_ANY) {
                break;
            }
        }
    }
    s->pos = i;
    return sio_slice(s, start, i - start);
}

static MpObject *
stringio_readline(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "readline", &n, 1) < 0) {
        return NULL;
    }
    return sio_readline((MpStringIOObject *)self, n);
}

static MpObject *
stringio_iternext(MpObject *self)
{
    MpObject *line = sio_readline((MpStringIOObject *)self, -1);
    if (line != NULL && MpStr_GET_LENGTH(line) == 0) {
        Mp_DECREF(line);
        return NULL;
    }
    return line;
}

static MpObject *
stringio_iter(MpObject *self)
{
    if (((MpStringIOObject *)self)->closed) {
        return MpErr_Format(MpExc_ValueError,
                            "I/O operation on closed file.");
    }
    return Mp_NewRef(self);
}

static MpObject *
stringio_write(MpObject *self, MpObject *o)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    if (!MpStr_Check(o)) {
        return MpErr_Format(MpExc_TypeError,
                            "string argument expected, got '%s'",
                            MpType_Name(Mp_TYPE(o)));
    }
    if (sio_check(s) < 0 || stringio_write_str(s, o) < 0) {
        return NULL;
    }
    return MpLong_FromSsize_t(MpStr_GET_LENGTH(o));
}

static MpObject *
stringio_seek(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    Mp_ssize_t pos;
    int whence;
    int r = mem_seek_args(args, nargs, &pos, &whence);
    if (r == -1) {
        return NULL;
    }
    if (r == -2) {
        return MpErr_Format(MpExc_ValueError,
                            "Invalid whence (%d, should be 0, 1 or 2)",
                            whence);
    }
    if (pos < 0 && whence == 0) {
        return MpErr_Format(MpExc_ValueError, "Negative seek position %zd",
                            pos);
    }
    if (whence != 0 && pos != 0) {
        return MpErr_Format(MpExc_OSError,
                            "Can't do nonzero cur-relative seeks");
    }
    if (sio_check(s) < 0) {
        return NULL;
    }
    if (whence == 2) {
        pos = s->len;
    }
    else if (whence == 1) {
        pos = s->pos;
    }
    s->pos = pos;
    return MpLong_FromSsize_t(pos);
}

static MpObject *
stringio_tell(MpObject *self, MpObject *unused)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    return sio_check(s) < 0 ? NULL : MpLong_FromSsize_t(s->pos);
}

static MpObject *
stringio_truncate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    Mp_ssize_t size;
    if (MpIO_SizeArg(args, nargs, "truncate", &size, 1) < 0 ||
        sio_check(s) < 0) {
        return NULL;
    }
    if (nargs == 0 || args[0] == Mp_None) {
        size = s->pos;
    }
    else if (size < 0) {
        return MpErr_Format(MpExc_ValueError, "Negative size value %zd",
                            size);
    }
    if (size < s->len) {
        s->len = size;
    }
    return MpLong_FromSsize_t(size);
}

static MpObject *
stringio_close(MpObject *self, MpObject *unused)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    s->closed = 1;
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    return Mp_NewRef(Mp_None);
}

static MpObject *
stringio_true_if_open(MpObject *self, MpObject *unused)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    return sio_check(s) < 0 ? NULL : MpBool_FromLong(1);
}

static MpObject *
stringio_flush(MpObject *self, MpObject *unused)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    return sio_check(s) < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
stringio_enter(MpObject *self, MpObject *unused)
{
    if (((MpStringIOObject *)self)->closed) {
        return MpErr_Format(MpExc_ValueError,
                            "I/O operation on closed file.");
    }
    return Mp_NewRef(self);
}

static MpObject *
stringio_get_closed(MpObject *self, void *c)
{
    return MpBool_FromLong(((MpStringIOObject *)self)->closed);
}

static MpObject *
stringio_get_newlines(MpObject *self, void *c)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    if (sio_check(s) < 0) {
        return NULL;
    }
    const char *kinds[3];
    int n = 0;
    if (s->seen & 2) {
        kinds[n++] = "\r";
    }
    if (s->seen & 1) {
        kinds[n++] = "\n";
    }
    if (s->seen & 4) {
        kinds[n++] = "\r\n";
    }
    if (n == 0) {
        return Mp_NewRef(Mp_None);
    }
    if (n == 1) {
        return MpStr_FromString(kinds[0]);
    }
    MpObject *t = MpTuple_New(n);
    for (int i = 0; t != NULL && i < n; i++) {
        MpObject *k = MpStr_FromString(kinds[i]);
        if (k == NULL) {
            Mp_CLEAR(&t);
            break;
        }
        MpTuple_SET_ITEM(t, i, k);
    }
    return t;
}

static MpObject *
stringio_get_line_buffering(MpObject *self, void *c)
{
    MpStringIOObject *s = (MpStringIOObject *)self;
    return sio_check(s) < 0 ? NULL : MpBool_FromLong(0);
}

#define FAST MP_METH_FASTCALL
#define NOARGS MP_METH_NOARGS

static MpMethodDef stringio_methods[] = {
    {"getvalue", (void *)stringio_getvalue, NOARGS, NULL},
    {"read", (void *)stringio_read, FAST, NULL},
    {"readline", (void *)stringio_readline, FAST, NULL},
    {"readlines", (void *)MpIO_ReadLines, FAST, NULL},
    {"write", (void *)stringio_write, MP_METH_O, NULL},
    {"writelines", (void *)MpIO_WriteLines, MP_METH_O, NULL},
    {"seek", (void *)stringio_seek, FAST, NULL},
    {"tell", (void *)stringio_tell, NOARGS, NULL},
    {"truncate", (void *)stringio_truncate, FAST, NULL},
    {"close", (void *)stringio_close, NOARGS, NULL},
    {"flush", (void *)stringio_flush, NOARGS, NULL},
    {"readable", (void *)stringio_true_if_open, NOARGS, NULL},
    {"writable", (void *)stringio_true_if_open, NOARGS, NULL},
    {"seekable", (void *)stringio_true_if_open, NOARGS, NULL},
    {"isatty", (void *)mem_false, NOARGS, NULL},
    {"fileno", (void *)mem_fileno, NOARGS, NULL},
    {"__enter__", (void *)stringio_enter, NOARGS, NULL},
    {"__exit__", (void *)mem_exit, FAST, NULL},
    {NULL},
};

static MpGetSetDef stringio_getset[] = {
    {"closed", stringio_get_closed, NULL, NULL, NULL},
    {"newlines", stringio_get_newlines, NULL, NULL, NULL},
    {"line_buffering", stringio_get_line_buffering, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpStringIO_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(MpStringIOObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = stringio_dealloc,
    .tp_iter = stringio_iter,
    .tp_iternext = stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_new = stringio_new,
    .tp_init = stringio_init,
};
/* }====== */

/* {====== BytesIO ====== */

typedef struct {
    MpObject_HEAD
    char *buf;
    Mp_ssize_t len, cap, pos;
    char closed;
} MpBytesIOObject;

static int
bio_check(MpBytesIOObject *b)
{
    if (b->closed) {
        MpErr_SetString(MpExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

/* Writes n bytes at pos.  Returns 0 or -1. */
static int
bio_write_raw(MpBytesIOObject *b, const char *p, Mp_ssize_t n)
{
    Mp_ssize_t end = b->pos + n;
    if (mem_reserve((void **)&b->buf, &b->cap, end, 1) < 0) {
        return -1;
    }
    if (b->pos > b->len) {
        memset(b->buf + b->len, 0, (size_t)(b->pos - b->len));
    }
    if (n > 0) {
        memcpy(b->buf + b->pos, p, (size_t)n);
    }
    b->pos = end;
    if (end > b->len) {
        b->len = end;
    }
    return 0;
}

/* Writes a bytes-like object; returns its length, or -1. */
static Mp_ssize_t
bio_write_obj(MpBytesIOObject *b, MpObject *o)
{
    MpBuffer view;
    if (MpStr_Check(o) || MpBytesLike_Get(o, &view) < 0) {
        MpErr_Clear();
        MpErr_Format(MpExc_TypeError,
                     "a bytes-like object is required, not '%s'",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    int r = bio_write_raw(b, view.buf, view.len);
    Mp_ssize_t n = view.len;
    MpBytesLike_Release(&view);
    return r < 0 ? -1 : n;
}

static MpObject *
bytesio_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    return MpObject_New(type);
}

/* BytesIO(initial_bytes=b'') */
static int
bytesio_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"initial_bytes", NULL};
    static const MpArgSpec spec = {"BytesIO", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return -1;
    }
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    b->len = b->pos = 0;
    b->closed = 0;
    if (a[0] != NULL && a[0] != Mp_None && bio_write_obj(b, a[0]) < 0) {
        return -1;
    }
    b->pos = 0;
    return 0;
}

static void
bytesio_dealloc(MpObject *self)
{
    free(((MpBytesIOObject *)self)->buf);
    MpObject_Free(self);
}

static MpObject *
bytesio_getvalue(MpObject *self, MpObject *unused)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    if (bio_check(b) < 0) {
        return NULL;
    }
    return MpBytes_FromStringAndSize(b->buf ? b->buf : "", b->len);
}

static MpObject *
bytesio_read(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "read", &n, 1) < 0 || bio_check(b) < 0) {
        return NULL;
    }
    Mp_ssize_t avail = b->pos < b->len ? b->len - b->pos : 0;
    if (n < 0 || n > avail) {
        n = avail;
    }
    MpObject *r = MpBytes_FromStringAndSize(n ? b->buf + b->pos : "", n);
    b->pos += n;
    return r;
}

static MpObject *
bio_readline(MpBytesIOObject *b, Mp_ssize_t limit)
{
    if (bio_check(b) < 0) {
        return NULL;
    }
    Mp_ssize_t start = b->pos, end = b->len;
    if (start >= end) {
        return MpBytes_FromStringAndSize("", 0);
    }
    if (limit >= 0 && start + limit < end) {
        end = start + limit;
    }
    const char *nl = memchr(b->buf + start, '\n', (size_t)(end - start));
    Mp_ssize_t stop = nl ? nl - b->buf + 1 : end;
    b->pos = stop;
    return MpBytes_FromStringAndSize(b->buf + start, stop - start);
}

static MpObject *
bytesio_readline(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "readline", &n, 1) < 0) {
        return NULL;
    }
    return bio_readline((MpBytesIOObject *)self, n);
}

static MpObject *
bytesio_iternext(MpObject *self)
{
    MpObject *line = bio_readline((MpBytesIOObject *)self, -1);
    if (line != NULL && MpBytes_GET_SIZE(line) == 0) {
        Mp_DECREF(line);
        return NULL;
    }
    return line;
}

static MpObject *
bytesio_iter(MpObject *self)
{
    return bio_check((MpBytesIOObject *)self) < 0 ? NULL : Mp_NewRef(self);
}

static MpObject *
bytesio_enter(MpObject *self, MpObject *unused)
{
    return bytesio_iter(self);
}

static MpObject *
bytesio_write(MpObject *self, MpObject *o)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    if (bio_check(b) < 0) {
        return NULL;
    }
    Mp_ssize_t n = bio_write_obj(b, o);
    return n < 0 ? NULL : MpLong_FromSsize_t(n);
}

static MpObject *
bytesio_seek(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    Mp_ssize_t pos;
    int whence;
    int r = mem_seek_args(args, nargs, &pos, &whence);
    if (r == -1) {
        return NULL;
    }
    if (bio_check(b) < 0) {
        return NULL;
    }
    if (r == -2) {
        return MpErr_Format(MpExc_ValueError,
                            "invalid whence (%d, should be 0, 1 or 2)",
                            whence);
    }
    if (pos < 0 && whence == 0) {
        return MpErr_Format(MpExc_ValueError, "negative seek value %zd",
                            pos);
    }
    if (whence == 1) {
        pos += b->pos;
    }
    else if (whence == 2) {
        pos += b->len;
    }
    if (pos < 0) {
        pos = 0;
    }
    b->pos = pos;
    return MpLong_FromSsize_t(pos);
}

static MpObject *
bytesio_tell(MpObject *self, MpObject *unused)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    return bio_check(b) < 0 ? NULL : MpLong_FromSsize_t(b->pos);
}

static MpObject *
bytesio_truncate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    Mp_ssize_t size;
    if (MpIO_SizeArg(args, nargs, "truncate", &size, 1) < 0 ||
        bio_check(b) < 0) {
        return NULL;
    }
    if (nargs == 0 || args[0] == Mp_None) {
        size = b->pos;
    }
    else if (size < 0) {
        return MpErr_Format(MpExc_ValueError, "negative size value %zd",
                            size);
    }
    if (size < b->len) {
        b->len = size;
    }
    return MpLong_FromSsize_t(size);
}

static MpObject *
bytesio_close(MpObject *self, MpObject *unused)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    b->closed = 1;
    free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
    return Mp_NewRef(Mp_None);
}

static MpObject *
bytesio_true_if_open(MpObject *self, MpObject *unused)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    return bio_check(b) < 0 ? NULL : MpBool_FromLong(1);
}

static MpObject *
bytesio_flush(MpObject *self, MpObject *unused)
{
    MpBytesIOObject *b = (MpBytesIOObject *)self;
    return bio_check(b) < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
bytesio_get_closed(MpObject *self, void *c)
{
    return MpBool_FromLong(((MpBytesIOObject *)self)->closed);
}

static MpMethodDef bytesio_methods[] = {
    {"getvalue", (void *)bytesio_getvalue, NOARGS, NULL},
    {"read", (void *)bytesio_read, FAST, NULL},
    {"read1", (void *)bytesio_read, FAST, NULL},
    {"readline", (void *)bytesio_readline, FAST, NULL},
    {"readlines", (void *)MpIO_ReadLinesToHint, FAST, NULL},
    {"write", (void *)bytesio_write, MP_METH_O, NULL},
    {"writelines", (void *)MpIO_WriteLines, MP_METH_O, NULL},
    {"seek", (void *)bytesio_seek, FAST, NULL},
    {"tell", (void *)bytesio_tell, NOARGS, NULL},
    {"truncate", (void *)bytesio_truncate, FAST, NULL},
    {"close", (void *)bytesio_close, NOARGS, NULL},
    {"flush", (void *)bytesio_flush, NOARGS, NULL},
    {"readable", (void *)bytesio_true_if_open, NOARGS, NULL},
    {"writable", (void *)bytesio_true_if_open, NOARGS, NULL},
    {"seekable", (void *)bytesio_true_if_open, NOARGS, NULL},
    {"isatty", (void *)mem_false, NOARGS, NULL},
    {"fileno", (void *)mem_fileno, NOARGS, NULL},
    {"__enter__", (void *)bytesio_enter, NOARGS, NULL},
    {"__exit__", (void *)mem_exit, FAST, NULL},
    {NULL},
};

static MpGetSetDef bytesio_getset[] = {
    {"closed", bytesio_get_closed, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpBytesIO_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(MpBytesIOObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = bytesio_dealloc,
    .tp_iter = bytesio_iter,
    .tp_iternext = bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getset,
    .tp_new = bytesio_new,
    .tp_init = bytesio_init,
};
/* }====== */
