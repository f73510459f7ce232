/* getargs.c — matching a built-in's arguments to its parameters.

   A built-in function receives its arguments in the vectorcall layout:
   args[0:nargs] positional, then one value per name in kwnames.  Its
   parameters are described by an MpArgSpec:

       keywords:  "", "",  "x",   "base",  "key"
                  \______/ \_____________/ \_____/
                  positional-  positional   keyword-only
                  only         or keyword   (index >= max_positional)
       min_args:  how many leading parameters are required; when it
                  exceeds max_positional, the first (min_args -
                  max_positional) keyword-only ones are required too.

   MpArg_Unpack lays the arguments out one slot per parameter, in order,
   and reports mistakes exactly as CPython's argument clinic does, in the
   same order of checks: too many arguments in all, too many positional,
   too few positional-only, a missing required one, one given both by
   name and by position, an unknown keyword.

   CPython counterpart: Python/getargs.c (_PyArg_UnpackKeywords,
   _PyArg_CheckPositional, _PyArg_NoKwnames).  Read first: MpArg_Unpack */
#include "getargs.h"

#include <stdlib.h>

#include "errors.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "objects/tuple.h"

/* {====== Keyword matching ====== */

/* The value passed for the keyword name, or NULL.  Names are compared by
   identity first (interned identifiers, the common case), then by
   value.  Refs: BORROWED. */
static MpObject *
find_keyword(MpObject *kwnames, MpObject *const *kwstack, const char *name)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(kwnames);
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *k = MpTuple_GET_ITEM(kwnames, i);
        if (MpStr_Check(k) && MpStr_CompareWithASCII(k, name) == 0) {
            return kwstack[i];
        }
    }
    return NULL;
}

/* "f()" or "function" / "this function" when the spec has no name. */
static const char *
fname_or(const char *fname, const char *fallback)
{
    return fname != NULL ? fname : fallback;
}

static const char *
parens(const char *fname)
{
    return fname != NULL ? "()" : "";
}

/* Reports the first keyword in kwnames that names no keyword parameter
   (CPython's error_unexpected_keyword_arg). */
static void
unexpected_keyword(const MpArgSpec *spec, int posonly, MpObject *kwnames)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(kwnames);
    for (Mp_ssize_t j = 0; j < n; j++) {
        MpObject *k = MpTuple_GET_ITEM(kwnames, j);
        if (!MpStr_Check(k)) {
            MpErr_SetString(MpExc_TypeError, "keywords must be strings");
            return;
        }
        int found = 0;
        for (int i = posonly; spec->keywords[i] != NULL; i++) {
            if (MpStr_CompareWithASCII(k, spec->keywords[i]) == 0) {
                found = 1;
                break;
            }
        }
        if (!found) {
            MpErr_Format(MpExc_TypeError,
                         "'%S' is an invalid keyword argument for %s%s", k,
                         fname_or(spec->fname, "this function"),
                         parens(spec->fname));
            return;
        }
    }
    MpErr_SetString(MpExc_TypeError, "invalid keyword arguments");
}
/* }====== */

/* {====== Unpacking ====== */

