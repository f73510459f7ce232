/* Exceptions: raising and matching (errors.c), the built-in exception
   classes and their str/repr/attributes (objects/exceptions.c), and the
   argument-parsing messages of built-ins (getargs.c).  Every expected
   string was taken from CPython 3.11. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "hash.h"
#include "objects/exceptions.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Helpers ====== */

static MpObject *
S(const char *s)
{
    return MpStr_FromString(s);
}

static MpObject *
I(long v)
{
    return MpLong_FromInt64(v);
}

/* A tuple of n objects; STEALS each. */
static MpObject *
tuple_of(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    MpObject *t = MpTuple_New(n);
    for (int i = 0; i < n; i++) {
        MpTuple_SET_ITEM(t, i, va_arg(ap, MpObject *));
    }
    va_end(ap);
    return t;
}

/* type(*args); args STOLEN.  NULL with the exception set on error. */
static MpObject *
call(MpObject *type, MpObject *args)
{
    MpObject *r = MpObject_Call(type, args, NULL);
    Mp_DECREF(args);
    return r;
}

static void
check_text(MpObject *s, const char *expect)
{
    assert_non_null(s);
    assert_string_equal(MpStr_AsUTF8(s), expect);
    Mp_DECREF(s);
}

static void
check_str(MpObject *o, const char *expect)
{
    check_text(MpObject_Str(o), expect);
}

static void
check_repr(MpObject *o, const char *expect)
{
    check_text(MpObject_Repr(o), expect);
}

/* The current exception is of exactly the class named type_name and its
   str is msg; clears it. */
static void
check_raised(const char *type_name, const char *msg)
{
    MpObject *exc = MpErr_GetRaisedException();
    assert_non_null(exc);
    assert_string_equal(MpType_Name(Mp_TYPE(exc)), type_name);
    check_str(exc, msg);
    Mp_DECREF(exc);
}

static void
check_attr(MpObject *o, const char *name, const char *repr)
{
    MpObject *v = MpObject_GetAttrString(o, name);
    assert_non_null(v);
    check_repr(v, repr);
    Mp_DECREF(v);
}

/* The links of an exception, for identity checks (the getters return new
   references; the exception keeps its own). */
static MpObject *
context_of(MpObject *exc)
{
    MpObject *c = MpException_GetContext(exc);
    Mp_XDECREF(c);
    return c;
}

static MpObject *
cause_of(MpObject *exc)
{
    MpObject *c = MpException_GetCause(exc);
    Mp_XDECREF(c);
    return c;
}

/* The part of the runtime's start-up the exception classes need. */
static int
setup(void **state)
{
    MpTypeObject *types[] = {&MpBaseObject_Type, &MpType_Type, &MpLong_Type,
                             &MpBool_Type, &MpStr_Type, &MpTuple_Type,
                             &MpList_Type, &MpDict_Type};
    if (MpGC_Init() < 0 || MpHash_Init() < 0) {
        return -1;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (MpType_Ready(types[i]) < 0) {
            return -1;
        }
    }
    return MpLong_Init() < 0 || MpStr_Init() < 0 || MpExceptions_Init();
}
/* }====== */

/* {====== Raising, fetching, matching ====== */

static void
test_set_and_fetch(void **state)
{
    assert_null(MpErr_Occurred());
    MpErr_SetString(MpExc_ValueError, "bad value");
    MpObject *exc = MpErr_Occurred();
    assert_non_null(exc);
    assert_true(Mp_TYPE(exc) == (MpTypeObject *)MpExc_ValueError);
    assert_true(MpErr_ExceptionMatches(MpExc_ValueError));
    assert_true(MpErr_ExceptionMatches(MpExc_Exception));
    assert_true(MpErr_ExceptionMatches(MpExc_BaseException));
    assert_false(MpErr_ExceptionMatches(MpExc_TypeError));
    assert_false(MpErr_ExceptionMatches(MpExc_UnicodeError));
    check_raised("ValueError", "bad value");
    assert_null(MpErr_Occurred());

    assert_null(MpErr_Format(MpExc_TypeError, "%s takes %d (%zd given)",
                             "f()", 2, (Mp_ssize_t)3));
    check_raised("TypeError", "f() takes 2 (3 given)");

    MpErr_SetNone(MpExc_StopIteration);
    check_raised("StopIteration", "");

    MpErr_SetString(MpExc_KeyError, "k");
    MpObject *e = MpErr_GetRaisedException();
    MpErr_SetRaisedException(e);
    assert_ptr_equal(MpErr_Occurred(), e);
    MpErr_Clear();
    assert_null(MpErr_Occurred());
}

