/* dict.h — dict: the compact, insertion-ordered hash table.

   The layout, the probing and the growth rule are described at the top of
   objects/dict.c.  CPython counterpart: Objects/dictobject.c. */
#ifndef MP_DICT_H
#define MP_DICT_H

#include "object.h"

typedef struct MpDictKeys MpDictKeys;  // the table; private to dict.c

typedef struct {
    MpObject_HEAD
    Mp_ssize_t ma_used;      // number of items
    uint64_t ma_version;     // changes whenever the dict is modified
    MpDictKeys *ma_keys;
} MpDictObject;

extern MpTypeObject MpDict_Type;

static inline int
MpDict_CheckExact(const MpObject *o)
{
    return Mp_TYPE(o) == &MpDict_Type;
}

static inline int
MpDict_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_DICT_SUBCLASS);
}

/* Refs: NEW. */
MpObject *MpDict_New(void);
/* d[key] or NULL when absent (no exception), or NULL with an exception
   (unhashable key, an error in __eq__).  Refs: BORROWED. */
MpObject *MpDict_GetItemWithError(MpObject *d, MpObject *key);
/* d[key] (SetItem: d[key] = value) trying first the entry index *hint,
   where key was found last time at the caller's site; the ordinary lookup
   follows a wrong hint and updates it.  d must be an exact dict.
   Get returns NULL with no exception when key is absent.
   Refs: Get returns BORROWED; Set: key, value BORROWED.  Errors: NULL /
   -1 with an exception (hashing, __eq__, MemoryError). */
MpObject *MpDict_GetItemHinted(MpObject *d, MpObject *key, Mp_ssize_t *hint);
int MpDict_SetItemHinted(MpObject *d, MpObject *key, MpObject *value,
                         Mp_ssize_t *hint);
/* Lookup with a precomputed hash (for the VM's globals).  BORROWED. */
MpObject *MpDict_GetItemKnownHash(MpObject *d, MpObject *key,
                                  Mp_hash_t hash);
/* A C-string key.  Refs: BORROWED; NULL when absent. */
MpObject *MpDict_GetItemString(MpObject *d, const char *key);
/* d[key] = value.  Returns 0 or -1.  Refs: key, value BORROWED. */
int MpDict_SetItem(MpObject *d, MpObject *key, MpObject *value);
int MpDict_SetItemString(MpObject *d, const char *key, MpObject *value);
/* del d[key]: -1 with KeyError when absent. */
int MpDict_DelItem(MpObject *d, MpObject *key);
/* 1 when key is in d, 0 when not, -1 on error. */
int MpDict_Contains(MpObject *d, MpObject *key);
/* Iteration in insertion order: *pos starts at 0; returns 1 and sets
   *key and *value (BORROWED) while items remain, then 0. */
int MpDict_Next(MpObject *d, Mp_ssize_t *pos, MpObject **key,
                MpObject **value);
/* Marks d as a class's dict: every later modification, whoever makes
   it, also calls MpType_Modified (the attribute caches). */
void MpDict_MarkTypeDict(MpObject *d);
/* MpDict_Next that also gives the hash stored with the key (CPython's
   _PyDict_Next), for callers that must not run a key's __hash__ again:
   it may mutate d and free the borrowed key.  Refs: BORROWED. */
int MpDict_NextHash(MpObject *d, Mp_ssize_t *pos, MpObject **key,
                    MpObject **value, Mp_hash_t *hash);
/* d.update(other) for a mapping; override 0 keeps existing keys; 2
   raises KeyError on a repeated key (for f(**a, **b)).  0 or -1. */
int MpDict_Merge(MpObject *d, MpObject *other, int override);
/* Refs: NEW. */
MpObject *MpDict_Copy(MpObject *d);
MpObject *MpDict_Keys(MpObject *d);   // a list
void MpDict_Clear(MpObject *d);

/* More of the C API.  Refs as stated; errors return NULL / -1. */
/* A dict presized for n items whose keys are all exact strs (unicode=1)
   or not, as CPython's _PyDict_NewPresized.  Refs: NEW. */
MpObject *MpDict_NewPresized(Mp_ssize_t n, int unicode);
/* del d[key] for a C-string key.  0 or -1 (KeyError).  */
int MpDict_DelItemString(MpObject *d, const char *key);
/* d.setdefault(key, dflt).  Refs: BORROWED result; key, dflt BORROWED. */
MpObject *MpDict_SetDefault(MpObject *d, MpObject *key, MpObject *dflt);
/* d.pop(key, dflt): dflt NULL raises KeyError when absent.
   Refs: NEW; key, dflt BORROWED. */
MpObject *MpDict_Pop(MpObject *d, MpObject *key, MpObject *dflt);
/* Lists of the values and of the (key, value) tuples.  Refs: NEW. */
MpObject *MpDict_Values(MpObject *d);
MpObject *MpDict_Items(MpObject *d);
/* d.update(arg) for a mapping or an iterable of pairs (dict(arg)).
   0 or -1.  Refs: arg BORROWED. */
int MpDict_Update(MpObject *d, MpObject *arg);
/* dict.__sizeof__(): CPython 3.11's figure for the same table shape (a
   48-byte dict object, a 32-byte keys header, the index table, and 24
   bytes per entry slot, 16 while every key is an exact str). */
Mp_ssize_t MpDict_SizeOf(MpObject *d);

extern MpTypeObject MpDictKeys_Type, MpDictValues_Type, MpDictItems_Type;
extern MpTypeObject MpDictIterKey_Type, MpDictIterValue_Type,
    MpDictIterItem_Type, MpDictRevIterKey_Type, MpDictRevIterValue_Type,
    MpDictRevIterItem_Type;

/* {====== Test hooks (tests/unit/test_dict.c) ======
   They expose the mechanism described at the top of dict.c. */
/* The number of slots of d's index table (8 for a new dict). */
Mp_ssize_t MpDict_TableSize(MpObject *d);
/* How many more entries fit before the table must grow. */
Mp_ssize_t MpDict_Usable(MpObject *d);
/* Entries used in the dense array, deleted ones included. */
Mp_ssize_t MpDict_NEntries(MpObject *d);
/* The content of index slot i: an entry index >= 0, MP_DKIX_EMPTY or
   MP_DKIX_DUMMY. */
#define MP_DKIX_EMPTY (-1)
#define MP_DKIX_DUMMY (-2)
Mp_ssize_t MpDict_IndexAt(MpObject *d, Mp_ssize_t slot);
/* Writes the first n slots probed for hash in a table of `size` slots
   (a power of two) to out. */
void MpDict_ProbeSequence(Mp_hash_t hash, Mp_ssize_t size, Mp_ssize_t *out,
                          Mp_ssize_t n);
/* }====== */

static inline Mp_ssize_t
MpDict_GET_SIZE(const MpObject *d)
{
    return ((const MpDictObject *)d)->ma_used;
}

/* Untracks d if it is an exact dict holding no key or value that may take
   part in a cycle; the full collection calls it (CPython's
   _PyDict_MaybeUntrack).  Returns 1 when untracked.  Refs: d BORROWED. */
int MpDict_MaybeUntrack(MpObject *d);

#endif
