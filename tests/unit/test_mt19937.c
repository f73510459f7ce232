/* test_mt19937.c — the Mersenne Twister core (mt19937.c), against
   published reference values:
     - init_genrand(5489), the reference's default seed: the 10000th
       output is 4123659995 (the value the C++ standard requires of
       std::mt19937) and the first is 3499211612;
     - init_by_array({0x123, 0x234, 0x345, 0x456}): the first outputs of
       Matsumoto and Nishimura's mt19937ar.out;
     - the state after seeding and the doubles random() builds, as
       CPython 3.11's random.Random(1) and Random(0) give them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "mt19937.h"

static void
test_default_seed(void **state)
{
    (void)state;
    MpMT g;
    MpMT_InitGenrand(&g, 5489U);
    assert_int_equal(MpMT_Next(&g), 3499211612U);
    for (int i = 2; i < 10000; i++) {
        MpMT_Next(&g);
    }
    assert_int_equal(MpMT_Next(&g), 4123659995U);
}

static void
test_init_by_array(void **state)
{
    (void)state;
    static const uint32_t key[] = {0x123, 0x234, 0x345, 0x456};
    static const uint32_t expect[] = {1067595299U, 955945823U, 477289528U,
                                      4107218783U, 4228976476U};
    MpMT g;
    MpMT_InitByArray(&g, key, 4);
    for (int i = 0; i < 5; i++) {
        assert_int_equal(MpMT_Next(&g), expect[i]);
    }
}

static void
test_state_after_seed(void **state)
{
    (void)state;
    /* random.Random(1).getstate()[1]: the key is [1] */
    MpMT g;
    uint32_t one = 1;
    MpMT_InitByArray(&g, &one, 1);
    assert_int_equal(g.mt[0], 2147483648U);  // always 0x80000000
    assert_int_equal(g.mt[1], 163610392U);
    assert_int_equal(g.mt[623], 1781494222U);
    assert_int_equal(g.index, MP_MT_N);
}

static void
test_random_double(void **state)
{
    (void)state;
    /* random.seed(0); random.random() */
    MpMT g;
    uint32_t zero = 0;
    MpMT_InitByArray(&g, &zero, 1);
    assert_true(MpMT_Random(&g) == 0.8444218515250481);
    for (int i = 0; i < 1000; i++) {
        double x = MpMT_Random(&g);
        assert_true(x >= 0.0 && x < 1.0);
    }
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_seed),
        cmocka_unit_test(test_init_by_array),
        cmocka_unit_test(test_state_after_seed),
        cmocka_unit_test(test_random_double),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
