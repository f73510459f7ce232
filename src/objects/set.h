/* set.h — set and frozenset: hash tables of keys.

   The table, the probing and the growth rule are CPython 3.11's, so the
   iteration order of a set (which Python leaves unspecified but every
   program prints) is CPython's: see the top of objects/set.c.

   CPython counterpart: Include/setobject.h, Objects/setobject.c. */
#ifndef MP_SET_H
#define MP_SET_H

#include "object.h"

#define MP_SET_MINSIZE 8

typedef struct {
    MpObject *key;  // NULL: unused; the dummy: deleted
    Mp_hash_t hash;
} MpSetEntry;

typedef struct {
    MpObject_HEAD
    Mp_ssize_t fill;      // active + dummy entries
    Mp_ssize_t used;      // active entries
    Mp_ssize_t mask;      // table size - 1 (a power of two minus one)
    MpSetEntry *table;    // smalltable, or a malloc'd array
    Mp_hash_t hash;       // frozenset only: -1 until computed
    Mp_ssize_t finger;    // where pop() looks first
    MpSetEntry smalltable[MP_SET_MINSIZE];
    MpObject *weakreflist;  // weak references to it (weakref.h)
} MpSetObject;

extern MpTypeObject MpSet_Type, MpFrozenSet_Type, MpSetIter_Type;

int MpAnySet_Check(const MpObject *o);  // set, frozenset or a subclass
int MpFrozenSet_Check(const MpObject *o);

static inline Mp_ssize_t
MpSet_GET_SIZE(const MpObject *o)
{
    return ((const MpSetObject *)o)->used;
}

/* set(iterable) / frozenset(iterable); iterable may be NULL (empty).
   Refs: NEW; NULL on error. */
MpObject *MpSet_New(MpObject *iterable);
MpObject *MpFrozenSet_New(MpObject *iterable);

/* s.add(key): 0 or -1.  Refs: key BORROWED. */
int MpSet_Add(MpObject *s, MpObject *key);
/* s.discard(key): 1 removed, 0 absent, -1 error.  Refs: key BORROWED. */
int MpSet_Discard(MpObject *s, MpObject *key);
/* key in s: 1, 0, -1.  Refs: key BORROWED. */
int MpSet_Contains(MpObject *s, MpObject *key);
/* s.pop().  Refs: NEW; NULL with KeyError when empty. */
MpObject *MpSet_Pop(MpObject *s);
/* s.clear().  Returns 0. */
int MpSet_Clear(MpObject *s);
/* s.update(iterable), s.difference_update(iterable),
   s.symmetric_difference_update(iterable): 0 or -1.
   Refs: iterable BORROWED. */
int MpSet_Update(MpObject *s, MpObject *iterable);
int MpSet_DifferenceUpdate(MpObject *s, MpObject *iterable);
int MpSet_SymmetricDifferenceUpdate(MpObject *s, MpObject *iterable);
/* s & iterable (s.intersection(iterable)).  Refs: NEW. */
MpObject *MpSet_Intersection(MpObject *s, MpObject *iterable);
/* Iteration in table order: *pos starts at 0; returns 1 with *key
   (BORROWED) and *hash set while keys remain, then 0. */
int MpSet_Next(MpObject *s, Mp_ssize_t *pos, MpObject **key,
               Mp_hash_t *hash);

#endif
