# spawn: a fresh interpreter re-imports this script as __mp_main__
import multiprocessing as mp
import sys

print('module body runs as', __name__, flush=True)
setting = 'import time'


def report(q, conn, *args, **kwargs):
    me = mp.current_process()
    q.put((__name__, me.name, mp.parent_process().name, args, kwargs,
           setting, mp.get_start_method()))
    conn.send('hello through an inherited pipe')


def exit_with(code):
    sys.exit(code)


def bump(v, arr, lock):
    with lock:
        v.value += 1.25
        arr[2] = 42


if __name__ == '__main__':
    setting = 'changed under the guard'
    ctx = mp.get_context('spawn')
    q = ctx.Queue()
    a, b = ctx.Pipe()
    p = ctx.Process(target=report, args=(q, b, 1, 'two'), kwargs={'k': [3]})
    p.start()
    print(q.get())
    print(a.recv())
    p.join()
    print('exitcode', p.exitcode, p.name)
    p = ctx.Process(target=exit_with, args=(4,))
    p.start()
    p.join()
    print('exitcode', p.exitcode)
    v = ctx.Value('d', 1.0)
    arr = ctx.Array('i', 4)
    lock = ctx.Lock()
    p = ctx.Process(target=bump, args=(v, arr, lock))
    p.start()
    p.join()
    print(v.value, arr[:])
    try:
        ctx.Process(target=lambda: None).start()
    except Exception as e:
        print(type(e).__name__)
