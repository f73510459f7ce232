# mmap over a file: MAP_SHARED writes reach the file, ACCESS_COPY ones do
# not; sizes and offsets checked against the file (modules/mmapmodule.c
# mmap_new; posix.open/lseek/read for the file).
import mmap
import posix as os


def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


path = "/tmp/minipy_mmap_golden_%d" % os.getpid(); fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, b'0123456789')
t(lambda: mmap.mmap(fd, 0)[:])
t(lambda: mmap.mmap(fd, 20))
t(lambda: mmap.mmap(fd, 5, offset=4096*4))
t(lambda: mmap.mmap(fd, 0, offset=4096))
t(lambda: mmap.mmap(fd, 0, offset=3))
t(lambda: mmap.mmap(fd, 4, offset=0).size())
fm = mmap.mmap(fd, 0)
fm[0:2] = b'ab'
fm.flush()
os.lseek(fd, 0, 0)
t(lambda: os.read(fd, 10))
fm.close()
cm = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)
cm[0:2] = b'XY'
os.lseek(fd, 0, 0)
t(lambda: os.read(fd, 10))
t(lambda: cm[:])
t(lambda: cm.flush())
os.close(fd)
os.unlink(path)
path = "/tmp/minipy_mmap_golden_%d" % os.getpid(); fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
t(lambda: mmap.mmap(fd, 0))
os.close(fd)
os.unlink(path)
t(lambda: mmap.mmap(-1, 4).resize(8))
t(lambda: type(mmap.mmap(-1, 4)))
t(lambda: mmap.mmap(-1, 4).madvise(mmap.MADV_NORMAL))
t(lambda: mmap.mmap(fileno=-1, length=4))

