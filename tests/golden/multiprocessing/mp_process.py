# Process under fork: start/join/exitcode/is_alive/name/daemon, terminate
import multiprocessing as mp
import os
import sys
import time

state = 'parent'


def child(q, a, b=0):
    global state
    state = 'child'
    me = mp.current_process()
    q.put((a + b, me.name, me.daemon, mp.parent_process().name,
           mp.parent_process().pid == os.getppid(), state))


def exit_with(code):
    sys.exit(code)


def sleeper():
    time.sleep(30)


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=child, args=(q, 1), kwargs={'b': 2})
    print(p.name, p.is_alive(), p.exitcode, p.pid, p.daemon)
    p.start()
    print(q.get())
    p.join()
    print(p.is_alive(), p.exitcode, type(p.pid).__name__, state)
    p2 = mp.Process(target=child, args=(q, 5), name='worker', daemon=True)
    p2.start()
    print(q.get())
    p2.join()
    for code in (0, 3, None, 'a message on stderr', True):
        p = mp.Process(target=exit_with, args=(code,))
        p.start()
        p.join()
        print(repr(code), p.exitcode)
    p = mp.Process(target=sleeper)
    p.start()
    p.join(0.2)
    print('still running:', p.is_alive(), p.exitcode,
          [c.name for c in mp.active_children()])
    p.terminate()
    p.join()
    print('terminated:', p.exitcode, p.is_alive(), mp.active_children())
    p = mp.Process(target=sleeper)
    p.start()
    p.kill()
    p.join()
    print('killed:', p.exitcode)
    try:
        p.start()
    except AssertionError as e:
        print('AssertionError', e)
    p.close()
    try:
        p.is_alive()
    except ValueError as e:
        print('ValueError', e)
    print(mp.current_process().name, mp.parent_process(),
          mp.current_process().daemon)
    try:
        mp.Process(target=sleeper).join()
    except AssertionError as e:
        print('AssertionError', e)
    p = mp.Process(target=sleeper)
    p.start()
    try:
        p.close()
    except ValueError as e:
        print('ValueError', e)
    p.kill()
    p.join()
