# Objects still being built, seen from Python code through gc: zip's
# next tuple is tracked while the next iterator runs, with NULL slots;
# gc.get_objects() and gc.get_referrers() must not hand such a tuple out
# (gcmodule.c incomplete).  CPython 3.11 hands it out and crashes.
import gc
import sys


def scan():
    for o in gc.get_objects():
        if type(o) in (tuple, list, dict):
            repr(o)
            list(o)
    gc.get_referrers(1, 2)


class It:
    def __init__(self, k=3):
        self.n = 0
        self.k = k

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > self.k:
            raise StopIteration
        scan()
        return (self.n, [self.n])


results = [
    list(zip(It(), It())),
    list(zip(It(), It(), strict=True)),
    list(enumerate(It())),
    tuple(It()),
    dict(It()),
    list(map(lambda *a: a, It(), It())),
    (*It(), *It()),
]
if len(results[0]) != 3 or results[2][0][0] != 0:
    print('wrong results', results)
    sys.exit(1)
print('ok: half-built tuples stay out of gc.get_objects()')
