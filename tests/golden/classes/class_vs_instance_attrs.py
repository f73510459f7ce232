# Class attributes are shared until an instance attribute shadows them; __dict__ shows the split.
class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(Counter.count)
a = Counter()
b = Counter()
print(Counter.count, a.count, a.items is b.items, b.items)
a.count = 100
print(a.count, b.count, Counter.count, a.__dict__, b.__dict__)
del a.count
print(a.count)
Counter.extra = "added later"
print(b.extra, hasattr(b, "missing"), getattr(b, "missing", "default"))
setattr(b, "dyn", 5)
print(b.dyn, sorted(b.__dict__))
try:
    b.nothing
except AttributeError as e:
    print(e)
try:
    del b.nothing
except AttributeError as e:
    print(e)
