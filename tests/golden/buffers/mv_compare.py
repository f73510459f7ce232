# memoryview == compares item values under each side's format and shape;
# hash is hash of the bytes, for read-only byte formats only
# (objects/memoryview.c memory_richcompare, memory_hash).
from array import array


def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


m = memoryview(b'abcd')
print(m == b'abcd', m == bytearray(b'abcd'), m == memoryview(b'abcd'))
print(m != b'abce', m == b'abc', m == 'abcd', m == 1, m == None)
show(lambda: m < b'abce')
show(lambda: m <= m)
print(m.cast('h', [2]) == m.cast('h'), m.cast('h') == m)
eight = memoryview(b'\x01' + bytes(7))
print(eight.cast('d') == eight.cast('q'), eight.cast('q') == [1])
print(memoryview(b'\x01\x00\x00\x00').cast('i') == memoryview(b'\x01'))
print(memoryview(array('i', [1, 2])) == array('q', [1, 2]))
print(memoryview(array('d', [1.0, 2.0])) == array('i', [1, 2]))
nan = array('d', [1.0, float('nan')])
mn = memoryview(nan)
print(mn == nan, mn == mn, mn == memoryview(array('d', [1.0, 2.0])))
print(memoryview(array('u', 'ab')) == memoryview(array('u', 'ab')))
a, b = memoryview(b'ab').cast('c', [1, 2]), memoryview(b'ab').cast('c', [2, 1])
print(a == b, a == memoryview(b'ab').cast('c', [1, 2]))
print(memoryview(b'abcdef')[::2] == b'ace', memoryview(b'abcdef')[::-2] == b'fdb')
print(memoryview(b'ab').cast('?') == [True, True])
print(hash(memoryview(b'ab')) == hash(b'ab'))
print(hash(memoryview(b'abcdef')[::2]) == hash(b'ace'))
print(hash(memoryview(b'ab').cast('c')) == hash(b'ab'))
print(hash(memoryview(b'ab').cast('b')) == hash(b'ab'))
show(lambda: hash(memoryview(bytearray(b'ab'))))
show(lambda: hash(memoryview(b'abcdefgh').cast('d')))
show(lambda: hash(memoryview(bytearray(b'a')).toreadonly()))
d = {memoryview(b'key'): 1}
print(d[b'key'], b'key' in d)
