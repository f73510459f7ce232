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
MpDict_Check(const MpObject *o)
{
    return MpType_HasFeature(Mp_TYPE(o), MP_TPFLAGS_DICT_SUBCLASS);
}

/* Refs: NEW. */
MpObject *MpDict_New(void);
/* d[key] or NULL when absent (no exception), or NULL with an exception
   (unhashable key, an error in __eq__).  Refs: BORROWED. */
MpObject *MpDict_GetItemWithError(MpObject *d, MpObject *key);
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
   *key/*value (BORROWED) while items remain, then 0. */
int MpDict_Next(MpObject *d, Mp_ssize_t *pos, MpObject **key,
                MpObject **value);
/* d.update(other) for a mapping; override 0 keeps existing keys; 2
   raises KeyError on a repeated key (for f(**a, **b)).  0 or -1. */
int MpDict_Merge(MpObject *d, MpObject *other, int override);
/* Refs: NEW. */
MpObject *MpDict_Copy(MpObject *d);
MpObject *MpDict_Keys(MpObject *d);   // a list
void MpDict_Clear(MpObject *d);

static inline Mp_ssize_t
MpDict_GET_SIZE(const MpObject *d)
{
    return ((const MpDictObject *)d)->ma_used;
}

#endif
