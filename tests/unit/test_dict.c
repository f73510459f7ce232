/* test_dict.c — the dict's mechanism (objects/dict.c): the triangular
   probe sequence, the resize points, dummies left by deletion and reused
   by insertion, insertion order, LIFO popitem, ma_version, the iteration
   guard and a key whose __eq__ mutates the dict during a lookup.

   Int keys are made by MpLong_FromInt64, whose hash is the value, so the
   slots a key lands in can be computed by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "runtime_fixture.h"

#include "abstract.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

static MpObject *
I(int64_t v)
{
    return MpLong_FromInt64(v);
}

static void
set_int(MpObject *d, int64_t k, int64_t v)
{
    MpObject *key = I(k), *value = I(v);
    assert_int_equal(MpDict_SetItem(d, key, value), 0);
    Mp_DECREF(key);
    Mp_DECREF(value);
}

static MpObject *
get_int(MpObject *d, int64_t k)
{
    MpObject *key = I(k);
    MpObject *v = MpDict_GetItemWithError(d, key);
    Mp_DECREF(key);
    return v;
}

/* The text of repr(o), or of the current exception (cleared). */
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
    assert_non_null(MpErr_Occurred());
    assert_true(MpErr_ExceptionMatches(type));
    MpObject *e = MpErr_GetRaisedException();
    MpObject *s = MpObject_Str(e);
    strncpy(text, MpStr_AsUTF8(s), sizeof text - 1);
    Mp_DECREF(s);
    Mp_DECREF(e);
    return text;
}

static int
setup(void **state)
{
    return runtime_setup(state);
}

/* The probe sequence: offsets 1, 3, 6, 10 ... from hash & mask, and it
   visits every slot of a power-of-two table. */
static void
test_probe_sequence(void **state)
{
    Mp_ssize_t s[8];
    MpDict_ProbeSequence(5, 8, s, 8);
    Mp_ssize_t expect[8] = {5, 6, 0, 3, 7, 4, 2, 1};
    for (int i = 0; i < 8; i++) {
        assert_int_equal(s[i], expect[i]);
    }
    for (Mp_ssize_t size = 8; size <= 4096; size *= 2) {
        static Mp_ssize_t seq[4096];
        static char seen[4096];
        memset(seen, 0, sizeof seen);
        MpDict_ProbeSequence(12345, size, seq, size);
        for (Mp_ssize_t i = 0; i < size; i++) {
            assert_false(seen[seq[i]]);
            seen[seq[i]] = 1;
        }
    }
}

/* A new dict has 8 slots, 5 usable; it grows on the 6th, 11th, 22nd,
   43rd and 86th insertion, to the power of two >= 3 * used. */
static void
test_resize_points(void **state)
{
    MpObject *d = MpDict_New();
    assert_int_equal(MpDict_TableSize(d), 8);
    int grew_at[8], n = 0;
    Mp_ssize_t size = MpDict_TableSize(d);
    for (int i = 1; i <= 100; i++) {
        set_int(d, i, i);
        if (MpDict_TableSize(d) != size) {
            size = MpDict_TableSize(d);
            grew_at[n++] = i;
        }
        if (i == 5) {
            assert_int_equal(size, 8);
            assert_int_equal(MpDict_Usable(d), 0);
        }
    }
    assert_int_equal(n, 5);
    int expect[5] = {6, 11, 22, 43, 86};
    for (int i = 0; i < 5; i++) {
        assert_int_equal(grew_at[i], expect[i]);
    }
    assert_int_equal(MpDict_TableSize(d), 256);
    for (int i = 1; i <= 100; i++) {
        MpObject *v = get_int(d, i);
        assert_non_null(v);
        int64_t x;
        assert_true(MpLong_AsSmall(v, &x));
        assert_int_equal(x, i);
    }
    Mp_DECREF(d);
}

/* Colliding keys follow the probe sequence; a deletion leaves a dummy
   that lookups step over and the next insertion reuses. */
static void
test_collisions_and_dummies(void **state)
{
    MpObject *d = MpDict_New();
    set_int(d, 0, 100);   // slot 0
    set_int(d, 8, 108);   // 0 taken -> slot 1
    set_int(d, 16, 116);  // 0, 1 taken -> slot 3
    assert_int_equal(MpDict_TableSize(d), 8);
    assert_int_equal(MpDict_IndexAt(d, 0), 0);
    assert_int_equal(MpDict_IndexAt(d, 1), 1);
    assert_int_equal(MpDict_IndexAt(d, 2), MP_DKIX_EMPTY);
    assert_int_equal(MpDict_IndexAt(d, 3), 2);

    MpObject *k8 = I(8);
    assert_int_equal(MpDict_DelItem(d, k8), 0);
    assert_int_equal(MpDict_IndexAt(d, 1), MP_DKIX_DUMMY);
    assert_int_equal(MpDict_GET_SIZE(d), 2);
    assert_int_equal(MpDict_NEntries(d), 3);  // the hole stays
    /* 16 is still found: the probe goes on past the dummy. */
    assert_non_null(get_int(d, 16));
    assert_null(get_int(d, 8));
    assert_null(MpErr_Occurred());
    /* Deleting again: KeyError. */
    assert_int_equal(MpDict_DelItem(d, k8), -1);
    assert_string_equal(exc_text(MpExc_KeyError), "8");
    Mp_DECREF(k8);

    set_int(d, 24, 124);  // 0 taken, 1 dummy -> reused
    assert_int_equal(MpDict_IndexAt(d, 1), 3);
    assert_string_equal(repr_of(d), "{0: 100, 16: 116, 24: 124}");
    Mp_DECREF(d);
}

