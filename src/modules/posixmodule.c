/* posixmodule.c — the `posix` module: the operating-system calls under
   `os`.

   As in CPython, `os` is a Python module (lib/os.py) that re-exports this
   C module with `from posix import *` and adds the parts written in
   Python (os.path, os.environ as a mapping, getenv, makedirs, walk).
   Each function here is one POSIX call, with CPython's argument checks;
   a failing call raises OSError narrowed by errno (FileNotFoundError,
   FileExistsError, ChildProcessError ...) with the file name(s) when
   there are some, so the message is CPython's: "[Errno 2] No such file
   or directory: 'x'".

   Calls that block (read, write, waitpid) retry after EINTR, running the
   Python signal handlers first (signals.c); a handler that raises ends
   the call with its exception, as PEP 475 specifies.

   File descriptors are created non-inheritable (O_CLOEXEC), as CPython's
   (PEP 446): open, pipe and dup; set_inheritable lets one survive execv.

   fork runs the callables given to register_at_fork around the fork(2)
   call in CPython's order: `before` hooks last-registered first, then the
   `after_in_parent` or `after_in_child` ones first-registered first.  In
   the child the signals tripped in the parent are forgotten.

   stat_result is a tuple subclass, as CPython's struct sequence: ten
   visible items (the times as ints) and hidden fields reached by name
   (st_atime as a float, st_atime_ns, st_blksize, st_blocks, st_rdev).

   CPython counterpart: Modules/posixmodule.c.  Read first: posix_fork */
#define _GNU_SOURCE  // pipe2, dup3
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

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
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "signals.h"

extern char **environ;

/* {====== Arguments ====== */

/* An int argument that must fit a C int (file descriptors, signals,
   flags).  Returns 0 or -1 with TypeError/OverflowError. */
static int
int_arg(MpObject *o, int *out)
{
    Mp_ssize_t v = MpNumber_AsSsize_t(o, MpExc_OverflowError);
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

/* The path of a str, bytes or os.PathLike argument as a C string, for
   parameter argname of function fname; allowed names the accepted types
   in the TypeError ("string, bytes or os.PathLike").  *owner receives
   what keeps the string alive (release it).  Returns NULL with TypeError
   or ValueError (a NUL inside: "embedded null byte" for str, as
   CPython's file-system encoder says, "<fname>: embedded null character
   in path" for bytes). */
static const char *
path_conv(MpObject *o, const char *fname, const char *argname,
          const char *allowed, MpObject **owner)
{
    *owner = NULL;
    MpObject *p = o;
    if (!MpStr_Check(o) && !MpBytes_Check(o)) {
        MpObject *name = MpStr_InternFromString("__fspath__");
        MpObject *f = name ? MpType_Lookup(Mp_TYPE(o), name) : NULL;
        Mp_XDECREF(name);
        if (f == NULL) {
            if (fname == NULL) {
                MpErr_Format(MpExc_TypeError,
                             "expected str, bytes or os.PathLike object, "
                             "not %s",
                             MpType_Name(Mp_TYPE(o)));
                return NULL;
            }
            MpErr_Format(MpExc_TypeError, "%s: %s should be %s, not %s",
                         fname, argname, allowed, MpType_Name(Mp_TYPE(o)));
            return NULL;
        }
        p = MpObject_CallMethod(o, "__fspath__", NULL, 0);
        if (p == NULL) {
            return NULL;
        }
        if (!MpStr_Check(p) && !MpBytes_Check(p)) {
            MpErr_Format(MpExc_TypeError,
                         "expected %s.__fspath__() to return str or bytes, "
                         "not %s",
                         MpType_Name(Mp_TYPE(o)), MpType_Name(Mp_TYPE(p)));
            Mp_DECREF(p);
            return NULL;
        }
    }
    else {
        Mp_INCREF(p);
    }
    const char *s;
    Mp_ssize_t n;
    int is_str = MpStr_Check(p);
    if (is_str) {
        s = MpStr_AsUTF8AndSize(p, &n);
    }
    else {
        s = MpBytes_AS_STRING(p);
        n = MpBytes_GET_SIZE(p);
    }
    if (s != NULL && (Mp_ssize_t)strlen(s) != n) {
        if (is_str || fname == NULL) {
            MpErr_SetString(MpExc_ValueError, "embedded null byte");
        }
        else {
            MpErr_Format(MpExc_ValueError,
                         "%s: embedded null character in path", fname);
        }
        s = NULL;
    }
    if (s == NULL) {
        Mp_DECREF(p);
        return NULL;
    }
    *owner = p;
    return s;
}

static const char PATH_TYPES[] = "string, bytes or os.PathLike";

/* path_conv for the usual parameter "path". */
static const char *
path_arg(MpObject *o, const char *fname, MpObject **owner)
{
    return path_conv(o, fname, "path", PATH_TYPES, owner);
}

/* EINTR from a blocking call: run the signal handlers.  Returns 0 to
   retry, -1 when a handler raised. */
static int
eintr_retry(void)
{
    return MpSignals_Handle();
}
/* }====== */

/* {====== Paths ====== */

/* Calls op(path) and turns a failure into OSError with the path. */
static MpObject *
path_call(MpObject *o, const char *fname, int (*op)(const char *))
{
    MpObject *owner;
    const char *path = path_arg(o, fname, &owner);
    if (path == NULL) {
        return NULL;
    }
    int r = op(path);
    Mp_DECREF(owner);
    if (r != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, o);
    }
    return Mp_NewRef(Mp_None);
}

