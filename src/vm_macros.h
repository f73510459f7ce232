/* vm_macros.h — the eval loop's local helpers.  Included by vm.c only.

   They name the loop's register-like locals: `sp` (one past the top of
   the value stack), `ip` (the next instruction), `frame`, `fast` (the
   frame's slots), `co`.  Everything here is a statement or an expression
   over those locals, so it only makes sense inside eval_frame. */
#ifndef MP_VM_MACROS_H
#define MP_VM_MACROS_H

/* {====== The value stack ====== */
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define STACK_BASE() (fast + MpFrame_NLocalsPlus(co))
#define STACK_LEVEL() ((int)(sp - STACK_BASE()))
/* }====== */

/* {====== Locals ======
   SETLOCAL stores first and releases the old value last: the release can
   run __del__, which must never see a dangling slot. */
#define GETLOCAL(i) (fast[(i)])
#define SETLOCAL(i, v)                                                     \
    do {                                                                   \
        MpObject *old_ = fast[(i)];                                        \
        fast[(i)] = (v);                                                   \
        Mp_XDECREF(old_);                                                  \
    } while (0)
/* }====== */

/* {====== Jumps and frame switches ====== */
#define JUMPTO(target) (ip = co->co_code + (target))

/* Reloads the loop's locals from `frame` (after switching frames). */
#define LOAD_FRAME_STATE()                                                 \
    do {                                                                   \
        co = frame->f_code;                                                \
        fast = frame->f_localsplus;                                        \
        consts = ((MpTupleObject *)co->co_consts)->items;                  \
        names = ((MpTupleObject *)co->co_names)->items;                    \
        ip = frame->f_ip + 1;                                              \
        sp = fast + frame->f_stacktop;                                     \
    } while (0)

#define SAVE_STACK() (frame->f_stacktop = (int)(sp - fast))
/* }====== */

/* {====== Dispatch ======
   Both variants run the same bodies.  DISPATCH saves the instruction
   pointer in the frame (f_ip = the instruction about to run) before
   anything else, so every opcode body may raise or run Python code: the
   traceback and the unwinder read f_ip.  That one store per instruction
   is the whole price of "save ip before anything that can raise". */
#if MP_COMPUTED_GOTO
#define TARGET(op) TARGET_##op:
#define DISPATCH()                                                         \
    do {                                                                   \
        frame->f_ip = ip;                                                  \
        ins = *ip++;                                                       \
        oparg = (int)(ins >> 8);                                           \
        goto *dispatch_table[ins & 0xFF];                                  \
    } while (0)
#else
#define TARGET(op) case op:
#define DISPATCH() goto dispatch
#endif
/* }====== */

#endif
