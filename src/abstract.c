/* abstract.c — the object protocols: what any object can be asked to do.

   The VM, the built-in types and the modules never look inside an object
   they do not own; they call these functions, which look at the object's
   type slots (object.h) and fall back as Python's data model says.  Every
   function returns a NEW reference (or 0/1/-1 for the predicates) and, on
   failure, sets the current exception and returns NULL or -1.

   Invariants the rest of the tree can rely on:
     - repr() and str() always return a str (or fail); the slot may not
       return anything else.
     - A number slot declines with a NEW reference to NotImplemented;
       NotImplemented never escapes from here to the caller.
     - MpIter_Next never leaves StopIteration set: exhaustion is NULL with
       no exception.

   The binary operator protocol (binary_op1, read it first).  Every number
   slot is called with the operands in source order, slot(a, b), whichever
   type the slot came from; the slot itself works out which operand is
   "self" (a heap type's slot calls __add__ when a is its instance, __radd__
   when b is).  So for `a + b`:

       slotv = type(a).nb_add
       slotw = type(b).nb_add     only if type(b) is not type(a) and the
                                  slot differs (else NULL: one call does)
       if slotw and type(b) is a proper subclass of type(a):
           try slotw(a, b) first           -- the subclass may override
       try slotv(a, b), then slotw(a, b)   -- each may say NotImplemented
       then the sequence fallback (+: sq_concat, *: sq_repeat with an int)
       then TypeError "unsupported operand type(s) for +: 'int' and 'str'"

   In-place forms (a += b) try type(a).nb_inplace_add(a, b) first, then the
   whole binary protocol; `+=` and `*=` end with sq_inplace_concat /
   sq_inplace_repeat (or the plain ones).  pow() with a third argument also
   asks the third operand's slot.

   Rich comparison (do_richcompare) has the same shape: the reflected
   method of b first when type(b) is a proper subclass of type(a), then
   a's, then b's reflected (< becomes >, <= becomes >=, == and != stay);
   when all decline, == and != fall back to identity and the orderings
   raise "'<' not supported between instances of 'int' and 'str'".

   Fast paths for exact int, float and str are taken before the slots in
   the comparison functions; everything else goes through the slots.

   CPython counterpart: Objects/abstract.c, Objects/object.c (repr, str,
   hash, rich comparison, truth, attributes), Objects/iterobject.c (the
   sequence iterator).  Read first: binary_op1 */
#include "abstract.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errors.h"
#include "objects/genericalias.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/type.h"
#include "objects/union.h"
#include "opcodes.h"
#include "strbuf.h"
#include "unicodedb.h"
#include "vm.h"  // MpEval_EnterRecursive, MpEval_LeaveRecursive

/* {====== Small helpers ====== */

/* Raises TypeError with a message naming o's type.  Returns NULL. */
static MpObject *
type_error(const char *fmt, MpObject *o)
{
    return MpErr_Format(MpExc_TypeError, fmt, Mp_TYPE(o)->tp_name);
}

static MpObject *
null_error(void)
{
    if (!MpErr_Occurred()) {
        MpErr_SetString(MpExc_SystemError,
                        "null argument to internal routine");
    }
    return NULL;
}

