/* test_containers.c — tuple hashing (xxHash tuplehash), set table order
   and frozenset hash (setobject.c's rules), list growth, stable sort and
   slice assignment, range arithmetic, slice index adjustment: each value
   checked against what CPython 3.11 prints. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime_fixture.h"

#include "abstract.h"
#include "errors.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

static char text[512];

static const char *
repr_of(MpObject *o)
{
    MpObject *r = MpObject_Repr(o);
    assert_non_null(r);
    strncpy(text, MpStr_AsUTF8(r), sizeof text - 1);
    Mp_DECREF(r);
    return text;
}

static const char *
exc_text(MpObject *type)
{
    assert_true(MpErr_ExceptionMatches(type));
    MpObject *e = MpErr_GetRaisedException();
    MpObject *s = MpObject_Str(e);
    strncpy(text, MpStr_AsUTF8(s), sizeof text - 1);
    Mp_DECREF(s);
    Mp_DECREF(e);
    return text;
}

/* A list of the given small ints (a -1000 ends the arguments). */
static MpObject *
ints(int first, ...)
{
    MpObject *l = MpList_New(0);
    va_list ap;
    va_start(ap, first);
    for (int v = first; v != -1000; v = va_arg(ap, int)) {
        MpObject *x = MpLong_FromInt64(v);
        MpList_Append(l, x);
        Mp_DECREF(x);
    }
    va_end(ap);
    return l;
}

static int
setup(void **state)
{
    return runtime_setup(state);
}

static void
test_tuple(void **state)
{
    MpObject *t = MpTuple_New(0);
    assert_ptr_equal(t, MpTuple_New(0));  // the singleton
    Mp_DECREF(t);
    assert_string_equal(repr_of(t), "()");
    assert_int_equal(MpObject_Hash(t), 5740354900026072187LL);
    Mp_DECREF(t);
    MpObject *l = ints(1, 2, -1000);
    t = MpList_AsTuple(l);
    assert_int_equal(MpObject_Hash(t), -3550055125485641917LL);
    assert_string_equal(repr_of(t), "(1, 2)");
    Mp_DECREF(t);
    Mp_DECREF(l);
    l = ints(7, -1000);
    t = MpList_AsTuple(l);
    assert_string_equal(repr_of(t), "(7,)");
    Mp_DECREF(t);
    Mp_DECREF(l);
}

