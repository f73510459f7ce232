/* signalmodule.c — the `_signal` module: Python-level signal handlers.

   signal(signum, handler) installs a callable (or SIG_DFL/SIG_IGN) in
   signals.c's table; the C handler only trips a flag and the VM calls the
   Python handler between bytecodes (signals.h explains when).  SIGINT
   starts with default_int_handler, which raises KeyboardInterrupt.
   lib/signal.py re-exports this module, as CPython's Lib/signal.py does
   with its own _signal, and adds the Signals/Handlers enums.

   CPython counterpart: Modules/signalmodule.c.
   Read first: signal_signal */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/set.h"
#include "objects/str.h"
#include "signals.h"

static int
signum_arg(MpObject *o, int *out)
{
    Mp_ssize_t v = MpNumber_AsSsize_t(o, MpExc_OverflowError);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < 1 || v >= NSIG) {
        MpErr_SetString(MpExc_ValueError, "signal number out of range");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* signal(signalnum, handler) -> the previous handler */
static MpObject *
signal_signal(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("signal", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int signo;
    if (signum_arg(args[0], &signo) < 0) {
        return NULL;
    }
    MpObject *old = MpSignals_GetHandler(signo);
    if (old == NULL) {
        return NULL;
    }
    if (MpSignals_SetHandler(signo, args[1]) < 0) {
        Mp_DECREF(old);
        return NULL;
    }
    return old;
}

static MpObject *
signal_getsignal(MpObject *self, MpObject *arg)
{
    int signo;
    if (signum_arg(arg, &signo) < 0) {
        return NULL;
    }
    return MpSignals_GetHandler(signo);
}

/* default_int_handler(signalnum, frame): raises KeyboardInterrupt. */
static MpObject *
signal_default_int_handler(MpObject *self, MpObject *const *args,
                           Mp_ssize_t nargs)
{
    MpErr_SetNone(MpExc_KeyboardInterrupt);
    return NULL;
}

static MpObject *
signal_strsignal(MpObject *self, MpObject *arg)
{
    int signo;
    if (signum_arg(arg, &signo) < 0) {
        return NULL;
    }
    const char *s = strsignal(signo);
    if (s == NULL || strncmp(s, "Unknown signal", 14) == 0 ||
        strncmp(s, "Real-time signal", 16) == 0) {
        return Mp_NewRef(Mp_None);
    }
    return MpStr_FromString(s);
}

/* alarm(seconds) -> the seconds left on the previous alarm */
static MpObject *
signal_alarm(MpObject *self, MpObject *arg)
{
    Mp_ssize_t secs = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (secs == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (secs < 0 || secs > UINT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        secs < 0 ? "Python int too large to convert to C "
                                   "unsigned long"
                                 : "signed integer is greater than maximum");
        return NULL;
    }
    return MpLong_FromInt64(alarm((unsigned)secs));
}

/* pause(): sleeps until a signal arrives, then runs its handler. */
static MpObject *
signal_pause(MpObject *self, MpObject *unused)
{
    pause();
    if (MpSignals_Handle() < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

/* raise_signal(signalnum): sends the signal to this process; its Python
   handler runs before the call returns. */
static MpObject *
signal_raise_signal(MpObject *self, MpObject *arg)
{
    int signo;
    if (signum_arg(arg, &signo) < 0) {
        return NULL;
    }
    if (raise(signo) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    if (MpSignals_Handle() < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
signal_valid_signals(MpObject *self, MpObject *unused)
{
    MpObject *s = MpSet_New(NULL);
    sigset_t all;
    sigfillset(&all);
    for (int signo = 1; s != NULL && signo < NSIG; signo++) {
        if (sigismember(&all, signo) != 1) {
            continue;
        }
        MpObject *n = MpLong_FromInt64(signo);
        if (n == NULL || MpSet_Add(s, n) < 0) {
            Mp_CLEAR(&s);
        }
        Mp_XDECREF(n);
    }
    return s;
}

static MpMethodDef signal_methods[] = {
    {"signal", (void *)signal_signal, MP_METH_FASTCALL, NULL},
    {"getsignal", (void *)signal_getsignal, MP_METH_O, NULL},
    {"default_int_handler", (void *)signal_default_int_handler,
     MP_METH_FASTCALL, NULL},
    {"strsignal", (void *)signal_strsignal, MP_METH_O, NULL},
    {"alarm", (void *)signal_alarm, MP_METH_O, NULL},
    {"pause", (void *)signal_pause, MP_METH_NOARGS, NULL},
    {"raise_signal", (void *)signal_raise_signal, MP_METH_O, NULL},
    {"valid_signals", (void *)signal_valid_signals, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* The _signal module; installs default_int_handler for SIGINT when no
   Python handler is set yet.  Refs: NEW; NULL with an exception. */
MpObject *
MpSignalModule_Create(void)
{
    const struct {
        const char *name;
        int value;
    } ints[] = {  // not static: SIGRTMIN is a libc call
        {"SIG_DFL", 0},          {"SIG_IGN", 1},          {"NSIG", NSIG},
        {"SIGHUP", SIGHUP},      {"SIGINT", SIGINT},      {"SIGQUIT", SIGQUIT},
        {"SIGILL", SIGILL},      {"SIGTRAP", SIGTRAP},    {"SIGABRT", SIGABRT},
        {"SIGIOT", SIGIOT},      {"SIGBUS", SIGBUS},      {"SIGFPE", SIGFPE},
        {"SIGKILL", SIGKILL},    {"SIGUSR1", SIGUSR1},    {"SIGSEGV", SIGSEGV},
        {"SIGUSR2", SIGUSR2},    {"SIGPIPE", SIGPIPE},    {"SIGALRM", SIGALRM},
        {"SIGTERM", SIGTERM},    {"SIGCHLD", SIGCHLD},    {"SIGCONT", SIGCONT},
        {"SIGSTOP", SIGSTOP},    {"SIGTSTP", SIGTSTP},    {"SIGTTIN", SIGTTIN},
        {"SIGTTOU", SIGTTOU},    {"SIGURG", SIGURG},      {"SIGXCPU", SIGXCPU},
        {"SIGXFSZ", SIGXFSZ},    {"SIGVTALRM", SIGVTALRM},
        {"SIGPROF", SIGPROF},    {"SIGWINCH", SIGWINCH},  {"SIGIO", SIGIO},
        {"SIGPOLL", SIGPOLL},    {"SIGPWR", SIGPWR},      {"SIGSYS", SIGSYS},
        {"SIGRTMIN", SIGRTMIN},  {"SIGRTMAX", SIGRTMAX},
        {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK},
        {"SIG_SETMASK", SIG_SETMASK},
    };
    MpObject *m = MpModule_New("_signal");
    if (m == NULL || MpModule_AddFunctions(m, signal_methods) < 0) {
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
    MpObject *cur = MpSignals_GetHandler(SIGINT);
    if (cur == NULL) {
        Mp_DECREF(m);
        return NULL;
    }
    if (cur == Mp_None) {  // minipy's own flag handler, no object yet
        MpObject *h = MpObject_GetAttrString(m, "default_int_handler");
        if (h == NULL || MpSignals_SetHandler(SIGINT, h) < 0) {
            Mp_XDECREF(h);
            Mp_DECREF(cur);
            Mp_DECREF(m);
            return NULL;
        }
        Mp_DECREF(h);
    }
    Mp_DECREF(cur);
    return m;
}
