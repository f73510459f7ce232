/* io.c — file objects: open(), the binary and text file types, the io
   module, and the standard streams sys.stdin/stdout/stderr.

   CPython builds a file from three layers: a raw FileIO (the file
   descriptor), a Buffered* object (a byte buffer), and for text a
   TextIOWrapper (decoding, newline translation).  minipy keeps the same
   two visible layers with the C library doing the buffering:

       open('f.txt', 'r')  ──►  _io.TextIOWrapper      encoding, errors,
                                   │ .buffer            newline mode
                                   ▼
                                _io.BufferedReader      a stdio FILE * over
                                (Writer / Random)       the descriptor

   open() parses the mode as CPython does (the same ValueErrors), opens the
   descriptor with open(2) — so that a directory is refused at once with
   IsADirectoryError, and a missing file is FileNotFoundError
   "[Errno 2] No such file or directory: 'x'", the subclass chosen from
   errno — then wraps it in a FILE * (fdopen), the binary object, and for
   text modes the text object.

   Reading text.  The bytes are decoded with the file's codec (those of
   str.encode, unicodecodecs.c: utf-8, ascii, latin-1, utf-16, utf-32
   and their variants and aliases; any other name is LookupError at
   open).  Newlines follow the `newline` argument:
       None  (default)  any of \n, \r\n, \r ends a line and reads as \n
       ''               any of them ends a line, returned untranslated
       '\n' '\r' '\r\n' only that one ends a line, untranslated
   Lines are read code unit by code unit from the FILE *'s buffer (getc:
   one byte for utf-8, ascii and latin-1, two or four in the stream's
   byte order for UTF-16 and UTF-32), the end of line recognised on units
   and the line decoded once it is complete.  A size given to
   read()/readline() counts characters: a unit that is not a UTF-8
   continuation byte (10xxxxxx) nor the low half of a UTF-16 surrogate
   pair starts one.  'utf-16' and 'utf-32' find the byte order in the BOM
   at the start of the stream (and refuse a stream without one, as
   CPython's incremental decoder does), and write a BOM when a write
   starts the stream.  tell() is the byte offset, which is what CPython's
   opaque cookie is for these stateless codecs at a character boundary
   (but see README: a 'utf-16' file in the non-native order).

   Writing text encodes and, with newline '\r' or '\r\n', translates each
   \n unit; write() returns the number of characters.

   Mixed reads and writes on a '+' file: C requires a flush or a seek when
   the direction changes, so the binary object remembers its last
   operation and does one before switching.

   The standard streams are text objects over stdin/stdout/stderr that do
   not own their FILE *: closing one marks it closed and leaves the C
   stream alone, since the interpreter itself still prints tracebacks to
   stderr.  print() reaches them through MpTextIO_Write without a method
   call.

   CPython counterpart: Modules/_io (_iomodule.c, fileio.c, bufferedio.c,
   textio.c).  Read first: io_open */
#include "modules/io.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "import.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/unicodecodecs.h"
#include "strbuf.h"

/* {====== Objects ====== */

/* The binary layer: _io.BufferedReader, BufferedWriter, BufferedRandom. */
typedef struct {
    MpObject_HEAD
    FILE *fp;          // NULL once closed
    MpObject *name;    // what open() was given: str, bytes or int
    char mode[4];      // "rb", "wb", "ab", "xb", "rb+", "ab+", "xb+"
    char readable, writable;
    char closefd;      // close the descriptor with the object
    char last_op;      // 'r' or 'w': the direction of the last operation
} MpBufferedObject;

/* newline modes of a text file */
enum { NL_UNIVERSAL, NL_ANY, NL_LF, NL_CR, NL_CRLF };
/* newline kinds seen while reading (the newlines attribute) */
enum { SEEN_LF = 1, SEEN_CR = 2, SEEN_CRLF = 4 };

/* The text layer: _io.TextIOWrapper. */
typedef struct {
    MpObject_HEAD
    MpBufferedObject *buffer;  // a reference the text object holds
    MpObject *encoding;        // str, as given ('UTF-8' by default)
    MpObject *errors;          // str
    MpObject *mode;            // str, as given to open()
    char newline;              // NL_*
    char seen;                 // SEEN_* bits
    char width;                // bytes a code unit: 1, 2 (UTF-16), 4
    char dec_order;            // a BOM codec's order when reading
                               // (MP_BO_BOM: not read yet)
    char bom_write;            // a BOM codec: a write starts the stream
    MpCodec codec;             // found from encoding at open
} MpTextIOObject;

extern MpTypeObject MpBufferedReader_Type, MpBufferedWriter_Type,
    MpBufferedRandom_Type;

static MpObject *
err_closed(const char *msg)
{
    return MpErr_Format(MpExc_ValueError, "%s", msg);
}

MpObject *
MpIO_Unsupported(const char *msg)
{
    MpObject *name = MpStr_FromString("io");
    MpObject *io = name ? MpImport_ImportModuleLevel(name, NULL, NULL, 0)
                        : NULL;
    Mp_XDECREF(name);
    MpObject *cls = io ? MpObject_GetAttrString(io, "UnsupportedOperation")
                       : NULL;
    Mp_XDECREF(io);
    if (cls != NULL) {
        MpErr_SetString(cls, msg);
        Mp_DECREF(cls);
    }
    return NULL;
}

/* OSError from errno for a failed stdio call; clears the stream's error
   flag so the next call starts afresh. */
static MpObject *
err_stdio(FILE *fp)
{
    int e = errno;
    if (fp != NULL) {
        clearerr(fp);
    }
    errno = e ? e : EIO;
    return MpErr_SetFromErrno(MpExc_OSError);
}

/* The bytes of a finished buffer as a bytes object.  Frees the buffer.
   Refs: NEW. */
