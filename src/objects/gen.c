/* gen.c — generator objects.

   A generator object owns one frame, allocated in the same block as the
   object itself (right after the MpGenObject struct), so making a
   generator is one allocation and the frame never moves:

       +--------------+---------------------------------------+
       | MpGenObject  | MpFrame: header, slots, value stack   |
       +--------------+---------------------------------------+
                      ^ gi_frame

   next()/send() resume the frame through MpEval_Resume; YIELD_VALUE
   returns from the loop with the frame SUSPENDED, RETURN_VALUE with it
   COMPLETED (then the frame's slots are released at once and the
   generator is "closed").  A return value travels as StopIteration(value).

   `yield from` (GET_YIELD_FROM_ITER, SEND) delegates: while the frame is
   suspended at the YIELD_VALUE that follows a SEND, the sub-iterator is
   on top of its value stack (MpGen_YieldFrom), and throw() and close()
   are passed to it first.

   The exception being handled (sys.exc_info()) belongs to the frame that
   handles it: when a generator suspends inside an `except` block, its
   handled exception is kept in gi_exc_state and the caller's restored;
   resuming swaps them again.

   PEP 479: a StopIteration escaping the body becomes RuntimeError
   ("generator raised StopIteration") with the StopIteration as __cause__
   and __context__.

   CPython counterpart: Objects/genobject.c.  Read first: gen_send_ex */
#include "objects/gen.h"

#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/exceptions.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/weakref.h"
#include "traceback.h"

static MpObject *gen_close(MpObject *self, MpObject *unused);

/* {====== Creation ====== */

MpObject *
MpGen_NewFromCall(MpObject *func, MpObject *const *args, size_t nargs,
                  MpObject *kwnames)
{
    MpFunctionObject *fn = (MpFunctionObject *)func;
    MpCodeObject *co = (MpCodeObject *)fn->func_code;
    MpGenObject *gen = (MpGenObject *)MpObject_NewVar(
        &MpGen_Type, (Mp_ssize_t)MpFrame_Size(co));
    if (gen == NULL) {
        return NULL;
    }
    gen->gi_frame = (MpFrame *)((char *)gen + sizeof(MpGenObject));
    _MpFrame_InitForGenerator(gen->gi_frame, func);
    gen->gi_name = Mp_NewRef(fn->func_name);
    gen->gi_qualname = Mp_NewRef(fn->func_qualname);
    if (MpFrame_BindArgs(gen->gi_frame, func, args, nargs, kwnames) < 0) {
        Mp_DECREF(gen);  // the dealloc clears the half-bound frame
        return NULL;
    }
    MpObject_GC_Track(gen);
    return (MpObject *)gen;
}
/* }====== */

/* {====== Running ====== */

static void
gen_finish(MpGenObject *gen)
{
    gen->gi_closed = 1;
    MpFrame_Clear(gen->gi_frame);
    Mp_CLEAR(&gen->gi_exc_state);
}

/* The core of next/send/throw: runs the frame until it yields (1,
   *result the value), returns (0, *result the return value) or raises
   (-1).  With throwflag the current exception is raised inside.
   Refs: *result NEW; value BORROWED (NULL means None). */
