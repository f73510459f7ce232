/* func.h — functions, cells, bound methods and built-in functions.

   A function object is what `def` and `lambda` make at run time
   (MAKE_FUNCTION): a code object plus everything that was known only then,
   the globals, the default values (evaluated once, when `def` ran: the
   mutable-default trap), the closure's cells.  Calling it runs the code in
   a new frame (vm.c).

   A cell is a box holding one variable shared between a scope and the
   scopes nested in it.  A bound method pairs a function with the instance
   it was looked up on; calling it prepends that instance.  A built-in
   function is an MpMethodDef (a C function and its calling convention)
   plus the object it is bound to.

   CPython counterpart: Include/cpython/funcobject.h, Objects/funcobject.c,
   Objects/cellobject.c, Objects/classobject.c, Objects/methodobject.c. */
#ifndef MP_FUNC_H
#define MP_FUNC_H

#include "object.h"

typedef struct {
    MpObject_HEAD
    MpObject *func_code;         // code object
    MpObject *func_globals;      // dict
    MpObject *func_builtins;     // dict
    MpObject *func_name;         // str
    MpObject *func_qualname;     // str
    MpObject *func_module;       // globals['__name__'] or None
    MpObject *func_doc;          // co_consts[0] if a str, else None
    MpObject *func_defaults;     // tuple or NULL
    MpObject *func_kwdefaults;   // dict or NULL
    MpObject *func_closure;      // tuple of cells or NULL
    MpObject *func_annotations;  // dict, or the flat (name, value, ...)
                                 // tuple MAKE_FUNCTION got, or NULL
    MpObject *func_dict;         // __dict__ or NULL
    MpObject *func_weakreflist;
} MpFunctionObject;

typedef struct {
    MpObject_HEAD
    MpObject *ob_ref;  // the content, or NULL when empty
} MpCellObject;

typedef struct {
    MpObject_HEAD
    MpObject *im_func;
    MpObject *im_self;
    MpObject *im_weakreflist;
} MpMethodObject;

typedef struct {
    MpObject_HEAD
    MpMethodDef *m_ml;
    MpObject *m_self;    // NULL for a plain module function's "self"
    MpObject *m_module;  // the module (or its name), or NULL
    MpObject *m_weakreflist;
} MpCFunctionObject;

extern MpTypeObject MpFunction_Type, MpCell_Type, MpMethod_Type,
    MpCFunction_Type;

static inline int
MpFunction_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpFunction_Type;
}

static inline int
MpMethod_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpMethod_Type;
}

static inline int
MpCFunction_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpCFunction_Type;
}

static inline int
MpCell_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpCell_Type;
}

/* A function for code running in globals, named after code's co_name and
   co_qualname (or qualname when not NULL); its builtins are those globals
   see.  Refs: NEW; all BORROWED. */
MpObject *MpFunction_New(MpObject *code, MpObject *globals,
                         MpObject *qualname);

/* A cell holding v (NULL: empty).  Refs: NEW; v BORROWED. */
MpObject *MpCell_New(MpObject *v);

/* Stores v in cell (NULL empties it).  Returns 0.  Refs: v BORROWED. */
int MpCell_Set(MpObject *cell, MpObject *v);

/* A method binding func to self.  Refs: NEW; BORROWED arguments. */
MpObject *MpMethod_New(MpObject *func, MpObject *self);

/* A built-in function or method: def bound to self (NULL for a module
   function), belonging to module.  Refs: NEW; BORROWED arguments. */
MpObject *MpCFunction_New(MpMethodDef *def, MpObject *self,
                          MpObject *module);

/* The annotations dict of f, built on first use.  Refs: BORROWED; NULL
   with an exception set. */
MpObject *MpFunction_GetAnnotations(MpObject *f);

#endif
