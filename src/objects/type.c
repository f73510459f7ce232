/* type.c — `type` and `object`: getting types ready, the method resolution
   order, attribute lookup, and creating classes.

   Built-in types are static MpTypeObjects; MpType_Ready finishes each at
   start-up: it fills in the base (object unless said otherwise), inherits
   every slot the type leaves NULL from its base, computes __mro__, and
   puts a descriptor in the type's dict for every entry of its method,
   getset and member tables (descr.c) plus a few slot wrappers (__new__).

   The MRO is C3 (compute_mro): the class, then the merge of its bases'
   MROs and the list of bases, repeatedly taking the first head that does
   not appear in the tail of any list.  When no head qualifies the
   hierarchy is inconsistent and the class cannot be created.

   Attribute lookup on an instance (MpObject_GenericGetAttr):
       1. look the name up along type(obj).__mro__ (MpType_Lookup);
       2. if that is a data descriptor (has __set__), call its __get__;
       3. else look in the instance's __dict__;
       4. else call the class attribute's __get__ if it has one, or return
          it as it is;
       5. else AttributeError: 'A' object has no attribute 'x'.

   Calling a type (type_call) runs tp_new, then tp_init when the result is
   an instance of the type.  `type(name, bases, ns)` and class statements
   create heap types (type_new), which then call the nearest base's
   __init_subclass__ with the class keywords.

   A class's dict is shown as a read-only mappingproxy (C.__dict__), so
   every change goes through type_setattro, which invalidates the
   attribute cache and, for a special method, refills the slots of the
   class and its subclasses.  Each type records its direct subclasses
   (tp_subclasses, without keeping them alive): __subclasses__(), and
   assigning __bases__, which recomputes the MRO of the whole subtree and
   puts everything back if any of them fails.

   CPython counterpart: Objects/typeobject.c.  Read first: MpType_Ready */
#include "objects/type.h"
#include "objects/weakref.h"
#include "objects/objreduce.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "evalbuiltins.h"
#include "gc.h"
#include "getargs.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/mappingproxy.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/union.h"

/* {====== Small helpers ====== */

const char *
MpType_Name(const MpTypeObject *type)
{
    const char *dot = strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

int
MpType_IsSubtype(MpTypeObject *a, MpTypeObject *b)
{
    if (a == b) {
        return 1;
    }
    MpObject *mro = a->tp_mro;
    if (mro != NULL) {
        Mp_ssize_t n = MpTuple_GET_SIZE(mro);
        for (Mp_ssize_t i = 0; i < n; i++) {
            if (MpTuple_GET_ITEM(mro, i) == (MpObject *)b) {
                return 1;
            }
        }
        return 0;
    }
    /* Not ready yet: follow the base chain. */
    for (MpTypeObject *t = a->tp_base; t != NULL; t = t->tp_base) {
        if (t == b) {
            return 1;
        }
    }
    return b == &MpBaseObject_Type;
}

/* {====== The attribute cache ======
   Every attribute access looks the name up along the class's MRO, one dict
   per class, usually to find nothing (instance attributes live in the
   instance).  The cache remembers each (class, name) answer, found or not,
   in a small direct-mapped table.  Names are interned strs, so the name's
   address identifies it.  Correctness rests on one rule: whatever changes
   any class's dict (or frees a class) calls MpType_Modified, which makes
   every entry stale at once by advancing the epoch; classes change rarely
   once a program runs.  CPython counterpart: the type attribute cache of
   Objects/typeobject.c (which invalidates per type, with version tags). */

#define MCACHE_SIZE 4096  // a power of two

typedef struct {
    const MpTypeObject *type;
    const MpObject *name;
    MpObject *value;  // BORROWED from the class's dict; NULL: absent
    unsigned epoch;
} CacheEntry;

static CacheEntry mcache[MCACHE_SIZE];
/* Exported read-only as MpType_CacheEpoch for the VM's attribute cache,
   which relies on the same invalidation rule. */
unsigned mcache_epoch = 1;

void
MpType_Modified(MpTypeObject *type)
{
    (void)type;
    if (++mcache_epoch == 0) {  // wrapped: forget everything for real
        memset(mcache, 0, sizeof mcache);
        mcache_epoch = 1;
    }
}

static MpObject *lookup_uncached(MpTypeObject *type, MpObject *name);

MpObject *
MpType_Lookup(MpTypeObject *type, MpObject *name)
{
    if (!MpStr_CheckExact(name) || !((MpStrObject *)name)->interned) {
        return lookup_uncached(type, name);
    }
    uintptr_t h = ((uintptr_t)type >> 3) ^ ((uintptr_t)name >> 4);
    CacheEntry *e = &mcache[(h ^ (h >> 12)) & (MCACHE_SIZE - 1)];
    if (e->epoch == mcache_epoch && e->type == type && e->name == name) {
        return e->value;
    }
    MpObject *v = lookup_uncached(type, name);
    e->type = type;
    e->name = name;
    e->value = v;
    e->epoch = mcache_epoch;  // read after the lookup, which may ready type
    return v;
}
/* }====== */

static MpObject *
lookup_uncached(MpTypeObject *type, MpObject *name)
{
    MpObject *mro = type->tp_mro;
    if (mro == NULL) {
        /* A C type that start-up did not ready (an iterator type private
           to its file) is readied the first time it is looked at. */
        if (MpType_HasFeature(type, MP_TPFLAGS_READY)) {
            return NULL;
        }
        /* a lookup may happen while an exception is pending (an error
           path asking whether __next__ exists): ready the type aside */
        MpObject *pending = MpErr_GetRaisedException();
        int r = MpType_Ready(type);
        if (r < 0) {
            MpErr_Clear();
        }
        MpErr_SetRaisedException(pending);
        if (r < 0) {
            return NULL;
        }
        mro = type->tp_mro;
        if (mro == NULL) {
            return NULL;  // being readied: a metaclass's mro() looking
        }
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(mro);
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpTypeObject *t = (MpTypeObject *)MpTuple_GET_ITEM(mro, i);
        if (t->tp_dict == NULL) {
            continue;
        }
        MpObject *v = MpDict_GetItemWithError(t->tp_dict, name);
        if (v != NULL) {
            return v;
        }
        if (MpErr_Occurred()) {
            MpErr_Clear();  // lookups by str never fail but on MemoryError
            return NULL;
        }
    }
    return NULL;
}
/* }====== */

/* {====== C3 linearisation ====== */

/* Whether o appears in list[1:] of any of the n lists. */
static int
in_some_tail(MpObject *o, MpObject **lists, Mp_ssize_t *heads, int n)
{
    for (int i = 0; i < n; i++) {
        Mp_ssize_t len = MpList_Check(lists[i]) ? Mp_SIZE(lists[i])
                                                : MpTuple_GET_SIZE(lists[i]);
        for (Mp_ssize_t k = heads[i] + 1; k < len; k++) {
            MpObject *item = MpList_Check(lists[i])
                                 ? MpList_GET_ITEM(lists[i], k)
                                 : MpTuple_GET_ITEM(lists[i], k);
            if (item == o) {
                return 1;
            }
        }
    }
    return 0;
}

static MpObject *
seq_item(MpObject *seq, Mp_ssize_t i)
{
    return MpList_Check(seq) ? MpList_GET_ITEM(seq, i)
                             : MpTuple_GET_ITEM(seq, i);
}

static Mp_ssize_t
seq_len(MpObject *seq)
{
    return Mp_SIZE(seq);
}

/* "Cannot create a consistent method resolution\norder (MRO) for bases
   A, B": the heads still waiting, in order, each named once. */
static void
mro_error(MpObject **lists, Mp_ssize_t *heads, int n)
{
    MpObject *names = MpList_New(0);
    if (names == NULL) {
        return;
    }
    for (int i = 0; i < n; i++) {
        if (heads[i] >= seq_len(lists[i])) {
            continue;
        }
        MpTypeObject *t = (MpTypeObject *)seq_item(lists[i], heads[i]);
        MpObject *name = MpStr_FromString(MpType_Name(t));
        if (name == NULL) {
            Mp_DECREF(names);
            return;
        }
        int seen = 0;
        for (Mp_ssize_t k = 0; k < Mp_SIZE(names); k++) {
            seen |= MpStr_Equal(MpList_GET_ITEM(names, k), name);
        }
        if (!seen && MpList_Append(names, name) < 0) {
            Mp_DECREF(name);
            Mp_DECREF(names);
            return;
        }
        Mp_DECREF(name);
    }
    MpObject *sep = MpStr_FromString(", ");
    MpObject *joined = sep ? MpStr_Join(sep, names) : NULL;
    if (joined != NULL) {
        MpErr_Format(MpExc_TypeError,
                     "Cannot create a consistent method resolution\n"
                     "order (MRO) for bases %U",
                     joined);
    }
    Mp_XDECREF(sep);
    Mp_XDECREF(joined);
    Mp_DECREF(names);
}

/* The C3 linearisation of type: a NEW tuple, or NULL with TypeError. */
static MpObject *
compute_mro(MpTypeObject *type)
{
    MpObject *bases = type->tp_bases;
    Mp_ssize_t nbases = MpTuple_GET_SIZE(bases);
    int n = (int)nbases + 1;
    MpObject *lists[n];
    Mp_ssize_t heads[n];
    for (Mp_ssize_t i = 0; i < nbases; i++) {
        MpTypeObject *b = (MpTypeObject *)MpTuple_GET_ITEM(bases, i);
        if (b->tp_mro == NULL) {
            MpErr_Format(MpExc_TypeError, "base %s is not ready",
                         b->tp_name);
            return NULL;
        }
        lists[i] = b->tp_mro;
        heads[i] = 0;
    }
    lists[nbases] = bases;
    heads[nbases] = 0;

    MpObject *result = MpList_New(0);
    if (result == NULL || MpList_Append(result, (MpObject *)type) < 0) {
        Mp_XDECREF(result);
        return NULL;
    }
    for (;;) {
        int remaining = 0, found = 0;
        for (int i = 0; i < n; i++) {
            if (heads[i] >= seq_len(lists[i])) {
                continue;
            }
            remaining = 1;
            MpObject *candidate = seq_item(lists[i], heads[i]);
            if (in_some_tail(candidate, lists, heads, n)) {
                continue;
            }
            if (MpList_Append(result, candidate) < 0) {
                Mp_DECREF(result);
                return NULL;
            }
            for (int k = 0; k < n; k++) {
                if (heads[k] < seq_len(lists[k]) &&
                    seq_item(lists[k], heads[k]) == candidate) {
                    heads[k]++;
                }
            }
            found = 1;
            break;
        }
        if (!remaining) {
            break;
        }
        if (!found) {
            mro_error(lists, heads, n);
            Mp_DECREF(result);
            return NULL;
        }
    }
    MpObject *tuple = MpList_AsTuple(result);
    Mp_DECREF(result);
    return tuple;
}

/* The MRO of type: C3, or what its metaclass answers when it overrides
   type.mro() (CPython's mro_invoke), checked to be classes whose layout
   type's instances have.  Refs: NEW tuple, or NULL with TypeError. */
static MpObject *
mro_invoke(MpTypeObject *type)
{
    MpTypeObject *meta = Mp_TYPE((MpObject *)type);
    if (meta == &MpType_Type || MpType_Type.tp_dict == NULL) {
        return compute_mro(type);
    }
    MpObject *name = MpStr_InternFromString("mro");
    MpObject *found = name ? MpType_Lookup(meta, name) : NULL;
    Mp_XDECREF(name);
    if (found == NULL ||
        found == MpDict_GetItemString(MpType_Type.tp_dict, "mro")) {
        return MpErr_Occurred() ? NULL : compute_mro(type);
    }
    MpObject *r = MpObject_CallMethod((MpObject *)type, "mro", NULL, 0);
    MpObject *mro = r ? MpTuple_FromIterable(r) : NULL;
    Mp_XDECREF(r);
    if (mro == NULL) {
        return NULL;
    }
    MpTypeObject *solid = MpType_SolidBase(type);
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(mro); i++) {
        MpObject *t = MpTuple_GET_ITEM(mro, i);
        if (!MpType_Check(t)) {
            MpErr_Format(MpExc_TypeError, "mro() returned a non-class ('%s')",
                         MpType_Name(Mp_TYPE(t)));
            Mp_DECREF(mro);
            return NULL;
        }
        if (!MpType_IsSubtype(solid, MpType_SolidBase((MpTypeObject *)t))) {
            MpErr_Format(MpExc_TypeError,
                         "mro() returned base with unsuitable layout ('%s')",
                         MpType_Name((MpTypeObject *)t));
            Mp_DECREF(mro);
            return NULL;
        }
    }
    return mro;
}
/* }====== */

