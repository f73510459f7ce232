/* str.c — str, Python's immutable text (see str.h for the layout).

   Representation.  A str keeps its code points in the narrowest of three
   widths (its "kind") that holds the largest one, as CPython's PEP 393:

       kind 1: every code point < 256      uint8_t[]   ('abc', 'café')
       kind 2: every code point < 65536    uint16_t[]  ('€10', '\ud800')
       kind 4: anything else               uint32_t[]  ('😀')

   Invariants, which equality and hashing rely on:
   - the kind is always the narrowest possible (every constructor narrows:
     see from_kind_data), so two equal strs have the same kind and the
     same bytes, and `a == b` is a length check plus one memcmp;
   - `ascii` is set exactly when every code point is < 128; then the data
     *is* valid UTF-8 and `utf8` points at it; otherwise `utf8` is NULL
     until MpStr_AsUTF8 makes (and caches) a separately malloc'd copy;
   - the data is followed by one zero code point;
   - `hash` is -1 until first asked for, then SipHash-1-3 (hash.c) of the
     kind bytes, which equals CPython's value under a fixed PYTHONHASHSEED.

   Sharing: the empty str and the 256 one-character latin-1 strs are
   singletons; identifiers are interned in a private open-addressing table
   (linear probing on the str hash) that owns one reference to each.

   Building text: most methods emit code points into a `cpw` (code point
   writer: a uint32_t array that remembers the largest code point written)
   and make the str of the right kind at the end.

   CPython counterpart: Objects/unicodeobject.c, Objects/stringlib/.
   Read first: from_kind_data, then str_richcompare and MpStr_Concat. */
#define _GNU_SOURCE  // memmem
#include "objects/str.h"
#include "obmalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "format.h"
#include "getargs.h"
#include "hash.h"
#include "printf.h"
#include "repr.h"
#include "strbuf.h"
#include "unicodedb.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/unicodecodecs.h"

#include "objects/slice.h"

#define MP_SSIZE_MAX PTRDIFF_MAX
#define MAX_UNICODE 0x10FFFFu

typedef MpStrObject StrObj;

static inline Mp_ssize_t
LEN(const MpObject *o)
{
    return Mp_SIZE(o);
}

static inline int
KIND(const MpObject *o)
{
    return ((const StrObj *)o)->kind;
}

static inline uint32_t
rd(int kind, const void *data, Mp_ssize_t i)
{
    switch (kind) {
    case 1:
        return ((const uint8_t *)data)[i];
    case 2:
        return ((const uint16_t *)data)[i];
    default:
        return ((const uint32_t *)data)[i];
    }
}

static inline void
wr(int kind, void *data, Mp_ssize_t i, uint32_t c)
{
    switch (kind) {
    case 1:
        ((uint8_t *)data)[i] = (uint8_t)c;
        break;
    case 2:
        ((uint16_t *)data)[i] = (uint16_t)c;
        break;
    default:
        ((uint32_t *)data)[i] = c;
        break;
    }
}

static inline int
kind_for(uint32_t maxchar)
{
    return maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
}

static inline int
is_str_type_exact(MpObject *o)
{
    return Mp_TYPE(o) == &MpStr_Type;
}

/* {====== Allocation and the shared strs ====== */

static MpObject *str_empty;           // ''
static MpObject *str_latin1[256];     // 'a', '\xe9', ...

/* A str of n code points, kind chosen from maxchar, data zeroed (the
   caller fills it).  type is MpStr_Type or a subclass.  Refs: NEW. */
static MpObject *
str_alloc(MpTypeObject *type, Mp_ssize_t n, uint32_t maxchar)
{
    int kind = kind_for(maxchar);
    /* kind is 1, 2 or 4: kind >> 1 is its log2, and a shift spares the
       hot path a division. */
    if (n < 0 || n > ((MP_SSIZE_MAX - (Mp_ssize_t)sizeof(StrObj) - 64) >>
                      (kind >> 1)) - 1) {
        return MpErr_NoMemory();
    }
    StrObj *s = (StrObj *)MpObject_NewVar(type, (n + 1) * kind);
    if (s == NULL) {
        return NULL;
    }
    s->ob_base.ob_size = n;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 0x80;
    s->interned = 0;
    if (s->ascii) {
        s->utf8 = (char *)(s + 1);
        s->utf8_len = n;
    }
    else {
        s->utf8 = NULL;
        s->utf8_len = 0;
    }
    return (MpObject *)s;
}

static MpObject *
get_empty(void)
{
    if (str_empty == NULL) {
        str_empty = str_alloc(&MpStr_Type, 0, 0);
        if (str_empty == NULL) {
            return NULL;
        }
    }
    return Mp_NewRef(str_empty);
}

static MpObject *
get_latin1(uint32_t c)
{
    MpObject *s = str_latin1[c];
    if (s == NULL) {
        s = str_alloc(&MpStr_Type, 1, c);
        if (s == NULL) {
            return NULL;
        }
        ((uint8_t *)MpStr_DATA(s))[0] = (uint8_t)c;
        str_latin1[c] = s;
    }
    return Mp_NewRef(s);
}

/* Copies n code points between widths. */
static void
copy_chars(int dkind, void *dst, int skind, const void *src, Mp_ssize_t n)
{
    if (dkind == skind) {
        memcpy(dst, src, (size_t)n * dkind);
        return;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        wr(dkind, dst, i, rd(skind, src, i));
    }
}

static uint32_t
max_char(int kind, const void *data, Mp_ssize_t n)
{
    uint32_t m = 0;
    if (kind == 1) {
        /* An OR of all the bytes is enough to decide ascii vs latin-1;
           eight at a time, then the tail. */
        const uint8_t *p = data;
        uint64_t w = 0;
        Mp_ssize_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t chunk;
            memcpy(&chunk, p + i, sizeof chunk);
            w |= chunk;
        }
        for (; i < n; i++) {
            m |= p[i];
        }
        for (; w != 0; w >>= 8) {
            m |= (uint32_t)(w & 0xff);
        }
        return m;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rd(kind, data, i);
        if (c > m) {
            m = c;
        }
    }
    return m;
}

/* The one way to make a str from code points of any width: scans for the
   largest, so the result has the narrowest kind (the invariant above), and
   returns the shared singletons for lengths 0 and 1.  Refs: NEW. */
static MpObject *
from_kind_data(int kind, const void *data, Mp_ssize_t n)
{
    if (n == 0) {
        return get_empty();
    }
    uint32_t m = max_char(kind, data, n);
    if (n == 1 && m < 0x100) {
        return get_latin1(m);
    }
    MpObject *s = str_alloc(&MpStr_Type, n, m);
    if (s != NULL) {
        copy_chars(KIND(s), MpStr_DATA(s), kind, data, n);
    }
    return s;
}

MpObject *
MpStr_FromASCII(const char *data, Mp_ssize_t n)
{
    if (n <= 1) {
        return n == 0 ? get_empty() : get_latin1((uint8_t)data[0]);
    }
    MpObject *s = str_alloc(&MpStr_Type, n, 0x7F);
    if (s != NULL) {
        memcpy(MpStr_DATA(s), data, (size_t)n);
    }
    return s;
}

/* s[start:end] (0 <= start <= end <= len).  Refs: NEW. */
static MpObject *
substr(MpObject *s, Mp_ssize_t start, Mp_ssize_t end)
{
    if (start == 0 && end == LEN(s) && is_str_type_exact(s)) {
        return Mp_NewRef(s);
    }
    if (((StrObj *)s)->ascii) {
        return MpStr_FromASCII((const char *)MpStr_DATA(s) + start,
                               end - start);
    }
    int k = KIND(s);
    return from_kind_data(k, (const char *)MpStr_DATA(s) + start * k,
                          end - start);
}

MpObject *
MpStr_FromKindAndData(int kind, const void *data, Mp_ssize_t n)
{
    if (kind != 1 && kind != 2 && kind != 4) {
        return MpErr_BadInternalCall("MpStr_FromKindAndData");
    }
    return from_kind_data(kind, data, n);
}

MpObject *
MpStr_FromCodePoint(uint32_t cp)
{
    if (cp > MAX_UNICODE) {
        return MpErr_Format(MpExc_ValueError,
                            "chr() arg not in range(0x110000)");
    }
    if (cp < 0x100) {
        return get_latin1(cp);
    }
    MpObject *s = str_alloc(&MpStr_Type, 1, cp);
    if (s != NULL) {
        wr(KIND(s), MpStr_DATA(s), 0, cp);
    }
    return s;
}

/* An exact-str copy of a str subclass instance (or s itself).
   Refs: NEW. */
static MpObject *
str_exact(MpObject *s)
{
    if (is_str_type_exact(s)) {
        return Mp_NewRef(s);
    }
    return from_kind_data(KIND(s), MpStr_DATA(s), LEN(s));
}
/* }====== */

/* {====== The code point writer ====== */

typedef MpStrWriter cpw;  // str.h: the exported name of this writer

static void
cpw_init(cpw *w)
{
    w->buf = w->inl;
    w->len = 0;
    w->cap = 64;
    w->maxchar = 0;
}

static void
cpw_discard(cpw *w)
{
    if (w->buf != w->inl) {
        free(w->buf);
    }
    w->buf = w->inl;
}

static int
cpw_reserve(cpw *w, Mp_ssize_t extra)
{
    if (extra <= w->cap - w->len) {
        return 0;
    }
    if (extra > MP_SSIZE_MAX / 8 - w->len) {
        MpErr_NoMemory();
        return -1;
    }
    Mp_ssize_t ncap = w->cap * 2;
    if (ncap < w->len + extra) {
        ncap = w->len + extra;
    }
    uint32_t *nb;
    if (w->buf == w->inl) {
        nb = malloc((size_t)ncap * 4);
        if (nb != NULL) {
            memcpy(nb, w->inl, (size_t)w->len * 4);
        }
    }
    else {
        nb = realloc(w->buf, (size_t)ncap * 4);
    }
    if (nb == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    w->buf = nb;
    w->cap = ncap;
    return 0;
}

static inline int
cpw_put(cpw *w, uint32_t c)
{
    if (w->len == w->cap && cpw_reserve(w, 1) < 0) {
        return -1;
    }
    w->buf[w->len++] = c;
    if (c > w->maxchar) {
        w->maxchar = c;
    }
    return 0;
}

static int
cpw_put_n(cpw *w, const uint32_t *cs, int n)
{
    for (int i = 0; i < n; i++) {
        if (cpw_put(w, cs[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* Appends s[start:end]. */
static int
cpw_put_sub(cpw *w, MpObject *s, Mp_ssize_t start, Mp_ssize_t end)
{
    if (end <= start) {
        return 0;
    }
    if (cpw_reserve(w, end - start) < 0) {
        return -1;
    }
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = start; i < end; i++) {
        uint32_t c = rd(k, d, i);
        w->buf[w->len++] = c;
        if (c > w->maxchar) {
            w->maxchar = c;
        }
    }
    return 0;
}

static int
cpw_put_str(cpw *w, MpObject *s)
{
    return cpw_put_sub(w, s, 0, LEN(s));
}

static int
cpw_put_ascii(cpw *w, const char *s, Mp_ssize_t n)
{
    if (cpw_reserve(w, n) < 0) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        cpw_put(w, (unsigned char)s[i]);
    }
    return 0;
}

static int
cpw_fill(cpw *w, uint32_t c, Mp_ssize_t n)
{
    if (n <= 0) {
        return 0;
    }
    if (cpw_reserve(w, n) < 0) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        w->buf[w->len++] = c;
    }
    if (c > w->maxchar) {
        w->maxchar = c;
    }
    return 0;
}

/* The str written so far; the writer is released.  Refs: NEW. */
static MpObject *
cpw_finish(cpw *w)
{
    MpObject *s;
    if (w->len == 0) {
        s = get_empty();
    }
    else if (w->len == 1 && w->maxchar < 0x100) {
        s = get_latin1(w->maxchar);
    }
    else {
        s = str_alloc(&MpStr_Type, w->len, w->maxchar);
        if (s != NULL) {
            copy_chars(KIND(s), MpStr_DATA(s), 4, w->buf, w->len);
        }
    }
    cpw_discard(w);
    return s;
}

void
MpStrWriter_Init(MpStrWriter *w)
{
    cpw_init(w);
}

int
MpStrWriter_Put(MpStrWriter *w, uint32_t cp)
{
    return cpw_put(w, cp);
}

int
MpStrWriter_PutASCII(MpStrWriter *w, const char *s, Mp_ssize_t n)
{
    return cpw_put_ascii(w, s, n);
}

MpObject *
MpStrWriter_Finish(MpStrWriter *w)
{
    return cpw_finish(w);
}

void
MpStrWriter_Discard(MpStrWriter *w)
{
    cpw_discard(w);
}
/* }====== */

/* {====== UTF-8 ======
   minipy's internal UTF-8 (C strings handed to MpStr_FromUTF8, the cached
   utf8 form) admits surrogates in their 3-byte form, as CPython's
   "surrogatepass".  bytes.decode('utf-8') is strict about them; its
   errors go to the handlers of unicodecodecs.c. */

/* Decodes one UTF-8 sequence at s[0:n].  Returns its length and sets *cp,
   or returns 0 and sets *bad (the length of the invalid prefix, >= 1) and
   *reason.  Surrogates pass when allow_surr. */
static Mp_ssize_t
utf8_decode_one(const unsigned char *s, Mp_ssize_t n, int allow_surr,
                uint32_t *cp, Mp_ssize_t *bad, const char **reason)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    Mp_ssize_t need;
    unsigned lo = 0x80, hi = 0xBF;
    uint32_t v;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        v = c & 0x1F;
    }
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        v = c & 0x0F;
        if (c == 0xE0) {
            lo = 0xA0;
        }
        else if (c == 0xED && !allow_surr) {
            hi = 0x9F;
        }
    }
    else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        v = c & 0x07;
        if (c == 0xF0) {
            lo = 0x90;
        }
        else if (c == 0xF4) {
            hi = 0x8F;
        }
    }
    else {
        *bad = 1;
        *reason = "invalid start byte";
        return 0;
    }
    for (Mp_ssize_t i = 1; i < need; i++) {
        if (i >= n) {
            *bad = i;
            *reason = "unexpected end of data";
            return 0;
        }
        unsigned b = s[i];
        if (b < lo || b > hi) {
            *bad = i;
            *reason = "invalid continuation byte";
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
        v = (v << 6) | (b & 0x3F);
    }
    *cp = v;
    return need;
}

