/* The tokenizer (src/tokenizer.c, grammar/lexer.re): source decoding, the
   indentation stack, brackets, literals, soft keywords, LPAR_WITH, and
   CPython's lexical error messages and positions.

   Each test lexes a small source and compares a compact rendering of the
   token stream: NEWLINE, INDENT, DEDENT, MATCH, CASE, LPAR_WITH and
   ERRORTOKEN by name, NAME/NUMBER/STRING as their text in angle brackets,
   keywords and operators as their text.  The START token and the final
   end token are left out.  Expected errors were recorded from CPython 3.11
   (compile() on the same bytes; its 1-based offset is our column + 1). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "parse.h"
#include "tokenizer.h"
#include "parser.h"

/* {====== Helpers ====== */

typedef struct {
    char out[4096]; // the rendered tokens
    MpSyntaxError err;
    MpLoc locs[256]; // the location of every token rendered
    int ntok;
} Lexed;

static const char *
special_name(int code)
{
    switch (code) {
    case NEWLINE:
        return "NEWLINE";
    case INDENT:
        return "INDENT";
    case DEDENT:
        return "DEDENT";
    case MATCH:
        return "MATCH";
    case CASE:
        return "CASE";
    case LPAR_WITH:
        return "LPAR_WITH";
    case ERRORTOKEN:
        return "ERRORTOKEN";
    }
    return NULL;
}

/* Lexes src[0:len] in mode; renders into r.  Returns the last code (0 at
   a clean end, YYerror on an error). */
static int
lex_mode(Lexed *r, const char *src, size_t len, MpParseMode mode)
{
    memset(r, 0, sizeof *r);
    MpArena *arena = MpArena_New();
    MpParser p = {0};
    p.arena = arena;
    p.err = &r->err;
    p.mode = mode;
    MpLexer lx;
    int code = YYerror;
    if (MpLexer_Init(&lx, &p, src, len, 0, 0) == 0) {
        int first = 1;
        for (;;) {
            MpTokText t;
            MpLoc loc;
            code = MpLexer_Next(&lx, &t, &loc);
            if (code == 0 || code == YYerror) {
                break;
            }
            if (first) {
                first = 0; // the START_* token
                continue;
            }
            const char *name = special_name(code);
            size_t n = strlen(r->out);
            if (name != NULL) {
                snprintf(r->out + n, sizeof r->out - n, "%s%s", n ? " " : "",
                         name);
            } else if (code == NAME || code == NUMBER || code == STRING) {
                snprintf(r->out + n, sizeof r->out - n, "%s<%.*s>",
                         n ? " " : "", (int)t.len, t.s);
            } else {
                snprintf(r->out + n, sizeof r->out - n, "%s%.*s", n ? " " : "",
                         (int)t.len, t.s);
            }
            if (r->ntok < 256) {
                r->locs[r->ntok++] = loc;
            }
        }
    }
    MpArena_Free(arena);
    return code;
}

static int
lex(Lexed *r, const char *src)
{
    return lex_mode(r, src, strlen(src), MP_MODE_FILE);
}

/* Asserts that src lexes cleanly to `tokens`. */
#define CHECK_TOKENS(src, tokens)                                             \
    do {                                                                      \
        Lexed r_;                                                             \
        int c_ = lex(&r_, (src));                                             \
        if (c_ != 0) {                                                        \
            print_error("unexpected error: %s\n", r_.err.msg);                \
        }                                                                     \
        assert_int_equal(c_, 0);                                              \
        assert_string_equal(r_.out, (tokens));                                \
    } while (0)

/* Asserts that src fails with exactly this error. */
static void
check_error_n(const char *src, size_t len, MpErrorKind kind, const char *msg,
              int line, int col, int end_line, int end_col)
{
    Lexed r;
    int code = lex_mode(&r, src, len, MP_MODE_FILE);
    assert_int_equal(code, YYerror);
    assert_string_equal(r.err.msg, msg);
    assert_int_equal(r.err.kind, kind);
    assert_int_equal(r.err.lineno, line);
    assert_int_equal(r.err.col_offset, col);
    assert_int_equal(r.err.end_lineno, end_line);
    assert_int_equal(r.err.end_col_offset, end_col);
}

static void
check_error(const char *src, MpErrorKind kind, const char *msg, int line,
            int col, int end_line, int end_col)
{
    check_error_n(src, strlen(src), kind, msg, line, col, end_line, end_col);
}

#define SYN MP_ERR_SYNTAX
/* }====== */