static void
test_matching_tuples(void **state)
{
    MpErr_SetString(MpExc_FileNotFoundError, "x");
    MpObject *t1 = tuple_of(2, Mp_NewRef(MpExc_TypeError),
                            Mp_NewRef(MpExc_LookupError));
    MpObject *t2 = tuple_of(2, Mp_NewRef(MpExc_TypeError), Mp_NewRef(t1));
    MpObject *t3 = tuple_of(2, Mp_NewRef(t1), Mp_NewRef(MpExc_OSError));
    assert_false(MpErr_ExceptionMatches(t1));
    assert_false(MpErr_ExceptionMatches(t2));
    assert_true(MpErr_ExceptionMatches(t3));  // nested tuple
    assert_true(MpErr_GivenExceptionMatches(MpExc_IndexError, t1));
    assert_true(MpErr_GivenExceptionMatches(MpExc_TabError,
                                            MpExc_SyntaxError));
    assert_false(MpErr_GivenExceptionMatches(MpExc_SyntaxError,
                                             MpExc_TabError));
    assert_true(MpErr_GivenExceptionMatches(MpExc_ExceptionGroup,
                                            MpExc_Exception));
    assert_int_equal(MpErr_CheckExceptClause(t1), 0);
    assert_int_equal(MpErr_CheckExceptClause(t3), -1);  // no nesting here
    MpErr_Clear();
    Mp_DECREF(t1);
    Mp_DECREF(t2);
    Mp_DECREF(t3);
    MpErr_Clear();

    MpObject *bad = tuple_of(1, I(1));
    assert_int_equal(MpErr_CheckExceptClause(bad), -1);
    check_raised("TypeError", "catching classes that do not inherit from "
                              "BaseException is not allowed");
    Mp_DECREF(bad);
}

static void
test_hierarchy(void **state)
{
    struct {
        MpObject **sub, **base;
    } pairs[] = {
        {&MpExc_ZeroDivisionError, &MpExc_ArithmeticError},
        {&MpExc_ModuleNotFoundError, &MpExc_ImportError},
        {&MpExc_UnboundLocalError, &MpExc_NameError},
        {&MpExc_BrokenPipeError, &MpExc_ConnectionError},
        {&MpExc_RecursionError, &MpExc_RuntimeError},
        {&MpExc_UnicodeDecodeError, &MpExc_ValueError},
        {&MpExc_KeyError, &MpExc_LookupError},
        {&MpExc_UserWarning, &MpExc_Warning},
        {&MpExc_SystemExit, &MpExc_BaseException},
        {&MpExc_ExceptionGroup, &MpExc_BaseExceptionGroup},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        assert_true(MpType_IsSubtype((MpTypeObject *)*pairs[i].sub,
                                     (MpTypeObject *)*pairs[i].base));
    }
    assert_false(MpType_IsSubtype((MpTypeObject *)MpExc_SystemExit,
                                  (MpTypeObject *)MpExc_Exception));
    assert_false(MpType_IsSubtype((MpTypeObject *)MpExc_KeyboardInterrupt,
                                  (MpTypeObject *)MpExc_Exception));
}
/* }====== */

/* {====== Chaining and raise ====== */

static void
test_implicit_context(void **state)
{
    MpObject *handled = call(MpExc_KeyError, tuple_of(1, S("k")));
    MpErr_SetHandledException(handled);
    MpObject *got = MpErr_GetHandledException();
    assert_ptr_equal(got, handled);
    Mp_DECREF(got);

    MpErr_SetString(MpExc_ValueError, "during handling");
    MpObject *exc = MpErr_GetRaisedException();
    assert_ptr_equal(context_of(exc), handled);
    assert_null(cause_of(exc));

    /* Raising the handled exception's own context again must not make a
       cycle: handled.__context__ = exc, then raise exc while handling. */
    MpException_SetContext(handled, Mp_NewRef(exc));
    MpErr_SetObject(MpExc_ValueError, exc);
    MpObject *again = MpErr_GetRaisedException();
    assert_ptr_equal(again, exc);
    assert_ptr_equal(context_of(exc), handled);
    assert_null(context_of(handled));  // the link was cut
    Mp_DECREF(again);

    /* Restoring does not chain. */
    MpObject *fresh = call(MpExc_TypeError, tuple_of(0));
    MpErr_SetRaisedException(Mp_NewRef(fresh));
    MpErr_Clear();
    assert_null(context_of(fresh));
    Mp_DECREF(fresh);

    MpErr_SetHandledException(NULL);
    Mp_DECREF(exc);
    Mp_DECREF(handled);
}

