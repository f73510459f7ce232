# gc.get_referrers / gc.get_referents (gcmodule.c): what the traversal sees
import gc


class N:
    pass


n = N()
lst = [n]
dct = {"n": n}
tup = (n, [])
refs = gc.get_referrers(n)
print(any(r is lst for r in refs), any(r is dct for r in refs), any(r is tup for r in refs))
print(gc.get_referents(1), gc.get_referents("abc"))
inner = []
outer = [inner, 1, "s"]
print([x is inner for x in gc.get_referents(outer) if isinstance(x, list)])
print(any(x is inner for x in gc.get_referents({"a": inner})), gc.get_referents((1, 2, 3)) == [3, 2, 1] or gc.get_referents((1, 2, 3)) == [1, 2, 3])
print(gc.get_referrers(), gc.get_referents())
print(gc.is_finalized(n))


class F:
    def __del__(self):
        pass


a = F()
a.self = a
w = [a]
del a
print(gc.is_finalized(w[0]))
w.append(w)
x = w[0]
del w
gc.collect()
print(gc.is_finalized(x))
