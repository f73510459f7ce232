/* dis.h — the dis module: minipy's bytecode, printed for people.

   MpDis_Create builds the module `import dis` finds (registered in
   import.c's table of built-in modules).  MpDis_Format is the same
   disassembler writing into a C buffer, for the unit tests and for C code
   that wants a listing without going through sys.stdout.

   CPython counterpart: Lib/dis.py. */
#ifndef MP_DIS_H
#define MP_DIS_H

#include "object.h"
#include "strbuf.h"

/* The dis module: dis, disassemble, distb, code_info, show_code, opname,
   opmap, cmp_op and the has* lists.  Refs: NEW; NULL with an exception. */
MpObject *MpDis_Create(void);

/* Appends to out what dis.dis(code) prints: the listing of the code
   object, then that of every code object among its constants (recursively),
   each after a "Disassembly of <code object ...>:" header.
   Returns 0, or -1 with an exception set (code is not a code object, a
   constant's repr failed, out of memory); either way out holds what was
   written and the caller frees it (MpStrBuf_Clear).
   Refs: code BORROWED. */
int MpDis_Format(MpObject *code, MpStrBuf *out);

#endif
