"""Iterator building blocks: infinite counters, slicing, grouping, and the
combinatoric generators (product, permutations, combinations).

Every tool is a class, so that type(chain()) is itertools.chain and the
ones CPython gives a repr (count, repeat) have it.  Most keep their
algorithm in a generator function (the `_gen` helpers) and their __next__
asks that generator; count, repeat and islice keep explicit state instead,
because their repr or their argument checks need it.

The combinatoric tools materialise their input into a tuple first (the
pool) and then walk index vectors in lexicographic order:

    permutations('ABC', 2): indices over the pool, 'cycles' counting how
    many choices remain at each position, as in the classic algorithm
    that CPython's documentation describes in prose.

CPython writes this module in C (Modules/itertoolsmodule.c); the output
order of every tool is the same, as the golden tests check.
Read first: islice (argument checking), then groupby (shared state).
"""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations',
           'combinations_with_replacement', 'compress', 'count', 'cycle',
           'dropwhile', 'filterfalse', 'groupby', 'islice', 'pairwise',
           'permutations', 'product', 'repeat', 'starmap', 'takewhile',
           'tee', 'zip_longest']

_MISSING = object()


def _check_index(value, what):
    """Convert an islice bound to int, raising CPython's ValueError."""
    if value is None:
        return None
    try:
        value = value.__index__()
    except AttributeError:
        value = -1
    if value < 0 or value > _sys.maxsize:
        raise ValueError('%s for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.' % what)
    return value


def _as_index(value):
    if isinstance(value, int):
        return value
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__) from None
    return method(value)


class _GenIter:
    """Base for tools whose algorithm is a generator kept in self._gen."""

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


# {====== Infinite iterators: count, cycle, repeat ======

class count:
    """Return a count object whose .__next__() method returns consecutive
    values: start, start + step, start + 2 * step, ..."""

    def __init__(self, start=0, step=1, *extra):
        if extra:
            raise TypeError('count() takes at most 2 arguments (%d given)'
                            % (2 + len(extra)))
        for value in (start, step):
            # CPython's PyNumber_Check: int, float or complex conversion.
            cls = type(value)
            if not (isinstance(value, (int, float, complex))
                    or hasattr(cls, '__index__') or hasattr(cls, '__int__')
                    or hasattr(cls, '__float__')):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        step = self._step
        if type(step) is int and step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, step)

    def __reduce__(self):
        return type(self), (self._n, self._step)


