/* unicodecodecs.h — the text codecs: what str.encode, bytes.decode,
   str(b, encoding) and open(encoding=) turn text into and back.

   A codec is found by name (MpCodec_Lookup: CPython's normalisation and
   aliases, 'UTF16', 'utf_16_le', 'U8', 'latin1' ...) and is one of five
   families; UTF-16 and UTF-32 also have a byte order, or take it from a
   byte order mark (the plain 'utf-16' and 'utf-32').  Errors go through
   the standard handlers by name: strict, ignore, replace,
   surrogateescape, surrogatepass, backslashreplace, xmlcharrefreplace.

   CPython counterpart: Objects/unicodeobject.c (the codecs),
   Python/codecs.c (the handlers), Lib/encodings/aliases.py. */
#ifndef MP_UNICODECODECS_H
#define MP_UNICODECODECS_H

#include "object.h"
#include "objects/str.h"

enum {
    MP_CODEC_UTF8,
    MP_CODEC_ASCII,
    MP_CODEC_LATIN1,
    MP_CODEC_UTF16,
    MP_CODEC_UTF32,
};

/* Byte orders of UTF-16 and UTF-32. */
enum {
    MP_BO_BOM = -1,  // decoding: a BOM decides (else native); encoding:
                     // a BOM, then native order
    MP_BO_LE = 0,
    MP_BO_BE = 1,
};

typedef struct {
    int family;  // MP_CODEC_*
    int order;   // MP_BO_*, for UTF-16 and UTF-32 (MP_BO_LE otherwise)
    int fast;    // the name is one CPython's str.encode / bytes.decode
                 // handle without the codec registry: no wrapping of an
                 // error handler's failure (see MpStr_AsEncodedString)
} MpCodec;

/* The code unit of `width` bytes (1, 2 or 4) at p in the given order. */
static inline uint32_t
MpCodec_Unit(const unsigned char *p, int width, int order)
{
    uint32_t v = 0;
    for (int k = 0; k < width; k++) {
        v |= (uint32_t)p[order == MP_BO_BE ? width - 1 - k : k] << (8 * k);
    }
    return v;
}

/* Stores the code unit v as `width` bytes at p in the given order. */
static inline void
MpCodec_PutUnit(unsigned char *p, int width, int order, uint32_t v)
{
    for (int k = 0; k < width; k++) {
        p[order == MP_BO_BE ? width - 1 - k : k] =
            (unsigned char)(v >> (8 * k));
    }
}

/* The byte order of this machine: MP_BO_LE or MP_BO_BE. */
int MpCodec_NativeOrder(void);

/* The codec named encoding (NULL: utf-8).  Returns 0, or -1 with
   LookupError "unknown encoding: X". */
int MpCodec_Lookup(const char *encoding, MpCodec *codec);

/* s encoded / data[0:len] decoded by the codec, errors a handler name
   (NULL: strict).  Failures are reported as the codec itself reports
   them, never wrapped.  Refs: NEW (bytes; str); NULL with
   UnicodeEncodeError / UnicodeDecodeError, LookupError (unknown handler),
   TypeError (xmlcharrefreplace while decoding), MemoryError.  s
   BORROWED. */
MpObject *MpCodec_Encode(const MpCodec *codec, MpObject *s,
                         const char *errors);
MpObject *MpCodec_Decode(const MpCodec *codec, const char *data,
                         Mp_ssize_t len, const char *errors);

/* A decoder's state for reporting errors. */
typedef struct {
    const char *encoding;  // as messages name it: "utf-8", "utf-16-le"
    int family, order;     // of the codec (surrogatepass reads its units)
    const char *data;      // the whole input
    Mp_ssize_t len;
    const char *errors;    // the handler's name, NULL for strict
} MpDecoding;

/* Applies the error handler to the undecodable bytes data[start:end]
   (reason: "invalid start byte", "truncated data" ...): appends its
   replacement to w and returns the position to go on from (end, or less
   for surrogateescape and surrogatepass, CPython's rules).  Returns -1
   with UnicodeDecodeError (strict, or a handler that cannot help),
   LookupError "unknown error handler name 'x'", TypeError
   (xmlcharrefreplace), MemoryError. */
Mp_ssize_t MpCodec_DecodeError(const MpDecoding *d, Mp_ssize_t start,
                               Mp_ssize_t end, const char *reason,
                               MpStrWriter *w);

#endif
