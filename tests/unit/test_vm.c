/* test_vm.c — the eval loop (vm.c), functions and calls (func.c), code
   objects (code.c), generators (gen.c) and tracebacks (traceback.c), on
   hand-assembled code objects: the compiler is not needed to test them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "abstract.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "runtime.h"
#include "traceback.h"
#include "vm.h"

#define I(op, arg) Mp_INSTR(op, arg)

/* A tuple of str from C strings. */
static MpObject *
strs(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    MpObject *t = MpTuple_New(n);
    for (int i = 0; i < n; i++) {
        MpTuple_SET_ITEM(t, i, MpStr_InternFromString(va_arg(ap, char *)));
    }
    va_end(ap);
    return t;
}

/* A code object; instruction i is on line i + 1, columns unknown.
   Refs: STEALS consts, names, varnames. */
static MpObject *
mkcode(const char *name, const MpInstr *ins, int n, MpObject *consts,
       MpObject *names, MpObject *varnames, int argcount, int flags)
{
    MpInstr *code = malloc(sizeof(MpInstr) * (size_t)n);
    MpCodeLoc *locs = malloc(sizeof(MpCodeLoc) * (size_t)n);
    memcpy(code, ins, sizeof(MpInstr) * (size_t)n);
    for (int i = 0; i < n; i++) {
        locs[i] = (MpCodeLoc){i + 1, i + 1, -1, -1};
    }
    MpObject *empty = MpTuple_New(0);
    MpObject *file = MpStr_FromString("t.py");
    MpObject *nm = MpStr_FromString(name);
    MpObject *co = MpCode_New(argcount, 0, 0, 16, flags, 1, code, locs, n,
                              consts, names, varnames, empty, empty, file,
                              nm, nm);
    Mp_DECREF(empty);
    Mp_DECREF(file);
    Mp_DECREF(nm);
    Mp_DECREF(consts);
    Mp_DECREF(names);
    Mp_DECREF(varnames);
    return co;
}

static MpObject *
ints(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    MpObject *t = MpTuple_New(n);
    for (int i = 0; i < n; i++) {
        MpTuple_SET_ITEM(t, i, MpLong_FromInt64(va_arg(ap, int)));
    }
    va_end(ap);
    return t;
}

static MpObject *globals;

static int
setup(void **state)
{
    static int done;
    if (!done) {
        done = 1;
        if (MpRuntime_Init(0, NULL, ".") < 0) {
            return -1;
        }
        MpTypeObject *mine[] = {&MpFunction_Type, &MpCell_Type,
                                &MpMethod_Type,   &MpCFunction_Type,
                                &MpCode_Type,     &MpGen_Type,
                                &MpFrame_Type,    &MpTraceback_Type};
        for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++) {
            if (MpType_Ready(mine[i]) < 0) {
                return -1;
            }
        }
    }
    globals = MpDict_New();
    MpDict_SetItemString(globals, "__name__",
                         MpStr_InternFromString("__main__"));
    MpDict_SetItemString(globals, "ZeroDivisionError",
                         MpExc_ZeroDivisionError);
    return 0;
}

static int
teardown(void **state)
{
    Mp_CLEAR(&globals);
    MpErr_Clear();
    return 0;
}

static int64_t
run_int(MpObject *co)
{
    MpObject *r = MpEval_Code((MpCodeObject *)co, globals, globals);
    if (r == NULL) {
        MpTraceback_Print(MpErr_Occurred(), stderr);
    }
    assert_non_null(r);
    assert_true(MpLong_Check(r));
    int64_t v = MpLong_AsInt64(r);
    Mp_DECREF(r);
    return v;
}

/* LOAD_CONST, BINARY_OP's small-int path, RETURN_VALUE. */
static void
test_add(void **state)
{
    MpInstr ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1),
                     I(BINARY_OP, MP_BINOP_ADD), I(RETURN_VALUE, 0)};
    MpObject *co = mkcode("<module>", ins, 4, ints(2, 2, 3), strs(0),
                          strs(0), 0, 0);
    assert_int_equal(run_int(co), 5);
    Mp_DECREF(co);
}

