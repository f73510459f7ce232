/* gc.c — generations of container objects, and the cycle collector.

   Every tracked container sits on a doubly linked, circular list with a
   sentinel head: one list per generation (0, 1, 2) and one for the
   permanent generation of gc.freeze().  Tracking a new container appends
   it to generation 0; untracking unlinks it in O(1).

   Counting, as CPython 3.11 counts: generation 0's count is net (container
   allocations minus their deallocations); passing threshold 0 (700) runs a
   collection.  A collection of generation n also collects the younger
   ones, resets their counts and adds one to generation n+1's count, which
   is how the older generations' thresholds (10, 10) are reached.  A full
   collection (generation 2) runs only when the objects that have survived
   since the last full one exceed 25% of those that went through it
   (long_lived_pending > long_lived_total / 4).

   The collection (collect), for the generations 0..n merged into `young`:
     1. update_refs:   gc_refs = ob_refcnt for every object of young;
     2. subtract_refs: for every object, visit what it references
                       (tp_traverse) and take one from the referent's
                       gc_refs when the referent is in young too.  What is
                       left counts the references from *outside* young;
     3. move_unreachable: an object with gc_refs > 0 is reachable, and so
                       is everything it reaches (visit_reachable gives
                       those gc_refs 1 and, if they were tentatively moved
                       to `unreachable`, brings them back); objects found
                       at 0 are moved to `unreachable` tentatively;
     4. finalize:      objects of unreachable whose class has __del__ get
                       it called, once each (PEP 442);
     5. resurrection:  steps 1-3 again, on unreachable alone: a __del__
                       may have stored a reference somewhere outside; what
                       is reachable again survives;
     6. clear:         tp_clear on what is still unreachable drops the
                       references inside the cycles; reference counting
                       then frees them.
   Survivors of young move to the next older generation.

   The scratch word gc_refs holds the count in its low bits and two flags:
   COLLECTING (the object is in the set being examined) and FINALIZED
   (__del__ has run).  CPython counterpart: Modules/gcmodule.c.
   Read first: collect */
#include "gc.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "abstract.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"

/* gc_refs: flags in the high bits, the count below them. */
#define GC_COLLECTING ((Mp_ssize_t)1 << 60)
#define GC_FINALIZED ((Mp_ssize_t)1 << 59)
#define GC_UNREACHABLE ((Mp_ssize_t)1 << 58)
#define GC_COUNT_MASK (GC_UNREACHABLE - 1)

typedef struct {
    MpGCHead head;  // sentinel of the circular list
    int threshold;
    int count;
} Generation;

#define GEN_INIT(i, t) {{&generations[i].head, &generations[i].head, 0}, t, 0}
static Generation generations[MP_NUM_GENERATIONS] = {
    GEN_INIT(0, 700),  // CPython 3.11's defaults: (700, 10, 10)
    GEN_INIT(1, 10),
    GEN_INIT(2, 10),
};
static Generation permanent = {{&permanent.head, &permanent.head, 0}, 0, 0};

static MpGCState gc_state = {.enabled = 1};

MpGCState *
MpGC_State(void)
{
    return &gc_state;
}

/* {====== Lists ====== */

static void
list_init(MpGCHead *h)
{
    h->gc_next = h->gc_prev = h;
}

static int
list_is_empty(const MpGCHead *h)
{
    return h->gc_next == h;
}

static void
list_remove(MpGCHead *g)
{
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
}

static void
list_append(MpGCHead *g, MpGCHead *head)
{
    g->gc_prev = head->gc_prev;
    g->gc_next = head;
    head->gc_prev->gc_next = g;
    head->gc_prev = g;
}

static void
list_move(MpGCHead *g, MpGCHead *head)
{
    list_remove(g);
    list_append(g, head);
}

/* Moves every object of from to the end of to. */
static void
list_merge(MpGCHead *from, MpGCHead *to)
{
    if (list_is_empty(from)) {
        return;
    }
    MpGCHead *first = from->gc_next, *last = from->gc_prev;
    first->gc_prev = to->gc_prev;
    to->gc_prev->gc_next = first;
    last->gc_next = to;
    to->gc_prev = last;
    list_init(from);
}

