# Tuples, lists, dicts, sets and frozensets: opcodes, batching by 1000
# (APPENDS / SETITEMS / ADDITEMS), memo references and recursion.
import pickle


def show(label, v, protos=(2, 3, 4, 5)):
    print(label)
    for proto in protos:
        data = pickle.dumps(v, proto)
        h = data.hex()
        if len(h) > 160:
            h = h[:80] + '...' + h[-60:] + ' (%d bytes)' % len(data)
        print('  ', proto, h)


show('()', ())
show('(1,)', (1,))
show('(1, 2)', (1, 2))
show('(1, 2, 3)', (1, 2, 3))
show('(1, 2, 3, 4)', (1, 2, 3, 4))
show('nested tuples', ((1,), ((2, 3),), ()))
show('[]', [])
show('[1]', [1])
show('[1, 2]', [1, 2])
show('{}', {})
show('{1: 2}', {1: 2})
show('{1: 2, 3: 4}', {1: 2, 3: 4})
show('{"a": [1, (2,)], "b": {"c": None}}', {"a": [1, (2,)], "b": {"c": None}})
show('set()', set())
show('{1, 2, 3}', {1, 2, 3})
show('frozenset()', frozenset())
show('frozenset({1, 2})', frozenset({1, 2}))
show('{frozenset({1})}', {frozenset({1})})

# batching
for n in (999, 1000, 1001, 2000, 2001):
    show('list of %d' % n, list(range(n)), (2, 4))
    show('dict of %d' % n, dict.fromkeys(range(n)), (2, 4))
    show('set of %d' % n, set(range(n)), (2, 4))
    show('frozenset of %d' % n, frozenset(range(n)), (4,))

# shared references use the memo
s = 'shared'
lst = [1, 2]
show('shared str', [s, s, s])
show('shared list', [lst, lst, (lst, lst)])
show('same tuple twice', ((1, 2),) * 2)

# recursive structures
r = []
r.append(r)
show('list containing itself', r)
d = {}
d['self'] = d
show('dict containing itself', d)
t = ([],)
t[0].append(t)
show('tuple through a list', t)
t4 = ([], 1, 2, 3)
t4[0].append(t4)
show('4-tuple through a list', t4)
show('many memo entries', [str(i) for i in range(300)], (2, 3))
