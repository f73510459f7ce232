/* osmodule.c — a small os module: the file-system calls a script needs
   around open(): remove/unlink, mkdir, rmdir, listdir, getcwd, fspath,
   and the constants sep, linesep, name, curdir, pardir.

   Each function is one POSIX call; a failure is OSError from errno with
   the path, so the subclass and message are CPython's
   ("[Errno 2] No such file or directory: 'x'").  os.path is not here.

   CPython counterpart: Modules/posixmodule.c (a very small part of it).
   Read first: os_remove */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/type.h"

/* The path of a str, bytes or os.PathLike argument as a C string, for
   function fname.  *owner receives what keeps it alive (release it).
   Returns NULL with TypeError/ValueError. */
static const char *
path_arg(MpObject *o, const char *fname, MpObject **owner)
{
    *owner = NULL;
    MpObject *p = o;
    if (!MpStr_Check(o) && !MpBytes_Check(o)) {
        MpObject *name = MpStr_InternFromString("__fspath__");
        MpObject *f = name ? MpType_Lookup(Mp_TYPE(o), name) : NULL;
        Mp_XDECREF(name);
        if (f == NULL) {
            MpErr_Format(MpExc_TypeError,
                         "%s: path should be string, bytes or os.PathLike, "
                         "not %s",
                         fname, MpType_Name(Mp_TYPE(o)));
            return NULL;
        }
        p = MpObject_CallMethod(o, "__fspath__", NULL, 0);
        if (p == NULL) {
            return NULL;
        }
        if (!MpStr_Check(p) && !MpBytes_Check(p)) {
            MpErr_Format(MpExc_TypeError,
                         "expected %s.__fspath__() to return str or bytes, "
                         "not %s",
                         MpType_Name(Mp_TYPE(o)), MpType_Name(Mp_TYPE(p)));
            Mp_DECREF(p);
            return NULL;
        }
    }
    else {
        Mp_INCREF(p);
    }
    const char *s;
    Mp_ssize_t n;
    if (MpStr_Check(p)) {
        s = MpStr_AsUTF8AndSize(p, &n);
    }
    else {
        s = MpBytes_AS_STRING(p);
        n = MpBytes_GET_SIZE(p);
    }
    if (s != NULL && (Mp_ssize_t)strlen(s) != n) {
        MpErr_Format(MpExc_ValueError, "%s: embedded null character in path",
                     fname);
        s = NULL;
    }
    if (s == NULL) {
        Mp_DECREF(p);
        return NULL;
    }
    *owner = p;
    return s;
}

/* Calls op(path) and turns a failure into OSError with the path. */
static MpObject *
path_call(MpObject *o, const char *fname, int (*op)(const char *))
{
    MpObject *owner;
    const char *path = path_arg(o, fname, &owner);
    if (path == NULL) {
        return NULL;
    }
    int r = op(path);
    Mp_DECREF(owner);
    if (r != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, o);
    }
    return Mp_NewRef(Mp_None);
}

/* remove(path) and unlink(path) */
static MpObject *
os_remove(MpObject *self, MpObject *path)
{
    return path_call(path, "remove", unlink);
}

static MpObject *
os_unlink(MpObject *self, MpObject *path)
{
    return path_call(path, "unlink", unlink);
}

static MpObject *
os_rmdir(MpObject *self, MpObject *path)
{
    return path_call(path, "rmdir", rmdir);
}

/* mkdir(path, mode=0o777) */
static MpObject *
os_mkdir(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
         MpObject *kwnames)
{
    static const char *const kw[] = {"path", "mode", NULL};
    static const MpArgSpec spec = {"mkdir", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t mode = 0777;
    if (a[1] != NULL) {
        mode = MpNumber_AsSsize_t(a[1], MpExc_OverflowError);
        if (mode == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    MpObject *owner;
    const char *path = path_arg(a[0], "mkdir", &owner);
    if (path == NULL) {
        return NULL;
    }
    int r = mkdir(path, (mode_t)mode);
    Mp_DECREF(owner);
    if (r != 0) {
        return MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, a[0]);
    }
    return Mp_NewRef(Mp_None);
}

/* listdir(path='.'): the names in the directory, in the order the
   system gives them, without '.' and '..'. */
static MpObject *
os_listdir(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("listdir", nargs, NULL, 0, 1) < 0) {
        return NULL;
    }
    MpObject *arg = nargs && args[0] != Mp_None ? args[0] : NULL;
    MpObject *owner = NULL;
    const char *path = arg ? path_arg(arg, "listdir", &owner) : ".";
    if (path == NULL) {
        return NULL;
    }
    int as_bytes = arg != NULL && MpBytes_Check(arg);
    DIR *d = opendir(path);
    Mp_XDECREF(owner);
    if (d == NULL) {
        MpObject *shown = arg ? Mp_NewRef(arg) : MpStr_FromString(".");
        if (shown != NULL) {
            MpErr_SetFromErrnoWithFilenameObject(MpExc_OSError, shown);
            Mp_DECREF(shown);
        }
        return NULL;
    }
    MpObject *list = MpList_New(0);
    struct dirent *e;
    while (list != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        MpObject *n = as_bytes ? MpBytes_FromString(e->d_name)
                               : MpStr_FromString(e->d_name);
        if (n == NULL || MpList_Append(list, n) < 0) {
            Mp_CLEAR(&list);
        }
        Mp_XDECREF(n);
    }
    closedir(d);
    return list;
}

static MpObject *
os_getcwd(MpObject *self, MpObject *unused)
{
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL) {
        return MpErr_SetFromErrno(MpExc_OSError);
    }
    return MpStr_FromString(buf);
}

/* fspath(path): str and bytes as they are, else __fspath__(). */
static MpObject *
os_fspath(MpObject *self, MpObject *path)
{
    if (MpStr_Check(path) || MpBytes_Check(path)) {
        return Mp_NewRef(path);
    }
    MpObject *name = MpStr_InternFromString("__fspath__");
    MpObject *f = name ? MpType_Lookup(Mp_TYPE(path), name) : NULL;
    Mp_XDECREF(name);
    if (f == NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "expected str, bytes or os.PathLike object, "
                            "not %s",
                            MpType_Name(Mp_TYPE(path)));
    }
    MpObject *owner;
    return path_arg(path, "fspath", &owner) ? owner : NULL;
}

static MpMethodDef os_methods[] = {
    {"remove", (void *)os_remove, MP_METH_O, NULL},
    {"unlink", (void *)os_unlink, MP_METH_O, NULL},
    {"rmdir", (void *)os_rmdir, MP_METH_O, NULL},
    {"mkdir", (void *)os_mkdir, MP_METH_FASTCALL | MP_METH_KEYWORDS, NULL},
    {"listdir", (void *)os_listdir, MP_METH_FASTCALL, NULL},
    {"getcwd", (void *)os_getcwd, MP_METH_NOARGS, NULL},
    {"fspath", (void *)os_fspath, MP_METH_O, NULL},
    {NULL},
};

MpObject *
MpOS_Create(void)
{
    MpObject *m = MpModule_New("os");
    if (m == NULL || MpModule_AddFunctions(m, os_methods) < 0 ||
        MpModule_AddObject(m, "sep", MpStr_FromString("/")) < 0 ||
        MpModule_AddObject(m, "linesep", MpStr_FromString("\n")) < 0 ||
        MpModule_AddObject(m, "name", MpStr_FromString("posix")) < 0 ||
        MpModule_AddObject(m, "curdir", MpStr_FromString(".")) < 0 ||
        MpModule_AddObject(m, "pardir", MpStr_FromString("..")) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
