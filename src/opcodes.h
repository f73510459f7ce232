/* opcodes.h — minipy's bytecode, listed once.

   An instruction is one 32-bit word: the opcode in the low 8 bits and its
   argument in the high 24 (so no EXTENDED_ARG is ever needed: 16 million
   constants, names or jump targets).  Jump targets are absolute
   instruction indexes.

   The VM is a stack machine.  Each entry below gives the opcode's name,
   whether its argument is used (and as what: ARG_NONE, ARG_CONST, ARG_NAME,
   ARG_LOCAL, ARG_DEREF, ARG_JUMP, ARG_INT, ARG_CMP, ARG_BINOP), and its
   stack effect: how many values it pops and pushes, as a C expression of
   `arg` (and, for jumps, the effect when the jump is taken).  From this
   one list come the VM's dispatch table (vm.c), the compiler's stack-depth
   computation (compile.c) and the disassembler (modules/dis.c).

   Exceptions use a block stack, as CPython up to 3.10 did: SETUP_FINALLY
   pushes (handler, stack depth) on the frame's block stack, POP_BLOCK pops
   it, and a raised exception unwinds to the innermost block: the value
   stack is cut back to the recorded depth, the exception pushed, and
   control goes to the handler.

   Calls: a call site pushes the callable, then (for LOAD_METHOD) either
   the unbound function and self, or NULL... in CPython 3.11's layout:
       [callable_or_NULL, self_or_callable, arg1 ... argN] CALL N
   where LOAD_METHOD pushes (method, self) or (NULL, bound attribute), and
   PUSH_NULL before an ordinary callable keeps the shape uniform.
   KW_NAMES i, just before CALL, names the last len(consts[i]) arguments as
   keywords.

   CPython counterpart: Include/opcode.h and Lib/opcode.py (3.11).  */
#ifndef MP_OPCODES_H
#define MP_OPCODES_H

#include <stdint.h>

/* X(NAME, argument kind, values popped, values pushed, pushed if jumping)
   `arg` is the instruction's argument; a "jump" column of -1 means the
   opcode does not jump. */
