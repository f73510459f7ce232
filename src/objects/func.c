/* func.c — function objects, cells, bound methods, built-in functions.

   Functions.  MAKE_FUNCTION (vm.c) calls MpFunction_New with the code
   object and the frame's globals, then stores what the compiler evaluated
   at `def` time: the defaults tuple, the keyword-only defaults dict, the
   annotations and the closure (a tuple of cells).  Because the defaults
   are evaluated once and kept in the function, a mutable default is shared
   by every call: the classic trap, happening by mechanism.  Calling a
   function is MpEval_Function (vm.c): bind the arguments, run the frame.

   Cells.  A variable used by an inner scope lives in a cell, and both
   frames hold the cell: LOAD_DEREF reads through it.

   Bound methods.  Looking a function up on an instance goes through the
   function's __get__, which returns a method (func, self); calling it
   prepends self to the arguments.  The VM avoids making one for the
   common `obj.m(...)` (LOAD_METHOD + CALL), but `f = obj.m` makes one.

   Built-in functions.  An MpMethodDef (a C function and its calling
   convention, object.h) bound to a self: a module function (self NULL) or
   a method of an instance (`[].append`).

   Invariants: every object here is a GC container (it can reach back to
   itself: a function's globals hold the function), tracked once its fields
   are valid and untracked first thing in dealloc.

   CPython counterpart: Objects/funcobject.c, Objects/cellobject.c,
   Objects/classobject.c, Objects/methodobject.c.
   Read first: MpFunction_New */
#include "objects/func.h"
#include "objects/objreduce.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/weakref.h"
#include "vm.h"

/* {====== Function objects ====== */

MpObject *
MpFunction_New(MpObject *code, MpObject *globals, MpObject *qualname)
{
    MpCodeObject *co = (MpCodeObject *)code;
    MpFunctionObject *f =
        (MpFunctionObject *)MpObject_New(&MpFunction_Type);
    if (f == NULL) {
        return NULL;
    }
    f->func_code = Mp_NewRef(code);
    f->func_globals = Mp_NewRef(globals);
    f->func_builtins = Mp_NewRef(MpEval_BuiltinsFor(globals));
    f->func_name = Mp_NewRef(co->co_name);
    f->func_qualname = Mp_NewRef(qualname ? qualname : co->co_qualname);
    MpObject *doc = Mp_None;
    if (MpTuple_GET_SIZE(co->co_consts) > 0) {
        MpObject *c0 = MpTuple_GET_ITEM(co->co_consts, 0);
        if (MpStr_Check(c0)) {
            doc = c0;
        }
    }
    f->func_doc = Mp_NewRef(doc);
    static MpStrIdentifier id_name = MP_STR_IDENTIFIER("__name__");
    MpObject *name = MpStr_FromIdentifier(&id_name);
    MpObject *module = name ? MpDict_GetItemWithError(globals, name) : NULL;
    if (module == NULL) {
        MpErr_Clear();  // as the C-string lookup it replaces: no error
    }
    f->func_module = Mp_NewRef(module ? module : Mp_None);
    MpObject_GC_Track(f);
    return (MpObject *)f;
}

MpObject *
MpFunction_GetAnnotations(MpObject *fo)
{
    MpFunctionObject *f = (MpFunctionObject *)fo;
    if (f->func_annotations == NULL) {
        f->func_annotations = MpDict_New();
    }
    else if (MpTuple_Check(f->func_annotations)) {
        /* MAKE_FUNCTION's flat (name, value, name, value ...) tuple. */
        MpObject *t = f->func_annotations;
        MpObject *d = MpDict_New();
        if (d == NULL) {
            return NULL;
        }
        for (Mp_ssize_t i = 0; i + 1 < MpTuple_GET_SIZE(t); i += 2) {
            if (MpDict_SetItem(d, MpTuple_GET_ITEM(t, i),
                               MpTuple_GET_ITEM(t, i + 1)) < 0) {
                Mp_DECREF(d);
                return NULL;
            }
        }
        Mp_SETREF(&f->func_annotations, d);
    }
    return f->func_annotations;
}

