/* builtins.h — the builtins module, and the sys facts it needs.

   CPython counterpart: Python/bltinmodule.c. */
#ifndef MP_BUILTINS_H
#define MP_BUILTINS_H

#include "object.h"

/* The builtins module with its functions, the given types under their
   names, the exceptions, None/True/False/....  Refs: NEW. */
MpObject *MpBuiltins_Create(MpTypeObject *const *types, int ntypes);

/* sys.<name>, or NULL (no exception) when sys or the name is missing.
   Refs: BORROWED.  (modules/sys.c) */
MpObject *MpSys_GetObject(const char *name);

/* file.write(s) for a str s, or for the C string fallback when s is NULL.
   The standard streams take a fast path.  Returns 0 or -1.
   Refs: s BORROWED.  (modules/sys.c) */
int MpFile_WriteObject(MpObject *file, MpObject *s, const char *fallback);

/* The sys module: argv from the command line, path[0] the script's
   directory.  Refs: NEW.  (modules/sys.c) */
MpObject *MpSys_Create(int argc, char **argv, const char *path0);
/* At shutdown, before sys is released: MpSys_GetObject answers NULL. */
void MpSys_Forget(void);

/* Before the runtime starts: the whole command line (sys.orig_argv) and
   the arguments of its -X and -W options (sys._xoptions, sys.warnoptions).
   The arrays must outlive the interpreter.  (modules/sys_startup.c) */
void MpSys_SetCommandLine(int argc, char **argv, const char *const *xoptions,
                          int nx, const char *const *warnoptions, int nw);
/* Adds orig_argv, _xoptions, warnoptions, builtin_module_names and the
   other start-up facts to the sys module m.  Returns 0, or -1 with an
   exception.  Refs: m BORROWED.  (modules/sys_startup.c) */
int MpSysStartup_AddTo(MpObject *m);

#endif
