# Pickler and Unpickler objects: dump/load on files, several pickles in
# one stream, persistent ids, dispatch_table, reducer_override,
# fix_imports and the encoding of Python 2 strings.
import copyreg
import io
import pickle


class Record:
    def __init__(self, key):
        self.key = key

    def __repr__(self):
        return 'Record(%r)' % self.key


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return ('Record', obj.key)
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, key = pid
        return 'loaded %s %s' % (kind, key)


for proto in (2, 3, 4, 5):
    f = io.BytesIO()
    DBPickler(f, proto).dump([Record(1), 'plain', Record('two')])
    print(proto, f.getvalue().hex())
    f.seek(0)
    print(DBUnpickler(f).load())



class TextIds(pickle.Pickler):
    def persistent_id(self, obj):
        return 'id%d' % obj if isinstance(obj, int) and obj > 100 else None


class TextLoad(pickle.Unpickler):
    def persistent_load(self, pid):
        return pid.upper()


for proto in (0, 2):
    f = io.BytesIO()
    TextIds(f, proto).dump([1, 500])
    print(proto, f.getvalue())
    f.seek(0)
    print(TextLoad(f).load())


# several pickles in one file, read back one by one
f = io.BytesIO()
for obj in (1, [2, 3], {'four': 4}, 'five' * 3):
    pickle.dump(obj, f)
f.write(b'trailing')
f.seek(0)
for i in range(4):
    print(pickle.load(f))
print(f.read())

# a Pickler reused: the memo persists between dumps unless cleared
f = io.BytesIO()
p = pickle.Pickler(f, 2)
shared = ['s']
p.dump(shared)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(f.getvalue().hex())
f.seek(0)
u = pickle.Unpickler(f)
a = u.load()
b = u.load()
c = u.load()
print(a, b, c, a is b, a is c)


# dispatch_table on a Pickler, and copyreg's global table
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return 'Money(%d)' % self.cents


def reduce_money(m):
    return (Money, (m.cents * 2,))


f = io.BytesIO()
p = pickle.Pickler(f, 4)
p.dispatch_table = {Money: reduce_money}
p.dump(Money(21))
print(f.getvalue().hex(), pickle.loads(f.getvalue()))
print(pickle.loads(pickle.dumps(Money(21))))
copyreg.pickle(Money, reduce_money)
print(pickle.loads(pickle.dumps(Money(5))))
del copyreg.dispatch_table[Money]


class Overriding(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Money:
            return (str, ('money class',))
        if isinstance(obj, float):
            return (int, (int(obj),))
        return NotImplemented


f = io.BytesIO()
Overriding(f, 4).dump([Money, 1.5, 'x', Record(3)])
print(f.getvalue().hex())
print(pickle.loads(f.getvalue()))

# fix_imports: protocol 2 names builtins __builtin__ unless told not to
print(pickle.dumps(set(), 2))
print(pickle.dumps(set(), 2, fix_imports=False))
print(pickle.dumps(len, 2, fix_imports=False))
print(pickle.loads(b'\x80\x02c__builtin__\nset\nq\x00]q\x01K\x01a\x85q\x02Rq\x03.'))
print(pickle.loads(b'cexceptions\nValueError\n(S\'x\'\ntR.'))
print(repr(pickle.loads(b'\x80\x02c__builtin__\nxrange\nK\x00K\x03K\x01\x87R.')))

# Python 2 str opcodes: decoded with encoding, or kept as bytes
py2 = b"\x80\x02U\x04caf\xe9q\x00."
print(pickle.loads(py2, encoding='latin1'))
print(pickle.loads(py2, encoding='bytes'))
try:
    pickle.loads(py2)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print(pickle.loads(b"S'a\\nb\\x41\\\\'\np0\n.", encoding='latin1'))
print(pickle.loads(b'T\x02\x00\x00\x00hi.'))
print(pickle.loads(b'Vx\\u20acy\np0\n.'))
print(pickle.loads(b'(lp0\nI1\naI02\naF1.5\naL12345678901234567890L\na.'))
print(pickle.loads(b'(dp0\nS\'k\'\np1\nI00\ns.'))
print(pickle.loads(b'(I1\nI2\ntp0\n.'), pickle.loads(b'I01\n.'))
print(pickle.Pickler.__name__, pickle.Unpickler.__module__)
try:
    pickle.loads(b'\x80\x04\x8c\x01x\x94)\x81.')
except pickle.UnpicklingError as e:
    print(e)
try:
    pickle.loads(b'\x80\x04\x8c\x08builtins\x8c\x03int\x93K\x01\x81.')
except pickle.UnpicklingError as e:
    print(e)
