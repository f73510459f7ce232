/* mpmodule.c — the `_multiprocessing` module: SemLock, a POSIX named
   semaphore that processes share.

   multiprocessing's Lock, RLock, Semaphore, BoundedSemaphore, Condition
   and Event (lib/multiprocessing/synchronize.py) are all built on one
   SemLock: a sem_open(3) semaphore with a counter of how many times this
   process holds it.

       kind SEMAPHORE        acquire = sem_wait, release = sem_post;
                             release past maxvalue is a ValueError
       kind RECURSIVE_MUTEX  the owner (count > 0 in this process) may
                             acquire again without waiting; only the
                             owner may release

   minipy has no threads, so "the owner" is a process: a SemLock is mine
   when count > 0 and it was taken by getpid().  A child made by fork thus
   never believes it holds its parent's lock.  A semaphore is opened by
   name; a child started by spawn or forkserver reopens it by that name
   (SemLock._rebuild), so the creator removes the name (sem_unlink) only
   when it is sure no one else will open it (synchronize.py).

   A wait interrupted by a signal runs the Python handlers and resumes
   (PEP 475); a timeout is an absolute CLOCK_REALTIME deadline, as
   sem_timedwait wants.

   CPython counterpart: Modules/_multiprocessing/semaphore.c.
   The module also carries the socket calls multiprocessing needs and
   minipy has no socket module for: socketpair (a duplex Pipe), and
   sendfds/recvfds (file descriptors passed over a Unix socket, for the
   fork server).

   Read first: semlock_acquire */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <semaphore.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "signals.h"

enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

typedef struct {
    MpObject_HEAD
    sem_t *sl_handle;
    int sl_kind;
    int sl_maxvalue;
    int sl_count;        // times this process holds it
    pid_t sl_owner;      // the process that took it last
    MpObject *sl_name;   // str or None
} SemLockObject;

static MpTypeObject SemLock_Type;

static int
is_mine(SemLockObject *s)
{
    return s->sl_count > 0 && s->sl_owner == getpid();
}

/* A SemLock object around an open semaphore.  Refs: NEW; name BORROWED. */
static MpObject *
semlock_wrap(MpTypeObject *type, sem_t *h, int kind, int maxvalue,
             MpObject *name)
{
    SemLockObject *s = (SemLockObject *)MpObject_New(type);
    if (s == NULL) {
        sem_close(h);
        return NULL;
    }
    s->sl_handle = h;
    s->sl_kind = kind;
    s->sl_maxvalue = maxvalue;
    s->sl_count = 0;
    s->sl_owner = 0;
    s->sl_name = Mp_NewRef(name);
    return (MpObject *)s;
}

static int
c_int(MpObject *o, int *out)
{
    Mp_ssize_t v = MpNumber_AsSsize_t(o, MpExc_OverflowError);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < INT_MIN || v > INT_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* SemLock(kind, value, maxvalue, name, unlink) */
static MpObject *
semlock_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"kind", "value", "maxvalue", "name",
                                      "unlink", NULL};
    static const MpArgSpec spec = {"SemLock", kw, 5, 5};
    MpObject *a[5];
    int kind, value, maxvalue, unlink_now;
    if (MpArg_UnpackTupleDict(&spec, args, kwargs, a) < 0 ||
        c_int(a[0], &kind) < 0 || c_int(a[1], &value) < 0 ||
        c_int(a[2], &maxvalue) < 0 ||
        (unlink_now = MpObject_IsTrue(a[4])) < 0) {
        return NULL;
    }
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        MpErr_SetString(MpExc_ValueError, "unrecognized kind");
        return NULL;
    }
    if (!MpStr_Check(a[3])) {
        return MpErr_Format(MpExc_TypeError,
                            "SemLock() argument 'name' must be str, not %s",
                            MpType_Name(Mp_TYPE(a[3])));
    }
    const char *name = MpStr_AsUTF8(a[3]);
    if (name == NULL) {
        return NULL;
    }
    sem_t *h = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (h == SEM_FAILED) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    if (unlink_now && sem_unlink(name) < 0) {
        MpErr_SetFromErrno(MpExc_OSError);
        sem_close(h);
        return NULL;
    }
    return semlock_wrap(type, h, kind, maxvalue,
                        unlink_now ? Mp_None : a[3]);
}

