/* descr.h — descriptors for what C types define: methods (MpMethodDef),
   attributes computed by C functions (MpGetSetDef) and struct fields
   (MpMemberDef), plus classmethod, staticmethod and property.

   MpType_Ready turns each entry of a type's tables into one of these
   descriptors in the type's dict, so that `list.append`, `int.real` and
   `(1).__add__` are found by ordinary attribute lookup and behave like
   their Python counterparts (binding to an instance through __get__).

   CPython counterpart: Objects/descrobject.c, Objects/funcobject.c
   (classmethod, staticmethod). */
#ifndef MP_DESCR_H
#define MP_DESCR_H

#include "object.h"

extern MpTypeObject MpMethodDescr_Type, MpClassMethodDescr_Type,
    MpGetSetDescr_Type, MpMemberDescr_Type, MpClassMethod_Type,
    MpStaticMethod_Type, MpProperty_Type;

/* Descriptors for one entry of a C type's tables.  Refs: NEW. */
MpObject *MpDescr_NewMethod(MpTypeObject *type, MpMethodDef *def);
MpObject *MpDescr_NewClassMethod(MpTypeObject *type, MpMethodDef *def);
MpObject *MpDescr_NewGetSet(MpTypeObject *type, MpGetSetDef *def);
MpObject *MpDescr_NewMember(MpTypeObject *type, MpMemberDef *def);

/* Calls the C function of def with self and a vectorcall argument list,
   as def->ml_flags says, checking the argument count for NOARGS and O
   functions with CPython's messages ("list.pop() takes no keyword
   arguments", "len() takes exactly one argument (2 given)").  owner is the
   type of a method (list), NULL for a module-level function.
   Refs: NEW; args BORROWED. */
MpObject *MpMethodDef_Call(MpMethodDef *def, const MpTypeObject *owner,
                           MpObject *self, MpObject *const *args,
                           size_t nargs, MpObject *kwnames);

/* classmethod(f) / staticmethod(f).  Refs: NEW; f BORROWED. */
MpObject *MpClassMethod_New(MpObject *f);
MpObject *MpStaticMethod_New(MpObject *f);

#endif