class cycle(_GenIter):
    """Return elements from the iterable until it is exhausted, then repeat
    the sequence indefinitely."""

    def __init__(self, iterable):
        self._gen = self._cycle(iter(iterable))

    @staticmethod
    def _cycle(it):
        saved = []
        for element in it:
            yield element
            saved.append(element)
        while saved:
            for element in saved:
                yield element


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly."""

    def __init__(self, object=_MISSING, times=None):
        if object is _MISSING:
            raise TypeError("repeat() missing required argument 'object' "
                            "(pos 1)")
        self._object = object
        if times is None:
            self._times = None
        else:
            times = _as_index(times)
            self._times = times if times > 0 else 0

    def __iter__(self):
        return self

    def __next__(self):
        times = self._times
        if times is None:
            return self._object
        if times <= 0:
            raise StopIteration
        self._times = times - 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._object,)
        return 'repeat(%r, %d)' % (self._object, self._times)

# }======


# {====== Iterators that end with the shortest input ======

class accumulate(_GenIter):
    """Return series of accumulated sums (or other binary function
    results)."""

    def __init__(self, iterable=_MISSING, func=None, *, initial=None):
        if iterable is _MISSING:
            raise TypeError("accumulate() missing required argument "
                            "'iterable' (pos 1)")
        self._gen = self._accumulate(iter(iterable), func, initial)

    @staticmethod
    def _accumulate(it, func, total):
        if total is None:
            for total in it:
                break
            else:
                return
        yield total
        if func is None:
            for element in it:
                total = total + element
                yield total
        else:
            for element in it:
                total = func(total, element)
                yield total


class chain(_GenIter):
    """Return a chain object whose .__next__() method returns elements from
    the first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __init__(self, *iterables):
        self._gen = self._chain(iter(iterables))

    @staticmethod
    def _chain(sources):
        for source in sources:
            yield from iter(source)

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable
        argument that evaluates lazily."""
        self = cls.__new__(cls)
        self._gen = cls._chain(iter(iterable))
        return self


class compress(_GenIter):
    """Return data elements corresponding to true selector elements."""

    def __init__(self, data=_MISSING, selectors=_MISSING):
        if data is _MISSING:
            raise TypeError("compress() missing required argument 'data' "
                            "(pos 1)")
        if selectors is _MISSING:
            raise TypeError("compress() missing required argument "
                            "'selectors' (pos 2)")
        self._gen = self._compress(iter(data), iter(selectors))

    @staticmethod
    def _compress(data, selectors):
        for d, s in zip(data, selectors):
            if s:
                yield d


def _check_two(name, args):
    if len(args) != 2:
        raise TypeError('%s expected 2 arguments, got %d'
                        % (name, len(args)))
    return args


class dropwhile(_GenIter):
    """Drop items from the iterable while predicate(item) is true."""

    def __init__(self, *args):
        predicate, iterable = _check_two('dropwhile', args)
        self._gen = self._dropwhile(predicate, iter(iterable))

    @staticmethod
    def _dropwhile(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        yield from it


class takewhile(_GenIter):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""

    def __init__(self, *args):
        predicate, iterable = _check_two('takewhile', args)
        self._gen = self._takewhile(predicate, iter(iterable))

    @staticmethod
    def _takewhile(predicate, it):
        for x in it:
            if predicate(x):
                yield x
            else:
                break


class filterfalse(_GenIter):
    """Return those items of iterable for which function(item) is false."""

    def __init__(self, *args):
        function, iterable = _check_two('filterfalse', args)
        self._gen = self._filterfalse(function, iter(iterable))

    @staticmethod
    def _filterfalse(function, it):
        if function is None:
            for x in it:
                if not x:
                    yield x
        else:
            for x in it:
                if not function(x):
                    yield x


class starmap(_GenIter):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""

    def __init__(self, *args):
        function, iterable = _check_two('starmap', args)
        self._gen = self._starmap(function, iter(iterable))

    @staticmethod
    def _starmap(function, it):
        for args in it:
            if type(args) is not tuple:
                args = tuple(args)
            yield function(*args)


class islice(_GenIter):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable."""

    def __init__(self, *args):
        n = len(args)
        if n < 2:
            raise TypeError('islice expected at least 2 arguments, got %d' % n)
        if n > 4:
            raise TypeError('islice expected at most 4 arguments, got %d' % n)
        start, step = 0, 1
        if n == 2:
            stop = _check_index(args[1], 'Stop argument')
        else:
            start = _check_index(args[1], 'Indices')
            stop = _check_index(args[2], 'Indices')
            if start is None:
                start = 0
            if n == 4 and args[3] is not None:
                try:
                    step = args[3].__index__()
                except AttributeError:
                    step = -1
                if step <= 0:
                    raise ValueError('Step for islice() must be a positive '
                                     'integer or None.')
        self._gen = self._islice(iter(args[0]), start, stop, step)

    @staticmethod
    def _islice(it, target, stop, step):
        # CPython's consumption rules, which decide where the source is
        # left: before each item, skip up to the target index (even past
        # stop, for the first item); end once `stop` items were consumed.
        # After an item the next target is clamped to stop.
        count = 0
        try:
            while True:
                while count < target:
                    next(it)
                    count += 1
                if stop is not None and count >= stop:
                    return
                if step == 1:
                    # the common case: a plain run up to stop
                    if stop is None:
                        yield from it
                        return
                    for item in it:
                        count += 1
                        yield item
                        if count >= stop:
                            return
                    return
                item = next(it)
                count += 1
                target += step
                if stop is not None and target > stop:
                    target = stop
                yield item
        except StopIteration:
            return


