/* unicodecodecs.c — the text codecs (see unicodecodecs.h): utf-8,
   ascii, latin-1, utf-16 and utf-32, their names, and the error
   handlers.

   Names.  A name is normalised as CPython's codec registry does it
   (lower case; every run of characters other than letters, digits and
   '.' becomes one '_', none at either end: ' UTF-16LE ' -> 'utf_16le')
   and looked up in CPython's alias table (Lib/encodings/aliases.py) and
   module names.  CPython's str.encode and bytes.decode know a few
   normalised names without the registry ('utf_8', 'utf8', 'utf_16',
   'utf16', 'utf_32', 'utf32', 'latin_1', 'latin1', 'iso_8859_1',
   'iso8859_1', 'ascii', 'us_ascii'); through the registry, a LookupError
   or TypeError raised by an error handler comes back wrapped: "encoding
   with 'U16' codec failed (LookupError: unknown error handler name
   'x')".  The codec remembers which way it was found (MpCodec.fast).

   UTF-16 and UTF-32.  A code point above U+FFFF is two UTF-16 units, a
   high surrogate D800-DBFF then a low one DC00-DFFF:

       U+1F600 -> 1F600 - 10000 = 0F600 = 0000111101 1000000000
                  D800 + 03D = D83D      DC00 + 200 = DE00

   'utf-16' and 'utf-32' write a byte order mark (U+FEFF) in this
   machine's order, then text in that order; decoding they read a BOM in
   either order and drop it (once), or assume the native order.  The
   -le/-be variants write no BOM and decode one as U+FEFF.  A decode error
   names the order actually used ('utf-16-le' codec can't decode ...).
   Decoding errors:
       UTF-16: an odd byte at the end          "truncated data"
               a low surrogate first           "illegal encoding"
               a high one and then no low one  "illegal UTF-16 surrogate"
               a high one at the end           "unexpected end of data"
       UTF-32: 1-3 bytes at the end            "truncated data"
               a value above 10FFFF            "code point not in
                                                range(0x110000)"
               a surrogate                     "code point in surrogate
                                                code point range(0xd800,
                                                0xe000)"
   and encoding refuses lone surrogates, one character at a time
   ("surrogates not allowed"), where utf-8 reports the whole run.

   The handlers.  Encoding, an unencodable run [i, j) becomes '?'
   (replace), nothing (ignore), '\udc80' / '&#56448;' as ASCII text in
   the codec's units (backslashreplace, xmlcharrefreplace), the surrogate
   itself in the codec's form (surrogatepass: utf-8, -16, -32 only) or
   the byte 0x80 for '\udc80' (surrogateescape: single-byte results only,
   so never for utf-16/32).  Decoding (MpCodec_DecodeError), bad bytes
   [start, end) become U+FFFD, nothing, '\x80' text, the escapes
   U+DC80-DCFF of up to four bytes >= 0x80 from start (going on after
   them: an ASCII byte stops the escaping, so decoding resumes inside the
   range), or one surrogate the codec can read at start.  A handler that
   cannot help re-raises the codec's error.

   CPython counterpart: Objects/unicodeobject.c (PyUnicode_Decode,
   PyUnicode_AsEncodedString, the UTF-16/32 codecs), Python/codecs.c
   (PyCodec_*Errors), Lib/encodings/__init__.py (normalize_encoding).

   Read first: MpCodec_Lookup, then decode_utf16 and encode. */
#include "objects/unicodecodecs.h"

#include <stdio.h>
#include <string.h>

#include "errors.h"
#include "strbuf.h"
#include "objects/bytes.h"
#include "objects/exceptions.h"
#include "objects/type.h"

/* {====== Names ====== */

int
MpCodec_NativeOrder(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one == 1 ? MP_BO_LE : MP_BO_BE;
}

/* CPython's normalize_encoding after the registry's lower-casing: 0, or
   -1 when the result would not fit in out (then no codec has that
   name). */
