/* io.h — file objects: open(), the io module, the standard streams.

   CPython counterpart: Modules/_io/_iomodule.h. */
#ifndef MP_IO_H
#define MP_IO_H

#include <stdio.h>

#include "object.h"

/* _io.TextIOWrapper: the type of open(name, 'r'/'w'...) and of
   sys.stdout/stderr/stdin. */
extern MpTypeObject MpTextIO_Type;

/* A text stream over a C stdio stream the interpreter does not own
   (stdin, stdout, stderr): closing it only marks it closed.  name is what
   repr shows ("<stdout>"), mode "r" or "w".
   Refs: NEW; NULL with an exception. */
MpObject *MpTextIO_FromStdio(FILE *fp, const char *name, const char *mode);

/* Writes str s (or the C string fallback when s is NULL) to the text file
   f, an MpTextIO_Type object: what print() does without a method call.
   Returns 0 or -1 (closed file, not writable, encoding error).
   Refs: s BORROWED. */
int MpTextIO_Write(MpObject *f, MpObject *s, const char *fallback);

/* The builtin open(), added to the builtins module. */
extern MpMethodDef MpIO_BuiltinMethods[];

/* The io module.  Refs: NEW. */
MpObject *MpIO_Create(void);

/* io.StringIO and io.BytesIO (modules/memio.c). */
extern MpTypeObject MpStringIO_Type, MpBytesIO_Type;

/* Raises io.UnsupportedOperation(msg) (an OSError and a ValueError).
   Returns NULL. */
MpObject *MpIO_Unsupported(const char *msg);

#endif
