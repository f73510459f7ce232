/* vm.h — the evaluation loop and the frame stack.

   A frame (MpFrame) is the state of one running piece of code: the code
   object, the namespaces, the instruction pointer, the block stack of
   `try` handlers, and an array of object slots holding the fast locals,
   the cells, the free variables and then the value stack:

       MpFrame
       +--------------------+
       | f_code, f_func     |  f_func is NULL for module/exec code
       | f_globals          |  BORROWED from f_func (or from the caller
       | f_builtins         |  of MpEval_Code, which outlives the frame)
       | f_locals           |  a dict for module/class bodies, else NULL
       | f_previous         |  the calling frame (the "f_back" chain)
       | f_ip, f_stacktop   |  saved instruction pointer and stack depth
       | f_blocks[20]       |  SETUP_FINALLY handlers (CO_MAXBLOCKS)
       | f_frame_obj        |  the Python-visible frame, made lazily
       +--------------------+
       | f_localsplus[0]    |  co_varnames (arguments first)
       | ...                |  co_cellvars (cell objects)
       | ...                |  co_freevars (cell objects from __closure__)
       | stack[0]           |  the value stack, co_stacksize slots
       | ...                |
       +--------------------+

   Frames of ordinary calls are pushed on one frame stack (a list of large
   chunks, bump-allocated) and popped when the call returns; a call from
   Python code to a Python function does not recurse in C: the loop pushes
   the callee's frame and carries on with it (CPython 3.11's inlined
   calls).  A generator's frame lives inside the generator object on the
   heap from the moment the generator is created and runs there; the loop
   does not care where a frame lives.

   Start-up: the runtime calls MpEval_Init() once, after the object system
   (types, str, dict) is ready and before running any code, then
   MpEval_SetDefaultBuiltins(dict of the builtins module).  MpEval_Fini()
   at exit releases the frame stack.

   CPython counterpart: Include/internal/pycore_frame.h, Python/ceval.c. */
#ifndef MP_VM_H
#define MP_VM_H

#include "object.h"
#include "objects/code.h"

/* CPython's CO_MAXBLOCKS: the compiler refuses deeper nesting ("too many
   statically nested blocks"), so the VM never overflows f_blocks. */
#define MP_MAXBLOCKS 20

typedef struct {
    int b_type;     // the opcode that pushed it (SETUP_FINALLY)
    int b_handler;  // instruction index of the handler
    int b_level;    // value-stack depth to cut back to
} MpTryBlock;

/* The life of a frame (f_state). */
enum {
    MP_FRAME_CREATED,    // arguments bound, not yet run
    MP_FRAME_SUSPENDED,  // a generator's frame at a yield
    MP_FRAME_EXECUTING,
    MP_FRAME_COMPLETED,  // returned or raised: the slots are cleared
};

typedef struct MpFrame {
    MpCodeObject *f_code;     // a reference the frame holds
    MpObject *f_func;         // a reference the frame holds, or NULL
    MpObject *f_globals;      // BORROWED (see above)
    MpObject *f_builtins;     // BORROWED
    MpObject *f_locals;       // a reference the frame holds, or NULL
    struct MpFrame *f_previous;
    MpInstr *f_ip;            // the instruction executing (or last
                              // executed); co_code - 1 before the start
    int f_stacktop;           // index in f_localsplus of the stack top
    int f_iblock;             // used entries of f_blocks
    signed char f_state;      // MP_FRAME_*
    char f_is_entry;          // the loop returns to C when it leaves it
    char f_on_heap;           // owned by a generator
    MpObject *f_frame_obj;    // the Python frame object, or NULL
    MpTryBlock f_blocks[MP_MAXBLOCKS];
    MpObject *f_localsplus[]; // nlocalsplus slots, then the value stack
} MpFrame;

/* The number of slots before the value stack. */
static inline int
MpFrame_NLocalsPlus(const MpCodeObject *co)
{
    return co->co_nlocals + co->co_ncellvars + co->co_nfreevars;
}