static int
normalize(const char *name, char *out, size_t size)
{
    size_t n = 0;
    int punct = 0;
    for (const char *p = name; *p; p++) {
        char c = *p;
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '.';
        if (!alnum) {
            punct = 1;
            continue;
        }
        if (n + 2 >= size) {
            return -1;
        }
        if (punct && n > 0) {
            out[n++] = '_';
        }
        punct = 0;
        out[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    out[n] = '\0';
    return 0;
}

typedef struct {
    const char *name;  // normalised
    int family, order;
} CodecName;

/* The module names and aliases of Lib/encodings for these codecs. */
static const CodecName codec_names[] = {
    {"utf_8", MP_CODEC_UTF8, MP_BO_LE},
    {"utf8", MP_CODEC_UTF8, MP_BO_LE},
    {"u8", MP_CODEC_UTF8, MP_BO_LE},
    {"utf", MP_CODEC_UTF8, MP_BO_LE},
    {"utf8_ucs2", MP_CODEC_UTF8, MP_BO_LE},
    {"utf8_ucs4", MP_CODEC_UTF8, MP_BO_LE},
    {"cp65001", MP_CODEC_UTF8, MP_BO_LE},
    {"ascii", MP_CODEC_ASCII, MP_BO_LE},
    {"us_ascii", MP_CODEC_ASCII, MP_BO_LE},
    {"646", MP_CODEC_ASCII, MP_BO_LE},
    {"us", MP_CODEC_ASCII, MP_BO_LE},
    {"ansi_x3.4_1968", MP_CODEC_ASCII, MP_BO_LE},
    {"ansi_x3_4_1968", MP_CODEC_ASCII, MP_BO_LE},
    {"ansi_x3.4_1986", MP_CODEC_ASCII, MP_BO_LE},
    {"cp367", MP_CODEC_ASCII, MP_BO_LE},
    {"csascii", MP_CODEC_ASCII, MP_BO_LE},
    {"ibm367", MP_CODEC_ASCII, MP_BO_LE},
    {"iso646_us", MP_CODEC_ASCII, MP_BO_LE},
    {"iso_646.irv_1991", MP_CODEC_ASCII, MP_BO_LE},
    {"iso_ir_6", MP_CODEC_ASCII, MP_BO_LE},
    {"latin_1", MP_CODEC_LATIN1, MP_BO_LE},
    {"latin1", MP_CODEC_LATIN1, MP_BO_LE},
    {"latin", MP_CODEC_LATIN1, MP_BO_LE},
    {"l1", MP_CODEC_LATIN1, MP_BO_LE},
    {"iso_8859_1", MP_CODEC_LATIN1, MP_BO_LE},
    {"iso8859_1", MP_CODEC_LATIN1, MP_BO_LE},
    {"iso8859", MP_CODEC_LATIN1, MP_BO_LE},
    {"8859", MP_CODEC_LATIN1, MP_BO_LE},
    {"cp819", MP_CODEC_LATIN1, MP_BO_LE},
    {"ibm819", MP_CODEC_LATIN1, MP_BO_LE},
    {"csisolatin1", MP_CODEC_LATIN1, MP_BO_LE},
    {"iso_8859_1_1987", MP_CODEC_LATIN1, MP_BO_LE},
    {"iso_ir_100", MP_CODEC_LATIN1, MP_BO_LE},
    {"utf_16", MP_CODEC_UTF16, MP_BO_BOM},
    {"utf16", MP_CODEC_UTF16, MP_BO_BOM},
    {"u16", MP_CODEC_UTF16, MP_BO_BOM},
    {"utf_16_le", MP_CODEC_UTF16, MP_BO_LE},
    {"utf_16le", MP_CODEC_UTF16, MP_BO_LE},
    {"unicodelittleunmarked", MP_CODEC_UTF16, MP_BO_LE},
    {"utf_16_be", MP_CODEC_UTF16, MP_BO_BE},
    {"utf_16be", MP_CODEC_UTF16, MP_BO_BE},
    {"unicodebigunmarked", MP_CODEC_UTF16, MP_BO_BE},
    {"utf_32", MP_CODEC_UTF32, MP_BO_BOM},
    {"utf32", MP_CODEC_UTF32, MP_BO_BOM},
    {"u32", MP_CODEC_UTF32, MP_BO_BOM},
    {"utf_32_le", MP_CODEC_UTF32, MP_BO_LE},
    {"utf_32le", MP_CODEC_UTF32, MP_BO_LE},
    {"utf_32_be", MP_CODEC_UTF32, MP_BO_BE},
    {"utf_32be", MP_CODEC_UTF32, MP_BO_BE},
};

/* The names CPython's PyUnicode_Decode / AsEncodedString recognise
   before asking the registry. */
static int
is_fast_name(const char *norm)
{
    static const char *const fast[] = {
        "utf_8",  "utf8",    "utf_16",     "utf16",     "utf_32", "utf32",
        "latin1", "latin_1", "iso_8859_1", "iso8859_1", "ascii",  "us_ascii",
    };
    for (size_t i = 0; i < sizeof fast / sizeof fast[0]; i++) {
        if (strcmp(norm, fast[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

int
MpCodec_Lookup(const char *encoding, MpCodec *codec)
{
    if (encoding == NULL) {
        *codec = (MpCodec){MP_CODEC_UTF8, MP_BO_LE, 1};
        return 0;
    }
    char norm[32];  // longer than every name above
    if (normalize(encoding, norm, sizeof norm) == 0) {
        for (size_t i = 0; i < sizeof codec_names / sizeof codec_names[0];
             i++) {
            if (strcmp(norm, codec_names[i].name) == 0) {
                codec->family = codec_names[i].family;
                codec->order = codec_names[i].order;
                codec->fast = is_fast_name(norm);
                return 0;
            }
        }
    }
    MpErr_Format(MpExc_LookupError, "unknown encoding: %s", encoding);
    return -1;
}

/* What the registry does to a handler's LookupError or TypeError: a new
   exception of the same type, "<what> with '<name>' codec failed
   (<type>: <message>)", caused by the original. */
static void
wrap_error(const char *what, const char *name)
{
    MpObject *exc = MpErr_GetRaisedException();
    if (exc == NULL) {
        return;
    }
    MpObject *type = (MpObject *)Mp_TYPE(exc);
    if (type != MpExc_LookupError && type != MpExc_TypeError) {
        MpErr_SetRaisedException(exc);
        return;
    }
    MpErr_Format(type, "%s with '%s' codec failed (%s: %S)", what, name,
                 MpType_Name(Mp_TYPE(exc)), exc);
    MpObject *outer = MpErr_GetRaisedException();
    if (outer == NULL) {
        Mp_DECREF(exc);
        return;
    }
    MpException_SetCause(outer, exc);
    MpErr_SetRaisedException(outer);
}
/* }====== */

/* {====== Error handlers ====== */

enum {
    EH_STRICT,
    EH_IGNORE,
    EH_REPLACE,
    EH_SURROGATEESCAPE,
    EH_SURROGATEPASS,
    EH_BACKSLASHREPLACE,
    EH_XMLCHARREFREPLACE,
    EH_UNKNOWN,
};

/* Handler names are looked up only when an error happens, as CPython
   does: b'abc'.decode('utf-8', 'no such handler') is 'abc'. */
static int
handler_of(const char *errors)
{
    static const char *const names[] = {
        "strict",        "ignore",           "replace",
        "surrogateescape", "surrogatepass", "backslashreplace",
        "xmlcharrefreplace"};
    if (errors == NULL) {
        return EH_STRICT;
    }
    for (int i = 0; i < EH_UNKNOWN; i++) {
        if (strcmp(errors, names[i]) == 0) {
            return i;
        }
    }
    MpErr_Format(MpExc_LookupError, "unknown error handler name '%s'",
                 errors);
    return EH_UNKNOWN;
}

static void
raise_decode_error(const MpDecoding *d, Mp_ssize_t start, Mp_ssize_t end,
                   const char *reason)
{
    MpObject *exc = MpUnicodeDecodeError_Create(d->encoding, d->data, d->len,
                                                start, end, reason);
    if (exc != NULL) {
        MpErr_SetObject(MpExc_UnicodeDecodeError, exc);
        Mp_DECREF(exc);
    }
}

static void
raise_encode_error(const char *encoding, MpObject *s, Mp_ssize_t start,
                   Mp_ssize_t end, const char *reason)
{
    MpObject *exc = MpUnicodeEncodeError_Create(encoding, s, start, end,
                                                reason);
    if (exc != NULL) {
        MpErr_SetObject(MpExc_UnicodeEncodeError, exc);
        Mp_DECREF(exc);
    }
}

/* surrogatepass while decoding: the surrogate the codec's unit at start
   holds, and its size in *n; 0 when there is none. */
static uint32_t
passed_surrogate(const MpDecoding *d, Mp_ssize_t start, Mp_ssize_t *n)
{
    const unsigned char *p = (const unsigned char *)d->data + start;
    Mp_ssize_t left = d->len - start;
    uint32_t cp = 0;
    switch (d->family) {
    case MP_CODEC_UTF8:  // ED A0..BF 80..BF: U+D800..DFFF in 3 bytes
        if (left >= 3 && p[0] == 0xED && (p[1] & 0xE0) == 0xA0 &&
            (p[2] & 0xC0) == 0x80) {
            cp = 0xD000u | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3Fu);
            *n = 3;
        }
        break;
    case MP_CODEC_UTF16:
        if (left >= 2) {
            cp = MpCodec_Unit(p, 2, d->order);
            *n = 2;
        }
        break;
    case MP_CODEC_UTF32:
        if (left >= 4) {
            cp = MpCodec_Unit(p, 4, d->order);
            *n = 4;
        }
        break;
    default:
        break;
    }
    return cp >= 0xD800 && cp <= 0xDFFF ? cp : 0;
}

Mp_ssize_t
MpCodec_DecodeError(const MpDecoding *d, Mp_ssize_t start, Mp_ssize_t end,
                    const char *reason, MpStrWriter *w)
{
    const unsigned char *p = (const unsigned char *)d->data;
    switch (handler_of(d->errors)) {
    case EH_IGNORE:
        return end;
    case EH_REPLACE:
        return MpStrWriter_Put(w, 0xFFFD) < 0 ? -1 : end;
    case EH_BACKSLASHREPLACE:
        for (Mp_ssize_t i = start; i < end; i++) {
            char hex[5];
            snprintf(hex, sizeof hex, "\\x%02x", p[i]);
            if (MpStrWriter_PutASCII(w, hex, 4) < 0) {
                return -1;
            }
        }
        return end;
    case EH_SURROGATEESCAPE: {
        /* CPython escapes at most 4 bytes a call, stopping at an ASCII
           byte, and goes on decoding after them. */
        Mp_ssize_t k = start;
        while (k < end && k - start < 4 && p[k] >= 0x80) {
            if (MpStrWriter_Put(w, 0xDC00u + p[k]) < 0) {
                return -1;
            }
            k++;
        }
        if (k > start) {
            return k;
        }
        break;
    }
    case EH_SURROGATEPASS: {
        Mp_ssize_t n = 0;
        uint32_t cp = passed_surrogate(d, start, &n);
        if (cp != 0) {
            return MpStrWriter_Put(w, cp) < 0 ? -1 : start + n;
        }
        break;
    }
    case EH_XMLCHARREFREPLACE:
        MpErr_SetString(MpExc_TypeError,
                        "don't know how to handle UnicodeDecodeError in "
                        "error callback");
        return -1;
    case EH_UNKNOWN:
        return -1;
    default:
        break;
    }
    raise_decode_error(d, start, end, reason);
    return -1;
}
/* }====== */

/* {====== Decoders ====== */

static MpObject *
decode_ascii(const char *s, Mp_ssize_t len, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Mp_ssize_t i = 0;
    while (i < len && p[i] < 0x80) {
        i++;
    }
    if (i == len) {
        return MpStr_FromKindAndData(1, s, len);
    }
    MpDecoding d = {"ascii", MP_CODEC_ASCII, MP_BO_LE, s, len, errors};
    MpStrWriter w;
    MpStrWriter_Init(&w);
    if (MpStrWriter_PutASCII(&w, s, i) < 0) {
        goto error;
    }
    while (i < len) {
        if (p[i] < 0x80) {
            if (MpStrWriter_Put(&w, p[i]) < 0) {
                goto error;
            }
            i++;
        }
        else if ((i = MpCodec_DecodeError(&d, i, i + 1,
                                          "ordinal not in range(128)",
                                          &w)) < 0) {
            goto error;
        }
    }
    return MpStrWriter_Finish(&w);
error:
    MpStrWriter_Discard(&w);
    return NULL;
}

/* The order a BOM at p[0:len] gives (unit bytes long), or MP_BO_BOM when
   there is none. */
static int
bom_order(const unsigned char *p, Mp_ssize_t len, int unit)
{
    if (len < unit) {
        return MP_BO_BOM;
    }
    if (unit == 2) {
        return p[0] == 0xFF && p[1] == 0xFE   ? MP_BO_LE
               : p[0] == 0xFE && p[1] == 0xFF ? MP_BO_BE
                                              : MP_BO_BOM;
    }
    return memcmp(p, "\xFF\xFE\0\0", 4) == 0   ? MP_BO_LE
           : memcmp(p, "\0\0\xFE\xFF", 4) == 0 ? MP_BO_BE
                                               : MP_BO_BOM;
}

/* The byte order to decode with: *order itself when the codec names one,
   else the one a BOM at p says (the BOM is skipped), else the machine's.
   Returns the number of bytes to skip. */
static Mp_ssize_t
resolve_order(const unsigned char *p, Mp_ssize_t len, int width, int *order)
{
    if (*order != MP_BO_BOM) {
        return 0;
    }
    *order = bom_order(p, len, width);
    if (*order == MP_BO_BOM) {
        *order = MpCodec_NativeOrder();
        return 0;
    }
    return width;
}

static MpObject *
decode_utf16(const char *s, Mp_ssize_t len, int order, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Mp_ssize_t i = resolve_order(p, len, 2, &order);
    MpDecoding d = {order == MP_BO_LE ? "utf-16-le" : "utf-16-be",
                    MP_CODEC_UTF16, order, s, len, errors};
    MpStrWriter w;
    MpStrWriter_Init(&w);
    while (i < len) {
        Mp_ssize_t bad_end;
        const char *reason;
        if (len - i < 2) {
            bad_end = len;
            reason = "truncated data";
        }
        else {
            uint32_t u = MpCodec_Unit(p + i, 2, order);
            if (u < 0xD800 || u > 0xDFFF) {
                if (MpStrWriter_Put(&w, u) < 0) {
                    goto error;
                }
                i += 2;
                continue;
            }
            if (u >= 0xDC00) {
                bad_end = i + 2;
                reason = "illegal encoding";
            }
            else if (len - i < 4) {
                bad_end = len;
                reason = "unexpected end of data";
            }
            else {
                uint32_t u2 = MpCodec_Unit(p + i + 2, 2, order);
                if (u2 >= 0xDC00 && u2 <= 0xDFFF) {
                    uint32_t cp = 0x10000 + ((u - 0xD800) << 10) +
                                  (u2 - 0xDC00);
                    if (MpStrWriter_Put(&w, cp) < 0) {
                        goto error;
                    }
                    i += 4;
                    continue;
                }
                bad_end = i + 2;
                reason = "illegal UTF-16 surrogate";
            }
        }
        if ((i = MpCodec_DecodeError(&d, i, bad_end, reason, &w)) < 0) {
            goto error;
        }
    }
    return MpStrWriter_Finish(&w);
error:
    MpStrWriter_Discard(&w);
    return NULL;
}

static MpObject *
decode_utf32(const char *s, Mp_ssize_t len, int order, const char *errors)
{
    const unsigned char *p = (const unsigned char *)s;
    Mp_ssize_t i = resolve_order(p, len, 4, &order);
    MpDecoding d = {order == MP_BO_LE ? "utf-32-le" : "utf-32-be",
                    MP_CODEC_UTF32, order, s, len, errors};
    MpStrWriter w;
    MpStrWriter_Init(&w);
    while (i < len) {
        Mp_ssize_t bad_end = i + 4;
        const char *reason;
        if (len - i < 4) {
            bad_end = len;
            reason = "truncated data";
        }
        else {
            uint32_t cp = MpCodec_Unit(p + i, 4, order);
            if (cp < 0xD800 || (cp > 0xDFFF && cp <= 0x10FFFF)) {
                if (MpStrWriter_Put(&w, cp) < 0) {
                    goto error;
                }
                i += 4;
                continue;
            }
            reason = cp > 0x10FFFF ? "code point not in range(0x110000)"
                                   : "code point in surrogate code point "
                                     "range(0xd800, 0xe000)";
        }
        if ((i = MpCodec_DecodeError(&d, i, bad_end, reason, &w)) < 0) {
            goto error;
        }
    }
    return MpStrWriter_Finish(&w);
error:
    MpStrWriter_Discard(&w);
    return NULL;
}

MpObject *
MpCodec_Decode(const MpCodec *codec, const char *data, Mp_ssize_t len,
               const char *errors)
{
    switch (codec->family) {
    case MP_CODEC_UTF8:
        return MpStr_DecodeUTF8(data, len, errors);
    case MP_CODEC_ASCII:
        return decode_ascii(data, len, errors);
    case MP_CODEC_LATIN1:
        return MpStr_FromKindAndData(1, data, len);
    case MP_CODEC_UTF16:
        return decode_utf16(data, len, codec->order, errors);
    default:
        return decode_utf32(data, len, codec->order, errors);
    }
}

MpObject *
MpStr_Decode(const char *s, Mp_ssize_t len, const char *encoding,
             const char *errors)
{
    MpCodec codec;
    if (MpCodec_Lookup(encoding, &codec) < 0) {
        return NULL;
    }
    MpObject *r = MpCodec_Decode(&codec, s, len, errors);
    if (r == NULL && !codec.fast) {
        wrap_error("decoding", encoding);
    }
    return r;
}
/* }====== */

/* {====== Encoders ====== */

/* Appends the code point (or lone surrogate) c in the codec's form. */
static void
put_unit(MpStrBuf *b, const MpCodec *codec, int order, uint32_t c)
{
    unsigned char u[4];
    switch (codec->family) {
    case MP_CODEC_UTF8:
        MpStrBuf_PutCodePoint(b, c);
        return;
    case MP_CODEC_UTF16:
        if (c >= 0x10000) {
            c -= 0x10000;
            put_unit(b, codec, order, 0xD800 + (c >> 10));
            c = 0xDC00 + (c & 0x3FF);
        }
        /* a unit is stored as a UTF-32 code point is */
        /* fall through */
    case MP_CODEC_UTF32: {
        int width = codec->family == MP_CODEC_UTF16 ? 2 : 4;
        MpCodec_PutUnit(u, width, order, c);
        MpStrBuf_Append(b, (const char *)u, (size_t)width);
        return;
    }
    default:
        MpStrBuf_Putc(b, (char)c);
        return;
    }
}

static void
put_ascii_units(MpStrBuf *b, const MpCodec *codec, int order, const char *s)
{
    for (; *s; s++) {
        put_unit(b, codec, order, (unsigned char)*s);
    }
}

static int
encodable(int family, uint32_t c)
{
    switch (family) {
    case MP_CODEC_ASCII:
        return c < 0x80;
    case MP_CODEC_LATIN1:
        return c < 0x100;
    default:
        return c < 0xD800 || c > 0xDFFF;
    }
}

/* The general encoder: each character in the codec's form; each run of
   unencodable ones ([i, j), one character long for utf-16/32) through
   the error handler. */
static MpObject *
encode(const MpCodec *codec, MpObject *s, const char *errors)
{
    static const char *const names[][3] = {
        {"utf-8", "utf-8", "utf-8"},
        {"ascii", "ascii", "ascii"},
        {"latin-1", "latin-1", "latin-1"},
        {"utf-16", "utf-16-le", "utf-16-be"},
        {"utf-32", "utf-32-le", "utf-32-be"},
    };
    const char *encname = names[codec->family][codec->order + 1];
    int family = codec->family;
    int wide = family == MP_CODEC_UTF16 || family == MP_CODEC_UTF32;
    int order = codec->order;
    Mp_ssize_t len = MpStr_GET_LENGTH(s);
    MpStrBuf b = {0};
    if (order == MP_BO_BOM) {
        order = MpCodec_NativeOrder();
        put_unit(&b, codec, order, 0xFEFF);
    }
    for (Mp_ssize_t i = 0; i < len;) {
        uint32_t c = MpStr_READ(s, i);
        if (encodable(family, c)) {
            put_unit(&b, codec, order, c);
            i++;
            continue;
        }
        Mp_ssize_t j = i + 1;
        while (!wide && j < len && !encodable(family, MpStr_READ(s, j))) {
            j++;
        }
        int eh = handler_of(errors);
        for (Mp_ssize_t x = i; x < j; x++) {
            uint32_t cx = MpStr_READ(s, x);
            char text[16];
            switch (eh) {
            case EH_IGNORE:
                break;
            case EH_REPLACE:
                put_unit(&b, codec, order, '?');
                break;
            case EH_BACKSLASHREPLACE:
                snprintf(text, sizeof text,
                         cx < 0x100     ? "\\x%02x"
                         : cx < 0x10000 ? "\\u%04x"
                                        : "\\U%08x",
                         (unsigned)cx);
                put_ascii_units(&b, codec, order, text);
                break;
            case EH_XMLCHARREFREPLACE:
                snprintf(text, sizeof text, "&#%u;", (unsigned)cx);
                put_ascii_units(&b, codec, order, text);
                break;
            case EH_SURROGATEESCAPE:
                /* a byte, which only a byte-oriented codec can take */
                if (!wide && cx >= 0xDC80 && cx <= 0xDCFF) {
                    MpStrBuf_Putc(&b, (char)(cx - 0xDC00));
                    break;
                }
                i = x;  // the error covers the rest of the run
                goto raise;
            case EH_SURROGATEPASS:
                if (family != MP_CODEC_ASCII && family != MP_CODEC_LATIN1) {
                    put_unit(&b, codec, order, cx);
                    break;
                }
                goto raise;
            case EH_UNKNOWN:
                goto error;
            default:
                goto raise;
            }
        }
        i = j;
        continue;
    raise:
        raise_encode_error(encname, s, i, j,
                           family == MP_CODEC_ASCII
                               ? "ordinal not in range(128)"
                           : family == MP_CODEC_LATIN1
                               ? "ordinal not in range(256)"
                               : "surrogates not allowed");
        goto error;
    }
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *r = MpBytes_FromStringAndSize(b.data ? b.data : "",
                                            (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return r;
error:
    MpStrBuf_Clear(&b);
    return NULL;
}

MpObject *
MpCodec_Encode(const MpCodec *codec, MpObject *s, const char *errors)
{
    MpStrObject *o = (MpStrObject *)s;
    int family = codec->family;
    if (family != MP_CODEC_UTF16 && family != MP_CODEC_UTF32 &&
        (o->ascii || (family == MP_CODEC_LATIN1 && o->kind == 1))) {
        return MpBytes_FromStringAndSize(MpStr_DATA(s),
                                         MpStr_GET_LENGTH(s));
    }
    if (family == MP_CODEC_UTF8 && o->kind == 1) {
        /* no surrogates: the cached UTF-8 is the encoding */
        Mp_ssize_t n;
        const char *u = MpStr_AsUTF8AndSize(s, &n);
        return u == NULL ? NULL : MpBytes_FromStringAndSize(u, n);
    }
    return encode(codec, s, errors);
}

MpObject *
MpStr_AsEncodedString(MpObject *s, const char *encoding,
                      const char *errors)
{
    MpCodec codec;
    if (MpCodec_Lookup(encoding, &codec) < 0) {
        return NULL;
    }
    MpObject *r = MpCodec_Encode(&codec, s, errors);
    if (r == NULL && !codec.fast) {
        wrap_error("encoding", encoding);
    }
    return r;
}
/* }====== */
