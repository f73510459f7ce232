# array construction and repr: typecodes, initializers, errors
# (modules/arraymodule.c array_new, array_repr).
from array import array


def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: array('x'))
t(lambda: array('dd'))
t(lambda: array(1))
t(lambda: array())
t(lambda: array('d', 1))
t(lambda: array('d', 'abc'))
t(lambda: array('b', b'\x01\xff'))
t(lambda: array('h', b'\x01\xff\x00'))
t(lambda: array('h', bytearray(b'\x01\xff')))
t(lambda: array('d', (1, 2)))
t(lambda: array('d', range(3)))
t(lambda: array('d', array('i', [1,2])))
t(lambda: array('u', array('i', [1,2])))
t(lambda: array('i', array('u', 'ab')))
t(lambda: array('d', [1,2], 3))
t(lambda: array('d', initializer=[1]))
t(lambda: array(typecode='d'))
t(lambda: repr(array('u')))
t(lambda: repr(array('u', 'ab')))
t(lambda: repr(array('b')))
t(lambda: repr(array('f', [1.5, 0.1])))
t(lambda: str(array('d', [1.5, 0.1])))
u = array('u', 'héllo')
print(u, u.tounicode(), u.itemsize, u[1], len(u))
u.fromunicode('!')
u.append('?')
print(u.tounicode(), u.tolist()[-2:])
t(lambda: u.fromunicode(5))
t(lambda: array('i').fromunicode('x'))
t(lambda: array('i').tounicode())
t(lambda: u.append('ab'))
for tc in 'bBuhHiIlLqQfd':
    a = array(tc)
    print(tc, a.itemsize, a.typecode, repr(a), len(a), a.tolist())
print(array('f', [0.1]).tolist(), array('d', [0.1]).tolist())
print(array('b', [1, 2]).buffer_info()[1], type(array('b').buffer_info()[0]))
