/* mmapmodule.c — the mmap module: a file (or anonymous memory) mapped into
   the address space, used as a mutable bytes-like object.

   mmap(fileno, length) calls mmap(2) once and keeps (data, size); reads
   and writes are plain loads and stores into the mapping, so with
   MAP_SHARED every process that maps the same file (or the same POSIX
   shared-memory object, see _posixshmem) sees them at once, without a
   copy.  The object keeps its own dup() of the file descriptor, for
   size() and resize(), and a file position used by read(), write() and
   seek() as a file object's.

   Access modes, as CPython: ACCESS_READ maps PROT_READ (writes raise
   TypeError), ACCESS_WRITE maps MAP_SHARED read/write, ACCESS_COPY maps
   MAP_PRIVATE (writes stay in this process), ACCESS_DEFAULT takes flags
   and prot as given.

   The mapping is exported through the buffer protocol (memoryview(m),
   m.buf of a SharedMemory).  A view holds a raw pointer into it, so
   close() refuses while exports are alive ("cannot close exported
   pointers exist"), and resize() too.

   CPython counterpart: Modules/mmapmodule.c.  Read first: mmap_new,
   mmap_close */
#define _GNU_SOURCE  // mremap, MAP_ANONYMOUS
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY };

typedef struct {
    MpObject_HEAD
    char *data;                // the mapping; NULL once closed
    Mp_ssize_t size;           // its length in bytes
    Mp_ssize_t pos;            // the file position for read/write/seek
    int64_t offset;            // where in the file the mapping starts
    int fd;                    // our dup of the file, -1 for anonymous memory
    int access;                // ACCESS_*
    int flags, prot;           // as given to mmap(2)
    Mp_ssize_t exports;        // live buffer views
} MmapObject;

static MpTypeObject Mmap_Type;

#define M(o) ((MmapObject *)(o))

/* {====== Checks ====== */

static int
closed(MmapObject *m)
{
    if (m->data == NULL) {
        MpErr_SetString(MpExc_ValueError, "mmap closed or invalid");
        return 1;
    }
    return 0;
}

static int
readonly(MmapObject *m)
{
    if (m->access == ACCESS_READ) {
        MpErr_SetString(MpExc_TypeError,
                        "mmap can't modify a readonly memory map.");
        return 1;
    }
    return 0;
}

#define CHECK_VALID(m, err)                                                   \
    do {                                                                      \
        if (closed(m)) {                                                      \
            return err;                                                       \
        }                                                                     \
    } while (0)
/* }====== */

/* {====== Creation and closing ====== */

