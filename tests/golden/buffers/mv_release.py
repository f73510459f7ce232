# release() and `with`: a bytearray stays locked against resizing while
# any view of it (slices and casts included) is alive, and a released view
# refuses every operation (objects/memoryview.c memory_release_).


def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


b = bytearray(b'xyz')
m = memoryview(b)
s = m[1:]
c = m.cast('c')
show(lambda: b.append(1))
show(lambda: b.extend(b'ab'))
show(lambda: b.pop())
show(lambda: b.clear())
show(lambda: b.__delitem__(0))


def iadd():
    global b
    b += b'q'


show(iadd)
b[0] = 65              # same size: allowed
print(m.tobytes(), s.tobytes(), c.tolist())
m.release()
show(lambda: b.append(1))
s.release()
show(lambda: b.append(1))
c.release()
show(lambda: b.append(1) or b)

m = memoryview(b)
x = memoryview(m)
m.release()
show(lambda: x.tobytes())
show(lambda: b.append(2))
x.release()
show(lambda: b.append(2) or len(b))

with memoryview(b) as q:
    show(lambda: b.pop())
    print(q[0], q.readonly)
show(lambda: b.pop())
print(repr(q).startswith('<released memory at 0x'))
for name, f in (('getitem', lambda: q[0]), ('len', lambda: len(q)),
                ('tobytes', q.tobytes), ('tolist', q.tolist),
                ('hex', q.hex), ('obj', lambda: q.obj),
                ('nbytes', lambda: q.nbytes), ('format', lambda: q.format),
                ('itemsize', lambda: q.itemsize), ('ndim', lambda: q.ndim),
                ('shape', lambda: q.shape), ('strides', lambda: q.strides),
                ('readonly', lambda: q.readonly),
                ('contiguous', lambda: q.c_contiguous),
                ('cast', lambda: q.cast('B')),
                ('memoryview', lambda: memoryview(q)),
                ('bytes', lambda: bytes(q)), ('hash', lambda: hash(q)),
                ('enter', q.__enter__),
                ('toreadonly', q.toreadonly),
                ('setitem', lambda: q.__setitem__(0, 1))):
    try:
        f()
        print(name, 'ok')
    except ValueError as e:
        print(name, e)
print(q.release(), q.release())
print(q == q, q != q, q == memoryview(b))
with memoryview(b'abc') as inner:
    outer = memoryview(inner)
print(outer.tobytes())
print(memoryview(b).__exit__(None, None, None), memoryview(b).__exit__())
it = iter(memoryview(b'ab'))
print(next(it), list(it))
