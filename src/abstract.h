/* abstract.h — what any object can be asked to do, whatever its type.

   These functions are the only way C code (the VM, the built-in types, the
   modules) operates on an object it does not know: each looks at the
   object's type slots and falls back as Python's data model says (the
   reflected operand of a binary operator, __len__ for truth, identity for
   ==).  They are implemented in abstract.c; the attribute machinery in
   objects/type.c.

   CPython counterpart: Objects/abstract.c, Objects/object.c. */
#ifndef MP_ABSTRACT_H
#define MP_ABSTRACT_H

#include "object.h"

/* repr(o), str(o), ascii(o).  Refs: NEW; NULL on error. */
MpObject *MpObject_Repr(MpObject *o);
MpObject *MpObject_Str(MpObject *o);
MpObject *MpObject_ASCII(MpObject *o);

/* format(o, spec): type(o).__format__(o, spec), which must return a str.
   spec may be NULL, meaning "".  Refs: NEW. */
MpObject *MpObject_Format(MpObject *o, MpObject *spec);

/* hash(o); -1 with TypeError for unhashable objects. */
Mp_hash_t MpObject_Hash(MpObject *o);
Mp_hash_t MpObject_HashNotImplemented(MpObject *o);

/* type(o).name bound to o -- the lookup of special methods, which skips
   the instance's own attributes (CPython's _PyObject_LookupSpecial).
   Refs: NEW; NULL without an exception when the type has no such
   attribute, NULL with one when binding failed. */
MpObject *MpObject_LookupSpecial(MpObject *o, const char *name);

/* The rich comparison `a op b` (op is Mp_LT ...).  Refs: NEW. */
MpObject *MpObject_RichCompare(MpObject *a, MpObject *b, int op);
/* The same as a truth value: 1, 0, or -1 on error.  For Mp_EQ and Mp_NE,
   identity decides first (a is b means equal), as containers do. */
int MpObject_RichCompareBool(MpObject *a, MpObject *b, int op);

/* The answer to `a op b` (op is Mp_LT ...) when comparing a and b gave c:
   negative, zero or positive, as from memcmp.  Refs: NEW (True/False). */
MpObject *MpRichCompare_FromCmp(int c, int op);

/* bool(o): 1, 0, or -1 on error. */
int MpObject_IsTrue(MpObject *o);
int MpObject_Not(MpObject *o);

/* Attributes.  name is a str.  Refs: NEW (GetAttr). */
MpObject *MpObject_GetAttr(MpObject *o, MpObject *name);
MpObject *MpObject_GetAttrString(MpObject *o, const char *name);
/* Like GetAttr, but a missing attribute is not an error: returns 0 and
   sets *result to NULL; 1 when found; -1 on another error. */
int MpObject_LookupAttr(MpObject *o, MpObject *name, MpObject **result);
/* The same with a C string name (interned on each call).  Refs: as
   MpObject_LookupAttr. */
int MpObject_LookupAttrString(MpObject *o, const char *name,
                              MpObject **result);
int MpObject_SetAttr(MpObject *o, MpObject *name, MpObject *value);
int MpObject_SetAttrString(MpObject *o, const char *name, MpObject *value);
int MpObject_DelAttr(MpObject *o, MpObject *name);
int MpObject_HasAttr(MpObject *o, MpObject *name);

/* The default attribute protocol (object.__getattribute__ and
   object.__setattr__): data descriptors on the type, then the instance
   dict, then other class attributes.  Refs: NEW. */
MpObject *MpObject_GenericGetAttr(MpObject *o, MpObject *name);
int MpObject_GenericSetAttr(MpObject *o, MpObject *name, MpObject *value);

/* o[key], o[key] = value, del o[key].  Refs: NEW (GetItem). */
MpObject *MpObject_GetItem(MpObject *o, MpObject *key);
int MpObject_SetItem(MpObject *o, MpObject *key, MpObject *value);
int MpObject_DelItem(MpObject *o, MpObject *key);

/* len(o); -1 on error. */
Mp_ssize_t MpObject_Length(MpObject *o);
/* `value in container`: 1, 0, -1 on error. */
int MpSequence_Contains(MpObject *container, MpObject *value);

/* iter(o), and one step of an iterator: the next value, or NULL with no
   exception set when exhausted (StopIteration is swallowed), or NULL with
   an exception set on error.  Refs: NEW. */
