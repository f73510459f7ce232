/* weakref.c — weak references (weakref.ref, weakref.proxy) and the
   _weakref module.

   A weak reference points at an object without owning it.  The object
   knows its weak references: its type reserves a pointer-sized slot at
   tp_weaklistoffset that heads a doubly linked list of them.

       object                      ref (callback None)   ref (callback f)
       +-------------+             +-------------+       +-------------+
       | ob_refcnt   |  <--------- | wr_object   |       | wr_object   | --> object
       | ...         |             | wr_callback |       | wr_callback | --> f
       | weaklist  --+-----------> | wr_next   --+-----> | wr_next     |
       +-------------+             +-------------+       +-------------+

   Order on the list, as CPython keeps it: the shared plain ref (no
   callback, exact type ref) first, then the shared plain proxy, then every
   other reference, the newest first.  `weakref.ref(o)` without a callback
   returns the shared one when it exists, so `ref(o) is ref(o)`.

   Which objects have the slot: instances of classes (typeslots.c adds it
   next to __dict__, unless the base is int, tuple or bytes, whose CPython
   layouts are variable-sized), classes themselves (MpTypeObject's
   tp_weaklist), functions, bound and built-in methods, generators and code
   objects.  Instances of int, str, tuple, list, dict ... have none:
   "cannot create weak reference to 'int' object".

   When the object dies, its dealloc calls MpObject_ClearWeakRefs: each
   reference is cleared (wr_object becomes None, it leaves the list, its
   callback is taken from it), then the callbacks are called, each with its
   now dead reference, in list order.  The cycle collector does the
   clearing itself for garbage (gc.c, handle_weakrefs), before any __del__
   runs, and calls only the callbacks of references that are not garbage
   themselves.

   CPython counterpart: Objects/weakrefobject.c, Modules/_weakref.c.
   Read first: MpObject_ClearWeakRefs */
#include "objects/weakref.h"

#include <stdlib.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== The list of references of an object ====== */

static MpWeakReference **
list_head(MpObject *o)
{
    return (MpWeakReference **)MpObject_WeakListPtr(o);
}

static int
is_basic_ref(const MpWeakReference *r)
{
    return r->wr_callback == NULL && Mp_TYPE((const MpObject *)r) == &MpWeakRef_Type;
}

static int
is_basic_proxy(const MpWeakReference *r)
{
    return r->wr_callback == NULL && MpWeakref_CheckProxy((MpObject *)r);
}

/* The shared plain ref and plain proxy of a list, each NULL if none. */
static void
get_basic_refs(MpWeakReference *head, MpWeakReference **ref,
               MpWeakReference **proxy)
{
    *ref = *proxy = NULL;
    if (head != NULL && is_basic_ref(head)) {
        *ref = head;
        head = head->wr_next;
    }
    if (head != NULL && is_basic_proxy(head)) {
        *proxy = head;
    }
}

static void
insert_head(MpWeakReference *r, MpWeakReference **head)
{
    r->wr_prev = NULL;
    r->wr_next = *head;
    if (*head != NULL) {
        (*head)->wr_prev = r;
    }
    *head = r;
}

static void
insert_after(MpWeakReference *r, MpWeakReference *prev)
{
    r->wr_prev = prev;
    r->wr_next = prev->wr_next;
    if (prev->wr_next != NULL) {
        prev->wr_next->wr_prev = r;
    }
    prev->wr_next = r;
}

/* Takes r off its referent's list and makes it dead (wr_object None).
   The callback is left in place. */
static void
unlink_ref(MpWeakReference *r)
{
    if (r->wr_object == Mp_None) {
        return;
    }
    MpWeakReference **head = list_head(r->wr_object);
    if (*head == r) {
        *head = r->wr_next;
    }
    if (r->wr_prev != NULL) {
        r->wr_prev->wr_next = r->wr_next;
    }
    if (r->wr_next != NULL) {
        r->wr_next->wr_prev = r->wr_prev;
    }
    r->wr_prev = r->wr_next = NULL;
    r->wr_object = Mp_None;
}

void
MpWeakref_ClearRef(MpWeakReference *r)
{
    unlink_ref(r);
}

