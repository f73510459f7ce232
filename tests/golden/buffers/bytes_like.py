# Other built-ins take any bytes-like object: bytes methods, join, int(),
# float(); a strided memoryview is refused where CPython refuses it.
from array import array
import mmap
m = memoryview(b'hello world')
def t(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: b'-'.join([m[:5], m[6:]]))
t(lambda: bytearray(b'x') + m)
t(lambda: bytearray(b'x').extend(m) )
t(lambda: b'hello world'.startswith(m[:5]))
t(lambda: b'hello world'.find(m[6:]))
t(lambda: m[:5] in b'say hello')
t(lambda: int.from_bytes(m[:2], 'big'))
t(lambda: str(m, 'ascii'))
t(lambda: bytes(m).replace(m[:1], b'J'))
t(lambda: b'a' * 2 + array('b', [65, 66]))
t(lambda: bytes(array('h', [1, 2])))
t(lambda: bytearray(array('h', [1, 2])))
t(lambda: b''.join([array('b', [67]), mmap.mmap(-1, 1), memoryview(b'z')]))
t(lambda: int(memoryview(b'42')))
t(lambda: float(memoryview(b'1.5')))
t(lambda: b'x'.join([m[::2]]))
t(lambda: bytes(m).split(m[5:6]))
t(lambda: memoryview(b'abc').tobytes().decode())
t(lambda: bytearray(m[::-1]))
t(lambda: len(bytes(memoryview(array('d', [1.0, 2.0])))))
t(lambda: bytes(memoryview(b'abcdef').cast('B', [2, 3])))
t(lambda: b'abc' == memoryview(b'abc'))
t(lambda: bytearray(b'abc') == memoryview(b'abc'))
t(lambda: array('b', [1]) == memoryview(array('b', [1])))


for x in (memoryview(b'4x'), memoryview(b' 42 '), array('b', [52, 50]), memoryview(b'1_0'), memoryview(b'1e3')[::2], memoryview(b'')):
    try: print(int(x))
    except Exception as e: print(type(e).__name__, e)
    try: print(float(x))
    except Exception as e: print(type(e).__name__, e)
class F(float): pass
print(F(memoryview(b'2.5')), type(F(memoryview(b'2.5'))).__name__)
