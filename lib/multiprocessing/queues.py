"""Queues between processes: Queue, JoinableQueue and SimpleQueue.

A queue is a simplex Pipe plus locks: put() pickles the object and
writes it as one message under the writers' lock (so messages of several
writers never interleave), get() reads one message under the readers'
lock.  A bounded semaphore counts the items in flight, which gives
maxsize, qsize() and full().

CPython's Queue hands put() objects to a feeder thread, so put() never
blocks on the pipe.  minipy has no threads: put() writes through, and
blocks while the pipe is full (64 KiB on Linux) until a reader takes
something.  A child that puts more than that must not be joined before
the parent gets the items (CPython documents the same rule, for another
reason: the feeder must flush before the child can exit).
"""

import os
import time

import _multiprocessing

from queue import Empty, Full

from . import connection
from . import context
from . import reduction

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']


class Queue:
    def __init__(self, maxsize=0, *, ctx):
        if maxsize <= 0:
            maxsize = _multiprocessing.SemLock.SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._wlock = ctx.Lock()
        self._sem = ctx.BoundedSemaphore(maxsize)
        self._closed = False

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._maxsize, self._reader, self._writer, self._rlock,
                self._wlock, self._sem)

    def __setstate__(self, state):
        (self._maxsize, self._reader, self._writer, self._rlock,
         self._wlock, self._sem) = state
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        """Adds obj; with a full bounded queue, waits up to timeout
        (queue.Full after it, or at once without block)."""
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        data = reduction.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def get(self, block=True, timeout=None):
        """Removes and returns the oldest item; queue.Empty when none
        comes within timeout (or at once without block)."""
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if block and timeout is None:
            with self._rlock:
                res = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._reader.poll(max(timeout, 0)):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                res = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return reduction.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        self._reader.close()
        self._writer.close()

    def join_thread(self):
        """Nothing to wait for: there is no feeder thread."""
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        """Nothing to cancel: there is no feeder thread."""


class JoinableQueue(Queue):
    """A Queue that counts unfinished tasks: join() waits until every
    item put has been marked task_done()."""

    def __init__(self, maxsize=0, *, ctx):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = ctx.Semaphore(0)
        self._cond = ctx.Condition()

    def __getstate__(self):
        return Queue.__getstate__(self) + (self._cond,
                                           self._unfinished_tasks)

    def __setstate__(self, state):
        Queue.__setstate__(self, state[:-2])
        self._cond, self._unfinished_tasks = state[-2:]

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not self._sem.acquire(block, timeout):
            raise Full
        data = reduction.dumps(obj)
        with self._cond:
            with self._wlock:
                self._writer.send_bytes(data)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue:
    """An unbounded queue without timeouts: put, get, empty, close."""

    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._wlock = ctx.Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def __getstate__(self):
        context.assert_spawning(self)
        return (self._reader, self._writer, self._rlock, self._wlock)

    def __setstate__(self, state):
        (self._reader, self._writer, self._rlock, self._wlock) = state

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return reduction.loads(res)

    def put(self, obj):
        data = reduction.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)
