# 1.1 gc.freeze(): everything tracked so far moves to a permanent
# generation that collections never scan (nor free); gc.unfreeze() puts
# it back in the oldest generation.
import gc


class Cycle:
    def __init__(self, name):
        self.me = self
        self.name = name

    def __del__(self):
        print("del", self.name)


gc.collect()
print(gc.get_freeze_count())
state = [[i] for i in range(1000)]
gc.freeze()
print(gc.get_count())
frozen = gc.get_freeze_count()
print(frozen >= 1001)
print(any(o is state for g in range(3) for o in gc.get_objects(g)))
print(any(o is state for o in gc.get_objects()))

old = Cycle("frozen")
gc.freeze()
new = Cycle("not frozen")
del old, new
print("collecting")
print(gc.collect() > 0)
print("frozen garbage survives")
gc.unfreeze()
print(gc.get_freeze_count())
print(any(o is state for o in gc.get_objects(2)))
print("collecting after unfreeze")
print(gc.collect() > 0)
print(gc.collect())
gc.freeze()
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
gc.unfreeze()
print(gc.get_freeze_count())
print("end")
