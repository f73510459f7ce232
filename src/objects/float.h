/* float.h — float (a C double) and complex.

   CPython counterpart: Include/floatobject.h, Objects/floatobject.c,
   Objects/complexobject.c. */
#ifndef MP_FLOAT_H
#define MP_FLOAT_H

#include "object.h"
#include "objects/type.h"

typedef struct {
    MpObject_HEAD
    double value;
} MpFloatObject;

typedef struct {
    MpObject_HEAD
    double real, imag;
} MpComplexObject;

extern MpTypeObject MpFloat_Type, MpComplex_Type;

static inline int
MpFloat_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpFloat_Type ||
           MpType_IsSubtype(Mp_TYPE(o), &MpFloat_Type);
}

static inline int
MpFloat_CheckExact(const MpObject *o)
{
    return Mp_TYPE(o) == &MpFloat_Type;
}

static inline double
MpFloat_AS_DOUBLE(const MpObject *o)
{
    return ((const MpFloatObject *)o)->value;
}

/* Refs: NEW. */
MpObject *MpFloat_FromDouble(double v);
/* float(o) as a C double: floats, ints, and objects with __float__ or
   __index__.  -1.0 with an exception set on error. */
double MpFloat_AsDouble(MpObject *o);

/* float(s) for a str, bytes or bytearray s: white space around, an
   optional sign, digits with single underscores between them, inf,
   infinity, nan; Unicode digits count.  ValueError "could not convert
   string to float: 'x'".  Refs: NEW; NULL on error. */
MpObject *MpFloat_FromString(MpObject *s);

/* hash() of the double v as CPython's _Py_HashDouble: equal to the hash
   of an equal int or Fraction; +-314159 for +-inf; a NaN hashes by the
   identity of inst (the object holding it).  Never fails.
   Refs: inst BORROWED. */
Mp_hash_t MpHash_Double(MpObject *inst, double v);

/* Refs: NEW; NULL with MemoryError. */
MpObject *MpComplex_FromDoubles(double real, double imag);

static inline int
MpComplex_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpComplex_Type ||
           MpType_IsSubtype(Mp_TYPE(o), &MpComplex_Type);
}

#endif