/* The decoder behind MpStr_FromUTF8 (internal: encoded surrogates
   pass, anything else invalid is an error) and bytes.decode('utf-8').
   Refs: NEW. */
static MpObject *
decode_utf8(const char *s, Mp_ssize_t len, int internal, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Mp_ssize_t i = 0;
    while (i < len && p[i] < 0x80) {
        i++;
    }
    if (i == len) {  // all ASCII: one copy
        if (len <= 1) {
            return len == 0 ? get_empty() : get_latin1(p[0]);
        }
        MpObject *r = str_alloc(&MpStr_Type, len, 0x7F);
        if (r != NULL) {
            memcpy(MpStr_DATA(r), s, (size_t)len);
        }
        return r;
    }
    MpDecoding d = {"utf-8", MP_CODEC_UTF8, MP_BO_LE, s, len, errors};
    cpw w;
    cpw_init(&w);
    if (cpw_put_ascii(&w, s, i) < 0) {
        goto error;
    }
    while (i < len) {
        uint32_t cp;
        Mp_ssize_t bad;
        const char *reason;
        Mp_ssize_t k = utf8_decode_one(p + i, len - i, internal, &cp, &bad,
                                       &reason);
        if (k > 0) {
            if (cpw_put(&w, cp) < 0) {
                goto error;
            }
            i += k;
        }
        else if ((i = MpCodec_DecodeError(&d, i, i + bad, reason, &w)) < 0) {
            goto error;
        }
    }
    return cpw_finish(&w);
error:
    cpw_discard(&w);
    return NULL;
}

MpObject *
MpStr_FromUTF8(const char *s, Mp_ssize_t len)
{
    return decode_utf8(s, len, 1, NULL);
}

MpObject *
MpStr_FromString(const char *s)
{
    return decode_utf8(s, (Mp_ssize_t)strlen(s), 1, NULL);
}

MpObject *
MpStr_DecodeUTF8(const char *s, Mp_ssize_t len, const char *errors)
{
    return decode_utf8(s, len, 0, errors);
}

static int
make_utf8(StrObj *s)
{
    MpObject *o = (MpObject *)s;
    Mp_ssize_t n = LEN(o);
    int k = s->kind;
    const void *d = MpStr_DATA(o);
    size_t size = 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        uint32_t c = rd(k, d, i);
        size += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }
    char *buf = malloc(size + 1);
    if (buf == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    char *q = buf;
    for (Mp_ssize_t i = 0; i < n; i++) {
        q += MpUtf8_Encode(rd(k, d, i), q);
    }
    *q = '\0';
    s->utf8 = buf;
    s->utf8_len = (Mp_ssize_t)size;
    return 0;
}

int
MpStr_AppendToBuf(MpStrBuf *b, MpObject *s)
{
    Mp_ssize_t n;
    const char *u = MpStr_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        return -1;
    }
    MpStrBuf_Append(b, u, (size_t)n);
    return 0;
}

const char *
MpStr_AsUTF8AndSize(MpObject *o, Mp_ssize_t *len)
{
    StrObj *s = (StrObj *)o;
    if (s->utf8 == NULL && make_utf8(s) < 0) {
        return NULL;
    }
    if (len != NULL) {
        *len = s->utf8_len;
    }
    return s->utf8;
}

const char *
MpStr_AsUTF8(MpObject *o)
{
    return MpStr_AsUTF8AndSize(o, NULL);
}
/* }====== */

/* {====== Equality, ordering, hashing ====== */

int
MpStr_Equal(MpObject *a, MpObject *b)
{
    if (a == b) {
        return 1;
    }
    Mp_ssize_t n = LEN(a);
    if (n != LEN(b) || KIND(a) != KIND(b)) {
        return 0;  // equal strs have equal kinds (narrowest-kind invariant)
    }
    Mp_hash_t ha = ((StrObj *)a)->hash, hb = ((StrObj *)b)->hash;
    if (ha != -1 && hb != -1 && ha != hb) {
        return 0;
    }
    return memcmp(MpStr_DATA(a), MpStr_DATA(b), (size_t)n * KIND(a)) == 0;
}

/* <0, 0, >0 in code point order. */
static int
str_compare(MpObject *a, MpObject *b)
{
    Mp_ssize_t na = LEN(a), nb = LEN(b);
    Mp_ssize_t n = na < nb ? na : nb;
    int ka = KIND(a), kb = KIND(b);
    const void *da = MpStr_DATA(a), *db = MpStr_DATA(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, (size_t)n);
        if (c != 0) {
            return c;
        }
    }
    else {
        for (Mp_ssize_t i = 0; i < n; i++) {
            uint32_t x = rd(ka, da, i), y = rd(kb, db, i);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

int
MpStr_CompareWithASCII(MpObject *o, const char *s)
{
    Mp_ssize_t n = LEN(o);
    int k = KIND(o);
    const void *d = MpStr_DATA(o);
    Mp_ssize_t i;
    for (i = 0; i < n && s[i] != '\0'; i++) {
        uint32_t x = rd(k, d, i), y = (unsigned char)s[i];
        if (x != y) {
            return x < y ? -1 : 1;
        }
    }
    if (i < n) {
        return 1;
    }
    return s[i] != '\0' ? -1 : 0;
}

static MpObject *
str_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpStr_Check(b) || !MpStr_Check(a)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    if (op == Mp_EQ || op == Mp_NE) {
        return MpBool_FromLong(MpStr_Equal(a, b) == (op == Mp_EQ));
    }
    return MpRichCompare_FromCmp(str_compare(a, b), op);
}

static Mp_hash_t
str_hash(MpObject *o)
{
    StrObj *s = (StrObj *)o;
    if (s->hash == -1) {
        s->hash = MpHash_Bytes(MpStr_DATA(o), LEN(o) * s->kind);
    }
    return s->hash;
}
/* }====== */

/* {====== Interning ======
   An open-addressing set of strs, probed linearly from hash & mask; it
   owns one reference to each member and grows at 2/3 full.  Members are
   never removed before MpStr_Fini. */

static MpObject **intern_table;
static size_t intern_mask;  // capacity - 1 (a power of two)
static size_t intern_used;

static int
intern_grow(void)
{
    size_t ncap = intern_table == NULL ? 1024 : (intern_mask + 1) * 2;
    MpObject **nt = calloc(ncap, sizeof *nt);
    if (nt == NULL) {
        MpErr_NoMemory();
        return -1;
    }
    if (intern_table != NULL) {
        for (size_t i = 0; i <= intern_mask; i++) {
            MpObject *s = intern_table[i];
            if (s != NULL) {
                size_t j = (size_t)str_hash(s) & (ncap - 1);
                while (nt[j] != NULL) {
                    j = (j + 1) & (ncap - 1);
                }
                nt[j] = s;
            }
        }
        free(intern_table);
    }
    intern_table = nt;
    intern_mask = ncap - 1;
    return 0;
}

void
MpStr_InternInPlace(MpObject **p)
{
    MpObject *s = *p;
    if (s == NULL || !is_str_type_exact(s) || ((StrObj *)s)->interned) {
        return;
    }
    if ((intern_used + 1) * 3 >= (intern_mask + 1) * 2 ||
        intern_table == NULL) {
        if (intern_grow() < 0) {
            MpErr_Clear();  // leave it uninterned: still a correct str
            return;
        }
    }
    size_t j = (size_t)str_hash(s) & intern_mask;
    MpObject *t;
    while ((t = intern_table[j]) != NULL) {
        if (MpStr_Equal(t, s)) {
            Mp_INCREF(t);
            *p = t;
            Mp_DECREF(s);
            return;
        }
        j = (j + 1) & intern_mask;
    }
    intern_table[j] = Mp_NewRef(s);
    intern_used++;
    ((StrObj *)s)->interned = 1;
}

MpObject *
MpStr_InternFromString(const char *s)
{
    MpObject *o = MpStr_FromString(s);
    if (o != NULL) {
        MpStr_InternInPlace(&o);
    }
    return o;
}
/* }====== */

/* {====== Concatenation, repetition, join ====== */

/* Refs: NEW. */
static MpObject *
concat2(MpObject *a, MpObject *b)
{
    Mp_ssize_t na = LEN(a), nb = LEN(b);
    if (nb == 0 && is_str_type_exact(a)) {
        return Mp_NewRef(a);
    }
    if (na == 0 && is_str_type_exact(b)) {
        return Mp_NewRef(b);
    }
    if (na > MP_SSIZE_MAX - nb) {
        return MpErr_Format(MpExc_OverflowError,
                            "strings are too large to concat");
    }
    int ka = KIND(a), kb = KIND(b);
    uint32_t m = ka > kb ? (ka == 1 ? 0xFF : ka == 2 ? 0xFFFF : MAX_UNICODE)
                         : (kb == 1 ? 0xFF : kb == 2 ? 0xFFFF : MAX_UNICODE);
    if (m == 0xFF && ((StrObj *)a)->ascii && ((StrObj *)b)->ascii) {
        m = 0x7F;
    }
    else if (m == 0xFF) {
        m = 0x80;
    }
    if (na + nb == 1) {
        return substr(na ? a : b, 0, 1);
    }
    MpObject *r = str_alloc(&MpStr_Type, na + nb, m);
    if (r == NULL) {
        return NULL;
    }
    int k = KIND(r);
    copy_chars(k, MpStr_DATA(r), ka, MpStr_DATA(a), na);
    copy_chars(k, (char *)MpStr_DATA(r) + na * k, kb, MpStr_DATA(b), nb);
    return r;
}

MpObject *
MpStr_Concat(MpObject *a, MpObject *b)
{
    if (!MpStr_Check(a) || !MpStr_Check(b)) {
        MpObject *bad = MpStr_Check(a) ? b : a;
        return MpErr_Format(MpExc_TypeError,
                            "can only concatenate str (not \"%.200s\") to str",
                            MpType_Name(Mp_TYPE(bad)));
    }
    return concat2(a, b);
}

/* s += t where nobody else holds s: the bytes of t are written after
   those of s, in the same object, grown by MpMem_Realloc (which extends
   a big block in place when it can).  A loop of `s += piece` then costs
   amortised O(len(piece)) per step instead of copying s each time.  The
   VM calls this only when the str's sole other owner is the local about
   to be overwritten, as CPython 3.11's BINARY_OP_INPLACE_ADD_UNICODE. */
int
MpStr_Append(MpObject **pleft, MpObject *right)
{
    MpObject *left = *pleft;
    StrObj *a = (StrObj *)left, *b = (StrObj *)right;
    Mp_ssize_t na = LEN(left), nb = LEN(right);
    if (left->ob_refcnt == 1 && MpStr_CheckExact(left) && !a->interned &&
        MpStr_Check(right) && KIND(left) >= KIND(right) && nb > 0 &&
        na <= (MP_SSIZE_MAX - (Mp_ssize_t)sizeof(StrObj) - 64) / 4 - nb) {
        int k = KIND(left);
        if (a->utf8 != NULL && a->utf8 != (char *)(a + 1)) {
            free(a->utf8);
        }
        a->utf8 = NULL;  // the data may move: no pointer into it survives
        StrObj *n = MpMem_Realloc(a, sizeof(StrObj) +
                                         (size_t)(na + nb + 1) * (size_t)k);
        if (n == NULL) {
            if (a->ascii) {
                a->utf8 = (char *)(a + 1);
            }
            MpErr_NoMemory();
            return -1;
        }
        char *data = (char *)(n + 1);
        copy_chars(k, data + na * k, KIND(right), MpStr_DATA(right), nb);
        memset(data + (na + nb) * k, 0, (size_t)k);
        n->ob_base.ob_size = na + nb;
        n->hash = -1;
        n->ascii = n->ascii && b->ascii;
        n->utf8 = n->ascii ? data : NULL;
        n->utf8_len = n->ascii ? na + nb : 0;
        *pleft = (MpObject *)n;
        return 0;
    }
    MpObject *r = MpStr_Concat(left, right);
    if (r == NULL) {
        return -1;
    }
    *pleft = r;
    Mp_DECREF(left);
    return 0;
}

static MpObject *
str_repeat(MpObject *s, Mp_ssize_t n)
{
    Mp_ssize_t len = LEN(s);
    if (n <= 0 || len == 0) {
        return get_empty();
    }
    if (n == 1) {
        return str_exact(s);
    }
    if (len > MP_SSIZE_MAX / n) {
        return MpErr_Format(MpExc_OverflowError,
                            "repeated string is too long");
    }
    int k = KIND(s);
    MpObject *r = str_alloc(&MpStr_Type, len * n,
                            ((StrObj *)s)->ascii ? 0x7F
                            : k == 1               ? 0xFF
                            : k == 2               ? 0xFFFF
                                                   : MAX_UNICODE);
    if (r == NULL) {
        return NULL;
    }
    char *d = MpStr_DATA(r);
    size_t unit = (size_t)len * k, total = unit * (size_t)n;
    if (len == 1 && k == 1) {
        memset(d, ((uint8_t *)MpStr_DATA(s))[0], (size_t)n);
        return r;
    }
    memcpy(d, MpStr_DATA(s), unit);
    size_t done = unit;
    while (done < total) {  // doubling copies: O(log n) memcpy calls
        size_t c = done <= total - done ? done : total - done;
        memcpy(d + done, d, c);
        done += c;
    }
    return r;
}

/* sep.join(items[0:n]), the items already checked to be strs. */
static MpObject *
join_array(MpObject *sep, MpObject *const *items, Mp_ssize_t n)
{
    if (n == 0) {
        return get_empty();
    }
    if (n == 1 && is_str_type_exact(items[0])) {
        return Mp_NewRef(items[0]);
    }
    Mp_ssize_t total = 0, nsep = LEN(sep);
    int maxk = n > 1 ? KIND(sep) : 1;
    int all_ascii = ((StrObj *)sep)->ascii || n == 1;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *it = items[i];
        Mp_ssize_t add = LEN(it) + (i ? nsep : 0);
        if (total > MP_SSIZE_MAX - add) {
            return MpErr_Format(MpExc_OverflowError,
                                "join() result is too long for a Python "
                                "string");
        }
        total += add;
        if (KIND(it) > maxk) {
            maxk = KIND(it);
        }
        all_ascii &= ((StrObj *)it)->ascii;
    }
    if (total <= 1) {
        cpw w;
        cpw_init(&w);
        for (Mp_ssize_t i = 0; i < n; i++) {
            if ((i && cpw_put_str(&w, sep) < 0) ||
                cpw_put_str(&w, items[i]) < 0) {
                cpw_discard(&w);
                return NULL;
            }
        }
        return cpw_finish(&w);
    }
    uint32_t m = maxk == 4 ? MAX_UNICODE : maxk == 2 ? 0xFFFF
                 : all_ascii                ? 0x7F
                                            : 0xFF;
    MpObject *r = str_alloc(&MpStr_Type, total, m);
    if (r == NULL) {
        return NULL;
    }
    /* The widest input fixes the kind, and that kind is the narrowest
       possible because that input needs it. */
    int k = KIND(r);
    char *d = MpStr_DATA(r);
    Mp_ssize_t pos = 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (i && nsep) {
            copy_chars(k, d + pos * k, KIND(sep), MpStr_DATA(sep), nsep);
            pos += nsep;
        }
        MpObject *it = items[i];
        copy_chars(k, d + pos * k, KIND(it), MpStr_DATA(it), LEN(it));
        pos += LEN(it);
    }
    return r;
}

