/* posixmodule.c — a minimal `posix` module: the file-descriptor calls that
   mmap, _posixshmem and multiprocessing.shared_memory need.

   CPython's os module is lib/os.py re-exporting the C module posix
   (`from posix import *`); this file is the start of that C module, with
   only what the buffer work uses: open, close, read, write, lseek,
   ftruncate, fstat, unlink, getpid, urandom and the O_* constants
   (SEEK_SET and friends belong to os.py, as in CPython).  A fuller os
   (fork, waitpid, listdir, environ ...) extends this same module.
   Failing calls raise OSError, narrowed by errno to FileNotFoundError,
   FileExistsError ... with the file name when there is one, as CPython.

   fstat returns an os.stat_result with the ten classic fields as
   attributes (st_mode ... st_ctime); unlike CPython's it is not also a
   tuple.

   CPython counterpart: Modules/posixmodule.c.  Read first: posix_open */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/memoryview.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"

/* {====== Arguments ====== */

static int
int_arg(MpObject *o, int *out)
{
    Mp_ssize_t v = MpLong_AsSsize_t(o);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        v < 0 ? "signed integer is less than minimum"
                              : "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* A path argument: a str (or bytes).  Refs: the returned string lives as
   long as o. */
static const char *
path_arg(const char *fname, MpObject *o)
{
    if (MpStr_Check(o)) {
        return MpStr_AsUTF8(o);
    }
    if (MpBytes_Check(o)) {
        return MpBytes_AS_STRING(o);
    }
    MpErr_Format(MpExc_TypeError,
                 "%s: path should be string, bytes or os.PathLike, not "
                 "%.100s",
                 fname, MpType_Name(Mp_TYPE(o)));
    return NULL;
}
/* }====== */

/* {====== File descriptors ====== */

/* open(path, flags, mode=0o777) -> fd */
static MpObject *
posix_open(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    static const char *const kw[] = {"path", "flags", "mode", NULL};
    static const MpArgSpec spec = {"open", kw, 2, 3};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *path = path_arg("open", a[0]);
    int flags, mode = 0777;
    if (path == NULL || int_arg(a[1], &flags) < 0 ||
        (a[2] != NULL && int_arg(a[2], &mode) < 0)) {
        return NULL;
    }
    int fd = open(path, flags | O_CLOEXEC, mode);
    if (fd < 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, a[0]);
    }
    return MpLong_FromInt64(fd);
}

