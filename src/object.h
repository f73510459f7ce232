/* object.h — the object model: every value is an MpObject.

   An object starts with a header of two words:

       +-------------+
       | ob_refcnt   |  how many references point here
       | ob_type     |  its type, itself an object (MpTypeObject)
       +-------------+
       | the type's own fields ...

   Container types (anything that can hold references to other objects and
   so take part in a cycle) carry a GC header *in front of* the object, so
   that a pointer to the object is still a pointer to its MpObject header:

       +-------------+  <- what the allocator returned
       | gc_next     |  the generation list the object sits on
       | gc_prev     |
       | gc_refs     |  the collector's scratch word (see gc.c)
       +-------------+  <- MpObject * points here
       | ob_refcnt   |
       | ob_type     |
       | ...         |

   Reference counting is the primary mechanism: Mp_DECREF that takes a
   count to zero calls the type's tp_dealloc at once, which runs a
   Python-level __del__ (through tp_finalize) at that moment.  The cycle
   collector (gc.c) only deals with what reference counting cannot: cycles.

   The rule that keeps the counts exact: every function says, in the last
   line of its comment, whether it returns a NEW reference (the caller must
   release it) or a BORROWED one (valid while its owner holds it), and which
   arguments it STEALS (takes over the caller's reference).  Functions that
   fail set the current exception (errors.h) and return NULL or -1.

   CPython counterpart: Include/object.h, Include/cpython/object.h.  */
#ifndef MP_OBJECT_H
#define MP_OBJECT_H

#include <stddef.h>
#include <stdint.h>

typedef ptrdiff_t Mp_ssize_t;
typedef uint64_t Mp_uhash_t;
typedef int64_t Mp_hash_t;

typedef struct MpObject MpObject;
typedef struct MpTypeObject MpTypeObject;

struct MpObject {
    Mp_ssize_t ob_refcnt;
    MpTypeObject *ob_type;
};

/* Variable-size objects (tuples, ints in GMP form, strs) keep their item
   count in the header. */
typedef struct {
    MpObject ob_base;
    Mp_ssize_t ob_size;
} MpVarObject;

#define MpObject_HEAD MpObject ob_base;
#define MpObject_VAR_HEAD MpVarObject ob_base;

static inline MpTypeObject *
Mp_TYPE(const MpObject *o)
{
    return o->ob_type;
}

static inline Mp_ssize_t
Mp_SIZE(const void *o)
{
    return ((const MpVarObject *)o)->ob_size;
}

/* {====== Reference counting ======
   In the debug build (MP_DEBUG) every increment and decrement also moves
   a global total, and every allocation and deallocation the count of live
   blocks, so that `-X showrefcount` and the test runner can prove that a
   run gave back everything it took. */
#if MP_DEBUG
extern Mp_ssize_t mp_ref_total;
extern Mp_ssize_t mp_blocks;  // live objects (object.c; int.c's free list)
#define MP_REF_INC() (mp_ref_total++)
#define MP_REF_DEC() (mp_ref_total--)
#else
#define MP_REF_INC() ((void)0)
#define MP_REF_DEC() ((void)0)
#endif

/* Destroys o, whose count has reached zero: its type's tp_dealloc. */
void MpObject_Dealloc(MpObject *o);

static inline void
Mp_INCREF(void *op)
{
    MP_REF_INC();
    ((MpObject *)op)->ob_refcnt++;
}

static inline void
Mp_DECREF(void *op)
{
    MpObject *o = op;
    MP_REF_DEC();
    if (--o->ob_refcnt == 0) {
        MpObject_Dealloc(o);
    }
}

static inline void
Mp_XINCREF(void *op)
{
    if (op != NULL) {
        Mp_INCREF(op);
    }
}

static inline void
Mp_XDECREF(void *op)
{
    if (op != NULL) {
        Mp_DECREF(op);
    }
}

/* Returns o after taking a new reference to it (for `return Mp_NewRef(x)`).
   Refs: NEW. */
static inline MpObject *
Mp_NewRef(void *o)
{
    Mp_INCREF(o);
    return o;
}

/* Replaces *slot with value, releasing the old value *after* the store, so
   that a __del__ run by the release never sees a dangling slot.
   Refs: STEALS value. */
static inline void
Mp_SETREF(MpObject **slot, MpObject *value)
{
    MpObject *old = *slot;
    *slot = value;
    Mp_XDECREF(old);
}

static inline void
Mp_CLEAR(MpObject **slot)
{
    MpObject *old = *slot;
    if (old != NULL) {
        *slot = NULL;
        Mp_DECREF(old);
    }
}
/* }====== */

