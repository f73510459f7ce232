"""Connections: message passing over a pipe or a socket pair.

A message is a 4-byte big-endian signed length and that many bytes (a
length that does not fit is -1 followed by an 8-byte length), as in
CPython, so send_bytes/recv_bytes frame any bytes-like object and
send/recv frame a pickle.  A duplex Pipe() is an AF_UNIX socket pair,
a simplex one an os.pipe() with a read-only and a write-only end.

poll(timeout) and wait() use select.select.  A Connection crosses to a
child started by fork by inheritance; to one started by spawn or the
fork server, its file descriptor is handed to the new process
(reduction.DupFd) while the process object is pickled.
"""

import os
import pickle
import select
import struct
import time

import _multiprocessing

from . import reduction

__all__ = ['Pipe', 'Connection', 'wait']

_CHUNK = 65536


class Connection:
    """One end of a Pipe: send/recv pickled objects, send_bytes/recv_bytes
    raw messages."""

    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError(
                "at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def _close(self):
        os.close(self._handle)

    def close(self):
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()

    def __repr__(self):
        return '<%s.%s handle=%s>' % (type(self).__module__,
                                      type(self).__name__, self._handle)

    # {====== Writing ======
    def _send(self, buf):
        view = memoryview(buf)
        while len(view):
            n = os.write(self._handle, view[:_CHUNK])
            view = view[n:]

    def send_bytes(self, buf, offset=0, size=None):
        """Sends buf[offset:offset+size] as one message."""
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        if m.itemsize > 1:
            m = m.cast('B')
        n = m.nbytes
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        data = m[offset:offset + size]
        if size > 0x7fffffff:
            header = struct.pack('!i', -1) + struct.pack('!Q', size)
        else:
            header = struct.pack('!i', size)
        if size > 16384:
            self._send(header)
            self._send(data)
        else:
            self._send(header + bytes(data))

    def send(self, obj):
        """Sends a picklable object."""
        self._check_closed()
        self._check_writable()
        self.send_bytes(reduction.dumps(obj))
    # }======

    # {====== Reading ======
    def _recv(self, size):
        parts = []
        remaining = size
        while remaining > 0:
            chunk = os.read(self._handle, min(remaining, _CHUNK))
            if not chunk:
                if remaining == size:
                    raise EOFError
                raise OSError("got end of file during message")
            parts.append(chunk)
            remaining -= len(chunk)
        return b''.join(parts)

    def _recv_message(self, maxsize=None):
        size, = struct.unpack('!i', self._recv(4))
        if size == -1:
            size, = struct.unpack('!Q', self._recv(8))
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)

    def recv_bytes(self, maxlength=None):
        """The next message, as bytes; EOFError when the other end is
        closed."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_message(maxlength)
        if buf is None:
            self.close()
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """Reads the next message into a writable buffer; returns its
        length."""
        self._check_closed()
        self._check_readable()
        with memoryview(buf) as m:
            itemsize = m.itemsize
            bytesize = itemsize * len(m)
            if offset < 0:
                raise ValueError("negative offset")
            elif offset > bytesize:
                raise ValueError("offset too large")
            result = self._recv_message()
            size = len(result)
            if bytesize < offset + size:
                from .context import BufferTooShort
                raise BufferTooShort(result)
            m.cast('B')[offset:offset + size] = result
            return size // itemsize

    def recv(self):
        """The next object sent with send()."""
        self._check_closed()
        self._check_readable()
        return reduction.loads(self._recv_message())

    def poll(self, timeout=0.0):
        """Whether there is something to read, waiting up to timeout
        seconds (forever for None)."""
        self._check_closed()
        self._check_readable()
        return bool(wait([self], timeout))
    # }======

    def __reduce__(self):
        from .context import get_spawning_popen
        if get_spawning_popen() is None:
            raise TypeError("cannot pickle 'Connection' object")
        return (_rebuild_connection,
                (reduction.DupFd(self.fileno()), self._readable,
                 self._writable))


def _rebuild_connection(df, readable, writable):
    return Connection(df.detach(), readable, writable)


def Pipe(duplex=True):
    """Returns (conn1, conn2): with duplex both ends read and write;
    otherwise conn1 only receives and conn2 only sends."""
    if duplex:
        s1, s2 = _multiprocessing.socketpair()
        return Connection(s1), Connection(s2)
    fd1, fd2 = os.pipe()
    return Connection(fd1, writable=False), Connection(fd2, readable=False)


def wait(object_list, timeout=None):
    """The objects of object_list (Connections, sentinels, anything with
    fileno()) that are ready to read, waiting up to timeout seconds."""
    if timeout is not None:
        deadline = time.monotonic() + timeout
    while True:
        ready, _, _ = select.select(object_list, [], [], timeout)
        if ready or timeout is None:
            if ready:
                return ready
            continue
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            return []