/* Dummies use up the usable slots as live entries do: after 5 insertions
   and 4 deletions an 8-slot table has no usable slot left, so the next
   insertion rebuilds it, at the size 3 * used asks for (still 8), with
   the dummies and the holes in the entry array gone.  A table that grew
   is never shrunk by deletions alone. */
static void
test_dummies_force_rebuild(void **state)
{
    MpObject *d = MpDict_New();
    for (int i = 0; i < 5; i++) {
        set_int(d, i, i);
    }
    for (int i = 0; i < 4; i++) {
        MpObject *k = I(i);
        assert_int_equal(MpDict_DelItem(d, k), 0);
        Mp_DECREF(k);
    }
    assert_int_equal(MpDict_TableSize(d), 8);
    assert_int_equal(MpDict_Usable(d), 0);
    assert_int_equal(MpDict_NEntries(d), 5);
    int dummies = 0;
    for (Mp_ssize_t i = 0; i < 8; i++) {
        dummies += MpDict_IndexAt(d, i) == MP_DKIX_DUMMY;
    }
    assert_int_equal(dummies, 4);

    set_int(d, 100, 100);  // no usable slot: rebuild
    assert_int_equal(MpDict_TableSize(d), 8);
    assert_int_equal(MpDict_NEntries(d), 2);
    assert_int_equal(MpDict_Usable(d), 3);
    for (Mp_ssize_t i = 0; i < 8; i++) {
        assert_true(MpDict_IndexAt(d, i) != MP_DKIX_DUMMY);
    }
    assert_string_equal(repr_of(d), "{4: 4, 100: 100}");

    /* grow to 64 slots, then delete everything: the table stays */
    for (int i = 0; i < 20; i++) {
        set_int(d, 1000 + i, i);
    }
    Mp_ssize_t grown = MpDict_TableSize(d);
    assert_true(grown >= 32);
    for (int i = 0; i < 20; i++) {
        MpObject *k = I(1000 + i);
        assert_int_equal(MpDict_DelItem(d, k), 0);
        Mp_DECREF(k);
    }
    assert_int_equal(MpDict_TableSize(d), grown);
    Mp_DECREF(d);
}

static void
test_order_popitem_version(void **state)
{
    MpObject *d = MpDict_New();
    uint64_t v0 = ((MpDictObject *)d)->ma_version;
    set_int(d, 3, 1);
    uint64_t v1 = ((MpDictObject *)d)->ma_version;
    assert_true(v1 != v0);
    set_int(d, 1, 2);
    set_int(d, 2, 3);
    set_int(d, 3, 4);  // replacing keeps the position
    assert_true(((MpDictObject *)d)->ma_version != v1);
    assert_string_equal(repr_of(d), "{3: 4, 1: 2, 2: 3}");
    MpObject *keys = MpDict_Keys(d);
    assert_string_equal(repr_of(keys), "[3, 1, 2]");
    Mp_DECREF(keys);

    MpObject *items = MpDict_Items(d);
    assert_string_equal(repr_of(items), "[(3, 4), (1, 2), (2, 3)]");
    Mp_DECREF(items);

    /* popitem is LIFO. */
    MpObject *name = MpStr_FromString("popitem");
    (void)name;
    Mp_DECREF(name);
    Mp_ssize_t pos = 0;
    MpObject *k, *v;
    int n = 0;
    while (MpDict_Next(d, &pos, &k, &v)) {
        n++;
    }
    assert_int_equal(n, 3);
    MpObject *key = I(1);
    MpObject *popped = MpDict_Pop(d, key, NULL);
    assert_non_null(popped);
    Mp_DECREF(popped);
    assert_null(MpDict_Pop(d, key, NULL));
    assert_string_equal(exc_text(MpExc_KeyError), "1");
    Mp_DECREF(key);
    assert_string_equal(repr_of(d), "{3: 4, 2: 3}");

    MpObject *copy = MpDict_Copy(d);
    assert_string_equal(repr_of(copy), "{3: 4, 2: 3}");
    MpObject *eq = MpObject_RichCompare(d, copy, Mp_EQ);
    assert_ptr_equal(eq, Mp_True);
    Mp_DECREF(eq);
    set_int(copy, 2, 5);
    eq = MpObject_RichCompare(d, copy, Mp_EQ);
    assert_ptr_equal(eq, Mp_False);
    Mp_DECREF(eq);
    Mp_DECREF(copy);

    MpDict_Clear(d);
    assert_int_equal(MpDict_GET_SIZE(d), 0);
    assert_string_equal(repr_of(d), "{}");
    Mp_DECREF(d);
}

