# open() and file-method errors (modules/io.c): CPython's types and messages.
import io
import os

def show(fn):
    try:
        r = fn()
        print("ok", repr(r))
    except Exception as e:
        print(type(e).__module__ if type(e).__module__ != "builtins" else "",
              type(e).__name__, e)

name = "tmp_file_errors.txt"
with open(name, "w") as f:
    f.write("hi\n")

show(lambda: open("tmp_no_such_file.txt"))
show(lambda: open("tmp_no_dir/x.txt", "w"))
show(lambda: open("."))
show(lambda: open(name, "x"))
try:
    open("tmp_no_such_file.txt")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(isinstance(e, FileNotFoundError), isinstance(e, OSError))
try:
    open(".", "r")
except IsADirectoryError as e:
    print(e.errno, e.filename)

for mode in ["rr", "rw", "tb", "U", "", "q", "wx", "r++", "rbt"]:
    show(lambda: open(name, mode))
show(lambda: open(name, 1))
show(lambda: open(name, "rb", encoding="utf-8"))
show(lambda: open(name, "rb", errors="strict"))
show(lambda: open(name, "rb", newline=""))
show(lambda: open(name, "r", buffering=0))
show(lambda: open(name, newline="x"))
show(lambda: open(name, encoding="no-such-codec"))
show(lambda: open(name, encoding=1))
show(lambda: open(name, errors=1))
show(lambda: open(name, newline=1))
show(lambda: open(1.5))
show(lambda: open(name, closefd=False))
show(lambda: open(name, foo=1))
show(lambda: open())

# operations on closed files
f = open(name)
f.close()
b = open(name, "rb")
b.close()
for op in ["read", "readline", "readlines", "tell", "flush", "fileno",
           "readable", "__enter__", "__iter__", "__next__"]:
    show(lambda: getattr(f, op)())
show(lambda: f.write("x"))
show(lambda: f.seek(0))
print(f.closed, f.name, repr(f))
for op in ["read", "readline", "tell", "fileno", "flush", "__next__"]:
    show(lambda: getattr(b, op)())
show(lambda: b.seek(0))
print(b.closed, repr(b))
show(lambda: print("x", file=f))

# wrong direction, wrong type
w = open(name, "w")
r = open(name)
wb = open(name + ".bin", "wb")
rb = open(name, "rb")
show(lambda: w.read())
show(lambda: r.write("x"))
show(lambda: wb.read())
show(lambda: rb.write(b"x"))
show(lambda: w.write(b"x"))
show(lambda: wb.write("x"))
show(lambda: w.writelines([1]))
show(lambda: wb.writelines([1]))
show(lambda: r.seek(1, 1))
show(lambda: r.seek(1, 2))
show(lambda: r.seek(0, 3))
show(lambda: r.seek(-1))
show(lambda: rb.seek(-1))
show(lambda: r.read("x"))
show(lambda: r.readline(None))
show(lambda: r.truncate())
print(issubclass(io.UnsupportedOperation, OSError),
      issubclass(io.UnsupportedOperation, ValueError))
for x in (w, r, wb, rb):
    x.close()

# decoding errors
with open(name, "wb") as f:
    f.write(b"ok\xff\xfe\n")
show(lambda: open(name).read())
with open(name, errors="replace") as f:
    print(repr(f.read()))
with open(name, errors="ignore") as f:
    print(repr(f.readline()))
with open(name, encoding="latin-1") as f:
    print(repr(f.read()))
os.remove(name)
os.remove(name + ".bin")
show(lambda: os.remove(name))