/* remove(path) and unlink(path) */
static MpObject *
posix_remove(MpObject *self, MpObject *path)
{
    return path_call(path, "remove", unlink);
}

static MpObject *
posix_unlink(MpObject *self, MpObject *path)
{
    return path_call(path, "unlink", unlink);
}

static MpObject *
posix_rmdir(MpObject *self, MpObject *path)
{
    return path_call(path, "rmdir", rmdir);
}

/* chdir(path): a path or an open directory's descriptor */
static MpObject *
posix_chdir(MpObject *self, MpObject *path)
{
    if (MpLong_Check(path)) {
        int fd;
        if (int_arg(path, &fd) < 0) {
            return NULL;
        }
        if (fchdir(fd) != 0) {
            return MpErr_SetFromErrno(MpExc_OSError);
        }
        return Mp_NewRef(Mp_None);
    }
    MpObject *owner;
    const char *p = path_conv(path, "chdir", "path",
                              "string, bytes, os.PathLike or integer", &owner);
    if (p == NULL) {
        return NULL;
    }
    int r = chdir(p);
    Mp_DECREF(owner);
    if (r != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, path);
    }
    return Mp_NewRef(Mp_None);
}

/* mkdir(path, mode=0o777) */
static MpObject *
posix_mkdir(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    static const char *const kw[] = {"path", "mode", NULL};
    static const MpArgSpec spec = {"mkdir", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int mode = 0777;
    if (a[1] != NULL && int_arg(a[1], &mode) < 0) {
        return NULL;
    }
    MpObject *owner;
    const char *path = path_arg(a[0], "mkdir", &owner);
    if (path == NULL) {
        return NULL;
    }
    int r = mkdir(path, (mode_t)mode);
    Mp_DECREF(owner);
    if (r != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, a[0]);
    }
    return Mp_NewRef(Mp_None);
}

