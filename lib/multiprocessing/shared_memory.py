"""Shared memory between processes, without copies.

SharedMemory names a POSIX shared-memory object (/dev/shm/psm_xxxxxxxx),
sizes it, and maps it with mmap.  Its ``buf`` is a memoryview over that
mapping: every process that attaches to the same name reads and writes
the same physical pages, so ``shm.buf.cast('d')[0] = 1.5`` in one process
is seen by ``SharedMemory(name).buf`` in another at once.

ShareableList stores a fixed-length list of int, float, bool, str, bytes
and None in such a block, in the layout CPython uses, so either
interpreter can read a list the other wrote.

The block outlives the processes that use it until ``unlink()`` removes
its name; ``close()`` only drops this process's mapping.  Unlike CPython,
no resource tracker process watches for blocks left behind.
"""

import mmap
import _posixshmem

import posix as _os     # the calls os re-exports from posix

__all__ = ['SharedMemory', 'ShareableList']

_O_CREX = _os.O_CREAT | _os.O_EXCL
_NAME_PREFIX = '/psm_'
_NAME_LENGTH = 14           # with the slash: short enough for every OS


def _random_name():
    """A fresh name: the prefix and random hex digits."""
    digits = (_NAME_LENGTH - len(_NAME_PREFIX)) // 2
    return _NAME_PREFIX + _os.urandom(digits).hex()


class SharedMemory:
    """A block of shared memory, created (create=True) or attached to by
    name.  ``buf`` is a memoryview of its ``size`` bytes."""

    _name = None
    _fd = -1
    _mmap = None
    _buf = None
    _flags = _os.O_RDWR
    _mode = 0o600
    _prepend_leading_slash = True

    def __init__(self, name=None, create=False, size=0):
        if not size >= 0:
            raise ValueError("'size' must be a positive integer")
        if create:
            self._flags = _O_CREX | _os.O_RDWR
            if size == 0:
                raise ValueError(
                    "'size' must be a positive number different from zero")
        if name is None and not self._flags & _os.O_EXCL:
            raise ValueError("'name' can only be None if create=True")
        if name is None:
            # Try random names until one is free (O_EXCL refuses a taken one).
            while True:
                name = _random_name()
                try:
                    self._fd = _posixshmem.shm_open(name, self._flags,
                                                    mode=self._mode)
                except FileExistsError:
                    continue
                break
        else:
            if self._prepend_leading_slash:
                name = '/' + name
            self._fd = _posixshmem.shm_open(name, self._flags,
                                            mode=self._mode)
        self._name = name
        try:
            if create and size:
                _os.ftruncate(self._fd, size)
            # Attaching: the block's size is whatever its creator made it.
            size = _os.fstat(self._fd).st_size
            self._mmap = mmap.mmap(self._fd, size)
        except OSError:
            self.unlink()
            raise
        self._size = size
        self._buf = memoryview(self._mmap)

    def __del__(self):
        try:
            self.close()
        except OSError:
            pass

    def __reduce__(self):
        return (self.__class__, (self.name, False, self.size))

    def __repr__(self):
        return f'{self.__class__.__name__}({self.name!r}, size={self.size})'

    @property
    def buf(self):
        "A memoryview of the contents of the shared memory block."
        return self._buf

    @property
    def name(self):
        "Unique name that identifies the shared memory block."
        name = self._name
        if self._prepend_leading_slash and name.startswith('/'):
            name = name[1:]
        return name

    @property
    def size(self):
        "Size in bytes."
        return self._size

    def close(self):
        """Drops this process's view of the block (the block itself stays
        until unlink())."""
        if self._buf is not None:
            self._buf.release()
            self._buf = None
        if self._mmap is not None:
            self._mmap.close()
            self._mmap = None
        if self._fd >= 0:
            _os.close(self._fd)
            self._fd = -1

    def unlink(self):
        """Removes the block's name, so that it is freed once every process
        has closed it.  Call it once, from one process."""
        if self._name:
            _posixshmem.shm_unlink(self._name)


# {====== ShareableList ======
# The block holds, as CPython's ShareableList lays it out (integers are
# native 8-byte 'q'):
#
#   n, then n+1 offsets of the item slots (0, end of slot 0, ...)
#   the data: each item in a slot of a multiple of 8 bytes
#   each item's struct format, NUL-padded to 8 bytes
#   each item's back-transform code, one byte
#
# CPython reads and writes it with struct; here the same bytes go through
# memoryview casts.  A str or bytes slot keeps the size it was created
# with (8 * (len // 8 + 1)): a longer value raises ValueError.

_ALIGN = 8
_ENCODING = 'utf8'
# back-transform codes: what a slot's raw value becomes when read
_AS_IS, _AS_STR, _AS_BYTES, _AS_NONE = 0, 1, 2, 3


