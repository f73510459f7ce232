/* selectmodule.c — the `select` module: select.select over poll(2).

   select(rlist, wlist, xlist, timeout=None) waits until one of the file
   descriptors is ready (or the timeout passes) and returns three lists of
   the objects given that are ready for reading, writing, or have an
   exceptional condition.  An object is an int or has fileno().  It is
   written over poll(2), so descriptors above FD_SETSIZE work too.  A
   signal that interrupts the wait runs its Python handler; the wait then
   resumes with the time left (PEP 475).  multiprocessing's
   Connection.poll and Process.join(timeout) are built on it.

   CPython counterpart: Modules/selectmodule.c (select_select_impl).
   Read first: select_select */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "signals.h"

/* The descriptor of an int or of an object with fileno().  Returns -1
   with an exception. */
static int
fd_of(MpObject *o)
{
    MpObject *n;
    if (MpLong_Check(o)) {
        n = Mp_NewRef(o);
    }
    else {
        MpObject *f = NULL, *name = MpStr_InternFromString("fileno");
        int found = name ? MpObject_LookupAttr(o, name, &f) : -1;
        Mp_XDECREF(name);
        if (found < 0) {
            return -1;
        }
        if (f == NULL) {
            MpErr_SetString(MpExc_TypeError,
                            "argument must be an int, or have a fileno() "
                            "method.");
            return -1;
        }
        n = MpObject_CallNoArgs(f);
        Mp_DECREF(f);
        if (n == NULL) {
            return -1;
        }
        if (!MpLong_Check(n)) {
            Mp_DECREF(n);
            MpErr_SetString(MpExc_TypeError,
                            "fileno() returned a non-integer");
            return -1;
        }
    }
    int64_t v = MpLong_AsInt64(n);
    Mp_DECREF(n);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < 0) {
        MpErr_Format(MpExc_ValueError,
                     "file descriptor cannot be a negative integer (%d)",
                     (int)v);
        return -1;
    }
    if (v > INT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        "signed integer is greater than maximum");
        return -1;
    }
    return (int)v;
}

static int64_t
now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* select(rlist, wlist, xlist[, timeout]) */
static MpObject *
select_select(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("select", nargs, NULL, 3, 4) < 0) {
        return NULL;
    }
    int timeout_ms = -1;
    if (nargs == 4 && args[3] != Mp_None) {
        MpObject *t = args[3];
        double secs;
        if (MpFloat_Check(t)) {
            secs = MpFloat_AS_DOUBLE(t);
        }
        else if (MpLong_Check(t)) {
            secs = (double)MpLong_AsInt64(t);
            if (secs == -1 && MpErr_Occurred()) {
                return NULL;
            }
        }
        else {
            MpErr_SetString(MpExc_TypeError,
                            "timeout must be a float or None");
            return NULL;
        }
        if (secs < 0) {
            MpErr_SetString(MpExc_ValueError, "timeout must be non-negative");
            return NULL;
        }
        /* rounded up, so a short timeout still waits */
        double ms = ceil(secs * 1000.0);
        timeout_ms = ms > INT32_MAX ? INT32_MAX : (int)ms;
    }
    MpObject *seqs[3] = {NULL, NULL, NULL};
    MpObject *result = NULL;
    struct pollfd *pfd = NULL;
    Mp_ssize_t total = 0;
    for (int k = 0; k < 3; k++) {
        seqs[k] = MpTuple_FromIterable(args[k]);
        if (seqs[k] == NULL) {
            if (MpErr_ExceptionMatches(MpExc_TypeError)) {
                MpErr_Clear();
                MpErr_SetString(MpExc_TypeError,
                                "arguments 1-3 must be sequences");
            }
            goto done;
        }
        total += MpTuple_GET_SIZE(seqs[k]);
    }
    pfd = calloc((size_t)(total ? total : 1), sizeof *pfd);
    if (pfd == NULL) {
        MpErr_NoMemory();
        goto done;
    }
    static const short events[3] = {POLLIN, POLLOUT, POLLPRI};
    Mp_ssize_t i = 0;
    for (int k = 0; k < 3; k++) {
        for (Mp_ssize_t j = 0; j < MpTuple_GET_SIZE(seqs[k]); j++, i++) {
            int fd = fd_of(MpTuple_GET_ITEM(seqs[k], j));
            if (fd < 0) {
                goto done;
            }
            pfd[i].fd = fd;
            pfd[i].events = events[k];
        }
    }
    int64_t deadline = timeout_ms >= 0 ? now_ms() + timeout_ms : 0;
    int r;
    while ((r = poll(pfd, (nfds_t)total, timeout_ms)) < 0 && errno == EINTR) {
        if (MpSignals_Handle() < 0) {
            goto done;
        }
        if (timeout_ms >= 0) {
            int64_t left = deadline - now_ms();
            timeout_ms = left > 0 ? (int)left : 0;
        }
    }
    if (r < 0) {
        MpErr_SetFromErrno(MpExc_OSError);
        goto done;
    }
    for (i = 0; i < total; i++) {
        if (pfd[i].revents & POLLNVAL) {
            errno = EBADF;
            MpErr_SetFromErrno(MpExc_OSError);
            goto done;
        }
    }
    MpObject *lists[3];
    i = 0;
    for (int k = 0; k < 3; k++) {
        lists[k] = MpList_New(0);
        for (Mp_ssize_t j = 0; j < MpTuple_GET_SIZE(seqs[k]); j++, i++) {
            short ready = k == 0   ? POLLIN | POLLHUP | POLLERR
                          : k == 1 ? POLLOUT | POLLERR
                                   : POLLPRI;
            if (lists[k] != NULL && (pfd[i].revents & ready) &&
                MpList_Append(lists[k], MpTuple_GET_ITEM(seqs[k], j)) < 0) {
                Mp_CLEAR(&lists[k]);
            }
        }
    }
    if (lists[0] && lists[1] && lists[2]) {
        result = MpTuple_Pack(3, lists[0], lists[1], lists[2]);
    }
    for (int k = 0; k < 3; k++) {
        Mp_XDECREF(lists[k]);
    }
done:
    free(pfd);
    for (int k = 0; k < 3; k++) {
        Mp_XDECREF(seqs[k]);
    }
    return result;
}

static MpMethodDef select_methods[] = {
    {"select", (void *)select_select, MP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

/* The select module.  Refs: NEW; NULL with an exception. */
MpObject *
MpSelectModule_Create(void)
{
    MpObject *m = MpModule_New("select");
    if (m == NULL || MpModule_AddFunctions(m, select_methods) < 0 ||
        MpModule_AddObject(m, "error", Mp_NewRef(MpExc_OSError)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