static MpObject *
func_repr(MpObject *o)
{
    MpFunctionObject *f = (MpFunctionObject *)o;
    const char *q = MpStr_AsUTF8(f->func_qualname);
    if (q == NULL) {
        return NULL;
    }
    return MpStr_FromFormat("<function %s at %p>", q, (void *)o);
}

static int
func_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpFunctionObject *f = (MpFunctionObject *)o;
    MpObject *fields[] = {f->func_code, f->func_globals, f->func_builtins,
                          f->func_name, f->func_qualname, f->func_module,
                          f->func_doc, f->func_defaults, f->func_kwdefaults,
                          f->func_closure, f->func_annotations,
                          f->func_dict};
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (fields[i] != NULL) {
            int r = visit(fields[i], arg);
            if (r) {
                return r;
            }
        }
    }
    return 0;
}

static int
func_clear(MpObject *o)
{
    MpFunctionObject *f = (MpFunctionObject *)o;
    Mp_CLEAR(&f->func_globals);
    Mp_CLEAR(&f->func_builtins);
    Mp_CLEAR(&f->func_module);
    Mp_CLEAR(&f->func_defaults);
    Mp_CLEAR(&f->func_kwdefaults);
    Mp_CLEAR(&f->func_doc);
    Mp_CLEAR(&f->func_dict);
    Mp_CLEAR(&f->func_closure);
    Mp_CLEAR(&f->func_annotations);
    /* name, qualname and code stay: a cleared function can still be
       printed (CPython keeps them too). */
    return 0;
}

static void
func_dealloc(MpObject *o)
{
    MpFunctionObject *f = (MpFunctionObject *)o;
    MpObject_GC_UnTrack(o);
    if (f->func_weakreflist != NULL) {
        MpObject_ClearWeakRefs(o);
    }
    func_clear(o);
    Mp_CLEAR(&f->func_code);
    Mp_CLEAR(&f->func_name);
    Mp_CLEAR(&f->func_qualname);
    MpObject_Free(o);
}

static MpObject *
func_descr_get(MpObject *func, MpObject *obj, MpObject *type)
{
    if (obj == NULL || obj == Mp_None) {
        return Mp_NewRef(func);
    }
    return MpMethod_New(func, obj);
}

static MpObject *
func_get_code(MpObject *o, void *c)
{
    return Mp_NewRef(((MpFunctionObject *)o)->func_code);
}

static int
func_set_code(MpObject *o, MpObject *v, void *c)
{
    MpFunctionObject *f = (MpFunctionObject *)o;
    if (v == NULL || !MpCode_Check(v)) {
        MpErr_SetString(MpExc_TypeError,
                        "__code__ must be set to a code object");
        return -1;
    }
    int nfree = ((MpCodeObject *)v)->co_nfreevars;
    int nclosure = f->func_closure ? (int)MpTuple_GET_SIZE(f->func_closure)
                                   : 0;
    if (nfree != nclosure) {
        MpErr_Format(MpExc_ValueError,
                     "%U() requires a code object with %d free vars, not %d",
                     f->func_name, nclosure, nfree);
        return -1;
    }
    /* Running frames hold their own reference to the old code. */
    Mp_SETREF(&f->func_code, Mp_NewRef(v));
    return 0;
}

static MpObject *
func_get_defaults(MpObject *o, void *c)
{
    MpObject *d = ((MpFunctionObject *)o)->func_defaults;
    return Mp_NewRef(d ? d : Mp_None);
}

static int
func_set_defaults(MpObject *o, MpObject *v, void *c)
{
    if (v == Mp_None) {
        v = NULL;
    }
    if (v != NULL && !MpTuple_Check(v)) {
        MpErr_SetString(MpExc_TypeError,
                        "__defaults__ must be set to a tuple object");
        return -1;
    }
    Mp_XINCREF(v);
    Mp_SETREF(&((MpFunctionObject *)o)->func_defaults, v);
    return 0;
}

