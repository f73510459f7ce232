# forkserver: children forked on request by a server process
import multiprocessing as mp
import sys
import time

print('module body runs as', __name__, flush=True)


def report(q, x):
    q.put((x * x, __name__, mp.current_process().name,
           mp.get_start_method()))


def sleeper():
    time.sleep(30)


def fail():
    sys.exit('failing with a message')


if __name__ == '__main__':
    ctx = mp.get_context('forkserver')
    q = ctx.Queue()
    ps = [ctx.Process(target=report, args=(q, i)) for i in range(3)]
    for p in ps:
        p.start()
        p.join()
    print(sorted(q.get() for p in ps))
    print([p.exitcode for p in ps])
    p = ctx.Process(target=sleeper)
    p.start()
    p.join(0.1)
    print(p.is_alive())
    p.terminate()
    p.join()
    print('terminated', p.exitcode)
    p = ctx.Process(target=fail)
    p.start()
    p.join()
    print('failed', p.exitcode)
    v = ctx.Value('i', 5)
    p = ctx.Process(target=report, args=(q, 7))
    p.start()
    print(q.get())
    p.join()
