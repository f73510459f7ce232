/* slice.h — slice objects (x[a:b:c]) and the index arithmetic every
   sequence type shares.

   A slice holds three arbitrary objects; only the sequences interpret
   them.  The two-step protocol is CPython's: MpSlice_Unpack turns the
   three objects into C integers (None -> a default, clipped to the
   Mp_ssize_t range), then MpSlice_AdjustIndices fits them to a sequence
   of a given length and returns how many items the slice selects.

   CPython counterpart: Include/sliceobject.h, Objects/sliceobject.c. */
#ifndef MP_SLICE_H
#define MP_SLICE_H

#include "object.h"

typedef struct {
    MpObject_HEAD
    MpObject *start, *stop, *step;  // never NULL (None when absent)
} MpSliceObject;

extern MpTypeObject MpSlice_Type;

static inline int
MpSlice_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpSlice_Type;
}

/* slice(start, stop, step); a NULL argument means None.
   Refs: NEW; start, stop, step BORROWED. */
MpObject *MpSlice_New(MpObject *start, MpObject *stop, MpObject *step);

/* The slice's fields as C integers, as PySlice_Unpack: step None -> 1,
   start None -> 0 (or MP_SSIZE_MAX when step < 0), stop None ->
   MP_SSIZE_MAX (or MP_SSIZE_MIN); values beyond the Mp_ssize_t range are
   clipped.  Returns 0, or -1 with ValueError ("slice step cannot be
   zero") or TypeError.  Refs: slice BORROWED. */
int MpSlice_Unpack(MpObject *slice, Mp_ssize_t *start, Mp_ssize_t *stop,
                   Mp_ssize_t *step);

/* Fits *start and *stop (as MpSlice_Unpack left them) to a sequence of
   length len, as PySlice_AdjustIndices, and returns the number of items
   the slice selects.  Cannot fail. */
Mp_ssize_t MpSlice_AdjustIndices(Mp_ssize_t len, Mp_ssize_t *start,
                                 Mp_ssize_t *stop, Mp_ssize_t step);

/* The value of an object used as a slice bound, as CPython's
   _PyEval_SliceIndex: None leaves *out unchanged and returns 1; an
   __index__ value is clipped to the Mp_ssize_t range.  Returns 1, or 0
   with TypeError ("slice indices must be integers or None or have an
   __index__ method"). */
int MpSlice_Index(MpObject *v, Mp_ssize_t *out);

/* The same for arguments of index()/count() (list.index(x, start)),
   where None is not allowed: "slice indices must be integers or have an
   __index__ method".  Returns 1, or 0 with TypeError. */
int MpSlice_IndexNotNone(MpObject *v, Mp_ssize_t *out);

/* The position insert(i, x) puts an item at in a sequence of n items:
   i counted from the end when negative, then clipped to 0..n.  Cannot
   fail. */
static inline Mp_ssize_t
MpSlice_InsertPosition(Mp_ssize_t i, Mp_ssize_t n)
{
    if (i < 0) {
        i += n;
        if (i < 0) {
            i = 0;
        }
    }
    return i > n ? n : i;
}

#endif
