# repr of strings: quote choice, escapes of control and non-ASCII characters; str() of containers.
for s in ["plain", "it's", 'say "hi"', "both ' and \"", "tab\tnew\nline\r", "\x00\x7f\x1b", "é ß 中", "\\", ""]:
    print(repr(s), len(s))
print(["a'b", 'c"d'], ("x",), {"k": "v\n"})
print(str(["\n"]), repr(repr("a")))
print("%r %s %5d|%-5d|%05.1f %x %o %e %%" % ("q", "q", 42, 42, 3.14159, 255, 8, 12345.678))
print("%(a)s-%(b)r" % {"a": 1, "b": "two"}, "%c%c" % (72, "i"), "%.3s" % "abcdef")
