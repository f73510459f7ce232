/* test_parser.c — the grammar (grammar/parser.y) and its helpers
   (src/astbuild.c): trees of representative snippets, and CPython 3.11's
   syntax error messages with their positions.  Trees are compared in the
   dump format (src/ast.c), which is CPython's ast.dump(indent=2). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "parse.h"

/* The dump of src parsed in mode, in a malloc'd string (caller frees), or
   NULL when the parse failed (then *err holds the error). */
static char *
dump_of(const char *src, MpParseMode mode, MpSyntaxError *err)
{
    MpArena *arena = MpArena_New();
    MpNode *tree = MpParse_Source(src, strlen(src), "t.py", mode, arena, err);
    char *text = NULL;
    if (tree != NULL) {
        size_t len = 0;
        FILE *f = open_memstream(&text, &len);
        MpAst_Dump(tree, f);
        fclose(f);
    }
    MpArena_Free(arena);
    return text;
}

static void
assert_dump(const char *src, const char *expected)
{
    MpSyntaxError err;
    char *text = dump_of(src, MP_MODE_FILE, &err);
    if (text == NULL) {
        fprintf(stderr, "parse failed: %s (line %d)\n", err.msg, err.lineno);
    }
    assert_non_null(text);
    assert_string_equal(text, expected);
    free(text);
}

/* Parsing src fails with msg at (line, col) — col is 0-based bytes. */
static void
assert_error(const char *src, MpErrorKind kind, const char *msg, int line,
             int col)
{
    MpSyntaxError err;
    char *text = dump_of(src, MP_MODE_FILE, &err);
    assert_null(text);
    assert_int_equal(err.kind, kind);
    assert_string_equal(err.msg, msg);
    assert_int_equal(err.lineno, line);
    assert_int_equal(err.col_offset, col);
}

static void
test_assignment_chain(void **state)
{
    assert_dump("a = b = 1\n",
                "Module(\n"
                "  body=[\n"
                "    Assign(\n"
                "      targets=[\n"
                "        Name(id='a', ctx=Store()),\n"
                "        Name(id='b', ctx=Store())],\n"
                "      value=Constant(value=1))],\n"
                "  type_ignores=[])\n");
}

static void
test_precedence(void **state)
{
    assert_dump("-x ** 2 * y\n",
                "Module(\n"
                "  body=[\n"
                "    Expr(\n"
                "      value=BinOp(\n"
                "        left=UnaryOp(\n"
                "          op=USub(),\n"
                "          operand=BinOp(\n"
                "            left=Name(id='x', ctx=Load()),\n"
                "            op=Pow(),\n"
                "            right=Constant(value=2))),\n"
                "        op=Mult(),\n"
                "        right=Name(id='y', ctx=Load())))],\n"
                "  type_ignores=[])\n");
}

static void
test_chained_comparison(void **state)
{
    assert_dump("a < b is not c\n",
                "Module(\n"
                "  body=[\n"
                "    Expr(\n"
                "      value=Compare(\n"
                "        left=Name(id='a', ctx=Load()),\n"
                "        ops=[\n"
                "          Lt(),\n"
                "          IsNot()],\n"
                "        comparators=[\n"
                "          Name(id='b', ctx=Load()),\n"
                "          Name(id='c', ctx=Load())]))],\n"
                "  type_ignores=[])\n");
}

static void
test_parameters(void **state)
{
    assert_dump("def f(a, /, b=1, *c, d, **e): pass\n",
                "Module(\n"
                "  body=[\n"
                "    FunctionDef(\n"
                "      name='f',\n"
                "      args=arguments(\n"
                "        posonlyargs=[\n"
                "          arg(arg='a')],\n"
                "        args=[\n"
                "          arg(arg='b')],\n"
                "        vararg=arg(arg='c'),\n"
                "        kwonlyargs=[\n"
                "          arg(arg='d')],\n"
                "        kw_defaults=[\n"
                "          None],\n"
                "        kwarg=arg(arg='e'),\n"
                "        defaults=[\n"
                "          Constant(value=1)]),\n"
                "      body=[\n"
                "        Pass()],\n"
                "      decorator_list=[])],\n"
                "  type_ignores=[])\n");
}

