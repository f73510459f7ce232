/* compile.h — the compiler: an AST in, a code object out.

   MpCompile runs the two passes of code generation over a finished tree:
   the symbol table (symtable.h) decides the scope of every name, then the
   code generator (compile.c) turns each scope into a code object of the
   bytecode listed in opcodes.h.  Nested scopes (functions, classes,
   lambdas, comprehensions) become code objects among the constants of the
   code that creates them.

   Errors found at compile time ('break' outside loop, a bad `nonlocal`,
   constructs minipy does not support yet) are reported through an
   MpSyntaxError rather than an exception, like the parser's, so that the
   compiler does not depend on the exception machinery: the caller turns
   the record into a SyntaxError object.

   CPython counterpart: Include/internal/pycore_compile.h. */
#ifndef MP_COMPILE_H
#define MP_COMPILE_H

#include "ast.h"
#include "object.h"
#include "parse.h"

/* MpCompile's flags. */
enum {
    /* `from __future__ import annotations` in effect (also detected in the
       module itself): annotations are stored as strings, not evaluated. */
    MP_COMPILE_FUTURE_ANNOTATIONS = 1 << 0,
    /* An Interactive tree's expression statements print their value
       (PRINT_EXPR), as the REPL does.  Implied for Interactive trees. */
    MP_COMPILE_INTERACTIVE = 1 << 1,
};

/* Compiles tree (a Module, Expression or Interactive node) to a code
   object.  filename is a str object.  flags: MP_COMPILE_*.  On a
   compile-time error fills *err (kind, message, location: CPython's
   messages) and returns NULL; when out of memory returns NULL with
   err->kind = MP_ERR_MEMORY (and the MemoryError the allocator raised
   still set).
   Refs: NEW; filename BORROWED. */
MpObject *MpCompile(MpNode *tree, MpObject *filename, int flags,
                    MpSyntaxError *err);

#endif