static void
test_raise_statement(void **state)
{
    /* raise ValueError from KeyError */
    assert_int_equal(MpErr_Raise(MpExc_ValueError, MpExc_KeyError), -1);
    MpObject *exc = MpErr_GetRaisedException();
    assert_true(Mp_TYPE(exc) == (MpTypeObject *)MpExc_ValueError);
    MpObject *cause = cause_of(exc);
    assert_non_null(cause);
    assert_true(Mp_TYPE(cause) == (MpTypeObject *)MpExc_KeyError);
    check_attr(exc, "__suppress_context__", "True");
    Mp_DECREF(exc);

    /* raise X from None */
    MpObject *inst = call(MpExc_TypeError, tuple_of(1, S("t")));
    MpErr_Raise(inst, Mp_None);
    exc = MpErr_GetRaisedException();
    assert_ptr_equal(exc, inst);
    assert_null(cause_of(exc));
    check_attr(exc, "__suppress_context__", "True");
    Mp_DECREF(exc);
    Mp_DECREF(inst);

    MpObject *one = I(1);
    MpErr_Raise(one, NULL);
    check_raised("TypeError", "exceptions must derive from BaseException");
    MpErr_Raise(MpExc_ValueError, one);
    check_raised("TypeError",
                 "exception causes must derive from BaseException");
    Mp_DECREF(one);

    /* bare raise */
    MpErr_Raise(NULL, NULL);
    check_raised("RuntimeError", "No active exception to reraise");
    MpObject *h = call(MpExc_IndexError, tuple_of(1, S("i")));
    MpErr_SetHandledException(h);
    MpErr_Raise(NULL, NULL);
    assert_ptr_equal(MpErr_Occurred(), h);
    assert_null(context_of(h));
    MpErr_Clear();
    MpErr_SetHandledException(NULL);
    Mp_DECREF(h);
}

static void
test_no_memory(void **state)
{
    assert_null(MpErr_NoMemory());
    MpObject *exc = MpErr_GetRaisedException();
    assert_ptr_equal(exc, MpExc_MemoryErrorInstance());
    check_repr(exc, "MemoryError()");
    Mp_DECREF(exc);
    MpErr_NoMemory();  // reusable
    assert_true(MpErr_ExceptionMatches(MpExc_MemoryError));
    MpErr_Clear();
}

static MpObject *hook_exc, *hook_obj;

static void
capture_hook(MpObject *exc, MpObject *obj)
{
    hook_exc = Mp_NewRef(exc);
    hook_obj = obj ? Mp_NewRef(obj) : NULL;
}

static void
test_unraisable(void **state)
{
    MpObject *obj = S("where");
    MpUnraisableHook old = MpErr_SetUnraisableHook(capture_hook);
    MpErr_SetString(MpExc_ValueError, "lost");
    MpErr_WriteUnraisable(obj);
    assert_null(MpErr_Occurred());
    assert_ptr_equal(hook_obj, obj);
    check_str(hook_exc, "lost");
    Mp_CLEAR(&hook_exc);
    Mp_CLEAR(&hook_obj);
    MpErr_SetUnraisableHook(old == MpErr_DefaultUnraisableHook ? NULL
                                                               : old);

    /* The default output, captured from stderr. */
    fflush(stderr);
    FILE *tmp = tmpfile();
    int saved = dup(2);
    dup2(fileno(tmp), 2);
    MpErr_SetString(MpExc_KeyError, "k");
    MpErr_WriteUnraisable(obj);
    MpErr_SetString(MpExc_ValueError, "");
    MpErr_WriteUnraisable(NULL);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    char buf[512] = {0};
    rewind(tmp);
    size_t n = fread(buf, 1, sizeof buf - 1, tmp);
    fclose(tmp);
    buf[n] = '\0';
    assert_string_equal(buf, "Exception ignored in: 'where'\n"
                             "KeyError: 'k'\n"
                             "ValueError: \n");
    Mp_DECREF(obj);
}
/* }====== */

/* {====== str, repr and attributes ====== */

