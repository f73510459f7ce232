/* test_literal.c — literal.c: number values, string escapes, implicit
   concatenation and the f-string split, checked against CPython 3.11.

   Every expected value below was recorded from CPython 3.11:
     ast.dump(ast.parse(SRC).body[0].value)
   where SRC is the tokens joined by one space on line 1, and for errors the
   SyntaxError's msg and range (offsets converted to 0-based byte columns).
   The dump is MpAst_Dump's indented form folded onto one line.

   Replacement fields only ever hold a plain name, so the cases hold whether
   MpParse_FStringExpr is the real parser or a stand-in returning Name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "literal.h"

#define MAX_TOKENS 4

typedef struct {
    const char *toks[MAX_TOKENS];
    int n;
    const char *expected;
} Case;

/* MpAst_Dump's indent=2 output folded to ast.dump's one-line form. */
static char *
fold_dump(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    while (*s) {
        if (*s == '\n') {
            s++;
            while (*s == ' ') {
                s++;
            }
            if (o > out && o[-1] == ',') {
                *o++ = ' ';
            }
            continue;
        }
        *o++ = *s++;
    }
    *o = '\0';
    return out;
}

/* The tokens laid out on line 1, one space apart, decoded as one
   concatenation: the one-line dump, or "ERR msg | line col eline ecol". */
static char *
run_strings(const char *const *texts, int n)
{
    MpArena *arena = MpArena_New();
    MpSyntaxError err = {0};
    MpParser p = {.arena = arena, .err = &err};
    MpToken toks[MAX_TOKENS];
    int line = 1, col = 0;
    for (int i = 0; i < n; i++) {
        MpToken *t = &toks[i];
        t->code = 0;
        t->text.s = texts[i];
        t->text.len = strlen(texts[i]);
        t->loc.first_line = line;
        t->loc.first_column = col;
        for (const char *q = texts[i]; *q; q++) {
            if (*q == '\n') {
                line++;
                col = 0;
            }
            else {
                col++;
            }
        }
        t->loc.last_line = line;
        t->loc.last_column = col;
        col++;
    }
    MpLoc loc = {toks[0].loc.first_line, toks[0].loc.first_column,
                 toks[n - 1].loc.last_line, toks[n - 1].loc.last_column};
    MpNode *node = MpLiteral_Strings(&p, toks, n, loc);
    char *buf = NULL, *result;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (node != NULL) {
        assert_int_equal(err.kind, MP_ERR_NONE);
        MpAst_Dump(node, f);
        fclose(f);
        if (size && buf[size - 1] == '\n') {
            buf[size - 1] = '\0';
        }
        result = fold_dump(buf);
        free(buf);
    }
    else {
        assert_int_not_equal(err.kind, MP_ERR_NONE);
        fprintf(f, "ERR %s | %d %d %d %d", err.msg, err.lineno,
                err.col_offset, err.end_lineno, err.end_col_offset);
        fclose(f);
        result = buf;
    }
    MpArena_Free(arena);
    return result;
}

static void
check_cases(const Case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char *got = run_strings(cases[i].toks, cases[i].n);
        if (strcmp(got, cases[i].expected) != 0) {
            print_error("case %zu (%s ...):\n  expected %s\n  got      %s\n",
                        i, cases[i].toks[0], cases[i].expected, got);
        }
        assert_string_equal(got, cases[i].expected);
        free(got);
    }
}

#define CHECK(cases) check_cases(cases, sizeof(cases) / sizeof(cases[0]))

/* {====== Numbers ====== */

typedef struct {
    MpArena *arena;
    MpSyntaxError err;
    MpParser p;
    MpConst c;
} Num;

static int
number(Num *n, const char *text)
{
    memset(n, 0, sizeof(*n));
    n->arena = MpArena_New();
    n->p.arena = n->arena;
    n->p.err = &n->err;
    MpTokText t = {text, strlen(text)};
    MpLoc loc = {3, 4, 3, 4 + (int)strlen(text)};
    return MpLiteral_Number(&n->p, t, loc, &n->c);
}

static void
expect_int(const char *text, int64_t value)
{
    Num n;
    assert_int_equal(number(&n, text), 0);
    assert_int_equal(n.c.kind, MP_CONST_INT);
    assert_true(n.c.u.i == value);
    MpArena_Free(n.arena);
}

