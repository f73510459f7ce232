/* type.h — `type` and `object`, the two roots of the class system.

   Every type, built-in or made by a class statement, is an MpTypeObject.
   MpType_Ready finishes a built-in type at start-up: it inherits the slots
   its base defines and it does not, computes the MRO, and fills the type's
   dict with descriptors for its C methods, members and getsets.

   CPython counterpart: Include/cpython/object.h, Objects/typeobject.c. */
#ifndef MP_TYPE_H
#define MP_TYPE_H

#include "object.h"

extern MpTypeObject MpType_Type;        // type
extern MpTypeObject MpBaseObject_Type;  // object

static inline int
MpType_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_TYPE_SUBCLASS);
}

/* Whether a is b or a subclass of b (by the MRO). */
int MpType_IsSubtype(MpTypeObject *a, MpTypeObject *b);

/* Finishes a statically defined type.  Returns 0 or -1. */
int MpType_Ready(MpTypeObject *type);

/* At shutdown: releases what readying gave every static type (dicts,
   MROs), after which no built-in type may be used. */
void MpType_Fini(void);

/* The attribute `name` (a str) found along type's MRO, without calling
   descriptors; NULL when absent (no exception set).  Refs: BORROWED. */
MpObject *MpType_Lookup(MpTypeObject *type, MpObject *name);

/* Must be called after anything changes a class's dict (or its MRO), or
   frees a class: MpType_Lookup caches answers.  type NULL: all classes. */
void MpType_Modified(MpTypeObject *type);
/* type(*args) the general way: tp_new with an argument tuple, then
   tp_init when the result is an instance of type.  A type's own
   tp_vectorcall (a shortcut for common calls such as str(x)) falls back
   to this.  Refs: NEW; NULL with an exception. */
MpObject *MpType_GenericCall(MpObject *type, MpObject *const *args,
                             size_t nargs, MpObject *kwnames);
/* Advances on every MpType_Modified: a fact learnt about a class at epoch
   E (say "no data descriptor named x") holds while the epoch is E. */
extern unsigned mcache_epoch;
#define MpType_CacheEpoch mcache_epoch

/* The type's __name__ (the part of tp_name after the last dot). */
const char *MpType_Name(const MpTypeObject *type);

/* A class made by a class statement or type(name, bases, ns): the type
   object and the method tables its slots point into, in one block. */
typedef struct {
    MpTypeObject ht_type;
    MpNumberMethods as_number;
    MpSequenceMethods as_sequence;
    MpMappingMethods as_mapping;
    MpObject *ht_name;      // str
    MpObject *ht_qualname;  // str
} MpHeapTypeObject;

/* Puts a wrapper descriptor in a C type's dict for each slot it defines
   (typeslots.c).  Returns 0 or -1. */
int MpType_AddSlotWrappers(MpTypeObject *type);

/* type(name, bases, ns): a new class.  Refs: NEW. */
MpObject *MpType_New(MpTypeObject *meta, MpObject *name, MpObject *bases,
                     MpObject *ns);

#endif
