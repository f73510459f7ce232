# Binary files (modules/io.c): BufferedReader/Writer/Random.
import os

name = "tmp_file_binary.bin"
with open(name, "wb") as f:
    print(repr(f), f.mode, f.name, f.closed)
    print(f.write(b"abc\n"), f.write(bytearray(b"\x00\xff")), f.write(bytearray(b"xyz")))
    f.writelines([b"\nline2\n", b"line3"])
    print(f.tell(), f.writable(), f.readable(), f.seekable())
with open(name, "rb") as f:
    print(repr(f), f.mode)
    data = f.read()
    print(data, len(data), type(data).__name__)
    print(f.seek(0), f.read(2), f.read(2), f.tell())
    print(f.readline(), f.readline(2))
    print(f.seek(-5, 2), f.read())
    print(f.seek(2), f.seek(1, 1), f.read(1))
    f.seek(0)
    print(f.readlines())
    f.seek(0)
    print(list(f))
    print(f.read(), f.read(5), f.readline())
    f.seek(0)
    print(f.read1(3), f.read(None))
with open(name, "r+b") as f:
    print(repr(f), f.mode)
    f.write(b"ABC")
    f.seek(0)
    print(f.read(5))
    f.seek(0, 2)
    f.write(b"!")
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())
with open(name, "w+b") as f:
    print(f.mode, f.read())
with open(name, "ab") as f:
    print(repr(f), f.mode, f.write(b"12"))
with open(name, "a+b") as f:
    print(f.mode, f.write(b"34"))
    f.seek(0)
    print(f.read())
with open(name, "xb" if False else "rb") as f:
    pass

xname = "tmp_file_binary_x.bin"
with open(xname, "xb") as f:
    print(repr(f), f.mode)
with open(xname, "x+b" if False else "rb") as f:
    print(f.read())
os.remove(xname)
with open(xname, "x+b") as f:
    print(f.mode)
os.remove(xname)
with open(xname, "x") as f:
    print(repr(f))
os.remove(xname)

with open(name, "rb", buffering=0) as f:
    print(f.read())
os.remove(name)
