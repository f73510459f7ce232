/* suggestions.h — the "Did you mean: 'x'?" suffix of an uncaught
   NameError or AttributeError (CPython 3.11's Python/suggestions.c). */
#ifndef MP_SUGGESTIONS_H
#define MP_SUGGESTIONS_H

#include "object.h"

/* ". Did you mean: 'print'?" for exc, or NULL (no exception set) when
   there is nothing to suggest.  Any pending exception is left as it was.
   Refs: NEW; exc BORROWED.  This is MpTraceback_SuggestionHook. */
MpObject *MpSuggestions_ForException(MpObject *exc);

#endif
