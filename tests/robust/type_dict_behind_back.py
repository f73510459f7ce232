# A class's dict changed behind the class's back (the real dict reached
# through gc.get_referents(C.__dict__)) must not leave the attribute
# caches holding a freed value: every modification of a dict marked as a
# class's dict calls MpType_Modified (dict.c dict_modified,
# MpDict_MarkTypeDict).  CPython 3.11 keeps its stale cache entry and
# crashes (use after free), so nothing can be recorded from it.
import gc
import sys

failures = []


def expect(what, f, want):
    try:
        got = f()
    except Exception as e:
        got = type(e).__name__
    if got != want:
        failures.append('%s: %r, expected %r' % (what, got, want))


class A:
    def m(self):
        return 1
    x = [1, 2, 3]


d = gc.get_referents(A.__dict__)[0]
a = A()
for _ in range(3):  # warm the caches (the VM's and the type's)
    a.m()
    A.x
    a.x
d['m'] = lambda self: 2
expect('replaced method', lambda: a.m(), 2)
del d['x']
expect('deleted class attribute', lambda: a.x, 'AttributeError')
expect('deleted, through the class', lambda: A.x, 'AttributeError')
d.clear()
expect('cleared dict', lambda: a.m(), 'AttributeError')
d['m'] = lambda self: 3
expect('put back', lambda: a.m(), 3)
d.update(m=lambda self: 4)
expect('update()', lambda: a.m(), 4)
d.pop('m')
expect('pop()', lambda: a.m(), 'AttributeError')


class B:
    def __len__(self):
        return 5


b = B()
e = gc.get_referents(B.__dict__)[0]
for _ in range(3):
    len(b)
del e['__len__']
expect('special method deleted', lambda: len(b), 'AttributeError')
if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('ok: class dicts changed behind the class')
