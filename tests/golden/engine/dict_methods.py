# dict: insertion order, views, get/setdefault/pop/popitem/update, iteration, and errors.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), len(d), "a" in d, 2 in d)
print(d.keys(), d.values(), d.items())
print(d.get("z"), d.get("z", 0), d.setdefault("a", 99), d.setdefault("n", []), d)
print(d.pop("n"), d.pop("zz", "dflt"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
del d["b"]
d["b"] = 0
print(list(d.items()), sorted(d, key=d.get), dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0))
ks = d.keys()
d["new"] = 1
print(ks, "new" in ks, {1: "a"} == {1: "a"}, {1: 1, True: 2}, repr({}))
print({**{"a": 1}, "b": 2, **{"a": 3}})
for k in d:
    d[k] = 0
print(d)
try:
    d["missing"]
except KeyError as e:
    print(repr(e))
try:
    for k in d:
        d["grow"] = 1
except RuntimeError as e:
    print(e)
try:
    {[]: 1}
except TypeError as e:
    print(e)
