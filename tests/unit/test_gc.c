/* test_gc.c — the collector's internals (gc.c): which generation list an
   object sits on, promotion of survivors, the net generation-0 count, the
   younger counts reset and the next one bumped, cycles freed, the
   permanent generation of freeze/unfreeze, dict and tuple untracking, and
   weak references to garbage cleared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "runtime_fixture.h"

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "objects/weakref.h"

typedef struct {
    MpObject *target;
    int found;
} Search;

static int
find_one(MpObject *o, void *arg)
{
    Search *s = arg;
    if (o == s->target) {
        s->found = 1;
    }
    return 0;
}

/* The generation o sits on (0, 1, 2), or -1 (untracked or frozen). */
static int
generation_of(MpObject *o)
{
    for (int g = 0; g < MP_NUM_GENERATIONS; g++) {
        Search s = {o, 0};
        MpGC_ForEach(g, find_one, &s);
        if (s.found) {
            return g;
        }
    }
    return -1;
}

static int
setup(void **state)
{
    if (runtime_setup(state) != 0) {
        return -1;
    }
    MpGC_State()->enabled = 0;  // only the collections the tests ask for
    MpGC_Collect(2);
    return 0;
}

static void
test_promotion(void **state)
{
    (void)state;
    MpObject *l = MpList_New(0);
    assert_true(MpObject_GC_IsTracked(l));
    assert_int_equal(generation_of(l), 0);
    int gen1 = MpGC_GetCount(1);
    MpGC_Collect(0);
    assert_int_equal(generation_of(l), 1);  // survivors move up
    assert_int_equal(MpGC_GetCount(0), 0);
    assert_int_equal(MpGC_GetCount(1), gen1 + 1);
    int gen2 = MpGC_GetCount(2);
    MpGC_Collect(1);
    assert_int_equal(generation_of(l), 2);
    assert_int_equal(MpGC_GetCount(1), 0);
    assert_int_equal(MpGC_GetCount(2), gen2 + 1);
    MpGC_Collect(2);
    assert_int_equal(generation_of(l), 2);  // the oldest stays
    Mp_DECREF(l);
}

static void
test_net_count(void **state)
{
    (void)state;
    MpGC_Collect(0);
    assert_int_equal(MpGC_GetCount(0), 0);
    MpObject *a = MpList_New(0);
    MpObject *b = MpList_New(0);
    assert_int_equal(MpGC_GetCount(0), 2);
    Mp_DECREF(a);
    assert_int_equal(MpGC_GetCount(0), 1);  // deallocations count back
    Mp_DECREF(b);
    assert_int_equal(MpGC_GetCount(0), 0);
}

static void
test_cycle_freed(void **state)
{
    (void)state;
    MpGC_Collect(2);
    MpObject *a = MpList_New(0);
    MpObject *b = MpList_New(0);
    assert_int_equal(MpList_Append(a, b), 0);
    assert_int_equal(MpList_Append(b, a), 0);
    MpObject *keep = MpList_New(0);
    assert_int_equal(MpList_Append(keep, a), 0);  // reachable from outside
    Mp_DECREF(a);
    Mp_DECREF(b);
    assert_int_equal(MpGC_Collect(0), 0);
    assert_int_equal(generation_of(a), 1);
    Mp_DECREF(keep);  // keep dies; a <-> b is now a garbage cycle
    assert_int_equal(MpGC_Collect(2), 2);
}

static void
test_freeze(void **state)
{
    (void)state;
    MpGC_Collect(2);
    MpObject *a = MpList_New(0);
    assert_int_equal(MpList_Append(a, a), 0);
    MpGC_Freeze();
    assert_true(MpGC_FreezeCount() >= 1);
    assert_int_equal(generation_of(a), -1);  // on the permanent list
    assert_int_equal(MpGC_GetCount(0), 0);
    Mp_DECREF(a);                            // garbage, but frozen
    assert_int_equal(MpGC_Collect(2), 0);
    MpGC_Unfreeze();
    assert_int_equal(MpGC_FreezeCount(), 0);
    assert_int_equal(MpGC_Collect(2), 1);
}

static void
test_untracking(void **state)
{
    (void)state;
    MpObject *d = MpDict_New();
    assert_false(MpObject_GC_IsTracked(d));  // created untracked
    MpObject *one = MpLong_FromInt64(1);
    assert_int_equal(MpDict_SetItemString(d, "a", one), 0);
    assert_false(MpObject_GC_IsTracked(d));  // atoms only
    MpObject *l = MpList_New(0);
    assert_int_equal(MpDict_SetItemString(d, "l", l), 0);
    assert_true(MpObject_GC_IsTracked(d));  // a container came in
    assert_int_equal(MpDict_DelItemString(d, "l"), 0);
    assert_true(MpObject_GC_IsTracked(d));  // stays until...
    MpGC_Collect(1);
    assert_true(MpObject_GC_IsTracked(d));  // ...a full collection
    MpGC_Collect(2);
    assert_false(MpObject_GC_IsTracked(d));

    MpObject *atoms = MpTuple_Pack(2, one, one);
    MpObject *holds = MpTuple_Pack(2, one, l);
    assert_true(MpObject_GC_IsTracked(atoms));
    MpGC_Collect(0);  // tuples are examined by every collection
    assert_false(MpObject_GC_IsTracked(atoms));
    assert_true(MpObject_GC_IsTracked(holds));
    MpObject *nested = MpTuple_Pack(1, atoms);
    MpGC_Collect(0);
    assert_false(MpObject_GC_IsTracked(nested));
    Mp_DECREF(nested);
    Mp_DECREF(atoms);
    Mp_DECREF(holds);
    Mp_DECREF(l);
    Mp_DECREF(one);
    Mp_DECREF(d);
}

static void
test_weakref_to_garbage(void **state)
{
    (void)state;
    MpGC_Collect(2);
    MpObject *m = MpModule_New("cyclic");
    assert_non_null(m);
    assert_int_equal(
        MpDict_SetItemString(MpModule_GetDict(m), "self", m), 0);
    MpObject *wr = MpWeakref_NewRef(m, NULL);
    assert_non_null(wr);
    assert_int_equal(MpWeakref_Count(m), 1);
    assert_ptr_equal(MpWeakref_GetObject(wr), m);
    Mp_DECREF(m);
    assert_ptr_equal(MpWeakref_GetObject(wr), m);  // the cycle keeps it
    assert_true(MpGC_Collect(2) >= 2);             // module and its dict
    assert_ptr_equal(MpWeakref_GetObject(wr), Mp_None);
    Mp_DECREF(wr);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_promotion),
        cmocka_unit_test(test_net_count),
        cmocka_unit_test(test_cycle_freed),
        cmocka_unit_test(test_freeze),
        cmocka_unit_test(test_untracking),
        cmocka_unit_test(test_weakref_to_garbage),
    };
    return cmocka_run_group_tests(tests, setup, runtime_teardown);
}
