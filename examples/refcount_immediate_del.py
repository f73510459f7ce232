"""Reference counting frees an object the moment its last reference goes.

Course note, section 1.1: "Every object has an ob_refcnt. When it hits 0,
memory is freed immediately."  Each object here announces its own end in
__del__, so you can watch *when* it happens: always at the exact statement
that drops the last reference, never later.

sys.getrefcount(x) is one more than you might expect: the argument it was
called with is itself a reference, for the duration of the call.

Run:  build/minipy examples/refcount_immediate_del.py   (or python3 ...)
"""
import sys


class Resource:
    def __init__(self, name):
        self.name = name
        print(f"  open  {name}")

    def __del__(self):
        print(f"  __del__ {self.name}")


print("1. a name, then a second name for the same object")
r = Resource("a")
print("  getrefcount(r) =", sys.getrefcount(r), "(r + the call's argument)")
s = r
print("  after s = r:    ", sys.getrefcount(r))
del s
print("  after del s:    ", sys.getrefcount(r))
print("  del r ...")
del r                          # the count reaches 0 here: __del__ runs now
print("  ... del r returned")

print("2. a local variable dies when its function returns")


def work():
    tmp = Resource("local")
    print("  leaving work()")


work()
print("  work() returned")

print("3. rebinding a name drops the old object at once")
x = Resource("first")
x = Resource("second")         # 'first' is freed by this assignment
print("  x is now", x.name)

print("4. containers hold references too")
items = [Resource("in-list-0"), Resource("in-list-1")]
keep = items[1]
print("  refcount of items[1]:", sys.getrefcount(keep), "(list + keep + argument)")
items.clear()                  # in-list-0 goes; in-list-1 is still kept
print("  after clear(), keep is", keep.name)
del keep

print("5. a temporary that is never named lives only for its expression")
print("  len(name) =", len(Resource("temp").name))

print("end of script (x = 'second' is freed at interpreter exit)")