int
MpArg_Unpack(const MpArgSpec *spec, MpObject *const *args, Mp_ssize_t nargs,
             MpObject *kwnames, MpObject **out)
{
    const char *fname = spec->fname;
    const char *name = fname_or(fname, "function");
    const char *pp = parens(fname);
    int maxargs = 0, posonly = 0;
    while (spec->keywords[maxargs] != NULL) {
        if (spec->keywords[maxargs][0] == '\0' && posonly == maxargs) {
            posonly++;
        }
        maxargs++;
    }
    int maxpos = spec->max_positional;
    int minpos = spec->min_args < maxpos ? spec->min_args : maxpos;
    int minkw = spec->min_args > maxpos ? spec->min_args - maxpos : 0;
    int minposonly = posonly < minpos ? posonly : minpos;
    /* Parameters below reqlimit must be given (positional ones below
       minpos, keyword-only ones in [maxpos, reqlimit)). */
    int reqlimit = minkw ? maxpos + minkw : minpos;
    Mp_ssize_t nkwargs = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    MpObject *const *kwstack = args + nargs;

    if (nargs + nkwargs > maxargs) {
        /* "keyword " when nargs is 0 avoids a misleading message
           (bpo-31229). */
        MpErr_Format(MpExc_TypeError,
                     "%s%s takes at most %d %sargument%s (%zd given)", name,
                     pp, maxargs, nargs == 0 ? "keyword " : "",
                     maxargs == 1 ? "" : "s", nargs + nkwargs);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0) {
            MpErr_Format(MpExc_TypeError,
                         "%s%s takes no positional arguments", name, pp);
        }
        else {
            MpErr_Format(MpExc_TypeError,
                         "%s%s takes %s %d positional argument%s "
                         "(%zd given)", name, pp,
                         minpos < maxpos ? "at most" : "exactly", maxpos,
                         maxpos == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    if (nargs < minposonly) {
        MpErr_Format(MpExc_TypeError,
                     "%s%s takes %s %d positional argument%s (%zd given)",
                     name, pp, minposonly < maxpos ? "at least" : "exactly",
                     minposonly, minposonly == 1 ? "" : "s", nargs);
        return -1;
    }

    for (Mp_ssize_t i = 0; i < nargs; i++) {
        out[i] = args[i];
    }
    for (int i = (int)nargs; i < maxargs; i++) {
        out[i] = NULL;
    }
    for (int i = nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        MpObject *value = NULL;
        if (nkwargs > 0) {
            value = find_keyword(kwnames, kwstack, spec->keywords[i]);
        }
        else if (i >= reqlimit) {
            break;
        }
        out[i] = value;
        if (value != NULL) {
            nkwargs--;
        }
        else if (i < minpos || (maxpos <= i && i < reqlimit)) {
            MpErr_Format(MpExc_TypeError,
                         "%s%s missing required argument '%s' (pos %d)",
                         name, pp, spec->keywords[i], i + 1);
            return -1;
        }
    }
    if (nkwargs > 0) {
        /* Either one given both ways, or an unknown name. */
        for (int i = posonly; i < nargs; i++) {
            if (find_keyword(kwnames, kwstack, spec->keywords[i]) != NULL) {
                MpErr_Format(MpExc_TypeError,
                             "argument for %s%s given by name ('%s') and "
                             "position (%d)", name, pp, spec->keywords[i],
                             i + 1);
                return -1;
            }
        }
        unexpected_keyword(spec, posonly, kwnames);
        return -1;
    }
    return 0;
}

int
MpArg_CheckVarargs(const char *fname, Mp_ssize_t nargs, MpObject *kwnames,
                   Mp_ssize_t min, Mp_ssize_t max)
{
    if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
        MpErr_Format(MpExc_TypeError, "%s() takes no keyword arguments",
                     fname);
        return -1;
    }
    if (nargs < min || nargs > max) {
        int few = nargs < min;
        Mp_ssize_t bound = few ? min : max;
        const char *how = min == max ? "exactly" : few ? "at least"
                                                       : "at most";
        MpErr_Format(MpExc_TypeError, "%s() takes %s %zd argument%s (%zd "
                     "given)", fname, how, bound, bound == 1 ? "" : "s",
                     nargs);
        return -1;
    }
    return 0;
}

int
MpArg_CheckPositional(const char *fname, Mp_ssize_t nargs,
                      MpObject *kwnames, Mp_ssize_t min, Mp_ssize_t max)
{
    if (kwnames != NULL && MpTuple_GET_SIZE(kwnames) > 0) {
        MpErr_Format(MpExc_TypeError, "%s() takes no keyword arguments",
                     fname_or(fname, "function"));
        return -1;
    }
    if (nargs < min || nargs > max) {
        int few = nargs < min;
        Mp_ssize_t bound = few ? min : max;
        const char *how = min == max ? "" : few ? "at least " : "at most ";
        if (fname != NULL) {
            MpErr_Format(MpExc_TypeError,
                         "%s expected %s%zd argument%s, got %zd", fname,
                         how, bound, bound == 1 ? "" : "s", nargs);
        }
        else {
            MpErr_Format(MpExc_TypeError,
                         "unpacked tuple should have %s%zd element%s, but "
                         "has %zd", how, bound, bound == 1 ? "" : "s",
                         nargs);
        }
        return -1;
    }
    return 0;
}
/* }====== */

/* {====== Between the two calling conventions ====== */

int
MpArg_UnpackTupleDict(const MpArgSpec *spec, MpObject *args,
                      MpObject *kwargs, MpObject **out)
{
    Mp_ssize_t n = MpTuple_GET_SIZE(args);
    Mp_ssize_t nk = kwargs == NULL ? 0 : MpDict_GET_SIZE(kwargs);
    MpObject *small[8];
    MpObject **stack = small;
    if (n + nk > 8) {
        stack = malloc(sizeof(MpObject *) * (size_t)(n + nk));
        if (stack == NULL) {
            MpErr_NoMemory();
            return -1;
        }
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        stack[i] = MpTuple_GET_ITEM(args, i);
    }
    MpObject *kwnames = NULL;
    int rc = -1;
    if (nk > 0) {
        kwnames = MpTuple_New(nk);
        if (kwnames == NULL) {
            goto done;
        }
        Mp_ssize_t pos = 0, j = 0;
        MpObject *k, *v;
        while (j < nk && MpDict_Next(kwargs, &pos, &k, &v)) {
            MpTuple_SET_ITEM(kwnames, j, Mp_NewRef(k));
            stack[n + j++] = v;
        }
    }
    rc = MpArg_Unpack(spec, stack, n, kwnames, out);
done:
    Mp_XDECREF(kwnames);
    if (stack != small) {
        free(stack);
    }
    return rc;
}

MpObject *
MpArg_KwnamesToDict(MpObject *const *values, MpObject *kwnames)
{
    MpObject *d = MpDict_New();
    Mp_ssize_t n = kwnames ? MpTuple_GET_SIZE(kwnames) : 0;
    for (Mp_ssize_t i = 0; d != NULL && i < n; i++) {
        if (MpDict_SetItem(d, MpTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
            Mp_CLEAR(&d);
        }
    }
    return d;
}
/* }====== */
