/* tuple.h — tuple: a fixed array of references.
   The empty tuple is a singleton.  A tuple that holds only untracked
   objects is untracked by the collector when it next examines it, as
   CPython does.  CPython counterpart: Objects/tupleobject.c. */
#ifndef MP_TUPLE_H
#define MP_TUPLE_H

#include "object.h"

typedef struct {
    MpObject_VAR_HEAD
    Mp_hash_t hash_cache_unused;  // keeps items 16-byte aligned
    MpObject *items[];
} MpTupleObject;

extern MpTypeObject MpTuple_Type;

static inline int
MpTuple_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_TUPLE_SUBCLASS);
}

/* A tuple of n NULL slots to be filled with MpTuple_SET_ITEM before it is
   used.  Refs: NEW. */
MpObject *MpTuple_New(Mp_ssize_t n);
/* A tuple of the n given objects.  Refs: NEW; items BORROWED. */
MpObject *MpTuple_FromArray(MpObject *const *items, Mp_ssize_t n);
/* tuple(iterable).  Refs: NEW. */
MpObject *MpTuple_FromIterable(MpObject *iterable);

static inline MpObject *
MpTuple_GET_ITEM(const MpObject *t, Mp_ssize_t i)
{
    return ((const MpTupleObject *)t)->items[i];  // BORROWED
}

/* Only for a tuple just made by MpTuple_New.  Refs: STEALS v. */
static inline void
MpTuple_SET_ITEM(MpObject *t, Mp_ssize_t i, MpObject *v)
{
    ((MpTupleObject *)t)->items[i] = v;
}

static inline Mp_ssize_t
MpTuple_GET_SIZE(const MpObject *t)
{
    return Mp_SIZE(t);
}

#endif