static MpObject *
func_get_kwdefaults(MpObject *o, void *c)
{
    MpObject *d = ((MpFunctionObject *)o)->func_kwdefaults;
    return Mp_NewRef(d ? d : Mp_None);
}

static int
func_set_kwdefaults(MpObject *o, MpObject *v, void *c)
{
    if (v == Mp_None) {
        v = NULL;
    }
    if (v != NULL && !MpDict_Check(v)) {
        MpErr_SetString(MpExc_TypeError,
                        "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    Mp_XINCREF(v);
    Mp_SETREF(&((MpFunctionObject *)o)->func_kwdefaults, v);
    return 0;
}

static MpObject *
func_get_annotations(MpObject *o, void *c)
{
    MpObject *d = MpFunction_GetAnnotations(o);
    return d ? Mp_NewRef(d) : NULL;
}

static int
func_set_annotations(MpObject *o, MpObject *v, void *c)
{
    if (v == Mp_None) {
        v = NULL;
    }
    if (v != NULL && !MpDict_Check(v)) {
        MpErr_SetString(MpExc_TypeError,
                        "__annotations__ must be set to a dict object");
        return -1;
    }
    Mp_XINCREF(v);
    Mp_SETREF(&((MpFunctionObject *)o)->func_annotations, v);
    return 0;
}

static MpObject *
func_get_dict(MpObject *o, void *c)
{
    MpFunctionObject *f = (MpFunctionObject *)o;
    if (f->func_dict == NULL && (f->func_dict = MpDict_New()) == NULL) {
        return NULL;
    }
    return Mp_NewRef(f->func_dict);
}

static int
func_set_dict(MpObject *o, MpObject *v, void *c)
{
    if (v == NULL) {
        MpErr_SetString(MpExc_TypeError,
                        "cannot delete __dict__");
        return -1;
    }
    if (!MpDict_Check(v)) {
        MpErr_Format(MpExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%T'", v);
        return -1;
    }
    Mp_SETREF(&((MpFunctionObject *)o)->func_dict, Mp_NewRef(v));
    return 0;
}

/* __name__ and __qualname__: closure is the offset of the field. */
static MpObject *
func_get_strfield(MpObject *o, void *c)
{
    return Mp_NewRef(*(MpObject **)((char *)o + (size_t)c));
}

static int
func_set_strfield(MpObject *o, MpObject *v, void *c)
{
    if (v == NULL || !MpStr_Check(v)) {
        MpErr_Format(MpExc_TypeError, "%s must be set to a string object",
                     (size_t)c == offsetof(MpFunctionObject, func_name)
                         ? "__name__"
                         : "__qualname__");
        return -1;
    }
    Mp_SETREF((MpObject **)((char *)o + (size_t)c), Mp_NewRef(v));
    return 0;
}

static MpGetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL,
     NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL,
     NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", func_get_strfield, func_set_strfield, NULL,
     (void *)offsetof(MpFunctionObject, func_name)},
    {"__qualname__", func_get_strfield, func_set_strfield, NULL,
     (void *)offsetof(MpFunctionObject, func_qualname)},
    {NULL, NULL, NULL, NULL, NULL},
};

static MpMemberDef func_members[] = {
    {"__closure__", MP_T_OBJECT, offsetof(MpFunctionObject, func_closure), 1,
     NULL},
    {"__doc__", MP_T_OBJECT, offsetof(MpFunctionObject, func_doc), 0, NULL},
    {"__globals__", MP_T_OBJECT, offsetof(MpFunctionObject, func_globals), 1,
     NULL},
    {"__module__", MP_T_OBJECT, offsetof(MpFunctionObject, func_module), 0,
     NULL},
    {"__builtins__", MP_T_OBJECT, offsetof(MpFunctionObject, func_builtins),
     1, NULL},
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpFunction_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "function",
    .tp_basicsize = sizeof(MpFunctionObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = func_dealloc,
    .tp_repr = func_repr,
    .tp_call = MpEval_Function,
    .tp_descr_get = func_descr_get,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_getset = func_getset,
    .tp_members = func_members,
    .tp_dictoffset = offsetof(MpFunctionObject, func_dict),
    .tp_weaklistoffset = offsetof(MpFunctionObject, func_weakreflist),
};
/* }====== */

/* {====== Cells ====== */

MpObject *
MpCell_New(MpObject *v)
{
    MpCellObject *c = (MpCellObject *)MpObject_New(&MpCell_Type);
    if (c == NULL) {
        return NULL;
    }
    Mp_XINCREF(v);
    c->ob_ref = v;
    MpObject_GC_Track(c);
    return (MpObject *)c;
}

int
MpCell_Set(MpObject *cell, MpObject *v)
{
    Mp_XINCREF(v);
    Mp_SETREF(&((MpCellObject *)cell)->ob_ref, v);
    return 0;
}

static void
cell_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_CLEAR(&((MpCellObject *)o)->ob_ref);
    MpObject_Free(o);
}

static int
cell_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *v = ((MpCellObject *)o)->ob_ref;
    return v ? visit(v, arg) : 0;
}

