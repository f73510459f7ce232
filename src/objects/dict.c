/* dict.c — dict: the compact, insertion-ordered hash table.

   The layout is CPython's "compact dict" (3.6+): a sparse index table of
   small integers pointing into a dense array of entries kept in insertion
   order.

       MpDictObject            MpDictKeys (one allocation)
       +------------+          +----------------------------------------+
       | ma_used  3 |          | dk_log2_size 3   dk_usable 2            |
       | ma_version |          | dk_nentries 3    dk_log2_index_bytes 3  |
       | ma_keys  -----------> +----------------------------------------+
       +------------+          | indices: 8 slots of 1 byte             |
                               |  [ -1 | 0 | -1 | -2 | 2 | -1 | 1 | -1 ]|
                               +----------------------------------------+
                               | entries (5 = usable fraction of 8):    |
                               |  0: hash  key 'a'  value 1             |
                               |  1: hash  key 'b'  value 2             |
                               |  2: hash  key 'c'  value 3             |
                               |  3: (free)                             |
                               |  4: (free)                             |
                               +----------------------------------------+

   A slot of the index table is in one of three states:

       EMPTY  (-1)  never used: a probe that reaches it stops (not found);
       DUMMY  (-2)  its entry was deleted: a probe goes on past it (the
                    key searched for may have been placed further along
                    when this slot was occupied), but an insertion may
                    take it;
       ix   (>= 0)  the entry entries[ix] is live.

   The index slots are 1 byte wide while the table has at most 128 slots,
   then 2, 4 and 8 bytes, so small dicts stay small.  Iteration walks the
   dense array, which is why it is in insertion order; a deleted entry
   leaves a hole (key and value NULL) that iteration skips and a resize
   squeezes out.

   Probing.  A key's first slot is hash & (size - 1).  On a collision the
   next slots are at offsets 1, 3, 6, 10, 15, ... from the first (the
   triangular numbers k(k+1)/2), i.e. each step goes one slot further than
   the last.  For a power-of-two table size the triangular numbers modulo
   the size are a permutation of the slots, so every slot is visited and
   the loop ends at an EMPTY slot (there always is one: at most two thirds
   of the slots are ever non-EMPTY).  CPython probes differently
   (i = 5*i + 1 + perturb, feeding in the hash's upper bits): minipy's
   scheme is the textbook quadratic probing, chosen on purpose because it
   is easy to follow by hand.  It changes no output: iteration order is
   the dense array's insertion order either way.  (Only the number of
   __eq__ calls among keys whose full hashes are equal can differ, since
   the two schemes visit such entries in different orders.)

   Growth.  A table of size n has room for usable = 2n/3 entries (5 for
   the minimum size 8).  An insertion that finds no room left resizes to
   the smallest power of two >= 3 * ma_used, which for a dict built by
   insertions grows on the 6th, 11th, 22nd, 43rd ... item (8 -> 16 -> 32
   -> 64 -> 128).  A resize rebuilds the index and compacts the entries,
   dropping deleted ones; a dict that had many deletions may shrink.

   String keys.  A table remembers whether all its keys are exact strs
   (dk_unicode); CPython stores such tables without the hash (16-byte
   entries), and inserting another key converts the table, which is a
   resize.  minipy keeps the hash in every entry, but follows the same
   resize and reports the same __sizeof__, so sys.getsizeof agrees.

   Safety.  A lookup may call a key's __eq__, which may mutate the dict.
   After each such call the lookup checks that the dict still has the same
   table and that the entry still holds the same key; if not, it starts
   again (CPython does the same).  Iterators remember ma_used and raise
   "dictionary changed size during iteration".  ma_version takes a new
   value from a global counter on every modification, so the VM can cache
   a global lookup and validate it with one comparison.

   The empty dict shares one static table of size 8 with no usable
   entries, so the first insertion allocates the real one, as CPython's
   Py_EMPTY_KEYS.

   CPython counterpart: Objects/dictobject.c (the probing differs, as
   said).  Read first: lookup, then insertdict and dictresize. */
#include "objects/dict.h"
#include "obmalloc.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "gc.h"
#include "getargs.h"
#include "strbuf.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/mappingproxy.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/genericalias.h"

/* {====== The table ====== */

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)

#define DICT_LOG_MINSIZE 3  // 8 slots
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->ma_used * 3)

typedef struct {
    Mp_hash_t me_hash;
    MpObject *me_key;    // NULL: deleted (a hole in the dense array)
    MpObject *me_value;  // NULL exactly when me_key is
} DictEntry;

struct MpDictKeys {
    uint8_t dk_log2_size;         // the index table has 1 << this slots
    uint8_t dk_log2_index_bytes;  // ... taking 1 << this bytes
    uint8_t dk_unicode;           // every key so far is an exact str
    Mp_ssize_t dk_usable;         // entries that may still be appended
    Mp_ssize_t dk_nentries;       // entries used, holes included
    int8_t dk_indices[];          // the index table, then the entries
};

/* The table every empty dict shares: 8 EMPTY slots, nothing usable, so
   the first insertion resizes (allocates).  Never freed. */
static MpDictKeys empty_keys = {
    .dk_log2_size = 3,
    .dk_log2_index_bytes = 3,
    .dk_unicode = 1,
    .dk_usable = 0,
    .dk_nentries = 0,
    .dk_indices = {-1, -1, -1, -1, -1, -1, -1, -1},
};
#define EMPTY_KEYS (&empty_keys)

static uint64_t dict_global_version;

static inline uint64_t
next_version(void)
{
    return ++dict_global_version;
}

/* The top bit of ma_version marks a class's dict (the counter never gets
   there).  Set by MpDict_MarkTypeDict; kept by dict_modified. */
#define TYPE_DICT_MARK ((uint64_t)1 << 63)

/* Every modification goes through here: a new version (the VM's cache
   of global lookups compares it) and, for a class's dict, stale
   attribute caches (MpType_Modified).  type.__setattr__ invalidates too,
   but a class's dict can be reached behind the class's back
   (gc.get_referents(C.__dict__)[0], gc.get_referrers): a method deleted
   there must not stay in a cache that holds it borrowed. */
static inline void
dict_modified(MpDictObject *mp)
{
    uint64_t mark = mp->ma_version & TYPE_DICT_MARK;
    mp->ma_version = next_version() | mark;
    if (mark) {
        MpType_Modified(NULL);
    }
}

void
MpDict_MarkTypeDict(MpObject *d)
{
    ((MpDictObject *)d)->ma_version |= TYPE_DICT_MARK;
}

static inline size_t
dk_size(const MpDictKeys *dk)
{
    return (size_t)1 << dk->dk_log2_size;
}

static inline DictEntry *
dk_entries(MpDictKeys *dk)
{
    return (DictEntry *)((char *)dk->dk_indices +
                         ((size_t)1 << dk->dk_log2_index_bytes));
}

static inline Mp_ssize_t
get_index(const MpDictKeys *dk, size_t i)
{
    int log2size = dk->dk_log2_size;
    if (log2size < 8) {
        return ((const int8_t *)dk->dk_indices)[i];
    }
    if (log2size < 16) {
        return ((const int16_t *)dk->dk_indices)[i];
    }
    if (log2size < 32) {
        return ((const int32_t *)dk->dk_indices)[i];
    }
    return ((const int64_t *)dk->dk_indices)[i];
}

static inline void
set_index(MpDictKeys *dk, size_t i, Mp_ssize_t ix)
{
    int log2size = dk->dk_log2_size;
    if (log2size < 8) {
        ((int8_t *)dk->dk_indices)[i] = (int8_t)ix;
    } else if (log2size < 16) {
        ((int16_t *)dk->dk_indices)[i] = (int16_t)ix;
    } else if (log2size < 32) {
        ((int32_t *)dk->dk_indices)[i] = (int32_t)ix;
    } else {
        ((int64_t *)dk->dk_indices)[i] = ix;
    }
}

/* The smallest log2 of a table size >= minsize, at least 8 slots. */
static int
calculate_log2_keysize(Mp_ssize_t minsize)
{
    int log2 = DICT_LOG_MINSIZE;
    while (((Mp_ssize_t)1 << log2) < minsize) {
        log2++;
    }
    return log2;
}

