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

/* gc.set_debug flags, CPython's values. */
enum {
    MP_GC_DEBUG_STATS = 1,
    MP_GC_DEBUG_COLLECTABLE = 2,
    MP_GC_DEBUG_UNCOLLECTABLE = 4,
    MP_GC_DEBUG_SAVEALL = 32,
    MP_GC_DEBUG_LEAK = 2 | 4 | 32,  // COLLECTABLE | UNCOLLECTABLE | SAVEALL
};

typedef struct {
    int enabled;     // gc.enable() / gc.disable()
    int collecting;  // a collection is running (no nested ones)
    int debug;       // MP_GC_DEBUG_* flags
    struct {
        Mp_ssize_t collections, collected, uncollectable;
    } stats[MP_NUM_GENERATIONS];
    MpObject *garbage;    // gc.garbage (a list, created on first use)
    MpObject *callbacks;  // gc.callbacks (a list, created on first use)
} MpGCState;

/* The collector's settings and statistics.  Refs: none (plain data). */
MpGCState *MpGC_State(void);

/* Sets up the generation lists; 0 or -1. */
int MpGC_Init(void);

/* Collects generation `generation` and the younger ones.  Returns the
   number of unreachable objects found.  The current exception, if any, is
   kept. */
Mp_ssize_t MpGC_Collect(int generation);

/* The final collection at shutdown: generation 2, without gc.callbacks
   (CPython's _PyGC_CollectNoFail).  Returns the number found. */
Mp_ssize_t MpGC_CollectNoCallbacks(void);

/* gc.garbage and gc.callbacks, created on first use.  NULL only on
   MemoryError.  Refs: BORROWED. */
MpObject *MpGC_Garbage(void);
MpObject *MpGC_Callbacks(void);
/* Drops the two lists (shutdown, after the last collection). */
void MpGC_Fini(void);

/* The automatic collection: the oldest generation whose count passed its
   threshold.  Returns the number of unreachable objects found. */
Mp_ssize_t MpGC_CollectGenerations(void);

int MpGC_GetCount(int generation);
int MpGC_GetThreshold(int generation);
void MpGC_SetThreshold(int generation, int threshold);
/* gc.freeze(): every tracked object to the permanent generation, which no
   collection examines; gc.unfreeze(): back to the oldest generation. */
void MpGC_Freeze(void);
void MpGC_Unfreeze(void);
Mp_ssize_t MpGC_FreezeCount(void);
/* Calls fn on every object of a generation (-1: all three). */
int MpGC_ForEach(int generation, int (*fn)(MpObject *, void *), void *arg);

/* PEP 442: whether __del__ has run for o, and marking that it has. */
int MpObject_GC_IsFinalized(const void *o);
static inline void
MpObject_GC_SetFinalized(void *o)
{
    Mp_AS_GC(o)->gc_refs |= (Mp_ssize_t)1 << 59;  // GC_FINALIZED, gc.c
}

/* Whether o may be part of a cycle: a container, except a tuple that a
   collection found holding only atoms and untracked (CPython's
   _PyObject_GC_MAY_BE_TRACKED). */
static inline int
MpObject_GC_MayBeTracked(MpObject *o)
{
    if (!MpObject_IsGC(o)) {
        return 0;
    }
    if (Mp_TYPE(o)->tp_flags & MP_TPFLAGS_TUPLE_SUBCLASS) {
        return Mp_AS_GC(o)->gc_next != NULL;
    }
    return 1;
}

/* Called by the allocator for every new container: counts it towards
   generation 0 and runs a collection when a threshold is passed. */
void MpGC_NoteAlloc(void);
/* Called when a container is freed: the gen-0 count is net. */
void MpGC_NoteFree(void);

#endif
