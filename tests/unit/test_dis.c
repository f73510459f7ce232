/* test_dis.c — the disassembler (modules/dis.c): the columns of a listing
   (line numbers on the first instruction of a line, blank lines between
   lines, ">>" on jump targets), the meaning shown beside each argument
   (constants, names, locals, cells, jumps, operators), the nested code
   objects listed after their parent, and the module's dis() writing to a
   file= object and its opname/opmap tables.

   Sources are compiled with MpParse_Source + MpCompile and listed with
   MpDis_Format.  The checks name instructions the compiler cannot avoid
   emitting (a + b must load a, then b, then add) rather than whole
   listings, so that a change in code generation does not break them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "runtime_fixture.h"

#include "abstract.h"
#include "arena.h"
#include "compile.h"
#include "errors.h"
#include "modules/dis.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse.h"
#include "strbuf.h"

static int
setup(void **state)
{
    return runtime_setup(state);
}

/* Compiles src as the module "t.py".  Refs: NEW. */
static MpObject *
compile_src(const char *src)
{
    MpArena *arena = MpArena_New();
    assert_non_null(arena);
    MpSyntaxError err;
    MpNode *tree =
        MpParse_Source(src, strlen(src), "t.py", MP_MODE_FILE, arena, &err);
    if (tree == NULL) {
        fail_msg("parse failed: %s", err.msg);
    }
    MpObject *fname = MpStr_FromString("t.py");
    MpObject *co = MpCompile(tree, fname, 0, &err);
    Mp_DECREF(fname);
    MpArena_Free(arena);
    if (co == NULL) {
        fail_msg("compile failed: %s (line %d)", err.msg, err.lineno);
    }
    return co;
}

/* The code object constant of co named name.  Refs: BORROWED. */
static MpObject *
code_const(MpObject *co, const char *name)
{
    MpObject *consts = ((MpCodeObject *)co)->co_consts;
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(consts); i++) {
        MpObject *c = MpTuple_GET_ITEM(consts, i);
        if (MpCode_Check(c) &&
            MpStr_CompareWithASCII(((MpCodeObject *)c)->co_name, name) == 0) {
            return c;
        }
    }
    fail_msg("no code object %s", name);
    return NULL;
}

/* The listing of code (MpDis_Format), malloc'd. */
static char *
listing(MpObject *code)
{
    MpStrBuf b = {0};
    assert_int_equal(MpDis_Format(code, &b), 0);
    assert_false(b.failed);
    assert_non_null(b.data);
    return b.data;  // the caller frees it
}

/* Fails, showing the listing, unless text contains want. */
static void
check_has(const char *text, const char *want)
{
    if (strstr(text, want) == NULL) {
        fail_msg("missing \"%s\" in listing:\n%s", want, text);
    }
}

/* The line of text for instruction offset i (the offset column is the
   instruction index), copied to line[n]; fails if there is none. */
static void
line_at(const char *text, int i, char *line, size_t n)
{
    for (const char *p = text; *p;) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        /* columns: line (3), marker (3), ">>" (2), offset (4), with one
           blank between each: the offset is columns 11 to 14 */
        if (len > 15) {
            char off[5];
            memcpy(off, p + 11, 4);
            off[4] = '\0';
            if (atoi(off) == i && off[3] != ' ') {
                snprintf(line, n, "%.*s", (int)len, p);
                return;
            }
        }
        p = end ? end + 1 : p + len;
    }
    fail_msg("no instruction %d in listing:\n%s", i, text);
}

/* {====== The columns ====== */

/* The first instruction carries its line number right-aligned in three
   columns, then the offset in four, the opname padded to twenty, the
   argument in five, the meaning in parentheses (CPython 3.11's layout). */
static void
test_columns(void **state)
{
    MpObject *mod = compile_src("def f(a, b):\n"
                                "    return a + b\n");
    char *text = listing(code_const(mod, "f"));
    /* the implicit `return None` after it is the compiler's business */
    const char *want = "  2           0 LOAD_FAST                0 (a)\n"
                       "              1 LOAD_FAST                1 (b)\n"
                       "              2 BINARY_OP                0 (+)\n"
                       "              3 RETURN_VALUE\n";
    if (strncmp(text, want, strlen(want)) != 0) {
        fail_msg("listing:\n%s", text);
    }
    /* no trailing blanks on a line without argument */
    assert_null(strstr(text, " \n"));
    free(text);
    Mp_DECREF(mod);
}