/* {====== Slot signatures ====== */
typedef void (*destructor)(MpObject *);
typedef MpObject *(*unaryfunc)(MpObject *);
typedef MpObject *(*binaryfunc)(MpObject *, MpObject *);
typedef MpObject *(*ternaryfunc)(MpObject *, MpObject *, MpObject *);
typedef int (*inquiry)(MpObject *);
typedef Mp_ssize_t (*lenfunc)(MpObject *);
typedef MpObject *(*ssizeargfunc)(MpObject *, Mp_ssize_t);
typedef int (*ssizeobjargproc)(MpObject *, Mp_ssize_t, MpObject *);
typedef int (*objobjproc)(MpObject *, MpObject *);
typedef int (*objobjargproc)(MpObject *, MpObject *, MpObject *);
typedef MpObject *(*reprfunc)(MpObject *);
typedef Mp_hash_t (*hashfunc)(MpObject *);
typedef MpObject *(*richcmpfunc)(MpObject *, MpObject *, int op);
typedef MpObject *(*getattrofunc)(MpObject *, MpObject *name);
typedef int (*setattrofunc)(MpObject *, MpObject *name, MpObject *value);
typedef MpObject *(*getiterfunc)(MpObject *);
typedef MpObject *(*iternextfunc)(MpObject *);
typedef MpObject *(*descrgetfunc)(MpObject *, MpObject *obj,
                                  MpObject *type);
typedef int (*descrsetfunc)(MpObject *, MpObject *obj, MpObject *value);
typedef int (*initproc)(MpObject *, MpObject *args, MpObject *kwargs);
typedef MpObject *(*newfunc)(MpTypeObject *, MpObject *args,
                             MpObject *kwargs);
typedef int (*visitproc)(MpObject *, void *arg);
typedef int (*traverseproc)(MpObject *, visitproc, void *arg);

/* The calling convention of every call in minipy ("vectorcall"): the
   positional arguments are args[0:nargs]; when kwnames (a tuple of str)
   is not NULL, the keyword values follow them, one per name.
   Returns a NEW reference, or NULL with an exception set.
   Refs: args BORROWED. */
typedef MpObject *(*vectorcallfunc)(MpObject *callable, MpObject *const *args,
                                    size_t nargs, MpObject *kwnames);

/* Comparison operators, in CPython's order (Py_LT ...). */
enum { Mp_LT, Mp_LE, Mp_EQ, Mp_NE, Mp_GT, Mp_GE };
/* }====== */

/* {====== Type objects ====== */
typedef struct {
    binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative, nb_positive, nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    unaryfunc nb_int, nb_float;
    binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply,
        nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and,
        nb_inplace_xor, nb_inplace_or;
    binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} MpNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    ssizeobjargproc sq_ass_item;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} MpSequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;  // value NULL: delete
} MpMappingMethods;

/* The buffer protocol: a contiguous (or strided) block of memory that a
   memoryview, a file write or a struct can use without copying. */
typedef struct {
    void *buf;
    MpObject *obj;         // the exporter, a NEW reference held by the view
    Mp_ssize_t len;        // bytes
    Mp_ssize_t itemsize;
    int readonly;
    int ndim;
    const char *format;    // struct-module syntax, "B" when NULL
    Mp_ssize_t *shape, *strides, *suboffsets;
    void *internal;
} MpBuffer;

typedef int (*getbufferproc)(MpObject *, MpBuffer *, int flags);
typedef void (*releasebufferproc)(MpObject *, MpBuffer *);

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} MpBufferProcs;

/* Built-in methods and attributes, described by tables on the type. */
typedef struct {
    const char *ml_name;
    void *ml_meth;       // an MpCFunction of the shape ml_flags says
    int ml_flags;        // MP_METH_*
    const char *ml_doc;
} MpMethodDef;

enum {
    MP_METH_O = 1,         // f(self, arg)
    MP_METH_NOARGS = 2,    // f(self, NULL)
    MP_METH_FASTCALL = 4,  // f(self, args, nargs)
    MP_METH_KEYWORDS = 8,  // with FASTCALL: f(self, args, nargs, kwnames)
    MP_METH_CLASS = 16,    // a classmethod: self is the type
    MP_METH_STATIC = 32,   // a staticmethod: self is NULL
    /* with FASTCALL: the function parses its arguments as CPython's
       METH_VARARGS ones do (MpArg_CheckVarargs), so a keyword argument
       is refused as `find() takes no keyword arguments`, without the
       owner type's name that the other conventions print */
    MP_METH_VARARGS = 64,
};

