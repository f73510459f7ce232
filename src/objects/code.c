/* code.c — code objects.

   A code object is the compiler's output for one scope (code.h): the
   instructions, their locations, the constants and names they index and
   the shape of the frame's slots.  It never changes once made, so one code
   object is shared by every frame and function that runs it.  The only
   mutable part is private to the VM: a per-name cache for LOAD_GLOBAL
   (MpCodeObjectEx in vm.h), allocated with the object and filled lazily;
   likewise the attribute cache of LOAD_ATTR / STORE_ATTR.

   Code objects are not containers for the collector: they hold only
   constants (immutable values and other code objects), which cannot form
   a cycle back to them, as in CPython.

   CPython counterpart: Objects/codeobject.c.  Read first: MpCode_New */
#include "objects/code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errors.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/weakref.h"
#include "vm.h"

/* {====== Construction ====== */

/* Which argument slot each cell variable starts in (an argument captured
   by an inner function lives in a cell, but the call binds it to the
   argument slot first).  NULL when no cell is an argument. */
static int *
compute_cell2arg(MpCodeObject *co)
{
    int nargs = co->co_argcount + co->co_kwonlyargcount +
                ((co->co_flags & MP_CO_VARARGS) != 0) +
                ((co->co_flags & MP_CO_VARKEYWORDS) != 0);
    int *map = NULL;
    for (int i = 0; i < co->co_ncellvars; i++) {
        MpObject *cname = MpTuple_GET_ITEM(co->co_cellvars, i);
        for (int j = 0; j < nargs && j < co->co_nlocals; j++) {
            MpObject *aname = MpTuple_GET_ITEM(co->co_varnames, j);
            if (aname == cname || MpStr_Equal(aname, cname)) {
                if (map == NULL) {
                    map = malloc(sizeof(int) * (size_t)co->co_ncellvars);
                    if (map == NULL) {
                        return NULL;
                    }
                    for (int k = 0; k < co->co_ncellvars; k++) {
                        map[k] = -1;
                    }
                }
                map[i] = j;
                break;
            }
        }
    }
    return map;
}

/* Constant tuples hold only constants (numbers, strs, other constant
   tuples ...), which cannot form a cycle: they are untracked from the
   start, innermost first, as CPython's are ((1, 2) in a script is not
   tracked even before any collection). */
static void
untrack_constants(MpObject *t)
{
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(t); i++) {
        MpObject *x = MpTuple_GET_ITEM(t, i);
        if (Mp_TYPE(x) == &MpTuple_Type) {
            untrack_constants(x);
        }
    }
    MpTuple_MaybeUntrack(t);
}

MpObject *
MpCode_New(int argcount, int posonlyargcount, int kwonlyargcount,
           int stacksize, int flags, int firstlineno, MpInstr *code,
           MpCodeLoc *locs, Mp_ssize_t ncode, MpObject *consts,
           MpObject *names, MpObject *varnames, MpObject *cellvars,
           MpObject *freevars, MpObject *filename, MpObject *name,
           MpObject *qualname)
{
    MpCodeObjectEx *cx = (MpCodeObjectEx *)MpObject_New(&MpCode_Type);
    if (cx == NULL) {
        free(code);
        free(locs);
        return NULL;
    }
    MpCodeObject *co = &cx->base;
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_stacksize = stacksize;
    co->co_flags = flags;
    co->co_firstlineno = firstlineno;
    co->co_code = code;
    co->co_locs = locs;
    co->co_ncode = ncode;
    co->co_consts = Mp_NewRef(consts);
    for (Mp_ssize_t i = 0; i < MpTuple_GET_SIZE(consts); i++) {
        MpObject *k = MpTuple_GET_ITEM(consts, i);
        if (Mp_TYPE(k) == &MpTuple_Type) {
            untrack_constants(k);
        }
    }
    co->co_names = Mp_NewRef(names);
    co->co_varnames = Mp_NewRef(varnames);
    co->co_cellvars = Mp_NewRef(cellvars);
    co->co_freevars = Mp_NewRef(freevars);
    co->co_filename = Mp_NewRef(filename);
    co->co_name = Mp_NewRef(name);
    co->co_qualname = Mp_NewRef(qualname != NULL ? qualname : name);
    co->co_nlocals = (int)MpTuple_GET_SIZE(varnames);
    co->co_ncellvars = (int)MpTuple_GET_SIZE(cellvars);
    co->co_nfreevars = (int)MpTuple_GET_SIZE(freevars);
    if (co->co_nfreevars == 0) {
        co->co_flags |= MP_CO_NOFREE;
    }
    co->co_cell2arg = compute_cell2arg(co);
    Mp_ssize_t nnames = MpTuple_GET_SIZE(names);
    if (nnames > 0) {
        cx->co_gcache = calloc((size_t)nnames, sizeof(MpGlobalCacheEntry));
        cx->co_acache = calloc((size_t)nnames, sizeof(MpAttrCacheEntry));
        if (cx->co_gcache == NULL || cx->co_acache == NULL) {
            Mp_DECREF(cx);
            return MpErr_NoMemory();
        }
    }
    return (MpObject *)co;
}

