/* strbuf.c — growable byte buffers (see strbuf.h).

   The capacity doubles when an append does not fit, so appending n bytes
   one at a time costs O(n) overall.  Read first: MpStrBuf_Append */
#include "strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for n more bytes and the NUL: doubling (amortised O(1) appends),
   or exactly what is needed when that is more. */
static int
grow(MpStrBuf *b, size_t n, int exact)
{
    if (b->failed) {
        return -1;
    }
    if (n > (size_t)PTRDIFF_MAX - 1 - b->len) {
        b->failed = 1;  // no object that large can exist
        return -1;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    cap = exact || cap > (size_t)PTRDIFF_MAX / 2 ? need : cap * 2;
    if (cap < need) {
        cap = need;
    }
    char *p = realloc(b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int
MpStrBuf_Reserve(MpStrBuf *b, size_t n)
{
    return grow(b, n, 1);
}

int
MpStrBuf_Append(MpStrBuf *b, const char *s, size_t n)
{
    if (grow(b, n, 0) < 0) {
        return -1;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int
MpStrBuf_Fill(MpStrBuf *b, char c, size_t n)
{
    if (grow(b, n, 0) < 0) {
        return -1;
    }
    memset(b->data + b->len, c, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int
MpStrBuf_Puts(MpStrBuf *b, const char *s)
{
    return MpStrBuf_Append(b, s, strlen(s));
}

int
MpStrBuf_Putc(MpStrBuf *b, char c)
{
    return MpStrBuf_Append(b, &c, 1);
}

int
MpStrBuf_Printf(MpStrBuf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return -1;
    }
    if ((size_t)n < sizeof small) {
        return MpStrBuf_Append(b, small, (size_t)n);
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL) {
        b->failed = 1;
        return -1;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    int r = MpStrBuf_Append(b, big, (size_t)n);
    free(big);
    return r;
}

size_t
MpUtf8_Encode(unsigned cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int
MpStrBuf_PutCodePoint(MpStrBuf *b, unsigned cp)
{
    char u[4];
    return MpStrBuf_Append(b, u, MpUtf8_Encode(cp, u));
}

void
MpStrBuf_Clear(MpStrBuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
