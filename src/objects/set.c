/* set.c — set and frozenset.

   A set is an open-addressing hash table of (key, hash) entries; a slot
   is unused (key NULL), active, or a dummy (a deleted key: the probe
   chain must go on past it).  The rules are CPython 3.11's, so that the
   order in which a set iterates — the table order, which Python leaves
   unspecified but every program prints — is the same:

   - the table has 8 slots at first (kept inside the object: smalltable)
     and is always a power of two;
   - probing: from slot i = hash & mask, look at i and the next
     LINEAR_PROBES (9) slots when they fit before the end of the table
     (cheap: same cache lines), then jump to i = (5*i + 1 + perturb) &
     mask, where perturb starts as the hash and loses 5 bits per jump
     (PERTURB_SHIFT), so every bit of the hash eventually matters;
   - an insertion that makes fill (active + dummy) reach 3/5 of the table
     resizes it to the smallest power of two > 4 * used (2 * used beyond
     50000 keys), re-inserting the keys in table order;
   - deleting leaves a dummy; an insertion does not reuse dummies (3.11
     does not), they disappear at the next resize.

       {3, 1, 2}:   slot  0    1    2    3    4    5    6    7
                          --   1    2    3    --   --   --   --   -> {1, 2, 3}
       {10, 5, 100}:      --   --   10   --   100  5    --   --   -> {10, 100, 5}

   A frozenset caches its hash, CPython's: the xor of a bit-shuffle of
   every key's hash, mixed with the count.

   CPython counterpart: Objects/setobject.c.
   Read first: set_add_entry, then set_table_resize. */
#include "objects/set.h"
#include "objects/objreduce.h"
#include "obmalloc.h"

#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "strbuf.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/weakref.h"
#include "objects/genericalias.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef MpSetObject Set;
typedef MpSetEntry Entry;

/* The key of a deleted entry (hash -1).  Never visible to Python. */
static MpObject dummy_struct = MP_OBJECT_HEAD_INIT(&MpBaseObject_Type);
#define dummy (&dummy_struct)

int
MpAnySet_Check(const MpObject *o)
{
    MpTypeObject *t = Mp_TYPE(o);
    return t == &MpSet_Type || t == &MpFrozenSet_Type ||
           MpType_IsSubtype(t, &MpSet_Type) ||
           MpType_IsSubtype(t, &MpFrozenSet_Type);
}

int
MpFrozenSet_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpFrozenSet_Type ||
           MpType_IsSubtype(Mp_TYPE(o), &MpFrozenSet_Type);
}

static inline Mp_hash_t
key_hash(MpObject *key)
{
    if (MpStr_CheckExact(key)) {
        Mp_hash_t h = ((MpStrObject *)key)->hash;
        if (h != -1) {
            return h;
        }
    }
    return MpObject_Hash(key);
}

/* {====== The table ====== */

/* The entry holding key, or the unused entry where its probe ended (key
   NULL there); NULL with an exception when __eq__ failed.  When freeslot
   is not NULL it receives the last dummy the probe passed (NULL if none):
   CPython 3.11's set_add_entry puts a new key there, which decides the
   iteration order after deletions. */
