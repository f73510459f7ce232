/* bytes_methods.c — the rest of the str-like methods of bytes and
   bytearray: the ASCII predicates (isalnum ... istitle), the case maps
   that need word boundaries (capitalize, swapcase, title), padding
   (center, ljust, rjust, zfill), expandtabs, partition / rpartition,
   removeprefix / removesuffix, splitlines, maketrans / translate, and the
   in-place list-like methods of bytearray (insert, remove, reverse).

   Everything here is ASCII-only, as in CPython: bytes have no encoding,
   so only the bytes 'a'-'z' and 'A'-'Z' have a case, the digits are
   '0'-'9', and white space is " \t\n\r\x0b\x0c".  Each shared method
   works on the (pointer, length) pair of self and returns a bytes for a
   bytes and a bytearray for a bytearray (result_like), as the methods in
   bytes.c do.  The table entries live with the others in bytes.c
   (BYTES_COMMON_METHODS), which includes bytes_methods.h.

   CPython counterpart: Objects/bytes_methods.c, Objects/stringlib/
   transmogrify.h, Objects/bytearrayobject.c (insert, remove, reverse).
   Read first: bytes_partition */
#include "objects/bytes_methods.h"

#include <stdlib.h>
#include <string.h>

#include "abstract.h"
#include "errors.h"
#include "getargs.h"
#include "objects/bytes.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/slice.h"
#include "objects/tuple.h"

/* {====== Helpers ====== */

/* self unchanged: itself when an exact bytes (immutable), else a copy. */
static MpObject *
unchanged(MpObject *self)
{
    if (MpBytes_CheckExact(self)) {
        return Mp_NewRef(self);
    }
    return MpBytesLike_NewLike(self, MpBytesLike_AS_STRING(self), Mp_SIZE(self));
}

static inline int
is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static inline int
is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int
is_alpha(unsigned char c)
{
    return is_lower(c) || is_upper(c);
}

static inline int
is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static inline int
is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline unsigned char
to_upper(unsigned char c)
{
    return is_lower(c) ? (unsigned char)(c - 32) : c;
}

static inline unsigned char
to_lower(unsigned char c)
{
    return is_upper(c) ? (unsigned char)(c + 32) : c;
}

/* Maps every byte of self through a function of (byte, state); builds the
   result in a malloc'd buffer. */
static MpObject *
map_bytes(MpObject *self, int how)
{
    Mp_ssize_t n = Mp_SIZE(self);
    const unsigned char *s = (const unsigned char *)MpBytesLike_AS_STRING(self);
    char *d = malloc((size_t)n + 1);
    if (d == NULL) {
        return MpErr_NoMemory();
    }
    int prev_cased = 0;  // title: the previous byte was a letter
    for (Mp_ssize_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        switch (how) {
        case 'c':  // capitalize: first byte upper, the rest lower
            c = i == 0 ? to_upper(c) : to_lower(c);
            break;
        case 's':  // swapcase
            c = is_upper(c) ? to_lower(c) : to_upper(c);
            break;
        default:   // title: upper after a non-letter, lower after a letter
            c = prev_cased ? to_lower(c) : to_upper(c);
            prev_cased = is_alpha(c);
            break;
        }
        d[i] = (char)c;
    }
    MpObject *r = MpBytesLike_NewLike(self, d, n);
    free(d);
    return r;
}
/* }====== */

/* {====== Predicates and case maps ====== */

/* The predicates true when self is non-empty and every byte passes. */
static MpObject *
all_bytes(MpObject *self, int (*pred)(unsigned char))
{
    Mp_ssize_t n = Mp_SIZE(self);
    const unsigned char *s = (const unsigned char *)MpBytesLike_AS_STRING(self);
    if (n == 0) {
        return MpBool_FromLong(0);
    }
    for (Mp_ssize_t i = 0; i < n; i++) {
        if (!pred(s[i])) {
            return MpBool_FromLong(0);
        }
    }
    return MpBool_FromLong(1);
}

static int
is_alnum(unsigned char c)
{
    return is_alpha(c) || is_digit(c);
}

MpObject *
MpBytes_isalnum(MpObject *self, MpObject *unused)
{
    return all_bytes(self, is_alnum);
}

MpObject *
MpBytes_isalpha(MpObject *self, MpObject *unused)
{
    return all_bytes(self, is_alpha);
}

MpObject *
MpBytes_isdigit(MpObject *self, MpObject *unused)
{
    return all_bytes(self, is_digit);
}

