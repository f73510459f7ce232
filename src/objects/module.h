/* module.h — module objects: a namespace dict with a name.

   CPython counterpart: Include/moduleobject.h, Objects/moduleobject.c. */
#ifndef MP_MODULE_H
#define MP_MODULE_H

#include "object.h"

typedef struct {
    MpObject_HEAD
    MpObject *md_dict;    // the module's globals
    int md_initializing;  // its first load is running (import.c; its
                          // spec._initializing says the same)
    MpObject *md_weaklist;  // weak references to it (weakref.h)
} MpModuleObject;

extern MpTypeObject MpModule_Type;

static inline int
MpModule_Check(const MpObject *o)
{
    extern int MpType_IsSubtype(MpTypeObject *, MpTypeObject *);
    return MpType_IsSubtype(Mp_TYPE(o), &MpModule_Type);
}

/* A new module named name, its dict holding __name__, __doc__ (None),
   __package__ (None), __loader__ (None), __spec__ (None).  Refs: NEW. */
MpObject *MpModule_New(const char *name);

/* The module's dict.  Refs: BORROWED. */
static inline MpObject *
MpModule_GetDict(MpObject *m)
{
    return ((MpModuleObject *)m)->md_dict;
}

/* Adds the C functions of a table (ml_flags as for methods) to the module,
   each bound to the module (as `self`).  Returns 0 or -1. */
int MpModule_AddFunctions(MpObject *m, MpMethodDef *defs);

/* m.name = value.  Returns 0 or -1.  Refs: value STEALS (even on error). */
int MpModule_AddObject(MpObject *m, const char *name, MpObject *value);

#endif
