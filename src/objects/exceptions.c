/* exceptions.c — the built-in exception classes.

   Every class of MP_EXCEPTION_TYPES (errors.h) is a static type here, in
   CPython's hierarchy (BaseException > Exception > ArithmeticError >
   ZeroDivisionError ...).  Most add nothing to BaseException but a name
   and a doc; the few with attributes of their own extend the instance
   layout (exceptions.h) and bring an __init__ that fills them:

       StopIteration.value        SystemExit.code
       ImportError.msg/name/path  NameError.name   AttributeError.name/obj
       OSError.errno/strerror/filename/filename2/characters_written
       SyntaxError.msg/filename/lineno/offset/text/end_lineno/end_offset
       UnicodeError.encoding/object/start/end/reason
       BaseExceptionGroup.message/exceptions

   Creating an instance is two steps, as for every class: __new__
   (exc_new) stores the arguments in `args` and makes the object; __init__
   stores them again (a subclass may call __init__ with others) and fills
   the subclass's fields.  OSError is the exception: OSError(2, 'x')
   returns a FileNotFoundError, chosen in __new__ from the errno (see
   oserror_new for when __init__ parses instead).

   Invariants: args is a tuple as soon as __new__ returns; traceback,
   context and cause are NULL (None) or set through the checked setters;
   every object field is visited by exc_traverse, which finds a subclass's
   extra fields through the `extras` table (object fields are contiguous).

   CPython counterpart: Objects/exceptions.c.  Read first: exc_new */
#include "objects/exceptions.h"

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "traceback.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

#define EXC_FLAGS                                                          \
    (MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASE_EXC_SUBCLASS)

static MpObject *memory_error_instance;  // NEW reference, made at init

/* {====== Helpers ====== */

/* "X() takes no keyword arguments" when kwds holds any.  0 or -1. */
static int
no_keywords(const char *name, MpObject *kwds)
{
    if (kwds != NULL && MpDict_GET_SIZE(kwds) > 0) {
        MpErr_Format(MpExc_TypeError, "%s() takes no keyword arguments",
                     name);
        return -1;
    }
    return 0;
}

/* Matches the keyword-only arguments in kwds against names (NULL-ended);
   out[i] is set (BORROWED) for each one given.  0 or -1 ("'x' is an invalid
   keyword argument for ImportError()"). */
static int
parse_kwonly(MpObject *kwds, const char *const *names, MpObject **out,
             const char *fname)
{
    if (kwds == NULL) {
        return 0;
    }
    Mp_ssize_t pos = 0;
    MpObject *key, *value;
    while (MpDict_Next(kwds, &pos, &key, &value)) {
        int i;
        for (i = 0; names[i] != NULL; i++) {
            if (MpStr_Check(key) &&
                MpStr_CompareWithASCII(key, names[i]) == 0) {
                out[i] = value;
                break;
            }
        }
        if (names[i] == NULL) {
            MpErr_Format(MpExc_TypeError,
                         "'%S' is an invalid keyword argument for %s()", key,
                         fname);
            return -1;
        }
    }
    return 0;
}

/* *slot = v (may be NULL), taking a new reference. */
static void
set_field(MpObject **slot, MpObject *v)
{
    Mp_XINCREF(v);
    Mp_SETREF(slot, v);
}

static MpObject *
empty_tuple(void)
{
    return MpTuple_New(0);
}

/* An instance of a built-in exception class made from an args tuple,
   through its slots (no Python-level call needed).  Refs: NEW. */
static MpObject *
new_exception(MpObject *type, MpObject *args)
{
    MpTypeObject *t = (MpTypeObject *)type;
    MpObject *exc = t->tp_new(t, args, NULL);
    if (exc != NULL && Mp_TYPE(exc)->tp_init(exc, args, NULL) < 0) {
        Mp_CLEAR(&exc);
    }
    return exc;
}

/* The "function takes exactly 5 arguments (0 given)" of PyArg_ParseTuple
   without a function name. */
static int
arg_count_error(const char *how, int n, Mp_ssize_t given)
{
    MpErr_Format(MpExc_TypeError,
                 "function takes %s %d argument%s (%zd given)", how, n,
                 n == 1 ? "" : "s", given);
    return -1;
}

/* "argument 1 must be str, not int" (PyArg_ParseTuple's "U").  0 or -1. */
static int
check_str_arg(MpObject *o, int pos)
{
    if (!MpStr_Check(o)) {
        MpErr_Format(MpExc_TypeError, "argument %d must be str, not %T",
                     pos, o);
        return -1;
    }
    return 0;
}
/* }====== */

/* {====== BaseException: life cycle ====== */

/* Which fields each extended layout adds: the object fields, contiguous,
   from offset, count of them.  Filled at init (the types are below). */
typedef struct {
    MpTypeObject *type;
    Mp_ssize_t offset;
    int count;
} ExtraFields;

static ExtraFields extras[12];  // the add_extra calls in MpExceptions_Init
static int n_extras;

/* The extra object fields of o's layout: walks o's class up to the first
   built-in class that has some (a class statement's class keeps its solid
   base's layout). */
static MpObject **
extra_fields(MpObject *o, int *count)
{
    for (MpTypeObject *t = Mp_TYPE(o); t != NULL; t = t->tp_base) {
        for (int i = 0; i < n_extras; i++) {
            if (extras[i].type == t) {
                *count = extras[i].count;
                return (MpObject **)((char *)o + extras[i].offset);
            }
        }
    }
    *count = 0;
    return NULL;
}

