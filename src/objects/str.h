/* str.h — str, Python's immutable text.

   A str stores its code points in the smallest of three widths that holds
   them all, as CPython's PEP 393 does: 1 byte each (all < 256), 2 bytes
   (all < 65536) or 4 bytes.  So indexing is O(1), and hashing the
   canonical bytes gives CPython's own hash values when PYTHONHASHSEED is
   fixed.  The UTF-8 form that C code asks for (MpStr_AsUTF8) is made on
   demand and cached; for an all-ASCII string it is the data itself.
   Lone surrogates ('\ud800') are code points like any other; in UTF-8
   they take the 3-byte form ("surrogatepass").

       +-------------------+
       | header, length    |  ob_size = number of code points
       | hash  (-1: none)  |
       | kind | ascii | .. |
       | utf8 -> cached    |
       +-------------------+
       | data: (ob_size+1) * kind bytes, 0-terminated
       +-------------------+

   Identifiers are interned: MpStr_InternFromString returns the one str
   object for that text, so the VM compares names by pointer.

   CPython counterpart: Include/cpython/unicodeobject.h,
   Objects/unicodeobject.c. */
#ifndef MP_STR_H
#define MP_STR_H

#include <stdarg.h>

#include "object.h"
#include "strbuf.h"

typedef struct {
    MpObject_VAR_HEAD
    Mp_hash_t hash;       // -1 until computed
    uint8_t kind;         // 1, 2 or 4 bytes per code point
    uint8_t ascii;        // every code point < 128
    uint8_t interned;
    char *utf8;           // NULL until MpStr_AsUTF8; data itself if ascii
    Mp_ssize_t utf8_len;
    /* the code points follow the struct */
} MpStrObject;

extern MpTypeObject MpStr_Type;

static inline int
MpStr_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_STR_SUBCLASS);
}

static inline int
MpStr_CheckExact(const MpObject *o)
{
    return Mp_TYPE(o) == &MpStr_Type;
}

static inline void *
MpStr_DATA(const MpObject *o)
{
    return (void *)((const MpStrObject *)o + 1);
}

static inline uint32_t
MpStr_READ(const MpObject *o, Mp_ssize_t i)
{
    const MpStrObject *s = (const MpStrObject *)o;
    switch (s->kind) {
    case 1:
        return ((const uint8_t *)(s + 1))[i];
    case 2:
        return ((const uint16_t *)(s + 1))[i];
    default:
        return ((const uint32_t *)(s + 1))[i];
    }
}

/* Constructors.  Refs: NEW; NULL with an exception set. */
/* From UTF-8 (surrogates in the 3-byte form accepted); invalid UTF-8 is
   a UnicodeDecodeError as CPython's 'utf-8' codec words it. */
MpObject *MpStr_FromUTF8(const char *s, Mp_ssize_t len);
MpObject *MpStr_FromString(const char *s);  // NUL-terminated UTF-8
/* n code points of the given width (1, 2 or 4); narrowed if possible. */
MpObject *MpStr_FromKindAndData(int kind, const void *data, Mp_ssize_t n);
/* A str of the n bytes at data, which the caller knows are all ASCII
   (< 0x80): no scan.  Refs: NEW; NULL with MemoryError. */
MpObject *MpStr_FromASCII(const char *data, Mp_ssize_t n);
MpObject *MpStr_FromCodePoint(uint32_t cp);
/* printf-like, plus %R repr(obj), %S str(obj), %T type name of obj, %U a
   str object, %V str object or C string fallback, %c a code point. */
MpObject *MpStr_FromFormat(const char *fmt, ...);
MpObject *MpStr_FromFormatV(const char *fmt, va_list ap);

/* The interned str for s.  Refs: NEW. */
MpObject *MpStr_InternFromString(const char *s);
/* Replaces *p by the interned equal string.  Refs: *p STEALS/NEW. */
void MpStr_InternInPlace(MpObject **p);

/* The UTF-8 form, cached in the object.  Refs: BORROWED (lives as long as
   the str); NULL with an exception only on MemoryError. */
const char *MpStr_AsUTF8(MpObject *o);
const char *MpStr_AsUTF8AndSize(MpObject *o, Mp_ssize_t *len);
/* Appends the UTF-8 form of the str s to b.  Returns 0, or -1 with an
   exception (s not encodable).  Refs: s BORROWED. */
int MpStr_AppendToBuf(MpStrBuf *b, MpObject *s);

static inline Mp_ssize_t
MpStr_GET_LENGTH(const MpObject *o)
{
    return Mp_SIZE(o);
}

