/* test_str.c — str (objects/str.c), bytes/bytearray (objects/bytes.c) and
   the SipHash-1-3 string hash (hash.c): the narrowest kind for every str,
   UTF-8 round trips including lone surrogates, interning identity, hash
   values equal to CPython's under a fixed PYTHONHASHSEED, slicing, search,
   split, replace, case mappings, % formatting and the codecs.  Every
   expected value was produced by CPython 3.11 (python3 -c ...). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "runtime_fixture.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "hash.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* {====== Helpers ====== */

static MpObject *
S(const char *utf8)
{
    MpObject *s = MpStr_FromString(utf8);
    assert_non_null(s);
    return s;
}

static MpObject *
I(Mp_ssize_t v)
{
    return MpLong_FromSsize_t(v);
}

/* Checks that o is a str equal to the UTF-8 text expect, and releases o. */
static void
check_str(MpObject *o, const char *expect)
{
    assert_non_null(o);
    assert_true(MpStr_Check(o));
    assert_string_equal(MpStr_AsUTF8(o), expect);
    Mp_DECREF(o);
}

/* Calls the method `name` of o found in its type's method table, with
   positional arguments (a NULL-terminated list, all released after). */
static MpObject *
call(MpObject *o, const char *name, ...)
{
    MpObject *args[8];
    Mp_ssize_t n = 0;
    va_list ap;
    va_start(ap, name);
    MpObject *a;
    while ((a = va_arg(ap, MpObject *)) != NULL) {
        args[n++] = a;
    }
    va_end(ap);
    MpMethodDef *m = Mp_TYPE(o)->tp_methods;
    while (m->ml_name != NULL && strcmp(m->ml_name, name) != 0) {
        m++;
    }
    assert_non_null(m->ml_name);
    MpObject *self = (m->ml_flags & MP_METH_STATIC) ? NULL
                     : (m->ml_flags & MP_METH_CLASS)
                         ? (MpObject *)Mp_TYPE(o)
                         : o;
    MpObject *r;
    if (m->ml_flags & MP_METH_KEYWORDS) {
        r = ((MpCFunctionFastKw)m->ml_meth)(self, args, n, NULL);
    }
    else if (m->ml_flags & MP_METH_FASTCALL) {
        r = ((MpCFunctionFast)m->ml_meth)(self, args, n);
    }
    else if (m->ml_flags & MP_METH_O) {
        assert_int_equal(n, 1);
        r = ((MpCFunction)m->ml_meth)(self, args[0]);
    }
    else {
        assert_int_equal(n, 0);
        r = ((MpCFunction)m->ml_meth)(self, NULL);
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        Mp_DECREF(args[i]);
    }
    return r;
}

/* The items of a list of strs joined by '|', to compare in one go. */
static void
check_list(MpObject *list, const char *expect)
{
    assert_non_null(list);
    assert_true(MpList_Check(list));
    MpObject *bar = S("|");
    check_str(MpStr_Join(bar, list), expect);
    Mp_DECREF(bar);
    Mp_DECREF(list);
}

static void
check_int(MpObject *o, int64_t expect)
{
    int64_t v;
    assert_non_null(o);
    assert_true(MpLong_AsSmall(o, &v) || MpBool_Check(o));
    if (MpBool_Check(o)) {
        v = o == Mp_True;
    }
    assert_int_equal(v, expect);
    Mp_DECREF(o);
}

static void
check_error(MpObject *o, MpObject *exc)
{
    assert_null(o);
    assert_true(MpErr_ExceptionMatches(exc));
    MpErr_Clear();
}

/* A slice object made through the slice type's constructor.
   Refs: STEALS start, stop, step (Mp_None is not counted). */