static int
gen_send_ex(MpGenObject *gen, MpObject *value, int throwflag,
            MpObject **result)
{
    MpFrame *f = gen->gi_frame;
    *result = NULL;
    if (gen->gi_running) {
        MpErr_SetString(MpExc_ValueError, "generator already executing");
        return -1;
    }
    if (gen->gi_closed || f->f_state == MP_FRAME_COMPLETED) {
        if (throwflag) {
            return -1;  // the thrown exception propagates
        }
        *result = Mp_NewRef(Mp_None);
        return 0;
    }
    if (value == NULL) {
        value = Mp_None;
    }
    if (f->f_state == MP_FRAME_CREATED && value != Mp_None && !throwflag) {
        MpErr_SetString(MpExc_TypeError,
                        "can't send non-None value to a just-started "
                        "generator");
        return -1;
    }
    /* The caller's handled exception is saved; the generator's own (if
       it suspended inside an except block) is put in its place. */
    MpObject *saved = MpErr_GetHandledException();  // NEW
    if (gen->gi_exc_state != NULL) {
        MpErr_SetHandledException(gen->gi_exc_state);  // borrows
        Mp_CLEAR(&gen->gi_exc_state);
    }
    gen->gi_running = 1;
    MpObject *r = MpEval_Resume(f, value, throwflag);
    gen->gi_running = 0;
    MpObject *cur = MpErr_GetHandledException();  // NEW
    if (r != NULL && f->f_state == MP_FRAME_SUSPENDED && cur != saved &&
        cur != NULL) {
        gen->gi_exc_state = Mp_NewRef(cur);
    }
    Mp_XDECREF(cur);
    MpErr_SetHandledException(saved);  // borrows
    Mp_XDECREF(saved);

    if (r != NULL) {
        *result = r;
        if (f->f_state == MP_FRAME_SUSPENDED) {
            return 1;
        }
        gen_finish(gen);
        return 0;
    }
    gen_finish(gen);
    if (MpErr_ExceptionMatches(MpExc_StopIteration)) {
        MpObject *si = MpErr_GetRaisedException();
        MpErr_SetString(MpExc_RuntimeError, "generator raised StopIteration");
        MpObject *rt = MpErr_GetRaisedException();
        MpException_SetCause(rt, Mp_NewRef(si));
        MpException_SetContext(rt, si);  // both steal
        MpErr_SetRaisedException(rt);
    }
    return -1;
}

/* Raises StopIteration(value) (StopIteration() for None).  Returns NULL. */
static MpObject *
set_stop_iteration(MpObject *value)
{
    MpObject *exc = value == Mp_None
                        ? MpObject_CallNoArgs(MpExc_StopIteration)
                        : MpObject_CallOneArg(MpExc_StopIteration, value);
    if (exc != NULL) {
        MpErr_SetRaisedException(exc);
    }
    return NULL;
}

/* gen_send_ex as a method result: the yielded value, or NULL with
   StopIteration(return value) or the error. */
static MpObject *
gen_send_result(MpGenObject *gen, MpObject *value, int throwflag)
{
    MpObject *r;
    int status = gen_send_ex(gen, value, throwflag, &r);
    if (status == 1) {
        return r;
    }
    if (status == 0) {
        set_stop_iteration(r);
        Mp_DECREF(r);
    }
    return NULL;
}

int
MpGen_Send(MpObject *gen, MpObject *value, MpObject **result)
{
    return gen_send_ex((MpGenObject *)gen, value, 0, result);
}

static MpObject *
gen_iternext(MpObject *self)
{
    MpObject *r;
    int status = gen_send_ex((MpGenObject *)self, Mp_None, 0, &r);
    if (status == 1) {
        return r;
    }
    if (status == 0) {
        /* Exhausted: NULL without an exception is enough for a None
           return value (FOR_ITER, MpIter_Next). */
        if (r != Mp_None) {
            set_stop_iteration(r);
        }
        Mp_DECREF(r);
    }
    return NULL;
}

static MpObject *
gen_send(MpObject *self, MpObject *value)
{
    return gen_send_result((MpGenObject *)self, value, 0);
}
/* }====== */

/* {====== Delegation: throw and close ====== */

MpObject *
MpGen_YieldFrom(MpGenObject *gen)
{
    MpFrame *f = gen->gi_frame;
    if (gen->gi_closed || f->f_state != MP_FRAME_SUSPENDED ||
        f->f_ip <= f->f_code->co_code || Mp_OP(f->f_ip[-1]) != SEND) {
        return NULL;
    }
    return f->f_localsplus[f->f_stacktop - 1];
}

