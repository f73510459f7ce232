# 2.2 Shared memory written by a multiprocessing child (fork and spawn),
# read by the parent through its own typed view: the data is never pickled,
# only the block's name is.
import multiprocessing as mp
from multiprocessing.shared_memory import SharedMemory

N = 5


def fill(name, n, mark):
    shm = SharedMemory(name=name)
    v = shm.buf.cast("d")
    for i in range(n):
        v[i] = i + mark
    v.release()
    shm.close()


if __name__ == "__main__":
    shm = SharedMemory(create=True, size=N * 8)
    view = shm.buf.cast("d")
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        p = ctx.Process(target=fill, args=(shm.name, N, len(method) / 10))
        p.start()
        p.join()
        print(method, p.exitcode, view.tolist())
    view.release()
    shm.close()
    shm.unlink()