/* The table size that holds n items without growing (3n/2 rounded). */
static int
estimate_log2_keysize(Mp_ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

static MpDictKeys *
new_keys_object(int log2_size, int unicode)
{
    int log2_bytes = log2_size < 8    ? log2_size
                     : log2_size < 16 ? log2_size + 1
                     : log2_size < 32 ? log2_size + 2
                                      : log2_size + 3;
    Mp_ssize_t usable = USABLE_FRACTION((Mp_ssize_t)1 << log2_size);
    size_t bytes = sizeof(MpDictKeys) + ((size_t)1 << log2_bytes) +
                   (size_t)usable * sizeof(DictEntry);
    MpDictKeys *dk = MpMem_Malloc(bytes);
    if (dk == NULL) {
        MpErr_NoMemory();
        return NULL;
    }
    dk->dk_log2_size = (uint8_t)log2_size;
    dk->dk_log2_index_bytes = (uint8_t)log2_bytes;
    dk->dk_unicode = (uint8_t)unicode;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    memset(dk->dk_indices, 0xff, (size_t)1 << log2_bytes);  // all EMPTY
    memset(dk_entries(dk), 0, (size_t)usable * sizeof(DictEntry));
    return dk;
}

static void
free_keys_object(MpDictKeys *dk)
{
    if (dk != EMPTY_KEYS) {
        MpMem_Free(dk);
    }
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
/* }====== */

/* {====== Probing ====== */

void
MpDict_ProbeSequence(Mp_hash_t hash, Mp_ssize_t size, Mp_ssize_t *out,
                     Mp_ssize_t n)
{
    size_t mask = (size_t)size - 1;
    size_t i = (size_t)hash & mask;
    for (Mp_ssize_t k = 0; k < n; k++) {
        out[k] = (Mp_ssize_t)i;
        i = (i + (size_t)k + 1) & mask;  // offsets 1, 3, 6, 10, ...
    }
}

/* Finds key in mp.  Returns the entry index with *value set (BORROWED),
   DKIX_EMPTY with *value NULL when absent, or DKIX_ERROR with an
   exception (from __eq__).  Postcondition: the returned index is valid in
   mp->ma_keys as it is on return, because the search restarts whenever
   an __eq__ call changed the table or the entry under it. */
static Mp_ssize_t
lookup(MpDictObject *mp, MpObject *key, Mp_hash_t hash, MpObject **value)
{
restart:;
    MpDictKeys *dk = mp->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    size_t mask = dk_size(dk) - 1;
    size_t i = (size_t)hash & mask;
    size_t step = 0;
    for (;;) {
        Mp_ssize_t ix = get_index(dk, i);
        if (ix == DKIX_EMPTY) {
            *value = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictEntry *ep = &ep0[ix];
            MpObject *startkey = ep->me_key;
            if (startkey == key) {
                *value = ep->me_value;
                return ix;
            }
            if (ep->me_hash == hash) {
                if (MpStr_CheckExact(startkey) && MpStr_CheckExact(key)) {
                    /* Strings compare without running Python code. */
                    if (MpStr_Equal(startkey, key)) {
                        *value = ep->me_value;
                        return ix;
                    }
                } else {
                    Mp_INCREF(startkey);
                    int cmp = MpObject_RichCompareBool(startkey, key, Mp_EQ);
                    Mp_DECREF(startkey);
                    if (cmp < 0) {
                        *value = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->ma_keys || ep->me_key != startkey) {
                        goto restart;  // __eq__ mutated the dict
                    }
                    if (cmp > 0) {
                        *value = ep->me_value;
                        return ix;
                    }
                }
            }
        }
        step++;
        i = (i + step) & mask;
    }
}

/* The first slot along hash's probe sequence that is EMPTY or DUMMY. */
static size_t
find_empty_slot(MpDictKeys *dk, Mp_hash_t hash)
{
    size_t mask = dk_size(dk) - 1;
    size_t i = (size_t)hash & mask;
    size_t step = 0;
    while (get_index(dk, i) >= 0) {
        step++;
        i = (i + step) & mask;
    }
    return i;
}

/* The slot holding entry index ix (which must be in the table). */
static size_t
lookup_slot_of(MpDictKeys *dk, Mp_hash_t hash, Mp_ssize_t ix)
{
    size_t mask = dk_size(dk) - 1;
    size_t i = (size_t)hash & mask;
    size_t step = 0;
    while (get_index(dk, i) != ix) {
        step++;
        i = (i + step) & mask;
    }
    return i;
}
/* }====== */

/* {====== Insertion, resizing, deletion ====== */

/* Moves mp's live entries into a new table of 1 << log2_newsize slots,
   compacting the dense array.  Returns 0 or -1 (MemoryError; mp is
   unchanged). */
static int
dictresize(MpDictObject *mp, int log2_newsize, int unicode)
{
    MpDictKeys *oldkeys = mp->ma_keys;
    MpDictKeys *newkeys = new_keys_object(log2_newsize, unicode);
    if (newkeys == NULL) {
        return -1;
    }
    Mp_ssize_t numentries = mp->ma_used;
    DictEntry *oldep = dk_entries(oldkeys), *newep = dk_entries(newkeys);
    if (oldkeys->dk_nentries == numentries) {
        memcpy(newep, oldep, (size_t)numentries * sizeof(DictEntry));
    } else {
        DictEntry *ep = oldep;
        for (Mp_ssize_t i = 0; i < numentries; i++) {
            while (ep->me_value == NULL) {
                ep++;
            }
            newep[i] = *ep++;
        }
    }
    for (Mp_ssize_t ix = 0; ix < numentries; ix++) {
        set_index(newkeys, find_empty_slot(newkeys, newep[ix].me_hash), ix);
    }
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    mp->ma_keys = newkeys;
    free_keys_object(oldkeys);
    return 0;
}

static int
insertion_resize(MpDictObject *mp, int unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

/* A dict is created untracked, and the collector ignores it while it
   holds only objects that cannot be part of a cycle (ints, strs, untracked
   tuples ...): it starts being tracked when it is given a key or value
   that may be (CPython's MAINTAIN_TRACKING).  A full collection untracks
   again the dicts that hold no such object any more (gc.c,
   untrack_dicts).  One load and a branch on the insertion path. */
static inline void
maintain_tracking(MpDictObject *mp, MpObject *key, MpObject *value)
{
    if (Mp_AS_GC(mp)->gc_next == NULL &&
        (MpObject_GC_MayBeTracked(value) || MpObject_GC_MayBeTracked(key))) {
        MpObject_GC_Track(mp);
    }
}

int
MpDict_MaybeUntrack(MpObject *d)
{
    MpDictObject *mp = (MpDictObject *)d;
    if (!MpDict_CheckExact(d) || !MpObject_GC_IsTracked(d)) {
        return 0;
    }
    DictEntry *ep = dk_entries(mp->ma_keys);
    for (Mp_ssize_t i = 0; i < mp->ma_keys->dk_nentries; i++) {
        if (ep[i].me_value != NULL &&
            (MpObject_GC_MayBeTracked(ep[i].me_value) ||
             MpObject_GC_MayBeTracked(ep[i].me_key))) {
            return 0;
        }
    }
    MpObject_GC_UnTrack(d);
    return 1;
}

/* mp[key] = value.  Returns 0 or -1.  Refs: STEALS key, value (both
   are released on error too). */
static int
insertdict(MpDictObject *mp, MpObject *key, Mp_hash_t hash, MpObject *value)
{
    MpObject *old;
    maintain_tracking(mp, key, value);
    if (mp->ma_keys->dk_unicode && !MpStr_CheckExact(key)) {
        /* A general key: CPython converts the str-only table (a resize). */
        if (insertion_resize(mp, 0) < 0) {
            goto fail;
        }
    }
    Mp_ssize_t ix = lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR) {
        goto fail;
    }
    if (ix == DKIX_EMPTY) {
        if (mp->ma_keys->dk_usable <= 0 &&
            insertion_resize(mp, mp->ma_keys->dk_unicode) < 0) {
            goto fail;
        }
        MpDictKeys *dk = mp->ma_keys;
        size_t slot = find_empty_slot(dk, hash);
        DictEntry *ep = &dk_entries(dk)[dk->dk_nentries];
        set_index(dk, slot, dk->dk_nentries);
        ep->me_key = key;
        ep->me_hash = hash;
        ep->me_value = value;
        mp->ma_used++;
        dict_modified(mp);
        dk->dk_usable--;
        dk->dk_nentries++;
        return 0;
    }
    if (old != value) {
        /* Store first, release last: the release may run __del__. */
        dk_entries(mp->ma_keys)[ix].me_value = value;
        dict_modified(mp);
        Mp_DECREF(old);
    } else {
        Mp_DECREF(value);
    }
    Mp_DECREF(key);
    return 0;
fail:
    Mp_DECREF(value);
    Mp_DECREF(key);
    return -1;
}

/* Removes entry ix (in slot `slot`) whose value is old_value. */
static void
delitem_common(MpDictObject *mp, size_t slot, Mp_ssize_t ix)
{
    MpDictKeys *dk = mp->ma_keys;
    DictEntry *ep = &dk_entries(dk)[ix];
    MpObject *old_key = ep->me_key, *old_value = ep->me_value;
    set_index(dk, slot, DKIX_DUMMY);
    ep->me_key = NULL;
    ep->me_value = NULL;
    mp->ma_used--;
    dict_modified(mp);
    Mp_DECREF(old_key);
    Mp_DECREF(old_value);
}

/* Deletes key; 1 when removed, 0 when absent, -1 on error. */
static int
delitem_known_hash(MpDictObject *mp, MpObject *key, Mp_hash_t hash)
{
    MpObject *old;
    Mp_ssize_t ix = lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix == DKIX_EMPTY) {
        return 0;
    }
    delitem_common(mp, lookup_slot_of(mp->ma_keys, hash, ix), ix);
    return 1;
}

static void
set_key_error(MpObject *key)
{
    /* the key always becomes args[0], even None or a tuple (CPython's
       _PyErr_SetKeyError) */
    MpObject *args = MpTuple_Pack(1, key);
    if (args != NULL) {
        MpErr_SetObject(MpExc_KeyError, args);
        Mp_DECREF(args);
    }
}
/* }====== */

/* {====== C API ====== */

MpObject *
MpDict_New(void)
{
    MpDictObject *mp = (MpDictObject *)MpObject_New(&MpDict_Type);
    if (mp == NULL) {
        return NULL;
    }
    mp->ma_keys = EMPTY_KEYS;
    dict_modified(mp);
    /* created untracked: see maintain_tracking */
    return (MpObject *)mp;
}

MpObject *
MpDict_NewPresized(Mp_ssize_t n, int unicode)
{
    MpObject *d = MpDict_New();
    if (d == NULL || n <= USABLE_FRACTION((Mp_ssize_t)1 << DICT_LOG_MINSIZE)) {
        return d;
    }
    if (dictresize((MpDictObject *)d, estimate_log2_keysize(n), unicode) <
        0) {
        Mp_DECREF(d);
        return NULL;
    }
    return d;
}

MpObject *
MpDict_GetItemKnownHash(MpObject *d, MpObject *key, Mp_hash_t hash)
{
    MpObject *value;
    if (lookup((MpDictObject *)d, key, hash, &value) == DKIX_ERROR) {
        return NULL;
    }
    return value;
}

MpObject *
MpDict_GetItemWithError(MpObject *d, MpObject *key)
{
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    MpObject *value;
    if (lookup((MpDictObject *)d, key, hash, &value) == DKIX_ERROR) {
        return NULL;
    }
    return value;
}

/* {====== Hinted access, for the VM's attribute cache ======
   An attribute site (`p.x`) usually meets instances whose dicts were
   filled in the same order, so the name sits at the same entry index in
   every one of them.  The site keeps that index as a hint: checking that
   entry hint holds exactly this key object (names are interned) costs no
   hashing and no probing.  A wrong hint only costs the ordinary lookup,
   which then updates it. */

MpObject *
MpDict_GetItemHinted(MpObject *d, MpObject *key, Mp_ssize_t *hint)
{
    MpDictObject *mp = (MpDictObject *)d;
    MpDictKeys *dk = mp->ma_keys;
    Mp_ssize_t ix = *hint;
    if ((size_t)ix < (size_t)dk->dk_nentries) {
        DictEntry *ep = &dk_entries(dk)[ix];
        if (ep->me_key == key && ep->me_value != NULL) {
            return ep->me_value;
        }
    }
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    MpObject *value;
    ix = lookup(mp, key, hash, &value);
    if (ix >= 0) {
        *hint = ix;
    }
    return value;
}

int
MpDict_SetItemHinted(MpObject *d, MpObject *key, MpObject *value,
                     Mp_ssize_t *hint)
{
    MpDictObject *mp = (MpDictObject *)d;
    MpDictKeys *dk = mp->ma_keys;
    Mp_ssize_t ix = *hint;
    if ((size_t)ix < (size_t)dk->dk_nentries) {
        DictEntry *ep = &dk_entries(dk)[ix];
        MpObject *old = ep->me_value;
        if (ep->me_key == key && old != NULL) {
            /* Store first, release last, as insertdict. */
            maintain_tracking(mp, key, value);
            ep->me_value = Mp_NewRef(value);
            dict_modified(mp);
            Mp_DECREF(old);
            return 0;
        }
    }
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    MpObject *old;
    ix = lookup(mp, key, hash, &old);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    if (ix >= 0) {
        *hint = ix;
        if (old != value) {
            maintain_tracking(mp, key, value);
            dk_entries(mp->ma_keys)[ix].me_value = Mp_NewRef(value);
            dict_modified(mp);
            Mp_DECREF(old);
        }
        return 0;
    }
    if (insertdict(mp, Mp_NewRef(key), hash, Mp_NewRef(value)) < 0) {
        return -1;
    }
    dk = mp->ma_keys;  // a new key is the last entry
    ix = dk->dk_nentries - 1;
    if (ix >= 0 && dk_entries(dk)[ix].me_key == key) {
        *hint = ix;
    }
    return 0;
}
/* }====== */

MpObject *
MpDict_GetItemString(MpObject *d, const char *key)
{
    MpObject *k = MpStr_FromString(key);
    if (k == NULL) {
        MpErr_Clear();
        return NULL;
    }
    MpObject *v = MpDict_GetItemWithError(d, k);
    Mp_DECREF(k);
    if (v == NULL) {
        MpErr_Clear();  // as PyDict_GetItemString: errors are swallowed
    }
    return v;
}

int
MpDict_SetItem(MpObject *d, MpObject *key, MpObject *value)
{
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    return insertdict((MpDictObject *)d, Mp_NewRef(key), hash,
                      Mp_NewRef(value));
}

int
MpDict_SetItemString(MpObject *d, const char *key, MpObject *value)
{
    MpObject *k = MpStr_InternFromString(key);
    if (k == NULL) {
        return -1;
    }
    int rc = MpDict_SetItem(d, k, value);
    Mp_DECREF(k);
    return rc;
}

int
MpDict_DelItem(MpObject *d, MpObject *key)
{
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    int rc = delitem_known_hash((MpDictObject *)d, key, hash);
    if (rc == 0) {
        set_key_error(key);
        return -1;
    }
    return rc < 0 ? -1 : 0;
}

int
MpDict_DelItemString(MpObject *d, const char *key)
{
    MpObject *k = MpStr_FromString(key);
    if (k == NULL) {
        return -1;
    }
    int rc = MpDict_DelItem(d, k);
    Mp_DECREF(k);
    return rc;
}

int
MpDict_Contains(MpObject *d, MpObject *key)
{
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return -1;
    }
    MpObject *value;
    Mp_ssize_t ix = lookup((MpDictObject *)d, key, hash, &value);
    if (ix == DKIX_ERROR) {
        return -1;
    }
    return value != NULL;
}

