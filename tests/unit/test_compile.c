/* test_compile.c — the code generator (compile.c): instruction sequences,
   co_stacksize, constants, names, qualnames and compile-time errors, on
   small sources parsed with MpParse_Source and compiled with MpCompile. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "compile.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "opcodes.h"
#include "parse.h"
#include "runtime.h"

#define END (-1)

static int
setup_runtime(void **state)
{
    (void)state;
    return MpRuntime_Init(0, NULL, "") < 0 ? -1 : 0;
}

/* Compiles src as a module; NULL with *err filled on a compile error. */
static MpCodeObject *
compile_src(const char *src, MpSyntaxError *err)
{
    MpArena *arena = MpArena_New();
    assert_non_null(arena);
    MpNode *tree = MpParse_Source(src, strlen(src), "t.py", MP_MODE_FILE,
                                  arena, err);
    assert_non_null(tree);
    MpObject *fname = MpStr_FromString("t.py");
    MpObject *co = MpCompile(tree, fname, 0, err);
    Mp_DECREF(fname);
    MpArena_Free(arena);
    return (MpCodeObject *)co;
}

static MpCodeObject *
compile_ok(const char *src)
{
    MpSyntaxError err;
    MpCodeObject *co = compile_src(src, &err);
    if (co == NULL) {
        fail_msg("compile failed: %s (line %d)", err.msg, err.lineno);
    }
    return co;
}

/* Checks co's opcodes against the END-terminated list. */
static void
check_ops(const MpCodeObject *co, ...)
{
    va_list ap;
    va_start(ap, co);
    Mp_ssize_t i = 0;
    for (int op = va_arg(ap, int); op != END; op = va_arg(ap, int), i++) {
        assert_true(i < co->co_ncode);
        if ((int)Mp_OP(co->co_code[i]) != op) {
            fail_msg("instruction %d: opcode %d, expected %d", (int)i,
                     (int)Mp_OP(co->co_code[i]), op);
        }
    }
    va_end(ap);
    assert_int_equal(i, co->co_ncode);
}

/* The code object constant of co named name. */
static MpCodeObject *
inner_code(const MpCodeObject *co, const char *name)
{
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(co->co_consts); i++) {
        MpObject *k = MpTuple_GET_ITEM(co->co_consts, i);
        if (MpCode_Check(k) &&
            strcmp(MpStr_AsUTF8(((MpCodeObject *)k)->co_name), name) == 0) {
            return (MpCodeObject *)k;
        }
    }
    fail_msg("no code object %s", name);
    return NULL;
}

static void
expect_error(const char *src, const char *msg, int lineno)
{
    MpSyntaxError err;
    MpCodeObject *co = compile_src(src, &err);
    if (co != NULL) {
        Mp_DECREF(co);
        fail_msg("compiled: %s", src);
    }
    assert_int_equal(err.kind, MP_ERR_SYNTAX);
    assert_string_equal(err.msg, msg);
    assert_int_equal(err.lineno, lineno);
}

/* Module-level assignment: *_NAME, the implicit `return None`. */
static void
test_assign(void **state)
{
    MpCodeObject *co = compile_ok("x = 1 + 2\n");
    check_ops(co, LOAD_CONST, LOAD_CONST, BINARY_OP, STORE_NAME, LOAD_CONST,
              RETURN_VALUE, END);
    assert_int_equal(Mp_ARG(co->co_code[2]), MP_BINOP_ADD);
    assert_int_equal(co->co_stacksize, 2);
    assert_int_equal(co->co_locs[0].lineno, 1);
    assert_int_equal(co->co_locs[0].col, 4);
    Mp_DECREF(co);
}

/* Calls: PUSH_NULL + callable, KW_NAMES, LOAD_METHOD for obj.m(). */
static void
test_calls(void **state)
{
    MpCodeObject *co = compile_ok("f(1, k=2)\no.m(3)\n");
    check_ops(co, PUSH_NULL, LOAD_NAME, LOAD_CONST, LOAD_CONST, KW_NAMES,
              CALL, POP_TOP, LOAD_NAME, LOAD_METHOD, LOAD_CONST, CALL,
              POP_TOP, LOAD_CONST, RETURN_VALUE, END);
    assert_int_equal(Mp_ARG(co->co_code[5]), 2);
    assert_int_equal(Mp_ARG(co->co_code[10]), 1);
    assert_int_equal(co->co_stacksize, 4);
    Mp_DECREF(co);
    /* f(*a): a itself goes to CALL_FUNCTION_EX, which makes the tuple
       (and names f in its error); with more arguments a list is built. */
    co = compile_ok("f(*a, **k)\n");
    check_ops(co, PUSH_NULL, LOAD_NAME, LOAD_NAME, BUILD_MAP, LOAD_NAME,
              DICT_MERGE, CALL_FUNCTION_EX, POP_TOP, LOAD_CONST,
              RETURN_VALUE, END);
    Mp_DECREF(co);
    co = compile_ok("f(x, *a)\n");
    check_ops(co, PUSH_NULL, LOAD_NAME, LOAD_NAME, BUILD_LIST, LOAD_NAME,
              LIST_EXTEND, LIST_TO_TUPLE, CALL_FUNCTION_EX, POP_TOP,
              LOAD_CONST, RETURN_VALUE, END);
    Mp_DECREF(co);
}