static void
expect_bigint(const char *text, const char *digits)
{
    Num n;
    assert_int_equal(number(&n, text), 0);
    assert_int_equal(n.c.kind, MP_CONST_BIGINT);
    assert_int_equal(n.c.u.str.len, strlen(digits));
    assert_string_equal(n.c.u.str.s, digits);
    MpArena_Free(n.arena);
}

static void
expect_float(const char *text, MpConstKind kind, double value)
{
    Num n;
    assert_int_equal(number(&n, text), 0);
    assert_int_equal(n.c.kind, kind);
    assert_true(n.c.u.f == value);
    MpArena_Free(n.arena);
}

/* Integers in every base, with underscores, up to the int64 edge. */
static void
test_int_bases(void **state)
{
    expect_int("0", 0);
    expect_int("7", 7);
    expect_int("0_0", 0);
    expect_int("000", 0);
    expect_int("1_000_000", 1000000);
    expect_int("0x1F", 31);
    expect_int("0XfF", 255);
    expect_int("0x_f", 15);
    expect_int("0o17", 15);
    expect_int("0O7_7", 63);
    expect_int("0b1010", 10);
    expect_int("0B1_1", 3);
    expect_int("9223372036854775807", INT64_MAX);
    expect_int("0x7fffffffffffffff", INT64_MAX);
}

/* Past int64, the decimal digits come from GMP. */
static void
test_bigint(void **state)
{
    expect_bigint("9223372036854775808", "9223372036854775808");
    expect_bigint("18446744073709551616", "18446744073709551616");
    expect_bigint("0x8000000000000000", "9223372036854775808");
    expect_bigint("0xffffffffffffffff", "18446744073709551615");
    expect_bigint("0x1_0000_0000_0000_0000", "18446744073709551616");
    expect_bigint("0o1000000000000000000000", "9223372036854775808");
    expect_bigint("0b1" "0000000000" "0000000000" "0000000000" "0000000000"
                  "0000000000" "0000000000" "000",
                  "9223372036854775808");
    expect_bigint("123_456_789_012_345_678_901_234_567_890",
                  "123456789012345678901234567890");
}

/* CPython 3.11 applies the 4300-digit int/str limit to decimal literals
   (not to hex, nor to all-zero literals), with no columns. */
static void
test_bigint_digit_limit(void **state)
{
    char text[5010];
    Num n;
    text[0] = '1';
    memset(text + 1, '0', 4299);
    text[4300] = '\0';
    assert_int_equal(number(&n, text), 0);
    assert_int_equal(n.c.kind, MP_CONST_BIGINT);
    assert_int_equal(n.c.u.str.len, 4300);
    MpArena_Free(n.arena);

    text[4300] = '0';
    text[4301] = '\0';
    assert_int_equal(number(&n, text), -1);
    assert_string_equal(
        n.err.msg,
        "Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 4301 digits; use sys.set_int_max_str_digits() to "
        "increase the limit - Consider hexadecimal for huge integer "
        "literals to avoid decimal conversion limits.");
    assert_int_equal(n.err.lineno, 3);
    assert_int_equal(n.err.col_offset, -1);
    assert_int_equal(n.err.end_lineno, 3);
    assert_int_equal(n.err.end_col_offset, -1);
    MpArena_Free(n.arena);

    /* Underscores are not digits. */
    memmove(text + 2, text + 1, 4301);
    text[1] = '_';
    assert_int_equal(number(&n, text), -1);
    assert_non_null(strstr(n.err.msg, "value has 4301 digits"));
    MpArena_Free(n.arena);

    memset(text, '0', 5000);
    text[5000] = '\0';
    expect_int(text, 0);

    memcpy(text, "0x1", 3);
    assert_int_equal(number(&n, text), 0);
    assert_int_equal(n.c.kind, MP_CONST_BIGINT);
    MpArena_Free(n.arena);
}