MpObject *
MpStr_Join(MpObject *sep, MpObject *iterable)
{
    MpObject *const *items;
    Mp_ssize_t n;
    MpObject *seq = NULL;
    if (MpList_Check(iterable) || MpTuple_Check(iterable)) {
        seq = Mp_NewRef(iterable);
    }
    else {
        MpObject *it = MpObject_GetIter(iterable);
        if (it == NULL) {
            if (MpErr_ExceptionMatches(MpExc_TypeError)) {
                MpErr_Clear();
                MpErr_SetString(MpExc_TypeError,
                                "can only join an iterable");
            }
            return NULL;
        }
        seq = MpList_New(0);
        if (seq == NULL) {
            Mp_DECREF(it);
            return NULL;
        }
        MpObject *x;
        while ((x = MpIter_Next(it)) != NULL) {
            int rc = MpList_Append(seq, x);
            Mp_DECREF(x);
            if (rc < 0) {
                break;
            }
        }
        Mp_DECREF(it);
        if (MpErr_Occurred()) {
            Mp_DECREF(seq);
            return NULL;
        }
    }
    if (MpList_Check(seq)) {
        items = ((MpListObject *)seq)->items;
        n = Mp_SIZE(seq);
    }
    else {
        items = ((MpTupleObject *)seq)->items;
        n = Mp_SIZE(seq);
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (!MpStr_Check(items[i])) {
            MpErr_Format(MpExc_TypeError,
                         "sequence item %zd: expected str instance, "
                         "%.80s found",
                         i, MpType_Name(Mp_TYPE(items[i])));
            Mp_DECREF(seq);
            return NULL;
        }
    }
    MpObject *r = join_array(sep, items, n);
    Mp_DECREF(seq);
    return r;
}
/* }====== */

/* {====== repr and FromFormat ====== */

MpObject *
MpStr_Repr(MpObject *s)
{
    Mp_ssize_t n;
    const char *u = MpStr_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        return NULL;
    }
    MpStrBuf b = {0};
    if (MpRepr_Str(&b, u, (size_t)n) < 0) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpStr_FromUTF8(b.data, (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
}

/* Appends the first prec code points (all when prec < 0) of a str, as
   UTF-8. */
static int
put_str_prec(MpStrBuf *b, MpObject *s, long prec)
{
    Mp_ssize_t n;
    const char *u = MpStr_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        return -1;
    }
    if (prec >= 0 && prec < LEN(s)) {
        /* Find the byte offset of code point prec. */
        Mp_ssize_t i = 0, cps = 0;
        while (i < n && cps < prec) {
            unsigned char c = (unsigned char)u[i];
            i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            cps++;
        }
        n = i;
    }
    return MpStrBuf_Append(b, u, (size_t)n);
}

MpObject *
MpStr_FromFormatV(const char *fmt, va_list ap)
{
    MpStrBuf b = {0};
    va_list vargs;
    va_copy(vargs, ap);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            const char *q = f;
            while (q[1] && q[1] != '%') {
                q++;
            }
            MpStrBuf_Append(&b, f, (size_t)(q - f + 1));
            f = q;
            continue;
        }
        const char *start = f++;
        /* Flags, width, precision, length modifier. */
        while (*f == '-' || *f == '0' || *f == '+' || *f == ' ' ||
               *f == '#') {
            f++;
        }
        while (*f >= '0' && *f <= '9') {
            f++;
        }
        long prec = -1;
        if (*f == '.') {
            f++;
            prec = 0;
            while (*f >= '0' && *f <= '9') {
                prec = prec * 10 + (*f++ - '0');
            }
        }
        int lng = 0, sz = 0;
        if (*f == 'l') {
            lng = 1;
            f++;
            if (*f == 'l') {
                lng = 2;
                f++;
            }
        }
        else if (*f == 'z') {
            sz = 1;
            f++;
        }
        char spec[32];
        size_t speclen = (size_t)(f - start);
        if (speclen > 20) {
            speclen = 20;
        }
        memcpy(spec, start, speclen);
        switch (*f) {
        case '%':
            MpStrBuf_Putc(&b, '%');
            break;
        case 'c':
            MpStrBuf_PutCodePoint(&b, (unsigned)va_arg(vargs, int));
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X': {
            spec[speclen] = *f;
            spec[speclen + 1] = '\0';
            if (lng == 2) {
                if (*f == 'd' || *f == 'i') {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, long long));
                }
                else {
                    MpStrBuf_Printf(&b, spec,
                                    va_arg(vargs, unsigned long long));
                }
            }
            else if (lng == 1) {
                if (*f == 'd' || *f == 'i') {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, long));
                }
                else {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, unsigned long));
                }
            }
            else if (sz) {
                if (*f == 'd' || *f == 'i') {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, Mp_ssize_t));
                }
                else {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, size_t));
                }
            }
            else {
                if (*f == 'd' || *f == 'i') {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, int));
                }
                else {
                    MpStrBuf_Printf(&b, spec, va_arg(vargs, unsigned));
                }
            }
            break;
        }
        case 'p': {
            /* CPython prints pointers as 0x-prefixed hex everywhere. */
            void *p = va_arg(vargs, void *);
            MpStrBuf_Printf(&b, "0x%llx",
                            (unsigned long long)(uintptr_t)p);
            break;
        }
        case 's': {
            const char *s = va_arg(vargs, const char *);
            if (s == NULL) {
                s = "(null)";
            }
            size_t n = strlen(s);
            if (prec >= 0) {
                /* Count code points of UTF-8. */
                size_t i = 0;
                long cps = 0;
                while (i < n && cps < prec) {
                    unsigned char c = (unsigned char)s[i];
                    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
                    cps++;
                }
                n = i < n ? i : n;
            }
            MpStrBuf_Append(&b, s, n);
            break;
        }
        case 'U':
            if (put_str_prec(&b, va_arg(vargs, MpObject *), prec) < 0) {
                goto error;
            }
            break;
        case 'V': {
            MpObject *o = va_arg(vargs, MpObject *);
            const char *s = va_arg(vargs, const char *);
            if (o != NULL) {
                if (put_str_prec(&b, o, prec) < 0) {
                    goto error;
                }
            }
            else {
                MpStrBuf_Puts(&b, s);
            }
            break;
        }
        case 'R':
        case 'S':
        case 'A': {
            MpObject *o = va_arg(vargs, MpObject *);
            MpObject *t = *f == 'R'   ? MpObject_Repr(o)
                          : *f == 'S' ? MpObject_Str(o)
                                      : MpObject_ASCII(o);
            if (t == NULL) {
                goto error;
            }
            int rc = put_str_prec(&b, t, prec);
            Mp_DECREF(t);
            if (rc < 0) {
                goto error;
            }
            break;
        }
        case 'B':  // %T, but "None" for None: CPython's bad-argument text
        case 'T': {
            MpObject *o = va_arg(vargs, MpObject *);
            if (*f == 'B' && o == Mp_None) {
                MpStrBuf_Puts(&b, "None");
                break;
            }
            const char *name = Mp_TYPE(o)->tp_name;
            const char *dot = strrchr(name, '.');
            MpStrBuf_Puts(&b, dot != NULL ? dot + 1 : name);
            break;
        }
        default:
            /* Unknown: copy the rest verbatim, as CPython does. */
            MpStrBuf_Puts(&b, start);
            goto done;
        }
        if (*f == '\0') {
            break;
        }
    }
