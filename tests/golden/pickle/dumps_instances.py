# Instances through object.__reduce_ex__ (NEWOBJ, NEWOBJ_EX, BUILD with
# dict and slot state), __getstate__/__setstate__, __reduce__, subclasses
# of built-in types, and globals by qualified name.
import pickle


def show(label, v, protos=(2, 3, 4, 5)):
    print(label)
    for proto in protos:
        try:
            data = pickle.dumps(v, proto)
        except Exception as e:
            print('  ', proto, type(e).__name__, e)
            continue
        h = data.hex()
        if len(h) > 200:
            h = h[:120] + '...' + h[-60:] + ' (%d bytes)' % len(data)
        print('  ', proto, h)


class Plain:
    pass


class WithAttrs:
    def __init__(self):
        self.x = 1
        self.name = 'n'
        self.items = [1, 2]


class Slots:
    __slots__ = ('a', 'b', '__hidden')

    def __init__(self):
        self.a = 1
        self.__hidden = 3


class SlotsAndDict(Slots):
    def __init__(self):
        super().__init__()
        self.extra = 'e'


class State:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {'w': self.v}

    def __setstate__(self, state):
        self.v = state['w'] * 10


class FalseState:
    def __getstate__(self):
        return 0


class KwOnly:
    def __new__(cls, *, k):
        o = object.__new__(cls)
        o.k = k
        return o

    def __getnewargs_ex__(self):
        return (), {'k': self.k}


class NewArgs:
    def __new__(cls, a, b):
        o = object.__new__(cls)
        o.ab = a + b
        return o

    def __getnewargs__(self):
        return (1, 2)


class Reducer:
    def __reduce__(self):
        return (Reducer, ())


class ReducerState:
    def __reduce__(self):
        return (ReducerState, (), {'s': 1}, iter([1, 2]), iter([(3, 4)]))

    def append(self, x):
        pass

    def __setitem__(self, k, v):
        pass


class ReduceString:
    def __reduce__(self):
        return 'GLOBAL_INSTANCE'


GLOBAL_INSTANCE = ReduceString()


class Outer:
    class Inner:
        class Deepest:
            pass

        def method(self):
            pass


class MyDict(dict):
    pass


class MyList(list):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MySet(set):
    pass


class MyFloat(float):
    pass


def func():
    pass


show('Plain()', Plain())
show('WithAttrs()', WithAttrs())
show('Slots()', Slots())
show('SlotsAndDict()', SlotsAndDict())
show('State(4)', State(4))
show('FalseState()', FalseState())
show('KwOnly(k=3)', KwOnly(k=3), (4, 5))
show('NewArgs(5, 6)', NewArgs(5, 6))
show('Reducer()', Reducer())
show('ReducerState()', ReducerState())
show('GLOBAL_INSTANCE', GLOBAL_INSTANCE)
show('Plain', Plain)
show('Outer.Inner', Outer.Inner)
show('Outer.Inner.Deepest', Outer.Inner.Deepest)
show('Outer.Inner.Deepest()', Outer.Inner.Deepest())
show('Outer.Inner.method', Outer.Inner.method)
show('func', func)
show('len', len)
show('int', int)
show('type(None)', type(None))
show('NotImplemented', NotImplemented)
show('Ellipsis', ...)
show('ValueError', ValueError)
show('pickle.dumps', pickle.dumps)
show('pickle.Pickler', pickle.Pickler)
d = MyDict(a=1)
d.attr = 2
show('MyDict', d)
l = MyList([1, 2, 3])
show('MyList', l)
show('MyInt(5)', MyInt(5))
show('MyStr("s")', MyStr('s'))
show('MyTuple((1, 2))', MyTuple((1, 2)))
show('MySet({1})', MySet({1}))
show('MyFloat(1.5)', MyFloat(1.5))
w = WithAttrs()
show('same instance twice', [w, w])
p = Plain()
p.me = p
show('instance referring to itself', p)
show('list of instances', [Plain(), Plain()])
show('[].append', [].append, (4,))
show('bound method', WithAttrs().__init__, (4,))