#define MP_OPCODES(X)                                                      \
    X(NOP, ARG_NONE, 0, 0, -1)                                             \
    X(POP_TOP, ARG_NONE, 1, 0, -1)                                         \
    X(PUSH_NULL, ARG_NONE, 0, 1, -1)                                       \
    /* COPY n: push a copy of the n-th value (1 = top). */                 \
    X(COPY, ARG_INT, (arg), (arg) + 1, -1)                                 \
    /* SWAP n: exchange the top with the n-th value. */                    \
    X(SWAP, ARG_INT, (arg), (arg), -1)                                     \
    X(LOAD_CONST, ARG_CONST, 0, 1, -1)                                     \
    /* {=== names ===} */                                                  \
    X(LOAD_FAST, ARG_LOCAL, 0, 1, -1)                                      \
    X(STORE_FAST, ARG_LOCAL, 1, 0, -1)                                     \
    X(DELETE_FAST, ARG_LOCAL, 0, 0, -1)                                    \
    /* cells and free variables: arg indexes cellvars then freevars */     \
    X(LOAD_DEREF, ARG_DEREF, 0, 1, -1)                                     \
    X(STORE_DEREF, ARG_DEREF, 1, 0, -1)                                    \
    X(DELETE_DEREF, ARG_DEREF, 0, 0, -1)                                   \
    X(LOAD_CLOSURE, ARG_DEREF, 0, 1, -1)                                   \
    /* a free variable of a class body: the class namespace first */      \
    X(LOAD_CLASSDEREF, ARG_DEREF, 0, 1, -1)                                \
    X(LOAD_GLOBAL, ARG_NAME, 0, 1, -1)                                     \
    X(STORE_GLOBAL, ARG_NAME, 1, 0, -1)                                    \
    X(DELETE_GLOBAL, ARG_NAME, 0, 0, -1)                                   \
    X(LOAD_NAME, ARG_NAME, 0, 1, -1)                                       \
    X(STORE_NAME, ARG_NAME, 1, 0, -1)                                      \
    X(DELETE_NAME, ARG_NAME, 0, 0, -1)                                     \
    X(LOAD_ATTR, ARG_NAME, 1, 1, -1)                                       \
    X(STORE_ATTR, ARG_NAME, 2, 0, -1)  /* obj.name = value: [value, obj] */ \
    X(DELETE_ATTR, ARG_NAME, 1, 0, -1)                                     \
    /* obj -> (method, obj) or (NULL, obj.name) */                         \
    X(LOAD_METHOD, ARG_NAME, 1, 2, -1)                                     \
    /* {=== operators ===} */                                              \
    X(UNARY_POSITIVE, ARG_NONE, 1, 1, -1)                                  \
    X(UNARY_NEGATIVE, ARG_NONE, 1, 1, -1)                                  \
    X(UNARY_NOT, ARG_NONE, 1, 1, -1)                                       \
    X(UNARY_INVERT, ARG_NONE, 1, 1, -1)                                    \
    /* arg: an MpBinOp (below); the in-place forms are +13 */             \
    X(BINARY_OP, ARG_BINOP, 2, 1, -1)                                      \
    /* arg: Mp_LT ... Mp_GE */                                             \
    X(COMPARE_OP, ARG_CMP, 2, 1, -1)                                       \
    X(IS_OP, ARG_INT, 2, 1, -1)       /* arg 1: is not */                  \
    X(CONTAINS_OP, ARG_INT, 2, 1, -1) /* arg 1: not in */                  \
    X(BINARY_SUBSCR, ARG_NONE, 2, 1, -1)                                   \
    X(STORE_SUBSCR, ARG_NONE, 3, 0, -1) /* [value, container, key] */      \
    X(DELETE_SUBSCR, ARG_NONE, 2, 0, -1)                                   \
    X(BUILD_SLICE, ARG_INT, (arg), 1, -1) /* 2 or 3 */                     \
    /* {=== building ===} */                                               \
    X(BUILD_TUPLE, ARG_INT, (arg), 1, -1)                                  \
    X(BUILD_LIST, ARG_INT, (arg), 1, -1)                                   \
    X(BUILD_SET, ARG_INT, (arg), 1, -1)                                    \
    X(BUILD_MAP, ARG_INT, 2 * (arg), 1, -1)                                \
    /* keys: a tuple constant on top, values below it */                   \
    X(BUILD_CONST_KEY_MAP, ARG_INT, (arg) + 1, 1, -1)                      \
    X(BUILD_STRING, ARG_INT, (arg), 1, -1)                                 \
    /* comprehension appends: the container is arg values below the top */ \
    X(LIST_APPEND, ARG_INT, 1, 0, -1)                                      \
    X(SET_ADD, ARG_INT, 1, 0, -1)                                          \
    X(MAP_ADD, ARG_INT, 2, 0, -1)                                          \
    X(LIST_EXTEND, ARG_INT, 1, 0, -1)                                      \
    X(SET_UPDATE, ARG_INT, 1, 0, -1)                                       \
    X(DICT_UPDATE, ARG_INT, 1, 0, -1)                                      \
    /* like DICT_UPDATE, but a repeated key is a TypeError (f(**a, **b)) */ \
    X(DICT_MERGE, ARG_INT, 1, 0, -1)                                       \
    X(LIST_TO_TUPLE, ARG_NONE, 1, 1, -1)                                   \
    /* arg & 3: conversion (0 none, 1 str, 2 repr, 3 ascii);              \
       arg & 4: a format spec is on the stack */                           \
    X(FORMAT_VALUE, ARG_INT, 1 + (((arg) & 4) != 0), 1, -1)                \
    X(UNPACK_SEQUENCE, ARG_INT, 1, (arg), -1)                              \
    /* arg: (values after the star << 8) | values before it */             \
    X(UNPACK_EX, ARG_INT, 1, ((arg) & 0xFF) + ((arg) >> 8) + 1, -1)        \
    /* {=== control flow ===} */                                           \
    X(JUMP, ARG_JUMP, 0, 0, 0)                                             \
    X(POP_JUMP_IF_FALSE, ARG_JUMP, 1, 0, 0)                                \
    X(POP_JUMP_IF_TRUE, ARG_JUMP, 1, 0, 0)                                 \
    X(POP_JUMP_IF_NONE, ARG_JUMP, 1, 0, 0)                                 \
    X(POP_JUMP_IF_NOT_NONE, ARG_JUMP, 1, 0, 0)                             \
    /* keep the value and jump, or pop it and go on (and, or) */           \
    X(JUMP_IF_FALSE_OR_POP, ARG_JUMP, 1, 0, 1)                             \
    X(JUMP_IF_TRUE_OR_POP, ARG_JUMP, 1, 0, 1)                              \
    X(GET_ITER, ARG_NONE, 1, 1, -1)                                        \
    /* [iter] -> [iter, next]; exhausted: pop iter, jump */                \
    X(FOR_ITER, ARG_JUMP, 1, 2, 0)                                         \
    X(RETURN_VALUE, ARG_NONE, 1, 0, -1)                                    \
    /* {=== exceptions and with ===} */                                    \
    /* push a block; at the handler the stack holds the exception */      \
    X(SETUP_FINALLY, ARG_JUMP, 0, 0, 1)                                    \
    X(POP_BLOCK, ARG_NONE, 0, 0, -1)                                       \
    /* [mgr] -> [__exit__, result of __enter__]; the compiler follows it   \
       with SETUP_FINALLY, whose handler then sees [__exit__, exc] */      \
    X(BEFORE_WITH, ARG_NONE, 1, 2, -1)                                     \
    /* [__exit__, exc] -> [__exit__, exc, __exit__(type, exc, tb)] */      \
    X(WITH_EXCEPT_START, ARG_NONE, 2, 3, -1)                               \
    /* [exc] -> [saved, exc]: make exc the one being handled */            \
    X(PUSH_EXC_INFO, ARG_NONE, 1, 2, -1)                                   \
    /* [saved] -> []: restore the exception being handled */              \
    X(POP_EXCEPT, ARG_NONE, 1, 0, -1)                                      \
    /* [exc, type] -> [exc, matches] */                                    \
    X(CHECK_EXC_MATCH, ARG_NONE, 2, 2, -1)                                 \
    X(RERAISE, ARG_NONE, 1, 0, -1)                                         \
    /* arg 0: bare raise; 1: raise exc; 2: raise exc from cause */         \
    X(RAISE_VARARGS, ARG_INT, (arg), 0, -1)                                \
    X(LOAD_ASSERTION_ERROR, ARG_NONE, 0, 1, -1)                            \
    /* {=== functions and calls ===} */                                    \
    /* arg flags: 1 defaults, 2 kwdefaults, 4 annotations, 8 closure;      \
       pops the code object and the parts the flags name */                \
    X(MAKE_FUNCTION, ARG_INT,                                              \
      1 + ((arg) & 1) + (((arg) >> 1) & 1) + (((arg) >> 2) & 1) +          \
          (((arg) >> 3) & 1),                                              \
      1, -1)                                                               \
    X(KW_NAMES, ARG_CONST, 0, 0, -1)                                       \
    X(CALL, ARG_INT, (arg) + 2, 1, -1)                                     \
    /* [NULL, callable, args tuple(, kwargs dict if arg & 1)] */           \
    X(CALL_FUNCTION_EX, ARG_INT, 3 + ((arg) & 1), 1, -1)                   \
    X(LOAD_BUILD_CLASS, ARG_NONE, 0, 1, -1)                                \
    /* {=== generators ===} */                                             \
    X(YIELD_VALUE, ARG_NONE, 1, 1, -1)                                     \
    X(GET_YIELD_FROM_ITER, ARG_NONE, 1, 1, -1)                             \
    /* [iter, value] -> [iter, yielded] or, when iter is done, jump with   \
       [result] */                                                         \
    X(SEND, ARG_JUMP, 2, 2, 1)                                             \
    /* {=== modules ===} */                                                \
    /* [level, fromlist] -> [module] */                                    \
    X(IMPORT_NAME, ARG_NAME, 2, 1, -1)                                     \
    X(IMPORT_FROM, ARG_NAME, 1, 2, -1)                                     \
    X(IMPORT_STAR, ARG_NONE, 1, 0, -1)                                     \
    X(SETUP_ANNOTATIONS, ARG_NONE, 0, 0, -1)                               \
    /* the REPL: print repr(top) and set builtins._ */                     \
    X(PRINT_EXPR, ARG_NONE, 1, 0, -1)