/* Whether o has __index__ (CPython's _PyIndex_Check). */
static inline int
index_check(MpObject *o)
{
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

/* The attribute `name` of type(o), found along the MRO and bound to o when
   it is a descriptor (CPython's _PyObject_LookupSpecial): what the
   interpreter uses for special methods, which ignore the instance dict.
   Refs: NEW; NULL without an exception when absent. */
MpObject *
MpObject_LookupSpecial(MpObject *o, const char *name)
{
    MpObject *key = MpStr_InternFromString(name);
    if (key == NULL) {
        return NULL;
    }
    MpObject *res = MpType_Lookup(Mp_TYPE(o), key);
    Mp_DECREF(key);
    if (res == NULL) {
        return NULL;
    }
    descrgetfunc f = Mp_TYPE(res)->tp_descr_get;
    if (f == NULL) {
        return Mp_NewRef(res);
    }
    Mp_INCREF(res);  // __get__ could drop the class's reference
    MpObject *bound = f(res, o, (MpObject *)Mp_TYPE(o));
    Mp_DECREF(res);
    return bound;
}

/* MpObject_LookupAttr with a C string name.  The names are interned on
   each call rather than cached: the intern table owns them, and a cache
   here would outlive MpStr_Fini. */
int
MpObject_LookupAttrString(MpObject *o, const char *name, MpObject **result)
{
    MpObject *key = MpStr_InternFromString(name);
    if (key == NULL) {
        *result = NULL;
        return -1;
    }
    int res = MpObject_LookupAttr(o, key, result);
    Mp_DECREF(key);
    return res;
}

/* An exact int with the value of v, an int or an instance of a subclass
   (CPython's _PyLong_Copy).  Refs: NEW; v BORROWED. */
static MpObject *
long_copy_exact(MpObject *v)
{
    if (MpLong_CheckExact(v)) {
        return Mp_NewRef(v);
    }
    MpLongObject *l = (MpLongObject *)v;
    if (l->is_big) {
        return MpLong_FromMpz(&l->u.big);
    }
    return MpLong_FromInt64(l->u.small);
}
/* }====== */

/* {====== repr, str, ascii, hash ====== */

MpObject *
MpObject_Repr(MpObject *o)
{
    if (o == NULL) {
        return MpStr_FromString("<NULL>");
    }
    reprfunc f = Mp_TYPE(o)->tp_repr;
    if (f == NULL) {
        return MpStr_FromFormat("<%s object at %p>", Mp_TYPE(o)->tp_name,
                                (void *)o);
    }
    if (MpEval_EnterRecursive(" while getting the repr of an object") < 0) {
        return NULL;
    }
    MpObject *res = f(o);
    MpEval_LeaveRecursive();
    if (res == NULL) {
        return NULL;
    }
    if (!MpStr_Check(res)) {
        MpErr_Format(MpExc_TypeError,
                     "__repr__ returned non-string (type %.200s)",
                     Mp_TYPE(res)->tp_name);
        Mp_DECREF(res);
        return NULL;
    }
    return res;
}

MpObject *
MpObject_Str(MpObject *o)
{
    if (o == NULL) {
        return MpStr_FromString("<NULL>");
    }
    if (MpStr_CheckExact(o)) {
        return Mp_NewRef(o);
    }
    reprfunc f = Mp_TYPE(o)->tp_str;
    if (f == NULL) {
        return MpObject_Repr(o);
    }
    if (MpEval_EnterRecursive(" while getting the str of an object") < 0) {
        return NULL;
    }
    MpObject *res = f(o);
    MpEval_LeaveRecursive();
    if (res == NULL) {
        return NULL;
    }
    if (!MpStr_Check(res)) {
        MpErr_Format(MpExc_TypeError,
                     "__str__ returned non-string (type %.200s)",
                     Mp_TYPE(res)->tp_name);
        Mp_DECREF(res);
        return NULL;
    }
    return res;
}

/* ascii(o): repr(o) with every non-ASCII code point escaped as the
   "backslashreplace" error handler does: \xhh below 0x100, \uhhhh below
   0x10000, \Uhhhhhhhh above. */
MpObject *
MpObject_ASCII(MpObject *o)
{
    MpObject *repr = MpObject_Repr(o);
    if (repr == NULL || ((MpStrObject *)repr)->ascii) {
        return repr;
    }
    MpStrBuf b = {0};
    Mp_ssize_t n = MpStr_GET_LENGTH(repr);
    for (Mp_ssize_t i = 0; i < n; i++) {
        uint32_t c = MpStr_READ(repr, i);
        if (c < 0x80) {
            MpStrBuf_Putc(&b, (char)c);
        }
        else if (c < 0x100) {
            MpStrBuf_Printf(&b, "\\x%02x", (unsigned)c);
        }
        else if (c < 0x10000) {
            MpStrBuf_Printf(&b, "\\u%04x", (unsigned)c);
        }
        else {
            MpStrBuf_Printf(&b, "\\U%08x", (unsigned)c);
        }
    }
    Mp_DECREF(repr);
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpObject *res = MpStr_FromUTF8(b.data ? b.data : "", (Mp_ssize_t)b.len);
    MpStrBuf_Clear(&b);
    return res;
}

/* The tp_hash of the built-in mutable types (list, dict, set, bytearray,
   the dict views, slice): always raises.  MpType_AddSlotWrappers
   recognises it and stores __hash__ = None in the type's dict, as CPython
   does, so that list.__hash__ is None and collections.abc.Hashable can
   tell.  Returns -1 with TypeError set.  Refs: o BORROWED. */
Mp_hash_t
MpObject_HashNotImplemented(MpObject *o)
{
    MpErr_Format(MpExc_TypeError, "unhashable type: '%.200s'",
                 Mp_TYPE(o)->tp_name);
    return -1;
}

/* A type whose __hash__ is None has tp_hash NULL (the class machinery in
   type.c clears it), so one test covers both. */
Mp_hash_t
MpObject_Hash(MpObject *o)
{
    hashfunc f = Mp_TYPE(o)->tp_hash;
    if (f != NULL) {
        return f(o);
    }
    MpErr_Format(MpExc_TypeError, "unhashable type: '%.200s'",
                 Mp_TYPE(o)->tp_name);
    return -1;
}
/* }====== */

/* {====== Rich comparison ====== */

static const int swapped_op[] = {Mp_GT, Mp_GE, Mp_EQ, Mp_NE, Mp_LT, Mp_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

/* The answer of C's comparison operators for x op y, for the fast paths:
   correct for doubles too, NaN included (every comparison false but !=). */
#define COMPARE_C(x, y, op)                                                \
    ((op) == Mp_LT   ? (x) < (y)                                           \
     : (op) == Mp_LE ? (x) <= (y)                                          \
     : (op) == Mp_EQ ? (x) == (y)                                          \
     : (op) == Mp_NE ? (x) != (y)                                          \
     : (op) == Mp_GT ? (x) > (y)                                           \
                     : (x) >= (y))

/* 1 and *res set when a fast path decides a op b (exact small ints,
   exact floats, == and != of exact strs); 0 otherwise. */
static inline int
compare_fast(MpObject *a, MpObject *b, int op, int *res)
{
    int64_t x, y;
    if (MpLong_AsSmall(a, &x) && MpLong_AsSmall(b, &y)) {
        *res = COMPARE_C(x, y, op);
        return 1;
    }
    if (MpFloat_CheckExact(a) && MpFloat_CheckExact(b)) {
        double dx = MpFloat_AS_DOUBLE(a), dy = MpFloat_AS_DOUBLE(b);
        *res = COMPARE_C(dx, dy, op);
        return 1;
    }
    if ((op == Mp_EQ || op == Mp_NE) && MpStr_CheckExact(a) &&
        MpStr_CheckExact(b)) {
        *res = MpStr_Equal(a, b) == (op == Mp_EQ);
        return 1;
    }
    return 0;
}

/* CPython's do_richcompare; see the comment at the top of the file. */
static MpObject *
do_richcompare(MpObject *v, MpObject *w, int op)
{
    richcmpfunc f;
    MpObject *res;
    int checked_reverse_op = 0;

    if (Mp_TYPE(v) != Mp_TYPE(w) &&
        MpType_IsSubtype(Mp_TYPE(w), Mp_TYPE(v)) &&
        (f = Mp_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse_op = 1;
        res = f(w, v, swapped_op[op]);
        if (res != Mp_NotImplemented) {
            return res;
        }
        Mp_DECREF(res);
    }
    if ((f = Mp_TYPE(v)->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != Mp_NotImplemented) {
            return res;
        }
        Mp_DECREF(res);
    }
    if (!checked_reverse_op && (f = Mp_TYPE(w)->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != Mp_NotImplemented) {
            return res;
        }
        Mp_DECREF(res);
    }
    switch (op) {
    case Mp_EQ:
        return MpBool_FromLong(v == w);
    case Mp_NE:
        return MpBool_FromLong(v != w);
    default:
        return MpErr_Format(MpExc_TypeError,
                            "'%s' not supported between instances of "
                            "'%.100s' and '%.100s'",
                            opstrings[op], Mp_TYPE(v)->tp_name,
                            Mp_TYPE(w)->tp_name);
    }
}

/* do_richcompare inside the recursion guard: comparing two containers
   that hold themselves must raise RecursionError, not crash. */
static MpObject *
richcompare_guarded(MpObject *a, MpObject *b, int op)
{
    if (MpEval_EnterRecursive(" in comparison") < 0) {
        return NULL;
    }
    MpObject *res = do_richcompare(a, b, op);
    MpEval_LeaveRecursive();
    return res;
}

MpObject *
MpObject_RichCompare(MpObject *a, MpObject *b, int op)
{
    if (a == NULL || b == NULL || op < Mp_LT || op > Mp_GE) {
        return MpErr_BadInternalCall("MpObject_RichCompare");
    }
    int fast;
    if (compare_fast(a, b, op, &fast)) {
        return MpBool_FromLong(fast);
    }
    return richcompare_guarded(a, b, op);
}

int
MpObject_RichCompareBool(MpObject *a, MpObject *b, int op)
{
    /* Identity implies equality, as containers assume (so a NaN is found
       in a list that holds it). */
    if (a == b) {
        if (op == Mp_EQ) {
            return 1;
        }
        if (op == Mp_NE) {
            return 0;
        }
    }
    int fast;
    if (compare_fast(a, b, op, &fast)) {
        return fast;
    }
    MpObject *res = richcompare_guarded(a, b, op);
    if (res == NULL) {
        return -1;
    }
    int ok = MpBool_Check(res) ? res == Mp_True : MpObject_IsTrue(res);
    Mp_DECREF(res);
    return ok;
}
/* }====== */

/* {====== Truth ====== */

/* bool(o): __bool__ (nb_bool), else __len__ (mp_length, then sq_length),
   else true.  Checking that a Python-level __bool__ returned a bool
   ("__bool__ should return bool, returned int") and that __len__ is
   >= 0 is the job of the slot functions in type.c, which see the Python
   result; nb_bool already answers as a C int. */
int
MpObject_IsTrue(MpObject *o)
{
    if (o == Mp_True) {
        return 1;
    }
    if (o == Mp_False || o == Mp_None) {
        return 0;
    }
    MpTypeObject *t = Mp_TYPE(o);
    Mp_ssize_t res;
    if (t->tp_as_number != NULL && t->tp_as_number->nb_bool != NULL) {
        res = t->tp_as_number->nb_bool(o);
    }
    else if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length) {
        res = t->tp_as_mapping->mp_length(o);
    }
    else if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length) {
        res = t->tp_as_sequence->sq_length(o);
    }
    else {
        return 1;
    }
    return res > 0 ? 1 : (int)res;  // 0, or -1 on error
}

int
MpObject_Not(MpObject *o)
{
    int res = MpObject_IsTrue(o);
    return res < 0 ? res : !res;
}
/* }====== */

/* {====== Attributes ======
   The lookup itself (descriptors, instance dict, MRO) is the type's
   tp_getattro: MpObject_GenericGetAttr in type.c for most.  Here: the
   checks every attribute access makes, and the AttributeError-swallowing
   forms. */

/* o.name without the context below.  Refs: NEW. */
static MpObject *
getattr_plain(MpObject *o, MpObject *name)
{
    if (!MpStr_Check(name)) {
        return MpErr_Format(MpExc_TypeError,
                            "attribute name must be string, not '%.200s'",
                            Mp_TYPE(name)->tp_name);
    }
    getattrofunc f = Mp_TYPE(o)->tp_getattro;
    if (f != NULL) {
        return f(o, name);
    }
    return MpErr_Format(MpExc_AttributeError,
                        "'%.100s' object has no attribute '%U'",
                        Mp_TYPE(o)->tp_name, name);
}

/* An AttributeError leaving getattr remembers the object and the name
   (its .obj and .name), once, for the "Did you mean" suggestion printed
   with an uncaught exception (suggestions.c).  As CPython 3.11's
   set_attribute_error_context. */
static void
set_attribute_error_context(MpObject *o, MpObject *name)
{
    if (!MpErr_ExceptionMatches(MpExc_AttributeError)) {
        return;
    }
    MpObject *exc = MpErr_GetRaisedException();
    if (exc != NULL &&
        MpErr_GivenExceptionMatches(exc, MpExc_AttributeError)) {
        MpAttributeErrorObject *ae = (MpAttributeErrorObject *)exc;
        if (ae->name == NULL && ae->obj == NULL) {
            ae->name = Mp_NewRef(name);
            ae->obj = Mp_NewRef(o);
        }
    }
    MpErr_SetRaisedException(exc);
}

MpObject *
MpObject_GetAttr(MpObject *o, MpObject *name)
{
    MpObject *r = getattr_plain(o, name);
    if (r == NULL) {
        set_attribute_error_context(o, name);
    }
    return r;
}

MpObject *
MpObject_GetAttrString(MpObject *o, const char *name)
{
    MpObject *s = MpStr_InternFromString(name);
    if (s == NULL) {
        return NULL;
    }
    MpObject *res = MpObject_GetAttr(o, s);
    Mp_DECREF(s);
    return res;
}

int
MpObject_LookupAttr(MpObject *o, MpObject *name, MpObject **result)
{
    *result = NULL;
    if (!MpStr_Check(name)) {
        MpErr_Format(MpExc_TypeError,
                     "attribute name must be string, not '%.200s'",
                     Mp_TYPE(name)->tp_name);
        return -1;
    }
    MpObject *res = getattr_plain(o, name);
    if (res != NULL) {
        *result = res;
        return 1;
    }
    if (!MpErr_ExceptionMatches(MpExc_AttributeError)) {
        return -1;
    }
    MpErr_Clear();
    return 0;
}

/* As CPython 3.11's PyObject_HasAttr: any error counts as "no" and is
   cleared, so the answer is always 0 or 1.  hasattr() itself, which must
   let other errors through, uses MpObject_LookupAttr. */
int
MpObject_HasAttr(MpObject *o, MpObject *name)
{
    MpObject *res;
    int found = MpObject_LookupAttr(o, name, &res);
    if (found < 0) {
        MpErr_Clear();
        return 0;
    }
    Mp_XDECREF(res);
    return found;
}

/* Sets (value not NULL) or deletes (value NULL) o.name. */
int
MpObject_SetAttr(MpObject *o, MpObject *name, MpObject *value)
{
    MpTypeObject *t = Mp_TYPE(o);
    if (!MpStr_Check(name)) {
        MpErr_Format(MpExc_TypeError,
                     "attribute name must be string, not '%.200s'",
                     Mp_TYPE(name)->tp_name);
        return -1;
    }
    if (t->tp_setattro != NULL) {
        /* Names stored in dicts are interned, so that the VM's lookups
           can compare by pointer. */
        Mp_INCREF(name);
        MpStr_InternInPlace(&name);
        int res = t->tp_setattro(o, name, value);
        Mp_DECREF(name);
        return res;
    }
    MpErr_Format(MpExc_TypeError,
                 t->tp_getattro == NULL
                     ? "'%.100s' object has no attributes (%s .%U)"
                     : "'%.100s' object has only read-only attributes "
                       "(%s .%U)",
                 t->tp_name, value == NULL ? "del" : "assign to", name);
    return -1;
}

int
MpObject_SetAttrString(MpObject *o, const char *name, MpObject *value)
{
    MpObject *s = MpStr_InternFromString(name);
    if (s == NULL) {
        return -1;
    }
    int res = MpObject_SetAttr(o, s, value);
    Mp_DECREF(s);
    return res;
}

int
MpObject_DelAttr(MpObject *o, MpObject *name)
{
    return MpObject_SetAttr(o, name, NULL);
}
/* }====== */

/* {====== Items and length ======
   o[key] asks the mapping slot first (every built-in sequence has one,
   which also handles slices), then the sequence slot with the key turned
   into a C index, and for a class, __class_getitem__ (PEP 560). */

/* o[i] through sq_item, a negative i counted from the end as
   PySequence_GetItem does.  Refs: NEW. */
static MpObject *
sequence_getitem(MpObject *o, Mp_ssize_t i)
{
    MpSequenceMethods *sq = Mp_TYPE(o)->tp_as_sequence;
    if (i < 0 && sq->sq_length != NULL) {
        Mp_ssize_t n = sq->sq_length(o);
        if (n < 0) {
            return NULL;
        }
        i += n;
    }
    return sq->sq_item(o, i);
}

MpObject *
MpObject_GetItem(MpObject *o, MpObject *key)
{
    if (o == NULL || key == NULL) {
        return null_error();
    }
    MpTypeObject *t = Mp_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_subscript) {
        return t->tp_as_mapping->mp_subscript(o, key);
    }
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item) {
        if (!index_check(key)) {
            return type_error("sequence index must be integer, not '%.200s'",
                              key);
        }
        Mp_ssize_t i = MpNumber_AsSsize_t(key, MpExc_IndexError);
        if (i == -1 && MpErr_Occurred()) {
            return NULL;
        }
        return sequence_getitem(o, i);
    }
    if (MpType_Check(o)) {
        /* type[int]: type itself, not its instances, is generic (a
           __class_getitem__ in type's dict would be found on every
           class through the metaclass) */
        if (o == (MpObject *)&MpType_Type) {
            return MpGenericAlias_New(o, key);
        }
        MpObject *meth;
        if (MpObject_LookupAttrString(o, "__class_getitem__", &meth) < 0) {
            return NULL;
        }
        if (meth != NULL && meth != Mp_None) {
            MpObject *res = MpObject_CallOneArg(meth, key);
            Mp_DECREF(meth);
            return res;
        }
        Mp_XDECREF(meth);
        return MpErr_Format(MpExc_TypeError,
                            "type '%.200s' is not subscriptable",
                            ((MpTypeObject *)o)->tp_name);
    }
    return type_error("'%.200s' object is not subscriptable", o);
}

