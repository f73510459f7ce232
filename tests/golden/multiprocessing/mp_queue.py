# Queue, SimpleQueue and JoinableQueue between processes
import multiprocessing as mp
import queue


def producer(q, start):
    for i in range(start, start + 50):
        q.put(i)


def consumer(q, out):
    total = 0
    while True:
        item = q.get()
        if item is None:
            break
        total += item
    out.put(total)


def worker(jq):
    while True:
        item = jq.get()
        jq.task_done()
        if item is None:
            break


if __name__ == '__main__':
    q = mp.Queue()
    ps = [mp.Process(target=producer, args=(q, 100 * k)) for k in range(3)]
    for p in ps:
        p.start()
    items = [q.get() for i in range(150)]
    for p in ps:
        p.join()
    print(len(items), sorted(items) == sorted(
        i for k in range(3) for i in range(100 * k, 100 * k + 50)))
    print([x for x in items if x < 100] == list(range(50)))

    tasks, results = mp.Queue(), mp.SimpleQueue()
    c = mp.Process(target=consumer, args=(tasks, results))
    c.start()
    for i in range(1000):
        tasks.put(i)
    tasks.put(None)
    print(results.get(), sum(range(1000)))
    c.join()
    print(results.empty())

    q = mp.Queue(2)
    q.put('a')
    q.put_nowait('b')
    print(q.qsize(), q.full())
    try:
        q.put('c', timeout=0.05)
    except queue.Full:
        print('Full')
    try:
        q.put_nowait('c')
    except queue.Full:
        print('Full')
    print(q.get(), q.get_nowait(), q.qsize(), q.full())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('Empty')
    try:
        q.get(False)
    except queue.Empty:
        print('Empty')
    q.close()
    try:
        q.put(1)
    except ValueError:
        print('ValueError on a closed queue')

    jq = mp.JoinableQueue()
    w = mp.Process(target=worker, args=(jq,))
    w.start()
    for i in range(5):
        jq.put(i)
    jq.put(None)
    jq.join()
    print('all tasks done')
    w.join()
    sq = mp.SimpleQueue()
    print(sq.empty())
    sq.put([1, 2])
    print(sq.empty(), sq.get())
    sq.close()
