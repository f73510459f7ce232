# Text files (modules/io.c): write, read, readline, readlines, iteration,
# seek/tell, attributes, context manager; files made here and removed.
import os

name = "tmp_file_text.txt"
with open(name, "w") as f:
    print(repr(f))
    print(f.name, f.mode, f.encoding, f.errors, f.closed, f.newlines)
    print(f.readable(), f.writable(), f.seekable(), f.isatty())
    print(f.write("héllo wörld\n"), f.write(""), f.write("€uro\n"))
    f.writelines(["line three\n", "line four\n"])
    print("printed", 42, sep="|", file=f)
    print(f.tell())
print(f.closed)
f.close()  # a second close does nothing

with open(name) as f:
    print(repr(f.read()))
with open(name, encoding="utf-8") as f:
    print(repr(f), f.encoding)
    print(repr(f.read(5)), f.tell(), repr(f.readline()), repr(f.readline(3)))
    print(repr(f.readline()), repr(f.read(0)))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
    print(f.seek(0), f.tell(), repr(f.readline()))
    print(f.seek(0, 2), repr(f.read()))
    print(f.seek(0, 1))

with open(name, "rt") as f:
    print(f.mode, [len(line) for line in f])
with open(name) as f:
    print(f.readlines(10))
    print(next(f), end="")
    print(list(f))

# append and update modes
with open(name, "a") as f:
    print(f.mode, f.tell(), f.write("appended\n"))
with open(name, "r+") as f:
    print(f.mode, repr(f.read(5)))
    f.seek(0)
    f.write("HÉLLO")
    f.seek(0)
    print(repr(f.readline()))
    f.seek(0, 2)
    f.write("end\n")
with open(name, "w+") as f:
    f.write("fresh\ncontent\n")
    f.seek(0)
    print(f.mode, f.read())
    print(f.truncate(6), f.tell())
    f.seek(0)
    print(repr(f.read()))
with open(name, "a+") as f:
    f.write("more\n")
    f.seek(0)
    print(repr(f.read()))

# the buffer below a text file
with open(name) as f:
    print(f.buffer, f.buffer.mode, f.buffer.read(3))

# file descriptor
with open(name) as f:
    print(type(f.fileno()).__name__, f.fileno() > 2)

# encodings
with open(name, "w", encoding="latin-1") as f:
    print(repr(f), f.write("café"))
with open(name, "rb") as f:
    print(f.read())
with open(name, encoding="latin-1") as f:
    print(f.read())
with open(name, "w", encoding="ascii", errors="replace") as f:
    f.write("naïve")
with open(name) as f:
    print(f.read(), f.errors)
with open(name, "w", encoding="UTF8") as f:
    print(f.encoding)

# iteration and a file with no final newline
with open(name, "w") as f:
    f.write("a\nb\n\nc")
with open(name) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(name) as f:
    print(list(zip(f, range(10))))

os.remove(name)
print(name in os.listdir("."))
