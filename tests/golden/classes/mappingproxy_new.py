# mappingproxy(mapping): the constructor, its errors, and a custom mapping
MP = type(type.__dict__)
for arg in ([], (), 3, 'abc'):
    try:
        MP(arg)
    except TypeError as e:
        print('TypeError:', e)
for call in (lambda: MP(), lambda: MP({}, {})):
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
d = {'a': 1}
p = MP(mapping=d)
d['b'] = 2
print(p, repr(p), len(p), list(p), 'b' in p, p == d)
print(list(p.keys()), list(p.values()), list(p.items()), p.get('a'))
class Mapping:
    def __getitem__(self, key):
        return key * 2
    def keys(self):
        return ['x']
    def get(self, key, default=None):
        return 'custom get'
print(MP(Mapping())['ab'], MP(Mapping()).get('q'))
try:
    p['c'] = 3
except TypeError as e:
    print('TypeError:', e)
try:
    hash(p)
except TypeError as e:
    print('TypeError:', e)