static Entry *
set_lookkey_ex(Set *so, MpObject *key, Mp_hash_t hash, Entry **freeslot)
{
    size_t perturb;
restart:
    perturb = (size_t)hash;
    if (freeslot != NULL) {
        *freeslot = NULL;
    }
    Entry *table = so->table;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Entry *entry = &table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) {
                return entry;
            }
            if (entry->hash == hash) {
                MpObject *startkey = entry->key;
                if (startkey == key) {
                    return entry;
                }
                if (MpStr_CheckExact(startkey) && MpStr_CheckExact(key)) {
                    if (MpStr_Equal(startkey, key)) {
                        return entry;
                    }
                } else {
                    Mp_INCREF(startkey);
                    int cmp = MpObject_RichCompareBool(startkey, key, Mp_EQ);
                    Mp_DECREF(startkey);
                    if (cmp < 0) {
                        return NULL;
                    }
                    if (table != so->table || entry->key != startkey) {
                        goto restart;  // __eq__ mutated the set
                    }
                    if (cmp > 0) {
                        return entry;
                    }
                    mask = (size_t)so->mask;
                }
            }
            else if (freeslot != NULL && entry->hash == -1 &&
                     entry->key == dummy) {
                *freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static Entry *
set_lookkey(Set *so, MpObject *key, Mp_hash_t hash)
{
    return set_lookkey_ex(so, key, hash, NULL);
}

/* Places a key known to be absent into a table without dummies.
   Refs: STEALS key. */
static void
set_insert_clean(Entry *table, size_t mask, MpObject *key, Mp_hash_t hash)
{
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        Entry *entry = &table[i];
        if (entry->key == NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

/* Rebuilds the table with the smallest power of two > minused slots (at
   least 8), dropping dummies.  0 or -1. */
static int
set_table_resize(Set *so, Mp_ssize_t minused)
{
    size_t newsize = MP_SET_MINSIZE;
    while (newsize <= (size_t)minused) {
        newsize <<= 1;
    }
    Entry *oldtable = so->table;
    int oldmalloced = oldtable != so->smalltable;
    Entry small_copy[MP_SET_MINSIZE];
    Entry *newtable;
    size_t oldmask = (size_t)so->mask;
    if (newsize == MP_SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) {
                return 0;  // already minimal, no dummies
            }
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = MpMem_Malloc(newsize * sizeof(Entry));
        if (newtable == NULL) {
            MpErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, newsize * sizeof(Entry));
    so->mask = (Mp_ssize_t)newsize - 1;
    so->table = newtable;
    so->fill = so->used;
    for (size_t i = 0; i <= oldmask; i++) {
        Entry *e = &oldtable[i];
        if (e->key != NULL && e->key != dummy) {
            set_insert_clean(newtable, newsize - 1, e->key, e->hash);
        }
    }
    if (oldmalloced) {
        MpMem_Free(oldtable);
    }
    return 0;
}

/* Adds key.  0 or -1.  Refs: key BORROWED. */
static int
set_add_entry(Set *so, MpObject *key, Mp_hash_t hash)
{
    Mp_INCREF(key);  // held while __eq__ may run
    Entry *freeslot;
    Entry *entry = set_lookkey_ex(so, key, hash, &freeslot);
    if (entry == NULL) {
        Mp_DECREF(key);
        return -1;
    }
    if (entry->key != NULL) {
        Mp_DECREF(key);  // already there
        return 0;
    }
    if (freeslot != NULL) {  // reuse the dummy: fill is unchanged
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < (size_t)so->mask * 3) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2
                                                 : so->used * 4);
}

/* 1 when present, 0 when not, -1 on error. */
static int
set_contains_entry(Set *so, MpObject *key, Mp_hash_t hash)
{
    Entry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    return entry->key != NULL;
}

/* 1 removed, 0 absent, -1 error. */
static int
set_discard_entry(Set *so, MpObject *key, Mp_hash_t hash)
{
    Entry *entry = set_lookkey(so, key, hash);
    if (entry == NULL) {
        return -1;
    }
    if (entry->key == NULL) {
        return 0;
    }
    MpObject *old = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    Mp_DECREF(old);
    return 1;
}

static int
set_clear_internal(Set *so)
{
    Entry *table = so->table;
    Mp_ssize_t fill = so->fill;
    size_t n = (size_t)so->mask + 1;
    int malloced = table != so->smalltable;
    Entry small_copy[MP_SET_MINSIZE];
    if (!malloced && fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    /* Make the set empty first: a __del__ run below sees it empty. */
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->table = so->smalltable;
    so->mask = MP_SET_MINSIZE - 1;
    so->fill = 0;
    so->used = 0;
    so->hash = -1;
    for (size_t i = 0; fill > 0 && i < n; i++) {
        if (table[i].key != NULL) {
            fill--;
            if (table[i].key != dummy) {
                Mp_DECREF(table[i].key);
            }
        }
    }
    if (malloced) {
        MpMem_Free(table);
    }
    return 0;
}

/* The next active entry at or after *pos. */
static int
set_next(Set *so, Mp_ssize_t *pos, Entry **out)
{
    Mp_ssize_t i = *pos;
    while (i <= so->mask &&
           (so->table[i].key == NULL || so->table[i].key == dummy)) {
        i++;
    }
    *pos = i + 1;
    if (i > so->mask) {
        return 0;
    }
    *out = &so->table[i];
    return 1;
}

int
MpSet_Next(MpObject *s, Mp_ssize_t *pos, MpObject **key, Mp_hash_t *hash)
{
    Entry *e;
    if (!set_next((Set *)s, pos, &e)) {
        return 0;
    }
    *key = e->key;
    if (hash) {
        *hash = e->hash;
    }
    return 1;
}

/* Adds every key of other (a set or frozenset). */
static int
set_merge(Set *so, Set *other)
{
    if (other == so || other->used == 0) {
        return 0;
    }
    /* One resize up front, expecting few overlapping keys. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) < 0) {
            return -1;
        }
    }
    Entry *oe = other->table;
    /* Empty, same size, no dummies over there: copy slot for slot. */
    if (so->fill == 0 && so->mask == other->mask &&
        other->fill == other->used) {
        for (Mp_ssize_t i = 0; i <= other->mask; i++) {
            if (oe[i].key != NULL) {
                so->table[i].key = Mp_NewRef(oe[i].key);
                so->table[i].hash = oe[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    /* Empty: no comparisons needed. */
    if (so->fill == 0) {
        so->fill = so->used = other->used;
        for (Mp_ssize_t i = 0; i <= other->mask; i++) {
            if (oe[i].key != NULL && oe[i].key != dummy) {
                set_insert_clean(so->table, (size_t)so->mask,
                                 Mp_NewRef(oe[i].key), oe[i].hash);
            }
        }
        return 0;
    }
    for (Mp_ssize_t i = 0; i <= other->mask; i++) {
        MpObject *key = other->table[i].key;
        if (key != NULL && key != dummy &&
            set_add_entry(so, key, other->table[i].hash) < 0) {
            return -1;
        }
    }
    return 0;
}

static int
set_update_internal(Set *so, MpObject *other)
{
    if (MpAnySet_Check(other)) {
        return set_merge(so, (Set *)other);
    }
    if (MpDict_CheckExact(other)) {
        Mp_ssize_t n = MpDict_GET_SIZE(other);
        if ((so->fill + n) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + n) * 2) < 0) {
                return -1;
            }
        }
        Mp_ssize_t pos = 0;
        MpObject *key, *value;
        Mp_hash_t hash;
        /* The dict's stored hashes, as CPython: no __hash__ runs (one
           that empties the dict would free the borrowed key). */
        while (MpDict_NextHash(other, &pos, &key, &value, &hash)) {
            if (set_add_entry(so, key, hash) < 0) {
                return -1;
            }
        }
        return 0;
    }
    MpObject *it = MpObject_GetIter(other);
    if (it == NULL) {
        return -1;
    }
    MpObject *key;
    while ((key = MpIter_Next(it)) != NULL) {
        Mp_hash_t hash = key_hash(key);
        int rc = hash == -1 ? -1 : set_add_entry(so, key, hash);
        Mp_DECREF(key);
        if (rc < 0) {
            Mp_DECREF(it);
            return -1;
        }
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? -1 : 0;
}

/* An empty set of exactly `type` (set, frozenset or a subclass), filled
   from iterable when not NULL. */
static MpObject *
make_new_set(MpTypeObject *type, MpObject *iterable)
{
    Set *so = (Set *)MpObject_New(type);
    if (so == NULL) {
        return NULL;
    }
    so->table = so->smalltable;
    so->mask = MP_SET_MINSIZE - 1;
    so->hash = -1;
    MpObject_GC_Track(so);
    if (iterable != NULL && set_update_internal(so, iterable) < 0) {
        Mp_DECREF(so);
        return NULL;
    }
    return (MpObject *)so;
}

/* Results of operators have the base type: set or frozenset. */
static MpObject *
make_new_set_basetype(MpTypeObject *type, MpObject *iterable)
{
    if (type != &MpSet_Type && type != &MpFrozenSet_Type) {
        type = MpType_IsSubtype(type, &MpSet_Type) ? &MpSet_Type
                                                   : &MpFrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

/* hash(key) for a lookup; a set key is looked up as the equal frozenset
   (`{1} in {frozenset({1})}`), through *tmp (a NEW reference or NULL). */
static Mp_hash_t
lookup_hash(MpObject **key, MpObject **tmp)
{
    *tmp = NULL;
    Mp_hash_t hash = key_hash(*key);
    if (hash == -1 && MpAnySet_Check(*key) &&
        MpErr_ExceptionMatches(MpExc_TypeError)) {
        MpErr_Clear();
        *tmp = make_new_set(&MpFrozenSet_Type, *key);
        if (*tmp == NULL) {
            return -1;
        }
        *key = *tmp;
        hash = key_hash(*tmp);
    }
    return hash;
}
/* }====== */

/* {====== C API ====== */

MpObject *
MpSet_New(MpObject *iterable)
{
    return make_new_set(&MpSet_Type, iterable);
}

MpObject *
MpFrozenSet_New(MpObject *iterable)
{
    return make_new_set(&MpFrozenSet_Type, iterable);
}

int
MpSet_Add(MpObject *s, MpObject *key)
{
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return set_add_entry((Set *)s, key, hash);
}

int
MpSet_Discard(MpObject *s, MpObject *key)
{
    MpObject *tmp;
    Mp_hash_t hash = lookup_hash(&key, &tmp);
    int rc = hash == -1 ? -1 : set_discard_entry((Set *)s, key, hash);
    Mp_XDECREF(tmp);
    return rc;
}

int
MpSet_Contains(MpObject *s, MpObject *key)
{
    MpObject *tmp;
    Mp_hash_t hash = lookup_hash(&key, &tmp);
    int rc = hash == -1 ? -1 : set_contains_entry((Set *)s, key, hash);
    Mp_XDECREF(tmp);
    return rc;
}

MpObject *
MpSet_Pop(MpObject *s)
{
    Set *so = (Set *)s;
    if (so->used == 0) {
        MpObject *msg = MpStr_FromString("pop from an empty set");
        if (msg != NULL) {
            MpErr_SetObject(MpExc_KeyError, msg);
            Mp_DECREF(msg);
        }
        return NULL;
    }
    Entry *entry = so->table + (so->finger & so->mask);
    Entry *limit = so->table + so->mask;
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit) {
            entry = so->table;
        }
    }
    MpObject *key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;  // the next pop starts after it
    return key;
}

int
MpSet_Clear(MpObject *s)
{
    return set_clear_internal((Set *)s);
}

int
MpSet_Update(MpObject *s, MpObject *iterable)
{
    return set_update_internal((Set *)s, iterable);
}

int
MpSet_DifferenceUpdate(MpObject *s, MpObject *other)
{
    Set *so = (Set *)s;
    if (s == other) {
        return set_clear_internal(so);
    }
    if (MpAnySet_Check(other)) {
        Mp_ssize_t pos = 0;
        Entry *e;
        while (set_next((Set *)other, &pos, &e)) {
            MpObject *key = Mp_NewRef(e->key);
            int rc = set_discard_entry(so, key, e->hash);
            Mp_DECREF(key);
            if (rc < 0) {
                return -1;
            }
        }
    } else {
        MpObject *it = MpObject_GetIter(other);
        if (it == NULL) {
            return -1;
        }
        MpObject *key;
        while ((key = MpIter_Next(it)) != NULL) {
            int rc = MpSet_Discard(s, key);
            Mp_DECREF(key);
            if (rc < 0) {
                Mp_DECREF(it);
                return -1;
            }
        }
        Mp_DECREF(it);
        if (MpErr_Occurred()) {
            return -1;
        }
    }
    /* Many dummies now: rebuild (CPython's rule). */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) {
        return 0;
    }
    return set_table_resize(so, so->used > 50000 ? so->used * 2
                                                 : so->used * 4);
}

int
MpSet_SymmetricDifferenceUpdate(MpObject *s, MpObject *other)
{
    Set *so = (Set *)s;
    if (s == other) {
        return set_clear_internal(so);
    }
    MpObject *otherset = MpAnySet_Check(other)
                             ? Mp_NewRef(other)
                             : make_new_set_basetype(Mp_TYPE(s), other);
    if (otherset == NULL) {
        return -1;
    }
    Mp_ssize_t pos = 0;
    Entry *e;
    while (set_next((Set *)otherset, &pos, &e)) {
        MpObject *key = Mp_NewRef(e->key);
        Mp_hash_t hash = e->hash;
        int rc = set_discard_entry(so, key, hash);
        if (rc == 0) {
            rc = set_add_entry(so, key, hash);
        }
        Mp_DECREF(key);
        if (rc < 0) {
            Mp_DECREF(otherset);
            return -1;
        }
    }
    Mp_DECREF(otherset);
    return 0;
}

MpObject *
MpSet_Intersection(MpObject *s, MpObject *other)
{
    Set *so = (Set *)s;
    if (s == other) {
        return make_new_set_basetype(Mp_TYPE(s), s);
    }
    MpObject *result = make_new_set_basetype(Mp_TYPE(s), NULL);
    if (result == NULL) {
        return NULL;
    }
    if (MpAnySet_Check(other)) {
        /* Walk the smaller set, probe the larger. */
        Set *a = so, *b = (Set *)other;
        if (b->used > a->used) {
            Set *t = a;
            a = b;
            b = t;
        }
        Mp_ssize_t pos = 0;
        Entry *e;
        while (set_next(b, &pos, &e)) {
            MpObject *key = Mp_NewRef(e->key);
            Mp_hash_t hash = e->hash;
            int rc = set_contains_entry(a, key, hash);
            if (rc > 0) {
                rc = set_add_entry((Set *)result, key, hash);
            }
            Mp_DECREF(key);
            if (rc < 0) {
                Mp_DECREF(result);
                return NULL;
            }
        }
        return result;
    }
    MpObject *it = MpObject_GetIter(other);
    if (it == NULL) {
        Mp_DECREF(result);
        return NULL;
    }
    MpObject *key;
    while ((key = MpIter_Next(it)) != NULL) {
        Mp_hash_t hash = key_hash(key);
        int rc = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rc > 0) {
            rc = set_add_entry((Set *)result, key, hash);
        }
        Mp_DECREF(key);
        if (rc < 0) {
            Mp_DECREF(it);
            Mp_DECREF(result);
            return NULL;
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        Mp_DECREF(result);
        return NULL;
    }
    return result;
}
/* }====== */

/* {====== Set algebra ====== */

static MpObject *
set_copy_base(MpObject *so)
{
    return make_new_set_basetype(Mp_TYPE(so), so);
}

static MpObject *
set_difference(MpObject *s, MpObject *other)
{
    Set *so = (Set *)s;
    Mp_ssize_t other_size;
    if (MpAnySet_Check(other)) {
        other_size = MpSet_GET_SIZE(other);
    } else if (MpDict_CheckExact(other)) {
        other_size = MpDict_GET_SIZE(other);
    } else {
        other_size = -1;
    }
    /* Much larger than other (or other is a plain iterable): copy, then
       remove other's keys. */
    if (other_size < 0 || (so->used >> 2) > other_size) {
        MpObject *r = set_copy_base(s);
        if (r == NULL || MpSet_DifferenceUpdate(r, other) < 0) {
            Mp_XDECREF(r);
            return NULL;
        }
        return r;
    }
    MpObject *result = make_new_set_basetype(Mp_TYPE(s), NULL);
    if (result == NULL) {
        return NULL;
    }
    Mp_ssize_t pos = 0;
    Entry *e;
    while (set_next(so, &pos, &e)) {
        MpObject *key = Mp_NewRef(e->key);
        Mp_hash_t hash = e->hash;
        int rc = MpAnySet_Check(other)
                     ? set_contains_entry((Set *)other, key, hash)
                     : MpDict_Contains(other, key);
        if (rc == 0) {
            rc = set_add_entry((Set *)result, key, hash);
        }
        Mp_DECREF(key);
        if (rc < 0) {
            Mp_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static MpObject *
set_symmetric_difference(MpObject *so, MpObject *other)
{
    MpObject *r = make_new_set_basetype(Mp_TYPE(so), other);
    if (r == NULL || MpSet_SymmetricDifferenceUpdate(r, so) < 0) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

/* so is a subset of other (a set): 1, 0, -1. */
static int
set_issubset_internal(Set *so, Set *other)
{
    if (so->used > other->used) {
        return 0;
    }
    Mp_ssize_t pos = 0;
    Entry *e;
    while (set_next(so, &pos, &e)) {
        MpObject *key = Mp_NewRef(e->key);
        int rc = set_contains_entry(other, key, e->hash);
        Mp_DECREF(key);
        if (rc <= 0) {
            return rc;
        }
    }
    return 1;
}

static MpObject *
set_issubset(MpObject *so, MpObject *other)
{
    MpObject *tmp = MpAnySet_Check(other) ? Mp_NewRef(other)
                                          : MpSet_New(other);
    if (tmp == NULL) {
        return NULL;
    }
    int rc = set_issubset_internal((Set *)so, (Set *)tmp);
    Mp_DECREF(tmp);
    return rc < 0 ? NULL : MpBool_FromLong(rc);
}

static MpObject *
set_issuperset(MpObject *so, MpObject *other)
{
    if (MpAnySet_Check(other)) {
        int rc = set_issubset_internal((Set *)other, (Set *)so);
        return rc < 0 ? NULL : MpBool_FromLong(rc);
    }
    MpObject *it = MpObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    MpObject *key;
    while ((key = MpIter_Next(it)) != NULL) {
        int rc = MpSet_Contains(so, key);
        Mp_DECREF(key);
        if (rc <= 0) {
            Mp_DECREF(it);
            return rc < 0 ? NULL : MpBool_FromLong(0);
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        return NULL;
    }
    return MpBool_FromLong(1);
}

static MpObject *
set_isdisjoint(MpObject *so, MpObject *other)
{
    if (so == other) {
        return MpBool_FromLong(MpSet_GET_SIZE(so) == 0);
    }
    if (MpAnySet_Check(other)) {
        Set *a = (Set *)so, *b = (Set *)other;
        if (b->used > a->used) {
            Set *t = a;
            a = b;
            b = t;
        }
        Mp_ssize_t pos = 0;
        Entry *e;
        while (set_next(b, &pos, &e)) {
            MpObject *key = Mp_NewRef(e->key);
            int rc = set_contains_entry(a, key, e->hash);
            Mp_DECREF(key);
            if (rc != 0) {
                return rc < 0 ? NULL : MpBool_FromLong(0);
            }
        }
        return MpBool_FromLong(1);
    }
    MpObject *it = MpObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    MpObject *key;
    while ((key = MpIter_Next(it)) != NULL) {
        int rc = MpSet_Contains(so, key);
        Mp_DECREF(key);
        if (rc != 0) {
            Mp_DECREF(it);
            return rc < 0 ? NULL : MpBool_FromLong(0);
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        return NULL;
    }
    return MpBool_FromLong(1);
}

/* Exchanges the contents of a and b (for the in-place operators that
   compute a new set and adopt it). */
static void
set_swap_bodies(Set *a, Set *b)
{
    Mp_ssize_t t;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    int a_small = a->table == a->smalltable;
    int b_small = b->table == b->smalltable;
    Entry *tab = a->table;
    a->table = b->table;
    b->table = tab;
    Entry tmp[MP_SET_MINSIZE];
    memcpy(tmp, a->smalltable, sizeof(tmp));
    memcpy(a->smalltable, b->smalltable, sizeof(tmp));
    memcpy(b->smalltable, tmp, sizeof(tmp));
    if (b_small) {
        a->table = a->smalltable;
    }
    if (a_small) {
        b->table = b->smalltable;
    }
    Mp_hash_t h = a->hash;
    a->hash = b->hash;
    b->hash = h;
}
/* }====== */

/* {====== Operators ====== */

static MpObject *
set_or(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(a) || !MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpObject *r = set_copy_base(a);
    if (r == NULL || (a != b && MpSet_Update(r, b) < 0)) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

static MpObject *
set_and(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(a) || !MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return MpSet_Intersection(a, b);
}

static MpObject *
set_sub(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(a) || !MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return set_difference(a, b);
}

static MpObject *
set_xor(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(a) || !MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    return set_symmetric_difference(a, b);
}

static MpObject *
set_ior(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    if (MpSet_Update(a, b) < 0) {
        return NULL;
    }
    return Mp_NewRef(a);
}

static MpObject *
set_iand(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpObject *tmp = MpSet_Intersection(a, b);
    if (tmp == NULL) {
        return NULL;
    }
    set_swap_bodies((Set *)a, (Set *)tmp);
    Mp_DECREF(tmp);
    return Mp_NewRef(a);
}

static MpObject *
set_isub(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    if (MpSet_DifferenceUpdate(a, b) < 0) {
        return NULL;
    }
    return Mp_NewRef(a);
}

static MpObject *
set_ixor(MpObject *a, MpObject *b)
{
    if (!MpAnySet_Check(b)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    if (MpSet_SymmetricDifferenceUpdate(a, b) < 0) {
        return NULL;
    }
    return Mp_NewRef(a);
}

static MpObject *
set_richcompare(MpObject *v, MpObject *w, int op)
{
    if (!MpAnySet_Check(w)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    Set *a = (Set *)v, *b = (Set *)w;
    int r;
    switch (op) {
    case Mp_EQ:
    case Mp_NE:
        if (a->used != b->used) {
            r = 0;
        } else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) {
            r = 0;  // two frozensets with different cached hashes
        } else {
            r = set_issubset_internal(a, b);
        }
        if (r < 0) {
            return NULL;
        }
        return MpBool_FromLong(op == Mp_EQ ? r : !r);
    case Mp_LE:
        r = set_issubset_internal(a, b);
        break;
    case Mp_GE:
        r = set_issubset_internal(b, a);
        break;
    case Mp_LT:
        r = a->used < b->used ? set_issubset_internal(a, b) : 0;
        break;
    default:
        r = a->used > b->used ? set_issubset_internal(b, a) : 0;
        break;
    }
    return r < 0 ? NULL : MpBool_FromLong(r);
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
set_add_method(MpObject *so, MpObject *key)
{
    return MpSet_Add(so, key) < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
set_discard_method(MpObject *so, MpObject *key)
{
    return MpSet_Discard(so, key) < 0 ? NULL : Mp_NewRef(Mp_None);
}

static MpObject *
set_remove(MpObject *so, MpObject *key)
{
    int rc = MpSet_Discard(so, key);
    if (rc < 0) {
        return NULL;
    }
    if (rc == 0) {
        MpObject *args = MpTuple_Pack(1, key);  // key is args[0], always
        if (args != NULL) {
            MpErr_SetObject(MpExc_KeyError, args);
            Mp_DECREF(args);
        }
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
set_pop(MpObject *so, MpObject *unused)
{
    return MpSet_Pop(so);
}

static MpObject *
set_clear(MpObject *so, MpObject *unused)
{
    set_clear_internal((Set *)so);
    return Mp_NewRef(Mp_None);
}

static MpObject *
set_copy(MpObject *so, MpObject *unused)
{
    return set_copy_base(so);
}

static MpObject *
frozenset_copy(MpObject *so, MpObject *unused)
{
    if (Mp_TYPE(so) == &MpFrozenSet_Type) {
        return Mp_NewRef(so);
    }
    return set_copy_base(so);
}

static MpObject *
set_union(MpObject *so, MpObject *const *args, Mp_ssize_t nargs)
{
    MpObject *r = set_copy_base(so);
    for (Mp_ssize_t i = 0; r != NULL && i < nargs; i++) {
        if (args[i] != so && MpSet_Update(r, args[i]) < 0) {
            Mp_CLEAR(&r);
        }
    }
    return r;
}

static MpObject *
set_update(MpObject *so, MpObject *const *args, Mp_ssize_t nargs)
{
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        if (MpSet_Update(so, args[i]) < 0) {
            return NULL;
        }
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
set_intersection_multi(MpObject *so, MpObject *const *args,
                       Mp_ssize_t nargs)
{
    if (nargs == 0) {
        return set_copy_base(so);
    }
    MpObject *r = Mp_NewRef(so);
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        MpObject *next = MpSet_Intersection(r, args[i]);
        Mp_DECREF(r);
        if (next == NULL) {
            return NULL;
        }
        r = next;
    }
    return r;
}

static MpObject *
set_intersection_update(MpObject *so, MpObject *const *args,
                        Mp_ssize_t nargs)
{
    MpObject *tmp = set_intersection_multi(so, args, nargs);
    if (tmp == NULL) {
        return NULL;
    }
    set_swap_bodies((Set *)so, (Set *)tmp);
    Mp_DECREF(tmp);
    return Mp_NewRef(Mp_None);
}

static MpObject *
set_difference_multi(MpObject *so, MpObject *const *args, Mp_ssize_t nargs)
{
    if (nargs == 0) {
        return set_copy_base(so);
    }
    MpObject *r = set_difference(so, args[0]);
    for (Mp_ssize_t i = 1; r != NULL && i < nargs; i++) {
        if (MpSet_DifferenceUpdate(r, args[i]) < 0) {
            Mp_CLEAR(&r);
        }
    }
    return r;
}

static MpObject *
set_difference_update(MpObject *so, MpObject *const *args, Mp_ssize_t nargs)
{
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        if (MpSet_DifferenceUpdate(so, args[i]) < 0) {
            return NULL;
        }
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
set_symmetric_difference_method(MpObject *so, MpObject *other)
{
    return set_symmetric_difference(so, other);
}

static MpObject *
set_symmetric_difference_update(MpObject *so, MpObject *other)
{
    if (MpSet_SymmetricDifferenceUpdate(so, other) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
set_contains_method(MpObject *so, MpObject *key)
{
    int rc = MpSet_Contains(so, key);
    return rc < 0 ? NULL : MpBool_FromLong(rc);
}

static MpObject *
set_sizeof(MpObject *so, MpObject *unused)
{
    /* CPython 3.11's PySetObject is 200 bytes; a grown table is 16
       bytes a slot. */
    Set *s = (Set *)so;
    Mp_ssize_t size = 200;
    if (s->table != s->smalltable) {
        size += (s->mask + 1) * (Mp_ssize_t)sizeof(Entry);
    }
    return MpLong_FromSsize_t(size);
}

static MpMethodDef set_methods[] = {
    {"__class_getitem__", (void *)MpGenericAlias_ClassGetItem,
     MP_METH_O | MP_METH_CLASS, "See PEP 585"},
    {"add", (void *)set_add_method, MP_METH_O, NULL},
    {"clear", (void *)set_clear, MP_METH_NOARGS, NULL},
    {"__contains__", (void *)set_contains_method, MP_METH_O, NULL},
    {"copy", (void *)set_copy, MP_METH_NOARGS, NULL},
    {"discard", (void *)set_discard_method, MP_METH_O, NULL},
    {"difference", (void *)set_difference_multi, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {"difference_update", (void *)set_difference_update, MP_METH_FASTCALL | MP_METH_VARARGS,
     NULL},
    {"intersection", (void *)set_intersection_multi, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {"intersection_update", (void *)set_intersection_update,
     MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {"isdisjoint", (void *)set_isdisjoint, MP_METH_O, NULL},
    {"issubset", (void *)set_issubset, MP_METH_O, NULL},
    {"issuperset", (void *)set_issuperset, MP_METH_O, NULL},
    {"pop", (void *)set_pop, MP_METH_NOARGS, NULL},
    {"remove", (void *)set_remove, MP_METH_O, NULL},
    {"__reduce__", (void *)MpSet_ReduceMethod, MP_METH_NOARGS, NULL},
    {"__sizeof__", (void *)set_sizeof, MP_METH_NOARGS, NULL},
    {"symmetric_difference", (void *)set_symmetric_difference_method,
     MP_METH_O, NULL},
    {"symmetric_difference_update", (void *)set_symmetric_difference_update,
     MP_METH_O, NULL},
    {"union", (void *)set_union, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {"update", (void *)set_update, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static MpMethodDef frozenset_methods[] = {
    {"__class_getitem__", (void *)MpGenericAlias_ClassGetItem,
     MP_METH_O | MP_METH_CLASS, "See PEP 585"},
    {"__contains__", (void *)set_contains_method, MP_METH_O, NULL},
    {"copy", (void *)frozenset_copy, MP_METH_NOARGS, NULL},
    {"difference", (void *)set_difference_multi, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {"intersection", (void *)set_intersection_multi, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {"isdisjoint", (void *)set_isdisjoint, MP_METH_O, NULL},
    {"issubset", (void *)set_issubset, MP_METH_O, NULL},
    {"issuperset", (void *)set_issuperset, MP_METH_O, NULL},
    {"__reduce__", (void *)MpSet_ReduceMethod, MP_METH_NOARGS, NULL},
    {"__sizeof__", (void *)set_sizeof, MP_METH_NOARGS, NULL},
    {"symmetric_difference", (void *)set_symmetric_difference_method,
     MP_METH_O, NULL},
    {"union", (void *)set_union, MP_METH_FASTCALL | MP_METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};
/* }====== */

/* {====== Slots ====== */

static MpObject *
set_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    return make_new_set(type, NULL);
}

/* set.__init__(iterable=(), /) */
static int
set_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0 &&
        Mp_TYPE(self) == &MpSet_Type) {
        MpErr_SetString(MpExc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        MpErr_Format(MpExc_TypeError,
                     "set expected at most 1 argument, got %zd", n);
        return -1;
    }
    if (((Set *)self)->fill) {
        set_clear_internal((Set *)self);
    }
    ((Set *)self)->hash = -1;
    if (n == 1) {
        return MpSet_Update(self, MpTuple_GET_ITEM(args, 0));
    }
    return 0;
}

static MpObject *
frozenset_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0 &&
        type == &MpFrozenSet_Type) {
        return MpErr_Format(MpExc_TypeError,
                            "frozenset() takes no keyword arguments");
    }
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "frozenset expected at most 1 argument, got %zd",
                            n);
    }
    MpObject *iterable = n ? MpTuple_GET_ITEM(args, 0) : NULL;
    if (type == &MpFrozenSet_Type && iterable != NULL &&
        Mp_TYPE(iterable) == &MpFrozenSet_Type) {
        return Mp_NewRef(iterable);  // immutable: share it
    }
    return make_new_set(type, iterable);
}

static void
set_dealloc(MpObject *self)
{
    Set *so = (Set *)self;
    MpObject_GC_UnTrack(self);
    if (so->weakreflist != NULL) {
        MpObject_ClearWeakRefs(self);
    }
    /* TRASHCAN: deeply nested frozensets recurse here once per level. */
    Mp_ssize_t fill = so->fill;
    for (Entry *e = so->table; fill > 0; e++) {
        if (e->key != NULL) {
            fill--;
            if (e->key != dummy) {
                Mp_DECREF(e->key);
            }
        }
    }
    if (so->table != so->smalltable) {
        MpMem_Free(so->table);
    }
    MpObject_Free(self);
}

static int
set_traverse(MpObject *self, visitproc visit, void *arg)
{
    Mp_ssize_t pos = 0;
    Entry *e;
    while (set_next((Set *)self, &pos, &e)) {
        int rc = visit(e->key, arg);
        if (rc) {
            return rc;
        }
    }
    return 0;
}

static int
set_tp_clear(MpObject *self)
{
    return set_clear_internal((Set *)self);
}

static MpObject *
set_repr(MpObject *self)
{
    Set *so = (Set *)self;
    const char *name = Mp_TYPE(self)->tp_name;
    int plain = Mp_TYPE(self) == &MpSet_Type;
    if (so->used == 0) {
        return MpStr_FromFormat("%s()", name);
    }
    int rc = MpRepr_Enter(self);
    if (rc != 0) {
        return rc > 0 ? MpStr_FromFormat("%s(...)", name) : NULL;
    }
    MpObject *keys = MpList_New(0);
    if (keys == NULL || MpList_Extend(keys, self) < 0) {
        Mp_XDECREF(keys);
        MpRepr_Leave(self);
        return NULL;
    }
    MpStrBuf b = {0};
    if (!plain) {
        MpStrBuf_Puts(&b, name);
        MpStrBuf_Putc(&b, '(');
    }
    MpStrBuf_Putc(&b, '{');
    for (Mp_ssize_t i = 0; i < Mp_SIZE(keys); i++) {
        if (i > 0) {
            MpStrBuf_Puts(&b, ", ");
        }
        if (MpRepr_Append(&b, MpList_GET_ITEM(keys, i)) < 0) {
            Mp_DECREF(keys);
            MpStrBuf_Clear(&b);
            MpRepr_Leave(self);
            return NULL;
        }
    }
    MpStrBuf_Puts(&b, plain ? "}" : "})");
    Mp_DECREF(keys);
    MpRepr_Leave(self);
    return MpRepr_Finish(&b);
}

static Mp_uhash_t
shuffle_bits(Mp_uhash_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

/* CPython 3.11's frozenset_hash, computed over the active entries only
   (its extra terms for empty and dummy slots cancel out exactly). */
static Mp_hash_t
frozenset_hash(MpObject *self)
{
    Set *so = (Set *)self;
    if (so->hash != -1) {
        return so->hash;
    }
    Mp_uhash_t hash = 0;
    Mp_ssize_t pos = 0;
    Entry *e;
    while (set_next(so, &pos, &e)) {
        hash ^= shuffle_bits((Mp_uhash_t)e->hash);
    }
    hash ^= ((Mp_uhash_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (Mp_uhash_t)-1) {
        hash = 590923713UL;
    }
    so->hash = (Mp_hash_t)hash;
    return so->hash;
}

static Mp_ssize_t
set_len(MpObject *self)
{
    return ((Set *)self)->used;
}

static int
set_contains(MpObject *self, MpObject *key)
{
    return MpSet_Contains(self, key);
}
/* }====== */

/* {====== Iterator ====== */

typedef struct {
    MpObject_HEAD
    Set *si_set;  // NULL when exhausted
    Mp_ssize_t si_used;
    Mp_ssize_t si_pos;
    Mp_ssize_t len;
} SetIter;

static MpObject *
set_iter(MpObject *self)
{
    SetIter *si = (SetIter *)MpObject_New(&MpSetIter_Type);
    if (si == NULL) {
        return NULL;
    }
    si->si_set = (Set *)Mp_NewRef(self);
    si->si_used = ((Set *)self)->used;
    si->len = si->si_used;
    MpObject_GC_Track(si);
    return (MpObject *)si;
}

static MpObject *
setiter_next(MpObject *self)
{
    SetIter *si = (SetIter *)self;
    Set *so = si->si_set;
    if (so == NULL) {
        return NULL;
    }
    if (si->si_used != so->used) {
        MpErr_SetString(MpExc_RuntimeError,
                        "Set changed size during iteration");
        si->si_used = -1;
        return NULL;
    }
    Entry *e;
    if (!set_next(so, &si->si_pos, &e)) {
        si->si_set = NULL;
        Mp_DECREF(so);
        return NULL;
    }
    si->len--;
    return Mp_NewRef(e->key);
}

static void
setiter_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((SetIter *)self)->si_set);
    MpObject_Free(self);
}

static int
setiter_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpObject *s = (MpObject *)((SetIter *)self)->si_set;
    return s ? visit(s, arg) : 0;
}

static MpObject *
setiter_length_hint(MpObject *self, MpObject *unused)
{
    SetIter *si = (SetIter *)self;
    Mp_ssize_t n = 0;
    if (si->si_set != NULL && si->si_used == si->si_set->used) {
        n = si->len;
    }
    return MpLong_FromSsize_t(n);
}

static MpMethodDef setiter_methods[] = {
    {"__length_hint__", (void *)setiter_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpSetIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};
/* }====== */

/* {====== The types ====== */

static MpNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static MpNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static MpSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_contains,
};

MpTypeObject MpSet_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "set",
    .tp_basicsize = sizeof(MpSetObject),
    .tp_weaklistoffset = offsetof(MpSetObject, weakreflist),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_new = set_new,
    .tp_init = set_init,
    .tp_methods = set_methods,
    .tp_doc = "set() -> new empty set object",
};

MpTypeObject MpFrozenSet_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(MpSetObject),
    .tp_weaklistoffset = offsetof(MpSetObject, weakreflist),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_new = frozenset_new,
    .tp_methods = frozenset_methods,
    .tp_doc = "frozenset() -> empty frozenset object",
};
/* }====== */
