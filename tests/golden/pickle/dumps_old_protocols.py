# Protocols 0 and 1: text opcodes (INT, LONG, FLOAT, UNICODE, PUT/GET)
# and the protocol 0/1 reduction (copyreg._reconstructor); CPython's bytes.
import pickle
class C:
    def __init__(self): self.a = 1
class Outer:
    class In: pass
for o in ['a\\b\nc\x00é€😀', 1.5, -2.0, 1e100, (1,2,3,4,5), [1,[2]], {1:{2:3}}, C(), Outer.In, Outer.In(), {1,2}, frozenset([3]), b'xy', bytearray(b'z'), True, None, 2**80, -2**80, [C(), C()]]:
    for p in (0, 1):
        try: print(p, pickle.dumps(o, p))
        except Exception as e: print(p, type(e).__name__, e)
