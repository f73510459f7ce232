/* posixshmem.c — the _posixshmem module: POSIX shared-memory objects.

   shm_open(name, flags, mode) opens (or with O_CREAT creates) a named
   object under /dev/shm and returns a file descriptor; the caller sizes
   it with os.ftruncate and maps it with mmap.mmap(fd, size), after which
   every process that maps the same name shares the same pages.
   shm_unlink(name) removes the name; mappings already made stay valid
   until they are unmapped.  multiprocessing.shared_memory builds
   SharedMemory on these two calls.

   CPython counterpart: Modules/_multiprocessing/posixshmem.c.
   Read first: shm_open_ */
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"

static int
int_arg(MpObject *o, int *out)
{
    Mp_ssize_t v = MpNumber_AsSsize_t(o, MpExc_OverflowError);
    if (v == -1 && MpErr_Occurred()) {
        return -1;
    }
    if (v < INT32_MIN || v > INT32_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        v < 0 ? "signed integer is less than minimum"
                              : "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static const char *
name_arg(const char *fname, const char *arg, MpObject *o)
{
    if (!MpStr_Check(o)) {
        MpErr_Format(MpExc_TypeError,
                     "%s() argument '%s' must be str, not %.50s", fname, arg,
                     MpType_Name(Mp_TYPE(o)));
        return NULL;
    }
    return MpStr_AsUTF8(o);
}

/* shm_open(path, flags, mode=0o777) -> fd */
static MpObject *
shm_open_(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
          MpObject *kwnames)
{
    static const char *const kw[] = {"path", "flags", "mode", NULL};
    static const MpArgSpec spec = {"shm_open", kw, 2, 3};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *name = name_arg("shm_open", "path", a[0]);
    int flags, mode = 0777;
    if (name == NULL || int_arg(a[1], &flags) < 0 ||
        (a[2] != NULL && int_arg(a[2], &mode) < 0)) {
        return NULL;
    }
    int fd;
    do {
        fd = shm_open(name, flags, (mode_t)mode);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, a[0]);
    }
    return MpLong_FromInt64(fd);
}

/* shm_unlink(path) */
static MpObject *
shm_unlink_(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    static const char *const kw[] = {"path", NULL};
    static const MpArgSpec spec = {"shm_unlink", kw, 1, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    const char *name = name_arg("shm_unlink", "path", a[0]);
    if (name == NULL) {
        return NULL;
    }
    if (shm_unlink(name) != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, a[0]);
    }
    return Mp_NewRef(Mp_None);
}

static MpMethodDef shm_methods[] = {
    {"shm_open", (void *)shm_open_, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", (void *)shm_unlink_, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     "Remove a shared memory object (similar to unlink())."},
    {NULL, NULL, 0, NULL},
};

/* The module object `import _posixshmem` finds.  Refs: NEW; NULL with an
   exception. */
MpObject *
MpPosixShmemModule_Create(void)
{
    MpObject *m = MpModule_New("_posixshmem");
    if (m == NULL || MpModule_AddFunctions(m, shm_methods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
