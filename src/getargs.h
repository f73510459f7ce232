/* getargs.h — parsing the arguments of built-in functions and methods.

   One call checks the count and the keywords of a vectorcall-style
   argument list against a parameter list and produces CPython's messages
   ("int() takes at most 2 arguments (3 given)", "to_bytes() missing
   required argument 'byteorder' (pos 2)", "'x' is an invalid keyword
   argument for int()").  CPython counterpart: Python/getargs.c
   (_PyArg_UnpackKeywords). */
#ifndef MP_GETARGS_H
#define MP_GETARGS_H

#include "object.h"

typedef struct {
    const char *fname;            // "to_bytes", for the messages
    const char *const *keywords;  // every parameter's name, in order; ""
                                  // for positional-only ones; NULL-ended
    int min_args;                 // parameters [0:min_args] are required
    int max_positional;           // the rest are keyword-only
} MpArgSpec;

/* Matches args[0:nargs] and the keyword arguments named by kwnames
   (vectorcall layout) to the spec's parameters.  out must have one slot per
   parameter; a slot not given is NULL.  Returns 0, or -1 with TypeError.
   Refs: out[i] BORROWED from args. */
int MpArg_Unpack(const MpArgSpec *spec, MpObject *const *args,
                 Mp_ssize_t nargs, MpObject *kwnames, MpObject **out);

/* For functions without keyword parameters: checks min <= nargs <= max
   and that kwnames is empty ("f() takes no keyword arguments").
   Returns 0 or -1. */
int MpArg_CheckPositional(const char *fname, Mp_ssize_t nargs,
                          MpObject *kwnames, Mp_ssize_t min, Mp_ssize_t max);

/* As MpArg_CheckPositional, with the messages of CPython's
   PyArg_ParseTuple, which its METH_VARARGS methods give: "find() takes at
   least 1 argument (0 given)", "count() takes at most 3 arguments (5
   given)", "f() takes exactly 2 arguments (1 given)", "find() takes no
   keyword arguments".  Returns 0 or -1 with TypeError. */
int MpArg_CheckVarargs(const char *fname, Mp_ssize_t nargs,
                       MpObject *kwnames, Mp_ssize_t min, Mp_ssize_t max);
/* MpArg_Unpack for the tp_new/tp_init convention: positional arguments in
   a tuple, keywords in a dict (or NULL).  Returns 0 or -1 with TypeError.
   Refs: out[i] BORROWED from args and kwargs. */
int MpArg_UnpackTupleDict(const MpArgSpec *spec, MpObject *args,
                          MpObject *kwargs, MpObject **out);

/* The keyword arguments of a vectorcall as a dict: the names in kwnames,
   their values at values[0..].  Refs: NEW (an empty dict when kwnames is
   NULL or empty); values BORROWED. */
MpObject *MpArg_KwnamesToDict(MpObject *const *values, MpObject *kwnames);

#endif
