# SharedMemory written by children of each start method, seen by the parent
import multiprocessing as mp
from multiprocessing import shared_memory


def writer(name, k):
    shm = shared_memory.SharedMemory(name)
    vals = shm.buf.cast('d')
    for i in range(len(vals)):
        vals[i] = vals[i] + k * 100 + i / 4
    vals.release()
    shm.close()


if __name__ == '__main__':
    shm = shared_memory.SharedMemory(create=True, size=8 * 4)
    view = shm.buf.cast('d')
    for k, method in enumerate(('fork', 'spawn', 'forkserver'), 1):
        p = mp.get_context(method).Process(target=writer, args=(shm.name, k))
        p.start()
        p.join()
        print(method, p.exitcode, view.tolist())
    view.release()
    shm.close()
    shm.unlink()
