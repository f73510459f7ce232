/* test_unicodedb.c — the generated Unicode tables (tools/gen_unicodedb.c,
   build/gen/unicodedb.c): two-stage property lookup, names and aliases,
   full case mappings and NFKC.  Expected values are CPython 3.11's
   unicodedata and str methods. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "unicodedb.h"

static int32_t
lookup(const char *name)
{
    return MpUnicode_Lookup(name, strlen(name));
}

/* Checks that a case mapping of cp gives exactly the n code points. */
static void
check_mapping(int (*map)(uint32_t, uint32_t[3]), uint32_t cp, int n,
              uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t out[3] = {0, 0, 0};
    uint32_t expected[3] = {a, b, c};
    assert_int_equal(map(cp, out), n);
    for (int i = 0; i < n; i++) {
        assert_int_equal(out[i], expected[i]);
    }
}

static void
test_category(void **state)
{
    (void)state;
    assert_string_equal(MpUnicode_Category('A'), "Lu");
    assert_string_equal(MpUnicode_Category('a'), "Ll");
    assert_string_equal(MpUnicode_Category('7'), "Nd");
    assert_string_equal(MpUnicode_Category(' '), "Zs");
    assert_string_equal(MpUnicode_Category(0x0A), "Cc");
    assert_string_equal(MpUnicode_Category(0x01C5), "Lt");  // Dž
    assert_string_equal(MpUnicode_Category(0x20AC), "Sc");  // €
    assert_string_equal(MpUnicode_Category(0x0301), "Mn");
    /* Inside First/Last ranges of UnicodeData.txt. */
    assert_string_equal(MpUnicode_Category(0x4E2D), "Lo");
    assert_string_equal(MpUnicode_Category(0xD7A3), "Lo");  // Hangul
    assert_string_equal(MpUnicode_Category(0xD800), "Cs");
    assert_string_equal(MpUnicode_Category(0xE000), "Co");
    assert_string_equal(MpUnicode_Category(0x10FFFD), "Co");
    /* Unassigned, and out of range. */
    assert_string_equal(MpUnicode_Category(0x0378), "Cn");
    assert_string_equal(MpUnicode_Category(0x10FFFF), "Cn");
    assert_string_equal(MpUnicode_Category(0x110000), "Cn");
    assert_string_equal(MpUnicode_Category(0xFFFFFFFF), "Cn");
}

static void
test_xid(void **state)
{
    (void)state;
    assert_true(MpUnicode_IsXIDStart('a'));
    assert_true(MpUnicode_IsXIDContinue('a'));
    assert_false(MpUnicode_IsXIDStart('_'));  // callers allow '_'
    assert_true(MpUnicode_IsXIDContinue('_'));
    assert_false(MpUnicode_IsXIDStart('1'));
    assert_true(MpUnicode_IsXIDContinue('1'));
    assert_true(MpUnicode_IsXIDStart(0xE9));  // é
    assert_false(MpUnicode_IsXIDStart(0x20AC));  // €
    assert_false(MpUnicode_IsXIDContinue(0x20AC));
    assert_false(MpUnicode_IsXIDStart(' '));
    assert_true(MpUnicode_IsXIDStart(0x4E00));
    assert_false(MpUnicode_IsXIDStart(0x0301));
    assert_true(MpUnicode_IsXIDContinue(0x0301));
}

