/* arena.h — bump allocation for the front end.

   The lexer's token texts, every AST node and every list in the tree are
   allocated from one arena per compilation and freed together when the
   compiler is done with the tree.  Nothing in an arena is freed on its own,
   so the parser never has to track ownership of half-built trees on an
   error path: dropping the arena drops everything.

   Allocation failure is reported by a NULL return; callers turn it into a
   MemoryError. */
#ifndef MP_ARENA_H
#define MP_ARENA_H

#include <stddef.h>

typedef struct MpArena MpArena;

/* A new, empty arena, or NULL when out of memory. */
MpArena *MpArena_New(void);

/* Frees the arena and everything allocated from it.  NULL is allowed. */
void MpArena_Free(MpArena *arena);

/* n zeroed bytes aligned for any type, or NULL when out of memory. */
void *MpArena_Alloc(MpArena *arena, size_t n);

/* A NUL-terminated copy of s[0:len], or NULL when out of memory. */
char *MpArena_Strndup(MpArena *arena, const char *s, size_t len);

#endif