Mp_ssize_t
MpWeakref_Count(MpObject *o)
{
    MpWeakReference **head = list_head(o);
    Mp_ssize_t n = 0;
    for (MpWeakReference *r = head ? *head : NULL; r != NULL; r = r->wr_next) {
        n++;
    }
    return n;
}

void
MpObject_ClearWeakRefs(MpObject *o)
{
    MpWeakReference **head = list_head(o);
    if (head == NULL || *head == NULL) {
        return;
    }
    /* First clear every reference, keeping (ref, callback) for those with
       a callback: a callback must find every reference to o dead already.
       A reference whose own count is 0 is being destroyed: no callback. */
    Mp_ssize_t n = 0;
    for (MpWeakReference *r = *head; r != NULL; r = r->wr_next) {
        n += r->wr_callback != NULL;
    }
    MpObject **calls = n ? malloc(sizeof(MpObject *) * 2 * (size_t)n) : NULL;
    Mp_ssize_t k = 0;
    while (*head != NULL) {
        MpWeakReference *r = *head;
        MpObject *cb = r->wr_callback;
        r->wr_callback = NULL;
        unlink_ref(r);
        if (cb != NULL) {
            if (calls != NULL && r->ob_base.ob_refcnt > 0) {
                calls[k++] = Mp_NewRef(r);
                calls[k++] = cb;
            }
            else {
                Mp_DECREF(cb);
            }
        }
    }
    if (k == 0) {
        free(calls);
        return;
    }
    MpObject *saved = MpErr_GetRaisedException();
    for (Mp_ssize_t i = 0; i < k; i += 2) {
        MpObject *res = MpObject_CallOneArg(calls[i + 1], calls[i]);
        if (res == NULL) {
            MpErr_WriteUnraisable(calls[i + 1]);
        }
        Mp_XDECREF(res);
        Mp_DECREF(calls[i + 1]);
        Mp_DECREF(calls[i]);
    }
    free(calls);
    MpErr_SetRaisedException(saved);
}
/* }====== */

/* {====== Creating references ====== */

static int
check_referent(MpObject *o)
{
    if (MpObject_WeakListPtr(o) == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "cannot create weak reference to '%s' object",
                     MpType_Name(Mp_TYPE(o)));
        return -1;
    }
    return 0;
}

/* A new reference of the given type (ref, a subclass of ref, or a proxy
   type) to o, placed on o's list where CPython places it. */
static MpObject *
new_weakref(MpTypeObject *type, MpObject *o, MpObject *callback)
{
    if (callback == Mp_None) {
        callback = NULL;
    }
    MpWeakReference **head = list_head(o);
    MpWeakReference *basic_ref, *basic_proxy;
    get_basic_refs(*head, &basic_ref, &basic_proxy);
    if (callback == NULL) {
        /* the shared plain reference, when there is one */
        if (type == &MpWeakRef_Type && basic_ref != NULL) {
            return Mp_NewRef(basic_ref);
        }
        if ((type == &MpWeakProxy_Type ||
             type == &MpWeakCallableProxy_Type) &&
            basic_proxy != NULL) {
            return Mp_NewRef(basic_proxy);
        }
    }
    MpWeakReference *r = (MpWeakReference *)MpObject_New(type);
    if (r == NULL) {
        return NULL;
    }
    /* MpObject_New may have run the collector, and the collector may have
       changed the list: look again */
    get_basic_refs(*head, &basic_ref, &basic_proxy);
    r->wr_object = o;
    r->wr_callback = callback ? Mp_NewRef(callback) : NULL;
    r->hash = -1;
    if (callback == NULL && type == &MpWeakRef_Type) {
        insert_head(r, head);
    }
    else if (callback == NULL && MpWeakref_CheckProxy((MpObject *)r)) {
        if (basic_ref != NULL) {
            insert_after(r, basic_ref);
        }
        else {
            insert_head(r, head);
        }
    }
    else {
        MpWeakReference *prev = basic_proxy ? basic_proxy : basic_ref;
        if (prev != NULL) {
            insert_after(r, prev);
        }
        else {
            insert_head(r, head);
        }
    }
    MpObject_GC_Track(r);
    return (MpObject *)r;
}

MpObject *
MpWeakref_NewRef(MpObject *o, MpObject *callback)
{
    if (check_referent(o) < 0) {
        return NULL;
    }
    return new_weakref(&MpWeakRef_Type, o, callback);
}