#define MP_OPCODE_ENUM(name, kind, pop, push, jump) name,
typedef enum { MP_OPCODES(MP_OPCODE_ENUM) MP_OPCODE_COUNT } MpOpcode;
#undef MP_OPCODE_ENUM

/* BINARY_OP's argument, in CPython 3.11's order (NB_ADD ...); the in-place
   forms follow at MP_BINOP_INPLACE + op. */
typedef enum {
    MP_BINOP_ADD,
    MP_BINOP_AND,
    MP_BINOP_FLOOR_DIVIDE,
    MP_BINOP_LSHIFT,
    MP_BINOP_MATRIX_MULTIPLY,
    MP_BINOP_MULTIPLY,
    MP_BINOP_REMAINDER,
    MP_BINOP_OR,
    MP_BINOP_POWER,
    MP_BINOP_RSHIFT,
    MP_BINOP_SUBTRACT,
    MP_BINOP_TRUE_DIVIDE,
    MP_BINOP_XOR,
    MP_BINOP_INPLACE,  // add this to get the in-place form
} MpBinOp;

/* One instruction: opcode in the low byte, argument above it. */
typedef uint32_t MpInstr;
#define MP_MAX_ARG ((1 << 24) - 1)

static inline MpOpcode
Mp_OP(MpInstr ins)
{
    return (MpOpcode)(ins & 0xFF);
}

static inline int
Mp_ARG(MpInstr ins)
{
    return (int)(ins >> 8);
}

static inline MpInstr
Mp_INSTR(MpOpcode op, int arg)
{
    return (MpInstr)op | ((MpInstr)arg << 8);
}

#endif