/* rename(src, dst): a failure names both ("'a' -> 'b'"). */
static MpObject *
posix_rename(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
             MpObject *kwnames)
{
    static const char *const kw[] = {"src", "dst", NULL};
    static const MpArgSpec spec = {"rename", kw, 2, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *o1, *o2;
    const char *p1 = path_conv(a[0], "rename", "src", PATH_TYPES, &o1);
    if (p1 == NULL) {
        return NULL;
    }
    const char *p2 = path_conv(a[1], "rename", "dst", PATH_TYPES, &o2);
    if (p2 == NULL) {
        Mp_DECREF(o1);
        return NULL;
    }
    if ((MpStr_Check(o1) != 0) != (MpStr_Check(o2) != 0)) {
        Mp_DECREF(o1);
        Mp_DECREF(o2);
        return MpErr_Format(MpExc_TypeError,
                            "rename: src and dst must be the same type");
    }
    int r = rename(p1, p2);
    int e = errno;
    Mp_DECREF(o1);
    Mp_DECREF(o2);
    if (r != 0) {
        MpObject *no = MpLong_FromInt64(e);
        MpObject *msg = MpStr_FromString(strerror(e));
        MpObject *t = no && msg ? MpTuple_Pack(5, no, msg, a[0], Mp_None, a[1])
                                : NULL;
        Mp_XDECREF(no);
        Mp_XDECREF(msg);
        if (t != NULL) {
            MpObject *exc = MpObject_Call(MpExc_OSError, t, NULL);
            Mp_DECREF(t);
            if (exc != NULL) {
                MpErr_SetObject((MpObject *)Mp_TYPE(exc), exc);
                Mp_DECREF(exc);
            }
        }
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

/* listdir(path='.'): the names in the directory, in the order the
   system gives them, without '.' and '..'. */
static MpObject *
posix_listdir(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("listdir", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    MpObject *arg = nargs && args[0] != Mp_None ? args[0] : NULL;
    MpObject *owner = NULL;
    const char *path =
        arg ? path_conv(arg, "listdir", "path",
                        "string, bytes, os.PathLike, integer or None", &owner)
            : ".";
    if (path == NULL) {
        return NULL;
    }
    int as_bytes = arg != NULL && MpBytes_Check(arg);
    DIR *d = opendir(path);
    Mp_XDECREF(owner);
    if (d == NULL) {
        MpObject *shown = arg ? Mp_NewRef(arg) : MpStr_FromString(".");
        if (shown != NULL) {
            MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, shown);
            Mp_DECREF(shown);
        }
        return NULL;
    }
    MpObject *list = MpList_New(0);
    struct dirent *e;
    while (list != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        MpObject *n = as_bytes ? MpBytes_FromString(e->d_name)
                               : MpStr_FromString(e->d_name);
        if (n == NULL || MpList_Append(list, n) < 0) {
            Mp_CLEAR(&list);
        }
        Mp_XDECREF(n);
    }
    closedir(d);
    return list;
}

static MpObject *
posix_getcwd(MpObject *self, MpObject *unused)
{
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpStr_FromString(buf);
}

/* fspath(path): str and bytes as they are, else __fspath__(). */
static MpObject *
posix_fspath(MpObject *self, MpObject *path)
{
    if (MpStr_Check(path) || MpBytes_Check(path)) {
        return Mp_NewRef(path);
    }
    MpObject *name = MpStr_InternFromString("__fspath__");
    MpObject *f = name ? MpType_Lookup(Mp_TYPE(path), name) : NULL;
    Mp_XDECREF(name);
    if (f == NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "expected str, bytes or os.PathLike object, "
                            "not %s",
                            MpType_Name(Mp_TYPE(path)));
    }
    MpObject *owner;
    return path_arg(path, "fspath", &owner) ? owner : NULL;
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
    int flags, mode = 0777;
    if (int_arg(a[1], &flags) < 0 ||
        (a[2] != NULL && int_arg(a[2], &mode) < 0)) {
        return NULL;
    }
    MpObject *owner;
    const char *path = path_arg(a[0], "open", &owner);
    if (path == NULL) {
        return NULL;
    }
    int fd;
    while ((fd = open(path, flags | O_CLOEXEC, mode)) < 0 && errno == EINTR) {
        if (eintr_retry() < 0) {
            Mp_DECREF(owner);
            return NULL;
        }
    }
    Mp_DECREF(owner);
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
    while ((got = read(fd, buf, (size_t)n)) < 0 && errno == EINTR) {
        if (eintr_retry() < 0) {
            free(buf);
            return NULL;
        }
    }
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
    while ((put = write(fd, v.buf, (size_t)v.len)) < 0 && errno == EINTR) {
        if (eintr_retry() < 0) {
            MpBuffer_Release(&v);
            return NULL;
        }
    }
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

/* pipe() -> (read_fd, write_fd), both non-inheritable */
static MpObject *
posix_pipe(MpObject *self, MpObject *unused)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    MpObject *r = MpLong_FromInt64(fds[0]), *w = MpLong_FromInt64(fds[1]);
    MpObject *t = r && w ? MpTuple_Pack(2, r, w) : NULL;
    Mp_XDECREF(r);
    Mp_XDECREF(w);
    return t;
}

/* dup(fd) -> a new, non-inheritable descriptor for the same file */
static MpObject *
posix_dup(MpObject *self, MpObject *arg)
{
    int fd;
    if (int_arg(arg, &fd) < 0) {
        return NULL;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64(r);
}

/* dup2(fd, fd2, inheritable=True) -> fd2 */
static MpObject *
posix_dup2(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    static const char *const kw[] = {"fd", "fd2", "inheritable", NULL};
    static const MpArgSpec spec = {"dup2", kw, 2, 3};
    MpObject *a[3];
    int fd, fd2, inh = 1;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        int_arg(a[0], &fd) < 0 || int_arg(a[1], &fd2) < 0) {
        return NULL;
    }
    if (a[2] != NULL && (inh = MpObject_IsTrue(a[2])) < 0) {
        return NULL;
    }
    if (fd2 < 0) {
        errno = EBADF;
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    int r = fd == fd2 ? fcntl(fd, F_GETFD) : dup3(fd, fd2, inh ? 0 : O_CLOEXEC);
    if (r < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64(fd2);
}

static MpObject *
posix_get_inheritable(MpObject *self, MpObject *arg)
{
    int fd;
    if (int_arg(arg, &fd) < 0) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpBool_FromLong(!(flags & FD_CLOEXEC));
}

static MpObject *
posix_set_inheritable(MpObject *self, MpObject *const *args,
                      Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("set_inheritable", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int fd, inh;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[1], &inh) < 0) {
        return NULL;
    }
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 ||
        fcntl(fd, F_SETFD, inh ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC) <
            0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
posix_isatty(MpObject *self, MpObject *arg)
{
    int fd;
    if (int_arg(arg, &fd) < 0) {
        return NULL;
    }
    return MpBool_FromLong(isatty(fd));
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

/* {====== stat and os.stat_result ====== */

/* Items 0-9 are the visible tuple (the times truncated to ints, as
   CPython's); 10-18 are reached only by attribute. */
enum { ST_VISIBLE = 10, ST_FIELDS = 19 };

static const char *const st_names[ST_FIELDS] = {
    "st_mode",     "st_ino",      "st_dev",      "st_nlink",   "st_uid",
    "st_gid",      "st_size",     NULL,          NULL,         NULL,
    "st_atime",    "st_mtime",    "st_ctime",    "st_atime_ns",
    "st_mtime_ns", "st_ctime_ns", "st_blksize",  "st_blocks",  "st_rdev",
};

static MpTypeObject StatResult_Type;

static MpObject **
st_items(MpObject *o)
{
    return ((MpTupleObject *)o)->items;
}

/* A stat_result from ST_FIELDS values.  Refs: NEW; STEALS every v[i]
   (NULL ones become None). */
static MpObject *
stat_result_new_from(MpTypeObject *type, MpObject **v)
{
    MpObject *o = MpObject_NewVar(type, ST_FIELDS);
    if (o == NULL) {
        for (int i = 0; i < ST_FIELDS; i++) {
            Mp_XDECREF(v[i]);
        }
        return NULL;
    }
    for (int i = 0; i < ST_FIELDS; i++) {
        st_items(o)[i] = v[i] != NULL ? v[i] : Mp_NewRef(Mp_None);
    }
    ((MpVarObject *)o)->ob_size = ST_VISIBLE;  // the rest are hidden
    MpObject_GC_Track(o);
    return o;
}

static void
stat_result_dealloc(MpObject *o)
{
    for (int i = ST_VISIBLE; i < ST_FIELDS; i++) {
        Mp_CLEAR(&st_items(o)[i]);
    }
    MpTuple_Type.tp_dealloc(o);
}

/* stat_result(sequence): 10 to 19 values; a float time given among the
   first ten also stands for the hidden one, as in CPython. */
static MpObject *
stat_result_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"sequence", "dict", NULL};
    static const MpArgSpec spec = {"stat_result", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0) {
        return NULL;
    }
    MpObject *seq = MpTuple_Check(a[0]) ? Mp_NewRef(a[0])
                                         : MpTuple_FromIterable(a[0]);
    if (seq == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            MpErr_SetString(MpExc_TypeError,
                            "constructor requires a sequence");
        }
        return NULL;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(seq);
    if (n < ST_VISIBLE || n > ST_FIELDS) {
        Mp_DECREF(seq);
        return MpErr_Format(MpExc_TypeError,
                            "os.stat_result() takes an at %s %d-sequence "
                            "(%zd-sequence given)",
                            n < ST_VISIBLE ? "least" : "most",
                            n < ST_VISIBLE ? ST_VISIBLE : ST_FIELDS, n);
    }
    MpObject *v[ST_FIELDS] = {NULL};
    for (Mp_ssize_t i = 0; i < n; i++) {
        v[i] = Mp_NewRef(MpTuple_GET_ITEM(seq, i));
    }
    for (int i = 7; i < 10; i++) {
        if (v[i + 3] == NULL) {
            v[i + 3] = Mp_NewRef(v[i]);
        }
    }
    Mp_DECREF(seq);
    return stat_result_new_from(type, v);
}

/* os.stat_result(st_mode=33188, ..., st_ctime=1700000000): the visible
   items under the names of their fields. */
static MpObject *
stat_result_repr(MpObject *o)
{
    static const char *const shown[ST_VISIBLE] = {
        "st_mode", "st_ino",   "st_dev",   "st_nlink", "st_uid",
        "st_gid",  "st_size",  "st_atime", "st_mtime", "st_ctime",
    };
    MpObject *parts = MpStr_FromString("os.stat_result(");
    for (int i = 0; parts != NULL && i < ST_VISIBLE; i++) {
        MpObject *r = MpObject_Repr(st_items(o)[i]);
        MpObject *piece = r ? MpStr_FromFormat("%s%s=%U", i ? ", " : "",
                                               shown[i], r)
                            : NULL;
        Mp_XDECREF(r);
        MpObject *next = piece ? MpStr_Concat(parts, piece) : NULL;
        Mp_XDECREF(piece);
        Mp_SETREF(&parts, next);
    }
    if (parts != NULL) {
        MpObject *close = MpStr_FromString(")");
        MpObject *next = close ? MpStr_Concat(parts, close) : NULL;
        Mp_XDECREF(close);
        Mp_SETREF(&parts, next);
    }
    return parts;
}

static MpObject *
stat_result_field(MpObject *o, void *closure)
{
    return Mp_NewRef(st_items(o)[(intptr_t)closure]);
}

static MpGetSetDef stat_result_getset[ST_FIELDS + 1];

static MpTypeObject StatResult_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "os.stat_result",
    .tp_dealloc = stat_result_dealloc,
    .tp_repr = stat_result_repr,
    .tp_new = stat_result_new,
    .tp_getset = stat_result_getset,
    .tp_doc = "stat_result: Result from stat, fstat, or lstat.",
};

static MpObject *
ns_of(struct timespec t)
{
    /* seconds * 10**9 + nanoseconds fits in 64 bits until year 2262 */
    return MpLong_FromInt64((int64_t)t.tv_sec * 1000000000 + t.tv_nsec);
}

/* A stat_result from a struct stat.  Refs: NEW. */
static MpObject *
stat_result_from(const struct stat *st)
{
    MpObject *v[ST_FIELDS] = {
        MpLong_FromInt64(st->st_mode),
        MpLong_FromUInt64(st->st_ino),
        MpLong_FromUInt64(st->st_dev),
        MpLong_FromUInt64(st->st_nlink),
        MpLong_FromInt64(st->st_uid),
        MpLong_FromInt64(st->st_gid),
        MpLong_FromInt64(st->st_size),
        MpLong_FromInt64(st->st_atim.tv_sec),
        MpLong_FromInt64(st->st_mtim.tv_sec),
        MpLong_FromInt64(st->st_ctim.tv_sec),
        MpFloat_FromDouble((double)st->st_atim.tv_sec +
                           st->st_atim.tv_nsec * 1e-9),
        MpFloat_FromDouble((double)st->st_mtim.tv_sec +
                           st->st_mtim.tv_nsec * 1e-9),
        MpFloat_FromDouble((double)st->st_ctim.tv_sec +
                           st->st_ctim.tv_nsec * 1e-9),
        ns_of(st->st_atim),
        ns_of(st->st_mtim),
        ns_of(st->st_ctim),
        MpLong_FromInt64(st->st_blksize),
        MpLong_FromInt64(st->st_blocks),
        MpLong_FromUInt64(st->st_rdev),
    };
    for (int i = 0; i < ST_FIELDS; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < ST_FIELDS; j++) {
                Mp_XDECREF(v[j]);
            }
            return NULL;
        }
    }
    return stat_result_new_from(&StatResult_Type, v);
}

