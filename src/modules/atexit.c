/* atexit.c — the atexit module: functions to call when the interpreter
   shuts down.

   atexit.register(func, *args, **kwargs) appends (func, args, kwargs) to
   one list; at shutdown (runtime.c, MpAtexit_Run, the first step of
   MpRuntime_Fini) they are called last registered first.  A callback that
   raises is reported as CPython reports it ("Exception ignored in atexit
   callback: <func>" and the traceback) and the others still run.
   unregister(func) removes every entry whose function == func.

   The list belongs to the interpreter, not to the module object, so that
   the callbacks survive `del sys.modules['atexit']`.

   CPython counterpart: Modules/atexitmodule.c.
   Read first: MpAtexit_Run */
#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/tuple.h"

MpObject *MpAtexitModule_Create(void);
void MpAtexit_Run(void);

/* The callbacks: a list of (func, args tuple, kwargs dict or None). */
static MpObject *callbacks;

static int
ensure_list(void)
{
    if (callbacks == NULL) {
        callbacks = MpList_New(0);
    }
    return callbacks != NULL ? 0 : -1;
}

/* register(func, /, *args, **kwargs): returns func, so it works as a
   decorator. */
static MpObject *
atexit_register(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                MpObject *kwnames)
{
    if (nargs < 1) {
        MpErr_SetString(MpExc_TypeError,
                        "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    if (!MpCallable_Check(args[0])) {
        MpErr_SetString(MpExc_TypeError,
                        "the first argument must be callable");
        return NULL;
    }
    if (ensure_list() < 0) {
        return NULL;
    }
    MpObject *pos = MpTuple_FromArray(args + 1, nargs - 1);
    MpObject *kw = pos ? MpArg_KwnamesToDict(args + nargs, kwnames) : NULL;
    MpObject *entry = NULL;
    if (kw != NULL) {
        entry = MpTuple_Pack(3, args[0], pos, kw);
    }
    int err = entry == NULL || MpList_Append(callbacks, entry) < 0;
    Mp_XDECREF(pos);
    Mp_XDECREF(kw);
    Mp_XDECREF(entry);
    return err ? NULL : Mp_NewRef(args[0]);
}

/* unregister(func): every entry whose function compares equal. */
static MpObject *
atexit_unregister(MpObject *self, MpObject *func)
{
    if (callbacks == NULL) {
        return Mp_NewRef(Mp_None);
    }
    Mp_ssize_t i = 0;
    while (i < Mp_SIZE(callbacks)) {
        MpObject *entry = Mp_NewRef(MpList_GET_ITEM(callbacks, i));
        int eq = MpObject_RichCompareBool(MpTuple_GET_ITEM(entry, 0), func,
                                          Mp_EQ);
        Mp_DECREF(entry);
        if (eq < 0) {
            return NULL;
        }
        if (eq && i < Mp_SIZE(callbacks)) {
            MpObject *idx = MpLong_FromSsize_t(i);
            int r = idx ? MpObject_DelItem(callbacks, idx) : -1;
            Mp_XDECREF(idx);
            if (r < 0) {
                return NULL;
            }
        }
        else {
            i++;
        }
    }
    return Mp_NewRef(Mp_None);
}

void
MpAtexit_Run(void)
{
    /* last registered, first called; each entry is taken off the list
       before its call, so a callback that registers another sees it run
       too, and running twice calls nothing twice */
    while (callbacks != NULL && Mp_SIZE(callbacks) > 0) {
        Mp_ssize_t last = Mp_SIZE(callbacks) - 1;
        MpObject *entry = Mp_NewRef(MpList_GET_ITEM(callbacks, last));
        MpObject *idx = MpLong_FromSsize_t(last);
        if (idx == NULL || MpObject_DelItem(callbacks, idx) < 0) {
            Mp_XDECREF(idx);
            Mp_DECREF(entry);
            MpErr_Clear();
            break;
        }
        Mp_DECREF(idx);
        MpObject *func = MpTuple_GET_ITEM(entry, 0);
        MpObject *kw = MpTuple_GET_ITEM(entry, 2);
        MpObject *r = MpObject_Call(func, MpTuple_GET_ITEM(entry, 1),
                                    MpDict_CheckExact(kw) &&
                                            ((MpDictObject *)kw)->ma_used
                                        ? kw
                                        : NULL);
        if (r == NULL) {
            MpErr_WriteUnraisableMsg("Exception ignored in atexit callback",
                                     func);
        }
        Mp_XDECREF(r);
        Mp_DECREF(entry);
    }
    Mp_CLEAR(&callbacks);
}

static MpObject *
atexit_run_exitfuncs(MpObject *self, MpObject *unused)
{
    MpAtexit_Run();
    return Mp_NewRef(Mp_None);
}

static MpObject *
atexit_clear(MpObject *self, MpObject *unused)
{
    Mp_CLEAR(&callbacks);
    return Mp_NewRef(Mp_None);
}

static MpObject *
atexit_ncallbacks(MpObject *self, MpObject *unused)
{
    return MpLong_FromSsize_t(callbacks ? Mp_SIZE(callbacks) : 0);
}

static MpMethodDef atexit_methods[] = {
    {"register", (void *)atexit_register,
     MP_METH_FASTCALL | MP_METH_KEYWORDS,
     "Register a function to be executed upon normal program termination."},
    {"unregister", (void *)atexit_unregister, MP_METH_O,
     "Unregister an exit function which was previously registered."},
    {"_run_exitfuncs", (void *)atexit_run_exitfuncs, MP_METH_NOARGS,
     "Run all registered exit functions."},
    {"_clear", (void *)atexit_clear, MP_METH_NOARGS,
     "Clear the list of previously registered exit functions."},
    {"_ncallbacks", (void *)atexit_ncallbacks, MP_METH_NOARGS,
     "Return the number of registered exit functions."},
    {NULL},
};

MpObject *
MpAtexitModule_Create(void)
{
    MpObject *m = MpModule_New("atexit");
    if (m == NULL || MpModule_AddFunctions(m, atexit_methods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