static void
test_printable_space(void **state)
{
    (void)state;
    assert_true(MpUnicode_IsPrintable(' '));
    assert_true(MpUnicode_IsPrintable('a'));
    assert_true(MpUnicode_IsPrintable(0xE9));
    assert_false(MpUnicode_IsPrintable('\n'));
    assert_false(MpUnicode_IsPrintable(0x7F));
    assert_false(MpUnicode_IsPrintable(0xA0));    // Zs
    assert_false(MpUnicode_IsPrintable(0x200B));  // Cf
    assert_false(MpUnicode_IsPrintable(0x2028));  // Zl
    assert_false(MpUnicode_IsPrintable(0xD800));  // Cs
    assert_false(MpUnicode_IsPrintable(0xE000));  // Co
    assert_false(MpUnicode_IsPrintable(0x0378));  // Cn
    assert_true(MpUnicode_IsSpace(' '));
    assert_true(MpUnicode_IsSpace('\t'));
    assert_true(MpUnicode_IsSpace(0x1C));  // bidi B
    assert_true(MpUnicode_IsSpace(0x1F));  // bidi S
    assert_true(MpUnicode_IsSpace(0x85));
    assert_true(MpUnicode_IsSpace(0xA0));
    assert_true(MpUnicode_IsSpace(0x3000));
    assert_false(MpUnicode_IsSpace(0x200B));
    assert_false(MpUnicode_IsSpace('a'));
}

static void
test_numeric(void **state)
{
    (void)state;
    assert_int_equal(MpUnicode_DecimalValue('7'), 7);
    assert_int_equal(MpUnicode_DecimalValue(0x0663), 3);  // Arabic-Indic
    assert_int_equal(MpUnicode_DecimalValue(0xB2), -1);   // ²
    assert_int_equal(MpUnicode_DigitValue(0xB2), 2);
    assert_int_equal(MpUnicode_DigitValue('a'), -1);
    assert_true(MpUnicode_IsNumeric(0xBD));   // ½
    assert_true(MpUnicode_IsNumeric(0x2167));  // Ⅷ
    assert_true(MpUnicode_IsNumeric(0x4E09));  // 三, from Unihan
    assert_false(MpUnicode_IsNumeric('x'));
    assert_int_equal(MpUnicode_DecimalValue(0x110000), -1);
}

static void
test_predicates(void **state)
{
    (void)state;
    assert_true(MpUnicode_IsAlpha('a'));
    assert_true(MpUnicode_IsAlpha(0x4E00));
    assert_false(MpUnicode_IsAlpha('1'));
    assert_true(MpUnicode_IsLower('a'));
    assert_true(MpUnicode_IsLower(0xAA));  // ª: Other_Lowercase
    assert_false(MpUnicode_IsLower('A'));
    assert_true(MpUnicode_IsUpper('A'));
    assert_true(MpUnicode_IsUpper(0x2160));  // Ⅰ: Other_Uppercase
    assert_true(MpUnicode_IsTitle(0x01C5));
    assert_false(MpUnicode_IsTitle('A'));
    assert_true(MpUnicode_IsCased('a'));
    assert_false(MpUnicode_IsCased('1'));
    assert_true(MpUnicode_IsCaseIgnorable('\''));
    assert_true(MpUnicode_IsCaseIgnorable(0x0301));
    assert_false(MpUnicode_IsCaseIgnorable('a'));
}

