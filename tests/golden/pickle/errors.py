# Error types and messages of pickle, word for word as CPython's.
import io
import pickle


def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__module__, type(e).__name__, '|', e)
    else:
        print(label, '-> ok', repr(r)[:60])


def local_maker():
    def inner():
        pass
    return inner


class Local:
    pass


def make_local_class():
    class Hidden:
        pass
    return Hidden


lam = lambda: 1

attempt('lambda', lambda: pickle.dumps(lambda: 1))
attempt('named lambda', lambda: pickle.dumps(lam))
attempt('local function', lambda: pickle.dumps(local_maker()))
attempt('local class', lambda: pickle.dumps(make_local_class()))
attempt('local instance', lambda: pickle.dumps(make_local_class()()))
attempt('generator', lambda: pickle.dumps(x for x in ()))
attempt('module', lambda: pickle.dumps(pickle))
attempt('proto 6', lambda: pickle.dumps(1, 6))
attempt('proto -1', lambda: pickle.dumps(1, -1)[:2])


class BadReduce:
    def __reduce__(self):
        return 42


class ShortReduce:
    def __reduce__(self):
        return (list,)


class LongReduce:
    def __reduce__(self):
        return (list, (), None, None, None, None, None)


class NotCallable:
    def __reduce__(self):
        return (1, ())


class ArgsNotTuple:
    def __reduce__(self):
        return (list, [])


class ListItemsNotIter:
    def __reduce__(self):
        return (list, (), None, [1])


class DictItemsNotIter:
    def __reduce__(self):
        return (dict, (), None, None, {})


class WrongNewobjClass:
    def __reduce__(self):
        import copyreg
        return (copyreg.__newobj__, (Local,))


class EmptyNewobj:
    def __reduce__(self):
        import copyreg
        return (copyreg.__newobj__, ())


class Raising:
    def __reduce_ex__(self, proto):
        raise ValueError('no pickling today')


for cls in (BadReduce, ShortReduce, LongReduce, NotCallable, ArgsNotTuple,
            ListItemsNotIter, DictItemsNotIter, WrongNewobjClass,
            EmptyNewobj, Raising):
    attempt(cls.__name__, lambda: pickle.dumps(cls()))

Moved = type('Moved', (), {'__module__': 'no_such_module_anywhere'})
attempt('class of missing module', lambda: pickle.dumps(Moved))
Renamed = type('Original', (), {})
attempt('class under another name', lambda: pickle.dumps(Renamed))
Shadowed = type('Local', (), {})
attempt('not the same object', lambda: pickle.dumps(Shadowed))

# loading
for data in [b'', b'x', b'\x80\x04K', b'h\x05.', b'0', b'(t0.', b'\xff',
             b'a.', b'\x80\x06N.', b'c__main__\nnope\n.',
             b'cno_such_mod\nx\n.', b'P1\n.', b'Q.', b'e.', b'(e.', b']e.',
             b'K\x01K\x02s.', b'\x80\x04\x95\x05\x00', b'N', b'I12x\n.',
             b'\x80\x04\x8c\x01x\x94.', b'(N.', b'}(K\x01u.']:
    attempt('loads %r' % data, lambda: pickle.loads(data))
attempt('loads str', lambda: pickle.loads('abc'))
attempt('Pickler no write', lambda: pickle.Pickler(42))
attempt('dump to no write', lambda: pickle.dump(1, 42))
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
print(pickle.PicklingError, pickle.UnpicklingError, pickle.PickleError)
