/* sitebuiltins.c — the `exit` and `quit` objects of the builtins.

   CPython's site module puts two instances of _sitebuiltins.Quitter into
   the builtins: typed at the prompt they show how to leave
   ("Use exit() or Ctrl-D (i.e. EOF) to exit"), called they raise
   SystemExit(code), which ends the program (or the REPL) through the
   ordinary shutdown sequence, so __del__ methods and the like still run.
   minipy has no site module; the runtime installs them at start-up
   (MpSiteBuiltins_Install), for scripts as well, as site does.

   CPython closes sys.stdin before raising, so that an interactive session
   run from a pipe does not read on; minipy's sys.stdin has no close()
   yet, so this step is left out.

   CPython counterpart: Lib/_sitebuiltins.py (Quitter).
   Read first: quitter_call */
#include "sitebuiltins.h"

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/type.h"

typedef struct {
    MpObject_HEAD
    const char *name;  // "exit" or "quit" (static strings)
    const char *eof;   // how to end input at this terminal
} MpQuitter;

static MpObject *
quitter_repr(MpObject *self)
{
    MpQuitter *q = (MpQuitter *)self;
    return MpStr_FromFormat("Use %s() or %s to exit", q->name, q->eof);
}

/* exit(code=None): raise SystemExit(code). */
static MpObject *
quitter_call(MpObject *self, MpObject *const *args, size_t nargsf,
             MpObject *kwnames)
{
    Mp_ssize_t nargs = (Mp_ssize_t)nargsf;
    if (nargs > 1) {
        /* the message of the Python method Quitter.__call__ */
        return MpErr_Format(MpExc_TypeError,
                            "Quitter.__call__() takes from 1 to 2 "
                            "positional arguments but %zd were given",
                            nargs + 1);
    }
    static const char *const kw[] = {"code", NULL};
    static const MpArgSpec spec = {"__call__", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    /* raise SystemExit(code): the instance is made here, so that
       SystemExit(None).args is (None,) as in Python code */
    MpObject *exc = MpObject_CallOneArg(MpExc_SystemExit,
                                        a[0] ? a[0] : Mp_None);
    if (exc != NULL) {
        MpErr_SetObject(MpExc_SystemExit, exc);
        Mp_DECREF(exc);
    }
    return NULL;
}

static void
quitter_dealloc(MpObject *self)
{
    MpObject_Free(self);
}

MpTypeObject MpQuitter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(MpQuitter),
    .tp_dealloc = quitter_dealloc,
    .tp_repr = quitter_repr,
    .tp_call = quitter_call,
};

static int
add_quitter(MpObject *builtins, const char *name)
{
    MpQuitter *q = (MpQuitter *)MpObject_New(&MpQuitter_Type);
    if (q == NULL) {
        return -1;
    }
    q->name = name;
    q->eof = "Ctrl-D (i.e. EOF)";  // CPython's wording on POSIX
    int r = MpDict_SetItemString(builtins, name, (MpObject *)q);
    Mp_DECREF(q);
    return r;
}

int
MpSiteBuiltins_Install(MpObject *builtins)
{
    if (MpType_Ready(&MpQuitter_Type) < 0) {
        return -1;
    }
    return add_quitter(builtins, "exit") < 0 ||
                   add_quitter(builtins, "quit") < 0
               ? -1
               : 0;
}