static int
exc_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpBaseExceptionObject *self = (MpBaseExceptionObject *)o;
    MpObject *fields[] = {self->dict, self->args, self->traceback,
                          self->context, self->cause};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (fields[i] != NULL) {
            int r = visit(fields[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    int n;
    MpObject **extra = extra_fields(o, &n);
    for (int i = 0; i < n; i++) {
        if (extra[i] != NULL) {
            int r = visit(extra[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int
exc_clear(MpObject *o)
{
    MpBaseExceptionObject *self = (MpBaseExceptionObject *)o;
    Mp_CLEAR(&self->dict);
    Mp_CLEAR(&self->args);
    Mp_CLEAR(&self->traceback);
    Mp_CLEAR(&self->context);
    Mp_CLEAR(&self->cause);
    int n;
    MpObject **extra = extra_fields(o, &n);
    for (int i = 0; i < n; i++) {
        Mp_CLEAR(&extra[i]);
    }
    return 0;
}

static void
exc_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    exc_clear(o);
    MpObject_Free(o);
}

/* BaseException.__new__: the object, with args stored (so that an
   __init__ that does not call super().__init__ still leaves args set).
   Keyword arguments are left to __init__ to judge.  Refs: NEW. */
static MpObject *
exc_new(MpTypeObject *type, MpObject *args, MpObject *kwds)
{
    MpBaseExceptionObject *self =
        (MpBaseExceptionObject *)MpObject_New(type);
    if (self == NULL) {
        return NULL;
    }
    self->args = args != NULL ? Mp_NewRef(args) : empty_tuple();
    if (self->args == NULL) {
        Mp_DECREF(self);
        return NULL;
    }
    MpObject_GC_Track(self);
    return (MpObject *)self;
}

static int
exc_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    if (no_keywords(Mp_TYPE(o)->tp_name, kwds) < 0) {
        return -1;
    }
    set_field(&((MpBaseExceptionObject *)o)->args, args);
    return 0;
}
/* }====== */

/* {====== BaseException: str, repr and methods ====== */

static MpObject *
exc_str(MpObject *o)
{
    MpObject *args = ((MpBaseExceptionObject *)o)->args;
    switch (MpTuple_GET_SIZE(args)) {
    case 0:
        return MpStr_FromString("");
    case 1:
        return MpObject_Str(MpTuple_GET_ITEM(args, 0));
    default:
        return MpObject_Str(args);
    }
}

static MpObject *
exc_repr(MpObject *o)
{
    MpObject *args = ((MpBaseExceptionObject *)o)->args;
    const char *name = MpType_Name(Mp_TYPE(o));
    if (MpTuple_GET_SIZE(args) == 1) {
        return MpStr_FromFormat("%s(%R)", name, MpTuple_GET_ITEM(args, 0));
    }
    return MpStr_FromFormat("%s%R", name, args);
}

static int traceback_set(MpObject *o, MpObject *tb, void *closure);

static MpObject *
exc_with_traceback(MpObject *self, MpObject *tb)
{
    if (traceback_set(self, tb, NULL) < 0) {
        return NULL;
    }
    return Mp_NewRef(self);
}

/* add_note(note): appends to the list __notes__ in the instance dict,
   creating it on first use, as CPython 3.11 does. */
static MpObject *
exc_add_note(MpObject *self, MpObject *note)
{
    if (!MpStr_Check(note)) {
        return MpErr_Format(MpExc_TypeError, "note must be a str, not '%s'",
                            MpType_Name(Mp_TYPE(note)));
    }
    MpObject *name = MpStr_InternFromString("__notes__");
    if (name == NULL) {
        return NULL;
    }
    MpObject *notes;
    int found = MpObject_LookupAttr(self, name, &notes);
    if (found < 0) {
        Mp_DECREF(name);
        return NULL;
    }
    if (!found) {
        notes = MpList_New(0);
        if (notes == NULL || MpObject_SetAttr(self, name, notes) < 0) {
            Mp_XDECREF(notes);
            Mp_DECREF(name);
            return NULL;
        }
    }
    Mp_DECREF(name);
    if (!MpList_Check(notes)) {
        Mp_DECREF(notes);
        MpErr_SetString(MpExc_TypeError,
                        "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    int r = MpList_Append(notes, note);
    Mp_DECREF(notes);
    return r < 0 ? NULL : Mp_NewRef(Mp_None);
}

/* __reduce__: (type, args) or (type, args, __dict__), for pickle/copy. */
static MpObject *
exc_reduce(MpObject *self, MpObject *unused)
{
    MpBaseExceptionObject *e = (MpBaseExceptionObject *)self;
    MpObject *items[3] = {(MpObject *)Mp_TYPE(self), e->args, e->dict};
    return MpTuple_FromArray(items, e->dict != NULL ? 3 : 2);
}

/* __setstate__(state): sets each item of the dict state as an
   attribute. */
static MpObject *
exc_setstate(MpObject *self, MpObject *state)
{
    if (state != Mp_None) {
        if (!MpDict_Check(state)) {
            MpErr_SetString(MpExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        Mp_ssize_t pos = 0;
        MpObject *k, *v;
        while (MpDict_Next(state, &pos, &k, &v)) {
            /* Held: a __setattr__ may empty the dict. */
            Mp_INCREF(k);
            Mp_INCREF(v);
            int rc = MpObject_SetAttr(self, k, v);
            Mp_DECREF(k);
            Mp_DECREF(v);
            if (rc < 0) {
                return NULL;
            }
        }
    }
    return Mp_NewRef(Mp_None);
}

static MpMethodDef exc_methods[] = {
    {"__reduce__", (void *)exc_reduce, MP_METH_NOARGS, NULL},
    {"__setstate__", (void *)exc_setstate, MP_METH_O, NULL},
    {"with_traceback", (void *)exc_with_traceback, MP_METH_O,
     "Exception.with_traceback(tb) --\n"
     "    set self.__traceback__ to tb and return self."},
    {"add_note", (void *)exc_add_note, MP_METH_O,
     "Exception.add_note(note) --\n"
     "    add a note to the exception"},
    {NULL},
};
/* }====== */

/* {====== BaseException: attributes ====== */

static MpObject *
args_get(MpObject *o, void *closure)
{
    return Mp_NewRef(((MpBaseExceptionObject *)o)->args);
}

static int
args_set(MpObject *o, MpObject *value, void *closure)
{
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "args may not be deleted");
        return -1;
    }
    MpObject *t = MpTuple_FromIterable(value);
    if (t == NULL) {
        return -1;
    }
    Mp_SETREF(&((MpBaseExceptionObject *)o)->args, t);
    return 0;
}

static int
is_traceback(MpObject *o)
{
    return Mp_TYPE(o) == &MpTraceback_Type;
}

static MpObject *
traceback_get(MpObject *o, void *closure)
{
    MpObject *tb = ((MpBaseExceptionObject *)o)->traceback;
    return Mp_NewRef(tb ? tb : Mp_None);
}

static int
traceback_set(MpObject *o, MpObject *tb, void *closure)
{
    if (tb == NULL) {
        MpErr_SetString(MpExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (tb != Mp_None && !is_traceback(tb)) {
        MpErr_SetString(MpExc_TypeError,
                        "__traceback__ must be a traceback or None");
        return -1;
    }
    set_field(&((MpBaseExceptionObject *)o)->traceback,
              tb == Mp_None ? NULL : tb);
    return 0;
}

static MpObject *
context_get(MpObject *o, void *closure)
{
    MpObject *c = ((MpBaseExceptionObject *)o)->context;
    return Mp_NewRef(c ? c : Mp_None);
}

static int
context_set(MpObject *o, MpObject *value, void *closure)
{
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (value != Mp_None && !MpExceptionInstance_Check(value)) {
        MpErr_SetString(MpExc_TypeError, "exception context must be None "
                                         "or derive from BaseException");
        return -1;
    }
    set_field(&((MpBaseExceptionObject *)o)->context,
              value == Mp_None ? NULL : value);
    return 0;
}

static MpObject *
cause_get(MpObject *o, void *closure)
{
    MpObject *c = ((MpBaseExceptionObject *)o)->cause;
    return Mp_NewRef(c ? c : Mp_None);
}

static int
cause_set(MpObject *o, MpObject *value, void *closure)
{
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (value != Mp_None && !MpExceptionInstance_Check(value)) {
        MpErr_SetString(MpExc_TypeError, "exception cause must be None "
                                         "or derive from BaseException");
        return -1;
    }
    MpException_SetCause(o, Mp_NewRef(value));
    return 0;
}

static MpObject *
dict_get(MpObject *o, void *closure)
{
    MpBaseExceptionObject *self = (MpBaseExceptionObject *)o;
    if (self->dict == NULL) {
        self->dict = MpDict_New();
        if (self->dict == NULL) {
            return NULL;
        }
    }
    return Mp_NewRef(self->dict);
}

static int
dict_set(MpObject *o, MpObject *value, void *closure)
{
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "__dict__ may not be deleted");
        return -1;
    }
    if (!MpDict_Check(value)) {
        MpErr_Format(MpExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%s'",
                     MpType_Name(Mp_TYPE(value)));
        return -1;
    }
    set_field(&((MpBaseExceptionObject *)o)->dict, value);
    return 0;
}

static MpGetSetDef exc_getset[] = {
    {"__dict__", dict_get, dict_set, NULL, NULL},
    {"args", args_get, args_set, NULL, NULL},
    {"__traceback__", traceback_get, traceback_set, NULL, NULL},
    {"__context__", context_get, context_set,
     "exception context", NULL},
    {"__cause__", cause_get, cause_set, "exception cause", NULL},
    {NULL},
};

static MpMemberDef exc_members[] = {
    {"__suppress_context__", MP_T_BOOL,
     offsetof(MpBaseExceptionObject, suppress_context), 0, NULL},
    {NULL},
};
/* }====== */

/* {====== The class objects ======
   The simple classes share BaseException's layout and slots; SIMPLE_EXC
   declares one.  The others are spelled out below, in hierarchy order
   (a class must follow its base). */

#define SIMPLE_EXC(NAME, BASE, DOC)                                        \
    static MpTypeObject NAME##_type = {                                    \
        .ob_base = MP_TYPE_HEAD_INIT,                                      \
        .tp_name = #NAME,                                                  \
        .tp_basicsize = sizeof(MpBaseExceptionObject),                     \
        .tp_flags = EXC_FLAGS,                                             \
        .tp_base = &BASE##_type,                                           \
        .tp_doc = DOC,                                                     \
    };

/* A class with its own layout and __init__ (and maybe more slots). */
#define EXTENDED_EXC(NAME, BASE, STRUCT, DOC, ...)                         \
    static MpTypeObject NAME##_type = {                                    \
        .ob_base = MP_TYPE_HEAD_INIT,                                      \
        .tp_name = #NAME,                                                  \
        .tp_basicsize = sizeof(STRUCT),                                    \
        .tp_flags = EXC_FLAGS,                                             \
        .tp_base = &BASE##_type,                                           \
        .tp_doc = DOC,                                                     \
        __VA_ARGS__                                                        \
    };

static MpTypeObject BaseException_type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(MpBaseExceptionObject),
    .tp_flags = EXC_FLAGS,
    .tp_dealloc = exc_dealloc,
    .tp_repr = exc_repr,
    .tp_str = exc_str,
    .tp_getattro = MpObject_GenericGetAttr,
    .tp_setattro = MpObject_GenericSetAttr,
    .tp_traverse = exc_traverse,
    .tp_clear = exc_clear,
    .tp_new = exc_new,
    .tp_init = exc_init,
    .tp_methods = exc_methods,
    .tp_members = exc_members,
    .tp_getset = exc_getset,
    .tp_dictoffset = offsetof(MpBaseExceptionObject, dict),
    .tp_doc = "Common base class for all exceptions",
};

SIMPLE_EXC(Exception, BaseException,
           "Common base class for all non-exit exceptions.")
SIMPLE_EXC(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE_EXC(KeyboardInterrupt, BaseException, "Program interrupted by user.")
SIMPLE_EXC(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE_EXC(AssertionError, Exception, "Assertion failed.")
SIMPLE_EXC(BufferError, Exception, "Buffer error.")
SIMPLE_EXC(EOFError, Exception, "Read beyond end of file.")
SIMPLE_EXC(FloatingPointError, ArithmeticError,
           "Floating point operation failed.")
SIMPLE_EXC(OverflowError, ArithmeticError,
           "Result too large to be represented.")
SIMPLE_EXC(ZeroDivisionError, ArithmeticError,
           "Second argument to a division or modulo operation was zero.")
SIMPLE_EXC(LookupError, Exception, "Base class for lookup errors.")
SIMPLE_EXC(IndexError, LookupError, "Sequence index out of range.")
SIMPLE_EXC(MemoryError, Exception, "Out of memory.")
SIMPLE_EXC(ReferenceError, Exception,
           "Weak ref proxy used after referent went away.")
SIMPLE_EXC(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE_EXC(NotImplementedError, RuntimeError,
           "Method or function hasn't been implemented yet.")
SIMPLE_EXC(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE_EXC(StopAsyncIteration, Exception,
           "Signal the end from iterator.__anext__().")
SIMPLE_EXC(SystemError, Exception,
           "Internal error in the Python interpreter.\n\n"
           "Please report this to the Python maintainer, along with the "
           "traceback,\nthe Python version, and the hardware/OS platform "
           "and version.")
SIMPLE_EXC(TypeError, Exception, "Inappropriate argument type.")
SIMPLE_EXC(ValueError, Exception,
           "Inappropriate argument value (of correct type).")
SIMPLE_EXC(UnicodeError, ValueError, "Unicode related error.")
SIMPLE_EXC(Warning, Exception, "Base class for warning categories.")
SIMPLE_EXC(BytesWarning, Warning,
           "Base class for warnings about bytes and buffer related "
           "problems, mostly\nrelated to conversion from str or comparing "
           "to str.")
SIMPLE_EXC(DeprecationWarning, Warning,
           "Base class for warnings about deprecated features.")
SIMPLE_EXC(EncodingWarning, Warning,
           "Base class for warnings about encodings.")
SIMPLE_EXC(FutureWarning, Warning,
           "Base class for warnings about constructs that will change "
           "semantically\nin the future.")
SIMPLE_EXC(ImportWarning, Warning,
           "Base class for warnings about probable mistakes in module "
           "imports")
SIMPLE_EXC(PendingDeprecationWarning, Warning,
           "Base class for warnings about features which will be "
           "deprecated\nin the future.")
SIMPLE_EXC(ResourceWarning, Warning,
           "Base class for warnings about resource usage.")
SIMPLE_EXC(RuntimeWarning, Warning,
           "Base class for warnings about dubious runtime behavior.")
SIMPLE_EXC(SyntaxWarning, Warning,
           "Base class for warnings about dubious syntax.")
SIMPLE_EXC(UnicodeWarning, Warning,
           "Base class for warnings about Unicode related problems, "
           "mostly\nrelated to conversion problems.")
SIMPLE_EXC(UserWarning, Warning,
           "Base class for warnings generated by user code.")
/* }====== */

/* {====== StopIteration, SystemExit ====== */

static int
stopiteration_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    if (exc_init(o, args, kwds) < 0) {
        return -1;
    }
    set_field(&((MpStopIterationObject *)o)->value,
              MpTuple_GET_SIZE(args) > 0 ? MpTuple_GET_ITEM(args, 0)
                                         : Mp_None);
    return 0;
}

static MpMemberDef stopiteration_members[] = {
    {"value", MP_T_OBJECT, offsetof(MpStopIterationObject, value), 0,
     "generator return value"},
    {NULL},
};

EXTENDED_EXC(StopIteration, Exception, MpStopIterationObject,
             "Signal the end from iterator.__next__().",
             .tp_init = stopiteration_init,
             .tp_members = stopiteration_members, )

MpObject *
MpStopIteration_Value(MpObject *exc)
{
    MpObject *v = ((MpStopIterationObject *)exc)->value;
    return v ? v : Mp_None;
}

/* code: None without arguments, the argument, or the args tuple. */
static int
systemexit_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    if (exc_init(o, args, kwds) < 0) {
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    set_field(&((MpSystemExitObject *)o)->code,
              n == 0 ? Mp_None : n == 1 ? MpTuple_GET_ITEM(args, 0) : args);
    return 0;
}

static MpMemberDef systemexit_members[] = {
    {"code", MP_T_OBJECT, offsetof(MpSystemExitObject, code), 0,
     "exception code"},
    {NULL},
};

EXTENDED_EXC(SystemExit, BaseException, MpSystemExitObject,
             "Request to exit from the interpreter.",
             .tp_init = systemexit_init, .tp_members = systemexit_members, )
/* }====== */

/* {====== ImportError, NameError, AttributeError, KeyError ====== */

static int
importerror_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    static const char *const kwlist[] = {"name", "path", NULL};
    MpObject *vals[2] = {NULL, NULL};
    if (parse_kwonly(kwds, kwlist, vals, "ImportError") < 0 ||
        exc_init(o, args, NULL) < 0) {
        return -1;
    }
    MpImportErrorObject *self = (MpImportErrorObject *)o;
    set_field(&self->name, vals[0]);
    set_field(&self->path, vals[1]);
    set_field(&self->msg,
              MpTuple_GET_SIZE(args) == 1 ? MpTuple_GET_ITEM(args, 0) : NULL);
    return 0;
}

static MpObject *
importerror_str(MpObject *o)
{
    MpObject *msg = ((MpImportErrorObject *)o)->msg;
    if (msg != NULL && MpStr_CheckExact(msg)) {
        return Mp_NewRef(msg);
    }
    return exc_str(o);
}

static MpMemberDef importerror_members[] = {
    {"msg", MP_T_OBJECT, offsetof(MpImportErrorObject, msg), 0,
     "exception message"},
    {"name", MP_T_OBJECT, offsetof(MpImportErrorObject, name), 0,
     "module name"},
    {"path", MP_T_OBJECT, offsetof(MpImportErrorObject, path), 0,
     "module path"},
    {NULL},
};

EXTENDED_EXC(ImportError, Exception, MpImportErrorObject,
             "Import can't find module, or can't find name in module.",
             .tp_init = importerror_init, .tp_str = importerror_str,
             .tp_members = importerror_members, )
EXTENDED_EXC(ModuleNotFoundError, ImportError, MpImportErrorObject,
             "Module not found.", )

static int
nameerror_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    static const char *const kwlist[] = {"name", NULL};
    MpObject *name = NULL;
    if (parse_kwonly(kwds, kwlist, &name, "NameError") < 0 ||
        exc_init(o, args, NULL) < 0) {
        return -1;
    }
    set_field(&((MpNameErrorObject *)o)->name, name);
    return 0;
}

static MpMemberDef nameerror_members[] = {
    {"name", MP_T_OBJECT, offsetof(MpNameErrorObject, name), 0, "name"},
    {NULL},
};

EXTENDED_EXC(NameError, Exception, MpNameErrorObject,
             "Name not found globally.", .tp_init = nameerror_init,
             .tp_members = nameerror_members, )
EXTENDED_EXC(UnboundLocalError, NameError, MpNameErrorObject,
             "Local name referenced but not bound to a value.", )

static int
attributeerror_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    static const char *const kwlist[] = {"name", "obj", NULL};
    MpObject *vals[2] = {NULL, NULL};
    if (parse_kwonly(kwds, kwlist, vals, "AttributeError") < 0 ||
        exc_init(o, args, NULL) < 0) {
        return -1;
    }
    MpAttributeErrorObject *self = (MpAttributeErrorObject *)o;
    set_field(&self->name, vals[0]);
    set_field(&self->obj, vals[1]);
    return 0;
}

static MpMemberDef attributeerror_members[] = {
    {"name", MP_T_OBJECT, offsetof(MpAttributeErrorObject, name), 0,
     "attribute name"},
    {"obj", MP_T_OBJECT, offsetof(MpAttributeErrorObject, obj), 0,
     "object"},
    {NULL},
};

EXTENDED_EXC(AttributeError, Exception, MpAttributeErrorObject,
             "Attribute not found.", .tp_init = attributeerror_init,
             .tp_members = attributeerror_members, )

/* KeyError shows its key as repr: str(KeyError('')) is "''", so that an
   empty-string key is visible. */
static MpObject *
keyerror_str(MpObject *o)
{
    MpObject *args = ((MpBaseExceptionObject *)o)->args;
    if (MpTuple_GET_SIZE(args) == 1) {
        return MpObject_Repr(MpTuple_GET_ITEM(args, 0));
    }
    return exc_str(o);
}

EXTENDED_EXC(KeyError, LookupError, MpBaseExceptionObject,
             "Mapping key not found.", .tp_str = keyerror_str, )
/* }====== */

/* {====== OSError ======
   OSError(errno, strerror[, filename[, winerror[, filename2]]]).  With
   two to five arguments the fields are filled and, when a filename is
   given, args keeps only (errno, strerror).  OSError itself picks the
   subclass for the errno (the table below, CPython's errmap).

   Where the arguments are parsed: in __new__, unless a subclass defines
   its own __init__ but not __new__ -- then __init__ parses, so that the
   subclass's __init__ can take other arguments (CPython's
   oserror_use_init). */

static int oserror_init(MpObject *o, MpObject *args, MpObject *kwds);
static MpObject *oserror_new(MpTypeObject *type, MpObject *args,
                             MpObject *kwds);

static int
oserror_use_init(MpTypeObject *type)
{
    return type->tp_init != oserror_init && type->tp_new == oserror_new;
}

typedef struct {
    MpObject *myerrno, *strerror, *filename, *filename2;  // BORROWED
} OSErrorArgs;

static void
oserror_parse_args(MpObject *args, OSErrorArgs *a)
{
    memset(a, 0, sizeof *a);
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n >= 2 && n <= 5) {
        a->myerrno = MpTuple_GET_ITEM(args, 0);
        a->strerror = MpTuple_GET_ITEM(args, 1);
        a->filename = n >= 3 ? MpTuple_GET_ITEM(args, 2) : NULL;
        // args[3] is winerror, meaningless off Windows
        a->filename2 = n >= 5 ? MpTuple_GET_ITEM(args, 4) : NULL;
    }
}

static MpTypeObject BlockingIOError_type;

/* Fills the fields from a; args becomes the exception's args (cut to
   two items when there is a filename).  0 or -1. */
static int
oserror_fill(MpOSErrorObject *self, MpObject *args, const OSErrorArgs *a)
{
    MpObject *stored = Mp_NewRef(args);
    if (a->filename != NULL && a->filename != Mp_None) {
        if (Mp_TYPE((MpObject *)self) == &BlockingIOError_type &&
            MpLong_Check(a->filename)) {
            /* BlockingIOError's third argument is the number of
               characters written. */
            self->written = MpNumber_AsSsize_t(a->filename,
                                               MpExc_ValueError);
            if (self->written == -1 && MpErr_Occurred()) {
                Mp_DECREF(stored);
                return -1;
            }
        }
        else {
            set_field(&self->filename, a->filename);
            if (a->filename2 != NULL && a->filename2 != Mp_None) {
                set_field(&self->filename2, a->filename2);
            }
            Mp_SETREF(&stored, MpTuple_FromArray(
                                   ((MpTupleObject *)args)->items, 2));
            if (stored == NULL) {
                return -1;
            }
        }
    }
    set_field(&self->myerrno, a->myerrno);
    set_field(&self->strerror, a->strerror);
    Mp_SETREF(&self->base.args, stored);
    return 0;
}

static MpTypeObject *errno_subclass(int errnum);

static MpObject *
oserror_new(MpTypeObject *type, MpObject *args, MpObject *kwds)
{
    OSErrorArgs a;
    memset(&a, 0, sizeof a);
    if (!oserror_use_init(type)) {
        if (no_keywords(type->tp_name, kwds) < 0) {
            return NULL;
        }
        oserror_parse_args(args, &a);
        if (a.myerrno != NULL && MpLong_Check(a.myerrno) &&
            (MpObject *)type == MpExc_OSError) {
            int64_t e = MpLong_AsInt64(a.myerrno);
            if (e == -1 && MpErr_Occurred()) {
                MpErr_Clear();  // a huge errno simply maps to nothing
            }
            else if (e >= 0 && e <= 0x7fffffff) {
                MpTypeObject *sub = errno_subclass((int)e);
                if (sub != NULL) {
                    type = sub;
                }
            }
        }
    }
    MpOSErrorObject *self = (MpOSErrorObject *)MpObject_New(type);
    if (self == NULL) {
        return NULL;
    }
    self->written = -1;
    if (!oserror_use_init(type)) {
        if (oserror_fill(self, args, &a) < 0) {
            Mp_DECREF(self);
            return NULL;
        }
    }
    else {
        self->base.args = empty_tuple();
        if (self->base.args == NULL) {
            Mp_DECREF(self);
            return NULL;
        }
    }
    MpObject_GC_Track(self);
    return (MpObject *)self;
}

static int
oserror_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    if (!oserror_use_init(Mp_TYPE(o))) {
        return 0;  // everything was done in __new__
    }
    if (no_keywords(Mp_TYPE(o)->tp_name, kwds) < 0) {
        return -1;
    }
    OSErrorArgs a;
    oserror_parse_args(args, &a);
    return oserror_fill((MpOSErrorObject *)o, args, &a);
}

static MpObject *
oserror_str(MpObject *o)
{
    MpOSErrorObject *self = (MpOSErrorObject *)o;
    MpObject *e = self->myerrno ? self->myerrno : Mp_None;
    MpObject *s = self->strerror ? self->strerror : Mp_None;
    if (self->filename != NULL) {
        if (self->filename2 != NULL) {
            return MpStr_FromFormat("[Errno %S] %S: %R -> %R", e, s,
                                    self->filename, self->filename2);
        }
        return MpStr_FromFormat("[Errno %S] %S: %R", e, s, self->filename);
    }
    if (self->myerrno != NULL && self->strerror != NULL) {
        return MpStr_FromFormat("[Errno %S] %S", e, s);
    }
    return exc_str(o);
}

/* __reduce__ puts the filenames back into args, so that a pickled
   OSError comes back with them. */
static MpObject *
oserror_reduce(MpObject *o, MpObject *unused)
{
    MpOSErrorObject *self = (MpOSErrorObject *)o;
    MpObject *args = Mp_NewRef(self->base.args);
    if (MpTuple_GET_SIZE(args) == 2 && self->filename != NULL) {
        MpObject *items[5] = {MpTuple_GET_ITEM(args, 0),
                              MpTuple_GET_ITEM(args, 1), self->filename,
                              Mp_None, self->filename2};
        Mp_SETREF(&args,
                  MpTuple_FromArray(items, self->filename2 ? 5 : 3));
        if (args == NULL) {
            return NULL;
        }
    }
    MpObject *items[3] = {(MpObject *)Mp_TYPE(o), args, self->base.dict};
    MpObject *r = MpTuple_FromArray(items, self->base.dict ? 3 : 2);
    Mp_DECREF(args);
    return r;
}

static MpObject *
written_get(MpObject *o, void *closure)
{
    MpOSErrorObject *self = (MpOSErrorObject *)o;
    if (self->written == -1) {
        MpErr_SetString(MpExc_AttributeError, "characters_written");
        return NULL;
    }
    return MpLong_FromSsize_t(self->written);
}

static int
written_set(MpObject *o, MpObject *value, void *closure)
{
    MpOSErrorObject *self = (MpOSErrorObject *)o;
    if (value == NULL) {
        if (self->written == -1) {
            MpErr_SetString(MpExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Mp_ssize_t n = MpNumber_AsSsize_t(value, MpExc_ValueError);
    if (n == -1 && MpErr_Occurred()) {
        return -1;
    }
    self->written = n;
    return 0;
}

static MpMemberDef oserror_members[] = {
    {"errno", MP_T_OBJECT, offsetof(MpOSErrorObject, myerrno), 0,
     "POSIX exception code"},
    {"strerror", MP_T_OBJECT, offsetof(MpOSErrorObject, strerror), 0,
     "exception strerror"},
    {"filename", MP_T_OBJECT, offsetof(MpOSErrorObject, filename), 0,
     "exception filename"},
    {"filename2", MP_T_OBJECT, offsetof(MpOSErrorObject, filename2), 0,
     "second exception filename"},
    {NULL},
};

static MpGetSetDef oserror_getset[] = {
    {"characters_written", written_get, written_set, NULL, NULL},
    {NULL},
};

static MpMethodDef oserror_methods[] = {
    {"__reduce__", (void *)oserror_reduce, MP_METH_NOARGS, NULL},
    {NULL},
};

EXTENDED_EXC(OSError, Exception, MpOSErrorObject,
             "Base class for I/O related errors.", .tp_new = oserror_new,
             .tp_init = oserror_init, .tp_str = oserror_str,
             .tp_members = oserror_members, .tp_getset = oserror_getset,
             .tp_methods = oserror_methods, )

#define OS_SUBCLASS(NAME, BASE, DOC)                                       \
    EXTENDED_EXC(NAME, BASE, MpOSErrorObject, DOC, )
OS_SUBCLASS(BlockingIOError, OSError, "I/O operation would block.")
OS_SUBCLASS(ChildProcessError, OSError, "Child process error.")
OS_SUBCLASS(ConnectionError, OSError, "Connection error.")
OS_SUBCLASS(BrokenPipeError, ConnectionError, "Broken pipe.")
OS_SUBCLASS(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OS_SUBCLASS(ConnectionRefusedError, ConnectionError, "Connection refused.")
OS_SUBCLASS(ConnectionResetError, ConnectionError, "Connection reset.")
OS_SUBCLASS(FileExistsError, OSError, "File already exists.")
OS_SUBCLASS(FileNotFoundError, OSError, "File not found.")
OS_SUBCLASS(InterruptedError, OSError, "Interrupted by signal.")
OS_SUBCLASS(IsADirectoryError, OSError,
            "Operation doesn't work on directories.")
OS_SUBCLASS(NotADirectoryError, OSError,
            "Operation only works on directories.")
OS_SUBCLASS(PermissionError, OSError, "Not enough permissions.")
OS_SUBCLASS(ProcessLookupError, OSError, "Process not found.")
OS_SUBCLASS(TimeoutError, OSError, "Timeout expired.")
#undef OS_SUBCLASS

/* errno -> subclass of OSError (CPython's errmap, PEP 3151). */
static MpTypeObject *
errno_subclass(int errnum)
{
    switch (errnum) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return &BlockingIOError_type;
    case ECHILD:
        return &ChildProcessError_type;
    case EPIPE:
    case ESHUTDOWN:
        return &BrokenPipeError_type;
    case ECONNABORTED:
        return &ConnectionAbortedError_type;
    case ECONNREFUSED:
        return &ConnectionRefusedError_type;
    case ECONNRESET:
        return &ConnectionResetError_type;
    case EEXIST:
        return &FileExistsError_type;
    case ENOENT:
        return &FileNotFoundError_type;
    case EISDIR:
        return &IsADirectoryError_type;
    case ENOTDIR:
        return &NotADirectoryError_type;
    case EINTR:
        return &InterruptedError_type;
    case EACCES:
    case EPERM:
        return &PermissionError_type;
    case ESRCH:
        return &ProcessLookupError_type;
    case ETIMEDOUT:
        return &TimeoutError_type;
    default:
        return NULL;
    }
}

MpObject *
MpOSError_FromErrno(MpObject *exc_type, int errnum, MpObject *filename)
{
    MpObject *items[3];
    items[0] = MpLong_FromInt64(errnum);
    items[1] = MpStr_FromString(errnum ? strerror(errnum) : "Error");
    items[2] = filename;
    MpObject *args = NULL;
    if (items[0] != NULL && items[1] != NULL) {
        args = MpTuple_FromArray(items, filename ? 3 : 2);
    }
    Mp_XDECREF(items[0]);
    Mp_XDECREF(items[1]);
    if (args == NULL) {
        return NULL;
    }
    MpObject *exc = MpObject_Call(exc_type, args, NULL);
    Mp_DECREF(args);
    return exc;
}
/* }====== */

/* {====== SyntaxError ====== */

static int
syntaxerror_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    MpSyntaxErrorObject *self = (MpSyntaxErrorObject *)o;
    if (exc_init(o, args, kwds) < 0) {
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n >= 1) {
        set_field(&self->msg, MpTuple_GET_ITEM(args, 0));
    }
    if (n == 2) {
        MpObject *info = MpTuple_FromIterable(MpTuple_GET_ITEM(args, 1));
        if (info == NULL) {
            return -1;
        }
        Mp_ssize_t k = MpTuple_GET_SIZE(info);
        if (k < 4 || k > 6) {
            Mp_DECREF(info);
            return arg_count_error(k < 4 ? "at least" : "at most",
                                   k < 4 ? 4 : 6, k);
        }
        MpObject **slots[6] = {&self->filename, &self->lineno,
                               &self->offset,   &self->text,
                               &self->end_lineno, &self->end_offset};
        for (Mp_ssize_t i = 0; i < 6; i++) {
            set_field(slots[i], i < k ? MpTuple_GET_ITEM(info, i) : NULL);
        }
        Mp_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            MpErr_SetString(MpExc_TypeError, "end_offset must be provided "
                                             "when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

/* "msg (file.py, line 3)": the file's base name only. */
static MpObject *
syntaxerror_str(MpObject *o)
{
    MpSyntaxErrorObject *self = (MpSyntaxErrorObject *)o;
    MpObject *msg = self->msg ? self->msg : Mp_None;
    const char *filename = NULL;
    if (self->filename != NULL && MpStr_Check(self->filename)) {
        filename = MpStr_AsUTF8(self->filename);
        if (filename == NULL) {
            return NULL;
        }
        const char *slash = strrchr(filename, '/');
        if (slash != NULL) {
            filename = slash + 1;
        }
    }
    int have_lineno = self->lineno != NULL && MpLong_CheckExact(self->lineno);
    if (filename == NULL && !have_lineno) {
        return MpObject_Str(msg);
    }
    int64_t lineno = 0;
    if (have_lineno) {
        lineno = MpLong_AsInt64(self->lineno);
        if (lineno == -1 && MpErr_Occurred()) {
            MpErr_Clear();
        }
    }
    if (filename != NULL && have_lineno) {
        return MpStr_FromFormat("%S (%s, line %lld)", msg, filename,
                                (long long)lineno);
    }
    if (filename != NULL) {
        return MpStr_FromFormat("%S (%s)", msg, filename);
    }
    return MpStr_FromFormat("%S (line %lld)", msg, (long long)lineno);
}

static MpMemberDef syntaxerror_members[] = {
    {"msg", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, msg), 0,
     "exception msg"},
    {"filename", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, filename), 0,
     "exception filename"},
    {"lineno", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, lineno), 0,
     "exception lineno"},
    {"offset", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, offset), 0,
     "exception offset"},
    {"text", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, text), 0,
     "exception text"},
    {"end_lineno", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, end_lineno),
     0, "exception end lineno"},
    {"end_offset", MP_T_OBJECT, offsetof(MpSyntaxErrorObject, end_offset),
     0, "exception end offset"},
    {"print_file_and_line", MP_T_OBJECT,
     offsetof(MpSyntaxErrorObject, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL},
};

EXTENDED_EXC(SyntaxError, Exception, MpSyntaxErrorObject, "Invalid syntax.",
             .tp_init = syntaxerror_init, .tp_str = syntaxerror_str,
             .tp_members = syntaxerror_members, )
EXTENDED_EXC(IndentationError, SyntaxError, MpSyntaxErrorObject,
             "Improper indentation.", )
EXTENDED_EXC(TabError, IndentationError, MpSyntaxErrorObject,
             "Improper mixture of spaces and tabs.", )

/* Characters in the first n bytes of line (len bytes, UTF-8) as CPython
   3.11's _PyPegen_byte_offset_to_character_offset counts them: it decodes
   that prefix with errors="replace", so a sequence cut short counts as one
   character, and n may reach one byte past the line (its NUL). */
static Mp_ssize_t
char_offset(const char *line, size_t len, Mp_ssize_t n)
{
    if (n <= 0) {
        return 0;
    }
    if ((size_t)n > len + 1) {
        n = (Mp_ssize_t)len + 1;
    }
    Mp_ssize_t count = 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (i == (Mp_ssize_t)len ||
            ((unsigned char)line[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

/* Line lineno (1-based) of source, with its newline when it has one.
   Sets *len; NULL when there is no such line. */
static const char *
find_line(const char *source, size_t source_len, int lineno, size_t *len)
{
    if (source == NULL || lineno < 1) {
        return NULL;
    }
    const char *s = source, *end = source + source_len;
    for (int l = 1; l < lineno; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL) {
            return NULL;
        }
        s = nl + 1;
    }
    if (s >= end) {
        return NULL;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *len = (size_t)((nl ? nl + 1 : end) - s);
    return s;
}

MpObject *
MpExc_SyntaxErrorFromRecord(const MpSyntaxError *err, const char *filename)
{
    MpObject *type;
    switch (err->kind) {
    case MP_ERR_MEMORY: {
        MpObject *args = err->msg[0] ? MpStr_FromString(err->msg) : NULL;
        MpObject *t = args ? MpTuple_FromArray(&args, 1) : empty_tuple();
        Mp_XDECREF(args);
        if (t == NULL) {
            return NULL;
        }
        MpObject *exc = new_exception(MpExc_MemoryError, t);
        Mp_DECREF(t);
        return exc;
    }
    case MP_ERR_INDENTATION:
        type = MpExc_IndentationError;
        break;
    case MP_ERR_TAB:
        type = MpExc_TabError;
        break;
    default:
        type = MpExc_SyntaxError;
        break;
    }
    size_t len = 0;
    const char *line = find_line(err->source, err->source_len, err->lineno,
                                 &len);
    /* CPython passes col_offset + 1 bytes to the character count, and the
       end likewise when it is positive; -1 ("none") becomes 0. */
    Mp_ssize_t offset = 0, end_offset = 0;
    if (line != NULL) {
        offset = char_offset(line, len, (Mp_ssize_t)err->col_offset + 1);
        end_offset = err->end_col_offset + 1 > 0
                         ? char_offset(line, len,
                                       (Mp_ssize_t)err->end_col_offset + 1)
                         : 0;
    }
    else {
        offset = err->col_offset + 1;
        end_offset = err->end_col_offset + 1 > 0 ? err->end_col_offset + 1
                                                 : 0;
    }
    MpObject *info[6] = {NULL};
    MpObject *msg = MpStr_FromString(err->msg);
    info[0] = MpStr_FromString(filename ? filename : "<unknown>");
    info[1] = MpLong_FromInt64(err->lineno);
    info[2] = MpLong_FromSsize_t(offset);
    if (line == NULL) {
        info[3] = Mp_NewRef(Mp_None);
    }
    else if (line[len - 1] == '\n') {
        info[3] = MpStr_FromUTF8(line, (Mp_ssize_t)len);
    }
    else {
        /* The last line without a newline: the parser's copy has one. */
        MpObject *l = MpStr_FromUTF8(line, (Mp_ssize_t)len);
        MpObject *nl = MpStr_FromString("\n");
        info[3] = l && nl ? MpStr_Concat(l, nl) : NULL;
        Mp_XDECREF(l);
        Mp_XDECREF(nl);
    }
    info[4] = MpLong_FromInt64(err->end_lineno ? err->end_lineno
                                               : err->lineno);
    info[5] = MpLong_FromSsize_t(end_offset);
    MpObject *exc = NULL, *tinfo = NULL, *args = NULL;
    for (int i = 0; i < 6; i++) {
        if (info[i] == NULL) {
            goto done;
        }
    }
    if (msg == NULL || (tinfo = MpTuple_FromArray(info, 6)) == NULL) {
        goto done;
    }
    MpObject *pair[2] = {msg, tinfo};
    args = MpTuple_FromArray(pair, 2);
    if (args != NULL) {
        exc = new_exception(type, args);
    }
done:
    for (int i = 0; i < 6; i++) {
        Mp_XDECREF(info[i]);
    }
    Mp_XDECREF(msg);
    Mp_XDECREF(tinfo);
    Mp_XDECREF(args);
    return exc;
}
/* }====== */

/* {====== UnicodeError ======
   UnicodeDecodeError(encoding, object, start, end, reason): object is
   bytes (any bytes-like object is copied into one); UnicodeEncodeError
   the same with a str object; UnicodeTranslateError(object, start, end,
   reason) with encoding None.  The argument checks are
   PyArg_ParseTuple's ("UOnnU"). */

/* Reads the 5 (or 4 for translate) arguments.  Refs: out BORROWED. */
static int
unicode_parse(MpObject *args, int translate, int object_is_str,
              MpObject **encoding,
              MpObject **object, Mp_ssize_t *start, Mp_ssize_t *end,
              MpObject **reason)
{
    int want = translate ? 4 : 5;
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n != want) {
        return arg_count_error("exactly", want, n);
    }
    MpObject *const *a = ((MpTupleObject *)args)->items;
    int i = 0;
    *encoding = NULL;
    if (!translate) {
        if (check_str_arg(a[0], 1) < 0) {
            return -1;
        }
        *encoding = a[i++];
    }
    *object = a[i++];
    if (object_is_str && check_str_arg(*object, i) < 0) {
        return -1;
    }
    *start = MpNumber_AsSsize_t(a[i++], MpExc_OverflowError);
    if (*start == -1 && MpErr_Occurred()) {
        return -1;
    }
    *end = MpNumber_AsSsize_t(a[i++], MpExc_OverflowError);
    if (*end == -1 && MpErr_Occurred()) {
        return -1;
    }
    *reason = a[i];
    return check_str_arg(*reason, i + 1);
}

/* Fills the fields after the object has been checked.  Refs: object
   STEALS. */
static void
unicode_fill(MpObject *o, MpObject *encoding, MpObject *object,
             Mp_ssize_t start, Mp_ssize_t end, MpObject *reason)
{
    MpUnicodeErrorObject *self = (MpUnicodeErrorObject *)o;
    set_field(&self->encoding, encoding);
    Mp_SETREF(&self->object, object);
    self->start = start;
    self->end = end;
    set_field(&self->reason, reason);
}

/* The bytes of a bytes-like object as a bytes object.  Refs: NEW. */
static MpObject *
as_bytes(MpObject *o)
{
    if (MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_BYTES_SUBCLASS)) {
        return Mp_NewRef(o);
    }
    MpBufferProcs *bp = Mp_TYPE(o)->tp_as_buffer;
    if (bp == NULL || bp->bf_getbuffer == NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "a bytes-like object is required, not '%s'",
                            MpType_Name(Mp_TYPE(o)));
    }
    MpBuffer view;
    memset(&view, 0, sizeof view);
    if (bp->bf_getbuffer(o, &view, 0) < 0) {
        return NULL;
    }
    MpObject *b = MpBytes_FromStringAndSize(view.buf, view.len);
    if (bp->bf_releasebuffer != NULL) {
        bp->bf_releasebuffer(o, &view);
    }
    Mp_XDECREF(view.obj);
    return b;
}

static int
unicodedecode_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    MpObject *encoding, *object, *reason;
    Mp_ssize_t start, end;
    if (exc_init(o, args, kwds) < 0 ||
        unicode_parse(args, 0, 0, &encoding, &object, &start, &end,
                      &reason) < 0) {
        return -1;
    }
    MpObject *b = as_bytes(object);
    if (b == NULL) {
        return -1;
    }
    unicode_fill(o, encoding, b, start, end, reason);
    return 0;
}

static int
unicodeencode_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    MpObject *encoding, *object, *reason;
    Mp_ssize_t start, end;
    if (exc_init(o, args, kwds) < 0 ||
        unicode_parse(args, 0, 1, &encoding, &object, &start, &end,
                      &reason) < 0) {
        return -1;
    }
    unicode_fill(o, encoding, Mp_NewRef(object), start, end, reason);
    return 0;
}

static int
unicodetranslate_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    MpObject *encoding, *object, *reason;
    Mp_ssize_t start, end;
    if (exc_init(o, args, kwds) < 0 ||
        unicode_parse(args, 1, 1, &encoding, &object, &start, &end,
                      &reason) < 0) {
        return -1;
    }
    unicode_fill(o, NULL, Mp_NewRef(object), start, end, reason);
    return 0;
}