MpObject *
MpBytes_isspace(MpObject *self, MpObject *unused)
{
    return all_bytes(self, is_space);
}

/* isascii is true for b'' too. */
MpObject *
MpBytes_isascii(MpObject *self, MpObject *unused)
{
    const unsigned char *s = (const unsigned char *)MpBytesLike_AS_STRING(self);
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        if (s[i] >= 0x80) {
            return MpBool_FromLong(0);
        }
    }
    return MpBool_FromLong(1);
}

/* islower / isupper: at least one cased byte, and none of the other
   case. */
static MpObject *
cased_only(MpObject *self, int upper)
{
    const unsigned char *s = (const unsigned char *)MpBytesLike_AS_STRING(self);
    int cased = 0;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        if (upper ? is_lower(s[i]) : is_upper(s[i])) {
            return MpBool_FromLong(0);
        }
        cased |= upper ? is_upper(s[i]) : is_lower(s[i]);
    }
    return MpBool_FromLong(cased);
}

MpObject *
MpBytes_islower(MpObject *self, MpObject *unused)
{
    return cased_only(self, 0);
}

MpObject *
MpBytes_isupper(MpObject *self, MpObject *unused)
{
    return cased_only(self, 1);
}

/* istitle: an upper-case letter starts every run of letters, the rest of
   the run is lower case, and there is at least one letter. */
MpObject *
MpBytes_istitle(MpObject *self, MpObject *unused)
{
    const unsigned char *s = (const unsigned char *)MpBytesLike_AS_STRING(self);
    int cased = 0, prev_cased = 0;
    for (Mp_ssize_t i = 0; i < Mp_SIZE(self); i++) {
        unsigned char c = s[i];
        if (is_upper(c)) {
            if (prev_cased) {
                return MpBool_FromLong(0);
            }
            prev_cased = cased = 1;
        }
        else if (is_lower(c)) {
            if (!prev_cased) {
                return MpBool_FromLong(0);
            }
            prev_cased = cased = 1;
        }
        else {
            prev_cased = 0;
        }
    }
    return MpBool_FromLong(cased);
}

MpObject *
MpBytes_capitalize(MpObject *self, MpObject *unused)
{
    return map_bytes(self, 'c');
}

MpObject *
MpBytes_swapcase(MpObject *self, MpObject *unused)
{
    return map_bytes(self, 's');
}

MpObject *
MpBytes_title(MpObject *self, MpObject *unused)
{
    return map_bytes(self, 't');
}
/* }====== */

/* {====== Padding and tabs ====== */

/* self padded to width with fill: left bytes before, the rest after. */
static MpObject *
pad(MpObject *self, Mp_ssize_t left, Mp_ssize_t right, char fill)
{
    Mp_ssize_t n = Mp_SIZE(self);
    char *d = malloc((size_t)(left + n + right) + 1);
    if (d == NULL) {
        return MpErr_NoMemory();
    }
    memset(d, fill, (size_t)left);
    memcpy(d + left, MpBytesLike_AS_STRING(self), (size_t)n);
    memset(d + left + n, fill, (size_t)right);
    MpObject *r = MpBytesLike_NewLike(self, d, left + n + right);
    free(d);
    return r;
}

/* (width[, fillchar]) of center/ljust/rjust: 0, or -1 with an error. */
static int
pad_args(const char *name, MpObject *const *args, Mp_ssize_t nargs,
         Mp_ssize_t *width, char *fill)
{
    if (MpArg_CheckPositional(name, nargs, NULL, 1, 2) < 0) {
        return -1;
    }
    *width = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (*width == -1 && MpErr_Occurred()) {
        return -1;
    }
    *fill = ' ';
    if (nargs == 2) {
        MpObject *f = args[1];
        if (MpBytes_Check(f) && MpBytes_GET_SIZE(f) == 1) {
            *fill = MpBytes_AS_STRING(f)[0];
        }
        else if (MpByteArray_Check(f) && MpByteArray_GET_SIZE(f) == 1) {
            *fill = MpByteArray_AS_STRING(f)[0];
        }
        else {
            MpErr_Format(MpExc_TypeError,
                         "%s() argument 2 must be a byte string of length "
                         "1, not %T", name, f);
            return -1;
        }
    }
    return 0;
}