static MpObject *
strbuf_to_bytes(MpStrBuf *b)
{
    if (b->failed) {
        MpStrBuf_Clear(b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpBytes_FromStringAndSize(b->data ? b->data : "",
                                            (Mp_ssize_t)b->len);
    MpStrBuf_Clear(b);
    return r;
}

/* An optional size argument (see io.h). */
int
MpIO_SizeArg(MpObject *const *args, Mp_ssize_t nargs, const char *fname,
             Mp_ssize_t *size, int none_ok)
{
    *size = -1;
    if (MpArg_CheckPositional(fname, nargs, NULL, 0, 1) < 0) {
        return -1;
    }
    if (nargs == 0 || (none_ok && args[0] == Mp_None)) {
        return 0;
    }
    MpObject *o = args[0];
    if (none_ok && (Mp_TYPE(o)->tp_as_number == NULL ||
                    Mp_TYPE(o)->tp_as_number->nb_index == NULL)) {
        MpErr_Format(MpExc_TypeError,
                     "argument should be integer or None, not '%s'",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    *size = MpNumber_AsSsize_t(o, MpExc_OverflowError);
    return *size == -1 && MpErr_Occurred() ? -1 : 0;
}
/* }====== */

/* {====== The binary layer: reading and writing bytes ====== */

/* Before reading: a pending write must reach the file first. */
static int
prep_read(MpBufferedObject *b)
{
    if (b->last_op == 'w' && fflush(b->fp) != 0) {
        err_stdio(b->fp);
        return -1;
    }
    b->last_op = 'r';
    return 0;
}

/* Before writing after a read, C wants a positioning call. */
static int
prep_write(MpBufferedObject *b)
{
    if (b->last_op == 'r' && b->readable &&
        fseek(b->fp, 0, SEEK_CUR) != 0) {
        err_stdio(b->fp);
        return -1;
    }
    b->last_op = 'w';
    return 0;
}

/* Appends up to n bytes (n < 0: all) to out.  Returns 0 or -1. */
static int
read_bytes(MpBufferedObject *b, Mp_ssize_t n, MpStrBuf *out)
{
    if (prep_read(b) < 0) {
        return -1;
    }
    char chunk[8192];
    while (n != 0) {
        size_t want = n < 0 || n > (Mp_ssize_t)sizeof chunk
                          ? sizeof chunk
                          : (size_t)n;
        size_t got = fread(chunk, 1, want, b->fp);
        if (got > 0 && MpStrBuf_Append(out, chunk, got) < 0) {
            MpErr_NoMemory();
            return -1;
        }
        if (n > 0) {
            n -= (Mp_ssize_t)got;
        }
        if (got < want) {
            if (ferror(b->fp)) {
                err_stdio(b->fp);
                return -1;
            }
            clearerr(b->fp);  // EOF now; a later read may find more
            break;
        }
    }
    return 0;
}

/* Writes n bytes.  Returns 0 or -1. */
static int
write_bytes(MpBufferedObject *b, const char *p, size_t n)
{
    if (prep_write(b) < 0) {
        return -1;
    }
    if (n > 0 && fwrite(p, 1, n, b->fp) != n) {
        err_stdio(b->fp);
        return -1;
    }
    return 0;
}

static MpObject *
buffered_check_readable(MpBufferedObject *b, const char *what)
{
    if (!b->readable) {
        return MpIO_Unsupported("read");
    }
    if (b->fp == NULL) {
        return MpErr_Format(MpExc_ValueError, "%s of closed file", what);
    }
    return Mp_None;
}

static MpObject *
buffered_read(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "read", &n, 1) < 0 ||
        buffered_check_readable(b, "read") == NULL) {
        return NULL;
    }
    if (n < -1) {
        return MpErr_Format(MpExc_ValueError,
                            "read length must be non-negative or -1");
    }
    MpStrBuf out = {0};
    if (read_bytes(b, n, &out) < 0) {
        MpStrBuf_Clear(&out);
        return NULL;
    }
    return strbuf_to_bytes(&out);
}

/* One line of bytes, up to limit bytes (limit < 0: no limit).
   Refs: NEW. */
static MpObject *
buffered_readline_limit(MpBufferedObject *b, Mp_ssize_t limit)
{
    if (buffered_check_readable(b, "readline") == NULL ||
        prep_read(b) < 0) {
        return NULL;
    }
    MpStrBuf out = {0};
    int c;
    while ((limit < 0 || (Mp_ssize_t)out.len < limit) &&
           (c = getc(b->fp)) != EOF) {
        MpStrBuf_Putc(&out, (char)c);
        if (c == '\n') {
            break;
        }
    }
    if (ferror(b->fp)) {
        MpStrBuf_Clear(&out);
        return err_stdio(b->fp);
    }
    clearerr(b->fp);
    return strbuf_to_bytes(&out);
}

static MpObject *
buffered_readline(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "readline", &n, 1) < 0) {
        return NULL;
    }
    return buffered_readline_limit((MpBufferedObject *)self, n);
}

static MpObject *
buffered_iternext(MpObject *self)
{
    MpObject *line = buffered_readline_limit((MpBufferedObject *)self, -1);
    if (line != NULL && MpBytes_GET_SIZE(line) == 0) {
        Mp_DECREF(line);
        return NULL;
    }
    return line;
}

static MpObject *
buffered_write(MpObject *self, MpObject *arg)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (!b->writable) {
        return MpIO_Unsupported("write");
    }
    if (b->fp == NULL) {
        return err_closed("write to closed file");
    }
    MpBuffer view;
    if (MpStr_Check(arg) || MpBytesLike_Get(arg, &view) < 0) {
        MpErr_Clear();
        return MpErr_Format(MpExc_TypeError,
                            "a bytes-like object is required, not '%s'",
                            MpType_Name(Mp_TYPE(arg)));
    }
    int r = write_bytes(b, view.buf, (size_t)view.len);
    Mp_ssize_t n = view.len;
    MpBytesLike_Release(&view);
    return r < 0 ? NULL : MpLong_FromSsize_t(n);
}
/* }====== */

/* {====== Methods both layers share ======
   Each takes the binary object; the text methods pass their buffer. */

/* flush() and the writes it completes.  Returns 0 or -1. */
static int
buffered_flush_raw(MpBufferedObject *b)
{
    if (b->fp != NULL && b->last_op == 'w' && fflush(b->fp) != 0) {
        err_stdio(b->fp);
        return -1;
    }
    return 0;
}

/* Closes the stream (flushing first); a second close does nothing.
   Returns 0 or -1. */
static int
buffered_close_raw(MpBufferedObject *b)
{
    if (b->fp == NULL) {
        return 0;
    }
    FILE *fp = b->fp;
    b->fp = NULL;
    if (!b->closefd) {
        if (fflush(fp) != 0) {
            err_stdio(fp);
            return -1;
        }
        return 0;
    }
    if (fclose(fp) != 0) {
        err_stdio(NULL);
        return -1;
    }
    return 0;
}

static int
seek_raw(MpBufferedObject *b, int64_t pos, int whence, int64_t *newpos)
{
    if (buffered_flush_raw(b) < 0) {
        return -1;
    }
    if (fseeko(b->fp, (off_t)pos, whence) != 0) {
        err_stdio(b->fp);
        return -1;
    }
    b->last_op = 0;
    off_t p = ftello(b->fp);
    if (p < 0) {
        err_stdio(b->fp);
        return -1;
    }
    *newpos = p;
    return 0;
}

static MpObject *
buffered_seek(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (MpArg_CheckPositional("seek", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    int64_t pos = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (pos == -1 && MpErr_Occurred()) {
        return NULL;
    }
    int64_t whence = 0;
    if (nargs > 1) {
        whence = MpNumber_AsSsize_t(args[1], MpExc_OverflowError);
        if (whence == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (whence < 0 || whence > 2) {
        return MpErr_Format(MpExc_ValueError, "whence value %lld unsupported",
                            (long long)whence);
    }
    if (b->fp == NULL) {
        return err_closed("seek of closed file");
    }
    int64_t np;
    if (seek_raw(b, pos, (int)whence, &np) < 0) {
        return NULL;
    }
    return MpLong_FromInt64(np);
}

/* The byte position.  Returns 0 or -1. */
static int
tell_raw(MpBufferedObject *b, int64_t *pos)
{
    off_t p = ftello(b->fp);
    if (p < 0) {
        err_stdio(b->fp);
        return -1;
    }
    *pos = p;
    return 0;
}

static MpObject *
buffered_tell(MpObject *self, MpObject *unused)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file");
    }
    int64_t p;
    return tell_raw(b, &p) < 0 ? NULL : MpLong_FromInt64(p);
}

/* truncate(size=None) for both layers.  Refs: NEW. */
static MpObject *
truncate_common(MpBufferedObject *b, MpObject *const *args,
                Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("truncate", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file.");
    }
    if (!b->writable) {
        return MpIO_Unsupported("truncate");
    }
    int64_t size;
    if (nargs == 0 || args[0] == Mp_None) {
        if (tell_raw(b, &size) < 0) {
            return NULL;
        }
    }
    else {
        size = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
        if (size == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (buffered_flush_raw(b) < 0) {
        return NULL;
    }
    if (ftruncate(fileno(b->fp), (off_t)size) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64(size);
}

static MpObject *
buffered_truncate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return truncate_common((MpBufferedObject *)self, args, nargs);
}

static MpObject *
buffered_flush(MpObject *self, MpObject *unused)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file.");
    }
    if (fflush(b->fp) != 0) {
        return err_stdio(b->fp);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
buffered_close(MpObject *self, MpObject *unused)
{
    return buffered_close_raw((MpBufferedObject *)self) < 0
               ? NULL
               : Mp_NewRef(Mp_None);
}

static MpObject *
buffered_fileno(MpObject *self, MpObject *unused)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file");
    }
    return MpLong_FromInt64(fileno(b->fp));
}

static MpObject *
buffered_isatty(MpObject *self, MpObject *unused)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file");
    }
    return MpBool_FromLong(isatty(fileno(b->fp)));
}