static int
cell_clear(MpObject *o)
{
    Mp_CLEAR(&((MpCellObject *)o)->ob_ref);
    return 0;
}

static MpObject *
cell_repr(MpObject *o)
{
    MpObject *v = ((MpCellObject *)o)->ob_ref;
    if (v == NULL) {
        return MpStr_FromFormat("<cell at %p: empty>", (void *)o);
    }
    return MpStr_FromFormat("<cell at %p: %s object at %p>", (void *)o,
                            Mp_TYPE(v)->tp_name, (void *)v);
}

static MpObject *
cell_get_contents(MpObject *o, void *c)
{
    MpObject *v = ((MpCellObject *)o)->ob_ref;
    if (v == NULL) {
        MpErr_SetString(MpExc_ValueError, "Cell is empty");
        return NULL;
    }
    return Mp_NewRef(v);
}

static int
cell_set_contents(MpObject *o, MpObject *v, void *c)
{
    Mp_XINCREF(v);
    Mp_SETREF(&((MpCellObject *)o)->ob_ref, v);
    return 0;
}

static MpGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

MpTypeObject MpCell_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "cell",
    .tp_basicsize = sizeof(MpCellObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_getset = cell_getset,
};
/* }====== */

/* {====== Bound methods ====== */

MpObject *
MpMethod_New(MpObject *func, MpObject *self)
{
    MpMethodObject *m = (MpMethodObject *)MpObject_New(&MpMethod_Type);
    if (m == NULL) {
        return NULL;
    }
    m->im_func = Mp_NewRef(func);
    m->im_self = Mp_NewRef(self);
    MpObject_GC_Track(m);
    return (MpObject *)m;
}

static void
method_dealloc(MpObject *o)
{
    MpMethodObject *m = (MpMethodObject *)o;
    MpObject_GC_UnTrack(o);
    if (m->im_weakreflist != NULL) {
        MpObject_ClearWeakRefs(o);
    }
    Mp_CLEAR(&m->im_func);
    Mp_CLEAR(&m->im_self);
    MpObject_Free(o);
}

static int
method_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpMethodObject *m = (MpMethodObject *)o;
    int r = m->im_func ? visit(m->im_func, arg) : 0;
    if (r == 0 && m->im_self) {
        r = visit(m->im_self, arg);
    }
    return r;
}

static int
method_clear(MpObject *o)
{
    MpMethodObject *m = (MpMethodObject *)o;
    Mp_CLEAR(&m->im_func);
    Mp_CLEAR(&m->im_self);
    return 0;
}

/* Calling a bound method: self goes in front of the arguments.  Up to 8
   arguments are copied on the C stack; more need one allocation. */