/* {====== Indentation ====== */

static void
test_indent_nested(void **state)
{
    CHECK_TOKENS("if a:\n    if b:\n        c\n    d\ne\n",
                 "if <a> : NEWLINE INDENT if <b> : NEWLINE INDENT <c> "
                 "NEWLINE DEDENT <d> NEWLINE DEDENT <e> NEWLINE");
}

static void
test_dedent_several_levels(void **state)
{
    CHECK_TOKENS("if a:\n if b:\n  if c:\n   x\ny\n",
                 "if <a> : NEWLINE INDENT if <b> : NEWLINE INDENT if <c> : "
                 "NEWLINE INDENT <x> NEWLINE DEDENT DEDENT DEDENT <y> "
                 "NEWLINE");
}

static void
test_dedent_at_eof_without_newline(void **state)
{
    CHECK_TOKENS("if a:\n  if b:\n    x",
                 "if <a> : NEWLINE INDENT if <b> : NEWLINE INDENT <x> "
                 "NEWLINE DEDENT DEDENT");
}

static void
test_blank_and_comment_lines(void **state)
{
    CHECK_TOKENS("# head\n\nif a:\n\n      # deep comment\n  x  # c\n"
                 "\n   \n# c\n  y\n",
                 "if <a> : NEWLINE INDENT <x> NEWLINE <y> NEWLINE DEDENT");
    CHECK_TOKENS("", "");
    CHECK_TOKENS("\n\n# only\n", "");
}

static void
test_tabs(void **state)
{
    // A tab is up to the next multiple of 8: "\t" and 8 spaces agree on
    // nothing else, but a tab after a consistent prefix is fine.
    CHECK_TOKENS("if a:\n\tx\n\tif b:\n\t\ty\n",
                 "if <a> : NEWLINE INDENT <x> NEWLINE if <b> : NEWLINE "
                 "INDENT <y> NEWLINE DEDENT DEDENT");
    check_error("if x:\n\ta\n        b\n", MP_ERR_TAB,
                "inconsistent use of tabs and spaces in indentation", 3, 0, 3,
                -1);
    check_error("if x:\n        a\n\tb\n", MP_ERR_TAB,
                "inconsistent use of tabs and spaces in indentation", 3, 0, 3,
                -1);
}

static void
test_form_feed_resets_indent(void **state)
{
    CHECK_TOKENS("if x:\n  a\n\f  b\n",
                 "if <x> : NEWLINE INDENT <a> NEWLINE <b> NEWLINE DEDENT");
}

static void
test_unindent_mismatch(void **state)
{
    check_error("if x:\n    a\n  bcd = 1\n", MP_ERR_INDENTATION,
                "unindent does not match any outer indentation level", 3, 9, 3,
                -1);
    check_error("if x:\n  if y:\n      a\n    b", MP_ERR_INDENTATION,
                "unindent does not match any outer indentation level", 4, 5, 4,
                -1);
}

static void
test_too_deep(void **state)
{
    char src[20000];
    size_t n = 0;
    for (int i = 0; i < 100; i++) {
        n += (size_t)snprintf(src + n, sizeof src - n, "%*sif x:\n", i, "");
    }
    snprintf(src + n, sizeof src - n, "%*spass\n", 100, "");
    check_error(src, MP_ERR_INDENTATION, "too many levels of indentation", 101,
                0, 101, -1);
}
/* }====== */

/* {====== Brackets and joining ====== */

static void
test_implicit_joining(void **state)
{
    CHECK_TOKENS("x = (1,\n     2,\n\n  # c\n)\ny = [\n]\n",
                 "<x> = ( <1> , <2> , ) NEWLINE <y> = [ ] NEWLINE");
    // Indentation inside brackets is not measured.
    CHECK_TOKENS("if a:\n  f(1,\n2)\n  g\n",
                 "if <a> : NEWLINE INDENT <f> ( <1> , <2> ) NEWLINE <g> "
                 "NEWLINE DEDENT");
}

static void
test_backslash_continuation(void **state)
{
    CHECK_TOKENS("x = 1 + \\\n    2\n", "<x> = <1> + <2> NEWLINE");
    CHECK_TOKENS("if 1:\n  x\n  \\\n  y\n",
                 "if <1> : NEWLINE INDENT <x> NEWLINE <y> NEWLINE DEDENT");
    check_error("x = 1 \\ 2", SYN,
                "unexpected character after line continuation character", 1, 7,
                1, -1);
    check_error("x = 1 \\", SYN, "unexpected EOF while parsing", 1, 7, 1, -1);
    check_error("x = 1 \\\n", SYN, "unexpected EOF while parsing", 1, 7, 1,
                -1);
}

