# Value, Array, Lock, RLock, Semaphore, Event and Condition across processes
import multiprocessing as mp
import time


def add(counter, lock, n):
    for i in range(n):
        with lock:
            counter.value += 1


def fill(arr, raw, chars):
    for i in range(len(arr)):
        arr[i] = arr[i] * 10
    raw.value = -raw.value
    chars.value = b'from child'


def waiter(ev, q):
    q.put(ev.wait(5))


def notifier(cond, flag):
    with cond:
        flag.value = 1
        cond.notify_all()


if __name__ == '__main__':
    counter = mp.Value('i', 0)
    lock = mp.Lock()
    ps = [mp.Process(target=add, args=(counter, lock, 300)) for i in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print(counter.value)
    print(counter, counter.get_obj(), lock)

    arr = mp.Array('d', [1.5, 2.5, 3.0])
    raw = mp.RawValue('q', 2 ** 40)
    chars = mp.Array('c', 16)
    p = mp.Process(target=fill, args=(arr, raw, chars))
    p.start()
    p.join()
    print(arr[:], list(arr), len(arr), arr[1], arr[-1], raw.value,
          chars.value)
    arr[0:2] = [7, 8]
    print(arr[:], mp.RawArray('i', 3)[:], mp.Value('d', lock=False))
    try:
        arr[0:2] = [1]
    except ValueError as e:
        print('ValueError', e)

    ev = mp.Event()
    q = mp.Queue()
    p = mp.Process(target=waiter, args=(ev, q))
    p.start()
    print(ev.is_set())
    ev.set()
    print(ev.is_set(), q.get(), ev.wait(0.01))
    p.join()
    ev.clear()
    print(ev.is_set(), ev.wait(0.05))

    cond = mp.Condition()
    flag = mp.Value('i', 0, lock=False)
    with cond:
        p = mp.Process(target=notifier, args=(cond, flag))
        p.start()
        print(cond.wait_for(lambda: flag.value == 1, timeout=5))
    p.join()

    s = mp.Semaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(timeout=0.05), s.get_value())
    s.release()
    print(s)
    b = mp.BoundedSemaphore(1)
    b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print('ValueError', e)
    r = mp.RLock()
    with r:
        with r:
            print(r)
    print(r)
    try:
        r.release()
    except AssertionError as e:
        print('AssertionError', e)
    print(lock.acquire(), lock.acquire(False), lock)
    lock.release()
    try:
        mp.Condition().wait(0)
    except AssertionError as e:
        print('AssertionError', e)
