/* vm.c — the evaluation loop, the frame stack, and calls.

   What it does.  eval_frame runs the bytecode of opcodes.h on a frame
   (the frame layout is drawn in vm.h).  It is one function with its hot
   state in locals: `ip` (the next instruction), `sp` (one past the top of
   the value stack), `fast` (the frame's slots), `co`, `consts`, `names`.
   Dispatch is by computed goto when MP_COMPUTED_GOTO is 1, by a switch
   otherwise; the opcode bodies are written once (vm_macros.h).

   Frames.  Ordinary calls take their frames from the frame stack: chunks
   of 256 KiB from which frames are bump-allocated and freed in LIFO order
   (a chunk is released when its last frame goes, one spare is kept).  A
   call from Python code to a Python function does not recurse in C: CALL
   pushes the callee's frame, links it to the caller (f_previous) and the
   loop carries on with it; RETURN_VALUE pops it and pushes the result on
   the caller's stack.  Only the frame the loop was entered with (from C:
   MpEval_Code, MpEval_Function, a generator resuming) has f_is_entry set;
   leaving that frame returns from eval_frame.

        C stack                       frame stack (chunk)
        MpEval_Function ──► eval_frame: [ f (entry) | g | h ]  ◄── sp grows
                                        ▲ CALL of g and h pushed frames
                                          without a C call

   Invariants.
   - Every instruction stores f_ip = its own address before it runs (the
     DISPATCH macro), so anything that raises or runs Python code finds the
     frame's position saved: tracebacks and unwinding read it.
   - Values on the stack are owned references; NULL appears only as the
     "no self" marker of the call layout [NULL, callable, args...].
   - The recursion depth counts Python frames being executed plus C-level
     recursion (MpEval_EnterRecursive): depth > limit is a RecursionError,
     checked when a frame starts; so is a C stack less than 256 KiB from
     its end.

   Unwinding an exception (the `error:` label).  First a traceback entry
   for this frame at f_ip is prepended to the exception's __traceback__
   (not for RERAISE and bare `raise`, which re-raise an exception that
   already has one: they enter at `exception_unwind:`).  Then, if the
   frame's block stack has a SETUP_FINALLY block, the block is popped, the
   value stack is cut back to the depth recorded by SETUP_FINALLY, the
   exception is pushed and execution continues at the handler (which the
   compiler starts with PUSH_EXC_INFO, or WITH_EXCEPT_START for a with).
   With no block left, the whole value stack is released and the frame
   ends: if it is the entry frame eval_frame returns NULL; otherwise the
   frame is popped and the caller continues unwinding at `error:` (adding
   its own traceback entry, which is how the chain of entries grows
   outward).

   The handled exception (sys.exc_info()) is kept by errors.c;
   PUSH_EXC_INFO saves the previous one on the value stack and installs
   the new one, POP_EXCEPT restores the saved one.  Generators swap their
   own in and out around each resumption (gen.c).

   CPython counterpart: Python/ceval.c (3.10's block stack, 3.11's inlined
   calls and call layout), Python/frame.c, Objects/call.c.
   Read first: eval_frame */
#include "vm.h"
#include "signals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "abstract.h"
#include "builtins.h"
#include "errors.h"
#include "import.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/float.h"
#include "objects/func.h"
#include "objects/gen.h"
#include "objects/int.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/modulespec.h"
#include "objects/set.h"
#include "objects/slice.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "traceback.h"

/* {====== Interpreter state ====== */

typedef struct Chunk {
    struct Chunk *prev;
    char *top;   // the next free byte
    char *end;
    size_t size;
    _Alignas(16) char data[];
} Chunk;

#define CHUNK_SIZE (256 * 1024)
/* Keep this much C stack free for whatever runs after a RecursionError
   (printing it, __del__ methods). */
#define C_STACK_MARGIN (256 * 1024)

static struct {
    MpFrame *frame;            // the frame running now
    int depth;                 // see "Invariants" above
    int limit;                 // sys.getrecursionlimit(), 1000 by default
    Chunk *chunk, *spare;
    MpObject *default_builtins;
} ts = {.limit = 1000};

char *MpEval_CStackLimit;  // see vm.h; NULL (no check) before MpEval_Init

MpFrame *
MpEval_CurrentFrame(void)
{
    return ts.frame;
}

int
MpEval_Init(void)
{
    struct rlimit rl;
    size_t size = 8u << 20;  // Linux's usual default
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rl.rlim_cur < (64u << 20)) {
        size = (size_t)rl.rlim_cur;
    }
    /* A stack made small with `ulimit -s` keeps three quarters usable. */
    size_t margin = size / 4 < C_STACK_MARGIN ? size / 4 : C_STACK_MARGIN;
    /* MpEval_Init runs near the top of the C stack; the stack grows down
       on every platform minipy targets.  The frame address, not a
       local's: under ASan a local may live on a heap "fake stack". */
    MpEval_CStackLimit =
        (char *)__builtin_frame_address(0) - size + margin;
    if (ts.chunk == NULL) {
        ts.chunk = malloc(sizeof(Chunk) + CHUNK_SIZE);
        if (ts.chunk == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        ts.chunk->prev = NULL;
        ts.chunk->size = CHUNK_SIZE;
        ts.chunk->top = ts.chunk->data;
        ts.chunk->end = ts.chunk->data + CHUNK_SIZE;
    }
    return 0;
}

void
MpEval_Fini(void)
{
    while (ts.chunk != NULL) {
        Chunk *p = ts.chunk->prev;
        free(ts.chunk);
        ts.chunk = p;
    }
    free(ts.spare);
    ts.spare = NULL;
    Mp_CLEAR(&ts.default_builtins);
}

void
MpEval_SetDefaultBuiltins(MpObject *dict)
{
    Mp_XINCREF(dict);
    Mp_SETREF(&ts.default_builtins, dict);
}

MpObject *
MpEval_GetBuiltins(void)
{
    return ts.frame ? ts.frame->f_builtins : ts.default_builtins;
}

MpObject *
MpEval_GetGlobals(void)
{
    return ts.frame ? ts.frame->f_globals : NULL;
}

MpObject *
MpEval_GetLocals(void)
{
    MpFrame *f = ts.frame;
    if (f == NULL) {
        return NULL;
    }
    if (f->f_locals != NULL) {
        return f->f_locals;
    }
    MpFrameObject *fo = (MpFrameObject *)MpFrame_GetObject(f);
    if (fo == NULL) {
        return NULL;
    }
    MpObject *d = MpObject_GetAttrString((MpObject *)fo, "f_locals");
    if (d == NULL) {
        return NULL;
    }
    Mp_DECREF(d);  // the frame object keeps its snapshot
    return d;
}

/* After a successful obj.name load or store through the generic path:
   remember tp when what happened is what the cached path would do, that
   is when tp uses the generic getattr/setattr, its instances have a
   __dict__, and no class along its MRO defines name at all (so the
   instance dict is the only place name can live). */
static void
attr_cache_learn(MpAttrCacheEntry *ac, MpTypeObject *tp, MpObject *name)
{
    if (tp->tp_getattro != MpObject_GenericGetAttr ||
        tp->tp_setattro != MpObject_GenericSetAttr ||
        tp->tp_dictoffset == 0 || MpType_Lookup(tp, name) != NULL) {
        return;
    }
    if (ac->ac_epoch == MpType_CacheEpoch) {
        ac->ac_type2 = ac->ac_type;  // keep the last class seen as well
    }
    else {
        ac->ac_type2 = NULL;
        ac->ac_epoch = MpType_CacheEpoch;
        ac->ac_hint = -1;
    }
    ac->ac_type = tp;
}

/* Whether the attribute cache ac holds for instances of tp. */
static inline int
attr_cache_hit(const MpAttrCacheEntry *ac, const MpTypeObject *tp)
{
    return (ac->ac_type == tp || ac->ac_type2 == tp) &&
           ac->ac_epoch == MpType_CacheEpoch;
}

MpObject *
MpEval_BuiltinsFor(MpObject *globals)
{
    static MpStrIdentifier id_builtins = MP_STR_IDENTIFIER("__builtins__");
    MpObject *name = MpStr_FromIdentifier(&id_builtins);
    MpObject *b = MpDict_Check(globals) && name != NULL
                      ? MpDict_GetItemWithError(globals, name)
                      : NULL;
    if (b == NULL) {
        MpErr_Clear();
    }
    if (b != NULL && MpModule_Check(b)) {
        b = MpModule_GetDict(b);  // the usual case: the builtins module
    }
    else if (b != NULL && !MpDict_Check(b)) {
        /* Some other object: its namespace. */
        MpObject *d = MpObject_GetAttrString(b, "__dict__");
        if (d == NULL) {
            MpErr_Clear();
            b = NULL;
        }
        else {
            Mp_DECREF(d);  // the module keeps it alive
            b = d;
        }
    }
    if (b == NULL) {
        b = ts.default_builtins;
    }
    if (b == NULL) {
        /* No builtins set up yet (unit tests): the globals themselves. */
        b = globals;
    }
    return b;
}
/* }====== */

/* {====== Recursion ====== */

