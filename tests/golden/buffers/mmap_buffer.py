# The mmap buffer protocol: memoryviews write straight into the mapping,
# casts give typed and multi-dimensional views, and close() refuses while
# a view is alive (modules/mmapmodule.c mmap_getbuffer, mmap_close).
import mmap


def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


m = mmap.mmap(-1, 48)
v = memoryview(m)
print(v.nbytes, v.readonly, v.format, v.obj is m)
d = v.cast('d')
d[0] = 1.5
d[5] = -0.25
print(m[0:8] == memoryview(b'\x00\x00\x00\x00\x00\x00\xf8?'), d.tolist())
grid = v.cast('i', [3, 4])
grid[1, 2] = 7
print(grid.shape, grid.strides, grid[1, 2], grid.tolist()[1])
q = v[8:16].cast('q')
q[0] = -5
print(d[1] == memoryview(m)[8:16].cast('d')[0], q.tolist())
show(m.close)
show(lambda: m.closed)
show(lambda: m.resize(100))
v.release()
show(m.close)
d.release()
grid.release()
show(m.close)
q.release()
show(m.close)
show(lambda: m.closed)
show(lambda: memoryview(m))
show(lambda: bytes(q))
with mmap.mmap(-1, 4) as m2:
    with memoryview(m2) as w:
        w[:] = b'abcd'
    print(m2[:], m2.read(2), bytes(m2))
print(m2.closed)
r = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
rv = memoryview(r)
print(rv.readonly)
show(lambda: rv.__setitem__(0, 1))
rv.release()
r.close()
c = mmap.mmap(-1, 8, access=mmap.ACCESS_COPY)
memoryview(c)[0] = 9
print(c[0], c.flush())
c.close()
big = mmap.mmap(-1, mmap.PAGESIZE * 2)
bv = memoryview(big).cast('Q')
bv[len(bv) - 1] = 2**64 - 1
print(len(bv), big[-8:] == b'\xff' * 8)
bv.release()
big.resize(mmap.PAGESIZE)
print(len(big), big.size if False else len(memoryview(big)))
big.close()