/* which: 'c' center, 'l' ljust, 'r' rjust. */
static MpObject *
do_pad(const char *name, MpObject *self, MpObject *const *args,
       Mp_ssize_t nargs, int which)
{
    Mp_ssize_t width;
    char fill;
    if (pad_args(name, args, nargs, &width, &fill) < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(self);
    if (width <= n) {
        return unchanged(self);
    }
    Mp_ssize_t marg = width - n, left;
    switch (which) {
    case 'l':
        left = 0;
        break;
    case 'r':
        left = marg;
        break;
    default:
        /* CPython's rounding: the odd byte goes left when width is odd */
        left = marg / 2 + (marg & width & 1);
        break;
    }
    return pad(self, left, marg - left, fill);
}

MpObject *
MpBytes_center(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_pad("center", self, args, nargs, 'c');
}

MpObject *
MpBytes_ljust(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_pad("ljust", self, args, nargs, 'l');
}

MpObject *
MpBytes_rjust(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    return do_pad("rjust", self, args, nargs, 'r');
}

/* zfill: zeros on the left, after a leading sign. */
MpObject *
MpBytes_zfill(MpObject *self, MpObject *arg)
{
    Mp_ssize_t width = MpNumber_AsSsize_t(arg, MpExc_OverflowError);
    if (width == -1 && MpErr_Occurred()) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(self);
    if (width <= n) {
        return unchanged(self);
    }
    MpObject *r = pad(self, width - n, 0, '0');
    if (r == NULL) {
        return NULL;
    }
    char *d = MpBytes_Check(r) ? MpBytes_AS_STRING(r)
                               : MpByteArray_AS_STRING(r);
    if (n > 0 && (d[width - n] == '+' || d[width - n] == '-')) {
        d[0] = d[width - n];  // r is new and not shared yet
        d[width - n] = '0';
    }
    return r;
}

MpObject *
MpBytes_expandtabs(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                   MpObject *kwnames)
{
    static const char *const kw[] = {"tabsize", NULL};
    static const MpArgSpec spec = {"expandtabs", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    Mp_ssize_t tab = 8;
    if (a[0] != NULL) {
        tab = MpNumber_AsSsize_t(a[0], MpExc_OverflowError);
        if (tab == -1 && MpErr_Occurred()) {
            return NULL;
        }
    }
    const char *s = MpBytesLike_AS_STRING(self);
    Mp_ssize_t n = Mp_SIZE(self), size = 0, col = 0;
    for (int pass = 0; pass < 2; pass++) {  // 0: measure, 1: write
        char *d = NULL;
        if (pass == 1) {
            d = malloc((size_t)size + 1);
            if (d == NULL) {
                return MpErr_NoMemory();
            }
        }
        Mp_ssize_t j = 0;
        col = 0;
        for (Mp_ssize_t i = 0; i < n; i++) {
            char c = s[i];
            if (c == '\t') {
                Mp_ssize_t k = tab > 0 ? tab - col % tab : 0;
                if (d != NULL) {
                    memset(d + j, ' ', (size_t)k);
                }
                j += k;
                col += k;
                if (j < 0) {
                    MpErr_SetString(MpExc_OverflowError,
                                    "result too long");
                    return NULL;
                }
                continue;
            }
            if (d != NULL) {
                d[j] = c;
            }
            j++;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        if (pass == 0) {
            size = j;
        }
        else {
            MpObject *r = MpBytesLike_NewLike(self, d, size);
            free(d);
            return r;
        }
    }
    return NULL;  // not reached
}
/* }====== */

/* {====== partition, removeprefix, splitlines ====== */

/* Finds sep in self from the left or the right and makes the 3-tuple;
   when sep is absent the whole goes first (partition) or last
   (rpartition). */
static MpObject *
do_partition(MpObject *self, MpObject *sepobj, int from_right)
{
    MpBuffer sep;
    if (MpBytesLike_Get(sepobj, &sep) < 0) {
        return NULL;
    }
    if (sep.len == 0) {
        MpBytesLike_Release(&sep);
        MpErr_SetString(MpExc_ValueError, "empty separator");
        return NULL;
    }
    const char *s = MpBytesLike_AS_STRING(self);
    Mp_ssize_t n = Mp_SIZE(self), m = sep.len, pos = -1;
    if (m <= n) {
        if (from_right) {
            for (Mp_ssize_t i = n - m; i >= 0; i--) {
                if (memcmp(s + i, sep.buf, (size_t)m) == 0) {
                    pos = i;
                    break;
                }
            }
        }
        else {
            for (Mp_ssize_t i = 0; i + m <= n; i++) {
                if (memcmp(s + i, sep.buf, (size_t)m) == 0) {
                    pos = i;
                    break;
                }
            }
        }
    }
    MpObject *parts[3];
    if (pos < 0) {
        MpObject *whole = unchanged(self);
        MpObject *e1 = MpBytesLike_NewLike(self, "", 0);
        MpObject *e2 = MpBytesLike_NewLike(self, "", 0);
        parts[0] = from_right ? e1 : whole;
        parts[1] = e2;
        parts[2] = from_right ? whole : e1;
    }
    else {
        parts[0] = MpBytesLike_NewLike(self, s, pos);
        /* bytes hands back the separator object itself, bytearray a
           new bytearray (as CPython) */
        parts[1] = MpBytes_Check(self) ? Mp_NewRef(sepobj)
                                       : MpBytesLike_NewLike(self, sep.buf, m);
        parts[2] = MpBytesLike_NewLike(self, s + pos + m, n - pos - m);
    }
    MpBytesLike_Release(&sep);
    MpObject *r = NULL;
    if (parts[0] != NULL && parts[1] != NULL && parts[2] != NULL) {
        r = MpTuple_FromArray(parts, 3);
    }
    for (int i = 0; i < 3; i++) {
        Mp_XDECREF(parts[i]);
    }
    return r;
}

MpObject *
MpBytes_partition(MpObject *self, MpObject *sep)
{
    return do_partition(self, sep, 0);
}

MpObject *
MpBytes_rpartition(MpObject *self, MpObject *sep)
{
    return do_partition(self, sep, 1);
}

static MpObject *
do_removefix(MpObject *self, MpObject *affix, int suffix)
{
    MpBuffer v;
    if (MpBytesLike_Get(affix, &v) < 0) {
        return NULL;
    }
    const char *s = MpBytesLike_AS_STRING(self);
    Mp_ssize_t n = Mp_SIZE(self), m = v.len;
    int match = m > 0 && m <= n &&
                memcmp(suffix ? s + n - m : s, v.buf, (size_t)m) == 0;
    MpBytesLike_Release(&v);
    if (!match) {
        return unchanged(self);
    }
    return MpBytesLike_NewLike(self, suffix ? s : s + m, n - m);
}

MpObject *
MpBytes_removeprefix(MpObject *self, MpObject *prefix)
{
    return do_removefix(self, prefix, 0);
}

MpObject *
MpBytes_removesuffix(MpObject *self, MpObject *suffix)
{
    return do_removefix(self, suffix, 1);
}

/* splitlines: only \n, \r and \r\n end a line in bytes. */
MpObject *
MpBytes_splitlines(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                   MpObject *kwnames)
{
    static const char *const kw[] = {"keepends", NULL};
    static const MpArgSpec spec = {"splitlines", kw, 0, 1};
    MpObject *a[1];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    int keep = 0;
    if (a[0] != NULL) {
        MpObject *k = MpNumber_Index(a[0]);  // an int parameter in CPython
        if (k == NULL) {
            return NULL;
        }
        keep = MpObject_IsTrue(k);
        Mp_DECREF(k);
    }
    MpObject *list = MpList_New(0);
    if (list == NULL) {
        return NULL;
    }
    const char *s = MpBytesLike_AS_STRING(self);
    Mp_ssize_t n = Mp_SIZE(self), i = 0;
    while (i < n) {
        Mp_ssize_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r') {
            j++;
        }
        Mp_ssize_t eol = j;
        if (j < n) {
            j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
        }
        MpObject *line = MpBytesLike_NewLike(self, s + i, (keep ? j : eol) - i);
        if (line == NULL || MpList_Append(list, line) < 0) {
            Mp_XDECREF(line);
            Mp_DECREF(list);
            return NULL;
        }
        Mp_DECREF(line);
        i = j;
    }
    return list;
}
/* }====== */

/* {====== maketrans, translate ====== */

/* bytes.maketrans(from, to): the 256-byte table mapping from[i] to
   to[i]; a static method. */
MpObject *
MpBytes_maketrans(MpObject *unused, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("maketrans", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    MpBuffer from, to;
    if (MpBytesLike_Get(args[0], &from) < 0) {
        return NULL;
    }
    if (MpBytesLike_Get(args[1], &to) < 0) {
        MpBytesLike_Release(&from);
        return NULL;
    }
    MpObject *r = NULL;
    if (from.len != to.len) {
        MpErr_SetString(MpExc_ValueError,
                        "maketrans arguments must have same length");
    }
    else {
        char table[256];
        for (int i = 0; i < 256; i++) {
            table[i] = (char)i;
        }
        const unsigned char *f = from.buf, *t = to.buf;
        for (Mp_ssize_t i = 0; i < from.len; i++) {
            table[f[i]] = (char)t[i];
        }
        r = MpBytes_FromStringAndSize(table, 256);
    }
    MpBytesLike_Release(&from);
    MpBytesLike_Release(&to);
    return r;
}

/* translate(table, /, delete=b''): table is None (identity) or 256
   bytes; the bytes in delete are dropped first. */
MpObject *
MpBytes_translate(MpObject *self, MpObject *const *args, Mp_ssize_t nargs,
                  MpObject *kwnames)
{
    static const char *const kw[] = {"", "delete", NULL};
    static const MpArgSpec spec = {"translate", kw, 1, 2};
    MpObject *a[2];
    if (MpArg_Unpack(&spec, args, nargs, kwnames, a) < 0) {
        return NULL;
    }
    MpBuffer table = {0}, del = {0};
    if (a[0] != Mp_None) {
        if (MpBytesLike_Get(a[0], &table) < 0) {
            return NULL;
        }
        if (table.len != 256) {
            MpBytesLike_Release(&table);
            MpErr_SetString(MpExc_ValueError,
                            "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (a[1] != NULL && MpBytesLike_Get(a[1], &del) < 0) {
        MpBytesLike_Release(&table);
        return NULL;
    }
    char drop[256] = {0};
    for (Mp_ssize_t i = 0; i < del.len; i++) {
        drop[((const unsigned char *)del.buf)[i]] = 1;
    }
    const unsigned char *s = (const unsigned char *)MpBytesLike_AS_STRING(self);
    const unsigned char *t = table.buf;
    Mp_ssize_t n = Mp_SIZE(self), j = 0;
    char *d = malloc((size_t)n + 1);
    MpObject *r = NULL;
    if (d == NULL) {
        MpErr_NoMemory();
    }
    else {
        for (Mp_ssize_t i = 0; i < n; i++) {
            if (!drop[s[i]]) {
                d[j++] = (char)(t != NULL ? t[s[i]] : s[i]);
            }
        }
        r = (j == n && t == NULL) ? unchanged(self) : MpBytesLike_NewLike(self, d, j);
        free(d);
    }
    MpBytesLike_Release(&table);
    MpBytesLike_Release(&del);
    return r;
}
/* }====== */

/* {====== bytearray: insert, remove, reverse ====== */

MpObject *
MpByteArray_insert(MpObject *self, MpObject *const *args, Mp_ssize_t nargs)
{
    if (MpArg_CheckPositional("insert", nargs, NULL, 2, 2) < 0) {
        return NULL;
    }
    Mp_ssize_t i = MpNumber_AsSsize_t(args[0], MpExc_OverflowError);
    if (i == -1 && MpErr_Occurred()) {
        return NULL;
    }
    int v = MpBytes_ByteValue(args[1]);
    if (v < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(self);
    i = MpSlice_InsertPosition(i, n);
    if (MpByteArray_Resize(self, n + 1) < 0) {
        return NULL;
    }
    char *d = MpByteArray_AS_STRING(self);
    memmove(d + i + 1, d + i, (size_t)(n - i));
    d[i] = (char)v;
    return Mp_NewRef(Mp_None);
}

MpObject *
MpByteArray_remove(MpObject *self, MpObject *arg)
{
    int v = MpBytes_ByteValue(arg);
    if (v < 0) {
        return NULL;
    }
    Mp_ssize_t n = Mp_SIZE(self);
    char *d = MpByteArray_AS_STRING(self);
    char *p = memchr(d, v, (size_t)n);
    if (p == NULL) {
        MpErr_SetString(MpExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    Mp_ssize_t i = p - d;
    /* shift first, then shrink: a refused resize (a live export) leaves
       the bytes as they were */
    char saved = d[i];
    memmove(d + i, d + i + 1, (size_t)(n - i - 1));
    if (MpByteArray_Resize(self, n - 1) < 0) {
        d = MpByteArray_AS_STRING(self);
        memmove(d + i + 1, d + i, (size_t)(n - i - 1));
        d[i] = saved;
        return NULL;
    }
    return Mp_NewRef(Mp_None);
}

MpObject *
MpByteArray_reverse(MpObject *self, MpObject *unused)
{
    char *d = MpByteArray_AS_STRING(self);
    for (Mp_ssize_t i = 0, j = Mp_SIZE(self) - 1; i < j; i++, j--) {
        char c = d[i];
        d[i] = d[j];
        d[j] = c;
    }
    return Mp_NewRef(Mp_None);
}
/* }====== */