static void
test_bracket_errors(void **state)
{
    check_error("x = (1, 2]", SYN,
                "closing parenthesis ']' does not match opening parenthesis "
                "'('",
                1, 9, 1, 9);
    check_error("x = (1,\n2]", SYN,
                "closing parenthesis ']' does not match opening parenthesis "
                "'(' on line 1",
                2, 1, 2, 1);
    check_error("x = 1)", SYN, "unmatched ')'", 1, 5, 1, 5);
    check_error("x = (1,\n 2", SYN, "'(' was never closed", 1, 4, 1, -1);
    check_error("x = [(1,\n 2\n", SYN, "'(' was never closed", 1, 5, 1, -1);
}

static void
test_too_many_parens(void **state)
{
    char src[300];
    memset(src, '(', 201);
    src[201] = '\0';
    check_error(src, SYN, "too many nested parentheses", 1, 200, 1, 200);
    memset(src, '(', 200);
    memset(src + 200, ')', 50); // 200 deep is allowed
    src[250] = '\0';
    Lexed r;
    lex(&r, src);
    assert_string_equal(r.err.msg, "'(' was never closed");
}
/* }====== */

/* {====== Literals ====== */

static void
test_numbers(void **state)
{
    CHECK_TOKENS("0 00 0_0 123 1_000 0x_fF 0o17 0b1_0 1. .5 1e10 1E+5 "
                 "1_0.5e-3 1j 1.5J 09.5 0e0 1.e5",
                 "<0> <00> <0_0> <123> <1_000> <0x_fF> <0o17> <0b1_0> <1.> "
                 "<.5> <1e10> <1E+5> <1_0.5e-3> <1j> <1.5J> <09.5> <0e0> "
                 "<1.e5> NEWLINE");
    // A keyword may touch a number (CPython only warns).
    CHECK_TOKENS("1if x else 0x1for", "<1> if <x> else <0x1f> or NEWLINE");
    CHECK_TOKENS("1..real", "<1.> . <real> NEWLINE");
}

static void
test_number_errors(void **state)
{
    check_error("1__0", SYN, "invalid decimal literal", 1, 1, 1, 1);
    check_error("1_", SYN, "invalid decimal literal", 1, 1, 1, 1);
    check_error("1abc", SYN, "invalid decimal literal", 1, 0, 1, 0);
    check_error("1e+", SYN, "invalid decimal literal", 1, 2, 1, 2);
    check_error("1.5e", SYN, "invalid decimal literal", 1, 2, 1, 2);
    check_error("1.__class__", SYN, "invalid decimal literal", 1, 1, 1, 1);
    check_error("1jx", SYN, "invalid imaginary literal", 1, 1, 1, 1);
    check_error("0x", SYN, "invalid hexadecimal literal", 1, 1, 1, 1);
    check_error("0x1_", SYN, "invalid hexadecimal literal", 1, 3, 1, 3);
    check_error("0xfz", SYN, "invalid hexadecimal literal", 1, 2, 1, 2);
    check_error("0o", SYN, "invalid octal literal", 1, 1, 1, 1);
    check_error("0o8", SYN, "invalid digit '8' in octal literal", 1, 2, 1, 2);
    check_error("0o19", SYN, "invalid digit '9' in octal literal", 1, 3, 1, 3);
    check_error("0o7_8", SYN, "invalid digit '8' in octal literal", 1, 4, 1,
                4);
    check_error("0b", SYN, "invalid binary literal", 1, 1, 1, 1);
    check_error("0b12", SYN, "invalid digit '2' in binary literal", 1, 3, 1,
                3);
    check_error("0b1a", SYN, "invalid binary literal", 1, 2, 1, 2);
    check_error("012", SYN,
                "leading zeros in decimal integer literals are not "
                "permitted; use an 0o prefix for octal integers",
                1, 0, 1, 1);
    check_error("x = 0_7", SYN,
                "leading zeros in decimal integer literals are not "
                "permitted; use an 0o prefix for octal integers",
                1, 4, 1, 6);
}