/* Stores (value not NULL) or deletes o[key].  what: "assignment" or
   "deletion", for the messages. */
static int
set_or_del_item(MpObject *o, MpObject *key, MpObject *value,
                const char *what)
{
    if (o == NULL || key == NULL) {
        null_error();
        return -1;
    }
    MpTypeObject *t = Mp_TYPE(o);
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_ass_subscript) {
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    }
    MpSequenceMethods *sq = t->tp_as_sequence;
    if (sq != NULL) {
        if (index_check(key)) {
            Mp_ssize_t i = MpNumber_AsSsize_t(key, MpExc_IndexError);
            if (i == -1 && MpErr_Occurred()) {
                return -1;
            }
            if (sq->sq_ass_item != NULL) {
                if (i < 0 && sq->sq_length != NULL) {
                    Mp_ssize_t n = sq->sq_length(o);
                    if (n < 0) {
                        return -1;
                    }
                    i += n;
                }
                return sq->sq_ass_item(o, i, value);
            }
        }
        else if (sq->sq_ass_item != NULL) {
            type_error("sequence index must be integer, not '%.200s'", key);
            return -1;
        }
    }
    MpErr_Format(MpExc_TypeError, "'%.200s' object does not support item %s",
                 t->tp_name, what);
    return -1;
}

int
MpObject_SetItem(MpObject *o, MpObject *key, MpObject *value)
{
    if (value == NULL) {
        null_error();
        return -1;
    }
    return set_or_del_item(o, key, value, "assignment");
}

int
MpObject_DelItem(MpObject *o, MpObject *key)
{
    return set_or_del_item(o, key, NULL, "deletion");
}

Mp_ssize_t
MpObject_Length(MpObject *o)
{
    MpTypeObject *t = Mp_TYPE(o);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_length) {
        return t->tp_as_sequence->sq_length(o);
    }
    if (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_length) {
        return t->tp_as_mapping->mp_length(o);
    }
    type_error("object of type '%.200s' has no len()", o);
    return -1;
}

/* `value in container`: sq_contains, or else a linear search by iteration
   comparing item == value (the item's __eq__ asked first). */
int
MpSequence_Contains(MpObject *container, MpObject *value)
{
    MpSequenceMethods *sq = Mp_TYPE(container)->tp_as_sequence;
    if (sq != NULL && sq->sq_contains != NULL) {
        return sq->sq_contains(container, value);
    }
    MpObject *it = MpObject_GetIter(container);
    if (it == NULL) {
        if (MpErr_ExceptionMatches(MpExc_TypeError)) {
            MpErr_Clear();
            type_error("argument of type '%.200s' is not iterable",
                       container);
        }
        return -1;
    }
    int found = 0;
    for (;;) {
        MpObject *item = MpIter_Next(it);
        if (item == NULL) {
            found = MpErr_Occurred() ? -1 : 0;
            break;
        }
        found = MpObject_RichCompareBool(item, value, Mp_EQ);
        Mp_DECREF(item);
        if (found != 0) {
            break;  // found (1) or error (-1)
        }
    }
    Mp_DECREF(it);
    return found;
}
/* }====== */

/* {====== Iteration ======
   iter(o) is tp_iter; an object without one but with __getitem__ (the old
   sequence protocol) is walked by a sequence iterator, which asks for
   o[0], o[1], ... until IndexError or StopIteration. */

typedef struct {
    MpObject_HEAD
    Mp_ssize_t it_index;
    MpObject *it_seq;  // NULL once exhausted
} seqiterobject;

static void
seqiter_dealloc(MpObject *o)
{
    seqiterobject *it = (seqiterobject *)o;
    MpObject_GC_UnTrack(o);
    Mp_CLEAR(&it->it_seq);
    MpObject_Free(o);
}

static int
seqiter_traverse(MpObject *o, visitproc visit, void *arg)
{
    seqiterobject *it = (seqiterobject *)o;
    if (it->it_seq != NULL) {
        return visit(it->it_seq, arg);
    }
    return 0;
}

static int
seqiter_clear(MpObject *o)
{
    Mp_CLEAR(&((seqiterobject *)o)->it_seq);
    return 0;
}

/* Whether iter(o) may walk o by index: o has sq_item, or it is an
   instance of a class whose __getitem__ only filled mp_subscript.  Never
   a dict, whose __getitem__ takes keys. */
static int
sequence_check(MpObject *o)
{
    MpTypeObject *t = Mp_TYPE(o);
    if (MpDict_Check(o)) {
        return 0;
    }
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL) {
        return 1;
    }
    return MpType_HasFeature(t, MP_TPFLAGS_HEAPTYPE) &&
           t->tp_as_mapping != NULL && t->tp_as_mapping->mp_subscript != NULL;
}

/* seq[i] for the sequence iterator: sq_item, else mp_subscript with an
   int key (see sequence_check).  Refs: NEW. */
static MpObject *
seq_item_at(MpObject *seq, Mp_ssize_t i)
{
    MpTypeObject *t = Mp_TYPE(seq);
    if (t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL) {
        return t->tp_as_sequence->sq_item(seq, i);
    }
    MpObject *key = MpLong_FromSsize_t(i);
    if (key == NULL) {
        return NULL;
    }
    MpObject *item = t->tp_as_mapping->mp_subscript(seq, key);
    Mp_DECREF(key);
    return item;
}

static MpObject *
seqiter_next(MpObject *o)
{
    seqiterobject *it = (seqiterobject *)o;
    MpObject *seq = it->it_seq;
    if (seq == NULL) {
        return NULL;
    }
    if (it->it_index == PTRDIFF_MAX) {
        MpErr_SetString(MpExc_OverflowError,
                        "iter index too large");
        return NULL;
    }
    MpObject *item = seq_item_at(seq, it->it_index);
    if (item != NULL) {
        it->it_index++;
        return item;
    }
    if (MpErr_ExceptionMatches(MpExc_IndexError) ||
        MpErr_ExceptionMatches(MpExc_StopIteration)) {
        MpErr_Clear();
        Mp_CLEAR(&it->it_seq);
    }
    return NULL;
}

/* iterator.__length_hint__(): what is left, when the sequence has a len. */
static MpObject *
seqiter_length_hint(MpObject *o, MpObject *unused)
{
    seqiterobject *it = (seqiterobject *)o;
    if (it->it_seq != NULL) {
        MpTypeObject *t = Mp_TYPE(it->it_seq);
        if ((t->tp_as_sequence == NULL || !t->tp_as_sequence->sq_length) &&
            (t->tp_as_mapping == NULL || !t->tp_as_mapping->mp_length)) {
            return Mp_NewRef(Mp_NotImplemented);
        }
        Mp_ssize_t n = MpObject_Length(it->it_seq);
        if (n < 0) {
            return NULL;
        }
        if (n - it->it_index >= 0) {
            return MpLong_FromSsize_t(n - it->it_index);
        }
    }
    return MpLong_FromSsize_t(0);
}