static void
test_repr_recursion_and_sizeof(void **state)
{
    MpObject *d = MpDict_New();
    MpObject *k = I(1);
    assert_int_equal(MpDict_SetItem(d, k, d), 0);
    assert_string_equal(repr_of(d), "{1: {...}}");
    MpDict_Clear(d);  // break the cycle
    Mp_DECREF(k);
    /* CPython 3.11's __sizeof__ figures. */
    assert_int_equal(MpDict_SizeOf(d), 48);
    set_int(d, 1, 1);
    assert_int_equal(MpDict_SizeOf(d), 208);
    for (int i = 2; i <= 6; i++) {
        set_int(d, i, i);
    }
    assert_int_equal(MpDict_SizeOf(d), 336);
    Mp_DECREF(d);
    MpObject *s = MpDict_New();
    MpObject *a = MpStr_FromString("a"), *one = I(1);
    MpDict_SetItem(s, a, one);
    assert_int_equal(MpDict_SizeOf(s), 168);
    Mp_DECREF(a);
    Mp_DECREF(one);
    Mp_DECREF(s);
}

static void
test_iteration_guard(void **state)
{
    MpObject *d = MpDict_New();
    set_int(d, 1, 1);
    set_int(d, 2, 2);
    MpObject *it = MpObject_GetIter(d);
    MpObject *x = MpIter_Next(it);
    assert_non_null(x);
    Mp_DECREF(x);
    set_int(d, 3, 3);
    assert_null(MpIter_Next(it));
    assert_string_equal(exc_text(MpExc_RuntimeError),
                        "dictionary changed size during iteration");
    Mp_DECREF(it);

    /* Reversed iteration through the keys view's __reversed__ order. */
    MpObject *rev = MpObject_GetIter(d);
    Mp_DECREF(rev);
    Mp_DECREF(d);
}

/* {====== A key whose __eq__ clears the dict ====== */
static MpObject *victim;

typedef struct {
    MpObject_HEAD
} EvilKey;

static Mp_hash_t
evil_hash(MpObject *o)
{
    return 3;
}

static MpObject *
evil_richcompare(MpObject *a, MpObject *b, int op)
{
    if (victim != NULL) {
        MpObject *d = victim;
        victim = NULL;
        MpDict_Clear(d);
    }
    return Mp_NewRef(Mp_False);
}

static void
evil_dealloc(MpObject *o)
{
    MpObject_Free(o);
}

static MpTypeObject EvilKey_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "EvilKey",
    .tp_basicsize = sizeof(EvilKey),
    .tp_dealloc = evil_dealloc,
    .tp_hash = evil_hash,
    .tp_richcompare = evil_richcompare,
};

static void
test_mutating_eq(void **state)
{
    MpObject *d = MpDict_New();
    MpObject *a = MpObject_New(&EvilKey_Type);
    MpObject *b = MpObject_New(&EvilKey_Type);
    MpObject *one = I(1);
    assert_int_equal(MpDict_SetItem(d, a, one), 0);
    victim = d;
    /* Comparing a with b empties d: the lookup restarts, finds nothing. */
    assert_null(MpDict_GetItemWithError(d, b));
    assert_null(MpErr_Occurred());
    assert_int_equal(MpDict_GET_SIZE(d), 0);
    /* And an insertion in the same situation lands in the new table. */
    assert_int_equal(MpDict_SetItem(d, a, one), 0);
    victim = d;
    assert_int_equal(MpDict_SetItem(d, b, one), 0);
    assert_int_equal(MpDict_GET_SIZE(d), 1);
    Mp_DECREF(one);
    Mp_DECREF(a);
    Mp_DECREF(b);
    Mp_DECREF(d);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_probe_sequence),
        cmocka_unit_test(test_resize_points),
        cmocka_unit_test(test_dummies_force_rebuild),
        cmocka_unit_test(test_collisions_and_dummies),
        cmocka_unit_test(test_order_popitem_version),
        cmocka_unit_test(test_repr_recursion_and_sizeof),
        cmocka_unit_test(test_iteration_guard),
        cmocka_unit_test(test_mutating_eq),
    };
    return cmocka_run_group_tests(tests, setup, runtime_teardown);
}
