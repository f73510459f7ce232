# fork and the collector: a child's full collection un-shares the pages
# of every tracked object it inherited, unless the parent froze them
# (gc.freeze) before fork.  Each round forks a child that collects and
# reports its private dirty memory growth (from /proc/self/smaps_rollup)
# and the collection's time; figures go to stderr, and stdout gets a
# checksum line that holds for any interpreter with the mechanism:
# the frozen child dirtied under a quarter of what the other did.
import gc
import os
import sys

try:
    import time
    clock = time.perf_counter
except ImportError:
    clock = None

N = 200000
ROUNDS = 3


def private_dirty_kb():
    with open('/proc/self/smaps_rollup') as f:
        for line in f:
            if line.startswith('Private_Dirty:'):
                return int(line.split()[1])
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


def child_round(freeze):
    if freeze:
        gc.freeze()
    r, w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        before = private_dirty_kb()
        t0 = clock() if clock else 0.0
        gc.collect()
        t1 = clock() if clock else 0.0
        after = private_dirty_kb()
        os.write(w, ('%d %f' % (after - before, t1 - t0)).encode())
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
    kb, secs = data.split()
    return int(kb), float(secs)


heap = build_heap(N)
gc.collect()
totals = {False: 0, True: 0}
for r in range(ROUNDS):
    for freeze in (False, True):
        kb, secs = child_round(freeze)
        totals[freeze] += kb
        print('round %d %-9s dirtied %6d kB, collection %.4f s' %
              (r, 'frozen' if freeze else 'unfrozen', kb, secs),
              file=sys.stderr)
print('fork_gc', N, ROUNDS, totals[True] * 4 < totals[False])