/* {====== Readying a type ====== */

/* Copies every NULL entry of *dst from *src, field by field: both are
   arrays of function pointers of the same struct type. */
static void
inherit_table(void *dst, const void *src, size_t size)
{
    void (**d)(void) = dst;
    void (*const *s)(void) = src;
    for (size_t i = 0; i < size / sizeof(*d); i++) {
        if (d[i] == NULL) {
            d[i] = s[i];
        }
    }
}

#define INHERIT(slot)                                                      \
    do {                                                                   \
        if (type->slot == NULL) {                                          \
            type->slot = base->slot;                                       \
        }                                                                  \
    } while (0)

static void
inherit_slots(MpTypeObject *type, MpTypeObject *base)
{
    if (type->tp_basicsize == 0) {
        type->tp_basicsize = base->tp_basicsize;
    }
    if (type->tp_itemsize == 0) {
        type->tp_itemsize = base->tp_itemsize;
    }
    type->tp_flags |= base->tp_flags &
                      (MP_TPFLAGS_INT_SUBCLASS | MP_TPFLAGS_LIST_SUBCLASS |
                       MP_TPFLAGS_TUPLE_SUBCLASS | MP_TPFLAGS_BYTES_SUBCLASS |
                       MP_TPFLAGS_STR_SUBCLASS | MP_TPFLAGS_DICT_SUBCLASS |
                       MP_TPFLAGS_BASE_EXC_SUBCLASS |
                       MP_TPFLAGS_TYPE_SUBCLASS);
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        /* a static type inherits the base's GC-ness with its layout */
        type->tp_flags |= base->tp_flags & MP_TPFLAGS_HAVE_GC;
    }
    INHERIT(tp_dealloc);
    INHERIT(tp_repr);
    INHERIT(tp_str);
    INHERIT(tp_getattro);
    INHERIT(tp_setattro);
    INHERIT(tp_call);
    INHERIT(tp_iter);
    INHERIT(tp_iternext);
    INHERIT(tp_descr_get);
    INHERIT(tp_descr_set);
    INHERIT(tp_traverse);
    INHERIT(tp_clear);
    INHERIT(tp_finalize);
    /* As CPython: a C type directly under object without a tp_new of its
       own cannot be instantiated from Python ("cannot create 'X'
       instances"); object_new would make a zeroed, invalid object. */
    if (base != &MpBaseObject_Type ||
        MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        INHERIT(tp_new);
    }
    INHERIT(tp_init);
    INHERIT(tp_vectorcall);
    INHERIT(tp_as_buffer);
    /* __hash__ and __eq__ are inherited together: a class that defines
       one defines what the other means (type_new sets tp_hash to NULL
       when __eq__ alone is defined). */
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        type->tp_richcompare = base->tp_richcompare;
        type->tp_hash = base->tp_hash;
    }
    if (type->tp_dictoffset == 0) {
        type->tp_dictoffset = base->tp_dictoffset;
    }
    if (type->tp_weaklistoffset == 0) {
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    }
    /* The method tables: share the base's table when there is none, merge
       entry by entry when both have one. */
    if (base->tp_as_number != NULL) {
        if (type->tp_as_number == NULL) {
            type->tp_as_number = base->tp_as_number;
        }
        else if (type->tp_as_number != base->tp_as_number) {
            inherit_table(type->tp_as_number, base->tp_as_number,
                          sizeof(MpNumberMethods));
        }
    }
    if (base->tp_as_sequence != NULL) {
        if (type->tp_as_sequence == NULL) {
            type->tp_as_sequence = base->tp_as_sequence;
        }
        else if (type->tp_as_sequence != base->tp_as_sequence) {
            inherit_table(type->tp_as_sequence, base->tp_as_sequence,
                          sizeof(MpSequenceMethods));
        }
    }
    if (base->tp_as_mapping != NULL) {
        if (type->tp_as_mapping == NULL) {
            type->tp_as_mapping = base->tp_as_mapping;
        }
        else if (type->tp_as_mapping != base->tp_as_mapping) {
            inherit_table(type->tp_as_mapping, base->tp_as_mapping,
                          sizeof(MpMappingMethods));
        }
    }
}