def _slot_format(value):
    """The struct format of a new slot for value."""
    t = type(value)
    if value is None:
        return 'xxxxxx?x'
    if t is bool:
        return 'xxxxxxx?'
    if t is int:
        return 'q'
    if t is float:
        return 'd'
    if t is str or t is bytes:
        return '%ds' % (_ALIGN * (len(value) // _ALIGN + 1))
    raise KeyError(t)


def _back_code(value):
    if isinstance(value, str):
        return _AS_STR
    if isinstance(value, bytes):
        return _AS_BYTES
    if value is None:
        return _AS_NONE
    return _AS_IS


class ShareableList:
    """A fixed-length list of int, float, bool, str, bytes and None kept
    in a SharedMemory block: items may be replaced, not added."""

    def __init__(self, sequence=None, *, name=None):
        if name is None or sequence is not None:
            sequence = list(sequence or ())
            formats = [_slot_format(v) for v in sequence]
            n = len(formats)
            offsets = [0]
            for f in formats:
                offsets.append(offsets[-1] + (int(f[:-1]) if f[-1] == 's'
                                              else _ALIGN))
            size = 8 * (n + 2) + offsets[-1] + 8 * n + n
            self.shm = SharedMemory(name, create=True, size=size)
            self._list_len = n
            self._offsets = offsets
            self._put_q(0, n)
            for i, off in enumerate(offsets):
                self._put_q(8 * (1 + i), off)
            for i, value in enumerate(sequence):
                self._set_format(i, formats[i], value)
                self._pack(i, formats[i], value)
        else:
            self.shm = SharedMemory(name)
            self._list_len = self._get_q(0)
            self._offsets = [self._get_q(8 * (1 + i))
                             for i in range(self._list_len + 1)]

    # -- raw access --
    def _get_q(self, at):
        with self.shm.buf[at:at + 8].cast('q') as q:
            return q[0]

    def _put_q(self, at, value):
        with self.shm.buf[at:at + 8].cast('q') as q:
            q[0] = value

    @property
    def _data_start(self):
        return 8 * (self._list_len + 2)

    @property
    def _formats_start(self):
        return self._data_start + self._offsets[-1]

    @property
    def _codes_start(self):
        return self._formats_start + 8 * self._list_len

    def _get_format(self, i):
        at = self._formats_start + 8 * i
        return bytes(self.shm.buf[at:at + 8]).rstrip(b'\x00').decode(
            _ENCODING)

    def _set_format(self, i, fmt, value):
        at = self._formats_start + 8 * i
        raw = fmt.encode(_ENCODING)
        self.shm.buf[at:at + 8] = raw + b'\x00' * (8 - len(raw))
        self.shm.buf[self._codes_start + i] = _back_code(value)

    def _pack(self, i, fmt, value):
        at = self._data_start + self._offsets[i]
        buf = self.shm.buf
        if fmt == 'q':
            self._put_q(at, value)
        elif fmt == 'd':
            with buf[at:at + 8].cast('d') as d:
                d[0] = value
        elif fmt == 'xxxxxxx?':
            buf[at:at + 8] = b'\x00' * 7 + (b'\x01' if value else b'\x00')
        elif fmt == 'xxxxxx?x':
            buf[at:at + 8] = bytes(8)
        else:
            raw = value.encode(_ENCODING) if isinstance(value, str) else value
            width = int(fmt[:-1])
            raw = raw[:width]
            buf[at:at + width] = raw + b'\x00' * (width - len(raw))

    def _unpack(self, i):
        at = self._data_start + self._offsets[i]
        fmt = self._get_format(i)
        code = self.shm.buf[self._codes_start + i]
        if code == _AS_NONE:
            return None
        if fmt == 'q':
            return self._get_q(at)
        if fmt == 'd':
            with self.shm.buf[at:at + 8].cast('d') as d:
                return d[0]
        if fmt == 'xxxxxxx?':
            return self.shm.buf[at + 7] != 0
        raw = bytes(self.shm.buf[at:at + int(fmt[:-1])]).rstrip(b'\x00')
        return raw.decode(_ENCODING) if code == _AS_STR else raw

    # -- the list interface --
    def __getitem__(self, position):
        if position < 0:
            position += self._list_len
        if not 0 <= position < self._list_len:
            raise IndexError("index out of range")
        return self._unpack(position)

    def __setitem__(self, position, value):
        if position < 0:
            position += self._list_len
        if not 0 <= position < self._list_len:
            raise IndexError("assignment index out of range")
        current = self._get_format(position)
        if not isinstance(value, (str, bytes)):
            fmt = _slot_format(value)
        else:
            room = self._offsets[position + 1] - self._offsets[position]
            raw = value.encode(_ENCODING) if isinstance(value, str) else value
            if len(raw) > room:
                raise ValueError("bytes/str item exceeds available storage")
            fmt = current if current[-1] == 's' else '%ds' % room
        self._set_format(position, fmt, value)
        self._pack(position, fmt, value)

    def __len__(self):
        return self._get_q(0)

    def __iter__(self):
        for i in range(self._list_len):
            yield self._unpack(i)

    def __repr__(self):
        return f'{self.__class__.__name__}({list(self)}, name={self.shm.name!r})'

    @property
    def format(self):
        "The struct packing format used by all currently stored items."
        return ''.join(self._get_format(i) for i in range(self._list_len))

    def count(self, value):
        "L.count(value) -> integer -- return number of occurrences of value."
        return sum(value == entry for entry in self)

    def index(self, value):
        """L.index(value) -> integer -- return first index of value.
        Raises ValueError if the value is not present."""
        for position, entry in enumerate(self):
            if value == entry:
                return position
        raise ValueError(f"{value!r} not in this container")
# }======
