# string: constants, capwords, Template, Formatter
import string
from string import Template, Formatter


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


for name in ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits',
             'hexdigits', 'octdigits', 'punctuation', 'printable', 'whitespace']:
    print(name, repr(getattr(string, name)))
print(string.capwords(' hello   world  foo'), string.capwords('a-b-c', '-'), string.capwords(''))
s = Template('$who likes $what; ${who}s cost $$5, ${n}th')
print(s.substitute(who='tim', what='kung pao', n=3))
print(s.substitute({'who': 'ann', 'what': 'tea', 'n': 1}, what='coffee'))
print(s.safe_substitute(who='bob'), s.template)
print(s.get_identifiers(), s.is_valid(), Template('$').is_valid())
t(Template('$who is $x').substitute, who=1)
t(Template('cost $ 5').substitute)
t(Template('line1\nline2 $1').substitute)
t(Template('$').substitute)
t(Template('${bad name}').substitute, bad=1)
t(Template('x\n\n  ${').substitute)
print(Template('$ and ${ and $1 and $x').safe_substitute(x='X'))
print(Template('$a$b${c}d$$$').safe_substitute(a=1, c=3))
print(Template('$_under $x9y $é').safe_substitute(_under='U', x9y='Z'))


class Pct(Template):
    delimiter = '%'


print(Pct('%who owes %%%amt').substitute(who='me', amt=5))
f = Formatter()
print(f.format('{} + {} = {}', 1, 2, 3), f.format('{0}{1}{0}', 'a', 'b'), f.format('{x!r:>6}|{y:{w}}|', x='hi', y=7, w=4))
print(f.format('{0.real} {1[1]} {d[k]} {{literal}}', 3, 'xyz', d={'k': 'v'}))
print(list(f.parse('a{0}b{x!r:>{w}}c}}{{')), list(f.parse('')), list(f.parse('tail')))
print(f.vformat('{a}-{0}', (1,), {'a': 2}), f.format('{:*^9}', 'mid'), f.format('{!a}', 'é'))
t(f.format, '{0} {}', 1, 2)
t(f.format, '{} {0}', 1, 2)
t(f.format, '}')
t(f.format, '{')
t(f.format, '{0')
t(f.format, '{0!x}', 1)
t(f.format, '{}', )
t(f.format, '{a}')
t(f.format, '{:{:{}}}', 1, 2, 3)


class Upper(Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s>' % key
        return super().get_value(key, args, kwargs)


print(Upper().format('{} and {missing}', 'abc'))
for fs in ['x{{{0}', 'a}}b{{c', '{{', '{0}{{', '{0!}', '{0!rr}', '{!r', '{0:', '{0[}',
           '{0[1]x}', '{0.}', '{0..a}', '{0]}', '{0!', '{a{b}', '{0[a]b}']:
    t(lambda: list(f.parse(fs)))
for fs in ['{0[}', '{0[1]x}', '{0.}', '{0..a}', '{0]}', '{0[]}', '{0[0]}', '{0[-1]}']:
    t(f.format, fs, [1, 2])
