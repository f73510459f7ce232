/* evalbuiltins.h — exec, eval, compile, dir, vars, locals, input, and the
   __dir__ methods that dir() calls.

   CPython counterpart: Python/bltinmodule.c. */
#ifndef MP_EVALBUILTINS_H
#define MP_EVALBUILTINS_H

#include "object.h"

/* The builtins defined in evalbuiltins.c, added to the builtins module by
   MpBuiltins_Create. */
extern MpMethodDef MpBuiltins_EvalMethods[];

/* object.__dir__ and type.__dir__ (METH_NOARGS; module.__dir__ is in
   objects/module.c): a list of
   names, unsorted (dir() sorts).  Refs: NEW; NULL with an exception. */
MpObject *MpObject_Dir(MpObject *self, MpObject *unused);
MpObject *MpType_Dir(MpObject *self, MpObject *unused);

#endif
