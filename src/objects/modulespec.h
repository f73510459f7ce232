/* modulespec.h — what the import system knows about a module: its spec
   (importlib.machinery.ModuleSpec), the loader objects a spec names, and
   the __path__ of a namespace package.

   CPython counterpart: Lib/importlib/_bootstrap.py (ModuleSpec,
   BuiltinImporter), Lib/importlib/_bootstrap_external.py
   (SourceFileLoader, NamespaceLoader, _NamespacePath). */
#ifndef MP_MODULESPEC_H
#define MP_MODULESPEC_H

#include "object.h"

extern MpTypeObject MpModuleSpec_Type;       // ModuleSpec
extern MpTypeObject MpSourceFileLoader_Type; // loader of a .py file
extern MpTypeObject MpNamespaceLoader_Type;  // loader of a namespace pkg
extern MpTypeObject MpBuiltinImporter_Type;  // the loader of C modules
extern MpTypeObject MpNamespacePath_Type;    // a namespace's __path__

/* A spec: name, loader, origin (None or a str), submodule_search_locations
   (None for a plain module, a list-like for a package); has_location says
   whether origin is a file (then __file__ is set from it).
   Refs: NEW; the arguments BORROWED.  NULL with an exception. */
MpObject *MpModuleSpec_New(MpObject *name, MpObject *loader,
                           MpObject *origin, MpObject *locations,
                           int has_location);

/* spec._initializing is true (the module's body is running).  Never
   raises: any error reads as 0.  Refs: spec BORROWED (may be NULL). */
int MpModuleSpec_IsInitializing(MpObject *spec);

/* A loader instance of type t with attributes name and path
   (SourceFileLoader), or, when name is NULL, with _path
   (NamespaceLoader).  Refs: NEW; path BORROWED; NULL with an
   exception. */
MpObject *MpLoader_New(MpTypeObject *t, MpObject *name, MpObject *path);

/* A _NamespacePath holding the items of list.  Refs: NEW. */
MpObject *MpNamespacePath_New(MpObject *list);

#endif
