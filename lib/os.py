"""os: the operating system interface, over the C module posix.

As in CPython, the system calls live in the built-in module ``posix``
(src/modules/posixmodule.c) and this module re-exports them, adding what
is easier to write in Python: ``os.path`` (the module posixpath), the
``environ`` mapping that keeps the process environment in step through
``putenv``/``unsetenv``, ``getenv``, ``fsencode``/``fsdecode``,
``makedirs``, ``removedirs``, ``walk`` and the constants of file paths.
"""

import sys
import posix
from posix import *
from posix import _exit

import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
from posixpath import (curdir, pardir, sep, altsep, extsep, pathsep,
                       defpath, devnull)

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


# {====== File names as bytes and str ======

def fsencode(filename):
    """A str path as bytes (UTF-8, surrogateescape); bytes unchanged."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """A bytes path as str (UTF-8, surrogateescape); str unchanged."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class PathLike:
    """The abstract class of objects with __fspath__."""

    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for c in subclass.__mro__:
                if '__fspath__' in c.__dict__:
                    return c.__dict__['__fspath__'] is not None
        return NotImplemented
# }======


# {====== The environment ======

class _Environ:
    """os.environ: a str-to-str mapping over the process environment.

    Every assignment and deletion also calls putenv/unsetenv, so that
    child processes (fork, execv) inherit the change."""

    def __init__(self, data):
        self._data = data           # bytes -> bytes, the real store

    def __getitem__(self, key):
        try:
            value = self._data[self._encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return value.decode('utf-8', 'surrogateescape')

    def __setitem__(self, key, value):
        k = self._encodekey(key)
        v = self._encodevalue(value)
        putenv(k, v)
        self._data[k] = v

    def __delitem__(self, key):
        k = self._encodekey(key)
        unsetenv(k)
        try:
            del self._data[k]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for k in list(self._data):
            yield k.decode('utf-8', 'surrogateescape')

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        if not isinstance(key, str):
            return False
        return self._encodekey(key) in self._data

    def keys(self):
        return list(self)

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return value

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwds.items():
            self[k] = v

    def copy(self):
        return dict(self.items())

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other.copy()
        return self.copy() == other

    def __repr__(self):
        items = ', '.join('%r: %r' % (k, v) for k, v in self.items())
        return 'environ({%s})' % items

    @staticmethod
    def _encodekey(key):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        return key.encode('utf-8', 'surrogateescape')

    _encodevalue = _encodekey


environ = _Environ(posix.environ)


def getenv(key, default=None):
    """The value of environment variable key, or default."""
    return environ.get(key, default)


def get_exec_path(env=None):
    if env is None:
        env = environ
    return env.get('PATH', defpath).split(pathsep)
# }======


# {====== Directories ======

def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir -p: creates the missing parents first."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass                    # made meanwhile by another process
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """rmdir name, then each parent until one is not empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for top and each directory
    below it; the names in the order listdir gives them."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs, nondirs = [], []
    for n in names:
        full = path.join(top, n)
        if path.isdir(full) and (followlinks or not path.islink(full)):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
    for d in dirs:
        yield from walk(path.join(top, d), topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs
# }======
