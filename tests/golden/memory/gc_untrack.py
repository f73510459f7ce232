# untracking (dict.c maintain_tracking, gc.c untrack_tuples/untrack_dicts): atoms-only dicts and tuples
import gc

print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked({1: {}}))
d = {}
d["x"] = 1
print(gc.is_tracked(d))
d["y"] = [1]
print(gc.is_tracked(d))
del d["y"]
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
t1 = tuple([1, 2])
t2 = tuple([1, []])
t4 = tuple([{}])
t5 = tuple(["a", None, 2.5])
print(gc.is_tracked(t1), gc.is_tracked(t2), gc.is_tracked(t4), gc.is_tracked(t5))
gc.collect()
print(gc.is_tracked(t1), gc.is_tracked(t2), gc.is_tracked(t4), gc.is_tracked(t5))
e = dict(a=1)
print(gc.is_tracked(e), gc.is_tracked(dict(a=[])), gc.is_tracked(e.copy()), gc.is_tracked({"a": []}.copy()))
f = {}
f.update({"k": []})
print(gc.is_tracked(f), gc.is_tracked({k: k for k in range(3)}), gc.is_tracked({k: [k] for k in range(3)}))


class D(dict):
    pass


print(gc.is_tracked(D()))
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(set()))
g = {1: t1}
print(gc.is_tracked(g))
h = {1: t2}
print(gc.is_tracked(h))
