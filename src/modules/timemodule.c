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

   The calendar functions (gmtime, localtime, mktime, strftime, asctime,
   ctime) convert between seconds and struct_time through the C library's
   struct tm.  struct_time is a tuple of the nine classic fields whose
   instances carry two more, tm_zone and tm_gmtoff, past the end: the
   object holds 11 items while its size says 9, as CPython's structseq
   does, so len(), indexing, comparison and hashing see nine, and the
   dealloc releases the two hidden ones.

   CPython counterpart: Modules/timemodule.c.  Read first: time_sleep */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
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

/* secs, a float or an object with __index__, as a double in *out: a NaN
   float is a ValueError, an int too large for a double is INFINITY (the
   callers' range checks then refuse it).  Returns 0 or -1. */
static int
secs_as_double(MpObject *secs, double *out)
{
    if (MpFloat_Check(secs)) {
        *out = MpFloat_AS_DOUBLE(secs);
        if (isnan(*out)) {
            MpErr_SetString(MpExc_ValueError,
                            "Invalid value NaN (not a number)");
            return -1;
        }
        return 0;
    }
    MpObject *i = MpNumber_Index(secs);
    if (i == NULL) {
        return -1;
    }
    *out = MpLong_AsDouble(i);
    Mp_DECREF(i);
    if (*out == -1.0 && MpErr_Occurred()) {
        MpErr_Clear();
        *out = INFINITY;
    }
    return 0;
}

/* secs (an int or a float) in nanoseconds, rounded up as CPython's
   _PyTime_ROUND_CEILING does for sleep.  Returns 0 or -1. */
static int
sleep_ns(MpObject *secs, int64_t *out)
{
    double d;
    if (secs_as_double(secs, &d) < 0) {
        return -1;
    }
    if (!MpFloat_Check(secs) && !(fabs(d) < 9.2e9)) {
        MpErr_SetString(MpExc_OverflowError,
                        "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    if (d < 0) {
        MpErr_SetString(MpExc_ValueError, "sleep length must be "
                                          "non-negative");
        return -1;
    }
    double ns = ceil(d * 1e9);
    if (!(ns < 9.2e18)) {
        MpErr_SetString(MpExc_OverflowError,
                        "timestamp out of range for platform time_t");
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

/* {====== struct_time ====== */

#define ST_VISIBLE 9
#define ST_FIELDS 11

static const char *const st_names[ST_FIELDS] = {
    "tm_year", "tm_mon",  "tm_mday",  "tm_hour", "tm_min",   "tm_sec",
    "tm_wday", "tm_yday", "tm_isdst", "tm_zone", "tm_gmtoff",
};

extern MpTypeObject MpStructTime_Type;

static MpObject **
st_items(MpObject *o)
{
    return ((MpTupleObject *)o)->items;
}

/* A struct_time from 11 values (the last two may be NULL: None).
   Refs: NEW; STEALS every v[i]. */
static MpObject *
struct_time_new_from(MpTypeObject *type, MpObject **v)
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
    ((MpVarObject *)o)->ob_size = ST_VISIBLE;  // the last two are hidden
    MpObject_GC_Track(o);
    return o;
}

static void
struct_time_dealloc(MpObject *o)
{
    for (int i = ST_VISIBLE; i < ST_FIELDS; i++) {
        Mp_CLEAR(&st_items(o)[i]);
    }
    MpTuple_Type.tp_dealloc(o);
}

/* struct_time(sequence): 9 to 11 values. */
static MpObject *
struct_time_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const kw[] = {"sequence", "dict", NULL};
    static const MpArgSpec spec = {"struct_time", kw, 1, 2};
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
                            "time.struct_time() takes an at %s %d-sequence "
                            "(%zd-sequence given)",
                            n < ST_VISIBLE ? "least" : "most",
                            n < ST_VISIBLE ? ST_VISIBLE : ST_FIELDS, n);
    }
    MpObject *v[ST_FIELDS] = {NULL};
    for (Mp_ssize_t i = 0; i < n; i++) {
        v[i] = Mp_NewRef(MpTuple_GET_ITEM(seq, i));
    }
    Mp_DECREF(seq);
    return struct_time_new_from(type, v);
}