static MpObject *
unicodedecode_str(MpObject *o)
{
    MpUnicodeErrorObject *self = (MpUnicodeErrorObject *)o;
    if (self->object == NULL) {
        return MpStr_FromString("");  // not initialised
    }
    MpObject *enc = MpObject_Str(self->encoding ? self->encoding : Mp_None);
    MpObject *reason = MpObject_Str(self->reason ? self->reason : Mp_None);
    MpObject *r = NULL;
    if (enc != NULL && reason != NULL) {
        Mp_ssize_t size = MpBytes_GET_SIZE(self->object);
        if (self->start >= 0 && self->start < size &&
            self->end == self->start + 1) {
            int byte = (unsigned char)
                MpBytes_AS_STRING(self->object)[self->start];
            r = MpStr_FromFormat("'%U' codec can't decode byte 0x%02x in "
                                 "position %zd: %U", enc, byte,
                                 self->start, reason);
        }
        else {
            r = MpStr_FromFormat("'%U' codec can't decode bytes in "
                                 "position %zd-%zd: %U", enc, self->start,
                                 self->end - 1, reason);
        }
    }
    Mp_XDECREF(enc);
    Mp_XDECREF(reason);
    return r;
}

/* The "character '\xe9'" part: the escape CPython picks by size. */
static const char *
char_escape_format(uint32_t c)
{
    return c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x";
}