/* Puts a descriptor for every entry of the type's C tables in its dict. */
static int
add_descriptors(MpTypeObject *type)
{
    MpObject *dict = type->tp_dict;
    for (MpMethodDef *m = type->tp_methods; m && m->ml_name; m++) {
        MpObject *d;
        if (m->ml_flags & MP_METH_CLASS) {
            d = MpDescr_NewClassMethod(type, m);
        }
        else if (m->ml_flags & MP_METH_STATIC) {
            MpObject *f = MpCFunction_New(m, NULL, NULL);
            d = f ? MpStaticMethod_New(f) : NULL;
            Mp_XDECREF(f);
        }
        else {
            d = MpDescr_NewMethod(type, m);
        }
        if (d == NULL || MpDict_SetItemString(dict, m->ml_name, d) < 0) {
            Mp_XDECREF(d);
            return -1;
        }
        Mp_DECREF(d);
    }
    for (MpGetSetDef *g = type->tp_getset; g && g->name; g++) {
        MpObject *d = MpDescr_NewGetSet(type, g);
        if (d == NULL || MpDict_SetItemString(dict, g->name, d) < 0) {
            Mp_XDECREF(d);
            return -1;
        }
        Mp_DECREF(d);
    }
    for (MpMemberDef *mb = type->tp_members; mb && mb->name; mb++) {
        MpObject *d = MpDescr_NewMember(type, mb);
        if (d == NULL || MpDict_SetItemString(dict, mb->name, d) < 0) {
            Mp_XDECREF(d);
            return -1;
        }
        Mp_DECREF(d);
    }
    if (type->tp_doc != NULL &&
        MpDict_GetItemString(dict, "__doc__") == NULL) {
        MpObject *doc = MpStr_FromString(type->tp_doc);
        if (doc == NULL || MpDict_SetItemString(dict, "__doc__", doc) < 0) {
            Mp_XDECREF(doc);
            return -1;
        }
        Mp_DECREF(doc);
    }
    return 0;
}

/* Every static type MpType_Ready has finished, so that shutdown can give
   back what readying took (their dicts, MROs and bases tuples). */
static MpTypeObject **ready_types;
static size_t n_ready, cap_ready;

static int
remember_static_type(MpTypeObject *type)
{
    if (n_ready == cap_ready) {
        size_t cap = cap_ready ? cap_ready * 2 : 128;
        MpTypeObject **p = realloc(ready_types, cap * sizeof *p);
        if (p == NULL) {
            MpErr_NoMemory();
            return -1;
        }
        ready_types = p;
        cap_ready = cap;
    }
    ready_types[n_ready++] = type;
    return 0;
}

void
MpType_Fini(void)
{
    MpType_Modified(NULL);
    /* First the dicts (they hold descriptors that point back at their
       types), then the tuples of types. */
    for (size_t i = n_ready; i-- > 0;) {
        Mp_CLEAR(&ready_types[i]->tp_dict);
    }
    for (size_t i = n_ready; i-- > 0;) {
        MpTypeObject *t = ready_types[i];
        Mp_CLEAR(&t->tp_mro);
        Mp_CLEAR(&t->tp_bases);
        Mp_CLEAR(&t->tp_subclasses);
        t->tp_flags &= ~(unsigned long)(MP_TPFLAGS_READY |
                                        MP_TPFLAGS_READYING);
    }
    free(ready_types);
    ready_types = NULL;
    n_ready = cap_ready = 0;
}

static int ready_type(MpTypeObject *type);

int
MpType_Ready(MpTypeObject *type)
{
    if (MpType_HasFeature(type, MP_TPFLAGS_READY)) {
        return 0;
    }
    if (MpType_HasFeature(type, MP_TPFLAGS_READYING)) {
        return 0;  // already under way further up the C stack
    }
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE) &&
        remember_static_type(type) < 0) {
        return -1;
    }
    type->tp_flags |= MP_TPFLAGS_READYING;
    int r = ready_type(type);
    type->tp_flags &= ~(unsigned long)MP_TPFLAGS_READYING;
    return r;
}

/* MpType_Ready's work, once per type. */
static int
ready_type(MpTypeObject *type)
{
    if (type->tp_base == NULL && type != &MpBaseObject_Type) {
        type->tp_base = &MpBaseObject_Type;
    }
    MpTypeObject *base = type->tp_base;
    if (base != NULL && MpType_Ready(base) < 0) {
        return -1;
    }
    if (type->tp_bases == NULL) {
        type->tp_bases = base ? MpTuple_FromArray((MpObject **)&base, 1)
                              : MpTuple_New(0);
        if (type->tp_bases == NULL) {
            return -1;
        }
    }
    if (type->tp_dict == NULL) {
        type->tp_dict = MpDict_New();
        if (type->tp_dict == NULL) {
            return -1;
        }
    }
    MpDict_MarkTypeDict(type->tp_dict);
    /* A C type's own slots become wrapper descriptors (int.__add__)
       before it inherits its base's. */
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE) &&
        MpType_AddSlotWrappers(type) < 0) {
        return -1;
    }
    if (base != NULL) {
        inherit_slots(type, base);
    }
    /* an unhashable C type says so in its dict (list.__hash__ is None),
       as CPython's type_ready_set_hash does */
    if ((type->tp_hash == NULL ||
         type->tp_hash == MpObject_HashNotImplemented) &&
        !MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE) &&
        MpDict_GetItemString(type->tp_dict, "__hash__") == NULL &&
        MpDict_SetItemString(type->tp_dict, "__hash__", Mp_None) < 0) {
        return -1;
    }
    if (type->tp_mro == NULL) {
        if (base == NULL) {
            type->tp_mro = MpTuple_FromArray((MpObject **)&type, 1);
        }
        else {
            type->tp_mro = mro_invoke(type);
        }
        if (type->tp_mro == NULL) {
            return -1;
        }
    }
    if (add_descriptors(type) < 0) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(type->tp_bases); i++) {
        MpObject *b = MpTuple_GET_ITEM(type->tp_bases, i);
        if (MpType_AddSubclass((MpTypeObject *)b, type) < 0) {
            return -1;
        }
    }
    type->tp_flags |= MP_TPFLAGS_READY;
    MpType_Modified(type);
    return 0;
}
/* }====== */

/* {====== Generic attribute access ====== */

MpObject *
MpObject_GenericGetAttr(MpObject *o, MpObject *name)
{
    MpTypeObject *type = Mp_TYPE(o);
    if (!MpStr_Check(name)) {
        return MpErr_Format(MpExc_TypeError,
                            "attribute name must be string, not '%s'",
                            MpType_Name(Mp_TYPE(name)));
    }
    MpObject *attr = MpType_Lookup(type, name);
    descrgetfunc get = NULL;
    if (attr != NULL) {
        Mp_INCREF(attr);  // a __get__ or __eq__ could drop the class's
        get = Mp_TYPE(attr)->tp_descr_get;
        if (get != NULL && Mp_TYPE(attr)->tp_descr_set != NULL) {
            MpObject *r = get(attr, o, (MpObject *)type);
            Mp_DECREF(attr);
            return r;  // a data descriptor wins
        }
    }
    MpObject **dictp = MpObject_GetDictPtr(o);
    if (dictp != NULL && *dictp != NULL) {
        MpObject *v = MpDict_GetItemWithError(*dictp, name);
        if (v != NULL) {
            Mp_XDECREF(attr);
            return Mp_NewRef(v);
        }
        if (MpErr_Occurred()) {
            Mp_XDECREF(attr);
            return NULL;
        }
    }
    if (get != NULL) {
        MpObject *r = get(attr, o, (MpObject *)type);
        Mp_DECREF(attr);
        return r;
    }
    if (attr != NULL) {
        return attr;  // the reference taken above
    }
    return MpErr_Format(MpExc_AttributeError,
                        "'%s' object has no attribute '%U'",
                        MpType_Name(type), name);
}

