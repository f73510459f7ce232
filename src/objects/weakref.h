/* weakref.h — weak references: refs and proxies that do not keep their
   referent alive.

   An object that can be weakly referenced has a slot, at its type's
   tp_weaklistoffset, holding the head of a doubly linked list of the
   weak references to it (NULL when there is none).  Each weak reference
   points back at its referent without owning it.  When the referent dies
   (its dealloc, or the cycle collector) every reference on the list is
   cleared (it then points at None) and their callbacks are called.

   CPython counterpart: Include/cpython/weakrefobject.h,
   Objects/weakrefobject.c. */
#ifndef MP_WEAKREF_H
#define MP_WEAKREF_H

#include "object.h"

typedef struct MpWeakReference MpWeakReference;

struct MpWeakReference {
    MpObject_HEAD
    /* The referent, not owned; None once it has died. */
    MpObject *wr_object;
    /* Called with this reference when the referent dies; NULL if none.
       Owned; dropped when the reference is cleared. */
    MpObject *wr_callback;
    Mp_hash_t hash;  // hash of the referent, cached; -1: not known yet
    /* The neighbours on the referent's list. */
    MpWeakReference *wr_prev, *wr_next;
};

extern MpTypeObject MpWeakRef_Type;            // weakref.ReferenceType
extern MpTypeObject MpWeakProxy_Type;          // weakref.ProxyType
extern MpTypeObject MpWeakCallableProxy_Type;  // weakref.CallableProxyType

static inline int
MpWeakref_CheckProxy(const MpObject *o)
{
    return Mp_TYPE(o) == &MpWeakProxy_Type ||
           Mp_TYPE(o) == &MpWeakCallableProxy_Type;
}

/* Whether o is a ref (or an instance of a subclass of ref) or a proxy. */
int MpWeakref_Check(MpObject *o);

/* The slot of o that heads its weak reference list, or NULL when o's type
   cannot be weakly referenced.  Refs: none. */
static inline MpObject **
MpObject_WeakListPtr(MpObject *o)
{
    Mp_ssize_t off = Mp_TYPE(o)->tp_weaklistoffset;
    return off != 0 ? (MpObject **)((char *)o + off) : NULL;
}

/* weakref.ref(o, callback): a new reference, or the shared one when there
   is no callback.  Returns NULL with TypeError when o's type has no weak
   reference slot.  Refs: NEW; o, callback BORROWED (callback may be
   NULL). */
MpObject *MpWeakref_NewRef(MpObject *o, MpObject *callback);

/* weakref.proxy(o, callback).  Refs: NEW; o, callback BORROWED. */
MpObject *MpWeakref_NewProxy(MpObject *o, MpObject *callback);

/* The referent of a ref or proxy, or None when it has died.
   Refs: BORROWED. */
MpObject *MpWeakref_GetObject(MpObject *ref);

/* Clears every weak reference to o (they then point at None) and calls
   their callbacks, each with its reference; an exception in a callback is
   reported through MpErr_WriteUnraisable.  Called by the dealloc of a
   type with a weak reference slot, once o's count has reached zero (o
   is not reachable from Python any more).  The current exception is kept.
   Refs: o BORROWED. */
void MpObject_ClearWeakRefs(MpObject *o);

/* Clears ref (dead, off its referent's list) without calling its
   callback, which stays in place (tp_clear or dealloc drops it): the
   cycle collector's way with weak references to garbage.
   Refs: ref BORROWED. */
void MpWeakref_ClearRef(MpWeakReference *ref);

/* The number of weak references (refs and proxies) to o. */
Mp_ssize_t MpWeakref_Count(MpObject *o);

/* The _weakref module.  Refs: NEW; NULL with an exception. */
MpObject *MpWeakrefModule_Create(void);

#endif