/* Shared by encode and translate; prefix is "'ascii' codec can't encode"
   or "can't translate". */
static MpObject *
unicode_char_str(MpUnicodeErrorObject *self, MpObject *prefix,
                 MpObject *reason)
{
    if (self->start >= 0 && self->start < MpStr_GET_LENGTH(self->object) &&
        self->end == self->start + 1) {
        uint32_t c = MpStr_READ(self->object, self->start);
        char esc[16];
        snprintf(esc, sizeof esc, char_escape_format(c), (unsigned)c);
        return MpStr_FromFormat("%U character '%s' in position %zd: %U",
                                prefix, esc, self->start, reason);
    }
    return MpStr_FromFormat("%U characters in position %zd-%zd: %U", prefix,
                            self->start, self->end - 1, reason);
}

static MpObject *
unicodeencode_str(MpObject *o)
{
    MpUnicodeErrorObject *self = (MpUnicodeErrorObject *)o;
    if (self->object == NULL) {
        return MpStr_FromString("");
    }
    MpObject *enc = MpObject_Str(self->encoding ? self->encoding : Mp_None);
    MpObject *reason = MpObject_Str(self->reason ? self->reason : Mp_None);
    MpObject *prefix = enc ? MpStr_FromFormat("'%U' codec can't encode", enc)
                           : NULL;
    MpObject *r = prefix && reason ? unicode_char_str(self, prefix, reason)
                                   : NULL;
    Mp_XDECREF(enc);
    Mp_XDECREF(reason);
    Mp_XDECREF(prefix);
    return r;
}

