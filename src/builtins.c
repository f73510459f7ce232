/* builtins.c — the builtins module: print, len, isinstance,
   __build_class__ and the other functions every program can call, and the
   built-in types and exceptions by name.

   Each function is a C function in the module's method table (MpMethodDef)
   and is called through the vectorcall convention, so a call like len(x)
   costs one C call with no argument tuple.

   __build_class__ is how a class statement runs: the compiler turns the
   class body into a function; __build_class__ picks the metaclass, asks it
   for a namespace (__prepare__), runs the body with that namespace as its
   locals, and calls the metaclass with (name, bases, namespace).

   CPython counterpart: Python/bltinmodule.c.  Read first: builtin_build_class */
#include "builtins.h"

#include <stdio.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "evalbuiltins.h"
#include "getargs.h"
#include "modules/io.h"
#include "objects/bytes.h"
#include "objects/dict.h"
#include "objects/func.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm.h"

/* {====== Output ====== */

/* print(*objects, sep=' ', end='\n', file=None, flush=False) */
static MpObject *
builtin_print(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
              MpObject *kwnames)
{
    MpObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    Mp_ssize_t nkw = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    for (Mp_ssize_t i = 0; i < nkw; i++) {
        MpObject *k = MpTuple_GET_ITEM(kwnames, i), *v = args[nargs + i];
        if (MpStr_CompareWithASCII(k, "sep") == 0) {
            sep = v;
        }
        else if (MpStr_CompareWithASCII(k, "end") == 0) {
            end = v;
        }
        else if (MpStr_CompareWithASCII(k, "file") == 0) {
            file = v;
        }
        else if (MpStr_CompareWithASCII(k, "flush") == 0) {
            flush = v;
        }
        else {
            return MpErr_Format(MpExc_TypeError,
                                "'%U' is an invalid keyword argument for "
                                "print()",
                                k);
        }
    }
    if (sep == Mp_None) {
        sep = NULL;
    }
    if (end == Mp_None) {
        end = NULL;
    }
    if (sep != NULL && !MpStr_Check(sep)) {
        return MpErr_Format(MpExc_TypeError,
                            "sep must be None or a string, not %s",
                            MpType_Name(Mp_TYPE(sep)));
    }
    if (end != NULL && !MpStr_Check(end)) {
        return MpErr_Format(MpExc_TypeError,
                            "end must be None or a string, not %s",
                            MpType_Name(Mp_TYPE(end)));
    }
    if (file == NULL || file == Mp_None) {
        file = MpSys_GetObject("stdout");
        if (file == NULL || file == Mp_None) {
            return Mp_NewRef(Mp_None);  // no stdout: print is silent
        }
    }
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            if (MpFile_WriteObject(file, sep, " ") < 0) {
                return NULL;
            }
        }
        MpObject *s = MpObject_Str(args[i]);
        if (s == NULL) {
            return NULL;
        }
        int r = MpFile_WriteObject(file, s, NULL);
        Mp_DECREF(s);
        if (r < 0) {
            return NULL;
        }
    }
    if (MpFile_WriteObject(file, end, "\n") < 0) {
        return NULL;
    }
    if (flush != NULL) {
        int t = MpObject_IsTrue(flush);
        if (t < 0) {
            return NULL;
        }
        if (t) {
            MpObject *r = MpObject_CallMethod(file, "flush", NULL, 0);
            if (r == NULL) {
                return NULL;
            }
            Mp_DECREF(r);
        }
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */

/* {====== The callable iterator: iter(callable, sentinel) ====== */

typedef struct {
    MpObject_HEAD
    MpObject *callable;  // NULL once exhausted
    MpObject *sentinel;
} MpCallIterObject;

static void
calliter_dealloc(MpObject *o)
{
    MpCallIterObject *it = (MpCallIterObject *)o;
    MpObject_GC_UnTrack(o);
    Mp_XDECREF(it->callable);
    Mp_XDECREF(it->sentinel);
    MpObject_Free(o);
}

static int
calliter_traverse(MpObject *o, visitproc visit, void *arg)
{
    MpCallIterObject *it = (MpCallIterObject *)o;
    if (it->callable && visit(it->callable, arg)) {
        return 1;
    }
    return it->sentinel ? visit(it->sentinel, arg) : 0;
}

static MpObject *
calliter_next(MpObject *o)
{
    MpCallIterObject *it = (MpCallIterObject *)o;
    if (it->callable == NULL) {
        return NULL;
    }
    MpObject *v = MpObject_CallNoArgs(it->callable);
    if (v == NULL) {
        if (MpErr_ExceptionMatches(MpExc_StopIteration)) {
            MpErr_Clear();
            Mp_CLEAR(&it->callable);
        }
        return NULL;
    }
    int eq = MpObject_RichCompareBool(v, it->sentinel, Mp_EQ);
    if (eq != 0) {
        Mp_DECREF(v);
        if (eq > 0) {
            Mp_CLEAR(&it->callable);
            Mp_CLEAR(&it->sentinel);
        }
        return NULL;
    }
    return v;
}

static MpTypeObject MpCallIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(MpCallIterObject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = calliter_dealloc,
    .tp_traverse = calliter_traverse,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = calliter_next,
};

static MpObject *
MpCallIter_New(MpObject *callable, MpObject *sentinel)
{
    if (!MpCallable_Check(callable)) {
        return MpErr_Format(MpExc_TypeError,
                            "iter(v, w): v must be callable");
    }
    MpCallIterObject *it =
        (MpCallIterObject *)MpObject_New(&MpCallIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->callable = Mp_NewRef(callable);
    it->sentinel = Mp_NewRef(sentinel);
    MpObject_GC_Track(it);
    return (MpObject *)it;
}
/* }====== */

/* {====== Objects and types ====== */

static MpObject *
builtin_len(MpObject *self, MpObject *o)
{
    Mp_ssize_t n = MpObject_Length(o);
    return n < 0 ? NULL : MpLong_FromSsize_t(n);
}

static MpObject *
builtin_repr(MpObject *self, MpObject *o)
{
    return MpObject_Repr(o);
}

static MpObject *
builtin_ascii(MpObject *self, MpObject *o)
{
    return MpObject_ASCII(o);
}

static MpObject *
builtin_hash(MpObject *self, MpObject *o)
{
    Mp_hash_t h = MpObject_Hash(o);
    return h == -1 ? NULL : MpLong_FromInt64(h);
}

static MpObject *
builtin_id(MpObject *self, MpObject *o)
{
    return MpLong_FromUInt64((uint64_t)(uintptr_t)o);
}

static MpObject *
builtin_callable(MpObject *self, MpObject *o)
{
    return MpBool_FromLong(MpCallable_Check(o));
}

static MpObject *
builtin_isinstance(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("isinstance", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int r = MpObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : MpBool_FromLong(r);
}

static MpObject *
builtin_issubclass(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("issubclass", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    int r = MpObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : MpBool_FromLong(r);
}

/* iter(o) or iter(callable, sentinel) */
static MpObject *
builtin_iter(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("iter", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    if (nargs == 1) {
        return MpObject_GetIter(args[0]);
    }
    return MpCallIter_New(args[0], args[1]);
}

/* next(iterator[, default]) */
static MpObject *
builtin_next(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("next", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    MpObject *it = args[0];
    if (Mp_TYPE(it)->tp_iternext == NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "'%s' object is not an iterator",
                            MpType_Name(Mp_TYPE(it)));
    }
    MpObject *v = Mp_TYPE(it)->tp_iternext(it);
    if (v != NULL) {
        return v;
    }
    if (MpErr_Occurred()) {
        if (nargs == 1 || !MpErr_ExceptionMatches(MpExc_StopIteration)) {
            return NULL;
        }
        MpErr_Clear();
    }
    if (nargs == 2) {
        return Mp_NewRef(args[1]);
    }
    MpErr_SetObject(MpExc_StopIteration, Mp_None);
    return NULL;
}

static MpObject *
builtin_getattr(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("getattr", nargs, NULL, 2, 3) < 0) {
        return NULL;
    }
    if (!MpStr_Check(args[1])) {
        return MpErr_Format(MpExc_TypeError,
                            "attribute name must be string, not '%s'",
                            MpType_Name(Mp_TYPE(args[1])));
    }
    if (nargs == 2) {
        return MpObject_GetAttr(args[0], args[1]);
    }
    MpObject *r;
    if (MpObject_LookupAttr(args[0], args[1], &r) < 0) {
        return NULL;
    }
    return r ? r : Mp_NewRef(args[2]);
}

static MpObject *
builtin_setattr(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("setattr", nargs, NULL, 3, 3) < 0 ||
        MpObject_SetAttr(args[0], args[1], args[2]) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
builtin_delattr(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("delattr", nargs, NULL, 2, 2) < 0 ||
        MpObject_DelAttr(args[0], args[1]) < 0) {
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

static MpObject *
builtin_hasattr(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("hasattr", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    if (!MpStr_Check(args[1])) {
        return MpErr_Format(MpExc_TypeError,
                            "attribute name must be string, not '%s'",
                            MpType_Name(Mp_TYPE(args[1])));
    }
    MpObject *r;
    int found = MpObject_LookupAttr(args[0], args[1], &r);
    if (found < 0) {
        return NULL;
    }
    Mp_XDECREF(r);
    return MpBool_FromLong(found);
}
/* }====== */

/* {====== Numbers ====== */

static MpObject *
builtin_abs(MpObject *self, MpObject *o)
{
    return MpNumber_Absolute(o);
}

static MpObject *
builtin_divmod(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("divmod", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    return MpNumber_Divmod(args[0], args[1]);
}

static MpObject *
builtin_pow(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    static const char *const kw[] = {"base", "exp", "mod", NULL};
    static const MpArgSpec spec = {"pow", kw, 2, 3};
    MpObject *a[3];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    return MpNumber_Power(a[0], a[1], a[2] ? a[2] : Mp_None);
}

/* round(number, ndigits=None): number.__round__(ndigits) */
static MpObject *
builtin_round(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
              MpObject *kwnames)
{
    static const char *const kw[] = {"number", "ndigits", NULL};
    static const MpArgSpec spec = {"round", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *name = MpStr_InternFromString("__round__");
    MpObject *f = name ? MpType_Lookup(Mp_TYPE(a[0]), name) : NULL;
    Mp_XDECREF(name);
    if (f == NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "type %s doesn't define __round__ method",
                            MpType_Name(Mp_TYPE(a[0])));
    }
    MpObject *stack[2] = {a[0], a[1]};
    size_t n = (a[1] == NULL || a[1] == Mp_None) ? 1 : 2;
    MpObject *bound = NULL;
    descrgetfunc get = Mp_TYPE(f)->tp_descr_get;
    if (get != NULL) {
        bound = get(f, a[0], (MpObject *)Mp_TYPE(a[0]));
        if (bound == NULL) {
            return NULL;
        }
        MpObject *r = MpObject_Vectorcall(bound, stack + 1, n - 1, NULL);
        Mp_DECREF(bound);
        return r;
    }
    return MpObject_Vectorcall(f, stack, n, NULL);
}

/* Folds the iterable with binop; the start value is given. */
static MpObject *
builtin_sum(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    static const char *const kw[] = {"", "start", NULL};
    static const MpArgSpec spec = {"sum", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpObject *acc = a[1] ? a[1] : NULL;
    if (acc != NULL && MpStr_Check(acc)) {
        return MpErr_Format(MpExc_TypeError,
                            "sum() can't sum strings [use ''.join(seq) "
                            "instead]");
    }
    if (acc != NULL && (MpBytes_Check(acc) || MpByteArray_Check(acc))) {
        return MpErr_Format(MpExc_TypeError,
                            "sum() can't sum %s [use b''.join(seq) "
                            "instead]", MpBytes_Check(acc) ? "bytes"
                                                           : "bytearray");
    }
    acc = acc ? Mp_NewRef(acc) : MpLong_FromInt64(0);
    MpObject *it = acc ? MpObject_GetIter(a[0]) : NULL;
    if (it == NULL) {
        Mp_XDECREF(acc);
        return NULL;
    }
    MpObject *item;
    while ((item = MpIter_Next(it)) != NULL) {
        MpObject *next = MpNumber_Add(acc, item);
        Mp_DECREF(item);
        Mp_DECREF(acc);
        acc = next;
        if (acc == NULL) {
            break;
        }
    }
    Mp_DECREF(it);
    if (MpErr_Occurred()) {
        Mp_XDECREF(acc);
        return NULL;
    }
    return acc;
}

/* any() and all(): want is the truth value that ends the scan. */
static MpObject *
any_all(MpObject *iterable, int want)
{
    MpObject *it = MpObject_GetIter(iterable);
    if (it == NULL) {
        return NULL;
    }
    MpObject *item;
    while ((item = MpIter_Next(it)) != NULL) {
        int t = MpObject_IsTrue(item);
        Mp_DECREF(item);
        if (t < 0) {
            Mp_DECREF(it);
            return NULL;
        }
        if (t == want) {
            Mp_DECREF(it);
            return MpBool_FromLong(want);
        }
    }
    Mp_DECREF(it);
    return MpErr_Occurred() ? NULL : MpBool_FromLong(!want);
}

static MpObject *
builtin_any(MpObject *self, MpObject *o)
{
    return any_all(o, 1);
}

static MpObject *
builtin_all(MpObject *self, MpObject *o)
{
    return any_all(o, 0);
}

/* min() and max(): op is Mp_LT for min, Mp_GT for max. */
static MpObject *
min_max(MpObject *const *args, Mp_ssize_t nargs, MpObject *kwnames, int op,
        const char *name)
{
    MpObject *key = NULL, *dflt = NULL;
    Mp_ssize_t nkw = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    for (Mp_ssize_t i = 0; i < nkw; i++) {
        MpObject *k = MpTuple_GET_ITEM(kwnames, i);
        if (MpStr_CompareWithASCII(k, "key") == 0) {
            key = args[nargs + i];
        }
        else if (MpStr_CompareWithASCII(k, "default") == 0) {
            dflt = args[nargs + i];
        }
        else {
            return MpErr_Format(MpExc_TypeError,
                                "%s() got an unexpected keyword argument "
                                "'%U'",
                                name, k);
        }
    }
    if (key == Mp_None) {
        key = NULL;
    }
    if (nargs == 0) {
        return MpErr_Format(MpExc_TypeError,
                            "%s expected at least 1 argument, got 0", name);
    }
    if (nargs > 1 && dflt != NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "Cannot specify a default for %s() with "
                            "multiple positional arguments",
                            name);
    }
    MpObject *it = nargs == 1 ? MpObject_GetIter(args[0])
                              : MpTuple_FromArray(args, nargs);
    if (it != NULL && nargs > 1) {
        MpObject *tuple = it;
        it = MpObject_GetIter(tuple);
        Mp_DECREF(tuple);
    }
    if (it == NULL) {
        return NULL;
    }
    MpObject *best = NULL, *best_key = NULL, *item;
    while ((item = MpIter_Next(it)) != NULL) {
        MpObject *k = key ? MpObject_CallOneArg(key, item) : Mp_NewRef(item);
        if (k == NULL) {
            Mp_DECREF(item);
            goto error;
        }
        if (best == NULL) {
            best = item;
            best_key = k;
            continue;
        }
        int better = MpObject_RichCompareBool(k, best_key, op);
        if (better < 0) {
            Mp_DECREF(item);
            Mp_DECREF(k);
            goto error;
        }
        if (better) {
            Mp_SETREF(&best, item);
            Mp_SETREF(&best_key, k);
        }
        else {
            Mp_DECREF(item);
            Mp_DECREF(k);
        }
    }
    if (MpErr_Occurred()) {
        goto error;
    }
    Mp_DECREF(it);
    Mp_XDECREF(best_key);
    if (best == NULL) {
        if (dflt != NULL) {
            return Mp_NewRef(dflt);
        }
        return MpErr_Format(MpExc_ValueError, "%s() arg is an empty sequence",
                            name);
    }
    return best;
error:
    Mp_DECREF(it);
    Mp_XDECREF(best);
    Mp_XDECREF(best_key);
    return NULL;
}

static MpObject *
builtin_min(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    return min_max(args, nargs, kwnames, Mp_LT, "min");
}

static MpObject *
builtin_max(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
            MpObject *kwnames)
{
    return min_max(args, nargs, kwnames, Mp_GT, "max");
}

static MpObject *
builtin_chr(MpObject *self, MpObject *o)
{
    Mp_ssize_t v = MpNumber_AsSsize_t(o, NULL);
    if (v == -1 && MpErr_Occurred()) {
        return NULL;
    }
    if (v < INT32_MIN || v > INT32_MAX) {  // CPython takes a C int
        return MpErr_Format(MpExc_OverflowError,
                            "Python int too large to convert to C int");
    }
    if (v < 0 || v > 0x10FFFF) {
        return MpErr_Format(MpExc_ValueError,
                            "chr() arg not in range(0x110000)");
    }
    return MpStr_FromCodePoint((uint32_t)v);
}

static MpObject *
builtin_ord(MpObject *self, MpObject *o)
{
    if (MpStr_Check(o)) {
        if (MpStr_GET_LENGTH(o) != 1) {
            return MpErr_Format(MpExc_TypeError,
                                "ord() expected a character, but string of "
                                "length %zd found",
                                MpStr_GET_LENGTH(o));
        }
        return MpLong_FromInt64(MpStr_READ(o, 0));
    }
    if (MpBytes_Check(o) || MpByteArray_Check(o)) {
        int isb = MpBytes_Check(o);
        Mp_ssize_t n = isb ? MpBytes_GET_SIZE(o) : MpByteArray_GET_SIZE(o);
        if (n != 1) {
            return MpErr_Format(MpExc_TypeError,
                                "ord() expected a character, but string of "
                                "length %zd found", n);
        }
        const char *s = isb ? MpBytes_AS_STRING(o) : MpByteArray_AS_STRING(o);
        return MpLong_FromInt64((unsigned char)s[0]);
    }
    return MpErr_Format(MpExc_TypeError,
                        "ord() expected string of length 1, but %s found",
                        MpType_Name(Mp_TYPE(o)));
}

static MpObject *
builtin_format_base(MpObject *o, int base)
{
    MpObject *i = MpNumber_Index(o);
    if (i == NULL) {
        return NULL;
    }
    MpObject *r = MpLong_Format(i, base, 1);
    Mp_DECREF(i);
    return r;
}

static MpObject *
builtin_hex(MpObject *self, MpObject *o)
{
    return builtin_format_base(o, 16);
}

static MpObject *
builtin_oct(MpObject *self, MpObject *o)
{
    return builtin_format_base(o, 8);
}

static MpObject *
builtin_bin(MpObject *self, MpObject *o)
{
    return builtin_format_base(o, 2);
}
/* }====== */

/* {====== Sequences ====== */

/* sorted(iterable, /, *, key=None, reverse=False): a new list, sorted by
   its own sort method so both share one algorithm. */
static MpObject *
builtin_sorted(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
               MpObject *kwnames)
{
    if (nargs != 1) {
        return MpErr_Format(MpExc_TypeError,
                            "sorted expected 1 argument, got %zd", nargs);
    }
    MpObject *list = MpList_New(0);
    if (list == NULL || MpList_Extend(list, args[0]) < 0) {
        Mp_XDECREF(list);
        return NULL;
    }
    MpObject *sort = MpObject_GetAttrString(list, "sort");
    MpObject *r = sort ? MpObject_Vectorcall(sort, args + 1, 0, kwnames)
                       : NULL;
    Mp_XDECREF(sort);
    if (r == NULL) {
        Mp_DECREF(list);
        return NULL;
    }
    Mp_DECREF(r);
    return list;
}
/* }====== */

/* {====== Classes ====== */

/* PEP 560: a base that is not a class but has __mro_entries__(bases) is
   replaced by the tuple that method returns.  Returns the bases to use
   (orig itself when nothing changed).  Refs: NEW; orig BORROWED. */
static MpObject *
update_bases(MpObject *orig)
{
    static MpStrIdentifier id = MP_STR_IDENTIFIER("__mro_entries__");
    MpObject *list = NULL;  // created at the first replaced base
    Mp_ssize_t n = MpTuple_GET_SIZE(orig);
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *b = MpTuple_GET_ITEM(orig, i), *meth = NULL;
        if (!MpType_Check(b) &&
            MpObject_LookupAttr(b, MpStr_FromIdentifier(&id), &meth) < 0) {
            goto error;
        }
        if (meth == NULL) {
            if (list != NULL && MpList_Append(list, b) < 0) {
                goto error;
            }
            continue;
        }
        MpObject *entries = MpObject_CallOneArg(meth, orig);
        Mp_DECREF(meth);
        if (entries == NULL) {
            goto error;
        }
        if (!MpTuple_Check(entries)) {
            Mp_DECREF(entries);
            MpErr_SetString(MpExc_TypeError,
                            "__mro_entries__ must return a tuple");
            goto error;
        }
        if (list == NULL) {
            list = MpList_New(0);
            for (Mp_ssize_t k = 0; list != NULL && k < i; k++) {
                if (MpList_Append(list, MpTuple_GET_ITEM(orig, k)) < 0) {
                    Mp_CLEAR(&list);
                }
            }
        }
        int r = list ? MpList_Extend(list, entries) : -1;
        Mp_DECREF(entries);
        if (r < 0) {
            goto error;
        }
    }
    if (list == NULL) {
        return Mp_NewRef(orig);
    }
    MpObject *t = MpList_AsTuple(list);
    Mp_DECREF(list);
    return t;
error:
    Mp_XDECREF(list);
    return NULL;
}

/* meta(name, bases, ns, **kwargs).  Refs: NEW. */
static MpObject *
call_metaclass(MpObject *meta, MpObject *name, MpObject *bases, MpObject *ns,
               MpObject *kwargs)
{
    MpObject *args = MpTuple_New(3);
    if (args == NULL) {
        return NULL;
    }
    MpTuple_SET_ITEM(args, 0, Mp_NewRef(name));
    MpTuple_SET_ITEM(args, 1, Mp_NewRef(bases));
    MpTuple_SET_ITEM(args, 2, Mp_NewRef(ns));
    MpObject *cls = MpObject_Call(meta, args,
                                  MpDict_GET_SIZE(kwargs) ? kwargs : NULL);
    Mp_DECREF(args);
    return cls;
}

/* __build_class__(func, name, *bases, metaclass=None, **kwds) */
static MpObject *
builtin_build_class(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                    MpObject *kwnames)
{
    if (nargs < 2) {
        return MpErr_Format(MpExc_TypeError,
                            "__build_class__: not enough arguments");
    }
    MpObject *func = args[0], *name = args[1];
    if (!MpFunction_Check(func)) {
        return MpErr_Format(MpExc_TypeError,
                            "__build_class__: func must be a function");
    }
    if (!MpStr_Check(name)) {
        return MpErr_Format(MpExc_TypeError,
                            "__build_class__: name is not a string");
    }
    MpObject *orig_bases = MpTuple_FromArray(args + 2, nargs - 2);
    MpObject *bases = orig_bases ? update_bases(orig_bases) : NULL;
    if (bases == NULL) {
        Mp_XDECREF(orig_bases);
        return NULL;
    }
    /* the metaclass keyword, and the others for the metaclass call */
    MpObject *meta = NULL;
    Mp_ssize_t nkw = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    MpObject *kwargs = MpDict_New();
    if (kwargs == NULL) {
        Mp_DECREF(bases);
        Mp_DECREF(orig_bases);
        return NULL;
    }
    for (Mp_ssize_t i = 0; i < nkw; i++) {
        MpObject *k = MpTuple_GET_ITEM(kwnames, i);
        if (MpStr_CompareWithASCII(k, "metaclass") == 0) {
            meta = args[nargs + i];
        }
        else if (MpDict_SetItem(kwargs, k, args[nargs + i]) < 0) {
            goto error;
        }
    }
    int is_class = meta == NULL || MpType_Check(meta);
    if (meta == NULL) {
        meta = MpTuple_GET_SIZE(bases)
                   ? (MpObject *)Mp_TYPE(MpTuple_GET_ITEM(bases, 0))
                   : (MpObject *)&MpType_Type;
    }
    if (is_class) {
        meta = (MpObject *)MpType_CalculateMetaclass((MpTypeObject *)meta,
                                                     bases);
        if (meta == NULL) {
            goto error;
        }
    }
    Mp_INCREF(meta);
    MpObject *ns;
    MpObject *prepare;
    MpObject *prepare_name = MpStr_InternFromString("__prepare__");
    int found = prepare_name
                    ? MpObject_LookupAttr(meta, prepare_name, &prepare)
                    : -1;
    Mp_XDECREF(prepare_name);
    if (found < 0) {
        Mp_DECREF(meta);
        goto error;
    }
    if (prepare != NULL) {
        MpObject *pargs = MpTuple_New(2);
        if (pargs == NULL) {
            Mp_DECREF(prepare);
            Mp_DECREF(meta);
            goto error;
        }
        MpTuple_SET_ITEM(pargs, 0, Mp_NewRef(name));
        MpTuple_SET_ITEM(pargs, 1, Mp_NewRef(bases));
        ns = MpObject_Call(prepare, pargs, kwargs);
        Mp_DECREF(pargs);
        Mp_DECREF(prepare);
    }
    else {
        ns = MpDict_New();
    }
    if (ns == NULL) {
        Mp_DECREF(meta);
        goto error;
    }
    static MpStrIdentifier id_orig = MP_STR_IDENTIFIER("__orig_bases__");
    if (bases != orig_bases &&
        MpObject_SetItem(ns, MpStr_FromIdentifier(&id_orig), orig_bases) <
            0) {
        Mp_DECREF(ns);
        Mp_DECREF(meta);
        goto error;
    }
    /* Run the body with ns as its locals; it returns the __class__ cell
       (or None) so that zero-argument super() can find the class. */
    MpObject *cell = MpEval_ClassBody(func, ns);
    if (cell == NULL) {
        Mp_DECREF(ns);
        Mp_DECREF(meta);
        goto error;
    }
    MpObject *cls = call_metaclass(meta, name, bases, ns, kwargs);
    if (cls != NULL && MpCell_Check(cell)) {
        MpCell_Set(cell, cls);
    }
    Mp_DECREF(cell);
    Mp_DECREF(ns);
    Mp_DECREF(meta);
    Mp_DECREF(bases);
    Mp_DECREF(orig_bases);
    Mp_DECREF(kwargs);
    return cls;
error:
    Mp_DECREF(bases);
    Mp_DECREF(orig_bases);
    Mp_DECREF(kwargs);
    return NULL;
}

/* format(value, format_spec='') */
static MpObject *
builtin_format(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("format", nargs, NULL, 1, 2) < 0) {
        return NULL;
    }
    return MpObject_Format(args[0], nargs > 1 ? args[1] : NULL);
}

static MpObject *
builtin_globals(MpObject *self, MpObject *unused)
{
    MpObject *g = MpEval_GetGlobals();
    return g ? Mp_NewRef(g) : MpErr_Format(MpExc_SystemError, "no frame");
}
/* }====== */

/* {====== The module ====== */

#define FAST (MP_METH_FASTCALL)
#define FASTKW (MP_METH_FASTCALL | MP_METH_KEYWORDS)

static MpMethodDef builtin_methods[] = {
    {"__build_class__", (void *)builtin_build_class, FASTKW, NULL},
    {"abs", (void *)builtin_abs, MP_METH_O, NULL},
    {"all", (void *)builtin_all, MP_METH_O, NULL},
    {"any", (void *)builtin_any, MP_METH_O, NULL},
    {"ascii", (void *)builtin_ascii, MP_METH_O, NULL},
    {"bin", (void *)builtin_bin, MP_METH_O, NULL},
    {"callable", (void *)builtin_callable, MP_METH_O, NULL},
    {"chr", (void *)builtin_chr, MP_METH_O, NULL},
    {"delattr", (void *)builtin_delattr, FAST, NULL},
    {"divmod", (void *)builtin_divmod, FAST, NULL},
    {"format", (void *)builtin_format, FAST, NULL},
    {"getattr", (void *)builtin_getattr, FAST, NULL},
    {"globals", (void *)builtin_globals, MP_METH_NOARGS, NULL},
    {"hasattr", (void *)builtin_hasattr, FAST, NULL},
    {"hash", (void *)builtin_hash, MP_METH_O, NULL},
    {"hex", (void *)builtin_hex, MP_METH_O, NULL},
    {"id", (void *)builtin_id, MP_METH_O, NULL},
    {"isinstance", (void *)builtin_isinstance, FAST, NULL},
    {"issubclass", (void *)builtin_issubclass, FAST, NULL},
    {"iter", (void *)builtin_iter, FAST, NULL},
    {"len", (void *)builtin_len, MP_METH_O, NULL},
    {"max", (void *)builtin_max, FASTKW, NULL},
    {"min", (void *)builtin_min, FASTKW, NULL},
    {"next", (void *)builtin_next, FAST, NULL},
    {"oct", (void *)builtin_oct, MP_METH_O, NULL},
    {"ord", (void *)builtin_ord, MP_METH_O, NULL},
    {"pow", (void *)builtin_pow, FASTKW, NULL},
    {"print", (void *)builtin_print, FASTKW, NULL},
    {"repr", (void *)builtin_repr, MP_METH_O, NULL},
    {"round", (void *)builtin_round, FASTKW, NULL},
    {"setattr", (void *)builtin_setattr, FAST, NULL},
    {"sorted", (void *)builtin_sorted, FASTKW, NULL},
    {"sum", (void *)builtin_sum, FASTKW, NULL},
    {NULL},
};

MpObject *
MpBuiltins_Create(MpTypeObject *const *types, int ntypes)
{
    MpObject *m = MpModule_New("builtins");
    if (m == NULL || MpModule_AddFunctions(m, builtin_methods) < 0 ||
        MpModule_AddFunctions(m, MpBuiltins_EvalMethods) < 0 ||
        MpModule_AddFunctions(m, MpIO_BuiltinMethods) < 0) {
        Mp_XDECREF(m);
        return NULL;
    }
    MpObject *d = MpModule_GetDict(m);
    for (int i = 0; i < ntypes; i++) {
        if (MpDict_SetItemString(d, MpType_Name(types[i]),
                                 (MpObject *)types[i]) < 0) {
            Mp_DECREF(m);
            return NULL;
        }
    }
#define ADD_EXC(name)                                                      \
    if (MpDict_SetItemString(d, #name, MpExc_##name) < 0) {                \
        Mp_DECREF(m);                                                      \
        return NULL;                                                       \
    }
    MP_EXCEPTION_TYPES(ADD_EXC)
#undef ADD_EXC
    if (MpDict_SetItemString(d, "EnvironmentError", MpExc_OSError) < 0 ||
        MpDict_SetItemString(d, "IOError", MpExc_OSError) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    if (MpDict_SetItemString(d, "None", Mp_None) < 0 ||
        MpDict_SetItemString(d, "Ellipsis", Mp_Ellipsis) < 0 ||
        MpDict_SetItemString(d, "NotImplemented", Mp_NotImplemented) < 0 ||
        MpDict_SetItemString(d, "True", Mp_True) < 0 ||
        MpDict_SetItemString(d, "False", Mp_False) < 0 ||
        MpDict_SetItemString(d, "__debug__", Mp_True) < 0) {
        Mp_DECREF(m);
        return NULL;
    }
    return m;
}
/* }====== */
