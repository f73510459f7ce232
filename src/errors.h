/* errors.h — the current exception, and how C code raises and checks it.

   The convention everywhere in minipy: a C function that fails sets the
   current exception and returns NULL (functions returning objects) or -1
   (functions returning int).  Nothing else signals an error, and nothing
   longjmps: every frame on the way out releases what it holds.

   The current exception is one exception *instance* (not CPython 3.11's
   type/value/traceback triple; 3.12 made the same simplification): its
   type is its ob_type and its traceback hangs off it (__traceback__).
   Raising a type with a message builds the instance at once.

   MemoryError needs no allocation: MpErr_NoMemory raises a preallocated
   instance, so running out of memory can always be reported.

   CPython counterpart: Python/errors.c, Include/pyerrors.h. */
#ifndef MP_ERRORS_H
#define MP_ERRORS_H

#include <stdarg.h>

#include "object.h"

/* The built-in exception classes (objects/exceptions.c), set up by
   MpExceptions_Init.  Each is an MpTypeObject cast to MpObject *.
   Refs: BORROWED (the interpreter holds them for its whole life). */
#define MP_EXCEPTION_TYPES(X)                                              \
    X(BaseException) X(Exception) X(GeneratorExit) X(KeyboardInterrupt)    \
    X(SystemExit) X(ArithmeticError) X(AssertionError) X(AttributeError)   \
    X(BufferError) X(EOFError) X(FloatingPointError) X(OverflowError)      \
    X(ZeroDivisionError) X(ImportError) X(ModuleNotFoundError)             \
    X(LookupError) X(IndexError) X(KeyError) X(MemoryError) X(NameError)   \
    X(UnboundLocalError) X(OSError) X(BlockingIOError)                     \
    X(ChildProcessError) X(ConnectionError) X(BrokenPipeError)             \
    X(ConnectionAbortedError) X(ConnectionRefusedError)                    \
    X(ConnectionResetError) X(FileExistsError) X(FileNotFoundError)        \
    X(InterruptedError) X(IsADirectoryError) X(NotADirectoryError)         \
    X(PermissionError) X(ProcessLookupError) X(TimeoutError)               \
    X(ReferenceError) X(RuntimeError) X(NotImplementedError)               \
    X(RecursionError) X(StopAsyncIteration) X(StopIteration)               \
    X(SyntaxError) X(IndentationError) X(TabError) X(SystemError)          \
    X(TypeError) X(ValueError) X(UnicodeError) X(UnicodeDecodeError)       \
    X(UnicodeEncodeError) X(UnicodeTranslateError) X(Warning)              \
    X(BytesWarning) X(DeprecationWarning) X(EncodingWarning)               \
    X(FutureWarning) X(ImportWarning) X(PendingDeprecationWarning)         \
    X(ResourceWarning) X(RuntimeWarning) X(SyntaxWarning)                  \
    X(UnicodeWarning) X(UserWarning) X(BaseExceptionGroup)                 \
    X(ExceptionGroup)

#define MP_DECLARE_EXC(name) extern MpObject *MpExc_##name;
MP_EXCEPTION_TYPES(MP_DECLARE_EXC)
#undef MP_DECLARE_EXC

/* Raises an instance of type made from a str message.  */
void MpErr_SetString(MpObject *type, const char *msg);

/* Raises type(value) when value is not an instance of type already (a
   NULL or None value raises type(), a tuple type(*value)), chained to the
   handled exception (see "Raising from the VM" below).  If calling the
   class fails, that error is what is raised.  Refs: value BORROWED. */
void MpErr_SetObject(MpObject *type, MpObject *value);

/* Raises type with a message made by MpStr_FromFormat (printf-like, plus
   %R for repr(obj), %S for str(obj), %T for the name of obj's type, %U for
   a str object, %V for a str object or a fallback C string, %B as %T but
   "None" for None, as CPython's messages for a bad argument read:
   "encode() argument 'encoding' must be str, not None").
   Returns NULL, so that `return MpErr_Format(...)` works. */
MpObject *MpErr_Format(MpObject *type, const char *fmt, ...);
MpObject *MpErr_FormatV(MpObject *type, const char *fmt, va_list ap);

/* Raises the preallocated MemoryError.  Returns NULL. */
MpObject *MpErr_NoMemory(void);

/* The current exception, or NULL.  Refs: BORROWED. */
MpObject *MpErr_Occurred(void);

/* Whether the current exception is an instance of exc, which may be a class
   or a tuple of classes (as in an `except` clause). */
int MpErr_ExceptionMatches(MpObject *exc);
/* The same test for a given exception instance or class. */
int MpErr_GivenExceptionMatches(MpObject *given, MpObject *exc);

void MpErr_Clear(void);

/* Takes the current exception away: returns it and leaves none set.
   Refs: NEW (NULL when there was none). */
MpObject *MpErr_GetRaisedException(void);

/* Makes exc the current exception, replacing any.  exc may be NULL (the
   same as MpErr_Clear).  Refs: STEALS exc. */
