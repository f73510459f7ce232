"""Heap queue: a min-heap kept in a plain list.

The invariant is heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2] for
every k with children, so heap[0] is the smallest item:

                 0
           1           2
        3     4     5     6

heappush appends and sifts the new item up towards the root; heappop
moves the last item to the root and sifts it down.  Sifting down goes
all the way to a leaf along the smaller children, then back up (fewer
comparisons on average: the item from the end usually belongs low).

nlargest and nsmallest give the same result as sorted(...)[:n], ties
included, which is what Counter.most_common relies on.

CPython counterpart: Lib/heapq.py (with Modules/_heapqmodule.c).
Read first: _siftdown, _siftup.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(heap, name):
    if not isinstance(heap, list):
        # a one-argument function has no "argument 1" in CPython's wording
        which = 'argument' if name == 'heapify' else 'argument 1'
        raise TypeError('%s() %s must be list, not %s'
                        % (name, which, type(heap).__name__))


def _siftdown(heap, startpos, pos):
    """Move heap[pos] up towards startpos until its parent is not
    larger."""
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    """Move heap[pos] down to a leaf along the smaller children, then
    back up to its place."""
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, 'heappush')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap
    invariant."""
    _check_list(heap, 'heappop')
    if not heap:
        raise IndexError('index out of range')
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the current smallest value, and add the new item."""
    _check_list(heap, 'heapreplace')
    if not heap:
        raise IndexError('index out of range')
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Fast version of a heappush followed by a heappop."""
    _check_list(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list(x, 'heapify')
    for i in reversed(range(len(x) // 2)):
        _siftup(x, i)


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output.

    Each entry on the heap is [key, order, value, iterator]: order breaks
    ties so that equal keys come out in input order (a stable merge)."""
    entries = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            k = value if key is None else key(value)
            entries.append([_Keyed(k, reverse), order, value, it])
            break
    heapify(entries)
    while entries:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = _Keyed(value if key is None else key(value), reverse)
            entry[2] = value
            heapreplace(entries, entry)
            break
        else:
            heappop(entries)


class _Keyed:
    """A key that compares reversed when merging in descending order."""

    def __init__(self, key, reverse):
        self.key = key
        self.reverse = reverse

    def __lt__(self, other):
        if self.reverse:
            return other.key < self.key
        return self.key < other.key

    def __eq__(self, other):
        return not (self.key < other.key or other.key < self.key)


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key)[:n]"""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset.

    Equivalent to:  sorted(iterable, key=key, reverse=True)[:n]"""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
