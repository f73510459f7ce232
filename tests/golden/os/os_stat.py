# os.stat_result: a tuple of ten with named fields and hidden float times
import os

F = 'os_stat_tmp_file'
with open(F, 'wb') as f:
    f.write(b'x' * 1234)
st = os.stat(F)
print(type(st).__name__, isinstance(st, tuple), len(st))
print(st.st_size, st[6], st[0] == st.st_mode, st.st_mode & 0o170000 == 0o100000)
print(type(st.st_mtime).__name__, type(st[8]).__name__,
      type(st.st_mtime_ns).__name__, int(st.st_mtime) == st[8])
print(st.st_mtime_ns // 10**9 == st[8], st.st_blksize > 0)
mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime = st
print(size, nlink)
fd = os.open(F, os.O_RDONLY)
print(os.fstat(fd).st_size, os.stat(fd).st_ino == st.st_ino)
os.close(fd)
print(os.stat('.').st_mode & 0o170000 == 0o040000)
os.remove(F)
r = os.stat_result(range(10))
print(r)
print(r.st_atime, r[7], r.st_mtime_ns)
print(os.stat_result(range(10)) == tuple(range(10)), r[2:4])
for bad in (range(3), range(20), 5):
    try:
        os.stat_result(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    r.st_size = 3
except AttributeError as e:
    print('AttributeError')
