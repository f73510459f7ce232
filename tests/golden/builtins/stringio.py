# io.StringIO (modules/memio.c): read/write/seek/tell/readline/iteration.
import io

s = io.StringIO("hello\nwörld\nlast")
print(s.read(3), s.tell(), repr(s.readline()), repr(s.readline(2)))
print(s.readlines())
print(repr(s.read()), repr(s.readline()))
print(s.seek(0), list(s))
print(s.seek(0, 2), s.tell(), s.write("+more"), s.getvalue())
print(s.seek(0), s.write("HE"), s.getvalue(), s.tell())
print(s.seek(30), s.write("X"), repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.truncate(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed)
print(s.line_buffering, s.newlines, s.flush())
s.writelines(["a", "b", "c"])
print(repr(s.getvalue()))

e = io.StringIO()
print(repr(e.getvalue()), repr(e.read()), e.tell(), list(e))
print(e.write("x\ny\n"), e.tell(), repr(e.read()))
e.seek(0)
print([line for line in e])
print(io.StringIO(None).getvalue() == "", io.StringIO(initial_value="q").read())

with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)

print(io.StringIO("a\r\nb\rc\n", newline=None).getvalue().encode())
print(io.StringIO("a\r\nb\rc\n", newline=None).newlines)
print(io.StringIO("a\r\nb\rc\n", newline="").readlines())
print(io.StringIO("a\r\nb\rc\n").readlines())
print(io.StringIO("a\nb", newline="\r\n").getvalue().encode())
print(io.StringIO("a\nb\rc", newline="\r").readlines())

out = io.StringIO()
print("to", "stringio", sep="-", end="!\n", file=out)
print(repr(out.getvalue()))

class MyIO(io.StringIO):
    def write(self, s):
        return super().write(s.upper())
m = MyIO()
print("shout", file=m)
print(repr(m.getvalue()), isinstance(m, io.StringIO))

def show(fn):
    try:
        print("ok", repr(fn()))
    except Exception as ex:
        print(type(ex).__name__, ex)

t = io.StringIO("abc")
show(lambda: t.seek(1, 1))
show(lambda: t.seek(1, 2))
show(lambda: t.seek(-1))
show(lambda: t.seek(0, 3))
show(lambda: t.write(1))
show(lambda: t.truncate(-1))
show(lambda: t.read("x"))
show(lambda: io.StringIO(1))
show(lambda: io.StringIO(newline="x"))
show(lambda: io.StringIO(newline=1))
show(lambda: t.fileno())
t.close()
t.close()
for op in ["read", "getvalue", "tell", "readline", "__next__", "__iter__",
           "readable"]:
    show(lambda: getattr(t, op)())
show(lambda: t.write("x"))
show(lambda: t.seek(0))
print(t.closed)