static void
test_str_repr(void **state)
{
    MpObject *e = call(MpExc_ValueError, tuple_of(1, S("x")));
    check_repr(e, "ValueError('x')");
    check_str(e, "x");
    Mp_DECREF(e);
    e = call(MpExc_ValueError, tuple_of(0));
    check_repr(e, "ValueError()");
    check_str(e, "");
    Mp_DECREF(e);
    e = call(MpExc_ValueError, tuple_of(2, I(1), I(2)));
    check_repr(e, "ValueError(1, 2)");
    check_str(e, "(1, 2)");
    check_attr(e, "args", "(1, 2)");
    Mp_DECREF(e);
    e = call(MpExc_KeyError, tuple_of(1, S("a")));
    check_str(e, "'a'");
    Mp_DECREF(e);
    e = call(MpExc_KeyError, tuple_of(2, S("a"), I(1)));
    check_str(e, "('a', 1)");
    Mp_DECREF(e);

    MpObject *kw = MpDict_New();
    MpDict_SetItemString(kw, "x", Mp_None);
    MpObject *args = tuple_of(0);
    assert_null(MpObject_Call(MpExc_ValueError, args, kw));
    check_raised("TypeError", "ValueError() takes no keyword arguments");
    assert_null(MpObject_Call(MpExc_ImportError, args, kw));
    check_raised("TypeError",
                 "'x' is an invalid keyword argument for ImportError()");
    Mp_DECREF(args);
    Mp_DECREF(kw);
}

static void
test_links_and_notes(void **state)
{
    MpObject *e = call(MpExc_ValueError, tuple_of(0));
    MpObject *one = I(1);
    assert_int_equal(MpObject_SetAttrString(e, "__cause__", one), -1);
    check_raised("TypeError", "exception cause must be None or derive from "
                              "BaseException");
    assert_int_equal(MpObject_SetAttrString(e, "__context__", one), -1);
    check_raised("TypeError", "exception context must be None or derive "
                              "from BaseException");
    assert_int_equal(MpObject_SetAttrString(e, "__traceback__", one), -1);
    check_raised("TypeError", "__traceback__ must be a traceback or None");
    assert_int_equal(MpObject_SetAttrString(e, "args", NULL), -1);
    check_raised("TypeError", "args may not be deleted");
    check_attr(e, "__suppress_context__", "False");
    assert_int_equal(MpObject_SetAttrString(e, "__cause__", Mp_None), 0);
    check_attr(e, "__suppress_context__", "True");
    check_attr(e, "__cause__", "None");

    MpObject *note = S("hi");
    MpObject *r = MpObject_CallMethod(e, "add_note", &note, 1);
    assert_ptr_equal(r, Mp_None);
    Mp_DECREF(r);
    check_attr(e, "__notes__", "['hi']");
    assert_null(MpObject_CallMethod(e, "add_note", &one, 1));
    check_raised("TypeError", "note must be a str, not 'int'");
    MpObject_SetAttrString(e, "__notes__", one);
    assert_null(MpObject_CallMethod(e, "add_note", &note, 1));
    check_raised("TypeError", "Cannot add note: __notes__ is not a list");

    r = MpObject_CallMethod(e, "with_traceback", (MpObject *[]){Mp_None},
                            1);
    assert_ptr_equal(r, e);
    Mp_DECREF(r);
    Mp_DECREF(note);
    Mp_DECREF(one);
    Mp_DECREF(e);
}

static void
test_subclass_fields(void **state)
{
    MpObject *e = call(MpExc_StopIteration, tuple_of(2, I(1), I(2)));
    check_attr(e, "value", "1");
    check_repr(MpStopIteration_Value(e), "1");
    Mp_DECREF(e);
    e = call(MpExc_StopIteration, tuple_of(0));
    check_attr(e, "value", "None");
    Mp_DECREF(e);
    e = call(MpExc_SystemExit, tuple_of(0));
    check_attr(e, "code", "None");
    Mp_DECREF(e);
    e = call(MpExc_SystemExit, tuple_of(2, I(1), I(2)));
    check_attr(e, "code", "(1, 2)");
    Mp_DECREF(e);

    MpObject *kw = MpDict_New();
    MpObject *n = S("n");
    MpDict_SetItemString(kw, "name", n);
    Mp_DECREF(n);
    MpObject *args = tuple_of(1, S("m"));
    e = MpObject_Call(MpExc_ImportError, args, kw);
    assert_non_null(e);
    check_attr(e, "msg", "'m'");
    check_attr(e, "name", "'n'");
    check_attr(e, "path", "None");
    check_str(e, "m");
    check_repr(e, "ImportError('m')");
    Mp_DECREF(e);
    Mp_DECREF(args);
    e = MpObject_Call(MpExc_NameError, args = tuple_of(1, S("x")), kw);
    check_attr(e, "name", "'n'");
    Mp_DECREF(e);
    Mp_DECREF(args);
    Mp_DECREF(kw);
    e = call(MpExc_ImportError, tuple_of(2, S("m"), S("x")));
    check_str(e, "('m', 'x')");
    Mp_DECREF(e);
}

