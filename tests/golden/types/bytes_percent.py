# printf.c (PEP 461): bytes % args and bytearray % args, the conversions
# that succeed: %s %b %r %a %c, numbers, flags, width, precision, *, keys
import array


from support import tt as t


class WithBytes:
    def __bytes__(self):
        return b'<wb>'


class Idx:
    def __index__(self):
        return 66


class AsInt:
    def __int__(self):
        return 67


class AsFloat:
    def __float__(self):
        return 2.5


class BSub(bytes):
    def __bytes__(self):
        return b'never used'


# result types
t(lambda: b'%d' % 5)
t(lambda: bytearray(b'%s-%x') % (b'a', 255))
t(lambda: BSub(b'%s') % b'q')
t(lambda: b'%(k)s' % {b'k': b'v'})
t(lambda: bytearray(b'%(k)s|%(k)r') % {b'k': b'v'})
t(lambda: b'plain' % ())
t(lambda: b'plain' % {})
t(lambda: b'plain' % [])
t(lambda: b'plain' % {b'unused': 1})
t(lambda: b'' % ())
t(lambda: b'%%' % ())
t(lambda: b'a%%b%%' % ())
t(lambda: b'%s%%%s' % (b'a', b'b'))

# %s and %b: the bytes-like objects
t(lambda: b'%s' % b'bytes')
t(lambda: b'%b' % b'bytes')
t(lambda: b'%s' % bytearray(b'ba'))
t(lambda: b'%s' % memoryview(b'mv'))
t(lambda: b'%s' % memoryview(b'abcdef')[::2])
t(lambda: b'%s' % array.array('b', [65, 66, 67]))
t(lambda: b'%s' % WithBytes())
t(lambda: b'%s' % BSub(b'sub'))
t(lambda: b'%s' % (b'\x00\xff',))
t(lambda: b'[%5s|%-5s|%.2s|%5.1s|%-5.1b]' % (b'a', b'b', b'cdef', b'gh', b'ij'))
t(lambda: b'[%05s|%+s|% s|%#s]' % (b'a', b'b', b'c', b'd'))
t(lambda: b'[%*s|%-*s|%.*s|%*.*s]' % (4, b'a', 4, b'b', 1, b'cd', 4, 2, b'efg'))
t(lambda: b'[%*s]' % (-4, b'a'))
t(lambda: b'[%.*s]' % (-1, b'abc'))

# %r and %a: ascii() of any object
t(lambda: b'%r' % 'caf\xe9')
t(lambda: b'%a' % 'caf\xe9')
t(lambda: b'%r' % b'\xff')
t(lambda: b'%a' % '\u20ac\U0001f600')
t(lambda: b'%r|%a' % (None, [1, 'x']))
t(lambda: b'%r' % ((1, 2),))
t(lambda: b'[%8r|%-8a|%.3r]' % ('x', 'y', 'zzzz'))

# %c: an int in range(256) or a single byte
t(lambda: b'%c' % 65)
t(lambda: b'%c%c%c' % (0, 255, True))
t(lambda: b'%c' % b'z')
t(lambda: b'%c' % bytearray(b'y'))
t(lambda: b'%c' % Idx())
t(lambda: b'[%3c|%-3c|%.0c]' % (65, 66, 67))

# integers
t(lambda: b'%d %i %u' % (1, -2, 3))
t(lambda: b'%x %X %o' % (255, 255, 8))
t(lambda: b'%#x %#X %#o' % (255, 255, 8))
t(lambda: b'%#x %#o' % (0, 0))
t(lambda: b'%x %#x %o' % (-255, -255, -8))
t(lambda: b'%d' % 2 ** 100)
t(lambda: b'%x' % 2 ** 64)
t(lambda: b'%o' % -2 ** 70)
t(lambda: b'%d' % -(2 ** 63))
t(lambda: b'%x' % -(2 ** 63))
t(lambda: b'%d %x' % (True, False))
t(lambda: b'%d %i' % (2.7, -2.7))
t(lambda: b'%d' % 1e20)
t(lambda: b'%d %x %o' % (Idx(), Idx(), Idx()))
t(lambda: b'%d' % AsInt())
t(lambda: b'[%5d|%-5d|%05d|%+d|% d|%+05d|% 05d]' % (42, 42, 42, 42, 42, 42, 42))
t(lambda: b'[%.3d|%.3x|%08.3d|%-8.3d|%#.5x|%#08x|%#-8x]' % (5, 5, -5, -5, 255, 255, 255))
t(lambda: b'[%.0d|%.0x|%#.0o]' % (0, 0, 0))
t(lambda: b'[%+x|% o|%+#X]' % (10, 8, 255))
t(lambda: b'[%hd|%ld|%Ld]' % (1, 2, 3))

# floats
t(lambda: b'%f %e %g' % (1.5, 1.5, 1.5))
t(lambda: b'%F %E %G' % (1e-10, 12345.678, 1e20))
t(lambda: b'%.2f %.0f %.0e %.3g' % (3.14159, 2.5, 12345, 0.0001234))
t(lambda: b'%#.0f %#g %#.3g %#e' % (1.0, 1.0, 2.0, 0.0))
t(lambda: b'[%10.3f|%-10.3f|%010.3f|%+.1f|% .1f]' % (3.14159, 3.14159, -3.14159, 2.0, 2.0))
t(lambda: b'%f %f %f' % (float('inf'), float('-inf'), float('nan')))
t(lambda: b'%F %E %G' % (float('inf'), float('nan'), float('-inf')))
t(lambda: b'[%05f|%-05f|%+f|% f|%+06.1f]' % (float('inf'), float('nan'), float('nan'), float('-inf'), -0.0))
t(lambda: b'%f %e' % (-0.0, -0.0))
t(lambda: b'%f %g' % (Idx(), AsFloat()))
t(lambda: b'%f' % 10 ** 20)
t(lambda: b'%.*f|%*.*f|%.*e' % (2, 3.14159, 8, 2, 3.14159, -1, 31.4))
t(lambda: b'%.30f' % 0.1)
t(lambda: b'%.17g %r' % (0.1, 0.1))

# mapping keys are bytes, looked up as they are written
t(lambda: b'%(a)s %(b)d %(a)s' % {b'a': b'x', b'b': 5})
t(lambda: b'%(a(b))s' % {b'a(b)': b'nested'})
t(lambda: b'%(\xff)s' % {b'\xff': b'high'})
t(lambda: b'%()s' % {b'': b'empty key'})
t(lambda: b'%(a)-4d|%(a)04d|%(a).1f' % {b'a': 7})
t(lambda: b'%(k)s' % {b'k': b'bytes key', 'k': b'str key'})
t(lambda: b'%s %(k)s' % {b'k': b'1'} if False else b'%(k)s' % {b'k': b'1'})

# the slots: __mod__, __rmod__
t(lambda: bytes.__mod__(b'%s', b'x'))
t(lambda: bytes.__rmod__(b'%s', b'x%%'))
t(lambda: bytearray.__mod__(bytearray(b'%d'), 3))
t(lambda: bytearray.__rmod__(bytearray(b'%s'), b'x'))
t(lambda: bytes.__mod__(b'x', ()))
t(lambda: (5).__mod__(b'x'))
t(lambda: 'str %s' % b'bytes')