static void
test_strings(void **state)
{
    CHECK_TOKENS("'a' \"b\" '''c\n'd''' \"\"\"e\"\"\" ''",
                 "<'a'> <\"b\"> <'''c\n'd'''> <\"\"\"e\"\"\"> <''> NEWLINE");
    CHECK_TOKENS("r'\\' ' b'x' Rb\"\\\"\" F'{x!r}' fR'' BR'' u'x' rb'' br''",
                 "<r'\\' '> <b'x'> <Rb\"\\\"\"> <F'{x!r}'> <fR''> <BR''> "
                 "<u'x'> <rb''> <br''> NEWLINE");
    // Escaped newline inside a one-line string, escaped quote in a triple.
    CHECK_TOKENS("x = 'a\\\nb'\ny = '''\\''''\n",
                 "<x> = <'a\\\nb'> NEWLINE <y> = <'''\\''''> NEWLINE");
    // "ur" is no prefix: a name, then a string.
    CHECK_TOKENS("ur''", "<ur> <''> NEWLINE");
}

static void
test_string_locations(void **state)
{
    Lexed r;
    assert_int_equal(lex(&r, "x = '''a\nbc''' + 1"), 0);
    MpLoc s = r.locs[2];
    assert_int_equal(s.first_line, 1);
    assert_int_equal(s.first_column, 4);
    assert_int_equal(s.last_line, 2);
    assert_int_equal(s.last_column, 5);
    MpLoc one = r.locs[4];
    assert_int_equal(one.first_line, 2);
    assert_int_equal(one.first_column, 8);
}

static void
test_string_errors(void **state)
{
    check_error("\"abc", SYN,
                "unterminated string literal (detected at line 1)", 1, 0, 1,
                0);
    check_error("x = 'abc\ndef'", SYN,
                "unterminated string literal (detected at line 1)", 1, 4, 1,
                4);
    check_error("'a\\\nb", SYN,
                "unterminated string literal (detected at line 2)", 1, 0, 1,
                0);
    check_error("\"\"\"abc\n\nx", SYN,
                "unterminated triple-quoted string literal (detected at line "
                "3)",
                1, 0, 1, 0);
    check_error("x = '''", SYN,
                "unterminated triple-quoted string literal (detected at line "
                "1)",
                1, 4, 1, 4);
    check_error("\"\"\"abc\n\n", SYN,
                "unterminated triple-quoted string literal (detected at line "
                "2)",
                1, 0, 1, 0);
}
/* }====== */

/* {====== Names and characters ====== */

static void
test_names_and_keywords(void **state)
{
    CHECK_TOKENS("async def f(): await x; return None is not True",
                 "async def <f> ( ) : await <x> ; return None is not True "
                 "NEWLINE");
    CHECK_TOKENS("caf\xc3\xa9 = _x1", "<caf\xc3\xa9> = <_x1> NEWLINE");
}

static void
test_operators(void **state)
{
    CHECK_TOKENS("a **= b //= c >>= d <<= e -> f ... g := h != i @= j",
                 "<a> **= <b> //= <c> >>= <d> <<= <e> -> <f> ... <g> := <h> "
                 "!= <i> @= <j> NEWLINE");
    CHECK_TOKENS("x $ ? ! `", "<x> ERRORTOKEN ERRORTOKEN ERRORTOKEN "
                              "ERRORTOKEN NEWLINE");
    CHECK_TOKENS("1 <> 2", "<1> ERRORTOKEN <2> NEWLINE");
}

static void
test_bad_characters(void **state)
{
    check_error("a \xe2\x82\xac b", SYN,
                "invalid character '\xe2\x82\xac' "
                "(U+20AC)",
                1, 2, 1, 2);
    check_error("a\xe2\x82\xac = 1", SYN,
                "invalid character '\xe2\x82\xac' "
                "(U+20AC)",
                1, 1, 1, 1);
    check_error("x = \xc2\xa0 1", SYN,
                "invalid non-printable character U+00A0", 1, 4, 1, 4);
    check_error("x = \x01", SYN, "invalid non-printable character U+0001", 1,
                4, 1, 4);
    check_error("x\xf6 = 1", SYN,
                "(unicode error) 'utf-8' codec can't decode byte 0xf6 in "
                "position 1: invalid start byte",
                1, 1, 1, -1);
    check_error("f\xf6"
                "f = 1",
                SYN,
                "(unicode error) 'utf-8' codec can't decode byte 0xf6 in "
                "position 1: invalid start byte",
                1, 2, 1, -1);
    // Decoding is checked before the characters are.
    check_error("\xe2\x82\xac\xf6"
                "_b",
                SYN,
                "(unicode error) 'utf-8' codec can't decode byte 0xf6 in "
                "position 3: invalid start byte",
                1, 5, 1, -1);
    check_error("x = \"ab\xf6\"", SYN,
                "(unicode error) 'utf-8' codec can't decode byte 0xf6 in "
                "position 2: invalid start byte",
                1, 9, 1, 9);
    check_error("x = \"\xe2\x82\"", SYN,
                "(unicode error) 'utf-8' codec can't decode bytes in "
                "position 0-1: unexpected end of data",
                1, 8, 1, 8);
    // Not checked in comments (as compile()) nor in bytes (literal.c's).
    CHECK_TOKENS("x = 1 # \xff\n", "<x> = <1> NEWLINE");
    CHECK_TOKENS("b'\xff'", "<b'\xff'> NEWLINE");
}
/* }====== */

