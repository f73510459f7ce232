/* format.h — the format-spec mini-language and str.format.

   `format(x, spec)` ends in type(x).__format__(x, spec); int, float and str
   implement theirs with the three functions here, which parse spec
   ([[fill]align][sign][z][#][0][width][grouping][.precision][type]) the
   way CPython 3.11 does and lay the value out in the field.  str.format
   and str.format_map parse a template of literal text and {fields} and
   call format() on each field's object.

   CPython counterpart: Python/formatter_unicode.c,
   Objects/stringlib/unicode_format.h. */
#ifndef MP_FORMAT_H
#define MP_FORMAT_H

#include "object.h"

/* int.__format__ / float.__format__ / str.__format__: v formatted by the
   str spec.  Refs: NEW; NULL with ValueError (bad spec), TypeError (spec
   not a str) or OverflowError ('c' out of range, int too large for a
   float type). */
MpObject *MpFormat_Long(MpObject *v, MpObject *spec);
MpObject *MpFormat_Float(MpObject *v, MpObject *spec);
MpObject *MpFormat_Str(MpObject *v, MpObject *spec);
/* complex.__format__: the complex re+imj (v, for messages) by spec.
   Refs: NEW; NULL with ValueError as CPython's. */
MpObject *MpFormat_Complex(MpObject *v, double re, double im,
                           MpObject *spec);

/* fmt.format(*args, **kwargs), or fmt.format_map(mapping) when args is
   NULL (then kwargs is the mapping, any object with __getitem__).
   kwargs may be NULL (no keyword arguments).
   Refs: NEW; NULL with ValueError/IndexError/KeyError as CPython's. */
MpObject *MpFormat_StrFormat(MpObject *fmt, MpObject *const *args,
                             Mp_ssize_t nargs, MpObject *kwargs);

#endif