MpObject *MpObject_GetIter(MpObject *o);
/* The tp_iter of every iterator: an iterator is its own iterator.
   Refs: NEW (o itself). */
MpObject *MpObject_SelfIter(MpObject *o);
MpObject *MpIter_Next(MpObject *iter);

/* Calls callable with the vectorcall convention (object.h).
   Refs: NEW; args BORROWED. */
MpObject *MpObject_Vectorcall(MpObject *callable, MpObject *const *args,
                              size_t nargs, MpObject *kwnames);
/* callable(*args, **kwargs) with a tuple and a dict (or NULL).  Refs: NEW. */
MpObject *MpObject_Call(MpObject *callable, MpObject *args, MpObject *kwargs);
/* callable(), callable(arg), o.name(args...).  Refs: NEW. */
MpObject *MpObject_CallNoArgs(MpObject *callable);
MpObject *MpObject_CallOneArg(MpObject *callable, MpObject *arg);
MpObject *MpObject_CallMethod(MpObject *o, const char *name,
                              MpObject *const *args, size_t nargs);
int MpCallable_Check(MpObject *o);

/* isinstance / issubclass with __instancecheck__ / __subclasscheck__:
   1, 0, or -1 on error. */
int MpObject_IsInstance(MpObject *inst, MpObject *cls);
int MpObject_IsSubclass(MpObject *derived, MpObject *cls);
/* The checks without the __instancecheck__/__subclasscheck__ hooks: what
   type.__instancecheck__ and type.__subclasscheck__ do. */
int MpObject_RealIsInstance(MpObject *inst, MpObject *cls);
int MpObject_RealIsSubclass(MpObject *derived, MpObject *cls);

/* {====== Numbers ======
   The binary operators try a.__op__(b), then b.__rop__(a) (first when b's
   type is a subclass of a's), and raise "unsupported operand type(s) for
   +: 'int' and 'str'" when both say NotImplemented.  Refs: NEW. */
MpObject *MpNumber_Add(MpObject *a, MpObject *b);
MpObject *MpNumber_Subtract(MpObject *a, MpObject *b);
MpObject *MpNumber_Multiply(MpObject *a, MpObject *b);
MpObject *MpNumber_MatrixMultiply(MpObject *a, MpObject *b);
MpObject *MpNumber_TrueDivide(MpObject *a, MpObject *b);
MpObject *MpNumber_FloorDivide(MpObject *a, MpObject *b);
MpObject *MpNumber_Remainder(MpObject *a, MpObject *b);
MpObject *MpNumber_Divmod(MpObject *a, MpObject *b);
MpObject *MpNumber_Power(MpObject *a, MpObject *b, MpObject *mod);
MpObject *MpNumber_Lshift(MpObject *a, MpObject *b);
MpObject *MpNumber_Rshift(MpObject *a, MpObject *b);
MpObject *MpNumber_And(MpObject *a, MpObject *b);
MpObject *MpNumber_Or(MpObject *a, MpObject *b);
MpObject *MpNumber_Xor(MpObject *a, MpObject *b);
MpObject *MpNumber_Negative(MpObject *o);
MpObject *MpNumber_Positive(MpObject *o);
MpObject *MpNumber_Invert(MpObject *o);
MpObject *MpNumber_Absolute(MpObject *o);
/* The in-place forms (a += b): __iop__ first, then the plain operator. */
MpObject *MpNumber_InPlaceOp(MpObject *a, MpObject *b, int binop);
/* BINARY_OP's dispatcher: binop is an MpBinOp (opcodes.h). */
MpObject *MpNumber_BinaryOp(MpObject *a, MpObject *b, int binop);
/* o.__index__() as an int object; TypeError if o has none. */
MpObject *MpNumber_Index(MpObject *o);
/* o.__index__() as a C ssize_t; on overflow raises exc (or clips when exc
   is NULL), as CPython's PyNumber_AsSsize_t. */
Mp_ssize_t MpNumber_AsSsize_t(MpObject *o, MpObject *exc);
/* int(o) and float(o) of the number protocol.  Refs: NEW. */
MpObject *MpNumber_Long(MpObject *o);
MpObject *MpNumber_Float(MpObject *o);
/* }====== */

#endif
