/* errors.c — the interpreter's exception state, and raising from C.

   The state is two references, both NEW references owned here:

       curexc        the exception being raised right now (propagating up
                     through C functions that return NULL / -1), or NULL;
       handled_exc   the exception the innermost running `except`/`finally`
                     block handles (sys.exc_info()), or NULL.  The VM keeps
                     the stack of handled exceptions and tells us its top.

   Invariants: curexc and handled_exc are NULL or exception *instances*
   (never classes, never None); an instance's type is its ob_type and its
   traceback hangs off it, so there is no (type, value, traceback) triple
   to keep consistent (CPython 3.12 made the same simplification).

   Raising with a type and a value (MpErr_SetObject) builds the instance at
   once, calling the class as Python would (class(), class(value) or
   class(*value) for a tuple), then chains it: the handled exception
   becomes its __context__, after any cycle that would form through the
   __context__ links has been cut (see chain_context).

   CPython counterpart: Python/errors.c (_PyErr_SetObject,
   PyErr_GivenExceptionMatches, PyErr_WriteUnraisable's default hook in
   write_unraisable_exc_file), do_raise in Python/ceval.c.
   Read first: MpErr_SetObject */
#include "errors.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "traceback.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

static MpObject *curexc;       // NEW reference, or NULL
static MpObject *handled_exc;  // NEW reference, or NULL

/* {====== The current exception ====== */

MpObject *
MpErr_Occurred(void)
{
    return curexc;
}

void
MpErr_Clear(void)
{
    Mp_CLEAR(&curexc);
}

MpObject *
MpErr_GetRaisedException(void)
{
    MpObject *exc = curexc;
    curexc = NULL;
    return exc;
}

void
MpErr_SetRaisedException(MpObject *exc)
{
    Mp_SETREF(&curexc, exc);
}

MpObject *
MpErr_GetHandledException(void)
{
    return handled_exc != NULL ? Mp_NewRef(handled_exc) : NULL;
}

void
MpErr_SetHandledException(MpObject *exc)
{
    if (exc == Mp_None) {
        exc = NULL;
    }
    Mp_XINCREF(exc);
    Mp_SETREF(&handled_exc, exc);
}
/* }====== */

/* {====== Matching ====== */

int
MpExceptionClass_Check(const MpObject *o)
{
    return MpType_Check(o) &&
           MpType_HasFeature((const MpTypeObject *)o,
                             MP_TPFLAGS_BASE_EXC_SUBCLASS);
}

/* The test of an `except` clause, without __subclasscheck__ (CPython uses
   PyType_IsSubtype here too): exc may be a tuple, nested tuples allowed. */
int
MpErr_GivenExceptionMatches(MpObject *given, MpObject *exc)
{
    if (given == NULL || exc == NULL) {
        return 0;
    }
    if (MpTuple_Check(exc)) {
        Mp_ssize_t n = MpTuple_GET_SIZE(exc);
        for (Mp_ssize_t i = 0; i < n; i++) {
            if (MpErr_GivenExceptionMatches(given, MpTuple_GET_ITEM(exc, i))) {
                return 1;
            }
        }
        return 0;
    }
    if (MpExceptionInstance_Check(given)) {
        given = (MpObject *)Mp_TYPE(given);
    }
    if (MpExceptionClass_Check(given) && MpExceptionClass_Check(exc)) {
        return MpType_IsSubtype((MpTypeObject *)given, (MpTypeObject *)exc);
    }
    return given == exc;
}

int
MpErr_ExceptionMatches(MpObject *exc)
{
    return MpErr_GivenExceptionMatches(curexc, exc);
}

int
MpErr_CheckExceptClause(MpObject *exc)
{
    if (MpTuple_Check(exc)) {
        Mp_ssize_t n = MpTuple_GET_SIZE(exc);
        for (Mp_ssize_t i = 0; i < n; i++) {
            if (!MpExceptionClass_Check(MpTuple_GET_ITEM(exc, i))) {
                goto bad;
            }
        }
        return 0;
    }
    if (MpExceptionClass_Check(exc)) {
        return 0;
    }
bad:
    MpErr_SetString(MpExc_TypeError, "catching classes that do not inherit "
                                     "from BaseException is not allowed");
    return -1;
}
/* }====== */

/* {====== Raising ====== */

