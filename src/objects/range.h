/* range.h — range objects: an arithmetic progression, never materialised.

   CPython counterpart: Include/rangeobject.h, Objects/rangeobject.c. */
#ifndef MP_RANGE_H
#define MP_RANGE_H

#include "object.h"

typedef struct {
    MpObject_HEAD
    MpObject *start, *stop, *step;  // ints (any size)
    MpObject *length;               // int: len(range), computed once
} MpRangeObject;

extern MpTypeObject MpRange_Type, MpRangeIter_Type, MpLongRangeIter_Type;

static inline int
MpRange_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpRange_Type;
}

/* range(start, stop, step) from three ints (step not zero).
   Refs: NEW; arguments BORROWED. */
MpObject *MpRange_New(MpObject *start, MpObject *stop, MpObject *step);

#endif
