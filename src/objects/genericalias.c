/* genericalias.c — types.GenericAlias: `list[int]`, `dict[str, int]`,
   `tuple[int, ...]`, `type[C]` (PEP 585).

   Subscripting a class calls its __class_getitem__ (abstract.c,
   MpObject_GetItem); the built-in containers answer with an alias that
   remembers the class (__origin__) and the subscript (__args__, always a
   tuple).  The alias is a thin stand-in for its origin:

     - calling it calls the origin (`list[int]()` is an empty list) and
       then tries to record the alias as the result's __orig_class__;
     - every attribute but a few of its own (`__origin__`, `__args__`,
       `__parameters__`, `__class__`, `__mro_entries__`, the pickling
       hooks) is read from the origin: `list[int].append` is list.append;
     - as a base class it stands for the origin (`__mro_entries__`);
     - isinstance() and issubclass() refuse it ("cannot be a parameterized
       generic"), since an instance does not remember its type arguments.

   Type variables (typing.TypeVar, anything with __typing_subst__) among
   the arguments are the alias's __parameters__, collected lazily, and
   subscripting the alias substitutes them: with T a TypeVar,
   `dict[str, list[T]][int]` is `dict[str, list[int]]`.  The substitution
   helpers are shared with types.UnionType (union.c).

   Not here (3.11 has them): the starred form `*tuple[int]` and
   TypeVarTuple unpacking.

   CPython counterpart: Objects/genericaliasobject.c.
   Read first: MpGenericAlias_New */
#include "objects/genericalias.h"

#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/union.h"
#include "vm.h"  // MpEval_CheckCStack

typedef struct {
    MpObject_HEAD
    MpObject *origin;
    MpObject *args;        // a tuple
    MpObject *parameters;  // a tuple, NULL until first asked for
} MpGenericAliasObject;

#define GA(o) ((MpGenericAliasObject *)(o))

/* {====== Shared helpers ====== */

/* getattr(o, name) where a missing attribute is not an error: 1 and
   *res NEW, 0 and *res NULL, or -1. */
static int
lookup(MpObject *o, const char *name, MpObject **res)
{
    MpObject *key = MpStr_InternFromString(name);
    if (key == NULL) {
        *res = NULL;
        return -1;
    }
    int r = MpObject_LookupAttr(o, key, res);
    Mp_DECREF(key);
    return r;
}

int
MpGenericAlias_AppendItem(MpStrBuf *b, MpObject *p)
{
    MpObject *tmp, *qualname = NULL, *module = NULL;
    int rc = -1;
    if (p == Mp_Ellipsis) {
        MpStrBuf_Puts(b, "...");
        return 0;
    }
    if (lookup(p, "__origin__", &tmp) < 0) {
        return -1;
    }
    if (tmp != NULL) {
        Mp_DECREF(tmp);
        if (lookup(p, "__args__", &tmp) < 0) {
            return -1;
        }
        if (tmp != NULL) {
            Mp_DECREF(tmp);
            return MpRepr_Append(b, p);  // looks like an alias itself
        }
    }
    if (lookup(p, "__qualname__", &qualname) < 0) {
        return -1;
    }
    if (qualname == NULL) {
        return MpRepr_Append(b, p);
    }
    if (lookup(p, "__module__", &module) < 0) {
        goto done;
    }
    if (module == NULL || module == Mp_None) {
        rc = MpRepr_Append(b, p);
        goto done;
    }
    /* looks like a class: builtins need no module name */
    MpObject *s = MpStr_Check(module) &&
                          MpStr_CompareWithASCII(module, "builtins") == 0
                      ? MpObject_Str(qualname)
                      : MpStr_FromFormat("%S.%S", module, qualname);
    if (s != NULL) {
        rc = MpStr_AppendToBuf(b, s);
        Mp_DECREF(s);
    }
done:
    Mp_XDECREF(qualname);
    Mp_XDECREF(module);
    return rc;
}

/* Index of obj (by identity) in the tuple t, or -1. */
static Mp_ssize_t
tuple_index(MpObject *t, MpObject *obj)
{
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(t); i++) {
        if (MpTuple_GET_ITEM(t, i) == obj) {
            return i;
        }
    }
    return -1;
}