/* Closes a sub-iterator: gen.close(), or its close method if any. */
static int
close_iter(MpObject *yf)
{
    MpObject *r = NULL;
    if (MpGen_Check(yf)) {
        r = gen_close(yf, NULL);
    }
    else {
        MpObject *meth = NULL;
        if (MpObject_LookupAttrString(yf, "close", &meth) < 0) {
            MpErr_WriteUnraisable(yf);
        }
        if (meth == NULL) {
            return 0;
        }
        r = MpObject_CallNoArgs(meth);
        Mp_DECREF(meth);
    }
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

/* Throws exc (BORROWED) into gen, through the sub-iterator of a
   `yield from` first.  Returns the next yielded value, or NULL. */
static MpObject *
gen_throw_exc(MpGenObject *gen, MpObject *exc)
{
    MpObject *yf = MpGen_YieldFrom(gen);
    if (yf != NULL) {
        MpObject *ret = NULL;
        Mp_INCREF(yf);
        if (MpErr_GivenExceptionMatches(exc, MpExc_GeneratorExit)) {
            gen->gi_running = 1;
            int err = close_iter(yf);
            gen->gi_running = 0;
            Mp_DECREF(yf);
            if (err < 0) {
                return gen_send_result(gen, NULL, 1);
            }
            goto throw_here;
        }
        if (MpGen_Check(yf)) {
            gen->gi_running = 1;
            ret = gen_throw_exc((MpGenObject *)yf, exc);
            gen->gi_running = 0;
        }
        else {
            MpObject *meth = NULL;
            if (MpObject_LookupAttrString(yf, "throw", &meth) < 0) {
                Mp_DECREF(yf);
                return gen_send_result(gen, NULL, 1);
            }
            if (meth == NULL) {
                Mp_DECREF(yf);
                goto throw_here;
            }
            gen->gi_running = 1;
            ret = MpObject_CallOneArg(meth, exc);
            gen->gi_running = 0;
            Mp_DECREF(meth);
        }
        Mp_DECREF(yf);
        if (ret != NULL) {
            return ret;  // the sub-iterator yielded
        }
        /* The sub-iterator ended: pop it and go on after the delegation
           with its return value, or raise its error here. */
        MpFrame *f = gen->gi_frame;
        MpObject *it = f->f_localsplus[--f->f_stacktop];
        f->f_localsplus[f->f_stacktop] = NULL;
        Mp_DECREF(it);
        if (MpErr_ExceptionMatches(MpExc_StopIteration)) {
            MpObject *si = MpErr_GetRaisedException();
            MpObject *val = Mp_NewRef(MpStopIteration_Value(si));
            Mp_DECREF(si);
            /* Resume at SEND's jump target with [value]. */
            int target = Mp_ARG(f->f_ip[-1]);
            f->f_ip = f->f_code->co_code + target - 1;
            ret = gen_send_result(gen, val, 0);
            Mp_DECREF(val);
            return ret;
        }
        return gen_send_result(gen, NULL, 1);
    }
throw_here:
    MpErr_SetRaisedException(Mp_NewRef(exc));
    return gen_send_result(gen, NULL, 1);
}

/* throw(value), throw(type[, value[, tb]]) */
static MpObject *
gen_throw(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        return MpErr_Format(MpExc_TypeError,
                            "throw expected at least 1 argument, got %zd",
                            nargs);
    }
    MpObject *typ = args[0];
    MpObject *val = nargs > 1 ? args[1] : Mp_None;
    MpObject *tb = nargs > 2 ? args[2] : Mp_None;
    MpObject *exc;
    if (tb != Mp_None && Mp_TYPE(tb) != &MpTraceback_Type) {
        MpErr_SetString(MpExc_TypeError,
                        "throw() third argument must be a traceback object");
        return NULL;
    }
    if (MpType_Check(typ) &&
        MpType_IsSubtype((MpTypeObject *)typ,
                         (MpTypeObject *)MpExc_BaseException)) {
        if (val != Mp_None &&
            MpType_IsSubtype(Mp_TYPE(val), (MpTypeObject *)typ)) {
            exc = Mp_NewRef(val);
        }
        else if (val == Mp_None) {
            exc = MpObject_CallNoArgs(typ);
        }
        else if (MpTuple_Check(val)) {
            exc = MpObject_Call(typ, val, NULL);
        }
        else {
            exc = MpObject_CallOneArg(typ, val);
        }
        if (exc == NULL) {
            return NULL;
        }
    }
    else if (MpType_IsSubtype(Mp_TYPE(typ),
                              (MpTypeObject *)MpExc_BaseException)) {
        if (val != Mp_None) {
            MpErr_SetString(MpExc_TypeError,
                            "instance exception may not have a separate "
                            "value");
            return NULL;
        }
        exc = Mp_NewRef(typ);
    }
    else {
        return MpErr_Format(MpExc_TypeError,
                            "exceptions must be classes or instances "
                            "deriving from BaseException, not %s",
                            Mp_TYPE(typ)->tp_name);
    }
    if (tb != Mp_None) {
        if (MpException_SetTraceback(exc, tb) < 0) {  // borrows tb
            Mp_DECREF(exc);
            return NULL;
        }
    }
    MpObject *r = gen_throw_exc((MpGenObject *)self, exc);
    Mp_DECREF(exc);
    return r;
}

