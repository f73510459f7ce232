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

/* A tuple of the n objects given as further arguments (MpTuple_Pack(2,
   k, v) for an item pair).  Refs: NEW; items BORROWED. */
MpObject *MpTuple_Pack(Mp_ssize_t n, ...);
/* t[lo:hi] with the bounds clamped to the tuple.  Refs: NEW. */
MpObject *MpTuple_GetSlice(MpObject *t, Mp_ssize_t lo, Mp_ssize_t hi);
/* Takes t off the collector's lists when no item can be part of a cycle
   (every item is untracked or atomic), as CPython's
   _PyTuple_MaybeUntrack; the collector calls it.  Refs: t BORROWED. */
void MpTuple_MaybeUntrack(MpObject *t);

extern MpTypeObject MpTupleIter_Type;

/* A subscript that is an int (or has __index__) as a C index, for every
   sequence's __getitem__: returns 1 with *out set; 0 when key is not
   integer-like (no exception: try a slice next); -1 with IndexError
   ("cannot fit 'int' into an index-sized integer").  Refs: key BORROWED. */
int MpSeq_IndexFromKey(MpObject *key, Mp_ssize_t *out);

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

/* At shutdown: releases the empty-tuple singleton. */
void MpTuple_Fini(void);

#endif