/* Appends obj to list unless it is already there (identity). */
static int
list_add_new(MpObject *list, MpObject *obj)
{
    for (Mp_ssize_t i = 0; i < Mp_SIZE(list); i++) {
        if (MpList_GET_ITEM(list, i) == obj) {
            return 0;
        }
    }
    return MpList_Append(list, obj);
}

MpObject *
MpGenericAlias_MakeParameters(MpObject *args)
{
    MpObject *params = MpList_New(0);
    if (params == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(args); i++) {
        MpObject *t = MpTuple_GET_ITEM(args, i);
        MpObject *subst, *sub;
        if (MpType_Check(t)) {
            continue;  // not a bare class's __parameters__ descriptor
        }
        if (lookup(t, "__typing_subst__", &subst) < 0) {
            goto fail;
        }
        if (subst != NULL) {
            Mp_DECREF(subst);
            if (list_add_new(params, t) < 0) {
                goto fail;
            }
            continue;
        }
        if (lookup(t, "__parameters__", &sub) < 0) {
            goto fail;
        }
        if (sub != NULL && MpTuple_Check(sub)) {
            for (Mp_ssize_t j = 0; j < MpTuple_GET_SIZE(sub); j++) {
                if (list_add_new(params, MpTuple_GET_ITEM(sub, j)) < 0) {
                    Mp_DECREF(sub);
                    goto fail;
                }
            }
        }
        Mp_XDECREF(sub);
    }
    MpObject *res = MpList_AsTuple(params);
    Mp_DECREF(params);
    return res;
fail:
    Mp_DECREF(params);
    return NULL;
}

/* obj with its own __parameters__ replaced by their items:
   obj[<the items of the parameters obj has>].  Refs: NEW. */
