# sys.getsizeof (modules/sys_memory.c): __sizeof__ plus the GC header; a dict's size jumps when it resizes
import sys

print(sys.getsizeof(1), sys.getsizeof(2**100), sys.getsizeof([]))
print(sys.getsizeof({}), sys.getsizeof(()), sys.getsizeof((1, 2)), sys.getsizeof(1.5))
d = {}
prev = sys.getsizeof(d)
for i in range(100):
    d[i] = i
    s = sys.getsizeof(d)
    if s != prev:
        print("dict of", i + 1, "items:", s)
        prev = s
lst = []
prev = sys.getsizeof(lst)
for i in range(40):
    lst.append(i)
    s = sys.getsizeof(lst)
    if s != prev:
        print("list of", i + 1, "items:", s)
        prev = s


class S:
    def __sizeof__(self):
        return 100


class NoGC(int):
    def __sizeof__(self):
        return 7


print(sys.getsizeof(S()) >= 100, sys.getsizeof(NoGC()) >= 7)


class Bad:
    def __sizeof__(self):
        return -1


class Bad2:
    def __sizeof__(self):
        return "x"


try:
    sys.getsizeof(Bad())
except ValueError as e:
    print(e)
try:
    sys.getsizeof(Bad2())
except TypeError as e:
    print(e)
print(sys.getsizeof(Bad2(), 42))
try:
    sys.getsizeof()
except TypeError as e:
    print(type(e).__name__)
print(object().__sizeof__() > 0, [].__sizeof__() + 16 == sys.getsizeof([]))
