"""fork and the cycle collector: why gc.freeze() before fork saves memory.

After fork, parent and child share every page of the heap copy-on-write:
a page is copied only when one of them writes to it.  Merely reading the
parent's objects in the child should therefore cost no memory.  But a
full collection in the child writes to the GC header of every tracked
object it scans (it stores a working reference count there, gc_refs,
and relinks the object between lists), so every page holding a tracked
object is written, copied, and becomes the child's private dirty memory.

gc.freeze() moves every tracked object to a permanent generation that
collections do not scan.  Called in the parent just before fork, it
leaves the inherited heap untouched by the child's collections: the
pages stay shared.

This program builds a heap of small containers, then forks twice: once
as is, once after gc.freeze().  Each child reads its Private_Dirty from
/proc/self/smaps_rollup (Linux), runs gc.collect(), reads it again, and
sends the two figures to the parent, which prints them.  Run it with
minipy and with python3 to compare:

    build/minipy examples/fork_gc_freeze.py [number_of_objects]
    python3 examples/fork_gc_freeze.py [number_of_objects]
"""

import gc
import os
import sys


def private_dirty_kb():
    """This process's private dirty memory, in kB (0 if unknown)."""
    try:
        with open('/proc/self/smaps_rollup') as f:
            for line in f:
                if line.startswith('Private_Dirty:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Node:
    def __init__(self, i):
        self.i = i
        self.links = [i]


def build_heap(n):
    heap = []
    for i in range(n):
        k = i % 3
        if k == 0:
            heap.append([i, [i]])
        elif k == 1:
            heap.append({'i': [i]})
        else:
            heap.append(Node(i))
    return heap


def measure_in_child(freeze):
    """Forks; the child collects and reports (before, after) in kB."""
    if freeze:
        gc.freeze()
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        before = private_dirty_kb()
        gc.collect()
        after = private_dirty_kb()
        os.write(w, ('%d %d' % (before, after)).encode())
        os._exit(0)
    os.close(w)
    data = b''
    while True:
        chunk = os.read(r, 100)
        if not chunk:
            break
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    if freeze:
        gc.unfreeze()
    before, after = map(int, data.split())
    return before, after


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    heap = build_heap(n)
    gc.collect()
    print('%d tracked containers in the parent (%s)' %
          (n, os.path.basename(sys.executable)))
    for freeze in (False, True):
        before, after = measure_in_child(freeze)
        print('%-24s private dirty before %6d kB, after gc.collect() '
              '%6d kB: +%d kB' % ('with gc.freeze():' if freeze else
                                  'without gc.freeze():', before, after,
                                  after - before))
    del heap


if __name__ == '__main__':
    main()
