# multiprocessing.shared_memory: SharedMemory over shm_open + mmap, its buf
# a memoryview; ShareableList in CPython's layout
# (lib/multiprocessing/shared_memory.py).
from multiprocessing import shared_memory
from multiprocessing.shared_memory import SharedMemory, ShareableList
def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
shm = SharedMemory(create=True, size=64)
print(shm.size, len(shm.name), shm.name.startswith('psm_'), type(shm.buf).__name__, shm.buf.nbytes)
d = shm.buf.cast('d')
d[0] = 1.5
d[7] = -2.25
other = SharedMemory(shm.name)
print(other.size, other.buf.cast('d').tolist())
other.buf[8:16] = memoryview(bytes(8))
print(d[1], other.buf[0:8].cast('d')[0])
t(lambda: shm.close())
d.release()
t(lambda: shm.close())
t(lambda: shm.buf)
t(lambda: shm.close())
ob = other.buf.cast('q', [2, 4])
print(ob.shape, ob.tolist()[0][0])
ob.release()
other.close()
other.unlink()
try:
    SharedMemory(other.name)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
t(lambda: SharedMemory(size=-1))
t(lambda: SharedMemory(create=True, size=0))
t(lambda: SharedMemory())
sl = ShareableList([1, 2.5, True, None, 'hello', b'by\x00tes', -7, 'exactly8'])
print(len(sl), list(sl), sl.format)
sl[0] = 'x'
sl[1] = 42
sl[4] = 'world'
t(lambda: sl.__setitem__(4, 'much too long for this'))
t(lambda: sl[99])
t(lambda: sl.__setitem__(99, 1))
print(list(sl), sl.format, sl.count(42), sl.index(42), sl[-1])
t(lambda: sl.index('zz'))
sl2 = ShareableList(name=sl.shm.name)
print(list(sl2), repr(sl2).startswith('ShareableList(['))
sl2[6] = 3.25
print(sl[6])
sl2.shm.close()
sl.shm.close()
sl.shm.unlink()
empty = ShareableList([])
print(len(empty), list(empty), empty.format)
empty.shm.close(); empty.shm.unlink()