static MpObject *
slice3(MpObject *start, MpObject *stop, MpObject *step)
{
    MpObject *items[3] = {start, stop, step};
    MpObject *args = MpTuple_FromArray(items, 3);
    MpObject *sl = MpSlice_Type.tp_new(&MpSlice_Type, args, NULL);
    Mp_DECREF(args);
    for (int i = 0; i < 3; i++) {
        if (items[i] != Mp_None) {
            Mp_DECREF(items[i]);
        }
    }
    return sl;
}

static int
setup(void **state)
{
    setenv("PYTHONHASHSEED", "0", 1);  // hashes comparable with CPython's
    return runtime_setup(state);
}
/* }====== */

/* {====== Representation ====== */

static void
test_kinds(void **state)
{
    struct {
        const char *text;
        int kind, ascii;
        Mp_ssize_t len;
    } cases[] = {
        {"abc", 1, 1, 3},
        {"caf\xc3\xa9", 1, 0, 4},              // 'café'
        {"\xe2\x82\xac" "10", 2, 0, 3},         // '€10'
        {"\xed\xa0\x80", 2, 0, 1},              // '\ud800'
        {"a\xf0\x9f\x98\x80", 4, 0, 2},         // 'a😀'
        {"", 1, 1, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        MpObject *s = S(cases[i].text);
        assert_int_equal(((MpStrObject *)s)->kind, cases[i].kind);
        assert_int_equal(((MpStrObject *)s)->ascii, cases[i].ascii);
        assert_int_equal(MpStr_GET_LENGTH(s), cases[i].len);
        /* Round trip through the cached UTF-8 form. */
        assert_string_equal(MpStr_AsUTF8(s), cases[i].text);
        Mp_DECREF(s);
    }
    /* Slicing the wide part away narrows the kind again. */
    MpObject *s = S("ab\xe2\x82\xac");
    MpObject *sl = slice3(Mp_None, I(2), Mp_None);
    MpObject *sub = MpStr_Type.tp_as_mapping->mp_subscript(s, sl);
    assert_int_equal(((MpStrObject *)sub)->kind, 1);
    assert_true(((MpStrObject *)sub)->ascii);
    check_str(sub, "ab");
    Mp_DECREF(sl);
    Mp_DECREF(s);
    /* From code points of width 4 that all fit in one byte. */
    uint32_t cps[] = {'x', 0xE9};
    MpObject *k = MpStr_FromKindAndData(4, cps, 2);
    assert_int_equal(((MpStrObject *)k)->kind, 1);
    check_str(k, "x\xc3\xa9");
}

static void
test_utf8_errors(void **state)
{
    check_error(MpStr_FromUTF8("\xff", 1), MpExc_UnicodeDecodeError);
    check_error(MpStr_FromUTF8("\xe2\x82", 2), MpExc_UnicodeDecodeError);
    check_error(MpStr_FromUTF8("\xc0\x80", 2), MpExc_UnicodeDecodeError);
    /* bytes.decode is strict about surrogates, internal UTF-8 is not. */
    check_error(MpStr_Decode("\xed\xa0\x80", 3, "utf-8", NULL),
                MpExc_UnicodeDecodeError);
    check_str(MpStr_Decode("\xed\xa0\x80", 3, "utf-8", "surrogatepass"),
              "\xed\xa0\x80");
    /* b'a\xffb'.decode('utf-8', 'replace') == 'a\ufffdb' */
    check_str(MpStr_Decode("a\xff" "b", 3, "utf-8", "replace"),
              "a\xef\xbf\xbd" "b");
    check_str(MpStr_Decode("a\xff" "b", 3, "utf8", "ignore"), "ab");
    check_str(MpStr_Decode("\xe9", 1, "latin-1", NULL), "\xc3\xa9");
    check_error(MpStr_Decode("\xe9", 1, "ascii", NULL),
                MpExc_UnicodeDecodeError);
    check_error(MpStr_Decode("a", 1, "utf-9", NULL), MpExc_LookupError);
}

static void
test_interning(void **state)
{
    MpObject *a = MpStr_InternFromString("some_name");
    MpObject *b = MpStr_FromString("some_name");
    assert_ptr_not_equal(a, b);
    MpStr_InternInPlace(&b);
    assert_ptr_equal(a, b);
    MpObject *c = MpStr_InternFromString("some_name");
    assert_ptr_equal(a, c);
    Mp_DECREF(a);
    Mp_DECREF(b);
    Mp_DECREF(c);
    /* Many names: the table grows and keeps them all. */
    MpObject *first[3000];
    for (int i = 0; i < 3000; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "name%d", i);
        first[i] = MpStr_InternFromString(buf);
    }
    for (int i = 0; i < 3000; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "name%d", i);
        MpObject *again = MpStr_InternFromString(buf);
        assert_ptr_equal(again, first[i]);
        Mp_DECREF(again);
        Mp_DECREF(first[i]);
    }
}