class zip_longest(_GenIter):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument; missing
    values are filled in with fillvalue."""

    def __init__(self, *iterables, **kwargs):
        fillvalue = None
        if kwargs:
            if len(kwargs) != 1 or 'fillvalue' not in kwargs:
                raise TypeError('zip_longest() got an unexpected keyword '
                                'argument')
            fillvalue = kwargs['fillvalue']
        iterators = [iter(it) for it in iterables]
        self._gen = self._zip_longest(iterators, fillvalue)

    @staticmethod
    def _zip_longest(iterators, fillvalue):
        active = len(iterators)
        if not active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                if it is None:
                    values.append(fillvalue)
                    continue
                try:
                    value = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = None
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class pairwise(_GenIter):
    """Return an iterator of overlapping pairs taken from the input
    iterator: s -> (s0, s1), (s1, s2), (s2, s3), ..."""

    def __init__(self, iterable):
        self._gen = self._pairwise(iter(iterable))

    @staticmethod
    def _pairwise(it):
        for a in it:
            break
        else:
            return
        for b in it:
            yield a, b
            a = b

# }======


# {====== groupby ======
# The outer iterator and every group it hands out share one state record:
# the source iterator, the current item and its key.  Advancing the outer
# iterator skips the rest of the current group; an old group whose key is
# no longer current yields nothing more.

class _GroupState:
    def __init__(self, it, keyfunc):
        self.it = it
        self.keyfunc = keyfunc
        self.currkey = _MISSING
        self.currvalue = _MISSING
        self.tgtkey = _MISSING
        self.group = None      # the _grouper currently entitled to items

    def step(self):
        """Fetch the next item and its key (StopIteration at the end)."""
        value = next(self.it)
        key = value if self.keyfunc is None else self.keyfunc(value)
        self.currvalue = value
        self.currkey = key


class _grouper:
    def __init__(self, state, key):
        self._state = state
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        state = self._state
        if state.group is not self:
            raise StopIteration
        if state.currvalue is _MISSING:
            try:
                state.step()
            except StopIteration:
                state.group = None
                raise
        if not (state.currkey == self._key):
            raise StopIteration
        value = state.currvalue
        state.currvalue = _MISSING
        return value


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable"""

    def __init__(self, iterable=_MISSING, key=None):
        if iterable is _MISSING:
            raise TypeError("groupby() missing required argument 'iterable' "
                            "(pos 1)")
        self._state = _GroupState(iter(iterable), key)

    def __iter__(self):
        return self

    def __next__(self):
        state = self._state
        state.group = None
        # Skip what is left of the current group.
        while True:
            if state.currvalue is _MISSING:
                state.step()
            if state.tgtkey is _MISSING or not (state.currkey
                                                == state.tgtkey):
                break
            state.currvalue = _MISSING
        state.tgtkey = state.currkey
        group = _grouper(state, state.tgtkey)
        state.group = group
        return state.currkey, group

# }======


# {====== tee ======
# The copies share a singly linked list of cells [value, next]; each copy
# holds its own position in it, and the source is advanced only by the copy
# that runs ahead.  Cells nobody points to any more are freed by refcounting.

class _TeeLink:
    def __init__(self, it):
        self.it = it          # the shared source
        self.value = None
        self.next = None      # the following link, once fetched


class _tee:
    """Iterator wrapped to make it copyable."""

    def __init__(self, link):
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(link.it)
            new = _TeeLink(link.it)
            link.value = value
            link.next = new
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._link)


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    # An iterator that can copy itself (a tee object, say) is used as the
    # first result as it is, and copied for the others.
    if hasattr(type(it), '__copy__'):
        first = it
    else:
        first = _tee(_TeeLink(it))
    copies = [first]
    for _ in range(n - 1):
        copies.append(first.__copy__())
    return tuple(copies)

