/* timemodule.c — the time module: clocks and sleep.

   Every clock is one POSIX clock read with clock_gettime:

       time, time_ns                 CLOCK_REALTIME   (seconds since 1970)
       monotonic, monotonic_ns       CLOCK_MONOTONIC  (never goes back)
       perf_counter, perf_counter_ns CLOCK_MONOTONIC  (as CPython on Linux)
       process_time, process_time_ns CLOCK_PROCESS_CPUTIME_ID

   The float forms are the nanosecond count divided by 1e9, so they carry
   the same clock; the _ns forms return exact ints.

   sleep(secs) sleeps with nanosleep and, when a signal interrupts it,
   runs the pending Ctrl-C as KeyboardInterrupt (signals.c) or goes back
   to sleep for the time that remains, as CPython does (PEP 475).

   Not here yet: struct_time and the calendar functions (localtime,
   gmtime, strftime, mktime, asctime, ctime).

   CPython counterpart: Modules/timemodule.c.  Read first: time_sleep */
#include <errno.h>
#include <math.h>
#include <time.h>

#include "abstract.h"
#include "errors.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "signals.h"

/* {====== Clocks ====== */

static int64_t
clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

#define CLOCK_PAIR(name, id)                                               \
    static MpObject *time_##name(MpObject *self, MpObject *unused)         \
    {                                                                      \
        return MpFloat_FromDouble((double)clock_ns(id) * 1e-9);            \
    }                                                                      \
    static MpObject *time_##name##_ns(MpObject *self, MpObject *unused)    \
    {                                                                      \
        return MpLong_FromInt64(clock_ns(id));                             \
    }

CLOCK_PAIR(time, CLOCK_REALTIME)
CLOCK_PAIR(monotonic, CLOCK_MONOTONIC)
CLOCK_PAIR(perf_counter, CLOCK_MONOTONIC)
CLOCK_PAIR(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_PAIR(thread_time, CLOCK_THREAD_CPUTIME_ID)
/* }====== */

/* {====== sleep ====== */

/* secs (an int or a float) in nanoseconds, rounded up as CPython's
   _PyTime_ROUND_CEILING does for sleep.  Returns 0 or -1. */
static int
sleep_ns(MpObject *secs, int64_t *out)
{
    double d;
    if (MpFloat_Check(secs)) {
        d = MpFloat_AS_DOUBLE(secs);
        if (isnan(d)) {
            MpErr_SetString(MpExc_ValueError, "Invalid value NaN (not a "
                                              "number)");
            return -1;
        }
    }
    else {
        MpObject *i = MpNumber_Index(secs);
        if (i == NULL) {
            return -1;
        }
        d = MpLong_AsDouble(i);
        Mp_DECREF(i);
        if (d == -1.0 && MpErr_Occurred()) {
            return -1;
        }
    }
    if (d < 0) {
        MpErr_SetString(MpExc_ValueError, "sleep length must be "
                                          "non-negative");
        return -1;
    }
    double ns = ceil(d * 1e9);
    if (!(ns < 9.2e18)) {
        MpErr_SetString(MpExc_OverflowError,
                        "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *out = (int64_t)ns;
    return 0;
}

static MpObject *
time_sleep(MpObject *self, MpObject *secs)
{
    int64_t ns;
    if (sleep_ns(secs, &ns) < 0) {
        return NULL;
    }
    int64_t deadline = clock_ns(CLOCK_MONOTONIC) + ns;
    for (;;) {
        struct timespec req = {(time_t)(ns / 1000000000),
                               (long)(ns % 1000000000)};
        if (nanosleep(&req, NULL) == 0) {
            break;
        }
        if (errno != EINTR) {
            return MpErr_SetFromErrno(MpExc_OSError);
        }
        if (MpSignals_Handle() < 0) {
            return NULL;  // Ctrl-C: KeyboardInterrupt
        }
        ns = deadline - clock_ns(CLOCK_MONOTONIC);
        if (ns <= 0) {
            break;
        }
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */

#define NOARGS MP_METH_NOARGS

static MpMethodDef time_methods[] = {
    {"time", (void *)time_time, NOARGS, NULL},
    {"time_ns", (void *)time_time_ns, NOARGS, NULL},
    {"monotonic", (void *)time_monotonic, NOARGS, NULL},
    {"monotonic_ns", (void *)time_monotonic_ns, NOARGS, NULL},
    {"perf_counter", (void *)time_perf_counter, NOARGS, NULL},
    {"perf_counter_ns", (void *)time_perf_counter_ns, NOARGS, NULL},
    {"process_time", (void *)time_process_time, NOARGS, NULL},
    {"process_time_ns", (void *)time_process_time_ns, NOARGS, NULL},
    {"thread_time", (void *)time_thread_time, NOARGS, NULL},
    {"thread_time_ns", (void *)time_thread_time_ns, NOARGS, NULL},
    {"sleep", (void *)time_sleep, MP_METH_O, NULL},
    {NULL},
};

/* The time module.  Refs: NEW; NULL on error. */
MpObject *
MpTimeModule_Create(void)
{
    MpObject *m = MpModule_New("time");
    if (m == NULL || MpModule_AddFunctions(m, time_methods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