static MpMethodDef seqiter_methods[] = {
    {"__length_hint__", (void *)seqiter_length_hint, MP_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

/* The type of iter(o) for an o with only __getitem__; made ready on first
   use.  Named `iterator`, as CPython's. */
MpTypeObject MpSeqIter_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_flags = MP_TPFLAGS_HAVE_GC,
    .tp_dealloc = seqiter_dealloc,
    .tp_traverse = seqiter_traverse,
    .tp_clear = seqiter_clear,
    .tp_iter = MpObject_SelfIter,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

static MpObject *
seqiter_new(MpObject *seq)
{
    if (!MpType_HasFeature(&MpSeqIter_Type, MP_TPFLAGS_READY) &&
        MpType_Ready(&MpSeqIter_Type) < 0) {
        return NULL;
    }
    seqiterobject *it = (seqiterobject *)MpObject_New(&MpSeqIter_Type);
    if (it == NULL) {
        return NULL;
    }
    it->it_index = 0;
    it->it_seq = Mp_NewRef(seq);
    MpObject_GC_Track(it);
    return (MpObject *)it;
}

MpObject *
MpObject_GetIter(MpObject *o)
{
    MpTypeObject *t = Mp_TYPE(o);
    getiterfunc f = t->tp_iter;
    if (f == NULL) {
        if (sequence_check(o)) {
            return seqiter_new(o);
        }
        return type_error("'%.200s' object is not iterable", o);
    }
    MpObject *res = f(o);
    if (res != NULL && Mp_TYPE(res)->tp_iternext == NULL) {
        MpErr_Format(MpExc_TypeError,
                     "iter() returned non-iterator of type '%.100s'",
                     Mp_TYPE(res)->tp_name);
        Mp_DECREF(res);
        return NULL;
    }
    return res;
}

MpObject *
MpIter_Next(MpObject *iter)
{
    iternextfunc f = Mp_TYPE(iter)->tp_iternext;
    if (f == NULL) {
        return type_error("'%.200s' object is not an iterator", iter);
    }
    /* map over map over ...: next() recursing through C iterators. */
    if (MpEval_CheckCStack("") < 0) {
        return NULL;
    }
    MpObject *res = f(iter);
    if (res == NULL && MpErr_Occurred() &&
        MpErr_ExceptionMatches(MpExc_StopIteration)) {
        MpErr_Clear();
    }
    return res;
}
/* }====== */

/* {====== Calls ======
   One convention for every call (object.h): positional arguments, then
   keyword values, with kwnames naming the keyword ones.  The callable's
   type's tp_call receives them as they are. */

MpObject *
MpObject_Vectorcall(MpObject *callable, MpObject *const *args, size_t nargs,
                    MpObject *kwnames)
{
    vectorcallfunc f = Mp_TYPE(callable)->tp_call;
    if (f == NULL) {
        return type_error("'%.200s' object is not callable", callable);
    }
    /* A call of a C callable that calls the object it wraps (a property's
       getter, a method's function, a staticmethod...) recurses with no
       Python frame between: only the C stack can stop it. */
    if (MpEval_CheckCStack(" while calling a Python object") < 0) {
        return NULL;
    }
    MpObject *res = f(callable, args, nargs, kwnames);
    if (res == NULL) {
        if (!MpErr_Occurred()) {
            MpErr_Format(MpExc_SystemError,
                         "%R returned NULL without setting an exception",
                         callable);
        }
    }
#if MP_DEBUG
    else if (MpErr_Occurred()) {
        Mp_DECREF(res);
        return MpErr_Format(MpExc_SystemError,
                            "%R returned a result with an exception set",
                            callable);
    }
#endif
    return res;
}

/* Unpacks args (a tuple) and kwargs (a dict or NULL) into the vectorcall
   layout: a C array of the positional values then the keyword values, and
   a tuple of the keyword names.  The array holds its own references, so
   the callee may mutate kwargs. */
MpObject *
MpObject_Call(MpObject *callable, MpObject *args, MpObject *kwargs)
{
    if (args == NULL || !MpTuple_Check(args) ||
        (kwargs != NULL && !MpDict_Check(kwargs))) {
        return MpErr_BadInternalCall("MpObject_Call");
    }
    Mp_ssize_t nargs = MpTuple_GET_SIZE(args);
    Mp_ssize_t nkw = kwargs != NULL ? MpDict_GET_SIZE(kwargs) : 0;
    if (nkw == 0) {
        return MpObject_Vectorcall(
            callable, ((MpTupleObject *)args)->items, (size_t)nargs, NULL);
    }

    MpObject *small[8];  // most calls with **kwargs are this short
    MpObject **stack = small;
    Mp_ssize_t n = nargs + nkw;
    if (n > (Mp_ssize_t)(sizeof(small) / sizeof(small[0]))) {
        stack = malloc((size_t)n * sizeof(MpObject *));
        if (stack == NULL) {
            return MpErr_NoMemory();
        }
    }
    MpObject *res = NULL;
    MpObject *kwnames = MpTuple_New(nkw);
    if (kwnames == NULL) {
        goto done;
    }
    for (Mp_ssize_t i = 0; i < nargs; i++) {
        stack[i] = MpTuple_GET_ITEM(args, i);
    }
    Mp_ssize_t pos = 0, i = 0;
    MpObject *key, *value;
    int bad_key = 0;
    while (i < nkw && MpDict_Next(kwargs, &pos, &key, &value)) {
        if (!MpStr_Check(key)) {
            bad_key = 1;
            break;
        }
        MpTuple_SET_ITEM(kwnames, i, Mp_NewRef(key));
        stack[nargs + i] = Mp_NewRef(value);
        i++;
    }
    /* Whatever is left unfilled (a bad key) gets placeholders, so that
       the release below is uniform. */
    for (Mp_ssize_t k = i; k < nkw; k++) {
        MpTuple_SET_ITEM(kwnames, k, Mp_NewRef(Mp_None));
        stack[nargs + k] = NULL;
    }
    if (bad_key) {
        MpErr_SetString(MpExc_TypeError, "keywords must be strings");
        goto done;
    }
    res = MpObject_Vectorcall(callable, stack, (size_t)nargs, kwnames);
done:
    if (kwnames != NULL) {
        for (Mp_ssize_t k = 0; k < nkw; k++) {
            Mp_XDECREF(stack[nargs + k]);
        }
        Mp_DECREF(kwnames);
    }
    if (stack != small) {
        free(stack);
    }
    return res;
}

MpObject *
MpObject_CallNoArgs(MpObject *callable)
{
    return MpObject_Vectorcall(callable, NULL, 0, NULL);
}

MpObject *
MpObject_CallOneArg(MpObject *callable, MpObject *arg)
{
    return MpObject_Vectorcall(callable, &arg, 1, NULL);
}

MpObject *
MpObject_CallMethod(MpObject *o, const char *name, MpObject *const *args,
                    size_t nargs)
{
    MpObject *meth = MpObject_GetAttrString(o, name);
    if (meth == NULL) {
        return NULL;
    }
    MpObject *res = MpObject_Vectorcall(meth, args, nargs, NULL);
    Mp_DECREF(meth);
    return res;
}

int
MpCallable_Check(MpObject *o)
{
    return o != NULL && Mp_TYPE(o)->tp_call != NULL;
}
/* }====== */

/* {====== isinstance and issubclass ======
   Three layers, as in CPython:
     MpObject_IsInstance   exact-type fast path, tuples, and the
                           metaclass's __instancecheck__ (ABCs);
     MpObject_RealIsInstance  what type.__instancecheck__ does: the MRO,
                           plus the __class__ attribute an object may
                           fake (proxies, mocks);
     abstract_issubclass   for "classes" that are not types but have
                           __bases__. */

/* cls.__bases__ when it is a tuple (CPython's abstract_get_bases).
   Refs: NEW; NULL without an exception when absent or not a tuple. */
static MpObject *
abstract_get_bases(MpObject *cls)
{
    MpObject *bases;
    if (MpObject_LookupAttrString(cls, "__bases__", &bases) < 0) {
        return NULL;
    }
    if (bases != NULL && !MpTuple_Check(bases)) {
        Mp_CLEAR(&bases);
    }
    return bases;
}

/* 1 when cls is a class (a type, or has a __bases__ tuple); otherwise 0
   with TypeError(error) set (or another error). */
static int
check_class(MpObject *cls, const char *error)
{
    MpObject *bases = abstract_get_bases(cls);
    if (bases == NULL) {
        if (!MpErr_Occurred()) {
            MpErr_SetString(MpExc_TypeError, error);
        }
        return 0;
    }
    Mp_DECREF(bases);
    return 1;
}

/* Whether cls is derived or among its __bases__, transitively. */
static int
abstract_issubclass(MpObject *derived, MpObject *cls)
{
    MpObject *bases = NULL;
    int r = 0;
    for (;;) {
        if (derived == cls) {
            Mp_XDECREF(bases);
            return 1;
        }
        Mp_SETREF(&bases, abstract_get_bases(derived));
        if (bases == NULL) {
            return MpErr_Occurred() ? -1 : 0;
        }
        Mp_ssize_t n = MpTuple_GET_SIZE(bases);
        if (n == 0) {
            Mp_DECREF(bases);
            return 0;
        }
        if (n == 1) {
            /* A single base: loop instead of recursing (deep chains). */
            derived = MpTuple_GET_ITEM(bases, 0);
            continue;
        }
        break;
    }
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(bases); i++) {
        if (MpEval_EnterRecursive(" in __issubclass__") < 0) {
            r = -1;
            break;
        }
        r = abstract_issubclass(MpTuple_GET_ITEM(bases, i), cls);
        MpEval_LeaveRecursive();
        if (r != 0) {
            break;
        }
    }
    Mp_DECREF(bases);
    return r;
}

/* isinstance without __instancecheck__: what type.__instancecheck__ does.
   Exported for type.c.  1, 0 or -1. */
int
MpObject_RealIsInstance(MpObject *inst, MpObject *cls)
{
    MpObject *icls;
    int retval;
    if (MpType_Check(cls)) {
        if (MpType_IsSubtype(Mp_TYPE(inst), (MpTypeObject *)cls)) {
            return 1;
        }
        retval = MpObject_LookupAttrString(inst, "__class__", &icls);
        if (icls != NULL) {
            retval = icls != (MpObject *)Mp_TYPE(inst) && MpType_Check(icls)
                         ? MpType_IsSubtype((MpTypeObject *)icls,
                                            (MpTypeObject *)cls)
                         : 0;
            Mp_DECREF(icls);
        }
        return retval;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of "
                          "types, or a union")) {
        return -1;
    }
    retval = MpObject_LookupAttrString(inst, "__class__", &icls);
    if (icls != NULL) {
        retval = abstract_issubclass(icls, cls);
        Mp_DECREF(icls);
    }
    return retval;
}