static void
test_float_and_imaginary(void **state)
{
    expect_float("1.5", MP_CONST_FLOAT, 1.5);
    expect_float("1.", MP_CONST_FLOAT, 1.0);
    expect_float(".5", MP_CONST_FLOAT, 0.5);
    expect_float("1e10", MP_CONST_FLOAT, 1e10);
    expect_float("1E-5", MP_CONST_FLOAT, 1e-5);
    expect_float("1_0.2_5e1_0", MP_CONST_FLOAT, 10.25e10);
    expect_float("0.1", MP_CONST_FLOAT, 0.1);
    expect_float("00.5", MP_CONST_FLOAT, 0.5);
    expect_float("0e0", MP_CONST_FLOAT, 0.0);
    expect_float("1e-400", MP_CONST_FLOAT, 0.0);
    expect_float("1e400", MP_CONST_FLOAT, INFINITY);
    expect_float("1j", MP_CONST_COMPLEX, 1.0);
    expect_float("0j", MP_CONST_COMPLEX, 0.0);
    expect_float("1_0J", MP_CONST_COMPLEX, 10.0);
    expect_float("1.5e3J", MP_CONST_COMPLEX, 1500.0);
    expect_float("1e400j", MP_CONST_COMPLEX, INFINITY);
}
/* }====== */

/* {====== Strings ====== */

static const Case plain_cases[] = {
    {{"\"abc\""}, 1,
     "Constant(value='abc')"},
    {{"'abc'"}, 1,
     "Constant(value='abc')"},
    {{"\"\""}, 1,
     "Constant(value='')"},
    {{"\"\"\"\"\"\""}, 1,
     "Constant(value='')"},
    {{"\"\"\"a\nb\"\"\""}, 1,
     "Constant(value='a\\nb')"},
    {{"'''x'''"}, 1,
     "Constant(value='x')"},
    {{"\"a\"", "\"b\"", "'''c'''"}, 3,
     "Constant(value='abc')"},
    {{"\"\303\251\"", "\"\303\274\\u1234\""}, 2,
     "Constant(value='\303\251\303\274\341\210\264')"},
    {{"r\"\\n\\x\\N{\""}, 1,
     "Constant(value='\\\\n\\\\x\\\\N{')"},
    {{"R\"\\\\\""}, 1,
     "Constant(value='\\\\\\\\')"},
    {{"u\"a\""}, 1,
     "Constant(value='a', kind='u')"},
    {{"U\"a\""}, 1,
     "Constant(value='a')"},
    {{"u\"a\"", "\"b\""}, 2,
     "Constant(value='ab', kind='u')"},
    {{"\"a\"", "u\"b\""}, 2,
     "Constant(value='ab')"},
};

static const Case escapes_cases[] = {
    {{"\"\\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v\""}, 1,
     "Constant(value='\\\\ \\' \" \\x07 \\x08 \\x0c \\n \\r \\t \\x0b')"},
    {{"\"\\0 \\7 \\77 \\101 \\1011 \\400 \\777 \\8 \\9\""}, 1,
     "Constant(value='\\x00 \\x07 ? A A1 \304\200 \307\277 \\\\8 \\\\9')"},
    {{"\"\\x41\\xfF\""}, 1,
     "Constant(value='A\303\277')"},
    {{"\"\\u00e9\\u20AC\\uD800\\udfff\""}, 1,
     "Constant(value='\303\251\342\202\254\\ud800\\udfff')"},
    {{"\"\\U0001F600\\U00000041\""}, 1,
     "Constant(value='\360\237\230\200A')"},
    {{"\"\\N{DIGIT ONE}\\N{em dash}\\N{GRINNING FACE}\""}, 1,
     "Constant(value='1\342\200\224\360\237\230\200')"},
    {{"\"a\\\nb\""}, 1,
     "Constant(value='ab')"},
    {{"\"\\q\\z\\ \\{\""}, 1,
     "Constant(value='\\\\q\\\\z\\\\ \\\\{')"},
    {{"\"\303\251\\\303\251\\\\\303\251\""}, 1,
     "Constant(value='\303\251\\\\\303\251\\\\\303\251')"},
};