static void
test_oserror(void **state)
{
    MpObject *e = call(MpExc_OSError, tuple_of(2, I(2), S("x")));
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_FileNotFoundError);
    check_repr(e, "FileNotFoundError(2, 'x')");
    check_str(e, "[Errno 2] x");
    check_attr(e, "errno", "2");
    check_attr(e, "strerror", "'x'");
    check_attr(e, "filename", "None");
    Mp_DECREF(e);

    e = call(MpExc_OSError, tuple_of(3, I(2), S("No such file"), S("f")));
    check_str(e, "[Errno 2] No such file: 'f'");
    check_attr(e, "args", "(2, 'No such file')");
    Mp_DECREF(e);
    e = call(MpExc_OSError, tuple_of(5, I(13), S("Denied"), S("a"),
                                     Mp_NewRef(Mp_None), S("b")));
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_PermissionError);
    check_str(e, "[Errno 13] Denied: 'a' -> 'b'");
    Mp_DECREF(e);

    e = call(MpExc_OSError, tuple_of(1, I(2)));
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_OSError);
    check_str(e, "2");
    check_attr(e, "errno", "None");
    Mp_DECREF(e);
    e = call(MpExc_OSError, tuple_of(2, I(99999), S("x")));
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_OSError);
    Mp_DECREF(e);
    /* Only OSError itself maps: a subclass stays what it is. */
    e = call(MpExc_TimeoutError, tuple_of(2, I(2), S("x")));
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_TimeoutError);
    Mp_DECREF(e);

    e = call(MpExc_OSError, tuple_of(3, I(11), S("x"), I(5)));
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_BlockingIOError);
    check_attr(e, "characters_written", "5");
    check_attr(e, "args", "(11, 'x', 5)");
    Mp_DECREF(e);
    e = call(MpExc_OSError, tuple_of(2, I(11), S("x")));
    assert_null(MpObject_GetAttrString(e, "characters_written"));
    check_raised("AttributeError", "characters_written");
    Mp_DECREF(e);

    MpObject *fn = S("/nope");
    errno = ENOENT;
    assert_null(MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, fn));
    check_raised("FileNotFoundError",
                 "[Errno 2] No such file or directory: '/nope'");
    Mp_DECREF(fn);
}

static void
test_syntaxerror(void **state)
{
    MpObject *e = call(MpExc_SyntaxError,
                       tuple_of(2, S("m"), tuple_of(4, S("/a/f.py"), I(3),
                                                    I(4), S("txt"))));
    check_str(e, "m (f.py, line 3)");
    check_attr(e, "offset", "4");
    check_attr(e, "end_offset", "None");
    Mp_DECREF(e);
    e = call(MpExc_SyntaxError,
             tuple_of(2, S("m"), tuple_of(4, Mp_NewRef(Mp_None), I(3), I(4),
                                          S("txt"))));
    check_str(e, "m (line 3)");
    Mp_DECREF(e);
    e = call(MpExc_SyntaxError, tuple_of(0));
    check_str(e, "None");
    Mp_DECREF(e);
    assert_null(call(MpExc_SyntaxError,
                     tuple_of(2, S("m"), tuple_of(2, S("f"), I(3)))));
    check_raised("TypeError", "function takes at least 4 arguments (2 "
                              "given)");
    assert_null(call(MpExc_SyntaxError,
                     tuple_of(2, S("m"), tuple_of(5, S("f"), I(3), I(1),
                                                  S("t"), I(3)))));
    check_raised("TypeError", "end_offset must be provided when end_lineno "
                              "is provided");

    /* From a front-end record: 'f(\xc3\xa9\xc3\xa9, = 1)' with the error
       at byte 8 (the '='): offset 7 and end 8 in characters. */
    static const char src[] = "x = 1\nf(\xc3\xa9\xc3\xa9, = 1)\n";
    MpSyntaxError rec = {.kind = MP_ERR_SYNTAX, .lineno = 2,
                         .col_offset = 8, .end_lineno = 2,
                         .end_col_offset = 9, .source = src,
                         .source_len = sizeof src - 1};
    strcpy(rec.msg, "invalid syntax");
    e = MpExc_SyntaxErrorFromRecord(&rec, "/d/f.py");
    assert_non_null(e);
    check_repr(e, "SyntaxError('invalid syntax', ('/d/f.py', 2, 7, "
                  "'f(\xc3\xa9\xc3\xa9, = 1)\\n', 2, 8))");
    check_str(e, "invalid syntax (f.py, line 2)");
    Mp_DECREF(e);

    /* A TabError without an end, on a last line without newline. */
    static const char src2[] = "if x:\n\tpass\n        pass";
    MpSyntaxError rec2 = {.kind = MP_ERR_TAB, .lineno = 3,
                          .col_offset = -1, .end_lineno = 0,
                          .end_col_offset = -1, .source = src2,
                          .source_len = sizeof src2 - 1};
    strcpy(rec2.msg, "inconsistent use of tabs and spaces in indentation");
    e = MpExc_SyntaxErrorFromRecord(&rec2, "f.py");
    assert_true(Mp_TYPE(e) == (MpTypeObject *)MpExc_TabError);
    check_attr(e, "offset", "0");
    check_attr(e, "end_lineno", "3");
    check_attr(e, "end_offset", "0");
    check_attr(e, "text", "'        pass\\n'");
    Mp_DECREF(e);
}

