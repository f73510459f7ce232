/* iterators.h — the built-in iterator types enumerate, zip, map, filter
   and reversed.

   Each is a class callable from Python whose instances are their own
   iterators: iter(it) is it, and next(it) pulls what it needs from the
   iterators it wraps.  None of them materialises its input; all of them
   are lazy, single-pass and may be subclassed.

   CPython counterpart: Objects/enumobject.c (enumerate, reversed),
   Python/bltinmodule.c (zip, map, filter). */
#ifndef MP_ITERATORS_H
#define MP_ITERATORS_H

#include "object.h"

extern MpTypeObject MpEnumerate_Type, MpZip_Type, MpMap_Type, MpFilter_Type,
    MpReversed_Type;

#endif