static MpObject *
unicodetranslate_str(MpObject *o)
{
    MpUnicodeErrorObject *self = (MpUnicodeErrorObject *)o;
    if (self->object == NULL) {
        return MpStr_FromString("");
    }
    MpObject *reason = MpObject_Str(self->reason ? self->reason : Mp_None);
    MpObject *prefix = MpStr_FromString("can't translate");
    MpObject *r = prefix && reason ? unicode_char_str(self, prefix, reason)
                                   : NULL;
    Mp_XDECREF(reason);
    Mp_XDECREF(prefix);
    return r;
}

static MpMemberDef unicodeerror_members[] = {
    {"encoding", MP_T_OBJECT, offsetof(MpUnicodeErrorObject, encoding), 0,
     "exception encoding"},
    {"object", MP_T_OBJECT, offsetof(MpUnicodeErrorObject, object), 0,
     "exception object"},
    {"start", MP_T_SSIZE, offsetof(MpUnicodeErrorObject, start), 0,
     "exception start"},
    {"end", MP_T_SSIZE, offsetof(MpUnicodeErrorObject, end), 0,
     "exception end"},
    {"reason", MP_T_OBJECT, offsetof(MpUnicodeErrorObject, reason), 0,
     "exception reason"},
    {NULL},
};

EXTENDED_EXC(UnicodeDecodeError, UnicodeError, MpUnicodeErrorObject,
             "Unicode decoding error.", .tp_init = unicodedecode_init,
             .tp_str = unicodedecode_str,
             .tp_members = unicodeerror_members, )