/* issubclass without __subclasscheck__: what type.__subclasscheck__ does.
   Exported for type.c.  1, 0 or -1. */
int
MpObject_RealIsSubclass(MpObject *derived, MpObject *cls)
{
    if (MpType_Check(cls) && MpType_Check(derived)) {
        return MpType_IsSubtype((MpTypeObject *)derived, (MpTypeObject *)cls);
    }
    if (!check_class(derived, "issubclass() arg 1 must be a class")) {
        return -1;
    }
    if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of "
                          "classes, or a union")) {
        return -1;
    }
    return abstract_issubclass(derived, cls);
}

/* Calls checker(arg) (a bound __instancecheck__ or __subclasscheck__) and
   takes the truth of the answer.  STEALS checker. */
static int
call_checker(MpObject *checker, MpObject *arg, const char *where)
{
    if (MpEval_EnterRecursive(where) < 0) {
        Mp_DECREF(checker);
        return -1;
    }
    MpObject *res = MpObject_CallOneArg(checker, arg);
    MpEval_LeaveRecursive();
    Mp_DECREF(checker);
    if (res == NULL) {
        return -1;
    }
    int ok = MpObject_IsTrue(res);
    Mp_DECREF(res);
    return ok;
}

int
MpObject_IsInstance(MpObject *inst, MpObject *cls)
{
    if ((MpObject *)Mp_TYPE(inst) == cls) {
        return 1;
    }
    /* We know what type.__instancecheck__ does. */
    if (Mp_TYPE(cls) == &MpType_Type) {
        return MpObject_RealIsInstance(inst, cls);
    }
    if (MpUnion_Check(cls)) {
        cls = MpUnion_Args(cls);  // int | str: as (int, str)
    }
    if (MpTuple_Check(cls)) {
        /* Only a real tuple: a general sequence would open the way to
           unbounded recursion. */
        if (MpEval_EnterRecursive(" in __instancecheck__") < 0) {
            return -1;
        }
        int r = 0;
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(cls); i++) {
            r = MpObject_IsInstance(inst, MpTuple_GET_ITEM(cls, i));
            if (r != 0) {
                break;  // found it, or an error
            }
        }
        MpEval_LeaveRecursive();
        return r;
    }
    MpObject *checker = MpObject_LookupSpecial(cls, "__instancecheck__");
    if (checker != NULL) {
        return call_checker(checker, inst, " in __instancecheck__");
    }
    if (MpErr_Occurred()) {
        return -1;
    }
    return MpObject_RealIsInstance(inst, cls);
}

int
MpObject_IsSubclass(MpObject *derived, MpObject *cls)
{
    /* We know what type.__subclasscheck__ does. */
    if (Mp_TYPE(cls) == &MpType_Type) {
        if (derived == cls) {
            return 1;
        }
        return MpObject_RealIsSubclass(derived, cls);
    }
    if (MpUnion_Check(cls)) {
        cls = MpUnion_Args(cls);
    }
    if (MpTuple_Check(cls)) {
        if (MpEval_EnterRecursive(" in __subclasscheck__") < 0) {
            return -1;
        }
        int r = 0;
        for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(cls); i++) {
            r = MpObject_IsSubclass(derived, MpTuple_GET_ITEM(cls, i));
            if (r != 0) {
                break;
            }
        }
        MpEval_LeaveRecursive();
        return r;
    }
    MpObject *checker = MpObject_LookupSpecial(cls, "__subclasscheck__");
    if (checker != NULL) {
        return call_checker(checker, derived, " in __subclasscheck__");
    }
    if (MpErr_Occurred()) {
        return -1;
    }
    return MpObject_RealIsSubclass(derived, cls);
}
/* }====== */

/* {====== Binary operators ======
   A slot is named by its byte offset in MpNumberMethods, so that one
   function (binary_op1) serves every operator. */

#define NB_SLOT(name) offsetof(MpNumberMethods, name)

static inline binaryfunc
nb_binop(const MpNumberMethods *nb, size_t slot)
{
    return *(const binaryfunc *)((const char *)nb + slot);
}

static inline ternaryfunc
nb_ternop(const MpNumberMethods *nb, size_t slot)
{
    return *(const ternaryfunc *)((const char *)nb + slot);
}

/* v op w by the number slots alone: the algorithm at the top of the file.
   Returns a NEW reference to NotImplemented when every slot declines. */
static MpObject *
binary_op1(MpObject *v, MpObject *w, size_t slot)
{
    MpTypeObject *tv = Mp_TYPE(v), *tw = Mp_TYPE(w);
    binaryfunc slotv = NULL, slotw = NULL;
    MpObject *x;

    if (tv->tp_as_number != NULL) {
        slotv = nb_binop(tv->tp_as_number, slot);
    }
    if (tw != tv && tw->tp_as_number != NULL) {
        slotw = nb_binop(tw->tp_as_number, slot);
        if (slotw == slotv) {
            slotw = NULL;  // the same function: calling it once is enough
        }
    }
    if (slotv != NULL) {
        if (slotw != NULL && MpType_IsSubtype(tw, tv)) {
            x = slotw(v, w);
            if (x != Mp_NotImplemented) {
                return x;
            }
            Mp_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != Mp_NotImplemented) {
            return x;
        }
        Mp_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w);
        if (x != Mp_NotImplemented) {
            return x;
        }
        Mp_DECREF(x);
    }
    return Mp_NewRef(Mp_NotImplemented);
}

static MpObject *
binop_type_error(MpObject *v, MpObject *w, const char *op_name)
{
    return MpErr_Format(MpExc_TypeError,
                        "unsupported operand type(s) for %.100s: "
                        "'%.100s' and '%.100s'",
                        op_name, Mp_TYPE(v)->tp_name, Mp_TYPE(w)->tp_name);
}

/* Whether v is the built-in print, for the hint CPython gives to
   Python 2's `print >> f, x`.  Only reached on the error path. */
static int
is_builtin_print(MpObject *v)
{
    if (strcmp(Mp_TYPE(v)->tp_name, "builtin_function_or_method") != 0) {
        return 0;
    }
    MpObject *name = MpObject_GetAttrString(v, "__name__");
    if (name == NULL) {
        MpErr_Clear();
        return 0;
    }
    int res = MpStr_Check(name) && MpStr_CompareWithASCII(name, "print") == 0;
    Mp_DECREF(name);
    return res;
}

static MpObject *
binary_op(MpObject *v, MpObject *w, size_t slot, const char *op_name)
{
    MpObject *res = binary_op1(v, w, slot);
    if (res != Mp_NotImplemented) {
        return res;
    }
    Mp_DECREF(res);
    if (slot == NB_SLOT(nb_rshift) && is_builtin_print(v)) {
        return MpErr_Format(MpExc_TypeError,
                            "unsupported operand type(s) for %.100s: "
                            "'%.100s' and '%.100s'. Did you mean "
                            "\"print(<message>, file=<output_stream>)\"?",
                            op_name, Mp_TYPE(v)->tp_name,
                            Mp_TYPE(w)->tp_name);
    }
    return binop_type_error(v, w, op_name);
}

/* The three-operand protocol of pow(v, w, z): v's slot, w's, then z's.
   z is None for the two-operand form (and for `**`). */
