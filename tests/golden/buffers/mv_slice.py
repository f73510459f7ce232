# Slicing a memoryview makes a new view of the same memory: no copy,
# strides multiply with the step (objects/memoryview.c slice_view).
ba = bytearray(b'abcdefgh')
m = memoryview(ba)
s = m[2:6]
print(s.tobytes(), s.shape, s.strides, s.obj is ba, s.c_contiguous)
ba[3] = ord('X')
print(s.tobytes(), s[1])
s[0] = ord('Z')
print(ba)
e = m[::2]
print(e.tolist(), e.shape, e.strides, e.c_contiguous, e.contiguous)
r = m[::-1]
print(r.tobytes(), r.strides, r[0], r[-1])
rr = r[1::3]
print(rr.tolist(), rr.strides)
print(m[5:2].tolist(), m[5:2].shape, m[-3:].tobytes(), m[:100].nbytes)
print(bytes(m[::2]), bytearray(m[1::2]), m[::2].tobytes(), m[::3].hex())
try:
    b'x' + m[::2]
except TypeError as ex:
    print(ex)
print(b'x' + m[:2], bytearray(b'y') + m[2:4])
i = memoryview(bytes(range(24))).cast('i')
print(i[1:5:2].tolist(), i[1:5:2].strides, i[::-2].tolist())
t = memoryview(bytes(range(12))).cast('B', [3, 4])
print(t[1:].tolist(), t[::-1].tolist(), t[::2].strides, t[::-1].c_contiguous)
try:
    m[::0]
except ValueError as ex:
    print(ex)
