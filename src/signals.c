/* signals.c — Ctrl-C as KeyboardInterrupt (see signals.h).

   Read first: MpSignals_Handle */
#include "signals.h"

#include <string.h>
#include <unistd.h>

#include "errors.h"

volatile sig_atomic_t mp_signal_pending;

static void
on_sigint(int signo)
{
    (void)signo;
    mp_signal_pending = 1;
}

int
MpSignals_Init(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    return sigaction(SIGINT, &sa, NULL);
}

int
MpSignals_Handle(void)
{
    if (!mp_signal_pending) {
        return 0;
    }
    mp_signal_pending = 0;
    MpErr_SetNone(MpExc_KeyboardInterrupt);
    return -1;
}

void
MpSignals_ExitBySigint(void)
{
    signal(SIGINT, SIG_DFL);
    kill(getpid(), SIGINT);
}
