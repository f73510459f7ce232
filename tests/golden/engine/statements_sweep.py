# A sweep over issue 3 items 5-8: unpacking errors, walrus, finally flow, generator
# send/throw/close, PEP 479, chaining, exc_info, print, with, loops with else.
a, *b, c = range(5); print(a, b, c)
[x, [y, *z]] = 1, (2, 3, 4); print(x, y, z)
try: a, b = 1, 2, 3
except ValueError as e: print(e)
try: a, b, c = 1, 2
except ValueError as e: print(e)
try: a, *b, c = [1]
except ValueError as e: print(e)
try: a, b = 1
except TypeError as e: print(e)
print(1 < 2 < 3 > 2 != 5, (y := 10) + y)
print([i for i in range(3) if (w := i)], w)
def fin():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print('fin', i)
    try:
        return 1
    finally:
        return 2
print(fin())
def gen():
    try:
        x = yield 1
        print('got', x)
        yield 2
    except KeyError as e:
        print('caught', repr(e))
        yield 3
    finally:
        print('gen finally')
g = gen(); print(next(g), g.send('s'), g.throw(KeyError('k'))); g.close()
def g2():
    yield 1
    return 'rv'
def g3():
    r = yield from g2(); print('r', r)
print(list(g3()))
def bad():
    raise StopIteration
    yield
try: list(bad())
except RuntimeError as e: print(e, type(e.__cause__).__name__)
g = g2(); next(g)
try: next(g)
except StopIteration as e: print('value', e.value)
try: g.send(1)
except StopIteration as e: print('again', e.value)
g = gen(); 
try: g.send(1)
except TypeError as e: print(e)
def closer():
    try: yield 1
    except GeneratorExit: yield 2
c = closer(); next(c)
try: c.close()
except RuntimeError as e: print(e)
import sys
try:
    try: 1/0
    except ZeroDivisionError: raise KeyError('x')
except KeyError as e: print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    raise ValueError('v') from None
except ValueError as e: print(e.__suppress_context__, e.__cause__)
try:
    raise ValueError('v')
except ValueError:
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
e = ValueError('x').with_traceback(None); print(e.__traceback__)
def reraise():
    try: raise OSError(2, 'nf')
    except OSError: raise
try: reraise()
except OSError as e: print(e.errno, e.strerror, e)
try: raise
except RuntimeError as e: print(e)
print('a', 'b', sep='-', end='!\n', flush=True)
print(len([1]), list(range(2, 10, 3)), isinstance(1, (str, int)), repr('x'), str(b'y'), int('12', 8), type(1), iter([1]).__next__())
with open('/dev/null') as f1, open('/dev/null') as f2: print(f1.closed, f2.closed)
assert True
try: assert 1 == 2, 'msg'
except AssertionError as e: print(e)
x = 5; del x
try: x
except NameError as e: print(e)
for i in []: pass
else: print('for else')
while False: pass
else: print('while else')
i = 0
while i < 3:
    i += 1
    if i == 2: break
else: print('no')
print(i)
def outer():
    n = 0
    def inc():
        nonlocal n; n += 1; return n
    return inc
inc = outer(); inc(); print(inc())
G = 1
def setg():
    global G; G = 2
setg(); print(G)