int
MpObject_GenericSetAttr(MpObject *o, MpObject *name, MpObject *value)
{
    MpTypeObject *type = Mp_TYPE(o);
    if (!MpStr_Check(name)) {
        MpErr_Format(MpExc_TypeError,
                     "attribute name must be string, not '%s'",
                     MpType_Name(Mp_TYPE(name)));
        return -1;
    }
    MpObject *attr = MpType_Lookup(type, name);
    if (attr != NULL && Mp_TYPE(attr)->tp_descr_set != NULL) {
        Mp_INCREF(attr);
        int r = Mp_TYPE(attr)->tp_descr_set(attr, o, value);
        Mp_DECREF(attr);
        return r;
    }
    MpObject **dictp = MpObject_GetDictPtr(o);
    if (dictp == NULL) {
        if (attr == NULL) {
            MpErr_Format(MpExc_AttributeError,
                         "'%s' object has no attribute '%U'",
                         MpType_Name(type), name);
        }
        else {
            MpErr_Format(MpExc_AttributeError,
                         "'%s' object attribute '%U' is read-only",
                         MpType_Name(type), name);
        }
        return -1;
    }
    if (value == NULL) {
        if (*dictp == NULL || MpDict_Contains(*dictp, name) != 1) {
            MpErr_Format(MpExc_AttributeError,
                         "'%s' object has no attribute '%U'",
                         MpType_Name(type), name);
            return -1;
        }
        return MpDict_DelItem(*dictp, name);
    }
    if (*dictp == NULL) {
        *dictp = MpDict_New();
        if (*dictp == NULL) {
            return -1;
        }
    }
    return MpDict_SetItem(*dictp, name, value);
}
/* }====== */

/* {====== object ====== */

static void
object_dealloc(MpObject *o)
{
    MpObject_Free(o);
}

static MpObject *
object_repr(MpObject *o)
{
    MpTypeObject *type = Mp_TYPE(o);
    MpObject *module = NULL;
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE) && type->tp_dict) {
        module = MpDict_GetItemString(type->tp_dict, "__module__");
    }
    MpObject *qualname = NULL;
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        qualname = ((MpHeapTypeObject *)type)->ht_qualname;
    }
    if (module != NULL && MpStr_Check(module) &&
        MpStr_CompareWithASCII(module, "builtins") != 0) {
        if (qualname != NULL && MpStr_Check(qualname)) {
            return MpStr_FromFormat("<%U.%U object at %p>", module, qualname,
                                    (void *)o);
        }
        return MpStr_FromFormat("<%U.%s object at %p>", module,
                                MpType_Name(type), (void *)o);
    }
    return MpStr_FromFormat("<%s object at %p>", type->tp_name, (void *)o);
}

static MpObject *
object_str(MpObject *o)
{
    reprfunc f = Mp_TYPE(o)->tp_repr;
    return f ? f(o) : object_repr(o);
}

static Mp_hash_t
object_hash(MpObject *o)
{
    /* CPython's _Py_HashPointer: the address rotated by 4 bits, since the
       low bits of an aligned pointer are always zero. */
    uintptr_t y = (uintptr_t)o;
    Mp_hash_t h = (Mp_hash_t)((y >> 4) | (y << (8 * sizeof(y) - 4)));
    return h == -1 ? -2 : h;
}

static MpObject *
object_richcompare(MpObject *a, MpObject *b, int op)
{
    if (op == Mp_EQ) {
        return Mp_NewRef(a == b ? Mp_True : Mp_NotImplemented);
    }
    if (op == Mp_NE) {
        /* != is the inverse of == unless == is NotImplemented */
        MpObject *eq = Mp_TYPE(a)->tp_richcompare(a, b, Mp_EQ);
        if (eq == NULL || eq == Mp_NotImplemented) {
            return eq;
        }
        int t = MpObject_IsTrue(eq);
        Mp_DECREF(eq);
        if (t < 0) {
            return NULL;
        }
        return MpBool_FromLong(!t);
    }
    return Mp_NewRef(Mp_NotImplemented);
}

/* object() takes no arguments, unless a subclass overrides __init__ (for
   __new__) or __new__ (for __init__): CPython's excess-argument rule. */
static int
excess_args(MpObject *args, MpObject *kwargs)
{
    return (args && Mp_SIZE(args)) || (kwargs && MpDict_GET_SIZE(kwargs));
}

static int object_init(MpObject *self, MpObject *args, MpObject *kwargs);

/* "Can't instantiate abstract class C with abstract methods f, g": the
   names of type.__abstractmethods__, sorted (abc.ABCMeta computes the set
   and setting it raises the flag, see type_set_abstractmethods). */
static void
abstract_error(MpTypeObject *type)
{
    MpObject *methods = MpDict_GetItemString(type->tp_dict,
                                             "__abstractmethods__");
    MpObject *sorted = methods ? MpList_New(0) : NULL;
    if (sorted == NULL || MpList_Extend(sorted, methods) < 0 ||
        MpList_Sort(sorted) < 0) {
        Mp_XDECREF(sorted);
        if (!MpErr_Occurred()) {
            MpErr_Format(MpExc_TypeError,
                         "Can't instantiate abstract class %s",
                         MpType_Name(type));
        }
        return;
    }
    MpObject *sep = MpStr_FromString(", ");
    MpObject *joined = sep ? MpStr_Join(sep, sorted) : NULL;
    if (joined != NULL) {
        MpErr_Format(MpExc_TypeError,
                     "Can't instantiate abstract class %s with abstract "
                     "method%s %U",
                     MpType_Name(type), Mp_SIZE(sorted) > 1 ? "s" : "",
                     joined);
    }
    Mp_XDECREF(joined);
    Mp_XDECREF(sep);
    Mp_DECREF(sorted);
}

static MpObject *
object_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (excess_args(args, kwargs)) {
        if (type->tp_new != object_new) {
            MpErr_SetString(MpExc_TypeError,
                            "object.__new__() takes exactly one argument "
                            "(the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            MpErr_Format(MpExc_TypeError, "%s() takes no arguments",
                         MpType_Name(type));
            return NULL;
        }
    }
    if (MpType_HasFeature(type, MP_TPFLAGS_IS_ABSTRACT)) {
        abstract_error(type);
        return NULL;
    }
    MpObject *o = MpObject_New(type);
    if (o != NULL && MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
        MpObject_GC_Track(o);
    }
    return o;
}

static int
object_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    MpTypeObject *type = Mp_TYPE(self);
    if (excess_args(args, kwargs)) {
        if (type->tp_init != object_init) {
            MpErr_SetString(MpExc_TypeError,
                            "object.__init__() takes exactly one argument "
                            "(the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            MpErr_Format(MpExc_TypeError,
                         "%s.__init__() takes exactly one argument (the "
                         "instance to initialize)",
                         MpType_Name(type));
            return -1;
        }
    }
    return 0;
}

static MpObject *
object_get_class(MpObject *o, void *closure)
{
    return Mp_NewRef(Mp_TYPE(o));
}

/* object.__format__(spec): str(self) for an empty spec; any other spec
   is an error here (int, float and str define their own). */
static MpObject *
object_format(MpObject *self, MpObject *spec)
{
    if (!MpStr_Check(spec)) {
        return MpErr_Format(MpExc_TypeError,
                            "__format__() argument must be str, not %B",
                            spec);
    }
    if (MpStr_GET_LENGTH(spec) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "unsupported format string passed to "
                            "%s.__format__",
                            MpType_Name(Mp_TYPE(self)));
    }
    return MpObject_Str(self);
}

/* object.__sizeof__: the type's fixed size plus its items (what
   sys.getsizeof starts from; modules/sys_memory.c). */
static MpObject *
object_sizeof(MpObject *self, MpObject *unused)
{
    MpTypeObject *t = Mp_TYPE(self);
    Mp_ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize != 0) {
        Mp_ssize_t n = Mp_SIZE(self);
        size += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    return MpLong_FromSsize_t(size);
}

/* object.__init_subclass__(): the end of the cooperative chain of
   __init_subclass__ calls, where every class keyword must have been
   consumed. */
static MpObject *
object_init_subclass(MpObject *cls, MpObject *const *args, Mp_ssize_t nargs,
                     MpObject *kwnames)
{
    if (nargs > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "object.__init_subclass__() takes no arguments "
                            "(%zd given)",
                            nargs);
    }
    if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
        return MpErr_Format(MpExc_TypeError,
                            "%s.__init_subclass__() takes no keyword "
                            "arguments",
                            MpType_Check(cls)
                                ? MpType_Name((MpTypeObject *)cls)
                                : "object");
    }
    return Mp_NewRef(Mp_None);
}

/* object.__subclasshook__(C): NotImplemented, which tells
   ABCMeta.__subclasscheck__ to decide the usual way. */
static MpObject *
object_subclasshook(MpObject *cls, MpObject *const *args, Mp_ssize_t nargs,
                    MpObject *kwnames)
{
    return Mp_NewRef(Mp_NotImplemented);
}

