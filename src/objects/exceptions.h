/* exceptions.h — the built-in exception classes and their instances.

   Every exception instance starts with the fields of BaseException: its
   arguments, its __traceback__, the two chaining links and the
   attribute dict.  A subclass with fields of its own (OSError's errno,
   SyntaxError's position, ...) extends that layout; a class statement
   deriving from one keeps it, as every class does with its solid base.

       MpBaseExceptionObject
       +--------------------+
       | header (GC)        |
       | dict               |  __dict__ (and __notes__ inside it), lazy
       | args               |  a tuple, never NULL once made
       | traceback          |  __traceback__, NULL: None
       | context            |  __context__: implicit chaining
       | cause              |  __cause__: `raise ... from ...`
       | suppress_context   |  __suppress_context__
       +--------------------+
       | subclass fields... |
       +--------------------+

   The class objects themselves are the MpExc_* pointers of errors.h.

   CPython counterpart: Include/cpython/pyerrors.h, Objects/exceptions.c. */
#ifndef MP_EXCEPTIONS_H
#define MP_EXCEPTIONS_H

#include "object.h"
#include "parse.h"

typedef struct {
    MpObject_HEAD
    MpObject *dict;
    MpObject *args;
    MpObject *traceback;
    MpObject *context;
    MpObject *cause;
    char suppress_context;
} MpBaseExceptionObject;

/* The subclasses with fields of their own.  Object fields come first and
   are all visited by the collector. */
typedef struct {
    MpBaseExceptionObject base;
    MpObject *value;
} MpStopIterationObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *code;
} MpSystemExitObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *msg, *name, *path;
} MpImportErrorObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *name;
} MpNameErrorObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *obj, *name;
} MpAttributeErrorObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *myerrno, *strerror, *filename, *filename2;
    Mp_ssize_t written;  // BlockingIOError.characters_written; -1: unset
} MpOSErrorObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *msg, *filename, *lineno, *offset, *text, *end_lineno,
        *end_offset, *print_file_and_line;
} MpSyntaxErrorObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *encoding, *object, *reason;
    Mp_ssize_t start, end;
} MpUnicodeErrorObject;

typedef struct {
    MpBaseExceptionObject base;
    MpObject *msg;   // str
    MpObject *excs;  // a non-empty tuple of exceptions
} MpBaseExceptionGroupObject;

/* Whether o is an exception instance / an exception class. */
static inline int
MpExceptionInstance_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_BASE_EXC_SUBCLASS);
}

int MpExceptionClass_Check(const MpObject *o);

/* Creates the classes and the preallocated MemoryError.  Call once, after
   type, object, str and tuple are ready.  Returns 0 or -1. */
int MpExceptions_Init(void);
/* Releases what MpExceptions_Init made that is not static. */
void MpExceptions_Fini(void);

/* The preallocated MemoryError instance that MpErr_NoMemory raises.
   Refs: BORROWED. */
MpObject *MpExc_MemoryErrorInstance(void);

/* {====== Accessors for the VM and the traceback code ======
   With CPython's meanings (PyException_GetTraceback ...).  exc must be an
   exception instance.  The getters return NULL when the link is not set
   (None at Python level). */

/* Refs: NEW (NULL when none). */
MpObject *MpException_GetTraceback(MpObject *exc);
/* tb: a traceback, or None / NULL for none.  Returns 0, or -1 with
   TypeError for anything else.  Refs: tb BORROWED. */
int MpException_SetTraceback(MpObject *exc, MpObject *tb);
/* Refs: NEW (NULL when none). */
MpObject *MpException_GetContext(MpObject *exc);
/* Refs: STEALS context (NULL or None: none). */
void MpException_SetContext(MpObject *exc, MpObject *context);
/* Refs: NEW (NULL when none). */
MpObject *MpException_GetCause(MpObject *exc);
/* Also sets __suppress_context__, as `raise ... from ...` does.
   Refs: STEALS cause (NULL or None: none). */
void MpException_SetCause(MpObject *exc, MpObject *cause);
/* Refs: BORROWED. */
MpObject *MpException_GetArgs(MpObject *exc);
/* }====== */

/* The value a StopIteration carries (args[0] or None), e.g. a generator's
   return value.  Refs: BORROWED. */
MpObject *MpStopIteration_Value(MpObject *exc);

/* Creates exc_type(errno, strerror[, filename]) as Python's OSError
   constructor does, so that OSError picks its errno subclass.
   Refs: NEW; filename BORROWED (may be NULL); NULL on error. */
MpObject *MpOSError_FromErrno(MpObject *exc_type, int errnum,
                              MpObject *filename);

/* A UnicodeDecodeError as a codec reports it: encoding, the bytes
   s[0:len], the bad range [start, end) and the reason ("invalid start
   byte").  Refs: NEW; NULL on error. */
MpObject *MpUnicodeDecodeError_Create(const char *encoding, const char *s,
                                      Mp_ssize_t len, Mp_ssize_t start,
                                      Mp_ssize_t end, const char *reason);
/* A UnicodeEncodeError for str object[start:end].  Refs: NEW; object
   BORROWED. */
MpObject *MpUnicodeEncodeError_Create(const char *encoding, MpObject *object,
                                      Mp_ssize_t start, Mp_ssize_t end,
                                      const char *reason);

/* Turns a front-end error record into the exception instance Python code
   sees: SyntaxError, IndentationError or TabError with msg, filename,
   lineno, offset, text, end_lineno and end_offset set as CPython 3.11's
   parser sets them (offsets 1-based, in characters; text is the source
   line with its newline), or a MemoryError.  filename may be NULL
   ("<unknown>").  Refs: NEW; NULL on error. */
MpObject *MpExc_SyntaxErrorFromRecord(const MpSyntaxError *err,
                                      const char *filename);

#endif