done:
    va_end(vargs);
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpStr_FromUTF8(b.data ? b.data : "", (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
error:
    va_end(vargs);
    MpStrBuf_Clear(&b);
    return NULL;
}

MpObject *
MpStr_FromFormat(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    MpObject *r = MpStr_FromFormatV(fmt, ap);
    va_end(ap);
    return r;
}
/* }====== */

/* {====== Sequence and mapping slots ====== */

static Mp_ssize_t
str_length(MpObject *s)
{
    return LEN(s);
}

static MpObject *
str_item(MpObject *s, Mp_ssize_t i)
{
    if (i < 0 || i >= LEN(s)) {
        MpErr_SetString(MpExc_IndexError, "string index out of range");
        return NULL;
    }
    uint32_t c = rd(KIND(s), MpStr_DATA(s), i);
    return MpStr_FromCodePoint(c);
}

static int
has_index(MpObject *o)
{
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

static MpObject *
str_subscript(MpObject *s, MpObject *key)
{
    if (has_index(key)) {
        Mp_ssize_t i = MpNumber_AsSsize_t(key, MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
        if (i < 0) {
            i += LEN(s);
        }
        return str_item(s, i);
    }
    if (Mp_TYPE(key) == &MpSlice_Type) {
        Mp_ssize_t start, stop, step;
        if (MpSlice_Unpack(key, &start, &stop, &step) < 0) {
            return NULL;
        }
        Mp_ssize_t n = MpSlice_AdjustIndices(LEN(s), &start, &stop, step);
        if (step == 1) {
            return substr(s, start, start + n);
        }
        if (n <= 0) {
            return get_empty();
        }
        cpw w;
        cpw_init(&w);
        if (cpw_reserve(&w, n) < 0) {
            return NULL;
        }
        int k = KIND(s);
        const void *d = MpStr_DATA(s);
        for (Mp_ssize_t i = 0, j = start; i < n; i++, j += step) {
            cpw_put(&w, rd(k, d, j));
        }
        return cpw_finish(&w);
    }
    return MpErr_Format(MpExc_TypeError,
                        "string indices must be integers, not '%.200s'",
                        MpType_Name(Mp_TYPE(key)));
}

/* First (last, when reverse) i in [start, end - len(sub)] with
   s[i:i+len(sub)] == sub, or -1.  Requires 0 <= start, end <= len(s). */
static Mp_ssize_t
find_in(MpObject *s, MpObject *sub, Mp_ssize_t start, Mp_ssize_t end,
        int reverse)
{
    Mp_ssize_t m = LEN(sub);
    if (end - start < m) {
        return -1;
    }
    if (m == 0) {
        return reverse ? end : start;
    }
    int ks = KIND(s), kp = KIND(sub);
    if (kp > ks) {
        return -1;  // sub holds a code point wider than any in s
    }
    const char *d = MpStr_DATA(s);
    const char *pd = MpStr_DATA(sub);
    uint32_t first = rd(kp, pd, 0);
    Mp_ssize_t last = end - m;
    if (!reverse && ks == 1) {
        const char *hit = memmem(d + start, (size_t)(end - start), pd,
                                 (size_t)m);
        return hit == NULL ? -1 : hit - d;
    }
    Mp_ssize_t i = reverse ? last : start;
    Mp_ssize_t stepi = reverse ? -1 : 1;
    for (; reverse ? i >= start : i <= last; i += stepi) {
        if (rd(ks, d, i) != first) {
            continue;
        }
        if (ks == kp) {
            if (memcmp(d + i * ks, pd, (size_t)m * ks) == 0) {
                return i;
            }
        }
        else {
            Mp_ssize_t j = 1;
            while (j < m && rd(ks, d, i + j) == rd(kp, pd, j)) {
                j++;
            }
            if (j == m) {
                return i;
            }
        }
    }
    return -1;
}

static int
str_contains(MpObject *s, MpObject *sub)
{
    if (!MpStr_Check(sub)) {
        MpErr_Format(MpExc_TypeError,
                     "'in <string>' requires string as left operand, "
                     "not %.100s",
                     MpType_Name(Mp_TYPE(sub)));
        return -1;
    }
    return find_in(s, sub, 0, LEN(s), 0) >= 0;
}

static MpObject *
str_concat_slot(MpObject *a, MpObject *b)
{
    return MpStr_Concat(a, b);
}

static MpObject *
str_add(MpObject *a, MpObject *b)
{
    if (!MpStr_Check(a) || !MpStr_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return concat2(a, b);
}
/* }====== */

/* {====== Argument helpers ====== */

/* A start/end argument: None leaves *out alone; integers (and __index__)
   are clipped to the ssize_t range, as CPython's _PyEval_SliceIndex. */
static int
slice_index(MpObject *o, Mp_ssize_t *out)
{
    if (o == NULL || o == Mp_None) {
        return 0;
    }
    if (!has_index(o)) {
        MpErr_SetString(MpExc_TypeError,
                        "slice indices must be integers or None or have "
                        "an __index__ method");
        return -1;
    }
    Mp_ssize_t v = MpNumber_AsSsize_t(o, NULL);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* Clips [start, end) to the string as slice indices do. */
static void
adjust_indices(Mp_ssize_t len, Mp_ssize_t *start, Mp_ssize_t *end)
{
    if (*end > len) {
        *end = len;
    }
    else if (*end < 0) {
        *end += len;
        if (*end < 0) {
            *end = 0;
        }
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0) {
            *start = 0;
        }
    }
}

/* (sub, start=None, end=None) of find, count, index, startswith ... */
static int
parse_sub_args(const char *fname, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *s, Mp_ssize_t *start, Mp_ssize_t *end)
{
    if (MpArg_CheckVarargs(fname, nargs, NULL, 1, 3) < 0) {
        return -1;
    }
    *start = 0;
    *end = MP_SSIZE_MAX;
    if ((nargs > 1 && slice_index(args[1], start) < 0) ||
        (nargs > 2 && slice_index(args[2], end) < 0)) {
        return -1;
    }
    adjust_indices(LEN(s), start, end);
    return 0;
}

static int
check_str_arg(MpObject *o)
{
    if (!MpStr_Check(o)) {
        MpErr_Format(MpExc_TypeError, "must be str, not %T",
                     o);
        return -1;
    }
    return 0;
}

/* An int argument (width, tabsize, count).  -1 with an error: check
   MpErr_Occurred. */
static Mp_ssize_t
ssize_arg(MpObject *o)
{
    if (!has_index(o)) {
        MpErr_Format(MpExc_TypeError,
                     "'%.200s' object cannot be interpreted as an integer",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    return MpNumber_AsSsize_t(o, MpExc_OverflowError);
}

#define ERR_SSIZE(v) ((v) == -1 && MpErr_Occurred())
/* }====== */

/* {====== find, index, count, startswith, endswith ====== */

static MpObject *
do_find(const char *name, MpObject *s, MpObject *const *args,
        Mp_ssize_t nargs, int reverse, int raise)
{
    Mp_ssize_t start, end;
    if (parse_sub_args(name, args, nargs, s, &start, &end) < 0 ||
        check_str_arg(args[0]) < 0) {
        return NULL;
    }
    Mp_ssize_t i = find_in(s, args[0], start, end, reverse);
    if (i < 0 && raise) {
        MpErr_SetString(MpExc_ValueError, "substring not found");
        return NULL;
    }
    return MpLong_FromSsize_t(i);
}

static MpObject *
str_find(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_find("find", s, args, nargs, 0, 0);
}

static MpObject *
str_rfind(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_find("rfind", s, args, nargs, 1, 0);
}

static MpObject *
str_index(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_find("index", s, args, nargs, 0, 1);
}

static MpObject *
str_rindex(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_find("rindex", s, args, nargs, 1, 1);
}

static MpObject *
str_count(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t start, end;
    if (parse_sub_args("count", args, nargs, s, &start, &end) < 0 ||
        check_str_arg(args[0]) < 0) {
        return NULL;
    }
    MpObject *sub = args[0];
    Mp_ssize_t m = LEN(sub), n = 0;
    if (end - start < m) {
        return MpLong_FromSsize_t(0);
    }
    if (m == 0) {
        return MpLong_FromSsize_t(end - start + 1);
    }
    Mp_ssize_t i;
    while ((i = find_in(s, sub, start, end, 0)) >= 0) {
        n++;
        start = i + m;
    }
    return MpLong_FromSsize_t(n);
}

/* Whether s[start:end] starts (ends, when at_end) with sub. */
static int
tail_match(MpObject *s, MpObject *sub, Mp_ssize_t start, Mp_ssize_t end,
           int at_end)
{
    Mp_ssize_t m = LEN(sub);
    if (start > LEN(s) || end - start < m) {
        return 0;
    }
    if (m == 0) {
        return 1;
    }
    Mp_ssize_t at = at_end ? end - m : start;
    int ks = KIND(s), kp = KIND(sub);
    const char *d = MpStr_DATA(s);
    const char *pd = MpStr_DATA(sub);
    if (ks == kp) {
        return memcmp(d + at * ks, pd, (size_t)m * ks) == 0;
    }
    for (Mp_ssize_t j = 0; j < m; j++) {
        if (rd(ks, d, at + j) != rd(kp, pd, j)) {
            return 0;
        }
    }
    return 1;
}

static MpObject *
do_startswith(const char *name, MpObject *s, MpObject *const *args,
              Mp_ssize_t nargs, int at_end)
{
    Mp_ssize_t start, end;
    if (parse_sub_args(name, args, nargs, s, &start, &end) < 0) {
        return NULL;
    }
    MpObject *x = args[0];
    if (MpTuple_Check(x)) {
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(x); i++) {
            MpObject *p = MpTuple_GET_ITEM(x, i);
            if (!MpStr_Check(p)) {
                return MpErr_Format(MpExc_TypeError,
                                    "tuple for %s must only contain str, "
                                    "not %.100s",
                                    name, MpType_Name(Mp_TYPE(p)));
            }
            if (tail_match(s, p, start, end, at_end)) {
                return MpBool_FromLong(1);
            }
        }
        return MpBool_FromLong(0);
    }
    if (!MpStr_Check(x)) {
        return MpErr_Format(MpExc_TypeError,
                            "%s first arg must be str or a tuple of str, "
                            "not %.100s",
                            name, MpType_Name(Mp_TYPE(x)));
    }
    return MpBool_FromLong(tail_match(s, x, start, end, at_end));
}

static MpObject *
str_startswith(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_startswith("startswith", s, args, nargs, 0);
}

static MpObject *
str_endswith(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_startswith("endswith", s, args, nargs, 1);
}

static MpObject *
do_removefix(const char *name, MpObject *s, MpObject *x, int suffix)
{
    if (!MpStr_Check(x)) {
        return MpErr_Format(MpExc_TypeError,
                            "%s() argument must be str, not %B", name,
                            x);
    }
    Mp_ssize_t n = LEN(s), m = LEN(x);
    if (m > 0 && tail_match(s, x, 0, n, suffix)) {
        return suffix ? substr(s, 0, n - m) : substr(s, m, n);
    }
    return str_exact(s);
}

static MpObject *
str_removeprefix(MpObject *s, MpObject *x)
{
    return do_removefix("removeprefix", s, x, 0);
}

static MpObject *
str_removesuffix(MpObject *s, MpObject *x)
{
    return do_removefix("removesuffix", s, x, 1);
}
/* }====== */

/* {====== split, partition, splitlines ====== */

static inline int
is_space(uint32_t c)
{
    if (c < 128) {
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31);
    }
    return MpUnicode_IsSpace(c);
}

static inline int
is_linebreak(uint32_t c)
{
    switch (c) {
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x85:
    case 0x2028:
    case 0x2029:
        return 1;
    }
    return 0;
}

static int
list_add_sub(MpObject *list, MpObject *s, Mp_ssize_t i, Mp_ssize_t j)
{
    MpObject *x = substr(s, i, j);
    if (x == NULL) {
        return -1;
    }
    int rc = MpList_Append(list, x);
    Mp_DECREF(x);
    return rc;
}

static void
list_reverse(MpObject *list)
{
    MpObject **it = ((MpListObject *)list)->items;
    Mp_ssize_t n = Mp_SIZE(list);
    for (Mp_ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        MpObject *t = it[i];
        it[i] = it[j];
        it[j] = t;
    }
}

static const char *const split_kw[] = {"sep", "maxsplit", NULL};

static MpObject *
do_split(const char *name, MpObject *s, MpObject *const *args,
         Mp_ssize_t nargs, MpObject *kwnames, int reverse)
{
    MpArgSpec spec = {name, split_kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *sep = a[0] == NULL ? Mp_None : a[0];
    Mp_ssize_t maxcount = -1;
    if (a[1] != NULL) {
        maxcount = ssize_arg(a[1]);
        if (ERR_SSIZE(maxcount)) {
            return NULL;
        }
    }
    if (maxcount < 0) {
        maxcount = MP_SSIZE_MAX;
    }
    if (sep != Mp_None && !MpStr_Check(sep)) {
        return MpErr_Format(MpExc_TypeError,
                            "must be str or None, not %.100s",
                            MpType_Name(Mp_TYPE(sep)));
    }
    if (sep != Mp_None && LEN(sep) == 0) {
        MpErr_SetString(MpExc_ValueError, "empty separator");
        return NULL;
    }
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Mp_ssize_t len = LEN(s);
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    if (sep == Mp_None && !reverse) {
        Mp_ssize_t i = 0;
        while (maxcount-- > 0) {
            while (i < len && is_space(rd(k, d, i))) {
                i++;
            }
            if (i == len) {
                break;
            }
            Mp_ssize_t j = i++;
            while (i < len && !is_space(rd(k, d, i))) {
                i++;
            }
            if (list_add_sub(list, s, j, i) < 0) {
                goto error;
            }
        }
        while (i < len && is_space(rd(k, d, i))) {
            i++;
        }
        if (i < len && list_add_sub(list, s, i, len) < 0) {
            goto error;
        }
    }
    else if (sep == Mp_None) {
        Mp_ssize_t i = len;
        while (maxcount-- > 0) {
            while (i > 0 && is_space(rd(k, d, i - 1))) {
                i--;
            }
            if (i == 0) {
                break;
            }
            Mp_ssize_t j = i--;
            while (i > 0 && !is_space(rd(k, d, i - 1))) {
                i--;
            }
            if (list_add_sub(list, s, i, j) < 0) {
                goto error;
            }
        }
        while (i > 0 && is_space(rd(k, d, i - 1))) {
            i--;
        }
        if (i > 0 && list_add_sub(list, s, 0, i) < 0) {
            goto error;
        }
        list_reverse(list);
    }
    else if (!reverse) {
        Mp_ssize_t i = 0, m = LEN(sep), pos;
        while (maxcount-- > 0 && (pos = find_in(s, sep, i, len, 0)) >= 0) {
            if (list_add_sub(list, s, i, pos) < 0) {
                goto error;
            }
            i = pos + m;
        }
        if (list_add_sub(list, s, i, len) < 0) {
            goto error;
        }
    }
    else {
        Mp_ssize_t j = len, m = LEN(sep), pos;
        while (maxcount-- > 0 && (pos = find_in(s, sep, 0, j, 1)) >= 0) {
            if (list_add_sub(list, s, pos + m, j) < 0) {
                goto error;
            }
            j = pos;
        }
        if (list_add_sub(list, s, 0, j) < 0) {
            goto error;
        }
        list_reverse(list);
    }
    return list;
error:
    Mp_DECREF(list);
    return NULL;
}

static MpObject *
str_split(MpObject *s, MpObject *const *args, Mp_ssize_t nargs,
          MpObject *kwnames)
{
    return do_split("split", s, args, nargs, kwnames, 0);
}

static MpObject *
str_rsplit(MpObject *s, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    return do_split("rsplit", s, args, nargs, kwnames, 1);
}

static MpObject *
do_partition(MpObject *s, MpObject *sep, int reverse)
{
    if (check_str_arg(sep) < 0) {
        return NULL;
    }
    if (LEN(sep) == 0) {
        MpErr_SetString(MpExc_ValueError, "empty separator");
        return NULL;
    }
    Mp_ssize_t n = LEN(s);
    Mp_ssize_t pos = find_in(s, sep, 0, n, reverse);
    MpObject *t = MpTuple_New(3);
    if (t == NULL) {
        return NULL;
    }
    MpObject *a, *b, *c;
    if (pos < 0) {
        a = reverse ? get_empty() : str_exact(s);
        b = get_empty();
        c = reverse ? str_exact(s) : get_empty();
    }
    else {
        a = substr(s, 0, pos);
        b = str_exact(sep);
        c = substr(s, pos + LEN(sep), n);
    }
    MpTuple_SET_ITEM(t, 0, a);
    MpTuple_SET_ITEM(t, 1, b);
    MpTuple_SET_ITEM(t, 2, c);
    if (a == NULL || b == NULL || c == NULL) {
        Mp_DECREF(t);
        return NULL;
    }
    return t;
}

static MpObject *
str_partition(MpObject *s, MpObject *sep)
{
    return do_partition(s, sep, 0);
}

static MpObject *
str_rpartition(MpObject *s, MpObject *sep)
{
    return do_partition(s, sep, 1);
}

static const char *const splitlines_kw[] = {"keepends", NULL};

static MpObject *
str_splitlines(MpObject *s, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    MpArgSpec spec = {"splitlines", splitlines_kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int keepends = 0;
    if (a[0] != NULL) {
        /* an int parameter in CPython: splitlines(2) keeps them too */
        MpObject *k = MpNumber_Index(a[0]);
        if (k == NULL) {
            return NULL;
        }
        keepends = MpObject_IsTrue(k);
        Mp_DECREF(k);
    }
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        return NULL;
    }
    Mp_ssize_t len = LEN(s), i = 0;
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    while (i < len) {
        Mp_ssize_t j = i;
        while (i < len && !is_linebreak(rd(k, d, i))) {
            i++;
        }
        Mp_ssize_t eol = i;
        if (i < len) {
            if (rd(k, d, i) == '\r' && i + 1 < len &&
                rd(k, d, i + 1) == '\n') {
                i += 2;
            }
            else {
                i++;
            }
            if (keepends) {
                eol = i;
            }
        }
        if (list_add_sub(list, s, j, eol) < 0) {
            Mp_DECREF(list);
            return NULL;
        }
    }
    return list;
}
/* }====== */

/* {====== strip, replace, padding, expandtabs ====== */

static int
in_chars(MpObject *chars, uint32_t c)
{
    int k = KIND(chars);
    const void *d = MpStr_DATA(chars);
    for (Mp_ssize_t i = 0; i < LEN(chars); i++) {
        if (rd(k, d, i) == c) {
            return 1;
        }
    }
    return 0;
}

/* which: 1 left, 2 right, 3 both. */
static MpObject *
do_strip(const char *name, MpObject *s, MpObject *const *args,
         Mp_ssize_t nargs, int which)
{
    if (MpArg_CheckPositional(name, nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    MpObject *chars = nargs > 0 ? args[0] : Mp_None;
    if (chars != Mp_None && !MpStr_Check(chars)) {
        return MpErr_Format(MpExc_TypeError,
                            "%s arg must be None or str", name);
    }
    Mp_ssize_t i = 0, j = LEN(s);
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    if (which & 1) {
        while (i < j && (chars == Mp_None ? is_space(rd(k, d, i))
                                          : in_chars(chars, rd(k, d, i)))) {
            i++;
        }
    }
    if (which & 2) {
        while (j > i &&
               (chars == Mp_None ? is_space(rd(k, d, j - 1))
                                 : in_chars(chars, rd(k, d, j - 1)))) {
            j--;
        }
    }
    return substr(s, i, j);
}

static MpObject *
str_strip(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_strip("strip", s, args, nargs, 3);
}

static MpObject *
str_lstrip(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_strip("lstrip", s, args, nargs, 1);
}

static MpObject *
str_rstrip(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_strip("rstrip", s, args, nargs, 2);
}

static MpObject *
str_replace(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3) {
        return MpErr_Format(MpExc_TypeError,
                            nargs < 2
                                ? "replace expected at least 2 arguments, "
                                  "got %zd"
                                : "replace expected at most 3 arguments, "
                                  "got %zd",
                            nargs);
    }
    for (int i = 0; i < 2; i++) {
        if (!MpStr_Check(args[i])) {
            return MpErr_Format(MpExc_TypeError,
                                "replace() argument %d must be str, not "
                                "%B",
                                i + 1, args[i]);
        }
    }
    MpObject *old = args[0], *new = args[1];
    Mp_ssize_t count = -1;
    if (nargs == 3) {
        count = ssize_arg(args[2]);
        if (ERR_SSIZE(count)) {
            return NULL;
        }
    }
    if (count < 0) {
        count = MP_SSIZE_MAX;
    }
    Mp_ssize_t len = LEN(s), m = LEN(old);
    cpw w;
    cpw_init(&w);
    Mp_ssize_t i = 0, done = 0;
    if (m == 0) {
        /* '' matches before every character and at the end. */
        while (done < count && i <= len) {
            if (cpw_put_str(&w, new) < 0) {
                goto error;
            }
            done++;
            if (i < len && cpw_put_sub(&w, s, i, i + 1) < 0) {
                goto error;
            }
            i++;
        }
        if (i < len && cpw_put_sub(&w, s, i, len) < 0) {
            goto error;
        }
    }
    else {
        Mp_ssize_t pos;
        while (done < count && (pos = find_in(s, old, i, len, 0)) >= 0) {
            if (cpw_put_sub(&w, s, i, pos) < 0 ||
                cpw_put_str(&w, new) < 0) {
                goto error;
            }
            i = pos + m;
            done++;
        }
        if (done == 0) {
            cpw_discard(&w);
            return str_exact(s);
        }
        if (cpw_put_sub(&w, s, i, len) < 0) {
            goto error;
        }
    }
    return cpw_finish(&w);
error:
    cpw_discard(&w);
    return NULL;
}

/* n copies of c at data[at...] of the given kind. */
static void
fill_chars(int kind, void *data, Mp_ssize_t at, Mp_ssize_t n, uint32_t c)
{
    if (kind == 1) {
        memset((uint8_t *)data + at, (int)c, (size_t)n);
        return;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        wr(kind, data, at + i, c);
    }
}

/* s with left and right copies of fill around it, written straight into
   a str of the final kind (a width of 2**31 costs 2 GiB, as in CPython,
   not a 4-byte-per-character buffer first).  Refs: NEW. */
static MpObject *
pad(MpObject *s, Mp_ssize_t left, Mp_ssize_t right, uint32_t fill)
{
    if (left < 0) {
        left = 0;
    }
    if (right < 0) {
        right = 0;
    }
    if (left == 0 && right == 0) {
        return str_exact(s);
    }
    Mp_ssize_t len = LEN(s);
    if (left > MP_SSIZE_MAX - len || right > MP_SSIZE_MAX - len - left) {
        return MpErr_NoMemory();
    }
    /* The kind needs only a bound of s's largest code point. */
    int kind = KIND(s);
    uint32_t smax = ((StrObj *)s)->ascii ? 0x7f
                    : kind == 1          ? 0xff
                    : kind == 2          ? 0xffff
                                         : 0x10ffff;
    MpObject *r =
        str_alloc(&MpStr_Type, left + len + right, fill > smax ? fill : smax);
    if (r == NULL) {
        return NULL;
    }
    int rkind = KIND(r);
    void *d = MpStr_DATA(r);
    fill_chars(rkind, d, 0, left, fill);
    copy_chars(rkind, (char *)d + left * rkind, kind, MpStr_DATA(s), len);
    fill_chars(rkind, d, left + len, right, fill);
    return r;
}

/* (width, fillchar=' ') of center, ljust, rjust. */
static int
parse_pad_args(const char *name, MpObject *const *args, Mp_ssize_t nargs,
               Mp_ssize_t *width, uint32_t *fill)
{
    if (nargs < 1 || nargs > 2) {
        MpErr_Format(MpExc_TypeError,
                     nargs < 1 ? "%s expected at least 1 argument, got %zd"
                               : "%s expected at most 2 arguments, got %zd",
                     name, nargs);
        return -1;
    }
    *width = ssize_arg(args[0]);
    if (ERR_SSIZE(*width)) {
        return -1;
    }
    *fill = ' ';
    if (nargs == 2) {
        MpObject *f = args[1];
        if (!MpStr_Check(f)) {
            MpErr_Format(MpExc_TypeError,
                         "The fill character must be a unicode character, "
                         "not %.100s",
                         MpType_Name(Mp_TYPE(f)));
            return -1;
        }
        if (LEN(f) != 1) {
            MpErr_SetString(MpExc_TypeError,
                            "The fill character must be exactly one "
                            "character long");
            return -1;
        }
        *fill = rd(KIND(f), MpStr_DATA(f), 0);
    }
    return 0;
}

static MpObject *
str_center(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t width;
    uint32_t fill;
    if (parse_pad_args("center", args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    if (width <= LEN(s)) {
        return str_exact(s);
    }
    /* CPython's split of the margin: the odd character goes left when
       both the margin and the width are odd. */
    Mp_ssize_t marg = width - LEN(s);
    Mp_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

static MpObject *
str_ljust(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t width;
    uint32_t fill;
    if (parse_pad_args("ljust", args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    return pad(s, 0, width - LEN(s), fill);
}

static MpObject *
str_rjust(MpObject *s, MpObject *const *args, Mp_ssize_t nargs)
{
    Mp_ssize_t width;
    uint32_t fill;
    if (parse_pad_args("rjust", args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    return pad(s, width - LEN(s), 0, fill);
}

static MpObject *
str_zfill(MpObject *s, MpObject *arg)
{
    Mp_ssize_t width = ssize_arg(arg);
    if (ERR_SSIZE(width)) {
        return NULL;
    }
    Mp_ssize_t len = LEN(s);
    if (width <= len) {
        return str_exact(s);
    }
    /* As CPython: pad with zeros on the left, then move a sign in front
       of them. */
    MpObject *r = pad(s, width - len, 0, '0');
    if (r == NULL || len == 0) {
        return r;
    }
    int kind = KIND(r);
    void *d = MpStr_DATA(r);
    uint32_t c = rd(kind, d, width - len);
    if (c == '+' || c == '-') {
        wr(kind, d, 0, c);
        wr(kind, d, width - len, '0');
    }
    return r;
}

static const char *const expandtabs_kw[] = {"tabsize", NULL};

static MpObject *
str_expandtabs(MpObject *s, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    MpArgSpec spec = {"expandtabs", expandtabs_kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t tab = 8;
    if (a[0] != NULL) {
        tab = ssize_arg(a[0]);
        if (ERR_SSIZE(tab)) {
            return NULL;
        }
    }
    cpw w;
    cpw_init(&w);
    Mp_ssize_t col = 0;
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = 0; i < LEN(s); i++) {
        uint32_t c = rd(k, d, i);
        if (c == '\t') {
            if (tab > 0) {
                Mp_ssize_t n = tab - col % tab;
                if (cpw_fill(&w, ' ', n) < 0) {
                    goto error;
                }
                col += n;
            }
        }
        else {
            if (cpw_put(&w, c) < 0) {
                goto error;
            }
            col++;
            if (c == '\n' || c == '\r') {
                col = 0;
            }
        }
    }
    return cpw_finish(&w);
error:
    cpw_discard(&w);
    return NULL;
}
/* }====== */

/* {====== Case mappings ======
   Full mappings from the Unicode database (one code point may become up to
   three: 'ß'.upper() == 'SS').  lower() treats the capital sigma as the
   final form 'ς' when it ends a word: preceded by a cased letter and not
   followed by one, case-ignorable characters skipped both ways (Unicode's
   Final_Sigma condition, as CPython's handle_capital_sigma). */

static int
final_sigma(int k, const void *d, Mp_ssize_t len, Mp_ssize_t i)
{
    Mp_ssize_t j = i - 1;
    while (j >= 0 && MpUnicode_IsCaseIgnorable(rd(k, d, j))) {
        j--;
    }
    if (j < 0 || !MpUnicode_IsCased(rd(k, d, j))) {
        return 0;
    }
    j = i + 1;
    while (j < len && MpUnicode_IsCaseIgnorable(rd(k, d, j))) {
        j++;
    }
    return j == len || !MpUnicode_IsCased(rd(k, d, j));
}

static int
lower_at(int k, const void *d, Mp_ssize_t len, Mp_ssize_t i, uint32_t out[3])
{
    uint32_t c = rd(k, d, i);
    if (c == 0x3A3) {
        out[0] = final_sigma(k, d, len, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return MpUnicode_ToLower(c, out);
}

enum { CASE_LOWER, CASE_UPPER, CASE_FOLD, CASE_SWAP, CASE_TITLE, CASE_CAP };

static MpObject *
do_case(MpObject *s, int how)
{
    Mp_ssize_t len = LEN(s);
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    if (((StrObj *)s)->ascii && (how == CASE_LOWER || how == CASE_UPPER ||
                                 how == CASE_FOLD)) {
        MpObject *r = str_alloc(&MpStr_Type, len, 0x7F);
        if (r == NULL) {
            return NULL;
        }
        const uint8_t *p = d;
        uint8_t *q = MpStr_DATA(r);
        for (Mp_ssize_t i = 0; i < len; i++) {
            uint8_t c = p[i];
            if (how == CASE_UPPER) {
                q[i] = (c >= 'a' && c <= 'z') ? c - 32 : c;
            }
            else {
                q[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
            }
        }
        if (len <= 1) {
            MpObject *t = from_kind_data(1, q, len);
            Mp_DECREF(r);
            return t;
        }
        return r;
    }
    cpw w;
    cpw_init(&w);
    int prev_cased = 0;
    for (Mp_ssize_t i = 0; i < len; i++) {
        uint32_t c = rd(k, d, i), out[3];
        int n;
        switch (how) {
        case CASE_LOWER:
            n = lower_at(k, d, len, i, out);
            break;
        case CASE_UPPER:
            n = MpUnicode_ToUpper(c, out);
            break;
        case CASE_FOLD:
            n = MpUnicode_CaseFold(c, out);
            break;
        case CASE_SWAP:
            if (MpUnicode_IsUpper(c)) {
                n = lower_at(k, d, len, i, out);
            }
            else if (MpUnicode_IsLower(c)) {
                n = MpUnicode_ToUpper(c, out);
            }
            else {
                out[0] = c;
                n = 1;
            }
            break;
        case CASE_TITLE:
            n = prev_cased ? lower_at(k, d, len, i, out)
                           : MpUnicode_ToTitle(c, out);
            prev_cased = MpUnicode_IsCased(c);
            break;
        default:  // CASE_CAP
            n = i == 0 ? MpUnicode_ToTitle(c, out)
                       : lower_at(k, d, len, i, out);
            break;
        }
        if (cpw_put_n(&w, out, n) < 0) {
            cpw_discard(&w);
            return NULL;
        }
    }
    return cpw_finish(&w);
}

static MpObject *
str_lower(MpObject *s, MpObject *unused)
{
    return do_case(s, CASE_LOWER);
}

static MpObject *
str_upper(MpObject *s, MpObject *unused)
{
    return do_case(s, CASE_UPPER);
}

static MpObject *
str_casefold(MpObject *s, MpObject *unused)
{
    return do_case(s, CASE_FOLD);
}

static MpObject *
str_swapcase(MpObject *s, MpObject *unused)
{
    return do_case(s, CASE_SWAP);
}

static MpObject *
str_title(MpObject *s, MpObject *unused)
{
    return do_case(s, CASE_TITLE);
}

static MpObject *
str_capitalize(MpObject *s, MpObject *unused)
{
    return do_case(s, CASE_CAP);
}
/* }====== */

/* {====== Predicates ====== */

enum {
    PRED_DIGIT,
    PRED_DECIMAL,
    PRED_NUMERIC,
    PRED_ALPHA,
    PRED_ALNUM,
    PRED_SPACE,
    PRED_PRINTABLE,
};

static int
pred_one(int which, uint32_t c)
{
    switch (which) {
    case PRED_DIGIT:
        return MpUnicode_DigitValue(c) >= 0;
    case PRED_DECIMAL:
        return MpUnicode_DecimalValue(c) >= 0;
    case PRED_NUMERIC:
        return MpUnicode_IsNumeric(c);
    case PRED_ALPHA:
        return MpUnicode_IsAlpha(c);
    case PRED_ALNUM:
        return MpUnicode_IsAlpha(c) || MpUnicode_DecimalValue(c) >= 0 ||
               MpUnicode_DigitValue(c) >= 0 || MpUnicode_IsNumeric(c);
    case PRED_SPACE:
        return is_space(c);
    default:
        return MpUnicode_IsPrintable(c);
    }
}

/* True when every character satisfies the predicate (and, except for
   isprintable, there is at least one). */
static MpObject *
do_pred(MpObject *s, int which)
{
    Mp_ssize_t len = LEN(s);
    if (len == 0) {
        return MpBool_FromLong(which == PRED_PRINTABLE);
    }
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = 0; i < len; i++) {
        if (!pred_one(which, rd(k, d, i))) {
            return MpBool_FromLong(0);
        }
    }
    return MpBool_FromLong(1);
}

#define PRED_METHOD(name, which)                      \
    static MpObject *str_##name(MpObject *s, MpObject *unused) \
    {                                                 \
        return do_pred(s, which);                     \
    }
PRED_METHOD(isdigit, PRED_DIGIT)
PRED_METHOD(isdecimal, PRED_DECIMAL)
PRED_METHOD(isnumeric, PRED_NUMERIC)
PRED_METHOD(isalpha, PRED_ALPHA)
PRED_METHOD(isalnum, PRED_ALNUM)
PRED_METHOD(isspace, PRED_SPACE)
PRED_METHOD(isprintable, PRED_PRINTABLE)
#undef PRED_METHOD

static MpObject *
str_isascii(MpObject *s, MpObject *unused)
{
    return MpBool_FromLong(((StrObj *)s)->ascii);
}

static MpObject *
str_islower(MpObject *s, MpObject *unused)
{
    int k = KIND(s), cased = 0;
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = 0; i < LEN(s); i++) {
        uint32_t c = rd(k, d, i);
        if (MpUnicode_IsUpper(c) || MpUnicode_IsTitle(c)) {
            return MpBool_FromLong(0);
        }
        if (!cased && MpUnicode_IsLower(c)) {
            cased = 1;
        }
    }
    return MpBool_FromLong(cased);
}

static MpObject *
str_isupper(MpObject *s, MpObject *unused)
{
    int k = KIND(s), cased = 0;
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = 0; i < LEN(s); i++) {
        uint32_t c = rd(k, d, i);
        if (MpUnicode_IsLower(c) || MpUnicode_IsTitle(c)) {
            return MpBool_FromLong(0);
        }
        if (!cased && MpUnicode_IsUpper(c)) {
            cased = 1;
        }
    }
    return MpBool_FromLong(cased);
}

static MpObject *
str_istitle(MpObject *s, MpObject *unused)
{
    int k = KIND(s), cased = 0, prev = 0;
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = 0; i < LEN(s); i++) {
        uint32_t c = rd(k, d, i);
        if (MpUnicode_IsUpper(c) || MpUnicode_IsTitle(c)) {
            if (prev) {
                return MpBool_FromLong(0);
            }
            prev = cased = 1;
        }
        else if (MpUnicode_IsLower(c)) {
            if (!prev) {
                return MpBool_FromLong(0);
            }
            prev = cased = 1;
        }
        else {
            prev = 0;
        }
    }
    return MpBool_FromLong(cased);
}

static MpObject *
str_isidentifier(MpObject *s, MpObject *unused)
{
    Mp_ssize_t len = LEN(s);
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    if (len == 0) {
        return MpBool_FromLong(0);
    }
    uint32_t c = rd(k, d, 0);
    if (c != '_' && !MpUnicode_IsXIDStart(c)) {
        return MpBool_FromLong(0);
    }
    for (Mp_ssize_t i = 1; i < len; i++) {
        if (!MpUnicode_IsXIDContinue(rd(k, d, i))) {
            return MpBool_FromLong(0);
        }
    }
    return MpBool_FromLong(1);
}
/* }====== */

/* {====== str.encode ======
   The codecs themselves are unicodecodecs.c's. */

static const char *const encode_kw[] = {"encoding", "errors", NULL};

/* A str argument as UTF-8 for encoding/errors ("encode() argument
   'encoding' must be str, not int"). */
static const char *
str_param(const char *fname, const char *pname, MpObject *o)
{
    if (!MpStr_Check(o)) {
        MpErr_Format(MpExc_TypeError,
                     "%s() argument '%s' must be str, not %B", fname,
                     pname, o);
        return NULL;
    }
    return MpStr_AsUTF8(o);
}

static MpObject *
str_encode(MpObject *s, MpObject *const *args, Mp_ssize_t nargs,
           MpObject *kwnames)
{
    MpArgSpec spec = {"encode", encode_kw, 0, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *enc = NULL, *errors = NULL;
    if ((a[0] != NULL &&
         (enc = str_param("encode", "encoding", a[0])) == NULL) ||
        (a[1] != NULL &&
         (errors = str_param("encode", "errors", a[1])) == NULL)) {
        return NULL;
    }
    return MpStr_AsEncodedString(s, enc, errors);
}
/* }====== */

/* {====== join, maketrans, translate ====== */

static MpObject *
str_join(MpObject *s, MpObject *iterable)
{
    return MpStr_Join(s, iterable);
}

static int
dict_set_cp(MpObject *d, uint32_t key, MpObject *value)
{
    MpObject *k = MpLong_FromSsize_t((Mp_ssize_t)key);
    if (k == NULL) {
        return -1;
    }
    int rc = MpDict_SetItem(d, k, value);
    Mp_DECREF(k);
    return rc;
}

/* str.maketrans(x[, y[, z]]), a static method. */
static MpObject *
str_maketrans(MpObject *unused, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("maketrans", nargs, NULL, 1, 3) < 0) {
        return NULL;
    }
    MpObject *d = MpDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (nargs == 1) {
        MpObject *x = args[0];
        if (!MpDict_Check(x)) {
            MpErr_SetString(MpExc_TypeError,
                            "if you give only one argument to maketrans it "
                            "must be a dict");
            goto error;
        }
        Mp_ssize_t pos = 0;
        MpObject *key, *value;
        while (MpDict_Next(x, &pos, &key, &value)) {
            if (MpStr_Check(key)) {
                if (LEN(key) != 1) {
                    MpErr_SetString(MpExc_ValueError,
                                    "string keys in translate table must "
                                    "be of length 1");
                    goto error;
                }
                if (dict_set_cp(d, rd(KIND(key), MpStr_DATA(key), 0),
                                value) < 0) {
                    goto error;
                }
            }
            else if (MpLong_Check(key)) {
                /* Held: an int subclass's __hash__ may empty x. */
                Mp_INCREF(key);
                Mp_INCREF(value);
                int rc = MpDict_SetItem(d, key, value);
                Mp_DECREF(key);
                Mp_DECREF(value);
                if (rc < 0) {
                    goto error;
                }
            }
            else {
                MpErr_SetString(MpExc_TypeError,
                                "keys in translate table must be strings "
                                "or integers");
                goto error;
            }
        }
        return d;
    }
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        if (!MpStr_Check(args[i])) {
            MpErr_Format(MpExc_TypeError,
                         "maketrans() argument %zd must be str, not %B",
                         i + 1, args[i]);
            goto error;
        }
    }
    MpObject *x = args[0], *y = args[1];
    if (LEN(x) != LEN(y)) {
        MpErr_SetString(MpExc_ValueError,
                        "the first two maketrans arguments must have equal "
                        "length");
        goto error;
    }
    for (Mp_ssize_t i = 0; i < LEN(x); i++) {
        MpObject *v = MpLong_FromSsize_t(rd(KIND(y), MpStr_DATA(y), i));
        if (v == NULL) {
            goto error;
        }
        int rc = dict_set_cp(d, rd(KIND(x), MpStr_DATA(x), i), v);
        Mp_DECREF(v);
        if (rc < 0) {
            goto error;
        }
    }
    if (nargs == 3) {
        MpObject *z = args[2];
        for (Mp_ssize_t i = 0; i < LEN(z); i++) {
            if (dict_set_cp(d, rd(KIND(z), MpStr_DATA(z), i), Mp_None) < 0) {
                goto error;
            }
        }
    }
    return d;
error:
    Mp_DECREF(d);
    return NULL;
}

static MpObject *
str_translate(MpObject *s, MpObject *table)
{
    cpw w;
    cpw_init(&w);
    int k = KIND(s);
    const void *d = MpStr_DATA(s);
    for (Mp_ssize_t i = 0; i < LEN(s); i++) {
        uint32_t c = rd(k, d, i);
        MpObject *key = MpLong_FromSsize_t(c);
        if (key == NULL) {
            goto error;
        }
        MpObject *v = MpObject_GetItem(table, key);
        Mp_DECREF(key);
        if (v == NULL) {
            if (MpErr_ExceptionMatches(MpExc_LookupError)) {
                MpErr_Clear();
                if (cpw_put(&w, c) < 0) {
                    goto error;
                }
                continue;
            }
            goto error;
        }
        int rc = 0;
        if (v == Mp_None) {
            /* deleted */
        }
        else if (MpLong_Check(v)) {
            Mp_ssize_t cp = MpLong_AsSsize_t(v);
            if (cp == -1 && MpErr_Occurred()) {
                MpErr_Clear();
                cp = -1;
            }
            if (cp < 0 || cp > (Mp_ssize_t)MAX_UNICODE) {
                MpErr_SetString(MpExc_ValueError,
                                "character mapping must be in "
                                "range(0x110000)");
                rc = -1;
            }
            else {
                rc = cpw_put(&w, (uint32_t)cp);
            }
        }
        else if (MpStr_Check(v)) {
            rc = cpw_put_str(&w, v);
        }
        else {
            MpErr_SetString(MpExc_TypeError,
                            "character mapping must return integer, None "
                            "or str");
            rc = -1;
        }
        Mp_DECREF(v);
        if (rc < 0) {
            goto error;
        }
    }
    return cpw_finish(&w);
error:
    cpw_discard(&w);
    return NULL;
}
/* }====== */

/* {====== printf-style formatting: str % args ======
   The walk over the format and the numbers are printf.c's, shared with
   bytes; the str sink here writes code points into a cpw and knows what
   %s, %r, %a and %c make of an object. */

typedef struct {
    MpPrintfSink base;
    MpObject *fmt;
    cpw w;
} StrSink;

static int
sink_put_literal(MpPrintfSink *sink, Mp_ssize_t start, Mp_ssize_t end)
{
    StrSink *s = (StrSink *)sink;
    return cpw_put_sub(&s->w, s->fmt, start, end);
}

static int
sink_put_ascii(MpPrintfSink *sink, const char *p, Mp_ssize_t n)
{
    return cpw_put_ascii(&((StrSink *)sink)->w, p, n);
}

/* Writes t padded with spaces to the width, cut to prec code points. */
static int
put_padded(cpw *w, MpObject *t, const MpPrintfSpec *spec, Mp_ssize_t prec)
{
    Mp_ssize_t n = LEN(t);
    if (prec >= 0 && prec < n) {
        n = prec;
    }
    int ljust = spec->flags & MP_PF_LJUST;
    if ((!ljust && cpw_fill(w, ' ', spec->width - n) < 0) ||
        cpw_put_sub(w, t, 0, n) < 0 ||
        (ljust && cpw_fill(w, ' ', spec->width - n) < 0)) {
        return -1;
    }
    return 0;
}

/* %c: a str of length 1 or an int (through __index__) below 0x110000;
   any failure of __index__ reads "%c requires int or char". */
static int
char_of(MpObject *v, uint32_t *cp)
{
    if (MpStr_Check(v)) {
        if (LEN(v) == 1) {
            *cp = rd(KIND(v), MpStr_DATA(v), 0);
            return 0;
        }
    }
    else {
        MpObject *i = MpNumber_Index(v);
        if (i != NULL) {
            int64_t x = MpLong_AsInt64(i);
            Mp_DECREF(i);
            if (x == -1 && MpErr_Occurred()) {
                MpErr_Clear();  // beyond 64 bits: out of range
            }
            if (x < 0 || x > (int64_t)MAX_UNICODE) {
                MpErr_SetString(MpExc_OverflowError,
                                "%c arg not in range(0x110000)");
                return -1;
            }
            *cp = (uint32_t)x;
            return 0;
        }
        MpErr_Clear();
    }
    MpErr_SetString(MpExc_TypeError, "%c requires int or char");
    return -1;
}

static int
sink_convert(MpPrintfSink *sink, MpObject *v, const MpPrintfSpec *spec)
{
    StrSink *s = (StrSink *)sink;
    MpObject *t;
    switch (spec->type) {
    case 's':
        t = MpObject_Str(v);
        break;
    case 'r':
        t = MpObject_Repr(v);
        break;
    case 'a':
        t = MpObject_ASCII(v);
        break;
    case 'c': {
        uint32_t cp;
        if (char_of(v, &cp) < 0) {
            return -1;
        }
        t = MpStr_FromCodePoint(cp);
        if (t == NULL) {
            return -1;
        }
        int rc = put_padded(&s->w, t, spec, -1);  // no precision for %c
        Mp_DECREF(t);
        return rc;
    }
    default:
        return 1;
    }
    if (t == NULL) {
        return -1;
    }
    int rc = put_padded(&s->w, t, spec, spec->prec);
    Mp_DECREF(t);
    return rc;
}

static MpObject *
str_format_args(MpObject *fmt, MpObject *args)
{
    StrSink s = {{0, sink_put_literal, sink_put_ascii, sink_convert}, fmt};
    cpw_init(&s.w);
    if (MpPrintf_Format(&s.base, KIND(fmt), MpStr_DATA(fmt), LEN(fmt),
                        args) < 0) {
        cpw_discard(&s.w);
        return NULL;
    }
    return cpw_finish(&s.w);
}

static MpObject *
str_mod(MpObject *a, MpObject *b)
{
    if (!MpStr_Check(a)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return str_format_args(a, b);
}

MpObject *
MpStr_Format(MpObject *fmt, MpObject *args)
{
    return str_format_args(fmt, args);
}
/* }====== */

/* {====== Iteration ======
   iter(s) walks the code points by index.  CPython 3.11 has a separate
   str_ascii_iterator type for ASCII strs; minipy keeps both names so that
   type(iter('abc')) reads the same, with the same code behind them. */

typedef struct {
    MpObject_HEAD
    MpObject *it_seq;     // NULL once exhausted
    Mp_ssize_t it_index;
} StrIterObject;

extern MpTypeObject MpStrIter_Type, MpStrAsciiIter_Type;

static void
striter_dealloc(MpObject *o)
{
    Mp_XDECREF(((StrIterObject *)o)->it_seq);
    MpObject_Free(o);
}

static MpObject *
striter_next(MpObject *o)
{
    StrIterObject *it = (StrIterObject *)o;
    MpObject *s = it->it_seq;
    if (s == NULL) {
        return NULL;
    }
    if (it->it_index < LEN(s)) {
        return MpStr_FromCodePoint(rd(KIND(s), MpStr_DATA(s),
                                      it->it_index++));
    }
    it->it_seq = NULL;
    Mp_DECREF(s);
    return NULL;
}

static MpObject *
striter_length_hint(MpObject *o, MpObject *unused)
{
    StrIterObject *it = (StrIterObject *)o;
    Mp_ssize_t n = it->it_seq ? LEN(it->it_seq) - it->it_index : 0;
    return MpLong_FromSsize_t(n);
}

static MpMethodDef striter_methods[] = {
    {"__length_hint__", (void *)striter_length_hint, MP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpStrIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

MpTypeObject MpStrAsciiIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(StrIterObject),
    .tp_dealloc = striter_dealloc,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

static MpObject *
str_iter(MpObject *s)
{
    StrIterObject *it = (StrIterObject *)MpObject_New(
        ((StrObj *)s)->ascii ? &MpStrAsciiIter_Type : &MpStrIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_seq = Mp_NewRef(s);
    it->it_index = 0;
    return (MpObject *)it;
}
/* }====== */

/* {====== The type ====== */

static void
str_dealloc(MpObject *o)
{
    StrObj *s = (StrObj *)o;
    if (s->utf8 != NULL && s->utf8 != (char *)(s + 1)) {
        free(s->utf8);
    }
    MpObject_Free(o);
}

static MpObject *
str_repr_slot(MpObject *s)
{
    return MpStr_Repr(s);
}

static MpObject *
str_str(MpObject *s)
{
    return str_exact(s);
}

/* An instance of the str subclass `type` with the text of exact str s.
   Refs: NEW. */
static MpObject *
str_subtype_copy(MpTypeObject *type, MpObject *s)
{
    int k = KIND(s);
    uint32_t m = ((StrObj *)s)->ascii ? 0x7F
                 : k == 1              ? 0xFF
                 : k == 2              ? 0xFFFF
                                       : MAX_UNICODE;
    MpObject *r = str_alloc(type, LEN(s), m);
    if (r != NULL) {
        memcpy(MpStr_DATA(r), MpStr_DATA(s), (size_t)LEN(s) * k);
        if (MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
            MpObject_GC_Track(r);  // a subclass instance
        }
    }
    return r;
}

/* Decodes a bytes-like object for str(obj, encoding, errors). */
static MpObject *
decode_object(MpObject *obj, const char *encoding, const char *errors)
{
    if (MpStr_Check(obj)) {
        MpErr_SetString(MpExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    MpBuffer view;
    if (MpBytesLike_Get(obj, &view) < 0) {
        MpErr_Format(MpExc_TypeError,
                     "decoding to str: need a bytes-like object, %.80s "
                     "found",
                     MpType_Name(Mp_TYPE(obj)));
        return NULL;
    }
    MpObject *r = MpStr_Decode(view.buf, view.len, encoding, errors);
    MpBytesLike_Release(&view);
    return r;
}

static MpObject *
str_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    static const char *const names[] = {"object", "encoding", "errors"};
    MpObject *a[3] = {NULL, NULL, NULL};
    Mp_ssize_t n = args != NULL ? MpTuple_GET_SIZE(args) : 0;
    if (n > 3) {
        return MpErr_Format(MpExc_TypeError,
                            "str() takes at most 3 arguments (%zd given)",
                            n + (kwargs ? MpDict_GET_SIZE(kwargs) : 0));
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        a[i] = MpTuple_GET_ITEM(args, i);
    }
    if (kwargs != NULL) {
        Mp_ssize_t pos = 0;
        MpObject *key, *value;
        while (MpDict_Next(kwargs, &pos, &key, &value)) {
            int found = -1;
            for (int i = 0; i < 3 && MpStr_Check(key); i++) {
                if (MpStr_CompareWithASCII(key, names[i]) == 0) {
                    found = i;
                }
            }
            if (found < 0) {
                return MpErr_Format(MpExc_TypeError,
                                    "'%S' is an invalid keyword argument "
                                    "for str()",
                                    key);
            }
            if (a[found] != NULL) {
                return MpErr_Format(MpExc_TypeError,
                                    "argument for str() given by name "
                                    "('%s') and position (%d)",
                                    names[found], found + 1);
            }
            a[found] = value;
        }
    }
    MpObject *r;
    if (a[1] == NULL && a[2] == NULL) {
        r = a[0] == NULL ? get_empty() : MpObject_Str(a[0]);
    }
    else {
        const char *enc = NULL, *errors = NULL;
        if ((a[1] != NULL &&
             (enc = str_param("str", "encoding", a[1])) == NULL) ||
            (a[2] != NULL &&
             (errors = str_param("str", "errors", a[2])) == NULL)) {
            return NULL;
        }
        r = a[0] == NULL ? get_empty() : decode_object(a[0], enc, errors);
    }
    if (r == NULL || type == &MpStr_Type) {
        return r;
    }
    MpObject *sub = str_subtype_copy(type, r);
    Mp_DECREF(r);
    return sub;
}

/* str(x) and str() without the argument tuple: the call the VM makes
   most often for str.  Anything else (a subclass, encoding=...) goes the
   general way.  Inherited by subclasses, hence the type check. */
static MpObject *
str_vectorcall(MpObject *type, MpObject *const *args, size_t nargs,
               MpObject *kwnames)
{
    if (type == (MpObject *)&MpStr_Type &&
        (kwnames == NULL || MpTuple_GET_SIZE(kwnames) == 0)) {
        if (nargs == 1) {
            return MpObject_Str(args[0]);
        }
        if (nargs == 0) {
            return get_empty();
        }
    }
    return MpType_GenericCall(type, args, nargs, kwnames);
}

static MpObject *
str_getnewargs(MpObject *s, MpObject *unused)
{
    MpObject *c = str_exact(s);
    if (c == NULL) {
        return NULL;
    }
    MpObject *t = MpTuple_FromArray(&c, 1);
    Mp_DECREF(c);
    return t;
}

static MpObject *
str_sizeof(MpObject *s, MpObject *unused)
{
    /* As CPython's compact layout: the header plus (len + 1) code points;
       a cached non-ASCII UTF-8 form counts too. */
    StrObj *o = (StrObj *)s;
    Mp_ssize_t size = Mp_TYPE(s)->tp_basicsize + (LEN(s) + 1) * o->kind;
    if (o->utf8 != NULL && o->utf8 != (char *)(o + 1)) {
        size += o->utf8_len + 1;
    }
    return MpLong_FromSsize_t(size);
}

#define FAST MP_METH_FASTCALL
#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)
#define VARARGS (MP_METH_FASTCALL | MP_METH_VARARGS) // CPython's messages
/* str.__format__(spec): the format-spec mini-language (format.c).
   Refs: NEW. */
static MpObject *
str_format(MpObject *self, MpObject *spec)
{
    return MpFormat_Str(self, spec);
}

/* str.format(*args, **kwargs).  Refs: NEW. */
static MpObject *
str_format_method(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                  MpObject *kwnames)
{
    MpObject *kwargs = NULL;
    if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
        kwargs = MpArg_KwnamesToDict(args + nargs, kwnames);
        if (kwargs == NULL) {
            return NULL;
        }
    }
    MpObject *r = MpFormat_StrFormat(self, args, nargs, kwargs);
    Mp_XDECREF(kwargs);
    return r;
}

/* str.format_map(mapping).  Refs: NEW. */
static MpObject *
str_format_map(MpObject *self, MpObject *mapping)
{
    return MpFormat_StrFormat(self, NULL, 0, mapping);
}

static MpMethodDef str_methods[] = {
    {"__format__", (void *)str_format, MP_METH_O, NULL},
    {"format", (void *)str_format_method, FASTKW,
     "Return a formatted version of the string, using substitutions from "
     "args and kwargs."},
    {"format_map", (void *)str_format_map, MP_METH_O,
     "Return a formatted version of the string, using substitutions from "
     "mapping."},
    {"encode", (void *)str_encode, FASTKW,
     "Encode the string using the codec registered for encoding."},
    {"replace", (void *)str_replace, FAST,
     "Return a copy with all occurrences of substring old replaced by "
     "new."},
    {"split", (void *)str_split, FASTKW,
     "Return a list of the substrings in the string, using sep as the "
     "separator string."},
    {"rsplit", (void *)str_rsplit, FASTKW,
     "Return a list of the substrings in the string, using sep as the "
     "separator string, from the right."},
    {"join", (void *)str_join, MP_METH_O,
     "Concatenate any number of strings."},
    {"capitalize", (void *)str_capitalize, MP_METH_NOARGS,
     "Return a capitalized version of the string."},
    {"casefold", (void *)str_casefold, MP_METH_NOARGS,
     "Return a version of the string suitable for caseless comparisons."},
    {"title", (void *)str_title, MP_METH_NOARGS,
     "Return a version of the string where each word is titlecased."},
    {"center", (void *)str_center, FAST,
     "Return a centered string of length width."},
    {"count", (void *)str_count, VARARGS,
     "Return the number of non-overlapping occurrences of substring sub."},
    {"expandtabs", (void *)str_expandtabs, FASTKW,
     "Return a copy where all tab characters are expanded using spaces."},
    {"find", (void *)str_find, VARARGS,
     "Return the lowest index in S where substring sub is found."},
    {"partition", (void *)str_partition, MP_METH_O,
     "Partition the string into three parts using the given separator."},
    {"index", (void *)str_index, VARARGS,
     "Return the lowest index in S where substring sub is found."},
    {"ljust", (void *)str_ljust, FAST,
     "Return a left-justified string of length width."},
    {"lower", (void *)str_lower, MP_METH_NOARGS,
     "Return a copy of the string converted to lowercase."},
    {"lstrip", (void *)str_lstrip, FAST,
     "Return a copy of the string with leading whitespace removed."},
    {"rfind", (void *)str_rfind, VARARGS,
     "Return the highest index in S where substring sub is found."},
    {"rindex", (void *)str_rindex, VARARGS,
     "Return the highest index in S where substring sub is found."},
    {"rjust", (void *)str_rjust, FAST,
     "Return a right-justified string of length width."},
    {"rstrip", (void *)str_rstrip, FAST,
     "Return a copy of the string with trailing whitespace removed."},
    {"rpartition", (void *)str_rpartition, MP_METH_O,
     "Partition the string into three parts using the given separator, "
     "from the right."},
    {"splitlines", (void *)str_splitlines, FASTKW,
     "Return a list of the lines in the string, breaking at line "
     "boundaries."},
    {"strip", (void *)str_strip, FAST,
     "Return a copy of the string with leading and trailing whitespace "
     "removed."},
    {"swapcase", (void *)str_swapcase, MP_METH_NOARGS,
     "Convert uppercase characters to lowercase and lowercase characters "
     "to uppercase."},
    {"translate", (void *)str_translate, MP_METH_O,
     "Replace each character in the string using the given translation "
     "table."},
    {"upper", (void *)str_upper, MP_METH_NOARGS,
     "Return a copy of the string converted to uppercase."},
    {"startswith", (void *)str_startswith, VARARGS,
     "Return True if S starts with the specified prefix, False otherwise."},
    {"endswith", (void *)str_endswith, VARARGS,
     "Return True if S ends with the specified suffix, False otherwise."},
    {"removeprefix", (void *)str_removeprefix, MP_METH_O,
     "Return a str with the given prefix string removed if present."},
    {"removesuffix", (void *)str_removesuffix, MP_METH_O,
     "Return a str with the given suffix string removed if present."},
    {"isascii", (void *)str_isascii, MP_METH_NOARGS,
     "Return True if all characters in the string are ASCII, False "
     "otherwise."},
    {"islower", (void *)str_islower, MP_METH_NOARGS,
     "Return True if the string is a lowercase string, False otherwise."},
    {"isupper", (void *)str_isupper, MP_METH_NOARGS,
     "Return True if the string is an uppercase string, False otherwise."},
    {"istitle", (void *)str_istitle, MP_METH_NOARGS,
     "Return True if the string is a title-cased string, False "
     "otherwise."},
    {"isspace", (void *)str_isspace, MP_METH_NOARGS,
     "Return True if the string is a whitespace string, False otherwise."},
    {"isdecimal", (void *)str_isdecimal, MP_METH_NOARGS,
     "Return True if the string is a decimal string, False otherwise."},
    {"isdigit", (void *)str_isdigit, MP_METH_NOARGS,
     "Return True if the string is a digit string, False otherwise."},
    {"isnumeric", (void *)str_isnumeric, MP_METH_NOARGS,
     "Return True if the string is a numeric string, False otherwise."},
    {"isalpha", (void *)str_isalpha, MP_METH_NOARGS,
     "Return True if the string is an alphabetic string, False "
     "otherwise."},
    {"isalnum", (void *)str_isalnum, MP_METH_NOARGS,
     "Return True if the string is an alpha-numeric string, False "
     "otherwise."},
    {"isidentifier", (void *)str_isidentifier, MP_METH_NOARGS,
     "Return True if the string is a valid Python identifier, False "
     "otherwise."},
    {"isprintable", (void *)str_isprintable, MP_METH_NOARGS,
     "Return True if the string is printable, False otherwise."},
    {"zfill", (void *)str_zfill, MP_METH_O,
     "Pad a numeric string with zeros on the left, to fill a field of the "
     "given width."},
    {"maketrans", (void *)str_maketrans, FAST | MP_METH_STATIC,
     "Return a translation table usable for str.translate()."},
    {"__getnewargs__", (void *)str_getnewargs, MP_METH_NOARGS, NULL},
    {"__sizeof__", (void *)str_sizeof, MP_METH_NOARGS,
     "Return the size of the string in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};
#undef FAST
#undef FASTKW

static MpSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_concat_slot,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
};

static MpMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

static MpNumberMethods str_as_number = {
    .nb_add = str_add,
    .nb_remainder = str_mod,
};

MpTypeObject MpStr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "str",
    .tp_basicsize = sizeof(MpStrObject),
    .tp_itemsize = 1,
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_STR_SUBCLASS,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr_slot,
    .tp_str = str_str,
    .tp_hash = str_hash,
    .tp_richcompare = str_richcompare,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_iter = str_iter,
    .tp_methods = str_methods,
    .tp_new = str_new,
    .tp_vectorcall = str_vectorcall,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If "
              "encoding or\nerrors is specified, then the object must "
              "expose a data buffer\nthat will be decoded using the given "
              "encoding and error handler.\nOtherwise, returns the result "
              "of object.__str__() (if defined)\nor repr(object).\n"
              "encoding defaults to sys.getdefaultencoding().\n"
              "errors defaults to 'strict'.",
};

int
MpStr_Init(void)
{
    if (MpType_Ready(&MpStr_Type) < 0 || MpType_Ready(&MpStrIter_Type) < 0 ||
        MpType_Ready(&MpStrAsciiIter_Type) < 0) {
        return -1;
    }
    MpObject *e = get_empty();
    if (e == NULL) {
        return -1;
    }
    Mp_DECREF(e);
    return 0;
}
/* The identifiers made so far, released at shutdown. */
static MpStrIdentifier *identifiers;

MpObject *
MpStr_FromIdentifier(MpStrIdentifier *id)
{
    if (id->object == NULL) {
        id->object = MpStr_InternFromString(id->text);
        if (id->object == NULL) {
            return NULL;
        }
        id->next = identifiers;
        identifiers = id;
    }
    return id->object;
}


void
MpStr_Fini(void)
{
    while (identifiers != NULL) {
        MpStrIdentifier *id = identifiers;
        identifiers = id->next;
        id->next = NULL;
        Mp_CLEAR(&id->object);
    }
    if (intern_table != NULL) {
        for (size_t i = 0; i <= intern_mask; i++) {
            MpObject *s = intern_table[i];
            if (s != NULL) {
                intern_table[i] = NULL;
                ((StrObj *)s)->interned = 0;
                Mp_DECREF(s);
            }
        }
        free(intern_table);
        intern_table = NULL;
        intern_mask = 0;
        intern_used = 0;
    }
    for (int i = 0; i < 256; i++) {
        Mp_CLEAR(&str_latin1[i]);
    }
    Mp_CLEAR(&str_empty);
}
/* }====== */