static void
test_lookup(void **state)
{
    (void)state;
    assert_int_equal(lookup("LATIN SMALL LETTER A"), 'a');
    assert_int_equal(lookup("latin small letter a"), 'a');
    assert_int_equal(lookup("Latin Small Letter A"), 'a');
    assert_int_equal(lookup("EM DASH"), 0x2014);
    assert_int_equal(lookup("SPACE"), ' ');
    assert_int_equal(lookup("TIBETAN MARK GTER YIG MGO -UM RNAM BCAD MA"),
                     0x0F02);
    assert_int_equal(lookup("VARIATION SELECTOR-256"), 0xE01EF);
    assert_int_equal(lookup("CJK COMPATIBILITY IDEOGRAPH-2FA1D"), 0x2FA1D);
    /* Aliases of every type. */
    assert_int_equal(lookup("LINE FEED"), '\n');
    assert_int_equal(lookup("LF"), '\n');
    assert_int_equal(lookup("NULL"), 0);
    assert_int_equal(lookup("BYTE ORDER MARK"), 0xFEFF);
    assert_int_equal(lookup("ZWSP"), 0x200B);
    /* Algorithmic names: upper case only, as in CPython. */
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-4E00"), 0x4E00);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-20000"), 0x20000);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-04E00"), 0x4E00);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-4e00"), -1);
    assert_int_equal(lookup("CJK UNIFIED IDEOGRAPH-F900"), -1);
    assert_int_equal(lookup("HANGUL SYLLABLE GA"), 0xAC00);
    assert_int_equal(lookup("HANGUL SYLLABLE GAG"), 0xAC01);
    assert_int_equal(lookup("HANGUL SYLLABLE A"), 0xC544);
    assert_int_equal(lookup("HANGUL SYLLABLE HIH"), 0xD7A3);
    assert_int_equal(lookup("hangul syllable gag"), -1);
    assert_int_equal(lookup("HANGUL SYLLABLE G"), -1);
    /* Unknown. */
    assert_int_equal(lookup("LATIN SMALL LETTER"), -1);
    assert_int_equal(lookup("NO SUCH CHARACTER"), -1);
    assert_int_equal(lookup(""), -1);
    assert_int_equal(MpUnicode_Lookup("LATIN SMALL LETTER AB", 20), 'a');
}

static void
check_name(uint32_t cp, const char *expected)
{
    char buf[128];
    int n = MpUnicode_Name(cp, buf, sizeof buf);
    if (expected == NULL) {
        assert_int_equal(n, -1);
        return;
    }
    assert_int_equal(n, (int)strlen(expected));
    assert_string_equal(buf, expected);
}

static void
test_name(void **state)
{
    (void)state;
    check_name('a', "LATIN SMALL LETTER A");
    check_name(0x2014, "EM DASH");
    check_name(0x0F02, "TIBETAN MARK GTER YIG MGO -UM RNAM BCAD MA");
    check_name(0xE0100, "VARIATION SELECTOR-17");
    check_name(0x1F600, "GRINNING FACE");
    check_name(0x4E00, "CJK UNIFIED IDEOGRAPH-4E00");
    check_name(0x20000, "CJK UNIFIED IDEOGRAPH-20000");
    check_name(0xAC00, "HANGUL SYLLABLE GA");
    check_name(0xAC01, "HANGUL SYLLABLE GAG");
    check_name(0xD7A3, "HANGUL SYLLABLE HIH");
    check_name('\n', NULL);  // control characters have aliases only
    check_name(0x0378, NULL);
    check_name(0xE000, NULL);
    check_name(0x110000, NULL);
    /* A buffer too small. */
    char small[5];
    assert_int_equal(MpUnicode_Name('a', small, sizeof small), -1);
    assert_int_equal(MpUnicode_Name(0x2014, small, 7), -1);
    assert_int_equal(MpUnicode_Name(0x2014, small, 0), -1);
}

static void
test_case(void **state)
{
    (void)state;
    check_mapping(MpUnicode_ToUpper, 'a', 1, 'A', 0, 0);
    check_mapping(MpUnicode_ToLower, 'A', 1, 'a', 0, 0);
    check_mapping(MpUnicode_ToUpper, '1', 1, '1', 0, 0);
    check_mapping(MpUnicode_ToUpper, 0xDF, 2, 'S', 'S', 0);   // ß
    check_mapping(MpUnicode_ToTitle, 0xDF, 2, 'S', 's', 0);
    check_mapping(MpUnicode_ToLower, 0xDF, 1, 0xDF, 0, 0);
    check_mapping(MpUnicode_ToLower, 0x130, 2, 'i', 0x307, 0);  // İ
    check_mapping(MpUnicode_ToUpper, 0xFB03, 3, 'F', 'F', 'I');  // ﬃ
    check_mapping(MpUnicode_ToTitle, 0x01C6, 1, 0x01C5, 0, 0);  // ǆ
    check_mapping(MpUnicode_ToUpper, 0x01C5, 1, 0x01C4, 0, 0);
    check_mapping(MpUnicode_ToLower, 0x03A3, 1, 0x03C3, 0, 0);  // Σ
    check_mapping(MpUnicode_ToUpper, 0x0390, 3, 0x0399, 0x0308, 0x0301);
    check_mapping(MpUnicode_CaseFold, 'A', 1, 'a', 0, 0);
    check_mapping(MpUnicode_CaseFold, 0xDF, 2, 's', 's', 0);
    check_mapping(MpUnicode_CaseFold, 0x03C2, 1, 0x03C3, 0, 0);  // ς
    check_mapping(MpUnicode_CaseFold, 0x13F8, 1, 0x13F0, 0, 0);
    check_mapping(MpUnicode_CaseFold, 0x13A0, 1, 0x13A0, 0, 0);
    check_mapping(MpUnicode_CaseFold, 0x110000, 1, 0x110000, 0, 0);
}