/* a < b < c: the middle operand kept with SWAP/COPY, a clean-up path. */
static void
test_compare_chain(void **state)
{
    MpCodeObject *co = compile_ok("a < b < c\n");
    check_ops(co, LOAD_NAME, LOAD_NAME, SWAP, COPY, COMPARE_OP,
              JUMP_IF_FALSE_OR_POP, LOAD_NAME, COMPARE_OP, JUMP, SWAP,
              POP_TOP, POP_TOP, LOAD_CONST, RETURN_VALUE, END);
    assert_int_equal(Mp_ARG(co->co_code[4]), Mp_LT);
    assert_int_equal(Mp_ARG(co->co_code[5]), 9);  // the clean-up
    assert_int_equal(co->co_stacksize, 3);
    Mp_DECREF(co);
}

/* Functions: fast locals, globals, cells and closures, flags. */
static void
test_function_scopes(void **state)
{
    MpCodeObject *co = compile_ok("def f(a):\n"
                                  "    b = a\n"
                                  "    def g():\n"
                                  "        return b + c\n"
                                  "    return g\n");
    MpCodeObject *f = inner_code(co, "f");
    assert_int_equal(f->co_argcount, 1);
    assert_true(f->co_flags & MP_CO_OPTIMIZED);
    assert_true(f->co_flags & MP_CO_NEWLOCALS);
    assert_int_equal(f->co_ncellvars, 1);  // b
    check_ops(f, LOAD_FAST, STORE_DEREF, LOAD_CLOSURE, BUILD_TUPLE,
              LOAD_CONST, MAKE_FUNCTION, STORE_FAST, LOAD_FAST, RETURN_VALUE,
              LOAD_CONST, RETURN_VALUE, END);
    assert_int_equal(Mp_ARG(f->co_code[5]), 8);
    MpCodeObject *g = inner_code(f, "g");
    assert_string_equal(MpStr_AsUTF8(g->co_qualname), "f.<locals>.g");
    assert_true(g->co_flags & MP_CO_NESTED);
    check_ops(g, LOAD_DEREF, LOAD_GLOBAL, BINARY_OP, RETURN_VALUE,
              LOAD_CONST, RETURN_VALUE, END);
    /* No docstring: None at co_consts[0]. */
    assert_ptr_equal(MpTuple_GET_ITEM(g->co_consts, 0), Mp_None);
    Mp_DECREF(co);
}

/* Docstrings and qualnames of methods, lambdas, comprehensions. */
static void
test_qualnames_and_docs(void **state)
{
    MpCodeObject *co = compile_ok("class C:\n"
                                  "    def m(self):\n"
                                  "        'doc'\n"
                                  "        return [x for x in self]\n"
                                  "f = lambda: 'x'\n");
    MpCodeObject *cls = inner_code(co, "C");
    MpCodeObject *m = inner_code(cls, "m");
    assert_string_equal(MpStr_AsUTF8(m->co_qualname), "C.m");
    assert_string_equal(MpStr_AsUTF8(MpTuple_GET_ITEM(m->co_consts, 0)),
                        "doc");
    MpCodeObject *lc = inner_code(m, "<listcomp>");
    assert_string_equal(MpStr_AsUTF8(lc->co_qualname),
                        "C.m.<locals>.<listcomp>");
    assert_int_equal(lc->co_argcount, 1);
    MpCodeObject *lam = inner_code(co, "<lambda>");
    assert_ptr_equal(MpTuple_GET_ITEM(lam->co_consts, 0), Mp_None);
    Mp_DECREF(co);
}

/* Constants: equal values share a slot, 1 / 1.0 / True and 0.0 / -0.0 do
   not. */
static void
test_constants(void **state)
{
    MpCodeObject *co = compile_ok("a = 1\nb = 1.0\nc = True\nd = 1\n"
                                  "e = 1.0\n");
    /* 1, 1.0, True, None */
    assert_int_equal(MpTuple_GET_SIZE(co->co_consts), 4);
    Mp_DECREF(co);
}