static MpMethodDef object_methods[] = {
    {"__subclasshook__", (void *)object_subclasshook,
     MP_METH_FASTCALL | MP_METH_KEYWORDS | MP_METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", (void *)object_init_subclass,
     MP_METH_FASTCALL | MP_METH_KEYWORDS | MP_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__format__", (void *)object_format, MP_METH_O,
     "Default object formatter."},
    {"__sizeof__", (void *)object_sizeof, MP_METH_NOARGS,
     "Size of object in memory, in bytes."},
    {"__dir__", (void *)MpObject_Dir, MP_METH_NOARGS,
     "Default dir() implementation."},
    {"__reduce_ex__", (void *)MpObject_ReduceExMethod, MP_METH_O,
     "Helper for pickle."},
    {"__reduce__", (void *)MpObject_ReduceMethod, MP_METH_NOARGS,
     "Helper for pickle."},
    {"__getstate__", (void *)MpObject_GetStateMethod, MP_METH_NOARGS,
     "Helper for pickle."},
    {NULL},
};

static int object_set_class(MpObject *o, MpObject *value, void *closure);

static MpGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL},
};

MpTypeObject MpBaseObject_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "object",
    .tp_basicsize = sizeof(MpObject),
    .tp_flags = MP_TPFLAGS_BASETYPE,
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_richcompare = object_richcompare,
    .tp_getattro = MpObject_GenericGetAttr,
    .tp_setattro = MpObject_GenericSetAttr,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_new = object_new,
    .tp_init = object_init,
    .tp_doc = "The base class of the class hierarchy.",
};
/* }====== */

/* {====== type ====== */

/* type(x) and cls(...): vectorcall arguments to tp_new's tuple and dict,
   then tp_init on an instance of cls. */
static MpObject *
type_call(MpObject *callable, MpObject *const *args, size_t nargs,
          MpObject *kwnames)
{
    MpTypeObject *type = (MpTypeObject *)callable;
    if (type == &MpType_Type && nargs == 1 &&
        (kwnames == NULL || Mp_SIZE(kwnames) == 0)) {
        return Mp_NewRef(Mp_TYPE(args[0]));
    }
    if (type->tp_vectorcall != NULL) {
        return type->tp_vectorcall(callable, args, nargs, kwnames);
    }
    return MpType_GenericCall(callable, args, nargs, kwnames);
}

MpObject *
MpType_GenericCall(MpObject *callable, MpObject *const *args, size_t nargs,
                   MpObject *kwnames)
{
    MpTypeObject *type = (MpTypeObject *)callable;
    if (type->tp_new == NULL) {
        return MpErr_Format(MpExc_TypeError, "cannot create '%s' instances",
                            type->tp_name);
    }
    MpObject *tuple = MpTuple_FromArray(args, (Mp_ssize_t)nargs);
    if (tuple == NULL) {
        return NULL;
    }
    MpObject *kwargs = NULL;
    if (kwnames != NULL && Mp_SIZE(kwnames) > 0) {
        kwargs = MpArg_KwnamesToDict(args + nargs, kwnames);
        if (kwargs == NULL) {
            Mp_DECREF(tuple);
            return NULL;
        }
    }
    MpObject *obj = type->tp_new(type, tuple, kwargs);
    MpType_TrackNew(obj);
    if (obj != NULL && MpType_IsSubtype(Mp_TYPE(obj), type) &&
        Mp_TYPE(obj)->tp_init != NULL) {
        if (Mp_TYPE(obj)->tp_init(obj, tuple, kwargs) < 0) {
            Mp_CLEAR(&obj);
        }
    }
    Mp_DECREF(tuple);
    Mp_XDECREF(kwargs);
    return obj;
}

/* A class derived from a built-in type without GC support (bytearray,
   array.array) is a GC type, but the base's tp_new allocates the instance
   without knowing that: track it here, once its fields are valid.
   Refs: obj BORROWED (may be NULL). */
void
MpType_TrackNew(MpObject *obj)
{
    /* Only instances of classes: an exact dict or tuple may be left
       untracked on purpose (dict.c maintain_tracking). */
    if (obj != NULL && MpType_HasFeature(Mp_TYPE(obj), MP_TPFLAGS_HEAPTYPE) &&
        MpObject_IsGC(obj) && !MpObject_GC_IsTracked(obj)) {
        MpObject_GC_Track(obj);
    }
}

static MpObject *
type_repr(MpObject *o)
{
    MpTypeObject *type = (MpTypeObject *)o;
    MpObject *module = NULL, *qualname = NULL;
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        module = MpDict_GetItemString(type->tp_dict, "__module__");
        qualname = ((MpHeapTypeObject *)type)->ht_qualname;
    }
    if (module != NULL && MpStr_Check(module) &&
        MpStr_CompareWithASCII(module, "builtins") != 0) {
        if (qualname && MpStr_Check(qualname)) {
            return MpStr_FromFormat("<class '%U.%U'>", module, qualname);
        }
        return MpStr_FromFormat("<class '%U.%s'>", module, type->tp_name);
    }
    return MpStr_FromFormat("<class '%s'>", type->tp_name);
}

/* Attribute lookup on a class: data descriptors of the metaclass, then the
   class's own MRO (calling __get__ with no instance), then the rest of
   the metaclass's attributes. */
static MpObject *
type_getattro(MpObject *o, MpObject *name)
{
    MpTypeObject *type = (MpTypeObject *)o;
    MpTypeObject *meta = Mp_TYPE(o);
    MpObject *meta_attr = MpType_Lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr != NULL) {
        meta_get = Mp_TYPE(meta_attr)->tp_descr_get;
        if (meta_get != NULL && Mp_TYPE(meta_attr)->tp_descr_set != NULL) {
            return meta_get(meta_attr, o, (MpObject *)meta);
        }
    }
    MpObject *attr = MpType_Lookup(type, name);
    if (attr != NULL) {
        descrgetfunc get = Mp_TYPE(attr)->tp_descr_get;
        if (get != NULL) {
            return get(attr, NULL, o);
        }
        return Mp_NewRef(attr);
    }
    if (meta_get != NULL) {
        return meta_get(meta_attr, o, (MpObject *)meta);
    }
    if (meta_attr != NULL) {
        return Mp_NewRef(meta_attr);
    }
    return MpErr_Format(MpExc_AttributeError,
                        "type object '%s' has no attribute '%U'",
                        MpType_Name(type), name);
}

static int
is_dunder(MpObject *name)
{
    const char *s = MpStr_AsUTF8(name);
    size_t n = s ? strlen(s) : 0;
    if (s == NULL) {
        MpErr_Clear();
    }
    return n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' &&
           s[n - 2] == '_';
}

static MpObject *subclasses_list(MpTypeObject *type);

/* Recomputes the slots of type and of every class below it, after a
   special method was assigned or deleted.  Returns 0 or -1. */
static int
update_slots_below(MpTypeObject *type)
{
    MpType_UpdateSlots(type);
    MpObject *subs = subclasses_list(type);
    if (subs == NULL) {
        return -1;
    }
    int r = 0;
    for (Mp_ssize_t i = 0; r == 0 && i < Mp_SIZE(subs); i++) {
        r = update_slots_below((MpTypeObject *)MpList_GET_ITEM(subs, i));
    }
    Mp_DECREF(subs);
    return r;
}

static int
type_setattro(MpObject *o, MpObject *name, MpObject *value)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        MpErr_Format(MpExc_TypeError,
                     "cannot set '%U' attribute of immutable type '%s'",
                     name, type->tp_name);
        return -1;
    }
    MpObject *meta_attr = MpType_Lookup(Mp_TYPE(o), name);
    if (meta_attr != NULL && Mp_TYPE(meta_attr)->tp_descr_set != NULL) {
        return Mp_TYPE(meta_attr)->tp_descr_set(meta_attr, o, value);
    }
    type->tp_version_tag++;
    MpType_Modified(type);
    int r;
    if (value == NULL) {
        if (MpDict_Contains(type->tp_dict, name) != 1) {
            MpErr_Format(MpExc_AttributeError,
                         "type object '%s' has no attribute '%U'",
                         MpType_Name(type), name);
            return -1;
        }
        r = MpDict_DelItem(type->tp_dict, name);
    }
    else {
        r = MpDict_SetItem(type->tp_dict, name, value);
    }
    if (r == 0 && MpStr_Check(name) && is_dunder(name)) {
        /* C.__eq__ = f: the slots of C and its subclasses follow */
        r = update_slots_below(type);
    }
    return r;
}