int
MpEval_EnterRecursive(const char *where)
{
    if (++ts.depth > ts.limit || MpEval_CStackLow()) {
        ts.depth--;
        MpErr_Format(MpExc_RecursionError,
                     "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

int
MpEval_CStackOverflow(const char *where)
{
    MpErr_Format(MpExc_RecursionError, "maximum recursion depth exceeded%s",
                 where);
    return -1;
}

void
MpEval_LeaveRecursive(void)
{
    ts.depth--;
}

int
MpEval_GetRecursionLimit(void)
{
    return ts.limit;
}

int
MpEval_SetRecursionLimit(int limit)
{
    if (limit < 1) {
        MpErr_SetString(MpExc_ValueError,
                        "recursion limit must be greater or equal than 1");
        return -1;
    }
    if (limit <= ts.depth) {
        MpErr_Format(MpExc_RecursionError,
                     "cannot set the recursion limit to %d at the recursion "
                     "depth %d: the limit is too low",
                     limit, ts.depth);
        return -1;
    }
    ts.limit = limit;
    return 0;
}
/* }====== */

/* {====== The frame stack ====== */

static MpFrame *
frame_alloc(MpCodeObject *co)
{
    size_t size = (MpFrame_Size(co) + 15) & ~(size_t)15;
    Chunk *c = ts.chunk;
    if (c == NULL || (size_t)(c->end - c->top) < size) {
        size_t want = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        Chunk *n = ts.spare;
        if (n != NULL && n->size >= want) {
            ts.spare = NULL;
        }
        else {
            n = malloc(sizeof(Chunk) + want);
            if (n == NULL) {
                MpErr_NoMemory();
                return NULL;
            }
            n->size = want;
        }
        n->prev = c;
        n->top = n->data;
        n->end = n->data + n->size;
        ts.chunk = c = n;
    }
    MpFrame *f = (MpFrame *)c->top;
    c->top += size;
    return f;
}

/* Frees the newest frame of the frame stack (LIFO). */
static void
frame_free(MpFrame *f)
{
    Chunk *c = ts.chunk;
    c->top = (char *)f;
    if (c->top == c->data && c->prev != NULL) {
        ts.chunk = c->prev;
        if (ts.spare == NULL) {
            ts.spare = c;
        }
        else if (ts.spare->size < c->size) {
            free(ts.spare);
            ts.spare = c;
        }
        else {
            free(c);
        }
    }
}

static void
frame_init(MpFrame *f, MpCodeObject *co, MpObject *func, MpObject *globals,
           MpObject *builtins, MpObject *locals)
{
    int n = MpFrame_NLocalsPlus(co);
    f->f_code = co;
    Mp_INCREF(co);
    f->f_func = func;
    Mp_XINCREF(func);
    f->f_globals = globals;
    f->f_builtins = builtins;
    f->f_locals = locals;
    Mp_XINCREF(locals);
    f->f_previous = NULL;
    f->f_ip = co->co_code - 1;
    f->f_stacktop = n;
    f->f_iblock = 0;
    f->f_state = MP_FRAME_CREATED;
    f->f_is_entry = 0;
    f->f_on_heap = 0;
    f->f_frame_obj = NULL;
    for (int i = 0; i < n; i++) {
        f->f_localsplus[i] = NULL;
    }
}

void
MpFrame_Clear(MpFrame *f)
{
    if (f->f_frame_obj != NULL) {
        MpFrame_DetachObject(f);
    }
    /* Slot by slot, storing NULL before releasing: a __del__ run by a
       release may look at the frame (sys._getframe). */
    int top = f->f_stacktop;
    f->f_stacktop = 0;
    for (int i = 0; i < top; i++) {
        MpObject *v = f->f_localsplus[i];
        f->f_localsplus[i] = NULL;
        Mp_XDECREF(v);
    }
    Mp_CLEAR(&f->f_locals);
    Mp_CLEAR(&f->f_func);
    f->f_state = MP_FRAME_COMPLETED;
}

/* Clears and frees a frame of the frame stack. */
static void
frame_release(MpFrame *f)
{
    MpFrame_Clear(f);
    MpCodeObject *co = f->f_code;
    frame_free(f);
    Mp_DECREF(co);
}
/* }====== */

/* {====== Binding arguments ======
   CPython's rules and messages (Python/ceval.c, initialize_locals). */

static MpObject *
qualname_of(MpObject *func)
{
    return ((MpFunctionObject *)func)->func_qualname;
}

/* 'a'; 'a' and 'b'; 'a', 'b', and 'c' */
static MpObject *
format_names(MpObject **names, int n)
{
    MpObject *r = NULL;
    if (n == 1) {
        return MpStr_FromFormat("'%U'", names[0]);
    }
    if (n == 2) {
        return MpStr_FromFormat("'%U' and '%U'", names[0], names[1]);
    }
    r = MpStr_FromString("");
    for (int i = 0; i < n && r != NULL; i++) {
        MpObject *part =
            i < n - 1 ? MpStr_FromFormat("%U'%U', ", r, names[i])
                      : MpStr_FromFormat("%Uand '%U'", r, names[i]);
        Mp_SETREF(&r, part);
    }
    return r;
}

static void
missing_arguments(MpObject *func, MpFrame *f, int kwonly, int start,
                  int end, int ndefaults_from)
{
    MpCodeObject *co = f->f_code;
    MpObject *missing[256];
    int n = 0;
    for (int i = start; i < end && n < 256; i++) {
        if (f->f_localsplus[i] == NULL && i < ndefaults_from) {
            missing[n++] = MpTuple_GET_ITEM(co->co_varnames, i);
        }
    }
    if (n == 0) {
        return;
    }
    MpObject *list = format_names(missing, n);
    if (list == NULL) {
        return;
    }
    MpErr_Format(MpExc_TypeError, "%U() missing %d required %s argument%s: %U",
                 qualname_of(func), n, kwonly ? "keyword-only" : "positional",
                 n == 1 ? "" : "s", list);
    Mp_DECREF(list);
}

static void
too_many_positional(MpObject *func, MpFrame *f, size_t given)
{
    MpCodeObject *co = f->f_code;
    MpObject *defaults = ((MpFunctionObject *)func)->func_defaults;
    int defcount = defaults ? (int)MpTuple_GET_SIZE(defaults) : 0;
    int kwonly_given = 0;
    for (int i = co->co_argcount;
         i < co->co_argcount + co->co_kwonlyargcount; i++) {
        kwonly_given += f->f_localsplus[i] != NULL;
    }
    char sig[64], kwsig[96] = "";
    int plural;
    if (defcount) {
        snprintf(sig, sizeof sig, "from %d to %d",
                 co->co_argcount - defcount, co->co_argcount);
        plural = 1;
    }
    else {
        snprintf(sig, sizeof sig, "%d", co->co_argcount);
        plural = co->co_argcount != 1;
    }
    if (kwonly_given) {
        snprintf(kwsig, sizeof kwsig,
                 " positional argument%s (and %d keyword-only argument%s)",
                 given != 1 ? "s" : "", kwonly_given,
                 kwonly_given != 1 ? "s" : "");
    }
    MpErr_Format(MpExc_TypeError,
                 "%U() takes %s positional argument%s but %zd%s %s given",
                 qualname_of(func), sig, plural ? "s" : "", (Mp_ssize_t)given,
                 kwsig, given == 1 && !kwonly_given ? "was" : "were");
}

static int
positional_only_passed_as_keyword(MpObject *func, MpCodeObject *co,
                                  MpObject *kwnames, Mp_ssize_t nkw)
{
    MpObject *found[64];
    int n = 0;
    for (Mp_ssize_t k = 0; k < nkw && n < 64; k++) {
        MpObject *name = MpTuple_GET_ITEM(kwnames, k);
        for (int j = 0; j < co->co_posonlyargcount; j++) {
            MpObject *p = MpTuple_GET_ITEM(co->co_varnames, j);
            if (p == name || MpStr_Equal(p, name)) {
                found[n++] = name;
                break;
            }
        }
    }
    if (n == 0) {
        return 0;
    }
    MpObject *sep = MpStr_FromString(", ");
    MpObject *t = MpTuple_FromArray(found, n);
    MpObject *joined = sep && t ? MpStr_Join(sep, t) : NULL;
    Mp_XDECREF(sep);
    Mp_XDECREF(t);
    if (joined != NULL) {
        MpErr_Format(MpExc_TypeError,
                     "%U() got some positional-only arguments passed as "
                     "keyword arguments: '%U'",
                     qualname_of(func), joined);
        Mp_DECREF(joined);
    }
    return -1;
}

/* Cells for this scope's cell variables (an argument captured by an inner
   scope moves from its argument slot into its cell), and the closure's
   cells for the free variables. */
static int
frame_init_cells(MpFrame *f, MpObject *func)
{
    MpCodeObject *co = f->f_code;
    MpObject **fast = f->f_localsplus;
    int base = co->co_nlocals;
    for (int i = 0; i < co->co_ncellvars; i++) {
        int arg = co->co_cell2arg ? co->co_cell2arg[i] : -1;
        MpObject *cell = MpCell_New(arg >= 0 ? fast[arg] : NULL);
        if (cell == NULL) {
            return -1;
        }
        if (arg >= 0) {
            Mp_CLEAR(&fast[arg]);
        }
        fast[base + i] = cell;
    }
    base += co->co_ncellvars;
    MpObject *closure =
        func ? ((MpFunctionObject *)func)->func_closure : NULL;
    for (int i = 0; i < co->co_nfreevars; i++) {
        if (closure == NULL || i >= MpTuple_GET_SIZE(closure)) {
            MpErr_BadInternalCall("frame_init_cells: short closure");
            return -1;
        }
        fast[base + i] = Mp_NewRef(MpTuple_GET_ITEM(closure, i));
    }
    return 0;
}

int
MpFrame_BindArgs(MpFrame *f, MpObject *funcobj, MpObject *const *args,
                 size_t nargs, MpObject *kwnames)
{
    MpFunctionObject *func = (MpFunctionObject *)funcobj;
    MpCodeObject *co = f->f_code;
    MpObject **fast = f->f_localsplus;
    int argcount = co->co_argcount;
    int total = argcount + co->co_kwonlyargcount;
    MpObject *kwdict = NULL;
    Mp_ssize_t nkw = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;

    if (co->co_flags & MP_CO_VARKEYWORDS) {
        kwdict = MpDict_New();
        if (kwdict == NULL) {
            return -1;
        }
        fast[total + ((co->co_flags & MP_CO_VARARGS) != 0)] = kwdict;
    }
    size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
    for (size_t i = 0; i < n; i++) {
        fast[i] = Mp_NewRef(args[i]);
    }
    if (co->co_flags & MP_CO_VARARGS) {
        MpObject *t = MpTuple_FromArray(args + n, (Mp_ssize_t)(nargs - n));
        if (t == NULL) {
            return -1;
        }
        fast[total] = t;
    }

    /* Keyword arguments: by interned pointer first, then by value. */
    for (Mp_ssize_t k = 0; k < nkw; k++) {
        MpObject *name = MpTuple_GET_ITEM(kwnames, k);
        MpObject *value = args[nargs + (size_t)k];
        int j;
        if (!MpStr_Check(name)) {
            MpErr_Format(MpExc_TypeError, "%U() keywords must be strings",
                         qualname_of(funcobj));
            return -1;
        }
        for (j = co->co_posonlyargcount; j < total; j++) {
            if (MpTuple_GET_ITEM(co->co_varnames, j) == name) {
                goto found;
            }
        }
        for (j = co->co_posonlyargcount; j < total; j++) {
            if (MpStr_Equal(MpTuple_GET_ITEM(co->co_varnames, j), name)) {
                goto found;
            }
        }
        if (kwdict != NULL) {
            if (MpDict_SetItem(kwdict, name, value) < 0) {
                return -1;
            }
            continue;
        }
        if (co->co_posonlyargcount > 0 &&
            positional_only_passed_as_keyword(funcobj, co, kwnames, nkw)) {
            return -1;
        }
        MpErr_Format(MpExc_TypeError,
                     "%U() got an unexpected keyword argument '%U'",
                     qualname_of(funcobj), name);
        return -1;
    found:
        if (fast[j] != NULL) {
            MpErr_Format(MpExc_TypeError,
                         "%U() got multiple values for argument '%U'",
                         qualname_of(funcobj), name);
            return -1;
        }
        fast[j] = Mp_NewRef(value);
    }

    if (nargs > (size_t)argcount && !(co->co_flags & MP_CO_VARARGS)) {
        too_many_positional(funcobj, f, nargs);
        return -1;
    }

    /* Missing positional arguments, then their defaults. */
    if (nargs < (size_t)argcount) {
        MpObject *defs = func->func_defaults;
        int ndefs = defs ? (int)MpTuple_GET_SIZE(defs) : 0;
        int first_default = argcount - ndefs;
        for (int i = (int)nargs; i < first_default; i++) {
            if (fast[i] == NULL) {
                missing_arguments(funcobj, f, 0, (int)nargs, argcount,
                                  first_default);
                return -1;
            }
        }
        for (int i = first_default > (int)nargs ? first_default : (int)nargs;
             i < argcount; i++) {
            if (fast[i] == NULL) {
                fast[i] = Mp_NewRef(MpTuple_GET_ITEM(defs, i - first_default));
            }
        }
    }

    /* Keyword-only arguments: their defaults, or an error. */
    if (co->co_kwonlyargcount > 0) {
        int missing = 0;
        for (int i = argcount; i < total; i++) {
            if (fast[i] != NULL) {
                continue;
            }
            MpObject *name = MpTuple_GET_ITEM(co->co_varnames, i);
            MpObject *def = NULL;
            if (func->func_kwdefaults != NULL) {
                def = MpDict_GetItemWithError(func->func_kwdefaults, name);
                if (def == NULL && MpErr_Occurred()) {
                    return -1;
                }
            }
            if (def != NULL) {
                fast[i] = Mp_NewRef(def);
            }
            else {
                missing++;
            }
        }
        if (missing) {
            missing_arguments(funcobj, f, 1, argcount, total, total);
            return -1;
        }
    }
    return frame_init_cells(f, funcobj);
}
/* }====== */

/* {====== Helpers of the loop ====== */

static void
raise_name_error(MpObject *name)
{
    MpErr_Format(MpExc_NameError, "name '%U' is not defined", name);
    /* 3.11 keeps the name on the exception, for "Did you mean". */
    MpObject *exc = MpErr_GetRaisedException();
    if (exc != NULL) {
        if (MpObject_SetAttrString(exc, "name", name) < 0) {
            MpErr_Clear();
        }
        MpErr_SetRaisedException(exc);
    }
}

static void
unbound_local(MpCodeObject *co, int i)
{
    MpErr_Format(MpExc_UnboundLocalError,
                 "cannot access local variable '%U' where it is not "
                 "associated with a value",
                 MpTuple_GET_ITEM(co->co_varnames, i));
}

static void
unbound_deref(MpCodeObject *co, int i)
{
    if (i < co->co_ncellvars) {
        MpErr_Format(MpExc_UnboundLocalError,
                     "cannot access local variable '%U' where it is not "
                     "associated with a value",
                     MpTuple_GET_ITEM(co->co_cellvars, i));
    }
    else {
        MpErr_Format(MpExc_NameError,
                     "cannot access free variable '%U' where it is not "
                     "associated with a value in enclosing scope",
                     MpTuple_GET_ITEM(co->co_freevars,
                                      i - co->co_ncellvars));
    }
}

/* d[key] for the namespace dicts, which may be any mapping for locals:
   NULL with no exception when absent.  Refs: NEW. */
static MpObject *
mapping_lookup(MpObject *d, MpObject *key)
{
    if (MpDict_CheckExact(d)) {  // a subclass may override __getitem__
        MpObject *v = MpDict_GetItemWithError(d, key);
        return v ? Mp_NewRef(v) : NULL;
    }
    MpObject *v = MpObject_GetItem(d, key);
    if (v == NULL && MpErr_ExceptionMatches(MpExc_KeyError)) {
        MpErr_Clear();
    }
    return v;
}

/* "f()" / "C.m()" / "__main__.f()" as CPython's _PyObject_FunctionStr. */
static MpObject *
function_str(MpObject *func)
{
    MpObject *qualname = NULL, *module = NULL, *r = NULL;
    if (MpObject_LookupAttrString(func, "__qualname__", &qualname) <= 0) {
        MpErr_Clear();
        return MpObject_Str(func);
    }
    if (MpObject_LookupAttrString(func, "__module__", &module) < 0) {
        MpErr_Clear();
    }
    if (module != NULL && MpStr_Check(module) &&
        MpStr_CompareWithASCII(module, "builtins") != 0) {
        r = MpStr_FromFormat("%U.%U()", module, qualname);
    }
    else {
        r = MpStr_FromFormat("%U()", qualname);
    }
    Mp_XDECREF(module);
    Mp_DECREF(qualname);
    return r;
}

static int
has_iter_protocol(MpObject *o)
{
    MpTypeObject *t = Mp_TYPE(o);
    return t->tp_iter != NULL ||
           (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL);
}

/* StopIteration being raised: takes it and returns 0 with *value = its
   value (NEW); otherwise -1 with the exception left in place. */
static int
fetch_stop_iteration_value(MpObject **value)
{
    if (!MpErr_ExceptionMatches(MpExc_StopIteration)) {
        return -1;
    }
    MpObject *exc = MpErr_GetRaisedException();
    *value = Mp_NewRef(MpStopIteration_Value(exc));
    Mp_DECREF(exc);
    return 0;
}

/* UNPACK_SEQUENCE and UNPACK_EX: the values of seq go to out[0..]:
   before values, then (star >= 0) a list of the middle, then after. */
static int
unpack_iterable(MpObject *seq, int before, int star, int after,
                MpObject **out)
{
    MpObject *it = MpObject_GetIter(seq);
    int i = 0;
    if (it == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError) &&
            !has_iter_protocol(seq)) {
            MpErr_Clear();
            MpErr_Format(MpExc_TypeError,
                         "cannot unpack non-iterable %T object", seq);
        }
        return -1;
    }
    for (; i < before; i++) {
        MpObject *v = MpIter_Next(it);
        if (v == NULL) {
            if (!MpErr_Occurred()) {
                if (star < 0) {
                    MpErr_Format(MpExc_ValueError,
                                 "not enough values to unpack (expected "
                                 "%d, got %d)",
                                 before, i);
                }
                else {
                    MpErr_Format(MpExc_ValueError,
                                 "not enough values to unpack (expected at "
                                 "least %d, got %d)",
                                 before + after, i);
                }
            }
            goto error;
        }
        out[i] = v;
    }
    if (star < 0) {
        MpObject *extra = MpIter_Next(it);
        if (extra != NULL) {
            Mp_DECREF(extra);
            MpErr_Format(MpExc_ValueError,
                         "too many values to unpack (expected %d)", before);
            goto error;
        }
        if (MpErr_Occurred()) {
            goto error;
        }
        Mp_DECREF(it);
        return 0;
    }
    MpObject *rest = MpList_New(0);
    if (rest == NULL || MpList_Extend(rest, it) < 0) {
        Mp_XDECREF(rest);
        goto error;
    }
    Mp_ssize_t len = Mp_SIZE(rest);
    if (len < after) {
        MpErr_Format(MpExc_ValueError,
                     "not enough values to unpack (expected at least %d, "
                     "got %zd)",
                     before + after, before + len);
        Mp_DECREF(rest);
        goto error;
    }
    /* The last `after` items move out of the list. */
    for (int k = 0; k < after; k++) {
        out[before + 1 + k] =
            Mp_NewRef(MpList_GET_ITEM(rest, len - after + k));
    }
    if (after > 0) {
        /* Shrink: drop the moved references from the list. */
        for (int k = 0; k < after; k++) {
            Mp_DECREF(MpList_GET_ITEM(rest, len - after + k));
        }
        ((MpVarObject *)rest)->ob_size = len - after;
    }
    out[before] = rest;
    Mp_DECREF(it);
    return 0;
error:
    for (int k = 0; k < i; k++) {
        Mp_DECREF(out[k]);
    }
    Mp_DECREF(it);
    return -1;
}

static int
import_all_from(MpObject *locals, MpObject *module)
{
    MpObject *all = NULL, *keys;
    int skip_private = 0;
    if (MpObject_LookupAttrString(module, "__all__", &all) < 0) {
        return -1;
    }
    if (all == NULL) {
        MpObject *dict = MpObject_GetAttrString(module, "__dict__");
        if (dict == NULL) {
            if (MpErr_ExceptionMatches(MpExc_AttributeError)) {
                MpErr_Clear();
                MpErr_SetString(MpExc_ImportError,
                                "from-import-* object has no __dict__ and "
                                "no __all__");
            }
            return -1;
        }
        keys = MpDict_Check(dict) ? MpDict_Keys(dict) : NULL;
        Mp_DECREF(dict);
        if (keys == NULL) {
            return -1;
        }
        skip_private = 1;
    }
    else {
        keys = all;
    }
    MpObject *it = MpObject_GetIter(keys);
    Mp_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    MpObject *name;
    int err = 0;
    while ((name = MpIter_Next(it)) != NULL) {
        if (!MpStr_Check(name)) {
            MpObject *modname = MpObject_GetAttrString(module, "__name__");
            if (modname != NULL) {
                MpErr_Format(MpExc_TypeError,
                             "Item in %S.%s must be str, not %T", modname,
                             skip_private ? "__dict__" : "__all__", name);
                Mp_DECREF(modname);
            }
            err = -1;
        }
        else if (!(skip_private && MpStr_GET_LENGTH(name) > 0 &&
                   MpStr_READ(name, 0) == '_')) {
            MpObject *v = MpObject_GetAttr(module, name);
            err = v ? MpObject_SetItem(locals, name, v) : -1;
            Mp_XDECREF(v);
        }
        Mp_DECREF(name);
        if (err < 0) {
            break;
        }
    }
    Mp_DECREF(it);
    return err < 0 || MpErr_Occurred() ? -1 : 0;
}

/* `from module import name`: the attribute, or else the submodule
   module.name from sys.modules (a circular import of a package's
   submodule has not bound the attribute yet), or CPython's ImportError,
   which names a circular import when the module is still running. */
static MpObject *
import_from(MpObject *module, MpObject *name)
{
    MpObject *v = NULL;
    if (MpObject_LookupAttr(module, name, &v) != 0) {
        return v;  // found, or an error other than AttributeError
    }
    MpObject *modname = NULL, *file = NULL, *spec = NULL;
    if (MpObject_LookupAttrString(module, "__name__", &modname) < 0) {
        return NULL;
    }
    if (modname != NULL && MpStr_Check(modname)) {
        MpObject *full = MpStr_FromFormat("%U.%U", modname, name);
        MpObject *modules = MpSys_GetObject("modules");
        if (full == NULL) {
            Mp_DECREF(modname);
            return NULL;
        }
        v = modules && MpDict_Check(modules)
                ? MpDict_GetItemWithError(modules, full)
                : NULL;
        Mp_DECREF(full);
        if (v != NULL || MpErr_Occurred()) {
            Mp_DECREF(modname);
            return v ? Mp_NewRef(v) : NULL;
        }
    }
    else {
        Mp_CLEAR(&modname);
    }
    if (MpModule_Check(module)) {
        file = MpDict_GetItemString(MpModule_GetDict(module), "__file__");
        Mp_XINCREF(file);
    }
    MpObject *shown = modname ? Mp_NewRef(modname)
                              : MpStr_FromString("<unknown module name>");
    MpObject *msg = NULL;
    if (shown == NULL) {
        /* msg stays NULL */
    }
    else if (file == NULL || !MpStr_Check(file)) {
        msg = MpStr_FromFormat(
            "cannot import name %R from %R (unknown location)", name,
            shown);
        Mp_CLEAR(&file);
    }
    else {
        if (MpObject_LookupAttrString(module, "__spec__", &spec) < 0) {
            MpErr_Clear();
        }
        msg = MpStr_FromFormat(
            MpModuleSpec_IsInitializing(spec)
                ? "cannot import name %R from partially initialized module "
                  "%R (most likely due to a circular import) (%S)"
                : "cannot import name %R from %R (%S)",
            name, shown, file);
    }
    if (msg != NULL) {
        MpImport_SetImportError(MpExc_ImportError, msg, modname, file);
    }
    Mp_XDECREF(msg);
    Mp_XDECREF(shown);
    Mp_XDECREF(modname);
    Mp_XDECREF(file);
    Mp_XDECREF(spec);
    return NULL;
}

/* Python's floor division and modulo on machine ints (b != 0, and not
   INT64_MIN // -1, which the caller leaves to the generic path). */
static inline int64_t
floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

static inline int64_t
floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) {
        r += b;
    }
    return r;
}
/* }====== */

