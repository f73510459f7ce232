# C objects that forward to the object they wrap, nested 300,000 deep:
# each use recurses on the C stack with no Python frame in between, and
# CPython 3.11 overflows its C stack on most of them.  minipy must raise
# RecursionError (the checks: MpObject_Vectorcall, MpIter_Next,
# mappingproxy and GenericAlias forwarding, MpEval_CheckCStack in vm.h),
# or give the right answer where the C compiler made the forwarding a
# tail call (an optimised mappingproxy len() uses no stack).
import functools
import sys
import types

N = 300000
failures = []
count = 0


def case(name, make, seed, use, answer=None):
    global count
    count += 1
    x = seed
    for _ in range(N):
        x = make(x)
    try:
        r = use(x)
    except RecursionError:
        return
    except Exception as e:
        failures.append('%s: %s' % (name, type(e).__name__))
        return
    if answer is None or r != answer:
        failures.append('%s: no RecursionError, returned %r' % (name, r))


case('map', lambda x: map(abs, x), [1], next)
case('filter', lambda x: filter(None, x), [1], next)
case('zip', zip, [1], next)
case('enumerate', enumerate, [1], next)
case('map in list()', lambda x: map(abs, x), [1], list)
case('map in for', lambda x: map(abs, x), [1], lambda x: [a for a in x])
case('map in sum()', lambda x: map(abs, x), [1], sum)
case('iter(callable, sentinel)', lambda x: iter(x.__next__, None),
     iter([1]), next)
case('property of property', lambda p: property(p.__get__),
     property(lambda s: 1), lambda p: p.__get__(1))
case('staticmethod call', staticmethod, lambda: 1, lambda f: f())
case('partial of __call__', lambda f: functools.partial(f.__call__),
     lambda: 1, lambda f: f())
case('mappingproxy len', types.MappingProxyType, {1: 2}, len, 1)
case('mappingproxy getitem', types.MappingProxyType, {1: 2},
     lambda d: d[1], 2)
case('mappingproxy contains', types.MappingProxyType, {1: 2},
     lambda d: 1 in d, True)
case('mappingproxy iter', types.MappingProxyType, {1: 2}, iter)
case('mappingproxy get', types.MappingProxyType, {1: 2},
     lambda d: d.get(1))
case('GenericAlias getattr', lambda g: types.GenericAlias(g, int), list,
     lambda g: g.append)
case('GenericAlias call', lambda g: types.GenericAlias(g, int), list,
     lambda g: g())
case('GenericAlias hash', lambda g: types.GenericAlias(g, int), list, hash)
case('method of method call', lambda f: types.MethodType(f, 1),
     lambda *a: a, lambda m: m())
case('method of method hash', lambda f: types.MethodType(f, 1),
     lambda *a: a, hash)
case('method of method getattr', lambda f: types.MethodType(f, 1),
     lambda *a: a, lambda m: m.__name__)
case('method of method repr', lambda f: types.MethodType(f, 1),
     lambda *a: a, repr)
if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('ok: %d cases raised RecursionError' % count)