/* stat(path, *, follow_symlinks=True) and lstat(path); a path may also
   be an open file descriptor (an int), as in CPython. */
static MpObject *
do_stat(const char *fname, MpObject *const *args, Mp_ssize_t nargs,
        MpObject *kwnames, int follow)
{
    static const char *const kw[] = {"path", "dir_fd", "follow_symlinks",
                                      NULL};
    MpArgSpec spec = {fname, kw, 1, 1};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    if (a[2] != NULL) {
        int t = MpObject_IsTrue(a[2]);
        if (t < 0) {
            return NULL;
        }
        follow = follow && t;
    }
    struct stat st;
    int r;
    if (MpLong_Check(a[0])) {
        int fd;
        if (int_arg(a[0], &fd) < 0) {
            return NULL;
        }
        r = fstat(fd, &st);
        if (r != 0) {
            return MpErr_SetFromErrno(MpExc_OSError);
        }
        return stat_result_from(&st);
    }
    MpObject *owner;
    const char *path = path_conv(a[0], fname, "path",
                                 follow ? "string, bytes, os.PathLike or "
                                          "integer"
                                        : PATH_TYPES,
                                 &owner);
    if (path == NULL) {
        return NULL;
    }
    r = follow ? stat(path, &st) : lstat(path, &st);
    Mp_DECREF(owner);
    if (r != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, a[0]);
    }
    return stat_result_from(&st);
}

