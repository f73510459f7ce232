# RecursionError, never a C stack overflow, through special methods
# (__repr__, __eq__, __hash__, __getattr__, __call__ ...), nested
# containers (repr, str, ==), yield from chains and a raised limit
# (vm.c MpEval_EnterRecursive; the C stack guard c_stack_low).  The
# message suffix (" while calling a Python object") is not compared.
import sys
class R:
    def __repr__(self): return repr(self)
try: repr(R())
except RecursionError as e: print('repr', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class E:
    def __eq__(self, o): return self == o
try: E() == E()
except RecursionError as e: print('eq', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
l = []
for i in range(100000): l = [l]
try: repr(l)
except RecursionError as e: print('list repr', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
d = {}
for i in range(100000): d = {1: d}
try: str(d)
except RecursionError as e: print('dict str', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
a = []; a.append(a); print(repr(a))
t = ()
for i in range(5000): t = (t,)  # no depth check in CPython: must fit
try: hash(t)
except RecursionError as e: print('hash', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
l1 = []; l2 = []
for i in range(100000): l1 = [l1]; l2 = [l2]
try: print(l1 == l2)
except RecursionError as e: print('cmp', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
def gen(n):
    if n == 0:
        yield 0
    else:
        yield from gen(n - 1)
try: print(next(gen(5000)))
except RecursionError as e: print('gen', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
def g2(n):
    return next(g2i(n))
def g2i(n):
    yield g2(n-1) if n else 0
try: print(g2(5000))
except RecursionError as e: print('gen2', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class G:
    def __getattr__(self, n): return getattr(self, n)
try: G().x
except RecursionError as e: print('getattr', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class H:
    def __hash__(self): return hash(self)
try: {H(): 1}
except RecursionError as e: print('hash2', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class I:
    def __iter__(self): return iter(self)
try: list(I())
except RecursionError as e: print('iter', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class B:
    def __bool__(self): return bool(self)
try: not B()
except RecursionError as e: print('bool', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class S:
    def __str__(self): return f'{self}'
try: str(S())
except RecursionError as e: print('fstr', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class L:
    def __len__(self): return len(self)
try: len(L())
except RecursionError as e: print('len', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class GI:
    def __getitem__(self, i): return self[i]
try: GI()[0]
except RecursionError as e: print('getitem', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class Add:
    def __add__(self, o): return self + o
try: Add() + 1
except RecursionError as e: print('add', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class Call:
    def __call__(self): return self()
try: Call()()
except RecursionError as e: print('call', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
class Init:
    def __init__(self): Init()
try: Init()
except RecursionError as e: print('init', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
def deep(n): return deep(n+1)
sys.setrecursionlimit(100000)
try: deep(0)
except RecursionError as e: print('deep 100000', type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
print('done')
