/* union.c — types.UnionType: `int | str`, `list[int] | None` (PEP 604).

   type, GenericAlias and UnionType share one nb_or, MpUnion_TypeOr.  When
   both operands are "unionable" (None, a class, a GenericAlias or a
   union) it builds a union; otherwise it answers NotImplemented, so the
   other operand's __ror__ gets its turn (typing's objects build a
   typing.Union there) and failing that the binary-operator machinery
   raises "unsupported operand type(s) for |: 'type' and 'str'".

   A union holds one tuple, __args__, built by
     1. flattening: a union operand contributes its own args;
     2. None becoming type(None);
     3. dropping repeats: classes by identity, GenericAliases by ==;
   and a single remaining argument is returned as it is (`int | int` is
   int).  Equality and hash ignore order (they compare frozensets of the
   args), so `int | str == str | int`.

   isinstance(x, int | str) and issubclass are the tuple forms of the
   args (abstract.c); a GenericAlias among them then refuses as usual.
   Subscripting substitutes type variables as GenericAlias does and joins
   the results with | again.

   CPython counterpart: Objects/unionobject.c.
   Read first: MpUnion_TypeOr */
#include "objects/union.h"

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "objects/genericalias.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "strbuf.h"

typedef struct {
    MpObject_HEAD
    MpObject *args;        // a tuple of at least two members
    MpObject *parameters;  // a tuple, NULL until first asked for
} MpUnionObject;

#define UN(o) ((MpUnionObject *)(o))

MpObject *
MpUnion_Args(MpObject *u)
{
    return UN(u)->args;
}

static int
is_unionable(MpObject *o)
{
    return o == Mp_None || MpType_Check(o) || MpGenericAlias_Check(o) ||
           MpUnion_Check(o);
}

/* Whether a and b are the same member: == for two GenericAliases,
   identity otherwise.  1, 0 or -1. */
static int
is_same(MpObject *a, MpObject *b)
{
    if (MpGenericAlias_Check(a) && MpGenericAlias_Check(b)) {
        return MpObject_RichCompareBool(a, b, Mp_EQ);
    }
    return a == b;
}

/* Appends o to list unless an equal member is there.  0 or -1. */
static int
add_member(MpObject *list, MpObject *o)
{
    if (o == Mp_None) {
        o = (MpObject *)Mp_TYPE(Mp_None);
    }
    for (Mp_ssize_t i = 0; i < Mp_SIZE(list); i++) {
        int same = is_same(MpList_GET_ITEM(list, i), o);
        if (same != 0) {
            return same < 0 ? -1 : 0;
        }
    }
    return MpList_Append(list, o);
}

/* The union of the objects in the tuple args, flattened and without
   repeats; the only member itself when one is left.  Refs: NEW. */
static MpObject *
make_union(MpObject *args)
{
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(args); i++) {
        MpObject *a = MpTuple_GET_ITEM(args, i);
        MpObject *sub = MpUnion_Check(a) ? UN(a)->args : NULL;
        Mp_ssize_t n = sub != NULL ? MpTuple_GET_SIZE(sub) : 1;
        for (Mp_ssize_t j = 0; j < n; j++) {
            if (add_member(list, sub ? MpTuple_GET_ITEM(sub, j) : a) < 0) {
                Mp_DECREF(list);
                return NULL;
            }
        }
    }
    if (Mp_SIZE(list) == 1) {
        MpObject *only = Mp_NewRef(MpList_GET_ITEM(list, 0));
        Mp_DECREF(list);
        return only;
    }
    MpObject *t = MpList_AsTuple(list);
    Mp_DECREF(list);
    if (t == NULL) {
        return NULL;
    }
    MpUnionObject *u = (MpUnionObject *)MpObject_New(&MpUnion_Type);
    if (u == NULL) {
        Mp_DECREF(t);
        return NULL;
    }
    u->args = t;
    u->parameters = NULL;
    MpObject_GC_Track(u);
    return (MpObject *)u;
}