static Mp_ssize_t
list_size(const MpGCHead *h)
{
    Mp_ssize_t n = 0;
    for (MpGCHead *g = h->gc_next; g != h; g = g->gc_next) {
        n++;
    }
    return n;
}

int
MpGC_Init(void)
{
    return 0;  // the lists are initialised statically
}
/* }====== */

/* {====== Tracking ====== */

void
MpObject_GC_Track(void *o)
{
    MpGCHead *g = Mp_AS_GC(o);
    if (g->gc_next != NULL) {
        return;  // tracked already
    }
    g->gc_refs &= GC_FINALIZED;
    list_append(g, &generations[0].head);
}

void
MpObject_GC_UnTrack(void *o)
{
    MpGCHead *g = Mp_AS_GC(o);
    if (g->gc_next == NULL) {
        return;
    }
    list_remove(g);
    g->gc_next = g->gc_prev = NULL;
}

int
MpObject_GC_IsTracked(const void *o)
{
    return MpObject_IsGC(o) && Mp_AS_GC(o)->gc_next != NULL;
}

int
MpObject_GC_IsFinalized(const void *o)
{
    return MpObject_IsGC(o) && (Mp_AS_GC(o)->gc_refs & GC_FINALIZED) != 0;
}

void
MpGC_NoteAlloc(void)
{
    generations[0].count++;
    if (generations[0].count > generations[0].threshold &&
        gc_state.enabled && generations[0].threshold > 0 &&
        !gc_state.collecting && !MpErr_Occurred()) {
        MpGC_CollectGenerations();
    }
}

void
MpGC_NoteFree(void)
{
    if (generations[0].count > 0) {
        generations[0].count--;
    }
}
/* }====== */

/* {====== The collection ====== */

static Mp_ssize_t
gc_count(const MpGCHead *g)
{
    return g->gc_refs & GC_COUNT_MASK;
}

static void
update_refs(MpGCHead *containers)
{
    for (MpGCHead *g = containers->gc_next; g != containers; g = g->gc_next) {
        Mp_ssize_t refcnt = Mp_FROM_GC(g)->ob_refcnt;
        g->gc_refs = (g->gc_refs & GC_FINALIZED) | GC_COLLECTING | refcnt;
    }
}

static int
visit_decref(MpObject *o, void *arg)
{
    if (MpObject_IsGC(o)) {
        MpGCHead *g = Mp_AS_GC(o);
        if ((g->gc_refs & GC_COLLECTING) && gc_count(g) > 0) {
            g->gc_refs--;
        }
    }
    return 0;
}

static void
subtract_refs(MpGCHead *containers)
{
    for (MpGCHead *g = containers->gc_next; g != containers; g = g->gc_next) {
        MpObject *o = Mp_FROM_GC(g);
        traverseproc traverse = Mp_TYPE(o)->tp_traverse;
        if (traverse != NULL) {
            traverse(o, visit_decref, NULL);
        }
    }
}

/* o is reachable from an object known to be reachable. */
static int
visit_reachable(MpObject *o, void *arg)
{
    MpGCHead *reachable = arg;
    if (!MpObject_IsGC(o)) {
        return 0;
    }
    MpGCHead *g = Mp_AS_GC(o);
    if (!(g->gc_refs & GC_COLLECTING)) {
        return 0;
    }
    if (g->gc_refs & GC_UNREACHABLE) {
        /* moved away too early: back to the reachable list's end, where
           the scan will reach it again */
        list_move(g, reachable);
        g->gc_refs = (g->gc_refs & ~(GC_UNREACHABLE | GC_COUNT_MASK)) | 1;
    }
    else if (gc_count(g) == 0) {
        g->gc_refs |= 1;  // not scanned yet: it will be, as reachable
    }
    return 0;
}