EXTENDED_EXC(UnicodeEncodeError, UnicodeError, MpUnicodeErrorObject,
             "Unicode encoding error.", .tp_init = unicodeencode_init,
             .tp_str = unicodeencode_str,
             .tp_members = unicodeerror_members, )
EXTENDED_EXC(UnicodeTranslateError, UnicodeError, MpUnicodeErrorObject,
             "Unicode translation error.", .tp_init = unicodetranslate_init,
             .tp_str = unicodetranslate_str,
             .tp_members = unicodeerror_members, )

/* Builds the args tuple and calls the class, so that args and repr are
   what Python code calling the class would get. */
static MpObject *
unicode_error_create(MpObject *type, const char *encoding, MpObject *object,
                     Mp_ssize_t start, Mp_ssize_t end, const char *reason)
{
    MpObject *items[5] = {
        MpStr_FromString(encoding), Mp_NewRef(object),
        MpLong_FromSsize_t(start), MpLong_FromSsize_t(end),
        MpStr_FromString(reason),
    };
    MpObject *exc = NULL;
    int ok = 1;
    for (int i = 0; i < 5; i++) {
        ok &= items[i] != NULL;
    }
    if (ok) {
        MpObject *args = MpTuple_FromArray(items, 5);
        if (args != NULL) {
            exc = new_exception(type, args);
            Mp_DECREF(args);
        }
    }
    for (int i = 0; i < 5; i++) {
        Mp_XDECREF(items[i]);
    }
    return exc;
}