static MpObject *
struct_time_repr(MpObject *o)
{
    MpObject *parts = MpStr_FromString("time.struct_time(");
    for (int i = 0; parts != NULL && i < ST_VISIBLE; i++) {
        MpObject *r = MpObject_Repr(st_items(o)[i]);
        MpObject *piece = r ? MpStr_FromFormat("%s%s=%U", i ? ", " : "",
                                               st_names[i], r)
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
struct_time_field(MpObject *o, void *closure)
{
    return Mp_NewRef(st_items(o)[(intptr_t)closure]);
}

static MpGetSetDef struct_time_getset[ST_FIELDS + 1];

MpTypeObject MpStructTime_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "time.struct_time",
    .tp_dealloc = struct_time_dealloc,
    .tp_repr = struct_time_repr,
    .tp_new = struct_time_new,
    .tp_getset = struct_time_getset,
    .tp_doc = "The time value as returned by gmtime(), localtime(), and "
              "strptime()",
};

/* A struct_time from a struct tm.  Refs: NEW. */
static MpObject *
struct_time_from_tm(const struct tm *tm)
{
    MpObject *v[ST_FIELDS] = {
        MpLong_FromInt64((int64_t)tm->tm_year + 1900),
        MpLong_FromInt64(tm->tm_mon + 1),
        MpLong_FromInt64(tm->tm_mday),
        MpLong_FromInt64(tm->tm_hour),
        MpLong_FromInt64(tm->tm_min),
        MpLong_FromInt64(tm->tm_sec),
        MpLong_FromInt64((tm->tm_wday + 6) % 7),  // Monday is 0
        MpLong_FromInt64(tm->tm_yday + 1),
        MpLong_FromInt64(tm->tm_isdst),
        MpStr_FromString(tm->tm_zone ? tm->tm_zone : ""),
        MpLong_FromInt64(tm->tm_gmtoff),
    };
    for (int i = 0; i < ST_FIELDS; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < ST_FIELDS; j++) {
                Mp_XDECREF(v[j]);
            }
            return NULL;
        }
    }
    return struct_time_new_from(&MpStructTime_Type, v);
}

/* A struct tm from a 9-tuple or a struct_time (CPython's gettmarg):
   Python's fields are shifted to C's (month 1-12 to 0-11, Monday-based
   weekday to Sunday-based, yday 1-366 to 0-365).  Returns 0 or -1. */
static int
tm_from_tuple(MpObject *t, const char *fname, struct tm *tm)
{
    memset(tm, 0, sizeof *tm);
    if (!MpTuple_Check(t)) {
        MpErr_SetString(MpExc_TypeError,
                        "Tuple or struct_time argument required");
        return -1;
    }
    if (MpTuple_GET_SIZE(t) != ST_VISIBLE) {
        MpErr_Format(MpExc_TypeError, "%s(): illegal time tuple argument",
                     fname);
        return -1;
    }
    int f[ST_VISIBLE];
    for (int i = 0; i < ST_VISIBLE; i++) {
        Mp_ssize_t x = MpNumber_AsSsize_t(MpTuple_GET_ITEM(t, i),
                                          MpExc_OverflowError);
        if (x == -1 && MpErr_Occurred()) {
            return -1;
        }
        if (x > INT32_MAX || x < INT32_MIN) {
            MpErr_SetString(MpExc_OverflowError,
                            "Python int too large to convert to C int");
            return -1;
        }
        f[i] = (int)x;
    }
    tm->tm_year = f[0] - 1900;
    tm->tm_mon = f[1] - 1;
    tm->tm_mday = f[2];
    tm->tm_hour = f[3];
    tm->tm_min = f[4];
    tm->tm_sec = f[5];
    tm->tm_wday = (f[6] + 1) % 7;
    tm->tm_yday = f[7] - 1;
    tm->tm_isdst = f[8];
    if (Mp_TYPE(t) == &MpStructTime_Type) {
        MpObject *zone = st_items(t)[9], *off = st_items(t)[10];
        if (MpStr_Check(zone)) {
            tm->tm_zone = MpStr_AsUTF8(zone);  // lives as long as t
        }
        if (MpLong_Check(off)) {
            tm->tm_gmtoff = MpLong_AsInt64(off);
            if (tm->tm_gmtoff == -1 && MpErr_Occurred()) {
                MpErr_Clear();
                tm->tm_gmtoff = 0;
            }
        }
    }
    return 0;
}

/* The range checks of asctime and strftime (CPython's checktm). */
static int
check_tm(const struct tm *tm)
{
    const char *msg = NULL;
    if (tm->tm_mon < 0 || tm->tm_mon > 11) {
        msg = "month out of range";
    }
    else if (tm->tm_mday < 1 || tm->tm_mday > 31) {
        msg = "day of month out of range";
    }
    else if (tm->tm_hour < 0 || tm->tm_hour > 23) {
        msg = "hour out of range";
    }
    else if (tm->tm_min < 0 || tm->tm_min > 59) {
        msg = "minute out of range";
    }
    else if (tm->tm_sec < 0 || tm->tm_sec > 61) {
        msg = "seconds out of range";
    }
    else if (tm->tm_wday < 0) {
        msg = "day of week out of range";  // (wday + 1) % 7 < 0
    }
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) {
        msg = "day of year out of range";
    }
    if (msg != NULL) {
        MpErr_SetString(MpExc_ValueError, msg);
        return -1;
    }
    return 0;
}