static void
semlock_dealloc(MpObject *o)
{
    SemLockObject *s = (SemLockObject *)o;
    if (s->sl_handle != NULL) {
        sem_close(s->sl_handle);
    }
    Mp_XDECREF(s->sl_name);
    MpObject_Free(o);
}

/* Waits on the semaphore: not at all (block false), up to the deadline
   (timeout given), or forever.  Returns 1 when taken, 0 on timeout, -1
   with an exception. */
static int
sem_acquire(sem_t *h, int block, double timeout)
{
    if (sem_trywait(h) == 0) {
        return 1;
    }
    if (errno != EAGAIN && errno != EINTR) {
        MpErr_SetFromErrno(MpExc_OSError);
        return -1;
    }
    if (!block) {
        return 0;
    }
    struct timespec deadline;
    if (timeout >= 0) {
        clock_gettime(CLOCK_REALTIME, &deadline);
        double whole = floor(timeout);
        deadline.tv_sec += (time_t)whole;
        deadline.tv_nsec += (long)((timeout - whole) * 1e9);
        if (deadline.tv_nsec >= 1000000000) {
            deadline.tv_sec++;
            deadline.tv_nsec -= 1000000000;
        }
    }
    for (;;) {
        int r = timeout >= 0 ? sem_timedwait(h, &deadline) : sem_wait(h);
        if (r == 0) {
            return 1;
        }
        if (errno == ETIMEDOUT) {
            return 0;
        }
        if (errno != EINTR) {
            MpErr_SetFromErrno(MpExc_OSError);
            return -1;
        }
        if (MpSignals_Handle() < 0) {
            return -1;
        }
    }
}

