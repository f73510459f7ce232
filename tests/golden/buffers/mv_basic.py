# memoryview over bytes and bytearray: attributes, tolist, tobytes, hex,
# iteration, repr (objects/memoryview.c).
b = b'abcdef'
m = memoryview(b)
print(m.obj is b, m.nbytes, m.readonly, m.itemsize, m.format, m.ndim)
print(m.shape, m.strides, m.suboffsets)
print(m.c_contiguous, m.f_contiguous, m.contiguous)
print(len(m), m.tolist(), m.tobytes(), bytes(m), m.hex())
print(list(m), list(reversed(m)), 99 in m, 120 in m)
print(repr(m).startswith('<memory at 0x'), repr(m)[-1])
print(type(m).__name__, type(iter(m)).__name__)

ba = bytearray(b'\x00\x01\xfe\xff')
w = memoryview(ba)
print(w.readonly, w.obj is ba, w.tolist(), w.hex(), w.hex(':'), w.hex('-', 2))
print(w.hex(' ', -3), w.hex(b'.', 3), memoryview(b'').hex(':'))
for bad in (('::',), (1,), ('é',)):
    try:
        w.hex(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(w.toreadonly().readonly, w.readonly, w.toreadonly().tolist())
print(memoryview(memoryview(b)).obj is b)
for bad in (5, 'str', None, [1]):
    try:
        memoryview(bad)
    except TypeError as e:
        print(e)
try:
    memoryview()
except TypeError as e:
    print(e)
print(memoryview(object=b'kw').tobytes())
print(m.tobytes('C'), m.tobytes('F'), m.tobytes('A'), m.tobytes(None))
try:
    m.tobytes('X')
except ValueError as e:
    print(e)
