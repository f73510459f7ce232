/* literal.h — number and string literals, from token text to values.

   The tokenizer only finds where a literal starts and ends; this is where
   its value is worked out: integers in any base (large ones with GMP),
   floats, imaginary numbers, every string prefix and escape (\N{...}
   through unicodedb.h), implicit concatenation of adjacent literals, and
   f-strings, whose replacement fields are parsed by the same parser
   (MpParse_FStringExpr).  CPython counterpart: Parser/string_parser.c and
   Parser/action_helpers.c (_PyPegen_concatenate_strings). */
#ifndef MP_LITERAL_H
#define MP_LITERAL_H

#include "ast.h"
#include "parse.h"
#include "tokenizer.h"

/* The value of a NUMBER token (its text as written, underscores included).
   Returns 0, or -1 with *p->err set. */
int MpLiteral_Number(MpParser *p, MpTokText text, MpLoc loc, MpConst *out);

/* n >= 1 adjacent STRING tokens, concatenated, as one node: a Constant
   (str or bytes; kind='u' when the first literal has the u prefix) or, when
   any of them is an f-string, a JoinedStr.  loc spans all of them.
   Returns the node, or NULL with *p->err set. */
MpNode *MpLiteral_Strings(MpParser *p, const MpToken *toks, int n,
                          MpLoc loc);

#endif