/* {====== The loop ====== */

#include "vm_macros.h"

/* Runs `entry` (and every frame CALL pushes above it) until entry
   returns, yields or raises.  Returns the value (NEW) or NULL with the
   exception set.  entry->f_state tells a yield (SUSPENDED) from a return
   (COMPLETED).  With throwflag, the current exception is raised in entry
   at its current position. */
static MpObject *
eval_frame(MpFrame *entry, int throwflag)
{
#if MP_COMPUTED_GOTO
#define MP_LABEL_ADDR(name, kind, pop, push, jump) [name] = &&TARGET_##name,
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&unknown_opcode,
        MP_OPCODES(MP_LABEL_ADDR)
    };
#pragma GCC diagnostic pop
#undef MP_LABEL_ADDR
#endif
    MpFrame *frame = entry;
    MpCodeObject *co;
    MpObject **fast, **sp;
    MpObject *const *consts;
    MpObject *const *names;
    MpInstr *ip;
    MpInstr ins;
    int oparg;
    MpObject *kwnames = NULL;  // set by KW_NAMES for the next CALL

    frame->f_is_entry = 1;
    frame->f_previous = ts.frame;
    ts.frame = frame;

start_frame:
    /* A new frame (or the entry frame resuming) starts executing. */
    if (++ts.depth > ts.limit || MpEval_CStackLow()) {
        MpErr_SetString(MpExc_RecursionError,
                        "maximum recursion depth exceeded");
        LOAD_FRAME_STATE();
        goto exit_unwind;
    }
    LOAD_FRAME_STATE();
    frame->f_state = MP_FRAME_EXECUTING;
    if (throwflag) {
        throwflag = 0;
        goto error;
    }

