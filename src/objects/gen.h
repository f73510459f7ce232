/* gen.h — generators.

   Calling a function whose code has MP_CO_GENERATOR binds the arguments
   into a frame that lives inside a new generator object, and returns the
   generator; nothing of the body runs yet.  Each next()/send() resumes
   the frame where it stopped; a `yield` suspends it again.  The frame
   never moves: it is on the heap, owned by the generator, from creation
   to the end.

   CPython counterpart: Include/cpython/genobject.h, Objects/genobject.c. */
#ifndef MP_GEN_H
#define MP_GEN_H

#include "object.h"
#include "vm.h"

typedef struct {
    MpObject_HEAD
    MpObject *gi_name;         // str
    MpObject *gi_qualname;     // str
    MpObject *gi_exc_state;    // the exception the generator's frame is
                               // handling while suspended, or NULL
    MpObject *gi_weakreflist;
    char gi_running;
    char gi_closed;            // frame finished: slots already cleared
    MpFrame *gi_frame;         // points into this object's own storage
} MpGenObject;

extern MpTypeObject MpGen_Type;

static inline int
MpGen_Check(const MpObject *o)
{
    return Mp_TYPE(o) == &MpGen_Type;
}

/* A new generator for a call of func with the given arguments.  Returns
   NULL with an exception when the arguments do not bind.
   Refs: NEW; BORROWED arguments. */
MpObject *MpGen_NewFromCall(MpObject *func, MpObject *const *args,
                            size_t nargs, MpObject *kwnames);

/* One step of gen with value sent in (None for next()).
   Returns 1 and *result (NEW) = the yielded value; 0 and *result (NEW) =
   the returned value when the generator finished; -1 with an exception. */
int MpGen_Send(MpObject *gen, MpObject *value, MpObject **result);

/* The iterator a `yield from` is delegating to, when gen is suspended in
   one; else NULL.  Refs: BORROWED. */
MpObject *MpGen_YieldFrom(MpGenObject *gen);

#endif
