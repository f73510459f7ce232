/* singletons.c — None, NotImplemented and Ellipsis.

   Each is the only instance of its type, allocated statically so that it
   exists before anything else and is never freed: its reference count
   starts at 1 (the static storage's own reference) and balanced code never
   takes it to zero.  If a bug did, the dealloc below says so instead of
   freeing static memory.

   CPython counterpart: Objects/object.c (_Py_NoneStruct,
   _Py_NotImplementedStruct), Objects/sliceobject.c (Ellipsis).
   Read first: singleton_dealloc */
#include <stdio.h>
#include <stdlib.h>

#include "errors.h"
#include "object.h"
#include "objects/str.h"
#include "objects/type.h"

static void
singleton_dealloc(MpObject *o)
{
    /* An interpreter bug: some code released a reference it did not own. */
    fprintf(stderr, "minipy: deallocating %s\n", Mp_TYPE(o)->tp_name);
    abort();
}

static Mp_hash_t
singleton_hash(MpObject *o)
{
    /* CPython 3.11 hashes None and the others by address. */
    Mp_hash_t h = (Mp_hash_t)((uintptr_t)o >> 4 | (uintptr_t)o << 60);
    return h == -1 ? -2 : h;
}

/* {====== None ====== */
static MpObject *
none_repr(MpObject *o)
{
    return MpStr_InternFromString("None");
}

static int
none_bool(MpObject *o)
{
    return 0;
}

static MpNumberMethods none_as_number = {.nb_bool = none_bool};

/* type(x)() for the three singletons answers x itself. */
static MpObject *
singleton_new(const char *name, MpObject *args, MpObject *kwargs,
              MpObject *self)
{
    if ((args && Mp_SIZE(args)) || (kwargs && Mp_SIZE(kwargs))) {
        MpErr_Format(MpExc_TypeError, "%s takes no arguments", name);
        return NULL;
    }
    return Mp_NewRef(self);
}

static MpObject *
none_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    return singleton_new("NoneType", args, kwargs, Mp_None);
}

MpTypeObject MpNone_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(MpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_hash = singleton_hash,
    .tp_as_number = &none_as_number,
    .tp_new = none_new,
};

MpObject _Mp_NoneStruct = MP_OBJECT_HEAD_INIT(&MpNone_Type);
/* }====== */

/* {====== NotImplemented ====== */
static MpObject *
notimplemented_repr(MpObject *o)
{
    return MpStr_InternFromString("NotImplemented");
}

static MpObject *
notimplemented_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    return singleton_new("NotImplementedType", args, kwargs,
                         Mp_NotImplemented);
}

/* NotImplemented.__reduce__(): its name, a global of builtins (pickle
   writes a reference to it). */
static MpObject *
notimplemented_reduce(MpObject *o, MpObject *unused)
{
    return MpStr_InternFromString("NotImplemented");
}

static MpMethodDef notimplemented_methods[] = {
    {"__reduce__", (void *)notimplemented_reduce, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpNotImplemented_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(MpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimplemented_repr,
    .tp_methods = notimplemented_methods,
    .tp_hash = singleton_hash,
    .tp_new = notimplemented_new,
};

MpObject _Mp_NotImplementedStruct = MP_OBJECT_HEAD_INIT(&MpNotImplemented_Type);
/* }====== */

/* {====== Ellipsis ====== */
static MpObject *
ellipsis_repr(MpObject *o)
{
    return MpStr_InternFromString("Ellipsis");
}

static MpObject *
ellipsis_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    /* CPython says "EllipsisType" although the type is named ellipsis */
    return singleton_new("EllipsisType", args, kwargs, Mp_Ellipsis);
}

/* Ellipsis.__reduce__(): its name, as for NotImplemented. */
static MpObject *
ellipsis_reduce(MpObject *o, MpObject *unused)
{
    return MpStr_InternFromString("Ellipsis");
}

static MpMethodDef ellipsis_methods[] = {
    {"__reduce__", (void *)ellipsis_reduce, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpEllipsis_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(MpObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_methods = ellipsis_methods,
    .tp_hash = singleton_hash,
    .tp_new = ellipsis_new,
};

MpObject _Mp_EllipsisStruct = MP_OBJECT_HEAD_INIT(&MpEllipsis_Type);
/* }====== */