static MpObject *
subs_tvars(MpObject *obj, MpObject *params, MpObject *const *items)
{
    MpObject *sub;
    if (lookup(obj, "__parameters__", &sub) < 0) {
        return NULL;
    }
    if (sub == NULL || !MpTuple_Check(sub) || MpTuple_GET_SIZE(sub) == 0) {
        Mp_XDECREF(sub);
        return Mp_NewRef(obj);
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(sub);
    MpObject *subargs = MpTuple_New(n);
    if (subargs == NULL) {
        Mp_DECREF(sub);
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *arg = MpTuple_GET_ITEM(sub, i);
        Mp_ssize_t k = tuple_index(params, arg);
        if (k >= 0) {
            arg = items[k];
        }
        MpTuple_SET_ITEM(subargs, i, Mp_NewRef(arg));
    }
    Mp_DECREF(sub);
    MpObject *res = MpObject_GetItem(obj, subargs);
    Mp_DECREF(subargs);
    return res;
}

MpObject *
MpGenericAlias_SubsParameters(MpObject *self, MpObject *args,
                              MpObject *params, MpObject *item)
{
    Mp_ssize_t nparams = MpTuple_GET_SIZE(params);
    if (nparams == 0) {
        return MpErr_Format(MpExc_TypeError, "%R is not a generic class",
                            self);
    }
    /* a parameter may reshape the items first (ParamSpec does) */
    Mp_INCREF(item);
    for (Mp_ssize_t i = 0; i < nparams; i++) {
        MpObject *prepare;
        if (lookup(MpTuple_GET_ITEM(params, i), "__typing_prepare_subst__",
                   &prepare) < 0) {
            Mp_DECREF(item);
            return NULL;
        }
        if (prepare != NULL && prepare != Mp_None) {
            MpObject *fargs[2] = {self, item};
            MpObject *r = MpObject_Vectorcall(prepare, fargs, 2, NULL);
            Mp_DECREF(prepare);
            Mp_DECREF(item);
            if (r == NULL) {
                return NULL;
            }
            item = r;
        }
        else {
            Mp_XDECREF(prepare);
        }
    }
    int is_tuple = MpTuple_Check(item);
    Mp_ssize_t nitems = is_tuple ? MpTuple_GET_SIZE(item) : 1;
    MpObject *const *items =
        is_tuple ? ((MpTupleObject *)item)->items : &item;
    if (nitems != nparams) {
        MpErr_Format(MpExc_TypeError,
                     "Too %s arguments for %R; actual %zd, expected %zd",
                     nitems > nparams ? "many" : "few", self, nitems,
                     nparams);
        Mp_DECREF(item);
        return NULL;
    }
    Mp_ssize_t nargs = MpTuple_GET_SIZE(args);
    MpObject *newargs = MpTuple_New(nargs);
    if (newargs == NULL) {
        Mp_DECREF(item);
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        MpObject *arg = MpTuple_GET_ITEM(args, i);
        MpObject *subst, *res;
        if (MpType_Check(arg)) {
            MpTuple_SET_ITEM(newargs, i, Mp_NewRef(arg));
            continue;
        }
        if (lookup(arg, "__typing_subst__", &subst) < 0) {
            goto fail;
        }
        if (subst != NULL) {
            Mp_ssize_t k = tuple_index(params, arg);
            res = k >= 0 ? MpObject_CallOneArg(subst, items[k])
                         : Mp_NewRef(arg);
            Mp_DECREF(subst);
        }
        else {
            res = subs_tvars(arg, params, items);
        }
        if (res == NULL) {
            goto fail;
        }
        MpTuple_SET_ITEM(newargs, i, res);
    }
    Mp_DECREF(item);
    return newargs;
fail:
    Mp_DECREF(item);
    Mp_DECREF(newargs);
    return NULL;
}
/* }====== */

/* {====== The alias object ====== */

MpObject *
MpGenericAlias_New(MpObject *origin, MpObject *args)
{
    MpObject *t = MpTuple_Check(args) ? Mp_NewRef(args)
                                      : MpTuple_Pack(1, args);
    if (t == NULL) {
        return NULL;
    }
    MpGenericAliasObject *ga =
        (MpGenericAliasObject *)MpObject_New(&MpGenericAlias_Type);
    if (ga == NULL) {
        Mp_DECREF(t);
        return NULL;
    }
    ga->origin = Mp_NewRef(origin);
    ga->args = t;
    ga->parameters = NULL;
    MpObject_GC_Track(ga);
    return (MpObject *)ga;
}

MpObject *
MpGenericAlias_ClassGetItem(MpObject *cls, MpObject *args)
{
    return MpGenericAlias_New(cls, args);
}

/* types.GenericAlias(origin, args) */
static MpObject *
ga_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "GenericAlias() takes no keyword arguments");
    }
    if (MpArg_CheckPositional("GenericAlias", MpTuple_GET_SIZE(args), NULL,
                              2, 2) < 0) {
        return NULL;
    }
    return MpGenericAlias_New(MpTuple_GET_ITEM(args, 0),
                              MpTuple_GET_ITEM(args, 1));
}

static void
ga_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_CLEAR(&GA(o)->origin);
    Mp_CLEAR(&GA(o)->args);
    Mp_CLEAR(&GA(o)->parameters);
    MpObject_Free(o);
}