static MpObject *
posix_stat(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    return do_stat("stat", args, nargs, kwnames, 1);
}

static MpObject *
posix_lstat(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    return do_stat("lstat", args, nargs, kwnames, 0);
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
    return stat_result_from(&st);
}

static int
stat_result_ready(void)
{
    if (stat_result_getset[0].name != NULL) {
        return 0;
    }
    int k = 0;
    for (int i = 0; i < ST_FIELDS; i++) {
        if (st_names[i] != NULL) {
            stat_result_getset[k++] = (MpGetSetDef){
                .name = st_names[i],
                .get = stat_result_field,
                .closure = (void *)(intptr_t)i,
            };
        }
    }
    StatResult_Type.tp_base = &MpTuple_Type;
    return MpType_Ready(&StatResult_Type);
}
/* }====== */

/* {====== Processes ====== */

/* The callables of register_at_fork, in registration order (lists, NULL
   until the first registration). */
static MpObject *at_fork_before, *at_fork_parent, *at_fork_child;

/* Calls every hook of list (last first when reversed); an exception is
   reported as unraisable and the next hook still runs, as in CPython. */
static void
run_at_fork(MpObject *list, int reversed)
{
    if (list == NULL) {
        return;
    }
    Mp_INCREF(list);  // a hook may register more hooks
    Mp_ssize_t n = Mp_SIZE(list);
    for (Mp_ssize_t k = 0; k < n && k < Mp_SIZE(list); k++) {
        Mp_ssize_t i = reversed ? n - 1 - k : k;
        if (i >= Mp_SIZE(list)) {
            continue;
        }
        MpObject *f = Mp_NewRef(MpList_GET_ITEM(list, i));
        MpObject *r = MpObject_CallNoArgs(f);
        if (r == NULL) {
            MpErr_WriteUnraisableMsg("Exception ignored in fork hook", f);
        }
        Mp_XDECREF(r);
        Mp_DECREF(f);
    }
    Mp_DECREF(list);
}

/* register_at_fork(*, before=None, after_in_child=None,
   after_in_parent=None) */
