# atexit._run_exitfuncs / _clear (modules/atexit.c): running early empties the list
import atexit

atexit.register(print, "one")
atexit.register(print, "two", "args", sep="-")
atexit._run_exitfuncs()
print("ran")
atexit.register(print, "cleared")
atexit._clear()
atexit.register(print, "at exit")
print("end")