/* a == b for two strs (fast: length, kind, then memcmp). */
int MpStr_Equal(MpObject *a, MpObject *b);
/* Compares with a C ASCII string: <0, 0, >0. */
int MpStr_CompareWithASCII(MpObject *o, const char *s);
/* a + b.  Refs: NEW. */
MpObject *MpStr_Concat(MpObject *a, MpObject *b);
/* *pleft + right, in place when *pleft is an unshared exact str (its
   only reference is the one passed in).  Returns 0, or -1 with an
   exception set and *pleft unchanged.
   Refs: *pleft STOLEN and replaced by a NEW reference; right BORROWED. */
int MpStr_Append(MpObject **pleft, MpObject *right);
/* sep.join(iterable).  Refs: NEW. */
MpObject *MpStr_Join(MpObject *sep, MpObject *iterable);
/* repr(s) with CPython's quoting.  Refs: NEW. */
MpObject *MpStr_Repr(MpObject *s);

/* s.encode(encoding, errors) and bytes.decode(encoding, errors): the
   codecs of unicodecodecs.c (utf-8, ascii, latin-1, utf-16, utf-32 and
   the byte-order variants, with their aliases) and the handlers strict,
   ignore, replace, surrogateescape, surrogatepass, backslashreplace,
   xmlcharrefreplace; NULL encoding or errors mean 'utf-8' and 'strict'.
   Refs: NEW (a bytes; a str); NULL with LookupError (unknown encoding
   or handler), UnicodeEncodeError / UnicodeDecodeError, TypeError
   (xmlcharrefreplace while decoding). */
MpObject *MpStr_AsEncodedString(MpObject *s, const char *encoding,
                                const char *errors);
MpObject *MpStr_Decode(const char *s, Mp_ssize_t len, const char *encoding,
                       const char *errors);
/* bytes.decode('utf-8', errors): strict UTF-8 (an encoded surrogate is an
   error unless errors is 'surrogatepass').  Refs: NEW; NULL with
   UnicodeDecodeError, LookupError, TypeError. */
MpObject *MpStr_DecodeUTF8(const char *s, Mp_ssize_t len,
                           const char *errors);

/* A code point writer: text of unknown length is appended code point by
   code point (in a uint32_t buffer that remembers the largest one) and
   turned into a str of the narrowest kind at the end.  Init, then Put...,
   then exactly one of Finish or Discard. */
typedef struct {
    uint32_t *buf;
    Mp_ssize_t len, cap;
    uint32_t maxchar;
    uint32_t inl[64];   // the first 64 code points need no allocation
} MpStrWriter;

void MpStrWriter_Init(MpStrWriter *w);
/* Append one code point / n ASCII characters.  Return 0, or -1 with
   MemoryError. */
int MpStrWriter_Put(MpStrWriter *w, uint32_t cp);
int MpStrWriter_PutASCII(MpStrWriter *w, const char *s, Mp_ssize_t n);
/* The str written; the writer is released.  Refs: NEW; NULL with
   MemoryError. */
MpObject *MpStrWriter_Finish(MpStrWriter *w);
void MpStrWriter_Discard(MpStrWriter *w);

/* fmt % args, printf-style (%s %r %a %d %i %u %x %X %o %e %f %g %c %%,
   flags, width, precision, '*', %(name)s with a mapping).
   Refs: NEW; NULL with TypeError/ValueError as CPython's. */
MpObject *MpStr_Format(MpObject *fmt, MpObject *args);

/* The iterator types of str (str_ascii_iterator for ASCII strs). */
extern MpTypeObject MpStrIter_Type, MpStrAsciiIter_Type;

/* Readies the types and makes the shared empty str.  Returns 0 or -1.
   MpStr_Fini releases the interned strs and the singletons. */
/* {====== Identifiers ======
   A str for a name C code looks up often ("keys", "__missing__"): made
   and interned on first use, kept in a static MpStrIdentifier, and
   released by MpStr_Fini with the other interned strings, so that no
   object outlives the interpreter.  Declare one per name:
       static MpStrIdentifier id_keys = MP_STR_IDENTIFIER("keys");
       MpObject *name = MpStr_FromIdentifier(&id_keys);  // BORROWED */
typedef struct MpStrIdentifier {
    const char *text;
    MpObject *object;               // NULL until first used
    struct MpStrIdentifier *next;   // the list MpStr_Fini walks
} MpStrIdentifier;

#define MP_STR_IDENTIFIER(text) {(text), NULL, NULL}

/* The identifier's interned str.  Refs: BORROWED; NULL on MemoryError. */
MpObject *MpStr_FromIdentifier(MpStrIdentifier *id);
/* }====== */

int MpStr_Init(void);
void MpStr_Fini(void);

#endif