static void
test_set_order_and_hash(void **state)
{
    struct {
        MpObject *l;
        const char *repr;
    } cases[] = {
        {ints(3, 1, 2, -1000), "{1, 2, 3}"},
        {ints(10, 5, 100, -1000), "{10, 100, 5}"},
        {ints(100, 5, 10, 33, 17, -1000), "{33, 100, 5, 10, 17}"},
        {ints(20, 17, 14, 11, 8, 5, 2, -1000), "{2, 5, 8, 11, 14, 17, 20}"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        MpObject *s = MpSet_New(NULL);
        for (Mp_ssize_t j = 0; j < Mp_SIZE(cases[i].l); j++) {
            assert_int_equal(MpSet_Add(s, MpList_GET_ITEM(cases[i].l, j)), 0);
        }
        assert_string_equal(repr_of(s), cases[i].repr);
        Mp_DECREF(s);
        Mp_DECREF(cases[i].l);
    }
    /* set(frozenset(x)) merges table to table: what a 3.11 set display
       of constants does (BUILD_SET, then SET_UPDATE of a frozenset). */
    MpObject *src = ints(100, 5, 10, 33, 17, -1000);
    MpObject *fz = MpFrozenSet_New(src);
    MpObject *merged = MpSet_New(fz);
    assert_string_equal(repr_of(merged), "{33, 17, 100, 5, 10}");
    Mp_DECREF(merged);
    Mp_DECREF(fz);
    Mp_DECREF(src);
    MpObject *l = ints(1, 2, -1000);
    MpObject *f = MpFrozenSet_New(l);
    assert_int_equal(MpObject_Hash(f), -1826646154956904602LL);
    assert_string_equal(repr_of(f), "frozenset({1, 2})");
    Mp_DECREF(f);
    f = MpFrozenSet_New(NULL);
    assert_int_equal(MpObject_Hash(f), 133146708735736LL);
    assert_string_equal(repr_of(f), "frozenset()");
    Mp_DECREF(f);
    MpObject *s = MpSet_New(NULL);
    assert_string_equal(repr_of(s), "set()");
    assert_null(MpSet_Pop(s));
    assert_string_equal(exc_text(MpExc_KeyError), "'pop from an empty set'");
    Mp_DECREF(s);
    Mp_DECREF(l);
}

static void
test_list(void **state)
{
    MpObject *l = MpList_New(0);
    int64_t expect_alloc[] = {4, 4, 4, 4, 8, 8, 8, 8, 16};
    for (int i = 0; i < 9; i++) {
        MpObject *x = MpLong_FromInt64(i);
        MpList_Append(l, x);
        Mp_DECREF(x);
        assert_int_equal(((MpListObject *)l)->allocated, expect_alloc[i]);
    }
    Mp_DECREF(l);

    l = ints(3, 1, 2, 1, -1000);
    assert_int_equal(MpList_Sort(l), 0);
    assert_string_equal(repr_of(l), "[1, 1, 2, 3]");
    /* l[::2] = [9] : wrong size */
    MpObject *two = MpLong_FromInt64(2);
    MpObject *sl = MpSlice_New(NULL, NULL, two);
    MpObject *one = ints(9, -1000);
    assert_int_equal(MpObject_SetItem(l, sl, one), -1);
    assert_string_equal(exc_text(MpExc_ValueError),
                        "attempt to assign sequence of size 1 to extended "
                        "slice of size 2");
    MpObject *pair = ints(8, 9, -1000);
    assert_int_equal(MpObject_SetItem(l, sl, pair), 0);
    assert_string_equal(repr_of(l), "[8, 1, 9, 3]");
    assert_int_equal(MpObject_DelItem(l, sl), 0);  // del l[::2]
    assert_string_equal(repr_of(l), "[1, 3]");
    MpObject *got = MpObject_GetItem(l, sl);
    assert_string_equal(repr_of(got), "[1]");
    Mp_DECREF(got);
    Mp_DECREF(sl);
    Mp_DECREF(two);
    Mp_DECREF(one);
    Mp_DECREF(pair);

    MpList_Append(l, l);
    assert_string_equal(repr_of(l), "[1, 3, [...]]");
    MpList_SetSlice(l, 0, 3, NULL);
    Mp_DECREF(l);
}

static void
test_range_and_slice(void **state)
{
    MpObject *a = MpLong_FromInt64(0), *b = MpLong_FromInt64(10),
             *c = MpLong_FromInt64(3);
    MpObject *r = MpRange_New(a, b, c);
    assert_string_equal(repr_of(r), "range(0, 10, 3)");
    assert_int_equal(MpObject_Length(r), 4);
    MpObject *nine = MpLong_FromInt64(9), *eight = MpLong_FromInt64(8);
    assert_int_equal(MpSequence_Contains(r, nine), 1);
    assert_int_equal(MpSequence_Contains(r, eight), 0);
    MpObject *l = MpList_New(0);
    MpList_Extend(l, r);
    assert_string_equal(repr_of(l), "[0, 3, 6, 9]");
    Mp_DECREF(l);
    Mp_DECREF(r);

    Mp_ssize_t start = -100, stop = 100;
    assert_int_equal(MpSlice_AdjustIndices(10, &start, &stop, 1), 10);
    assert_int_equal(start, 0);
    assert_int_equal(stop, 10);
    MpObject *s = MpSlice_New(a, NULL, NULL);
    assert_string_equal(repr_of(s), "slice(0, None, None)");
    Mp_DECREF(s);
    Mp_DECREF(a);
    Mp_DECREF(b);
    Mp_DECREF(c);
    Mp_DECREF(nine);
    Mp_DECREF(eight);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tuple),
        cmocka_unit_test(test_set_order_and_hash),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_range_and_slice),
    };
    return cmocka_run_group_tests(tests, setup, runtime_teardown);
}
