/* arena.c — the front end's bump allocator (see arena.h).

   An arena is a chain of blocks.  Allocation moves a cursor through the
   newest block; when it does not fit, a new block at least twice the size of
   the previous one (and large enough for the request) is put at the head of
   the chain.  Freeing walks the chain.  There is no per-object free.

   Read first: MpArena_Alloc */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 16 covers every scalar type on the platforms we build for. */
#define ARENA_ALIGN 16
/* The first block: big enough for a small module's whole tree. */
#define ARENA_FIRST_BLOCK 8192

typedef struct Block {
    struct Block *prev;
    size_t size;  // usable bytes in data[]
    size_t used;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} Block;

struct MpArena {
    Block *head;
};

MpArena *
MpArena_New(void)
{
    return calloc(1, sizeof(MpArena));
}

void
MpArena_Free(MpArena *arena)
{
    if (arena == NULL) {
        return;
    }
    Block *b = arena->head;
    while (b != NULL) {
        Block *prev = b->prev;
        free(b);
        b = prev;
    }
    free(arena);
}

void *
MpArena_Alloc(MpArena *arena, size_t n)
{
    size_t need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < n) {
        return NULL;  // overflow
    }
    Block *b = arena->head;
    if (b == NULL || b->size - b->used < need) {
        size_t size = b ? b->size * 2 : ARENA_FIRST_BLOCK;
        if (size < need) {
            size = need;
        }
        if (size > SIZE_MAX - sizeof(Block)) {
            return NULL;
        }
        Block *nb = malloc(sizeof(Block) + size);
        if (nb == NULL) {
            return NULL;
        }
        nb->prev = b;
        nb->size = size;
        nb->used = 0;
        arena->head = nb;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    memset(p, 0, n);
    return p;
}

char *
MpArena_Strndup(MpArena *arena, const char *s, size_t len)
{
    char *p = MpArena_Alloc(arena, len + 1);
    if (p == NULL) {
        return NULL;
    }
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}