/* acquire(block=True, timeout=None) -> True, or False on timeout */
static MpObject *
semlock_acquire(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                MpObject *kwnames)
{
    static const char *const kw[] = {"block", "timeout", NULL};
    static const MpArgSpec spec = {"acquire", kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    SemLockObject *s = (SemLockObject *)self;
    int block = 1;
    if (a[0] != NULL && (block = MpObject_IsTrue(a[0])) < 0) {
        return NULL;
    }
    double timeout = -1;
    if (block && a[1] != NULL && a[1] != Mp_None) {
        MpObject *f = MpNumber_Float(a[1]);
        if (f == NULL) {
            return NULL;
        }
        timeout = MpFloat_AS_DOUBLE(f);
        Mp_DECREF(f);
        if (timeout < 0) {
            timeout = 0;
        }
    }
    if (s->sl_kind == RECURSIVE_MUTEX && is_mine(s)) {
        s->sl_count++;
        return Mp_NewRef(Mp_True);
    }
    int r = sem_acquire(s->sl_handle, block, timeout);
    if (r < 0) {
        return NULL;
    }
    if (r == 0) {
        return Mp_NewRef(Mp_False);
    }
    if (s->sl_owner != getpid()) {
        s->sl_count = 0;  // counts left from before a fork are not ours
    }
    s->sl_count++;
    s->sl_owner = getpid();
    return Mp_NewRef(Mp_True);
}

static MpObject *
semlock_release(MpObject *self, MpObject *unused)
{
    SemLockObject *s = (SemLockObject *)self;
    if (s->sl_kind == RECURSIVE_MUTEX) {
        if (!is_mine(s)) {
            MpErr_SetString(MpExc_AssertionError,
                            "attempt to release recursive lock not owned "
                            "by thread");
            return NULL;
        }
        if (s->sl_count > 1) {
            s->sl_count--;
            return Mp_NewRef(Mp_None);
        }
    }
    else {
        int value;
        if (sem_getvalue(s->sl_handle, &value) < 0) {
            return MpErr_SetFromErrno(MpExc_OSError);
        }
        if (value >= s->sl_maxvalue) {
            MpErr_SetString(MpExc_ValueError,
                            "semaphore or lock released too many times");
            return NULL;
        }
    }
    if (sem_post(s->sl_handle) < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    if (s->sl_count > 0 && s->sl_owner == getpid()) {
        s->sl_count--;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
semlock_enter(MpObject *self, MpObject *unused)
{
    return semlock_acquire(self, NULL, 0, NULL);
}

static MpObject *
semlock_exit(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return semlock_release(self, NULL);
}

static MpObject *
semlock_count(MpObject *self, MpObject *unused)
{
    SemLockObject *s = (SemLockObject *)self;
    return MpLong_FromInt64(s->sl_owner == getpid() ? s->sl_count : 0);
}

static MpObject *
semlock_is_mine(MpObject *self, MpObject *unused)
{
    return MpBool_FromLong(is_mine((SemLockObject *)self));
}

static MpObject *
semlock_get_value(MpObject *self, MpObject *unused)
{
    int value;
    if (sem_getvalue(((SemLockObject *)self)->sl_handle, &value) < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromInt64(value < 0 ? 0 : value);  // Linux never < 0
}

static MpObject *
semlock_is_zero(MpObject *self, MpObject *unused)
{
    int value;
    if (sem_getvalue(((SemLockObject *)self)->sl_handle, &value) < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpBool_FromLong(value <= 0);
}

static MpObject *
semlock_after_fork(MpObject *self, MpObject *unused)
{
    ((SemLockObject *)self)->sl_count = 0;
    return Mp_NewRef(Mp_None);
}

/* SemLock._rebuild(handle, kind, maxvalue, name): in a process started
   by spawn or forkserver, the same semaphore opened again by name (the
   handle, a pointer in the creator, means nothing here).  A classmethod. */
static MpObject *
semlock_rebuild(MpObject *type, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("_rebuild", nargs, NULL, 4, 4) < 0) {
        return NULL;
    }
    int kind, maxvalue;
    if (c_int(args[1], &kind) < 0 || c_int(args[2], &maxvalue) < 0) {
        return NULL;
    }
    if (!MpStr_Check(args[3])) {
        MpErr_SetString(MpExc_ValueError,
                        "cannot rebuild a SemLock without a name (it was "
                        "unlinked at creation)");
        return NULL;
    }
    const char *name = MpStr_AsUTF8(args[3]);
    if (name == NULL) {
        return NULL;
    }
    sem_t *h = sem_open(name, 0);
    if (h == SEM_FAILED) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return semlock_wrap((MpTypeObject *)type, h, kind, maxvalue, args[3]);
}

static MpObject *
semlock_get_handle(MpObject *self, void *closure)
{
    return MpLong_FromInt64((int64_t)(intptr_t)((SemLockObject *)self)
                                ->sl_handle);
}

static MpObject *
semlock_get_kind(MpObject *self, void *closure)
{
    return MpLong_FromInt64(((SemLockObject *)self)->sl_kind);
}

static MpObject *
semlock_get_maxvalue(MpObject *self, void *closure)
{
    return MpLong_FromInt64(((SemLockObject *)self)->sl_maxvalue);
}

static MpObject *
semlock_get_name(MpObject *self, void *closure)
{
    return Mp_NewRef(((SemLockObject *)self)->sl_name);
}

static MpMethodDef semlock_methods[] = {
    {"acquire", (void *)semlock_acquire,
     MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"release", (void *)semlock_release, MP_METH_NOARGS, NULL},
    {"__enter__", (void *)semlock_enter, MP_METH_NOARGS, NULL},
    {"__exit__", (void *)semlock_exit, MP_METH_FASTCALL, NULL},
    {"_count", (void *)semlock_count, MP_METH_NOARGS, NULL},
    {"_is_mine", (void *)semlock_is_mine, MP_METH_NOARGS, NULL},
    {"_get_value", (void *)semlock_get_value, MP_METH_NOARGS, NULL},
    {"_is_zero", (void *)semlock_is_zero, MP_METH_NOARGS, NULL},
    {"_after_fork", (void *)semlock_after_fork, MP_METH_NOARGS, NULL},
    {"_rebuild", (void *)semlock_rebuild, MP_METH_FASTCALL | MP_METH_CLASS,
     NULL},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef semlock_getset[] = {
    {"handle", semlock_get_handle, NULL, NULL, NULL},
    {"kind", semlock_get_kind, NULL, NULL, NULL},
    {"maxvalue", semlock_get_maxvalue, NULL, NULL, NULL},
    {"name", semlock_get_name, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpTypeObject SemLock_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_multiprocessing.SemLock",
    .tp_basicsize = sizeof(SemLockObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = semlock_dealloc,
    .tp_new = semlock_new,
    .tp_methods = semlock_methods,
    .tp_getset = semlock_getset,
    .tp_doc = "Semaphore/Mutex type",
};

/* sem_unlink(name): removes a semaphore's name. */
static MpObject *
mp_sem_unlink(MpObject *self, MpObject *arg)
{
    if (!MpStr_Check(arg)) {
        return MpErr_Format(MpExc_TypeError,
                            "sem_unlink() argument must be str, not %s",
                            MpType_Name(Mp_TYPE(arg)));
    }
    const char *name = MpStr_AsUTF8(arg);
    if (name == NULL) {
        return NULL;
    }
    if (sem_unlink(name) < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return Mp_NewRef(Mp_None);
}

/* {====== Sockets for Pipe() and the fork server ====== */

/* socketpair() -> (fd1, fd2): a connected pair of AF_UNIX stream sockets,
   non-inheritable: the two ends of a duplex Pipe(). */
static MpObject *
mp_socketpair(MpObject *self, MpObject *unused)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    MpObject *a = MpLong_FromInt64(sv[0]), *b = MpLong_FromInt64(sv[1]);
    MpObject *t = a && b ? MpTuple_Pack(2, a, b) : NULL;
    Mp_XDECREF(a);
    Mp_XDECREF(b);
    return t;
}

enum { MAX_FDS = 64 };  // more than the fork server ever passes at once

/* sendfds(sock, data, fds): sends the bytes data with copies of the file
   descriptors fds attached (SCM_RIGHTS), as one message. */
static MpObject *
mp_sendfds(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("sendfds", nargs, NULL, 3, 3) < 0) {
        return NULL;
    }
    int sock;
    if (c_int(args[0], &sock) < 0) {
        return NULL;
    }
    if (!MpBytes_Check(args[1])) {
        MpErr_SetString(MpExc_TypeError, "sendfds() data must be bytes");
        return NULL;
    }
    MpObject *fds = MpTuple_FromIterable(args[2]);
    if (fds == NULL) {
        return NULL;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(fds);
    if (n > MAX_FDS) {
        Mp_DECREF(fds);
        MpErr_SetString(MpExc_ValueError, "too many file descriptors");
        return NULL;
    }
    int ints[MAX_FDS];
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (c_int(MpTuple_GET_ITEM(fds, i), &ints[i]) < 0) {
            Mp_DECREF(fds);
            return NULL;
        }
    }
    Mp_DECREF(fds);
    union {
        char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
        struct cmsghdr align;
    } control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {MpBytes_AS_STRING(args[1]),
                        (size_t)MpBytes_GET_SIZE(args[1])};
    struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
    if (n > 0) {
        msg.msg_control = control.buf;
        msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)n);
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)n);
        memcpy(CMSG_DATA(c), ints, sizeof(int) * (size_t)n);
    }
    ssize_t r;
    while ((r = sendmsg(sock, &msg, 0)) < 0 && errno == EINTR) {
        if (MpSignals_Handle() < 0) {
            return NULL;
        }
    }
    if (r < 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpLong_FromSsize_t(r);
}

/* recvfds(sock, size) -> (data, [fds]): one message of at most size
   bytes and the descriptors that came with it (new, non-inheritable).
   data is b'' at end of file. */
static MpObject *
mp_recvfds(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("recvfds", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int sock, size;
    if (c_int(args[0], &sock) < 0 || c_int(args[1], &size) < 0) {
        return NULL;
    }
    if (size < 0) {
        MpErr_SetString(MpExc_ValueError, "negative size");
        return NULL;
    }
    MpObject *data = MpBytes_FromStringAndSize(NULL, size);
    if (data == NULL) {
        return NULL;
    }
    union {
        char buf[CMSG_SPACE(sizeof(int) * MAX_FDS)];
        struct cmsghdr align;
    } control;
    struct iovec iov = {MpBytes_AS_STRING(data), (size_t)size};
    struct msghdr msg = {.msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = control.buf,
                         .msg_controllen = sizeof control.buf};
    ssize_t r;
    while ((r = recvmsg(sock, &msg, MSG_CMSG_CLOEXEC)) < 0 &&
           errno == EINTR) {
        if (MpSignals_Handle() < 0) {
            Mp_DECREF(data);
            return NULL;
        }
    }
    if (r < 0) {
        Mp_DECREF(data);
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    MpObject *list = MpList_New(0);
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); list && c != NULL;
         c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS) {
            continue;
        }
        size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < k; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
            MpObject *o = MpLong_FromInt64(fd);
            if (o == NULL || MpList_Append(list, o) < 0) {
                Mp_CLEAR(&list);
            }
            Mp_XDECREF(o);
        }
    }
    MpObject *bytes = list ? MpBytes_FromStringAndSize(
                                 MpBytes_AS_STRING(data), r)
                           : NULL;
    Mp_DECREF(data);
    MpObject *t = bytes ? MpTuple_Pack(2, bytes, list) : NULL;
    Mp_XDECREF(bytes);
    Mp_XDECREF(list);
    return t;
}
/* }====== */

static MpMethodDef mp_methods[] = {
    {"sem_unlink", (void *)mp_sem_unlink, MP_METH_O, NULL},
    {"socketpair", (void *)mp_socketpair, MP_METH_NOARGS, NULL},
    {"sendfds", (void *)mp_sendfds, MP_METH_FASTCALL, NULL},
    {"recvfds", (void *)mp_recvfds, MP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

/* The _multiprocessing module.  Refs: NEW; NULL with an exception. */
MpObject *
MpMultiprocessingModule_Create(void)
{
    if (MpType_Ready(&SemLock_Type) < 0) {
        return NULL;
    }
    MpObject *d = SemLock_Type.tp_dict;
    MpObject *v;
    static const struct {
        const char *name;
        long value;
    } consts[] = {{"RECURSIVE_MUTEX", RECURSIVE_MUTEX},
                  {"SEMAPHORE", SEMAPHORE},
                  {"SEM_VALUE_MAX", SEM_VALUE_MAX}};
    for (int i = 0; i < 3; i++) {
        v = MpLong_FromInt64(consts[i].value);
        int rc = v ? MpDict_SetItemString(d, consts[i].name, v) : -1;
        Mp_XDECREF(v);
        if (rc < 0) {
            return NULL;
        }
    }
    MpType_Modified(&SemLock_Type);
    MpObject *m = MpModule_New("_multiprocessing");
    if (m == NULL || MpModule_AddFunctions(m, mp_methods) < 0 ||
        MpModule_AddObject(m, "SemLock", Mp_NewRef(&SemLock_Type)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
