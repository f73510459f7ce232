/* gc.h — the cycle collector's view of objects.

   Reference counting frees everything that is not part of a cycle.  For
   cycles, every container object (a type with MP_TPFLAGS_HAVE_GC) carries
   a GC header in front of its MpObject header (see object.h) and, once
   tracked, sits on the list of one of three generations, or of the
   permanent generation that gc.freeze() fills.

   The collection algorithm (gc.c) is CPython's: for the generations being
   collected, copy each object's reference count into gc_refs, subtract the
   references that come from other objects of those generations (through
   tp_traverse), and whatever keeps a positive gc_refs is reachable from
   outside; so is everything it reaches; the rest is garbage.

   CPython counterpart: Include/internal/pycore_gc.h, Modules/gcmodule.c. */
#ifndef MP_GC_H
#define MP_GC_H

#include "object.h"

typedef struct MpGCHead {
    struct MpGCHead *gc_next;  // NULL while the object is not tracked
    struct MpGCHead *gc_prev;
    Mp_ssize_t gc_refs;        // the collector's scratch word
} MpGCHead;

static inline MpGCHead *
Mp_AS_GC(const void *o)
{
    return (MpGCHead *)o - 1;
}

static inline MpObject *
Mp_FROM_GC(MpGCHead *g)
{
    return (MpObject *)(g + 1);
}

#define MP_NUM_GENERATIONS 3

/* Sets up the generation lists; 0 or -1. */
int MpGC_Init(void);

/* Called by the allocator for every new container: counts it towards
   generation 0 and runs a collection when a threshold is passed. */
void MpGC_NoteAlloc(void);
/* Called when a container is freed: the gen-0 count is net. */
void MpGC_NoteFree(void);

#endif