/* try/except/finally and with: the handler shapes and their depth. */
static void
test_try_with_depth(void **state)
{
    MpCodeObject *co = compile_ok("try:\n"
                                  "    f()\n"
                                  "except E as e:\n"
                                  "    g()\n"
                                  "finally:\n"
                                  "    h()\n");
    assert_int_equal(Mp_OP(co->co_code[0]), SETUP_FINALLY);
    assert_int_equal(Mp_OP(co->co_code[1]), SETUP_FINALLY);
    assert_true(co->co_stacksize >= 4);
    assert_true(co->co_stacksize <= 6);
    Mp_DECREF(co);
    co = compile_ok("with m as v:\n    pass\n");
    check_ops(co, LOAD_NAME, BEFORE_WITH, STORE_NAME, SETUP_FINALLY,
              POP_BLOCK, LOAD_CONST, LOAD_CONST, LOAD_CONST, CALL, POP_TOP,
              JUMP,
              /* handler */
              PUSH_EXC_INFO, SETUP_FINALLY, COPY, COPY, WITH_EXCEPT_START,
              POP_JUMP_IF_TRUE, POP_TOP, POP_TOP, POP_BLOCK, SWAP,
              POP_EXCEPT, RERAISE,
              /* suppressed */
              POP_TOP, POP_TOP, POP_BLOCK, POP_TOP, POP_EXCEPT, POP_TOP, JUMP,
              /* raised by __exit__ */
              COPY, POP_EXCEPT, RERAISE, LOAD_CONST, RETURN_VALUE, END);
    assert_int_equal(co->co_stacksize, 6);
    Mp_DECREF(co);
}

/* Loops: FOR_ITER, break pops the iterator, continue jumps back. */
static void
test_loops(void **state)
{
    MpCodeObject *co = compile_ok("for x in y:\n"
                                  "    if x: break\n"
                                  "    continue\n");
    check_ops(co, LOAD_NAME, GET_ITER, FOR_ITER, STORE_NAME, LOAD_NAME,
              POP_JUMP_IF_FALSE, POP_TOP, JUMP, JUMP, JUMP, LOAD_CONST,
              RETURN_VALUE, END);
    assert_int_equal(Mp_ARG(co->co_code[8]), 2);   // continue
    assert_int_equal(Mp_ARG(co->co_code[7]), 10);  // break
    Mp_DECREF(co);
}

/* Unpacking targets. */
static void
test_unpack(void **state)
{
    MpCodeObject *co = compile_ok("a, *b, c = x\n");
    assert_int_equal(Mp_OP(co->co_code[1]), UNPACK_EX);
    assert_int_equal(Mp_ARG(co->co_code[1]), (1 << 8) | 1);
    Mp_DECREF(co);
}

static void
test_errors(void **state)
{
    expect_error("x = 1\nbreak\n", "'break' outside loop", 2);
    expect_error("continue\n", "'continue' not properly in loop", 1);
    expect_error("def f():\n    pass\nreturn 1\n",
                 "'return' outside function", 3);
    expect_error("a, *b, *c = x\n",
                 "multiple starred expressions in assignment", 1);
    expect_error("*a = x\n",
                 "starred assignment target must be in a list or tuple", 1);
    expect_error("print(*a)\nx = *a\n", "can't use starred expression here",
                 2);
    expect_error("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
                 "default 'except:' must be last", 3);
    expect_error("async def f():\n    pass\n",
                 "'async def' is not supported by minipy", 1);
    expect_error("match x:\n    case 1:\n        pass\n",
                 "'match' is not supported by minipy", 1);
    expect_error("def f():\n    return await g()\n",
                 "'await' is not supported by minipy", 2);
    expect_error("x = 1\ntry:\n    pass\nexcept* E:\n    pass\n",
                 "'except*' is not supported by minipy", 4);
    expect_error("def f():\n    async for x in y:\n        pass\n",
                 "'async for' is not supported by minipy", 2);
    expect_error("def f():\n    return [x async for x in y]\n",
                 "asynchronous comprehension is not supported by minipy", 2);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assign),
        cmocka_unit_test(test_calls),
        cmocka_unit_test(test_compare_chain),
        cmocka_unit_test(test_function_scopes),
        cmocka_unit_test(test_qualnames_and_docs),
        cmocka_unit_test(test_constants),
        cmocka_unit_test(test_try_with_depth),
        cmocka_unit_test(test_loops),
        cmocka_unit_test(test_unpack),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