static void
test_unicode_errors(void **state)
{
    MpObject *e = MpUnicodeDecodeError_Create("utf-8", "\xff", 1, 0, 1,
                                              "invalid start byte");
    check_str(e, "'utf-8' codec can't decode byte 0xff in position 0: "
                 "invalid start byte");
    check_repr(e, "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, "
                  "'invalid start byte')");
    check_attr(e, "start", "0");
    check_attr(e, "object", "b'\\xff'");
    Mp_DECREF(e);
    e = MpUnicodeDecodeError_Create("utf-8", "\xff\xfe", 2, 0, 2, "bad");
    check_str(e, "'utf-8' codec can't decode bytes in position 0-1: bad");
    Mp_DECREF(e);

    MpObject *s = S("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");  // é € 😀
    const char *expect[] = {"'\\xe9'", "'\\u20ac'", "'\\U0001f600'"};
    for (int i = 0; i < 3; i++) {
        e = MpUnicodeEncodeError_Create("ascii", s, i, i + 1, "r");
        char want[128];
        snprintf(want, sizeof want,
                 "'ascii' codec can't encode character %s in position %d: "
                 "r", expect[i], i);
        check_str(e, want);
        Mp_DECREF(e);
    }
    e = MpUnicodeEncodeError_Create("ascii", s, 0, 3, "r");
    check_str(e, "'ascii' codec can't encode characters in position 0-2: r");
    Mp_DECREF(e);
    e = call(MpExc_UnicodeTranslateError,
             tuple_of(4, Mp_NewRef(s), I(0), I(1), S("r")));
    check_str(e, "can't translate character '\\xe9' in position 0: r");
    Mp_DECREF(e);
    Mp_DECREF(s);

    assert_null(call(MpExc_UnicodeDecodeError, tuple_of(0)));
    check_raised("TypeError", "function takes exactly 5 arguments (0 given)");
    assert_null(call(MpExc_UnicodeDecodeError,
                     tuple_of(5, I(1), I(2), I(3), I(4), I(5))));
    check_raised("TypeError", "argument 1 must be str, not int");
    assert_null(call(MpExc_UnicodeDecodeError,
                     tuple_of(5, S("a"), I(2), I(3), I(4), I(5))));
    check_raised("TypeError", "argument 5 must be str, not int");
}