/* {====== Decoding ====== */

static void
test_decoding(void **state)
{
    // BOM, CRLF and lone CR.
    CHECK_TOKENS("\xef\xbb\xbfx = 1\r\ny = 2\rz", "<x> = <1> NEWLINE <y> = "
                                                  "<2> NEWLINE <z> NEWLINE");
    // latin-1 cookie on line 2, after a comment line: converted to UTF-8.
    CHECK_TOKENS("#!/usr/bin/env python\n# -*- coding: latin-1 -*-\n"
                 "x = '\xf6'\n",
                 "<x> = <'\xc3\xb6'> NEWLINE");
    CHECK_TOKENS("# vim: set fileencoding=koi8-r :\nx = '\xf6'\n",
                 "<x> = <'\xd0\x96'> NEWLINE");
    // A cookie on line 2 after code is not a cookie.
    check_error("x = 1\n# coding: latin-1\nx = '\xf6'\n", SYN,
                "(unicode error) 'utf-8' codec can't decode byte 0xf6 in "
                "position 0: invalid start byte",
                3, 7, 3, 7);
    check_error("# coding: uft-8\n", SYN, "unknown encoding: uft-8", 0, -1, 0,
                -1);
    check_error("\xef\xbb\xbf# coding: latin-1\n", SYN,
                "encoding problem: iso-8859-1 with BOM", 0, -1, 0, -1);
    check_error("# coding=ascii\nx = \"\xc3\xa4\"\n", SYN,
                "'ascii' codec can't decode byte 0xc3 in position 20: "
                "ordinal not in range(128)",
                0, -1, 0, -1);
    check_error_n("x=1\0\n", 5, SYN, "source code cannot contain null bytes",
                  1, -1, 1, -1);
    CHECK_TOKENS("# coding: utf-8-sig\nx\n", "<x> NEWLINE");
}
/* }====== */

/* {====== Soft keywords and LPAR_WITH ====== */

static void
test_match_is_keyword(void **state)
{
    CHECK_TOKENS("match x:\n  case 1:\n    pass\n  case _:\n    pass\n",
                 "MATCH <x> : NEWLINE INDENT CASE <1> : NEWLINE INDENT pass "
                 "NEWLINE DEDENT CASE <_> : NEWLINE INDENT pass NEWLINE "
                 "DEDENT DEDENT");
    const char *subjects[] = {
        "match (a, b):\n", "match -x:\n",   "match [a, b]:\n",
        "match {1: 2}:\n", "match x, y:\n", "match not x:\n",
    };
    for (size_t i = 0; i < sizeof subjects / sizeof subjects[0]; i++) {
        Lexed r;
        assert_int_equal(lex(&r, subjects[i]), 0);
        assert_memory_equal(r.out, "MATCH", 5);
    }
}

static void
test_match_is_name(void **state)
{
    const char *lines[] = {
        "match(x).y = 1\n", "match = 3\n",
        "match: int = 3\n", "match[x]: int\n",
        "match.x\n",        "x = match\n",
        "match(a, b)\n",    "print(match, case)\n",
    };
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        Lexed r;
        assert_int_equal(lex(&r, lines[i]), 0);
        assert_null(strstr(r.out, "MATCH"));
        assert_null(strstr(r.out, "CASE"));
    }
}

static void
test_case_only_at_case_level(void **state)
{
    CHECK_TOKENS("match a:\n"
                 "    case 1:\n"
                 "        case = 2\n"
                 "        match b:\n"
                 "            case 3: pass\n"
                 "    case 4: pass\n"
                 "case = 5\n",
                 "MATCH <a> : NEWLINE INDENT CASE <1> : NEWLINE INDENT "
                 "<case> = <2> NEWLINE MATCH <b> : NEWLINE INDENT CASE <3> : "
                 "pass NEWLINE DEDENT DEDENT CASE <4> : pass NEWLINE DEDENT "
                 "<case> = <5> NEWLINE");
}