/* Splits young into what is reachable from outside (stays in young) and
   what is not (moved to unreachable). */
static void
move_unreachable(MpGCHead *young, MpGCHead *unreachable)
{
    MpGCHead *g = young->gc_next;
    while (g != young) {
        MpGCHead *next;
        if (gc_count(g) > 0) {
            MpObject *o = Mp_FROM_GC(g);
            traverseproc traverse = Mp_TYPE(o)->tp_traverse;
            if (traverse != NULL) {
                traverse(o, visit_reachable, young);
            }
            next = g->gc_next;
        }
        else {
            next = g->gc_next;
            list_move(g, unreachable);
            g->gc_refs |= GC_UNREACHABLE;
        }
        g = next;
    }
}

static void
clear_collecting(MpGCHead *list)
{
    for (MpGCHead *g = list->gc_next; g != list; g = g->gc_next) {
        g->gc_refs &= GC_FINALIZED;
    }
}

/* Runs __del__ (tp_finalize) once for each object of the list that has
   one.  The objects stay on the list; a finalizer may do anything,
   including untracking objects, so the walk moves each object to a
   separate list before calling. */
static void
finalize_garbage(MpGCHead *unreachable)
{
    MpGCHead seen;
    list_init(&seen);
    while (!list_is_empty(unreachable)) {
        MpGCHead *g = unreachable->gc_next;
        MpObject *o = Mp_FROM_GC(g);
        list_move(g, &seen);
        destructor finalize = Mp_TYPE(o)->tp_finalize;
        if (finalize != NULL && !(g->gc_refs & GC_FINALIZED)) {
            g->gc_refs |= GC_FINALIZED;
            Mp_INCREF(o);
            finalize(o);
            Mp_DECREF(o);
        }
    }
    list_merge(&seen, unreachable);
}

/* Breaks the cycles of the garbage: tp_clear drops each object's
   references, and reference counting frees what that leaves unowned.
   An object that survives its clear (something still holds it) goes to
   old. */
static void
delete_garbage(MpGCHead *unreachable, MpGCHead *old)
{
    while (!list_is_empty(unreachable)) {
        MpGCHead *g = unreachable->gc_next;
        MpObject *o = Mp_FROM_GC(g);
        inquiry clear = Mp_TYPE(o)->tp_clear;
        Mp_INCREF(o);
        if (clear != NULL) {
            clear(o);
        }
        if (g->gc_next != NULL) {
            list_move(g, old);  // still tracked: it may survive
            g->gc_refs &= GC_FINALIZED;
        }
        Mp_DECREF(o);
    }
}

static Mp_ssize_t long_lived_total, long_lived_pending;

/* After the reachable objects are known, one pass over them (each walk
   of a big heap is a cache miss per object, so the jobs share it):
   their COLLECTING flags are cleared; a tuple whose items cannot be part
   of a cycle is untracked (CPython's untrack_tuples); so, in a full
   collection, is such a dict (untrack_dicts; only then, so that building
   a big dict does not cost a scan per collection).  Returns how many stay
   tracked. */
static Mp_ssize_t
finish_reachable(MpGCHead *head, int full)
{
    Mp_ssize_t n = 0;
    MpGCHead *g = head->gc_next;
    while (g != head) {
        MpGCHead *next = g->gc_next;
        g->gc_refs &= GC_FINALIZED;
        MpObject *o = Mp_FROM_GC(g);
        MpTypeObject *t = Mp_TYPE(o);
        if (t == &MpTuple_Type) {
            MpTuple_MaybeUntrack(o);
        }
        else if (full && t == &MpDict_Type) {
            MpDict_MaybeUntrack(o);
        }
        n += g->gc_next != NULL;
        g = next;
    }
    return n;
}

/* Weak references to garbage (CPython's handle_weakrefs), before any
   __del__ runs: every weak reference to an unreachable object is cleared,
   so that no finalizer or callback can reach garbage through one.  A
   weak reference that is garbage itself is cleared and never calls back;
   the callbacks of the others are called, each with its reference.
   Callbacks run Python code, but cannot reach the garbage: it is
   unreachable from everything outside it. */
