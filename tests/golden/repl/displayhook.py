# sys.displayhook (src/modules/sys.c): what the REPL calls with the value
# of an expression statement.  It prints repr(value) to sys.stdout and
# keeps the value in builtins._ ; None is neither printed nor kept.
import builtins
import sys
print(hasattr(sys, "ps1"), hasattr(sys, "ps2"))
print(sys.displayhook is sys.__displayhook__)
print(hasattr(builtins, "_"))
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
sys.displayhook("text")
print(repr(builtins._))
class BadRepr:
    def __repr__(self):
        raise ValueError("no repr")
try:
    sys.displayhook(BadRepr())
except ValueError as e:
    print("ValueError:", e)
print(builtins._)
written = []
class Out:
    def write(self, s):
        written.append(s)
saved = sys.stdout
sys.stdout = Out()
sys.displayhook([1, 2])
sys.stdout = saved
print(written)
print(builtins._)
del sys.stdout
try:
    sys.displayhook(3)
    message = "no error"
except RuntimeError as e:
    message = "RuntimeError: " + str(e)
sys.stdout = saved
print(message)
print(builtins._)