static MpObject *
method_call(MpObject *o, MpObject *const *args, size_t nargs,
            MpObject *kwnames)
{
    MpMethodObject *m = (MpMethodObject *)o;
    size_t nkw = kwnames ? (size_t)MpTuple_GET_SIZE(kwnames) : 0;
    size_t total = nargs + nkw + 1;
    MpObject *small[8];
    MpObject **buf = small;
    if (total > 8) {
        buf = malloc(total * sizeof(MpObject *));
        if (buf == NULL) {
            return MpErr_NoMemory();
        }
    }
    buf[0] = m->im_self;
    if (total > 1) {
        memcpy(buf + 1, args, (total - 1) * sizeof(MpObject *));
    }
    /* The method may die during the call (`del obj.m` inside it): hold
       what the call uses. */
    MpObject *func = Mp_NewRef(m->im_func);
    MpObject *self = Mp_NewRef(m->im_self);
    MpObject *r;
    if (MpFunction_Check(func)) {
        r = MpEval_Function(func, buf, nargs + 1, kwnames);
    }
    else {
        r = MpObject_Vectorcall(func, buf, nargs + 1, kwnames);
    }
    Mp_DECREF(func);
    Mp_DECREF(self);
    if (buf != small) {
        free(buf);
    }
    return r;
}

static MpObject *
method_repr(MpObject *o)
{
    MpMethodObject *m = (MpMethodObject *)o;
    MpObject *name = NULL;
    if (MpObject_LookupAttrString(m->im_func, "__qualname__", &name) < 0) {
        return NULL;
    }
    if (name == NULL &&
        MpObject_LookupAttrString(m->im_func, "__name__", &name) < 0) {
        return NULL;
    }
    MpObject *r;
    if (name != NULL && MpStr_Check(name)) {
        r = MpStr_FromFormat("<bound method %U of %R>", name, m->im_self);
    }
    else {
        r = MpStr_FromFormat("<bound method ? of %R>", m->im_self);
    }
    Mp_XDECREF(name);
    return r;
}

static MpObject *
method_richcompare(MpObject *a, MpObject *b, int op)
{
    if ((op != Mp_EQ && op != Mp_NE) || !MpMethod_Check(a) ||
        !MpMethod_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpMethodObject *x = (MpMethodObject *)a, *y = (MpMethodObject *)b;
    int eq = x->im_self == y->im_self;
    if (eq) {
        eq = MpObject_RichCompareBool(x->im_func, y->im_func, Mp_EQ);
        if (eq < 0) {
            return NULL;
        }
    }
    return MpBool_FromLong(op == Mp_EQ ? eq : !eq);
}

static Mp_hash_t
method_hash(MpObject *o)
{
    MpMethodObject *m = (MpMethodObject *)o;
    /* A method of a method of ... (types.MethodType) recurses here, and
       in method_getattro, on the C stack. */
    if (MpEval_CheckCStack("") < 0) {
        return -1;
    }
    Mp_hash_t y = MpObject_Hash(m->im_func);
    if (y == -1) {
        return -1;
    }
    /* CPython: the pointer of self (rotated by 4, the alignment bits)
       xor the function's hash. */
    uintptr_t p = (uintptr_t)m->im_self;
    Mp_hash_t x = (Mp_hash_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    x ^= y;
    return x == -1 ? -2 : x;
}

/* A method forwards unknown attributes (__name__, __doc__, __module__)
   to its function. */
static MpObject *
method_getattro(MpObject *o, MpObject *name)
{
    MpObject *r = MpObject_GenericGetAttr(o, name);
    if (r != NULL || !MpErr_ExceptionMatches(MpExc_AttributeError)) {
        return r;
    }
    MpErr_Clear();
    if (MpEval_CheckCStack("") < 0) {
        return NULL;
    }
    return MpObject_GetAttr(((MpMethodObject *)o)->im_func, name);
}

static MpObject *
method_descr_get(MpObject *m, MpObject *obj, MpObject *type)
{
    return Mp_NewRef(m);
}

/* types.MethodType(func, instance): CPython's method_new. */
static MpObject *
method_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "method() takes no keyword arguments");
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n != 2) {
        return MpErr_Format(MpExc_TypeError,
                            "method expected 2 arguments, got %zd", n);
    }
    MpObject *func = MpTuple_GET_ITEM(args, 0);
    MpObject *self = MpTuple_GET_ITEM(args, 1);
    if (!MpCallable_Check(func)) {
        return MpErr_Format(MpExc_TypeError,
                            "first argument must be callable");
    }
    if (self == Mp_None) {
        return MpErr_Format(MpExc_TypeError, "instance must not be None");
    }
    return MpMethod_New(func, self);
}

