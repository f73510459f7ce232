/* object.c — allocating and destroying objects.

   Every object is born in MpObject_New / MpObject_NewVar and dies in
   MpObject_Free, so these two functions are where the debug build counts
   live blocks, where a container gets its GC header (and is counted
   towards the collector's generation 0), and where an instance's
   reference to its heap type is taken and released.

   The life of an object:
     MpObject_New       refcount 1, fields zeroed, GC header untracked
     (type's code)      fills the fields; containers call MpObject_GC_Track
     ... Mp_INCREF / Mp_DECREF ...
     Mp_DECREF to 0  -> MpObject_Dealloc -> type->tp_dealloc, which releases
                        what the object holds and ends in MpObject_Free.

   CPython counterpart: Objects/object.c (_Py_Dealloc, _Py_NewReference),
   Objects/typeobject.c (PyType_GenericAlloc), Modules/gcmodule.c
   (_PyObject_GC_New).  Read first: MpObject_New */
#include "object.h"
#include "obmalloc.h"

#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "gc.h"

#if MP_DEBUG
Mp_ssize_t mp_ref_total;
Mp_ssize_t mp_blocks;  // live objects allocated here
#endif

/* {====== Allocation ====== */

int MpType_Ready(MpTypeObject *type);

/* Set by the runtime once start-up has readied the core types: from then
   on the first instance of any other static type readies it. */
int mp_types_bootstrapped;

static MpObject *
allocate(MpTypeObject *type, size_t size)
{
    /* A static type is finished (its slots inherited, its dict filled)
       before its first instance exists, so that every object's type is
       whole; start-up readies the common ones, this catches the rest
       (iterator types private to their files). */
    if (!(type->tp_flags & (MP_TPFLAGS_READY | MP_TPFLAGS_READYING)) &&
        mp_types_bootstrapped && MpType_Ready(type) < 0) {
        return NULL;
    }
    int gc = MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC);
    size_t pre = gc ? sizeof(MpGCHead) + MpType_PrefixSize(type) : 0;
    char *mem = MpMem_Calloc(1, pre + size);
    if (mem == NULL) {
        return MpErr_NoMemory();
    }
    MpObject *o = (MpObject *)(mem + pre);
    o->ob_refcnt = 1;
    o->ob_type = type;
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        Mp_INCREF(type);  // an instance keeps its class alive
        if (gc && !MpType_HasFeature(type, MP_TPFLAGS_TYPE_SUBCLASS)) {
            /* An instance of a class whose C base is not a container
               (object, io.StringIO, int ...): no C code will track it,
               and all it holds are its class and its __dict__ slot
               (NULL yet), so it is tracked at once, as CPython's
               PyType_GenericAlloc does.  A container base tracks its
               instances itself once their fields are valid. */
            MpTypeObject *base = type->tp_base;
            while (base != NULL &&
                   MpType_HasFeature(base, MP_TPFLAGS_HEAPTYPE)) {
                base = base->tp_base;
            }
            if (base != NULL && !MpType_HasFeature(base, MP_TPFLAGS_HAVE_GC)) {
                MpObject_GC_Track(o);
            }
        }
    }
    if (gc) {
        MpGC_NoteAlloc();
    }
#if MP_DEBUG
    mp_ref_total++;
    mp_blocks++;
#endif
    return o;
}

MpObject *
MpObject_New(MpTypeObject *type)
{
    return allocate(type, (size_t)type->tp_basicsize);
}

MpObject *
MpObject_NewVar(MpTypeObject *type, Mp_ssize_t n)
{
    size_t size = (size_t)type->tp_basicsize + (size_t)n * type->tp_itemsize;
    MpObject *o = allocate(type, size);
    if (o != NULL) {
        ((MpVarObject *)o)->ob_size = n;
    }
    return o;
}

void
MpObject_Free(void *op)
{
    MpObject *o = op;
    MpTypeObject *type = o->ob_type;
    char *mem = (char *)o;
    if (MpType_HasFeature(type, MP_TPFLAGS_HAVE_GC)) {
        MpObject_GC_UnTrack(o);
        mem -= sizeof(MpGCHead) + MpType_PrefixSize(type);
        MpGC_NoteFree();
    }
#if MP_DEBUG
    mp_blocks--;
#endif
    MpMem_Free(mem);
    if (MpType_HasFeature(type, MP_TPFLAGS_HEAPTYPE)) {
        Mp_DECREF(type);
    }
}
/* }====== */

/* {====== Deallocation and the trashcan ======
   Destroying a container releases what it holds, which may destroy
   another container, and so on: a list nested a million deep would nest a
   million tp_dealloc calls on the C stack.  The trashcan bounds that: past
   TRASHCAN_DEPTH nested deallocations, a container is not destroyed at
   once but put on a list (linked through its GC header, whose gc_next
   stays NULL, "untracked"), and the outermost deallocation destroys the
   listed objects one after another once its own work is done.  Only
   containers can nest, and every container has a GC header to link with.
   CPython counterpart: Py_TRASHCAN_BEGIN/END in Objects/object.c. */

#define TRASHCAN_DEPTH 50  // CPython's _PyTrash_UNWIND_LEVEL

static int dealloc_depth;
static MpGCHead *trash;  // deferred objects, linked through gc_prev

void
MpObject_Dealloc(MpObject *o)
{
    if (dealloc_depth >= TRASHCAN_DEPTH && MpObject_IsGC(o)) {
        MpObject_GC_UnTrack(o);
        MpGCHead *g = Mp_AS_GC(o);
        g->gc_prev = trash;
        trash = g;
        return;
    }
    /* tp_dealloc may run Python code (__del__) that looks at the current
       exception; the type's dealloc saves and restores it where it must. */
    dealloc_depth++;
    Mp_TYPE(o)->tp_dealloc(o);
    dealloc_depth--;
    if (dealloc_depth == 0) {
        while (trash != NULL) {
            MpGCHead *g = trash;
            trash = g->gc_prev;
            g->gc_prev = NULL;
            MpObject *d = Mp_FROM_GC(g);
            dealloc_depth++;
            Mp_TYPE(d)->tp_dealloc(d);
            dealloc_depth--;
        }
    }
}
/* }====== */