#if MP_COMPUTED_GOTO
    DISPATCH();
#else
dispatch:
    frame->f_ip = ip;
    ins = *ip++;
    oparg = (int)(ins >> 8);
    switch (ins & 0xFF) {
#endif

    /* {====== Stack ====== */
    TARGET(NOP) {
        DISPATCH();
    }
    TARGET(POP_TOP) {
        MpObject *v = POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }
    TARGET(COPY) {
        MpObject *v = PEEK(oparg);
        PUSH(Mp_NewRef(v));
        DISPATCH();
    }
    TARGET(SWAP) {
        MpObject *v = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = v;
        DISPATCH();
    }
    TARGET(LOAD_CONST) {
        MpObject *v = consts[oparg];
        PUSH(Mp_NewRef(v));
        DISPATCH();
    }
    /* }====== */

    /* {====== Names ====== */
    TARGET(LOAD_FAST) {
        MpObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            unbound_local(co, oparg);
            goto error;
        }
        PUSH(Mp_NewRef(v));
        DISPATCH();
    }
    TARGET(STORE_FAST) {
        MpObject *v = POP();
        SETLOCAL(oparg, v);
        DISPATCH();
    }
    TARGET(DELETE_FAST) {
        if (GETLOCAL(oparg) == NULL) {
            unbound_local(co, oparg);
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }
    TARGET(LOAD_DEREF) {
        MpCellObject *cell = (MpCellObject *)fast[co->co_nlocals + oparg];
        MpObject *v = cell->ob_ref;
        if (v == NULL) {
            unbound_deref(co, oparg);
            goto error;
        }
        PUSH(Mp_NewRef(v));
        DISPATCH();
    }
    TARGET(STORE_DEREF) {
        MpCellObject *cell = (MpCellObject *)fast[co->co_nlocals + oparg];
        MpObject *v = POP();
        Mp_SETREF(&cell->ob_ref, v);
        DISPATCH();
    }
    TARGET(DELETE_DEREF) {
        MpCellObject *cell = (MpCellObject *)fast[co->co_nlocals + oparg];
        if (cell->ob_ref == NULL) {
            unbound_deref(co, oparg);
            goto error;
        }
        Mp_CLEAR(&cell->ob_ref);
        DISPATCH();
    }
    TARGET(LOAD_CLOSURE) {
        PUSH(Mp_NewRef(fast[co->co_nlocals + oparg]));
        DISPATCH();
    }
    TARGET(LOAD_CLASSDEREF) {
        int fi = oparg - co->co_ncellvars;
        MpObject *name = fi >= 0 ? MpTuple_GET_ITEM(co->co_freevars, fi)
                                 : MpTuple_GET_ITEM(co->co_cellvars, oparg);
        MpObject *v = NULL;
        if (frame->f_locals != NULL) {
            v = mapping_lookup(frame->f_locals, name);
            if (v == NULL && MpErr_Occurred()) {
                goto error;
            }
        }
        if (v == NULL) {
            MpCellObject *cell =
                (MpCellObject *)fast[co->co_nlocals + oparg];
            if (cell->ob_ref == NULL) {
                unbound_deref(co, oparg);
                goto error;
            }
            v = Mp_NewRef(cell->ob_ref);
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(LOAD_GLOBAL) {
        MpGlobalCacheEntry *e = &((MpCodeObjectEx *)co)->co_gcache[oparg];
        MpObject *g = frame->f_globals, *b = frame->f_builtins;
        if (e->gc_globals == g && e->gc_builtins == b &&
            e->gc_gversion == ((MpDictObject *)g)->ma_version &&
            e->gc_bversion == ((MpDictObject *)b)->ma_version) {
            PUSH(Mp_NewRef(e->gc_value));
            DISPATCH();
        }
        MpObject *name = names[oparg];
        MpObject *v;
        if (MpDict_Check(g) && MpDict_Check(b)) {
            v = MpDict_GetItemWithError(g, name);
            if (v == NULL) {
                if (MpErr_Occurred()) {
                    goto error;
                }
                v = MpDict_GetItemWithError(b, name);
                if (v == NULL) {
                    if (!MpErr_Occurred()) {
                        raise_name_error(name);
                    }
                    goto error;
                }
            }
            /* Borrowed: valid while neither dict changes, which is what
               the two versions check. */
            e->gc_globals = g;
            e->gc_builtins = b;
            e->gc_gversion = ((MpDictObject *)g)->ma_version;
            e->gc_bversion = ((MpDictObject *)b)->ma_version;
            e->gc_value = v;
            PUSH(Mp_NewRef(v));
            DISPATCH();
        }
        v = mapping_lookup(g, name);
        if (v == NULL && !MpErr_Occurred()) {
            v = mapping_lookup(b, name);
        }
        if (v == NULL) {
            if (!MpErr_Occurred()) {
                raise_name_error(name);
            }
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_GLOBAL) {
        MpObject *v = TOP();
        int err = MpDict_SetItem(frame->f_globals, names[oparg], v);
        if (err < 0) {
            goto error;
        }
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(DELETE_GLOBAL) {
        if (MpDict_DelItem(frame->f_globals, names[oparg]) < 0) {
            if (MpErr_ExceptionMatches(MpExc_KeyError)) {
                MpErr_Clear();
                raise_name_error(names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }
    TARGET(LOAD_NAME) {
        MpObject *name = names[oparg];
        MpObject *v = NULL;
        if (frame->f_locals == NULL) {
            MpErr_Format(MpExc_SystemError,
                         "no locals when loading %R", name);
            goto error;
        }
        v = mapping_lookup(frame->f_locals, name);
        if (v == NULL && !MpErr_Occurred()) {
            v = mapping_lookup(frame->f_globals, name);
            if (v == NULL && !MpErr_Occurred()) {
                v = mapping_lookup(frame->f_builtins, name);
                if (v == NULL && !MpErr_Occurred()) {
                    raise_name_error(name);
                }
            }
        }
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(STORE_NAME) {
        MpObject *name = names[oparg];
        MpObject *v = TOP();
        if (frame->f_locals == NULL) {
            MpErr_Format(MpExc_SystemError,
                         "no locals found when storing %R", name);
            goto error;
        }
        int err = MpDict_CheckExact(frame->f_locals)
                      ? MpDict_SetItem(frame->f_locals, name, v)
                      : MpObject_SetItem(frame->f_locals, name, v);
        if (err < 0) {
            goto error;
        }
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(DELETE_NAME) {
        MpObject *name = names[oparg];
        if (frame->f_locals == NULL) {
            MpErr_Format(MpExc_SystemError,
                         "no locals when deleting %R", name);
            goto error;
        }
        if (MpObject_DelItem(frame->f_locals, name) < 0) {
            if (MpErr_ExceptionMatches(MpExc_KeyError)) {
                MpErr_Clear();
                raise_name_error(name);
            }
            goto error;
        }
        DISPATCH();
    }
    /* }====== */

    /* {====== Attributes ====== */
    TARGET(LOAD_ATTR) {
        /* The attribute cache (MpAttrCacheEntry): when the class is the
           one remembered and unchanged since, the value can only come
           from the instance's dict, tried at the remembered entry. */
        MpObject *owner = TOP(), *name = names[oparg], *v;
        MpTypeObject *tp = Mp_TYPE(owner);
        MpAttrCacheEntry *ac = &((MpCodeObjectEx *)co)->co_acache[oparg];
        if (attr_cache_hit(ac, tp)) {
            MpObject *dict =
                *(MpObject **)((char *)owner + tp->tp_dictoffset);
            if (dict != NULL && MpDict_CheckExact(dict)) {
                v = MpDict_GetItemHinted(dict, name, &ac->ac_hint);
                if (v != NULL) {
                    SET_TOP(Mp_NewRef(v));
                    Mp_DECREF(owner);
                    DISPATCH();
                }
                if (MpErr_Occurred()) {
                    goto error;
                }
            }
        }
        v = MpObject_GetAttr(owner, name);
        if (v == NULL) {
            goto error;
        }
        if (!attr_cache_hit(ac, tp)) {
            attr_cache_learn(ac, tp, name);
        }
        SET_TOP(v);
        Mp_DECREF(owner);
        DISPATCH();
    }
    TARGET(STORE_ATTR) {
        MpObject *owner = TOP(), *v = SECOND(), *name = names[oparg];
        MpTypeObject *tp = Mp_TYPE(owner);
        MpAttrCacheEntry *ac = &((MpCodeObjectEx *)co)->co_acache[oparg];
        MpObject *dict;
        if (attr_cache_hit(ac, tp) &&
            (dict = *(MpObject **)((char *)owner + tp->tp_dictoffset)) !=
                NULL &&
            MpDict_CheckExact(dict)) {
            if (MpDict_SetItemHinted(dict, name, v, &ac->ac_hint) < 0) {
                goto error;
            }
        } else {
            if (MpObject_SetAttr(owner, name, v) < 0) {
                goto error;
            }
            if (!attr_cache_hit(ac, tp)) {
                attr_cache_learn(ac, tp, name);
            }
        }
        sp -= 2;
        Mp_DECREF(owner);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(DELETE_ATTR) {
        MpObject *owner = TOP();
        if (MpObject_DelAttr(owner, names[oparg]) < 0) {
            goto error;
        }
        (void)POP();
        Mp_DECREF(owner);
        DISPATCH();
    }
    TARGET(LOAD_METHOD) {
        /* obj -> (function, obj) when obj.name would be a function (or
           a method of a built-in type, such as list.append) bound to obj:
           no bound method is made, CALL passes obj as the first argument.
           Else (NULL, obj.name). */
        MpObject *owner = TOP();
        MpObject *name = names[oparg];
        MpTypeObject *tp = Mp_TYPE(owner);
        MpAttrCacheEntry *ac = &((MpCodeObjectEx *)co)->co_acache[oparg];
        MpObject *descr = NULL;  // the plain method found in the class
        if (ac->ac_mtype == tp && ac->ac_mepoch == MpType_CacheEpoch) {
            descr = ac->ac_method;
        }
        else if (tp->tp_getattro == MpObject_GenericGetAttr) {
            descr = MpType_Lookup(tp, name);
            if (descr != NULL && (Mp_TYPE(descr) == &MpFunction_Type ||
                                  Mp_TYPE(descr) == &MpMethodDescr_Type)) {
                ac->ac_mtype = tp;
                ac->ac_mepoch = MpType_CacheEpoch;
                ac->ac_method = descr;
            }
            else {
                descr = NULL;
            }
        }
        if (descr != NULL) {
            /* unless the instance's own __dict__ shadows it */
            MpObject *shadow = NULL;
            if (tp->tp_dictoffset != 0) {
                MpObject *dict =
                    *(MpObject **)((char *)owner + tp->tp_dictoffset);
                if (dict != NULL) {
                    shadow = MpDict_GetItemWithError(dict, name);
                    if (shadow == NULL && MpErr_Occurred()) {
                        goto error;
                    }
                }
            }
            if (shadow == NULL) {
                SET_TOP(Mp_NewRef(descr));
                PUSH(owner);
                DISPATCH();
            }
        }
        MpObject *v = MpObject_GetAttr(owner, name);
        if (v == NULL) {
            goto error;
        }
        SET_TOP(NULL);
        PUSH(v);
        Mp_DECREF(owner);
        DISPATCH();
    }
    /* }====== */

    /* {====== Operators ====== */
    TARGET(UNARY_POSITIVE) {
        MpObject *v = TOP();
        MpObject *r = MpNumber_Positive(v);
        if (r == NULL) {
            goto error;
        }
        SET_TOP(r);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(UNARY_NEGATIVE) {
        MpObject *v = TOP();
        MpObject *r = MpNumber_Negative(v);
        if (r == NULL) {
            goto error;
        }
        SET_TOP(r);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(UNARY_INVERT) {
        MpObject *v = TOP();
        MpObject *r = MpNumber_Invert(v);
        if (r == NULL) {
            goto error;
        }
        SET_TOP(r);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(UNARY_NOT) {
        MpObject *v = TOP();
        int t = MpObject_IsTrue(v);
        if (t < 0) {
            goto error;
        }
        SET_TOP(Mp_NewRef(t ? Mp_False : Mp_True));
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(BINARY_OP) {
        MpObject *r = TOP(), *l = SECOND(), *res;
        int64_t a, b, c;
        if (MpLong_AsSmall(l, &a) && MpLong_AsSmall(r, &b)) {
            switch (oparg) {
            case MP_BINOP_ADD:
            case MP_BINOP_INPLACE + MP_BINOP_ADD:
                if (!__builtin_add_overflow(a, b, &c)) {
                    goto small_result;
                }
                break;
            case MP_BINOP_SUBTRACT:
            case MP_BINOP_INPLACE + MP_BINOP_SUBTRACT:
                if (!__builtin_sub_overflow(a, b, &c)) {
                    goto small_result;
                }
                break;
            case MP_BINOP_MULTIPLY:
            case MP_BINOP_INPLACE + MP_BINOP_MULTIPLY:
                if (!__builtin_mul_overflow(a, b, &c)) {
                    goto small_result;
                }
                break;
            case MP_BINOP_AND:
            case MP_BINOP_INPLACE + MP_BINOP_AND:
                c = a & b;
                goto small_result;
            case MP_BINOP_OR:
            case MP_BINOP_INPLACE + MP_BINOP_OR:
                c = a | b;
                goto small_result;
            case MP_BINOP_XOR:
            case MP_BINOP_INPLACE + MP_BINOP_XOR:
                c = a ^ b;
                goto small_result;
            case MP_BINOP_FLOOR_DIVIDE:
            case MP_BINOP_INPLACE + MP_BINOP_FLOOR_DIVIDE:
                if (b != 0 && !(a == INT64_MIN && b == -1)) {
                    c = floor_div(a, b);
                    goto small_result;
                }
                break;
            case MP_BINOP_REMAINDER:
            case MP_BINOP_INPLACE + MP_BINOP_REMAINDER:
                if (b != 0 && b != -1) {
                    c = floor_mod(a, b);
                    goto small_result;
                }
                break;
            default:
                break;
            }
        }
        else if (MpStr_CheckExact(l) && MpStr_CheckExact(r) &&
                 (oparg == MP_BINOP_ADD ||
                  oparg == MP_BINOP_INPLACE + MP_BINOP_ADD)) {
            /* `s = s + t` or `s += t` with s a local nobody else holds:
               the local lets go first, so the str has one owner (this
               stack slot) and grows in place (MpStr_Append). */
            MpInstr next = *ip;
            if ((next & 0xFF) == STORE_FAST && ((MpObject *)l)->ob_refcnt == 2 &&
                GETLOCAL(next >> 8) == l) {
                fast[next >> 8] = NULL;
                Mp_DECREF(l);  // one left: SECOND()'s
                if (MpStr_Append(&SECOND(), r) < 0) {
                    goto error;
                }
                sp--;  // TOP() is now the grown str
                Mp_DECREF(r);
                DISPATCH();
            }
            goto generic_binop;
        }
        else if (MpFloat_CheckExact(l) && MpFloat_CheckExact(r)) {
            double x = MpFloat_AS_DOUBLE(l), y = MpFloat_AS_DOUBLE(r), z;
            switch (oparg) {
            case MP_BINOP_ADD:
            case MP_BINOP_INPLACE + MP_BINOP_ADD:
                z = x + y;
                goto float_result;
            case MP_BINOP_SUBTRACT:
            case MP_BINOP_INPLACE + MP_BINOP_SUBTRACT:
                z = x - y;
                goto float_result;
            case MP_BINOP_MULTIPLY:
            case MP_BINOP_INPLACE + MP_BINOP_MULTIPLY:
                z = x * y;
                goto float_result;
            case MP_BINOP_TRUE_DIVIDE:
            case MP_BINOP_INPLACE + MP_BINOP_TRUE_DIVIDE:
                if (y != 0.0) {
                    z = x / y;
                    goto float_result;
                }
                break;
            default:
                break;
            }
            goto generic_binop;
        float_result:
            res = MpFloat_FromDouble(z);
            goto binop_done;
        }
    generic_binop:
        /* BINARY_OP's argument as it is: the in-place forms included. */
        res = MpNumber_BinaryOp(l, r, oparg);
        goto binop_done;
    small_result:
        res = MpLong_FromInt64(c);
    binop_done:
        if (res == NULL) {
            goto error;
        }
        sp--;
        SET_TOP(res);
        Mp_DECREF(l);
        Mp_DECREF(r);
        DISPATCH();
    }
    TARGET(COMPARE_OP) {
        MpObject *r = TOP(), *l = SECOND(), *res;
        int64_t a, b;
        if (MpLong_AsSmall(l, &a) && MpLong_AsSmall(r, &b)) {
            int t;
            switch (oparg) {
            case Mp_LT: t = a < b; break;
            case Mp_LE: t = a <= b; break;
            case Mp_EQ: t = a == b; break;
            case Mp_NE: t = a != b; break;
            case Mp_GT: t = a > b; break;
            default: t = a >= b; break;
            }
            res = Mp_NewRef(t ? Mp_True : Mp_False);
        }
        else {
            res = MpObject_RichCompare(l, r, oparg);
            if (res == NULL) {
                goto error;
            }
        }
        sp--;
        SET_TOP(res);
        Mp_DECREF(l);
        Mp_DECREF(r);
        DISPATCH();
    }
    TARGET(IS_OP) {
        MpObject *r = TOP(), *l = SECOND();
        int t = (l == r) ^ oparg;
        sp--;
        SET_TOP(Mp_NewRef(t ? Mp_True : Mp_False));
        Mp_DECREF(l);
        Mp_DECREF(r);
        DISPATCH();
    }
    TARGET(CONTAINS_OP) {
        MpObject *container = TOP(), *v = SECOND();
        int t = MpSequence_Contains(container, v);
        if (t < 0) {
            goto error;
        }
        sp--;
        SET_TOP(Mp_NewRef((t ^ oparg) ? Mp_True : Mp_False));
        Mp_DECREF(container);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(BINARY_SUBSCR) {
        MpObject *key = TOP(), *container = SECOND(), *res;
        int64_t i;
        if (MpLong_AsSmall(key, &i) &&
            (Mp_TYPE(container) == &MpList_Type ||
             Mp_TYPE(container) == &MpTuple_Type)) {
            Mp_ssize_t n = Mp_SIZE(container);
            if (i < 0) {
                i += n;
            }
            if (i >= 0 && i < n) {
                res = Mp_TYPE(container) == &MpList_Type
                          ? MpList_GET_ITEM(container, i)
                          : MpTuple_GET_ITEM(container, i);
                Mp_INCREF(res);
                goto subscr_done;
            }
        }
        res = MpObject_GetItem(container, key);
        if (res == NULL) {
            goto error;
        }
    subscr_done:
        sp--;
        SET_TOP(res);
        Mp_DECREF(container);
        Mp_DECREF(key);
        DISPATCH();
    }
    TARGET(STORE_SUBSCR) {
        MpObject *key = TOP(), *container = SECOND(), *v = THIRD();
        if (MpObject_SetItem(container, key, v) < 0) {
            goto error;
        }
        sp -= 3;
        Mp_DECREF(key);
        Mp_DECREF(container);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(DELETE_SUBSCR) {
        MpObject *key = TOP(), *container = SECOND();
        if (MpObject_DelItem(container, key) < 0) {
            goto error;
        }
        sp -= 2;
        Mp_DECREF(key);
        Mp_DECREF(container);
        DISPATCH();
    }
    TARGET(BUILD_SLICE) {
        MpObject *step = oparg == 3 ? POP() : NULL;
        MpObject *stop = TOP(), *start = SECOND();
        MpObject *s = MpSlice_New(start, stop, step);
        Mp_XDECREF(step);
        if (s == NULL) {
            goto error;
        }
        sp--;
        SET_TOP(s);
        Mp_DECREF(start);
        Mp_DECREF(stop);
        DISPATCH();
    }
    /* }====== */

    /* {====== Building ====== */
    TARGET(BUILD_TUPLE) {
        MpObject *t = MpTuple_New(oparg);
        if (t == NULL) {
            goto error;
        }
        for (int i = oparg; --i >= 0;) {
            MpTuple_SET_ITEM(t, i, POP());
        }
        PUSH(t);
        DISPATCH();
    }
    TARGET(BUILD_LIST) {
        MpObject *l = MpList_New(oparg);
        if (l == NULL) {
            goto error;
        }
        for (int i = oparg; --i >= 0;) {
            MpList_SET_ITEM(l, i, POP());
        }
        PUSH(l);
        DISPATCH();
    }
    TARGET(BUILD_SET) {
        MpObject *s = MpSet_New(NULL);
        if (s == NULL) {
            goto error;
        }
        int err = 0;
        for (int i = oparg; i > 0; i--) {
            if (err == 0) {
                err = MpSet_Add(s, PEEK(i));
            }
        }
        for (int i = 0; i < oparg; i++) {
            Mp_DECREF(POP());
        }
        if (err < 0) {
            Mp_DECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }
    TARGET(BUILD_MAP) {
        MpObject *d = MpDict_New();
        if (d == NULL) {
            goto error;
        }
        int err = 0;
        for (int i = oparg; i > 0 && err == 0; i--) {
            err = MpDict_SetItem(d, PEEK(2 * i), PEEK(2 * i - 1));
        }
        for (int i = 0; i < 2 * oparg; i++) {
            Mp_DECREF(POP());
        }
        if (err < 0) {
            Mp_DECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_CONST_KEY_MAP) {
        MpObject *keys = TOP();
        MpObject *d = MpDict_New();
        if (d == NULL) {
            goto error;
        }
        int err = 0;
        for (int i = 0; i < oparg && err == 0; i++) {
            err = MpDict_SetItem(d, MpTuple_GET_ITEM(keys, i),
                                 PEEK(oparg + 1 - i));
        }
        for (int i = 0; i < oparg + 1; i++) {
            Mp_DECREF(POP());
        }
        if (err < 0) {
            Mp_DECREF(d);
            goto error;
        }
        PUSH(d);
        DISPATCH();
    }
    TARGET(BUILD_STRING) {
        MpObject *t = MpTuple_FromArray(sp - oparg, oparg);
        MpObject *empty = t ? MpStr_FromString("") : NULL;
        MpObject *s = empty ? MpStr_Join(empty, t) : NULL;
        Mp_XDECREF(empty);
        Mp_XDECREF(t);
        if (s == NULL) {
            goto error;
        }
        for (int i = 0; i < oparg; i++) {
            Mp_DECREF(POP());
        }
        PUSH(s);
        DISPATCH();
    }
    TARGET(LIST_APPEND) {
        MpObject *v = POP();
        int err = MpList_Append(PEEK(oparg), v);
        Mp_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }
    TARGET(SET_ADD) {
        MpObject *v = POP();
        int err = MpSet_Add(PEEK(oparg), v);
        Mp_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }
    TARGET(MAP_ADD) {
        MpObject *v = POP(), *k = POP();
        int err = MpDict_SetItem(PEEK(oparg), k, v);
        Mp_DECREF(k);
        Mp_DECREF(v);
        if (err < 0) {
            goto error;
        }
        DISPATCH();
    }
    TARGET(LIST_EXTEND) {
        MpObject *v = TOP();
        if (MpList_Extend(PEEK(oparg + 1), v) < 0) {
            if (MpErr_ExceptionMatches(MpExc_TypeError) &&
                !has_iter_protocol(v)) {
                MpErr_Clear();
                MpErr_Format(MpExc_TypeError,
                             "Value after * must be an iterable, not %T", v);
            }
            goto error;
        }
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(SET_UPDATE) {
        MpObject *v = TOP();
        MpObject *it = MpObject_GetIter(v);
        if (it == NULL) {
            goto error;
        }
        MpObject *item;
        int err = 0;
        while (err == 0 && (item = MpIter_Next(it)) != NULL) {
            err = MpSet_Add(PEEK(oparg + 1), item);
            Mp_DECREF(item);
        }
        Mp_DECREF(it);
        if (err < 0 || MpErr_Occurred()) {
            goto error;
        }
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(DICT_UPDATE) {
        MpObject *v = TOP();
        if (MpDict_Merge(PEEK(oparg + 1), v, 1) < 0) {
            if (MpErr_ExceptionMatches(MpExc_AttributeError)) {
                MpErr_Clear();
                MpErr_Format(MpExc_TypeError,
                             "'%s' object is not a mapping",
                             Mp_TYPE(v)->tp_name);
            }
            goto error;
        }
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(DICT_MERGE) {
        MpObject *v = TOP();
        if (MpDict_Merge(PEEK(oparg + 1), v, 2) < 0) {
            MpObject *fs = function_str(PEEK(oparg + 3));
            if (fs == NULL) {
                goto error;
            }
            if (MpErr_ExceptionMatches(MpExc_AttributeError)) {
                MpErr_Clear();
                MpErr_Format(MpExc_TypeError,
                             "%U argument after ** must be a mapping, "
                             "not %T",
                             fs, v);
            }
            else if (MpErr_ExceptionMatches(MpExc_KeyError)) {
                MpObject *exc = MpErr_GetRaisedException();
                MpObject *args = MpObject_GetAttrString(exc, "args");
                if (args != NULL && MpTuple_Check(args) &&
                    MpTuple_GET_SIZE(args) == 1) {
                    MpErr_Format(MpExc_TypeError,
                                 "%U got multiple values for keyword "
                                 "argument '%S'",
                                 fs, MpTuple_GET_ITEM(args, 0));
                    Mp_DECREF(exc);
                }
                else {
                    MpErr_SetRaisedException(exc);
                }
                Mp_XDECREF(args);
            }
            Mp_DECREF(fs);
            goto error;
        }
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(LIST_TO_TUPLE) {
        MpObject *l = TOP();
        MpObject *t = MpList_AsTuple(l);
        if (t == NULL) {
            goto error;
        }
        SET_TOP(t);
        Mp_DECREF(l);
        DISPATCH();
    }
    TARGET(FORMAT_VALUE) {
        MpObject *spec = (oparg & 4) ? POP() : NULL;
        MpObject *v = TOP(), *conv = NULL, *res;
        switch (oparg & 3) {
        case 1: conv = MpObject_Str(v); break;
        case 2: conv = MpObject_Repr(v); break;
        case 3: conv = MpObject_ASCII(v); break;
        default: conv = Mp_NewRef(v); break;
        }
        if (conv == NULL) {
            Mp_XDECREF(spec);
            goto error;
        }
        if (spec == NULL && MpStr_CheckExact(conv)) {
            res = conv;
        }
        else {
            res = MpObject_Format(conv, spec);
            Mp_DECREF(conv);
        }
        Mp_XDECREF(spec);
        if (res == NULL) {
            goto error;
        }
        SET_TOP(res);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(UNPACK_SEQUENCE) {
        MpObject *seq = TOP();
        if ((Mp_TYPE(seq) == &MpTuple_Type || Mp_TYPE(seq) == &MpList_Type) &&
            Mp_SIZE(seq) == oparg) {
            MpObject *const *items =
                Mp_TYPE(seq) == &MpTuple_Type
                    ? ((MpTupleObject *)seq)->items
                    : ((MpListObject *)seq)->items;
            sp--;
            for (int i = oparg; --i >= 0;) {
                PUSH(Mp_NewRef(items[i]));
            }
            Mp_DECREF(seq);
            DISPATCH();
        }
        MpObject *tmp[256];
        MpObject **out = oparg <= 256 ? tmp : malloc(sizeof(MpObject *) *
                                                     (size_t)oparg);
        if (out == NULL) {
            MpErr_NoMemory();
            goto error;
        }
        if (unpack_iterable(seq, oparg, -1, 0, out) < 0) {
            if (out != tmp) {
                free(out);
            }
            goto error;
        }
        sp--;
        for (int i = oparg; --i >= 0;) {
            PUSH(out[i]);
        }
        if (out != tmp) {
            free(out);
        }
        Mp_DECREF(seq);
        DISPATCH();
    }
    TARGET(UNPACK_EX) {
        int before = oparg & 0xFF, after = oparg >> 8;
        int total = before + 1 + after;
        MpObject *seq = TOP();
        MpObject *tmp[256];
        MpObject **out = total <= 256 ? tmp : malloc(sizeof(MpObject *) *
                                                     (size_t)total);
        if (out == NULL) {
            MpErr_NoMemory();
            goto error;
        }
        if (unpack_iterable(seq, before, 1, after, out) < 0) {
            if (out != tmp) {
                free(out);
            }
            goto error;
        }
        sp--;
        for (int i = total; --i >= 0;) {
            PUSH(out[i]);
        }
        if (out != tmp) {
            free(out);
        }
        Mp_DECREF(seq);
        DISPATCH();
    }
    /* }====== */

    /* {====== Control flow ====== */
    TARGET(JUMP) {
        /* a backward jump closes a loop: the place to notice Ctrl-C */
        if (mp_signal_pending && oparg <= (int)(ip - co->co_code) &&
            MpSignals_Handle() < 0) {
            goto error;
        }
        JUMPTO(oparg);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_FALSE) {
        MpObject *v = POP();
        if (v == Mp_False) {
            Mp_DECREF(v);
            JUMPTO(oparg);
            DISPATCH();
        }
        if (v == Mp_True) {
            Mp_DECREF(v);
            DISPATCH();
        }
        int t = MpObject_IsTrue(v);
        Mp_DECREF(v);
        if (t < 0) {
            goto error;
        }
        if (!t) {
            JUMPTO(oparg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_TRUE) {
        MpObject *v = POP();
        if (v == Mp_True) {
            Mp_DECREF(v);
            JUMPTO(oparg);
            DISPATCH();
        }
        if (v == Mp_False) {
            Mp_DECREF(v);
            DISPATCH();
        }
        int t = MpObject_IsTrue(v);
        Mp_DECREF(v);
        if (t < 0) {
            goto error;
        }
        if (t) {
            JUMPTO(oparg);
        }
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NONE) {
        MpObject *v = POP();
        if (v == Mp_None) {
            JUMPTO(oparg);
        }
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(POP_JUMP_IF_NOT_NONE) {
        MpObject *v = POP();
        if (v != Mp_None) {
            JUMPTO(oparg);
        }
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(JUMP_IF_FALSE_OR_POP) {
        MpObject *v = TOP();
        int t = v == Mp_True ? 1 : v == Mp_False ? 0 : MpObject_IsTrue(v);
        if (t < 0) {
            goto error;
        }
        if (!t) {
            JUMPTO(oparg);
        }
        else {
            (void)POP();
            Mp_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(JUMP_IF_TRUE_OR_POP) {
        MpObject *v = TOP();
        int t = v == Mp_True ? 1 : v == Mp_False ? 0 : MpObject_IsTrue(v);
        if (t < 0) {
            goto error;
        }
        if (t) {
            JUMPTO(oparg);
        }
        else {
            (void)POP();
            Mp_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(GET_ITER) {
        MpObject *v = TOP();
        MpObject *it = MpObject_GetIter(v);
        if (it == NULL) {
            goto error;
        }
        SET_TOP(it);
        Mp_DECREF(v);
        DISPATCH();
    }
    TARGET(FOR_ITER) {
        MpObject *it = TOP();
        iternextfunc next = Mp_TYPE(it)->tp_iternext;
        MpObject *v = next ? next(it) : MpIter_Next(it);
        if (v != NULL) {
            PUSH(v);
            DISPATCH();
        }
        if (MpErr_Occurred()) {
            if (!MpErr_ExceptionMatches(MpExc_StopIteration)) {
                goto error;
            }
            MpErr_Clear();
        }
        sp--;
        Mp_DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }
    TARGET(RETURN_VALUE) {
        MpObject *retval = POP();
        SAVE_STACK();
        ts.depth--;
        ts.frame = frame->f_previous;
        if (frame->f_is_entry) {
            frame->f_state = MP_FRAME_COMPLETED;
            return retval;
        }
        MpFrame *caller = frame->f_previous;
        frame_release(frame);
        frame = caller;
        LOAD_FRAME_STATE();
        PUSH(retval);
        DISPATCH();
    }
    /* }====== */

    /* {====== Exceptions and with ====== */
    TARGET(SETUP_FINALLY) {
        MpTryBlock *b = &frame->f_blocks[frame->f_iblock++];
        b->b_type = SETUP_FINALLY;
        b->b_handler = oparg;
        b->b_level = STACK_LEVEL();
        DISPATCH();
    }
    TARGET(POP_BLOCK) {
        frame->f_iblock--;
        DISPATCH();
    }
    TARGET(BEFORE_WITH) {
        MpObject *mgr = TOP();
        MpObject *enter = MpObject_LookupSpecial(mgr, "__enter__");
        if (enter == NULL) {
            if (!MpErr_Occurred()) {
                MpErr_Format(MpExc_TypeError,
                             "'%s' object does not support the context "
                             "manager protocol",
                             Mp_TYPE(mgr)->tp_name);
            }
            goto error;
        }
        MpObject *exit = MpObject_LookupSpecial(mgr, "__exit__");
        if (exit == NULL) {
            if (!MpErr_Occurred()) {
                MpErr_Format(MpExc_TypeError,
                             "'%s' object does not support the context "
                             "manager protocol (missed __exit__ method)",
                             Mp_TYPE(mgr)->tp_name);
            }
            Mp_DECREF(enter);
            goto error;
        }
        SET_TOP(exit);
        Mp_DECREF(mgr);
        MpObject *res = MpObject_CallNoArgs(enter);
        Mp_DECREF(enter);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }
    TARGET(WITH_EXCEPT_START) {
        MpObject *exc = TOP(), *exit = SECOND();
        MpObject *tb = MpException_GetTraceback(exc);  // NEW
        MpObject *args[3] = {(MpObject *)Mp_TYPE(exc), exc,
                             tb ? tb : Mp_None};
        MpObject *res = MpObject_Vectorcall(exit, args, 3, NULL);
        Mp_XDECREF(tb);
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }
    TARGET(PUSH_EXC_INFO) {
        MpObject *exc = TOP();
        MpObject *prev = MpErr_GetHandledException();  // NEW
        SET_TOP(prev ? prev : Mp_NewRef(Mp_None));
        MpErr_SetHandledException(exc);  // takes its own reference
        PUSH(exc);
        DISPATCH();
    }
    TARGET(POP_EXCEPT) {
        MpObject *saved = POP();
        MpErr_SetHandledException(saved);  // None: no exception
        Mp_DECREF(saved);
        DISPATCH();
    }
    TARGET(CHECK_EXC_MATCH) {
        MpObject *type = TOP(), *exc = SECOND();
        if (MpErr_CheckExceptClause(type) < 0) {
            goto error;
        }
        int t = MpErr_GivenExceptionMatches(exc, type);
        SET_TOP(Mp_NewRef(t ? Mp_True : Mp_False));
        Mp_DECREF(type);
        DISPATCH();
    }
    TARGET(RERAISE) {
        MpObject *exc = POP();
        MpErr_SetRaisedException(exc);
        goto exception_unwind;
    }
    TARGET(RAISE_VARARGS) {
        if (oparg == 0) {
            /* A bare raise keeps the traceback it has: no new entry. */
            MpObject *handled = MpErr_GetHandledException();
            int active = handled != NULL;
            Mp_XDECREF(handled);
            MpErr_Raise(NULL, NULL);
            if (active) {
                goto exception_unwind;
            }
            goto error;
        }
        MpObject *cause = oparg == 2 ? POP() : NULL;
        MpObject *exc = POP();
        MpErr_Raise(exc, cause);
        Mp_DECREF(exc);
        Mp_XDECREF(cause);
        goto error;
    }
    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Mp_NewRef(MpExc_AssertionError));
        DISPATCH();
    }
    /* }====== */

    /* {====== Functions and calls ====== */
    TARGET(MAKE_FUNCTION) {
        MpObject *code = POP();
        MpFunctionObject *fn = (MpFunctionObject *)MpFunction_New(
            code, frame->f_globals, NULL);
        Mp_DECREF(code);
        if (fn == NULL) {
            goto error;
        }
        if (oparg & 8) {
            fn->func_closure = POP();
        }
        if (oparg & 4) {
            fn->func_annotations = POP();
        }
        if (oparg & 2) {
            fn->func_kwdefaults = POP();
        }
        if (oparg & 1) {
            fn->func_defaults = POP();
        }
        PUSH((MpObject *)fn);
        DISPATCH();
    }
    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }
    TARGET(CALL) {
        /* [NULL, callable, args...] or [function, self, args...] */
        MpObject **pfunc = sp - oparg - 2;
        MpObject *callable = pfunc[0];
        int is_meth = callable != NULL;
        if (!is_meth) {
            callable = pfunc[1];
            if (Mp_TYPE(callable) == &MpMethod_Type) {
                /* Unpack the bound method into the [function, self]
                   shape: self becomes the first argument. */
                MpMethodObject *m = (MpMethodObject *)callable;
                pfunc[0] = Mp_NewRef(m->im_func);
                pfunc[1] = Mp_NewRef(m->im_self);
                Mp_DECREF(m);
                callable = pfunc[0];
                is_meth = 1;
            }
        }
        MpObject *kw = kwnames;
        kwnames = NULL;
        int total = oparg + is_meth;
        MpObject **args = sp - total;
        size_t npos = (size_t)total - (kw ? (size_t)MpTuple_GET_SIZE(kw) : 0);
        if (Mp_TYPE(callable) == &MpFunction_Type) {
            MpFunctionObject *fn = (MpFunctionObject *)callable;
            MpCodeObject *fco = (MpCodeObject *)fn->func_code;
            if (!(fco->co_flags & (MP_CO_GENERATOR | MP_CO_COROUTINE))) {
                /* An inlined call: push the frame, no C recursion. */
                MpFrame *nf = frame_alloc(fco);
                if (nf == NULL) {
                    goto error;
                }
                frame_init(nf, fco, callable, fn->func_globals,
                           fn->func_builtins, NULL);
                if (kw == NULL && npos == (size_t)fco->co_argcount &&
                    fco->co_kwonlyargcount == 0 &&
                    !(fco->co_flags & (MP_CO_VARARGS | MP_CO_VARKEYWORDS))) {
                    /* The common case: the arguments move from the
                       caller's stack to the callee's slots. */
                    memcpy(nf->f_localsplus, args,
                           npos * sizeof(MpObject *));
                    sp = args;
                    if ((fco->co_ncellvars | fco->co_nfreevars) != 0 &&
                        frame_init_cells(nf, callable) < 0) {
                        frame_release(nf);
                        goto error;
                    }
                }
                else if (MpFrame_BindArgs(nf, callable, args, npos, kw) <
                         0) {
                    frame_release(nf);
                    goto error;
                }
                while (sp > pfunc) {
                    MpObject *v = POP();
                    Mp_XDECREF(v);
                }
                SAVE_STACK();
                nf->f_previous = frame;
                frame = nf;
                ts.frame = nf;
                goto start_frame;
            }
        }
        MpObject *res = MpObject_Vectorcall(callable, args, npos, kw);
        while (sp > pfunc) {
            MpObject *v = POP();
            Mp_XDECREF(v);
        }
        if (res == NULL) {
            goto error;
        }
        PUSH(res);
        DISPATCH();
    }
    TARGET(CALL_FUNCTION_EX) {
        MpObject *kwargs = (oparg & 1) ? POP() : NULL;
        MpObject *callargs = POP();
        MpObject *func = TOP();
        if (Mp_TYPE(callargs) != &MpTuple_Type) {
            MpObject *t = MpTuple_FromIterable(callargs);
            if (t == NULL) {
                if (MpErr_ExceptionMatches(MpExc_TypeError) &&
                    !has_iter_protocol(callargs)) {
                    MpObject *fs = function_str(func);
                    MpErr_Clear();
                    if (fs != NULL) {
                        MpErr_Format(MpExc_TypeError,
                                     "%U argument after * must be an "
                                     "iterable, not %T",
                                     fs, callargs);
                        Mp_DECREF(fs);
                    }
                }
                Mp_DECREF(callargs);
                Mp_XDECREF(kwargs);
                goto error;
            }
            Mp_SETREF(&callargs, t);
        }
        if (kwargs != NULL && !MpDict_Check(kwargs)) {
            MpObject *d = MpDict_New();
            if (d == NULL || MpDict_Merge(d, kwargs, 2) < 0) {
                if (d != NULL &&
                    MpErr_ExceptionMatches(MpExc_AttributeError)) {
                    MpObject *fs = function_str(func);
                    MpErr_Clear();
                    if (fs != NULL) {
                        MpErr_Format(MpExc_TypeError,
                                     "%U argument after ** must be a "
                                     "mapping, not %T",
                                     fs, kwargs);
                        Mp_DECREF(fs);
                    }
                }
                Mp_XDECREF(d);
                Mp_DECREF(callargs);
                Mp_DECREF(kwargs);
                goto error;
            }
            Mp_SETREF(&kwargs, d);
        }
        MpObject *res = MpObject_Call(func, callargs, kwargs);
        Mp_DECREF(callargs);
        Mp_XDECREF(kwargs);
        if (res == NULL) {
            goto error;
        }
        /* [NULL, func] -> [res] */
        MpObject *null = SECOND();
        sp -= 2;
        PUSH(res);
        Mp_XDECREF(null);
        Mp_DECREF(func);
        DISPATCH();
    }
    TARGET(LOAD_BUILD_CLASS) {
        MpObject *key = MpStr_InternFromString("__build_class__");
        MpObject *bc = key ? mapping_lookup(frame->f_builtins, key) : NULL;
        Mp_XDECREF(key);
        if (bc == NULL) {
            if (!MpErr_Occurred()) {
                MpErr_SetString(MpExc_NameError, "__build_class__ not found");
            }
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }
    /* }====== */

    /* {====== Generators ====== */
    TARGET(YIELD_VALUE) {
        MpObject *v = POP();
        SAVE_STACK();
        frame->f_state = MP_FRAME_SUSPENDED;
        ts.depth--;
        ts.frame = frame->f_previous;
        return v;  // a generator's frame is always an entry frame
    }
    TARGET(GET_YIELD_FROM_ITER) {
        MpObject *v = TOP();
        if (!MpGen_Check(v)) {
            MpObject *it = MpObject_GetIter(v);
            if (it == NULL) {
                goto error;
            }
            SET_TOP(it);
            Mp_DECREF(v);
        }
        DISPATCH();
    }
    TARGET(SEND) {
        MpObject *v = TOP(), *it = SECOND(), *res = NULL;
        int status;
        if (MpGen_Check(it)) {
            status = MpGen_Send(it, v, &res);
        }
        else {
            if (v == Mp_None && Mp_TYPE(it)->tp_iternext != NULL) {
                res = Mp_TYPE(it)->tp_iternext(it);
            }
            else {
                res = MpObject_CallMethod(it, "send", &v, 1);
            }
            status = 1;
            if (res == NULL) {
                if (!MpErr_Occurred()) {
                    res = Mp_NewRef(Mp_None);
                    status = 0;
                }
                else if (fetch_stop_iteration_value(&res) == 0) {
                    status = 0;
                }
                else {
                    status = -1;
                }
            }
        }
        if (status < 0) {
            goto error;
        }
        sp--;
        Mp_DECREF(v);
        if (status == 0) {
            /* The sub-iterator is done: its result replaces it. */
            SET_TOP(res);
            Mp_DECREF(it);
            JUMPTO(oparg);
            DISPATCH();
        }
        PUSH(res);
        DISPATCH();
    }
    /* }====== */

    /* {====== Modules ====== */
    TARGET(IMPORT_NAME) {
        MpObject *fromlist = TOP(), *level = SECOND();
        MpObject *key = MpStr_InternFromString("__import__");
        MpObject *imp = key ? mapping_lookup(frame->f_builtins, key) : NULL;
        Mp_XDECREF(key);
        if (imp == NULL) {
            if (!MpErr_Occurred()) {
                MpErr_SetString(MpExc_ImportError, "__import__ not found");
            }
            goto error;
        }
        MpObject *args[5] = {names[oparg], frame->f_globals,
                             frame->f_locals ? frame->f_locals : Mp_None,
                             fromlist, level};
        MpObject *m = MpObject_Vectorcall(imp, args, 5, NULL);
        Mp_DECREF(imp);
        if (m == NULL) {
            goto error;
        }
        sp--;
        SET_TOP(m);
        Mp_DECREF(level);
        Mp_DECREF(fromlist);
        DISPATCH();
    }
    TARGET(IMPORT_FROM) {
        MpObject *v = import_from(TOP(), names[oparg]);
        if (v == NULL) {
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }
    TARGET(IMPORT_STAR) {
        MpObject *m = TOP();
        if (frame->f_locals == NULL) {
            MpErr_SetString(MpExc_SystemError,
                            "no locals found during 'import *'");
            goto error;
        }
        if (import_all_from(frame->f_locals, m) < 0) {
            goto error;
        }
        (void)POP();
        Mp_DECREF(m);
        DISPATCH();
    }
    TARGET(SETUP_ANNOTATIONS) {
        if (frame->f_locals == NULL) {
            MpErr_SetString(MpExc_SystemError,
                            "no locals found when setting up annotations");
            goto error;
        }
        MpObject *key = MpStr_InternFromString("__annotations__");
        MpObject *ann = mapping_lookup(frame->f_locals, key);
        int err = 0;
        if (ann == NULL && !MpErr_Occurred()) {
            MpObject *d = MpDict_New();
            err = d ? MpObject_SetItem(frame->f_locals, key, d) : -1;
            Mp_XDECREF(d);
        }
        Mp_XDECREF(ann);
        Mp_DECREF(key);
        if (err < 0 || MpErr_Occurred()) {
            goto error;
        }
        DISPATCH();
    }
    TARGET(PRINT_EXPR) {
        /* The REPL's echo: sys.displayhook(value), as CPython. */
        MpObject *v = TOP();
        MpObject *hook = MpSys_GetObject("displayhook");
        if (hook == NULL) {
            MpErr_SetString(MpExc_RuntimeError, "lost sys.displayhook");
            goto error;
        }
        MpObject *r = MpObject_CallOneArg(hook, v);
        if (r == NULL) {
            goto error;
        }
        Mp_DECREF(r);
        (void)POP();
        Mp_DECREF(v);
        DISPATCH();
    }
    /* }====== */

#if !MP_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }
#endif

unknown_opcode:
    MpErr_Format(MpExc_SystemError, "unknown opcode %d", (int)(ins & 0xFF));
    goto error;

    /* {====== Unwinding ====== */
error:
    if (MpErr_Occurred() == NULL) {
        MpErr_SetString(MpExc_SystemError,
                        "error return without exception set");
    }
    MpTraceback_Here(frame);
exception_unwind:
    kwnames = NULL;
    if (frame->f_iblock > 0) {
        MpTryBlock *b = &frame->f_blocks[--frame->f_iblock];
        MpObject **level = STACK_BASE() + b->b_level;
        while (sp > level) {
            MpObject *v = POP();
            Mp_XDECREF(v);
        }
        PUSH(MpErr_GetRaisedException());
        JUMPTO(b->b_handler);
        DISPATCH();
    }
    while (sp > STACK_BASE()) {
        MpObject *v = POP();
        Mp_XDECREF(v);
    }
exit_unwind:
    /* The frame ends with an exception. */
    SAVE_STACK();
    ts.depth--;
    ts.frame = frame->f_previous;
    frame->f_state = MP_FRAME_COMPLETED;
    if (frame->f_is_entry) {
        return NULL;
    }
    {
        MpFrame *caller = frame->f_previous;
        frame_release(frame);
        frame = caller;
        LOAD_FRAME_STATE();
    }
    goto error;
    /* }====== */
}
/* }====== */

/* {====== Entry points ====== */

MpObject *
MpEval_Code(MpCodeObject *co, MpObject *globals, MpObject *locals)
{
    MpFrame *f = frame_alloc(co);
    if (f == NULL) {
        return NULL;
    }
    frame_init(f, co, NULL, globals, MpEval_BuiltinsFor(globals),
               locals ? locals : globals);
    if (frame_init_cells(f, NULL) < 0) {
        frame_release(f);
        return NULL;
    }
    MpObject *r = eval_frame(f, 0);
    frame_release(f);
    return r;
}

MpObject *
MpEval_ClassBody(MpObject *func, MpObject *ns)
{
    MpFunctionObject *fn = (MpFunctionObject *)func;
    MpCodeObject *co = (MpCodeObject *)fn->func_code;
    MpFrame *f = frame_alloc(co);
    if (f == NULL) {
        return NULL;
    }
    frame_init(f, co, func, fn->func_globals, fn->func_builtins, ns);
    if (frame_init_cells(f, func) < 0) {
        frame_release(f);
        return NULL;
    }
    MpObject *r = eval_frame(f, 0);
    frame_release(f);
    return r;
}

MpObject *
MpEval_Function(MpObject *func, MpObject *const *args, size_t nargs,
                MpObject *kwnames)
{
    MpFunctionObject *fn = (MpFunctionObject *)func;
    MpCodeObject *co = (MpCodeObject *)fn->func_code;
    if (co->co_flags & (MP_CO_GENERATOR | MP_CO_COROUTINE)) {
        return MpGen_NewFromCall(func, args, nargs, kwnames);
    }
    MpFrame *f = frame_alloc(co);
    if (f == NULL) {
        return NULL;
    }
    frame_init(f, co, func, fn->func_globals, fn->func_builtins, NULL);
    if (MpFrame_BindArgs(f, func, args, nargs, kwnames) < 0) {
        frame_release(f);
        return NULL;
    }
    MpObject *r = eval_frame(f, 0);
    frame_release(f);
    return r;
}

MpObject *
MpEval_Resume(MpFrame *f, MpObject *value, int throwflag)
{
    if (f->f_state == MP_FRAME_SUSPENDED && !throwflag) {
        f->f_localsplus[f->f_stacktop++] = Mp_NewRef(value);
    }
    return eval_frame(f, throwflag);
}

/* A generator's frame: made inside its owner's storage (gen.c). */
void
_MpFrame_InitForGenerator(MpFrame *f, MpObject *func)
{
    MpFunctionObject *fn = (MpFunctionObject *)func;
    frame_init(f, (MpCodeObject *)fn->func_code, func, fn->func_globals,
               fn->func_builtins, NULL);
    f->f_on_heap = 1;
}
/* }====== */
