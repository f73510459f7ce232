# reprlib (limits, recursive_repr) and keyword
import reprlib
import keyword

print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100), reprlib.repr(2 ** 200))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr(set(range(20))), reprlib.repr((1,)))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr(frozenset()), reprlib.repr(()), reprlib.repr(set()))
r = reprlib.Repr()
r.maxlist = 2
r.maxstring = 10
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'), r.repr(object) , r.repr(None))


class Node:
    def __init__(self):
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return 'Node(%r)' % (self.children,)


n = Node()
n.children.append(n)
n.children.append(Node())
print(n, Node.__repr__.__name__, Node.__repr__.__qualname__)


class Other:
    @reprlib.recursive_repr('<loop>')
    def __repr__(self):
        return 'Other(%r)' % (self.me,)


o = Other()
o.me = [o]
print(o)
print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.iskeyword('True'))
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