static const Case escape_errors_cases[] = {
    {{"\"\\x1\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-2: truncated \\xXX escape | 1 5 1 5"},
    {{"\"ab\\xZZ\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 2-3: truncated \\xXX escape | 1 8 1 8"},
    {{"\"\\u12\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-3: truncated \\uXXXX escape | 1 6 1 6"},
    {{"\"\\U1234\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-5: truncated \\UXXXXXXXX escape | 1 8 1 8"},
    {{"\"\\U00110000\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-9: illegal Unicode character | 1 12 1 12"},
    {{"\"\\N{foo}\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-6: unknown Unicode character name | 1 9 1 9"},
    {{"\"\\N{\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-2: malformed \\N character escape | 1 5 1 5"},
    {{"\"\\Nab\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-1: malformed \\N character escape | 1 6 1 6"},
    {{"\"\\N{}\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-2: malformed \\N character escape | 1 6 1 6"},
    {{"\"\\N{LATIN SMALL LETTER A\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-22: malformed \\N character escape | 1 25 1 25"},
    {{"\"\303\251\\x\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 10-11: truncated \\xXX escape | 1 6 1 6"},
    {{"\"\\\303\251\\x\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 16-17: truncated \\xXX escape | 1 7 1 7"},
    {{"\"\\\\\303\251\\x\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 12-13: truncated \\xXX escape | 1 8 1 8"},
    {{"\"\\N{\303\251}\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-13: unknown Unicode character name | 1 8 1 8"},
    {{"\"\\N{\303\251a\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-13: malformed \\N character escape | 1 8 1 8"},
    {{"\"\\x\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-1: truncated \\xXX escape | 1 4 1 4"},
    {{"\"a\"", "\"\\U\""}, 2,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-1: truncated \\UXXXXXXXX escape | 1 8 1 8"},
};

static const Case bytes_cases[] = {
    {{"rb\"\\d\""}, 1,
     "Constant(value=b'\\\\d')"},
    {{"Br\"\\x\""}, 1,
     "Constant(value=b'\\\\x')"},
    {{"b\"\\x41\\n\\777\\18\\q\\N{x}\\u1234\""}, 1,
     "Constant(value=b'A\\n\\xff\\x018\\\\q\\\\N{x}\\\\u1234')"},
    {{"b\"a\\\nb\""}, 1,
     "Constant(value=b'ab')"},
    {{"b\"abc\"", "rb\"d\""}, 2,
     "Constant(value=b'abcd')"},
    {{"b\"\""}, 1,
     "Constant(value=b'')"},
    {{"b\"\\x1\""}, 1,
     "ERR (value error) invalid \\x escape at position 0 | 1 6 1 6"},
    {{"b\"ab\\x1g\""}, 1,
     "ERR (value error) invalid \\x escape at position 2 | 1 9 1 9"},
    {{"b\"\303\251\""}, 1,
     "ERR bytes can only contain ASCII literal characters | 1 0 1 5"},
    {{"\"a\"", "b\"\303\251\""}, 2,
     "ERR bytes can only contain ASCII literal characters | 1 4 1 9"},
    {{"\"a\"", "b\"b\""}, 2,
     "ERR cannot mix bytes and nonbytes literals | 1 8 1 8"},
    {{"b\"a\"", "\"b\""}, 2,
     "ERR cannot mix bytes and nonbytes literals | 1 8 1 8"},
    {{"b\"a\"", "f\"b\""}, 2,
     "ERR cannot mix bytes and nonbytes literals | 1 9 1 9"},
    {{"f\"{a}\"", "b\"x\""}, 2,
     "ERR cannot mix bytes and nonbytes literals | 1 11 1 11"},
    {{"\"\\x\"", "b\"a\""}, 2,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-1: truncated \\xXX escape | 1 9 1 9"},
};

static const Case fstrings_cases[] = {
    {{"f\"a{b}c\""}, 1,
     "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b"
     "', ctx=Load()), conversion=-1), Constant(value='c')])"},
    {{"f\"\""}, 1,
     "JoinedStr(values=[])"},
    {{"f\"abc\""}, 1,
     "JoinedStr(values=[Constant(value='abc')])"},
    {{"f\"{a}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1)])"},
    {{"f\"{a!r}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=114)])"},
    {{"f\"{a!s}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=115)])"},
    {{"f\"{a!a}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=97)])"},
    {{"f\"{a:>10}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[Constant(value='>10')]))])"},
    {{"f\"{a:}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[]))])"},
    {{"f\"{a:{b}.{c}}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='"
     "b', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(v"
     "alue=Name(id='c', ctx=Load()), conversion=-1)]))])"},
    {{"f\"{x=}\""}, 1,
     "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='"
     "x', ctx=Load()), conversion=114)])"},
    {{"f\"{x = }\""}, 1,
     "JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id"
     "='x', ctx=Load()), conversion=114)])"},
    {{"f\"a{x=!s:>3}b\""}, 1,
     "JoinedStr(values=[Constant(value='ax='), FormattedValue(value=Name(id="
     "'x', ctx=Load()), conversion=115, format_spec=JoinedStr(values=[Consta"
     "nt(value='>3')])), Constant(value='b')])"},
    {{"f\"{x=:>5}\""}, 1,
     "JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='"
     "x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant"
     "(value='>5')]))])"},
    {{"f\"{ x }\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conve"
     "rsion=-1)])"},
    {{"f\"{a!r}\"", "\"\"", "f\"\""}, 3,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=114)])"},
    {{"\"a\"", "f\"{b}\""}, 2,
     "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b"
     "', ctx=Load()), conversion=-1)])"},
    {{"f\"{a}\"", "\"b\"", "f\"{c}\""}, 3,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1), Constant(value='b'), FormattedValue(value=Name(id='c', ctx="
     "Load()), conversion=-1)])"},
    {{"f\"a{b:>{c}x}d\"", "f\"e{g:h}\"", "\"i\""}, 3,
     "JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b"
     "', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant("
     "value='>'), FormattedValue(value=Name(id='c', ctx=Load()), conversion="
     "-1), Constant(value='x')])), Constant(value='de'), FormattedValue(valu"
     "e=Name(id='g', ctx=Load()), conversion=-1, format_spec=JoinedStr(value"
     "s=[Constant(value='h')])), Constant(value='i')])"},
    {{"f\"{{}}\""}, 1,
     "JoinedStr(values=[Constant(value='{}')])"},
    {{"f\"{{a}}\""}, 1,
     "JoinedStr(values=[Constant(value='{a}')])"},
    {{"f\"a{{b\""}, 1,
     "JoinedStr(values=[Constant(value='a{b')])"},
    {{"f\"\\{a}\""}, 1,
     "JoinedStr(values=[Constant(value='\\\\'), FormattedValue(value=Name(id"
     "='a', ctx=Load()), conversion=-1)])"},
    {{"f\"\\{{a}}\""}, 1,
     "JoinedStr(values=[Constant(value='\\\\{a}')])"},
    {{"rf\"\\{a}\\n\""}, 1,
     "JoinedStr(values=[Constant(value='\\\\'), FormattedValue(value=Name(id"
     "='a', ctx=Load()), conversion=-1), Constant(value='\\\\n')])"},
    {{"f\"\\N{DIGIT ONE}{a}\""}, 1,
     "JoinedStr(values=[Constant(value='1'), FormattedValue(value=Name(id='a"
     "', ctx=Load()), conversion=-1)])"},
    {{"f\"\\x41{a}\\t\""}, 1,
     "JoinedStr(values=[Constant(value='A'), FormattedValue(value=Name(id='a"
     "', ctx=Load()), conversion=-1), Constant(value='\\t')])"},
    {{"F\"{a}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1)])"},
    {{"f\"\"\"{a}\"\"\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1)])"},
    {{"f'''{a!r:\nx}'''"}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=114, format_spec=JoinedStr(values=[Constant(value='\\nx')]))])"},
    {{"f\"{a:\\x41}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[Constant(value='A')]))])"},
    {{"f\"{a}{b}{c}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-"
     "1), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1)])"},
    {{"f\"{a:x{b}y{c}z}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[Constant(value='x'), Formatted"
     "Value(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='"
     "y'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1), Co"
     "nstant(value='z')]))])"},
    {{"u\"x\"", "f\"{a:>{b}}\""}, 2,
     "JoinedStr(values=[Constant(value='x', kind='u'), FormattedValue(value="
     "Name(id='a', ctx=Load()), conversion=-1, format_spec=JoinedStr(values="
     "[Constant(value='>', kind='u'), FormattedValue(value=Name(id='b', ctx="
     "Load()), conversion=-1)]))])"},
    {{"\"x\"", "f\"{a:{b}}\"", "u\"y\""}, 3,
     "JoinedStr(values=[Constant(value='x'), FormattedValue(value=Name(id='a"
     "', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Formatted"
     "Value(value=Name(id='b', ctx=Load()), conversion=-1)])), Constant(valu"
     "e='y')])"},
    {{"f\"\\\n{a}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1)])"},
    {{"f\"{a:\\N{DIGIT ONE}}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[Constant(value='1')]))])"},
    {{"f\"{a::}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[Constant(value=':')]))])"},
    {{"f\"{a:=3}\""}, 1,
     "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conve"
     "rsion=-1, format_spec=JoinedStr(values=[Constant(value='=3')]))])"},
};

static const Case fstring_errors_cases[] = {
    {{"f\"{a\""}, 1,
     "ERR f-string: expecting '}' | 1 5 1 5"},
    {{"f\"a}\""}, 1,
     "ERR f-string: single '}' is not allowed | 1 5 1 5"},
    {{"f\"{}\""}, 1,
     "ERR f-string: empty expression not allowed | 1 5 1 5"},
    {{"f\"{ }\""}, 1,
     "ERR f-string: empty expression not allowed | 1 6 1 6"},
    {{"f\"{a!x}\""}, 1,
     "ERR f-string: invalid conversion character: expected 's', 'r', or 'a' "
     "| 1 8 1 8"},
    {{"f\"{a!}\""}, 1,
     "ERR f-string: invalid conversion character: expected 's', 'r', or 'a' "
     "| 1 7 1 7"},
    {{"f\"{a!rr}\""}, 1,
     "ERR f-string: expecting '}' | 1 9 1 9"},
    {{"f\"{a)}\""}, 1,
     "ERR f-string: unmatched ')' | 1 7 1 7"},
    {{"f\"{a(}\""}, 1,
     "ERR f-string: closing parenthesis '}' does not match opening parenthes"
     "is '(' | 1 7 1 7"},
    {{"f\"{a\\n}\""}, 1,
     "ERR f-string expression part cannot include a backslash | 1 8 1 8"},
    {{"f\"{a#}\""}, 1,
     "ERR f-string expression part cannot include '#' | 1 7 1 7"},
    {{"f\"{a:{b:{c}}}\""}, 1,
     "ERR f-string: expressions nested too deeply | 1 14 1 14"},
    {{"f\"{a!r:{b!x}}\""}, 1,
     "ERR f-string: invalid conversion character: expected 's', 'r', or 'a' "
     "| 1 14 1 14"},
    {{"f\"{(a]}\""}, 1,
     "ERR f-string: closing parenthesis ']' does not match opening parenthes"
     "is '(' | 1 8 1 8"},
    {{"f\"{a]}\""}, 1,
     "ERR f-string: unmatched ']' | 1 7 1 7"},
    {{"f\"{\""}, 1,
     "ERR f-string: expecting '}' | 1 4 1 4"},
    {{"f\"}\""}, 1,
     "ERR f-string: single '}' is not allowed | 1 4 1 4"},
    {{"f\"{!r}\""}, 1,
     "ERR f-string: expression required before '!' | 1 7 1 7"},
    {{"f\"{:x}\""}, 1,
     "ERR f-string: expression required before ':' | 1 7 1 7"},
    {{"f\"{=}\""}, 1,
     "ERR f-string: expression required before '=' | 1 6 1 6"},
    {{"f\"{a:}}\""}, 1,
     "ERR f-string: single '}' is not allowed | 1 8 1 8"},
    {{"f\"{a:{}}\""}, 1,
     "ERR f-string: empty expression not allowed | 1 9 1 9"},
    {{"f\"{a!r\""}, 1,
     "ERR f-string: expecting '}' | 1 7 1 7"},
    {{"f\"{a:\""}, 1,
     "ERR f-string: expecting '}' | 1 6 1 6"},
    {{"f\"{a:{b\""}, 1,
     "ERR f-string: expecting '}' | 1 8 1 8"},
    {{"f\"{a=\""}, 1,
     "ERR f-string: expecting '}' | 1 6 1 6"},
    {{"f\"{'a}\""}, 1,
     "ERR f-string: unterminated string | 1 7 1 7"},
    {{"f\"{a:{b}}}\""}, 1,
     "ERR f-string: single '}' is not allowed | 1 11 1 11"},
    {{"f\"\303\251{a}\\x\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-1: truncated \\xXX escape | 1 10 1 10"},
    {{"f\"{a:\\x4}\""}, 1,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-2: truncated \\xXX escape | 1 10 1 10"},
    {{"\"\\x\"", "f\"{\""}, 2,
     "ERR (unicode error) 'unicodeescape' codec can't decode bytes in positi"
     "on 0-1: truncated \\xXX escape | 1 9 1 9"},
    {{"f\"{\"", "\"\\x\""}, 2,
     "ERR f-string: expecting '}' | 1 9 1 9"},
};

/* Plain str literals: quotes, raw, concatenation, the u prefix (kind='u'
   only when the first literal is written with a lower-case u). */
static void
test_plain(void **state)
{
    CHECK(plain_cases);
}

/* Every escape of a str literal, lone surrogates included. */
static void
test_escapes(void **state)
{
    CHECK(escapes_cases);
}

/* unicode-escape errors, with CPython's positions (non-ASCII characters
   count 10, as \Uxxxxxxxx) and the range at the end of the strings. */
static void
test_escape_errors(void **state)
{
    CHECK(escape_errors_cases);
}

/* bytes: escapes, ASCII only, no mixing with str. */
static void
test_bytes(void **state)
{
    CHECK(bytes_cases);
}

/* f-string splitting, conversions, specs, '=', merging of literals. */
static void
test_fstrings(void **state)
{
    CHECK(fstrings_cases);
}

static void
test_fstring_errors(void **state)
{
    CHECK(fstring_errors_cases);
}

/* Node positions: fields, constants and the outer JoinedStr span all the
   tokens; a format spec's JoinedStr and its trailing Constant span its own
   token; each expression is parsed at its place in the file, also on the
   later lines of a triple-quoted literal (CPython 3.11 values). */
static void
test_fstring_positions(void **state)
{
    MpArena *arena = MpArena_New();
    MpSyntaxError err = {0};
    MpParser p = {.arena = arena, .err = &err};
    static const char t1[] = "f\"\"\"\n  {a!r:{b}\n}{ c}\"\"\"";
    MpToken toks[3] = {
        {0, {"\"x\"", 3}, {1, 0, 1, 3}},
        {0, {t1, sizeof(t1) - 1}, {1, 4, 3, 8}},
        {0, {"f'{d}'", 6}, {3, 9, 3, 15}},
    };
    MpLoc loc = {1, 0, 3, 15};
    MpNode *js = MpLiteral_Strings(&p, toks, 3, loc);
    assert_non_null(js);
    assert_int_equal(js->kind, MP_AST_JoinedStr);
    assert_int_equal(MpSeq_Len(js->v.JoinedStr.values), 4);
    MpNode **v = (MpNode **)js->v.JoinedStr.values->items;
    for (int i = 0; i < 4; i++) {
        assert_int_equal(v[i]->lineno, 1);
        assert_int_equal(v[i]->col_offset, 0);
        assert_int_equal(v[i]->end_lineno, 3);
        assert_int_equal(v[i]->end_col_offset, 15);
    }
    MpNode *a = v[1]->v.FormattedValue.value;
    assert_int_equal(a->lineno, 2);
    assert_int_equal(a->col_offset, 3);
    MpNode *spec = v[1]->v.FormattedValue.format_spec;
    assert_int_equal(spec->lineno, 1);
    assert_int_equal(spec->col_offset, 4);
    assert_int_equal(spec->end_lineno, 3);
    assert_int_equal(spec->end_col_offset, 8);
    MpNode **sv = (MpNode **)spec->v.JoinedStr.values->items;
    assert_int_equal(sv[0]->col_offset, 0);     // the field: all tokens
    assert_int_equal(sv[1]->col_offset, 4);     // trailing '\n': its token
    MpNode *b = sv[0]->v.FormattedValue.value;
    assert_int_equal(b->lineno, 2);
    assert_int_equal(b->col_offset, 8);
    MpNode *c = v[2]->v.FormattedValue.value;
    assert_int_equal(c->lineno, 3);
    assert_int_equal(c->col_offset, 3);
    MpNode *d = v[3]->v.FormattedValue.value;
    assert_int_equal(d->lineno, 3);
    assert_int_equal(d->col_offset, 12);
    MpArena_Free(arena);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int_bases),
        cmocka_unit_test(test_bigint),
        cmocka_unit_test(test_bigint_digit_limit),
        cmocka_unit_test(test_float_and_imaginary),
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_escape_errors),
        cmocka_unit_test(test_bytes),
        cmocka_unit_test(test_fstrings),
        cmocka_unit_test(test_fstring_errors),
        cmocka_unit_test(test_fstring_positions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
