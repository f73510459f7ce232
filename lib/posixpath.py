"""posixpath: os.path for POSIX systems, in Python over posix.stat.

Pure string operations (join, split, splitext, normpath ...) work on str
and bytes alike, as CPython's; the queries (exists, isdir, getsize ...)
call stat and treat "no such file" as False.
"""

import posix as _posix

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

__all__ = ['join', 'split', 'splitext', 'basename', 'dirname', 'isabs',
           'normpath', 'abspath', 'realpath', 'relpath', 'exists',
           'lexists', 'isdir', 'isfile', 'islink', 'getsize', 'getmtime',
           'getatime', 'getctime', 'expanduser', 'commonprefix',
           'commonpath', 'samefile', 'splitdrive', 'normcase']

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _seps(p):
    return (b'/', b'.', b'..', b'') if isinstance(p, bytes) else \
        ('/', '.', '..', '')


def normcase(s):
    return _posix.fspath(s)


def isabs(s):
    s = _posix.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _posix.fspath(a)
    slash = _seps(a)[0]
    path = a
    for b in map(_posix.fspath, p):
        if type(b) is not type(a):
            raise TypeError("Can't mix strings and bytes in path components")
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path += b
        else:
            path += slash + b
    return path


def split(p):
    p = _posix.fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = _posix.fspath(p)
    slash, dot = _seps(p)[:2]
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _posix.fspath(p)
    return p[:0], p


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def normpath(path):
    path = _posix.fspath(path)
    slash, dot, dotdot, empty = _seps(path)
    if path == empty:
        return dot
    initial = 0
    if path.startswith(slash):
        initial = 1
        if path.startswith(slash * 2) and not path.startswith(slash * 3):
            initial = 2
    comps = []
    for comp in path.split(slash):
        if comp in (empty, dot):
            continue
        if comp != dotdot or (not initial and not comps) or \
                (comps and comps[-1] == dotdot):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = slash.join(comps)
    if initial:
        path = slash * initial + path
    return path or dot


def abspath(path):
    path = _posix.fspath(path)
    if not isabs(path):
        cwd = _posix.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode('utf-8', 'surrogateescape')
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The absolute path with symbolic links resolved (followed with
    readlink through /proc's view is not available: links are resolved
    by stat identity only, so this is abspath)."""
    return abspath(filename)


def relpath(path, start=None):
    path = _posix.fspath(path)
    if not path:
        raise ValueError("no path specified")
    slash, dot, dotdot, _ = _seps(path)
    if start is None:
        start = dot
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dotdot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = [_posix.fspath(p) for p in paths]
    slash, dot = _seps(paths[0])[:2]
    split_paths = [p.split(slash) for p in paths]
    try:
        isabs_, = set(p[:1] == slash for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = slash if isabs_ else slash[:0]
    return prefix + slash.join(common)


def expanduser(path):
    path = _posix.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path                 # ~user: no password database here
    import os
    home = os.environ.get('HOME')
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode('utf-8', 'surrogateescape')
    home = home.rstrip(slash)
    return (home + path[i:]) or slash


def _mode(path, follow=True):
    try:
        st = _posix.stat(path) if follow else _posix.lstat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode


def exists(path):
    return _mode(path) is not None


def lexists(path):
    return _mode(path, False) is not None


def isdir(s):
    m = _mode(s)
    return m is not None and m & _S_IFMT == _S_IFDIR


def isfile(path):
    m = _mode(path)
    return m is not None and m & _S_IFMT == _S_IFREG


def islink(path):
    m = _mode(path, False)
    return m is not None and m & _S_IFMT == _S_IFLNK


def getsize(filename):
    return _posix.stat(filename).st_size


def getmtime(filename):
    return _posix.stat(filename).st_mtime


def getatime(filename):
    return _posix.stat(filename).st_atime


def getctime(filename):
    return _posix.stat(filename).st_ctime


def samefile(f1, f2):
    s1 = _posix.stat(f1)
    s2 = _posix.stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev
