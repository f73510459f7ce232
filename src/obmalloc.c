/* obmalloc.c — pools of equal-sized blocks for the small allocations.

   Most objects are small (an int is 32 bytes, a frame's argument tuple 48,
   a bound method 48) and short-lived, and every one of them is a malloc
   and a free.  This allocator serves requests of up to
   MP_SMALL_REQUEST_MAX bytes from pools; bigger ones go to malloc.

   Layout:

     arena (256 KiB, one mmap)                 pool (4 KiB = one page)
     +--------+--------+-----+--------+        +--------+------+------+--
     | pool 0 | pool 1 | ... | pool 63|        | header | blk0 | blk1 | ...
     +--------+--------+-----+--------+        +--------+------+------+--

   A request of n bytes is rounded up to a multiple of ALIGNMENT: its
   "size class" is (n - 1) / ALIGNMENT, 32 classes from 16 to 512 bytes.
   A pool holds blocks of one class only.  Its header keeps

     - pool_free: a list of free blocks, linked through their first word;
     - pool_bump / pool_limit: the offset of the first never-used block,
       so a new pool is not threaded in advance;
     - pool_used: how many blocks are handed out.

   The pools that have a free block are kept, per class, on a
   doubly-linked list whose head is used_pools[class]: allocation takes
   the first block of the first pool, in O(1).  A pool that fills up
   leaves the list; the first block freed in a full pool puts it back at
   the front; a pool whose last block is freed goes to free_pools, from
   which any class can take it again.  Arenas are never returned to the
   system: a program's peak stays mapped.

   Which blocks are ours?  MpMem_Free is given any pointer, small or big,
   and no size.  A pool is a page and starts on a page boundary, so
   rounding p down to a multiple of POOL_SIZE gives its pool header; the
   header names its arena, and p is ours exactly when that arena exists
   and contains p.  For a malloc'd pointer the rounded-down address is
   still inside p's own (mapped) page, so reading it is safe; what we read
   there is garbage, and the range check rejects it, because malloc never
   returns memory inside one of our mmaps.  (Memory checkers such as
   Valgrind report that read as uninitialised; the sanitizer build does
   not use the pools at all.)

   Invariants:
     - a pool is on used_pools[c] iff it is carved for class c and has a
       free block (pool_free != NULL or pool_bump <= pool_limit);
     - a pool on free_pools has pool_used == 0;
     - pool_used counts the blocks handed out and not yet freed.

   CPython counterpart: Objects/obmalloc.c (pymalloc, address_in_range).
   Read first: MpMem_Malloc */
#include "obmalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if MP_OBMALLOC

#define ALIGNMENT 16  // enough for long double and SSE loads
#define ALIGNMENT_SHIFT 4
#define NUM_CLASSES (MP_SMALL_REQUEST_MAX / ALIGNMENT)
#define POOL_SIZE 4096  // one page: see "Which blocks are ours?"
#define ARENA_SIZE (256 * 1024)
#define POOLS_PER_ARENA (ARENA_SIZE / POOL_SIZE)

typedef struct Pool {
    uint32_t pool_arena;  // index in arenas[]: the proof the pool is ours
    uint32_t pool_class;  // size class of its blocks
    uint32_t pool_used;   // blocks handed out
    uint32_t pool_bump;   // offset of the first never-used block
    uint32_t pool_limit;  // largest offset a block may start at
    void *pool_free;      // freed blocks, linked through their first word
    struct Pool *pool_next;  // on used_pools[class] or free_pools
    struct Pool *pool_prev;
} Pool;

/* Blocks start after the header, aligned. */
#define POOL_HEADER_SIZE \
    ((sizeof(Pool) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1))

#define POOL_OF(p) ((Pool *)((uintptr_t)(p) & ~(uintptr_t)(POOL_SIZE - 1)))
#define CLASS_SIZE(c) (((size_t)(c) + 1) << ALIGNMENT_SHIFT)

static uintptr_t *arenas;     // base address of each arena
static uint32_t narenas;
static uint32_t arenas_cap;
static char *arena_next_pool;  // never-carved pools of the newest arena
static char *arena_end;

static Pool *used_pools[NUM_CLASSES];
static Pool *free_pools;
static size_t pools_carved;
static size_t blocks_used;

/* True when p lies in one of our arenas; pool is POOL_OF(p). */
static inline int
address_in_range(const void *p, const Pool *pool)
{
    uint32_t i = pool->pool_arena;
    return i < narenas && (uintptr_t)p - arenas[i] < ARENA_SIZE;
}

/* {====== Getting pools ====== */

/* Map a new arena; 0, or -1 when the system refuses. */
static int
new_arena(void)
{
    if (narenas == arenas_cap) {
        uint32_t cap = arenas_cap ? arenas_cap * 2 : 16;
        uintptr_t *a = realloc(arenas, cap * sizeof *a);
        if (a == NULL) {
            return -1;
        }
        arenas = a;
        arenas_cap = cap;
    }
    void *base = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
        return -1;
    }
    arenas[narenas++] = (uintptr_t)base;
    arena_next_pool = base;
    arena_end = (char *)base + ARENA_SIZE;
    return 0;
}

/* A pool carved for class c with no block handed out, linked at the front
   of used_pools[c]; NULL when memory is exhausted. */