/* readable(), writable(), seekable(): which is 'r', 'w' or 's'. */
static MpObject *
capability(MpBufferedObject *b, int which)
{
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file");
    }
    if (which == 'r') {
        return MpBool_FromLong(b->readable);
    }
    if (which == 'w') {
        return MpBool_FromLong(b->writable);
    }
    return MpBool_FromLong(lseek(fileno(b->fp), 0, SEEK_CUR) != -1);
}

static MpObject *
buffered_readable(MpObject *self, MpObject *unused)
{
    return capability((MpBufferedObject *)self, 'r');
}

static MpObject *
buffered_writable(MpObject *self, MpObject *unused)
{
    return capability((MpBufferedObject *)self, 'w');
}

static MpObject *
buffered_seekable(MpObject *self, MpObject *unused)
{
    return capability((MpBufferedObject *)self, 's');
}

/* readlines(hint=-1) over any file object (see io.h): the lines read
   stop once their total length passes hint (IOBase's rule), or reaches
   it when at_reach (BytesIO's own rule in CPython). */
static MpObject *
read_lines(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
           int at_reach)
{
    Mp_ssize_t hint;
    if (MpIO_SizeArg(args, nargs, "readlines", &hint, 1) < 0) {
        return NULL;
    }
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Mp_ssize_t total = 0;
    for (;;) {
        MpObject *line = Mp_TYPE(self)->tp_iternext(self);
        if (line == NULL) {
            if (MpErr_Occurred()) {
                Mp_DECREF(list);
                return NULL;
            }
            break;
        }
        total += MpObject_Length(line);
        int r = MpList_Append(list, line);
        Mp_DECREF(line);
        if (r < 0) {
            Mp_DECREF(list);
            return NULL;
        }
        if (hint > 0 && (total > hint || (at_reach && total == hint))) {
            break;
        }
    }
    return list;
}

MpObject *
MpIO_ReadLines(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return read_lines(self, args, nargs, 0);
}

MpObject *
MpIO_ReadLinesToHint(MpObject *self, MpObject *const *args,
                     Mp_ssize_t nargs)
{
    return read_lines(self, args, nargs, 1);
}

/* writelines(lines) over any file object (see io.h). */
MpObject *
MpIO_WriteLines(MpObject *self, MpObject *lines)
{
    MpObject *it = MpObject_GetIter(lines);
    if (it == NULL) {
        return NULL;
    }
    MpObject *line;
    while ((line = MpIter_Next(it)) != NULL) {
        MpObject *r = MpObject_CallMethod(self, "write", &line, 1);
        Mp_DECREF(line);
        if (r == NULL) {
            Mp_DECREF(it);
            return NULL;
        }
        Mp_DECREF(r);
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? NULL : Mp_NewRef(Mp_None);
}

/* __enter__: self, unless closed. */
static MpObject *
iobase_enter_common(MpObject *self, MpBufferedObject *b)
{
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file.");
    }
    return Mp_NewRef(self);
}

static MpObject *
buffered_enter(MpObject *self, MpObject *unused)
{
    return iobase_enter_common(self, (MpBufferedObject *)self);
}

/* __exit__(*exc_info): close(). */
static MpObject *
iobase_exit(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return MpObject_CallMethod(self, "close", NULL, 0);
}

static MpObject *
buffered_iter(MpObject *self)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (b->fp == NULL) {
        return err_closed("I/O operation on closed file.");
    }
    return Mp_NewRef(self);
}

static MpObject *
buffered_get_name(MpObject *self, void *c)
{
    return Mp_NewRef(((MpBufferedObject *)self)->name);
}

static MpObject *
buffered_get_mode(MpObject *self, void *c)
{
    return MpStr_FromString(((MpBufferedObject *)self)->mode);
}

static MpObject *
buffered_get_closed(MpObject *self, void *c)
{
    return MpBool_FromLong(((MpBufferedObject *)self)->fp == NULL);
}

static MpObject *
buffered_repr(MpObject *self)
{
    return MpStr_FromFormat("<%s name=%R>", Mp_TYPE(self)->tp_name,
                            ((MpBufferedObject *)self)->name);
}

static void
buffered_dealloc(MpObject *self)
{
    MpBufferedObject *b = (MpBufferedObject *)self;
    if (b->fp != NULL && buffered_close_raw(b) < 0) {
        MpErr_WriteUnraisable(NULL);
    }
    Mp_XDECREF(b->name);
    MpObject_Free(self);
}

#define FAST MP_METH_FASTCALL
#define NOARGS MP_METH_NOARGS

static MpMethodDef buffered_methods[] = {
    {"read", (void *)buffered_read, FAST, NULL},
    {"read1", (void *)buffered_read, FAST, NULL},
    {"readline", (void *)buffered_readline, FAST, NULL},
    {"readlines", (void *)MpIO_ReadLines, FAST, NULL},
    {"write", (void *)buffered_write, MP_METH_O, NULL},
    {"writelines", (void *)MpIO_WriteLines, MP_METH_O, NULL},
    {"seek", (void *)buffered_seek, FAST, NULL},
    {"tell", (void *)buffered_tell, NOARGS, NULL},
    {"truncate", (void *)buffered_truncate, FAST, NULL},
    {"flush", (void *)buffered_flush, NOARGS, NULL},
    {"close", (void *)buffered_close, NOARGS, NULL},
    {"fileno", (void *)buffered_fileno, NOARGS, NULL},
    {"isatty", (void *)buffered_isatty, NOARGS, NULL},
    {"readable", (void *)buffered_readable, NOARGS, NULL},
    {"writable", (void *)buffered_writable, NOARGS, NULL},
    {"seekable", (void *)buffered_seekable, NOARGS, NULL},
    {"__enter__", (void *)buffered_enter, NOARGS, NULL},
    {"__exit__", (void *)iobase_exit, FAST, NULL},
    {NULL},
};

static MpGetSetDef buffered_getset[] = {
    {"name", buffered_get_name, NULL, NULL, NULL},
    {"mode", buffered_get_mode, NULL, NULL, NULL},
    {"closed", buffered_get_closed, NULL, NULL, NULL},
    {NULL},
};

#define BUFFERED_TYPE(cname, pyname)                                       \
    MpTypeObject cname = {                                                 \
        .ob_base = MP_TYPE_HEAD_INIT,                                      \
        .tp_name = pyname,                                                 \
        .tp_basicsize = sizeof(MpBufferedObject),                          \
        .tp_dealloc = buffered_dealloc,                                    \
        .tp_repr = buffered_repr,                                          \
        .tp_iter = buffered_iter,                                          \
        .tp_iternext = buffered_iternext,                                  \
        .tp_methods = buffered_methods,                                    \
        .tp_getset = buffered_getset,                                      \
    };

BUFFERED_TYPE(MpBufferedReader_Type, "_io.BufferedReader")
BUFFERED_TYPE(MpBufferedWriter_Type, "_io.BufferedWriter")
BUFFERED_TYPE(MpBufferedRandom_Type, "_io.BufferedRandom")

/* A binary object over fp.  Refs: NEW; name BORROWED. */
static MpBufferedObject *
buffered_new(FILE *fp, MpObject *name, const char *mode, int readable,
             int writable, int closefd)
{
    MpTypeObject *t = readable && writable ? &MpBufferedRandom_Type
                      : readable           ? &MpBufferedReader_Type
                                           : &MpBufferedWriter_Type;
    MpBufferedObject *b = (MpBufferedObject *)MpObject_New(t);
    if (b == NULL) {
        return NULL;
    }
    b->fp = fp;
    b->name = Mp_NewRef(name);
    snprintf(b->mode, sizeof b->mode, "%s", mode);
    b->readable = (char)readable;
    b->writable = (char)writable;
    b->closefd = (char)closefd;
    return b;
}
/* }====== */