/* Calls the exception class type with the value as Python's raise would:
   type() for NULL/None, type(*value) for a tuple, type(value) otherwise.
   A built-in class is instantiated through its slots directly; a class
   statement's class goes through the full call (its metaclass may
   override __call__).  Refs: NEW; NULL on error. */
static MpObject *
create_exception(MpObject *type, MpObject *value)
{
    MpObject *args;
    if (value == NULL || value == Mp_None) {
        args = MpTuple_New(0);
    }
    else if (MpTuple_Check(value)) {
        args = Mp_NewRef(value);
    }
    else {
        args = MpTuple_FromArray(&value, 1);
    }
    if (args == NULL) {
        return NULL;
    }
    MpTypeObject *t = (MpTypeObject *)type;
    MpObject *exc;
    if (!MpType_HasFeature(t, MP_TPFLAGS_HEAPTYPE) && t->tp_new != NULL) {
        exc = t->tp_new(t, args, NULL);
        if (exc != NULL && MpType_IsSubtype(Mp_TYPE(exc), t) &&
            Mp_TYPE(exc)->tp_init != NULL &&
            Mp_TYPE(exc)->tp_init(exc, args, NULL) < 0) {
            Mp_CLEAR(&exc);
        }
    }
    else {
        exc = MpObject_Call(type, args, NULL);
    }
    Mp_DECREF(args);
    if (exc != NULL && !MpExceptionInstance_Check(exc)) {
        MpErr_Format(MpExc_TypeError,
                     "calling %R should have returned an instance of "
                     "BaseException, not %T", type, exc);
        Mp_CLEAR(&exc);
    }
    return exc;
}

/* Sets the handled exception as exc's __context__, unless it is exc
   itself.  Before that, the chain handled -> context -> context ... is
   walked: if exc appears in it, the link that points at exc is cut, or
   the new link would close a cycle (raise e inside `except` handling an
   exception whose context is e).  The walk stops at a cycle that is
   already there (Floyd's tortoise and hare, as CPython does), so it
   always ends. */
/* The __context__ link, read without taking a reference. */
static MpObject *
context_of(MpObject *exc)
{
    return ((MpBaseExceptionObject *)exc)->context;
}

static void
chain_context(MpObject *exc)
{
    MpObject *handled = handled_exc;
    if (handled == NULL || handled == exc) {
        return;
    }
    MpObject *o = handled, *slow = handled;
    int slow_update = 0;
    MpObject *context;
    while ((context = context_of(o)) != NULL) {
        if (context == exc) {
            MpException_SetContext(o, NULL);
            break;
        }
        o = context;
        if (o == slow) {
            break;  // a pre-existing cycle, not involving exc
        }
        if (slow_update) {
            slow = context_of(slow);
        }
        slow_update = !slow_update;
    }
    MpException_SetContext(exc, Mp_NewRef(handled));
}

/* Makes exc the current exception, chained to the handled one.
   Refs: STEALS exc. */
static void
raise_instance(MpObject *exc)
{
    chain_context(exc);
    MpErr_SetRaisedException(exc);
}

/* CPython's _PyErr_SetObject: the one place where a (type, value) pair
   becomes the raised instance. */
void
MpErr_SetObject(MpObject *type, MpObject *value)
{
    if (type == NULL || !MpExceptionClass_Check(type)) {
        MpErr_Clear();
        MpErr_Format(MpExc_SystemError,
                     "MpErr_SetObject: exception %R is not a BaseException "
                     "subclass", type ? type : Mp_None);
        return;
    }
    MpObject *exc;
    if (value != NULL && MpExceptionInstance_Check(value) &&
        MpType_IsSubtype(Mp_TYPE(value), (MpTypeObject *)type)) {
        exc = Mp_NewRef(value);
    }
    else {
        /* Creating the instance runs Python code (a user __init__): it
           must not see a stale exception, and if it fails its own
           exception is the one that propagates, as in CPython. */
        MpErr_Clear();
        exc = create_exception(type, value);
        if (exc == NULL) {
            return;
        }
    }
    raise_instance(exc);
}

void
MpErr_SetNone(MpObject *type)
{
    MpErr_SetObject(type, NULL);
}

void
MpErr_SetString(MpObject *type, const char *msg)
{
    MpErr_Clear();
    MpObject *s = MpStr_FromString(msg);
    if (s == NULL) {
        return;
    }
    MpErr_SetObject(type, s);
    Mp_DECREF(s);
}