/* A new source line starts with its number after a blank line; the first
   line has no blank line before it. */
static void
test_line_starts(void **state)
{
    MpObject *mod = compile_src("a = 1\n"
                                "b = 2\n");
    char *text = listing(mod);
    assert_true(text[0] == ' ' && strncmp(text, "  1 ", 4) == 0);
    check_has(text, "STORE_NAME               0 (a)\n\n  2 ");
    check_has(text, "LOAD_CONST               0 (1)");
    check_has(text, "STORE_NAME               1 (b)");
    free(text);
    Mp_DECREF(mod);
}

/* A jump shows its target ("to N"), and the instruction at N is marked
   ">>"; nothing else is. */
static void
test_jump_targets(void **state)
{
    MpObject *mod = compile_src("def f(c):\n"
                                "    if c > 2:\n"
                                "        c += 1\n"
                                "    return c\n");
    MpCodeObject *co = (MpCodeObject *)code_const(mod, "f");
    char *text = listing((MpObject *)co);
    check_has(text, "COMPARE_OP               4 (>)");
    check_has(text, "BINARY_OP               13 (+=)");
    int target = -1, njumps = 0;
    for (Mp_ssize_t i = 0; i < co->co_ncode; i++) {
        MpOpcode op = Mp_OP(co->co_code[i]);
        if (op == POP_JUMP_IF_FALSE || op == POP_JUMP_IF_TRUE || op == JUMP) {
            target = Mp_ARG(co->co_code[i]);
            njumps++;
        }
    }
    assert_true(njumps >= 1);
    char want[64], line[256];
    snprintf(want, sizeof want, "(to %d)", target);
    check_has(text, want);
    line_at(text, target, line, sizeof line);
    assert_memory_equal(line + 8, ">>", 2);
    line_at(text, 0, line, sizeof line);
    assert_memory_equal(line + 8, "  ", 2);
    free(text);
    Mp_DECREF(mod);
}
/* }====== */

/* {====== What the arguments mean ====== */

/* Constants by repr, names, the negated IS_OP and CONTAINS_OP. */
static void
test_consts_names_ops(void **state)
{
    MpObject *mod = compile_src("x = 'hi'\n"
                                "y = x is not None\n"
                                "z = 1 not in x\n"
                                "w = x.upper\n");
    char *text = listing(mod);
    check_has(text, "LOAD_CONST               0 ('hi')");
    check_has(text, "STORE_NAME               0 (x)");
    check_has(text, "(None)");
    check_has(text, "IS_OP                    1 (is not)");
    check_has(text, "CONTAINS_OP              1 (not in)");
    check_has(text, "LOAD_ATTR ");
    check_has(text, "(upper)");
    check_has(text, "RETURN_VALUE");
    free(text);
    Mp_DECREF(mod);
}

/* Cells and free variables by name (cellvars, then freevars), the flags of
   MAKE_FUNCTION, and the nested code object listed after its parent under
   a "Disassembly of <code object ...>:" header. */
static void
test_closure_and_nested(void **state)
{
    MpObject *mod = compile_src("def f():\n"
                                "    x = 1\n"
                                "    def g():\n"
                                "        return x\n"
                                "    return g\n");
    char *text = listing(code_const(mod, "f"));
    check_has(text, "STORE_DEREF              0 (x)");
    check_has(text, "LOAD_CLOSURE             0 (x)");
    check_has(text, "MAKE_FUNCTION            8 (closure)");
    check_has(text, "(<code object g at ");
    check_has(text, "\n\nDisassembly of <code object g at ");
    const char *g = strstr(text, "\nDisassembly of <code object g");
    check_has(g, ", file \"t.py\", line 3>:\n  4 ");
    check_has(g, "LOAD_DEREF               0 (x)");
    free(text);
    Mp_DECREF(mod);
}

/* BINARY_OP shows its operator for every MpBinOp, in-place forms with
   "=". */
static void
test_binary_ops(void **state)
{
    MpObject *mod = compile_src("def f(a, b):\n"
                                "    a -= b // a ** b % b\n"
                                "    return a @ b << 1 ^ b\n");
    char *text = listing(code_const(mod, "f"));
    check_has(text, "BINARY_OP               23 (-=)");
    check_has(text, "BINARY_OP                2 (//)");
    check_has(text, "BINARY_OP                8 (**)");
    check_has(text, "BINARY_OP                6 (%)");
    check_has(text, "BINARY_OP                4 (@)");
    check_has(text, "BINARY_OP                3 (<<)");
    check_has(text, "BINARY_OP               12 (^)");
    free(text);
    Mp_DECREF(mod);
}

