/* structseq.h — named tuples made in C: sys.version_info, sys.flags,
   sys.hash_info, sys.float_info, time.struct_time and the like.

   A struct sequence type is a subclass of tuple whose items also have
   names: `sys.version_info.major is sys.version_info[0]`, and whose repr
   names them: `sys.version_info(major=3, minor=11, ...)`.  Each type is
   made once, from a static description, as a heap class
   `module.name(tuple)` with `__slots__ = ()`, a read-only attribute per
   field, `__match_args__`, `n_fields`, `n_sequence_fields` and
   `n_unnamed_fields`.

   CPython counterpart: Objects/structseq.c (which also supports fields
   beyond the sequence part; here every field is a sequence field). */
#ifndef MP_STRUCTSEQ_H
#define MP_STRUCTSEQ_H

#include "object.h"

typedef struct {
    const char *module;         // "sys"
    const char *name;           // "version_info"
    const char *const *fields;  // n names
    int n;
    /* n + 1 entries of static storage for the field descriptors (the type
       points into it for as long as it lives) */
    MpGetSetDef *getset;
} MpStructSeqDesc;

/* The type described.  Refs: NEW; NULL with an exception. */
MpTypeObject *MpStructSeq_NewType(MpStructSeqDesc *desc);

/* An instance of type holding the n items.  Refs: items STOLEN (each,
   even on failure; NULL items are an error); returns NEW, or NULL with
   an exception. */
MpObject *MpStructSeq_New(MpTypeObject *type, MpObject **items, int n);

#endif