static void
test_exception_groups(void **state)
{
    MpObject *l = MpList_New(0);
    MpObject *v = call(MpExc_ValueError, tuple_of(1, I(1)));
    MpObject *t = call(MpExc_TypeError, tuple_of(1, I(2)));
    MpList_Append(l, v);
    MpList_Append(l, t);
    MpObject *eg = call(MpExc_BaseExceptionGroup,
                        tuple_of(2, S("eg"), Mp_NewRef(l)));
    assert_non_null(eg);
    assert_true(Mp_TYPE(eg) == (MpTypeObject *)MpExc_ExceptionGroup);
    check_str(eg, "eg (2 sub-exceptions)");
    check_repr(eg, "ExceptionGroup('eg', [ValueError(1), TypeError(2)])");
    check_attr(eg, "message", "'eg'");
    check_attr(eg, "exceptions", "(ValueError(1), TypeError(2))");

    /* split by type: (match, rest) */
    MpObject *r = MpObject_CallMethod(eg, "split", &MpExc_TypeError, 1);
    assert_non_null(r);
    check_repr(r, "(ExceptionGroup('eg', (TypeError(2),)), "
                  "ExceptionGroup('eg', (ValueError(1),)))");
    Mp_DECREF(r);
    r = MpObject_CallMethod(eg, "subgroup", &MpExc_OSError, 1);
    assert_ptr_equal(r, Mp_None);
    Mp_DECREF(r);
    Mp_DECREF(eg);

    MpObject *ki = call(MpExc_KeyboardInterrupt, tuple_of(0));
    MpList_Append(l, ki);
    eg = call(MpExc_BaseExceptionGroup, tuple_of(2, S("b"), Mp_NewRef(l)));
    assert_true(Mp_TYPE(eg) == (MpTypeObject *)MpExc_BaseExceptionGroup);
    Mp_DECREF(eg);
    assert_null(call(MpExc_ExceptionGroup,
                     tuple_of(2, S("b"), Mp_NewRef(l))));
    check_raised("TypeError",
                 "Cannot nest BaseExceptions in an ExceptionGroup");
    assert_null(call(MpExc_ExceptionGroup,
                     tuple_of(2, S("b"), MpList_New(0))));
    check_raised("ValueError",
                 "second argument (exceptions) must be a non-empty sequence");
    assert_null(call(MpExc_ExceptionGroup, tuple_of(2, S("b"), I(1))));
    check_raised("TypeError",
                 "second argument (exceptions) must be a sequence");
    assert_null(call(MpExc_ExceptionGroup, tuple_of(1, S("b"))));
    check_raised("TypeError", "BaseExceptionGroup.__new__() takes exactly 2 "
                              "arguments (1 given)");
    assert_null(call(MpExc_ExceptionGroup, tuple_of(2, I(1), I(1))));
    check_raised("TypeError", "BaseExceptionGroup.__new__() argument 1 must "
                              "be str, not int");
    Mp_DECREF(ki);
    Mp_DECREF(v);
    Mp_DECREF(t);
    Mp_DECREF(l);
}
/* }====== */

/* {====== getargs ====== */

/* int(x, /, base): a positional-only parameter and one that may be named;
   to_bytes(length=1, byteorder='big', *, signed=False); from_bytes(bytes,
   byteorder='big', *, signed=False); a spec with a required keyword-only
   parameter. */
static const char *const int_kw[] = {"", "base", NULL};
static const MpArgSpec int_spec = {"int", int_kw, 0, 2};
static const char *const tb_kw[] = {"length", "byteorder", "signed", NULL};
static const MpArgSpec to_bytes_spec = {"to_bytes", tb_kw, 0, 2};
static const char *const fb_kw[] = {"bytes", "byteorder", "signed", NULL};
static const MpArgSpec from_bytes_spec = {"from_bytes", fb_kw, 1, 2};
static const char *const split_kw[] = {"sep", "maxsplit", NULL};
static const MpArgSpec split_spec = {"split", split_kw, 0, 2};
static const char *const req_kw[] = {"a", "key", NULL};
static const MpArgSpec req_spec = {"f", req_kw, 2, 1};

/* Runs spec on the positional values pos[0:npos] and the keywords named
   in the NULL-ended kw list (each given the value None); expects either
   success (msg NULL) or a TypeError with msg. */
static void
check_unpack(const MpArgSpec *spec, int npos, const char *const *kw,
             const char *msg)
{
    MpObject *stack[8];
    int nkw = 0;
    for (int i = 0; i < npos; i++) {
        stack[i] = I(i);
    }
    while (kw != NULL && kw[nkw] != NULL) {
        nkw++;
    }
    MpObject *kwnames = NULL;
    if (nkw > 0) {
        kwnames = MpTuple_New(nkw);
        for (int i = 0; i < nkw; i++) {
            MpTuple_SET_ITEM(kwnames, i, S(kw[i]));
            stack[npos + i] = Mp_NewRef(Mp_None);
        }
    }
    MpObject *out[8];
    int r = MpArg_Unpack(spec, stack, npos, kwnames, out);
    if (msg == NULL) {
        assert_int_equal(r, 0);
        assert_null(MpErr_Occurred());
    }
    else {
        assert_int_equal(r, -1);
        check_raised("TypeError", msg);
    }
    for (int i = 0; i < npos + nkw; i++) {
        Mp_DECREF(stack[i]);
    }
    Mp_XDECREF(kwnames);
}