/* The values come from `PYTHONHASHSEED=0 python3 -c "print(hash('abc'),
   hash('é'), hash('€'), hash(b'x'), hash('\U0001F600'))"` and the same
   with PYTHONHASHSEED=42. */
static void
test_hash(void **state)
{
    struct {
        const char *text;
        int64_t h0, h42;
    } cases[] = {
        {"abc", -4594863902769663758LL, 3869580338025362921LL},
        {"\xc3\xa9", 6047309291227476195LL, 5653850369683463245LL},
        {"\xe2\x82\xac", -5529981157763016009LL, -9193319877017669544LL},
        {"\xf0\x9f\x98\x80", -3536540696076613844LL, 6601963133753205906LL},
        {"aaaaaaaaaaaaaaaaaaaa", 3291541819775287794LL,
         1074132530334861433LL},
        {"", 0, 0},
    };
    for (int seed = 0; seed < 2; seed++) {
        setenv("PYTHONHASHSEED", seed ? "42" : "0", 1);
        assert_int_equal(MpHash_Init(), 0);
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            MpObject *s = S(cases[i].text);
            ((MpStrObject *)s)->hash = -1;  // shared 1-char strs cache it
            assert_int_equal(MpStr_Type.tp_hash(s),
                             seed ? cases[i].h42 : cases[i].h0);
            Mp_DECREF(s);
        }
        MpObject *b = MpBytes_FromStringAndSize("x", 1);
        assert_int_equal(MpBytes_Type.tp_hash(b),
                         seed ? -4705332822649223158LL
                              : -3368204716105132637LL);
        ((MpBytesObject *)b)->ob_shash = -1;  // the singleton is shared
        Mp_DECREF(b);
    }
    setenv("PYTHONHASHSEED", "random", 1);
    assert_int_equal(MpHash_Init(), 0);
    setenv("PYTHONHASHSEED", "4294967296", 1);
    assert_int_equal(MpHash_Init(), -1);
    setenv("PYTHONHASHSEED", "12x", 1);
    assert_int_equal(MpHash_Init(), -1);
    setenv("PYTHONHASHSEED", "0", 1);
    assert_int_equal(MpHash_Init(), 0);
}

static void
test_repr(void **state)
{
    MpObject *s = S("a'b");
    check_str(MpStr_Repr(s), "\"a'b\"");
    Mp_DECREF(s);
    s = S("a'\"b");
    check_str(MpStr_Repr(s), "'a\\'\"b'");
    Mp_DECREF(s);
    /* repr('\x00\n€\ud800😀\x7f\xa0') */
    uint32_t cps[] = {0, '\n', 0x20AC, 0xD800, 0x1F600, 0x7F, 0xA0};
    s = MpStr_FromKindAndData(4, cps, 7);
    check_str(MpStr_Repr(s),
              "'\\x00\\n\xe2\x82\xac\\ud800\xf0\x9f\x98\x80\\x7f\\xa0'");
    Mp_DECREF(s);
}