static MpObject *
posix_close(MpObject *self, MpObject *arg)
{
    int fd;
    if (int_arg(arg, &fd) < 0) {
        return NULL;
    }
    if (close(fd) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}

/* read(fd, n) -> bytes */
static MpObject *
posix_read(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("read", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int fd;
    if (int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    Mp_ssize_t n = MpLong_AsSsize_t(args[1]);
    if (n == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        errno = EINVAL;
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL) {
        return MpErr_NoMemory();
    }
    ssize_t got;
    do {
        got = read(fd, buf, (size_t)n);
    } while (got < 0 && errno == EINTR);
    MpObject *r = got < 0 ? MpErr_SetFromErrno(MpExc_OSError)
                          : MpBytes_FromStringAndSize(buf, got);
    free(buf);
    return r;
}

/* write(fd, data) -> the number of bytes written */
static MpObject *
posix_write(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("write", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int fd;
    MpBuffer v;
    if (int_arg(args[0], &fd) < 0 ||
        MpObject_GetBuffer(args[1], &v, MP_BUF_SIMPLE) < 0) {
        return NULL;
    }
    ssize_t put;
    do {
        put = write(fd, v.buf, (size_t)v.len);
    } while (put < 0 && errno == EINTR);
    MpBuffer_Release(&v);
    if (put < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromSsize_t(put);
}

/* lseek(fd, pos, whence) -> the new position */
static MpObject *
posix_lseek(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("lseek", nargs, NULL, 3, 3) < 0) {
        return NULL;
    }
    int fd, how;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[2], &how) < 0) {
        return NULL;
    }
    Mp_ssize_t pos = MpLong_AsSsize_t(args[1]);
    if (pos == -1 && MpErr_Occurred()) {
        return NULL;
    }
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64((int64_t)r);
}

static MpObject *
posix_ftruncate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("ftruncate", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int fd;
    if (int_arg(args[0], &fd) < 0) {
        return NULL;
    }
    Mp_ssize_t len = MpLong_AsSsize_t(args[1]);
    if (len == -1 && MpErr_Occurred()) {
        return NULL;
    }
    int r;
    do {
        r = ftruncate(fd, (off_t)len);
    } while (r != 0 && errno == EINTR);
    if (r != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
posix_unlink(MpObject *self, MpObject *arg)
{
    const char *path = path_arg("unlink", arg);
    if (path == NULL) {
        return NULL;
    }
    if (unlink(path) != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, arg);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
posix_getpid(MpObject *self, MpObject *unused)
{
    return MpLong_FromInt64(getpid());
}

/* urandom(n) -> n bytes from the kernel's generator */
static MpObject *
posix_urandom(MpObject *self, MpObject *arg)
{
    Mp_ssize_t n = MpLong_AsSsize_t(arg);
    if (n == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (n < 0) {
        MpErr_SetString(MpExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    MpObject *b = MpBytes_FromStringAndSize(NULL, n);
    if (b == NULL) {
        return NULL;
    }
    char *p = MpBytes_AS_STRING(b);
    Mp_ssize_t done = 0;
    while (done < n) {
        ssize_t got = getrandom(p + done, (size_t)(n - done), 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            Mp_DECREF(b);
            return MpErr_SetFromErrno(MpExc_OSError);
        }
        done += got;
    }
    return b;
}
/* }====== */

/* {====== fstat and os.stat_result ====== */

enum { N_STAT_FIELDS = 10 };

typedef struct {
    MpObject_HEAD
    MpObject *f[N_STAT_FIELDS];
} StatResult;

static void
stat_dealloc(MpObject *o)
{
    for (int i = 0; i < N_STAT_FIELDS; i++) {
        Mp_XDECREF(((StatResult *)o)->f[i]);
    }
    MpObject_Free(o);
}

/* os.stat_result(st_mode=33188, ..., st_ctime=1700000000), with the three
   times as ints, as CPython prints them. */
static MpObject *
stat_repr(MpObject *o)
{
    StatResult *s = (StatResult *)o;
    MpObject *ints[3] = {NULL, NULL, NULL};
    for (int i = 0; i < 3; i++) {
        ints[i] = MpNumber_Long(s->f[7 + i]);
        if (ints[i] == NULL) {
            Mp_XDECREF(ints[0]);
            Mp_XDECREF(ints[1]);
            return NULL;
        }
    }
    MpObject *r = MpStr_FromFormat(
        "os.stat_result(st_mode=%R, st_ino=%R, st_dev=%R, st_nlink=%R, "
        "st_uid=%R, st_gid=%R, st_size=%R, st_atime=%R, st_mtime=%R, "
        "st_ctime=%R)",
        s->f[0], s->f[1], s->f[2], s->f[3], s->f[4], s->f[5], s->f[6], ints[0],
        ints[1], ints[2]);
    for (int i = 0; i < 3; i++) {
        Mp_DECREF(ints[i]);
    }
    return r;
}

#define FIELD(name, i)                                                        \
    {                                                                         \
        name, MP_T_OBJECT,                                                    \
            offsetof(StatResult, f) + (i) * sizeof(MpObject *), 1, NULL       \
    }
static MpMemberDef stat_members[N_STAT_FIELDS + 1] = {
    FIELD("st_mode", 0),  FIELD("st_ino", 1),    FIELD("st_dev", 2),
    FIELD("st_nlink", 3), FIELD("st_uid", 4),    FIELD("st_gid", 5),
    FIELD("st_size", 6),  FIELD("st_atime", 7),  FIELD("st_mtime", 8),
    FIELD("st_ctime", 9), {NULL, 0, 0, 0, NULL},
};
#undef FIELD

static MpTypeObject StatResult_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "os.stat_result",
    .tp_basicsize = sizeof(StatResult),
    .tp_dealloc = stat_dealloc,
    .tp_repr = stat_repr,
    .tp_members = stat_members,
};

static double
timespec_seconds(struct timespec t)
{
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static MpObject *
posix_fstat(MpObject *self, MpObject *arg)
{
    int fd;
    if (int_arg(arg, &fd) < 0) {
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    StatResult *s = (StatResult *)MpObject_New(&StatResult_Type);
    if (s == NULL) {
        return NULL;
    }
    s->f[0] = MpLong_FromInt64(st.st_mode);
    s->f[1] = MpLong_FromUInt64(st.st_ino);
    s->f[2] = MpLong_FromUInt64(st.st_dev);
    s->f[3] = MpLong_FromUInt64(st.st_nlink);
    s->f[4] = MpLong_FromInt64(st.st_uid);
    s->f[5] = MpLong_FromInt64(st.st_gid);
    s->f[6] = MpLong_FromInt64(st.st_size);
    s->f[7] = MpFloat_FromDouble(timespec_seconds(st.st_atim));
    s->f[8] = MpFloat_FromDouble(timespec_seconds(st.st_mtim));
    s->f[9] = MpFloat_FromDouble(timespec_seconds(st.st_ctim));
    for (int i = 0; i < N_STAT_FIELDS; i++) {
        if (s->f[i] == NULL) {
            Mp_DECREF(s);
            return NULL;
        }
    }
    return (MpObject *)s;
}
/* }====== */

/* {====== The module ====== */

#define FAST MP_METH_FASTCALL
static MpMethodDef posix_methods[] = {
    {"open", (void *)posix_open, FAST | MP_METH_KEYWORDS, NULL},
    {"close", (void *)posix_close, MP_METH_O, NULL},
    {"read", (void *)posix_read, FAST, NULL},
    {"write", (void *)posix_write, FAST, NULL},
    {"lseek", (void *)posix_lseek, FAST, NULL},
    {"ftruncate", (void *)posix_ftruncate, FAST, NULL},
    {"fstat", (void *)posix_fstat, MP_METH_O, NULL},
    {"unlink", (void *)posix_unlink, MP_METH_O, NULL},
    {"remove", (void *)posix_unlink, MP_METH_O, NULL},
    {"getpid", (void *)posix_getpid, MP_METH_NOARGS, NULL},
    {"urandom", (void *)posix_urandom, MP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
#undef FAST

/* The module object `import posix` finds.  Refs: NEW; NULL with an
   exception. */
MpObject *
MpPosixModule_Create(void)
{
    if (MpType_Ready(&StatResult_Type) < 0) {
        return NULL;
    }
    static const struct {
        const char *name;
        long value;
    } ints[] = {
        {"O_RDONLY", O_RDONLY},   {"O_WRONLY", O_WRONLY},
        {"O_RDWR", O_RDWR},       {"O_CREAT", O_CREAT},
        {"O_EXCL", O_EXCL},       {"O_TRUNC", O_TRUNC},
        {"O_APPEND", O_APPEND},   {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC},
    };
    MpObject *m = MpModule_New("posix");
    if (m == NULL || MpModule_AddFunctions(m, posix_methods) < 0 ||
        MpModule_AddObject(m, "stat_result", Mp_NewRef(&StatResult_Type)) <
            0 ||
        MpModule_AddObject(m, "error", Mp_NewRef(MpExc_OSError)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (MpModule_AddObject(m, ints[i].name,
                               MpLong_FromInt64(ints[i].value)) < 0) {
            Mp_DECREF(m);
            return NULL;
        }
    }
    return m;
}
/* }====== */
