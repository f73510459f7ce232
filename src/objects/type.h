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

/* MpObject_HashNotImplemented, the tp_hash of unhashable types, is in
   abstract.h. */

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

/* Tracks a new instance of a GC type that its (non-GC) base's tp_new
   left untracked; nothing for NULL or an already tracked object. */
void MpType_TrackNew(MpObject *obj);

/* A class made by a class statement or type(name, bases, ns): the type
   object and the method tables its slots point into, in one block. */
typedef struct {
    MpTypeObject ht_type;
    MpNumberMethods as_number;
    MpSequenceMethods as_sequence;
    MpMappingMethods as_mapping;
    MpObject *ht_name;      // str
    MpObject *ht_qualname;  // str
    MpObject *ht_slots;         // tuple: the __slots__ names this class
                                // adds (mangled, sorted), or NULL
    MpMemberDef *ht_members;    // one per ht_slots name, then a zeroed
                                // entry; NULL when ht_slots is NULL
} MpHeapTypeObject;

/* Puts a wrapper descriptor in a C type's dict for each slot it defines
   (typeslots.c).  Returns 0 or -1. */
int MpType_AddSlotWrappers(MpTypeObject *type);

/* Recomputes the slots of a class from its MRO (after __bases__ was
   assigned): a special method defined in Python along the MRO gets the
   slot function, any other slot is the base's.  Cannot fail.
   Refs: type BORROWED. */
void MpType_UpdateSlots(MpTypeObject *type);

/* The base whose C layout instances of type extend: type itself when it
   adds fields to its base's layout (C fields or __slots__), else its
   base's solid base.  A __dict__ or __weakref__ slot does not count.
   Refs: BORROWED. */
MpTypeObject *MpType_SolidBase(MpTypeObject *type);

/* The base a class with these bases extends in memory, or NULL with
   TypeError (not a class, not subclassable, "multiple bases have
   instance lay-out conflict").  Refs: BORROWED. */
MpTypeObject *MpType_BestBase(MpObject *bases);

/* Records type as a direct subclass of base (for __subclasses__ and for
   recomputing MROs when __bases__ changes), and forgets it again.  The
   record does not keep type alive.  Add returns 0 or -1; Remove keeps
   any pending exception.  Refs: base, type BORROWED (not kept). */
int MpType_AddSubclass(MpTypeObject *base, MpTypeObject *type);
void MpType_RemoveSubclass(MpTypeObject *base, MpTypeObject *type);

/* The most derived of meta and the metaclasses of the bases, or NULL
   with TypeError "metaclass conflict: ...".  Refs: BORROWED. */
MpTypeObject *MpType_CalculateMetaclass(MpTypeObject *meta,
                                        MpObject *bases);

/* type(name, bases, ns): a new class.  Refs: NEW. */
MpObject *MpType_New(MpTypeObject *meta, MpObject *name, MpObject *bases,
                     MpObject *ns);

#endif
