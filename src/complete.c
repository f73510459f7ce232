/* complete.c — tab completion at the REPL (see complete.h).

   MpComplete_Matches works on str objects and knows nothing of libedit;
   the libedit side (the generator function libedit calls once per match,
   and the Tab-at-line-start rule) is the last section.

   A match list is built in a dict used as a set (name -> True), so that a
   name in both the globals and the builtins is offered once, then sorted.

   CPython counterpart: Lib/rlcompleter.py (Completer.global_matches,
   attr_matches) and the completer glue in Modules/readline.c.
   Read first: MpComplete_Matches */
#include "complete.h"

#include <stdlib.h>
#include <string.h>

#include <editline/readline.h>

#include "abstract.h"
#include "errors.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/list.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "vm.h"

static MpObject *namespace;  // BORROWED: the REPL's globals

void
MpComplete_SetNamespace(MpObject *globals)
{
    namespace = globals;
}

/* {====== Matching ====== */

/* keyword.kwlist of Python 3.11. */
static const char *const keywords[] = {
    "False",  "None",   "True",    "and",      "as",       "assert",
    "async",  "await",  "break",   "class",    "continue", "def",
    "del",    "elif",   "else",    "except",   "finally",  "for",
    "from",   "global", "if",      "import",   "in",       "is",
    "lambda", "nonlocal", "not",   "or",       "pass",     "raise",
    "return", "try",    "while",   "with",     "yield",
};

/* Adds s to the match set.  Returns 0 or -1. */
static int
add_match(MpObject *set, MpObject *s)
{
    return MpDict_SetItem(set, s, Mp_True);
}

static int
add_match_string(MpObject *set, const char *s)
{
    MpObject *o = MpStr_FromString(s);
    if (o == NULL) {
        return -1;
    }
    int r = add_match(set, o);
    Mp_DECREF(o);
    return r;
}

/* prefix + name + ("(" when value is callable).  Refs: NEW. */
static MpObject *
decorate(const char *prefix, MpObject *name, MpObject *value)
{
    int call = value != NULL && MpCallable_Check(value);
    return MpStr_FromFormat("%s%U%s", prefix, name, call ? "(" : "");
}

static int
starts_with(MpObject *name, const char *text, size_t n)
{
    Mp_ssize_t len;
    const char *s = MpStr_AsUTF8AndSize(name, &len);
    return s != NULL && (size_t)len >= n && memcmp(s, text, n) == 0;
}

/* The names of dict d that start with text, decorated, into set. */
static int
match_dict(MpObject *set, MpObject *d, const char *text, size_t n)
{
    Mp_ssize_t pos = 0;
    MpObject *key, *value;
    while (MpDict_Next(d, &pos, &key, &value)) {
        if (!MpStr_Check(key) || !starts_with(key, text, n)) {
            continue;
        }
        MpObject *m = decorate("", key, value);
        if (m == NULL || add_match(set, m) < 0) {
            Mp_XDECREF(m);
            return -1;
        }
        Mp_DECREF(m);
    }
    return 0;
}

/* rlcompleter.global_matches: keywords, globals, builtins. */
static int
global_matches(MpObject *set, const char *text)
{
    size_t n = strlen(text);
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++) {
        const char *k = keywords[i];
        if (strncmp(k, text, n) != 0) {
            continue;
        }
        /* rlcompleter's choice of what follows a keyword */
        char buf[16];
        const char *tail = " ";
        if (strcmp(k, "try") == 0 || strcmp(k, "finally") == 0) {
            tail = ":";
        } else if (strcmp(k, "False") == 0 || strcmp(k, "None") == 0 ||
                   strcmp(k, "True") == 0 || strcmp(k, "break") == 0 ||
                   strcmp(k, "continue") == 0 || strcmp(k, "pass") == 0 ||
                   strcmp(k, "else") == 0) {
            tail = "";
        }
        snprintf(buf, sizeof buf, "%s%s", k, tail);
        if (add_match_string(set, buf) < 0) {
            return -1;
        }
    }
    if (namespace != NULL) {
        if (match_dict(set, namespace, text, n) < 0) {
            return -1;
        }
        MpObject *builtins = MpEval_BuiltinsFor(namespace);
        if (builtins != NULL && MpDict_Check(builtins) &&
            match_dict(set, builtins, text, n) < 0) {
            return -1;
        }
    }
    return 0;
}

