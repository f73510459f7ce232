/* runtime_fixture.h — starting and stopping the interpreter around a group
   of unit tests that need objects (the types ready, the small ints, the
   builtins).  Included by the test files of the object layer. */
#ifndef MP_TEST_RUNTIME_FIXTURE_H
#define MP_TEST_RUNTIME_FIXTURE_H

#include "runtime.h"

static int
runtime_setup(void **state)
{
    (void)state;
    static char *argv[] = {(char *)"", NULL};
    return MpRuntime_Init(1, argv, "");
}

static int
runtime_teardown(void **state)
{
    (void)state;
    return MpRuntime_Fini(0);
}

#endif
