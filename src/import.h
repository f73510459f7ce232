/* import.h — the import statement's machinery (builtins.__import__).

   CPython counterpart: Python/import.c, Lib/importlib/_bootstrap.py. */
#ifndef MP_IMPORT_H
#define MP_IMPORT_H

#include "object.h"

/* __import__(name, globals, locals, fromlist, level): finds, loads and
   returns a module as the import statement needs it: the top-level package
   for `import a.b` (empty fromlist), the module itself otherwise.
   Refs: NEW; the arguments BORROWED (globals, fromlist may be NULL). */
MpObject *MpImport_ImportModuleLevel(MpObject *name, MpObject *globals,
                                     MpObject *fromlist, int level);

/* Adds __import__ to the builtins module.  Returns 0 or -1. */
int MpImport_Init(MpObject *builtins_module);

/* Compiles the file at path (UTF-8 source in any encoding its cookie
   names) into a code object whose co_filename is path.  A syntax error is
   raised as a SyntaxError exception.  Refs: NEW. */
MpObject *MpImport_CompileFile(const char *path);

#endif
