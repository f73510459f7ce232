# 1.1 Generational collection: three generations; a collection of
# generation n promotes its survivors to n + 1 and adds one to n + 1's
# count; thresholds decide when collections start by themselves.
import gc


class Leaf:
    pass


def gen_of(obj):
    for g in range(3):
        if any(o is obj for o in gc.get_objects(g)):
            return g
    return None


gc.collect()
print(gc.get_count())
print(gc.get_threshold())
before = gc.get_count()[0]
objs = [Leaf() for _ in range(20)]
print(gc.get_count()[0] >= before + 20)

gc.collect(0)
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect(generation=2)
print(gc.get_count())

x = Leaf()
print(gen_of(x))
gc.collect(0)
print(gen_of(x))
gc.collect(0)
print(gen_of(x))
gc.collect(1)
print(gen_of(x))
gc.collect()
print(gen_of(x))
print(gen_of(7), gen_of("text"))
print(len(gc.get_objects(0)) >= 0, any(o is x for o in gc.get_objects()))

# a collection of generation 1 also collects generation 0
y = Leaf()
gc.collect(1)
print(gen_of(y))

# thresholds
gc.set_threshold(5, 2, 1000)
print(gc.get_threshold())
gc.set_threshold(10)
print(gc.get_threshold())
gc.set_threshold(5, 2, 1000)
gens = []


def cb(phase, info):
    if phase == "start":
        gens.append(info["generation"])
    print(phase, sorted(info))


gc.collect()
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
print(gens)
gens.clear()


def quiet(phase, info):
    if phase == "start":
        gens.append(info["generation"])


gc.collect()
gc.callbacks.append(quiet)
keep = [Leaf() for _ in range(60)]
gc.callbacks.remove(quiet)
print(sorted(set(gens)), gens.count(0) > gens.count(1) > 0)
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())

# a disabled collector never starts by itself
gc.disable()
gc.set_threshold(1)
gens.clear()
gc.callbacks.append(quiet)
more = [Leaf() for _ in range(30)]
gc.callbacks.remove(quiet)
print(gens)
gc.enable()
gc.set_threshold(700, 10, 10)

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
print(gc.collect())