static int
as_int(MpObject *o, int *out)
{
    Mp_ssize_t v = MpLong_AsSsize_t(o);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static MpObject *
mmap_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"fileno", "length", "flags", "prot",
                                     "access", "offset", NULL};
    static const MpArgSpec spec = {"mmap", kw, 2, 6};
    MpObject *a[6];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return NULL;
    }
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ;
    int access = ACCESS_DEFAULT;
    Mp_ssize_t length, offset = 0;
    if (as_int(a[0], &fd) < 0) {
        return NULL;
    }
    length = MpLong_AsSsize_t(a[1]);
    if (length == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if ((a[2] && as_int(a[2], &flags) < 0) ||
        (a[3] && as_int(a[3], &prot) < 0) ||
        (a[4] && as_int(a[4], &access) < 0)) {
        return NULL;
    }
    if (a[5] != NULL) {
        offset = MpLong_AsSsize_t(a[5]);
        if (offset == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (length < 0) {
        MpErr_SetString(MpExc_OverflowError,
                        "memory mapped length must be positive");
        return NULL;
    }
    if (offset < 0) {
        MpErr_SetString(MpExc_OverflowError,
                        "memory mapped offset must be positive");
        return NULL;
    }
    if (access != ACCESS_DEFAULT &&
        (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
        MpErr_SetString(MpExc_ValueError,
                        "mmap can't specify both access and flags, prot.");
        return NULL;
    }
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED;
        prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        /* The access mode follows from prot. */
        if (!((prot & PROT_READ) && (prot & PROT_WRITE))) {
            access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
        }
        break;
    default:
        MpErr_SetString(MpExc_ValueError, "mmap invalid access parameter.");
        return NULL;
    }
    struct stat st;
    if (fd != -1 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if (length == 0) {
            if (st.st_size == 0) {
                MpErr_SetString(MpExc_ValueError, "cannot mmap an empty file");
                return NULL;
            }
            if (offset >= st.st_size) {
                MpErr_SetString(MpExc_ValueError,
                                "mmap offset is greater than file size");
                return NULL;
            }
            length = (Mp_ssize_t)(st.st_size - offset);
        }
        else if (offset > st.st_size || st.st_size - offset < length) {
            MpErr_SetString(MpExc_ValueError,
                            "mmap length is greater than file size");
            return NULL;
        }
    }
    int myfd = -1;
    if (fd == -1) {
        flags |= MAP_ANONYMOUS;
    }
    else if ((myfd = dup(fd)) < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    void *data = mmap(NULL, (size_t)length, prot, flags, myfd, offset);
    if (data == MAP_FAILED) {
        int e = errno;
        if (myfd >= 0) {
            close(myfd);
        }
        errno = e;
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    MmapObject *m = (MmapObject *)MpObject_New(type);
    if (m == NULL) {
        munmap(data, (size_t)length);
        if (myfd >= 0) {
            close(myfd);
        }
        return NULL;
    }
    m->data = data;
    m->size = length;
    m->offset = offset;
    m->fd = myfd;
    m->access = access;
    m->flags = flags;
    m->prot = prot;
    return (MpObject *)m;
}

/* Unmaps and closes the descriptor; nothing when already closed. */
static void
mmap_unmap(MmapObject *m)
{
    if (m->data != NULL) {
        munmap(m->data, (size_t)m->size);
        m->data = NULL;
    }
    if (m->fd >= 0) {
        close(m->fd);
        m->fd = -1;
    }
}

static void
mmap_dealloc(MpObject *o)
{
    mmap_unmap(M(o));
    MpObject_Free(o);
}

static MpObject *
mmap_close(MpObject *o, MpObject *unused)
{
    MmapObject *m = M(o);
    if (m->exports > 0) {
        MpErr_SetString(MpExc_BufferError,
                        "cannot close exported pointers exist");
        return NULL;
    }
    mmap_unmap(m);
    return Mp_NewRef(Mp_None);
}

static MpObject *
mmap_get_closed(MpObject *o, void *closure)
{
    return MpBool_FromLong(M(o)->data == NULL);
}

static MpObject *
mmap_enter(MpObject *o, MpObject *unused)
{
    CHECK_VALID(M(o), NULL);
    return Mp_NewRef(o);
}

static MpObject *
mmap_exit(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    return mmap_close(o, NULL);
}

static MpObject *
mmap_repr(MpObject *o)
{
    static const char *const names[] = {"ACCESS_DEFAULT", "ACCESS_READ",
                                        "ACCESS_WRITE", "ACCESS_COPY"};
    MmapObject *m = M(o);
    const char *name = Mp_TYPE(o)->tp_name;  // "mmap.mmap", or a subclass's
    if (m->data == NULL) {
        return MpStr_FromFormat("<%s closed=True>", name);
    }
    return MpStr_FromFormat("<%s closed=False, access=%s, length=%zd, "
                            "pos=%zd, offset=%lld>",
                            name, names[m->access], m->size, m->pos,
                            (long long)m->offset);
}
/* }====== */

/* {====== File-like methods ====== */

static MpObject *
mmap_read(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    MmapObject *m = M(o);
    if (MpArg_CheckPositional("read", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    CHECK_VALID(m, NULL);
    Mp_ssize_t left = m->pos < m->size ? m->size - m->pos : 0;
    Mp_ssize_t n = left;
    if (nargs > 0 && args[0] != Mp_None) {
        n = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
        if (n == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if (n < 0 || n > left) {
            n = left;
        }
    }
    MpObject *r = MpBytes_FromStringAndSize(m->data + m->pos, n);
    if (r != NULL) {
        m->pos += n;
    }
    return r;
}

static MpObject *
mmap_read_byte(MpObject *o, MpObject *unused)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, NULL);
    if (m->pos >= m->size) {
        MpErr_SetString(MpExc_ValueError, "read byte out of range");
        return NULL;
    }
    return MpLong_FromInt64((unsigned char)m->data[m->pos++]);
}

static MpObject *
mmap_readline(MpObject *o, MpObject *unused)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, NULL);
    Mp_ssize_t left = m->pos < m->size ? m->size - m->pos : 0;
    char *start = m->data + m->pos;
    char *nl = left > 0 ? memchr(start, '\n', (size_t)left) : NULL;
    Mp_ssize_t n = nl != NULL ? nl - start + 1 : left;
    MpObject *r = MpBytes_FromStringAndSize(start, n);
    if (r != NULL) {
        m->pos += n;
    }
    return r;
}

static MpObject *
mmap_write(MpObject *o, MpObject *data)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, NULL);
    MpBuffer v;
    if (MpObject_GetBuffer(data, &v, MP_BUF_SIMPLE) < 0) {
        return NULL;
    }
    MpObject *r = NULL;
    if (readonly(m)) {
        goto done;
    }
    if (m->pos > m->size || m->size - m->pos < v.len) {
        MpErr_SetString(MpExc_ValueError, "data out of range");
        goto done;
    }
    memcpy(m->data + m->pos, v.buf, (size_t)v.len);
    m->pos += v.len;
    r = MpLong_FromSsize_t(v.len);
done:
    MpBuffer_Release(&v);
    return r;
}

static MpObject *
mmap_write_byte(MpObject *o, MpObject *value)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, NULL);
    Mp_ssize_t b = MpLong_AsSsize_t(value);
    if (b == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (b < 0 || b > 255) {
        MpErr_SetString(MpExc_OverflowError,
                        b < 0 ? "unsigned byte integer is less than minimum"
                              : "unsigned byte integer is greater than "
                                "maximum");
        return NULL;
    }
    if (readonly(m)) {
        return NULL;
    }
    if (m->pos >= m->size) {
        MpErr_SetString(MpExc_ValueError, "write byte out of range");
        return NULL;
    }
    m->data[m->pos++] = (char)b;
    return Mp_NewRef(Mp_None);
}