/* {====== The text layer ====== */

static int
text_check(MpTextIOObject *t, int need)
{
    if (t->buffer->fp == NULL) {
        err_closed("I/O operation on closed file.");
        return -1;
    }
    if (need == 'r' && !t->buffer->readable) {
        MpIO_Unsupported("not readable");
        return -1;
    }
    if (need == 'w' && !t->buffer->writable) {
        MpIO_Unsupported("not writable");
        return -1;
    }
    return 0;
}

/* Code units.  The text layer moves code units, the codec's smallest
   pieces: single bytes for utf-8, ascii and latin-1, 2 or 4 bytes in the
   stream's byte order for UTF-16 and UTF-32.  Newlines are units ('\n'
   is 0A 00 in UTF-16-LE), so lines are found and translated before
   decoding in every codec.  'utf-16' and 'utf-32' read their order from
   the BOM at the start of the stream (read_bom) and write a BOM, then
   the native order, when a write starts the stream (bom_write). */

/* The order of the units read. */
static int
read_order(MpTextIOObject *t)
{
    return t->codec.order == MP_BO_BOM ? t->dec_order : t->codec.order;
}

/* The order of the units written ('utf-16': native, after the BOM). */
static int
write_order(MpTextIOObject *t)
{
    return t->codec.order == MP_BO_BOM ? MpCodec_NativeOrder()
                                       : t->codec.order;
}

/* Reads one unit into u.  Returns its value, or -1 at the end of the
   file, with the *got bytes of an incomplete unit in u. */
static inline long
get_unit(MpTextIOObject *t, FILE *fp, unsigned char u[4], int *got)
{
    for (*got = 0; *got < t->width; (*got)++) {
        int c = getc(fp);
        if (c == EOF) {
            return -1;
        }
        u[*got] = (unsigned char)c;
    }
    return t->width == 1 ? u[0]
                         : (long)MpCodec_Unit(u, t->width, read_order(t));
}

/* Gives back n bytes just read.  C promises one byte of ungetc; glibc
   and musl take back at least the 4 of a unit. */
static void
unget_bytes(FILE *fp, const unsigned char *u, int n)
{
    while (n > 0) {
        ungetc(u[--n], fp);
    }
}

/* Appends the unit c ('\r' or '\n' of a translated newline). */
static void
put_unit(MpTextIOObject *t, MpStrBuf *out, int order, uint32_t c)
{
    unsigned char u[4];
    MpCodec_PutUnit(u, t->width, order, c);
    MpStrBuf_Append(out, (const char *)u, (size_t)t->width);
}

/* Whether the unit c begins a character (a size given to read() counts
   characters): not a UTF-8 continuation byte, not the low half of a
   UTF-16 surrogate pair. */
static int
starts_char(MpTextIOObject *t, long c)
{
    switch (t->codec.family) {
    case MP_CODEC_UTF8:
        return (c & 0xC0) != 0x80;
    case MP_CODEC_UTF16:
        return c < 0xDC00 || c > 0xDFFF;
    default:
        return 1;
    }
}

static int
no_bom(MpTextIOObject *t)
{
    t->dec_order = MP_BO_BOM;
    MpErr_Format(MpExc_UnicodeError, "UTF-%d stream does not start with BOM",
                 t->width * 8);
    return -1;
}

/* Before a read of a 'utf-16' or 'utf-32' stream whose order is not
   known yet: a BOM gives it and is skipped.  A stream that starts with
   a unit that is no BOM is refused, as CPython's incremental decoder
   refuses it ("UTF-16 stream does not start with BOM"); one too short
   to hold a unit is read in the native order.  With `missing` (for
   read(), which decodes everything at once as CPython does, so that a
   decoding error wins and its positions count the BOM), the refusal is
   left to the caller: *missing is set and the native order used; and a
   BOM found is left in the stream, *kept set.  Returns 0 or -1. */
static int
read_bom(MpTextIOObject *t, FILE *fp, int *missing, int *kept)
{
    if (t->codec.order != MP_BO_BOM || t->dec_order != MP_BO_BOM) {
        return 0;
    }
    unsigned char u[4];
    int got;
    get_unit(t, fp, u, &got);
    if (got == t->width) {
        /* U+FEFF read as little-endian: FEFF, or byte-swapped */
        uint32_t le = MpCodec_Unit(u, t->width, MP_BO_LE);
        uint32_t swapped = t->width == 2 ? 0xFFFEu : 0xFFFE0000u;
        int order = le == 0xFEFF      ? MP_BO_LE
                    : le == swapped ? MP_BO_BE
                                    : MP_BO_BOM;
        if (order != MP_BO_BOM) {
            t->dec_order = (char)order;
            if (kept != NULL) {
                unget_bytes(fp, u, got);
                *kept = 1;
            }
            return 0;
        }
    }
    unget_bytes(fp, u, got);
    if (got == t->width && missing == NULL) {
        return no_bom(t);
    }
    if (got == t->width) {
        *missing = 1;
    }
    t->dec_order = (char)MpCodec_NativeOrder();
    return 0;
}

/* Decodes the bytes collected in buf (freeing it); with_bom: they start
   with the stream's BOM.  Refs: NEW. */
static MpObject *
text_decode(MpTextIOObject *t, MpStrBuf *buf, int with_bom)
{
    if (buf->failed) {
        MpStrBuf_Clear(buf);
        return MpErr_NoMemory();
    }
    MpCodec codec = t->codec;
    if (codec.order == MP_BO_BOM && !with_bom) {
        codec.order = t->dec_order == MP_BO_BOM ? MpCodec_NativeOrder()
                                                : t->dec_order;
    }
    const char *errs = MpStr_AsUTF8(t->errors);
    MpObject *s = errs ? MpCodec_Decode(&codec,
                                        buf->data ? buf->data : "",
                                        (Mp_ssize_t)buf->len, errs)
                       : NULL;
    MpStrBuf_Clear(buf);
    return s;
}

/* Reads characters into out: at most limit of them (limit < 0: no
   limit), stopping after an end of line when `line` is set.  Newlines
   are recognised and translated as the file's newline mode says.
   Returns 0 or -1. */
static int
text_read_chars(MpTextIOObject *t, Mp_ssize_t limit, int line,
                MpStrBuf *out)
{
    MpBufferedObject *b = t->buffer;
    if (prep_read(b) < 0 || read_bom(t, b->fp, NULL, NULL) < 0) {
        return -1;
    }
    FILE *fp = b->fp;
    int nl = t->newline;
    int cr_ends = nl == NL_UNIVERSAL || nl == NL_ANY || nl == NL_CR;
    int order = read_order(t);
    Mp_ssize_t chars = 0;
    unsigned char u[4];
    int got = 0;
    long c;
    while ((c = get_unit(t, fp, u, &got)) >= 0) {
        if (starts_char(t, c)) {
            if (limit >= 0 && chars >= limit) {
                unget_bytes(fp, u, t->width);
                break;
            }
            chars++;
        }
        if (c == '\r' && nl != NL_LF && nl != NL_CR) {
            /* \r\n, or (universal modes) a lone \r */
            unsigned char u2[4];
            int got2;
            long d = get_unit(t, fp, u2, &got2);
            int crlf = d == '\n';
            if (crlf && nl != NL_UNIVERSAL) {
                /* kept as two characters: the \n must fit the limit */
                if (limit >= 0 && chars >= limit) {
                    crlf = 0;
                }
                else {
                    chars++;
                }
            }
            if (!crlf) {
                unget_bytes(fp, u2, d >= 0 ? t->width : got2);
            }
            if (nl == NL_CRLF) {
                put_unit(t, out, order, '\r');
                if (crlf) {
                    put_unit(t, out, order, '\n');
                    if (line) {
                        break;
                    }
                }
                continue;
            }
            t->seen |= crlf ? SEEN_CRLF : SEEN_CR;
            if (nl != NL_UNIVERSAL) {
                put_unit(t, out, order, '\r');
            }
            if (nl == NL_UNIVERSAL || crlf) {
                put_unit(t, out, order, '\n');
            }
            if (line) {
                break;
            }
            continue;
        }
        MpStrBuf_Append(out, (const char *)u, (size_t)t->width);
        if (c == '\n') {
            if (nl == NL_UNIVERSAL || nl == NL_ANY) {
                t->seen |= SEEN_LF;
            }
            if (line && nl != NL_CR && nl != NL_CRLF) {
                break;
            }
        }
        else if (c == '\r' && line && cr_ends) {
            break;  // newline='\r'
        }
    }
    if (c < 0 && got > 0) {
        /* an incomplete unit at the end: the decoder reports it */
        MpStrBuf_Append(out, (const char *)u, (size_t)got);
    }
    if (ferror(fp)) {
        err_stdio(fp);
        return -1;
    }
    clearerr(fp);
    return 0;
}

