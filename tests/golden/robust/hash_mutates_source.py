# A key whose __hash__ or __setattr__ empties the container being read
# must not free the key in use: set(dict) takes the dict's stored hashes
# (no __hash__ call, as CPython's _PyDict_Next), str.maketrans and
# BaseException.__setstate__ hold what they borrowed from the dict.
calls = []
T = {}
class StrSub(str):
    def __hash__(s):
        calls.append(str(s))
        T.clear()
        return str.__hash__(s)
T = {StrSub('a'): 1, 'b': 2}
calls.clear()
print(sorted(set(T)), sorted(frozenset(T)), calls)
s = {0}
s.update(T)
print(sorted(s, key=str), calls)
X = {}
class I(int):
    def __hash__(s):
        X.clear()
        return 5
X = {I(5): 'a', 7: 'b'}
print(str.maketrans(X))
S = {}
class E(ValueError):
    def __setattr__(s, k, v):
        S.clear()
        object.__setattr__(s, k, v)
S = {'a' + '1': [1], 'b' * 2: [2]}
e = E()
e.__setstate__(S)
print(e.a1, hasattr(e, 'bb'), S)
D = {}
class K:
    def __init__(s, n):
        s.n = n
    def __hash__(s):
        return 0
    def __eq__(s, o):
        D.clear()
        return s is o
D = {K(i): i for i in range(6)}
D = {}
for i in range(6):
    D[K(i)] = i
print(len(set(D)), len(D))