static MpObject *
ternary_op(MpObject *v, MpObject *w, MpObject *z, size_t slot,
           const char *op_name)
{
    MpNumberMethods *mv = Mp_TYPE(v)->tp_as_number;
    MpNumberMethods *mw = Mp_TYPE(w)->tp_as_number;
    ternaryfunc slotv = NULL, slotw = NULL, slotz = NULL;
    MpObject *x;

    if (mv != NULL) {
        slotv = nb_ternop(mv, slot);
    }
    if (Mp_TYPE(w) != Mp_TYPE(v) && mw != NULL) {
        slotw = nb_ternop(mw, slot);
        if (slotw == slotv) {
            slotw = NULL;
        }
    }
    if (slotv != NULL) {
        if (slotw != NULL && MpType_IsSubtype(Mp_TYPE(w), Mp_TYPE(v))) {
            x = slotw(v, w, z);
            if (x != Mp_NotImplemented) {
                return x;
            }
            Mp_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != Mp_NotImplemented) {
            return x;
        }
        Mp_DECREF(x);
    }
    if (slotw != NULL) {
        x = slotw(v, w, z);
        if (x != Mp_NotImplemented) {
            return x;
        }
        Mp_DECREF(x);
    }
    MpNumberMethods *mz = Mp_TYPE(z)->tp_as_number;
    if (mz != NULL) {
        slotz = nb_ternop(mz, slot);
        if (slotz == slotv || slotz == slotw) {
            slotz = NULL;
        }
        if (slotz != NULL) {
            x = slotz(v, w, z);
            if (x != Mp_NotImplemented) {
                return x;
            }
            Mp_DECREF(x);
        }
    }
    if (z == Mp_None) {
        return binop_type_error(v, w, op_name);
    }
    return MpErr_Format(MpExc_TypeError,
                        "unsupported operand type(s) for %.100s: "
                        "'%.100s', '%.100s', '%.100s'",
                        op_name, Mp_TYPE(v)->tp_name, Mp_TYPE(w)->tp_name,
                        Mp_TYPE(z)->tp_name);
}

/* seq * n through a repeat slot; n must have __index__. */
static MpObject *
sequence_repeat(ssizeargfunc repeat, MpObject *seq, MpObject *n)
{
    if (!index_check(n)) {
        return type_error("can't multiply sequence by non-int of type "
                          "'%.200s'",
                          n);
    }
    Mp_ssize_t count = MpNumber_AsSsize_t(n, MpExc_OverflowError);
    if (count == -1 && MpErr_Occurred()) {
        return NULL;
    }
    return repeat(seq, count);
}

MpObject *
MpNumber_Add(MpObject *a, MpObject *b)
{
    MpObject *res = binary_op1(a, b, NB_SLOT(nb_add));
    if (res != Mp_NotImplemented) {
        return res;
    }
    Mp_DECREF(res);
    MpSequenceMethods *sq = Mp_TYPE(a)->tp_as_sequence;
    if (sq != NULL && sq->sq_concat != NULL) {
        return sq->sq_concat(a, b);
    }
    return binop_type_error(a, b, "+");
}

MpObject *
MpNumber_Multiply(MpObject *a, MpObject *b)
{
    MpObject *res = binary_op1(a, b, NB_SLOT(nb_multiply));
    if (res != Mp_NotImplemented) {
        return res;
    }
    Mp_DECREF(res);
    MpSequenceMethods *sa = Mp_TYPE(a)->tp_as_sequence;
    MpSequenceMethods *sb = Mp_TYPE(b)->tp_as_sequence;
    if (sa != NULL && sa->sq_repeat != NULL) {
        return sequence_repeat(sa->sq_repeat, a, b);
    }
    if (sb != NULL && sb->sq_repeat != NULL) {
        return sequence_repeat(sb->sq_repeat, b, a);
    }
    return binop_type_error(a, b, "*");
}

MpObject *
MpNumber_Subtract(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_subtract), "-");
}

MpObject *
MpNumber_MatrixMultiply(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_matrix_multiply), "@");
}

MpObject *
MpNumber_TrueDivide(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_true_divide), "/");
}

MpObject *
MpNumber_FloorDivide(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_floor_divide), "//");
}

MpObject *
MpNumber_Remainder(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_remainder), "%");
}

MpObject *
MpNumber_Divmod(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_divmod), "divmod()");
}

/* mod NULL means None: a ** b. */
MpObject *
MpNumber_Power(MpObject *a, MpObject *b, MpObject *mod)
{
    return ternary_op(a, b, mod != NULL ? mod : Mp_None, NB_SLOT(nb_power),
                      "** or pow()");
}

MpObject *
MpNumber_Lshift(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_lshift), "<<");
}

MpObject *
MpNumber_Rshift(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_rshift), ">>");
}

MpObject *
MpNumber_And(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_and), "&");
}

MpObject *
MpNumber_Or(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_or), "|");
}

MpObject *
MpNumber_Xor(MpObject *a, MpObject *b)
{
    return binary_op(a, b, NB_SLOT(nb_xor), "^");
}
/* }====== */

/* {====== In-place operators and BINARY_OP ======
   One table, indexed by MpBinOp (CPython's NB_* order), gives each
   operator's slots and the names its error messages use. */

typedef struct {
    size_t slot, islot;
    const char *name, *iname;
} binop_info;

static const binop_info binops[MP_BINOP_INPLACE] = {
    [MP_BINOP_ADD] = {NB_SLOT(nb_add), NB_SLOT(nb_inplace_add), "+", "+="},
    [MP_BINOP_AND] = {NB_SLOT(nb_and), NB_SLOT(nb_inplace_and), "&", "&="},
    [MP_BINOP_FLOOR_DIVIDE] = {NB_SLOT(nb_floor_divide),
                               NB_SLOT(nb_inplace_floor_divide), "//",
                               "//="},
    [MP_BINOP_LSHIFT] = {NB_SLOT(nb_lshift), NB_SLOT(nb_inplace_lshift),
                         "<<", "<<="},
    [MP_BINOP_MATRIX_MULTIPLY] = {NB_SLOT(nb_matrix_multiply),
                                  NB_SLOT(nb_inplace_matrix_multiply), "@",
                                  "@="},
    [MP_BINOP_MULTIPLY] = {NB_SLOT(nb_multiply),
                           NB_SLOT(nb_inplace_multiply), "*", "*="},
    [MP_BINOP_REMAINDER] = {NB_SLOT(nb_remainder),
                            NB_SLOT(nb_inplace_remainder), "%", "%="},
    [MP_BINOP_OR] = {NB_SLOT(nb_or), NB_SLOT(nb_inplace_or), "|", "|="},
    [MP_BINOP_POWER] = {NB_SLOT(nb_power), NB_SLOT(nb_inplace_power),
                        "** or pow()", "**="},
    [MP_BINOP_RSHIFT] = {NB_SLOT(nb_rshift), NB_SLOT(nb_inplace_rshift),
                         ">>", ">>="},
    [MP_BINOP_SUBTRACT] = {NB_SLOT(nb_subtract),
                           NB_SLOT(nb_inplace_subtract), "-", "-="},
    [MP_BINOP_TRUE_DIVIDE] = {NB_SLOT(nb_true_divide),
                              NB_SLOT(nb_inplace_true_divide), "/", "/="},
    [MP_BINOP_XOR] = {NB_SLOT(nb_xor), NB_SLOT(nb_inplace_xor), "^", "^="},
};

/* v op= w by the number slots: v's in-place slot, then binary_op1.
   NEW reference to NotImplemented when all decline. */
static MpObject *
binary_iop1(MpObject *v, MpObject *w, const binop_info *info)
{
    MpNumberMethods *nb = Mp_TYPE(v)->tp_as_number;
    if (nb != NULL) {
        binaryfunc f = nb_binop(nb, info->islot);
        if (f != NULL) {
            MpObject *x = f(v, w);
            if (x != Mp_NotImplemented) {
                return x;
            }
            Mp_DECREF(x);
        }
    }
    return binary_op1(v, w, info->slot);
}

static MpObject *
inplace_add(MpObject *v, MpObject *w)
{
    MpObject *res = binary_iop1(v, w, &binops[MP_BINOP_ADD]);
    if (res != Mp_NotImplemented) {
        return res;
    }
    Mp_DECREF(res);
    MpSequenceMethods *sq = Mp_TYPE(v)->tp_as_sequence;
    if (sq != NULL) {
        binaryfunc f =
            sq->sq_inplace_concat != NULL ? sq->sq_inplace_concat
                                          : sq->sq_concat;
        if (f != NULL) {
            return f(v, w);
        }
    }
    return binop_type_error(v, w, "+=");
}

static MpObject *
inplace_multiply(MpObject *v, MpObject *w)
{
    MpObject *res = binary_iop1(v, w, &binops[MP_BINOP_MULTIPLY]);
    if (res != Mp_NotImplemented) {
        return res;
    }
    Mp_DECREF(res);
    MpSequenceMethods *sv = Mp_TYPE(v)->tp_as_sequence;
    MpSequenceMethods *sw = Mp_TYPE(w)->tp_as_sequence;
    if (sv != NULL) {
        ssizeargfunc f = sv->sq_inplace_repeat != NULL
                             ? sv->sq_inplace_repeat
                             : sv->sq_repeat;
        if (f != NULL) {
            return sequence_repeat(f, v, w);
        }
    }
    else if (sw != NULL && sw->sq_repeat != NULL) {
        /* n *= seq: the right operand is not mutated, so no in-place
           repeat.  (As CPython: only when v is no sequence at all.) */
        return sequence_repeat(sw->sq_repeat, w, v);
    }
    return binop_type_error(v, w, "*=");
}

static MpObject *
inplace_power(MpObject *v, MpObject *w)
{
    MpNumberMethods *nb = Mp_TYPE(v)->tp_as_number;
    if (nb != NULL && nb->nb_inplace_power != NULL) {
        MpObject *x = nb->nb_inplace_power(v, w, Mp_None);
        if (x != Mp_NotImplemented) {
            return x;
        }
        Mp_DECREF(x);
    }
    return ternary_op(v, w, Mp_None, NB_SLOT(nb_power), "**=");
}

