/* unicodedb.h — the Unicode Character Database, as minipy needs it.

   The tables behind these functions are generated at build time by
   tools/gen_unicodedb.c from the UCD text files of Debian's unicode-data
   package (/usr/share/unicode) into build/gen/unicodedb_tables.h, which
   src/unicodedb.c reads; they are never committed.  CPython 3.11 ships
   Unicode 14.0; minipy uses whatever version the package has (README.md,
   "Differences from CPython").

   Code points are uint32_t in 0..0x10FFFF; anything else is treated as an
   unassigned code point. */
#ifndef MP_UNICODEDB_H
#define MP_UNICODEDB_H

#include <stddef.h>
#include <stdint.h>

/* The general category: two letters, such as "Lu", "Nd", "Cn". */
const char *MpUnicode_Category(uint32_t cp);

/* Identifier characters (DerivedCoreProperties XID_Start/XID_Continue).
   Python also allows '_' as a start character, which callers handle. */
int MpUnicode_IsXIDStart(uint32_t cp);
int MpUnicode_IsXIDContinue(uint32_t cp);

/* str.isprintable() for one character: false for the categories Cc, Cf, Cs,
   Co, Cn, Zl, Zp and Zs, except that the space ' ' is printable.  This is
   what repr() uses to decide whether to escape a character. */
int MpUnicode_IsPrintable(uint32_t cp);

/* White space as str.isspace() defines it (bidirectional class WS, B or S,
   or category Zs). */
int MpUnicode_IsSpace(uint32_t cp);

/* The code point named `name` (len bytes, not NUL-terminated) as the \N{...}
   escape looks it up: names from UnicodeData.txt, the aliases of
   NameAliases.txt, "CJK UNIFIED IDEOGRAPH-XXXX" and the Hangul syllables.
   As in CPython, the algorithmic names (CJK UNIFIED IDEOGRAPH-4E00,
   HANGUL SYLLABLE GAG) match in upper case only; the other names match
   case-insensitively ("latin small letter a").  Returns -1 when unknown. */
int32_t MpUnicode_Lookup(const char *name, size_t len);

/* Writes the character's name (unicodedata.name) NUL-terminated into buf
   of size n.  Returns the name's length, or -1 when the character has no
   name or buf is too small. */
int MpUnicode_Name(uint32_t cp, char *buf, size_t n);

/* Decimal digit value (str.isdecimal, int()), or -1. */
int MpUnicode_DecimalValue(uint32_t cp);

/* Digit value (str.isdigit), or -1. */
int MpUnicode_DigitValue(uint32_t cp);

/* True for characters with a numeric value (str.isnumeric). */
int MpUnicode_IsNumeric(uint32_t cp);

/* Simple predicates used by str methods. */
int MpUnicode_IsAlpha(uint32_t cp);  // categories Lu Ll Lt Lm Lo
int MpUnicode_IsLower(uint32_t cp);  // Lowercase property
int MpUnicode_IsUpper(uint32_t cp);  // Uppercase property
int MpUnicode_IsCased(uint32_t cp);
int MpUnicode_IsCaseIgnorable(uint32_t cp);
int MpUnicode_IsTitle(uint32_t cp);  // category Lt

/* Full case mappings (UnicodeData.txt plus SpecialCasing.txt's
   unconditional entries, and CaseFolding.txt's C and F entries for fold):
   writes up to 3 code points to out and returns how many. */
int MpUnicode_ToLower(uint32_t cp, uint32_t out[3]);
int MpUnicode_ToUpper(uint32_t cp, uint32_t out[3]);
int MpUnicode_ToTitle(uint32_t cp, uint32_t out[3]);
int MpUnicode_CaseFold(uint32_t cp, uint32_t out[3]);

/* NFKC normalisation, which Python applies to non-ASCII identifiers.
   Reads n code points from in and writes at most cap code points to out.
   Returns the number written, or -1 when cap is too small. */
long MpUnicode_NFKC(const uint32_t *in, size_t n, uint32_t *out, size_t cap);

#endif