static MpObject *
posix_register_at_fork(MpObject *self, MpObject *const *args,
                       Mp_ssize_t nargs, MpObject *kwnames)
{
    static const char *const kw[] = {"before", "after_in_child",
                                      "after_in_parent", NULL};
    static const MpArgSpec spec = {"register_at_fork", kw, 0, 0};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int given = 0;
    for (int i = 0; i < 3; i++) {
        if (a[i] != NULL && a[i] != Mp_None) {
            if (!MpCallable_Check(a[i])) {
                return MpErr_Format(MpExc_TypeError,
                                    "'%s' must be callable, not %s", kw[i],
                                    MpType_Name(Mp_TYPE(a[i])));
            }
            given++;
        }
    }
    if (!given) {
        return MpErr_Format(MpExc_TypeError,
                            "At least one argument is required.");
    }
    MpObject **lists[3] = {&at_fork_before, &at_fork_child,
                           &at_fork_parent};
    for (int i = 0; i < 3; i++) {
        if (a[i] == NULL || a[i] == Mp_None) {
            continue;
        }
        if (*lists[i] == NULL && (*lists[i] = MpList_New(0)) == NULL) {
            return NULL;
        }
        if (MpList_Append(*lists[i], a[i]) < 0) {
            return NULL;
        }
    }
    return Mp_NewRef(Mp_None);
}

/* Drops the at-fork hooks at shutdown.  Refs: none. */
void
MpPosix_Fini(void)
{
    Mp_CLEAR(&at_fork_before);
    Mp_CLEAR(&at_fork_parent);
    Mp_CLEAR(&at_fork_child);
}

/* fork() -> 0 in the child, the child's pid in the parent.  C stdio is
   flushed first so that no buffered byte is written twice; Python-level
   buffers (sys.stdout) are the caller's business, as in CPython. */
static MpObject *
posix_fork(MpObject *self, MpObject *unused)
{
    run_at_fork(at_fork_before, 1);
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    int err = errno;
    if (pid == 0) {
        MpSignals_AfterFork();
        run_at_fork(at_fork_child, 0);
    }
    else {
        run_at_fork(at_fork_parent, 0);
    }
    if (pid < 0) {
        errno = err;
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64(pid);
}

static MpObject *
posix_getpid(MpObject *self, MpObject *unused)
{
    return MpLong_FromInt64(getpid());
}

static MpObject *
posix_getppid(MpObject *self, MpObject *unused)
{
    return MpLong_FromInt64(getppid());
}

static MpObject *
posix_getpgid(MpObject *self, MpObject *arg)
{
    Mp_ssize_t pid = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (pid == -1 && MpErr_Occurred()) {
        return NULL;
    }
    pid_t g = getpgid((pid_t)pid);
    if (g < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64(g);
}

/* waitpid(pid, options) -> (pid, status) */
static MpObject *
posix_waitpid(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("waitpid", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int pid, options;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &options) < 0) {
        return NULL;
    }
    int status = 0;
    pid_t r;
    while ((r = waitpid(pid, &status, options)) < 0 && errno == EINTR) {
        if (eintr_retry() < 0) {
            return NULL;
        }
    }
    if (r < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    MpObject *p = MpLong_FromInt64(r), *s = MpLong_FromInt64(status);
    MpObject *t = p && s ? MpTuple_Pack(2, p, s) : NULL;
    Mp_XDECREF(p);
    Mp_XDECREF(s);
    return t;
}

static int
status_arg(const char *fname, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames, int *status)
{
    static const char *const kw[] = {"status", NULL};
    MpArgSpec spec = {fname, kw, 1, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return -1;
    }
    return int_arg(a[0], status);
}

/* waitstatus_to_exitcode(status): the exit code, or -signal for a
   process killed by a signal. */
static MpObject *
posix_waitstatus_to_exitcode(MpObject *self, MpObject *const *args,
                             Mp_ssize_t nargs, MpObject *kwnames)
{
    int st;
    if (status_arg("waitstatus_to_exitcode", args, nargs, kwnames, &st) <
        0) {
        return NULL;
    }
    if (WIFEXITED(st)) {
        return MpLong_FromInt64(WEXITSTATUS(st));
    }
    if (WIFSIGNALED(st)) {
        return MpLong_FromInt64(-WTERMSIG(st));
    }
    if (WIFSTOPPED(st)) {
        return MpErr_Format(MpExc_ValueError,
                            "process stopped by delivery of signal %d",
                            WSTOPSIG(st));
    }
    return MpErr_Format(MpExc_ValueError, "invalid wait status: %d", st);
}

#define WAIT_MACRO(NAME, EXPR, BOOL)                                        \
    static MpObject *posix_##NAME(MpObject *self, MpObject *const *args,   \
                                  Mp_ssize_t nargs, MpObject *kwnames)     \
    {                                                                       \
        int st;                                                             \
        if (status_arg(#NAME, args, nargs, kwnames, &st) < 0) {             \
            return NULL;                                                    \
        }                                                                   \
        return BOOL ? MpBool_FromLong(EXPR) : MpLong_FromInt64(EXPR);       \
    }
WAIT_MACRO(WIFEXITED, WIFEXITED(st), 1)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS(st), 0)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED(st), 1)
WAIT_MACRO(WTERMSIG, WTERMSIG(st), 0)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED(st), 1)
WAIT_MACRO(WSTOPSIG, WSTOPSIG(st), 0)
#undef WAIT_MACRO