static void
test_lpar_with(void **state)
{
    CHECK_TOKENS("with (a, b):\n  pass\n",
                 "with LPAR_WITH <a> , <b> ) : NEWLINE INDENT pass NEWLINE "
                 "DEDENT");
    CHECK_TOKENS("async with (open(x) as f,\n open(y) as g): pass\n",
                 "async with LPAR_WITH <open> ( <x> ) as <f> , <open> ( <y> "
                 ") as <g> ) : pass NEWLINE");
    CHECK_TOKENS("with (a, b) as c: pass\n",
                 "with ( <a> , <b> ) as <c> : pass NEWLINE");
    CHECK_TOKENS("with (a).b: pass\n", "with ( <a> ) . <b> : pass NEWLINE");
}

static void
test_lookahead_errors_stay_put(void **state)
{
    // The look-ahead meets the bad literal first; the error must still
    // come out when the real scan reaches it, with its own position.
    check_error("with (a, 'b:\n", SYN,
                "unterminated string literal (detected at line 1)", 1, 9, 1,
                9);
}
/* }====== */

/* {====== Modes and locations ====== */

static void
test_start_tokens_and_locations(void **state)
{
    MpArena *arena = MpArena_New();
    MpSyntaxError err = {0};
    MpParser p = {0};
    p.arena = arena;
    p.err = &err;
    p.mode = MP_MODE_EVAL;
    MpLexer lx;
    const char *text = "(a +\n b))"; // lexed in place, shifted
    assert_int_equal(MpLexer_InitDecoded(&lx, &p, text, 8, 3, 10), 0);
    MpTokText t;
    MpLoc loc;
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), START_EVAL);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), LPAR);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), NAME);
    assert_int_equal(loc.first_line, 4);
    assert_int_equal(loc.first_column, 11);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), PLUS);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), NAME); // b, on line 2
    assert_int_equal(loc.first_line, 5);
    assert_int_equal(loc.first_column, 1);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), RPAR);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), NEWLINE);
    assert_int_equal(loc.first_line, 5);
    assert_int_equal(loc.first_column, 3);
    assert_int_equal(MpLexer_Next(&lx, &t, &loc), 0); // last ) past len
    MpArena_Free(arena);

    Lexed r;
    assert_int_equal(lex(&r, "if x:\n    y  # c\nz\n"), 0);
    // if x : NEWLINE INDENT y NEWLINE DEDENT z NEWLINE
    assert_int_equal(r.locs[3].first_column, 5); // NEWLINE after ':'
    assert_int_equal(r.locs[4].first_line, 2);   // INDENT at y
    assert_int_equal(r.locs[4].first_column, 4);
    assert_int_equal(r.locs[6].first_column, 5); // NEWLINE after y
    assert_int_equal(r.locs[7].first_line, 3);   // DEDENT at z
    assert_int_equal(r.locs[7].first_column, 0);
}

static void
test_modes(void **state)
{
    Lexed r;
    assert_int_equal(lex_mode(&r, "1", 1, MP_MODE_SINGLE), 0);
    assert_string_equal(r.out, "<1> NEWLINE");
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_indent_nested),
        cmocka_unit_test(test_dedent_several_levels),
        cmocka_unit_test(test_dedent_at_eof_without_newline),
        cmocka_unit_test(test_blank_and_comment_lines),
        cmocka_unit_test(test_tabs),
        cmocka_unit_test(test_form_feed_resets_indent),
        cmocka_unit_test(test_unindent_mismatch),
        cmocka_unit_test(test_too_deep),
        cmocka_unit_test(test_implicit_joining),
        cmocka_unit_test(test_backslash_continuation),
        cmocka_unit_test(test_bracket_errors),
        cmocka_unit_test(test_too_many_parens),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_string_locations),
        cmocka_unit_test(test_string_errors),
        cmocka_unit_test(test_names_and_keywords),
        cmocka_unit_test(test_operators),
        cmocka_unit_test(test_bad_characters),
        cmocka_unit_test(test_decoding),
        cmocka_unit_test(test_match_is_keyword),
        cmocka_unit_test(test_match_is_name),
        cmocka_unit_test(test_case_only_at_case_level),
        cmocka_unit_test(test_lpar_with),
        cmocka_unit_test(test_lookahead_errors_stay_put),
        cmocka_unit_test(test_start_tokens_and_locations),
        cmocka_unit_test(test_modes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