MpObject *
MpNumber_InPlaceOp(MpObject *a, MpObject *b, int binop)
{
    if (binop >= MP_BINOP_INPLACE) {
        binop -= MP_BINOP_INPLACE;
    }
    if (binop < 0 || binop >= MP_BINOP_INPLACE) {
        return MpErr_BadInternalCall("MpNumber_InPlaceOp");
    }
    switch (binop) {
    case MP_BINOP_ADD:
        return inplace_add(a, b);
    case MP_BINOP_MULTIPLY:
        return inplace_multiply(a, b);
    case MP_BINOP_POWER:
        return inplace_power(a, b);
    default: {
        const binop_info *info = &binops[binop];
        MpObject *res = binary_iop1(a, b, info);
        if (res == Mp_NotImplemented) {
            Mp_DECREF(res);
            return binop_type_error(a, b, info->iname);
        }
        return res;
    }
    }
}

MpObject *
MpNumber_BinaryOp(MpObject *a, MpObject *b, int binop)
{
    switch (binop) {
    case MP_BINOP_ADD:
        return MpNumber_Add(a, b);
    case MP_BINOP_MULTIPLY:
        return MpNumber_Multiply(a, b);
    case MP_BINOP_POWER:
        return MpNumber_Power(a, b, Mp_None);
    default:
        if (binop >= 0 && binop < MP_BINOP_INPLACE) {
            return binary_op(a, b, binops[binop].slot, binops[binop].name);
        }
        return MpNumber_InPlaceOp(a, b, binop);
    }
}
/* }====== */

/* {====== Unary operators ====== */

static MpObject *
unary_op(MpObject *o, size_t slot, const char *what)
{
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    if (nb != NULL) {
        unaryfunc f = *(const unaryfunc *)((const char *)nb + slot);
        if (f != NULL) {
            return f(o);
        }
    }
    return MpErr_Format(MpExc_TypeError, "bad operand type for %s: '%.200s'",
                        what, Mp_TYPE(o)->tp_name);
}

MpObject *
MpNumber_Negative(MpObject *o)
{
    return unary_op(o, NB_SLOT(nb_negative), "unary -");
}

MpObject *
MpNumber_Positive(MpObject *o)
{
    return unary_op(o, NB_SLOT(nb_positive), "unary +");
}

MpObject *
MpNumber_Invert(MpObject *o)
{
    return unary_op(o, NB_SLOT(nb_invert), "unary ~");
}

MpObject *
MpNumber_Absolute(MpObject *o)
{
    return unary_op(o, NB_SLOT(nb_absolute), "abs()");
}
/* }====== */

/* {====== Conversions: __index__, int(), float() ====== */

/* o.__index__(), which may be an instance of an int subclass (CPython's
   _PyNumber_Index).  Refs: NEW. */
static MpObject *
number_index(MpObject *o)
{
    if (MpLong_Check(o)) {
        return Mp_NewRef(o);
    }
    if (!index_check(o)) {
        return type_error("'%.200s' object cannot be interpreted as an "
                          "integer",
                          o);
    }
    MpObject *res = Mp_TYPE(o)->tp_as_number->nb_index(o);
    if (res == NULL || MpLong_CheckExact(res)) {
        return res;
    }
    if (!MpLong_Check(res)) {
        MpErr_Format(MpExc_TypeError,
                     "__index__ returned non-int (type %.200s)",
                     Mp_TYPE(res)->tp_name);
        Mp_DECREF(res);
        return NULL;
    }
    /* CPython also warns (DeprecationWarning) that returning an int
       subclass is deprecated; minipy has no warnings machinery here. */
    return res;
}

/* operator.index(o): always an exact int. */
MpObject *
MpNumber_Index(MpObject *o)
{
    MpObject *res = number_index(o);
    if (res != NULL && !MpLong_CheckExact(res)) {
        Mp_SETREF(&res, long_copy_exact(res));
    }
    return res;
}

Mp_ssize_t
MpNumber_AsSsize_t(MpObject *o, MpObject *exc)
{
    int64_t small;
    if (MpLong_AsSmall(o, &small)) {
#if PTRDIFF_MAX >= INT64_MAX
        return (Mp_ssize_t)small;
#else
        if (small >= PTRDIFF_MIN && small <= PTRDIFF_MAX) {
            return (Mp_ssize_t)small;
        }
#endif
    }
    MpObject *value = number_index(o);
    if (value == NULL) {
        return -1;
    }
    Mp_ssize_t res = MpLong_AsSsize_t(value);
    if (res == -1) {
        MpObject *err = MpErr_Occurred();
        if (err != NULL &&
            MpErr_GivenExceptionMatches(err, MpExc_OverflowError)) {
            MpErr_Clear();
            if (exc == NULL) {
                /* Clip to the nearest end, as CPython does. */
                res = MpLong_Sign(value) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
            }
            else {
                MpErr_Format(exc,
                             "cannot fit '%.200s' into an index-sized "
                             "integer",
                             Mp_TYPE(o)->tp_name);
            }
        }
    }
    Mp_DECREF(value);
    return res;
}

/* Appends the repr of the bytes data[0:n] (b'...', quoted as CPython's
   bytes_repr: single quotes unless the data has ' and no "). */
static void
put_bytes_repr(MpStrBuf *b, const unsigned char *data, Mp_ssize_t n)
{
    char quote = '\'';
    if (memchr(data, '\'', (size_t)n) && !memchr(data, '"', (size_t)n)) {
        quote = '"';
    }
    MpStrBuf_Putc(b, 'b');
    MpStrBuf_Putc(b, quote);
    for (Mp_ssize_t i = 0; i < n; i++) {
        unsigned char c = data[i];
        if (c == quote || c == '\\') {
            MpStrBuf_Putc(b, '\\');
            MpStrBuf_Putc(b, (char)c);
        }
        else if (c == '\t') {
            MpStrBuf_Puts(b, "\\t");
        }
        else if (c == '\n') {
            MpStrBuf_Puts(b, "\\n");
        }
        else if (c == '\r') {
            MpStrBuf_Puts(b, "\\r");
        }
        else if (c < ' ' || c >= 0x7f) {
            MpStrBuf_Printf(b, "\\x%02x", c);
        }
        else {
            MpStrBuf_Putc(b, (char)c);
        }
    }
    MpStrBuf_Putc(b, quote);
}

/* int() of the bytes data[0:n] in base 10.  ValueError names the data as
   a bytes repr, as CPython's _PyLong_FromBytes does for bytes, bytearray
   and buffers alike. */
static MpObject *
long_from_bytes(const char *data, Mp_ssize_t n)
{
    MpObject *res = MpLong_FromString(data, n, 10);
    if (res != NULL || !MpErr_ExceptionMatches(MpExc_ValueError)) {
        return res;
    }
    MpErr_Clear();
    MpStrBuf b = {0};
    put_bytes_repr(&b, (const unsigned char *)data, n);
    if (b.failed) {
        MpStrBuf_Clear(&b);
        return MpErr_NoMemory();
    }
    MpErr_Format(MpExc_ValueError,
                 "invalid literal for int() with base 10: %s", b.data);
    MpStrBuf_Clear(&b);
    return NULL;
}

/* The buffer of a bytes-like object, or 0 when o exports none. */
static int
get_buffer(MpObject *o, MpBuffer *view)
{
    MpBufferProcs *bp = Mp_TYPE(o)->tp_as_buffer;
    if (bp == NULL || bp->bf_getbuffer == NULL) {
        return 0;
    }
    memset(view, 0, sizeof(*view));
    return bp->bf_getbuffer(o, view, 0) < 0 ? -1 : 1;  // 0: PyBUF_SIMPLE
}

static void
release_buffer(MpBuffer *view)
{
    MpObject *obj = view->obj;
    if (obj != NULL) {
        MpBufferProcs *bp = Mp_TYPE(obj)->tp_as_buffer;
        if (bp->bf_releasebuffer != NULL) {
            bp->bf_releasebuffer(obj, view);
        }
        view->obj = NULL;
        Mp_DECREF(obj);
    }
}

/* int(o) of one argument: __int__, __index__, __trunc__, then parsing a
   str or bytes-like object in base 10. */
MpObject *
MpNumber_Long(MpObject *o)
{
    if (MpLong_CheckExact(o)) {
        return Mp_NewRef(o);
    }
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {  // int subclasses too
        MpObject *res = nb->nb_int(o);
        if (res == NULL || MpLong_CheckExact(res)) {
            return res;
        }
        if (!MpLong_Check(res)) {
            MpErr_Format(MpExc_TypeError,
                         "__int__ returned non-int (type %.200s)",
                         Mp_TYPE(res)->tp_name);
            Mp_DECREF(res);
            return NULL;
        }
        Mp_SETREF(&res, long_copy_exact(res));  // (CPython also warns)
        return res;
    }
    if (nb != NULL && nb->nb_index != NULL) {
        return MpNumber_Index(o);
    }
    MpObject *trunc = MpObject_LookupSpecial(o, "__trunc__");
    if (trunc != NULL) {
        /* CPython 3.11 warns "The delegation of int() to __trunc__ is
           deprecated." (DeprecationWarning) here. */
        MpObject *res = MpObject_CallNoArgs(trunc);
        Mp_DECREF(trunc);
        if (res == NULL || MpLong_CheckExact(res)) {
            return res;
        }
        if (MpLong_Check(res)) {
            Mp_SETREF(&res, long_copy_exact(res));
            return res;
        }
        if (!index_check(res)) {
            MpErr_Format(MpExc_TypeError,
                         "__trunc__ returned non-Integral (type %.200s)",
                         Mp_TYPE(res)->tp_name);
            Mp_DECREF(res);
            return NULL;
        }
        Mp_SETREF(&res, MpNumber_Index(res));
        return res;
    }
    if (MpErr_Occurred()) {
        return NULL;
    }
    if (MpStr_Check(o)) {
        Mp_ssize_t len;
        const char *s = MpStr_AsUTF8AndSize(o, &len);
        if (s == NULL) {
            return NULL;
        }
        return MpLong_FromString(s, len, 10);
    }
    MpBuffer view;
    int got = get_buffer(o, &view);
    if (got < 0) {
        return NULL;
    }
    if (got > 0) {
        MpObject *res = long_from_bytes(view.buf, view.len);
        release_buffer(&view);
        return res;
    }
    return type_error("int() argument must be a string, a bytes-like "
                      "object or a real number, not '%.200s'",
                      o);
}

