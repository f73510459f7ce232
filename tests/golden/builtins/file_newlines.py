# Newline handling of text files (modules/io.c): universal newlines on read,
# the newline argument, the newlines attribute.
import os

name = "tmp_file_newlines.txt"
with open(name, "wb") as f:
    f.write(b"one\ntwo\r\nthree\rfour\r\n\r\nlast")

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(name, newline=nl) as f:
        print(repr(nl), f.readlines(), f.newlines)
    with open(name, newline=nl) as f:
        print(repr(nl), repr(f.read()), f.newlines)
    with open(name, newline=nl) as f:
        print(repr(nl), repr(f.read(9)), repr(f.readline()))

with open(name, "wb") as f:
    f.write(b"only\nunix\n")
with open(name) as f:
    print(f.newlines, f.readline(), f.newlines)
with open(name, "wb") as f:
    f.write(b"ends with cr\r")
with open(name) as f:
    print(repr(f.read()), f.newlines)

for nl in [None, "", "\n", "\r", "\r\n"]:
    with open(name, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd\n")
    with open(name, "rb") as f:
        print(repr(nl), f.read())
os.remove(name)
