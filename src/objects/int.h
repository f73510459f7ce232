/* int.h — int and bool.

   An int holds a machine word while its value fits in int64_t and a GMP
   integer only beyond that; every operation normalises its result back to
   the small form when it fits, so `is_big` is set exactly when the value
   does not fit in 64 bits (the invariant equality and hashing rely on).
   The ints -5..256 are preallocated, as in CPython, so that
   `a = 256; b = 256; a is b` holds.  bool is a subclass of int whose only
   instances are Mp_True and Mp_False.

   CPython counterpart: Include/longobject.h, Objects/longobject.c,
   Objects/boolobject.c. */
#ifndef MP_INT_H
#define MP_INT_H

#include <gmp.h>

#include "object.h"

typedef struct {
    MpObject_HEAD
    int is_big;  // 1: the value is in big (it does not fit in int64_t)
    union {
        int64_t small;
        __mpz_struct big;
    } u;
} MpLongObject;

extern MpTypeObject MpLong_Type, MpBool_Type;
extern MpLongObject _Mp_TrueStruct, _Mp_FalseStruct;
#define Mp_True ((MpObject *)&_Mp_TrueStruct)
#define Mp_False ((MpObject *)&_Mp_FalseStruct)

static inline int
MpLong_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_INT_SUBCLASS);
}

static inline int
MpLong_CheckExact(const MpObject *o)
{
    return Mp_TYPE(o) == &MpLong_Type;
}

static inline int
MpBool_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpBool_Type;
}

/* Refs: NEW (True and False: a new reference to the singleton). */
static inline MpObject *
MpBool_FromLong(long v)
{
    return Mp_NewRef(v ? Mp_True : Mp_False);
}

/* Constructors.  Refs: NEW; NULL with an exception set on error. */
MpObject *MpLong_FromInt64(int64_t v);
MpObject *MpLong_FromSsize_t(Mp_ssize_t v);
MpObject *MpLong_FromUInt64(uint64_t v);
MpObject *MpLong_FromDouble(double v);  // truncates; inf/nan raise
MpObject *MpLong_FromMpz(const mpz_t v);  // copies v
/* int(s, base) of Python: optional sign, white space around, underscores
   between digits, base 0 meaning "as a literal" (0x, 0o, 0b prefixes).
   s[0:len] is UTF-8.  ValueError: "invalid literal for int() with base
   10: 'x'". */
MpObject *MpLong_FromString(const char *s, Mp_ssize_t len, int base);

/* Conversions.  On overflow raise OverflowError and return -1 (check
   MpErr_Occurred). */
int64_t MpLong_AsInt64(MpObject *o);
Mp_ssize_t MpLong_AsSsize_t(MpObject *o);
double MpLong_AsDouble(MpObject *o);  // OverflowError: "int too large to
                                       // convert to float"
/* Copies the value into an initialised mpz. */
void MpLong_AsMpz(MpObject *o, mpz_t out);

/* The fast path the VM uses: 1 and *v set when o is an exact int whose
   value fits in int64_t. */
static inline int
MpLong_AsSmall(const MpObject *o, int64_t *v)
{
    if (Mp_TYPE(o) == &MpLong_Type && !((const MpLongObject *)o)->is_big) {
        *v = ((const MpLongObject *)o)->u.small;
        return 1;
    }
    return 0;
}

/* hex()/oct()/bin() text: "0x1f", "-0b101" (alternate adds the prefix).
   Refs: NEW. */
MpObject *MpLong_Format(MpObject *v, int base, int alternate);

/* z * 2**e rounded once to the nearest double, ties to even (subnormal
   results included).  *overflow is set (and +-inf returned) when the
   result is too large for a double.  Used for int -> float, int / int
   and float.fromhex.  Never fails. */
double MpMpz_Ldexp(const mpz_t z, long e, int *overflow);

/* The text of a str given as UTF-8, prepared for a number parser as
   CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: Unicode white
   space becomes ' ', Unicode decimal digits their ASCII digit, any other
   non-ASCII character '?'.  Returns a malloc'd NUL-terminated buffer of
   *outlen bytes (the caller frees it), or NULL with MemoryError. */
char *MpNumber_ToASCIIDigits(const char *s, Mp_ssize_t len,
                             Mp_ssize_t *outlen);

/* -1, 0 or 1: the sign of o (an int). */
int MpLong_Sign(MpObject *o);

/* sys.get_int_max_str_digits / set: the 4300-digit limit of 3.11. */
extern Mp_ssize_t mp_int_max_str_digits;

/* Sets up the small-int cache.  Returns 0 or -1. */
int MpLong_Init(void);
void MpLong_Fini(void);

#endif
