/* repl.h — the interactive loop (`minipy`, `minipy -i script.py`).

   CPython counterpart: Python/pythonrun.c (PyRun_InteractiveLoopFlags). */
#ifndef MP_REPL_H
#define MP_REPL_H

#include "object.h"

/* Reads statements from stdin and runs them in globals until end of input
   or SystemExit, showing banner (two lines, to stderr) first unless it is
   NULL.  Lines come from libedit at a terminal, else plain reads with the
   prompts on stderr (lineinput.h).  Returns the exit status: 0 at end of
   input, SystemExit's otherwise.  Refs: globals BORROWED. */
int MpRepl_Run(MpObject *globals, const char *banner);

#endif
