/* strbuf.h — a growable byte buffer for building text in C.

   Used wherever C code assembles a string of unknown length: the AST dump,
   reprs, error messages.  The bytes are always followed by a NUL (not
   counted in len), so data can be handed to C string functions.  An
   allocation failure sets the `failed` flag and later appends do nothing;
   check it once at the end instead of after every append. */
#ifndef MP_STRBUF_H
#define MP_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct {
    char *data;  // NUL-terminated; NULL until the first append
    size_t len;
    size_t cap;
    int failed;  // an allocation failed: contents are incomplete
} MpStrBuf;

/* Appends n bytes.  Returns 0, or -1 (and sets failed) when out of memory. */
int MpStrBuf_Append(MpStrBuf *b, const char *s, size_t n);
/* Makes room for n more bytes in one allocation (a padding of known
   size).  Returns 0, or -1 (and sets failed) when out of memory or when
   the total would pass PTRDIFF_MAX. */
int MpStrBuf_Reserve(MpStrBuf *b, size_t n);
/* Appends n copies of c.  Returns 0, or -1 (and sets failed). */
int MpStrBuf_Fill(MpStrBuf *b, char c, size_t n);
int MpStrBuf_Puts(MpStrBuf *b, const char *s);
int MpStrBuf_Putc(MpStrBuf *b, char c);
int MpStrBuf_Printf(MpStrBuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends the UTF-8 encoding of code point cp (surrogates in the 3-byte
   form, as minipy's strings keep them). */
int MpStrBuf_PutCodePoint(MpStrBuf *b, unsigned cp);

/* Writes the UTF-8 encoding of cp (surrogates in the 3-byte form) to out
   and returns its length, 1 to 4. */
size_t MpUtf8_Encode(unsigned cp, char out[4]);

/* Frees the storage and resets b to empty. */
void MpStrBuf_Clear(MpStrBuf *b);

#endif