MpObject *
MpWeakref_NewProxy(MpObject *o, MpObject *callback)
{
    if (check_referent(o) < 0) {
        return NULL;
    }
    MpTypeObject *type = MpCallable_Check(o) ? &MpWeakCallableProxy_Type
                                             : &MpWeakProxy_Type;
    return new_weakref(type, o, callback);
}

int
MpWeakref_Check(MpObject *o)
{
    return MpType_IsSubtype(Mp_TYPE(o), &MpWeakRef_Type) ||
           MpWeakref_CheckProxy(o);
}

MpObject *
MpWeakref_GetObject(MpObject *ref)
{
    return ((MpWeakReference *)ref)->wr_object;
}
/* }====== */

/* {====== weakref.ReferenceType ====== */

static void
weakref_dealloc(MpObject *o)
{
    MpWeakReference *r = (MpWeakReference *)o;
    MpObject_GC_UnTrack(o);
    unlink_ref(r);
    Mp_CLEAR(&r->wr_callback);
    MpObject_Free(o);
}

static int
weakref_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *cb = ((MpWeakReference *)o)->wr_callback;
    return cb != NULL ? visit(cb, arg) : 0;
}

static int
weakref_clear(MpObject *o)
{
    MpWeakReference *r = (MpWeakReference *)o;
    unlink_ref(r);
    Mp_CLEAR(&r->wr_callback);
    return 0;
}

/* ref(ob[, callback]): the arguments of __new__ and __init__. */
static int
parse_ref_args(MpObject *args, MpObject *kwargs, MpObject **ob,
               MpObject **callback)
{
    if (kwargs != NULL && ((MpDictObject *)kwargs)->ma_used > 0) {
        MpErr_SetString(MpExc_TypeError, "ref() takes no keyword arguments");
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n < 1) {
        MpErr_Format(MpExc_TypeError,
                     "__new__ expected at least 1 argument, got %zd", n);
        return -1;
    }
    if (n > 2) {
        MpErr_Format(MpExc_TypeError,
                     "__new__ expected at most 2 arguments, got %zd", n);
        return -1;
    }
    *ob = MpTuple_GET_ITEM(args, 0);
    *callback = n > 1 ? MpTuple_GET_ITEM(args, 1) : NULL;
    return 0;
}

static MpObject *
weakref_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpObject *ob, *callback;
    if (parse_ref_args(args, kwargs, &ob, &callback) < 0 ||
        check_referent(ob) < 0) {
        return NULL;
    }
    return new_weakref(type, ob, callback);
}

static int
weakref_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    MpObject *ob, *callback;
    return parse_ref_args(args, kwargs, &ob, &callback);
}

/* r(): the referent, or None once it has died. */
static MpObject *
weakref_call(MpObject *self, MpObject *const *args, size_t nargs,
             MpObject *kwnames)
{
    if (MpArg_CheckPositional("weakref", (Mp_ssize_t)nargs, kwnames, 0, 0) <
        0) {
        return NULL;
    }
    return Mp_NewRef(((MpWeakReference *)self)->wr_object);
}

/* The referent's hash, computed once: it stays valid after the referent
   dies, so a dead ref can still be found in a dict. */
static Mp_hash_t
weakref_hash(MpObject *self)
{
    MpWeakReference *r = (MpWeakReference *)self;
    if (r->hash != -1) {
        return r->hash;
    }
    if (r->wr_object == Mp_None) {
        MpErr_SetString(MpExc_TypeError, "weak object has gone away");
        return -1;
    }
    MpObject *o = Mp_NewRef(r->wr_object);
    r->hash = MpObject_Hash(o);
    Mp_DECREF(o);
    return r->hash;
}

/* Two live refs compare as their referents; otherwise refs are equal only
   to themselves. */
