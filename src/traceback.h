/* traceback.h — traceback objects, frame objects, and printing them.

   When an exception passes through a frame, the VM prepends an entry to
   the exception's __traceback__: (frame object, instruction index, line).
   Following tb_next from the exception's traceback goes from the outermost
   frame to the one that raised, the order the printout shows.

   A frame object is the Python view of an MpFrame (vm.h).  It is made only
   when someone needs it (a traceback entry, sys._getframe, gi_frame); while
   the frame runs it reads the live MpFrame, and when the frame ends it
   keeps what it still needs (code, globals, last instruction).

   CPython counterpart: Include/cpython/traceback.h, Python/traceback.c,
   Objects/frameobject.c. */
#ifndef MP_TRACEBACK_H
#define MP_TRACEBACK_H

#include <stdio.h>

#include "object.h"
#include "vm.h"

typedef struct MpTracebackObject {
    MpObject_HEAD
    struct MpTracebackObject *tb_next;  // toward the frame that raised
    MpObject *tb_frame;                 // frame object
    int tb_lasti;                       // instruction index
    int tb_lineno;
} MpTracebackObject;

typedef struct {
    MpObject_HEAD
    MpFrame *f_frame;      // the live frame, or NULL once it has ended
    MpObject *f_code;      // code object
    MpObject *f_globals;   // dict
    MpObject *f_builtins;  // dict
    MpObject *f_back;      // frame object kept after the end, or NULL
    MpObject *f_locals;    // dict snapshot (function frames), or NULL
    int f_lasti;           // valid once f_frame is NULL
} MpFrameObject;

extern MpTypeObject MpTraceback_Type, MpFrame_Type;

/* The frame object for f, made on first use.  Refs: BORROWED (f holds
   it); NULL with MemoryError set. */
MpObject *MpFrame_GetObject(MpFrame *f);

/* Called by MpFrame_Clear: the frame object stops reading f. */
void MpFrame_DetachObject(MpFrame *f);

/* The current line of a frame object. */
int MpFrameObject_GetLineNumber(MpFrameObject *fo);

/* Prepends an entry for frame f (at its current instruction) to the
   __traceback__ of the current exception.  Returns 0 or -1. */
int MpTraceback_Here(MpFrame *f);

/* Prints exc as an uncaught exception, exactly as CPython 3.11 does:
   the chained exceptions first, then "Traceback (most recent call
   last):", one entry per frame with its source line and ~~~^^^ markers,
   then "Type: message".  Refs: exc BORROWED.  Never fails (errors met
   while printing are cleared). */
void MpTraceback_Print(MpObject *exc, FILE *out);

/* The same with the traceback module's options: chain 0 prints exc alone
   (no __cause__ / __context__); limit n >= 0 keeps the first n entries
   of each traceback, -n the last n, MP_TB_NOLIMIT the interpreter's
   default.  Refs: exc BORROWED.  Never fails. */
#define MP_TB_NOLIMIT (-2147483647 - 1)
void MpTraceback_PrintEx(MpObject *exc, FILE *out, int chain, int limit);
/* Only the entries ("  File ..., line N, in f" and the source with its
   markers) of the traceback object tb.  Refs: tb BORROWED. */
void MpTraceback_PrintEntries(MpObject *tb, FILE *out, int limit);
/* Only the last line, "Type: message" (and a suggestion).  Refs: exc
   BORROWED. */
void MpTraceback_PrintExceptionOnly(MpObject *exc, FILE *out);

/* Set by shutdown once sys.modules is empty: tracebacks then show no
   source lines, as CPython's, whose C printer reads a file through the io
   module, which can no longer be imported. */
extern int MpTraceback_NoSourceLines;

/* The hook the lead fills in for 3.11's "Did you mean: 'y'?" suggestions
   on NameError and AttributeError: returns a NEW str to print after the
   message (". Did you mean: 'y'?"), or NULL.  NULL hook: no suggestions. */
extern MpObject *(*MpTraceback_SuggestionHook)(MpObject *exc);

#endif