/* read() of the whole rest: one block read, then the newline pass.
   *missing and *kept as read_bom says. */
static int
text_read_all(MpTextIOObject *t, MpStrBuf *out, int *missing, int *kept)
{
    if (prep_read(t->buffer) < 0 ||
        read_bom(t, t->buffer->fp, missing, kept) < 0 ||
        read_bytes(t->buffer, -1, out) < 0) {
        return -1;
    }
    if (t->newline != NL_UNIVERSAL && t->newline != NL_ANY) {
        return 0;
    }
    /* one pass in place, unit by unit: the translated text is never
       longer; an incomplete unit at the end is kept for the decoder */
    unsigned char *p = (unsigned char *)out->data;
    size_t w = (size_t)t->width, n = out->len, j = 0;
    int order = read_order(t);
    for (size_t i = 0; i < n; i += w) {
        if (n - i < w) {
            memmove(p + j, p + i, n - i);
            j += n - i;
            break;
        }
        uint32_t c = w == 1 ? p[i] : MpCodec_Unit(p + i, (int)w, order);
        if (c == '\r') {
            int crlf = n - i >= 2 * w &&
                       MpCodec_Unit(p + i + w, (int)w, order) == '\n';
            t->seen |= crlf ? SEEN_CRLF : SEEN_CR;
            if (t->newline == NL_UNIVERSAL) {
                MpCodec_PutUnit(p + j, (int)w, order, '\n');
                j += w;
                i += crlf ? w : 0;
                continue;
            }
        }
        else if (c == '\n') {
            t->seen |= SEEN_LF;
        }
        memmove(p + j, p + i, w);
        j += w;
    }
    if (p != NULL) {
        out->len = j;
        p[j] = '\0';
    }
    return 0;
}

static MpObject *
text_read(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpTextIOObject *t = (MpTextIOObject *)self;
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "read", &n, 1) < 0 ||
        text_check(t, 'r') < 0) {
        return NULL;
    }
    MpStrBuf out = {0};
    int missing = 0, kept = 0;
    int r = n < 0 ? text_read_all(t, &out, &missing, &kept)
                  : text_read_chars(t, n, 0, &out);
    if (r < 0) {
        MpStrBuf_Clear(&out);
        return NULL;
    }
    MpObject *s = text_decode(t, &out, kept);
    if (s != NULL && missing) {
        Mp_DECREF(s);
        no_bom(t);
        return NULL;
    }
    return s;
}

static MpObject *
text_readline_limit(MpTextIOObject *t, Mp_ssize_t limit)
{
    if (text_check(t, 'r') < 0) {
        return NULL;
    }
    MpStrBuf out = {0};
    if (text_read_chars(t, limit, 1, &out) < 0) {
        MpStrBuf_Clear(&out);
        return NULL;
    }
    return text_decode(t, &out, 0);
}

static MpObject *
text_readline(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t n;
    if (MpIO_SizeArg(args, nargs, "readline", &n, 0) < 0) {
        return NULL;
    }
    return text_readline_limit((MpTextIOObject *)self, n);
}

static MpObject *
text_iter(MpObject *self)
{
    if (text_check((MpTextIOObject *)self, 0) < 0) {
        return NULL;
    }
    return Mp_NewRef(self);
}

static MpObject *
text_iternext(MpObject *self)
{
    MpObject *line = text_readline_limit((MpTextIOObject *)self, -1);
    if (line != NULL && MpStr_GET_LENGTH(line) == 0) {
        Mp_DECREF(line);
        return NULL;
    }
    return line;
}

int
MpTextIO_Write(MpObject *self, MpObject *s, const char *fallback)
{
    MpTextIOObject *t = (MpTextIOObject *)self;
    if (text_check(t, 'w') < 0) {
        return -1;
    }
    const char *p;
    Mp_ssize_t n;
    MpObject *encoded = NULL;
    if (s == NULL) {
        p = fallback;
        n = (Mp_ssize_t)strlen(fallback);
    }
    else if (t->codec.family == MP_CODEC_UTF8 &&
             (((MpStrObject *)s)->kind == 1 ||
              MpStr_CompareWithASCII(t->errors, "surrogatepass") == 0)) {
        /* no surrogates in a 1-byte str: the cached UTF-8 is the
           encoding */
        p = MpStr_AsUTF8AndSize(s, &n);
        if (p == NULL) {
            return -1;
        }
    }
    else {
        /* 'utf-16' at the start of the stream: the codec's own BOM */
        MpCodec codec = t->codec;
        if (!t->bom_write) {
            codec.order = write_order(t);
        }
        const char *errs = MpStr_AsUTF8(t->errors);
        encoded = errs ? MpCodec_Encode(&codec, s, errs) : NULL;
        t->bom_write = 0;  // even when encoding failed, as CPython
        if (encoded == NULL) {
            return -1;
        }
        p = MpBytes_AS_STRING(encoded);
        n = MpBytes_GET_SIZE(encoded);
    }
    int r = 0;
    if ((t->newline == NL_CR || t->newline == NL_CRLF) &&
        memchr(p, '\n', (size_t)n) != NULL) {
        /* each '\n' unit becomes '\r' or '\r\n' */
        MpStrBuf tr = {0};
        int w = t->width, order = write_order(t);
        for (Mp_ssize_t i = 0; i + w <= n; i += w) {
            if (MpCodec_Unit((const unsigned char *)p + i, w, order) ==
                '\n') {
                put_unit(t, &tr, order, '\r');
                if (t->newline == NL_CRLF) {
                    put_unit(t, &tr, order, '\n');
                }
            }
            else {
                MpStrBuf_Append(&tr, p + i, (size_t)w);
            }
        }
        if (tr.failed) {
            MpErr_NoMemory();
            r = -1;
        }
        else {
            r = write_bytes(t->buffer, tr.data, tr.len);
        }
        MpStrBuf_Clear(&tr);
    }
    else {
        r = write_bytes(t->buffer, p, (size_t)n);
    }
    Mp_XDECREF(encoded);
    return r;
}

static MpObject *
text_write(MpObject *self, MpObject *s)
{
    if (text_check((MpTextIOObject *)self, 0) < 0) {
        return NULL;
    }
    if (!MpStr_Check(s)) {
        return MpErr_Format(MpExc_TypeError,
                            "write() argument must be str, not %s",
                            MpType_Name(Mp_TYPE(s)));
    }
    if (MpTextIO_Write(self, s, NULL) < 0) {
        return NULL;
    }
    return MpLong_FromSsize_t(MpStr_GET_LENGTH(s));
}

