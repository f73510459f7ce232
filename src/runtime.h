/* runtime.h — starting the interpreter, running source, shutting down.

   CPython counterpart: Python/pylifecycle.c, Python/pythonrun.c. */
#ifndef MP_RUNTIME_H
#define MP_RUNTIME_H

#include <stddef.h>

/* Sets up every built-in type, the builtins, sys and __main__ modules.
   argv are sys.argv; path0 is sys.path[0].  Returns 0, or -1 after
   printing why. */
int MpRuntime_Init(int argc, char **argv, const char *path0);

/* Parses, compiles and runs src as the __main__ module.  An uncaught
   exception is printed with its traceback.  Returns the process exit
   status: 0, 1 for an uncaught exception or a syntax error, or
   SystemExit's code. */
int MpRuntime_RunSource(const char *src, size_t len, const char *filename);

/* Runs the module `modname` (a package: its __main__ submodule) as
   __main__, as `python -m` does.  Returns the exit status as
   MpRuntime_RunSource; a module that cannot be found is reported as
   "<sys.executable>: No module named ..." with status 1. */
int MpRuntime_RunModule(const char *modname);
/* Handles the exception set by a program or a REPL statement that
   failed.  SystemExit, unless -i's inspect mode is on, asks to leave:
   *status is its code (printed to stderr when it is not an int) and 1 is
   returned.  Any other exception (or SystemExit under -i) is printed with
   its traceback to stderr, *status is 1, and 0 is returned.  The
   exception is cleared either way; sys.stdout is flushed first. */
int MpRuntime_HandleException(int *status);

/* -i: an exception that ends the program (SystemExit included) is
   printed, not acted on, because the REPL follows. */
void MpRuntime_SetInspect(int on);

/* Runs the REPL (repl.h) in __main__'s globals, after banner unless it is
   NULL.  Returns the exit status (0 at end of input, or SystemExit's). */
int MpRuntime_RunInteractive(const char *banner);

/* Tears the interpreter down (shutdown order: __main__'s globals, then
   the other modules) and, in the debug build with -X showrefcount, prints
   "[N refs, M blocks]".  Returns 0, or -1 when sys.stdout or sys.stderr
   could not be flushed (the caller exits with status 120, as CPython). */
int MpRuntime_Fini(int show_refcount);

/* Whether MpRuntime_Fini has begun tearing down (sys.is_finalizing()):
   true from just after the atexit callbacks and the flush of the standard
   streams, as CPython 3.11. */
int MpRuntime_IsFinalizing(void);

#endif
