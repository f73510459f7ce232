# array methods, slicing, slice assignment, comparison, + and *
# (modules/arraymodule.c).
from array import array


def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

a = array('i', [1,2,3])
t(lambda: a.buffer_info()[1])
t(lambda: a.itemsize)
t(lambda: a.typecode)
t(lambda: a.index(2))
t(lambda: a.index(5))
t(lambda: a.index(2, 2))
t(lambda: a.index(2, -3, -1))
t(lambda: a.count(2))
t(lambda: a.remove(5))
t(lambda: a.pop(10))
t(lambda: array('i').pop())
t(lambda: a.insert(100, 4) or a)
t(lambda: a.insert(-100, 0) or a)
t(lambda: a.extend([5, 6]) or a)
t(lambda: a.extend(array('d')) or a)
t(lambda: a.extend(array('i', [7])) or a)
t(lambda: a.extend(5))
t(lambda: a.fromlist((1,)))
t(lambda: a.fromlist([1, 'a']) or a)
t(lambda: a.frombytes(b'abc'))
t(lambda: a.frombytes('abc'))
t(lambda: a.frombytes(b'abcd') or a)
t(lambda: a.tobytes())
t(lambda: a.tolist())
t(lambda: a.byteswap() or a)
t(lambda: a.reverse() or a)
t(lambda: a + array('i', [1]))
t(lambda: a + array('d', [1]))
t(lambda: a + [1])
t(lambda: a * 2)
t(lambda: 2 * array('b', [1]))
t(lambda: array('b', [1]) * -1)
t(lambda: a[1:3])
t(lambda: a[::-1])
t(lambda: a[100])
t(lambda: a['x'])
b = array('i', range(10))
def sa(k, v):
    def f():
        b[k] = v
        return b
    return f
t(sa(slice(0, 2), array('i', [9])))
t(sa(slice(0, 2), [9]))
t(sa(slice(0, 2), array('d', [9])))
t(sa(slice(0, 6, 2), array('i', [1, 2])))
t(sa(slice(0, 6, 2), array('i', [1, 2, 3])))
t(sa(0, 'a'))
t(sa(0, 2**40))
t(sa(100, 1))
def dl(k):
    def f():
        del b[k]
        return b
    return f
t(dl(slice(0, 6, 2)))
t(dl(0))
t(dl(-1))
t(dl(100))
t(lambda: array('i', [1,2]) == array('d', [1.0, 2.0]))
t(lambda: array('i', [1,2]) < array('i', [1,3]))
t(lambda: array('i', [1,2]) < array('i', [1]))
t(lambda: array('i', [1,2]) == [1, 2])
t(lambda: array('i', [1,2]) < [1, 3])
t(lambda: 2 in array('i', [1,2]))
t(lambda: hash(array('i')))
t(lambda: len(array('i', [1,2])))
t(lambda: list(array('d', [1,2])))
t(lambda: bytes(array('h', [1,2])))
c = array('i', [1,2,3])
c += array('i', [4])
t(lambda: c)
c *= 2
t(lambda: c)
import array as A
t(lambda: A.typecodes)
t(lambda: A.ArrayType is array)
t(lambda: array.__name__)
t(lambda: array.__module__)
t(lambda: type(iter(array('i'))).__name__)