/* A while loop over fast locals: COMPARE_OP, POP_JUMP_IF_FALSE, JUMP. */
static void
test_loop(void **state)
{
    MpInstr ins[] = {
        I(LOAD_CONST, 0),  I(STORE_FAST, 0), I(LOAD_CONST, 0),
        I(STORE_FAST, 1),  I(LOAD_FAST, 0),  I(LOAD_CONST, 1),
        I(COMPARE_OP, Mp_LT), I(POP_JUMP_IF_FALSE, 17), I(LOAD_FAST, 1),
        I(LOAD_FAST, 0),   I(BINARY_OP, MP_BINOP_INPLACE + MP_BINOP_ADD),
        I(STORE_FAST, 1),  I(LOAD_FAST, 0),  I(LOAD_CONST, 2),
        I(BINARY_OP, MP_BINOP_INPLACE + MP_BINOP_ADD), I(STORE_FAST, 0),
        I(JUMP, 4),        I(LOAD_FAST, 1),  I(RETURN_VALUE, 0)};
    MpObject *co = mkcode("<module>", ins, 19, ints(3, 0, 100000, 1),
                          strs(0), strs(2, "i", "s"), 0, 0);
    assert_int_equal(run_int(co), 4999950000LL);
    Mp_DECREF(co);
}

/* MAKE_FUNCTION with defaults, an inlined CALL, and binding errors. */
static void
test_call(void **state)
{
    MpInstr fins[] = {I(LOAD_FAST, 0), I(LOAD_FAST, 1),
                      I(BINARY_OP, MP_BINOP_SUBTRACT), I(RETURN_VALUE, 0)};
    MpObject *f = mkcode("f", fins, 4, strs(0), strs(0), strs(2, "x", "y"),
                         2, MP_CO_OPTIMIZED | MP_CO_NEWLOCALS);
    MpObject *consts = MpTuple_New(3);
    MpTuple_SET_ITEM(consts, 0, ints(1, 10));
    MpTuple_SET_ITEM(consts, 1, f);
    MpTuple_SET_ITEM(consts, 2, MpLong_FromInt64(3));
    MpInstr ins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1),
                     I(MAKE_FUNCTION, 1), I(STORE_NAME, 0), I(PUSH_NULL, 0),
                     I(LOAD_NAME, 0), I(LOAD_CONST, 2), I(CALL, 1),
                     I(RETURN_VALUE, 0)};
    MpObject *co = mkcode("<module>", ins, 9, consts, strs(1, "f"), strs(0),
                          0, 0);
    assert_int_equal(run_int(co), -7);

    /* f() from C: the binding error. */
    MpObject *fn = MpDict_GetItemString(globals, "f");
    assert_non_null(fn);
    MpObject *r = MpObject_Vectorcall(fn, NULL, 0, NULL);
    assert_null(r);
    MpObject *exc = MpErr_GetRaisedException();
    MpObject *msg = MpObject_Str(exc);
    assert_string_equal(MpStr_AsUTF8(msg),
                        "f() missing 1 required positional argument: 'x'");
    Mp_DECREF(msg);
    Mp_DECREF(exc);
    MpObject *args[3];
    for (int i = 0; i < 3; i++) {
        args[i] = MpLong_FromInt64(i);
    }
    r = MpObject_Vectorcall(fn, args, 3, NULL);
    assert_null(r);
    exc = MpErr_GetRaisedException();
    msg = MpObject_Str(exc);
    assert_string_equal(MpStr_AsUTF8(msg), "f() takes from 1 to 2 positional "
                                           "arguments but 3 were given");
    Mp_DECREF(msg);
    Mp_DECREF(exc);
    MpObject *kw = strs(1, "x");
    r = MpObject_Vectorcall(fn, args, 1, kw);
    assert_null(r);
    exc = MpErr_GetRaisedException();
    msg = MpObject_Str(exc);
    assert_string_equal(MpStr_AsUTF8(msg),
                        "f() got multiple values for argument 'x'");
    Mp_DECREF(msg);
    Mp_DECREF(exc);
    Mp_DECREF(kw);
    for (int i = 0; i < 3; i++) {
        Mp_DECREF(args[i]);
    }
    Mp_DECREF(co);
}

/* fib through LOAD_GLOBAL and inlined recursive calls; unbounded
   recursion stops at the limit with RecursionError. */
