/* sys_memory.c — the memory side of the sys module: sys.getsizeof and
   sys.unraisablehook.

   sys.getsizeof(o[, default]) is type(o).__sizeof__(o), plus the GC header
   when o is a container.  The built-in __sizeof__ methods report CPython
   3.11's figures for the same shape (a dict's size jumps when its table
   is resized, as in CPython, because minipy resizes at the same points),
   and the header counted is CPython's 16 bytes, so that the sizes agree
   with CPython's.  (minipy's real GC header is 24 bytes: three words,
   gc.h.)  object.__sizeof__ (type.c) is the type's tp_basicsize (plus
   the items of a variable-sized object): for an instance of a class that
   is the object header, the __dict__ slot and the weak reference slot;
   CPython 3.11 counts 16 more bytes there (the managed-dict pre-header
   minipy does not have).

   sys.unraisablehook: the errors that cannot propagate (an exception in
   __del__, in a weakref or gc callback, in an atexit callback) go through
   MpErr_WriteUnraisable, which calls the C hook installed here: it looks
   up sys.unraisablehook and, when the program replaced it, calls the
   replacement with an UnraisableHookArgs (exc_type, exc_value,
   exc_traceback, err_msg, object); otherwise it prints with the default
   C hook.  An exception in the replacement is itself reported, with the
   default hook, as "Exception ignored in sys.unraisablehook: <hook>".

   CPython counterpart: Python/sysmodule.c (sys_getsizeof,
   sys_unraisablehook), Python/errors.c (UnraisableHookArgs).
   Read first: sys_getsizeof */
#include <stddef.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

MpObject *MpSys_GetObject(const char *name);  // modules/sys.c
int MpSysMemory_AddTo(MpObject *sys);

/* CPython's sizeof(PyGC_Head): what getsizeof adds for a container. */
#define CPYTHON_GC_HEAD_SIZE 16

/* {====== sys.getsizeof ====== */

static MpObject *
sys_getsizeof(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        return MpErr_Format(MpExc_TypeError,
                            nargs < 1 ? "getsizeof() missing required "
                                        "argument 'object' (pos 1)"
                                      : "getsizeof() takes at most 2 "
                                        "arguments (%zd given)",
                            nargs);
    }
    MpObject *o = args[0], *dflt = nargs > 1 ? args[1] : NULL;
    MpObject *name = MpStr_InternFromString("__sizeof__");
    MpObject *method = name ? MpType_Lookup(Mp_TYPE(o), name) : NULL;
    Mp_XDECREF(name);
    MpObject *res = NULL;
    if (method == NULL) {
        if (!MpErr_Occurred()) {
            MpErr_Format(MpExc_TypeError,
                         "Type %s doesn't define __sizeof__",
                         MpType_Name(Mp_TYPE(o)));
        }
    }
    else {
        res = MpObject_CallMethod(o, "__sizeof__", NULL, 0);
    }
    if (res == NULL) {
        if (dflt != NULL && MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            return Mp_NewRef(dflt);
        }
        return NULL;
    }
    if (!MpLong_Check(res)) {
        Mp_DECREF(res);
        if (dflt != NULL) {
            return Mp_NewRef(dflt);
        }
        MpErr_SetString(MpExc_TypeError, "an integer is required");
        return NULL;
    }
    Mp_ssize_t size = MpNumber_AsSsize_t(res, MpExc_OverflowError);
    Mp_DECREF(res);
    if (size == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (size < 0) {
        MpErr_SetString(MpExc_ValueError, "__sizeof__() should return >= 0");
        return NULL;
    }
    if (MpObject_IsGC(o)) {
        size += CPYTHON_GC_HEAD_SIZE;
    }
    return MpLong_FromSsize_t(size);
}

/* }====== */

/* {====== sys.unraisablehook ====== */

typedef struct {
    MpObject_HEAD
    MpObject *exc_type, *exc_value, *exc_traceback, *err_msg, *object;
} HookArgs;

static void
hookargs_dealloc(MpObject *o)
{
    HookArgs *a = (HookArgs *)o;
    MpObject_GC_UnTrack(o);
    Mp_CLEAR(&a->exc_type);
    Mp_CLEAR(&a->exc_value);
    Mp_CLEAR(&a->exc_traceback);
    Mp_CLEAR(&a->err_msg);
    Mp_CLEAR(&a->object);
    MpObject_Free(o);
}