static MpObject *
weakref_richcompare(MpObject *a, MpObject *b, int op)
{
    if ((op != Mp_EQ && op != Mp_NE) ||
        !MpType_IsSubtype(Mp_TYPE(a), &MpWeakRef_Type) ||
        !MpType_IsSubtype(Mp_TYPE(b), &MpWeakRef_Type)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpObject *oa = ((MpWeakReference *)a)->wr_object;
    MpObject *ob = ((MpWeakReference *)b)->wr_object;
    if (oa == Mp_None || ob == Mp_None) {
        int same = (a == b) == (op == Mp_EQ);
        return Mp_NewRef(same ? Mp_True : Mp_False);
    }
    Mp_INCREF(oa);
    Mp_INCREF(ob);
    MpObject *res = MpObject_RichCompare(oa, ob, op);
    Mp_DECREF(oa);
    Mp_DECREF(ob);
    return res;
}

/* <weakref at 0x...; to 'C' at 0x...>, with " (name)" when the referent
   has a __name__, or <weakref at 0x...; dead>. */
static MpObject *
weakref_repr(MpObject *self)
{
    MpObject *o = ((MpWeakReference *)self)->wr_object;
    if (o == Mp_None) {
        return MpStr_FromFormat("<weakref at %p; dead>", (void *)self);
    }
    Mp_INCREF(o);
    MpObject *name = NULL;
    MpObject *res = NULL;
    MpObject *key = MpStr_InternFromString("__name__");
    int found = key ? MpObject_LookupAttr(o, key, &name) : -1;
    Mp_XDECREF(key);
    if (found < 0) {
        Mp_DECREF(o);
        return NULL;
    }
    if (name != NULL && MpStr_Check(name)) {
        res = MpStr_FromFormat("<weakref at %p; to '%s' at %p (%U)>",
                               (void *)self, Mp_TYPE(o)->tp_name, (void *)o,
                               name);
    }
    else {
        res = MpStr_FromFormat("<weakref at %p; to '%s' at %p>", (void *)self,
                               Mp_TYPE(o)->tp_name, (void *)o);
    }
    Mp_XDECREF(name);
    Mp_DECREF(o);
    return res;
}

static MpObject *
weakref_get_callback(MpObject *self, void *closure)
{
    MpObject *cb = ((MpWeakReference *)self)->wr_callback;
    return Mp_NewRef(cb ? cb : Mp_None);
}

static MpGetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

MpTypeObject MpWeakRef_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(MpWeakReference),
    .tp_flags = MP_TPFLAGS_HAVE_GC | MP_TPFLAGS_BASETYPE,
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_call = weakref_call,
    .tp_hash = weakref_hash,
    .tp_richcompare = weakref_richcompare,
    .tp_repr = weakref_repr,
    .tp_new = weakref_new,
    .tp_init = weakref_init,
    .tp_getset = weakref_getset,
};
/* }====== */

/* {====== weakref.ProxyType and weakref.CallableProxyType ======
   A proxy forwards every operation to its referent, and raises
   ReferenceError once the referent has died. */

/* The referent of a live proxy (BORROWED), or NULL with ReferenceError. */
static MpObject *
proxy_referent(MpObject *p)
{
    MpObject *o = ((MpWeakReference *)p)->wr_object;
    if (o == Mp_None) {
        MpErr_SetString(MpExc_ReferenceError,
                        "weakly-referenced object no longer exists");
        return NULL;
    }
    return o;
}

/* For operands that may be proxies: the referent with a NEW reference, or
   the object itself; NULL with ReferenceError. */
static MpObject *
unwrap(MpObject *o)
{
    if (MpWeakref_CheckProxy(o)) {
        o = proxy_referent(o);
        if (o == NULL) {
            return NULL;
        }
    }
    return Mp_NewRef(o);
}

static MpObject *
proxy_repr(MpObject *self)
{
    MpObject *o = ((MpWeakReference *)self)->wr_object;
    return MpStr_FromFormat("<weakproxy at %p to %s at %p>", (void *)self,
                            Mp_TYPE(o)->tp_name, (void *)o);
}

#define PROXY_UNARY(name, expr)                                            \
    static MpObject *name(MpObject *self)                                  \
    {                                                                      \
        MpObject *o = unwrap(self);                                        \
        if (o == NULL) {                                                   \
            return NULL;                                                   \
        }                                                                  \
        MpObject *res = expr;                                              \
        Mp_DECREF(o);                                                      \
        return res;                                                        \
    }