typedef MpObject *(*MpCFunction)(MpObject *self, MpObject *arg);
typedef MpObject *(*MpCFunctionFast)(MpObject *self, MpObject *const *args,
                                     Mp_ssize_t nargs);
typedef MpObject *(*MpCFunctionFastKw)(MpObject *self, MpObject *const *args,
                                       Mp_ssize_t nargs, MpObject *kwnames);

typedef MpObject *(*getter)(MpObject *, void *closure);
typedef int (*setter)(MpObject *, MpObject *value, void *closure);

typedef struct {
    const char *name;
    getter get;
    setter set;  // NULL: read-only
    const char *doc;
    void *closure;
} MpGetSetDef;

/* A field of the C struct exposed as an attribute. */
typedef struct {
    const char *name;
    int type;            // MP_T_OBJECT, MP_T_SSIZE, MP_T_INT, MP_T_BOOL ...
    Mp_ssize_t offset;
    int readonly;
    const char *doc;
} MpMemberDef;

enum { MP_T_OBJECT, MP_T_OBJECT_EX, MP_T_SSIZE, MP_T_INT, MP_T_BOOL };

/* tp_flags */
enum {
    MP_TPFLAGS_HEAPTYPE = 1 << 0,   // created by a class statement
    MP_TPFLAGS_BASETYPE = 1 << 1,   // may be subclassed
    MP_TPFLAGS_HAVE_GC = 1 << 2,    // instances carry a GC header
    MP_TPFLAGS_READY = 1 << 3,      // MpType_Ready has run
    MP_TPFLAGS_IS_ABSTRACT = 1 << 4,
    MP_TPFLAGS_READYING = 1 << 5,   // MpType_Ready is running on it
    /* Fast subclass checks, inherited by subclasses. */
    MP_TPFLAGS_INT_SUBCLASS = 1 << 8,
    MP_TPFLAGS_LIST_SUBCLASS = 1 << 9,
    MP_TPFLAGS_TUPLE_SUBCLASS = 1 << 10,
    MP_TPFLAGS_BYTES_SUBCLASS = 1 << 11,
    MP_TPFLAGS_STR_SUBCLASS = 1 << 12,
    MP_TPFLAGS_DICT_SUBCLASS = 1 << 13,
    MP_TPFLAGS_BASE_EXC_SUBCLASS = 1 << 14,
    MP_TPFLAGS_TYPE_SUBCLASS = 1 << 15,
};

struct MpTypeObject {
    MpVarObject ob_base;
    const char *tp_name;         // "int", "collections.OrderedDict"
    Mp_ssize_t tp_basicsize, tp_itemsize;
    unsigned long tp_flags;

    destructor tp_dealloc;
    reprfunc tp_repr;
    reprfunc tp_str;
    hashfunc tp_hash;
    richcmpfunc tp_richcompare;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;
    vectorcallfunc tp_call;      // calling an instance
    getiterfunc tp_iter;
    iternextfunc tp_iternext;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;

    MpNumberMethods *tp_as_number;
    MpSequenceMethods *tp_as_sequence;
    MpMappingMethods *tp_as_mapping;
    MpBufferProcs *tp_as_buffer;

    /* The collector's interface (gc.c): visit every reference the object
       holds; drop them to break a cycle. */
    traverseproc tp_traverse;
    inquiry tp_clear;
    /* Runs __del__ (PEP 442): once, before the object dies. */
    destructor tp_finalize;

    newfunc tp_new;
    initproc tp_init;
    vectorcallfunc tp_vectorcall;  // calling the type itself: int(x)

    MpMethodDef *tp_methods;
    MpMemberDef *tp_members;
    MpGetSetDef *tp_getset;
    const char *tp_doc;

