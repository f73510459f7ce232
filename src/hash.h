/* hash.h — the keyed hash of str and bytes (SipHash-1-3), and the facts
   sys.hash_info reports.

   Every str and bytes hash in minipy is SipHash-1-3 of the object's
   canonical bytes under a 128-bit key chosen once per process, as CPython
   3.11 does (Py_HASH_ALGORITHM "siphash13").  With PYTHONHASHSEED fixed,
   the values are CPython's own.

   CPython counterpart: Include/pyhash.h, Python/pyhash.c,
   Python/bootstrap_hash.c. */
#ifndef MP_HASH_H
#define MP_HASH_H

#include "object.h"

/* sys.hash_info, as CPython 3.11 on a 64-bit platform. */
#define MP_HASH_WIDTH 64
#define MP_HASH_BITS 61
#define MP_HASH_MODULUS (((Mp_hash_t)1 << MP_HASH_BITS) - 1)  // 2**61 - 1
#define MP_HASH_INF 314159
#define MP_HASH_NAN 0
#define MP_HASH_IMAG 1000003
#define MP_HASH_ALGORITHM "siphash13"
#define MP_HASH_HASH_BITS 64
#define MP_HASH_SEED_BITS 128
#define MP_HASH_CUTOFF 0

/* The message CPython prints (as "Fatal Python error: ...") when
   PYTHONHASHSEED is invalid. */
#define MP_HASH_SEED_ERROR \
    "PYTHONHASHSEED must be \"random\" or an integer in range " \
    "[0; 4294967295]"

/* Chooses the key from PYTHONHASHSEED: unset, empty or "random" -> random
   bytes from the OS; "0" -> all zeros; 1..4294967295 -> CPython's
   lcg_urandom fill.  Returns 0, or -1 (no exception set: the caller
   prints "Fatal Python error: " MP_HASH_SEED_ERROR) for an invalid value.
   Safe to call more than once (the key is chosen again). */
int MpHash_Init(void);

/* Whether a hash seed was given (sys.flags.hash_randomization is its
   negation), and its value (0 when random). */
int MpHash_UseSeed(void);
unsigned long MpHash_Seed(void);

/* SipHash-1-3 of data[0:len] under the process key; 0 for len == 0; a
   result of -1 becomes -2 (-1 means "error" to every hash slot). */
Mp_hash_t MpHash_Bytes(const void *data, Mp_ssize_t len);

/* The same for a pointer (object.__hash__ of identity): the address
   rotated right by 4 bits, as CPython's _Py_HashPointer. */
Mp_hash_t MpHash_Pointer(const void *p);

#endif
