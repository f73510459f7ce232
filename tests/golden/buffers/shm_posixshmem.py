# _posixshmem: shm_open and shm_unlink; two mappings of one shared-memory
# object see the same bytes (modules/posixshmem.c, modules/mmapmodule.c).
import mmap
import posix
import _posixshmem

name = '/minipy_golden_shm_%d' % posix.getpid()
flags = posix.O_CREAT | posix.O_EXCL | posix.O_RDWR
fd = _posixshmem.shm_open(name, flags, mode=0o600)
print(type(fd).__name__, posix.fstat(fd).st_size)
posix.ftruncate(fd, 16)
print(posix.fstat(fd).st_size)
try:
    _posixshmem.shm_open(name, flags)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
fd2 = _posixshmem.shm_open(name, posix.O_RDWR)
a = mmap.mmap(fd, 16)
b = mmap.mmap(fd2, 0)
posix.close(fd)
posix.close(fd2)
a[0:5] = b'hello'
print(b[0:5], len(b), b.size())
memoryview(b).cast('i')[3] = 123456
print(memoryview(a).cast('i')[3])
_posixshmem.shm_unlink(name)
print(a[0:5])     # the mappings outlive the name
a.close()
b.close()
for f, args in ((_posixshmem.shm_open, (name, posix.O_RDWR)),
                (_posixshmem.shm_unlink, (name,)),
                (_posixshmem.shm_open, ('/minipy/bad', posix.O_RDWR)),
                (_posixshmem.shm_open, (5, 0)),
                (_posixshmem.shm_open, ('/x',)),
                (_posixshmem.shm_unlink, ())):
    try:
        f(*args)
    except (OSError, TypeError) as e:
        print(type(e).__name__, str(e).replace(name, 'NAME'))
