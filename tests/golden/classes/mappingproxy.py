# C.__dict__ is a read-only mappingproxy over the class's dict (type_get_dict)
class A:
    """doc"""
    x = 1
    def f(self):
        return 2

d = A.__dict__
print(type(d).__name__)
print(sorted(k for k in d))
print(d['x'], 'x' in d, 'y' in d, len(d) == len(list(d)))
print(d.get('x'), d.get('y'), d.get('y', 5))
print(sorted(d.keys())[:3])
print(A.__dict__['__doc__'], A.__dict__['__module__'])
try:
    d['x'] = 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    del d['x']
except TypeError as e:
    print(type(e).__name__, e)
try:
    d['missing']
except KeyError as e:
    print('KeyError', e)
A.y = 10                      # setattr on the class shows through
print(d['y'], 'y' in A.__dict__)
c = d.copy()
print(type(c).__name__, c['y'])
print(repr(type.__dict__['mro']))
class B:
    pass
print(B.__dict__ == dict(B.__dict__))
print(repr(type('E', (), {'z': 1}).__dict__['z']))
print(type(int.__dict__).__name__, int.__dict__['bit_length'])
print('__qualname__' in A.__dict__, A.__dict__['__doc__'])
