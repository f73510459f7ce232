/* typeslots.c — classes: creating them, and the slots that make the
   special methods a class defines in Python work from C.

   When a class statement defines __len__, len(x) must call it; but len()
   only knows the type slot sq_length/mp_length.  So a new class gets, for
   every special method it (or a base class written in Python) defines,
   a slot function that looks the method up on the type and calls it:
   slot_mp_length calls type(x).__len__(x).  The table `slotdefs` pairs
   each special method name with the slot it fills and the slot function.
   This is how "special methods are dispatched through type slots" holds
   both ways: built-in types fill slots with C functions, classes with
   these.

   MpType_New builds the class: the best (layout-defining) base, C3 MRO
   (type.c), the instance layout (the __slots__ fields with their member
   descriptors, then a __dict__ and a __weakref__ pointer unless a base
   has them or __slots__ leaves them out), and the slots above.  A base
   class adds fields to the layout ("solid base", MpType_SolidBase) when
   it is a C type with fields of its own or a class with __slots__; two
   bases whose solid bases are unrelated cannot be combined ("multiple
   bases have instance lay-out conflict").

   The slots are filled again (MpType_UpdateSlots) whenever the MRO or a
   class's special methods change later: __bases__ assignment, or
   C.__len__ = f (type.c).

   CPython counterpart: Objects/typeobject.c (slotdefs, update_one_slot,
   type_new).  Read first: MpType_New */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vm.h"
#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm.h"
#include "objects/weakref.h"

/* {====== Calling a special method ====== */

/* type(self).<name>(self, args...): NULL with AttributeError-free failure
   (*found = 0) when the class has no such method.  Refs: NEW. */
static MpObject *
call_special(MpObject *self, const char *name, MpObject *const *args,
             size_t nargs, int *found)
{
    MpObject *key = MpStr_InternFromString(name);
    if (key == NULL) {
        return NULL;
    }
    MpObject *f = MpType_Lookup(Mp_TYPE(self), key);
    Mp_DECREF(key);
    if (found) {
        *found = f != NULL;
    }
    if (f == NULL) {
        return NULL;
    }
    MpObject *stack[4];
    stack[0] = self;
    for (size_t i = 0; i < nargs && i < 3; i++) {
        stack[i + 1] = args[i];
    }
    Mp_INCREF(f);
    MpObject *r;
    descrgetfunc get = Mp_TYPE(f)->tp_descr_get;
    if (MpFunction_Check(f) || get == NULL) {
        r = MpObject_Vectorcall(f, stack, nargs + 1, NULL);
    }
    else {
        MpObject *bound = get(f, self, (MpObject *)Mp_TYPE(self));
        r = bound ? MpObject_Vectorcall(bound, args, nargs, NULL) : NULL;
        Mp_XDECREF(bound);
    }
    Mp_DECREF(f);
    return r;
}

static MpObject *
call_required(MpObject *self, const char *name, MpObject *const *args,
              size_t nargs)
{
    int found;
    MpObject *r = call_special(self, name, args, nargs, &found);
    if (!found && !MpErr_Occurred()) {
        MpErr_SetString(MpExc_AttributeError, name);
    }
    return r;
}
/* }====== */

/* {====== The slot functions ====== */

static MpObject *
slot_tp_repr(MpObject *self)
{
    return call_required(self, "__repr__", NULL, 0);
}

static MpObject *
slot_tp_str(MpObject *self)
{
    return call_required(self, "__str__", NULL, 0);
}

static Mp_hash_t
slot_tp_hash(MpObject *self)
{
    MpObject *r = call_required(self, "__hash__", NULL, 0);
    if (r == NULL) {
        return -1;
    }
    if (!MpLong_Check(r)) {
        MpErr_SetString(MpExc_TypeError,
                        "__hash__ method should return an integer");
        Mp_DECREF(r);
        return -1;
    }
    /* CPython reduces a big hash modulo the hash modulus via int's own
       hash; -1 is reserved for errors. */
    Mp_hash_t h = Mp_TYPE(r)->tp_hash(r);
    Mp_DECREF(r);
    return h == -1 && !MpErr_Occurred() ? -2 : h;
}

static const char *const richcmp_names[] = {"__lt__", "__le__", "__eq__",
                                            "__ne__", "__gt__", "__ge__"};

static MpObject *
slot_tp_richcompare(MpObject *self, MpObject *other, int op)
{
    int found;
    MpObject *r = call_special(self, richcmp_names[op], &other, 1, &found);
    if (!found && !MpErr_Occurred()) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return r;
}

/* type(self).<name> bound to self: the special-method lookup, which skips
   the instance's own attributes (a class's __call__ comes from its
   metaclass, not from the class's dict).  Refs: NEW; NULL with
   AttributeError(name) when the type has none. */
static MpObject *
lookup_special_bound(MpObject *self, const char *name)
{
    MpObject *bound = MpObject_LookupSpecial(self, name);
    if (bound == NULL && !MpErr_Occurred()) {
        MpErr_SetString(MpExc_AttributeError, name);
    }
    return bound;
}

static MpObject *
slot_tp_call(MpObject *self, MpObject *const *args, size_t nargs,
             MpObject *kwnames)
{
    MpObject *f = lookup_special_bound(self, "__call__");
    if (f == NULL) {
        return NULL;
    }
    MpObject *r = MpObject_Vectorcall(f, args, nargs, kwnames);
    Mp_DECREF(f);
    return r;
}

static MpObject *
slot_tp_iter(MpObject *self)
{
    return call_required(self, "__iter__", NULL, 0);
}

static MpObject *
slot_tp_iternext(MpObject *self)
{
    return call_required(self, "__next__", NULL, 0);
}

static int
slot_nb_bool(MpObject *self)
{
    int found;
    MpObject *r = call_special(self, "__bool__", NULL, 0, &found);
    if (!found) {
        if (MpErr_Occurred()) {
            return -1;
        }
        r = call_special(self, "__len__", NULL, 0, &found);
        if (r == NULL) {
            return found || MpErr_Occurred() ? -1 : 1;
        }
        Mp_ssize_t n = MpNumber_AsSsize_t(r, MpExc_OverflowError);
        Mp_DECREF(r);
        return n < 0 ? (MpErr_Occurred() ? -1 : 1) : n != 0;
    }
    if (r == NULL) {
        return -1;
    }
    if (!MpBool_Check(r)) {
        MpErr_Format(MpExc_TypeError,
                     "__bool__ should return bool, returned %s",
                     MpType_Name(Mp_TYPE(r)));
        Mp_DECREF(r);
        return -1;
    }
    int t = r == Mp_True;
    Mp_DECREF(r);
    return t;
}