static MpObject *
gen_close(MpObject *self, MpObject *unused)
{
    MpGenObject *gen = (MpGenObject *)self;
    MpFrame *f = gen->gi_frame;
    if (gen->gi_closed || f->f_state == MP_FRAME_COMPLETED) {
        return Mp_NewRef(Mp_None);
    }
    if (f->f_state == MP_FRAME_CREATED) {
        gen_finish(gen);
        return Mp_NewRef(Mp_None);
    }
    int err = 0;
    MpObject *yf = MpGen_YieldFrom(gen);
    if (yf != NULL) {
        Mp_INCREF(yf);
        gen->gi_running = 1;
        err = close_iter(yf);
        gen->gi_running = 0;
        Mp_DECREF(yf);
    }
    if (err == 0) {
        MpObject *ge = MpObject_CallNoArgs(MpExc_GeneratorExit);
        if (ge == NULL) {
            return NULL;
        }
        MpErr_SetRaisedException(ge);
    }
    MpObject *r;
    int status = gen_send_ex(gen, NULL, 1, &r);
    if (status == 1) {
        Mp_DECREF(r);
        MpErr_SetString(MpExc_RuntimeError,
                        "generator ignored GeneratorExit");
        return NULL;
    }
    if (status == 0) {
        Mp_DECREF(r);
        return Mp_NewRef(Mp_None);
    }
    if (MpErr_ExceptionMatches(MpExc_StopIteration) ||
        MpErr_ExceptionMatches(MpExc_GeneratorExit)) {
        MpErr_Clear();
        return Mp_NewRef(Mp_None);
    }
    return NULL;
}
/* }====== */

/* {====== The type ====== */

static void
gen_dealloc(MpObject *o)
{
    MpGenObject *gen = (MpGenObject *)o;
    MpObject_GC_UnTrack(o);
    if (gen->gi_weakreflist != NULL) {
        MpObject_ClearWeakRefs(o);
    }
    if (!gen->gi_closed &&
        gen->gi_frame->f_state == MP_FRAME_SUSPENDED) {
        /* Finalize (PEP 342): close the suspended generator so its
           `finally` blocks run.  It may resurrect the object. */
        o->ob_refcnt = 1;
        MpObject *exc = MpErr_GetRaisedException();
        MpObject *r = gen_close(o, NULL);
        if (r == NULL) {
            MpErr_WriteUnraisable(o);
        }
        else {
            Mp_DECREF(r);
        }
        MpErr_SetRaisedException(exc);
        if (--o->ob_refcnt != 0) {
            MpObject_GC_Track(o);  // resurrected
            return;
        }
    }
    if (!gen->gi_closed) {
        gen->gi_closed = 1;
        MpFrame_Clear(gen->gi_frame);
    }
    Mp_XDECREF(gen->gi_frame->f_code);
    Mp_CLEAR(&gen->gi_exc_state);
    Mp_CLEAR(&gen->gi_name);
    Mp_CLEAR(&gen->gi_qualname);
    MpObject_Free(o);
}