static void
test_parenthesized_with(void **state)
{
    assert_dump("with (a as b, c):\n    pass\n",
                "Module(\n"
                "  body=[\n"
                "    With(\n"
                "      items=[\n"
                "        withitem(\n"
                "          context_expr=Name(id='a', ctx=Load()),\n"
                "          optional_vars=Name(id='b', ctx=Store())),\n"
                "        withitem(\n"
                "          context_expr=Name(id='c', ctx=Load()))],\n"
                "      body=[\n"
                "        Pass()])],\n"
                "  type_ignores=[])\n");
}

static void
test_match_soft_keyword(void **state)
{
    /* `match` as a name and as a keyword in one file. */
    assert_dump("match = 1\nmatch match:\n    case _: pass\n",
                "Module(\n"
                "  body=[\n"
                "    Assign(\n"
                "      targets=[\n"
                "        Name(id='match', ctx=Store())],\n"
                "      value=Constant(value=1)),\n"
                "    Match(\n"
                "      subject=Name(id='match', ctx=Load()),\n"
                "      cases=[\n"
                "        match_case(\n"
                "          pattern=MatchAs(),\n"
                "          body=[\n"
                "            Pass()])])],\n"
                "  type_ignores=[])\n");
}

static void
test_eval_mode(void **state)
{
    MpSyntaxError err;
    char *text = dump_of("1, 2", MP_MODE_EVAL, &err);
    assert_non_null(text);
    assert_string_equal(text, "Expression(\n"
                              "  body=Tuple(\n"
                              "    elts=[\n"
                              "      Constant(value=1),\n"
                              "      Constant(value=2)],\n"
                              "    ctx=Load()))\n");
    free(text);
}

static void
test_errors(void **state)
{
    assert_error("f() = 1\n", MP_ERR_SYNTAX,
                 "cannot assign to function call here. Maybe you meant "
                 "'==' instead of '='?",
                 1, 0);
    assert_error("f() = x = 1\n", MP_ERR_SYNTAX,
                 "cannot assign to function call", 1, 0);
    assert_error("(a, b) += 1\n", MP_ERR_SYNTAX,
                 "'tuple' is an illegal expression for augmented assignment",
                 1, 0);
    assert_error("if x\n    pass\n", MP_ERR_SYNTAX, "expected ':'", 1, 4);
    assert_error("def f(a=1, b): pass\n", MP_ERR_SYNTAX,
                 "non-default argument follows default argument", 1, 11);
    assert_error("f(a=1, b)\n", MP_ERR_SYNTAX,
                 "positional argument follows keyword argument", 1, 7);
    assert_error("print 'x'\n", MP_ERR_SYNTAX,
                 "Missing parentheses in call to 'print'. Did you mean "
                 "print(...)?",
                 1, 0);
    assert_error("if x:\npass\n", MP_ERR_INDENTATION,
                 "expected an indented block after 'if' statement on line 1",
                 2, 0);
    assert_error("x = 1\n  y = 2\n", MP_ERR_INDENTATION, "unexpected indent",
                 2, -1);
    assert_error("from __future__ import braces\n", MP_ERR_SYNTAX,
                 "not a chance", 1, 0);
    assert_error("x = 1\nfrom __future__ import division\n", MP_ERR_SYNTAX,
                 "from __future__ imports must occur at the beginning of "
                 "the file",
                 2, 0);
}

static void
test_deep_nesting_is_an_error(void **state)
{
    /* 100000 unary minus signs: the parser's stack limit, not a crash. */
    size_t n = 100000;
    char *src = malloc(n + 3);
    memset(src, '-', n);
    memcpy(src + n, "1\n", 3);
    MpSyntaxError err;
    char *text = dump_of(src, MP_MODE_FILE, &err);
    assert_null(text);
    assert_int_equal(err.kind, MP_ERR_MEMORY);
    free(src);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assignment_chain),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_chained_comparison),
        cmocka_unit_test(test_parameters),
        cmocka_unit_test(test_parenthesized_with),
        cmocka_unit_test(test_match_soft_keyword),
        cmocka_unit_test(test_eval_mode),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_deep_nesting_is_an_error),
    };
    return cmocka_run_group_tests_name("parser", tests, NULL, NULL);
}
