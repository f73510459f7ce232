/* sitebuiltins.h — `exit` and `quit`, the objects CPython's site module
   adds to the builtins.

   CPython counterpart: Lib/_sitebuiltins.py. */
#ifndef MP_SITEBUILTINS_H
#define MP_SITEBUILTINS_H

#include "object.h"

extern MpTypeObject MpQuitter_Type;

/* Adds exit and quit to the builtins dict.  Returns 0, or -1 with an
   exception set.  Refs: builtins BORROWED. */
int MpSiteBuiltins_Install(MpObject *builtins);

#endif