MpObject *
MpErr_FormatV(MpObject *type, const char *fmt, va_list ap)
{
    /* The message may call repr() of an object, which must not run with
       an exception set (CPython issue #23571). */
    MpErr_Clear();
    MpObject *s = MpStr_FromFormatV(fmt, ap);
    if (s == NULL) {
        return NULL;
    }
    MpErr_SetObject(type, s);
    Mp_DECREF(s);
    return NULL;
}

MpObject *
MpErr_Format(MpObject *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    MpErr_FormatV(type, fmt, ap);
    va_end(ap);
    return NULL;
}

/* The preallocated instance is reused: its links from the last time it
   was raised are dropped first (no allocation is needed for that). */
MpObject *
MpErr_NoMemory(void)
{
    MpObject *exc = MpExc_MemoryErrorInstance();
    if (exc == NULL) {
        /* Out of memory before the exception classes exist: there is no
           way to report it as a Python exception (CPython: Py_FatalError). */
        fputs("Fatal Python error: out of memory during start-up\n",
              stderr);
        abort();
    }
    MpException_SetTraceback(exc, NULL);
    MpException_SetCause(exc, NULL);
    ((MpBaseExceptionObject *)exc)->suppress_context = 0;
    MpException_SetContext(exc, NULL);
    MpErr_Clear();
    raise_instance(Mp_NewRef(exc));
    return NULL;
}

MpObject *
MpErr_BadInternalCall(const char *where)
{
    return MpErr_Format(MpExc_SystemError,
                        "%s: bad argument to internal function",
                        where ? where : "?");
}

MpObject *
MpErr_SetFromErrnoWithFilenameObject(MpObject *type, MpObject *filename)
{
    int errnum = errno;
    MpObject *exc = MpOSError_FromErrno(type, errnum, filename);
    if (exc != NULL) {
        MpErr_SetObject((MpObject *)Mp_TYPE(exc), exc);
        Mp_DECREF(exc);
    }
    return NULL;
}

MpObject *
MpErr_SetFromErrno(MpObject *type)
{
    return MpErr_SetFromErrnoWithFilenameObject(type, NULL);
}
/* }====== */

/* {====== The raise statement ====== */

/* exc as an instance: a class is called with no arguments.  what names
   the operand for the error message.  Refs: NEW; NULL on error. */
static MpObject *
instance_of(MpObject *exc, const char *what)
{
    if (MpExceptionClass_Check(exc)) {
        MpObject *inst = MpObject_CallNoArgs(exc);
        if (inst == NULL) {
            return NULL;
        }
        if (!MpExceptionInstance_Check(inst)) {
            MpErr_Format(MpExc_TypeError,
                         "calling %R should have returned an instance of "
                         "BaseException, not %T", exc, inst);
            Mp_DECREF(inst);
            return NULL;
        }
        return inst;
    }
    if (MpExceptionInstance_Check(exc)) {
        return Mp_NewRef(exc);
    }
    MpErr_Format(MpExc_TypeError, "%s must derive from BaseException",
                 what);
    return NULL;
}

int
MpErr_Raise(MpObject *exc, MpObject *cause)
{
    if (exc == NULL) {
        /* A bare raise re-raises as it is: no new context. */
        if (handled_exc == NULL) {
            MpErr_SetString(MpExc_RuntimeError,
                            "No active exception to reraise");
            return -1;
        }
        MpErr_SetRaisedException(Mp_NewRef(handled_exc));
        return -1;
    }
    MpObject *value = instance_of(exc, "exceptions");
    if (value == NULL) {
        return -1;
    }
    if (cause != NULL) {
        MpObject *c;
        if (cause == Mp_None) {
            c = NULL;
        }
        else {
            c = instance_of(cause, "exception causes");
            if (c == NULL) {
                Mp_DECREF(value);
                return -1;
            }
        }
        MpException_SetCause(value, c);
    }
    MpErr_Clear();
    raise_instance(value);
    return -1;
}
/* }====== */

/* {====== Unraisable exceptions ====== */

static MpUnraisableHook unraisable_hook;  // NULL: the default
/* The message the report starts with; NULL: "Exception ignored in". */
static const char *unraisable_msg;

const char *
MpErr_UnraisableMsg(void)
{
    return unraisable_msg;
}

MpUnraisableHook
MpErr_SetUnraisableHook(MpUnraisableHook hook)
{
    MpUnraisableHook old = unraisable_hook;
    unraisable_hook = hook;
    return old ? old : MpErr_DefaultUnraisableHook;
}

