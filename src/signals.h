/* signals.h — POSIX signals delivered to Python code between bytecodes.

   A C signal handler may do almost nothing safely, so the one minipy
   installs (trip_signal) only marks the signal as tripped and raises the
   global flag mp_signal_pending.  The VM looks at that flag on every
   backward jump (so a running loop notices within one iteration), and
   blocking calls that a signal interrupts with EINTR (time.sleep,
   os.waitpid, os.read, select.select, semaphores) look at it before
   retrying; either way MpSignals_Handle then runs the Python-level
   handler of every tripped signal, in the interpreter's own thread, where
   it may raise.  SIGINT's handler is signal.default_int_handler until a
   program replaces it, and raises KeyboardInterrupt.

   CPython counterpart: Modules/signalmodule.c (trip_signal,
   PyErr_CheckSignals, _PyOS_InterruptOccurred). */
#ifndef MP_SIGNALS_H
#define MP_SIGNALS_H

#include <signal.h>

#include "object.h"

/* Set by the handler when any signal trips, cleared by MpSignals_Handle. */
extern volatile sig_atomic_t mp_signal_pending;

/* Installs the SIGINT handler.  Returns 0 or -1. */
int MpSignals_Init(void);

/* Runs the Python handlers of the tripped signals (KeyboardInterrupt for
   SIGINT while no handler object is set).  Returns -1 with the exception
   a handler raised (the signals not yet handled stay tripped), 0
   otherwise. */
int MpSignals_Handle(void);

/* The handler object of signal signo: SIG_DFL (0), SIG_IGN (1), a
   callable, or None when the disposition was set outside Python.  Refs:
   NEW; NULL with ValueError for a bad number. */
MpObject *MpSignals_GetHandler(int signo);

/* Installs handler for signo: the int SIG_DFL or SIG_IGN, or a callable
   that MpSignals_Handle calls with (signum, frame).  Returns 0, or -1
   with an exception (bad number, uncatchable signal).  Refs: handler
   BORROWED (the table takes its own). */
int MpSignals_SetHandler(int signo, MpObject *handler);

/* In a child after fork(): forgets the signals the parent had tripped
   but not yet handled. */
void MpSignals_AfterFork(void);

/* Drops the handler objects at shutdown (the leak check counts them). */
void MpSignals_Fini(void);

/* After an uncaught KeyboardInterrupt, the process ends by SIGINT (exit
   status 130 for the shell), as CPython's does. */
void MpSignals_ExitBySigint(void);

#endif
