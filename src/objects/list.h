/* list.h — list: a growable array of references.
   Capacity grows by about 1/8 plus a little, as CPython's list_resize, so
   appends are amortised O(1) and sys.getsizeof follows the real layout.
   CPython counterpart: Objects/listobject.c. */
#ifndef MP_LIST_H
#define MP_LIST_H

#include "object.h"

typedef struct {
    MpObject_VAR_HEAD         // ob_size: the number of items
    MpObject **items;
    Mp_ssize_t allocated;
} MpListObject;

extern MpTypeObject MpList_Type;

static inline int
MpList_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_LIST_SUBCLASS);
}

/* A list of n NULL slots to fill with MpList_SET_ITEM.  Refs: NEW. */
MpObject *MpList_New(Mp_ssize_t n);
/* A list of n strs decoded from the UTF-8 C strings items[0..n) (sys.argv,
   sys.path).  Refs: NEW; NULL with an exception. */
MpObject *MpList_FromUTF8Strings(const char *const *items, int n);
/* Appends v.  Returns 0 or -1.  Refs: v BORROWED (the list takes its own). */
int MpList_Append(MpObject *list, MpObject *v);
/* list.extend(iterable).  Returns 0 or -1. */
int MpList_Extend(MpObject *list, MpObject *iterable);
/* A tuple with the list's items.  Refs: NEW. */
MpObject *MpList_AsTuple(MpObject *list);
/* Sorts in place, as list.sort() without arguments.  Returns 0 or -1. */
int MpList_Sort(MpObject *list);

/* list.insert(i, v) with i clamped as Python does.  0 or -1.
   Refs: v BORROWED. */
int MpList_Insert(MpObject *list, Mp_ssize_t i, MpObject *v);
/* list[lo:hi] as a new list (bounds clamped).  Refs: NEW. */
MpObject *MpList_GetSlice(MpObject *list, Mp_ssize_t lo, Mp_ssize_t hi);
/* list[lo:hi] = v (v a sequence or NULL to delete).  0 or -1.
   Refs: v BORROWED. */
int MpList_SetSlice(MpObject *list, Mp_ssize_t lo, Mp_ssize_t hi,
                    MpObject *v);
/* Reverses in place.  Returns 0. */
int MpList_Reverse(MpObject *list);

extern MpTypeObject MpListIter_Type, MpListRevIter_Type;

/* {====== Recursive repr guard (Py_ReprEnter / Py_ReprLeave) ======
   A container's repr that meets itself again prints "[...]" instead of
   recursing: MpRepr_Enter(o) returns 0 the first time (o is now "in
   progress", call MpRepr_Leave(o) when done), 1 when o is already being
   printed further up the stack (print the ellipsis; do not call Leave),
   -1 on error.  The in-progress list is per thread.  Refs: o BORROWED. */
int MpRepr_Enter(MpObject *o);
void MpRepr_Leave(MpObject *o);

/* Helpers for reprs built in an MpStrBuf (strbuf.h): append repr(o) as
   UTF-8 (0, or -1 with an exception); turn the buffer into a str and free
   it (Refs: NEW; NULL with MemoryError when the buffer failed). */
int MpRepr_Append(void *strbuf, MpObject *o);
MpObject *MpRepr_Finish(void *strbuf);
/* }====== */

static inline MpObject *
MpList_GET_ITEM(const MpObject *l, Mp_ssize_t i)
{
    return ((const MpListObject *)l)->items[i];  // BORROWED
}

/* Refs: STEALS v; only for a fresh list's NULL slots. */
static inline void
MpList_SET_ITEM(MpObject *l, Mp_ssize_t i, MpObject *v)
{
    ((MpListObject *)l)->items[i] = v;
}

#endif
