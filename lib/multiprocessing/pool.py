"""Pool: a fixed set of worker processes for data-parallel work.

Workers loop on a task queue: a task is (job, index, func, args_list)
— a chunk of calls — and the answer (job, index, [(ok, value) ...]) goes
to a result queue, an exception in a call being sent back instead of its
value.

CPython's Pool feeds tasks and collects results with three threads.
minipy has no threads, so the pool does that work whenever the caller
waits on a result (get(), wait(), iterating imap, join): it writes
pending tasks while fewer than a few per worker are in flight (so the
task pipe never fills while workers are blocked writing results), and
reads whatever results are ready.  Callbacks therefore run in the caller,
from inside those waits.
"""

import os
import sys
import time

from . import context as mpcontext

__all__ = ['Pool']

INIT, RUN, CLOSE, TERMINATE = 'INIT', 'RUN', 'CLOSE', 'TERMINATE'


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """An exception sent back from a worker, with the worker's traceback
    text attached as its __cause__ (as CPython)."""

    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value,
                                                             self.exc)


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return [args[0](*a) for a in args[1]]


def worker(inqueue, outqueue, initializer=None, initargs=(),
           maxtasks=None):
    """The loop of a worker process."""
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            import traceback
            tb = ''.join(traceback.format_exception(type(e), e,
                                                    e.__traceback__))
            result = (False, ExceptionWithTraceback(e, tb))
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e,
                                                             result[1]))))
        task = job = result = func = args = kwds = None
        completed += 1


