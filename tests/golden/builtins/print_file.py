# print(file=...) with any object that has .write; the standard streams are
# text files (modules/io.c, sys.c).
import sys

class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")

c = Collector()
print("a", 1, [2], sep=", ", end=".\n", file=c)
print(file=c)
print("x", file=c, flush=True)
print(c.parts)

class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print(e)

print(repr(sys.stdout))
print(repr(sys.stderr))
print(repr(sys.stdin))
print(sys.stdout.name, sys.stdout.mode, sys.stdout.closed, sys.stdin.mode)
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
print(sys.stdout.write("written\n"))
sys.stdout.writelines(["one ", "two\n"])
sys.stdout.flush()
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(type(sys.stdout).__name__, type(sys.stdout) is type(open(__file__)))
print("to stderr", file=sys.stderr)
try:
    sys.stdout.write(b"bytes")
except TypeError as e:
    print(e)
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))

saved = sys.stdout
sys.stdout = c
print("redirected")
sys.stdout = saved
print(c.parts[-2:])
sys.stdout = None
print("nowhere")
sys.stdout = saved
print("back")
