/* memoryview.h — the buffer protocol's consumer side, and memoryview.

   An exporter (bytes, bytearray, array.array, mmap.mmap, memoryview itself)
   fills an MpBuffer (object.h) when asked through its type's
   bf_getbuffer: a pointer, an item format in struct-module syntax, and a
   shape and strides describing how the items are laid out.  A consumer
   must pair every successful MpObject_GetBuffer with MpBuffer_Release;
   exporters that can move or free their memory (bytearray, array, mmap)
   count the live exports and refuse to resize or close while any remain.

   A memoryview is that pairing made into a Python object.  Several views
   (a view, its slices, its casts) share one *managed buffer*, which holds
   the single export taken from the underlying object and gives it back
   when the last view registered on it is released:

       bytearray  <--(one export)--  managedbuffer  <--  memoryview m
                                                    <--  m[2:]   (no copy)
                                                    <--  m.cast('i')

   CPython counterpart: Include/cpython/memoryobject.h,
   Objects/memoryobject.c. */
#ifndef MP_MEMORYVIEW_H
#define MP_MEMORYVIEW_H

#include "object.h"

/* Request flags for bf_getbuffer, CPython's PyBUF_* values.  0 (SIMPLE)
   asks for a contiguous, unsigned-byte view: format, shape and strides
   may then be ignored by the consumer. */
enum {
    MP_BUF_SIMPLE = 0,
    MP_BUF_WRITABLE = 0x0001,
    MP_BUF_FORMAT = 0x0004,
    MP_BUF_ND = 0x0008,
    MP_BUF_STRIDES = 0x0010 | MP_BUF_ND,
    MP_BUF_FULL_RO = MP_BUF_STRIDES | MP_BUF_FORMAT,
    MP_BUF_FULL = MP_BUF_FULL_RO | MP_BUF_WRITABLE,
};

/* The most dimensions a view may have (CPython's PyBUF_MAX_NDIM). */
#define MP_BUF_MAX_NDIM 64

/* One view shared by the memoryviews over the same export. */
typedef struct {
    MpObject_HEAD
    int mb_released;        // mb_master has been given back
    Mp_ssize_t mb_exports;  // memoryviews registered here
    MpBuffer mb_master;     // the export taken from the object
} MpManagedBufferObject;

typedef struct {
    MpObject_VAR_HEAD          // ob_size: 2 * ndim slots in mv_array
    MpManagedBufferObject *mv_mbuf;  // NEW reference, until dealloc
    Mp_hash_t mv_hash;         // -1 until computed
    int mv_flags;              // MV_RELEASED | MV_C | MV_F ...
    Mp_ssize_t mv_exports;     // buffers exported *from* this view
    MpBuffer mv_view;          // view.obj: NEW reference until released
    Mp_ssize_t mv_array[1];    // shape[ndim], then strides[ndim]
} MpMemoryViewObject;

extern MpTypeObject MpMemoryView_Type, MpManagedBuffer_Type;

static inline int
MpMemoryView_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpMemoryView_Type;
}

/* Asks o for a view (flags: MP_BUF_*).  Returns 0, or -1 with TypeError
   "a bytes-like object is required, not 'int'" (or the exporter's own
   BufferError).  Refs: view->obj NEW (given back by MpBuffer_Release). */
int MpObject_GetBuffer(MpObject *o, MpBuffer *view, int flags);
/* Whether o's type exports buffers. */
int MpObject_CheckBuffer(MpObject *o);
/* Gives a view back to its exporter and drops view->obj; a view whose obj
   is NULL is left alone.  Refs: view->obj released. */
void MpBuffer_Release(MpBuffer *view);

/* Whether the view's items are laid out C-contiguously (order 'C'),
   Fortran-contiguously ('F') or either ('A'). */
int MpBuffer_IsContiguous(const MpBuffer *view, char order);
/* Copies view->len bytes of the view's items into dst in C order ('C') or
   Fortran order ('F').  Cannot fail. */
void MpBuffer_ToContiguous(void *dst, const MpBuffer *view, char order);

/* memoryview(o).  Refs: NEW; NULL with TypeError, BufferError. */
MpObject *MpMemoryView_FromObject(MpObject *o);
/* A memoryview over size bytes of memory not owned by any object (the
   caller keeps it alive while the view lives).  Refs: NEW. */
MpObject *MpMemoryView_FromMemory(char *mem, Mp_ssize_t size, int readonly);

/* The item size of a native single-character format ("d", "@i"), or -1
   when fmt is not one (no exception set). */
Mp_ssize_t MpBuffer_FormatItemSize(const char *fmt);
/* The Python value of one item of a native single-character format.
   Refs: NEW; NULL with NotImplementedError "memoryview: format X not
   supported". */
MpObject *MpBuffer_UnpackItem(const char *fmt, const char *ptr);
/* Stores v as one item of that format.  Returns 0, or -1 with TypeError
   "memoryview: invalid type for format 'B'" / ValueError "... invalid
   value ...".  Refs: v BORROWED. */
int MpBuffer_PackItem(const char *fmt, char *ptr, MpObject *v);

/* The hex string of data[0:n] with an optional separator every
   bytes_per_sep bytes (counted from the right when positive, from the
   left when negative), as bytes.hex(sep, bytes_per_sep).  sep is NULL, a
   str or a bytes of length 1.  Refs: NEW; NULL with ValueError "sep must
   be length 1.", TypeError. */
MpObject *MpHex_FromData(const unsigned char *data, Mp_ssize_t n,
                         MpObject *sep, Mp_ssize_t bytes_per_sep);
/* The bytes_per_sep argument of hex() as a C int's value.  Returns 0, or
   -1 with OverflowError "Python int too large to convert to C int",
   TypeError. */
int MpHex_SepCount(MpObject *o, Mp_ssize_t *out);

#endif
