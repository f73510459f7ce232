# io.BytesIO (modules/memio.c): read/write/seek/tell/readline/iteration.
import io

b = io.BytesIO(b"hello\nworld\nlast")
print(b.read(3), b.tell(), b.readline(), b.readline(2))
print(b.readlines())
print(b.read(), b.readline())
print(b.seek(0), list(b))
print(b.seek(0, 2), b.write(b"+more"), b.getvalue())
print(b.seek(0), b.write(bytearray(b"HE")), b.getvalue(), b.tell())
print(b.seek(20), b.write(bytearray(b"X")), b.getvalue())
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.tell())
print(b.truncate(5), b.getvalue(), b.tell())
print(b.truncate(), b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
b.writelines([b"a", b"b"])
print(b.getvalue(), b.read1(), b.flush())

e = io.BytesIO()
print(e.getvalue(), e.read(), e.tell(), list(e))
print(e.write(b"x\ny\n"), e.tell(), e.read())
e.seek(0)
print([line for line in e])
print(io.BytesIO(initial_bytes=b"q").read(), io.BytesIO(bytearray(b"ba")).read())

with io.BytesIO(b"ctx") as c:
    print(c.read())
print(c.closed)

def show(fn):
    try:
        print("ok", repr(fn()))
    except Exception as ex:
        print(type(ex).__name__, ex)

t = io.BytesIO(b"abc")
show(lambda: t.seek(-1))
show(lambda: t.seek(0, 3))
show(lambda: t.write("x"))
show(lambda: t.truncate(-1))
show(lambda: io.BytesIO("x"))
show(lambda: t.fileno())
show(lambda: t.read(None))
t.close()
for op in ["read", "getvalue", "tell", "readline", "__next__", "readable"]:
    show(lambda: getattr(t, op)())
show(lambda: t.write(b"x"))
show(lambda: t.seek(0))