static MpObject *
type_get_name(MpObject *o, void *closure)
{
    return MpStr_FromString(MpType_Name((MpTypeObject *)o));
}

static MpObject *
type_get_mro(MpObject *o, void *closure)
{
    MpObject *mro = ((MpTypeObject *)o)->tp_mro;
    return Mp_NewRef(mro ? mro : Mp_None);
}

static MpObject *
type_get_bases(MpObject *o, void *closure)
{
    MpObject *bases = ((MpTypeObject *)o)->tp_bases;
    return Mp_NewRef(bases ? bases : Mp_None);
}

/* {====== Assigning __bases__ ======
   C.__bases__ = (X, Y) rebuilds the class's place in the hierarchy: its
   MRO and the MRO of every class below it (mro_hierarchy, which keeps the
   old MROs so that a failure anywhere puts everything back), the slots
   that follow from the MROs, and the subclass records of old and new
   bases.  The instances' memory layout cannot change, so the new bases
   must lay instances out as the old ones did (compatible_layout). */

/* Whether two solid bases lay instances out alike: the same one, or two
   classes adding the same __slots__ names to the same layout (CPython's
   same_slots_added). */
static int
same_solid_layout(MpTypeObject *a, MpTypeObject *b)
{
    if (a == b) {
        return 1;
    }
    if (!MpType_HasFeature(a, MP_TPFLAGS_HEAPTYPE) ||
        !MpType_HasFeature(b, MP_TPFLAGS_HEAPTYPE) ||
        a->tp_basicsize != b->tp_basicsize ||
        MpType_SolidBase(a->tp_base) != MpType_SolidBase(b->tp_base)) {
        return 0;
    }
    MpObject *sa = ((MpHeapTypeObject *)a)->ht_slots;
    MpObject *sb = ((MpHeapTypeObject *)b)->ht_slots;
    Mp_ssize_t n = MpTuple_GET_SIZE(sa);
    if (n != MpTuple_GET_SIZE(sb)) {
        return 0;
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        // interned and sorted by parse_slots
        if (!MpStr_Equal(MpTuple_GET_ITEM(sa, i), MpTuple_GET_ITEM(sb, i))) {
            return 0;
        }
    }
    return 1;
}

/* "'B' deallocator differs from 'A'" / "'S' object layout differs from
   'A'", as CPython's compatible_for_assignment checks; what says which
   assignment ("__bases__" or "__class__").  The __dict__ and __weakref__
   slots must sit at the same offsets, not merely both exist: a class may
   have added them in either order, or in front of the object. */
static int
compatible_layout(MpTypeObject *oldto, MpTypeObject *newto, const char *what)
{
    /* every class has subtype_dealloc; a C type has its own */
    if (oldto->tp_dealloc != newto->tp_dealloc) {
        MpErr_Format(MpExc_TypeError,
                     "%s assignment: '%s' deallocator differs from '%s'",
                     what, MpType_Name(newto), MpType_Name(oldto));
        return 0;
    }
    if (!same_solid_layout(MpType_SolidBase(oldto), MpType_SolidBase(newto)) ||
        oldto->tp_dictoffset != newto->tp_dictoffset ||
        oldto->tp_weaklistoffset != newto->tp_weaklistoffset) {
        MpErr_Format(MpExc_TypeError,
                     "%s assignment: '%s' object layout differs from '%s'",
                     what, MpType_Name(newto), MpType_Name(oldto));
        return 0;
    }
    return 1;
}

/* obj.__class__ = cls: allowed between classes (or between module types)
   whose instances are laid out alike, as CPython's object_set_class.
   The instance holds a reference to its class, so the counts move. */
static int
object_set_class(MpObject *o, MpObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        MpErr_SetString(MpExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!MpType_Check(value)) {
        MpErr_Format(MpExc_TypeError,
                     "__class__ must be set to a class, not '%s' object",
                     MpType_Name(Mp_TYPE(value)));
        return -1;
    }
    MpTypeObject *oldto = Mp_TYPE(o), *newto = (MpTypeObject *)value;
    int heap = MpType_HasFeature(oldto, MP_TPFLAGS_HEAPTYPE) &&
               MpType_HasFeature(newto, MP_TPFLAGS_HEAPTYPE);
    int modules = MpType_IsSubtype(oldto, &MpModule_Type) &&
                  MpType_IsSubtype(newto, &MpModule_Type);
    if (!heap && !modules) {
        MpErr_SetString(MpExc_TypeError,
                        "__class__ assignment only supported for mutable "
                        "types or ModuleType subclasses");
        return -1;
    }
    /* a module subclass's subtype_dealloc ends in the module's own */
    if (modules && !heap ? MpType_SolidBase(oldto) != MpType_SolidBase(newto)
                         : !compatible_layout(oldto, newto, "__class__")) {
        if (modules && !heap) {
            MpErr_Format(MpExc_TypeError,
                         "__class__ assignment: '%s' object layout differs "
                         "from '%s'",
                         MpType_Name(newto), MpType_Name(oldto));
        }
        return -1;
    }
    if (MpType_HasFeature(newto, MP_TPFLAGS_HEAPTYPE)) {
        Mp_INCREF(newto);
    }
    o->ob_type = newto;
    if (MpType_HasFeature(oldto, MP_TPFLAGS_HEAPTYPE)) {
        Mp_DECREF(oldto);
    }
    return 0;
}