int
MpCode_Line(const MpCodeObject *co, Mp_ssize_t i)
{
    if (co->co_locs == NULL || i < 0 || i >= co->co_ncode) {
        return -1;
    }
    return co->co_locs[i].lineno;
}
/* }====== */

/* {====== The type ====== */

static void
code_dealloc(MpObject *o)
{
    MpCodeObjectEx *cx = (MpCodeObjectEx *)o;
    MpCodeObject *co = &cx->base;
    if (cx->co_weakreflist != NULL) {
        MpObject_ClearWeakRefs(o);
    }
    free(co->co_code);
    free(co->co_locs);
    free(co->co_cell2arg);
    free(cx->co_gcache);
    free(cx->co_acache);
    Mp_XDECREF(co->co_consts);
    Mp_XDECREF(co->co_names);
    Mp_XDECREF(co->co_varnames);
    Mp_XDECREF(co->co_cellvars);
    Mp_XDECREF(co->co_freevars);
    Mp_XDECREF(co->co_filename);
    Mp_XDECREF(co->co_name);
    Mp_XDECREF(co->co_qualname);
    MpObject_Free(o);
}

static MpObject *
code_repr(MpObject *o)
{
    MpCodeObject *co = (MpCodeObject *)o;
    const char *name = MpStr_AsUTF8(co->co_name);
    const char *file = MpStr_AsUTF8(co->co_filename);
    if (name == NULL || file == NULL) {
        return NULL;
    }
    size_t n = strlen(name) + strlen(file) + 80;
    char *buf = malloc(n);
    if (buf == NULL) {
        return MpErr_NoMemory();
    }
    snprintf(buf, n, "<code object %s at %p, file \"%s\", line %d>", name,
             (void *)o, file, co->co_firstlineno);
    MpObject *r = MpStr_FromString(buf);
    free(buf);
    return r;
}

#define CODE_MEMBER(field, kind)                                           \
    {#field, kind, offsetof(MpCodeObject, field), 1, NULL}

static MpMemberDef code_members[] = {
    CODE_MEMBER(co_argcount, MP_T_INT),
    CODE_MEMBER(co_posonlyargcount, MP_T_INT),
    CODE_MEMBER(co_kwonlyargcount, MP_T_INT),
    CODE_MEMBER(co_nlocals, MP_T_INT),
    CODE_MEMBER(co_stacksize, MP_T_INT),
    CODE_MEMBER(co_flags, MP_T_INT),
    CODE_MEMBER(co_firstlineno, MP_T_INT),
    CODE_MEMBER(co_consts, MP_T_OBJECT),
    CODE_MEMBER(co_names, MP_T_OBJECT),
    CODE_MEMBER(co_varnames, MP_T_OBJECT),
    CODE_MEMBER(co_cellvars, MP_T_OBJECT),
    CODE_MEMBER(co_freevars, MP_T_OBJECT),
    CODE_MEMBER(co_filename, MP_T_OBJECT),
    CODE_MEMBER(co_name, MP_T_OBJECT),
    CODE_MEMBER(co_qualname, MP_T_OBJECT),
    {NULL, 0, 0, 0, NULL},
};

MpTypeObject MpCode_Type = {
    .ob_base = MP_TYPE_HEAD_INIT,
    .tp_name = "code",
    .tp_basicsize = sizeof(MpCodeObjectEx),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_members = code_members,
    .tp_weaklistoffset = offsetof(MpCodeObjectEx, co_weakreflist),
};
/* }====== */