static int
hookargs_traverse(MpObject *o, visitproc visit, void *arg)
{
    HookArgs *a = (HookArgs *)o;
    MpObject *refs[] = {a->exc_type, a->exc_value, a->exc_traceback,
                        a->err_msg, a->object};
    for (size_t i = 0; i < 5; i++) {
        if (refs[i] != NULL && visit(refs[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static Mp_ssize_t
hookargs_len(MpObject *o)
{
    return 5;  // a struct sequence of five fields in CPython
}

static MpMemberDef hookargs_members[] = {
    {"exc_type", MP_T_OBJECT, offsetof(HookArgs, exc_type), 1, NULL},
    {"exc_value", MP_T_OBJECT, offsetof(HookArgs, exc_value), 1, NULL},
    {"exc_traceback", MP_T_OBJECT, offsetof(HookArgs, exc_traceback), 1,
     NULL},
    {"err_msg", MP_T_OBJECT, offsetof(HookArgs, err_msg), 1, NULL},
    {"object", MP_T_OBJECT, offsetof(HookArgs, object), 1, NULL},
    {NULL},
};

static MpSequenceMethods hookargs_as_sequence = {
    .sq_length = hookargs_len,
};

static MpTypeObject HookArgs_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "UnraisableHookArgs",
    .tp_basicsize = sizeof(HookArgs),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = hookargs_dealloc,
    .tp_traverse = hookargs_traverse,
    .tp_members = hookargs_members,
    .tp_as_sequence = &hookargs_as_sequence,
};

/* sys.unraisablehook / sys.__unraisablehook__: the default, from Python. */
static MpObject *
sys_unraisablehook(MpObject *self, MpObject *arg)
{
    if (Mp_TYPE(arg) != &HookArgs_Type) {
        MpErr_SetString(MpExc_TypeError,
                        "sys.unraisablehook argument type must be "
                        "UnraisableHookArgs");
        return NULL;
    }
    HookArgs *a = (HookArgs *)arg;
    MpObject *exc = a->exc_value != Mp_None ? a->exc_value : NULL;
    if (a->err_msg != Mp_None && MpStr_Check(a->err_msg)) {
        const char *msg = MpStr_AsUTF8(a->err_msg);
        if (msg == NULL) {
            return NULL;
        }
        /* WriteUnraisableMsg would re-enter the hook: print directly */
        MpErr_PrintUnraisableMsg(msg, exc, a->object);
    }
    else {
        MpErr_DefaultUnraisableHook(exc, a->object);
    }
    return Mp_NewRef(Mp_None);
}

static MpMethodDef unraisablehook_def = {
    "unraisablehook", (void *)sys_unraisablehook, MP_METH_O,
    "Handle an unraisable exception."};

static int
is_default_hook(MpObject *hook)
{
    return MpCFunction_Check(hook) &&
           ((MpCFunctionObject *)hook)->m_ml == &unraisablehook_def;
}

/* The C hook (errors.h): dispatches to sys.unraisablehook. */
static void
dispatch_unraisable(MpObject *exc, MpObject *obj)
{
    MpObject *hook = MpSys_GetObject("unraisablehook");
    if (hook == NULL || hook == Mp_None || is_default_hook(hook)) {
        MpErr_DefaultUnraisableHook(exc, obj);
        return;
    }
    HookArgs *a = (HookArgs *)MpObject_New(&HookArgs_Type);
    if (a == NULL) {
        MpErr_Clear();
        MpErr_DefaultUnraisableHook(exc, obj);
        return;
    }
    const char *msg = MpErr_UnraisableMsg();
    a->exc_type = Mp_NewRef(exc ? (MpObject *)Mp_TYPE(exc) : Mp_None);
    a->exc_value = Mp_NewRef(exc ? exc : Mp_None);
    MpObject *tb = exc ? ((MpBaseExceptionObject *)exc)->traceback : NULL;
    a->exc_traceback = Mp_NewRef(tb ? tb : Mp_None);
    a->err_msg = msg ? MpStr_FromString(msg) : Mp_NewRef(Mp_None);
    a->object = Mp_NewRef(obj ? obj : Mp_None);
    if (a->err_msg == NULL) {
        MpErr_Clear();
        a->err_msg = Mp_NewRef(Mp_None);
    }
    MpObject_GC_Track(a);
    Mp_INCREF(hook);
    MpObject *r = MpObject_CallOneArg(hook, (MpObject *)a);
    Mp_DECREF(a);
    if (r == NULL) {
        MpObject *err = MpErr_GetRaisedException();
        MpErr_PrintUnraisableMsg("Exception ignored in sys.unraisablehook",
                                 err, hook);
        Mp_XDECREF(err);
    }
    Mp_XDECREF(r);
    Mp_DECREF(hook);
}
/* }====== */

static MpMethodDef sys_memory_methods[] = {
    {"getsizeof", (void *)sys_getsizeof, MP_METH_FASTCALL,
     "Return the size of object in bytes."},
    {NULL},
};

/* Adds getsizeof, unraisablehook and __unraisablehook__ to sys and
   installs the dispatching hook.  Returns 0 or -1.  Refs: sys BORROWED. */
int
MpSysMemory_AddTo(MpObject *sys)
{
    if (MpModule_AddFunctions(sys, sys_memory_methods) < 0) {
        return -1;
    }
    MpObject *hook = MpCFunction_New(&unraisablehook_def, NULL, NULL);
    if (hook == NULL ||
        MpModule_AddObject(sys, "__unraisablehook__", Mp_NewRef(hook)) < 0 ||
        MpModule_AddObject(sys, "unraisablehook", hook) < 0) {
        return -1;
    }
    MpErr_SetUnraisableHook(dispatch_unraisable);
    return 0;
}