void MpErr_SetRaisedException(MpObject *exc);

/* Reports an exception that cannot propagate (raised in __del__, in a
   weakref or gc callback) as CPython does: "Exception ignored in: <obj>"
   and the traceback, on stderr, through sys.unraisablehook.  Clears the
   current exception.  Refs: obj BORROWED (may be NULL). */
void MpErr_WriteUnraisable(MpObject *obj);
/* The same with another first line: "<msg>: <repr(obj)>" (CPython's
   _PyErr_WriteUnraisableMsg, e.g. "Exception ignored in atexit
   callback").  Refs: obj BORROWED (may be NULL). */
void MpErr_WriteUnraisableMsg(const char *msg, MpObject *obj);
/* The default hook's output with that first line, without going through
   the installed hook (for sys.unraisablehook itself).
   Refs: exc, obj BORROWED (may be NULL). */
void MpErr_PrintUnraisableMsg(const char *msg, MpObject *exc, MpObject *obj);
/* The message of the report being written (for sys.unraisablehook's
   err_msg), NULL for the default one.  Refs: none. */
const char *MpErr_UnraisableMsg(void);

/* A SystemError for an interpreter bug found at run time (bad argument
   to a C function).  Returns NULL. */
MpObject *MpErr_BadInternalCall(const char *where);

/* Raises type() (no arguments).  */
void MpErr_SetNone(MpObject *type);

/* Raises type(errno, strerror(errno)) -- or with a third argument, the
   filename, when it is not NULL -- from the C errno.  With type OSError the
   instance is of the subclass errno selects (ENOENT: FileNotFoundError).
   Returns NULL.  Refs: filename BORROWED. */
MpObject *MpErr_SetFromErrno(MpObject *type);
MpObject *MpErr_SetFromErrnoWithFilenameObject(MpObject *type,
                                               MpObject *filename);

/* {====== Raising from the VM ======
   Implicit chaining.  While an `except` or `finally` block runs, the
   exception it handles is the *handled exception* (what sys.exc_info()
   returns and what a bare `raise` re-raises).  The VM keeps the stack of
   them (one per frame that is handling one) and tells this file which is
   on top with MpErr_SetHandledException.

   Every exception raised by MpErr_SetObject -- and so by SetString,
   Format, SetNone, NoMemory, and MpErr_Raise below -- gets the handled
   exception as its __context__, as CPython's _PyErr_SetObject does (a
   cycle in the __context__ chain is cut first).  MpErr_SetRaisedException
   does not chain: it restores an exception that was fetched earlier. */

/* The exception being handled, or NULL.  Refs: NEW (as CPython's
   PyErr_GetHandledException). */
MpObject *MpErr_GetHandledException(void);
/* Makes exc (an instance; NULL or None for none) the handled exception.
   Refs: exc BORROWED (this file takes its own reference). */
void MpErr_SetHandledException(MpObject *exc);

/* The `raise` statement (CPython's do_raise in ceval.c):
     raise            exc NULL: re-raises the handled exception as it is
                      ("RuntimeError: No active exception to reraise");
     raise E          E a class is called with no arguments, an instance
                      is used as it is ("exceptions must derive from
                      BaseException" otherwise);
     raise E from C   cause not NULL: C (a class is called, None is allowed)
                      becomes __cause__ and __suppress_context__ is set.
   The new exception is chained to the handled one (__context__).
   Returns -1 always, with the exception set.  Refs: exc, cause BORROWED. */
int MpErr_Raise(MpObject *exc, MpObject *cause);

/* Checks the operand of an `except` clause: a class deriving from
   BaseException or a tuple of such classes ("catching classes that do not
   inherit from BaseException is not allowed").  Returns 0 or -1. */
int MpErr_CheckExceptClause(MpObject *exc);
/* }====== */

/* {====== Unraisable exceptions ======
   MpErr_WriteUnraisable hands the exception to the unraisable hook.  The
   default hook prints as CPython's default sys.unraisablehook does:
       Exception ignored in: <repr(obj)>
       Traceback (most recent call last):      (traceback.c's
         ...                                    MpTraceback_Print, with
       ValueError: message                      the chain left out)
   The sys module installs its own hook (MpErr_SetUnraisableHook) that
   looks up sys.unraisablehook and, when the user replaced it, calls the
   replacement with an UnraisableHookArgs; it falls back on
   MpErr_DefaultUnraisableHook.  A hook must not leave an exception set. */
typedef void (*MpUnraisableHook)(MpObject *exc, MpObject *obj);
/* Installs hook (NULL: the default).  Returns the previous one. */
MpUnraisableHook MpErr_SetUnraisableHook(MpUnraisableHook hook);
/* The default output, on stderr.  Refs: exc, obj BORROWED (obj may be
   NULL: no "Exception ignored in" line). */
void MpErr_DefaultUnraisableHook(MpObject *exc, MpObject *obj);
/* }====== */

#endif