static MpObject *
text_seek(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    MpTextIOObject *t = (MpTextIOObject *)self;
    if (MpArg_CheckPositional("seek", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    int64_t whence = 0;
    if (nargs > 1) {
        whence = MpNumber_AsSsize_t(args[1], MpExc_OverflowError);
        if (whence == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (text_check(t, 0) < 0) {
        return NULL;
    }
    int64_t cookie = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (cookie == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (whence == 1 && cookie != 0) {
        return MpIO_Unsupported("can't do nonzero cur-relative seeks");
    }
    if (whence == 2 && cookie != 0) {
        return MpIO_Unsupported("can't do nonzero end-relative seeks");
    }
    if (whence < 0 || whence > 2) {
        return MpErr_Format(MpExc_ValueError,
                            "invalid whence (%lld, should be 0, 1 or 2)",
                            (long long)whence);
    }
    if (whence == 0 && cookie < 0) {
        return MpErr_Format(MpExc_ValueError, "negative seek position %lld",
                            (long long)cookie);
    }
    int64_t np;
    if (seek_raw(t->buffer, cookie, (int)whence, &np) < 0) {
        return NULL;
    }
    if (t->codec.order == MP_BO_BOM) {
        /* at the start, a BOM is read and written again; elsewhere the
           order found before (or the native one) goes on */
        if (np == 0) {
            t->dec_order = MP_BO_BOM;
        }
        else if (t->dec_order == MP_BO_BOM) {
            t->dec_order = (char)MpCodec_NativeOrder();
        }
        t->bom_write = np == 0 && t->buffer->writable;
    }
    return MpLong_FromInt64(np);
}

static MpObject *
text_tell(MpObject *self, MpObject *unused)
{
    MpTextIOObject *t = (MpTextIOObject *)self;
    if (text_check(t, 0) < 0) {
        return NULL;
    }
    int64_t p;
    if (buffered_flush_raw(t->buffer) < 0 || tell_raw(t->buffer, &p) < 0) {
        return NULL;
    }
    return MpLong_FromInt64(p);
}

static MpObject *
text_truncate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return truncate_common(((MpTextIOObject *)self)->buffer, args, nargs);
}

static MpObject *
text_flush(MpObject *self, MpObject *unused)
{
    return buffered_flush((MpObject *)((MpTextIOObject *)self)->buffer,
                          NULL);
}

static MpObject *
text_close(MpObject *self, MpObject *unused)
{
    return buffered_close((MpObject *)((MpTextIOObject *)self)->buffer,
                          NULL);
}

static MpObject *
text_fileno(MpObject *self, MpObject *unused)
{
    return buffered_fileno((MpObject *)((MpTextIOObject *)self)->buffer,
                           NULL);
}

static MpObject *
text_isatty(MpObject *self, MpObject *unused)
{
    return buffered_isatty((MpObject *)((MpTextIOObject *)self)->buffer,
                           NULL);
}

static MpObject *
text_readable(MpObject *self, MpObject *unused)
{
    return capability(((MpTextIOObject *)self)->buffer, 'r');
}

static MpObject *
text_writable(MpObject *self, MpObject *unused)
{
    return capability(((MpTextIOObject *)self)->buffer, 'w');
}

static MpObject *
text_seekable(MpObject *self, MpObject *unused)
{
    return capability(((MpTextIOObject *)self)->buffer, 's');
}

static MpObject *
text_enter(MpObject *self, MpObject *unused)
{
    return iobase_enter_common(self, ((MpTextIOObject *)self)->buffer);
}

static MpObject *
text_get_name(MpObject *self, void *c)
{
    return Mp_NewRef(((MpTextIOObject *)self)->buffer->name);
}

static MpObject *
text_get_mode(MpObject *self, void *c)
{
    return Mp_NewRef(((MpTextIOObject *)self)->mode);
}

static MpObject *
text_get_encoding(MpObject *self, void *c)
{
    return Mp_NewRef(((MpTextIOObject *)self)->encoding);
}

static MpObject *
text_get_errors(MpObject *self, void *c)
{
    return Mp_NewRef(((MpTextIOObject *)self)->errors);
}

static MpObject *
text_get_buffer(MpObject *self, void *c)
{
    return Mp_NewRef(((MpTextIOObject *)self)->buffer);
}

static MpObject *
text_get_closed(MpObject *self, void *c)
{
    return MpBool_FromLong(((MpTextIOObject *)self)->buffer->fp == NULL);
}

static MpObject *
text_get_line_buffering(MpObject *self, void *c)
{
    return MpBool_FromLong(0);
}

/* None, one str, or a tuple of the kinds seen, in CPython's order
   (\r, \n, \r\n). */
static MpObject *
text_get_newlines(MpObject *self, void *c)
{
    int seen = ((MpTextIOObject *)self)->seen;
    const char *kinds[3];
    int n = 0;
    if (seen & SEEN_CR) {
        kinds[n++] = "\r";
    }
    if (seen & SEEN_LF) {
        kinds[n++] = "\n";
    }
    if (seen & SEEN_CRLF) {
        kinds[n++] = "\r\n";
    }
    if (n == 0) {
        return Mp_NewRef(Mp_None);
    }
    if (n == 1) {
        return MpStr_FromString(kinds[0]);
    }
    MpObject *tup = MpTuple_New(n);
    for (int i = 0; tup != NULL && i < n; i++) {
        MpObject *s = MpStr_FromString(kinds[i]);
        if (s == NULL) {
            Mp_CLEAR(&tup);
            break;
        }
        MpTuple_SET_ITEM(tup, i, s);
    }
    return tup;
}

static MpObject *
text_repr(MpObject *self)
{
    MpTextIOObject *t = (MpTextIOObject *)self;
    return MpStr_FromFormat("<_io.TextIOWrapper name=%R mode=%R "
                            "encoding=%R>",
                            t->buffer->name, t->mode, t->encoding);
}

static void
text_dealloc(MpObject *self)
{
    MpTextIOObject *t = (MpTextIOObject *)self;
    Mp_XDECREF(t->buffer);
    Mp_XDECREF(t->encoding);
    Mp_XDECREF(t->errors);
    Mp_XDECREF(t->mode);
    MpObject_Free(self);
}

static MpMethodDef text_methods[] = {
    {"read", (void *)text_read, FAST, NULL},
    {"readline", (void *)text_readline, FAST, NULL},
    {"readlines", (void *)MpIO_ReadLines, FAST, NULL},
    {"write", (void *)text_write, MP_METH_O, NULL},
    {"writelines", (void *)MpIO_WriteLines, MP_METH_O, NULL},
    {"seek", (void *)text_seek, FAST, NULL},
    {"tell", (void *)text_tell, NOARGS, NULL},
    {"truncate", (void *)text_truncate, FAST, NULL},
    {"flush", (void *)text_flush, NOARGS, NULL},
    {"close", (void *)text_close, NOARGS, NULL},
    {"fileno", (void *)text_fileno, NOARGS, NULL},
    {"isatty", (void *)text_isatty, NOARGS, NULL},
    {"readable", (void *)text_readable, NOARGS, NULL},
    {"writable", (void *)text_writable, NOARGS, NULL},
    {"seekable", (void *)text_seekable, NOARGS, NULL},
    {"__enter__", (void *)text_enter, NOARGS, NULL},
    {"__exit__", (void *)iobase_exit, FAST, NULL},
    {NULL},
};

static MpGetSetDef text_getset[] = {
    {"name", text_get_name, NULL, NULL, NULL},
    {"mode", text_get_mode, NULL, NULL, NULL},
    {"encoding", text_get_encoding, NULL, NULL, NULL},
    {"errors", text_get_errors, NULL, NULL, NULL},
    {"newlines", text_get_newlines, NULL, NULL, NULL},
    {"buffer", text_get_buffer, NULL, NULL, NULL},
    {"closed", text_get_closed, NULL, NULL, NULL},
    {"line_buffering", text_get_line_buffering, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpTextIO_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(MpTextIOObject),
    .tp_dealloc = text_dealloc,
    .tp_repr = text_repr,
    .tp_iter = text_iter,
    .tp_iternext = text_iternext,
    .tp_methods = text_methods,
    .tp_getset = text_getset,
};

/* A text object over buffer, for the codec named encoding.  Refs: NEW
   (NULL with LookupError "unknown encoding: X"); STEALS buffer; the str
   arguments BORROWED. */
static MpObject *
text_new(MpBufferedObject *buffer, MpObject *encoding, MpObject *errors,
         MpObject *mode, int newline)
{
    const char *enc = MpStr_AsUTF8(encoding);
    MpCodec codec;
    MpTextIOObject *t = enc == NULL || MpCodec_Lookup(enc, &codec) < 0
                            ? NULL
                            : (MpTextIOObject *)MpObject_New(
                                  &MpTextIO_Type);
    if (t == NULL) {
        Mp_DECREF(buffer);
        return NULL;
    }
    t->buffer = buffer;
    t->encoding = Mp_NewRef(encoding);
    t->errors = Mp_NewRef(errors);
    t->mode = Mp_NewRef(mode);
    t->newline = (char)newline;
    t->codec = codec;
    t->width = codec.family == MP_CODEC_UTF16   ? 2
               : codec.family == MP_CODEC_UTF32 ? 4
                                                : 1;
    t->dec_order = MP_BO_BOM;
    /* As CPython: a BOM goes first unless the file is seekable and not
       at its start ('a' on a non-empty file); a pipe gets one. */
    t->bom_write = codec.order == MP_BO_BOM && buffer->writable &&
                   ftello(buffer->fp) <= 0;
    return (MpObject *)t;
}

MpObject *
MpTextIO_FromStdio(FILE *fp, const char *name, const char *mode)
{
    int reading = mode[0] == 'r';
    if (MpType_Ready(&MpTextIO_Type) < 0 ||
        MpType_Ready(reading ? &MpBufferedReader_Type
                             : &MpBufferedWriter_Type) < 0) {
        return NULL;
    }
    MpObject *n = MpStr_FromString(name);
    MpObject *m = MpStr_FromString(mode);
    MpObject *enc = MpStr_FromString("utf-8");
    MpObject *errs = MpStr_FromString(fp == stderr ? "backslashreplace"
                                                   : "strict");
    MpObject *r = NULL;
    if (n && m && enc && errs) {
        MpBufferedObject *b = buffered_new(fp, n, reading ? "rb" : "wb",
                                           reading, !reading, 0);
        r = b ? text_new(b, enc, errs, m, NL_UNIVERSAL) : NULL;
    }
    Mp_XDECREF(n);
    Mp_XDECREF(m);
    Mp_XDECREF(enc);
    Mp_XDECREF(errs);
    return r;
}
/* }====== */

/* {====== open() ====== */

/* The path of an open() argument: str, bytes, or an os.PathLike's
   __fspath__() result.  Refs: NEW. */
static MpObject *
fspath(MpObject *file)
{
    if (MpStr_Check(file) || MpBytes_Check(file)) {
        return Mp_NewRef(file);
    }
    MpObject *name = MpStr_InternFromString("__fspath__");
    MpObject *f = name ? MpType_Lookup(Mp_TYPE(file), name) : NULL;
    Mp_XDECREF(name);
    if (f != NULL) {
        MpObject *r = MpObject_CallMethod(file, "__fspath__", NULL, 0);
        if (r != NULL && !MpStr_Check(r) && !MpBytes_Check(r)) {
            MpErr_Format(MpExc_TypeError,
                         "expected %s.__fspath__() to return str or bytes, "
                         "not %s",
                         MpType_Name(Mp_TYPE(file)),
                         MpType_Name(Mp_TYPE(r)));
            Mp_CLEAR(&r);
        }
        return r;
    }
    return MpErr_Format(MpExc_TypeError,
                        "expected str, bytes or os.PathLike object, not %s",
                        MpType_Name(Mp_TYPE(file)));
}

/* An optional str argument of open(): NULL for None or absent. */
static int
str_or_none(MpObject *o, const char *what, MpObject **out)
{
    *out = NULL;
    if (o == NULL || o == Mp_None) {
        return 0;
    }
    if (!MpStr_Check(o)) {
        MpErr_Format(MpExc_TypeError,
                     "open() argument '%s' must be str or None, not %s",
                     what, MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    *out = o;
    return 0;
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None,
        newline=None, closefd=True, opener=None) */
static MpObject *
io_open(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
        MpObject *kwnames)
{
    static const char *const kw[] = {"file",    "mode",   "buffering",
                                     "encoding", "errors", "newline",
                                     "closefd", "opener", NULL};
    static const MpArgSpec spec = {"open", kw, 1, 8};
    MpObject *a[8];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *file = a[0], *encoding, *errors, *newline;
    const char *mode = "r";
    if (a[1] != NULL) {
        if (!MpStr_Check(a[1])) {
            return MpErr_Format(MpExc_TypeError,
                                "open() argument 'mode' must be str, not %s",
                                MpType_Name(Mp_TYPE(a[1])));
        }
        mode = MpStr_AsUTF8(a[1]);
        if (mode == NULL) {
            return NULL;
        }
    }
    Mp_ssize_t buffering = -1;
    if (a[2] != NULL) {
        buffering = MpNumber_AsSsize_t(a[2], MpExc_OverflowError);
        if (buffering == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (str_or_none(a[3], "encoding", &encoding) < 0 ||
        str_or_none(a[4], "errors", &errors) < 0 ||
        str_or_none(a[5], "newline", &newline) < 0) {
        return NULL;
    }
    int closefd = 1;
    if (a[6] != NULL) {
        closefd = MpObject_IsTrue(a[6]);
        if (closefd < 0) {
            return NULL;
        }
    }
    /* the mode: each of "xrwabt+" at most once */
    int creating = 0, reading = 0, writing = 0, appending = 0, updating = 0;
    int text = 0, binary = 0;
    for (const char *p = mode; *p; p++) {
        const char *pos = strchr("xrwabt+", *p);
        if (pos == NULL || strchr(p + 1, *p) != NULL) {
            return MpErr_Format(MpExc_ValueError, "invalid mode: '%s'", mode);
        }
        switch (*p) {
        case 'x': creating = 1; break;
        case 'r': reading = 1; break;
        case 'w': writing = 1; break;
        case 'a': appending = 1; break;
        case '+': updating = 1; break;
        case 't': text = 1; break;
        case 'b': binary = 1; break;
        }
    }
    if (text && binary) {
        return MpErr_Format(MpExc_ValueError,
                            "can't have text and binary mode at once");
    }
    int kinds = creating + reading + writing + appending;
    if (kinds > 1) {
        return MpErr_Format(MpExc_ValueError,
                            "must have exactly one of create/read/write/"
                            "append mode");
    }
    if (kinds == 0) {
        return MpErr_Format(MpExc_ValueError,
                            "Must have exactly one of create/read/write/"
                            "append mode and at most one plus");
    }
    if (binary && encoding != NULL) {
        return MpErr_Format(MpExc_ValueError,
                            "binary mode doesn't take an encoding argument");
    }
    if (binary && errors != NULL) {
        return MpErr_Format(MpExc_ValueError,
                            "binary mode doesn't take an errors argument");
    }
    if (binary && newline != NULL) {
        return MpErr_Format(MpExc_ValueError,
                            "binary mode doesn't take a newline argument");
    }
    if (!binary && buffering == 0) {
        return MpErr_Format(MpExc_ValueError,
                            "can't have unbuffered text I/O");
    }
    int nl = NL_UNIVERSAL;
    if (newline != NULL) {
        static const char *const names[] = {"", "\n", "\r", "\r\n"};
        static const int modes[] = {NL_ANY, NL_LF, NL_CR, NL_CRLF};
        nl = -1;
        for (int i = 0; i < 4; i++) {
            if (MpStr_CompareWithASCII(newline, names[i]) == 0) {
                nl = modes[i];
            }
        }
        if (nl < 0) {
            return MpErr_Format(MpExc_ValueError, "illegal newline value: %U",
                                newline);
        }
    }
    int readable = reading || updating;
    int writable = !reading || updating;
    int flags = (readable && writable) ? O_RDWR
                : readable             ? O_RDONLY
                                       : O_WRONLY;
    flags |= O_CLOEXEC;
    if (writing) {
        flags |= O_CREAT | O_TRUNC;
    }
    if (appending) {
        flags |= O_CREAT | O_APPEND;
    }
    if (creating) {
        flags |= O_CREAT | O_EXCL;
    }
    /* the descriptor */
    int fd;
    MpObject *name;
    if (MpLong_Check(file) && !MpBool_Check(file)) {
        fd = (int)MpNumber_AsSsize_t(file, MpExc_OverflowError);
        if (fd == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if (fd < 0) {
            return MpErr_Format(MpExc_ValueError,
                                "negative file descriptor");
        }
        name = Mp_NewRef(file);
    }
    else {
        if (!closefd) {
            return MpErr_Format(MpExc_ValueError,
                                "Cannot use closefd=False with file name");
        }
        name = fspath(file);
        if (name == NULL) {
            return NULL;
        }
        MpObject *opener = a[7];
        if (opener != NULL && opener != Mp_None) {
            MpObject *argv[2] = {name, MpLong_FromInt64(flags)};
            if (argv[1] == NULL) {
                Mp_DECREF(name);
                return NULL;
            }
            MpObject *r = MpObject_Vectorcall(opener, argv, 2, NULL);
            Mp_DECREF(argv[1]);
            if (r == NULL) {
                Mp_DECREF(name);
                return NULL;
            }
            fd = (int)MpNumber_AsSsize_t(r, MpExc_OverflowError);
            Mp_DECREF(r);
            if (fd == -1 && MpErr_Occurred()) {
                Mp_DECREF(name);
                return NULL;
            }
            if (fd < 0) {
                Mp_DECREF(name);
                return MpErr_Format(MpExc_ValueError,
                                    "opener returned %d", fd);
            }
        }
        else {
            const char *path = MpStr_Check(name) ? MpStr_AsUTF8(name)
                                                 : MpBytes_AS_STRING(name);
            if (path == NULL) {
                Mp_DECREF(name);
                return NULL;
            }
            if (strlen(path) != (size_t)(MpStr_Check(name)
                                             ? ((MpStrObject *)name)
                                                   ->utf8_len
                                             : MpBytes_GET_SIZE(name))) {
                Mp_DECREF(name);
                return MpErr_Format(MpExc_ValueError, "embedded null byte");
            }
            do {
                fd = open(path, flags, 0666);
            } while (fd < 0 && errno == EINTR);
            if (fd < 0) {
                MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, name);
                Mp_DECREF(name);
                return NULL;
            }
        }
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (closefd) {
            close(fd);
        }
        errno = EISDIR;
        MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, name);
        Mp_DECREF(name);
        return NULL;
    }
    const char *cmode = (readable && writable) ? (appending ? "a+b" : "r+b")
                        : readable             ? "rb"
                        : appending            ? "ab"
                                               : "wb";
    FILE *fp = fdopen(fd, cmode);
    if (fp == NULL) {
        MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, name);
        if (closefd) {
            close(fd);
        }
        Mp_DECREF(name);
        return NULL;
    }
    if (appending && fseeko(fp, 0, SEEK_END) != 0) {
        /* as CPython's FileIO: an appending file starts at its end */
        MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, name);
        fclose(fp);
        Mp_DECREF(name);
        return NULL;
    }
    const char *bmode = creating    ? (readable ? "xb+" : "xb")
                        : appending ? (readable ? "ab+" : "ab")
                        : readable  ? (writable ? "rb+" : "rb")
                                    : "wb";
    MpBufferedObject *b = buffered_new(fp, name, bmode, readable, writable,
                                       closefd);
    Mp_DECREF(name);
    if (b == NULL) {
        if (closefd) {
            fclose(fp);
        }
        return NULL;
    }
    if (!closefd) {
        /* the descriptor stays open; only the FILE * goes with us */
    }
    if (binary) {
        return (MpObject *)b;
    }
    MpObject *enc = encoding ? Mp_NewRef(encoding)
                             : MpStr_FromString("UTF-8");
    MpObject *errs = errors ? Mp_NewRef(errors) : MpStr_FromString("strict");
    MpObject *m = MpStr_FromString(mode);
    MpObject *t = NULL;
    if (enc && errs && m) {
        t = text_new(b, enc, errs, m, nl);  // steals b
    }
    else {
        Mp_DECREF(b);
    }
    Mp_XDECREF(enc);
    Mp_XDECREF(errs);
    Mp_XDECREF(m);
    return t;
}

MpMethodDef MpIO_BuiltinMethods[] = {
    {"open", (void *)io_open, MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {NULL},
};
/* }====== */

/* {====== The io module ====== */

/* io.UnsupportedOperation: class UnsupportedOperation(OSError,
   ValueError), as CPython defines it.  Refs: NEW. */
static MpObject *
make_unsupported(void)
{
    MpObject *name = MpStr_FromString("UnsupportedOperation");
    MpObject *bases = MpTuple_New(2);
    MpObject *ns = MpDict_New();
    MpObject *mod = MpStr_FromString("io");
    MpObject *cls = NULL;
    if (name && bases && ns && mod &&
        MpDict_SetItemString(ns, "__module__", mod) == 0) {
        MpTuple_SET_ITEM(bases, 0, Mp_NewRef(MpExc_OSError));
        MpTuple_SET_ITEM(bases, 1, Mp_NewRef(MpExc_ValueError));
        cls = MpType_New(&MpType_Type, name, bases, ns);
    }
    Mp_XDECREF(name);
    Mp_XDECREF(bases);
    Mp_XDECREF(ns);
    Mp_XDECREF(mod);
    return cls;
}

MpObject *
MpIO_Create(void)
{
    MpTypeObject *types[] = {&MpTextIO_Type, &MpBufferedReader_Type,
                             &MpBufferedWriter_Type, &MpBufferedRandom_Type,
                             &MpStringIO_Type, &MpBytesIO_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (MpType_Ready(types[i]) < 0) {
            return NULL;
        }
    }
    MpObject *m = MpModule_New("io");
    if (m == NULL || MpModule_AddFunctions(m, MpIO_BuiltinMethods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        const char *dot = strrchr(types[i]->tp_name, '.');
        if (MpModule_AddObject(m, dot + 1, Mp_NewRef(types[i])) < 0) {
            Mp_DECREF(m);
            return NULL;
        }
    }
    if (MpModule_AddObject(m, "UnsupportedOperation", make_unsupported()) <
            0 ||
        MpModule_AddObject(m, "DEFAULT_BUFFER_SIZE",
                           MpLong_FromInt64(8192)) < 0 ||
        MpModule_AddObject(m, "SEEK_SET", MpLong_FromInt64(SEEK_SET)) < 0 ||
        MpModule_AddObject(m, "SEEK_CUR", MpLong_FromInt64(SEEK_CUR)) < 0 ||
        MpModule_AddObject(m, "SEEK_END", MpLong_FromInt64(SEEK_END)) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