MpObject *
MpUnicodeDecodeError_Create(const char *encoding, const char *s,
                            Mp_ssize_t len, Mp_ssize_t start, Mp_ssize_t end,
                            const char *reason)
{
    MpObject *b = MpBytes_FromStringAndSize(s, len);
    if (b == NULL) {
        return NULL;
    }
    MpObject *exc = unicode_error_create(MpExc_UnicodeDecodeError, encoding,
                                         b, start, end, reason);
    Mp_DECREF(b);
    return exc;
}

MpObject *
MpUnicodeEncodeError_Create(const char *encoding, MpObject *object,
                            Mp_ssize_t start, Mp_ssize_t end,
                            const char *reason)
{
    return unicode_error_create(MpExc_UnicodeEncodeError, encoding, object,
                                start, end, reason);
}
/* }====== */

/* {====== BaseExceptionGroup ======
   BaseExceptionGroup(message, exceptions): a str and a non-empty sequence
   of exception instances, kept as a tuple.  Constructing
   BaseExceptionGroup with only Exception instances gives an
   ExceptionGroup; ExceptionGroup refuses BaseExceptions.  split() and
   subgroup() walk the tree of nested groups and rebuild the matching
   part with derive(), copying __traceback__, __cause__, __context__ and
   __notes__ to each rebuilt group (what `except*` relies on). */

static MpTypeObject BaseExceptionGroup_type, ExceptionGroup_type;

/* Whether o acts as a sequence (PySequence_Check): it has sq_item and is
   not a dict. */
static int
is_sequence(MpObject *o)
{
    MpSequenceMethods *sq = Mp_TYPE(o)->tp_as_sequence;
    return !MpDict_Check(o) && sq != NULL && sq->sq_item != NULL;
}

static MpObject *
eg_new(MpTypeObject *type, MpObject *args, MpObject *kwds)
{
    Mp_ssize_t nargs = MpTuple_GET_SIZE(args);
    if (nargs != 2) {
        return MpErr_Format(MpExc_TypeError,
                            "BaseExceptionGroup.__new__() takes exactly 2 "
                            "arguments (%zd given)", nargs);
    }
    MpObject *message = MpTuple_GET_ITEM(args, 0);
    MpObject *exceptions = MpTuple_GET_ITEM(args, 1);
    if (!MpStr_Check(message)) {
        return MpErr_Format(MpExc_TypeError,
                            "BaseExceptionGroup.__new__() argument 1 must "
                            "be str, not %T", message);
    }
    if (!is_sequence(exceptions)) {
        MpErr_SetString(MpExc_TypeError,
                        "second argument (exceptions) must be a sequence");
        return NULL;
    }
    MpObject *excs = MpTuple_FromIterable(exceptions);
    if (excs == NULL) {
        return NULL;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(excs);
    if (n == 0) {
        Mp_DECREF(excs);
        MpErr_SetString(MpExc_ValueError, "second argument (exceptions) "
                                          "must be a non-empty sequence");
        return NULL;
    }
    int nested_base = 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *e = MpTuple_GET_ITEM(excs, i);
        if (!MpExceptionInstance_Check(e)) {
            Mp_DECREF(excs);
            return MpErr_Format(MpExc_ValueError,
                                "Item %zd of second argument (exceptions) "
                                "is not an exception", i);
        }
        if (!MpType_IsSubtype(Mp_TYPE(e), &Exception_type)) {
            nested_base = 1;
        }
    }
    MpTypeObject *cls = type;
    if (cls == &ExceptionGroup_type) {
        if (nested_base) {
            Mp_DECREF(excs);
            MpErr_SetString(MpExc_TypeError, "Cannot nest BaseExceptions "
                                             "in an ExceptionGroup");
            return NULL;
        }
    }
    else if (cls == &BaseExceptionGroup_type) {
        if (!nested_base) {
            cls = &ExceptionGroup_type;
        }
    }
    else if (nested_base && MpType_IsSubtype(cls, &Exception_type)) {
        Mp_DECREF(excs);
        return MpErr_Format(MpExc_TypeError,
                            "Cannot nest BaseExceptions in '%s'",
                            cls->tp_name);
    }
    MpBaseExceptionGroupObject *self =
        (MpBaseExceptionGroupObject *)exc_new(cls, args, kwds);
    if (self == NULL) {
        Mp_DECREF(excs);
        return NULL;
    }
    self->msg = Mp_NewRef(message);
    self->excs = excs;
    return (MpObject *)self;
}

static int
eg_init(MpObject *o, MpObject *args, MpObject *kwds)
{
    return exc_init(o, args, kwds);
}

static MpObject *
eg_str(MpObject *o)
{
    MpBaseExceptionGroupObject *self = (MpBaseExceptionGroupObject *)o;
    Mp_ssize_t n = MpTuple_GET_SIZE(self->excs);
    return MpStr_FromFormat("%S (%zd sub-exception%s)", self->msg, n,
                            n > 1 ? "s" : "");
}

static MpObject *
eg_derive(MpObject *o, MpObject *excs)
{
    MpBaseExceptionGroupObject *self = (MpBaseExceptionGroupObject *)o;
    MpObject *items[2] = {self->msg, excs};
    MpObject *args = MpTuple_FromArray(items, 2);
    if (args == NULL) {
        return NULL;
    }
    MpObject *r = MpObject_Call(MpExc_BaseExceptionGroup, args, NULL);
    Mp_DECREF(args);
    return r;
}

/* What split/subgroup match against. */
typedef enum { MATCH_TYPE, MATCH_PREDICATE, MATCH_INSTANCE } MatcherKind;

static int
matcher_kind(MpObject *value, MatcherKind *kind)
{
    if (MpCallable_Check(value) && !MpType_Check(value)) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
    if (MpExceptionClass_Check(value)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (MpTuple_Check(value)) {
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(value); i++) {
            if (!MpExceptionClass_Check(MpTuple_GET_ITEM(value, i))) {
                goto bad;
            }
        }
        *kind = MATCH_TYPE;
        return 0;
    }
bad:
    MpErr_SetString(MpExc_TypeError, "expected a function, exception type "
                                     "or tuple of exception types");
    return -1;
}

/* 1 if exc matches, 0 if not, -1 on error. */
static int
matcher_matches(MatcherKind kind, MpObject *value, MpObject *exc)
{
    switch (kind) {
    case MATCH_TYPE:
        return MpErr_GivenExceptionMatches(exc, value);
    case MATCH_PREDICATE: {
        MpObject *r = MpObject_CallOneArg(value, exc);
        if (r == NULL) {
            return -1;
        }
        int t = MpObject_IsTrue(r);
        Mp_DECREF(r);
        return t;
    }
    default:
        return exc == value;
    }
}

/* derive(excs) of eg, with eg's traceback, cause, context and notes.
   Refs: NEW; excs BORROWED (a list). */
static MpObject *
eg_subset(MpObject *eg, MpObject *excs)
{
    MpObject *t = MpTuple_FromIterable(excs);
    if (t == NULL) {
        return NULL;
    }
    MpObject *r = MpObject_CallMethod(eg, "derive", &t, 1);
    Mp_DECREF(t);
    if (r == NULL) {
        return NULL;
    }
    if (!MpType_IsSubtype(Mp_TYPE(r), &BaseExceptionGroup_type)) {
        Mp_DECREF(r);
        MpErr_SetString(MpExc_TypeError,
                        "derive must return an instance of "
                        "BaseExceptionGroup");
        return NULL;
    }
    MpBaseExceptionObject *src = (MpBaseExceptionObject *)eg;
    set_field(&((MpBaseExceptionObject *)r)->traceback, src->traceback);
    MpException_SetCause(r, Mp_NewRef(src->cause ? src->cause : Mp_None));
    ((MpBaseExceptionObject *)r)->suppress_context = src->suppress_context;
    MpException_SetContext(r, Mp_NewRef(src->context ? src->context
                                                     : Mp_None));
    MpObject *name = MpStr_InternFromString("__notes__");
    MpObject *notes = NULL;
    int found = name ? MpObject_LookupAttr(eg, name, &notes) : -1;
    if (found > 0 && is_sequence(notes)) {
        MpObject *copy = MpList_New(0);
        if (copy == NULL || MpList_Extend(copy, notes) < 0 ||
            MpObject_SetAttr(r, name, copy) < 0) {
            found = -1;
        }
        Mp_XDECREF(copy);
    }
    Mp_XDECREF(notes);
    Mp_XDECREF(name);
    if (found < 0) {
        Mp_DECREF(r);
        return NULL;
    }
    return r;
}

/* Splits exc into *match and *rest (each NEW or NULL for "nothing"); rest
   is only built when want_rest. */
