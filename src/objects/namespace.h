/* namespace.h — types.SimpleNamespace (namespace.c). */
#ifndef MP_NAMESPACE_H
#define MP_NAMESPACE_H

#include "object.h"

extern MpTypeObject MpNamespace_Type;

/* A namespace holding the items of kwds (a dict, or NULL for none).
   Refs: kwds BORROWED; returns NEW, or NULL with an exception. */
MpObject *MpNamespace_New(MpObject *kwds);

#endif
