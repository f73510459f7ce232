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

/* Imports the module with the absolute dotted name (its packages
   first) and returns it, not its top-level package.  Refs: NEW. */
MpObject *MpImport_ImportModule(MpObject *name);

/* The spec of module `name` (absolute), found among the built-in modules
   and in the directories of path (a list; NULL or None: sys.path),
   without loading it.  The parent package, if any, is not imported
   here.  Refs: NEW; NULL without an exception when not found, NULL with
   one on error. */
MpObject *MpImport_FindSpec(MpObject *name, MpObject *path);

/* (Re)initialises module's import attributes from spec (__spec__,
   __loader__, __package__, __path__, __file__) and runs its code in the
   module's dict (importlib.reload, -m).  Returns 0 or -1.
   Refs: both BORROWED. */
int MpImport_ExecSpec(MpObject *module, MpObject *spec);

/* The absolute name of a relative import of name, `level` dots up from
   package (which may be NULL): CPython's messages for no package and for
   going beyond the top-level package.  Refs: NEW. */
MpObject *MpImport_ResolveName(MpObject *name, MpObject *package,
                               int level);

/* Raises exc_type(msg) with its name and path attributes set (each may
   be NULL for None).  Returns NULL.  Refs: all BORROWED. */
MpObject *MpImport_SetImportError(MpObject *exc_type, MpObject *msg,
                                  MpObject *name, MpObject *path);

/* Gives a built-in module created outside the importer (sys, builtins)
   its spec, loader and __package__.  Returns 0 or -1. */
int MpImport_SetBuiltinSpec(MpObject *module);

/* -X importtime: report each import's time on stderr. */
void MpImport_SetImportTime(int on);

/* Adds __import__ to the builtins module.  Returns 0 or -1. */
int MpImport_Init(MpObject *builtins_module);

/* Compiles the file at path (UTF-8 source in any encoding its cookie
   names) into a code object whose co_filename is path.  A syntax error is
   raised as a SyntaxError exception.  Refs: NEW. */
MpObject *MpImport_CompileFile(const char *path);

/* sys.builtin_module_names: the sorted names of the modules compiled into
   minipy (builtins, sys and the C modules import finds by name).
   Refs: NEW (a tuple); NULL with an exception. */
MpObject *MpImport_BuiltinModuleNames(void);

#endif