static int
ascii_isspace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int
ascii_isdigit(char c)
{
    return c >= '0' && c <= '9';
}

/* Parses s[0:n] (ASCII; modified in place) as float() does: white space
   around, an optional sign, then "inf", "infinity" or "nan" in any case,
   or a decimal literal (digits, optional fraction, optional exponent; at
   least one digit), with single underscores allowed between digits.
   Returns 0 and *out, or -1 (no exception set) when s is no float. */
static int
parse_float(char *s, Mp_ssize_t n, double *out)
{
    /* Underscores: only between two digits (CPython's
       _Py_string_to_number_with_underscores); then drop them. */
    if (memchr(s, '_', (size_t)n) != NULL) {
        Mp_ssize_t k = 0;
        char prev = '\0';
        for (Mp_ssize_t i = 0; i < n; i++) {
            char c = s[i];
            if (c == '_') {
                if (!ascii_isdigit(prev)) {
                    return -1;
                }
            }
            else {
                if (prev == '_' && !ascii_isdigit(c)) {
                    return -1;
                }
                s[k++] = c;
            }
            prev = c;
        }
        if (prev == '_') {
            return -1;
        }
        n = k;
    }
    while (n > 0 && ascii_isspace(*s)) {
        s++;
        n--;
    }
    while (n > 0 && ascii_isspace(s[n - 1])) {
        n--;
    }
    Mp_ssize_t i = 0;
    int negative = 0;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        negative = s[i] == '-';
        i++;
    }
    const char *word = s + i;
    Mp_ssize_t wlen = n - i;
    if ((wlen == 3 && strncasecmp(word, "inf", 3) == 0) ||
        (wlen == 8 && strncasecmp(word, "infinity", 8) == 0)) {
        *out = negative ? -HUGE_VAL : HUGE_VAL;
        return 0;
    }
    if (wlen == 3 && strncasecmp(word, "nan", 3) == 0) {
        *out = negative ? -NAN : NAN;
        return 0;
    }
    /* digits [. digits] [e [sign] digits], at least one mantissa digit */
    Mp_ssize_t digits = 0;
    while (i < n && ascii_isdigit(s[i])) {
        i++, digits++;
    }
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && ascii_isdigit(s[i])) {
            i++, digits++;
        }
    }
    if (digits == 0) {
        return -1;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        if (i == n || !ascii_isdigit(s[i])) {
            return -1;
        }
        while (i < n && ascii_isdigit(s[i])) {
            i++;
        }
    }
    if (i != n) {
        return -1;
    }
    /* The text is now known to be a plain decimal literal, which strtod
       reads exactly (correctly rounded); overflow gives +-inf and
       underflow 0, as CPython's float() does.  strtod needs a NUL. */
    char small[64];
    char *buf = n < (Mp_ssize_t)sizeof(small) ? small : malloc((size_t)n + 1);
    if (buf == NULL) {
        return -2;
    }
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    *out = strtod(buf, NULL);
    if (buf != small) {
        free(buf);
    }
    return 0;
}

/* float(o) for a str or bytes-like o (CPython's PyFloat_FromString). */
static MpObject *
float_from_string(MpObject *o)
{
    char *text;
    Mp_ssize_t n;
    MpBuffer view = {0};
    if (MpStr_Check(o)) {
        /* Non-ASCII white space becomes ' ' and decimal digits of other
           scripts their ASCII digit; anything else non-ASCII ends the
           text as an invalid character. */
        n = MpStr_GET_LENGTH(o);
        text = malloc((size_t)n + 1);
        if (text == NULL) {
            return MpErr_NoMemory();
        }
        for (Mp_ssize_t i = 0; i < n; i++) {
            uint32_t c = MpStr_READ(o, i);
            int d;
            if (c < 127) {
                text[i] = (char)c;
            }
            else if (MpUnicode_IsSpace(c)) {
                text[i] = ' ';
            }
            else if ((d = MpUnicode_DecimalValue(c)) >= 0) {
                text[i] = (char)('0' + d);
            }
            else {
                text[i] = '?';
            }
        }
    }
    else {
        int got = get_buffer(o, &view);
        if (got < 0) {
            return NULL;
        }
        if (got == 0) {
            return type_error("float() argument must be a string or a real "
                              "number, not '%.200s'",
                              o);
        }
        n = view.len;
        text = malloc((size_t)n + 1);
        if (text == NULL) {
            release_buffer(&view);
            return MpErr_NoMemory();
        }
        memcpy(text, view.buf, (size_t)n);
        release_buffer(&view);
    }
    /* An embedded NUL (or a '?' from above) makes the text invalid. */
    double x;
    int rc = memchr(text, '\0', (size_t)n) != NULL ? -1
                                                    : parse_float(text, n, &x);
    free(text);
    if (rc == -2) {
        return MpErr_NoMemory();
    }
    if (rc < 0) {
        return MpErr_Format(MpExc_ValueError,
                            "could not convert string to float: %R", o);
    }
    return MpFloat_FromDouble(x);
}

/* float(o) of one argument: __float__, __index__, then parsing. */
MpObject *
MpNumber_Float(MpObject *o)
{
    if (MpFloat_CheckExact(o)) {
        return Mp_NewRef(o);
    }
    MpNumberMethods *nb = Mp_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {  // float subclasses too
        MpObject *res = nb->nb_float(o);
        if (res == NULL || MpFloat_CheckExact(res)) {
            return res;
        }
        if (!MpFloat_Check(res)) {
            MpErr_Format(MpExc_TypeError,
                         "%.50s.__float__ returned non-float (type %.50s)",
                         Mp_TYPE(o)->tp_name, Mp_TYPE(res)->tp_name);
            Mp_DECREF(res);
            return NULL;
        }
        /* (CPython also warns: a float subclass is deprecated here.) */
        double v = MpFloat_AS_DOUBLE(res);
        Mp_DECREF(res);
        return MpFloat_FromDouble(v);
    }
    if (nb != NULL && nb->nb_index != NULL) {
        MpObject *i = number_index(o);
        if (i == NULL) {
            return NULL;
        }
        double v = MpLong_AsDouble(i);
        Mp_DECREF(i);
        if (v == -1.0 && MpErr_Occurred()) {
            return NULL;
        }
        return MpFloat_FromDouble(v);
    }
    if (MpFloat_Check(o)) {  // a float subclass with nb_float NULL
        return MpFloat_FromDouble(MpFloat_AS_DOUBLE(o));
    }
    return float_from_string(o);
}
/* }====== */

/* {====== format() ====== */

MpObject *
MpObject_Format(MpObject *o, MpObject *spec)
{
    if (spec != NULL && !MpStr_Check(spec)) {
        return MpErr_Format(MpExc_TypeError,
                            "format() argument 2 must be str, not %B",
                            spec);
    }
    if ((spec == NULL || MpStr_GET_LENGTH(spec) == 0) &&
        MpStr_CheckExact(o)) {
        return Mp_NewRef(o);  // the common f"{s}"
    }
    static MpStrIdentifier id_format = MP_STR_IDENTIFIER("__format__");
    MpObject *name = MpStr_FromIdentifier(&id_format);
    if (name == NULL) {
        return NULL;
    }
    MpObject *meth = MpType_Lookup(Mp_TYPE(o), name);
    if (meth == NULL) {
        return MpErr_Format(MpExc_TypeError,
                            "Type %s doesn't define __format__",
                            MpType_Name(Mp_TYPE(o)));
    }
    MpObject *empty = spec ? NULL : MpStr_FromString("");
    MpObject *args[2] = {o, spec ? spec : empty};
    MpObject *r = NULL;
    if (args[1] != NULL) {
        Mp_INCREF(meth);
        descrgetfunc get = Mp_TYPE(meth)->tp_descr_get;
        if (get != NULL) {
            MpObject *bound = get(meth, o, (MpObject *)Mp_TYPE(o));
            r = bound ? MpObject_Vectorcall(bound, args + 1, 1, NULL) : NULL;
            Mp_XDECREF(bound);
        }
        else {
            r = MpObject_Vectorcall(meth, args, 2, NULL);
        }
        Mp_DECREF(meth);
    }
    Mp_XDECREF(empty);
    if (r != NULL && !MpStr_Check(r)) {
        MpErr_Format(MpExc_TypeError, "__format__ must return a str, not %s",
                     MpType_Name(Mp_TYPE(r)));
        Mp_DECREF(r);
        return NULL;
    }
    return r;
}
/* }====== */

/* {====== Three-way results ====== */

MpObject *
MpRichCompare_FromCmp(int c, int op)
{
    int r;
    switch (op) {
    case Mp_LT:
        r = c < 0;
        break;
    case Mp_LE:
        r = c <= 0;
        break;
    case Mp_EQ:
        r = c == 0;
        break;
    case Mp_NE:
        r = c != 0;
        break;
    case Mp_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return MpBool_FromLong(r);
}
/* }====== */

MpObject *
MpObject_SelfIter(MpObject *o)
{
    return Mp_NewRef(o);
}
