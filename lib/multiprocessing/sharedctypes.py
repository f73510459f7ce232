"""Value and Array: typed numbers in memory shared between processes.

CPython builds these from ctypes objects in a shared heap.  Here a value
or an array is a block of shared memory seen through a memoryview cast
to the typecode ('i', 'd', 'q', 'b', 'B', 'h', 'H', 'I', 'l', 'L', 'Q',
'f', 'c'), so reads and writes go straight to the shared pages:

    fork              an anonymous shared mapping (mmap(-1, n)), which
                      the child inherits
    spawn/forkserver  a named POSIX shared-memory object (shm_open) that
                      the child maps by name when it unpickles it; the
                      creator unlinks the name when the object is
                      collected (or at exit)

Value(...) and Array(...) wrap the raw object with a lock (an RLock by
default), as CPython's synchronized wrappers: .value and item access take
the lock, get_lock() returns it for compound updates.  Only typecode
strings are accepted: there are no ctypes types in minipy.
"""

import mmap
import os
import weakref

import _posixshmem

from . import context

__all__ = ['RawValue', 'RawArray', 'Value', 'Array']

_sizes = {'b': 1, 'B': 1, 'c': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}
_ctypes_names = {'b': 'c_byte', 'B': 'c_ubyte', 'c': 'c_char',
                 'h': 'c_short', 'H': 'c_ushort', 'i': 'c_int',
                 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong',
                 'q': 'c_long', 'Q': 'c_ulong', 'f': 'c_float',
                 'd': 'c_double'}


def _itemsize(typecode):
    if not isinstance(typecode, str):
        raise TypeError('typecode must be a str (minipy has no ctypes): '
                        '%r' % (typecode,))
    try:
        return _sizes[typecode]
    except KeyError:
        raise ValueError('unsupported typecode %r' % (typecode,)) from None


def _zero(typecode):
    return b'\0' if typecode == 'c' else 0


class _Block:
    """size bytes of shared memory, zero-filled, as one mmap."""

    def __init__(self, size, ctx):
        size = max(size, 1)
        self.size = size
        self.name = None
        if ctx is None:
            ctx = context._default_context.get_context()
        if ctx.get_start_method() == 'fork':
            self.map = mmap.mmap(-1, size)
            return
        for i in range(100):
            name = '/mp-' + os.urandom(8).hex()
            try:
                fd = _posixshmem.shm_open(
                    name, os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o600)
            except FileExistsError:
                continue
            break
        else:
            raise FileExistsError('cannot find a name for shared memory')
        try:
            os.ftruncate(fd, size)
            self.map = mmap.mmap(fd, size)
        finally:
            os.close(fd)
        self.name = name
        weakref.finalize(self, _unlink_if_creator, name, os.getpid())

    def view(self):
        return memoryview(self.map)

    def __reduce__(self):
        context.assert_spawning(self)
        if self.name is None:
            raise RuntimeError('a block made for fork cannot go to a '
                               'spawned process')
        return (_attach_block, (self.name, self.size))


def _unlink_if_creator(name, pid):
    if os.getpid() == pid:
        try:
            _posixshmem.shm_unlink(name)
        except OSError:
            pass


def _attach_block(name, size):
    """The block of a spawned child: the creator's pages, by name."""
    block = _Block.__new__(_Block)
    block.size = size
    block.name = None               # only the creator unlinks it
    fd = _posixshmem.shm_open(name, os.O_RDWR, 0o600)
    try:
        block.map = mmap.mmap(fd, size)
    finally:
        os.close(fd)
    return block


class _RawValue:
    """One typed value in shared memory (.value)."""

    def __init__(self, typecode, block):
        self._typecode = typecode
        self._block = block
        self._view = block.view().cast(typecode)

    @property
    def value(self):
        return self._view[0]

    @value.setter
    def value(self, v):
        self._view[0] = v

    def __reduce__(self):
        return (_RawValue, (self._typecode, self._block))

    def __repr__(self):
        return '%s(%r)' % (_ctypes_names[self._typecode], self.value)


class _RawArray:
    """A fixed-length typed array in shared memory."""

    def __init__(self, typecode, length, block):
        self._typecode = typecode
        self._length = length
        self._block = block
        self._view = block.view()[:length * _sizes[typecode]].cast(typecode)

    def __len__(self):
        return self._length

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._view[i].tolist()
        return self._view[i]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            indices = range(*i.indices(self._length))
            value = list(value)
            if len(value) != len(indices):
                raise ValueError("Can only assign sequence of same size")
            for k, v in zip(indices, value):
                self._view[k] = v
        else:
            self._view[i] = value

    def __iter__(self):
        return iter(self._view.tolist())

    @property
    def value(self):
        """For typecode 'c': the bytes up to the first NUL."""
        data = self._view.tobytes()
        return data.split(b'\0', 1)[0]

    @value.setter
    def value(self, data):
        if len(data) > self._length:
            raise ValueError('byte string too long')
        self._view.cast('B')[:len(data)] = data
        if len(data) < self._length:
            self._view[len(data)] = b'\0'

    def __reduce__(self):
        return (_RawArray, (self._typecode, self._length, self._block))

    def __repr__(self):
        return '<%s_Array_%d %r>' % (_ctypes_names[self._typecode],
                                     self._length, self[:])


def RawValue(typecode_or_type, *args, ctx=None):
    """A shared value without a lock."""
    size = _itemsize(typecode_or_type)
    obj = _RawValue(typecode_or_type, _Block(size, ctx))
    if args:
        obj.value, = args
    return obj


def RawArray(typecode_or_type, size_or_initializer, ctx=None):
    """A shared array without a lock: a length (zero-filled) or the
    initial items."""
    itemsize = _itemsize(typecode_or_type)
    if isinstance(size_or_initializer, int):
        length, init = size_or_initializer, None
    else:
        init = list(size_or_initializer)
        length = len(init)
    if length < 0:
        raise ValueError('array size must be non-negative')
    obj = _RawArray(typecode_or_type, length,
                    _Block(length * itemsize, ctx))
    if init is not None:
        for i, v in enumerate(init):
            obj._view[i] = v
    return obj


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A shared value with a lock: .value, get_lock(), get_obj()."""
    obj = RawValue(typecode_or_type, *args, ctx=ctx)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A shared array with a lock."""
    obj = RawArray(typecode_or_type, size_or_initializer, ctx=ctx)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = ctx or context._default_context.get_context()
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return SynchronizedArray(obj, lock)


class SynchronizedBase:
    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = ctx or context._default_context.get_context()
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)
        return (type(self), (self._obj, self._lock))

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __iter__(self):
        with self._lock:
            return iter(list(self._obj))

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v
