# format(): the mini-language over int, float, str, complex; errors
from support import t

for spec in ['', 'd', '5d', '<5d', '^6d', '>5d', '=+6d', '*^9,d', '_d', ',d', '08,d', '#x', '#X', '#o', '#b', 'x', '_x', '_b', 'c', 'n', '+d', ' d', '-d', '010d', '#010x', 'e', '.2e', 'f', '.3g', '%', '.1%', 'E', 'G', 'F', 's', '.2f', ',.2f', 'z', '10.3', '=10']:
    for v in [0, 7, -1234567, 2**70]:
        t(lambda: format(v, spec))
for spec in ['', 'f', '.0f', '.3f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.0%', '+.2f', ' .1f', '08.2f', '^10.2f', ',.2f', '_.3f', '#.0f', '#g', '.10g', 'n', '.2n', 'z.2f', 'd', 'x', 's', '.1', '10', '<10', '=+12.3e', '.0e', '#.0e', '.20f', '.50g', 'r']:
    for v in [0.0, -0.0, 1.5, -1234567.891, 1e300, 1e-300, float('inf'), float('nan'), 0.1, 2.5, 1e16, 123456789.0]:
        t(lambda: format(v, spec))
for spec in ['', 's', '10', '<10', '>10', '^10', '*^11', '.2', '10.2', 'd', '=10', '+', ' ', '#', '0', ',', 'x']:
    for v in ['', 'abc', 'héllo']:
        t(lambda: format(v, spec))
t(lambda: format(1, '1000000000000000000000000d'))
t(lambda: format(1.5, '.1000000000000000000000f'))
t(lambda: format(1, ',_d'))
t(lambda: format(1, '_,d'))
t(lambda: format(1, '<<5'))
t(lambda: format(1, 'dd'))
t(lambda: format(1, '.2d'))
t(lambda: format('a', 'c'))
t(lambda: format(65, '+c'))
t(lambda: format(0x110000, 'c'))
t(lambda: format(-1, 'c'))
t(lambda: format(True, ''))
t(lambda: format(True, 'd'))
t(lambda: format(True, '^6'))
t(lambda: format(None, ''))
t(lambda: format(None, 's'))
t(lambda: '{:{}{}}'.format(3.14159, '.', 3))
t(lambda: '{0:>{1}}|{2!r:^8}|{x.real}|{y[1]}'.format('a', 4, 'b', x=3j, y=[0, 5]))
t(lambda: '{}{}'.format(1))
t(lambda: '{0}{}'.format(1, 2))
t(lambda: '{}{0}'.format(1, 2))
t(lambda: '{a}'.format(1))
t(lambda: '{0[x]}'.format({}))
t(lambda: '{0.nope}'.format(1))
t(lambda: '{!x}'.format(1))
t(lambda: '{'.format())
t(lambda: '}'.format())
t(lambda: '{{}}{}'.format(5))
t(lambda: '{:d}'.format('a'))
t(lambda: '{0!s:>5}'.format(None))
t(lambda: '{0:{1}}'.format(5, '{'))
t(lambda: 'x{0:}y'.format(1))
t(lambda: '{0[0]}'.format('abc'))
t(lambda: '{0[-1]}'.format('abc'))
t(lambda: '{:%Y}'.format(1))
t(lambda: '{a}{b}'.format_map({'a': 1, 'b': 2}))
class Missing(dict):
    def __missing__(self, k):
        return '<' + k + '>'
t(lambda: '{a}{zz}'.format_map(Missing(a=1)))
x, w, p = 3.14159, 10, 2
t(lambda: f'{x:{w}.{p}f}|{x!r}|{x=}|{w = }|{"s"!a}|{x:>{w}}')
t(lambda: f'{3+4j:.1f}|{-0.0:z.1f}|{12345:_x}|{1e6:,.0f}')
class F:
    def __format__(self, spec):
        return 'F(' + spec + ')'
t(lambda: format(F(), 'abc'))
t(lambda: f'{F():xyz}')
class Bad:
    def __format__(self, spec):
        return 5
t(lambda: format(Bad()))
t(lambda: format(object(), '')[:15])
t(lambda: format(object(), 's'))