static void
handle_weakrefs(MpGCHead *unreachable)
{
    MpObject **calls = NULL;
    Mp_ssize_t ncalls = 0, cap = 0;
    for (MpGCHead *g = unreachable->gc_next; g != unreachable;
         g = g->gc_next) {
        MpObject *o = Mp_FROM_GC(g);
        if (MpWeakref_Check(o)) {
            MpWeakref_ClearRef((MpWeakReference *)o);
        }
        MpObject **list = MpObject_WeakListPtr(o);
        if (list == NULL) {
            continue;
        }
        while (*list != NULL) {
            MpWeakReference *wr = (MpWeakReference *)*list;
            MpWeakref_ClearRef(wr);  // takes it off *list
            if (wr->wr_callback == NULL) {
                continue;
            }
            MpGCHead *wg = Mp_AS_GC(wr);
            if ((wg->gc_refs & GC_COLLECTING) &&
                (wg->gc_refs & GC_UNREACHABLE)) {
                continue;  // garbage itself: no callback
            }
            if (ncalls == cap) {
                cap = cap ? 2 * cap : 16;
                MpObject **more = realloc(calls, sizeof(MpObject *) *
                                                     (size_t)cap);
                if (more == NULL) {
                    continue;  // out of memory: this callback is lost
                }
                calls = more;
            }
            calls[ncalls++] = Mp_NewRef(wr);
        }
    }
    for (Mp_ssize_t i = 0; i < ncalls; i++) {
        MpWeakReference *wr = (MpWeakReference *)calls[i];
        MpObject *cb = wr->wr_callback;
        if (cb != NULL) {
            Mp_INCREF(cb);
            MpObject *r = MpObject_CallOneArg(cb, (MpObject *)wr);
            if (r == NULL) {
                MpErr_WriteUnraisable(cb);
            }
            Mp_XDECREF(r);
            Mp_DECREF(cb);
        }
        Mp_DECREF(wr);
    }
    free(calls);
}

/* DEBUG_COLLECTABLE / DEBUG_UNCOLLECTABLE: one line per object. */
static void
debug_cycle(const char *what, MpObject *o)
{
    fprintf(stderr, "gc: %s <%s %p>\n", what, Mp_TYPE(o)->tp_name,
            (void *)o);
}

/* DEBUG_SAVEALL: the garbage goes to gc.garbage instead of being freed
   (the list keeps it alive, so nothing is cleared). */
static void
save_garbage(MpGCHead *unreachable, MpGCHead *old)
{
    MpObject *garbage = MpGC_Garbage();
    while (!list_is_empty(unreachable)) {
        MpGCHead *g = unreachable->gc_next;
        if (garbage != NULL && MpList_Append(garbage, Mp_FROM_GC(g)) < 0) {
            MpErr_Clear();
        }
        list_move(g, old);
        g->gc_refs &= GC_FINALIZED;
    }
}

/* The collection proper (CPython's gc_collect_main).  Returns the number
   of unreachable objects; *uncollectable gets the number of those that
   could not be freed (none in minipy: there are no legacy tp_del
   finalizers; DEBUG_SAVEALL keeps garbage without counting it). */