    MpTypeObject *tp_base;       // the "solid" base: where the layout comes from
    MpObject *tp_bases;          // tuple of the direct bases
    MpObject *tp_mro;            // tuple, C3 linearisation (typeobject.c)
    MpObject *tp_dict;           // the class namespace (a dict)
    MpObject *tp_subclasses;     // dict: id -> weakref to subclass
    /* Where an instance keeps its __dict__ and its weak reference list:
       a byte offset from the object's address, 0 for none.  A positive
       offset lies inside the fixed part of the object.  A negative one
       lies before it, in front of the GC header: a class deriving from a
       variable-size type (str, bytes, tuple, int) cannot put new fields
       after the base's fields, because the items follow them, so its
       instances are allocated with one pointer word per such slot in
       front of the GC header (MpType_PrefixSize).  Memory, low to high,
       for a class of str with both (the first one added sits nearest):
           [ weaklist ] [ __dict__ ] [ MpGCHead ] [ object ... items ]
       CPython 3.11 places its "managed dict" in front of the GC header in
       the same way (Py_TPFLAGS_MANAGED_DICT); its negative tp_dictoffset
       counts from the end of the items instead. */
    Mp_ssize_t tp_dictoffset;
    Mp_ssize_t tp_weaklistoffset;
    unsigned int tp_version_tag; // bumped when the type's dict changes
    MpObject *tp_weaklist;       // weak references to this type (weakref.h)
};

/* The header of a statically defined type: one reference (the static
   storage's own), its type is `type`.  Used as
       MpTypeObject MpLong_Type = {.ob_base = MP_TYPE_HEAD_INIT, ...}; */
extern MpTypeObject MpType_Type;
#define MP_TYPE_HEAD_INIT {{1, &MpType_Type}, 0}
/* The header of a statically allocated object of type t (singletons). */
#define MP_OBJECT_HEAD_INIT(t) {1, (t)}

static inline int
MpType_HasFeature(const MpTypeObject *t, unsigned long flag)
{
    return (t->tp_flags & flag) != 0;
}

/* The bytes allocated in front of the GC header of an instance of t: one
   pointer word per negative slot offset (see tp_dictoffset).  Only GC types
   have such slots.  Refs: none. */
static inline size_t
MpType_PrefixSize(const MpTypeObject *t)
{
    return ((t->tp_dictoffset < 0) + (t->tp_weaklistoffset < 0)) *
           sizeof(MpObject *);
}

/* Where o keeps the pointer to its instance __dict__ (the slot may hold
   NULL: no dict yet), or NULL when its type gives instances none.  A
   negative tp_dictoffset points in front of the GC header.  Refs: none. */
static inline MpObject **
MpObject_GetDictPtr(MpObject *o)
{
    Mp_ssize_t off = o->ob_type->tp_dictoffset;
    return off != 0 ? (MpObject **)((char *)o + off) : NULL;
}

/* Whether o carries a GC header.  Type objects are the exception to "its
   type says so": `type` is a container type, but the built-in types are
   static objects without a header; only classes (heap types) have one. */
static inline int
MpObject_IsGC(const MpObject *o)
{
    const MpTypeObject *t = o->ob_type;
    if (!MpType_HasFeature(t, MP_TPFLAGS_HAVE_GC)) {
        return 0;
    }
    if (MpType_HasFeature(t, MP_TPFLAGS_TYPE_SUBCLASS)) {
        return MpType_HasFeature((const MpTypeObject *)o,
                                 MP_TPFLAGS_HEAPTYPE);
    }
    return 1;
}
/* }====== */

/* {====== Allocation (object.c, gc.c) ======
   Every object is allocated here, which is where the debug build counts
   live blocks and where the collector is triggered (a new container counts
   towards generation 0's threshold). */

/* A new object of type with refcount 1 and its fields zeroed; tp_basicsize
   (+ n * tp_itemsize for the Var form) bytes.  Types with HAVE_GC get the
   GC header in front; the object is not yet tracked (call MpObject_GC_Track
   once its fields are valid).  Refs: NEW; NULL with MemoryError set. */
MpObject *MpObject_New(MpTypeObject *type);
MpObject *MpObject_NewVar(MpTypeObject *type, Mp_ssize_t n);

/* Frees the memory of o (without touching references): the last step of a
   tp_dealloc.  Handles the GC header; the object must be untracked. */
void MpObject_Free(void *o);

/* Puts a container on (takes it off) generation 0's list, so that the
   collector sees (stops seeing) it. */
void MpObject_GC_Track(void *o);
void MpObject_GC_UnTrack(void *o);
int MpObject_GC_IsTracked(const void *o);
/* }====== */

/* {====== The singletons ======
   None, NotImplemented and Ellipsis (objects/singletons.c); True and False
   are the two instances of bool (objects/int.c). Refs: BORROWED. */
extern MpObject _Mp_NoneStruct, _Mp_NotImplementedStruct, _Mp_EllipsisStruct;
#define Mp_None (&_Mp_NoneStruct)
#define Mp_NotImplemented (&_Mp_NotImplementedStruct)
#define Mp_Ellipsis (&_Mp_EllipsisStruct)
/* }====== */

#endif