static MpObject *
mmap_seek(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    MmapObject *m = M(o);
    if (MpArg_CheckPositional("seek", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    CHECK_VALID(m, NULL);
    Mp_ssize_t dist = MpLong_AsSsize_t(args[0]);
    if (dist == -1 && MpErr_Occurred()) {
        return NULL;
    }
    Mp_ssize_t how = 0;
    if (nargs > 1) {
        how = MpLong_AsSsize_t(args[1]);
        if (how == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    Mp_ssize_t where;
    switch (how) {
    case 0:
        where = dist;
        break;
    case 1:
        where = m->pos + dist;
        break;
    case 2:
        where = m->size + dist;
        break;
    default:
        MpErr_SetString(MpExc_ValueError, "unknown seek type");
        return NULL;
    }
    if (where < 0 || where > m->size) {
        MpErr_SetString(MpExc_ValueError, "seek out of range");
        return NULL;
    }
    m->pos = where;
    return Mp_NewRef(Mp_None);
}

static MpObject *
mmap_tell(MpObject *o, MpObject *unused)
{
    CHECK_VALID(M(o), NULL);
    return MpLong_FromSsize_t(M(o)->pos);
}

/* size(): the size of the underlying *file* (fstat), as CPython; for
   anonymous memory that is fstat(-1), an OSError. */
static MpObject *
mmap_size(MpObject *o, MpObject *unused)
{
    CHECK_VALID(M(o), NULL);
    struct stat st;
    if (fstat(M(o)->fd, &st) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64((int64_t)st.st_size);
}

/* The [start, end) of find/rfind: start defaults to the current
   position, negative values count from the end. */
static int
find_args(MmapObject *m, const char *name, MpObject *const *args,
          Mp_ssize_t nargs, MpBuffer *sub, Mp_ssize_t *start, Mp_ssize_t *end)
{
    if (MpArg_CheckPositional(name, nargs, NULL, 1, 3) < 0) {
        return -1;
    }
    *start = m->pos;
    *end = m->size;
    if (nargs > 1 && (*start = MpLong_AsSsize_t(args[1])) == -1 &&
        MpErr_Occurred()) {
        return -1;
    }
    if (nargs > 2 && (*end = MpLong_AsSsize_t(args[2])) == -1 &&
        MpErr_Occurred()) {
        return -1;
    }
    if (closed(m)) {
        return -1;
    }
    if (*start < 0 && (*start += m->size) < 0) {
        *start = 0;
    }
    if (*start > m->size) {
        *start = m->size;
    }
    if (*end < 0 && (*end += m->size) < 0) {
        *end = 0;
    }
    if (*end > m->size) {
        *end = m->size;
    }
    return MpObject_GetBuffer(args[0], sub, MP_BUF_SIMPLE);
}

static MpObject *
find_(MpObject *o, const char *name, MpObject *const *args, Mp_ssize_t nargs,
      int reverse)
{
    MmapObject *m = M(o);
    MpBuffer sub;
    Mp_ssize_t start, end;
    if (find_args(m, name, args, nargs, &sub, &start, &end) < 0) {
        return NULL;
    }
    Mp_ssize_t found = -1;
    const char *s = sub.buf;
    if (end - start >= sub.len) {
        if (reverse) {
            for (Mp_ssize_t i = end - sub.len; i >= start; i--) {
                if (memcmp(m->data + i, s, (size_t)sub.len) == 0) {
                    found = i;
                    break;
                }
            }
        }
        else {
            for (Mp_ssize_t i = start; i <= end - sub.len; i++) {
                if (memcmp(m->data + i, s, (size_t)sub.len) == 0) {
                    found = i;
                    break;
                }
            }
        }
    }
    MpBuffer_Release(&sub);
    return MpLong_FromSsize_t(found);
}

static MpObject *
mmap_find(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    return find_(o, "find", args, nargs, 0);
}

static MpObject *
mmap_rfind(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    return find_(o, "rfind", args, nargs, 1);
}

static MpObject *
mmap_flush(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    MmapObject *m = M(o);
    if (MpArg_CheckPositional("flush", nargs, NULL, 0, 2) < 0) {
        return NULL;
    }
    CHECK_VALID(m, NULL);
    Mp_ssize_t off = 0, size = m->size;
    if (nargs > 0) {
        off = MpLong_AsSsize_t(args[0]);
        if (off == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (nargs > 1) {
        size = MpLong_AsSsize_t(args[1]);
        if (size == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    if (size < 0 || off < 0 || m->size - off < size) {
        MpErr_SetString(MpExc_ValueError, "flush values out of range");
        return NULL;
    }
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) {
        return Mp_NewRef(Mp_None);
    }
    if (size > 0 && msync(m->data + off, (size_t)size, MS_SYNC) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
mmap_move(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    MmapObject *m = M(o);
    if (MpArg_CheckPositional("move", nargs, NULL, 3, 3) < 0) {
        return NULL;
    }
    Mp_ssize_t v[3];
    for (int i = 0; i < 3; i++) {
        v[i] = MpLong_AsSsize_t(args[i]);
        if (v[i] == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    CHECK_VALID(m, NULL);
    if (readonly(m)) {
        return NULL;
    }
    Mp_ssize_t dest = v[0], src = v[1], cnt = v[2];
    if (dest < 0 || src < 0 || cnt < 0 || m->size - dest < cnt ||
        m->size - src < cnt) {
        MpErr_SetString(MpExc_ValueError,
                        "source, destination, or count out of range");
        return NULL;
    }
    memmove(m->data + dest, m->data + src, (size_t)cnt);
    return Mp_NewRef(Mp_None);
}

static MpObject *
mmap_resize(MpObject *o, MpObject *arg)
{
    MmapObject *m = M(o);
    Mp_ssize_t n = MpLong_AsSsize_t(arg);
    if (n == -1 && MpErr_Occurred()) {
        return NULL;
    }
    CHECK_VALID(m, NULL);
    if (m->access == ACCESS_READ || m->access == ACCESS_COPY) {
        MpErr_SetString(MpExc_TypeError,
                        "mmap can't resize a readonly or copy-on-write "
                        "memory map.");
        return NULL;
    }
    if (m->exports > 0) {
        MpErr_SetString(MpExc_BufferError,
                        "mmap can't resize with extant buffers exported.");
        return NULL;
    }
    if (n < 0 || PTRDIFF_MAX - n < m->offset) {
        MpErr_SetString(MpExc_ValueError, "new size out of range");
        return NULL;
    }
    if (m->fd != -1 && ftruncate(m->fd, (off_t)(m->offset + n)) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    void *p = mremap(m->data, (size_t)m->size, (size_t)n, MREMAP_MAYMOVE);
    if (p == MAP_FAILED) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    m->data = p;
    m->size = n;
    if (m->pos > n) {
        m->pos = n;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
mmap_madvise(MpObject *o, MpObject *const *args, Mp_ssize_t nargs)
{
    MmapObject *m = M(o);
    if (MpArg_CheckPositional("madvise", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    CHECK_VALID(m, NULL);
    Mp_ssize_t v[3] = {0, 0, m->size};
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        v[i] = MpLong_AsSsize_t(args[i]);
        if (v[i] == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    Mp_ssize_t start = v[1], len = v[2];
    if (start < 0 || start >= m->size) {
        MpErr_SetString(MpExc_ValueError, "madvise start out of bounds");
        return NULL;
    }
    if (len < 0) {
        MpErr_SetString(MpExc_ValueError, "madvise length invalid");
        return NULL;
    }
    if (len > m->size - start) {
        len = m->size - start;
    }
    if (madvise(m->data + start, (size_t)len, (int)v[0]) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */

/* {====== Sequence protocol ====== */

static Mp_ssize_t
mmap_length(MpObject *o)
{
    CHECK_VALID(M(o), -1);
    return M(o)->size;
}

/* m[i] through the sequence protocol (iteration): a bytes of length 1,
   as CPython's mmap_item, where m[i] by subscript gives an int. */
static MpObject *
mmap_item(MpObject *o, Mp_ssize_t i)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, NULL);
    if (i < 0 || i >= m->size) {
        MpErr_SetString(MpExc_IndexError, "mmap index out of range");
        return NULL;
    }
    return MpBytes_FromStringAndSize(m->data + i, 1);
}

static MpObject *
mmap_subscript(MpObject *o, MpObject *key)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, NULL);
    Mp_ssize_t i;
    int r = MpSeq_IndexFromKey(key, &i);
    if (r < 0) {
        return NULL;
    }
    if (r > 0) {
        if (i < 0) {
            i += m->size;
        }
        if (i < 0 || i >= m->size) {
            MpErr_SetString(MpExc_IndexError, "mmap index out of range");
            return NULL;
        }
        return MpLong_FromInt64((unsigned char)m->data[i]);
    }
    if (!MpSlice_Check(key)) {
        MpErr_SetString(MpExc_TypeError, "mmap indices must be integers");
        return NULL;
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return NULL;
    }
    Mp_ssize_t n = MpSlice_AdjustIndices(m->size, &start, &stop, step);
    if (step == 1) {
        return MpBytes_FromStringAndSize(m->data + start, n);
    }
    MpObject *b = MpBytes_FromStringAndSize(NULL, n);
    if (b != NULL) {
        char *d = MpBytes_AS_STRING(b);
        for (Mp_ssize_t k = 0; k < n; k++) {
            d[k] = m->data[start + k * step];
        }
    }
    return b;
}

static int
mmap_ass_subscript(MpObject *o, MpObject *key, MpObject *value)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, -1);
    if (readonly(m)) {
        return -1;
    }
    Mp_ssize_t i;
    int r = MpSeq_IndexFromKey(key, &i);
    if (r < 0) {
        return -1;
    }
    if (r > 0) {
        if (i < 0) {
            i += m->size;
        }
        if (i < 0 || i >= m->size) {
            MpErr_SetString(MpExc_IndexError, "mmap index out of range");
            return -1;
        }
        if (value == NULL) {
            MpErr_SetString(MpExc_TypeError,
                            "mmap doesn't support item deletion");
            return -1;
        }
        MpNumberMethods *nb = Mp_TYPE(value)->tp_as_number;
        if (nb == NULL || nb->nb_index == NULL) {
            MpErr_SetString(MpExc_TypeError, "mmap item value must be an int");
            return -1;
        }
        Mp_ssize_t v = MpNumber_AsSsize_t(value, MpExc_TypeError);
        if (v == -1 && MpErr_Occurred()) {
            return -1;
        }
        if (v < 0 || v > 255) {
            MpErr_SetString(MpExc_ValueError,
                            "mmap item value must be in range(0, 256)");
            return -1;
        }
        m->data[i] = (char)v;
        return 0;
    }
    if (!MpSlice_Check(key)) {
        MpErr_SetString(MpExc_TypeError, "mmap indices must be integer");
        return -1;
    }
    Mp_ssize_t start, stop, step;
    if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
        return -1;
    }
    Mp_ssize_t n = MpSlice_AdjustIndices(m->size, &start, &stop, step);
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError,
                        "mmap object doesn't support slice deletion");
        return -1;
    }
    MpBuffer v;
    if (MpObject_GetBuffer(value, &v, MP_BUF_SIMPLE) < 0) {
        return -1;
    }
    int res = 0;
    if (v.len != n) {
        MpErr_SetString(MpExc_IndexError,
                        "mmap slice assignment is wrong size");
        res = -1;
    }
    else if (step == 1) {
        memmove(m->data + start, v.buf, (size_t)n);
    }
    else {
        for (Mp_ssize_t k = 0; k < n; k++) {
            m->data[start + k * step] = ((char *)v.buf)[k];
        }
    }
    MpBuffer_Release(&v);
    return res;
}
/* }====== */

/* {====== The buffer protocol ====== */

static int
mmap_getbuffer(MpObject *o, MpBuffer *v, int flags)
{
    MmapObject *m = M(o);
    CHECK_VALID(m, -1);
    int ro = m->access == ACCESS_READ;
    if ((flags & MP_BUF_WRITABLE) && ro) {
        MpErr_SetString(MpExc_BufferError, "Object is not writable.");
        return -1;
    }
    v->buf = m->data;
    v->obj = Mp_NewRef(o);
    v->len = m->size;
    v->itemsize = 1;
    v->readonly = ro;
    v->ndim = 1;
    v->format = NULL;
    v->shape = &m->size;  // fixed while exported: resize() refuses
    v->strides = &v->itemsize;
    v->suboffsets = NULL;
    v->internal = NULL;
    m->exports++;
    return 0;
}

static void
mmap_releasebuffer(MpObject *o, MpBuffer *v)
{
    M(o)->exports--;
}

static MpBufferProcs mmap_as_buffer = {mmap_getbuffer, mmap_releasebuffer};
/* }====== */

/* {====== The type and the module ====== */

#define FAST MP_METH_FASTCALL
static MpMethodDef mmap_methods[] = {
    {"close", (void *)mmap_close, MP_METH_NOARGS, NULL},
    {"read", (void *)mmap_read, FAST, NULL},
    {"read_byte", (void *)mmap_read_byte, MP_METH_NOARGS, NULL},
    {"readline", (void *)mmap_readline, MP_METH_NOARGS, NULL},
    {"write", (void *)mmap_write, MP_METH_O, NULL},
    {"write_byte", (void *)mmap_write_byte, MP_METH_O, NULL},
    {"seek", (void *)mmap_seek, FAST, NULL},
    {"tell", (void *)mmap_tell, MP_METH_NOARGS, NULL},
    {"size", (void *)mmap_size, MP_METH_NOARGS, NULL},
    {"find", (void *)mmap_find, FAST, NULL},
    {"rfind", (void *)mmap_rfind, FAST, NULL},
    {"flush", (void *)mmap_flush, FAST, NULL},
    {"move", (void *)mmap_move, FAST, NULL},
    {"resize", (void *)mmap_resize, MP_METH_O, NULL},
    {"madvise", (void *)mmap_madvise, FAST, NULL},
    {"__enter__", (void *)mmap_enter, MP_METH_NOARGS, NULL},
    {"__exit__", (void *)mmap_exit, FAST, NULL},
    {NULL, NULL, 0, NULL},
};
#undef FAST

static MpGetSetDef mmap_getset[] = {
    {"closed", mmap_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpSequenceMethods mmap_as_sequence = {
    .sq_length = mmap_length,
    .sq_item = mmap_item,
};

static MpMappingMethods mmap_as_mapping = {
    .mp_length = mmap_length,
    .mp_subscript = mmap_subscript,
    .mp_ass_subscript = mmap_ass_subscript,
};

static MpTypeObject Mmap_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "mmap.mmap",
    .tp_basicsize = sizeof(MmapObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = mmap_dealloc,
    .tp_repr = mmap_repr,
    .tp_as_sequence = &mmap_as_sequence,
    .tp_as_mapping = &mmap_as_mapping,
    .tp_as_buffer = &mmap_as_buffer,
    .tp_new = mmap_new,
    .tp_methods = mmap_methods,
    .tp_getset = mmap_getset,
    .tp_doc = "mmap(fileno, length[, flags[, prot[, access[, offset]]]])",
};

static int
add_int(MpObject *m, const char *name, long v)
{
    return MpModule_AddObject(m, name, MpLong_FromInt64(v));
}

/* The module object `import mmap` finds.  Refs: NEW; NULL with an
   exception. */
MpObject *
MpMmapModule_Create(void)
{
    if (MpType_Ready(&Mmap_Type) < 0) {
        return NULL;
    }
    long page = sysconf(_SC_PAGESIZE);
    MpObject *m = MpModule_New("mmap");
    if (m == NULL ||
        MpModule_AddObject(m, "mmap", Mp_NewRef(&Mmap_Type)) < 0 ||
        MpModule_AddObject(m, "error", Mp_NewRef(MpExc_OSError)) < 0 ||
        add_int(m, "PAGESIZE", page) < 0 ||
        add_int(m, "ALLOCATIONGRANULARITY", page) < 0 ||
        add_int(m, "MAP_SHARED", MAP_SHARED) < 0 ||
        add_int(m, "MAP_PRIVATE", MAP_PRIVATE) < 0 ||
        add_int(m, "MAP_ANON", MAP_ANONYMOUS) < 0 ||
        add_int(m, "MAP_ANONYMOUS", MAP_ANONYMOUS) < 0 ||
        add_int(m, "MAP_DENYWRITE", MAP_DENYWRITE) < 0 ||
        add_int(m, "MAP_EXECUTABLE", MAP_EXECUTABLE) < 0 ||
        add_int(m, "MAP_POPULATE", MAP_POPULATE) < 0 ||
        add_int(m, "MAP_STACK", MAP_STACK) < 0 ||
        add_int(m, "PROT_READ", PROT_READ) < 0 ||
        add_int(m, "PROT_WRITE", PROT_WRITE) < 0 ||
        add_int(m, "PROT_EXEC", PROT_EXEC) < 0 ||
        add_int(m, "ACCESS_DEFAULT", ACCESS_DEFAULT) < 0 ||
        add_int(m, "ACCESS_READ", ACCESS_READ) < 0 ||
        add_int(m, "ACCESS_WRITE", ACCESS_WRITE) < 0 ||
        add_int(m, "ACCESS_COPY", ACCESS_COPY) < 0 ||
        add_int(m, "MADV_NORMAL", MADV_NORMAL) < 0 ||
        add_int(m, "MADV_RANDOM", MADV_RANDOM) < 0 ||
        add_int(m, "MADV_SEQUENTIAL", MADV_SEQUENTIAL) < 0 ||
        add_int(m, "MADV_WILLNEED", MADV_WILLNEED) < 0 ||
        add_int(m, "MADV_DONTNEED", MADV_DONTNEED) < 0 ||
        add_int(m, "MADV_DONTFORK", MADV_DONTFORK) < 0 ||
        add_int(m, "MADV_DOFORK", MADV_DOFORK) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
