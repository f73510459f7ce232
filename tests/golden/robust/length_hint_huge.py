# A huge __length_hint__ (itertools.repeat(x, 2**62)) is a MemoryError
# when list() preallocates, not an overflowed size (list.c
# list_preallocate_exact: 2**62 * 8 bytes wrapped to a small buffer that
# was then written past); m + n == sys.maxsize still preallocates, as
# CPython's list_extend.
import itertools
import sys
for n in [2**62, sys.maxsize // 2, sys.maxsize, 2**61]:
    try:
        list(itertools.repeat(1, n))
    except MemoryError:
        print('list', n, 'MemoryError')
    if n < sys.maxsize:  # [1] + maxsize overflows: no preallocation
        try:
            [1].extend(itertools.repeat(1, n))
        except MemoryError:
            print('extend', n, 'MemoryError')
class Hint:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return iter([1, 2, 3])
    def __length_hint__(self):
        return self.n
for n in [0, 1, 3, 1000]:
    print(list(Hint(n)), [0] + list(Hint(n)))
