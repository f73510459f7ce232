/* repr.h — Python's repr() of the primitive values, as text.

   The AST dump needs repr() of str, bytes, float and complex constants long
   before there are objects; the objects reuse the same functions, so that
   there is exactly one place where, say, the quote of a str repr is chosen
   or the shortest round-tripping float is found. */
#ifndef MP_REPR_H
#define MP_REPR_H

#include <stddef.h>

#include "strbuf.h"

/* repr() of a str given as UTF-8 (surrogates in the 3-byte form): quotes
   chosen as CPython does, non-printable characters escaped. */
int MpRepr_Str(MpStrBuf *out, const char *s, size_t len);

/* repr() of a bytes value: b'...' with \xhh escapes. */
int MpRepr_Bytes(MpStrBuf *out, const char *s, size_t len);

/* repr() of a float: the shortest string that reads back as the same
   double, in fixed notation when 1e-4 <= |x| < 1e16, else exponent
   notation ('1e+16', '1.5e-05'); 'inf', '-inf', 'nan'. */
int MpRepr_Double(MpStrBuf *out, double x);

/* repr() of a complex whose real part is +0.0: '1j', '2.5j', '1e+16j'. */
int MpRepr_Imag(MpStrBuf *out, double imag);

#endif
