# printf.c: str % args through the parser shared with bytes: '%%' only
# right after '%', the argument cursor after %(key), '*' values, the
# limits and messages of CPython's PyUnicode_Format
from support import tt as t


class Idx:
    def __index__(self):
        return 66


class AsInt:
    def __int__(self):
        return 67


class AsFloat:
    def __float__(self):
        return 2.5


class Str:
    def __str__(self):
        return 'from __str__'

    def __repr__(self):
        return 'caf\xe9 repr'


t(lambda: '%%|%s%%' % 'x')
t(lambda: '%5%|' % ())
t(lambda: '%5%|' % (1,))
t(lambda: '%-5%|' % ())
t(lambda: '%*%' % (3,))
t(lambda: '%(x)%' % {})
t(lambda: '%(x)%' % {'x': 1})
t(lambda: '%(a)*s' % {'a': 3})
t(lambda: '%(a)s %s' % {'a': 'q'})
t(lambda: '%s %(a)s' % {'a': 1})
t(lambda: '%(a)s|%(b)5s|%(a)r' % {'a': 1, 'b': 'x'})
t(lambda: '%(a(b))s' % {'a(b)': 'nested'})
t(lambda: '%(\u20ac)s' % {'\u20ac': 'euro'})
t(lambda: '%(a)s' % ({'a': 1},))
t(lambda: '%(a)s' % [1])
t(lambda: '%(a)' % {'a': 1})
t(lambda: '%(a' % {'a': 1})
t(lambda: 'abc' % memoryview(b'x'))
t(lambda: 'abc' % b'x')
t(lambda: 'abc' % bytearray(b'x'))

# '*' width and precision
t(lambda: '[%*s|%-*s|%*s]' % (4, 'a', 4, 'b', -4, 'c'))
t(lambda: '[%.*s|%.*s|%.*f|%.*d|%.*r|%.*c]' % (-1, 'abc', 0, 'abc', -1, 1.5, -3, 5, -3, 5, -1, 'a'))
t(lambda: '%*.*s' % (5, 2.0, 'abcd'))
t(lambda: '%*s' % (True, 'a'))
t(lambda: '%*s' % (2 ** 63, 'a'))
t(lambda: '%.*s' % (2 ** 31, 'a'))
t(lambda: '%.*s' % (2 ** 31 - 1, 'a'))
t(lambda: '%.*s' % (-2 ** 31, 'abc'))
t(lambda: '%.*s' % (2 ** 63, 'a'))
t(lambda: '%.2147483648s' % 'a')
t(lambda: '%.10000000000000000s' % 'a')
t(lambda: '%10000000000000000000s' % 'a')

# length modifiers: one is skipped
t(lambda: '%ld|%hd|%Lf' % (1, 2, 3.0))
t(lambda: '%lld' % 5)
t(lambda: '%l' % 5)

# unsupported characters: printable ones shown, others as '?'
t(lambda: '%y' % 1)
t(lambda: '%b' % 1)
t(lambda: '%\x1e' % 1)
t(lambda: '%\x1f' % 1)
t(lambda: '%~' % 1)
t(lambda: '%\x7f' % 1)
t(lambda: '%\xe9' % 1)
t(lambda: '%\u20ac' % 1)
t(lambda: '%\U0001f600' % 1)
t(lambda: 'ab%-(a)s' % {'a': 1})

# %c
t(lambda: '%c%c%c' % ('a', 0x20ac, Idx()))
t(lambda: '[%3c|%-3c|%.0c]' % ('a', 'b', 'c'))
t(lambda: '%c' % True)
t(lambda: '%c' % 0x110000)
t(lambda: '%c' % -1)
t(lambda: '%c' % 2 ** 80)
t(lambda: '%c' % 'ab')
t(lambda: '%c' % '')
t(lambda: '%c' % 1.0)
t(lambda: '%c' % AsInt())
t(lambda: '%c' % b'a')

# %s %r %a
t(lambda: '%s|%r|%a' % (Str(), Str(), Str()))
t(lambda: '[%8s|%-8r|%.3a]' % ('x', 'y', 'z\xe9'))
t(lambda: '[%05s|%+s|% s|%#r]' % ('a', 'b', 'c', 'd'))

# numbers
t(lambda: '%d|%i|%u|%x|%X|%o' % (AsInt(), 2.9, -2.9, Idx(), Idx(), Idx()))
t(lambda: '%d' % AsFloat())
t(lambda: '%f|%e' % (AsFloat(), Idx()))
t(lambda: '%i' % 'x')
t(lambda: '%u' % 'x')
t(lambda: '%x' % AsInt())
t(lambda: '%f' % 'x')
t(lambda: '%e' % 2 ** 2000)
t(lambda: '%d' % complex(1, 2))
t(lambda: '[%05f|%-05f|%+06.1f|%+f|% f|%05.1e|%-8g|%#08.3g|%+05d|%F]' % (
    float('inf'), float('nan'), -0.0, float('nan'), float('-inf'), -1.5,
    1e-5, 1.0, -3, float('nan')))
t(lambda: '[%#x|%#X|%#o|%#5x|%#05x|%-#6o|%+x|% o|%.5x|%#.5x|%08.5x]' % (
    0, 255, -8, 3, 3, 8, 10, 8, -255, 255, 3))
t(lambda: '%d|%x|%o' % (-2 ** 63, -2 ** 63, 2 ** 64))
t(lambda: '%.101f' % 1.5)
t(lambda: '%.200e' % 1.5)
t(lambda: '%.60g' % 0.1)
