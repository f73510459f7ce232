/* runmodule.h — `-m module`: which file runs as __main__ (runpy's
   _get_module_details), and importlib.util.find_spec.

   CPython counterpart: Lib/runpy.py, Lib/importlib/util.py. */
#ifndef MP_RUNMODULE_H
#define MP_RUNMODULE_H

#include "object.h"

/* importlib.util.find_spec(name) for an absolute name: the __spec__ of a
   module already in sys.modules (ValueError when it is None), else the
   spec found on the parent's __path__ (the parent is imported) or on
   sys.path.  Refs: NEW; NULL without an exception when there is no such
   module, with one on error. */
MpObject *MpImport_UtilFindSpec(MpObject *name);

/* The spec of the source file `-m name` runs (NAME/__main__.py for a
   package).  On failure returns NULL and either sets *msg (NEW) to
   runpy's message (the caller prints it after sys.executable and exits
   with status 1) or leaves *msg NULL with an exception set.
   Refs: NEW. */
MpObject *MpRunModule_FindSpec(MpObject *name, MpObject **msg);

#endif
