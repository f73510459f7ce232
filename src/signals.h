/* signals.h — Ctrl-C as KeyboardInterrupt.

   The SIGINT handler only sets a flag (nothing else is safe in a signal
   handler); the VM looks at the flag on every backward jump, so a running
   loop notices within one iteration, and raises KeyboardInterrupt there.

   CPython counterpart: Modules/signalmodule.c (trip_signal,
   PyErr_CheckSignals). */
#ifndef MP_SIGNALS_H
#define MP_SIGNALS_H

#include <signal.h>

/* Set by the handler, cleared when the exception is raised. */
extern volatile sig_atomic_t mp_signal_pending;

/* Installs the SIGINT handler.  Returns 0 or -1. */
int MpSignals_Init(void);

/* Raises KeyboardInterrupt for a pending Ctrl-C.  Returns -1 with the
   exception set when there was one, 0 otherwise. */
int MpSignals_Handle(void);

/* After an uncaught KeyboardInterrupt, the process ends by SIGINT (exit
   status 130 for the shell), as CPython's does. */
void MpSignals_ExitBySigint(void);

#endif