static int
ga_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpObject *refs[3] = {GA(o)->origin, GA(o)->args, GA(o)->parameters};
    for (int i = 0; i < 3; i++) {
        if (refs[i] != NULL) {
            int r = visit(refs[i], arg);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static int
ga_clear(MpObject *o)
{
    Mp_CLEAR(&GA(o)->origin);
    Mp_CLEAR(&GA(o)->args);
    Mp_CLEAR(&GA(o)->parameters);
    return 0;
}

/* list[int], dict[str, __main__.C], tuple[()] */
static MpObject *
ga_repr(MpObject *o)
{
    MpStrBuf b = {0};
    MpObject *args = GA(o)->args;
    if (args == NULL) {
        return MpStr_FromString("<cleared GenericAlias>");
    }
    if (MpGenericAlias_AppendItem(&b, GA(o)->origin) < 0) {
        goto fail;
    }
    MpStrBuf_Putc(&b, '[');
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(args); i++) {
        if (i > 0) {
            MpStrBuf_Puts(&b, ", ");
        }
        if (MpGenericAlias_AppendItem(&b, MpTuple_GET_ITEM(args, i)) < 0) {
            goto fail;
        }
    }
    if (MpTuple_GET_SIZE(args) == 0) {
        MpStrBuf_Puts(&b, "()");
    }
    MpStrBuf_Putc(&b, ']');
    return MpRepr_Finish(&b);
fail:
    MpStrBuf_Clear(&b);
    return NULL;
}

static Mp_hash_t
ga_hash(MpObject *o)
{
    /* An alias of an alias of ... recurses on the C stack (also in
       ga_getattro). */
    if (MpEval_CheckCStack("") < 0) {
        return -1;
    }
    Mp_hash_t h0 = MpObject_Hash(GA(o)->origin);
    if (h0 == -1) {
        return -1;
    }
    Mp_hash_t h1 = MpObject_Hash(GA(o)->args);
    if (h1 == -1) {
        return -1;
    }
    Mp_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static MpObject *
ga_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpGenericAlias_Check(b) || (op != Mp_EQ && op != Mp_NE)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    int eq = MpObject_RichCompareBool(GA(a)->origin, GA(b)->origin, Mp_EQ);
    if (eq < 0) {
        return NULL;
    }
    if (eq) {
        eq = MpObject_RichCompareBool(GA(a)->args, GA(b)->args, Mp_EQ);
        if (eq < 0) {
            return NULL;
        }
    }
    return MpBool_FromLong(op == Mp_EQ ? eq : !eq);
}

/* Calling the alias calls the origin; the result learns which alias made
   it (__orig_class__) when it can take attributes. */
static MpObject *
ga_call(MpObject *self, MpObject *const *args, size_t nargs,
        MpObject *kwnames)
{
    MpObject *obj = MpObject_Vectorcall(GA(self)->origin, args, nargs,
                                        kwnames);
    if (obj == NULL) {
        return NULL;
    }
    if (MpObject_SetAttrString(obj, "__orig_class__", self) < 0) {
        if (!MpErr_ExceptionMatches(MpExc_AttributeError) &&
            !MpErr_ExceptionMatches(MpExc_TypeError)) {
            Mp_DECREF(obj);
            return NULL;
        }
        MpErr_Clear();
    }
    return obj;
}

/* The names the alias answers itself; every other attribute is the
   origin's. */
static const char *const attr_exceptions[] = {
    "__class__",      "__origin__",     "__args__",     "__unpacked__",
    "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
    "__reduce_ex__",  "__reduce__",     "__copy__",     "__deepcopy__",
    NULL,
};

static MpObject *
ga_getattro(MpObject *self, MpObject *name)
{
    if (MpStr_Check(name)) {
        const char *const *p = attr_exceptions;
        while (*p != NULL && MpStr_CompareWithASCII(name, *p) != 0) {
            p++;
        }
        if (*p == NULL) {
            if (MpEval_CheckCStack("") < 0) {
                return NULL;
            }
            return MpObject_GetAttr(GA(self)->origin, name);
        }
    }
    return MpObject_GenericGetAttr(self, name);
}

/* alias[item]: substitute the type variables. */
static MpObject *
ga_getitem(MpObject *self, MpObject *item)
{
    if (GA(self)->parameters == NULL) {
        GA(self)->parameters = MpGenericAlias_MakeParameters(GA(self)->args);
        if (GA(self)->parameters == NULL) {
            return NULL;
        }
    }
    MpObject *newargs = MpGenericAlias_SubsParameters(
        self, GA(self)->args, GA(self)->parameters, item);
    if (newargs == NULL) {
        return NULL;
    }
    MpObject *res = MpGenericAlias_New(GA(self)->origin, newargs);
    Mp_DECREF(newargs);
    return res;
}

static MpObject *
ga_parameters(MpObject *self, void *closure)
{
    if (GA(self)->parameters == NULL) {
        GA(self)->parameters = MpGenericAlias_MakeParameters(GA(self)->args);
        if (GA(self)->parameters == NULL) {
            return NULL;
        }
    }
    return Mp_NewRef(GA(self)->parameters);
}

static MpObject *
ga_unpacked(MpObject *self, void *closure)
{
    return Mp_NewRef(Mp_False);
}

static MpObject *
ga_unpacked_tuple_args(MpObject *self, void *closure)
{
    return Mp_NewRef(Mp_None);
}

static MpObject *
ga_mro_entries(MpObject *self, MpObject *bases)
{
    return MpTuple_Pack(1, GA(self)->origin);
}

static MpObject *
ga_instancecheck(MpObject *self, MpObject *obj)
{
    return MpErr_Format(MpExc_TypeError,
                        "isinstance() argument 2 cannot be a parameterized "
                        "generic");
}

static MpObject *
ga_subclasscheck(MpObject *self, MpObject *obj)
{
    return MpErr_Format(MpExc_TypeError,
                        "issubclass() argument 2 cannot be a parameterized "
                        "generic");
}

static MpObject *
ga_reduce(MpObject *self, MpObject *unused)
{
    MpObject *pair = MpTuple_Pack(2, GA(self)->origin, GA(self)->args);
    if (pair == NULL) {
        return NULL;
    }
    MpObject *res = MpTuple_Pack(2, (MpObject *)Mp_TYPE(self), pair);
    Mp_DECREF(pair);
    return res;
}

static MpObject *
ga_dir(MpObject *self, MpObject *unused)
{
    /* dir(origin): its type's __dir__, called with the origin as self */
    MpObject *origin = GA(self)->origin;
    MpObject *key = MpStr_InternFromString("__dir__");
    MpObject *meth = key ? MpType_Lookup(Mp_TYPE(origin), key) : NULL;
    Mp_XDECREF(key);
    if (meth == NULL) {
        return MpErr_Occurred() ? NULL : MpList_New(0);
    }
    MpObject *dir = MpObject_CallOneArg(meth, origin);
    if (dir == NULL) {
        return NULL;
    }
    MpObject *list = MpList_New(0);
    if (list == NULL || MpList_Extend(list, dir) < 0) {
        Mp_XDECREF(list);
        Mp_DECREF(dir);
        return NULL;
    }
    Mp_DECREF(dir);
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        MpObject *s = MpStr_FromString(*p);
        if (s == NULL) {
            Mp_DECREF(list);
            return NULL;
        }
        int has = MpSequence_Contains(list, s);
        if (has < 0 || (!has && MpList_Append(list, s) < 0)) {
            Mp_DECREF(s);
            Mp_DECREF(list);
            return NULL;
        }
        Mp_DECREF(s);
    }
    return list;
}

