/* objreduce.h — the reduce protocol pickle and copy rely on:
   object.__reduce_ex__, object.__reduce__, object.__getstate__ and the
   __reduce__ methods of the built-in types that reduce their own way.

   Each function here is the C body of a method: it is put in the method
   table of its type (MP_METH_O for the __reduce_ex__ ones, MP_METH_NOARGS
   for the others).  All return a new reference, or NULL with an exception.

   CPython counterpart: object___reduce_ex__ and friends in
   Objects/typeobject.c. */
#ifndef MP_OBJREDUCE_H
#define MP_OBJREDUCE_H

#include "object.h"

/* object.__reduce_ex__(protocol).  Refs: NEW; NULL with an exception. */
MpObject *MpObject_ReduceExMethod(MpObject *self, MpObject *protocol);

/* object.__reduce__().  Refs: NEW; NULL with an exception. */
MpObject *MpObject_ReduceMethod(MpObject *self, MpObject *unused);

/* object.__getstate__().  Refs: NEW; NULL with an exception. */
MpObject *MpObject_GetStateMethod(MpObject *self, MpObject *unused);

/* set.__reduce__ and frozenset.__reduce__.  Refs: NEW; NULL with an
   exception. */
MpObject *MpSet_ReduceMethod(MpObject *self, MpObject *unused);

/* bytearray.__reduce__() and bytearray.__reduce_ex__(protocol).
   Refs: NEW; NULL with an exception. */
MpObject *MpByteArray_ReduceMethod(MpObject *self, MpObject *unused);
MpObject *MpByteArray_ReduceExMethod(MpObject *self, MpObject *protocol);

/* builtin_function_or_method.__reduce__ and method.__reduce__.
   Refs: NEW; NULL with an exception. */
MpObject *MpCFunction_ReduceMethod(MpObject *self, MpObject *unused);
MpObject *MpMethod_ReduceMethod(MpObject *self, MpObject *unused);

#endif