/* The value of a dotted name ("a.b.c"): a global or builtin, then an
   attribute per part.  Returns NULL (an exception set, or none when a
   part is not a name) when it cannot be found.  Refs: NEW. */
static MpObject *
resolve_dotted(const char *s, size_t len)
{
    MpObject *value = NULL;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != '.') {
            j++;
        }
        if (j == i) {
            Mp_XDECREF(value);
            return NULL;  // "a..b" or a leading dot: not a dotted name
        }
        MpObject *name = MpStr_FromUTF8(s + i, (Mp_ssize_t)(j - i));
        if (name == NULL) {
            Mp_XDECREF(value);
            return NULL;
        }
        MpObject *next = NULL;
        if (value == NULL) {
            if (namespace != NULL) {
                next = MpDict_GetItemWithError(namespace, name);
                if (next == NULL && !MpErr_Occurred()) {
                    MpObject *b = MpEval_BuiltinsFor(namespace);
                    next = b && MpDict_Check(b)
                               ? MpDict_GetItemWithError(b, name)
                               : NULL;
                }
                Mp_XINCREF(next);
            }
        } else {
            next = MpObject_GetAttr(value, name);
            Mp_DECREF(value);
        }
        Mp_DECREF(name);
        if (next == NULL) {
            return NULL;
        }
        value = next;
        i = j + 1;
    }
    return value;
}

/* dir(obj): the builtin when there is one, else the names of obj's
   __dict__ and of its class's MRO.  Refs: NEW (a list); NULL on error. */
static MpObject *
dir_of(MpObject *obj)
{
    MpObject *b = namespace ? MpEval_BuiltinsFor(namespace) : NULL;
    MpObject *dir = b && MpDict_Check(b) ? MpDict_GetItemString(b, "dir")
                                         : NULL;
    if (dir != NULL) {
        return MpObject_CallOneArg(dir, obj);
    }
    MpObject *names = MpDict_New();
    if (names == NULL) {
        return NULL;
    }
    MpObject *d = MpObject_GetAttrString(obj, "__dict__");
    if (d == NULL) {
        MpErr_Clear();
    } else if (MpDict_Check(d)) {
        MpDict_Merge(names, d, 1);
    }
    Mp_XDECREF(d);
    MpObject *mro = MpType_Check(obj) ? ((MpTypeObject *)obj)->tp_mro
                                      : Mp_TYPE(obj)->tp_mro;
    Mp_ssize_t n = mro ? MpTuple_GET_SIZE(mro) : 0;
    for (Mp_ssize_t i = 0; i < n; i++) {
        MpObject *t = MpTuple_GET_ITEM(mro, i);
        MpObject *td = ((MpTypeObject *)t)->tp_dict;
        if (td != NULL && MpDict_Merge(names, td, 1) < 0) {
            Mp_DECREF(names);
            return NULL;
        }
    }
    MpObject *keys = MpDict_Keys(names);
    Mp_DECREF(names);
    return keys;
}