static MpMethodDef method_methods[] = {
    {"__reduce__", (void *)MpMethod_ReduceMethod, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMemberDef method_members[] = {
    {"__func__", MP_T_OBJECT, offsetof(MpMethodObject, im_func), 1, NULL},
    {"__self__", MP_T_OBJECT, offsetof(MpMethodObject, im_self), 1, NULL},
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpMethod_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "method",
    .tp_basicsize = sizeof(MpMethodObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_richcompare = method_richcompare,
    .tp_getattro = method_getattro,
    .tp_call = method_call,
    .tp_descr_get = method_descr_get,
    .tp_new = method_new,
    .tp_traverse = method_traverse,
    .tp_clear = method_clear,
    .tp_methods = method_methods,
    .tp_members = method_members,
    .tp_weaklistoffset = offsetof(MpMethodObject, im_weakreflist),
};
/* }====== */

/* {====== Built-in functions ====== */

MpObject *
MpCFunction_New(MpMethodDef *def, MpObject *self, MpObject *module)
{
    MpCFunctionObject *f =
        (MpCFunctionObject *)MpObject_New(&MpCFunction_Type);
    if (f == NULL) {
        return NULL;
    }
    f->m_ml = def;
    Mp_XINCREF(self);
    f->m_self = self;
    Mp_XINCREF(module);
    f->m_module = module;
    MpObject_GC_Track(f);
    return (MpObject *)f;
}

static int
is_module(MpObject *o)
{
    return o != NULL && strcmp(Mp_TYPE(o)->tp_name, "module") == 0;
}

/* The name CPython's messages use: "len" for a builtin, "math.sqrt" for
   another module's function, "list.append" for a method. */
static void
cfunc_display_name(MpCFunctionObject *f, char *buf, size_t n)
{
    MpObject *self = f->m_self;
    MpObject *modname = NULL;
    if (self != NULL && is_module(self)) {
        modname = MpDict_GetItemString(MpModule_GetDict(self), "__name__");
        if (modname != NULL && (!MpStr_Check(modname) ||
                                MpStr_CompareWithASCII(modname,
                                                       "builtins") == 0)) {
            modname = NULL;
        }
    }
    if (modname != NULL) {
        snprintf(buf, n, "%s.%s", MpStr_AsUTF8(modname), f->m_ml->ml_name);
    }
    else if (self == NULL || is_module(self) ||
             (f->m_ml->ml_flags & MP_METH_VARARGS)) {
        snprintf(buf, n, "%s", f->m_ml->ml_name);
    }
    else {
        MpTypeObject *t = MpType_Check(self) ? (MpTypeObject *)self
                                             : Mp_TYPE(self);
        snprintf(buf, n, "%s.%s", MpType_Name(t), f->m_ml->ml_name);
    }
}

static MpObject *
cfunc_call(MpObject *o, MpObject *const *args, size_t nargs,
           MpObject *kwnames)
{
    MpCFunctionObject *f = (MpCFunctionObject *)o;
    MpMethodDef *ml = f->m_ml;
    int flags = ml->ml_flags &
                ~(MP_METH_CLASS | MP_METH_STATIC | MP_METH_VARARGS);
    int haskw = kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0;
    char name[200];
    if (flags == (MP_METH_FASTCALL | MP_METH_KEYWORDS)) {
        return ((MpCFunctionFastKw)ml->ml_meth)(
            f->m_self, args, (Mp_ssize_t)nargs, haskw ? kwnames : NULL);
    }
    if (haskw) {
        cfunc_display_name(f, name, sizeof name);
        return MpErr_Format(MpExc_TypeError,
                            "%s() takes no keyword arguments", name);
    }
    switch (flags) {
    case MP_METH_FASTCALL:
        return ((MpCFunctionFast)ml->ml_meth)(f->m_self, args,
                                              (Mp_ssize_t)nargs);
    case MP_METH_NOARGS:
        if (nargs != 0) {
            cfunc_display_name(f, name, sizeof name);
            return MpErr_Format(MpExc_TypeError,
                                "%s() takes no arguments (%zd given)", name,
                                (Mp_ssize_t)nargs);
        }
        return ((MpCFunction)ml->ml_meth)(f->m_self, NULL);
    case MP_METH_O:
        if (nargs != 1) {
            cfunc_display_name(f, name, sizeof name);
            return MpErr_Format(MpExc_TypeError,
                                "%s() takes exactly one argument "
                                "(%zd given)",
                                name, (Mp_ssize_t)nargs);
        }
        return ((MpCFunction)ml->ml_meth)(f->m_self, args[0]);
    default:
        return MpErr_BadInternalCall("cfunc_call: bad ml_flags");
    }
}

static void
cfunc_dealloc(MpObject *o)
{
    MpCFunctionObject *f = (MpCFunctionObject *)o;
    MpObject_GC_UnTrack(o);
    if (f->m_weakreflist != NULL) {
        MpObject_ClearWeakRefs(o);
    }
    Mp_CLEAR(&f->m_self);
    Mp_CLEAR(&f->m_module);
    MpObject_Free(o);
}

static int
cfunc_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpCFunctionObject *f = (MpCFunctionObject *)o;
    int r = f->m_self ? visit(f->m_self, arg) : 0;
    if (r == 0 && f->m_module) {
        r = visit(f->m_module, arg);
    }
    return r;
}

static MpObject *
cfunc_repr(MpObject *o)
{
    MpCFunctionObject *f = (MpCFunctionObject *)o;
    if (f->m_self == NULL || is_module(f->m_self)) {
        return MpStr_FromFormat("<built-in function %s>", f->m_ml->ml_name);
    }
    return MpStr_FromFormat("<built-in method %s of %s object at %p>",
                            f->m_ml->ml_name, Mp_TYPE(f->m_self)->tp_name,
                            (void *)f->m_self);
}

static MpObject *
cfunc_get_name(MpObject *o, void *c)
{
    return MpStr_FromString(((MpCFunctionObject *)o)->m_ml->ml_name);
}

static MpObject *
cfunc_get_qualname(MpObject *o, void *c)
{
    char name[200];
    cfunc_display_name((MpCFunctionObject *)o, name, sizeof name);
    return MpStr_FromString(name);
}

static MpObject *
cfunc_get_self(MpObject *o, void *c)
{
    MpObject *s = ((MpCFunctionObject *)o)->m_self;
    return Mp_NewRef(s ? s : Mp_None);
}

static MpObject *
cfunc_get_doc(MpObject *o, void *c)
{
    const char *d = ((MpCFunctionObject *)o)->m_ml->ml_doc;
    return d ? MpStr_FromString(d) : Mp_NewRef(Mp_None);
}

static MpObject *
cfunc_get_module(MpObject *o, void *c)
{
    MpObject *m = ((MpCFunctionObject *)o)->m_module;
    return Mp_NewRef(m ? m : Mp_None);
}

static MpMethodDef cfunc_methods[] = {
    {"__reduce__", (void *)MpCFunction_ReduceMethod, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpGetSetDef cfunc_getset[] = {
    {"__name__", cfunc_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunc_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunc_get_self, NULL, NULL, NULL},
    {"__doc__", cfunc_get_doc, NULL, NULL, NULL},
    {"__module__", cfunc_get_module, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

MpTypeObject MpCFunction_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(MpCFunctionObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = cfunc_dealloc,
    .tp_repr = cfunc_repr,
    .tp_call = cfunc_call,
    .tp_traverse = cfunc_traverse,
    .tp_methods = cfunc_methods,
    .tp_getset = cfunc_getset,
    .tp_weaklistoffset = offsetof(MpCFunctionObject, m_weakreflist),
};
/* }====== */
