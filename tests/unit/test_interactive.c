/* test_interactive.c — what the REPL builds on: the interactive parse mode
   (MP_MODE_INTERACTIVE in parse.h: complete, incomplete or wrong after
   each line, as CPython's interactive tokenizer decides) and tab
   completion (complete.c: names, attributes after a dot). */
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
#include "complete.h"
#include "errors.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "parse.h"

/* {====== The interactive parse mode ====== */

enum { COMPLETE, INCOMPLETE, ERROR };

static int
classify(const char *src, MpSyntaxError *err)
{
    MpArena *arena = MpArena_New();
    MpNode *tree = MpParse_Source(src, strlen(src), "<stdin>",
                                  MP_MODE_INTERACTIVE, arena, err);
    MpArena_Free(arena);
    if (tree != NULL) {
        return COMPLETE;
    }
    return err->kind == MP_ERR_INCOMPLETE ? INCOMPLETE : ERROR;
}

static void
assert_class(const char *src, int expected)
{
    MpSyntaxError err;
    int got = classify(src, &err);
    if (got != expected) {
        fail_msg("%s: got %d, expected %d (%s)", src, got, expected,
                 got == ERROR ? err.msg : "");
    }
}

static void
test_complete(void **state)
{
    (void)state;
    assert_class("x = 1\n", COMPLETE);
    assert_class("\n", COMPLETE);               // an empty statement
    assert_class("# just a comment\n", COMPLETE);
    assert_class("    \n", COMPLETE);
    assert_class("1; 2\n", COMPLETE);
    assert_class("if 1:\n    x\n\n", COMPLETE);  // the empty line ends it
    assert_class("if 1: pass\n\n", COMPLETE);
    assert_class("if 0: pass\nelse: pass\n\n", COMPLETE);
    assert_class("if 1:\n  if 2:\n    x\n\n", COMPLETE);
    assert_class("(1,\n\n2)\n", COMPLETE);       // empty lines in brackets
    assert_class("s = '''a\n\nb'''\n", COMPLETE);
    assert_class("x = 1 + \\\n  2\n", COMPLETE);
    assert_class("@d\ndef f(): pass\n\n", COMPLETE);
}

static void
test_incomplete(void **state)
{
    (void)state;
    assert_class("if 1:\n", INCOMPLETE);           // the block is missing
    assert_class("if 1:\n    x\n", INCOMPLETE);     // no empty line yet
    assert_class("if 1: pass\n", INCOMPLETE);       // ditto, on one line
    assert_class("if 1:\n    \n", INCOMPLETE);      // blanks are no end
    assert_class("if 1:\n    # c\n", INCOMPLETE);
    assert_class("if 0: pass\nelse:\n", INCOMPLETE);
    assert_class("class A:\n  def f(self):\n    pass\n", INCOMPLETE);
    assert_class("try:\n  x\n", INCOMPLETE);
    assert_class("(1,\n", INCOMPLETE);
    assert_class("(1,\n\n", INCOMPLETE);
    assert_class("[\n{\n", INCOMPLETE);
    assert_class("s = '''a\n", INCOMPLETE);
    assert_class("s = \"\"\"a\n\n", INCOMPLETE);
    assert_class("x = 1 + \\\n", INCOMPLETE);
    assert_class("@d\n", INCOMPLETE);
    assert_class("def f():\n", INCOMPLETE);
    assert_class("def f(\n", INCOMPLETE);
}

static void
test_errors(void **state)
{
    (void)state;
    MpSyntaxError err;
    assert_class("x = 1 +\n", ERROR);    // not incomplete, as in CPython
    assert_class("if 1\n", ERROR);
    assert_class("'abc\n", ERROR);
    assert_class(")\n", ERROR);
    assert_class("(]\n", ERROR);
    assert_class("1 2\n", ERROR);
    /* a statement after a block needs the empty line between them */
    assert_int_equal(classify("def f():\n  x\nf()\n", &err), ERROR);
    assert_int_equal(err.lineno, 3);
    assert_string_equal(err.msg, "invalid syntax");
    /* an empty line right after the header */
    assert_int_equal(classify("if 1:\n\n", &err), ERROR);
    assert_int_equal(err.kind, MP_ERR_INDENTATION);
    assert_int_equal(err.lineno, 2);
    /* an indented first line */
    assert_int_equal(classify("  x\n", &err), ERROR);
    assert_int_equal(err.kind, MP_ERR_INDENTATION);
    assert_string_equal(err.msg, "unexpected indent");
}

/* compile()'s "single" mode is not the REPL's: an open bracket at the end
   of the text is an error there, not a reason to wait. */
static void
test_single_mode_unchanged(void **state)
{
    (void)state;
    MpSyntaxError err;
    MpArena *arena = MpArena_New();
    assert_null(MpParse_Source("(1,\n", 4, "<s>", MP_MODE_SINGLE, arena,
                               &err));
    assert_int_equal(err.kind, MP_ERR_SYNTAX);
    assert_string_equal(err.msg, "'(' was never closed");
    MpArena_Free(arena);
}
/* }====== */

/* {====== Completion ====== */

/* The matches of text as one string, "a|b|c". */
static char *
matches(const char *text)
{
    MpObject *list = MpComplete_Matches(text);
    assert_non_null(list);
    assert_null(MpErr_Occurred());
    size_t cap = 4096, len = 0;
    char *out = calloc(1, cap);
    for (Mp_ssize_t i = 0; i < Mp_SIZE(list); i++) {
        const char *s = MpStr_AsUTF8(MpList_GET_ITEM(list, i));
        len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? "|" : "",
                                s);
    }
    Mp_DECREF(list);
    return out;
}

static void
assert_matches(const char *text, const char *expected)
{
    char *got = matches(text);
    assert_string_equal(got, expected);
    free(got);
}

static void
test_completion(void **state)
{
    (void)state;
    MpObject *globals = MpDict_New();
    assert_non_null(globals);
    MpObject *one = MpLong_FromInt64(1);
    MpObject *text = MpStr_FromString("abc");
    assert_int_equal(MpDict_SetItemString(globals, "value_one", one), 0);
    assert_int_equal(MpDict_SetItemString(globals, "value_text", text), 0);
    MpComplete_SetNamespace(globals);

    /* keywords, globals and builtins; callables get "(" */
    assert_matches("value_", "value_one|value_text");
    assert_matches("whi", "while ");
    assert_matches("tr", "try:");
    assert_matches("Tru", "True");
    assert_matches("le", "len(");
    assert_matches("zzz", "");
    /* attributes after a dot; no '_' names unless asked for */
    assert_matches("value_text.upp", "value_text.upper(");
    char *all = matches("value_text.");
    assert_non_null(strstr(all, "value_text.join("));
    assert_null(strstr(all, "value_text.__"));
    free(all);
    char *dunder = matches("value_text.__cl");
    assert_string_equal(dunder, "value_text.__class__(");
    free(dunder);
    /* what cannot be resolved completes to nothing, without an error */
    assert_matches("nothing_here.x", "");
    assert_matches("value_one.real.nope_", "");
    assert_matches("len..x", "");

    MpComplete_SetNamespace(NULL);
    Mp_DECREF(one);
    Mp_DECREF(text);
    Mp_DECREF(globals);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_complete),
        cmocka_unit_test(test_incomplete),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_single_mode_unchanged),
        cmocka_unit_test(test_completion),
    };
    return cmocka_run_group_tests(tests, runtime_setup, runtime_teardown);
}