/* rlcompleter.attr_matches: text is "expr.attr". */
static int
attr_matches(MpObject *set, const char *text, const char *dot)
{
    MpObject *obj = resolve_dotted(text, (size_t)(dot - text));
    if (obj == NULL) {
        return 0;  // not resolvable: no matches (errors cleared later)
    }
    const char *attr = dot + 1;
    size_t n = strlen(attr);
    const char *noprefix = n == 0 ? "_"
                           : strcmp(attr, "_") == 0 ? "__" : NULL;
    MpObject *names = dir_of(obj);
    if (names == NULL || !MpList_Check(names)) {
        Mp_XDECREF(names);
        Mp_DECREF(obj);
        return 0;
    }
    size_t plen = (size_t)(dot - text) + 1;
    char *prefix = malloc(plen + 1);
    int r = 0;
    if (prefix == NULL) {
        MpErr_NoMemory();
        r = -1;
    } else {
        memcpy(prefix, text, plen);
        prefix[plen] = '\0';
    }
    for (Mp_ssize_t i = 0; r == 0 && i < Mp_SIZE(names); i++) {
        MpObject *name = MpList_GET_ITEM(names, i);
        if (!MpStr_Check(name) || !starts_with(name, attr, n) ||
            (noprefix && starts_with(name, noprefix, strlen(noprefix)))) {
            continue;
        }
        /* A property is offered without running its getter, as
           rlcompleter does; anything else is looked up to see whether
           it is callable. */
        MpObject *cls = MpType_Lookup(Mp_TYPE(obj), name);
        MpObject *value = NULL;
        if (cls == NULL || Mp_TYPE(cls) != &MpProperty_Type) {
            value = MpObject_GetAttr(obj, name);
            if (value == NULL) {
                MpErr_Clear();
            }
        }
        MpObject *m = decorate(prefix, name, value);
        Mp_XDECREF(value);
        if (m == NULL || add_match(set, m) < 0) {
            r = -1;
        }
        Mp_XDECREF(m);
    }
    free(prefix);
    Mp_DECREF(names);
    Mp_DECREF(obj);
    return r;
}

MpObject *
MpComplete_Matches(const char *text)
{
    MpObject *set = MpDict_New();
    if (set == NULL) {
        return NULL;
    }
    const char *dot = strrchr(text, '.');
    int r = dot ? attr_matches(set, text, dot) : global_matches(set, text);
    MpObject *list = NULL;
    if (r == 0) {
        list = MpDict_Keys(set);
        if (list != NULL && MpList_Sort(list) < 0) {
            Mp_CLEAR(&list);
        }
    }
    Mp_DECREF(set);
    if (list == NULL) {
        /* A failed lookup (a name that is not there, an attribute that
           raised) is "no completion"; only memory is worth reporting. */
        if (MpErr_Occurred() && !MpErr_ExceptionMatches(MpExc_MemoryError)) {
            MpErr_Clear();
            list = MpList_New(0);
        }
    }
    if (list != NULL) {
        MpErr_Clear();  // anything attr_matches left behind
    }
    return list;
}
/* }====== */

/* {====== libedit glue ====== */

/* Python's delimiters (CPython's readline module default), without '.',
   so that "obj.at" is one word. */
static char word_breaks[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

static MpObject *current;  // the matches of the completion in progress

/* libedit's generator: called with state 0 for a new completion, then
   1, 2, ... until it returns NULL; each string is malloc'd (libedit frees
   it). */
static char *
generate(const char *text, int state)
{
    if (state == 0) {
        Mp_CLEAR(&current);
        current = MpComplete_Matches(text);
        if (current == NULL) {
            MpErr_Clear();
            return NULL;
        }
    }
    if (current == NULL || state >= Mp_SIZE(current)) {
        Mp_CLEAR(&current);
        return NULL;
    }
    const char *s = MpStr_AsUTF8(MpList_GET_ITEM(current, state));
    return s ? strdup(s) : NULL;
}

static char **
attempt(const char *text, int start, int end)
{
    rl_attempted_completion_over = 1;  // never fall back to file names
    rl_completion_append_character = '\0';
    /* rlcompleter: a Tab with nothing typed before it indents. */
    int blank = 1;
    for (int i = 0; i < start && rl_line_buffer[i]; i++) {
        if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t') {
            blank = 0;
        }
    }
    if (text[0] == '\0' && blank) {
        rl_insert_text("\t");
        return NULL;
    }
    return rl_completion_matches(text, generate);
}

void
MpComplete_Install(void)
{
    rl_basic_word_break_characters = word_breaks;
    rl_completer_word_break_characters = word_breaks;
    rl_attempted_completion_function = attempt;
}
/* }====== */