static int
eg_split_recursive(MpObject *exc, MatcherKind kind, MpObject *value,
                   int want_rest, MpObject **match, MpObject **rest)
{
    *match = *rest = NULL;
    int m = matcher_matches(kind, value, exc);
    if (m < 0) {
        return -1;
    }
    if (m) {
        *match = Mp_NewRef(exc);
        return 0;
    }
    if (!MpType_IsSubtype(Mp_TYPE(exc), &BaseExceptionGroup_type)) {
        if (want_rest) {
            *rest = Mp_NewRef(exc);
        }
        return 0;
    }
    MpObject *excs = ((MpBaseExceptionGroupObject *)exc)->excs;
    MpObject *ml = MpList_New(0), *rl = want_rest ? MpList_New(0) : NULL;
    if (ml == NULL || (want_rest && rl == NULL)) {
        goto error;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(excs); i++) {
        MpObject *sm, *sr;
        if (eg_split_recursive(MpTuple_GET_ITEM(excs, i), kind, value,
                               want_rest, &sm, &sr) < 0) {
            goto error;
        }
        int bad = (sm && MpList_Append(ml, sm) < 0) ||
                  (sr && MpList_Append(rl, sr) < 0);
        Mp_XDECREF(sm);
        Mp_XDECREF(sr);
        if (bad) {
            goto error;
        }
    }
    if (MpObject_Length(ml) > 0 && (*match = eg_subset(exc, ml)) == NULL) {
        goto error;
    }
    if (rl != NULL && MpObject_Length(rl) > 0 &&
        (*rest = eg_subset(exc, rl)) == NULL) {
        Mp_CLEAR(match);
        goto error;
    }
    Mp_DECREF(ml);
    Mp_XDECREF(rl);
    return 0;
error:
    Mp_XDECREF(ml);
    Mp_XDECREF(rl);
    return -1;
}

static MpObject *
eg_split(MpObject *self, MpObject *value)
{
    MatcherKind kind;
    MpObject *match, *rest;
    if (matcher_kind(value, &kind) < 0 ||
        eg_split_recursive(self, kind, value, 1, &match, &rest) < 0) {
        return NULL;
    }
    MpObject *items[2] = {match ? match : Mp_None, rest ? rest : Mp_None};
    MpObject *r = MpTuple_FromArray(items, 2);
    Mp_XDECREF(match);
    Mp_XDECREF(rest);
    return r;
}

static MpObject *
eg_subgroup(MpObject *self, MpObject *value)
{
    MatcherKind kind;
    MpObject *match, *rest;
    if (matcher_kind(value, &kind) < 0 ||
        eg_split_recursive(self, kind, value, 0, &match, &rest) < 0) {
        return NULL;
    }
    return match ? match : Mp_NewRef(Mp_None);
}

static MpMemberDef eg_members[] = {
    {"message", MP_T_OBJECT, offsetof(MpBaseExceptionGroupObject, msg), 1,
     "exception message"},
    {"exceptions", MP_T_OBJECT, offsetof(MpBaseExceptionGroupObject, excs),
     1, "nested exceptions"},
    {NULL},
};

static MpMethodDef eg_methods[] = {
    {"derive", (void *)eg_derive, MP_METH_O, NULL},
    {"split", (void *)eg_split, MP_METH_O, NULL},
    {"subgroup", (void *)eg_subgroup, MP_METH_O, NULL},
    {NULL},
};

EXTENDED_EXC(BaseExceptionGroup, BaseException, MpBaseExceptionGroupObject,
             "A combination of multiple unrelated exceptions.",
             .tp_new = eg_new, .tp_init = eg_init, .tp_str = eg_str,
             .tp_members = eg_members, .tp_methods = eg_methods, )
/* ExceptionGroup(BaseExceptionGroup, Exception): its tp_bases is set in
   MpExceptions_Init, before MpType_Ready computes the MRO. */
EXTENDED_EXC(ExceptionGroup, BaseExceptionGroup, MpBaseExceptionGroupObject,
             NULL, )
/* }====== */

/* {====== Accessors ====== */

MpObject *
MpException_GetArgs(MpObject *exc)
{
    return ((MpBaseExceptionObject *)exc)->args;
}

/* The setters accept None for "none" and keep NULL inside. */
static void
set_link(MpObject **slot, MpObject *value)
{
    if (value == Mp_None) {
        Mp_DECREF(value);
        value = NULL;
    }
    Mp_SETREF(slot, value);
}

static MpObject *
new_ref_or_null(MpObject *o)
{
    return o != NULL ? Mp_NewRef(o) : NULL;
}

MpObject *
MpException_GetTraceback(MpObject *exc)
{
    return new_ref_or_null(((MpBaseExceptionObject *)exc)->traceback);
}

int
MpException_SetTraceback(MpObject *exc, MpObject *tb)
{
    if (tb == NULL) {
        Mp_CLEAR(&((MpBaseExceptionObject *)exc)->traceback);
        return 0;
    }
    return traceback_set(exc, tb, NULL);
}

MpObject *
MpException_GetContext(MpObject *exc)
{
    return new_ref_or_null(((MpBaseExceptionObject *)exc)->context);
}

void
MpException_SetContext(MpObject *exc, MpObject *context)
{
    set_link(&((MpBaseExceptionObject *)exc)->context, context);
}

MpObject *
MpException_GetCause(MpObject *exc)
{
    return new_ref_or_null(((MpBaseExceptionObject *)exc)->cause);
}

void
MpException_SetCause(MpObject *exc, MpObject *cause)
{
    ((MpBaseExceptionObject *)exc)->suppress_context = 1;
    set_link(&((MpBaseExceptionObject *)exc)->cause, cause);
}

MpObject *
MpExc_MemoryErrorInstance(void)
{
    return memory_error_instance;
}
/* }====== */

/* {====== Start-up ====== */

#define DEFINE_EXC_POINTER(NAME) \
    MpObject *MpExc_##NAME = (MpObject *)&NAME##_type;
MP_EXCEPTION_TYPES(DEFINE_EXC_POINTER)
#undef DEFINE_EXC_POINTER

static void
add_extra(MpTypeObject *type, Mp_ssize_t offset, Mp_ssize_t end)
{
    extras[n_extras].type = type;
    extras[n_extras].offset = offset;
    extras[n_extras].count = (int)((end - offset) / sizeof(MpObject *));
    n_extras++;
}

int
MpExceptions_Init(void)
{
    if (memory_error_instance != NULL) {
        return 0;
    }
    n_extras = 0;
    add_extra(&StopIteration_type, offsetof(MpStopIterationObject, value),
              sizeof(MpStopIterationObject));
    add_extra(&SystemExit_type, offsetof(MpSystemExitObject, code),
              sizeof(MpSystemExitObject));
    add_extra(&ImportError_type, offsetof(MpImportErrorObject, msg),
              sizeof(MpImportErrorObject));
    add_extra(&NameError_type, offsetof(MpNameErrorObject, name),
              sizeof(MpNameErrorObject));
    add_extra(&AttributeError_type, offsetof(MpAttributeErrorObject, obj),
              sizeof(MpAttributeErrorObject));
    add_extra(&OSError_type, offsetof(MpOSErrorObject, myerrno),
              offsetof(MpOSErrorObject, written));
    add_extra(&SyntaxError_type, offsetof(MpSyntaxErrorObject, msg),
              sizeof(MpSyntaxErrorObject));
    /* Not UnicodeError itself: like CPython's, it has BaseException's
       layout; only its three subclasses carry the fields. */
    add_extra(&UnicodeDecodeError_type,
              offsetof(MpUnicodeErrorObject, encoding),
              offsetof(MpUnicodeErrorObject, start));
    add_extra(&UnicodeEncodeError_type,
              offsetof(MpUnicodeErrorObject, encoding),
              offsetof(MpUnicodeErrorObject, start));
    add_extra(&UnicodeTranslateError_type,
              offsetof(MpUnicodeErrorObject, encoding),
              offsetof(MpUnicodeErrorObject, start));
    add_extra(&BaseExceptionGroup_type,
              offsetof(MpBaseExceptionGroupObject, msg),
              sizeof(MpBaseExceptionGroupObject));

    if (ExceptionGroup_type.tp_bases == NULL) {
        MpObject *bases[2] = {(MpObject *)&BaseExceptionGroup_type,
                              (MpObject *)&Exception_type};
        ExceptionGroup_type.tp_bases = MpTuple_FromArray(bases, 2);
        if (ExceptionGroup_type.tp_bases == NULL) {
            return -1;
        }
    }
#define READY(NAME)                                                        \
    if (MpType_Ready(&NAME##_type) < 0) {                                  \
        return -1;                                                         \
    }
    MP_EXCEPTION_TYPES(READY)
#undef READY

    MpObject *args = empty_tuple();
    if (args == NULL) {
        return -1;
    }
    memory_error_instance = exc_new(&MemoryError_type, args, NULL);
    Mp_DECREF(args);
    return memory_error_instance != NULL ? 0 : -1;
}
/* }====== */

/* At shutdown: the preallocated MemoryError goes; the classes themselves
   are static and MpType_Fini releases their dicts. */
void
MpExceptions_Fini(void)
{
    Mp_CLEAR(&memory_error_instance);
}