/* NFKC of the code points in, compared with expected (m code points). */
static void
check_nfkc(const uint32_t *in, size_t n, const uint32_t *expected,
           size_t m)
{
    uint32_t out[64];
    long r = MpUnicode_NFKC(in, n, out, 64);
    assert_int_equal(r, (long)m);
    for (size_t i = 0; i < m; i++) {
        assert_int_equal(out[i], expected[i]);
    }
}

static void
test_nfkc(void **state)
{
    (void)state;
    static const uint32_t fi[] = {0xFB01}, fi_out[] = {'f', 'i'};
    check_nfkc(fi, 1, fi_out, 2);
    static const uint32_t fraktur[] = {0x1D518}, fraktur_out[] = {'U'};
    check_nfkc(fraktur, 1, fraktur_out, 1);
    /* e + combining acute composes; the order of marks is canonical. */
    static const uint32_t e[] = {'e', 0x301}, e_out[] = {0xE9};
    check_nfkc(e, 2, e_out, 1);
    static const uint32_t marks[] = {'a', 0x0301, 0x0323};
    static const uint32_t marks_out[] = {0x1EA1, 0x0301};
    check_nfkc(marks, 3, marks_out, 2);
    /* Hangul: jamo compose into a syllable, a syllable stays. */
    static const uint32_t jamo[] = {0x1100, 0x1161, 0x11A8};
    static const uint32_t jamo_out[] = {0xAC01};
    check_nfkc(jamo, 3, jamo_out, 1);
    check_nfkc(jamo_out, 1, jamo_out, 1);
    /* An excluded composite is not recomposed. */
    static const uint32_t excl[] = {0x0958}, excl_out[] = {0x0915, 0x093C};
    check_nfkc(excl, 1, excl_out, 2);
    /* ﷺ expands to 18 code points: past a small out, -1. */
    static const uint32_t sala[] = {0xFDFA};
    uint32_t out[64];
    assert_int_equal(MpUnicode_NFKC(sala, 1, out, 64), 18);
    assert_int_equal(MpUnicode_NFKC(sala, 1, out, 17), -1);
    assert_int_equal(MpUnicode_NFKC(sala, 0, out, 0), 0);
    /* A long input goes through the heap buffer. */
    static uint32_t many[1000];
    uint32_t many_out[2000];
    for (size_t i = 0; i < 1000; i++) {
        many[i] = 0xFB01;
    }
    assert_int_equal(MpUnicode_NFKC(many, 1000, many_out, 2000), 2000);
    assert_int_equal(many_out[1998], 'f');
    assert_int_equal(many_out[1999], 'i');
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_category),
        cmocka_unit_test(test_xid),
        cmocka_unit_test(test_printable_space),
        cmocka_unit_test(test_numeric),
        cmocka_unit_test(test_predicates),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_name),
        cmocka_unit_test(test_case),
        cmocka_unit_test(test_nfkc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
