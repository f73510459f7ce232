# memoryview over an array shares its memory; resizing with a live view
# raises BufferError (modules/arraymodule.c array_getbuffer).
from array import array
def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
a = array('d', [1.0, 2.0, 3.0])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.tolist())
m[0] = 9.5
print(a)
t(lambda: a.append(1))
t(lambda: a.pop())
t(lambda: a.extend([1]))
t(lambda: a.insert(0, 1))
t(lambda: a.remove(2.0))
t(lambda: a.frombytes(b''))
t(lambda: a.frombytes(b'12345678'))
def f():
    del a[0]
t(f)
def g():
    a[0:1] = array('d', [5.0])
    return a
t(g)
def h():
    a[0:1] = array('d', [5.0, 6.0])
t(h)
t(lambda: a.byteswap() or a.byteswap())
def k():
    a *= 2
t(k)
m.release()
t(lambda: a.append(4.0) or a)
b = m = memoryview(a).cast('B')
print(len(b), b[0:8].cast('d').tolist())
bm = memoryview(array('B', range(12))).cast('B', [3, 4])
print(bm.tolist(), bm[1, 2], bm[-1, -1])
im = memoryview(array('i', range(6)))
print(im[::2].tolist(), im[::-1].tolist(), im[1:-1:2].strides)
print(memoryview(array('u', 'xyz')).format)
sub = array('H', [1, 2])
class MyArray(array):
    pass
ma = MyArray('i', [1, 2, 3])
print(ma, type(ma).__name__, ma[1:], type(ma[1:]).__name__, ma.x if hasattr(ma, 'x') else 'none')
ma.x = 5
print(ma.x, len(ma), sum(ma))
mm = memoryview(ma)
t(lambda: ma.append(1))
del mm
t(lambda: ma.append(1) or ma)

from array import array
b2 = array('i', [1, 2, 3]); m = memoryview(b2)
def t(f):
    try: f(); print('ok', b2)
    except BufferError as e: print(e)
t(lambda: b2.__setitem__(slice(1,1), array('i')))
t(lambda: b2.__setitem__(slice(0,1), array('i', [9])))
t(lambda: b2.__setitem__(slice(0,3,2), array('i', [7, 7])))
t(lambda: b2.__setitem__(slice(0,2), array('i', [5, 5])))
t(lambda: b2.__delitem__(slice(0,3,2)))
t(lambda: b2.__delitem__(slice(3,3,2)))
t(lambda: b2.extend([]))
t(lambda: b2.frombytes(b''))
t(lambda: b2.fromlist([]))
t(lambda: b2.__setitem__(0, 4))
def iadd():
    global b2
    b2 += array('i')
def imul():
    global b2
    b2 *= 1
t(iadd)
t(imul)