/* The direct subclasses of type, alive now.  Refs: NEW list. */
static MpObject *
subclasses_list(MpTypeObject *type)
{
    MpObject *list = MpList_New(0);
    if (list == NULL || type->tp_subclasses == NULL) {
        return list;
    }
    Mp_ssize_t pos = 0;
    MpObject *key, *value;
    while (MpDict_Next(type->tp_subclasses, &pos, &key, &value)) {
        MpObject *sub = (MpObject *)(uintptr_t)MpLong_AsSsize_t(key);
        if (MpList_Append(list, sub) < 0) {
            Mp_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* Recomputes the MRO of type and of every class below it, appending
   (class, old MRO) to undo for each.  Returns 0 or -1. */
static int
mro_hierarchy(MpTypeObject *type, MpObject *undo)
{
    MpObject *mro = mro_invoke(type);
    if (mro == NULL) {
        return -1;
    }
    MpObject *entry = MpTuple_Pack(2, (MpObject *)type,
                                   type->tp_mro ? type->tp_mro : Mp_None);
    if (entry == NULL || MpList_Append(undo, entry) < 0) {
        Mp_XDECREF(entry);
        Mp_DECREF(mro);
        return -1;
    }
    Mp_DECREF(entry);
    Mp_SETREF(&type->tp_mro, mro);
    MpObject *subs = subclasses_list(type);
    if (subs == NULL) {
        return -1;
    }
    int r = 0;
    for (Mp_ssize_t i = 0; r == 0 && i < Mp_SIZE(subs); i++) {
        r = mro_hierarchy((MpTypeObject *)MpList_GET_ITEM(subs, i), undo);
    }
    Mp_DECREF(subs);
    return r;
}

static int
type_set_bases(MpObject *o, MpObject *value, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE) || value == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "cannot %s '__bases__' attribute of immutable type "
                     "'%s'",
                     value ? "set" : "delete", MpType_Name(type));
        return -1;
    }
    if (!MpTuple_Check(value)) {
        MpErr_Format(MpExc_TypeError,
                     "can only assign tuple to %s.__bases__, not %s",
                     MpType_Name(type), MpType_Name(Mp_TYPE(value)));
        return -1;
    }
    if (MpTuple_GET_SIZE(value) == 0) {
        MpErr_Format(MpExc_TypeError,
                     "can only assign non-empty tuple to %s.__bases__, "
                     "not ()",
                     MpType_Name(type));
        return -1;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(value); i++) {
        MpObject *b = MpTuple_GET_ITEM(value, i);
        if (!MpType_Check(b)) {
            MpErr_Format(MpExc_TypeError,
                         "%s.__bases__ must be tuple of classes, not '%s'",
                         MpType_Name(type), MpType_Name(Mp_TYPE(b)));
            return -1;
        }
        if (MpType_IsSubtype((MpTypeObject *)b, type)) {
            MpErr_SetString(MpExc_TypeError,
                            "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    MpTypeObject *new_base = MpType_BestBase(value);
    if (new_base == NULL || !compatible_layout(type->tp_base, new_base, "__bases__")) {
        return -1;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(value); i++) {
        for (Mp_ssize_t k = 0; k < i; k++) {
            if (MpTuple_GET_ITEM(value, i) == MpTuple_GET_ITEM(value, k)) {
                MpErr_Format(MpExc_TypeError, "duplicate base class %s",
                             MpType_Name((MpTypeObject *)MpTuple_GET_ITEM(
                                 value, i)));
                return -1;
            }
        }
    }
    MpObject *old_bases = type->tp_bases;
    MpTypeObject *old_base = type->tp_base;
    type->tp_bases = Mp_NewRef(value);
    type->tp_base = (MpTypeObject *)Mp_NewRef(new_base);
    MpObject *undo = MpList_New(0);
    if (undo == NULL || mro_hierarchy(type, undo) < 0) {
        /* put back the old bases and every MRO already replaced */
        for (Mp_ssize_t i = undo ? Mp_SIZE(undo) : 0; i-- > 0;) {
            MpObject *entry = MpList_GET_ITEM(undo, i);
            MpTypeObject *t = (MpTypeObject *)MpTuple_GET_ITEM(entry, 0);
            MpObject *mro = MpTuple_GET_ITEM(entry, 1);
            Mp_SETREF(&t->tp_mro, mro == Mp_None ? NULL : Mp_NewRef(mro));
        }
        Mp_XDECREF(undo);
        Mp_SETREF(&type->tp_bases, old_bases);
        MpTypeObject *failed = type->tp_base;
        type->tp_base = old_base;
        Mp_DECREF(failed);
        MpType_Modified(type);
        return -1;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(old_bases); i++) {
        MpType_RemoveSubclass((MpTypeObject *)MpTuple_GET_ITEM(old_bases, i),
                              type);
    }
    int r = 0;
    for (Mp_ssize_t i = 0; r == 0 && i < MpTuple_GET_SIZE(value); i++) {
        r = MpType_AddSubclass((MpTypeObject *)MpTuple_GET_ITEM(value, i),
                               type);
    }
    MpType_Modified(type);
    /* the slots follow the new MROs, top of the hierarchy first */
    for (Mp_ssize_t i = 0; i < Mp_SIZE(undo); i++) {
        MpObject *entry = MpList_GET_ITEM(undo, i);
        MpType_UpdateSlots((MpTypeObject *)MpTuple_GET_ITEM(entry, 0));
    }
    Mp_DECREF(undo);
    Mp_DECREF(old_bases);
    Mp_DECREF(old_base);
    return r;
}

static MpObject *
type_subclasses(MpObject *self, MpObject *unused)
{
    return subclasses_list((MpTypeObject *)self);
}
/* }====== */

/* C.__dict__: a read-only view of the class's dict, so that every change
   goes through setattr and keeps the attribute cache right. */
static MpObject *
type_get_dict(MpObject *o, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (type->tp_dict == NULL) {
        return Mp_NewRef(Mp_None);
    }
    return MpDictProxy_New(type->tp_dict);
}

/* __abstractmethods__ lives in the class's own dict; setting it to a true
   value raises the flag object.__new__ checks.  `type` itself answers
   AttributeError, as in CPython (its dict holds this descriptor). */
static MpObject *
type_get_abstractmethods(MpObject *o, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    MpObject *v = NULL;
    if (type != &MpType_Type) {
        v = MpDict_GetItemString(type->tp_dict, "__abstractmethods__");
    }
    if (v == NULL) {
        MpErr_SetString(MpExc_AttributeError, "__abstractmethods__");
        return NULL;
    }
    return Mp_NewRef(v);
}

static int
type_set_abstractmethods(MpObject *o, MpObject *value, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    int abstract = 0, r;
    if (value != NULL) {
        abstract = MpObject_IsTrue(value);
        if (abstract < 0) {
            return -1;
        }
        r = MpDict_SetItemString(type->tp_dict, "__abstractmethods__",
                                 value);
    }
    else {
        r = MpDict_GetItemString(type->tp_dict, "__abstractmethods__")
                ? MpDict_DelItemString(type->tp_dict, "__abstractmethods__")
                : -1;
        if (r < 0 && !MpErr_Occurred()) {
            MpErr_SetString(MpExc_AttributeError, "__abstractmethods__");
        }
    }
    if (r < 0) {
        return -1;
    }
    MpType_Modified(type);
    if (abstract) {
        type->tp_flags |= MP_TPFLAGS_IS_ABSTRACT;
    }
    else {
        type->tp_flags &= ~(unsigned long)MP_TPFLAGS_IS_ABSTRACT;
    }
    return 0;
}

static MpObject *
type_get_base(MpObject *o, void *closure)
{
    MpTypeObject *base = ((MpTypeObject *)o)->tp_base;
    return Mp_NewRef(base ? (MpObject *)base : Mp_None);
}

static MpObject *
type_get_module(MpObject *o, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        MpObject *m = MpDict_GetItemString(type->tp_dict, "__module__");
        if (m != NULL) {
            return Mp_NewRef(m);
        }
    }
    const char *dot = strrchr(type->tp_name, '.');
    if (dot != NULL) {
        return MpStr_FromUTF8(type->tp_name, dot - type->tp_name);
    }
    return MpStr_InternFromString("builtins");
}

/* C.__module__ = name: a class keeps it in its dict; a built-in type's
   comes from its tp_name and cannot change. */
static int
type_set_module(MpObject *o, MpObject *value, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        MpErr_Format(MpExc_TypeError,
                     "cannot set '__module__' attribute of immutable type "
                     "'%s'",
                     type->tp_name);
        return -1;
    }
    if (value == NULL) {
        MpErr_Format(MpExc_TypeError, "cannot delete '__module__' attribute "
                                      "of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    if (MpDict_SetItemString(type->tp_dict, "__module__", value) < 0) {
        return -1;
    }
    MpType_Modified(type);
    return 0;
}

/* C.__qualname__ = "Outer.C": classes only, and only a str. */
static int
type_set_qualname(MpObject *o, MpObject *value, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE) || value == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "cannot %s '__qualname__' attribute of immutable type "
                     "'%s'",
                     value == NULL ? "delete" : "set", type->tp_name);
        return -1;
    }
    if (!MpStr_Check(value)) {
        MpErr_Format(MpExc_TypeError,
                     "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, MpType_Name(Mp_TYPE(value)));
        return -1;
    }
    Mp_SETREF(&((MpHeapTypeObject *)type)->ht_qualname, Mp_NewRef(value));
    return 0;
}

static MpObject *
type_get_qualname(MpObject *o, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        return Mp_NewRef(((MpHeapTypeObject *)type)->ht_qualname);
    }
    return type_get_name(o, closure);
}

static MpObject *
type_mro_method(MpObject *self, MpObject *unused)
{
    /* computed afresh: a metaclass's mro() calls this through super() */
    MpTypeObject *type = (MpTypeObject *)self;
    MpObject *mro;
    if (type->tp_bases != NULL && type->tp_base != NULL) {
        mro = compute_mro(type);
    }
    else {
        mro = type->tp_mro;
        Mp_XINCREF(mro);
    }
    MpObject *list = MpList_New(0);
    if (list != NULL && mro != NULL && MpList_Extend(list, mro) < 0) {
        Mp_CLEAR(&list);
    }
    Mp_XDECREF(mro);
    return list;
}

