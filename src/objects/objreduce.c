/* objreduce.c — how an object describes itself to pickle and copy.

   pickle and copy never look inside an object they do not know.  They ask
   it to *reduce* itself: obj.__reduce_ex__(protocol) returns a string (the
   object is a global, found again by name) or a tuple

       (callable, args[, state[, listitems[, dictitems[, state_setter]]]])

   meaning "callable(*args) rebuilds an empty copy; then restore state
   (obj.__setstate__(state), else update obj.__dict__ and set the slots),
   append listitems, set dictitems".

   object.__reduce_ex__ is the default everybody inherits:

     - a class that overrides __reduce__ wins: its __reduce__() is called;
     - protocol >= 2: (copyreg.__newobj__, (cls, *newargs), state,
       listitems, dictitems), where newargs come from __getnewargs_ex__
       (then copyreg.__newobj_ex__ with keyword arguments) or
       __getnewargs__, state from __getstate__, listitems/dictitems are
       iterators when obj is a list/dict (a subclass's contents);
     - protocol 0 and 1: copyreg._reduce_ex(obj, protocol), in Python.

   object.__getstate__ (new in 3.11) is the default state: the instance
   __dict__ (None when empty), or (dict-or-None, {slot: value}) when the
   class has __slots__ with values set.  When the default state is the
   only thing that would rebuild the object (no new-args, not a list or
   dict) an object with C fields pickle cannot see is refused: "cannot
   pickle 'X' object".

   The same file gives the built-in types that reduce differently their
   __reduce__: set/frozenset (the class and a list of the items),
   bytearray (bytes, or latin-1 text for protocols < 3), built-in
   functions and bound methods (a global name, or getattr(owner, name)).

   CPython counterpart: Objects/typeobject.c (object___reduce_ex__,
   reduce_newobj, object_getstate_default), Objects/setobject.c
   (set_reduce), Objects/bytearrayobject.c (_common_reduce),
   Objects/methodobject.c (meth_reduce), Objects/classobject.c
   (method___reduce__).

   Read first: MpObject_ReduceExMethod */
#include "objects/objreduce.h"

#include "abstract.h"
#include "errors.h"
#include "import.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"

/* {====== Helpers ====== */

/* copyreg.<name>.  Refs: NEW; NULL with an exception. */
static MpObject *
copyreg_attr(const char *name)
{
    MpObject *modname = MpStr_FromString("copyreg");
    if (modname == NULL) {
        return NULL;
    }
    MpObject *mod = MpImport_ImportModule(modname);
    Mp_DECREF(modname);
    if (mod == NULL) {
        return NULL;
    }
    MpObject *attr = MpObject_GetAttrString(mod, name);
    Mp_DECREF(mod);
    return attr;
}

/* The class attribute name along type's MRO.  Refs: BORROWED or NULL
   (an exception set only when interning failed). */
static MpObject *
type_lookup_string(MpTypeObject *type, const char *name)
{
    MpObject *key = MpStr_InternFromString(name);
    if (key == NULL) {
        return NULL;
    }
    MpObject *res = MpType_Lookup(type, key);
    Mp_DECREF(key);
    return res;
}

/* The names of the slots of cls: cls.__dict__['__slotnames__'] when
   cached, else copyreg._slotnames(cls) (which caches it).  Refs: NEW
   list or None; NULL with an exception. */
