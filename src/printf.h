/* printf.h — printf-style formatting: the `%` operator of str, bytes and
   bytearray (PEP 461).

   `fmt % args` walks fmt once; literal text is copied, and each
   conversion

       %[(key)][flags][width][.precision][length]type

   takes its value from args (the next item of a tuple, the single
   non-tuple object, or mapping[key]).  One parser and one number
   formatter serve both flavours; what differs is the output (code points
   or bytes) and what %s, %r, %a, %c (and bytes' %b) make of an object.
   A flavour supplies those as an MpPrintfSink.

   CPython counterpart: PyUnicode_Format (Objects/unicodeobject.c) and
   _PyBytes_FormatEx (Objects/bytesobject.c). */
#ifndef MP_PRINTF_H
#define MP_PRINTF_H

#include <stdint.h>

#include "object.h"

/* The flags of a conversion. */
enum {
    MP_PF_LJUST = 1,  // '-'
    MP_PF_SIGN = 2,   // '+'
    MP_PF_BLANK = 4,  // ' '
    MP_PF_ALT = 8,    // '#'
    MP_PF_ZERO = 16,  // '0'
};

/* One parsed conversion. */
typedef struct {
    int flags;         // MP_PF_* bits
    Mp_ssize_t width;  // -1: none
    Mp_ssize_t prec;   // -1: none
    uint32_t type;     // the conversion character: 's', 'd', ...
} MpPrintfSpec;

typedef struct MpPrintfSink MpPrintfSink;

/* What a flavour of `%` provides.  Each callback returns 0, or -1 with an
   exception set. */
struct MpPrintfSink {
    /* 1 for bytes and bytearray: mapping keys are bytes, and the few
       messages CPython words differently for bytes are used. */
    int is_bytes;
    /* Appends fmt[start:end], text without conversions. */
    int (*put_literal)(MpPrintfSink *sink, Mp_ssize_t start, Mp_ssize_t end);
    /* Appends n ASCII characters (a formatted number). */
    int (*put_ascii)(MpPrintfSink *sink, const char *s, Mp_ssize_t n);
    /* Formats v for a conversion the numbers do not take (s, r, a, c,
       b ...); returns 1, with nothing set, for a type it does not know. */
    int (*convert)(MpPrintfSink *sink, MpObject *v, const MpPrintfSpec *spec);
};

/* Runs fmt % args.  fmt is len code points of the given kind (1, 2 or 4
   bytes each; bytes are kind 1), fed to the sink as it is parsed.
   Returns 0, or -1 with TypeError ("not enough arguments for format
   string", "not all arguments converted during string formatting",
   "format requires a mapping", "%d format: a real number is required,
   not str", ...), ValueError ("incomplete format", "unsupported format
   character 'y' (0x79) at index 1", ...), KeyError, OverflowError.
   Refs: args BORROWED. */
int MpPrintf_Format(MpPrintfSink *sink, int kind, const void *fmt,
                    Mp_ssize_t len, MpObject *args);

/* bytes % args and bytearray % args: a bytes for a bytes format (of any
   bytes subclass), a bytearray for a bytearray one.
   Refs: NEW; NULL with the errors of MpPrintf_Format and TypeError
   "%b requires a bytes-like object, or an object that implements
   __bytes__, not 'str'", "%c requires an integer in range(256) or a
   single byte", OverflowError "%c arg not in range(256)".  fmt, args
   BORROWED. */
MpObject *MpBytes_Format(MpObject *fmt, MpObject *args);

#endif
