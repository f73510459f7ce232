/* signals.c — POSIX signals delivered to Python code (see signals.h).

   State: one tripped flag per signal number, the global pending flag
   (any tripped), and a table of handler objects indexed by signal
   number.  A slot is NULL while Python never set a handler for that
   signal; then SIGINT still raises KeyboardInterrupt, as it does before
   the signal module is imported.

       C handler (async)              interpreter (between bytecodes)
       trip_signal(signo):            MpSignals_Handle():
         tripped[signo] = 1    --->     pending = 0
         pending = 1                    for each tripped signo:
                                           tripped[signo] = 0
                                           handlers[signo](signo, frame)

   The flags are cleared before the handler runs, so a signal arriving
   while it runs is seen again at the next check.  A handler that raises
   stops the loop; pending is raised again so the remaining tripped
   signals run at the next check, as CPython does.

   Read first: MpSignals_Handle */
#include "signals.h"

#include <string.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "objects/int.h"
#include "traceback.h"
#include "vm.h"

volatile sig_atomic_t mp_signal_pending;

/* NSIG (65 on Linux) counts signal numbers from 1; slot 0 is unused. */
static volatile sig_atomic_t tripped[NSIG];
static MpObject *handlers[NSIG];

static void
trip_signal(int signo)
{
    tripped[signo] = 1;
    mp_signal_pending = 1;
}

/* Installs the C-level disposition for signo.  Returns 0 or -1 (errno). */
static int
set_disposition(int signo, void (*fn)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    /* no SA_RESTART: a blocking call returns EINTR and checks for
       handlers, as in CPython */
    return sigaction(signo, &sa, NULL);
}

int
MpSignals_Init(void)
{
    return set_disposition(SIGINT, trip_signal);
}

int
MpSignals_Handle(void)
{
    if (!mp_signal_pending) {
        return 0;
    }
    mp_signal_pending = 0;
    for (int signo = 1; signo < NSIG; signo++) {
        if (!tripped[signo]) {
            continue;
        }
        tripped[signo] = 0;
        MpObject *h = handlers[signo];
        if (h == NULL || MpLong_Check(h) || h == Mp_None) {
            /* no Python handler: only SIGINT can be tripped that way */
            if (signo == SIGINT) {
                MpErr_SetNone(MpExc_KeyboardInterrupt);
                mp_signal_pending = 1;  // look again for the others
                return -1;
            }
            continue;
        }
        MpObject *args[2] = {MpLong_FromInt64(signo), NULL};
        MpFrame *f = MpEval_CurrentFrame();
        MpObject *fo = f != NULL ? MpFrame_GetObject(f) : Mp_None;
        if (args[0] == NULL || fo == NULL) {
            Mp_XDECREF(args[0]);
            mp_signal_pending = 1;
            return -1;
        }
        args[1] = fo;
        Mp_INCREF(h);  // the handler may replace itself
        MpObject *r = MpObject_Vectorcall(h, args, 2, NULL);
        Mp_DECREF(h);
        Mp_DECREF(args[0]);
        if (r == NULL) {
            mp_signal_pending = 1;
            return -1;
        }
        Mp_DECREF(r);
    }
    return 0;
}

static int
check_signo(int signo)
{
    if (signo < 1 || signo >= NSIG) {
        MpErr_SetString(MpExc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

MpObject *
MpSignals_GetHandler(int signo)
{
    if (check_signo(signo) < 0) {
        return NULL;
    }
    if (handlers[signo] != NULL) {
        return Mp_NewRef(handlers[signo]);
    }
    struct sigaction old;
    if (sigaction(signo, NULL, &old) != 0) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    if (old.sa_handler == SIG_DFL) {
        return MpLong_FromInt64(0);
    }
    if (old.sa_handler == SIG_IGN) {
        return MpLong_FromInt64(1);
    }
    return Mp_NewRef(Mp_None);  // set by C code outside Python
}

int
MpSignals_SetHandler(int signo, MpObject *handler)
{
    if (check_signo(signo) < 0) {
        return -1;
    }
    void (*fn)(int) = trip_signal;
    if (MpLong_Check(handler)) {
        int64_t v = MpLong_AsInt64(handler);
        if (v != 0 && v != 1) {
            MpErr_SetString(MpExc_TypeError,
                            "signal handler must be signal.SIG_IGN, "
                            "signal.SIG_DFL, or a callable object");
            return -1;
        }
        fn = v == 0 ? SIG_DFL : SIG_IGN;
    }
    else if (!MpCallable_Check(handler)) {
        MpErr_SetString(MpExc_TypeError,
                        "signal handler must be signal.SIG_IGN, "
                        "signal.SIG_DFL, or a callable object");
        return -1;
    }
    if (set_disposition(signo, fn) != 0) {
        MpErr_SetFromErrno(MpExc_OSError);
        return -1;
    }
    Mp_INCREF(handler);
    Mp_SETREF(&handlers[signo], handler);
    return 0;
}

void
MpSignals_AfterFork(void)
{
    for (int signo = 1; signo < NSIG; signo++) {
        tripped[signo] = 0;
    }
    mp_signal_pending = 0;
}

void
MpSignals_Fini(void)
{
    for (int signo = 1; signo < NSIG; signo++) {
        Mp_CLEAR(&handlers[signo]);
    }
}

void
MpSignals_ExitBySigint(void)
{
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
}