/* _exit(n): ends the process at once, without flushing or cleanup. */
static MpObject *
posix__exit(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    static const char *const kw[] = {"status", NULL};
    static const MpArgSpec spec = {"_exit", kw, 1, 1};
    MpObject *a[1];
    int st;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        int_arg(a[0], &st) < 0) {
        return NULL;
    }
    _exit(st);
}

static MpObject *
posix_kill(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("kill", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int pid, sig;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &sig) < 0) {
        return NULL;
    }
    if (kill(pid, sig) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    /* a signal sent to ourselves runs its handler before kill returns */
    if (MpSignals_Handle() < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

/* execv(path, argv): replaces the process image; returns only on error. */
static MpObject *
posix_execv(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("execv", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    MpObject *argv = args[1];
    if (!MpList_Check(argv) && !MpTuple_Check(argv)) {
        return MpErr_Format(MpExc_TypeError,
                            "execv() arg 2 must be a tuple or list");
    }
    Mp_ssize_t n = Mp_SIZE(argv);
    if (n < 1) {
        return MpErr_Format(MpExc_ValueError,
                            "execv() arg 2 must not be empty");
    }
    MpObject *owner;
    const char *path = path_arg(args[0], "execv", &owner);
    if (path == NULL) {
        return NULL;
    }
    MpObject **owners = calloc((size_t)n, sizeof *owners);
    char **cargv = calloc((size_t)n + 1, sizeof *cargv);
    MpObject *result = NULL;
    if (owners == NULL || cargv == NULL) {
        MpErr_NoMemory();
        goto done;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *item = MpList_Check(argv) ? MpList_GET_ITEM(argv, i)
                                            : MpTuple_GET_ITEM(argv, i);
        const char *s = path_conv(item, NULL, NULL, NULL, &owners[i]);
        if (s == NULL) {
            goto done;
        }
        if (i == 0 && s[0] == '\0') {
            MpErr_Format(MpExc_ValueError,
                         "execv() arg 2 first element cannot be empty");
            goto done;
        }
        cargv[i] = (char *)s;
    }
    fflush(stdout);
    fflush(stderr);
    execv(path, cargv);
    MpErr_SetFromErrno(MpExc_OSError);
done:
    if (owners != NULL) {
        for (Mp_ssize_t i = 0; i < n; i++) {
            Mp_XDECREF(owners[i]);
        }
    }
    free(owners);
    free(cargv);
    Mp_DECREF(owner);
    return result;
}

static MpObject *
posix_cpu_count(MpObject *self, MpObject *unused)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) {
        return Mp_NewRef(Mp_None);
    }
    return MpLong_FromInt64(n);
}

static MpObject *
posix_strerror(MpObject *self, MpObject *arg)
{
    int code;
    if (int_arg(arg, &code) < 0) {
        return NULL;
    }
    return MpStr_FromString(strerror(code));
}
/* }====== */

/* {====== The environment ====== */

/* The environment as a bytes-to-bytes dict (posix.environ); os.py wraps
   it in a str mapping.  Refs: NEW. */
static MpObject *
environ_dict(void)
{
    MpObject *d = MpDict_New();
    for (char **e = environ; d != NULL && e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL) {
            continue;
        }
        MpObject *k = MpBytes_FromStringAndSize(*e, eq - *e);
        MpObject *v = MpBytes_FromString(eq + 1);
        if (k == NULL || v == NULL || MpDict_SetItem(d, k, v) < 0) {
            Mp_CLEAR(&d);
        }
        Mp_XDECREF(k);
        Mp_XDECREF(v);
    }
    return d;
}

/* A name or value for putenv/unsetenv: str or bytes, without NUL; a
   putenv name (is_name 1) has no '='.  unsetenv (is_name -1) leaves every
   check to the C library, which answers EINVAL. */
static const char *
env_arg(MpObject *o, const char *fname, int is_name, MpObject **owner)
{
    const char *s = path_conv(o, NULL, NULL, NULL, owner);
    if (s == NULL) {
        return NULL;
    }
    /* an empty name is left to setenv, which fails with EINVAL */
    if (is_name > 0 && strchr(s, '=') != NULL) {
        Mp_CLEAR(owner);
        MpErr_SetString(MpExc_ValueError, "illegal environment variable name");
        return NULL;
    }
    return s;
}

