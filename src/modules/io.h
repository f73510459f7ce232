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

/* The optional size argument of read/readline/readlines/truncate: absent
   is -1, and so is None when none_ok; otherwise an index (a TypeError
   "argument should be integer or None" when none_ok and it has no
   __index__).  fname names the method in the arity error.  Stores the
   value in *size.  Returns 0, or -1 with an exception.
   Refs: args BORROWED. */
int MpIO_SizeArg(MpObject *const *args, Mp_ssize_t nargs, const char *fname,
                 Mp_ssize_t *size, int none_ok);

/* readlines(hint=-1) for any file object, a fast method: gathers the
   lines its tp_iternext gives until the end, or until the lengths of
   the lines so far reach hint when hint > 0.
   Refs: NEW list; NULL with an exception. */
MpObject *MpIO_ReadLines(MpObject *self, MpObject *const *args,
                         Mp_ssize_t nargs);
/* The same, stopping once the total reaches hint (BytesIO.readlines). */
MpObject *MpIO_ReadLinesToHint(MpObject *self, MpObject *const *args,
                               Mp_ssize_t nargs);

/* writelines(lines) for any file object, an O method: calls
   self.write(line) for each item of the iterable lines.
   Refs: NEW None; NULL with an exception. */
MpObject *MpIO_WriteLines(MpObject *self, MpObject *lines);

#endif
