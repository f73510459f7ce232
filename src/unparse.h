/* unparse.h — an expression's source text, rebuilt from its tree.

   Used for `from __future__ import annotations`, where every annotation
   is stored as the string CPython's own unparser would give.

   CPython counterpart: Python/ast_unparse.c. */
#ifndef MP_UNPARSE_H
#define MP_UNPARSE_H

#include "ast.h"
#include "strbuf.h"

/* Appends the source form of the expression e to b, parenthesised only
   where precedence needs it, as an annotation is written (the level of a
   test: a bare tuple is parenthesised).  Returns 0, or -1 with an
   exception set (MemoryError, or a repr that failed). */
int MpAst_UnparseAnnotation(const MpNode *e, MpStrBuf *b);

#endif