static Mp_ssize_t
slot_length(MpObject *self)
{
    MpObject *r = call_required(self, "__len__", NULL, 0);
    if (r == NULL) {
        return -1;
    }
    Mp_ssize_t n = MpNumber_AsSsize_t(r, MpExc_OverflowError);
    Mp_DECREF(r);
    if (n < 0 && !MpErr_Occurred()) {
        MpErr_SetString(MpExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static MpObject *
slot_mp_subscript(MpObject *self, MpObject *key)
{
    return call_required(self, "__getitem__", &key, 1);
}

static int
slot_mp_ass_subscript(MpObject *self, MpObject *key, MpObject *value)
{
    MpObject *args[2] = {key, value};
    MpObject *r = value ? call_required(self, "__setitem__", args, 2)
                        : call_required(self, "__delitem__", args, 1);
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

static int
slot_sq_contains(MpObject *self, MpObject *value)
{
    MpObject *r = call_required(self, "__contains__", &value, 1);
    if (r == NULL) {
        return -1;
    }
    int t = MpObject_IsTrue(r);
    Mp_DECREF(r);
    return t;
}

static int
slot_tp_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    MpObject *f = lookup_special_bound(self, "__init__");
    if (f == NULL) {
        return -1;
    }
    MpObject *r = MpObject_Call(f, args, kwargs);
    Mp_DECREF(f);
    if (r == NULL) {
        return -1;
    }
    if (r != Mp_None) {
        MpErr_Format(MpExc_TypeError,
                     "__init__() should return None, not '%s'",
                     MpType_Name(Mp_TYPE(r)));
        Mp_DECREF(r);
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

static MpObject *
slot_tp_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpObject *key = MpStr_InternFromString("__new__");
    MpObject *f = key ? MpObject_GetAttr((MpObject *)type, key) : NULL;
    Mp_XDECREF(key);
    if (f == NULL) {
        return NULL;
    }
    /* __new__ is a static method: the class goes first explicitly. */
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    MpObject *full = MpTuple_New(n + 1);
    if (full == NULL) {
        Mp_DECREF(f);
        return NULL;
    }
    MpTuple_SET_ITEM(full, 0, Mp_NewRef(type));
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpTuple_SET_ITEM(full, i + 1, Mp_NewRef(MpTuple_GET_ITEM(args, i)));
    }
    MpObject *r = MpObject_Call(f, full, kwargs);
    Mp_DECREF(full);
    Mp_DECREF(f);
    return r;
}

static MpObject *
slot_tp_getattr_hook(MpObject *self, MpObject *name)
{
    /* __getattribute__ (default: the generic lookup), then __getattr__
       when that raised AttributeError. */
    int found;
    MpObject *r = call_special(self, "__getattribute__", &name, 1, &found);
    if (!found && !MpErr_Occurred()) {
        r = MpObject_GenericGetAttr(self, name);
    }
    if (r == NULL && MpErr_ExceptionMatches(MpExc_AttributeError)) {
        MpObject *saved = MpErr_GetRaisedException();
        r = call_special(self, "__getattr__", &name, 1, &found);
        if (!found && !MpErr_Occurred()) {
            MpErr_SetRaisedException(saved);
            return NULL;
        }
        Mp_XDECREF(saved);
    }
    return r;
}

static int
slot_tp_setattro(MpObject *self, MpObject *name, MpObject *value)
{
    MpObject *args[2] = {name, value};
    MpObject *r = value ? call_required(self, "__setattr__", args, 2)
                        : call_required(self, "__delattr__", args, 1);
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

static MpObject *
slot_tp_descr_get(MpObject *self, MpObject *obj, MpObject *type)
{
    MpObject *args[2] = {obj ? obj : Mp_None, type ? type : Mp_None};
    return call_required(self, "__get__", args, 2);
}

static int
slot_tp_descr_set(MpObject *self, MpObject *obj, MpObject *value)
{
    MpObject *args[2] = {obj, value};
    MpObject *r = value ? call_required(self, "__set__", args, 2)
                        : call_required(self, "__delete__", args, 1);
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

/* Binary operators: a.__op__(b) when a is an instance of the class, else
   b.__rop__(a); NotImplemented when the method is missing, so that the
   abstract protocol (abstract.c) tries the other operand. */
#define SLOT_BINARY(slot, op, rop)                                         \
    static MpObject *slot(MpObject *a, MpObject *b)                        \
    {                                                                      \
        int found = 0;                                                     \
        MpObject *r = NULL;                                                \
        if (Mp_TYPE(a)->tp_as_number &&                                    \
            Mp_TYPE(a)->tp_as_number->slot == slot) {                      \
            r = call_special(a, op, &b, 1, &found);                        \
            if (found || MpErr_Occurred()) {                               \
                if (r != Mp_NotImplemented || Mp_TYPE(a) == Mp_TYPE(b)) {  \
                    return r;                                              \
                }                                                          \
                Mp_DECREF(r);                                              \
            }                                                              \
        }                                                                  \
        if (Mp_TYPE(b)->tp_as_number &&                                    \
            Mp_TYPE(b)->tp_as_number->slot == slot) {                      \
            r = call_special(b, rop, &a, 1, &found);                       \
            if (found || MpErr_Occurred()) {                               \
                return r;                                                  \
            }                                                              \
        }                                                                  \
        return Mp_NewRef(Mp_NotImplemented);                               \
    }
SLOT_BINARY(nb_add, "__add__", "__radd__")
SLOT_BINARY(nb_subtract, "__sub__", "__rsub__")
SLOT_BINARY(nb_multiply, "__mul__", "__rmul__")
SLOT_BINARY(nb_true_divide, "__truediv__", "__rtruediv__")
SLOT_BINARY(nb_floor_divide, "__floordiv__", "__rfloordiv__")
SLOT_BINARY(nb_remainder, "__mod__", "__rmod__")
SLOT_BINARY(nb_matrix_multiply, "__matmul__", "__rmatmul__")
SLOT_BINARY(nb_lshift, "__lshift__", "__rlshift__")
SLOT_BINARY(nb_rshift, "__rshift__", "__rrshift__")
SLOT_BINARY(nb_and, "__and__", "__rand__")
SLOT_BINARY(nb_or, "__or__", "__ror__")
SLOT_BINARY(nb_xor, "__xor__", "__rxor__")
SLOT_BINARY(nb_divmod, "__divmod__", "__rdivmod__")
#undef SLOT_BINARY

#define SLOT_UNARY(slot, name)                                             \
    static MpObject *slot(MpObject *a)                                     \
    {                                                                      \
        return call_required(a, name, NULL, 0);                            \
    }
SLOT_UNARY(nb_negative, "__neg__")
SLOT_UNARY(nb_positive, "__pos__")
SLOT_UNARY(nb_absolute, "__abs__")
SLOT_UNARY(nb_invert, "__invert__")
SLOT_UNARY(nb_int, "__int__")
SLOT_UNARY(nb_float, "__float__")
SLOT_UNARY(nb_index, "__index__")
#undef SLOT_UNARY

#define SLOT_INPLACE(slot, name)                                           \
    static MpObject *slot(MpObject *a, MpObject *b)                        \
    {                                                                      \
        int found;                                                         \
        MpObject *r = call_special(a, name, &b, 1, &found);                \
        if (!found && !MpErr_Occurred()) {                                 \
            return Mp_NewRef(Mp_NotImplemented);                           \
        }                                                                  \
        return r;                                                          \
    }
SLOT_INPLACE(nb_inplace_add, "__iadd__")
SLOT_INPLACE(nb_inplace_subtract, "__isub__")
SLOT_INPLACE(nb_inplace_multiply, "__imul__")
SLOT_INPLACE(nb_inplace_true_divide, "__itruediv__")
SLOT_INPLACE(nb_inplace_floor_divide, "__ifloordiv__")
SLOT_INPLACE(nb_inplace_remainder, "__imod__")
SLOT_INPLACE(nb_inplace_and, "__iand__")
SLOT_INPLACE(nb_inplace_or, "__ior__")
SLOT_INPLACE(nb_inplace_xor, "__ixor__")
SLOT_INPLACE(nb_inplace_lshift, "__ilshift__")
SLOT_INPLACE(nb_inplace_rshift, "__irshift__")
SLOT_INPLACE(nb_inplace_matrix_multiply, "__imatmul__")
#undef SLOT_INPLACE

static MpObject *
slot_nb_power(MpObject *a, MpObject *b, MpObject *mod)
{
    int found = 0;
    MpObject *r;
    if (mod == Mp_None || mod == NULL) {
        if (Mp_TYPE(a)->tp_as_number &&
            Mp_TYPE(a)->tp_as_number->nb_power == slot_nb_power) {
            r = call_special(a, "__pow__", &b, 1, &found);
            if (found || MpErr_Occurred()) {
                return r;
            }
        }
        r = call_special(b, "__rpow__", &a, 1, &found);
    }
    else {
        MpObject *args[2] = {b, mod};
        r = call_special(a, "__pow__", args, 2, &found);
    }
    if (!found && !MpErr_Occurred()) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return r;
}
/* }====== */

/* {====== slotdefs ======
   Which special method fills which slot.  `where` says which table the
   slot lives in; offset is the slot's place in it. */
enum { IN_TYPE, IN_NUMBER, IN_SEQUENCE, IN_MAPPING };

/* How a built-in type's slot is called from Python (the wrapper a static
   type gets in its dict, see add_slot_wrappers). */
typedef enum {
    W_NONE,        // no wrapper (an alias entry, or __new__: done apart)
    W_UNARY,       // f(self) -> object
    W_NEXT,        // tp_iternext: NULL without error is StopIteration
    W_HASH,        // f(self) -> Mp_hash_t
    W_LEN,         // f(self) -> Mp_ssize_t
    W_BOOL,        // f(self) -> int
    W_BINARY,      // f(self, other)
    W_RBINARY,     // f(other, self): the reflected operator
    W_REPEAT,      // f(self, Mp_ssize_t): sq_repeat as __mul__ / __rmul__
    W_POW,         // f(self, other, mod)
    W_RPOW,        // f(other, self, None)
    W_RICHCMP,     // f(self, other, op), op from the name
    W_CONTAINS,    // f(self, value) -> int
    W_SETITEM,     // f(self, key, value) -> int
    W_DELITEM,     // f(self, key, NULL) -> int
    W_CALL,        // tp_call
    W_INIT,        // tp_init(self, tuple, dict)
    W_SETATTR,     // f(self, name, value) -> int
    W_DELATTR,     // f(self, name, NULL) -> int
    W_DESCR_GET,   // f(self, obj, type)
    W_DESCR_SET,   // f(self, obj, value) -> int
    W_DESCR_DEL,   // f(self, obj, NULL) -> int
} WrapKind;

typedef struct {
    const char *name;
    int where;
    size_t offset;
    void *function;
    WrapKind kind;
} SlotDef;

#define SLOT(w, tbl, field, name, fn, kind)                                \
    {name, w, offsetof(tbl, field), (void *)fn, kind}
#define TP(field, name, fn, kind)                                          \
    SLOT(IN_TYPE, MpTypeObject, field, name, fn, kind)
#define NB(field, name, fn, kind)                                          \
    SLOT(IN_NUMBER, MpNumberMethods, field, name, fn, kind)
#define SQ(field, name, fn, kind)                                          \
    SLOT(IN_SEQUENCE, MpSequenceMethods, field, name, fn, kind)
#define MP(field, name, fn, kind)                                          \
    SLOT(IN_MAPPING, MpMappingMethods, field, name, fn, kind)

static const SlotDef slotdefs[] = {
    TP(tp_repr, "__repr__", slot_tp_repr, W_UNARY),
    TP(tp_str, "__str__", slot_tp_str, W_UNARY),
    TP(tp_hash, "__hash__", slot_tp_hash, W_HASH),
    TP(tp_call, "__call__", slot_tp_call, W_CALL),
    TP(tp_iter, "__iter__", slot_tp_iter, W_UNARY),
    TP(tp_iternext, "__next__", slot_tp_iternext, W_NEXT),
    TP(tp_init, "__init__", slot_tp_init, W_INIT),
    TP(tp_new, "__new__", slot_tp_new, W_NONE),
    TP(tp_getattro, "__getattribute__", slot_tp_getattr_hook, W_BINARY),
    TP(tp_getattro, "__getattr__", slot_tp_getattr_hook, W_NONE),
    TP(tp_setattro, "__setattr__", slot_tp_setattro, W_SETATTR),
    TP(tp_setattro, "__delattr__", slot_tp_setattro, W_DELATTR),
    TP(tp_descr_get, "__get__", slot_tp_descr_get, W_DESCR_GET),
    TP(tp_descr_set, "__set__", slot_tp_descr_set, W_DESCR_SET),
    TP(tp_descr_set, "__delete__", slot_tp_descr_set, W_DESCR_DEL),
    TP(tp_richcompare, "__lt__", slot_tp_richcompare, W_RICHCMP),
    TP(tp_richcompare, "__le__", slot_tp_richcompare, W_RICHCMP),
    TP(tp_richcompare, "__eq__", slot_tp_richcompare, W_RICHCMP),
    TP(tp_richcompare, "__ne__", slot_tp_richcompare, W_RICHCMP),
    TP(tp_richcompare, "__gt__", slot_tp_richcompare, W_RICHCMP),
    TP(tp_richcompare, "__ge__", slot_tp_richcompare, W_RICHCMP),
    /* The sequence operators of the built-in sequences (list.__add__,
       str.__mul__ ...).  Before the number slots, so that str.__add__
       is str's sq_concat (which raises) and not its nb_add (which
       answers NotImplemented).  No slot function, as in CPython:
       a class defining __add__ in Python clears its sq_concat and works
       through nb_add. */
    SQ(sq_concat, "__add__", NULL, W_BINARY),
    SQ(sq_repeat, "__mul__", NULL, W_REPEAT),
    SQ(sq_repeat, "__rmul__", NULL, W_REPEAT),
    SQ(sq_inplace_concat, "__iadd__", NULL, W_BINARY),
    SQ(sq_inplace_repeat, "__imul__", NULL, W_REPEAT),
    NB(nb_bool, "__bool__", slot_nb_bool, W_BOOL),
    NB(nb_add, "__add__", nb_add, W_BINARY), NB(nb_add, "__radd__", nb_add, W_RBINARY),
    NB(nb_subtract, "__sub__", nb_subtract, W_BINARY),
    NB(nb_subtract, "__rsub__", nb_subtract, W_RBINARY),
    NB(nb_multiply, "__mul__", nb_multiply, W_BINARY),
    NB(nb_multiply, "__rmul__", nb_multiply, W_RBINARY),
    NB(nb_true_divide, "__truediv__", nb_true_divide, W_BINARY),
    NB(nb_true_divide, "__rtruediv__", nb_true_divide, W_RBINARY),
    NB(nb_floor_divide, "__floordiv__", nb_floor_divide, W_BINARY),
    NB(nb_floor_divide, "__rfloordiv__", nb_floor_divide, W_RBINARY),
    NB(nb_remainder, "__mod__", nb_remainder, W_BINARY),
    NB(nb_remainder, "__rmod__", nb_remainder, W_RBINARY),
    NB(nb_matrix_multiply, "__matmul__", nb_matrix_multiply, W_BINARY),
    NB(nb_matrix_multiply, "__rmatmul__", nb_matrix_multiply, W_RBINARY),
    NB(nb_lshift, "__lshift__", nb_lshift, W_BINARY),
    NB(nb_lshift, "__rlshift__", nb_lshift, W_RBINARY),
    NB(nb_rshift, "__rshift__", nb_rshift, W_BINARY),
    NB(nb_rshift, "__rrshift__", nb_rshift, W_RBINARY),
    NB(nb_and, "__and__", nb_and, W_BINARY), NB(nb_and, "__rand__", nb_and, W_RBINARY),
    NB(nb_or, "__or__", nb_or, W_BINARY), NB(nb_or, "__ror__", nb_or, W_RBINARY),
    NB(nb_xor, "__xor__", nb_xor, W_BINARY), NB(nb_xor, "__rxor__", nb_xor, W_RBINARY),
    NB(nb_divmod, "__divmod__", nb_divmod, W_BINARY),
    NB(nb_divmod, "__rdivmod__", nb_divmod, W_RBINARY),
    NB(nb_power, "__pow__", slot_nb_power, W_POW),
    NB(nb_power, "__rpow__", slot_nb_power, W_RPOW),
    NB(nb_negative, "__neg__", nb_negative, W_UNARY),
    NB(nb_positive, "__pos__", nb_positive, W_UNARY),
    NB(nb_absolute, "__abs__", nb_absolute, W_UNARY),
    NB(nb_invert, "__invert__", nb_invert, W_UNARY),
    NB(nb_int, "__int__", nb_int, W_UNARY),
    NB(nb_float, "__float__", nb_float, W_UNARY),
    NB(nb_index, "__index__", nb_index, W_UNARY),
    NB(nb_inplace_add, "__iadd__", nb_inplace_add, W_BINARY),
    NB(nb_inplace_subtract, "__isub__", nb_inplace_subtract, W_BINARY),
    NB(nb_inplace_multiply, "__imul__", nb_inplace_multiply, W_BINARY),
    NB(nb_inplace_true_divide, "__itruediv__", nb_inplace_true_divide, W_BINARY),
    NB(nb_inplace_floor_divide, "__ifloordiv__", nb_inplace_floor_divide, W_BINARY),
    NB(nb_inplace_remainder, "__imod__", nb_inplace_remainder, W_BINARY),
    NB(nb_inplace_and, "__iand__", nb_inplace_and, W_BINARY),
    NB(nb_inplace_or, "__ior__", nb_inplace_or, W_BINARY),
    NB(nb_inplace_xor, "__ixor__", nb_inplace_xor, W_BINARY),
    NB(nb_inplace_lshift, "__ilshift__", nb_inplace_lshift, W_BINARY),
    NB(nb_inplace_rshift, "__irshift__", nb_inplace_rshift, W_BINARY),
    NB(nb_inplace_matrix_multiply, "__imatmul__", nb_inplace_matrix_multiply, W_BINARY),
    MP(mp_length, "__len__", slot_length, W_LEN),
    SQ(sq_length, "__len__", slot_length, W_LEN),
    MP(mp_subscript, "__getitem__", slot_mp_subscript, W_BINARY),
    MP(mp_ass_subscript, "__setitem__", slot_mp_ass_subscript, W_SETITEM),
    MP(mp_ass_subscript, "__delitem__", slot_mp_ass_subscript, W_DELITEM),
    SQ(sq_contains, "__contains__", slot_sq_contains, W_CONTAINS),
};
#undef SLOT
#undef TP
#undef NB
#undef SQ
#undef MP

/* Where slotdef sd's slot lives in a heap type (its own method tables),
   or in any type (NULL when the type has no such table). */
static char *
slot_table(MpTypeObject *type, const SlotDef *sd)
{
    switch (sd->where) {
    case IN_NUMBER:
        return (char *)type->tp_as_number;
    case IN_SEQUENCE:
        return (char *)type->tp_as_sequence;
    case IN_MAPPING:
        return (char *)type->tp_as_mapping;
    default:
        return (char *)type;
    }
}

/* Points every slot whose special method the class's MRO defines in Python
   (in a heap type's dict) at the slot function. */
static void
fill_slots(MpHeapTypeObject *ht)
{
    MpTypeObject *type = &ht->ht_type;
    for (size_t i = 0; i < sizeof slotdefs / sizeof slotdefs[0]; i++) {
        const SlotDef *sd = &slotdefs[i];
        /* defined by a class written in Python along the MRO? */
        int defined = 0;
        MpObject *value = NULL;
        MpObject *mro = type->tp_mro;
        for (Mp_ssize_t k = 0; k < MpTuple_GET_SIZE(mro); k++) {
            MpTypeObject *t = (MpTypeObject *)MpTuple_GET_ITEM(mro, k);
            value = MpDict_GetItemString(t->tp_dict, sd->name);
            if (value != NULL) {
                defined = MpType_HasFeature(t, MP_TPFLAGS_HEAPTYPE);
                break;
            }
        }
        if (!defined) {
            continue;
        }
        if (value == Mp_None && strcmp(sd->name, "__hash__") == 0) {
            type->tp_hash = NULL;  // __hash__ = None: unhashable
            continue;
        }
        memcpy(slot_table(type, sd) + sd->offset, &sd->function,
               sizeof(void *));
    }
}

static void slot_tp_finalize(MpObject *self);

void
MpType_UpdateSlots(MpTypeObject *type)
{
    MpTypeObject *base = type->tp_base;
    /* First every slot as the (already updated) base has it, then the
       ones the new MRO defines in Python: a name two slotdefs share
       (__getattr__ and __getattribute__) must not undo the other. */
    for (size_t i = 0; i < sizeof slotdefs / sizeof slotdefs[0]; i++) {
        const SlotDef *sd = &slotdefs[i];
        char *from = slot_table(base, sd);
        void *fn = NULL;
        if (from != NULL) {
            memcpy(&fn, from + sd->offset, sizeof fn);
        }
        memcpy(slot_table(type, sd) + sd->offset, &fn, sizeof fn);
    }
    type->tp_finalize = base->tp_finalize;
    fill_slots((MpHeapTypeObject *)type);
    MpObject *del = MpStr_InternFromString("__del__");
    if (del != NULL) {
        MpType_Modified(type);
        if (MpType_Lookup(type, del) != NULL) {
            type->tp_finalize = slot_tp_finalize;
        }
        Mp_DECREF(del);
    }
    else {
        MpErr_Clear();
    }
    MpType_Modified(type);
}
/* }====== */

/* {====== Instances of classes ====== */

/* The nearest base written in C: where the instance's memory layout and
   its C dealloc come from. */
static MpTypeObject *
static_base(MpTypeObject *type)
{
    while (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        type = type->tp_base;
    }
    return type;
}

/* The __slots__ values of self: for each class along the base chain that
   added slots, the object pointers its members describe. */
static int
traverse_slots(MpObject *self, visitproc visit, void *arg)
{
    for (MpTypeObject *t = Mp_TYPE(self);
         MpType_HasFeature(t, MP_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        for (MpMemberDef *m = ((MpHeapTypeObject *)t)->ht_members;
             m != NULL && m->name != NULL; m++) {
            MpObject *v = *(MpObject **)((char *)self + m->offset);
            if (v != NULL && visit(v, arg)) {
                return 1;
            }
        }
    }
    return 0;
}

static void
clear_slots(MpObject *self)
{
    for (MpTypeObject *t = Mp_TYPE(self);
         MpType_HasFeature(t, MP_TPFLAGS_HEAPTYPE); t = t->tp_base) {
        for (MpMemberDef *m = ((MpHeapTypeObject *)t)->ht_members;
             m != NULL && m->name != NULL; m++) {
            Mp_CLEAR((MpObject **)((char *)self + m->offset));
        }
    }
}

static void
subtype_dealloc(MpObject *self)
{
    MpTypeObject *type = Mp_TYPE(self);
    /* __del__ runs first, with the object still whole (PEP 442); it may
       resurrect the object by storing a reference somewhere. */
    if (type->tp_finalize != NULL && !MpObject_GC_IsFinalized(self)) {
        /* __del__ runs at most once, even if the object is resurrected
           and dies again (PEP 442) */
        MpObject_GC_SetFinalized(self);
        self->ob_refcnt = 1;  // alive again while __del__ runs
        type->tp_finalize(self);
        if (--self->ob_refcnt != 0) {
            return;  // resurrected
        }
    }
    MpObject_GC_UnTrack(self);
    MpTypeObject *base = static_base(type);
    /* Weak references die before anything of the object is torn down
       (their callbacks cannot reach it any more); the C base clears them
       itself when the slot is its own. */
    if (type->tp_weaklistoffset != 0 && base->tp_weaklistoffset == 0) {
        MpObject_ClearWeakRefs(self);
    }
    clear_slots(self);
    /* The __dict__ slot is ours to clear when a class added it (the C
       base has none); otherwise the C base's dealloc clears it. */
    MpObject **dictp = MpObject_GetDictPtr(self);
    if (dictp != NULL && base->tp_dictoffset == 0) {
        Mp_CLEAR(dictp);
    }
    if (base->tp_dealloc != NULL && base != &MpBaseObject_Type) {
        base->tp_dealloc(self);
    }
    else {
        MpObject_Free(self);
    }
}

static int
subtype_traverse(MpObject *self, visitproc visit, void *arg)
{
    /* an instance holds a reference to its class: the collector must
       count it, or a class reachable only from its own instances in a
       cycle would look alive */
    if (visit((MpObject *)Mp_TYPE(self), arg)) {
        return 1;
    }
    /* the __dict__ slot is ours when no C base has one (else the C
       base's traverse visits it: it must be counted once) */
    MpTypeObject *base = static_base(Mp_TYPE(self));
    MpObject **dictp = MpObject_GetDictPtr(self);
    if (dictp != NULL && *dictp != NULL && base->tp_dictoffset == 0 &&
        visit(*dictp, arg)) {
        return 1;
    }
    if (traverse_slots(self, visit, arg)) {
        return 1;
    }
    if (base->tp_traverse != NULL) {
        return base->tp_traverse(self, visit, arg);
    }
    return 0;
}

static int
subtype_clear(MpObject *self)
{
    clear_slots(self);
    MpTypeObject *base = static_base(Mp_TYPE(self));
    MpObject **dictp = MpObject_GetDictPtr(self);
    if (dictp != NULL && base->tp_dictoffset == 0) {
        Mp_CLEAR(dictp);
    }
    if (base->tp_clear != NULL) {
        return base->tp_clear(self);
    }
    return 0;
}

static void
slot_tp_finalize(MpObject *self)
{
    MpObject *saved = MpErr_GetRaisedException();
    MpObject *r = call_required(self, "__del__", NULL, 0);
    if (r == NULL) {
        MpObject *key = MpStr_InternFromString("__del__");
        MpObject *del = key ? MpType_Lookup(Mp_TYPE(self), key) : NULL;
        Mp_XDECREF(key);
        MpErr_WriteUnraisable(del);
    }
    Mp_XDECREF(r);
    MpErr_SetRaisedException(saved);
}
/* }====== */

/* {====== __dict__ of instances ====== */

static MpObject *
subtype_dict_get(MpObject *self, void *closure)
{
    MpObject **dictp = MpObject_GetDictPtr(self);
    if (dictp == NULL) {
        return MpErr_Format(MpExc_AttributeError,
                            "This object has no __dict__");
    }
    if (*dictp == NULL && (*dictp = MpDict_New()) == NULL) {
        return NULL;
    }
    return Mp_NewRef(*dictp);
}

static int
subtype_dict_set(MpObject *self, MpObject *value, void *closure)
{
    MpObject **dictp = MpObject_GetDictPtr(self);
    if (dictp == NULL) {
        MpErr_SetString(MpExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!MpDict_Check(value)) {
        MpErr_Format(MpExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%s'",
                     MpType_Name(Mp_TYPE(value)));
        return -1;
    }
    Mp_INCREF(value);
    Mp_SETREF(dictp, value);
    return 0;
}

static MpGetSetDef subtype_dict_getset = {"__dict__", subtype_dict_get,
                                          subtype_dict_set, NULL, NULL};

/* obj.__weakref__: the first weak reference to obj, or None. */
static MpObject *
subtype_weakref_get(MpObject *self, void *closure)
{
    MpObject **list = MpObject_WeakListPtr(self);
    return Mp_NewRef(list != NULL && *list != NULL ? *list : Mp_None);
}

static MpGetSetDef subtype_weakref_getset = {"__weakref__",
                                             subtype_weakref_get, NULL,
                                             NULL, NULL};
/* }====== */

/* {====== Creating a class ====== */

/* 3.11 reports an exception from __set_name__ as a RuntimeError naming
   the attribute, caused by the original (3.12 stopped wrapping it). */
static void
set_name_error(MpTypeObject *type, MpObject *key, MpObject *value)
{
    MpObject *cause = MpErr_GetRaisedException();
    MpErr_Format(MpExc_RuntimeError,
                 "Error calling __set_name__ on '%.100s' instance %R "
                 "in '%.100s'",
                 MpType_Name(Mp_TYPE(value)), key, MpType_Name(type));
    MpObject *exc = MpErr_GetRaisedException();
    if (exc != NULL && cause != NULL) {
        MpObject_SetAttrString(exc, "__context__", cause);
        MpObject_SetAttrString(exc, "__cause__", cause);
    }
    Mp_XDECREF(cause);
    MpErr_SetRaisedException(exc);
}

/* value.__set_name__(cls, name) for every attribute of the new class whose
   type defines it (descriptors learning their name, PEP 487).  The
   namespace is copied first: a __set_name__ may change the class. */
static int
set_names(MpTypeObject *type)
{
    static MpStrIdentifier id_set_name = MP_STR_IDENTIFIER("__set_name__");
    MpObject *hook_name = MpStr_FromIdentifier(&id_set_name);
    MpObject *ns = hook_name ? MpDict_Copy(type->tp_dict) : NULL;
    if (ns == NULL) {
        return -1;
    }
    Mp_ssize_t pos = 0;
    MpObject *key, *value;
    int r = 0;
    while (r == 0 && MpDict_Next(ns, &pos, &key, &value)) {
        MpObject *hook = MpType_Lookup(Mp_TYPE(value), hook_name);
        if (hook == NULL) {
            continue;
        }
        MpObject *args[3] = {value, (MpObject *)type, key};
        Mp_INCREF(hook);
        MpObject *res;
        descrgetfunc get = Mp_TYPE(hook)->tp_descr_get;
        if (get != NULL) {
            MpObject *bound = get(hook, value, (MpObject *)Mp_TYPE(value));
            res = bound ? MpObject_Vectorcall(bound, args + 1, 2, NULL) : NULL;
            Mp_XDECREF(bound);
        }
        else {
            res = MpObject_Vectorcall(hook, args, 3, NULL);
        }
        Mp_DECREF(hook);
        if (res == NULL) {
            r = -1;
            set_name_error(type, key, value);
        }
        Mp_XDECREF(res);
    }
    Mp_DECREF(ns);
    return r;
}

MpTypeObject *
MpType_SolidBase(MpTypeObject *type)
{
    for (;;) {
        MpTypeObject *base = type->tp_base;
        if (base == NULL) {
            return type;
        }
        if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
            MpObject *slots = ((MpHeapTypeObject *)type)->ht_slots;
            if (slots != NULL && MpTuple_GET_SIZE(slots) > 0) {
                return type;
            }
        }
        else if (type->tp_basicsize != base->tp_basicsize ||
                 type->tp_itemsize != base->tp_itemsize) {
            return type;  // a C type with fields of its own
        }
        type = base;
    }
}

/* The base whose layout the new class extends: every base's solid layout
   must be an ancestor-or-self of the winner's ("multiple bases have
   instance lay-out conflict" otherwise). */
static MpTypeObject *
best_base(MpObject *bases)
{
    MpTypeObject *winner = NULL, *winner_layout = NULL;
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(bases); i++) {
        MpObject *b = MpTuple_GET_ITEM(bases, i);
        if (!MpType_Check(b)) {
            MpErr_SetString(MpExc_TypeError, "bases must be types");
            return NULL;
        }
        MpTypeObject *bt = (MpTypeObject *)b;
        if (!MpType_HasFeature(bt, MP_TPFLAGS_BASETYPE)) {
            MpErr_Format(MpExc_TypeError,
                         "type '%s' is not an acceptable base type",
                         bt->tp_name);
            return NULL;
        }
        MpTypeObject *layout = MpType_SolidBase(bt);
        if (winner == NULL) {
            winner = bt;
            winner_layout = layout;
        }
        else if (MpType_IsSubtype(winner_layout, layout)) {
            /* the winner's layout already contains this one */
        }
        else if (MpType_IsSubtype(layout, winner_layout)) {
            winner = bt;
            winner_layout = layout;
        }
        else {
            MpErr_SetString(MpExc_TypeError,
                            "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return winner;
}

MpTypeObject *
MpType_BestBase(MpObject *bases)
{
    return best_base(bases);
}

/* {====== __slots__ ======
   `__slots__ = ('x', 'y')` replaces the per-instance __dict__ by fixed
   fields: each name gets an object pointer in the instance, after the
   base's layout, and a member descriptor in the class that reads and
   writes it (<member 'x' of 'C' objects>).  '__dict__' and '__weakref__'
   among the names ask for those two slots instead.  The names are mangled
   like private attributes and sorted, as CPython does. */

typedef struct {
    MpObject *names;  // list of the mangled field names, sorted
    int add_dict;
    int add_weak;
} SlotsSpec;

/* "__x" in class "_C" -> "_C__x"; other names unchanged.  Refs: NEW. */
static MpObject *
mangle(MpObject *classname, MpObject *name)
{
    const char *n = MpStr_AsUTF8(name);
    const char *c = MpStr_AsUTF8(classname);
    if (n == NULL || c == NULL) {
        return NULL;
    }
    size_t len = strlen(n);
    if (len < 2 || n[0] != '_' || n[1] != '_' ||
        (len >= 4 && n[len - 1] == '_' && n[len - 2] == '_') ||
        strchr(n, '.') != NULL) {
        return Mp_NewRef(name);
    }
    while (*c == '_') {
        c++;
    }
    if (*c == '\0') {
        return Mp_NewRef(name);
    }
    return MpStr_FromFormat("_%s%s", c, n);
}

/* Reads ns['__slots__'] (absent: a __dict__ and a __weakref__ slot when
   the base has none).  Returns 0 or -1 with CPython's TypeError or
   ValueError; spec->names NULL when there is no __slots__. */
static int
parse_slots(MpObject *name, MpTypeObject *base, MpObject *ns,
            SlotsSpec *spec)
{
    /* a variable-size base (str, bytes, tuple) gets its __dict__ in front
       of the object (add_layout) */
    int may_add_dict = base->tp_dictoffset == 0;
    /* not for the bases whose CPython layout is variable-sized (int,
       tuple, bytes: "cannot create weak reference to 'I' object"); str's
       is not, so its subclasses get a __weakref__ (in front, as __dict__) */
    int may_add_weak = base->tp_weaklistoffset == 0 &&
                       (base->tp_itemsize == 0 ||
                        MpType_HasFeature(base, MP_TPFLAGS_STR_SUBCLASS)) &&
                       !MpType_HasFeature(base, MP_TPFLAGS_INT_SUBCLASS |
                                                    MP_TPFLAGS_TUPLE_SUBCLASS |
                                                    MP_TPFLAGS_BYTES_SUBCLASS);
    spec->names = NULL;
    spec->add_dict = spec->add_weak = 0;
    MpObject *slots = MpDict_GetItemString(ns, "__slots__");
    if (slots == NULL) {
        spec->add_dict = may_add_dict;
        spec->add_weak = may_add_weak;
        return 0;
    }
    MpObject *seq;
    if (MpStr_Check(slots)) {
        seq = MpTuple_FromArray(&slots, 1);
    }
    else {
        seq = MpTuple_FromIterable(slots);
    }
    if (seq == NULL) {
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(seq);
    if (n > 0 && base->tp_itemsize != 0) {
        MpErr_Format(MpExc_TypeError,
                     "nonempty __slots__ not supported for subtype of '%s'",
                     base->tp_name);
        goto error;
    }
    spec->names = MpList_New(0);
    if (spec->names == NULL) {
        goto error;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *item = MpTuple_GET_ITEM(seq, i);
        if (!MpStr_Check(item)) {
            MpErr_Format(MpExc_TypeError,
                         "__slots__ items must be strings, not '%s'",
                         MpType_Name(Mp_TYPE(item)));
            goto error;
        }
        MpObject *ok = MpObject_CallMethod(item, "isidentifier", NULL, 0);
        if (ok == NULL) {
            goto error;
        }
        Mp_DECREF(ok);
        if (ok != Mp_True) {
            MpErr_SetString(MpExc_TypeError,
                            "__slots__ must be identifiers");
            goto error;
        }
        if (MpStr_CompareWithASCII(item, "__dict__") == 0) {
            if (!may_add_dict || spec->add_dict) {
                MpErr_SetString(MpExc_TypeError,
                                "__dict__ slot disallowed: we already got "
                                "one");
                goto error;
            }
            spec->add_dict = 1;
            continue;
        }
        if (MpStr_CompareWithASCII(item, "__weakref__") == 0) {
            if (!may_add_weak || spec->add_weak) {
                MpErr_SetString(MpExc_TypeError,
                                "__weakref__ slot disallowed: either we "
                                "already got one, or __itemsize__ != 0");
                goto error;
            }
            spec->add_weak = 1;
            continue;
        }
        MpObject *m = mangle(name, item);
        if (m == NULL) {
            goto error;
        }
        MpStr_InternInPlace(&m);
        int r = MpList_Append(spec->names, m);
        Mp_DECREF(m);
        if (r < 0) {
            goto error;
        }
    }
    if (MpList_Sort(spec->names) < 0) {
        goto error;
    }
    for (Mp_ssize_t i = 0; i < Mp_SIZE(spec->names); i++) {
        MpObject *m = MpList_GET_ITEM(spec->names, i);
        int r = MpDict_Contains(ns, m);
        if (r < 0) {
            goto error;
        }
        if (r) {
            MpErr_Format(MpExc_ValueError,
                         "%R in __slots__ conflicts with class variable", m);
            goto error;
        }
    }
    Mp_DECREF(seq);
    return 0;
error:
    Mp_DECREF(seq);
    Mp_CLEAR(&spec->names);
    return -1;
}

/* The offset of a new pointer slot (__dict__ or __weakref__) of type's
   instances: after the fixed part, growing tp_basicsize, or, when items
   follow the fixed part, in front of the GC header, one word further out
   than the slots already there (see tp_dictoffset in object.h). */
static Mp_ssize_t
add_pointer_slot(MpTypeObject *type)
{
    if (type->tp_itemsize != 0) {
        return -(Mp_ssize_t)(sizeof(MpGCHead) + MpType_PrefixSize(type) +
                             sizeof(MpObject *));
    }
    Mp_ssize_t offset = type->tp_basicsize;
    type->tp_basicsize += sizeof(MpObject *);
    return offset;
}
/* Gives the class its layout: the slot fields after the base's, then the
   __dict__ and __weakref__ pointers; member and getset descriptors for
   them go in the class's dict.  Returns 0 or -1. */
static int
add_layout(MpHeapTypeObject *ht, MpTypeObject *base, SlotsSpec *spec)
{
    MpTypeObject *type = &ht->ht_type;
    type->tp_basicsize = base->tp_basicsize;
    type->tp_itemsize = base->tp_itemsize;
    if (spec->names != NULL) {
        Mp_ssize_t n = Mp_SIZE(spec->names);
        ht->ht_slots = MpList_AsTuple(spec->names);
        if (ht->ht_slots == NULL) {
            return -1;
        }
        ht->ht_members = calloc((size_t)n + 1, sizeof(MpMemberDef));
        if (ht->ht_members == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        for (Mp_ssize_t i = 0; i < n; i++) {
            MpMemberDef *m = &ht->ht_members[i];
            /* the name's bytes live as long as ht_slots */
            m->name = MpStr_AsUTF8(MpTuple_GET_ITEM(ht->ht_slots, i));
            m->type = MP_T_OBJECT_EX;
            m->offset = type->tp_basicsize;
            type->tp_basicsize += sizeof(MpObject *);
            MpObject *d = MpDescr_NewMember(type, m);
            if (d == NULL ||
                MpDict_SetItem(type->tp_dict, MpTuple_GET_ITEM(ht->ht_slots, i),
                               d) < 0) {
                Mp_XDECREF(d);
                return -1;
            }
            Mp_DECREF(d);
        }
    }
    type->tp_dictoffset = base->tp_dictoffset;
    type->tp_weaklistoffset = base->tp_weaklistoffset;
    if (spec->add_dict) {
        type->tp_dictoffset = add_pointer_slot(type);
    }
    if (spec->add_weak) {
        type->tp_weaklistoffset = add_pointer_slot(type);
    }
    MpGetSetDef *defs[2] = {spec->add_dict ? &subtype_dict_getset : NULL,
                            spec->add_weak ? &subtype_weakref_getset : NULL};
    for (int i = 0; i < 2; i++) {
        if (defs[i] == NULL ||
            MpDict_GetItemString(type->tp_dict, defs[i]->name) != NULL) {
            continue;
        }
        MpObject *d = MpDescr_NewGetSet(type, defs[i]);
        if (d == NULL ||
            MpDict_SetItemString(type->tp_dict, defs[i]->name, d) < 0) {
            Mp_XDECREF(d);
            return -1;
        }
        Mp_DECREF(d);
    }
    return 0;
}
/* }====== */

/* __subclasses__ bookkeeping: base.tp_subclasses maps the address of each
   direct subclass (an int) to the same int.  The subclasses are not kept
   alive by their bases: a class takes itself out when it dies
   (MpType_RemoveSubclass in type_dealloc). */
int
MpType_AddSubclass(MpTypeObject *base, MpTypeObject *type)
{
    if (base->tp_subclasses == NULL &&
        (base->tp_subclasses = MpDict_New()) == NULL) {
        return -1;
    }
    MpObject *key = MpLong_FromSsize_t((Mp_ssize_t)(uintptr_t)type);
    if (key == NULL) {
        return -1;
    }
    int r = MpDict_SetItem(base->tp_subclasses, key, key);
    Mp_DECREF(key);
    return r;
}

void
MpType_RemoveSubclass(MpTypeObject *base, MpTypeObject *type)
{
    if (base->tp_subclasses == NULL) {
        return;
    }
    MpObject *saved = MpErr_GetRaisedException();
    MpObject *key = MpLong_FromSsize_t((Mp_ssize_t)(uintptr_t)type);
    if (key == NULL || MpDict_DelItem(base->tp_subclasses, key) < 0) {
        MpErr_Clear();
    }
    Mp_XDECREF(key);
    MpErr_SetRaisedException(saved);
}

MpObject *
MpType_New(MpTypeObject *meta, MpObject *name, MpObject *bases,
           MpObject *ns)
{
    if (MpTuple_GET_SIZE(bases) == 0) {
        MpObject *obj = (MpObject *)&MpBaseObject_Type;
        bases = MpTuple_FromArray(&obj, 1);
    }
    else {
        Mp_INCREF(bases);
    }
    if (bases == NULL) {
        return NULL;
    }
    MpTypeObject *base = best_base(bases);
    if (base == NULL) {
        Mp_DECREF(bases);
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(bases); i++) {
        for (Mp_ssize_t k = 0; k < i; k++) {
            if (MpTuple_GET_ITEM(bases, i) == MpTuple_GET_ITEM(bases, k)) {
                MpErr_Format(MpExc_TypeError, "duplicate base class %s",
                             MpType_Name((MpTypeObject *)MpTuple_GET_ITEM(
                                 bases, i)));
                Mp_DECREF(bases);
                return NULL;
            }
        }
    }
    SlotsSpec spec;
    if (parse_slots(name, base, ns, &spec) < 0) {
        Mp_DECREF(bases);
        return NULL;
    }
    MpHeapTypeObject *ht = (MpHeapTypeObject *)MpObject_New(meta);
    if (ht == NULL) {
        Mp_DECREF(bases);
        Mp_XDECREF(spec.names);
        return NULL;
    }
    MpTypeObject *type = &ht->ht_type;
    type->tp_flags = MP_TPFLAGS_HEAPTYPE | MP_TPFLAGS_BASETYPE |
                     MP_TPFLAGS_HAVE_GC;
    type->tp_bases = bases;
    type->tp_base = (MpTypeObject *)Mp_NewRef(base);
    ht->ht_name = Mp_NewRef(name);
    type->tp_name = MpStr_AsUTF8(name);
    type->tp_as_number = &ht->as_number;
    type->tp_as_sequence = &ht->as_sequence;
    type->tp_as_mapping = &ht->as_mapping;
    type->tp_dealloc = subtype_dealloc;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_dict = MpDict_Copy(ns);
    /* tracked from here on: the descriptors added below point back at
       the class, so a class that fails half-built is a cycle only the
       collector can free (its metaclass's mro() may even hold it) */
    MpObject_GC_Track(ht);
    if (type->tp_dict == NULL || type->tp_name == NULL) {
        Mp_XDECREF(spec.names);
        Mp_DECREF(ht);
        return NULL;
    }
    /* __qualname__ lives in the type, not its dict */
    MpObject *qualname = MpDict_GetItemString(type->tp_dict, "__qualname__");
    if (qualname != NULL && !MpStr_Check(qualname)) {
        MpErr_Format(MpExc_TypeError,
                     "type __qualname__ must be a str, not %s",
                     MpType_Name(Mp_TYPE(qualname)));
        Mp_XDECREF(spec.names);
        Mp_DECREF(ht);
        return NULL;
    }
    ht->ht_qualname = Mp_NewRef(qualname ? qualname : name);
    if (qualname != NULL &&
        MpDict_DelItemString(type->tp_dict, "__qualname__") < 0) {
        Mp_XDECREF(spec.names);
        Mp_DECREF(ht);
        return NULL;
    }
    /* type(name, bases, ns) without __module__ in ns: the module whose
       code is running, as CPython's type_new_set_module does. */
    if (MpDict_GetItemString(type->tp_dict, "__module__") == NULL) {
        MpObject *globals = MpEval_GetGlobals();
        MpObject *modname = globals && MpDict_Check(globals)
                                ? MpDict_GetItemString(globals, "__name__")
                                : NULL;
        if (modname != NULL &&
            MpDict_SetItemString(type->tp_dict, "__module__", modname) < 0) {
            Mp_XDECREF(spec.names);
            Mp_DECREF(ht);
            return NULL;
        }
    }
    /* __new__ is implicitly a static method; __init_subclass__ and
       __class_getitem__ implicitly class methods. */
    static const char *const implicit[][2] = {
        {"__new__", "s"},
        {"__init_subclass__", "c"},
        {"__class_getitem__", "c"},
    };
    for (size_t i = 0; i < 3; i++) {
        MpObject *f = MpDict_GetItemString(type->tp_dict, implicit[i][0]);
        if (f != NULL && MpFunction_Check(f)) {
            MpObject *w = implicit[i][1][0] == 's' ? MpStaticMethod_New(f)
                                                   : MpClassMethod_New(f);
            if (w == NULL || MpDict_SetItemString(type->tp_dict,
                                                  implicit[i][0], w) < 0) {
                Mp_XDECREF(w);
                Mp_XDECREF(spec.names);
                Mp_DECREF(ht);
                return NULL;
            }
            Mp_DECREF(w);
        }
    }
    int r = add_layout(ht, base, &spec);
    Mp_XDECREF(spec.names);
    if (r < 0) {
        Mp_DECREF(ht);
        return NULL;
    }
    if (MpDict_GetItemString(type->tp_dict, "__doc__") == NULL &&
        MpDict_SetItemString(type->tp_dict, "__doc__", Mp_None) < 0) {
        Mp_DECREF(ht);
        return NULL;
    }
    /* type(name, bases, ns) without __module__: the caller's module, as
       a class statement's body would have set it */
    if (MpDict_GetItemString(type->tp_dict, "__module__") == NULL) {
        MpObject *globals = MpEval_GetGlobals();
        MpObject *modname =
            globals ? MpDict_GetItemString(globals, "__name__") : NULL;
        if (modname != NULL &&
            MpDict_SetItemString(type->tp_dict, "__module__", modname) < 0) {
            Mp_DECREF(ht);
            return NULL;
        }
    }
    if (MpType_Ready(type) < 0) {
        Mp_DECREF(ht);
        return NULL;
    }
    fill_slots(ht);
    /* A class whose body defines __eq__ but not __hash__ is unhashable
       (only at creation: assigning C.__eq__ later keeps the hash). */
    if (MpDict_GetItemString(type->tp_dict, "__eq__") != NULL &&
        MpDict_GetItemString(type->tp_dict, "__hash__") == NULL) {
        type->tp_hash = NULL;
        if (MpDict_SetItemString(type->tp_dict, "__hash__", Mp_None) < 0) {
            Mp_DECREF(ht);
            return NULL;
        }
    }
    MpObject *del = MpStr_InternFromString("__del__");
    if (del == NULL) {
        Mp_DECREF(ht);
        return NULL;
    }
    if (MpType_Lookup(type, del) != NULL) {
        type->tp_finalize = slot_tp_finalize;
    }
    Mp_DECREF(del);
    MpType_Modified(type);  // fill_slots wrote to the dict after Ready
    if (set_names(type) < 0) {
        Mp_DECREF(ht);
        return NULL;
    }
    return (MpObject *)ht;
}
/* }====== */

/* {====== Slot wrappers: C slots seen from Python ======
   A built-in type's special methods are its C slots.  So that int.__add__,
   object.__init__ and list.__len__ exist as attributes (and super() and
   explicit calls reach them), MpType_Ready puts a wrapper_descriptor in
   the dict of each static type for every slot the type itself defines.
   Calling the wrapper converts the Python arguments to the slot's C
   signature (wrapper_call); reaching it through an instance binds it like
   a method. */

typedef struct {
    MpObject_HEAD
    MpTypeObject *w_type;  // the class that defines the slot
    const SlotDef *w_def;
    void *w_func;          // the slot's C function
} MpWrapperDescrObject;

static void
wrapper_descr_dealloc(MpObject *o)
{
    Mp_XDECREF(((MpWrapperDescrObject *)o)->w_type);
    MpObject_Free(o);
}

static MpObject *
wrapper_descr_repr(MpObject *o)
{
    MpWrapperDescrObject *w = (MpWrapperDescrObject *)o;
    return MpStr_FromFormat("<slot wrapper '%s' of '%s' objects>",
                            w->w_def->name, MpType_Name(w->w_type));
}

static MpObject *
none_or_error(int r)
{
    return r < 0 ? NULL : Mp_NewRef(Mp_None);
}

static int
richcmp_op(const char *name)
{
    for (int op = 0; op < 6; op++) {
        if (strcmp(name, richcmp_names[op]) == 0) {
            return op;
        }
    }
    return Mp_EQ;
}

/* The number of arguments after self each kind takes. */
static int
wrap_arity(WrapKind k)
{
    switch (k) {
    case W_UNARY:
    case W_NEXT:
    case W_HASH:
    case W_LEN:
    case W_BOOL:
        return 0;
    case W_SETITEM:
    case W_SETATTR:
    case W_DESCR_SET:
        return 2;
    default:
        return 1;
    }
}

static MpObject *
wrapper_call(MpObject *o, MpObject *const *args, size_t nargs,
             MpObject *kwnames)
{
    MpWrapperDescrObject *w = (MpWrapperDescrObject *)o;
    const SlotDef *d = w->w_def;
    if (nargs < 1) {
        return MpErr_Format(MpExc_TypeError,
                            "descriptor '%s' of '%s' object needs an "
                            "argument",
                            d->name, MpType_Name(w->w_type));
    }
    MpObject *self = args[0];
    if (!MpType_IsSubtype(Mp_TYPE(self), w->w_type)) {
        return MpErr_Format(MpExc_TypeError,
                            "descriptor '%s' requires a '%s' object but "
                            "received a '%s'",
                            d->name, MpType_Name(w->w_type),
                            MpType_Name(Mp_TYPE(self)));
    }
    args++;
    nargs--;
    if (d->kind == W_CALL) {
        return ((vectorcallfunc)w->w_func)(self, args, nargs, kwnames);
    }
    if (d->kind == W_INIT) {
        MpObject *tuple = MpTuple_FromArray(args, (Mp_ssize_t)nargs);
        if (tuple == NULL) {
            return NULL;
        }
        MpObject *kw = NULL;
        if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
            kw = MpArg_KwnamesToDict(args + nargs, kwnames);
            if (kw == NULL) {
                Mp_DECREF(tuple);
                return NULL;
            }
        }
        int r = ((initproc)w->w_func)(self, tuple, kw);
        Mp_DECREF(tuple);
        Mp_XDECREF(kw);
        return none_or_error(r);
    }
    if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "wrapper %s() takes no keyword arguments",
                            d->name);
    }
    int want = wrap_arity(d->kind);
    int optional = d->kind == W_POW || d->kind == W_DESCR_GET;
    if ((int)nargs != want && !(optional && (int)nargs == want + 1)) {
        return MpErr_Format(MpExc_TypeError,
                            "expected %d argument%s, got %zu", want,
                            want == 1 ? "" : "s", nargs);
    }
    void *f = w->w_func;
    switch (d->kind) {
    case W_UNARY:
        return ((unaryfunc)f)(self);
    case W_NEXT: {
        MpObject *r = ((iternextfunc)f)(self);
        if (r == NULL && !MpErr_Occurred()) {
            MpErr_SetObject(MpExc_StopIteration, Mp_None);
        }
        return r;
    }
    case W_HASH: {
        Mp_hash_t h = ((hashfunc)f)(self);
        return h == -1 ? NULL : MpLong_FromInt64(h);
    }
    case W_LEN: {
        Mp_ssize_t n = ((lenfunc)f)(self);
        return n < 0 ? NULL : MpLong_FromSsize_t(n);
    }
    case W_BOOL: {
        int t = ((inquiry)f)(self);
        return t < 0 ? NULL : MpBool_FromLong(t);
    }
    case W_BINARY:
        return ((binaryfunc)f)(self, args[0]);
    case W_RBINARY:
        return ((binaryfunc)f)(args[0], self);
    case W_REPEAT: {
        Mp_ssize_t n = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
        if (n == -1 && MpErr_Occurred()) {
            return NULL;
        }
        return ((ssizeargfunc)f)(self, n);
    }
    case W_POW:
        return ((ternaryfunc)f)(self, args[0], nargs > 1 ? args[1] : Mp_None);
    case W_RPOW:
        return ((ternaryfunc)f)(args[0], self, Mp_None);
    case W_RICHCMP:
        return ((richcmpfunc)f)(self, args[0], richcmp_op(d->name));
    case W_CONTAINS: {
        int t = ((objobjproc)f)(self, args[0]);
        return t < 0 ? NULL : MpBool_FromLong(t);
    }
    case W_SETITEM:
        return none_or_error(((objobjargproc)f)(self, args[0], args[1]));
    case W_DELITEM:
        return none_or_error(((objobjargproc)f)(self, args[0], NULL));
    case W_SETATTR:
        return none_or_error(((setattrofunc)f)(self, args[0], args[1]));
    case W_DELATTR:
        return none_or_error(((setattrofunc)f)(self, args[0], NULL));
    case W_DESCR_GET: {
        MpObject *obj = args[0] == Mp_None ? NULL : args[0];
        MpObject *type = nargs > 1 && args[1] != Mp_None ? args[1] : NULL;
        if (obj == NULL && type == NULL) {
            return MpErr_Format(MpExc_TypeError,
                                "__get__(None, None) is invalid");
        }
        return ((descrgetfunc)f)(self, obj, type);
    }
    case W_DESCR_SET:
        return none_or_error(((descrsetfunc)f)(self, args[0], args[1]));
    case W_DESCR_DEL:
        return none_or_error(((descrsetfunc)f)(self, args[0], NULL));
    default:
        return MpErr_BadInternalCall("wrapper_call");
    }
}

/* Reached through an instance: a bound method (self remembered). */
static MpObject *
wrapper_descr_get(MpObject *o, MpObject *obj, MpObject *type)
{
    if (obj == NULL) {
        return Mp_NewRef(o);
    }
    return MpMethod_New(o, obj);
}

static MpObject *
wrapper_descr_get_name(MpObject *o, void *closure)
{
    return MpStr_FromString(((MpWrapperDescrObject *)o)->w_def->name);
}

static MpObject *
wrapper_descr_get_objclass(MpObject *o, void *closure)
{
    return Mp_NewRef(((MpWrapperDescrObject *)o)->w_type);
}

static MpGetSetDef wrapper_descr_getset[] = {
    {"__name__", wrapper_descr_get_name, NULL, NULL, NULL},
    {"__objclass__", wrapper_descr_get_objclass, NULL, NULL, NULL},
    {NULL},
};

MpTypeObject MpWrapperDescr_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(MpWrapperDescrObject),
    .tp_dealloc = wrapper_descr_dealloc,
    .tp_repr = wrapper_descr_repr,
    .tp_call = wrapper_call,
    .tp_descr_get = wrapper_descr_get,
    .tp_getset = wrapper_descr_getset,
};

/* T.__new__(S, ...): S must be a subtype of T; runs T's tp_new for S. */
static MpObject *
tp_new_wrapper(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    MpTypeObject *type = (MpTypeObject *)self;
    if (nargs < 1) {
        return MpErr_Format(MpExc_TypeError, "%s.__new__(): not enough "
                                             "arguments",
                            MpType_Name(type));
    }
    if (!MpType_Check(args[0])) {
        return MpErr_Format(MpExc_TypeError,
                            "%s.__new__(X): X is not a type object (%s)",
                            MpType_Name(type), MpType_Name(Mp_TYPE(args[0])));
    }
    MpTypeObject *sub = (MpTypeObject *)args[0];
    if (!MpType_IsSubtype(sub, type)) {
        return MpErr_Format(MpExc_TypeError,
                            "%s.__new__(%s): %s is not a subtype of %s",
                            MpType_Name(type), MpType_Name(sub),
                            MpType_Name(sub), MpType_Name(type));
    }
    /* The nearest base of sub with a C tp_new must use type's: else
       object.__new__(int) would make an int without int's set-up. */
    MpTypeObject *staticbase = sub;
    while (staticbase != NULL && staticbase->tp_new == slot_tp_new) {
        staticbase = staticbase->tp_base;
    }
    if (staticbase != NULL && staticbase->tp_new != type->tp_new) {
        return MpErr_Format(MpExc_TypeError,
                            "%s.__new__(%s) is not safe, use %s.__new__()",
                            MpType_Name(type), MpType_Name(sub),
                            MpType_Name(staticbase));
    }
    MpObject *tuple = MpTuple_FromArray(args + 1, nargs - 1);
    if (tuple == NULL) {
        return NULL;
    }
    MpObject *kw = NULL;
    if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
        kw = MpArg_KwnamesToDict(args + nargs, kwnames);
        if (kw == NULL) {
            Mp_DECREF(tuple);
            return NULL;
        }
    }
    MpObject *r = type->tp_new(sub, tuple, kw);
    MpType_TrackNew(r);
    Mp_DECREF(tuple);
    Mp_XDECREF(kw);
    return r;
}

static MpMethodDef tp_new_def = {
    "__new__", (void *)tp_new_wrapper, MP_METH_FASTCALL | MP_METH_KEYWORDS,
    "Create and return a new object."};

int
MpType_AddSlotWrappers(MpTypeObject *type)
{
    MpObject *dict = type->tp_dict;
    if (type->tp_new != NULL &&
        MpDict_GetItemString(dict, "__new__") == NULL) {
        MpObject *f = MpCFunction_New(&tp_new_def, (MpObject *)type, NULL);
        if (f == NULL || MpDict_SetItemString(dict, "__new__", f) < 0) {
            Mp_XDECREF(f);
            return -1;
        }
        Mp_DECREF(f);
    }
    for (size_t i = 0; i < sizeof slotdefs / sizeof slotdefs[0]; i++) {
        const SlotDef *sd = &slotdefs[i];
        if (sd->kind == W_NONE) {
            continue;
        }
        char *table;
        switch (sd->where) {
        case IN_NUMBER:
            table = (char *)type->tp_as_number;
            break;
        case IN_SEQUENCE:
            table = (char *)type->tp_as_sequence;
            break;
        case IN_MAPPING:
            table = (char *)type->tp_as_mapping;
            break;
        default:
            table = (char *)type;
        }
        if (table == NULL) {
            continue;
        }
        void *fn;
        memcpy(&fn, table + sd->offset, sizeof fn);
        if (fn == NULL || MpDict_GetItemString(dict, sd->name) != NULL ||
            fn == (void *)MpObject_HashNotImplemented) {
            continue;  // (an unhashable type gets __hash__ = None)
        }
        if (fn == (void *)MpObject_HashNotImplemented) {
            if (MpDict_SetItemString(dict, sd->name, Mp_None) < 0) {
                return -1;
            }
            continue;
        }
        MpWrapperDescrObject *w =
            (MpWrapperDescrObject *)MpObject_New(&MpWrapperDescr_Type);
        if (w == NULL) {
            return -1;
        }
        w->w_type = (MpTypeObject *)Mp_NewRef(type);
        w->w_def = sd;
        w->w_func = fn;
        int r = MpDict_SetItemString(dict, sd->name, (MpObject *)w);
        Mp_DECREF(w);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}
/* }====== */
