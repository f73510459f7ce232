# mmap over anonymous memory: file-like reads and writes, slicing, find,
# the access modes and their errors (modules/mmapmodule.c).
import mmap, posix as os
def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
m = mmap.mmap(-1, 10)
print(repr(m))
t(lambda: mmap.mmap(-1, 0))
t(lambda: mmap.mmap(-1, -1))
t(lambda: mmap.mmap(-1, 10, offset=-1))
t(lambda: mmap.mmap(-1, 10, access=5))
t(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_SHARED, access=mmap.ACCESS_READ))
t(lambda: mmap.mmap(-1, 10, prot=mmap.PROT_READ, access=mmap.ACCESS_READ))
t(lambda: mmap.mmap(-1, 10, access=mmap.ACCESS_READ))
t(lambda: repr(mmap.mmap(-1, 10, access=mmap.ACCESS_COPY)))
t(lambda: repr(mmap.mmap(-1, 10, access=mmap.ACCESS_WRITE)))
t(lambda: repr(mmap.mmap(-1, 10, prot=mmap.PROT_READ)))
t(lambda: mmap.mmap(999, 10))
t(lambda: mmap.mmap('a', 10))
t(lambda: m.write(b'hello'))
t(lambda: m.tell())
t(lambda: m.write(b'world!'))
t(lambda: m.write('x'))
t(lambda: m[:])
t(lambda: m[0])
t(lambda: m[-1])
t(lambda: m[10])
t(lambda: m[1:8:2])
t(lambda: m['a'])
def s(k, v):
    def f():
        m[k] = v
        return m[:]
    return f
t(s(0, 72))
t(s(0, 256))
t(s(0, b'a'))
t(s(10, 1))
t(s(slice(0, 2), b'HE'))
t(s(slice(0, 2), b'HEL'))
t(s(slice(0, 4, 2), b'xy'))
t(s(slice(0, 2), 'ab'))
def d():
    del m[0]
t(d)
t(lambda: m.seek(0))
t(lambda: m.read(3))
t(lambda: m.read())
t(lambda: m.read())
t(lambda: m.read_byte())
t(lambda: m.seek(-2, 2) or m.read_byte())
t(lambda: m.seek(11))
t(lambda: m.seek(-1))
t(lambda: m.seek(0, 3))
t(lambda: m.seek(1, 1) or m.tell())
t(lambda: m.seek(10) or m.write_byte(1))
t(lambda: m.seek(0) or m.write_byte(65) or m[:3])
t(lambda: m.find(b'l'))
t(lambda: m.find(b'l', 3))
t(lambda: m.find(b'zz'))
t(lambda: m.rfind(b'l'))
t(lambda: m.find(b'l', -8, -1))
t(lambda: m.size())
t(lambda: len(m))
t(lambda: m.flush())
t(lambda: m.flush(0, 10))
t(lambda: m.move(0, 5, 5) or m[:])
t(lambda: m.move(0, 5, 6))
t(lambda: m.readline())
t(lambda: bytes(m))
t(lambda: m.closed)
mv = memoryview(m)
t(lambda: m.close())
t(lambda: m.closed)
t(lambda: mv[0])
mv.release()
t(lambda: m.close())
t(lambda: m.closed)
t(lambda: m.close())
t(lambda: m[0])
t(lambda: len(m))
t(lambda: m.read())
t(lambda: m.tell())
t(lambda: m.size())
t(lambda: repr(m))
t(lambda: memoryview(m))
r = mmap.mmap(-1, 4, access=mmap.ACCESS_READ)
t(lambda: r.write(b'a'))
def rs():
    r[0] = 1
t(rs)
t(lambda: memoryview(r).readonly)
t(lambda: r.write_byte(1))
t(lambda: r.move(0,1,1))
with mmap.mmap(-1, 3) as q:
    t(lambda: q.closed)
t(lambda: q.closed)
t(lambda: mmap.PAGESIZE, )
t(lambda: (mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.MAP_ANONYMOUS, mmap.PROT_READ, mmap.PROT_WRITE, mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY))
t(lambda: mmap.error)
import mmap
m = mmap.mmap(-1, 3)
m[:] = b'abc'
print(list(m), [x for x in m][:2])
try:
    print(b'b' in m)
except Exception as e:
    print(type(e).__name__, e)
print(m[::-1], m[-2:], m.read(), m.tell())
class MM(mmap.mmap):
    pass
s = MM(-1, 2)
print(repr(s)[:20], len(s))
s.close()
from array import array
class A(array):
    def __init__(self, *a):
        self.tag = 'x'
x = A('i', [1, 2])
print(x, x.tag, x + x, type(x + x).__name__)
