/* suggestions.c — "Did you mean: 'print'?" after an uncaught NameError or
   AttributeError, as CPython 3.11 prints it.

   When the traceback printer (traceback.c) shows an uncaught exception it
   asks MpTraceback_SuggestionHook for a suffix.  For an AttributeError the
   candidates are dir(exc.obj) (getattr records .obj and .name on the way
   out, abstract.c); for a NameError (whose .name the VM sets) they are
   the local variable names of the innermost frame of the traceback, then
   its globals, then its builtins, each list tried in turn.

   The winner is the candidate nearest to the wanted name in a weighted
   Levenshtein distance: inserting, deleting or replacing a character
   costs 2, replacing a letter by the same letter in the other case costs
   1.  A candidate only counts when its distance is at most
   (len(name) + len(candidate) + 3) * 2 / 6 -- roughly a third of the
   letters may be wrong -- and strictly below the best so far, so the
   first of equally near candidates wins.  Names longer than 40 bytes and
   lists of 750 or more candidates are not searched (they would cost too
   much for a message).  Lengths and characters are UTF-8 bytes.

   This follows the behaviour CPython documents and implements in
   Python/suggestions.c; the code here is written from that description.
   Read first: suggest */
#include "suggestions.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "objects/code.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "traceback.h"

#define MAX_CANDIDATES 750  // CPython's MAX_CANDIDATE_ITEMS
#define MAX_NAME_BYTES 40   // CPython's MAX_STRING_SIZE
#define EDIT_COST 2         // insert, delete, or replace a character
#define CASE_COST 1         // replace by the same letter, other case

/* {====== The distance ====== */

static int
lower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static size_t
replace_cost(unsigned char a, unsigned char b)
{
    if (a == b) {
        return 0;
    }
    return lower_ascii(a) == lower_ascii(b) ? CASE_COST : EDIT_COST;
}

/* The weighted edit distance between a and b, or any value above limit
   once it is certain to exceed limit.  One row of the usual dynamic
   programme is kept: row[i] is the distance between a[:i+1] and the
   part of b seen so far. */
static size_t
distance(const char *a, size_t alen, const char *b, size_t blen,
         size_t limit)
{
    /* a common prefix or suffix changes nothing */
    while (alen > 0 && blen > 0 && a[0] == b[0]) {
        a++, b++, alen--, blen--;
    }
    while (alen > 0 && blen > 0 && a[alen - 1] == b[blen - 1]) {
        alen--, blen--;
    }
    if (alen == 0 || blen == 0) {
        return (alen + blen) * EDIT_COST;
    }
    if (alen > MAX_NAME_BYTES || blen > MAX_NAME_BYTES) {
        return limit + 1;
    }
    if (alen > blen) {  // a is the shorter one: the row runs along it
        const char *t = a;
        a = b;
        b = t;
        size_t n = alen;
        alen = blen;
        blen = n;
    }
    if ((blen - alen) * EDIT_COST > limit) {
        return limit + 1;  // the length difference alone is too much
    }
    size_t row[MAX_NAME_BYTES];
    for (size_t i = 0; i < alen; i++) {
        row[i] = (i + 1) * EDIT_COST;  // a[:i+1] against nothing
    }
    size_t result = 0;
    for (size_t j = 0; j < blen; j++) {
        size_t diagonal = j * EDIT_COST;  // a[:0] against b[:j]
        size_t left = diagonal + EDIT_COST;  // a[:0] against b[:j+1]
        size_t best_in_row = SIZE_MAX;
        for (size_t i = 0; i < alen; i++) {
            size_t up = row[i];
            size_t d = diagonal + replace_cost((unsigned char)a[i],
                                               (unsigned char)b[j]);
            size_t via_edit = (left < up ? left : up) + EDIT_COST;
            result = d < via_edit ? d : via_edit;
            diagonal = up;
            row[i] = left = result;
            if (result < best_in_row) {
                best_in_row = result;
            }
        }
        if (best_in_row > limit) {
            return limit + 1;  // every path is already too long
        }
    }
    return result;
}
/* }====== */

/* {====== Choosing among the candidates ====== */

/* The candidate of the sequence `names` nearest to name, or NULL (no
   exception).  Refs: NEW. */