static MpObject *
posix_putenv(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("putenv", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    MpObject *o1, *o2;
    const char *k = env_arg(args[0], "putenv", 1, &o1);
    if (k == NULL) {
        return NULL;
    }
    const char *v = env_arg(args[1], "putenv", 0, &o2);
    if (v == NULL) {
        Mp_DECREF(o1);
        return NULL;
    }
    int r = setenv(k, v, 1);
    Mp_DECREF(o1);
    Mp_DECREF(o2);
    if (r != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
posix_unsetenv(MpObject *self, MpObject *arg)
{
    MpObject *o;
    const char *k = env_arg(arg, "unsetenv", -1, &o);
    if (k == NULL) {
        return NULL;
    }
    int r = unsetenv(k);
    Mp_DECREF(o);
    if (r != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */

/* {====== The module ====== */

#define FAST MP_METH_FASTCALL
#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)
static MpMethodDef posix_methods[] = {
    {"open", (void *)posix_open, FASTKW, NULL},
    {"close", (void *)posix_close, MP_METH_O, NULL},
    {"read", (void *)posix_read, FAST, NULL},
    {"write", (void *)posix_write, FAST, NULL},
    {"lseek", (void *)posix_lseek, FAST, NULL},
    {"ftruncate", (void *)posix_ftruncate, FAST, NULL},
    {"pipe", (void *)posix_pipe, MP_METH_NOARGS, NULL},
    {"dup", (void *)posix_dup, MP_METH_O, NULL},
    {"dup2", (void *)posix_dup2, FASTKW, NULL},
    {"get_inheritable", (void *)posix_get_inheritable, MP_METH_O, NULL},
    {"set_inheritable", (void *)posix_set_inheritable, FAST, NULL},
    {"isatty", (void *)posix_isatty, MP_METH_O, NULL},
    {"fstat", (void *)posix_fstat, MP_METH_O, NULL},
    {"stat", (void *)posix_stat, FASTKW, NULL},
    {"lstat", (void *)posix_lstat, FASTKW, NULL},
    {"remove", (void *)posix_remove, MP_METH_O, NULL},
    {"unlink", (void *)posix_unlink, MP_METH_O, NULL},
    {"rmdir", (void *)posix_rmdir, MP_METH_O, NULL},
    {"mkdir", (void *)posix_mkdir, FASTKW, NULL},
    {"rename", (void *)posix_rename, FASTKW, NULL},
    {"listdir", (void *)posix_listdir, FAST, NULL},
    {"getcwd", (void *)posix_getcwd, MP_METH_NOARGS, NULL},
    {"chdir", (void *)posix_chdir, MP_METH_O, NULL},
    {"fspath", (void *)posix_fspath, MP_METH_O, NULL},
    {"fork", (void *)posix_fork, MP_METH_NOARGS, NULL},
    {"register_at_fork", (void *)posix_register_at_fork, FASTKW, NULL},
    {"getpid", (void *)posix_getpid, MP_METH_NOARGS, NULL},
    {"getppid", (void *)posix_getppid, MP_METH_NOARGS, NULL},
    {"getpgid", (void *)posix_getpgid, MP_METH_O, NULL},
    {"waitpid", (void *)posix_waitpid, FAST, NULL},
    {"waitstatus_to_exitcode", (void *)posix_waitstatus_to_exitcode, FASTKW,
     NULL},
    {"WIFEXITED", (void *)posix_WIFEXITED, FASTKW, NULL},
    {"WEXITSTATUS", (void *)posix_WEXITSTATUS, FASTKW, NULL},
    {"WIFSIGNALED", (void *)posix_WIFSIGNALED, FASTKW, NULL},
    {"WTERMSIG", (void *)posix_WTERMSIG, FASTKW, NULL},
    {"WIFSTOPPED", (void *)posix_WIFSTOPPED, FASTKW, NULL},
    {"WSTOPSIG", (void *)posix_WSTOPSIG, FASTKW, NULL},
    {"_exit", (void *)posix__exit, FASTKW, NULL},
    {"kill", (void *)posix_kill, FAST, NULL},
    {"execv", (void *)posix_execv, FAST, NULL},
    {"cpu_count", (void *)posix_cpu_count, MP_METH_NOARGS, NULL},
    {"strerror", (void *)posix_strerror, MP_METH_O, NULL},
    {"urandom", (void *)posix_urandom, MP_METH_O, NULL},
    {"putenv", (void *)posix_putenv, FAST, NULL},
    {"unsetenv", (void *)posix_unsetenv, MP_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
#undef FAST
#undef FASTKW

/* The module object `import posix` finds.  Refs: NEW; NULL with an
   exception. */
MpObject *
MpPosixModule_Create(void)
{
    if (stat_result_ready() < 0) {
        return NULL;
    }
    static const struct {
        const char *name;
        long value;
    } ints[] = {
        {"O_RDONLY", O_RDONLY},     {"O_WRONLY", O_WRONLY},
        {"O_RDWR", O_RDWR},         {"O_CREAT", O_CREAT},
        {"O_EXCL", O_EXCL},         {"O_TRUNC", O_TRUNC},
        {"O_APPEND", O_APPEND},     {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC},   {"WNOHANG", WNOHANG},
        {"WUNTRACED", WUNTRACED},   {"F_OK", F_OK},
        {"R_OK", R_OK},             {"W_OK", W_OK},
        {"X_OK", X_OK},             {"EX_OK", 0},
    };
    MpObject *m = MpModule_New("posix");
    if (m == NULL || MpModule_AddFunctions(m, posix_methods) < 0 ||
        MpModule_AddObject(m, "stat_result", Mp_NewRef(&StatResult_Type)) <
            0 ||
        MpModule_AddObject(m, "error", Mp_NewRef(MpExc_OSError)) < 0 ||
        MpModule_AddObject(m, "environ", environ_dict()) < 0) {
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
