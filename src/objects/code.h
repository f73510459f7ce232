/* code.h — code objects: what the compiler produces and the VM runs.

   A code object is immutable: the instructions (opcodes.h), the constants
   and names they index, the layout of the frame's local slots, and a
   location for every instruction (line and column range) for tracebacks.

   Local slots of a frame, in order:
       co_varnames (arguments first, then other locals)
       co_cellvars (variables of this scope captured by inner scopes)
       co_freevars (variables of outer scopes this one uses)
   A cell variable that is also an argument keeps its value in the
   argument slot until the frame starts, when it moves into the cell
   (co_cell2arg says which).  LOAD_DEREF i indexes cellvars then freevars.

   CPython counterpart: Include/cpython/code.h, Objects/codeobject.c. */
#ifndef MP_CODE_H
#define MP_CODE_H

#include "object.h"
#include "opcodes.h"

/* co_flags, CPython's values. */
enum {
    MP_CO_OPTIMIZED = 0x0001,   // locals in fast slots (functions)
    MP_CO_NEWLOCALS = 0x0002,
    MP_CO_VARARGS = 0x0004,
    MP_CO_VARKEYWORDS = 0x0008,
    MP_CO_NESTED = 0x0010,
    MP_CO_GENERATOR = 0x0020,
    MP_CO_NOFREE = 0x0040,
    MP_CO_COROUTINE = 0x0080,
    MP_CO_FUTURE_ANNOTATIONS = 0x1000000,
};

/* Where an instruction came from: for tracebacks and the ~~~^^^ markers.
   Columns are 0-based UTF-8 byte offsets, -1 when unknown. */
typedef struct {
    int lineno, end_lineno;
    int col, end_col;
} MpCodeLoc;

typedef struct {
    MpObject_HEAD
    int co_argcount;         // positional parameters, positional-only included
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_nlocals;          // len(co_varnames)
    int co_ncellvars, co_nfreevars;
    int co_stacksize;        // the value stack's maximum depth
    int co_flags;
    int co_firstlineno;
    Mp_ssize_t co_ncode;     // number of instructions
    MpInstr *co_code;
    MpCodeLoc *co_locs;      // one per instruction
    int *co_cell2arg;        // per cellvar: the argument slot, or -1; NULL
                             // when no cell is an argument
    MpObject *co_consts;     // tuple
    MpObject *co_names;      // tuple of str: globals, attributes, imports
    MpObject *co_varnames;   // tuple of str
    MpObject *co_cellvars;   // tuple of str
    MpObject *co_freevars;   // tuple of str
    MpObject *co_filename;   // str
    MpObject *co_name;       // str
    MpObject *co_qualname;   // str
} MpCodeObject;

extern MpTypeObject MpCode_Type;

static inline int
MpCode_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpCode_Type;
}

/* A code object taking over the given arrays (malloc'd; the code object
   frees them) and taking new references to the objects.
   Refs: NEW; the object arguments BORROWED. */
MpObject *MpCode_New(int argcount, int posonlyargcount, int kwonlyargcount,
                     int stacksize, int flags, int firstlineno,
                     MpInstr *code, MpCodeLoc *locs, Mp_ssize_t ncode,
                     MpObject *consts, MpObject *names, MpObject *varnames,
                     MpObject *cellvars, MpObject *freevars,
                     MpObject *filename, MpObject *name, MpObject *qualname);

/* The source line of instruction i, or -1. */
int MpCode_Line(const MpCodeObject *co, Mp_ssize_t i);

#endif