int
MpDict_NextHash(MpObject *d, Mp_ssize_t *pos, MpObject **key,
                MpObject **value, Mp_hash_t *hash)
{
    MpDictKeys *dk = ((MpDictObject *)d)->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    Mp_ssize_t i = *pos, n = dk->dk_nentries;
    while (i < n && ep0[i].me_value == NULL) {
        i++;
    }
    if (i >= n) {
        return 0;
    }
    *pos = i + 1;
    if (key) {
        *key = ep0[i].me_key;
    }
    if (value) {
        *value = ep0[i].me_value;
    }
    if (hash) {
        *hash = ep0[i].me_hash;
    }
    return 1;
}

int
MpDict_Next(MpObject *d, Mp_ssize_t *pos, MpObject **key, MpObject **value)
{
    return MpDict_NextHash(d, pos, key, value, NULL);
}

void
MpDict_Clear(MpObject *d)
{
    MpDictObject *mp = (MpDictObject *)d;
    MpDictKeys *oldkeys = mp->ma_keys;
    if (oldkeys == EMPTY_KEYS) {
        return;
    }
    /* Detach the table first: a __del__ run by the releases sees an
       empty dict. */
    Mp_ssize_t n = oldkeys->dk_nentries;
    mp->ma_keys = EMPTY_KEYS;
    mp->ma_used = 0;
    dict_modified(mp);
    DictEntry *ep = dk_entries(oldkeys);
    for (Mp_ssize_t i = 0; i < n; i++) {
        Mp_XDECREF(ep[i].me_key);
        Mp_XDECREF(ep[i].me_value);
    }
    free_keys_object(oldkeys);
}

MpObject *
MpDict_SetDefault(MpObject *d, MpObject *key, MpObject *dflt)
{
    MpDictObject *mp = (MpDictObject *)d;
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    MpObject *value;
    if (lookup(mp, key, hash, &value) == DKIX_ERROR) {
        return NULL;
    }
    if (value != NULL) {
        return value;
    }
    if (insertdict(mp, Mp_NewRef(key), hash, Mp_NewRef(dflt)) < 0) {
        return NULL;
    }
    return dflt;
}

MpObject *
MpDict_Pop(MpObject *d, MpObject *key, MpObject *dflt)
{
    MpDictObject *mp = (MpDictObject *)d;
    if (mp->ma_used == 0) {
        if (dflt != NULL) {
            return Mp_NewRef(dflt);
        }
        set_key_error(key);
        return NULL;
    }
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    MpObject *value;
    Mp_ssize_t ix = lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        return NULL;
    }
    if (ix == DKIX_EMPTY) {
        if (dflt != NULL) {
            return Mp_NewRef(dflt);
        }
        set_key_error(key);
        return NULL;
    }
    Mp_INCREF(value);
    delitem_common(mp, lookup_slot_of(mp->ma_keys, hash, ix), ix);
    return value;
}