/* Writes str(o) (or repr) to out; on failure writes fallback and clears
   the error.  Returns nothing: the hook cannot fail. */
static void
write_obj(MpObject *o, int use_repr, const char *fallback, FILE *out)
{
    MpObject *s = use_repr ? MpObject_Repr(o) : MpObject_Str(o);
    const char *text = s ? MpStr_AsUTF8(s) : NULL;
    if (text == NULL) {
        MpErr_Clear();
        fputs(fallback, out);
    }
    else {
        fputs(text, out);
    }
    Mp_XDECREF(s);
}

/* The exception type's name as the hook prints it: "module.QualName",
   without the module for builtins and __main__. */
static void
write_type_name(MpTypeObject *type, FILE *out)
{
    MpObject *mod = MpObject_GetAttrString((MpObject *)type, "__module__");
    if (mod == NULL || !MpStr_Check(mod)) {
        MpErr_Clear();
        fputs("<unknown>", out);
    }
    else if (MpStr_CompareWithASCII(mod, "builtins") != 0 &&
             MpStr_CompareWithASCII(mod, "__main__") != 0) {
        const char *m = MpStr_AsUTF8(mod);
        if (m == NULL) {
            MpErr_Clear();
        }
        else {
            fprintf(out, "%s.", m);
        }
    }
    Mp_XDECREF(mod);
    MpObject *qual = MpObject_GetAttrString((MpObject *)type,
                                            "__qualname__");
    const char *q = qual && MpStr_Check(qual) ? MpStr_AsUTF8(qual) : NULL;
    if (q == NULL) {
        MpErr_Clear();
        q = MpType_Name(type);
    }
    fputs(q, out);
    Mp_XDECREF(qual);
}

void
MpErr_DefaultUnraisableHook(MpObject *exc, MpObject *obj)
{
    FILE *out = stderr;
    if (unraisable_msg != NULL) {
        fputs(unraisable_msg, out);
        if (obj != NULL && obj != Mp_None) {
            fputs(": ", out);
            write_obj(obj, 1, "<object repr() failed>", out);
        }
        fputc('\n', out);
    }
    else if (obj != NULL && obj != Mp_None) {
        fputs("Exception ignored in: ", out);
        write_obj(obj, 1, "<object repr() failed>", out);
        fputc('\n', out);
    }
    if (exc == NULL) {
        fputs("NoneType: None\n", out);
        fflush(out);
        return;
    }
    MpBaseExceptionObject *e = (MpBaseExceptionObject *)exc;
    if (e->traceback != NULL) {
        /* MpTraceback_Print prints the chain, the frames and the last
           line; the hook shows no chain, so the links are set aside while
           it runs.  (CPython then writes "ValueError: " even for an empty
           message; the traceback printer writes "ValueError".) */
        MpObject *context = e->context, *cause = e->cause;
        e->context = e->cause = NULL;
        MpTraceback_Print(exc, out);
        e->context = context;
        e->cause = cause;
        fflush(out);
        return;
    }
    write_type_name(Mp_TYPE(exc), out);
    /* Like CPython 3.11's hook: ": " even for an empty message
       ("ValueError: "). */
    fputs(": ", out);
    write_obj(exc, 0, "<exception str() failed>", out);
    fputc('\n', out);
    fflush(out);
}

void
MpErr_WriteUnraisable(MpObject *obj)
{
    MpObject *exc = MpErr_GetRaisedException();
    if (obj != NULL) {
        Mp_INCREF(obj);  // the hook may run code that drops the last ref
    }
    if (unraisable_hook != NULL) {
        unraisable_hook(exc, obj);
    }
    else {
        MpErr_DefaultUnraisableHook(exc, obj);
    }
    MpErr_Clear();  // a hook must not leave one; make sure
    Mp_XDECREF(obj);
    Mp_XDECREF(exc);
}

void
MpErr_PrintUnraisableMsg(const char *msg, MpObject *exc, MpObject *obj)
{
    const char *saved = unraisable_msg;
    unraisable_msg = msg;
    MpErr_DefaultUnraisableHook(exc, obj);
    unraisable_msg = saved;
}

void
MpErr_WriteUnraisableMsg(const char *msg, MpObject *obj)
{
    const char *saved = unraisable_msg;
    unraisable_msg = msg;
    MpErr_WriteUnraisable(obj);
    unraisable_msg = saved;
}
/* }====== */
