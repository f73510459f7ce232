"""Shared memory between processes, seen through a typed view.

Course note, section 2.2: sending a large array to another process by
pickling copies it (twice: serialised, then rebuilt).  With
multiprocessing.shared_memory, a block of RAM is mapped into both
processes: only its *name* travels to the child.  memoryview.cast('d')
makes the raw bytes an array of C doubles in place, with no copy; this is
the buffer NumPy (np.ndarray(shape, 'd', buffer=shm.buf)) or PyTorch would
wrap.

A child process fills the doubles; the parent, which never receives them,
reads them from its own mapping of the same pages.

Run:  build/minipy examples/shared_memory_typed_view.py
"""
import multiprocessing as mp
from multiprocessing.shared_memory import SharedMemory

N = 8


def fill(name, n, method):
    """In the child: attach to the block by name and write n doubles."""
    shm = SharedMemory(name=name)
    view = shm.buf.cast("d")           # bytes -> doubles, no copy
    for i in range(n):
        view[i] = i * 1.5
    view[n - 1] = float(len(method))   # a mark from this child
    view.release()                     # views first, then the mapping
    shm.close()


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=N * 8)
    view = shm.buf.cast("d")
    print("block size:", shm.size, "bytes; typed view:", view.format,
          view.itemsize, "bytes x", len(view))
    print("before:", view.tolist())
    for method in ("fork", "spawn"):
        for i in range(N):
            view[i] = 0.0
        ctx = mp.get_context(method)
        child = ctx.Process(target=fill, args=(shm.name, N, method))
        child.start()
        child.join()
        print(f"after a {method}ed child wrote (exit code {child.exitcode}):")
        print(f"  {view.tolist()}")
    print("the same bytes, seen as raw memory:", bytes(shm.buf[8:16]).hex())
    view.release()
    shm.close()
    shm.unlink()                       # remove the block from /dev/shm
    print("unlinked")
