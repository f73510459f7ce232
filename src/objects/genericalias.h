/* genericalias.h — types.GenericAlias, what `list[int]` evaluates to
   (PEP 585), and the helpers it shares with types.UnionType (union.c):
   the repr of a type argument, collecting type variables, substituting
   them.

   CPython counterpart: Objects/genericaliasobject.c. */
#ifndef MP_GENERICALIAS_H
#define MP_GENERICALIAS_H

#include "object.h"
#include "strbuf.h"

extern MpTypeObject MpGenericAlias_Type;

static inline int
MpGenericAlias_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpGenericAlias_Type;
}

/* origin[args]: args a tuple (taken as is) or a single argument (wrapped
   in a 1-tuple).  Refs: NEW; origin, args BORROWED.  NULL on MemoryError. */
MpObject *MpGenericAlias_New(MpObject *origin, MpObject *args);

/* The __class_getitem__ of list, dict, tuple, set, frozenset, deque ...:
   a METH_O | METH_CLASS function returning cls[args] as a GenericAlias.
   Refs: NEW; NULL on MemoryError. */
MpObject *MpGenericAlias_ClassGetItem(MpObject *cls, MpObject *args);

/* Appends how a generic alias or a union shows one of its arguments:
   `...` for Ellipsis, repr() for anything with __origin__ and __args__,
   `qualname` for a builtins class, `module.qualname` for another object
   with both, repr() otherwise.  Returns 0, or -1 with an exception set. */
int MpGenericAlias_AppendItem(MpStrBuf *b, MpObject *p);

/* __parameters__ of an alias with these args: in order and without
   repeats, every argument with __typing_subst__ (a TypeVar) and the
   __parameters__ of the other non-class arguments.
   Refs: NEW tuple; args BORROWED.  NULL with an exception. */
MpObject *MpGenericAlias_MakeParameters(MpObject *args);

/* self[item] for an alias whose args hold the type variables params:
   the new argument tuple, each parameter replaced by its item (through
   the parameter's __typing_subst__), nested aliases substituted in turn.
   TypeError "... is not a generic class" without parameters, "Too many
   (few) arguments for ..." on a count mismatch.
   Refs: NEW tuple; all arguments BORROWED.  NULL with an exception. */
MpObject *MpGenericAlias_SubsParameters(MpObject *self, MpObject *args,
                                        MpObject *params, MpObject *item);

#endif