static Pool *
new_pool(uint32_t c)
{
    Pool *pool = free_pools;
    if (pool != NULL) {
        free_pools = pool->pool_next;
    } else {
        if (arena_next_pool == arena_end && new_arena() < 0) {
            return NULL;
        }
        pool = (Pool *)arena_next_pool;
        arena_next_pool += POOL_SIZE;
        pool->pool_arena = narenas - 1;
        pools_carved++;
    }
    size_t size = CLASS_SIZE(c);
    pool->pool_class = c;
    pool->pool_used = 0;
    pool->pool_free = NULL;
    pool->pool_bump = (uint32_t)POOL_HEADER_SIZE;
    pool->pool_limit = (uint32_t)(POOL_SIZE - size);
    pool->pool_prev = NULL;
    pool->pool_next = used_pools[c];
    if (pool->pool_next != NULL) {
        pool->pool_next->pool_prev = pool;
    }
    used_pools[c] = pool;
    return pool;
}

static void
unlink_used(Pool *pool)
{
    if (pool->pool_prev != NULL) {
        pool->pool_prev->pool_next = pool->pool_next;
    } else {
        used_pools[pool->pool_class] = pool->pool_next;
    }
    if (pool->pool_next != NULL) {
        pool->pool_next->pool_prev = pool->pool_prev;
    }
}
/* }====== */

/* {====== The four entry points ====== */

/* A block of at least size bytes, aligned to 16; NULL when memory is
   exhausted (no exception is set). */
void *
MpMem_Malloc(size_t size)
{
    if (size - 1 >= MP_SMALL_REQUEST_MAX) {  // also size 0: wraps around
        return malloc(size ? size : 1);
    }
    uint32_t c = (uint32_t)((size - 1) >> ALIGNMENT_SHIFT);
    Pool *pool = used_pools[c];
    if (pool == NULL && (pool = new_pool(c)) == NULL) {
        return NULL;
    }
    void *block = pool->pool_free;
    if (block != NULL) {
        pool->pool_free = *(void **)block;
    } else {
        block = (char *)pool + pool->pool_bump;
        pool->pool_bump += (uint32_t)CLASS_SIZE(c);
    }
    pool->pool_used++;
    blocks_used++;
    if (pool->pool_free == NULL && pool->pool_bump > pool->pool_limit) {
        unlink_used(pool);  // full: no free block left
    }
    return block;
}

void *
MpMem_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > SIZE_MAX / elsize) {
        return NULL;
    }
    size_t size = nelem * elsize;
    if (size - 1 >= MP_SMALL_REQUEST_MAX) {
        return calloc(size ? size : 1, 1);
    }
    void *p = MpMem_Malloc(size);
    if (p != NULL) {
        memset(p, 0, size);
    }
    return p;
}

void
MpMem_Free(void *p)
{
    if (p == NULL) {
        return;
    }
    Pool *pool = POOL_OF(p);
    if (!address_in_range(p, pool)) {
        free(p);
        return;
    }
#if MP_DEBUG
    memset(p, 0xDD, CLASS_SIZE(pool->pool_class));  // poison for use-after-free
#endif
    int was_full = pool->pool_free == NULL &&
                   pool->pool_bump > pool->pool_limit;
    *(void **)p = pool->pool_free;
    pool->pool_free = p;
    pool->pool_used--;
    blocks_used--;
    if (pool->pool_used == 0) {
        /* Empty: any class may have it.  A full pool was on no list. */
        if (!was_full) {
            unlink_used(pool);
        }
        pool->pool_next = free_pools;
        free_pools = pool;
    } else if (was_full) {
        uint32_t c = pool->pool_class;
        pool->pool_prev = NULL;
        pool->pool_next = used_pools[c];
        if (pool->pool_next != NULL) {
            pool->pool_next->pool_prev = pool;
        }
        used_pools[c] = pool;
    }
}

void *
MpMem_Realloc(void *p, size_t size)
{
    if (p == NULL) {
        return MpMem_Malloc(size);
    }
    Pool *pool = POOL_OF(p);
    if (!address_in_range(p, pool)) {
        /* A big block stays with malloc, even when it shrinks. */
        return realloc(p, size ? size : 1);
    }
    size_t old = CLASS_SIZE(pool->pool_class);
    if (size <= old && 4 * size > 3 * old) {
        return p;  // same class or close to it: keep the block
    }
    void *q = MpMem_Malloc(size);
    if (q == NULL) {
        return NULL;
    }
    memcpy(q, p, size < old ? size : old);
    MpMem_Free(p);
    return q;
}
/* }====== */

void
MpMem_GetStats(MpMemStats *out)
{
    out->arenas = narenas;
    out->pools_used = pools_carved;
    out->blocks_used = blocks_used;
}

#else /* !MP_OBMALLOC: the sanitizer build */

void *
MpMem_Malloc(size_t size)
{
    return malloc(size ? size : 1);
}

void *
MpMem_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > SIZE_MAX / elsize) {
        return NULL;  // before calloc, which ASan would abort on
    }
    return calloc(nelem ? nelem : 1, elsize ? elsize : 1);
}

void *
MpMem_Realloc(void *p, size_t size)
{
    return realloc(p, size ? size : 1);
}

void
MpMem_Free(void *p)
{
    free(p);
}

void
MpMem_GetStats(MpMemStats *out)
{
    out->arenas = 0;
    out->pools_used = 0;
    out->blocks_used = 0;
}

#endif