/* A list of the keys (what=0), values (1) or items (2). */
static MpObject *
dict_to_list(MpObject *d, int what)
{
    MpDictObject *mp = (MpDictObject *)d;
    MpObject *list;
again:
    list = MpList_New(mp->ma_used);
    if (list == NULL) {
        return NULL;
    }
    if (MpDict_GET_SIZE(d) != Mp_SIZE(list)) {
        /* Allocating may have run the collector and a __del__ that
           changed the dict. */
        Mp_DECREF(list);
        goto again;
    }
    Mp_ssize_t pos = 0, j = 0;
    MpObject *k, *v;
    while (MpDict_Next(d, &pos, &k, &v)) {
        MpObject *x = what == 0 ? Mp_NewRef(k)
                      : what == 1 ? Mp_NewRef(v)
                                  : MpTuple_Pack(2, k, v);
        if (x == NULL) {
            Mp_DECREF(list);
            return NULL;
        }
        MpList_SET_ITEM(list, j++, x);
    }
    return list;
}

MpObject *
MpDict_Keys(MpObject *d)
{
    return dict_to_list(d, 0);
}

MpObject *
MpDict_Values(MpObject *d)
{
    return dict_to_list(d, 1);
}

MpObject *
MpDict_Items(MpObject *d)
{
    return dict_to_list(d, 2);
}

/* An exact copy of mp's table (entries, holes and all), each key and
   value with a new reference. */
static MpDictKeys *
clone_keys(MpDictObject *mp)
{
    MpDictKeys *src = mp->ma_keys;
    size_t bytes = sizeof(MpDictKeys) +
                   ((size_t)1 << src->dk_log2_index_bytes) +
                   (size_t)USABLE_FRACTION(dk_size(src)) * sizeof(DictEntry);
    MpDictKeys *dk = MpMem_Malloc(bytes);
    if (dk == NULL) {
        MpErr_NoMemory();
        return NULL;
    }
    memcpy(dk, src, bytes);
    DictEntry *ep = dk_entries(dk);
    for (Mp_ssize_t i = 0; i < dk->dk_nentries; i++) {
        Mp_XINCREF(ep[i].me_key);
        Mp_XINCREF(ep[i].me_value);
    }
    return dk;
}

static getiterfunc dict_iter_slot(void);