static void
test_recursion(void **state)
{
    /* def fib(n): if n < 2: return n; return fib(n-1) + fib(n-2) */
    MpInstr fins[] = {
        I(LOAD_FAST, 0),  I(LOAD_CONST, 0), I(COMPARE_OP, Mp_LT),
        I(POP_JUMP_IF_FALSE, 6), I(LOAD_FAST, 0), I(RETURN_VALUE, 0),
        I(PUSH_NULL, 0),  I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0),
        I(LOAD_CONST, 1), I(BINARY_OP, MP_BINOP_SUBTRACT), I(CALL, 1),
        I(PUSH_NULL, 0),  I(LOAD_GLOBAL, 0), I(LOAD_FAST, 0),
        I(LOAD_CONST, 0), I(BINARY_OP, MP_BINOP_SUBTRACT), I(CALL, 1),
        I(BINARY_OP, MP_BINOP_ADD), I(RETURN_VALUE, 0)};
    MpObject *fib = mkcode("fib", fins, 20, ints(2, 2, 1), strs(1, "fib"),
                           strs(1, "n"), 1, MP_CO_OPTIMIZED);
    MpObject *fn = MpFunction_New(fib, globals, NULL);
    MpDict_SetItemString(globals, "fib", fn);
    MpObject *arg = MpLong_FromInt64(20);
    MpObject *r = MpObject_Vectorcall(fn, &arg, 1, NULL);
    assert_non_null(r);
    assert_int_equal(MpLong_AsInt64(r), 6765);
    Mp_DECREF(r);
    Mp_DECREF(arg);
    Mp_DECREF(fn);
    Mp_DECREF(fib);

    /* def r(): return r() */
    MpInstr rins[] = {I(PUSH_NULL, 0), I(LOAD_GLOBAL, 0), I(CALL, 0),
                      I(RETURN_VALUE, 0)};
    MpObject *rc = mkcode("r", rins, 4, strs(0), strs(1, "r"), strs(0), 0,
                          MP_CO_OPTIMIZED);
    fn = MpFunction_New(rc, globals, NULL);
    MpDict_SetItemString(globals, "r", fn);
    r = MpObject_Vectorcall(fn, NULL, 0, NULL);
    assert_null(r);
    assert_true(MpErr_ExceptionMatches(MpExc_RecursionError));
    MpObject *exc = MpErr_GetRaisedException();
    FILE *out = tmpfile();
    MpTraceback_Print(exc, out);
    rewind(out);
    char buf[8192];
    size_t n = fread(buf, 1, sizeof buf - 1, out);
    buf[n] = '\0';
    fclose(out);
    assert_non_null(strstr(buf, "  [Previous line repeated 99"));
    assert_non_null(strstr(buf, "RecursionError: maximum recursion depth "
                                "exceeded\n"));
    Mp_DECREF(exc);
    assert_null(MpEval_CurrentFrame());
    Mp_DECREF(fn);
    Mp_DECREF(rc);
}

/* try: 1/0  except ZeroDivisionError: 'caught' — the block stack,
   PUSH_EXC_INFO, CHECK_EXC_MATCH, POP_EXCEPT. */
static void
test_try_except(void **state)
{
    MpObject *consts = MpTuple_New(3);
    MpTuple_SET_ITEM(consts, 0, MpLong_FromInt64(1));
    MpTuple_SET_ITEM(consts, 1, MpLong_FromInt64(0));
    MpTuple_SET_ITEM(consts, 2, MpStr_FromString("caught"));
    MpInstr ins[] = {
        I(SETUP_FINALLY, 6), I(LOAD_CONST, 0), I(LOAD_CONST, 1),
        I(BINARY_OP, MP_BINOP_TRUE_DIVIDE), I(POP_BLOCK, 0),
        I(RETURN_VALUE, 0),
        /* 6: the handler */
        I(PUSH_EXC_INFO, 0), I(LOAD_NAME, 0), I(CHECK_EXC_MATCH, 0),
        I(POP_JUMP_IF_FALSE, 14), I(POP_TOP, 0), I(POP_EXCEPT, 0),
        I(LOAD_CONST, 2), I(RETURN_VALUE, 0),
        /* 14 */
        I(RERAISE, 0)};
    MpObject *co = mkcode("<module>", ins, 15, consts,
                          strs(1, "ZeroDivisionError"), strs(0), 0, 0);
    MpObject *r = MpEval_Code((MpCodeObject *)co, globals, globals);
    assert_non_null(r);
    assert_string_equal(MpStr_AsUTF8(r), "caught");
    assert_null(MpErr_GetHandledException());
    Mp_DECREF(r);
    Mp_DECREF(co);
}

