# collections.UserDict / UserList / UserString, and OrderedDict views
from collections import UserDict, UserList, UserString, OrderedDict


class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)


d = Lower({'A': 1}, B=2)
d['C'] = 3
print(d, len(d), 'a' in d, d.get('z', 0), sorted(d.keys()), d.data, d.copy(), type(d.copy()).__name__)
print(d | {'q': 9}, Lower.fromkeys('XY', 0), d.pop('a'), d.setdefault('n', 5), d)


class Missing(UserDict):
    def __missing__(self, key):
        return 'missing ' + key


print(Missing()['k'])
try:
    UserDict()['k']
except KeyError as e:
    print('KeyError:', e)
ul = UserList([3, 1, 2])
ul.append(0)
ul.sort()
print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], [9] + list(ul), ul * 2, len(ul), ul.index(2), ul.count(1), 3 in ul)
ul.extend(UserList([7]))
ul.insert(0, -1)
ul.remove(1)
ul.reverse()
print(ul, ul.pop(), ul.pop(0), ul == [0, 2, 3], ul < [9], ul.copy())
us = UserString('Hello')
print(us, repr(us), us.upper(), us.lower(), us + '!', us * 2, len(us), us[1:3], 'ell' in us, us == 'Hello', us.split('l'))
od = OrderedDict(a=1, b=2, c=3)
k, v, i = od.keys(), od.values(), od.items()
print(k, v, i, len(k), list(reversed(k)), list(reversed(v)), list(reversed(i)), 'b' in k, 2 in v, ('c', 3) in i)
print(k & {'a', 'z'}, k | {'q'} == {'a', 'b', 'c', 'q'}, k - {'a'} == {'b', 'c'}, k == {'a', 'b', 'c'}, i == {('a', 1), ('b', 2), ('c', 3)})
od['d'] = 4
print(k, list(v), len(i))
