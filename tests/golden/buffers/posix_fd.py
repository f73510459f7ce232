# The minimal posix module: file descriptors, fstat, errors carrying the
# errno subclass and the file name (modules/posixmodule.c).
import posix

path = '/tmp/minipy_golden_posix_%d' % posix.getpid()
fd = posix.open(path, posix.O_RDWR | posix.O_CREAT | posix.O_TRUNC, 0o600)
print(posix.write(fd, b'hello world'), posix.write(fd, memoryview(b'!!')))
print(posix.lseek(fd, 0, 0), posix.read(fd, 5), posix.read(fd, 100))
print(posix.lseek(fd, -3, 2), posix.read(fd, 10), posix.read(fd, 10))
st = posix.fstat(fd)
print(st.st_size, oct(st.st_mode & 0o777), type(st.st_mtime).__name__)
print(type(st).__name__, repr(st).startswith('os.stat_result(st_mode='))
posix.ftruncate(fd, 4)
print(posix.fstat(fd).st_size)
posix.close(fd)
for f, args in ((posix.close, (fd,)), (posix.read, (fd, 1)),
                (posix.fstat, (fd,)), (posix.unlink, (path + 'nope',)),
                (posix.open, (path, posix.O_CREAT | posix.O_EXCL)),
                (posix.open, ('/nonexistent_dir/x', posix.O_RDONLY)),
                (posix.open, (5, 0))):
    try:
        f(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == path + 'nope' or
              e.filename == path or e.filename)
    except TypeError as e:
        print('TypeError', e)
posix.unlink(path)
print(len(posix.urandom(8)), posix.urandom(0), type(posix.urandom(3)).__name__)
print(posix.O_RDONLY, hasattr(posix, "SEEK_SET"))
