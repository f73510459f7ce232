/* tracebackmodule.c — _traceback: the interpreter's own traceback printer
   (traceback.c), returning text instead of writing to stderr.

   lib/traceback.py builds the traceback module on these three functions,
   so that traceback.print_exc() prints exactly what an uncaught exception
   prints -- the same entries, source lines and ~~~^^^ markers -- from one
   implementation.  The text is caught with open_memstream(3).

   CPython counterpart: none (CPython's Lib/traceback.py re-implements the
   printer in Python).  Read first: format_with */
#include <stdio.h>
#include <stdlib.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "traceback.h"

enum { WHAT_EXCEPTION, WHAT_ENTRIES, WHAT_ONLY };

/* The printer's output for obj as a str.  Refs: NEW; NULL with
   MemoryError. */
static MpObject *
format_with(int what, MpObject *obj, int chain, int limit)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (f == NULL) {
        return MpErr_NoMemory();
    }
    switch (what) {
    case WHAT_EXCEPTION:
        MpTraceback_PrintEx(obj, f, chain, limit);
        break;
    case WHAT_ENTRIES:
        MpTraceback_PrintEntries(obj, f, limit);
        break;
    default:
        MpTraceback_PrintExceptionOnly(obj, f);
        break;
    }
    fclose(f);
    MpObject *r = MpStr_FromUTF8(buf, (Mp_ssize_t)size);
    free(buf);
    return r;
}

/* limit: None (the default) or an int. */
static int
parse_limit(MpObject *o, int *limit)
{
    if (o == NULL || o == Mp_None) {
        *limit = MP_TB_NOLIMIT;
        return 0;
    }
    int64_t v = MpLong_AsInt64(o);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    *limit = v > 1000000 ? 1000000 : v < -1000000 ? -1000000 : (int)v;
    return 0;
}

/* format_exception(exc, chain=True, limit=None) -> str */
static MpObject *
tb_format_exception(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                    MpObject *kwnames)
{
    static const char *const kw[] = {"exc", "chain", "limit", NULL};
    static const MpArgSpec spec = {"format_exception", kw, 1, 3};
    MpObject *a[3];
    int limit;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        parse_limit(a[2], &limit) < 0) {
        return NULL;
    }
    if (!MpExceptionInstance_Check(a[0])) {
        return MpErr_Format(MpExc_TypeError,
                            "format_exception(): an exception is required, "
                            "not %T", a[0]);
    }
    int chain = a[1] == NULL ? 1 : MpObject_IsTrue(a[1]);
    if (chain < 0) {
        return NULL;
    }
    return format_with(WHAT_EXCEPTION, a[0], chain, limit);
}

/* format_tb(tb, limit=None) -> str: the entries alone. */
static MpObject *
tb_format_tb(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
             MpObject *kwnames)
{
    static const char *const kw[] = {"tb", "limit", NULL};
    static const MpArgSpec spec = {"format_tb", kw, 1, 2};
    MpObject *a[2];
    int limit;
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0 ||
        parse_limit(a[1], &limit) < 0) {
        return NULL;
    }
    if (a[0] != Mp_None && Mp_TYPE(a[0]) != &MpTraceback_Type) {
        return MpErr_Format(MpExc_TypeError,
                            "format_tb(): a traceback is required, not %T",
                            a[0]);
    }
    return format_with(WHAT_ENTRIES, a[0], 1, limit);
}

/* format_exception_only(exc) -> str: "Type: message\n". */
static MpObject *
tb_format_exception_only(MpObject *self, MpObject *exc)
{
    if (!MpExceptionInstance_Check(exc)) {
        return MpErr_Format(MpExc_TypeError,
                            "format_exception_only(): an exception is "
                            "required, not %T", exc);
    }
    return format_with(WHAT_ONLY, exc, 1, MP_TB_NOLIMIT);
}

#define FAST (MP_METH_FASTCALL | MP_METH_KEYWORDS)

static MpMethodDef tb_methods[] = {
    {"format_exception", (void *)tb_format_exception, FAST, NULL},
    {"format_tb", (void *)tb_format_tb, FAST, NULL},
    {"format_exception_only", (void *)tb_format_exception_only, MP_METH_O,
     NULL},
    {NULL},
};

MpObject *
MpTracebackModule_Create(void)
{
    MpObject *m = MpModule_New("_traceback");
    if (m == NULL || MpModule_AddFunctions(m, tb_methods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