/* A code object is needed: anything else is a TypeError. */
static void
test_not_code(void **state)
{
    MpStrBuf b = {0};
    assert_int_equal(MpDis_Format(Mp_None, &b), -1);
    assert_true(MpErr_ExceptionMatches(MpExc_TypeError));
    MpErr_Clear();
    MpStrBuf_Clear(&b);
}
/* }====== */

/* {====== The module ====== */

/* opname is indexed by opcode (256 entries, as CPython's), opmap is its
   inverse. */
static void
test_opcode_tables(void **state)
{
    MpObject *m = MpDis_Create();
    assert_non_null(m);
    MpObject *d = MpModule_GetDict(m);
    MpObject *opname = MpDict_GetItemString(d, "opname");
    MpObject *opmap = MpDict_GetItemString(d, "opmap");
    assert_non_null(opname);
    assert_non_null(opmap);
    assert_int_equal(Mp_SIZE(opname), 256);
    assert_int_equal(MpStr_CompareWithASCII(
                         MpList_GET_ITEM(opname, LOAD_CONST), "LOAD_CONST"),
                     0);
    assert_int_equal(
        MpStr_CompareWithASCII(MpList_GET_ITEM(opname, 255), "<255>"), 0);
    MpObject *n = MpDict_GetItemString(opmap, "RETURN_VALUE");
    assert_non_null(n);
    assert_int_equal(MpNumber_AsSsize_t(n, NULL), RETURN_VALUE);
    assert_int_equal(MpDict_GET_SIZE(opmap), MP_OPCODE_COUNT);
    Mp_DECREF(m);
}

/* dis.dis(code, file=f) writes the listing with f.write: here f is a
   module whose `write` is a list's bound append, so the text lands in the
   list. */
static void
test_dis_to_file(void **state)
{
    MpObject *m = MpDis_Create();
    assert_non_null(m);
    MpObject *dis = MpDict_GetItemString(MpModule_GetDict(m), "dis");
    assert_non_null(dis);
    MpObject *sink = MpList_New(0);
    MpObject *file = MpModule_New("sink");
    MpObject *append = MpObject_GetAttrString(sink, "append");
    assert_non_null(append);
    assert_int_equal(MpModule_AddObject(file, "write", append), 0);
    MpObject *mod = compile_src("def f(a):\n"
                                "    return -a\n");
    MpObject *args[2] = {code_const(mod, "f"), file};
    MpObject *kwnames = MpTuple_New(1);
    MpTuple_SET_ITEM(kwnames, 0, MpStr_FromString("file"));
    MpObject *r = MpObject_Vectorcall(dis, args, 1, kwnames);
    assert_non_null(r);
    assert_ptr_equal(r, Mp_None);
    Mp_DECREF(r);
    assert_int_equal(Mp_SIZE(sink), 1);
    const char *text = MpStr_AsUTF8(MpList_GET_ITEM(sink, 0));
    check_has(text, "  2           0 LOAD_FAST                0 (a)\n");
    check_has(text, "UNARY_NEGATIVE\n");

    /* an object dis cannot list: TypeError, nothing written */
    MpObject *one = MpLong_FromInt64(1);
    r = MpObject_Vectorcall(dis, &one, 1, NULL);
    assert_null(r);
    assert_true(MpErr_ExceptionMatches(MpExc_TypeError));
    MpErr_Clear();
    Mp_DECREF(one);
    assert_int_equal(Mp_SIZE(sink), 1);

    Mp_DECREF(kwnames);
    Mp_DECREF(mod);
    Mp_DECREF(file);
    Mp_DECREF(sink);
    Mp_DECREF(m);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns),
        cmocka_unit_test(test_line_starts),
        cmocka_unit_test(test_jump_targets),
        cmocka_unit_test(test_consts_names_ops),
        cmocka_unit_test(test_closure_and_nested),
        cmocka_unit_test(test_binary_ops),
        cmocka_unit_test(test_not_code),
        cmocka_unit_test(test_opcode_tables),
        cmocka_unit_test(test_dis_to_file),
    };
    return cmocka_run_group_tests(tests, setup, runtime_teardown);
}