/* The argument-count check of PyArg_ParseTuple, with its wording:
   "gmtime() takes at most 1 argument (2 given)".  Returns 0 or -1. */
static int
check_count(const char *name, Mp_ssize_t nargs, Mp_ssize_t min,
            Mp_ssize_t max)
{
    if (nargs >= min && nargs <= max) {
        return 0;
    }
    int few = nargs < min;
    Mp_ssize_t bound = few ? min : max;
    MpErr_Format(MpExc_TypeError, "%s() takes %s %zd argument%s (%zd given)",
                 name, min == max ? "exactly" : few ? "at least" : "at most",
                 bound, bound == 1 ? "" : "s", nargs);
    return -1;
}

/* secs (None or absent: now) as a time_t, rounded towards -inf. */
static int
to_time_t(MpObject *secs, time_t *out)
{
    if (secs == NULL || secs == Mp_None) {
        *out = time(NULL);
        return 0;
    }
    double d;
    if (secs_as_double(secs, &d) < 0) {
        return -1;
    }
    d = floor(d);  // a no-op for ints
    if (!(d >= -9.2e18 && d <= 9.2e18)) {
        MpErr_SetString(MpExc_OverflowError,
                        "timestamp out of range for platform time_t");
        return -1;
    }
    *out = (time_t)d;
    return 0;
}

static MpObject *
convert_time(MpObject *const *args, Mp_ssize_t nargs, const char *name,
             struct tm *(*conv)(const time_t *, struct tm *))
{
    if (check_count(name, nargs, 0, 1) < 0) {
        return NULL;
    }
    time_t t;
    if (to_time_t(nargs ? args[0] : NULL, &t) < 0) {
        return NULL;
    }
    struct tm tm;
    errno = 0;
    if (conv(&t, &tm) == NULL) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return struct_time_from_tm(&tm);
}

/* gmtime([secs]) */
static MpObject *
time_gmtime(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return convert_time(args, nargs, "gmtime", gmtime_r);
}

/* localtime([secs]) */
static MpObject *
time_localtime(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return convert_time(args, nargs, "localtime", localtime_r);
}

/* mktime(t): local time to seconds since the epoch. */
static MpObject *
time_mktime(MpObject *self, MpObject *t)
{
    struct tm tm;
    if (tm_from_tuple(t, "mktime", &tm) < 0) {
        return NULL;
    }
    tm.tm_wday = -1;  // mktime sets it on success, even for -1 results
    time_t r = mktime(&tm);
    if (r == (time_t)-1 && tm.tm_wday == -1) {
        MpErr_SetString(MpExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return MpFloat_FromDouble((double)r);
}

static MpObject *
format_asctime(const struct tm *tm)
{
    static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed",
                                    "Thu", "Fri", "Sat"};
    static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr",
                                       "May", "Jun", "Jul", "Aug",
                                       "Sep", "Oct", "Nov", "Dec"};
    return MpStr_FromFormat("%s %s%3d %02d:%02d:%02d %d",
                            days[tm->tm_wday % 7], months[tm->tm_mon],
                            tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
                            1900 + tm->tm_year);
}

/* asctime([t]): "Sun Jun 20 23:21:05 1993". */
static MpObject *
time_asctime(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (check_count("asctime", nargs, 0, 1) < 0) {
        return NULL;
    }
    struct tm tm;
    if (nargs == 0) {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    }
    else if (tm_from_tuple(args[0], "asctime", &tm) < 0 ||
             check_tm(&tm) < 0) {
        return NULL;
    }
    return format_asctime(&tm);
}

/* ctime([secs]): asctime(localtime(secs)). */
static MpObject *
time_ctime(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (check_count("ctime", nargs, 0, 1) < 0) {
        return NULL;
    }
    time_t t;
    struct tm tm;
    if (to_time_t(nargs ? args[0] : NULL, &t) < 0) {
        return NULL;
    }
    if (localtime_r(&t, &tm) == NULL) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return format_asctime(&tm);
}

