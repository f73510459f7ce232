/* gc.c — generations of container objects, and the cycle collector.

   Every tracked container sits on a doubly linked, circular list with a
   sentinel head: one list per generation (0, 1, 2) and one for the
   permanent generation of gc.freeze().  Tracking a new container appends
   it to generation 0; untracking unlinks it in O(1).

   generation[0].count is net: allocations of containers minus their
   deallocations since the last collection of generation 0, as CPython
   3.11 counts; when it passes threshold[0] (700) a collection runs.

   This file holds the lists and the counting; the collection itself (the
   algorithm described in gc.h, finalizers, the gc module) arrives with the
   memory work (issue 6).  Until then MpGC_NoteAlloc only counts.

   CPython counterpart: Modules/gcmodule.c.  Read first: MpObject_GC_Track */
#include "gc.h"

#include <stddef.h>

typedef struct {
    MpGCHead head;   // sentinel of the circular list
    int threshold;
    int count;
} Generation;

static Generation generations[MP_NUM_GENERATIONS] = {
    {.threshold = 700},  // CPython 3.11's defaults: (700, 10, 10)
    {.threshold = 10},
    {.threshold = 10},
};
static Generation permanent;

static void
list_init(MpGCHead *h)
{
    h->gc_next = h->gc_prev = h;
}

int
MpGC_Init(void)
{
    for (int i = 0; i < MP_NUM_GENERATIONS; i++) {
        list_init(&generations[i].head);
    }
    list_init(&permanent.head);
    return 0;
}

void
MpObject_GC_Track(void *o)
{
    MpGCHead *g = Mp_AS_GC(o);
    MpGCHead *head = &generations[0].head;
    g->gc_prev = head->gc_prev;
    g->gc_next = head;
    head->gc_prev->gc_next = g;
    head->gc_prev = g;
}

void
MpObject_GC_UnTrack(void *o)
{
    MpGCHead *g = Mp_AS_GC(o);
    if (g->gc_next == NULL) {
        return;  // not tracked
    }
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
    g->gc_next = g->gc_prev = NULL;
}

int
MpObject_GC_IsTracked(const void *o)
{
    return Mp_AS_GC(o)->gc_next != NULL;
}

void
MpGC_NoteAlloc(void)
{
    generations[0].count++;
}

void
MpGC_NoteFree(void)
{
    if (generations[0].count > 0) {
        generations[0].count--;
    }
}
