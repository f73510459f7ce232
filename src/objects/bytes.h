/* bytes.h — bytes (immutable) and bytearray (mutable), Python's binary
   sequences.

   A bytes keeps its bytes inline after the header, followed by a NUL that
   is not part of the value, and caches its hash (SipHash, hash.c, the same
   function as str's, so that hash(b'x') is CPython's under a fixed
   PYTHONHASHSEED).  A bytearray keeps a separately allocated, growable
   buffer; while a buffer view of it is exported (memoryview, a file write
   in progress) it refuses to change size, which is what makes handing out
   a raw pointer safe.

   CPython counterpart: Include/cpython/bytesobject.h,
   Include/cpython/bytearrayobject.h, Objects/bytesobject.c,
   Objects/bytearrayobject.c. */
#ifndef MP_BYTES_H
#define MP_BYTES_H

#include "object.h"

typedef struct {
    MpObject_VAR_HEAD      // ob_size: the number of bytes
    Mp_hash_t ob_shash;    // -1 until computed
    char ob_sval[1];       // ob_size bytes, then a NUL
} MpBytesObject;

typedef struct {
    MpObject_VAR_HEAD      // ob_size: the number of bytes
    Mp_ssize_t ob_alloc;   // capacity of ob_bytes (excluding the NUL)
    char *ob_bytes;        // malloc'd; NULL when empty and never grown
    Mp_ssize_t ob_exports; // live buffer views: no resizing while > 0
} MpByteArrayObject;

extern MpTypeObject MpBytes_Type, MpByteArray_Type;
extern MpTypeObject MpBytesIter_Type, MpByteArrayIter_Type;

static inline int
MpBytes_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_BYTES_SUBCLASS);
}

static inline int
MpBytes_CheckExact(const MpObject *o)
{
    return Mp_TYPE(o) == &MpBytes_Type;
}

static inline char *
MpBytes_AS_STRING(const MpObject *o)
{
    return (char *)((const MpBytesObject *)o)->ob_sval;
}

static inline Mp_ssize_t
MpBytes_GET_SIZE(const MpObject *o)
{
    return Mp_SIZE(o);
}

/* bytearray has no flag bit of its own: the check walks the MRO. */
int MpByteArray_Check(MpObject *o);

static inline char *
MpByteArray_AS_STRING(const MpObject *o)
{
    static char empty[1];
    char *b = ((const MpByteArrayObject *)o)->ob_bytes;
    return b != NULL ? b : empty;
}

static inline Mp_ssize_t
MpByteArray_GET_SIZE(const MpObject *o)
{
    return Mp_SIZE(o);
}

/* The bytes of a bytes or a bytearray o.  Refs: none. */
static inline char *
MpBytesLike_AS_STRING(const MpObject *o)
{
    return MpBytes_Check(o) ? MpBytes_AS_STRING(o) : MpByteArray_AS_STRING(o);
}

/* A bytes of len bytes copied from s (zeroed when s is NULL).
   Refs: NEW; NULL with MemoryError. */
MpObject *MpBytes_FromStringAndSize(const char *s, Mp_ssize_t len);
MpObject *MpBytes_FromString(const char *s);  // NUL-terminated
/* The byte an int-like o stands for (bytearray items, insert, append):
   0..255, or -1 with TypeError ("'str' object cannot be interpreted as
   an integer") or ValueError ("byte must be in range(0, 256)").
   Refs: o BORROWED. */
int MpBytes_ByteValue(MpObject *o);
/* A result of self's family holding a copy of s[0:len]: a bytes when
   self is a bytes (or a bytes subclass), else a bytearray.
   Refs: NEW; NULL with MemoryError. */
MpObject *MpBytesLike_NewLike(MpObject *self, const char *s, Mp_ssize_t len);
/* a + b for two bytes-like objects.  Refs: NEW. */
MpObject *MpBytes_Concat(MpObject *a, MpObject *b);
/* repr(b): b'...' (bytearray(b'...') for a bytearray).  Refs: NEW. */
MpObject *MpBytes_Repr(MpObject *o);

/* A bytearray copied from s[0:len].  Refs: NEW. */
MpObject *MpByteArray_FromStringAndSize(const char *s, Mp_ssize_t len);
/* Changes the size (contents kept up to the new size).  Returns 0, or -1
   with BufferError while views are exported, MemoryError. */
int MpByteArray_Resize(MpObject *o, Mp_ssize_t len);

/* Gets a contiguous read-only view of any object with the buffer
   protocol (bytes, bytearray, memoryview ...).  Returns 0, or -1 with
   TypeError "a bytes-like object is required, not 'int'".  A successful
   Get must be paired with MpBytesLike_Release.
   Refs: view->obj NEW (released by Release). */
int MpBytesLike_Get(MpObject *o, MpBuffer *view);
void MpBytesLike_Release(MpBuffer *view);

/* Readies the types.  Returns 0 or -1.  Fini drops the cached bytes. */
int MpBytes_Init(void);
void MpBytes_Fini(void);

#endif