static void
test_getargs_unpack(void **state)
{
    check_unpack(&int_spec, 3, NULL,
                 "int() takes at most 2 arguments (3 given)");
    check_unpack(&int_spec, 0, (const char *[]){"x", NULL},
                 "'x' is an invalid keyword argument for int()");
    check_unpack(&int_spec, 1, (const char *[]){"base", "x", NULL},
                 "int() takes at most 2 arguments (3 given)");
    check_unpack(&int_spec, 1, (const char *[]){"base", NULL}, NULL);
    check_unpack(&to_bytes_spec, 2, (const char *[]){"foo", NULL},
                 "'foo' is an invalid keyword argument for to_bytes()");
    check_unpack(&from_bytes_spec, 0, NULL,
                 "from_bytes() missing required argument 'bytes' (pos 1)");
    check_unpack(&from_bytes_spec, 3, NULL,
                 "from_bytes() takes at most 2 positional arguments "
                 "(3 given)");
    check_unpack(&from_bytes_spec, 1, (const char *[]){"byteorder", "x",
                                                         NULL},
                 "'x' is an invalid keyword argument for from_bytes()");
    check_unpack(&from_bytes_spec, 1, (const char *[]){"signed", NULL},
                 NULL);
    check_unpack(&split_spec, 3, NULL,
                 "split() takes at most 2 arguments (3 given)");
    check_unpack(&split_spec, 1, (const char *[]){"sep", NULL},
                 "argument for split() given by name ('sep') and position "
                 "(1)");
    check_unpack(&split_spec, 0, (const char *[]){"a", "b", "c", NULL},
                 "split() takes at most 2 keyword arguments (3 given)");
    check_unpack(&req_spec, 1, NULL,
                 "f() missing required argument 'key' (pos 2)");
    check_unpack(&req_spec, 2, NULL,
                 "f() takes exactly 1 positional argument (2 given)");
    check_unpack(&req_spec, 1, (const char *[]){"key", NULL}, NULL);

    /* The slots: given ones filled, others NULL. */
    MpObject *args[2] = {I(7), Mp_NewRef(Mp_None)};
    MpObject *kwnames = tuple_of(1, S("signed"));
    MpObject *out[3];
    assert_int_equal(MpArg_Unpack(&to_bytes_spec, args, 1, kwnames, out), 0);
    assert_ptr_equal(out[0], args[0]);
    assert_null(out[1]);
    assert_ptr_equal(out[2], args[1]);
    Mp_DECREF(args[0]);
    Mp_DECREF(args[1]);
    Mp_DECREF(kwnames);
}

static void
test_getargs_positional(void **state)
{
    assert_int_equal(MpArg_CheckPositional("getattr", 2, NULL, 2, 3), 0);
    assert_int_equal(MpArg_CheckPositional("getattr", 0, NULL, 2, 3), -1);
    check_raised("TypeError", "getattr expected at least 2 arguments, got 0");
    MpArg_CheckPositional("getattr", 4, NULL, 2, 3);
    check_raised("TypeError", "getattr expected at most 3 arguments, got 4");
    MpArg_CheckPositional("divmod", 1, NULL, 2, 2);
    check_raised("TypeError", "divmod expected 2 arguments, got 1");
    MpArg_CheckPositional("sorted", 2, NULL, 1, 1);
    check_raised("TypeError", "sorted expected 1 argument, got 2");
    MpObject *kw = tuple_of(1, S("x"));
    MpArg_CheckPositional("len", 1, kw, 1, 1);
    check_raised("TypeError", "len() takes no keyword arguments");
    Mp_DECREF(kw);
}
/* }====== */

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_and_fetch),
        cmocka_unit_test(test_matching_tuples),
        cmocka_unit_test(test_hierarchy),
        cmocka_unit_test(test_implicit_context),
        cmocka_unit_test(test_raise_statement),
        cmocka_unit_test(test_no_memory),
        cmocka_unit_test(test_unraisable),
        cmocka_unit_test(test_str_repr),
        cmocka_unit_test(test_links_and_notes),
        cmocka_unit_test(test_subclass_fields),
        cmocka_unit_test(test_oserror),
        cmocka_unit_test(test_syntaxerror),
        cmocka_unit_test(test_unicode_errors),
        cmocka_unit_test(test_exception_groups),
        cmocka_unit_test(test_getargs_unpack),
        cmocka_unit_test(test_getargs_positional),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
