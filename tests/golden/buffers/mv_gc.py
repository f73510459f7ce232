# memoryviews are GC containers: a cycle through a view and the object it
# views (a bytearray subclass whose attribute holds the view) is collected
# and the export given back (objects/memoryview.c memory_traverse).
import gc


class Buf(bytearray):
    pass


print(gc.is_tracked(memoryview(b'x')))
gc.collect()
b = Buf(b'abc')
b.view = memoryview(b)
b.view2 = b.view[1:]
try:
    b.append(1)
except BufferError as e:
    print(e)
del b
print(gc.collect() > 0)
print(gc.collect())

# A view in a list that contains itself, through the view's object.
class Holder(bytearray):
    pass


h = Holder(b'zz')
h.items = [memoryview(h).cast('c'), memoryview(h)]
h.items.append(h.items)
del h
print(gc.collect() > 0)