static MpMethodDef ga_methods[] = {
    {"__mro_entries__", (void *)ga_mro_entries, MP_METH_O, NULL},
    {"__instancecheck__", (void *)ga_instancecheck, MP_METH_O, NULL},
    {"__subclasscheck__", (void *)ga_subclasscheck, MP_METH_O, NULL},
    {"__reduce__", (void *)ga_reduce, MP_METH_NOARGS, NULL},
    {"__dir__", (void *)ga_dir, MP_METH_NOARGS, NULL},
    {NULL},
};

static MpMemberDef ga_members[] = {
    {"__origin__", MP_T_OBJECT, offsetof(MpGenericAliasObject, origin), 1,
     NULL},
    {"__args__", MP_T_OBJECT, offsetof(MpGenericAliasObject, args), 1, NULL},
    {NULL},
};

static MpGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL,
     "Type variables in the GenericAlias.", NULL},
    {"__unpacked__", ga_unpacked, NULL, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL,
     NULL},
    {NULL},
};

static MpMappingMethods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

static MpNumberMethods ga_as_number = {
    .nb_or = MpUnion_TypeOr,
};

MpTypeObject MpGenericAlias_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(MpGenericAliasObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = ga_dealloc,
    .tp_traverse = ga_traverse,
    .tp_clear = ga_clear,
    .tp_repr = ga_repr,
    .tp_hash = ga_hash,
    .tp_richcompare = ga_richcompare,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_as_mapping = &ga_as_mapping,
    .tp_as_number = &ga_as_number,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
    .tp_new = ga_new,
    .tp_doc = "Represent a PEP 585 generic type\n\n"
              "E.g. for t = list[int], t.__origin__ is list and "
              "t.__args__ is (int,).",
};
/* }====== */