static int
gen_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpGenObject *gen = (MpGenObject *)o;
    MpFrame *f = gen->gi_frame;
    if (gen->gi_exc_state != NULL) {
        int r = visit(gen->gi_exc_state, arg);
        if (r) {
            return r;
        }
    }
    /* A running frame's stack is in flux: its references count as
       external (nothing is visited), which is always safe. */
    if (gen->gi_closed || gen->gi_running) {
        return 0;
    }
    MpObject *refs[3] = {f->f_func, f->f_locals, f->f_frame_obj};
    for (int i = 0; i < 3; i++) {
        if (refs[i] != NULL) {
            int r = visit(refs[i], arg);
            if (r) {
                return r;
            }
        }
    }
    for (int i = 0; i < f->f_stacktop; i++) {
        if (f->f_localsplus[i] != NULL) {
            int r = visit(f->f_localsplus[i], arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

static int
gen_clear(MpObject *o)
{
    MpGenObject *gen = (MpGenObject *)o;
    if (!gen->gi_running && !gen->gi_closed) {
        gen->gi_closed = 1;
        MpFrame_Clear(gen->gi_frame);
    }
    Mp_CLEAR(&gen->gi_exc_state);
    return 0;
}

static MpObject *
gen_repr(MpObject *o)
{
    return MpStr_FromFormat("<generator object %U at %p>",
                            ((MpGenObject *)o)->gi_qualname, (void *)o);
}

static MpObject *
gen_get_frame(MpObject *o, void *c)
{
    MpGenObject *gen = (MpGenObject *)o;
    if (gen->gi_closed || gen->gi_frame->f_state == MP_FRAME_COMPLETED) {
        return Mp_NewRef(Mp_None);
    }
    MpObject *fo = MpFrame_GetObject(gen->gi_frame);
    return fo ? Mp_NewRef(fo) : NULL;
}

static MpObject *
gen_get_running(MpObject *o, void *c)
{
    return MpBool_FromLong(((MpGenObject *)o)->gi_running);
}

static MpObject *
gen_get_suspended(MpObject *o, void *c)
{
    MpGenObject *gen = (MpGenObject *)o;
    return MpBool_FromLong(!gen->gi_closed &&
                           gen->gi_frame->f_state == MP_FRAME_SUSPENDED);
}

static MpObject *
gen_get_code(MpObject *o, void *c)
{
    return Mp_NewRef(((MpGenObject *)o)->gi_frame->f_code);
}

static MpObject *
gen_get_yieldfrom(MpObject *o, void *c)
{
    MpObject *yf = MpGen_YieldFrom((MpGenObject *)o);
    return Mp_NewRef(yf ? yf : Mp_None);
}

static MpObject *
gen_get_name(MpObject *o, void *c)
{
    return Mp_NewRef(*(MpObject **)((char *)o + (size_t)c));
}

static int
gen_set_name(MpObject *o, MpObject *v, void *c)
{
    if (v == NULL || !MpStr_Check(v)) {
        MpErr_Format(MpExc_TypeError, "%s must be set to a string object",
                     (size_t)c == offsetof(MpGenObject, gi_name)
                         ? "__name__"
                         : "__qualname__");
        return -1;
    }
    Mp_SETREF((MpObject **)((char *)o + (size_t)c), Mp_NewRef(v));
    return 0;
}

static MpGetSetDef gen_getset[] = {
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL,
     (void *)offsetof(MpGenObject, gi_name)},
    {"__qualname__", gen_get_name, gen_set_name, NULL,
     (void *)offsetof(MpGenObject, gi_qualname)},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpMethodDef gen_methods[] = {
    {"send", (void *)gen_send, MP_METH_O, NULL},
    {"throw", (void *)gen_throw, MP_METH_FASTCALL, NULL},
    {"close", (void *)gen_close, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpGen_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "generator",
    .tp_basicsize = sizeof(MpGenObject),
    .tp_itemsize = 1,  // the frame's bytes follow the struct
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(MpGenObject, gi_weakreflist),
};
/* }====== */