#define PROXY_BINARY(name, fn)                                             \
    static MpObject *name(MpObject *a, MpObject *b)                        \
    {                                                                      \
        MpObject *x = unwrap(a);                                           \
        if (x == NULL) {                                                   \
            return NULL;                                                   \
        }                                                                  \
        MpObject *y = unwrap(b);                                           \
        if (y == NULL) {                                                   \
            Mp_DECREF(x);                                                  \
            return NULL;                                                   \
        }                                                                  \
        MpObject *res = fn(x, y);                                          \
        Mp_DECREF(x);                                                      \
        Mp_DECREF(y);                                                      \
        return res;                                                        \
    }

PROXY_UNARY(proxy_str, MpObject_Str(o))
PROXY_UNARY(proxy_iter, MpObject_GetIter(o))
PROXY_UNARY(proxy_neg, MpNumber_Negative(o))
PROXY_UNARY(proxy_pos, MpNumber_Positive(o))
PROXY_UNARY(proxy_abs, MpNumber_Absolute(o))
PROXY_UNARY(proxy_invert, MpNumber_Invert(o))
PROXY_UNARY(proxy_int, MpNumber_Long(o))
PROXY_UNARY(proxy_float, MpNumber_Float(o))
PROXY_UNARY(proxy_index, MpNumber_Index(o))
PROXY_BINARY(proxy_add, MpNumber_Add)
PROXY_BINARY(proxy_sub, MpNumber_Subtract)
PROXY_BINARY(proxy_mul, MpNumber_Multiply)
PROXY_BINARY(proxy_truediv, MpNumber_TrueDivide)
PROXY_BINARY(proxy_floordiv, MpNumber_FloorDivide)
PROXY_BINARY(proxy_mod, MpNumber_Remainder)
PROXY_BINARY(proxy_divmod, MpNumber_Divmod)
PROXY_BINARY(proxy_lshift, MpNumber_Lshift)
PROXY_BINARY(proxy_rshift, MpNumber_Rshift)
PROXY_BINARY(proxy_and, MpNumber_And)
PROXY_BINARY(proxy_or, MpNumber_Or)
PROXY_BINARY(proxy_xor, MpNumber_Xor)
PROXY_BINARY(proxy_getitem, MpObject_GetItem)

static MpObject *
proxy_pow(MpObject *a, MpObject *b, MpObject *m)
{
    MpObject *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    MpObject *res = y ? MpNumber_Power(x, y, m) : NULL;
    Mp_XDECREF(x);
    Mp_XDECREF(y);
    return res;
}

static MpObject *
proxy_iternext(MpObject *self)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    MpObject *res = NULL;
    if (Mp_TYPE(o)->tp_iternext == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "Weakref proxy referenced a non-iterator '%.200s' "
                     "object",
                     Mp_TYPE(o)->tp_name);
    }
    else {
        res = Mp_TYPE(o)->tp_iternext(o);
    }
    Mp_DECREF(o);
    return res;
}

static int
proxy_bool(MpObject *self)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = MpObject_IsTrue(o);
    Mp_DECREF(o);
    return r;
}

static Mp_ssize_t
proxy_length(MpObject *self)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    Mp_ssize_t n = MpObject_Length(o);
    Mp_DECREF(o);
    return n;
}

static int
proxy_contains(MpObject *self, MpObject *v)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = MpSequence_Contains(o, v);
    Mp_DECREF(o);
    return r;
}

static int
proxy_ass_subscript(MpObject *self, MpObject *key, MpObject *value)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = value ? MpObject_SetItem(o, key, value) : MpObject_DelItem(o, key);
    Mp_DECREF(o);
    return r;
}

static MpObject *
proxy_getattr(MpObject *self, MpObject *name)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    MpObject *res = MpObject_GetAttr(o, name);
    Mp_DECREF(o);
    return res;
}

static int
proxy_setattr(MpObject *self, MpObject *name, MpObject *value)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return -1;
    }
    int r = value ? MpObject_SetAttr(o, name, value)
                  : MpObject_DelAttr(o, name);
    Mp_DECREF(o);
    return r;
}

static MpObject *
proxy_richcompare(MpObject *a, MpObject *b, int op)
{
    MpObject *x = unwrap(a), *y = x ? unwrap(b) : NULL;
    MpObject *res = y ? MpObject_RichCompare(x, y, op) : NULL;
    Mp_XDECREF(x);
    Mp_XDECREF(y);
    return res;
}