MpObject *
MpDict_Copy(MpObject *d)
{
    MpDictObject *mp = (MpDictObject *)d;
    if (mp->ma_used == 0) {
        return MpDict_New();
    }
    /* A table without many holes is copied as it is (CPython's
       clone_combined_dict_keys), so the copy has the same size. */
    if (Mp_TYPE(d)->tp_iter == dict_iter_slot() &&
        mp->ma_used >= (mp->ma_keys->dk_nentries * 2) / 3) {
        MpDictKeys *dk = clone_keys(mp);
        if (dk == NULL) {
            return NULL;
        }
        MpDictObject *r = (MpDictObject *)MpDict_New();
        if (r == NULL) {
            free_keys_object(dk);  // (refs leak only on MemoryError)
            return NULL;
        }
        r->ma_keys = dk;
        r->ma_used = mp->ma_used;
        if (MpObject_GC_IsTracked(d)) {
            MpObject_GC_Track(r);  // the same keys and values
        }
        return (MpObject *)r;
    }
    MpObject *r = MpDict_New();
    if (r == NULL || MpDict_Merge(r, d, 1) < 0) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

Mp_ssize_t
MpDict_SizeOf(MpObject *d)
{
    MpDictKeys *dk = ((MpDictObject *)d)->ma_keys;
    Mp_ssize_t size = 48;  // sizeof(PyDictObject) in CPython 3.11
    if (dk != EMPTY_KEYS) {
        size += 32 + ((Mp_ssize_t)1 << dk->dk_log2_index_bytes) +
                USABLE_FRACTION((Mp_ssize_t)dk_size(dk)) *
                    (dk->dk_unicode ? 16 : 24);
    }
    return size;
}
/* }====== */

/* {====== Merging ====== */

int
MpDict_Merge(MpObject *a, MpObject *b, int override)
{
    MpDictObject *mp = (MpDictObject *)a;
    if (MpDict_Check(b) && Mp_TYPE(b)->tp_iter == dict_iter_slot()) {
        MpDictObject *other = (MpDictObject *)b;
        if (other == mp || other->ma_used == 0) {
            return 0;
        }
        if (mp->ma_used == 0) {
            override = 1;  // nothing to keep, nothing to collide with
            MpDictKeys *okeys = other->ma_keys;
            /* A clean table that is not oversized is cloned as is. */
            if (other->ma_used == okeys->dk_nentries &&
                (okeys->dk_log2_size == DICT_LOG_MINSIZE ||
                 USABLE_FRACTION((Mp_ssize_t)dk_size(okeys) / 2) <
                     other->ma_used)) {
                MpDictKeys *dk = clone_keys(other);
                if (dk == NULL) {
                    return -1;
                }
                free_keys_object(mp->ma_keys);
                mp->ma_keys = dk;
                mp->ma_used = other->ma_used;
                dict_modified(mp);
                if (MpObject_GC_IsTracked(b)) {
                    MpObject_GC_Track(mp);  // the same keys and values
                }
                return 0;
            }
        }
        /* One resize up front rather than several along the way. */
        if (USABLE_FRACTION((Mp_ssize_t)dk_size(mp->ma_keys)) <
            other->ma_used) {
            if (dictresize(mp,
                           estimate_log2_keysize(mp->ma_used +
                                                 other->ma_used),
                           mp->ma_keys->dk_unicode &&
                               other->ma_keys->dk_unicode) < 0) {
                return -1;
            }
        }
        MpDictKeys *okeys = other->ma_keys;
        Mp_ssize_t n = okeys->dk_nentries;
        for (Mp_ssize_t i = 0; i < n; i++) {
            DictEntry *ep = &dk_entries(other->ma_keys)[i];
            MpObject *key = ep->me_key, *value = ep->me_value;
            Mp_hash_t hash = ep->me_hash;
            if (value == NULL) {
                continue;
            }
            Mp_INCREF(key);
            Mp_INCREF(value);
            int err = 0;
            if (override == 1) {
                err = insertdict(mp, key, hash, value);
            } else {
                MpObject *cur;
                Mp_ssize_t ix = lookup(mp, key, hash, &cur);
                if (ix == DKIX_ERROR) {
                    err = -1;
                } else if (cur == NULL) {
                    err = insertdict(mp, Mp_NewRef(key), hash,
                                     Mp_NewRef(value));
                } else if (override == 2) {
                    set_key_error(key);
                    err = -1;
                }
                Mp_DECREF(key);
                Mp_DECREF(value);
            }
            if (err < 0) {
                return -1;
            }
            if (n != other->ma_keys->dk_nentries) {
                MpErr_SetString(MpExc_RuntimeError,
                                "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* A general mapping: its keys(), then b[key] for each. */
    MpObject *keys = MpObject_CallMethod(b, "keys", NULL, 0);
    if (keys == NULL) {
        return -1;
    }
    MpObject *it = MpObject_GetIter(keys);
    Mp_DECREF(keys);
    if (it == NULL) {
        return -1;
    }
    MpObject *key;
    while ((key = MpIter_Next(it)) != NULL) {
        if (override != 1) {
            int k = MpDict_Contains(a, key);
            if (k != 0) {
                if (k > 0 && override == 2) {
                    set_key_error(key);
                }
                Mp_DECREF(key);
                if (k < 0 || override == 2) {
                    Mp_DECREF(it);
                    return -1;
                }
                continue;
            }
        }
        MpObject *value = MpObject_GetItem(b, key);
        if (value == NULL) {
            Mp_DECREF(key);
            Mp_DECREF(it);
            return -1;
        }
        int rc = MpDict_SetItem(a, key, value);
        Mp_DECREF(key);
        Mp_DECREF(value);
        if (rc < 0) {
            Mp_DECREF(it);
            return -1;
        }
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? -1 : 0;
}

/* d.update(iterable of pairs), as PyDict_MergeFromSeq2 with override. */
static int
merge_from_seq2(MpObject *d, MpObject *seq2)
{
    MpObject *it = MpObject_GetIter(seq2);
    if (it == NULL) {
        return -1;
    }
    MpObject *item;
    for (Mp_ssize_t i = 0; (item = MpIter_Next(it)) != NULL; i++) {
        MpObject *fast = NULL;
        if (MpList_Check(item) || MpTuple_Check(item)) {
            fast = Mp_NewRef(item);
        } else {
            MpObject *sub = MpObject_GetIter(item);
            if (sub != NULL) {
                fast = MpList_New(0);
                if (fast != NULL && MpList_Extend(fast, sub) < 0) {
                    Mp_CLEAR(&fast);
                }
                Mp_DECREF(sub);
            } else if (MpErr_ExceptionMatches(MpExc_TypeError)) {
                MpErr_Format(MpExc_TypeError,
                             "cannot convert dictionary update sequence "
                             "element #%zd to a sequence",
                             i);
            }
        }
        Mp_DECREF(item);
        if (fast == NULL) {
            Mp_DECREF(it);
            return -1;
        }
        Mp_ssize_t n = Mp_SIZE(fast);
        if (n != 2) {
            MpErr_Format(MpExc_ValueError,
                         "dictionary update sequence element #%zd has "
                         "length %zd; 2 is required",
                         i, n);
            Mp_DECREF(fast);
            Mp_DECREF(it);
            return -1;
        }
        MpObject *key, *value;
        if (MpList_Check(fast)) {
            key = MpList_GET_ITEM(fast, 0);
            value = MpList_GET_ITEM(fast, 1);
        } else {
            key = MpTuple_GET_ITEM(fast, 0);
            value = MpTuple_GET_ITEM(fast, 1);
        }
        Mp_INCREF(key);
        Mp_INCREF(value);
        int rc = MpDict_SetItem(d, key, value);
        Mp_DECREF(key);
        Mp_DECREF(value);
        Mp_DECREF(fast);
        if (rc < 0) {
            Mp_DECREF(it);
            return -1;
        }
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? -1 : 0;
}

int
MpDict_Update(MpObject *d, MpObject *arg)
{
    if (MpDict_CheckExact(arg)) {
        return MpDict_Merge(d, arg, 1);
    }
    static MpStrIdentifier id_keys = MP_STR_IDENTIFIER("keys");
    MpObject *keys_name = MpStr_FromIdentifier(&id_keys);
    if (keys_name == NULL) {
        return -1;
    }
    MpObject *func;
    int has = MpObject_LookupAttr(arg, keys_name, &func);
    if (has < 0) {
        return -1;
    }
    if (has) {
        Mp_DECREF(func);
        return MpDict_Merge(d, arg, 1);
    }
    return merge_from_seq2(d, arg);
}
/* }====== */

/* {====== Slots ====== */

static MpObject *
dict_new(MpTypeObject *type, MpObject *args, MpObject *kwargs)
{
    MpDictObject *mp = (MpDictObject *)MpObject_New(type);
    if (mp == NULL) {
        return NULL;
    }
    mp->ma_keys = EMPTY_KEYS;
    dict_modified(mp);
    /* an exact dict starts untracked (maintain_tracking); an instance of
       a subclass may hold references in its __dict__ and is tracked */
    if (type != &MpDict_Type) {
        MpObject_GC_Track(mp);
    }
    return (MpObject *)mp;
}

/* dict(mapping_or_iterable=(), /, **kwargs) */
static int
dict_init(MpObject *self, MpObject *args, MpObject *kwargs)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    if (n > 1) {
        MpErr_Format(MpExc_TypeError,
                     "dict expected at most 1 argument, got %zd", n);
        return -1;
    }
    if (n == 1 && MpDict_Update(self, MpTuple_GET_ITEM(args, 0)) < 0) {
        return -1;
    }
    if (kwargs != NULL && MpDict_GET_SIZE(kwargs) > 0) {
        return MpDict_Merge(self, kwargs, 1);
    }
    return 0;
}

static void
dict_dealloc(MpObject *self)
{
    MpDictObject *mp = (MpDictObject *)self;
    MpObject_GC_UnTrack(self);
    /* TRASHCAN: deeply nested dicts recurse here once per level; the
       lead's trashcan mechanism will wrap this body. */
    MpDictKeys *dk = mp->ma_keys;
    if (dk != NULL && dk != EMPTY_KEYS) {
        DictEntry *ep = dk_entries(dk);
        for (Mp_ssize_t i = 0, n = dk->dk_nentries; i < n; i++) {
            Mp_XDECREF(ep[i].me_key);
            Mp_XDECREF(ep[i].me_value);
        }
        free_keys_object(dk);
    }
    MpObject_Free(self);
}

static int
dict_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpDictKeys *dk = ((MpDictObject *)self)->ma_keys;
    DictEntry *ep = dk_entries(dk);
    for (Mp_ssize_t i = 0; i < dk->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            int rc = visit(ep[i].me_key, arg);
            if (rc == 0) {
                rc = visit(ep[i].me_value, arg);
            }
            if (rc) {
                return rc;
            }
        }
    }
    return 0;
}

static int
dict_tp_clear(MpObject *self)
{
    MpDict_Clear(self);
    return 0;
}

static MpObject *
dict_repr(MpObject *self)
{
    if (MpDict_GET_SIZE(self) == 0) {
        return MpStr_FromString("{}");
    }
    int rc = MpRepr_Enter(self);
    if (rc != 0) {
        return rc > 0 ? MpStr_FromString("{...}") : NULL;
    }
    MpStrBuf b = {0};
    MpStrBuf_Putc(&b, '{');
    Mp_ssize_t pos = 0;
    MpObject *k, *v;
    int first = 1;
    while (MpDict_Next(self, &pos, &k, &v)) {
        /* Hold both: a repr may delete them from the dict. */
        Mp_INCREF(k);
        Mp_INCREF(v);
        if (!first) {
            MpStrBuf_Puts(&b, ", ");
        }
        first = 0;
        int err = MpRepr_Append(&b, k);
        if (err == 0) {
            MpStrBuf_Puts(&b, ": ");
            err = MpRepr_Append(&b, v);
        }
        Mp_DECREF(k);
        Mp_DECREF(v);
        if (err < 0) {
            MpRepr_Leave(self);
            MpStrBuf_Clear(&b);
            return NULL;
        }
    }
    MpStrBuf_Putc(&b, '}');
    MpRepr_Leave(self);
    return MpRepr_Finish(&b);
}

/* a == b for two dicts: 1, 0 or -1. */
static int
dict_equal(MpDictObject *a, MpDictObject *b)
{
    if (a->ma_used != b->ma_used) {
        return 0;
    }
    for (Mp_ssize_t i = 0; i < a->ma_keys->dk_nentries; i++) {
        DictEntry *ep = &dk_entries(a->ma_keys)[i];
        MpObject *aval = ep->me_value;
        if (aval == NULL) {
            continue;
        }
        MpObject *key = ep->me_key;
        Mp_hash_t hash = ep->me_hash;
        Mp_INCREF(aval);
        Mp_INCREF(key);
        MpObject *bval;
        if (lookup(b, key, hash, &bval) == DKIX_ERROR) {
            Mp_DECREF(aval);
            Mp_DECREF(key);
            return -1;
        }
        Mp_DECREF(key);
        if (bval == NULL) {
            Mp_DECREF(aval);
            return 0;
        }
        Mp_INCREF(bval);
        int cmp = MpObject_RichCompareBool(aval, bval, Mp_EQ);
        Mp_DECREF(aval);
        Mp_DECREF(bval);
        if (cmp <= 0) {
            return cmp;
        }
    }
    return 1;
}

static MpObject *
dict_richcompare(MpObject *v, MpObject *w, int op)
{
    if (!MpDict_Check(v) || !MpDict_Check(w) ||
        (op != Mp_EQ && op != Mp_NE)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    int cmp = dict_equal((MpDictObject *)v, (MpDictObject *)w);
    if (cmp < 0) {
        return NULL;
    }
    return MpBool_FromLong(op == Mp_EQ ? cmp : !cmp);
}

static Mp_ssize_t
dict_length(MpObject *self)
{
    return ((MpDictObject *)self)->ma_used;
}

static MpObject *
dict_subscript(MpObject *self, MpObject *key)
{
    Mp_hash_t hash = key_hash(key);
    if (hash == -1) {
        return NULL;
    }
    MpObject *value;
    if (lookup((MpDictObject *)self, key, hash, &value) == DKIX_ERROR) {
        return NULL;
    }
    if (value != NULL) {
        return Mp_NewRef(value);
    }
    if (!MpDict_CheckExact(self)) {
        /* A subclass may supply __missing__ (collections.defaultdict). */
        static MpStrIdentifier id_missing = MP_STR_IDENTIFIER("__missing__");
        MpObject *missing_name = MpStr_FromIdentifier(&id_missing);
        if (missing_name == NULL) {
            return NULL;
        }
        MpObject *missing = MpType_Lookup(Mp_TYPE(self), missing_name);
        if (missing != NULL) {
            MpObject *args[2] = {self, key};
            Mp_INCREF(missing);
            MpObject *r = MpObject_Vectorcall(missing, args, 2, NULL);
            Mp_DECREF(missing);
            return r;
        }
    }
    set_key_error(key);
    return NULL;
}

static int
dict_ass_subscript(MpObject *self, MpObject *key, MpObject *value)
{
    if (value == NULL) {
        return MpDict_DelItem(self, key);
    }
    return MpDict_SetItem(self, key, value);
}

static int
dict_contains(MpObject *self, MpObject *key)
{
    return MpDict_Contains(self, key);
}

static MpObject *
dict_or(MpObject *self, MpObject *other)
{
    if (!MpDict_Check(self) || !MpDict_Check(other)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    MpObject *r = MpDict_Copy(self);
    if (r == NULL || MpDict_Update(r, other) < 0) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

static MpObject *
dict_ior(MpObject *self, MpObject *other)
{
    if (MpDict_Update(self, other) < 0) {
        return NULL;
    }
    return Mp_NewRef(self);
}
/* }====== */

/* {====== Methods ====== */

static MpObject *
dict_get(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("get", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    MpObject *v = MpDict_GetItemWithError(self, args[0]);
    if (v == NULL) {
        if (MpErr_Occurred()) {
            return NULL;
        }
        v = nargs > 1 ? args[1] : Mp_None;
    }
    return Mp_NewRef(v);
}

static MpObject *
dict_setdefault(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("setdefault", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    MpObject *v = MpDict_SetDefault(self, args[0],
                                    nargs > 1 ? args[1] : Mp_None);
    return v ? Mp_NewRef(v) : NULL;
}

static MpObject *
dict_pop(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("pop", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    return MpDict_Pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

/* Removes and returns the last inserted (key, value) pair (LIFO). */
static MpObject *
dict_popitem(MpObject *self, MpObject *unused)
{
    MpDictObject *mp = (MpDictObject *)self;
    if (mp->ma_used == 0) {
        MpObject *msg = MpStr_FromString("popitem(): dictionary is empty");
        if (msg != NULL) {
            MpErr_SetObject(MpExc_KeyError, msg);
            Mp_DECREF(msg);
        }
        return NULL;
    }
    MpObject *res = MpTuple_New(2);  // before touching the table
    if (res == NULL) {
        return NULL;
    }
    MpDictKeys *dk = mp->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    Mp_ssize_t i = dk->dk_nentries - 1;
    while (i >= 0 && ep0[i].me_value == NULL) {
        i--;
    }
    DictEntry *ep = &ep0[i];
    set_index(dk, lookup_slot_of(dk, ep->me_hash, i), DKIX_DUMMY);
    MpTuple_SET_ITEM(res, 0, ep->me_key);  // the table's references move
    MpTuple_SET_ITEM(res, 1, ep->me_value);
    ep->me_key = NULL;
    ep->me_value = NULL;
    /* The trailing holes are given back to the dense array. */
    dk->dk_nentries = i;
    mp->ma_used--;
    dict_modified(mp);
    return res;
}

static MpObject *
dict_update(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    if (nargs > 1) {
        return MpErr_Format(MpExc_TypeError,
                            "update expected at most 1 argument, got %zd",
                            nargs);
    }
    if (nargs == 1 && MpDict_Update(self, args[0]) < 0) {
        return NULL;
    }
    if (kwnames != NULL) {
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(kwnames); i++) {
            if (MpDict_SetItem(self, MpTuple_GET_ITEM(kwnames, i),
                               args[nargs + i]) < 0) {
                return NULL;
            }
        }
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
dict_fromkeys(MpObject *cls, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("fromkeys", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    MpObject *iterable = args[0];
    MpObject *value = nargs > 1 ? args[1] : Mp_None;
    MpObject *d = cls == (MpObject *)&MpDict_Type
                      ? MpDict_New()
                      : MpObject_CallNoArgs(cls);
    if (d == NULL) {
        return NULL;
    }
    int exact = MpDict_CheckExact(d);
    if (exact && MpDict_GET_SIZE(d) == 0 && MpDict_CheckExact(iterable)) {
        /* Known size: one resize up front, then insert with the cached
           hashes (CPython's fast path). */
        MpDictObject *src = (MpDictObject *)iterable;
        if (dictresize((MpDictObject *)d,
                       estimate_log2_keysize(src->ma_used),
                       src->ma_keys->dk_unicode) < 0) {
            Mp_DECREF(d);
            return NULL;
        }
        for (Mp_ssize_t i = 0; i < src->ma_keys->dk_nentries; i++) {
            DictEntry *ep = &dk_entries(src->ma_keys)[i];
            if (ep->me_value == NULL) {
                continue;
            }
            if (insertdict((MpDictObject *)d, Mp_NewRef(ep->me_key),
                           ep->me_hash, Mp_NewRef(value)) < 0) {
                Mp_DECREF(d);
                return NULL;
            }
        }
        return d;
    }
    MpObject *it = MpObject_GetIter(iterable);
    if (it == NULL) {
        Mp_DECREF(d);
        return NULL;
    }
    MpObject *key;
    while ((key = MpIter_Next(it)) != NULL) {
        int rc = exact ? MpDict_SetItem(d, key, value)
                       : MpObject_SetItem(d, key, value);
        Mp_DECREF(key);
        if (rc < 0) {
            Mp_DECREF(it);
            Mp_DECREF(d);
            return NULL;
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        Mp_DECREF(d);
        return NULL;
    }
    return d;
}

static MpObject *
dict_copy(MpObject *self, MpObject *unused)
{
    return MpDict_Copy(self);
}

static MpObject *
dict_clear(MpObject *self, MpObject *unused)
{
    MpDict_Clear(self);
    return Mp_NewRef(Mp_None);
}

static MpObject *
dict_sizeof(MpObject *self, MpObject *unused)
{
    return MpLong_FromSsize_t(MpDict_SizeOf(self));
}

static MpObject *
dict_contains_method(MpObject *self, MpObject *key)
{
    int k = MpDict_Contains(self, key);
    return k < 0 ? NULL : MpBool_FromLong(k);
}

static MpObject *dict_keys(MpObject *self, MpObject *unused);
static MpObject *dict_values(MpObject *self, MpObject *unused);
static MpObject *dict_items(MpObject *self, MpObject *unused);
static MpObject *dict_reversed(MpObject *self, MpObject *unused);
/* }====== */

/* {====== Iterators ======
   One structure for the six iterator types (keys, values, items, each
   forwards and backwards).  di_used is ma_used when the iterator was
   made: a different value means the dict changed size under it. */

typedef struct {
    MpObject_HEAD
    MpDictObject *di_dict;  // NULL when exhausted
    Mp_ssize_t di_used;
    Mp_ssize_t di_pos;
    Mp_ssize_t len;  // items still to produce
    MpObject *di_result;  // items: the last pair made, reused when free
} DictIter;

enum { ITER_KEYS, ITER_VALUES, ITER_ITEMS };

static MpObject *
dictiter_new(MpDictObject *d, MpTypeObject *type)
{
    DictIter *di = (DictIter *)MpObject_New(type);
    if (di == NULL) {
        return NULL;
    }
    di->di_dict = (MpDictObject *)Mp_NewRef(d);
    di->di_used = d->ma_used;
    di->len = d->ma_used;
    int reversed = type == &MpDictRevIterKey_Type ||
                   type == &MpDictRevIterValue_Type ||
                   type == &MpDictRevIterItem_Type;
    di->di_pos = reversed ? d->ma_keys->dk_nentries - 1 : 0;
    MpObject_GC_Track(di);
    return (MpObject *)di;
}

static MpObject *
dict_iter(MpObject *self)
{
    return dictiter_new((MpDictObject *)self, &MpDictIterKey_Type);
}

static getiterfunc
dict_iter_slot(void)
{
    return dict_iter;
}

static MpObject *
dict_reversed(MpObject *self, MpObject *unused)
{
    return dictiter_new((MpDictObject *)self, &MpDictRevIterKey_Type);
}

/* The (key, value) pair an items iterator produces: the pair it made
   last time, refilled, when nothing else holds it any more (the loop
   `for k, v in d.items()` unpacked and dropped it), else a new one.  The
   reused pair is tracked again in case a collection untracked it while
   it held atoms.  Refs: NEW; NULL with MemoryError. */
static MpObject *
item_pair(DictIter *di, MpObject *key, MpObject *value)
{
    MpObject *r = di->di_result;
    if (r != NULL && r->ob_refcnt == 1) {
        MpObject *oldkey = MpTuple_GET_ITEM(r, 0);
        MpObject *oldvalue = MpTuple_GET_ITEM(r, 1);
        MpTuple_SET_ITEM(r, 0, Mp_NewRef(key));
        MpTuple_SET_ITEM(r, 1, Mp_NewRef(value));
        Mp_INCREF(r);
        Mp_DECREF(oldkey);  // last: may run a __del__
        Mp_DECREF(oldvalue);
        if (!MpObject_GC_IsTracked(r)) {
            MpObject_GC_Track(r);
        }
        return r;
    }
    r = MpTuple_Pack(2, key, value);
    if (r != NULL && di->di_result == NULL) {
        di->di_result = Mp_NewRef(r);
    }
    return r;
}
/* One step of any of the iterators.  what: ITER_*; step: +1 or -1. */
static MpObject *
dictiter_step(MpObject *self, int what, int step)
{
    DictIter *di = (DictIter *)self;
    MpDictObject *d = di->di_dict;
    if (d == NULL) {
        return NULL;
    }
    if (di->di_used != d->ma_used) {
        MpErr_SetString(MpExc_RuntimeError,
                        "dictionary changed size during iteration");
        di->di_used = -1;  // stays broken
        return NULL;
    }
    MpDictKeys *dk = d->ma_keys;
    DictEntry *ep0 = dk_entries(dk);
    Mp_ssize_t i = di->di_pos, n = dk->dk_nentries;
    if (step > 0) {
        while (i < n && ep0[i].me_value == NULL) {
            i++;
        }
    } else {
        if (i >= n) {
            i = n - 1;
        }
        while (i >= 0 && ep0[i].me_value == NULL) {
            i--;
        }
    }
    if (i < 0 || i >= n) {
        goto done;
    }
    if (di->len == 0) {
        /* Same size, but keys were deleted and others added. */
        MpErr_SetString(MpExc_RuntimeError,
                        "dictionary keys changed during iteration");
        goto done;
    }
    di->di_pos = i + step;
    di->len--;
    DictEntry *ep = &ep0[i];
    switch (what) {
    case ITER_KEYS:
        return Mp_NewRef(ep->me_key);
    case ITER_VALUES:
        return Mp_NewRef(ep->me_value);
    default:
        return item_pair(di, ep->me_key, ep->me_value);
    }
done:
    di->di_dict = NULL;
    Mp_DECREF(d);
    return NULL;
}

static MpObject *
iter_keys(MpObject *s)
{
    return dictiter_step(s, ITER_KEYS, 1);
}
static MpObject *
iter_values(MpObject *s)
{
    return dictiter_step(s, ITER_VALUES, 1);
}
static MpObject *
iter_items(MpObject *s)
{
    return dictiter_step(s, ITER_ITEMS, 1);
}
static MpObject *
reviter_keys(MpObject *s)
{
    return dictiter_step(s, ITER_KEYS, -1);
}
static MpObject *
reviter_values(MpObject *s)
{
    return dictiter_step(s, ITER_VALUES, -1);
}
static MpObject *
reviter_items(MpObject *s)
{
    return dictiter_step(s, ITER_ITEMS, -1);
}

static void
dictiter_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((DictIter *)self)->di_dict);
    Mp_XDECREF(((DictIter *)self)->di_result);
    MpObject_Free(self);
}

static int
dictiter_traverse(MpObject *self, visitproc visit, void *arg)
{
    DictIter *di = (DictIter *)self;
    if (di->di_dict != NULL && visit((MpObject *)di->di_dict, arg) < 0) {
        return -1;
    }
    return di->di_result ? visit(di->di_result, arg) : 0;
}

static MpObject *
dictiter_length_hint(MpObject *self, MpObject *unused)
{
    DictIter *di = (DictIter *)self;
    Mp_ssize_t n = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used) {
        n = di->len;
    }
    return MpLong_FromSsize_t(n);
}

static MpMethodDef dictiter_methods[] = {
    {"__length_hint__", (void *)dictiter_length_hint, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, next)                                 \
    MpTypeObject cname = {                                                  \
        .ob_base = MP_TYPE_HEAD_INIT,                                       \
        .tp_name = pyname,                                                  \
        .tp_basicsize = sizeof(DictIter),                                   \
        .tp_flags = MP_TPFLAGS_HAVE_GC,                                     \
        .tp_dealloc = dictiter_dealloc,                                     \
        .tp_traverse = dictiter_traverse,                                   \
        .tp_iter = MpObject_SelfIter,                                               \
        .tp_iternext = next,                                                \
        .tp_methods = dictiter_methods,                                     \
    }

DICT_ITER_TYPE(MpDictIterKey_Type, "dict_keyiterator", iter_keys);
DICT_ITER_TYPE(MpDictIterValue_Type, "dict_valueiterator", iter_values);
DICT_ITER_TYPE(MpDictIterItem_Type, "dict_itemiterator", iter_items);
DICT_ITER_TYPE(MpDictRevIterKey_Type, "dict_reversekeyiterator",
               reviter_keys);
DICT_ITER_TYPE(MpDictRevIterValue_Type, "dict_reversevalueiterator",
               reviter_values);
DICT_ITER_TYPE(MpDictRevIterItem_Type, "dict_reverseitemiterator",
               reviter_items);
/* }====== */

/* {====== Views ======
   d.keys(), d.values(), d.items(): live windows on the dict.  Keys and
   items views are set-like: they compare as sets and support & | - ^
   (the results are sets) and isdisjoint. */

typedef struct {
    MpObject_HEAD
    MpDictObject *dv_dict;
} DictView;

static MpObject *
view_new(MpObject *d, MpTypeObject *type)
{
    DictView *dv = (DictView *)MpObject_New(type);
    if (dv == NULL) {
        return NULL;
    }
    dv->dv_dict = (MpDictObject *)Mp_NewRef(d);
    MpObject_GC_Track(dv);
    return (MpObject *)dv;
}

static MpObject *
dict_keys(MpObject *self, MpObject *unused)
{
    return view_new(self, &MpDictKeys_Type);
}

static MpObject *
dict_values(MpObject *self, MpObject *unused)
{
    return view_new(self, &MpDictValues_Type);
}

static MpObject *
dict_items(MpObject *self, MpObject *unused)
{
    return view_new(self, &MpDictItems_Type);
}

static int
is_setlike_view(MpObject *o)
{
    return Mp_TYPE(o) == &MpDictKeys_Type || Mp_TYPE(o) == &MpDictItems_Type;
}

static void
view_dealloc(MpObject *self)
{
    MpObject_GC_UnTrack(self);
    Mp_XDECREF(((DictView *)self)->dv_dict);
    MpObject_Free(self);
}

static int
view_traverse(MpObject *self, visitproc visit, void *arg)
{
    MpObject *d = (MpObject *)((DictView *)self)->dv_dict;
    return d ? visit(d, arg) : 0;
}

static Mp_ssize_t
view_len(MpObject *self)
{
    return ((DictView *)self)->dv_dict->ma_used;
}

static MpObject *
view_iter(MpObject *self)
{
    MpDictObject *d = ((DictView *)self)->dv_dict;
    MpTypeObject *t = Mp_TYPE(self) == &MpDictKeys_Type ? &MpDictIterKey_Type
                      : Mp_TYPE(self) == &MpDictValues_Type
                          ? &MpDictIterValue_Type
                          : &MpDictIterItem_Type;
    return dictiter_new(d, t);
}

static MpObject *
view_reversed(MpObject *self, MpObject *unused)
{
    MpDictObject *d = ((DictView *)self)->dv_dict;
    MpTypeObject *t = Mp_TYPE(self) == &MpDictKeys_Type
                          ? &MpDictRevIterKey_Type
                      : Mp_TYPE(self) == &MpDictValues_Type
                          ? &MpDictRevIterValue_Type
                          : &MpDictRevIterItem_Type;
    return dictiter_new(d, t);
}

static int
keys_contains(MpObject *self, MpObject *key)
{
    return MpDict_Contains((MpObject *)((DictView *)self)->dv_dict, key);
}

static int
items_contains(MpObject *self, MpObject *item)
{
    if (!MpTuple_Check(item) || MpTuple_GET_SIZE(item) != 2) {
        return 0;
    }
    MpObject *d = (MpObject *)((DictView *)self)->dv_dict;
    MpObject *found = MpDict_GetItemWithError(d, MpTuple_GET_ITEM(item, 0));
    if (found == NULL) {
        return MpErr_Occurred() ? -1 : 0;
    }
    Mp_INCREF(found);
    int k = MpObject_RichCompareBool(found, MpTuple_GET_ITEM(item, 1),
                                     Mp_EQ);
    Mp_DECREF(found);
    return k;
}

static MpObject *
view_repr(MpObject *self)
{
    int rc = MpRepr_Enter(self);
    if (rc != 0) {
        return rc > 0 ? MpStr_FromString("...") : NULL;
    }
    MpObject *list = MpList_New(0);
    MpObject *r = NULL;
    if (list != NULL && MpList_Extend(list, self) == 0) {
        r = MpStr_FromFormat("%s(%R)", Mp_TYPE(self)->tp_name, list);
    }
    Mp_XDECREF(list);
    MpRepr_Leave(self);
    return r;
}

/* Every item of a is in b: 1, 0 or -1. */
static int
all_contained_in(MpObject *a, MpObject *b)
{
    MpObject *it = MpObject_GetIter(a);
    if (it == NULL) {
        return -1;
    }
    int ok = 1;
    MpObject *x;
    while ((x = MpIter_Next(it)) != NULL) {
        ok = MpSequence_Contains(b, x);
        Mp_DECREF(x);
        if (ok <= 0) {
            break;
        }
    }
    Mp_DECREF(it);
    if (ok > 0 && MpErr_Occurred()) {
        ok = -1;
    }
    return ok;
}

static MpObject *
view_richcompare(MpObject *self, MpObject *other, int op)
{
    if (!MpAnySet_Check(other) && !is_setlike_view(other)) {
        return Mp_NewRef(Mp_NotImplemented);
    }
    Mp_ssize_t ls = MpObject_Length(self), lo = MpObject_Length(other);
    if (ls < 0 || lo < 0) {
        return NULL;
    }
    int ok = 0;
    switch (op) {
    case Mp_EQ:
    case Mp_NE:
        ok = ls == lo ? all_contained_in(self, other) : 0;
        if (ok >= 0 && op == Mp_NE) {
            ok = !ok;
        }
        break;
    case Mp_LT:
        ok = ls < lo ? all_contained_in(self, other) : 0;
        break;
    case Mp_LE:
        ok = ls <= lo ? all_contained_in(self, other) : 0;
        break;
    case Mp_GT:
        ok = ls > lo ? all_contained_in(other, self) : 0;
        break;
    case Mp_GE:
        ok = ls >= lo ? all_contained_in(other, self) : 0;
        break;
    }
    return ok < 0 ? NULL : MpBool_FromLong(ok);
}

static MpObject *
views_sub(MpObject *a, MpObject *b)
{
    MpObject *r = MpSet_New(a);
    if (r == NULL || MpSet_DifferenceUpdate(r, b) < 0) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

static MpObject *
views_or(MpObject *a, MpObject *b)
{
    MpObject *r = MpSet_New(a);
    if (r == NULL || MpSet_Update(r, b) < 0) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

static MpObject *
views_xor(MpObject *a, MpObject *b)
{
    MpObject *r = MpSet_New(a);
    if (r == NULL || MpSet_SymmetricDifferenceUpdate(r, b) < 0) {
        Mp_XDECREF(r);
        return NULL;
    }
    return r;
}

/* a & b, as CPython's _PyDictView_Intersect: iterate the other operand
   (the smaller view when both are views), keep what the view holds. */
static MpObject *
views_and(MpObject *a, MpObject *b)
{
    if (!is_setlike_view(a)) {  // `x & view` arrives as (x, view)
        MpObject *t = a;
        a = b;
        b = t;
    }
    Mp_ssize_t la = MpObject_Length(a);
    if (la < 0) {
        return NULL;
    }
    if (MpAnySet_Check(b) && Mp_TYPE(b) == &MpSet_Type &&
        la <= MpSet_GET_SIZE(b)) {
        return MpSet_Intersection(b, a);
    }
    if (is_setlike_view(b)) {
        Mp_ssize_t lb = MpObject_Length(b);
        if (lb < 0) {
            return NULL;
        }
        if (lb > la) {
            MpObject *t = a;
            a = b;
            b = t;
        }
    }
    MpObject *r = MpSet_New(NULL);
    MpObject *it = r ? MpObject_GetIter(b) : NULL;
    if (it == NULL) {
        Mp_XDECREF(r);
        return NULL;
    }
    int (*contains)(MpObject *, MpObject *) =
        Mp_TYPE(a) == &MpDictKeys_Type ? keys_contains : items_contains;
    MpObject *x;
    while ((x = MpIter_Next(it)) != NULL) {
        int k = contains(a, x);
        if (k > 0) {
            k = MpSet_Add(r, x) < 0 ? -1 : 1;
        }
        Mp_DECREF(x);
        if (k < 0) {
            Mp_DECREF(it);
            Mp_DECREF(r);
            return NULL;
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        Mp_DECREF(r);
        return NULL;
    }
    return r;
}

static MpObject *
view_isdisjoint(MpObject *self, MpObject *other)
{
    if (other == self) {
        return MpBool_FromLong(view_len(self) == 0);
    }
    MpObject *it = MpObject_GetIter(other);
    if (it == NULL) {
        return NULL;
    }
    MpObject *x;
    int disjoint = 1;
    while ((x = MpIter_Next(it)) != NULL) {
        int k = MpSequence_Contains(self, x);
        Mp_DECREF(x);
        if (k < 0) {
            Mp_DECREF(it);
            return NULL;
        }
        if (k) {
            disjoint = 0;
            break;
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        return NULL;
    }
    return MpBool_FromLong(disjoint);
}

static MpNumberMethods view_as_number = {
    .nb_subtract = views_sub,
    .nb_and = views_and,
    .nb_xor = views_xor,
    .nb_or = views_or,
};

static MpSequenceMethods keys_as_sequence = {
    .sq_length = view_len,
    .sq_contains = keys_contains,
};

static MpSequenceMethods items_as_sequence = {
    .sq_length = view_len,
    .sq_contains = items_contains,
};

static MpSequenceMethods values_as_sequence = {
    .sq_length = view_len,
};

static MpMethodDef setview_methods[] = {
    {"isdisjoint", (void *)view_isdisjoint, MP_METH_O, NULL},
    {"__reversed__", (void *)view_reversed, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* view.mapping: a read-only proxy of the dict (3.10) */
static MpObject *
view_mapping(MpObject *self, void *closure)
{
    return MpDictProxy_New((MpObject *)((DictView *)self)->dv_dict);
}

static MpGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL},
};

static MpMethodDef values_methods[] = {
    {"__reversed__", (void *)view_reversed, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpDictKeys_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_as_number = &view_as_number,
    .tp_as_sequence = &keys_as_sequence,
    .tp_traverse = view_traverse,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

MpTypeObject MpDictItems_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_as_number = &view_as_number,
    .tp_as_sequence = &items_as_sequence,
    .tp_traverse = view_traverse,
    .tp_methods = setview_methods,
    .tp_getset = view_getset,
};

MpTypeObject MpDictValues_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_repr = view_repr,
    .tp_iter = view_iter,
    .tp_as_sequence = &values_as_sequence,
    .tp_traverse = view_traverse,
    .tp_methods = values_methods,
    .tp_getset = view_getset,
};
/* }====== */

/* {====== Test hooks ====== */

Mp_ssize_t
MpDict_TableSize(MpObject *d)
{
    return (Mp_ssize_t)dk_size(((MpDictObject *)d)->ma_keys);
}

Mp_ssize_t
MpDict_Usable(MpObject *d)
{
    return ((MpDictObject *)d)->ma_keys->dk_usable;
}

Mp_ssize_t
MpDict_NEntries(MpObject *d)
{
    return ((MpDictObject *)d)->ma_keys->dk_nentries;
}

Mp_ssize_t
MpDict_IndexAt(MpObject *d, Mp_ssize_t slot)
{
    return get_index(((MpDictObject *)d)->ma_keys, (size_t)slot);
}
/* }====== */

/* {====== The type ====== */

static MpMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_subscript,
};

static MpSequenceMethods dict_as_sequence = {
    .sq_contains = dict_contains,
};

static MpNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static MpMethodDef dict_methods[] = {
    {"__class_getitem__", (void *)MpGenericAlias_ClassGetItem,
     MP_METH_O | MP_METH_CLASS, "See PEP 585"},
    {"__contains__", (void *)dict_contains_method, MP_METH_O, NULL},
    {"__getitem__", (void *)dict_subscript, MP_METH_O, NULL},
    {"__sizeof__", (void *)dict_sizeof, MP_METH_NOARGS, NULL},
    {"get", (void *)dict_get, MP_METH_FASTCALL, NULL},
    {"setdefault", (void *)dict_setdefault, MP_METH_FASTCALL, NULL},
    {"pop", (void *)dict_pop, MP_METH_FASTCALL, NULL},
    {"popitem", (void *)dict_popitem, MP_METH_NOARGS, NULL},
    {"keys", (void *)dict_keys, MP_METH_NOARGS, NULL},
    {"items", (void *)dict_items, MP_METH_NOARGS, NULL},
    {"values", (void *)dict_values, MP_METH_NOARGS, NULL},
    {"update", (void *)dict_update, MP_METH_FASTCALL | MP_METH_KEYWORDS,
     NULL},
    {"fromkeys", (void *)dict_fromkeys, MP_METH_FASTCALL | MP_METH_CLASS,
     NULL},
    {"clear", (void *)dict_clear, MP_METH_NOARGS, NULL},
    {"copy", (void *)dict_copy, MP_METH_NOARGS, NULL},
    {"__reversed__", (void *)dict_reversed, MP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

MpTypeObject MpDict_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "dict",
    .tp_basicsize = sizeof(MpDictObject),
    .tp_flags = MP_TPFLAGS_BASETYPE | MP_TPFLAGS_HAVE_GC |
                MP_TPFLAGS_DICT_SUBCLASS,
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_hash = MpObject_HashNotImplemented,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_new = dict_new,
    .tp_init = dict_init,
    .tp_methods = dict_methods,
    .tp_doc = "dict() -> new empty dictionary",
};
/* }====== */
