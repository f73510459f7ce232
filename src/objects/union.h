/* union.h — types.UnionType, what `int | str` evaluates to (PEP 604).

   CPython counterpart: Objects/unionobject.c. */
#ifndef MP_UNION_H
#define MP_UNION_H

#include "object.h"

extern MpTypeObject MpUnion_Type;

static inline int
MpUnion_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpUnion_Type;
}

/* The nb_or of type, GenericAlias and UnionType: a | b as a union when
   both are None, a class, a GenericAlias or a union; NotImplemented
   otherwise (so that `int | "str"` is the usual "unsupported operand"
   TypeError).  Arguments are flattened and repeats dropped; a single
   remaining argument is returned itself (`int | int` is int).
   Refs: NEW; a, b BORROWED.  NULL on MemoryError. */
MpObject *MpUnion_TypeOr(MpObject *a, MpObject *b);

/* The union's member types, a tuple (None shows as type(None)).
   Refs: BORROWED. */
MpObject *MpUnion_Args(MpObject *u);

#endif