static Mp_ssize_t
collect_main(int generation, Mp_ssize_t *uncollectable)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (gc_state.debug & MP_GC_DEBUG_STATS) {
        fprintf(stderr, "gc: collecting generation %d...\n", generation);
        fprintf(stderr, "gc: objects in each generation: %zd %zd %zd\n",
                list_size(&generations[0].head),
                list_size(&generations[1].head),
                list_size(&generations[2].head));
        fprintf(stderr, "gc: objects in permanent generation: %zd\n",
                list_size(&permanent.head));
    }
    MpGCHead *old = generation < MP_NUM_GENERATIONS - 1
                        ? &generations[generation + 1].head
                        : &generations[generation].head;
    /* the counts: this generation and the younger ones start over; the
       next older one has seen one more collection */
    if (generation + 1 < MP_NUM_GENERATIONS) {
        generations[generation + 1].count++;
    }
    for (int i = 0; i <= generation; i++) {
        generations[i].count = 0;
    }
    /* young: the collected generation's list with the younger ones
       appended, 0 first (CPython's order: it decides the order in which
       garbage is finalized, which a program can see) */
    MpGCHead young;
    list_init(&young);
    list_merge(&generations[generation].head, &young);
    for (int i = 0; i < generation; i++) {
        list_merge(&generations[i].head, &young);
    }

    update_refs(&young);
    subtract_refs(&young);
    MpGCHead unreachable;
    list_init(&unreachable);
    move_unreachable(&young, &unreachable);
    int full = generation == MP_NUM_GENERATIONS - 1;
    Mp_ssize_t survivors = finish_reachable(&young, full);
    /* the survivors are promoted */
    if (full) {
        long_lived_pending = 0;
        long_lived_total = survivors;
    }
    else if (generation == MP_NUM_GENERATIONS - 2) {
        long_lived_pending += survivors;
    }
    list_merge(&young, old);

    Mp_ssize_t found = 0;
    for (MpGCHead *g = unreachable.gc_next; g != &unreachable;
         g = g->gc_next) {
        found++;
        if (gc_state.debug & MP_GC_DEBUG_COLLECTABLE) {
            debug_cycle("collectable", Mp_FROM_GC(g));
        }
    }
    handle_weakrefs(&unreachable);
    clear_collecting(&unreachable);
    finalize_garbage(&unreachable);
    /* a __del__ may have made garbage reachable again */
    update_refs(&unreachable);
    subtract_refs(&unreachable);
    MpGCHead still;
    list_init(&still);
    move_unreachable(&unreachable, &still);
    clear_collecting(&unreachable);
    list_merge(&unreachable, old);  // resurrected: they live on
    clear_collecting(&still);
    if (gc_state.debug & MP_GC_DEBUG_SAVEALL) {
        save_garbage(&still, old);
    }
    else {
        delete_garbage(&still, old);
    }
    *uncollectable = 0;

    if (gc_state.debug & MP_GC_DEBUG_STATS) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double dt = (double)(t1.tv_sec - t0.tv_sec) +
                    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        fprintf(stderr,
                "gc: done, %zd unreachable, %zd uncollectable, %.4fs "
                "elapsed\n",
                found, *uncollectable, dt);
    }
    gc_state.stats[generation].collections++;
    gc_state.stats[generation].collected += found;
    gc_state.stats[generation].uncollectable += *uncollectable;
    return found + *uncollectable;
}

/* gc.callbacks: each is called with (phase, info), phase "start" before
   the collection and "stop" after it; an exception is reported as
   unraisable and the others still run. */
static void
invoke_callbacks(const char *phase, int generation, Mp_ssize_t collected,
                 Mp_ssize_t uncollectable)
{
    MpObject *cbs = gc_state.callbacks;
    if (cbs == NULL || Mp_SIZE(cbs) == 0) {
        return;
    }
    MpObject *info = MpDict_New();
    MpObject *ph = MpStr_FromString(phase);
    MpObject *g = MpLong_FromInt64(generation);
    MpObject *c = MpLong_FromSsize_t(collected);
    MpObject *u = MpLong_FromSsize_t(uncollectable);
    if (info == NULL || ph == NULL || g == NULL || c == NULL || u == NULL ||
        MpDict_SetItemString(info, "generation", g) < 0 ||
        MpDict_SetItemString(info, "collected", c) < 0 ||
        MpDict_SetItemString(info, "uncollectable", u) < 0) {
        MpErr_WriteUnraisable(NULL);
    }
    else {
        Mp_INCREF(cbs);
        for (Mp_ssize_t i = 0; i < Mp_SIZE(cbs); i++) {
            MpObject *cb = Mp_NewRef(MpList_GET_ITEM(cbs, i));
            MpObject *args[2] = {ph, info};
            MpObject *r = MpObject_Vectorcall(cb, args, 2, NULL);
            if (r == NULL) {
                MpErr_WriteUnraisable(cb);
            }
            Mp_XDECREF(r);
            Mp_DECREF(cb);
        }
        Mp_DECREF(cbs);
    }
    Mp_XDECREF(info);
    Mp_XDECREF(ph);
    Mp_XDECREF(g);
    Mp_XDECREF(c);
    Mp_XDECREF(u);
}

