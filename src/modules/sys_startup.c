/* sys_startup.c — what sys tells of how the interpreter was started and
   what it is built with: orig_argv, _xoptions, warnoptions,
   builtin_module_names, dont_write_bytecode, and the run-time questions
   is_finalizing() and getallocatedblocks().

   main() hands the raw command line over (MpSys_SetCommandLine) before
   the runtime starts; MpSysStartup_AddTo turns it into objects when sys
   is created.  The options are recorded, not acted on, here: -X options
   are read by main.c itself (-X showrefcount, -X importtime).

   CPython counterpart: the same attributes in Python/sysmodule.c, filled
   from PyConfig.  Read first: MpSysStartup_AddTo */
#include <string.h>

#include "builtins.h"
#include "errors.h"
#include "import.h"
#include "obmalloc.h"
#include "runtime.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* The command line as main() received it; the arrays are main's and live
   as long as the process. */
static struct {
    int argc;
    char **argv;
    int nx, nw;
    const char *const *xoptions;     // the arguments of the -X options
    const char *const *warnoptions;  // ... and of the -W options
} cmdline;

void
MpSys_SetCommandLine(int argc, char **argv, const char *const *xoptions,
                     int nx, const char *const *warnoptions, int nw)
{
    cmdline.argc = argc;
    cmdline.argv = argv;
    cmdline.xoptions = xoptions;
    cmdline.nx = nx;
    cmdline.warnoptions = warnoptions;
    cmdline.nw = nw;
}

/* sys._xoptions: "-X name=value" gives {'name': 'value'}, "-X name" gives
   {'name': True}; a later option replaces an earlier one of the same
   name.  Refs: NEW; NULL with an exception. */
static MpObject *
xoptions_dict(void)
{
    MpObject *d = MpDict_New();
    for (int i = 0; d != NULL && i < cmdline.nx; i++) {
        const char *opt = cmdline.xoptions[i];
        const char *eq = strchr(opt, '=');
        MpObject *key = eq ? MpStr_FromKindAndData(1, opt, eq - opt)
                           : MpStr_FromString(opt);
        MpObject *value = eq ? MpStr_FromString(eq + 1) : Mp_NewRef(Mp_True);
        if (key == NULL || value == NULL ||
            MpDict_SetItem(d, key, value) < 0) {
            Mp_CLEAR(&d);
        }
        Mp_XDECREF(key);
        Mp_XDECREF(value);
    }
    return d;
}

/* sys.is_finalizing(): whether the shutdown sequence has begun (after
   the atexit callbacks and the flush of the standard streams). */
static MpObject *
sys_is_finalizing(MpObject *self, MpObject *unused)
{
    return MpBool_FromLong(MpRuntime_IsFinalizing());
}

/* sys.getallocatedblocks(): the small-object allocator's blocks in use
   (objects and the other small blocks: dict tables, list items); 0 in the
   sanitizer build, which hands everything to malloc. */
static MpObject *
sys_getallocatedblocks(MpObject *self, MpObject *unused)
{
    MpMemStats stats;
    MpMem_GetStats(&stats);
    return MpLong_FromSsize_t((Mp_ssize_t)stats.blocks_used);
}

static MpMethodDef startup_methods[] = {
    {"is_finalizing", (void *)sys_is_finalizing, MP_METH_NOARGS, NULL},
    {"getallocatedblocks", (void *)sys_getallocatedblocks, MP_METH_NOARGS,
     NULL},
    {NULL},
};

int
MpSysStartup_AddTo(MpObject *m)
{
    const char *const *argv = (const char *const *)cmdline.argv;
    if (MpModule_AddFunctions(m, startup_methods) < 0 ||
        MpModule_AddObject(m, "orig_argv",
                           MpList_FromUTF8Strings(argv, cmdline.argc)) < 0 ||
        MpModule_AddObject(m, "_xoptions", xoptions_dict()) < 0 ||
        MpModule_AddObject(m, "warnoptions",
                           MpList_FromUTF8Strings(cmdline.warnoptions, cmdline.nw)) <
            0 ||
        MpModule_AddObject(m, "builtin_module_names",
                           MpImport_BuiltinModuleNames()) < 0 ||
        /* minipy never writes compiled code (README: Import) */
        MpModule_AddObject(m, "dont_write_bytecode", Mp_NewRef(Mp_True)) <
            0 ||
        MpModule_AddObject(m, "pycache_prefix", Mp_NewRef(Mp_None)) < 0) {
        return -1;
    }
    return 0;
}
