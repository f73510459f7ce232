/* bytes_methods.h — the str-like methods of bytes and bytearray that live
   in bytes_methods.c, and bytearray's insert / remove / reverse.  Each is
   an MpMethodDef function of the convention its comment names; bytes.c
   puts them in the types' method tables.  All return NEW references, or
   NULL with an exception set; self and the arguments are BORROWED. */
#ifndef MP_BYTES_METHODS_H
#define MP_BYTES_METHODS_H

#include "object.h"

/* MP_METH_NOARGS: the ASCII predicates and case maps. */
MpObject *MpBytes_isalnum(MpObject *self, MpObject *unused);
MpObject *MpBytes_isalpha(MpObject *self, MpObject *unused);
MpObject *MpBytes_isascii(MpObject *self, MpObject *unused);
MpObject *MpBytes_isdigit(MpObject *self, MpObject *unused);
MpObject *MpBytes_islower(MpObject *self, MpObject *unused);
MpObject *MpBytes_isspace(MpObject *self, MpObject *unused);
MpObject *MpBytes_istitle(MpObject *self, MpObject *unused);
MpObject *MpBytes_isupper(MpObject *self, MpObject *unused);
MpObject *MpBytes_capitalize(MpObject *self, MpObject *unused);
MpObject *MpBytes_swapcase(MpObject *self, MpObject *unused);
MpObject *MpBytes_title(MpObject *self, MpObject *unused);

/* MP_METH_FASTCALL: (width[, fillchar]). */
MpObject *MpBytes_center(MpObject *self, MpObject *const *args,
                         Mp_ssize_t nargs);
MpObject *MpBytes_ljust(MpObject *self, MpObject *const *args,
                        Mp_ssize_t nargs);
MpObject *MpBytes_rjust(MpObject *self, MpObject *const *args,
                        Mp_ssize_t nargs);
/* MP_METH_O */
MpObject *MpBytes_zfill(MpObject *self, MpObject *width);
MpObject *MpBytes_partition(MpObject *self, MpObject *sep);
MpObject *MpBytes_rpartition(MpObject *self, MpObject *sep);
MpObject *MpBytes_removeprefix(MpObject *self, MpObject *prefix);
MpObject *MpBytes_removesuffix(MpObject *self, MpObject *suffix);
/* MP_METH_FASTCALL | MP_METH_KEYWORDS */
MpObject *MpBytes_expandtabs(MpObject *self, MpObject *const *args,
                             Mp_ssize_t nargs, MpObject *kwnames);
MpObject *MpBytes_splitlines(MpObject *self, MpObject *const *args,
                             Mp_ssize_t nargs, MpObject *kwnames);
MpObject *MpBytes_translate(MpObject *self, MpObject *const *args,
                            Mp_ssize_t nargs, MpObject *kwnames);
/* MP_METH_FASTCALL | MP_METH_STATIC: bytes.maketrans(from, to). */
MpObject *MpBytes_maketrans(MpObject *unused, MpObject *const *args,
                            Mp_ssize_t nargs);

/* bytearray only: insert (FASTCALL), remove (O), reverse (NOARGS). */
MpObject *MpByteArray_insert(MpObject *self, MpObject *const *args,
                             Mp_ssize_t nargs);
MpObject *MpByteArray_remove(MpObject *self, MpObject *value);
MpObject *MpByteArray_reverse(MpObject *self, MpObject *unused);

#endif