static MpMethodDef type_methods[] = {
    {"mro", (void *)type_mro_method, MP_METH_NOARGS,
     "Return a type's method resolution order."},
    {"__dir__", (void *)MpType_Dir, MP_METH_NOARGS,
     "Specialized __dir__ implementation for types."},
    {"__subclasses__", (void *)type_subclasses, MP_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {NULL},
};

/* C.__annotations__: the class dict's entry, created empty on first read
   (3.10+), so that a class without annotations still answers {}; built-in
   types have none. */
static MpObject *
type_get_annotations(MpObject *o, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        return MpErr_Format(MpExc_AttributeError,
                            "type object '%s' has no attribute "
                            "'__annotations__'",
                            type->tp_name);
    }
    MpObject *ann = MpDict_GetItemString(type->tp_dict, "__annotations__");
    if (ann != NULL) {
        descrgetfunc get = Mp_TYPE(ann)->tp_descr_get;
        return get != NULL ? get(ann, NULL, o) : Mp_NewRef(ann);
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    ann = MpDict_New();
    if (ann == NULL ||
        MpDict_SetItemString(type->tp_dict, "__annotations__", ann) < 0) {
        Mp_XDECREF(ann);
        return NULL;
    }
    MpType_Modified(type);
    return ann;
}

static int
type_set_annotations(MpObject *o, MpObject *value, void *closure)
{
    MpTypeObject *type = (MpTypeObject *)o;
    int r;
    if (!MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        MpErr_Format(MpExc_TypeError,
                     "cannot set '__annotations__' attribute of immutable "
                     "type '%s'",
                     type->tp_name);
        return -1;
    }
    if (value != NULL) {
        r = MpDict_SetItemString(type->tp_dict, "__annotations__", value);
    }
    else if (MpDict_GetItemString(type->tp_dict, "__annotations__") != NULL) {
        r = MpDict_DelItemString(type->tp_dict, "__annotations__");
    }
    else {
        if (!MpErr_Occurred()) {
            MpErr_SetString(MpExc_AttributeError, "__annotations__");
        }
        return -1;
    }
    if (r == 0) {
        MpType_Modified(type);
    }
    return r;
}

static MpGetSetDef type_getset[] = {
    {"__name__", type_get_name, NULL, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods,
     type_set_abstractmethods, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL,
     NULL},
    {NULL},
};

/* Only classes (heap types) are ever freed; built-in types are static. */
static void
type_dealloc(MpObject *o)
{
    MpHeapTypeObject *ht = (MpHeapTypeObject *)o;
    MpTypeObject *type = &ht->ht_type;
    MpObject_GC_UnTrack(o);
    MpObject_ClearWeakRefs(o);
    MpType_Modified(type);  // its address may be reused by a new class
    if (type->tp_bases != NULL && MpType_HasFeature(type, MP_TPFLAGS_READY)) {
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(type->tp_bases); i++) {
            MpType_RemoveSubclass(
                (MpTypeObject *)MpTuple_GET_ITEM(type->tp_bases, i), type);
        }
    }
    Mp_XDECREF(ht->ht_slots);
    free(ht->ht_members);
    Mp_XDECREF(type->tp_base);
    Mp_XDECREF(type->tp_bases);
    Mp_XDECREF(type->tp_mro);
    Mp_XDECREF(type->tp_dict);
    Mp_XDECREF(type->tp_subclasses);
    Mp_XDECREF(ht->ht_name);  // tp_name pointed into it
    Mp_XDECREF(ht->ht_qualname);
    MpObject_Free(o);
}

static int
type_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpTypeObject *type = (MpTypeObject *)o;
    MpObject *refs[] = {type->tp_dict, type->tp_mro, type->tp_bases,
                        (MpObject *)type->tp_base};
    for (size_t i = 0; i < sizeof refs / sizeof refs[0]; i++) {
        if (refs[i] != NULL && visit(refs[i], arg)) {
            return 1;
        }
    }
    return 0;
}

static int
type_clear(MpObject *o)
{
    MpTypeObject *type = (MpTypeObject *)o;
    MpType_Modified(type);
    Mp_CLEAR(&type->tp_dict);
    Mp_CLEAR(&type->tp_mro);
    return 0;
}

MpTypeObject *
MpType_CalculateMetaclass(MpTypeObject *meta, MpObject *bases)
{
    MpTypeObject *winner = meta;
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(bases); i++) {
        MpTypeObject *t = Mp_TYPE(MpTuple_GET_ITEM(bases, i));
        if (MpType_IsSubtype(winner, t)) {
            continue;
        }
        if (MpType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        MpErr_SetString(MpExc_TypeError,
                        "metaclass conflict: the metaclass of a derived "
                        "class must be a (non-strict) subclass of the "
                        "metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* super(type, type).__init_subclass__(**kwargs): the hook of the nearest
   base that defines one (object's accepts no keywords).  Returns 0 or
   -1. */
static int
init_subclass(MpTypeObject *type, MpObject *kwargs)
{
    static MpStrIdentifier id = MP_STR_IDENTIFIER("__init_subclass__");
    MpObject *name = MpStr_FromIdentifier(&id);
    MpObject *mro = type->tp_mro;
    MpObject *hook = NULL;
    for (Mp_ssize_t i = 1; name && i < MpTuple_GET_SIZE(mro); i++) {
        MpTypeObject *t = (MpTypeObject *)MpTuple_GET_ITEM(mro, i);
        hook = t->tp_dict ? MpDict_GetItemWithError(t->tp_dict, name) : NULL;
        if (hook != NULL || MpErr_Occurred()) {
            break;
        }
    }
    if (hook == NULL) {
        return MpErr_Occurred() ? -1 : 0;
    }
    Mp_INCREF(hook);
    descrgetfunc get = Mp_TYPE(hook)->tp_descr_get;
    MpObject *bound = get ? get(hook, NULL, (MpObject *)type)
                          : Mp_NewRef(hook);
    Mp_DECREF(hook);
    if (bound == NULL) {
        return -1;
    }
    MpObject *noargs = MpTuple_New(0);
    MpObject *r = noargs ? MpObject_Call(bound, noargs, kwargs) : NULL;
    Mp_XDECREF(noargs);
    Mp_DECREF(bound);
    if (r == NULL) {
        return -1;
    }
    Mp_DECREF(r);
    return 0;
}

/* type(name, bases, ns, **kwds) through tp_new: the one-argument form is
   handled by type_call before this is reached.  The metaclass is the most
   derived of meta and the bases' metaclasses; the keywords go to the new
   class's __init_subclass__. */
static MpObject *
type_new(MpTypeObject *meta, MpObject *args, MpObject *kwargs)
{
    if (MpTuple_GET_SIZE(args) != 3) {
        MpErr_SetString(MpExc_TypeError, "type() takes 1 or 3 arguments");
        return NULL;
    }
    MpObject *name = MpTuple_GET_ITEM(args, 0);
    MpObject *bases = MpTuple_GET_ITEM(args, 1);
    MpObject *ns = MpTuple_GET_ITEM(args, 2);
    const char *want[3] = {"str", "tuple", "dict"};
    int ok[3] = {MpStr_Check(name), MpTuple_Check(bases), MpDict_Check(ns)};
    for (int i = 0; i < 3; i++) {
        if (!ok[i]) {
            MpObject *a = MpTuple_GET_ITEM(args, i);
            return MpErr_Format(MpExc_TypeError,
                                "type.__new__() argument %d must be %s, "
                                "not %s",
                                i + 1, want[i], MpType_Name(Mp_TYPE(a)));
        }
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(bases); i++) {
        MpObject *b = MpTuple_GET_ITEM(bases, i);
        static MpStrIdentifier id = MP_STR_IDENTIFIER("__mro_entries__");
        MpObject *entries;
        if (MpType_Check(b)) {
            continue;
        }
        if (MpObject_LookupAttr(b, MpStr_FromIdentifier(&id), &entries) <
            0) {
            return NULL;
        }
        if (entries != NULL) {
            Mp_DECREF(entries);
            return MpErr_Format(MpExc_TypeError,
                                "type() doesn't support MRO entry "
                                "resolution; use types.new_class()");
        }
    }
    MpTypeObject *winner = MpType_CalculateMetaclass(meta, bases);
    if (winner == NULL) {
        return NULL;
    }
    if (winner != meta && winner->tp_new != type_new) {
        return winner->tp_new(winner, args, kwargs);
    }
    MpObject *type = MpType_New(winner, name, bases, ns);
    if (type != NULL && init_subclass((MpTypeObject *)type, kwargs) < 0) {
        Mp_CLEAR(&type);
    }
    return type;
}

static int
type_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n == 1 && kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        MpErr_SetString(MpExc_TypeError,
                        "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (n != 1 && n != 3) {
        MpErr_SetString(MpExc_TypeError,
                        "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* int | str (union.c) */
static MpNumberMethods type_as_number = {
    .nb_or = MpUnion_TypeOr,
};

MpTypeObject MpType_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "type",
    .tp_basicsize = sizeof(MpHeapTypeObject),
    /* a class's attributes are its "instance dict": a metaclass's
       instances must not get a second __dict__ slot */
    .tp_dictoffset = offsetof(MpTypeObject, tp_dict),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_TYPE_SUBCLASS |
                MP_TPFLAGS_HAVE_GC,
    .tp_weaklistoffset = offsetof(MpTypeObject, tp_weaklist),
    .tp_dealloc = type_dealloc,
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_new = type_new,
    .tp_init = type_init,
    .tp_repr = type_repr,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_call = type_call,
    .tp_methods = type_methods,
    .tp_getset = type_getset,
    .tp_as_number = &type_as_number,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
};
/* }====== */