/* strftime(format[, t]) */
static MpObject *
time_strftime(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (check_count("strftime", nargs, 1, 2) < 0) {
        return NULL;
    }
    if (!MpStr_Check(args[0])) {
        return MpErr_Format(MpExc_TypeError,
                            "strftime() argument 1 must be str, not %s",
                            MpType_Name(Mp_TYPE(args[0])));
    }
    struct tm tm;
    if (nargs == 1) {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    }
    else {
        if (tm_from_tuple(args[1], "strftime", &tm) < 0) {
            return NULL;
        }
        /* 0 stands for 1 in month, day and yday (CPython accepts it) */
        if (tm.tm_mon == -1) {
            tm.tm_mon = 0;
        }
        if (tm.tm_mday == 0) {
            tm.tm_mday = 1;
        }
        if (tm.tm_yday == -1) {
            tm.tm_yday = 0;
        }
        if (check_tm(&tm) < 0) {
            return NULL;
        }
    }
    Mp_ssize_t flen;
    const char *fmt = MpStr_AsUTF8AndSize(args[0], &flen);
    if (fmt == NULL) {
        return NULL;
    }
    if ((Mp_ssize_t)strlen(fmt) != flen) {
        MpErr_SetString(MpExc_ValueError, "embedded null character");
        return NULL;
    }
    /* strftime returns 0 both for "too small" and for an empty result:
       grow until the buffer is clearly large enough */
    for (size_t cap = 256;; cap *= 2) {
        char *buf = malloc(cap);
        if (buf == NULL) {
            return MpErr_NoMemory();
        }
        size_t n = strftime(buf, cap, fmt, &tm);
        if (n > 0 || cap > 256 * (size_t)(flen + 1)) {
            MpObject *r = MpStr_FromUTF8(buf, (Mp_ssize_t)n);
            free(buf);
            return r;
        }
        free(buf);
    }
}

/* timezone, altzone, daylight, tzname from the C library's tzset. */
static int
add_timezone(MpObject *m)
{
    tzset();
    /* the offsets of January and July decide standard and summer time,
       as CPython's init_timezone does */
    time_t t = (time(NULL) / (365 * 24 * 3600)) * (365 * 24 * 3600);
    struct tm jan, jul;
    localtime_r(&t, &jan);
    t += (365 * 24 * 3600) / 2;
    localtime_r(&t, &jul);
    long janoff = -jan.tm_gmtoff, juloff = -jul.tm_gmtoff;
    const char *janname = jan.tm_zone ? jan.tm_zone : "";
    const char *julname = jul.tm_zone ? jul.tm_zone : "";
    int south = janoff < juloff;  // DST in January
    long tz = south ? juloff : janoff, alt = south ? janoff : juloff;
    MpObject *a = MpStr_FromString(south ? julname : janname);
    MpObject *b = MpStr_FromString(south ? janname : julname);
    MpObject *tzname = a && b ? MpTuple_Pack(2, a, b) : NULL;
    Mp_XDECREF(a);
    Mp_XDECREF(b);
    return MpModule_AddObject(m, "timezone", MpLong_FromInt64(tz)) < 0 ||
                   MpModule_AddObject(m, "altzone", MpLong_FromInt64(alt)) <
                       0 ||
                   MpModule_AddObject(m, "daylight",
                                      MpLong_FromInt64(janoff != juloff)) <
                       0 ||
                   MpModule_AddObject(m, "tzname", tzname) < 0
               ? -1
               : 0;
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
    {"gmtime", (void *)time_gmtime, MP_METH_FASTCALL, NULL},
    {"localtime", (void *)time_localtime, MP_METH_FASTCALL, NULL},
    {"mktime", (void *)time_mktime, MP_METH_O, NULL},
    {"asctime", (void *)time_asctime, MP_METH_FASTCALL, NULL},
    {"ctime", (void *)time_ctime, MP_METH_FASTCALL, NULL},
    {"strftime", (void *)time_strftime, MP_METH_FASTCALL, NULL},
    {NULL},
};

/* The time module.  Refs: NEW; NULL on error. */
MpObject *
MpTimeModule_Create(void)
{
    if (struct_time_getset[0].name == NULL) {
        for (int i = 0; i < ST_FIELDS; i++) {
            struct_time_getset[i] = (MpGetSetDef){
                st_names[i], struct_time_field, NULL, NULL,
                (void *)(intptr_t)i};
        }
    }
    MpStructTime_Type.tp_base = &MpTuple_Type;
    if (MpType_Ready(&MpStructTime_Type) < 0) {
        return NULL;
    }
    static const struct {
        const char *name;
        int value;
    } counts[] = {{"n_sequence_fields", ST_VISIBLE},
                  {"n_fields", ST_FIELDS},
                  {"n_unnamed_fields", 0}};
    for (int i = 0; i < 3; i++) {
        MpObject *v = MpLong_FromInt64(counts[i].value);
        int rc = v ? MpDict_SetItemString(MpStructTime_Type.tp_dict,
                                          counts[i].name, v)
                   : -1;
        Mp_XDECREF(v);
        if (rc < 0) {
            return NULL;
        }
    }
    MpType_Modified(&MpStructTime_Type);
    MpObject *m = MpModule_New("time");
    if (m == NULL || MpModule_AddFunctions(m, time_methods) < 0 ||
        MpModule_AddObject(m, "struct_time",
                           Mp_NewRef(&MpStructTime_Type)) < 0 ||
        add_timezone(m) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
