/* obmalloc.h — the small-block allocator under every object.

   Python programs allocate and free small blocks at a furious rate: an
   int, a bound method, a two-element tuple, a frame's list of locals.
   The C library's malloc pays for generality on each of those calls;
   MpMem_* serves blocks of up to MP_SMALL_REQUEST_MAX bytes from pools of
   equal-sized blocks instead, and hands anything larger to malloc.

   The four functions have the C library's contracts (MpMem_Free accepts
   any pointer MpMem_* returned, or NULL); a block from MpMem_* must never
   go to free() or the other way round.  They do not set a Python
   exception: callers that report MemoryError do so themselves.

   The sanitizer build (MP_OBMALLOC == 0) routes everything to malloc, so
   that AddressSanitizer sees each block on its own.

   CPython counterpart: Objects/obmalloc.c (pymalloc). */
#ifndef MP_OBMALLOC_H
#define MP_OBMALLOC_H

#include <stddef.h>

#ifndef MP_OBMALLOC
#  if defined(__SANITIZE_ADDRESS__)
#    define MP_OBMALLOC 0
#  elif defined(__has_feature)
#    if __has_feature(address_sanitizer)
#      define MP_OBMALLOC 0
#    else
#      define MP_OBMALLOC 1
#    endif
#  else
#    define MP_OBMALLOC 1
#  endif
#endif

/* Requests above this many bytes go straight to malloc. */
#define MP_SMALL_REQUEST_MAX 512

void *MpMem_Malloc(size_t size);
void *MpMem_Calloc(size_t nelem, size_t elsize);
void *MpMem_Realloc(void *p, size_t size);
void MpMem_Free(void *p);

/* Statistics for tests and sys._debugmallocstats-like reports. */
typedef struct {
    size_t arenas;       // arenas mapped so far (never returned)
    size_t pools_used;   // pools carved for some size class
    size_t blocks_used;  // small blocks currently allocated
} MpMemStats;

void MpMem_GetStats(MpMemStats *out);

#endif