static MpObject *
nearest(MpObject *names, MpObject *name)
{
    Mp_ssize_t n = Mp_SIZE(names);
    if (n >= MAX_CANDIDATES) {
        return NULL;
    }
    const char *want = MpStr_AsUTF8(name);
    if (want == NULL) {
        MpErr_Clear();
        return NULL;
    }
    size_t want_len = strlen(want);
    MpObject *best = NULL;
    size_t best_distance = SIZE_MAX;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *item = MpList_GET_ITEM(names, i);
        if (!MpStr_Check(item) || MpStr_Equal(item, name)) {
            continue;
        }
        const char *cand = MpStr_AsUTF8(item);
        if (cand == NULL) {
            MpErr_Clear();
            continue;
        }
        size_t cand_len = strlen(cand);
        size_t limit = (want_len + cand_len + 3) * EDIT_COST / 6;
        if (best_distance - 1 < limit) {
            limit = best_distance - 1;
        }
        size_t d = distance(want, want_len, cand, cand_len, limit);
        if (d > limit) {
            continue;
        }
        if (best == NULL || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best ? Mp_NewRef(best) : NULL;
}

/* Appends the keys of dict d to list.  Returns 0 or -1. */
static int
add_keys(MpObject *list, MpObject *d)
{
    if (d == NULL || !MpDict_Check(d)) {
        return 0;
    }
    Mp_ssize_t pos = 0;
    MpObject *key, *value;
    while (MpDict_Next(d, &pos, &key, &value)) {
        if (MpList_Append(list, key) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The names dir(obj) lists, sorted: obj.__dir__() when its type has one,
   else what object.__dir__ and type.__dir__ collect (the instance dict
   and every class dict along the MRO; for a class, the dicts of its MRO;
   for a module, its dict).  Refs: NEW list. */
static MpObject *
dir_of(MpObject *obj)
{
    MpObject *list;
    MpObject *key = MpStr_InternFromString("__dir__");
    MpObject *meth = key ? MpType_Lookup(Mp_TYPE(obj), key) : NULL;
    Mp_XDECREF(key);
    if (meth != NULL) {
        /* type(obj).__dir__(obj), as dir() calls it: for a class, the
           metaclass's __dir__, not object.__dir__ found on the class */
        Mp_INCREF(meth);
        MpObject *r = MpObject_CallOneArg(meth, obj);
        Mp_DECREF(meth);
        if (r == NULL) {
            return NULL;
        }
        list = MpList_New(0);
        if (list != NULL && MpList_Extend(list, r) < 0) {
            Mp_CLEAR(&list);
        }
        Mp_DECREF(r);
    }
    else {
        list = MpList_New(0);
        if (list == NULL) {
            return NULL;
        }
        MpObject *mro = NULL;
        if (MpModule_Check(obj)) {
            if (add_keys(list, MpModule_GetDict(obj)) < 0) {
                Mp_CLEAR(&list);
            }
        }
        else {
            MpTypeObject *type = MpType_Check(obj) ? (MpTypeObject *)obj
                                                   : Mp_TYPE(obj);
            MpObject **dictp = MpObject_GetDictPtr(obj);
            if (!MpType_Check(obj) && dictp != NULL &&
                add_keys(list, *dictp) < 0) {
                Mp_CLEAR(&list);
            }
            mro = type->tp_mro;
        }
        for (Mp_ssize_t i = 0; list && mro && i < MpTuple_GET_SIZE(mro);
             i++) {
            MpTypeObject *t = (MpTypeObject *)MpTuple_GET_ITEM(mro, i);
            if (add_keys(list, t->tp_dict) < 0) {
                Mp_CLEAR(&list);
            }
        }
    }
    if (list == NULL) {
        return NULL;
    }
    /* dir() answers a sorted list without repeats */
    MpObject *unique = MpList_New(0);
    if (unique == NULL || MpList_Sort(list) < 0) {
        Mp_XDECREF(unique);
        Mp_DECREF(list);
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < Mp_SIZE(list); i++) {
        MpObject *item = MpList_GET_ITEM(list, i);
        if (i > 0 && MpStr_Check(item) &&
            MpStr_Check(MpList_GET_ITEM(list, i - 1)) &&
            MpStr_Equal(item, MpList_GET_ITEM(list, i - 1))) {
            continue;
        }
        if (MpList_Append(unique, item) < 0) {
            Mp_DECREF(unique);
            Mp_DECREF(list);
            return NULL;
        }
    }
    Mp_DECREF(list);
    return unique;
}

static MpObject *
for_attribute_error(MpAttributeErrorObject *exc)
{
    if (exc->name == NULL || exc->obj == NULL || !MpStr_Check(exc->name)) {
        return NULL;
    }
    MpObject *names = dir_of(exc->obj);
    if (names == NULL) {
        return NULL;
    }
    MpObject *r = nearest(names, exc->name);
    Mp_DECREF(names);
    return r;
}

static MpObject *
for_name_error(MpNameErrorObject *exc)
{
    MpObject *tb = MpException_GetTraceback((MpObject *)exc);
    if (exc->name == NULL || !MpStr_CheckExact(exc->name) || tb == NULL ||
        Mp_TYPE(tb) != &MpTraceback_Type) {
        Mp_XDECREF(tb);
        return NULL;
    }
    MpTracebackObject *last = (MpTracebackObject *)tb;
    while (last->tb_next != NULL) {
        last = last->tb_next;
    }
    MpFrameObject *frame = (MpFrameObject *)last->tb_frame;
    MpObject *varnames = ((MpCodeObject *)frame->f_code)->co_varnames;
    MpObject *r = NULL;
    MpObject *names = MpList_New(0);
    if (names != NULL && MpList_Extend(names, varnames) == 0) {
        r = nearest(names, exc->name);
    }
    Mp_XDECREF(names);
    MpObject *dicts[2] = {frame->f_globals, frame->f_builtins};
    for (int i = 0; i < 2 && r == NULL && !MpErr_Occurred(); i++) {
        names = MpList_New(0);
        if (names != NULL && add_keys(names, dicts[i]) == 0) {
            r = nearest(names, exc->name);
        }
        Mp_XDECREF(names);
    }
    Mp_DECREF(tb);
    return r;
}

/* The name to suggest for exc, or NULL.  Refs: NEW. */
static MpObject *
suggest(MpObject *exc)
{
    if (MpErr_GivenExceptionMatches(exc, MpExc_AttributeError)) {
        return for_attribute_error((MpAttributeErrorObject *)exc);
    }
    if (MpErr_GivenExceptionMatches(exc, MpExc_NameError)) {
        return for_name_error((MpNameErrorObject *)exc);
    }
    return NULL;
}
/* }====== */

MpObject *
MpSuggestions_ForException(MpObject *exc)
{
    MpObject *saved = MpErr_GetRaisedException();
    MpObject *name = suggest(exc);
    MpObject *r = NULL;
    if (name != NULL) {
        r = MpStr_FromFormat(". Did you mean: '%U'?", name);
        Mp_DECREF(name);
    }
    MpErr_Clear();  // a failure while looking only means no suggestion
    MpErr_SetRaisedException(saved);
    return r;
}