static void
test_from_format(void **state)
{
    MpObject *o = S("x\xc3\xa9y");
    check_str(MpStr_FromFormat("%d|%5zd|%lld|%x|%s|%.2s|%U|%R|%T|%c|%%", -3,
                               (Mp_ssize_t)42, 1LL << 40, 255u, "hi",
                               "abc", o, o, o, 0x20AC),
              "-3|   42|1099511627776|ff|hi|ab|x\xc3\xa9y|'x\xc3\xa9y'|str|"
              "\xe2\x82\xac|%");
    check_str(MpStr_FromFormat("%.2U|%V|%V", o, o, "fb", NULL, "fb"),
              "x\xc3\xa9|x\xc3\xa9y|fb");
    Mp_DECREF(o);
}
/* }====== */

/* {====== Operations ====== */

static void
test_concat_repeat_compare(void **state)
{
    MpObject *a = S("ab"), *b = S("\xe2\x82\xac");
    MpObject *c = MpStr_Concat(a, b);
    assert_int_equal(((MpStrObject *)c)->kind, 2);
    check_str(c, "ab\xe2\x82\xac");
    check_error(MpStr_Concat(a, Mp_None), MpExc_TypeError);
    check_str(MpStr_Type.tp_as_sequence->sq_repeat(a, 3), "ababab");
    check_str(MpStr_Type.tp_as_sequence->sq_repeat(a, -1), "");
    check_str(MpStr_Type.tp_as_sequence->sq_repeat(b, 2),
              "\xe2\x82\xac\xe2\x82\xac");
    /* Code point order: 'ab' < '€', 'ab' < 'abc'. */
    MpObject *r = MpStr_Type.tp_richcompare(a, b, Mp_LT);
    assert_ptr_equal(r, Mp_True);
    Mp_DECREF(r);
    MpObject *abc = S("abc");
    r = MpStr_Type.tp_richcompare(abc, a, Mp_GT);
    assert_ptr_equal(r, Mp_True);
    Mp_DECREF(r);
    r = MpStr_Type.tp_richcompare(a, Mp_None, Mp_LT);
    assert_ptr_equal(r, Mp_NotImplemented);
    Mp_DECREF(r);
    MpObject *a2 = S("ab");
    assert_true(MpStr_Equal(a, a2));
    assert_false(MpStr_Equal(a, abc));
    assert_int_equal(MpStr_CompareWithASCII(a, "ab"), 0);
    assert_true(MpStr_CompareWithASCII(a, "abc") < 0);
    assert_true(MpStr_CompareWithASCII(abc, "ab") > 0);
    assert_int_equal(MpStr_Type.tp_as_sequence->sq_contains(abc, a), 1);
    assert_int_equal(MpStr_Type.tp_as_sequence->sq_contains(abc, b), 0);
    Mp_DECREF(a2);
    Mp_DECREF(abc);
    Mp_DECREF(a);
    Mp_DECREF(b);
}