static MpObject *
slot_names(MpTypeObject *cls)
{
    MpObject *key = MpStr_InternFromString("__slotnames__");
    if (key == NULL) {
        return NULL;
    }
    MpObject *names = MpDict_GetItemWithError(cls->tp_dict, key);
    Mp_DECREF(key);
    if (names != NULL) {
        if (names != Mp_None && !MpList_Check(names)) {
            return MpErr_Format(MpExc_TypeError,
                                "%s.__slotnames__ should be a list or None, "
                                "not %s",
                                cls->tp_name, MpType_Name(Mp_TYPE(names)));
        }
        return Mp_NewRef(names);
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    MpObject *fn = copyreg_attr("_slotnames");
    if (fn == NULL) {
        return NULL;
    }
    names = MpObject_CallOneArg(fn, (MpObject *)cls);
    Mp_DECREF(fn);
    if (names != NULL && names != Mp_None && !MpList_Check(names)) {
        Mp_DECREF(names);
        return MpErr_Format(MpExc_TypeError,
                            "copyreg._slotnames didn't return a list or "
                            "None");
    }
    return names;
}

/* }====== */

/* {====== object.__getstate__ ====== */

/* The default state of obj (see the top of the file).  required: the
   state is all that rebuilds obj, so fields pickle cannot see are an
   error.  Refs: NEW; NULL with an exception. */
static MpObject *
getstate_default(MpObject *obj, int required)
{
    MpTypeObject *type = Mp_TYPE(obj);
    if (required && type->tp_itemsize != 0) {
        return MpErr_Format(MpExc_TypeError, "cannot pickle %s objects",
                            type->tp_name);
    }
    MpObject *state = NULL;
    MpObject **dictp = MpObject_GetDictPtr(obj);
    if (dictp != NULL) {
        MpObject *d = *dictp;
        if (d != NULL && MpDict_GET_SIZE(d) > 0) {
            state = Mp_NewRef(d);
        }
    }
    if (state == NULL) {
        state = Mp_NewRef(Mp_None);
    }
    MpObject *names = slot_names(type);
    if (names == NULL) {
        Mp_DECREF(state);
        return NULL;
    }
    if (required) {
        /* What object's layout plus the __dict__, __weakref__ and slot
           pointers of a class statement would take: anything more is a C
           field of a built-in base. */
        Mp_ssize_t basicsize = MpBaseObject_Type.tp_basicsize;
        if (type->tp_dictoffset > 0) {
            basicsize += sizeof(MpObject *);
        }
        if (type->tp_weaklistoffset > 0) {
            basicsize += sizeof(MpObject *);
        }
        if (names != Mp_None) {
            basicsize += sizeof(MpObject *) * Mp_SIZE(names);
        }
        if (type->tp_basicsize > basicsize) {
            Mp_DECREF(names);
            Mp_DECREF(state);
            return MpErr_Format(MpExc_TypeError, "cannot pickle '%s' object",
                                type->tp_name);
        }
    }
    if (names != Mp_None && Mp_SIZE(names) > 0) {
        MpObject *slots = MpDict_New();
        if (slots == NULL) {
            goto error;
        }
        for (Mp_ssize_t i = 0; i < Mp_SIZE(names); i++) {
            MpObject *name = MpList_GET_ITEM(names, i);
            MpObject *value;
            if (MpObject_LookupAttr(obj, name, &value) < 0) {
                Mp_DECREF(slots);
                goto error;
            }
            if (value == NULL) {
                continue;  // an unset slot is not part of the state
            }
            int r = MpDict_SetItem(slots, name, value);
            Mp_DECREF(value);
            if (r < 0) {
                Mp_DECREF(slots);
                goto error;
            }
        }
        if (MpDict_GET_SIZE(slots) > 0) {
            MpObject *pair = MpTuple_Pack(2, state, slots);
            Mp_DECREF(state);
            state = pair;
        }
        Mp_DECREF(slots);
        if (state == NULL) {
            Mp_DECREF(names);
            return NULL;
        }
    }
    Mp_DECREF(names);
    return state;

error:
    Mp_DECREF(names);
    Mp_DECREF(state);
    return NULL;
}

/* object.__getstate__(): the default state, without the layout check.
   Refs: NEW; NULL with an exception. */
MpObject *
MpObject_GetStateMethod(MpObject *self, MpObject *unused)
{
    return getstate_default(self, 0);
}

/* obj.__getstate__(), passing `required` through when the method is
   object's own.  Refs: NEW; NULL with an exception. */
static MpObject *
object_getstate(MpObject *obj, int required)
{
    MpObject *getstate = MpObject_GetAttrString(obj, "__getstate__");
    if (getstate == NULL) {
        return NULL;
    }
    MpObject *state;
    if (MpCFunction_Check(getstate) &&
        ((MpCFunctionObject *)getstate)->m_self == obj &&
        ((MpCFunctionObject *)getstate)->m_ml->ml_meth ==
            (void *)MpObject_GetStateMethod) {
        state = getstate_default(obj, required);
    }
    else {
        state = MpObject_CallNoArgs(getstate);
    }
    Mp_DECREF(getstate);
    return state;
}

/* }====== */

/* {====== object.__reduce_ex__ ====== */

/* The arguments for cls.__new__ that rebuild obj: *args from
   __getnewargs_ex__ or __getnewargs__ (NULL when obj has neither), and
   *kwargs (NULL unless __getnewargs_ex__ gave them).  Returns 0, or -1
   with an exception.  Refs: *args, *kwargs NEW. */
static int
get_new_arguments(MpObject *obj, MpObject **args, MpObject **kwargs)
{
    *args = *kwargs = NULL;
    MpObject *fn = MpObject_LookupSpecial(obj, "__getnewargs_ex__");
    if (fn != NULL) {
        MpObject *r = MpObject_CallNoArgs(fn);
        Mp_DECREF(fn);
        if (r == NULL) {
            return -1;
        }
        if (!MpTuple_Check(r)) {
            MpErr_Format(MpExc_TypeError,
                         "__getnewargs_ex__ should return a tuple, "
                         "not '%s'",
                         MpType_Name(Mp_TYPE(r)));
            Mp_DECREF(r);
            return -1;
        }
        if (MpTuple_GET_SIZE(r) != 2) {
            MpErr_Format(MpExc_ValueError,
                         "__getnewargs_ex__ should return a tuple of "
                         "length 2, not %zd",
                         MpTuple_GET_SIZE(r));
            Mp_DECREF(r);
            return -1;
        }
        MpObject *a = MpTuple_GET_ITEM(r, 0);
        MpObject *k = MpTuple_GET_ITEM(r, 1);
        if (!MpTuple_Check(a)) {
            MpErr_Format(MpExc_TypeError,
                         "first item of the tuple returned by "
                         "__getnewargs_ex__ must be a tuple, not '%s'",
                         MpType_Name(Mp_TYPE(a)));
            Mp_DECREF(r);
            return -1;
        }
        if (!MpDict_Check(k)) {
            MpErr_Format(MpExc_TypeError,
                         "second item of the tuple returned by "
                         "__getnewargs_ex__ must be a dict, not '%s'",
                         MpType_Name(Mp_TYPE(k)));
            Mp_DECREF(r);
            return -1;
        }
        *args = Mp_NewRef(a);
        *kwargs = Mp_NewRef(k);
        Mp_DECREF(r);
        return 0;
    }
    if (MpErr_Occurred()) {
        return -1;
    }
    fn = MpObject_LookupSpecial(obj, "__getnewargs__");
    if (fn != NULL) {
        MpObject *r = MpObject_CallNoArgs(fn);
        Mp_DECREF(fn);
        if (r == NULL) {
            return -1;
        }
        if (!MpTuple_Check(r)) {
            MpErr_Format(MpExc_TypeError,
                         "__getnewargs__ should return a tuple, not '%s'",
                         MpType_Name(Mp_TYPE(r)));
            Mp_DECREF(r);
            return -1;
        }
        *args = r;
        return 0;
    }
    return MpErr_Occurred() ? -1 : 0;
}

/* listitems and dictitems of a reduce tuple: iter(obj) for a list,
   iter(obj.items()) for a dict, else None.  Returns 0 or -1.
   Refs: NEW both. */
static int
get_items_iters(MpObject *obj, MpObject **listitems, MpObject **dictitems)
{
    *listitems = *dictitems = NULL;
    if (MpList_Check(obj)) {
        *listitems = MpObject_GetIter(obj);
        if (*listitems == NULL) {
            return -1;
        }
    }
    else {
        *listitems = Mp_NewRef(Mp_None);
    }
    if (MpDict_Check(obj)) {
        MpObject *items = MpObject_CallMethod(obj, "items", NULL, 0);
        if (items == NULL) {
            Mp_CLEAR(listitems);
            return -1;
        }
        *dictitems = MpObject_GetIter(items);
        Mp_DECREF(items);
        if (*dictitems == NULL) {
            Mp_CLEAR(listitems);
            return -1;
        }
    }
    else {
        *dictitems = Mp_NewRef(Mp_None);
    }
    return 0;
}

/* The protocol 2+ reduction.  Refs: NEW; NULL with an exception. */
static MpObject *
reduce_newobj(MpObject *obj)
{
    MpTypeObject *type = Mp_TYPE(obj);
    if (type->tp_new == NULL) {
        return MpErr_Format(MpExc_TypeError, "cannot pickle '%s' object",
                            type->tp_name);
    }
    MpObject *args, *kwargs;
    if (get_new_arguments(obj, &args, &kwargs) < 0) {
        return NULL;
    }
    int hasargs = args != NULL;
    MpObject *newobj, *newargs;
    if (kwargs == NULL || MpDict_GET_SIZE(kwargs) == 0) {
        newobj = copyreg_attr("__newobj__");
        Mp_ssize_t n = args ? MpTuple_GET_SIZE(args) : 0;
        newargs = newobj ? MpTuple_New(n + 1) : NULL;
        if (newargs != NULL) {
            MpTuple_SET_ITEM(newargs, 0, Mp_NewRef((MpObject *)type));
            for (Mp_ssize_t i = 0; i < n; i++) {
                MpTuple_SET_ITEM(newargs, i + 1,
                                 Mp_NewRef(MpTuple_GET_ITEM(args, i)));
            }
        }
    }
    else {
        newobj = copyreg_attr("__newobj_ex__");
        newargs =
            newobj ? MpTuple_Pack(3, (MpObject *)type, args, kwargs) : NULL;
    }
    Mp_XDECREF(args);
    Mp_XDECREF(kwargs);
    if (newargs == NULL) {
        Mp_XDECREF(newobj);
        return NULL;
    }
    MpObject *state = object_getstate(
        obj, !(hasargs || MpList_Check(obj) || MpDict_Check(obj)));
    MpObject *listitems, *dictitems;
    if (state == NULL || get_items_iters(obj, &listitems, &dictitems) < 0) {
        Mp_XDECREF(state);
        Mp_DECREF(newobj);
        Mp_DECREF(newargs);
        return NULL;
    }
    MpObject *result =
        MpTuple_Pack(5, newobj, newargs, state, listitems, dictitems);
    Mp_DECREF(newobj);
    Mp_DECREF(newargs);
    Mp_DECREF(state);
    Mp_DECREF(listitems);
    Mp_DECREF(dictitems);
    return result;
}

/* The default reduction for a protocol.  Refs: NEW; NULL with an
   exception. */
static MpObject *
common_reduce(MpObject *self, Mp_ssize_t proto)
{
    if (proto >= 2) {
        return reduce_newobj(self);
    }
    MpObject *fn = copyreg_attr("_reduce_ex");
    if (fn == NULL) {
        return NULL;
    }
    MpObject *p = MpLong_FromSsize_t(proto);
    if (p == NULL) {
        Mp_DECREF(fn);
        return NULL;
    }
    MpObject *argv[2] = {self, p};
    MpObject *res = MpObject_Vectorcall(fn, argv, 2, NULL);
    Mp_DECREF(p);
    Mp_DECREF(fn);
    return res;
}

/* object.__reduce__(): the protocol 0 reduction.  Refs: NEW; NULL with an
   exception. */
MpObject *
MpObject_ReduceMethod(MpObject *self, MpObject *unused)
{
    return common_reduce(self, 0);
}

/* object.__reduce_ex__(protocol): a class's own __reduce__ when it
   overrides object's, else the default reduction.  Refs: NEW; NULL with
   an exception. */
MpObject *
MpObject_ReduceExMethod(MpObject *self, MpObject *arg)
{
    Mp_ssize_t proto = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (proto == -1 && MpErr_Occurred()) {
        return NULL;
    }
    MpObject *objreduce = type_lookup_string(&MpBaseObject_Type, "__reduce__");
    MpObject *clsreduce = type_lookup_string(Mp_TYPE(self), "__reduce__");
    if (MpErr_Occurred()) {
        return NULL;
    }
    if (clsreduce != NULL && clsreduce != objreduce) {
        MpObject *reduce = MpObject_GetAttrString(self, "__reduce__");
        if (reduce == NULL) {
            return NULL;
        }
        MpObject *res = MpObject_CallNoArgs(reduce);
        Mp_DECREF(reduce);
        return res;
    }
    return common_reduce(self, proto);
}

/* }====== */

/* {====== Built-in types ====== */

/* set.__reduce__ / frozenset.__reduce__: (type, (list(self),), state).
   Refs: NEW; NULL with an exception. */
MpObject *
MpSet_ReduceMethod(MpObject *self, MpObject *unused)
{
    MpObject *keys = MpList_New(0);
    if (keys == NULL || MpList_Extend(keys, self) < 0) {
        Mp_XDECREF(keys);
        return NULL;
    }
    MpObject *state = object_getstate(self, 0);
    if (state == NULL) {
        Mp_DECREF(keys);
        return NULL;
    }
    MpObject *args = MpTuple_Pack(1, keys);
    Mp_DECREF(keys);
    MpObject *res =
        args ? MpTuple_Pack(3, (MpObject *)Mp_TYPE(self), args, state) : NULL;
    Mp_XDECREF(args);
    Mp_DECREF(state);
    return res;
}

/* bytearray's reduction: bytearray(text, 'latin-1') for protocols < 3
   (which have no bytes opcode), bytearray(bytes) otherwise, bytearray()
   when empty.  Refs: NEW; NULL with an exception. */
static MpObject *
bytearray_reduce(MpObject *self, Mp_ssize_t proto)
{
    MpObject *state = object_getstate(self, 0);
    if (state == NULL) {
        return NULL;
    }
    Mp_ssize_t n = MpByteArray_GET_SIZE(self);
    const char *buf = MpByteArray_AS_STRING(self);
    MpObject *args;
    if (n == 0) {
        args = MpTuple_New(0);
    }
    else if (proto < 3) {
        MpObject *text = MpStr_Decode(buf, n, "latin-1", "strict");
        MpObject *enc = text ? MpStr_FromString("latin-1") : NULL;
        args = enc ? MpTuple_Pack(2, text, enc) : NULL;
        Mp_XDECREF(text);
        Mp_XDECREF(enc);
    }
    else {
        MpObject *b = MpBytes_FromStringAndSize(buf, n);
        args = b ? MpTuple_Pack(1, b) : NULL;
        Mp_XDECREF(b);
    }
    MpObject *res =
        args ? MpTuple_Pack(3, (MpObject *)Mp_TYPE(self), args, state) : NULL;
    Mp_XDECREF(args);
    Mp_DECREF(state);
    return res;
}

/* bytearray.__reduce__().  Refs: NEW; NULL with an exception. */
MpObject *
MpByteArray_ReduceMethod(MpObject *self, MpObject *unused)
{
    return bytearray_reduce(self, 2);
}

/* bytearray.__reduce_ex__(protocol).  Refs: NEW; NULL with an
   exception. */
MpObject *
MpByteArray_ReduceExMethod(MpObject *self, MpObject *arg)
{
    Mp_ssize_t proto = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (proto == -1 && MpErr_Occurred()) {
        return NULL;
    }
    return bytearray_reduce(self, proto);
}

/* getattr(owner, name) as a reduce tuple.  Refs: NEW; owner, name
   BORROWED. */
static MpObject *
reduce_getattr(MpObject *owner, MpObject *name)
{
    MpObject *builtins = MpStr_FromString("builtins");
    MpObject *mod = builtins ? MpImport_ImportModule(builtins) : NULL;
    Mp_XDECREF(builtins);
    if (mod == NULL) {
        return NULL;
    }
    MpObject *getattr = MpObject_GetAttrString(mod, "getattr");
    Mp_DECREF(mod);
    if (getattr == NULL) {
        return NULL;
    }
    MpObject *args = MpTuple_Pack(2, owner, name);
    MpObject *res = args ? MpTuple_Pack(2, getattr, args) : NULL;
    Mp_XDECREF(args);
    Mp_DECREF(getattr);
    return res;
}

/* builtin_function_or_method.__reduce__(): the function's name (a global
   of its module) for a module function, else getattr(self, name).
   Refs: NEW; NULL with an exception. */
MpObject *
MpCFunction_ReduceMethod(MpObject *self, MpObject *unused)
{
    MpCFunctionObject *f = (MpCFunctionObject *)self;
    if (f->m_self == NULL || MpModule_Check(f->m_self)) {
        return MpStr_FromString(f->m_ml->ml_name);
    }
    MpObject *name = MpStr_FromString(f->m_ml->ml_name);
    if (name == NULL) {
        return NULL;
    }
    MpObject *res = reduce_getattr(f->m_self, name);
    Mp_DECREF(name);
    return res;
}

/* method.__reduce__(): getattr(self.__self__, self.__func__.__name__).
   Refs: NEW; NULL with an exception. */
MpObject *
MpMethod_ReduceMethod(MpObject *self, MpObject *unused)
{
    MpMethodObject *m = (MpMethodObject *)self;
    MpObject *name = MpObject_GetAttrString(m->im_func, "__name__");
    if (name == NULL) {
        return NULL;
    }
    MpObject *res = reduce_getattr(m->im_self, name);
    Mp_DECREF(name);
    return res;
}

/* }====== */
