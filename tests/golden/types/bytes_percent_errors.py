# printf.c (PEP 461): every error of bytes % args, with CPython's words
from support import tt as t


class BadBytes:
    def __bytes__(self):
        return 'not bytes'


class RaisingBytes:
    def __bytes__(self):
        raise ValueError('from __bytes__')


class BadIndex:
    def __index__(self):
        raise ValueError('from __index__')


class AsInt:
    def __int__(self):
        return 67


class AsFloat:
    def __float__(self):
        return 2.5


class RaisingFloat:
    def __float__(self):
        raise ValueError('from __float__')


# argument counts
t(lambda: b'%s %s' % (b'a',))
t(lambda: b'%s' % ())
t(lambda: b'%s' % (b'a', b'b'))
t(lambda: b'abc' % b'x')
t(lambda: b'abc' % bytearray(b'x'))
t(lambda: b'abc' % 'x')
t(lambda: b'abc' % 5)
t(lambda: bytearray(b'abc') % (1,))
t(lambda: b'%%|' % 1)
t(lambda: b'%r' % (1, 2))
t(lambda: b'%*d' % (5,))
t(lambda: b'%.*d' % (5,))
t(lambda: b'%5%' % ())
t(lambda: b'%5%' % (1,))
t(lambda: b'%*%' % (3,))

# the format itself
t(lambda: b'%' % ())
t(lambda: b'abc%' % ())
t(lambda: b'%5' % 1)
t(lambda: b'%.' % 1)
t(lambda: b'%-' % 1)
t(lambda: b'%l' % 1)
t(lambda: b'%lld' % 5)
t(lambda: b'%hhd' % 5)
t(lambda: b'%y' % 1)
t(lambda: b'a%zb' % 1)
t(lambda: b'%\x01' % 1)
t(lambda: b'%\x7f' % 1)
t(lambda: b'%\x80' % 1)
t(lambda: b'%\xe9' % 1)
t(lambda: b'%-(a)s' % {b'a': 1})
t(lambda: b'%10000000000000000000d' % 1)
t(lambda: b'%.10000000000000000s' % b'a')
t(lambda: b'%.2147483648s' % b'a')

# '*' arguments
t(lambda: b'%*d' % ('5', 3))
t(lambda: b'%.*d' % (2.0, 3))
t(lambda: b'%*d' % (2 ** 63, 1))
t(lambda: b'%.*s' % (2 ** 31, b'a'))
t(lambda: b'%.*s' % (2 ** 63, b'a'))

# mappings
t(lambda: b'%(a)s' % (5,))
t(lambda: b'%(a)s' % 5)
t(lambda: b'%(a)s' % b'ab')
t(lambda: b'%(a)s' % [1])
t(lambda: b'%(a)s' % {'a': b'str key'})
t(lambda: b'%(a' % {})
t(lambda: b'%(a(b)s' % {})
t(lambda: b'%(' % {})
t(lambda: b'%(a)' % {b'a': 1})
t(lambda: b'%(x)%' % {})
t(lambda: b'%(x)%' % {b'x': 1})
t(lambda: b'%(a)*s' % {b'a': 1})
t(lambda: b'%(a)s %s' % {b'a': b'1'})
t(lambda: b'%s %(a)s' % {b'a': b'1'})
t(lambda: b'%*s' % {b'a': 1})
t(lambda: b'%(a)s %(b)s' % {b'a': b'1'})

# %s and %b
t(lambda: b'%s' % 'str')
t(lambda: b'%b' % 'str')
t(lambda: b'%s' % 3)
t(lambda: b'%b' % 3.5)
t(lambda: b'%s' % None)
t(lambda: b'%s' % [b'a'])
t(lambda: b'%s %s' % [b'a', b'b'])
t(lambda: b'%s' % {b'a': 1})
t(lambda: b'%s' % BadBytes())
t(lambda: b'%s' % RaisingBytes())

# %c
t(lambda: b'%c' % 256)
t(lambda: b'%c' % -1)
t(lambda: b'%c' % 2 ** 100)
t(lambda: b'%c' % -2 ** 100)
t(lambda: b'%c' % b'ab')
t(lambda: b'%c' % b'')
t(lambda: b'%c' % bytearray(b'xy'))
t(lambda: b'%c' % 'a')
t(lambda: b'%c' % 65.0)
t(lambda: b'%c' % AsInt())
t(lambda: b'%c' % BadIndex())

# numbers
t(lambda: b'%d' % 'x')
t(lambda: b'%i' % 'x')
t(lambda: b'%u' % 'x')
t(lambda: b'%d' % b'5')
t(lambda: b'%x' % 1.5)
t(lambda: b'%X' % 'x')
t(lambda: b'%o' % AsInt())
t(lambda: b'%d' % complex(1, 2))
t(lambda: b'%d' % AsFloat())
t(lambda: b'%d' % {b'a': 1})
t(lambda: b'%d' % float('nan'))
t(lambda: b'%d' % float('inf'))
t(lambda: b'%x' % BadIndex())
t(lambda: b'%f' % 'x')
t(lambda: b'%e' % b'1')
t(lambda: b'%g' % None)
t(lambda: b'%f' % 2 ** 2000)
t(lambda: b'%f' % RaisingFloat())
t(lambda: b'%f' % complex(1, 0))

# the slots
t(lambda: 5 % b'x')
t(lambda: 'a' % b'x')
t(lambda: b'x' % b'y' % b'z')
t(lambda: bytes.__mod__('%s', b'x'))
t(lambda: bytearray.__mod__(b'%s', b'x'))
t(lambda: bytes.__rmod__(b'%s', b'x'))