static void
test_subscript(void **state)
{
    /* 'aé€😀'[::-1] == '😀€éa';  'hello world'[::-2] == 'drwolh' */
    MpObject *s = S("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
    binaryfunc sub = MpStr_Type.tp_as_mapping->mp_subscript;
    MpObject *sl = slice3(Mp_None, Mp_None, I(-1));
    check_str(sub(s, sl), "\xf0\x9f\x98\x80\xe2\x82\xac\xc3\xa9" "a");
    Mp_DECREF(sl);
    MpObject *i = I(-2);
    check_str(sub(s, i), "\xe2\x82\xac");
    Mp_DECREF(i);
    i = I(4);
    check_error(sub(s, i), MpExc_IndexError);
    Mp_DECREF(i);
    Mp_DECREF(s);
    s = S("hello world");
    sl = slice3(Mp_None, Mp_None, I(-2));
    check_str(sub(s, sl), "drwolh");
    Mp_DECREF(sl);
    sl = slice3(I(-3), Mp_None, Mp_None);
    check_str(sub(s, sl), "rld");
    Mp_DECREF(sl);
    check_error(sub(s, s), MpExc_TypeError);
    Mp_DECREF(s);
}

static void
test_find_count(void **state)
{
    MpObject *s = S("abc");
    check_int(call(s, "find", S("c"), I(-1), NULL), 2);
    check_int(call(s, "find", S(""), I(4), NULL), -1);
    check_int(call(s, "find", S(""), I(3), NULL), 3);
    check_int(call(s, "count", S(""), NULL), 4);
    check_error(call(s, "index", S("d"), NULL), MpExc_ValueError);
    check_error(call(s, "find", I(1), NULL), MpExc_TypeError);
    check_int(call(s, "startswith", S("bc"), I(1), NULL), 1);
    check_int(call(s, "endswith", S("ab"), I(0), I(2), NULL), 1);
    Mp_DECREF(s);
    s = S("aaaa");
    check_int(call(s, "count", S("aa"), NULL), 2);
    Mp_DECREF(s);
    s = S("abcabc");
    check_int(call(s, "rfind", S("b"), NULL), 4);
    check_int(call(s, "rindex", S("abc"), NULL), 3);
    Mp_DECREF(s);
    /* 'é€a€'.find('€a') == 1: a narrower needle in a wider haystack */
    s = S("\xc3\xa9\xe2\x82\xac" "a\xe2\x82\xac");
    check_int(call(s, "find", S("\xe2\x82\xac" "a"), NULL), 1);
    check_int(call(s, "find", S("a"), NULL), 2);
    check_int(call(s, "find", S("\xf0\x9f\x98\x80"), NULL), -1);
    Mp_DECREF(s);
}

static void
test_split(void **state)
{
    MpObject *s = S("  a  b  ");
    check_list(call(s, "split", NULL), "a|b");
    check_list(call(s, "rsplit", Mp_NewRef(Mp_None), I(1), NULL), "  a|b");
    Mp_DECREF(s);
    s = S("a,b,,c");
    check_list(call(s, "split", S(","), I(2), NULL), "a|b|,c");
    check_list(call(s, "rsplit", S(","), I(1), NULL), "a,b,|c");
    check_error(call(s, "split", S(""), NULL), MpExc_ValueError);
    Mp_DECREF(s);
    s = S("x\r\ny\nz");
    check_list(call(s, "splitlines", MpBool_FromLong(1), NULL),
               "x\r\n|y\n|z");
    check_list(call(s, "splitlines", NULL), "x|y|z");
    Mp_DECREF(s);
    /* str.split() also splits on U+3000 and \x1c */
    s = S("a\xe3\x80\x80" "b\x1c" "c");
    check_list(call(s, "split", NULL), "a|b|c");
    Mp_DECREF(s);
    s = S("a=b=c");
    MpObject *t = call(s, "rpartition", S("="), NULL);
    check_str(Mp_NewRef(MpTuple_GET_ITEM(t, 0)), "a=b");
    check_str(Mp_NewRef(MpTuple_GET_ITEM(t, 2)), "c");
    Mp_DECREF(t);
    t = call(s, "partition", S("x"), NULL);
    check_str(Mp_NewRef(MpTuple_GET_ITEM(t, 0)), "a=b=c");
    check_str(Mp_NewRef(MpTuple_GET_ITEM(t, 1)), "");
    Mp_DECREF(t);
    Mp_DECREF(s);
}

static void
test_replace_strip_pad(void **state)
{
    MpObject *s = S("aaa");
    check_str(call(s, "replace", S("a"), S("bb"), I(2), NULL), "bbbba");
    Mp_DECREF(s);
    s = S("ab");
    check_str(call(s, "replace", S(""), S("-"), NULL), "-a-b-");
    check_error(call(s, "replace", I(1), I(2), NULL), MpExc_TypeError);
    Mp_DECREF(s);
    s = S("xxhixx");
    check_str(call(s, "strip", S("x"), NULL), "hi");
    check_str(call(s, "lstrip", S("x"), NULL), "hixx");
    check_str(call(s, "removesuffix", S("xx"), NULL), "xxhi");
    Mp_DECREF(s);
    s = S(" \t hi \n");
    check_str(call(s, "strip", NULL), "hi");
    Mp_DECREF(s);
    s = S("abc");
    check_str(call(s, "center", I(8), S("*"), NULL), "**abc***");
    check_str(call(s, "center", I(6), S("*"), NULL), "*abc**");
    check_str(call(s, "rjust", I(5), NULL), "  abc");
    check_error(call(s, "center", I(5), S("ab"), NULL), MpExc_TypeError);
    Mp_DECREF(s);
    s = S("-42");
    check_str(call(s, "zfill", I(6), NULL), "-00042");
    Mp_DECREF(s);
    s = S("a\tbc\td");
    check_str(call(s, "expandtabs", I(4), NULL), "a   bc  d");
    Mp_DECREF(s);
    MpObject *sep = S(", ");
    MpObject *items[3] = {S("a"), S("\xc3\xa9"), S("\xe2\x82\xac")};
    MpObject *tup = MpTuple_FromArray(items, 3);
    check_str(MpStr_Join(sep, tup), "a, \xc3\xa9, \xe2\x82\xac");
    Mp_DECREF(tup);
    for (int i = 0; i < 3; i++) {
        Mp_DECREF(items[i]);
    }
    MpObject *bad[1] = {I(1)};
    tup = MpTuple_FromArray(bad, 1);
    check_error(MpStr_Join(sep, tup), MpExc_TypeError);
    Mp_DECREF(tup);
    Mp_DECREF(bad[0]);
    Mp_DECREF(sep);
}

static void
test_case(void **state)
{
    struct {
        const char *method, *in, *out;
    } cases[] = {
        {"upper", "\xc3\x9f", "SS"},                        // 'ß'
        {"lower", "\xce\x91\xce\xa3", "\xce\xb1\xcf\x82"},  // 'ΑΣ' -> 'ας'
        {"lower", "\xce\xa3", "\xcf\x83"},                  // 'Σ' -> 'σ'
        {"title", "hello wORLD", "Hello World"},
        {"capitalize", "\xc7\x86x", "\xc7\x85x"},           // 'ǆx' -> 'ǅx'
        {"upper", "\xef\xac\x81", "FI"},                    // 'ﬁ'
        {"lower", "\xc4\xb0", "i\xcc\x87"},                 // 'İ'
        {"casefold", "\xc3\x9f", "ss"},
        {"swapcase", "aBc", "AbC"},
        {"upper", "abc", "ABC"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        MpObject *s = S(cases[i].in);
        check_str(call(s, cases[i].method, NULL), cases[i].out);
        Mp_DECREF(s);
    }
    struct {
        const char *method, *in;
        int out;
    } preds[] = {
        {"isdigit", "\xc2\xb2", 1},     // '²'
        {"isdecimal", "\xc2\xb2", 0},
        {"isnumeric", "\xc2\xbd", 1},   // '½'
        {"isalpha", "\xc3\xa9t\xc3\xa9", 1},
        {"isidentifier", "_x1", 1},
        {"isidentifier", "1x", 0},
        {"istitle", "Hello World", 1},
        {"islower", "abc1", 1},
        {"isupper", "", 0},
        {"isprintable", "", 1},
        {"isprintable", "\n", 0},
        {"isspace", "\xc2\x85", 1},
        {"isascii", "", 1},
    };
    for (size_t i = 0; i < sizeof preds / sizeof preds[0]; i++) {
        MpObject *s = S(preds[i].in);
        check_int(call(s, preds[i].method, NULL), preds[i].out);
        Mp_DECREF(s);
    }
}

static void
test_encode(void **state)
{
    MpObject *s = S("a\xc3\xa9");
    MpObject *b = MpStr_AsEncodedString(s, "latin-1", NULL);
    assert_int_equal(MpBytes_GET_SIZE(b), 2);
    assert_memory_equal(MpBytes_AS_STRING(b), "a\xe9", 2);
    Mp_DECREF(b);
    b = MpStr_AsEncodedString(s, NULL, NULL);
    assert_memory_equal(MpBytes_AS_STRING(b), "a\xc3\xa9", 3);
    Mp_DECREF(b);
    check_error(MpStr_AsEncodedString(s, "ascii", NULL),
                MpExc_UnicodeEncodeError);
    b = MpStr_AsEncodedString(s, "ascii", "replace");
    assert_memory_equal(MpBytes_AS_STRING(b), "a?", 2);
    Mp_DECREF(b);
    b = MpStr_AsEncodedString(s, "ascii", "backslashreplace");
    assert_string_equal(MpBytes_AS_STRING(b), "a\\xe9");
    Mp_DECREF(b);
    check_error(MpStr_AsEncodedString(s, "ascii", "bogus"),
                MpExc_LookupError);
    check_error(MpStr_AsEncodedString(s, "foo", NULL), MpExc_LookupError);
    Mp_DECREF(s);
    s = S("\xed\xa0\x80");  // '\ud800'
    check_error(MpStr_AsEncodedString(s, "utf-8", NULL),
                MpExc_UnicodeEncodeError);
    b = MpStr_AsEncodedString(s, "utf-8", "surrogatepass");
    assert_memory_equal(MpBytes_AS_STRING(b), "\xed\xa0\x80", 3);
    Mp_DECREF(b);
    Mp_DECREF(s);
}

static void
test_percent_format(void **state)
{
    /* The float conversions need float objects: left to the golden
       tests.  Here: the integer and text ones. */
    MpObject *fmt = S("%-5d|%05d|%x|%#X|%o|%s|%r|%c|%%|%+d|%*d");
    MpObject *items[] = {I(42), I(-42), I(255), I(255), I(8), S("hi"),
                         S("hi"), I(65), I(7), I(4), I(1)};
    MpObject *args = MpTuple_FromArray(items, 11);
    check_str(MpStr_Format(fmt, args),
              "42   |-0042|ff|0XFF|10|hi|'hi'|A|%|+7|   1");
    Mp_DECREF(args);
    Mp_DECREF(fmt);
    fmt = S("%s %s");
    args = MpTuple_FromArray(items, 1);
    check_error(MpStr_Format(fmt, args), MpExc_TypeError);
    Mp_DECREF(args);
    Mp_DECREF(fmt);
    fmt = S("%s");
    args = MpTuple_FromArray(items, 2);
    check_error(MpStr_Format(fmt, args), MpExc_TypeError);
    Mp_DECREF(args);
    check_str(MpStr_Format(fmt, items[5]), "hi");
    Mp_DECREF(fmt);
    fmt = S("%z");
    check_error(MpStr_Format(fmt, items[0]), MpExc_ValueError);
    Mp_DECREF(fmt);
    for (int i = 0; i < 11; i++) {
        Mp_DECREF(items[i]);
    }
}
/* }====== */

/* {====== bytes and bytearray ====== */

static void
test_bytes(void **state)
{
    MpObject *b = MpBytes_FromStringAndSize("a'\x00\xff", 4);
    check_str(MpBytes_Repr(b), "b\"a'\\x00\\xff\"");
    check_int(MpBytes_Type.tp_as_sequence->sq_item(b, 3), 255);
    MpObject *x = call(b, "hex", NULL);
    check_str(x, "612700ff");
    Mp_DECREF(b);
    b = MpBytes_FromString("a,b,,c");
    MpObject *parts = call(b, "split", MpBytes_FromString(","), NULL);
    assert_int_equal(Mp_SIZE(parts), 4);
    Mp_DECREF(parts);
    check_int(call(b, "find", MpBytes_FromString(",c"), NULL), 4);
    check_int(call(b, "count", I(','), NULL), 3);
    check_error(call(b, "find", S("a"), NULL), MpExc_TypeError);
    MpObject *up = call(b, "upper", NULL);
    assert_string_equal(MpBytes_AS_STRING(up), "A,B,,C");
    Mp_DECREF(up);
    MpObject *d = call(b, "decode", NULL);
    check_str(d, "a,b,,c");
    Mp_DECREF(b);
    MpObject *empty = MpBytes_FromString("");
    b = call(empty, "fromhex", S("de ad"), NULL);  // a class method
    assert_int_equal(MpBytes_GET_SIZE(b), 2);
    assert_memory_equal(MpBytes_AS_STRING(b), "\xde\xad", 2);
    Mp_DECREF(b);
    Mp_DECREF(empty);
}

static void
test_bytearray(void **state)
{
    MpObject *a = MpByteArray_FromStringAndSize("ab", 2);
    MpObject *r = call(a, "append", I('c'), NULL);
    Mp_DECREF(r);
    check_error(call(a, "append", I(300), NULL), MpExc_ValueError);
    assert_int_equal(MpByteArray_GET_SIZE(a), 3);
    assert_string_equal(MpByteArray_AS_STRING(a), "abc");
    check_int(call(a, "pop", NULL), 'c');
    /* While a view is exported the size is frozen. */
    MpBuffer view;
    assert_int_equal(MpBytesLike_Get(a, &view), 0);
    assert_int_equal(view.len, 2);
    assert_false(view.readonly);
    check_error(call(a, "append", I('d'), NULL), MpExc_BufferError);
    MpObject *i0 = I(0), *v = I('z');
    assert_int_equal(
        MpByteArray_Type.tp_as_mapping->mp_ass_subscript(a, i0, v), 0);
    MpBytesLike_Release(&view);
    r = call(a, "append", I('d'), NULL);
    Mp_DECREF(r);
    assert_string_equal(MpByteArray_AS_STRING(a), "zbd");
    /* a[1:2] = b'XYZ' */
    MpObject *sl = slice3(I(1), I(2), Mp_None);
    MpObject *xyz = MpBytes_FromString("XYZ");
    assert_int_equal(
        MpByteArray_Type.tp_as_mapping->mp_ass_subscript(a, sl, xyz), 0);
    assert_string_equal(MpByteArray_AS_STRING(a), "zXYZd");
    check_str(MpBytes_Repr(a), "bytearray(b'zXYZd')");
    assert_int_equal(MpByteArray_Type.tp_hash(a), -1);
    MpErr_Clear();
    r = MpByteArray_Type.tp_as_sequence->sq_inplace_concat(a, xyz);
    assert_ptr_equal(r, a);
    Mp_DECREF(r);
    assert_string_equal(MpByteArray_AS_STRING(a), "zXYZdXYZ");
    Mp_DECREF(xyz);
    Mp_DECREF(sl);
    Mp_DECREF(i0);
    Mp_DECREF(v);
    Mp_DECREF(a);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_utf8_errors),
        cmocka_unit_test(test_interning),
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_repr),
        cmocka_unit_test(test_from_format),
        cmocka_unit_test(test_concat_repeat_compare),
        cmocka_unit_test(test_subscript),
        cmocka_unit_test(test_find_count),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_replace_strip_pad),
        cmocka_unit_test(test_case),
        cmocka_unit_test(test_encode),
        cmocka_unit_test(test_percent_format),
        cmocka_unit_test(test_bytes),
        cmocka_unit_test(test_bytearray),
    };
    return cmocka_run_group_tests(tests, setup, runtime_teardown);
}