# }======


# {====== Combinatoric generators ======

class product(_GenIter):
    """Cartesian product of input iterables.  Equivalent to nested
    for-loops."""

    def __init__(self, *iterables, repeat=1):
        repeat = _as_index(repeat)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = self._product(pools)

    @staticmethod
    def _product(pools):
        for pool in pools:
            if not pool:
                return
        if not pools:
            yield ()
            return
        # The last wheel turns fastest: an inner loop over it, under the
        # odometer of the others.
        last = pools[-1]
        for prefix in product._odometer(pools[:-1]):
            for y in last:
                yield prefix + (y,)

    @staticmethod
    def _odometer(pools):
        # indices[i] is the position in pools[i]; the rightmost wheel
        # turns fastest.  Every pool is non-empty.
        n = len(pools)
        indices = [0] * n
        result = [pool[0] for pool in pools]
        yield tuple(result)
        while True:
            i = n - 1
            while i >= 0:
                indices[i] += 1
                if indices[i] < len(pools[i]):
                    result[i] = pools[i][indices[i]]
                    break
                indices[i] = 0
                result[i] = pools[i][0]
                i -= 1
            if i < 0:
                return
            yield tuple(result)


def _check_r(r, name):
    r = _as_index(r)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations(_GenIter):
    """Return successive r-length permutations of elements in the
    iterable."""

    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _check_r(r, 'permutations')
        self._gen = self._permutations(pool, r)

    @staticmethod
    def _permutations(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        # cycles[i] counts the choices left for position i before it resets.
        cycles = list(range(n, n - r, -1))
        yield tuple([pool[i] for i in indices[:r]])
        while n:
            for i in range(r - 1, -1, -1):
                cycles[i] -= 1
                if cycles[i] == 0:
                    # Rotate position i's element to the end and reset.
                    moved = indices[i]
                    del indices[i]
                    indices.append(moved)
                    cycles[i] = n - i
                else:
                    j = n - cycles[i]
                    indices[i], indices[j] = indices[j], indices[i]
                    yield tuple([pool[k] for k in indices[:r]])
                    break
            else:
                return


class combinations(_GenIter):
    """Return successive r-length combinations of elements in the
    iterable."""

    def __init__(self, iterable=_MISSING, r=_MISSING):
        if iterable is _MISSING:
            raise TypeError("combinations() missing required argument "
                            "'iterable' (pos 1)")
        if r is _MISSING:
            raise TypeError("combinations() missing required argument 'r' "
                            "(pos 2)")
        pool = tuple(iterable)
        self._gen = self._combinations(pool, _check_r(r, 'combinations'))

    @staticmethod
    def _combinations(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple([pool[i] for i in indices])
        while True:
            # Find the rightmost index that can still move right.
            for i in range(r - 1, -1, -1):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple([pool[k] for k in indices])


class combinations_with_replacement(_GenIter):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""

    def __init__(self, iterable=_MISSING, r=_MISSING):
        if iterable is _MISSING:
            raise TypeError("combinations_with_replacement() missing required "
                            "argument 'iterable' (pos 1)")
        if r is _MISSING:
            raise TypeError("combinations_with_replacement() missing required "
                            "argument 'r' (pos 2)")
        pool = tuple(iterable)
        r = _check_r(r, 'combinations_with_replacement')
        self._gen = self._cwr(pool, r)

    @staticmethod
    def _cwr(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple([pool[i] for i in indices])
        while True:
            for i in range(r - 1, -1, -1):
                if indices[i] != n - 1:
                    break
            else:
                return
            value = indices[i] + 1
            for j in range(i, r):
                indices[j] = value
            yield tuple([pool[k] for k in indices])

# }======