/* An uncaught error inside a called function: two traceback entries,
   outermost first, and the exception line. */
static void
test_traceback(void **state)
{
    MpInstr fins[] = {I(LOAD_CONST, 0), I(LOAD_CONST, 1),
                      I(BINARY_OP, MP_BINOP_TRUE_DIVIDE), I(RETURN_VALUE, 0)};
    MpObject *f = mkcode("g", fins, 4, ints(2, 1, 0), strs(0), strs(0), 0,
                         MP_CO_OPTIMIZED);
    MpObject *consts = MpTuple_New(1);
    MpTuple_SET_ITEM(consts, 0, f);
    MpInstr ins[] = {I(LOAD_CONST, 0), I(MAKE_FUNCTION, 0),
                     I(STORE_NAME, 0), I(PUSH_NULL, 0), I(LOAD_NAME, 0),
                     I(CALL, 0), I(RETURN_VALUE, 0)};
    MpObject *co = mkcode("<module>", ins, 7, consts, strs(1, "g"), strs(0),
                          0, 0);
    MpObject *r = MpEval_Code((MpCodeObject *)co, globals, globals);
    assert_null(r);
    MpObject *exc = MpErr_GetRaisedException();
    FILE *out = tmpfile();
    MpTraceback_Print(exc, out);
    rewind(out);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, out);
    buf[n] = '\0';
    fclose(out);
    assert_string_equal(buf, "Traceback (most recent call last):\n"
                             "  File \"t.py\", line 6, in <module>\n"
                             "  File \"t.py\", line 3, in g\n"
                             "ZeroDivisionError: division by zero\n");
    Mp_DECREF(exc);
    Mp_DECREF(co);
}

/* A generator yields 1 and 2, then is exhausted; its frame lives in the
   generator object. */
static void
test_generator(void **state)
{
    MpObject *consts = MpTuple_New(3);
    MpTuple_SET_ITEM(consts, 0, MpLong_FromInt64(1));
    MpTuple_SET_ITEM(consts, 1, MpLong_FromInt64(2));
    MpTuple_SET_ITEM(consts, 2, Mp_NewRef(Mp_None));
    MpInstr gins[] = {I(LOAD_CONST, 0), I(YIELD_VALUE, 0), I(POP_TOP, 0),
                      I(LOAD_CONST, 1), I(YIELD_VALUE, 0), I(POP_TOP, 0),
                      I(LOAD_CONST, 2), I(RETURN_VALUE, 0)};
    MpObject *gc = mkcode("gen", gins, 8, consts, strs(0), strs(0), 0,
                          MP_CO_OPTIMIZED | MP_CO_GENERATOR);
    MpObject *fn = MpFunction_New(gc, globals, NULL);
    MpObject *g = MpObject_Vectorcall(fn, NULL, 0, NULL);
    assert_non_null(g);
    assert_true(MpGen_Check(g));
    MpObject *v = MpIter_Next(g);
    assert_int_equal(MpLong_AsInt64(v), 1);
    Mp_DECREF(v);
    v = MpIter_Next(g);
    assert_int_equal(MpLong_AsInt64(v), 2);
    Mp_DECREF(v);
    v = MpIter_Next(g);
    assert_null(v);
    assert_null(MpErr_Occurred());
    MpObject *repr = MpObject_Repr(g);
    assert_non_null(repr);
    assert_non_null(strstr(MpStr_AsUTF8(repr), "<generator object gen at"));
    Mp_DECREF(repr);
    Mp_DECREF(g);
    Mp_DECREF(fn);
    Mp_DECREF(gc);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_add, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_call, setup, teardown),
        cmocka_unit_test_setup_teardown(test_recursion, setup, teardown),
        cmocka_unit_test_setup_teardown(test_try_except, setup, teardown),
        cmocka_unit_test_setup_teardown(test_traceback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_generator, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
