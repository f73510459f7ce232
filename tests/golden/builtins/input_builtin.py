# input() (evalbuiltins.c): prompt to sys.stdout, a line from sys.stdin.
import io
import sys

try:
    input("prompt> ")
except EOFError as e:
    print()
    print("EOFError:", e)

saved = sys.stdin
sys.stdin = io.StringIO("first line\nsecond\nno newline")
print(repr(input()))
print(repr(input("give: ")))
print(repr(input(42)))
try:
    input()
except EOFError as e:
    print("EOFError:", e)
sys.stdin = saved

class Lines:
    def __init__(self):
        self.lines = ["a\n", "b\n"]
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
sys.stdin = Lines()
print(input(), input())
sys.stdin = saved
try:
    input(1, 2)
except TypeError as e:
    print(e)
