# 2.2 Shared memory: a block that several processes map.  Only its name
# crosses to the other process; a memoryview cast to 'd' reads and writes
# the bytes as C doubles in place, without copying (what NumPy would wrap).
# Here the child is made with os.fork; shared_memory_process.py does the
# same through multiprocessing.Process.
import os
from multiprocessing.shared_memory import SharedMemory

N = 6
shm = SharedMemory(create=True, size=N * 8)
view = shm.buf.cast("d")
print(shm.size, len(view), view.format, view.itemsize, view.nbytes)
print(view.tolist())
view[0] = 0.25
name = shm.name

pid = os.fork()
if pid == 0:
    # the child attaches by name: its own mapping of the same pages
    other = SharedMemory(name=name)
    v = other.buf.cast("d")
    seen = v[0]
    for i in range(N):
        v[i] = i * 1.5
    v[N - 1] = seen
    v.release()
    other.close()
    os._exit(0)

_, status = os.waitpid(pid, 0)
print("child exit status", os.WEXITSTATUS(status))
print(view.tolist())
print(bytes(shm.buf[8:16]).hex())

# a second attachment in this process sees the same bytes, and writes
# through it are seen by the first view at once
again = SharedMemory(name=name)
w = again.buf.cast("d")
w[2] = -1.0
print(view[2], w.tolist() == view.tolist())
print(again.name == shm.name, again.size >= N * 8)

# the raw view and the typed view share memory too
shm.buf[0:8] = bytes(8)
print(view[0])
w.release()
again.close()
view.release()
shm.close()
shm.unlink()
try:
    SharedMemory(name=name)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)