static MpObject *
proxy_call(MpObject *self, MpObject *const *args, size_t nargs,
           MpObject *kwnames)
{
    MpObject *o = unwrap(self);
    if (o == NULL) {
        return NULL;
    }
    MpObject *res = MpObject_Vectorcall(o, args, nargs, kwnames);
    Mp_DECREF(o);
    return res;
}

static MpNumberMethods proxy_as_number = {
    .nb_add = proxy_add,
    .nb_subtract = proxy_sub,
    .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod,
    .nb_divmod = proxy_divmod,
    .nb_power = proxy_pow,
    .nb_negative = proxy_neg,
    .nb_positive = proxy_pos,
    .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool,
    .nb_invert = proxy_invert,
    .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift,
    .nb_and = proxy_and,
    .nb_xor = proxy_xor,
    .nb_or = proxy_or,
    .nb_int = proxy_int,
    .nb_float = proxy_float,
    .nb_floor_divide = proxy_floordiv,
    .nb_true_divide = proxy_truediv,
    .nb_index = proxy_index,
};

static MpSequenceMethods proxy_as_sequence = {
    .sq_contains = proxy_contains,
};

static MpMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length,
    .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_ass_subscript,
};

#define PROXY_TYPE(NAME, CALL)                                             \
    {                                                                      \
        .ob_base = MP_TYPE_HEAD_INIT, .tp_name = NAME,                     \
        .tp_basicsize = sizeof(MpWeakReference),                           \
        .tp_flags = MP_TPFLAGS_HAVE_GC, .tp_dealloc = weakref_dealloc,     \
        .tp_traverse = weakref_traverse, .tp_clear = weakref_clear,        \
        .tp_repr = proxy_repr, .tp_str = proxy_str,                        \
        .tp_getattro = proxy_getattr, .tp_setattro = proxy_setattr,        \
        .tp_richcompare = proxy_richcompare, .tp_iter = proxy_iter,        \
        .tp_iternext = proxy_iternext, .tp_as_number = &proxy_as_number,   \
        .tp_as_sequence = &proxy_as_sequence,                              \
        .tp_as_mapping = &proxy_as_mapping, .tp_call = CALL,               \
    }

MpTypeObject MpWeakProxy_Type = PROXY_TYPE("weakref.ProxyType", NULL);
MpTypeObject MpWeakCallableProxy_Type =
    PROXY_TYPE("weakref.CallableProxyType", proxy_call);
/* }====== */

/* {====== The _weakref module ====== */

static MpObject *
mod_getweakrefcount(MpObject *self, MpObject *o)
{
    return MpLong_FromSsize_t(MpObject_WeakListPtr(o) ? MpWeakref_Count(o)
                                                      : 0);
}

static MpObject *
mod_getweakrefs(MpObject *self, MpObject *o)
{
    MpObject *list = MpList_New(0);
    MpWeakReference **head = list_head(o);
    if (list == NULL || head == NULL) {
        return list;
    }
    for (MpWeakReference *r = *head; r != NULL; r = r->wr_next) {
        if (MpList_Append(list, (MpObject *)r) < 0) {
            Mp_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* proxy(object[, callback]) */
static MpObject *
mod_proxy(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("proxy", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    return MpWeakref_NewProxy(args[0], nargs > 1 ? args[1] : NULL);
}

static MpMethodDef weakref_functions[] = {
    {"getweakrefcount", (void *)mod_getweakrefcount, MP_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", (void *)mod_getweakrefs, MP_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"proxy", (void *)mod_proxy, MP_METH_FASTCALL,
     "Create a proxy object that weakly references 'object'."},
    {NULL},
};

MpObject *
MpWeakrefModule_Create(void)
{
    MpObject *m = MpModule_New("_weakref");
    if (m == NULL || MpModule_AddFunctions(m, weakref_functions) < 0 ||
        MpModule_AddObject(m, "ref", Mp_NewRef(&MpWeakRef_Type)) < 0 ||
        MpModule_AddObject(m, "ReferenceType", Mp_NewRef(&MpWeakRef_Type)) <
            0 ||
        MpModule_AddObject(m, "ProxyType", Mp_NewRef(&MpWeakProxy_Type)) <
            0 ||
        MpModule_AddObject(m, "CallableProxyType",
                           Mp_NewRef(&MpWeakCallableProxy_Type)) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