class Pool:
    """Pool(processes=None, initializer=None, initargs=(),
    maxtasksperchild=None): map, starmap, imap, imap_unordered, apply,
    apply_async, map_async, starmap_async, close, terminate, join."""

    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._state = INIT
        self._ctx = context or mpcontext._default_context.get_context()
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or \
                    maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int "
                                 "or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasksperchild = maxtasksperchild
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()
        self._pool = []
        self._cache = {}            # job -> result object
        self._pending = []          # tasks not yet written
        self._in_flight = 0
        self._job_counter = 0
        for i in range(processes):
            self._add_worker()
        self._state = RUN

    def _add_worker(self):
        w = self._ctx.Process(target=worker,
                              args=(self._inqueue, self._outqueue,
                                    self._initializer, self._initargs,
                                    self._maxtasksperchild))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        w.start()
        self._pool.append(w)

    def __repr__(self):
        return (f'<{type(self).__module__}.{type(self).__qualname__} '
                f'state={self._state} pool_size={len(self._pool)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _new_job(self, result):
        self._job_counter += 1
        job = self._job_counter
        self._cache[job] = result
        return job

    # {====== Moving tasks and results (the work of CPython's threads) ======
    def _feed(self):
        limit = 2 * len(self._pool) + 2
        while self._pending and self._in_flight < limit:
            self._inqueue.put(self._pending.pop(0))
            self._in_flight += 1

    def _pump(self, timeout):
        """Writes pending tasks and handles the results that arrive
        within timeout seconds (None: until at least one).  Returns
        whether a result was handled."""
        self._feed()
        if not self._in_flight:
            return False
        if not self._outqueue._reader.poll(timeout):
            self._check_workers()
            return False
        while True:
            job, i, obj = self._outqueue.get()
            self._in_flight -= 1
            result = self._cache.get(job)
            if result is not None:
                result._set(i, obj)
            self._feed()
            if not self._outqueue._reader.poll(0):
                return True

    def _check_workers(self):
        """Replaces workers that ended (maxtasksperchild)."""
        if self._state != RUN:
            return
        for w in list(self._pool):
            if w.exitcode is not None:
                w.join()
                self._pool.remove(w)
                self._add_worker()

    def _wait_for(self, result, timeout):
        deadline = None if timeout is None else time.monotonic() + timeout
        while not result.ready():
            left = 0.05 if deadline is None else \
                min(0.05, deadline - time.monotonic())
            if left < 0:
                return
            self._pump(left)
    # }======

    def apply(self, func, args=(), kwds={}):
        """func(*args, **kwds) in a worker; waits for the result."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None,
                    error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._pending.append((result._job, 0, func, args, kwds))
        self._feed()
        return result

    def map(self, func, iterable, chunksize=None):
        """[func(x) for x in iterable], computed by the workers."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """[func(*args) for args in iterable], computed by the workers."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None,
                  error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback,
                               error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize,
                               callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None,
                   callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable),
                                      len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        chunks = _chunks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback)
        for i, chunk in enumerate(chunks):
            self._pending.append((result._job, i, mapper, (chunk,), {}))
        self._feed()
        return result

    def imap(self, func, iterable, chunksize=1):
        """Like map, but an iterator: results in order, as they come."""
        self._check_running()
        return self._imap(func, iterable, chunksize, ordered=True)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap, results in the order they are finished."""
        self._check_running()
        return self._imap(func, iterable, chunksize, ordered=False)

    def _imap(self, func, iterable, chunksize, ordered):
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(
                chunksize))
        result = IMapIterator(self, ordered)
        n = 0
        for i, chunk in enumerate(_chunks(func, iterable, chunksize)):
            self._pending.append((result._job, i, mapstar, (chunk,), {}))
            n += 1
        result._set_length(n)
        self._feed()
        return result

    def close(self):
        """No more tasks; the workers end once the queue is done."""
        if self._state == RUN:
            self._state = CLOSE

    def terminate(self):
        """Stops the workers at once."""
        self._state = TERMINATE
        self._pending = []
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()

    def join(self):
        """Waits for the workers after close() or terminate()."""
        if self._state == RUN:
            raise ValueError("Pool is still running")
        if self._state == CLOSE:
            while self._pending or self._in_flight:
                self._pump(0.05)
            for w in self._pool:
                self._inqueue.put(None)
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')


def _chunks(func, iterable, size):
    """(func, chunk) pairs of size items."""
    items = list(iterable)
    size = max(size, 1)
    return [(func, tuple(items[i:i + size]))
            for i in range(0, len(items), size)]


class ApplyResult:
    """The future result of apply_async."""

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._job = pool._new_job(self)
        self._callback = callback
        self._error_callback = error_callback
        self._done = False

    def ready(self):
        return self._done

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        if not self._done:
            self._pool._wait_for(self, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise mpcontext.TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._done = True
        del self._pool._cache[self._job]


AsyncResult = ApplyResult


class MapResult(ApplyResult):
    """The future result of map_async: chunks fill a list in place."""

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._done = True
            del pool._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length %
                                                           chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = \
                result
        elif self._success:
            self._success = False
            self._value = result
        if self._number_left == 0:
            if self._success and self._callback:
                self._callback(self._value)
            if not self._success and self._error_callback:
                self._error_callback(self._value)
            self._done = True
            del self._pool._cache[self._job]


class IMapIterator:
    """The iterator imap and imap_unordered return."""

    def __init__(self, pool, ordered):
        self._pool = pool
        self._job = pool._new_job(self)
        self._ordered = ordered
        self._items = []            # ready values, in the order to yield
        self._chunks = {}           # index -> list of (ok, value)
        self._next_chunk = 0
        self._length = None
        self._received = 0

    def _set_length(self, n):
        self._length = n
        if n == 0:
            del self._pool._cache[self._job]

    def _set(self, i, obj):
        self._received += 1
        success, value = obj
        if success:
            values = [(True, v) for v in value]
        else:
            values = [(False, value)]
        if self._ordered:
            self._chunks[i] = values
            while self._next_chunk in self._chunks:
                self._items.extend(self._chunks.pop(self._next_chunk))
                self._next_chunk += 1
        else:
            self._items.extend(values)
        if self._received == self._length:
            del self._pool._cache[self._job]

    def __iter__(self):
        return self

    def next(self, timeout=None):
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._items:
            if self._length is not None and self._received >= self._length \
                    and not self._chunks:
                raise StopIteration
            left = 0.05 if deadline is None else \
                min(0.05, deadline - time.monotonic())
            if left < 0:
                raise mpcontext.TimeoutError
            self._pool._pump(left)
        success, value = self._items.pop(0)
        if success:
            return value
        raise value

    __next__ = next