/* Bytes a frame for co needs (header, slots and value stack). */
static inline size_t
MpFrame_Size(const MpCodeObject *co)
{
    return sizeof(MpFrame) +
           sizeof(MpObject *) *
               (size_t)(MpFrame_NLocalsPlus(co) + co->co_stacksize);
}

/* The instruction index the frame is at (for tracebacks, f_lasti). */
static inline int
MpFrame_Lasti(const MpFrame *f)
{
    return (int)(f->f_ip - f->f_code->co_code);
}

/* {====== Start-up ====== */

/* Sets up the frame stack and the recursion guard.  Returns 0 or -1. */
int MpEval_Init(void);
void MpEval_Fini(void);

/* The builtins namespace used when a globals dict has no __builtins__.
   Refs: dict BORROWED (the VM takes its own). */
void MpEval_SetDefaultBuiltins(MpObject *dict);
/* The builtins of the running frame, or the default.  Refs: BORROWED. */
MpObject *MpEval_GetBuiltins(void);
/* The globals / locals (dict; for a function frame a snapshot) of the
   running frame, or NULL when no frame runs.  Refs: BORROWED. */
MpObject *MpEval_GetGlobals(void);
MpObject *MpEval_GetLocals(void);
/* The builtins that code running with these globals sees: globals'
   __builtins__ (a dict, or a module's dict), else the default.
   Refs: BORROWED. */
MpObject *MpEval_BuiltinsFor(MpObject *globals);
/* }====== */

/* {====== Running code ====== */

/* Runs a module body, a class body made by exec, or exec/eval code in the
   given namespaces (locals may be NULL: then globals is used).
   Returns the value of the code (None for a module), or NULL with an
   exception set.  Refs: NEW; co, globals, locals BORROWED. */
MpObject *MpEval_Code(MpCodeObject *co, MpObject *globals, MpObject *locals);

/* Calls a Python function with the vectorcall convention: binds the
   arguments (CPython's messages on a mismatch), then runs the body, or
   returns a new generator when the code is a generator's.
   Refs: NEW; func, args BORROWED.  NULL with an exception set. */
MpObject *MpEval_Function(MpObject *func, MpObject *const *args,
                          size_t nargs, MpObject *kwnames);

/* Runs a class body: func's code with ns as its locals (what
   builtins.__build_class__ does).  Returns the body's value (None, or the
   __class__ cell when the body created one).  Refs: NEW; BORROWED args. */
MpObject *MpEval_ClassBody(MpObject *func, MpObject *ns);
/* }====== */

/* {====== Recursion ======
   One counter for Python frames and C recursion (repr, comparison of
   nested containers...), as in CPython 3.11.  Depth above the limit is a
   RecursionError, and so is a C stack about to overflow. */

/* Returns 0, or -1 with RecursionError "maximum recursion depth
   exceeded" + where (e.g. " while getting the repr of an object"). */
int MpEval_EnterRecursive(const char *where);
void MpEval_LeaveRecursive(void);

/* The lowest C stack address C code may reach (MpEval_Init: the stack's
   size from getrlimit, less a margin for what runs after the
   RecursionError: printing it, __del__ methods). */
extern char *MpEval_CStackLimit;

/* 1 when the C stack is nearly exhausted.  One comparison, cheap enough
   for every call and every next(): C objects that forward to an object
   they wrap (map over map over ..., property over property, a
   mappingproxy of a mappingproxy) recurse on the C stack with no Python
   frame in between to count. */
static inline int
MpEval_CStackLow(void)
{
    return (char *)__builtin_frame_address(0) < MpEval_CStackLimit;
}

/* Sets RecursionError "maximum recursion depth exceeded" + where.
   Returns -1. */
int MpEval_CStackOverflow(const char *where);

