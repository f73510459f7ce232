/* mappingproxy.h — a read-only view of a mapping (`C.__dict__`).

   CPython counterpart: Objects/descrobject.c (mappingproxy). */
#ifndef MP_MAPPINGPROXY_H
#define MP_MAPPINGPROXY_H

#include "object.h"

extern MpTypeObject MpDictProxy_Type;

/* mappingproxy(mapping): a view that reads mapping and refuses every
   change.  Returns NULL with TypeError when mapping is not a mapping (or
   is a list or tuple, which have __getitem__ but are sequences).
   Refs: NEW; mapping BORROWED (the proxy takes its own). */
MpObject *MpDictProxy_New(MpObject *mapping);

#endif