MpObject *
MpUnion_TypeOr(MpObject *a, MpObject *b)
{
    if (!is_unionable(a) || !is_unionable(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpObject *t = MpTuple_Pack(2, a, b);
    if (t == NULL) {
        return NULL;
    }
    MpObject *res = make_union(t);
    Mp_DECREF(t);
    return res;
}

static void
union_dealloc(MpObject *o)
{
    MpObject_GC_UnTrack(o);
    Mp_CLEAR(&UN(o)->args);
    Mp_CLEAR(&UN(o)->parameters);
    MpObject_Free(o);
}

static int
union_traverse(MpObject *o, visitproc visit, void *arg)
{
    int r = UN(o)->args ? visit(UN(o)->args, arg) : 0;
    if (r == 0 && UN(o)->parameters != NULL) {
        r = visit(UN(o)->parameters, arg);
    }
    return r;
}

static int
union_clear(MpObject *o)
{
    Mp_CLEAR(&UN(o)->args);
    Mp_CLEAR(&UN(o)->parameters);
    return 0;
}

/* int | str | None */
static MpObject *
union_repr(MpObject *o)
{
    MpStrBuf b = {0};
    MpObject *args = UN(o)->args;
    if (args == NULL) {
        return MpStr_FromString("<cleared UnionType>");
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(args); i++) {
        MpObject *p = MpTuple_GET_ITEM(args, i);
        if (i > 0) {
            MpStrBuf_Puts(&b, " | ");
        }
        if (p == (MpObject *)Mp_TYPE(Mp_None)) {
            MpStrBuf_Puts(&b, "None");
        }
        else if (MpGenericAlias_AppendItem(&b, p) < 0) {
            MpStrBuf_Clear(&b);
            return NULL;
        }
    }
    return MpRepr_Finish(&b);
}

static Mp_hash_t
union_hash(MpObject *o)
{
    MpObject *set = MpFrozenSet_New(UN(o)->args);
    if (set == NULL) {
        return -1;
    }
    Mp_hash_t h = MpObject_Hash(set);
    Mp_DECREF(set);
    return h;
}

static MpObject *
union_richcompare(MpObject *a, MpObject *b, int op)
{
    if (!MpUnion_Check(b) || (op != Mp_EQ && op != Mp_NE)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpObject *sa = MpFrozenSet_New(UN(a)->args);
    if (sa == NULL) {
        return NULL;
    }
    MpObject *sb = MpFrozenSet_New(UN(b)->args);
    if (sb == NULL) {
        Mp_DECREF(sa);
        return NULL;
    }
    MpObject *res = MpObject_RichCompare(sa, sb, op);
    Mp_DECREF(sa);
    Mp_DECREF(sb);
    return res;
}

static int
ensure_parameters(MpObject *self)
{
    if (UN(self)->parameters == NULL) {
        UN(self)->parameters = MpGenericAlias_MakeParameters(UN(self)->args);
    }
    return UN(self)->parameters != NULL ? 0 : -1;
}

/* (int | T)[str]: substitute, then join the new members with | again. */
static MpObject *
union_getitem(MpObject *self, MpObject *item)
{
    if (ensure_parameters(self) < 0) {
        return NULL;
    }
    MpObject *newargs = MpGenericAlias_SubsParameters(
        self, UN(self)->args, UN(self)->parameters, item);
    if (newargs == NULL) {
        return NULL;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(newargs);
    MpObject *res;
    if (n == 0) {
        res = make_union(newargs);
    }
    else {
        res = Mp_NewRef(MpTuple_GET_ITEM(newargs, 0));
        for (Mp_ssize_t i = 1; i < n && res != NULL; i++) {
            Mp_SETREF(&res, MpNumber_Or(res, MpTuple_GET_ITEM(newargs, i)));
        }
    }
    Mp_DECREF(newargs);
    return res;
}

static MpObject *
union_parameters(MpObject *self, void *closure)
{
    if (ensure_parameters(self) < 0) {
        return NULL;
    }
    return Mp_NewRef(UN(self)->parameters);
}

/* (int | str).__module__ is the type's ('types'), which typing relies
   on; everything else is the usual lookup. */
static MpObject *
union_getattro(MpObject *self, MpObject *name)
{
    if (MpStr_Check(name) && MpStr_CompareWithASCII(name, "__module__") == 0) {
        return MpObject_GetAttr((MpObject *)Mp_TYPE(self), name);
    }
    return MpObject_GenericGetAttr(self, name);
}

static MpMemberDef union_members[] = {
    {"__args__", MP_T_OBJECT, offsetof(MpUnionObject, args), 1, NULL},
    {NULL},
};

static MpGetSetDef union_getset[] = {
    {"__parameters__", union_parameters, NULL,
     "Type variables in the types.UnionType.", NULL},
    {NULL},
};

static MpMappingMethods union_as_mapping = {
    .mp_subscript = union_getitem,
};

static MpNumberMethods union_as_number = {
    .nb_or = MpUnion_TypeOr,
};

MpTypeObject MpUnion_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(MpUnionObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = union_dealloc,
    .tp_traverse = union_traverse,
    .tp_clear = union_clear,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .tp_getattro = union_getattro,
    .tp_as_mapping = &union_as_mapping,
    .tp_as_number = &union_as_number,
    .tp_members = union_members,
    .tp_getset = union_getset,
    .tp_doc = "Represent a PEP 604 union type\n\n"
              "E.g. for int | str",
};