/* For C code that recurses where CPython has no recursion check (the
   hash of nested tuples, the forwarding objects above): no depth
   counted, only the C stack.  Returns 0, or -1 with RecursionError
   "maximum recursion depth exceeded" + where when the C stack is about
   to overflow. */
static inline int
MpEval_CheckCStack(const char *where)
{
    return MpEval_CStackLow() ? MpEval_CStackOverflow(where) : 0;
}
int MpEval_GetRecursionLimit(void);
/* sys.setrecursionlimit: 0, or -1 with an exception (limit < 1, or lower
   than the current depth: "cannot set the recursion limit to 5 at the
   recursion depth 7: the limit is too low"). */
int MpEval_SetRecursionLimit(int limit);
/* }====== */

/* {====== Frames ====== */

/* The frame running now (the top of the call chain), or NULL.
   Refs: BORROWED.  sys._getframe walks f_previous from here. */
MpFrame *MpEval_CurrentFrame(void);

/* Releases everything a frame holds (slots, f_func, f_locals), detaches
   its Python frame object and sets f_state to MP_FRAME_COMPLETED.  The
   memory itself stays (a generator owns it, or the frame stack pops it). */
void MpFrame_Clear(MpFrame *f);

/* Binds args to a fresh frame of func (arguments, defaults, cells, free
   variables) and resumes it when it returns to a suspended generator:
   the generator's part of the machinery (gen.c). */
int MpFrame_BindArgs(MpFrame *f, MpObject *func, MpObject *const *args,
                     size_t nargs, MpObject *kwnames);

/* Resumes (or starts) frame f, with value pushed unless the frame is just
   created; with throwflag set, the current exception is raised at the
   point where the frame is suspended.  Used by generators only.
   Returns the yielded or returned value (f_state tells which: SUSPENDED
   or COMPLETED) or NULL with an exception (f_state COMPLETED).
   Refs: NEW; value BORROWED (may be NULL with throwflag). */
MpObject *MpEval_Resume(MpFrame *f, MpObject *value, int throwflag);

/* Initialises f (storage of MpFrame_Size bytes inside a generator) for a
   call of func; the arguments are bound next, by MpFrame_BindArgs. */
void _MpFrame_InitForGenerator(MpFrame *f, MpObject *func);
/* }====== */

/* {====== Private to code.c and vm.c ======
   The code object carries a per-name cache for LOAD_GLOBAL, in an
   extension of MpCodeObject that only MpCode_New allocates. */
typedef struct {
    MpObject *gc_globals;   // BORROWED: identity of the dicts checked
    MpObject *gc_builtins;
    uint64_t gc_gversion, gc_bversion;
    MpObject *gc_value;     // BORROWED: valid while both versions hold
} MpGlobalCacheEntry;

/* The per-name caches of a code object, all true while the type cache
   epoch (MpType_CacheEpoch) is the one they were filled in.
   For LOAD_ATTR / STORE_ATTR: "instances of ac_type (and of ac_type2: a
   site that sees a base class and a subclass alternately) keep this
   attribute in their __dict__, and the class has no attribute of that
   name", and the entry index where the dict held it last
   (MpDict_GetItemHinted).
   For LOAD_METHOD: "in ac_mtype, which uses the generic getattr, the name
   is the plain function (or method descriptor) ac_method". */
typedef struct {
    MpTypeObject *ac_type, *ac_type2;  // BORROWED: identity only
    unsigned ac_epoch;
    unsigned ac_mepoch;
    Mp_ssize_t ac_hint;
    MpTypeObject *ac_mtype;  // BORROWED: identity only
    MpObject *ac_method;     // BORROWED from ac_mtype's MRO
} MpAttrCacheEntry;

typedef struct {
    MpCodeObject base;
    MpGlobalCacheEntry *co_gcache;  // one per co_names entry, or NULL
    MpAttrCacheEntry *co_acache;    // likewise
    MpObject *co_weakreflist;
} MpCodeObjectEx;
/* }====== */


#endif