Mp_ssize_t
MpGC_Collect(int generation)
{
    if (gc_state.collecting) {
        return 0;
    }
    gc_state.collecting = 1;
    MpObject *saved = MpErr_GetRaisedException();
    invoke_callbacks("start", generation, 0, 0);
    Mp_ssize_t uncollectable;
    Mp_ssize_t n = collect_main(generation, &uncollectable);
    invoke_callbacks("stop", generation, n - uncollectable, uncollectable);
    MpErr_SetRaisedException(saved);
    gc_state.collecting = 0;
    return n;
}

Mp_ssize_t
MpGC_CollectNoCallbacks(void)
{
    if (gc_state.collecting) {
        return 0;
    }
    gc_state.collecting = 1;
    MpObject *saved = MpErr_GetRaisedException();
    Mp_ssize_t uncollectable;
    Mp_ssize_t n = collect_main(MP_NUM_GENERATIONS - 1, &uncollectable);
    MpErr_SetRaisedException(saved);
    gc_state.collecting = 0;
    return n;
}

MpObject *
MpGC_Garbage(void)
{
    if (gc_state.garbage == NULL) {
        gc_state.garbage = MpList_New(0);
    }
    return gc_state.garbage;
}

MpObject *
MpGC_Callbacks(void)
{
    if (gc_state.callbacks == NULL) {
        gc_state.callbacks = MpList_New(0);
    }
    return gc_state.callbacks;
}

void
MpGC_Fini(void)
{
    gc_state.debug = 0;
    Mp_CLEAR(&gc_state.callbacks);
    Mp_CLEAR(&gc_state.garbage);
}

Mp_ssize_t
MpGC_CollectGenerations(void)
{
    /* the oldest generation over its threshold, as CPython picks it; a
       full collection also waits for enough new long-lived objects */
    for (int i = MP_NUM_GENERATIONS - 1; i >= 0; i--) {
        if (generations[i].count > generations[i].threshold) {
            if (i == MP_NUM_GENERATIONS - 1 &&
                long_lived_pending < long_lived_total / 4) {
                continue;
            }
            return MpGC_Collect(i);
        }
    }
    return 0;
}
/* }====== */

/* {====== For the gc module ====== */

int
MpGC_GetCount(int generation)
{
    return generations[generation].count;
}

int
MpGC_GetThreshold(int generation)
{
    return generations[generation].threshold;
}

void
MpGC_SetThreshold(int generation, int threshold)
{
    generations[generation].threshold = threshold;
}

void
MpGC_Freeze(void)
{
    for (int i = 0; i < MP_NUM_GENERATIONS; i++) {
        list_merge(&generations[i].head, &permanent.head);
        generations[i].count = 0;
    }
}

void
MpGC_Unfreeze(void)
{
    list_merge(&permanent.head, &generations[MP_NUM_GENERATIONS - 1].head);
}

Mp_ssize_t
MpGC_FreezeCount(void)
{
    return list_size(&permanent.head);
}

int
MpGC_ForEach(int generation, int (*fn)(MpObject *, void *), void *arg)
{
    for (int i = 0; i < MP_NUM_GENERATIONS; i++) {
        if (generation >= 0 && i != generation) {
            continue;
        }
        MpGCHead *h = &generations[i].head;
        for (MpGCHead *g = h->gc_next; g != h; g = g->gc_next) {
            if (fn(Mp_FROM_GC(g), arg) < 0) {
                return -1;
            }
        }
    }
    return 0;
}
/* }====== */
