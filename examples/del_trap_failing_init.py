"""The __del__ trap: __init__ raised, __del__ runs anyway.

Course note, section 1.2: an object exists as soon as __new__ has made it;
__init__ only fills it in.  If __init__ raises, the half-built object is
freed like any other when its last reference goes (here: when the
exception, whose traceback holds __init__'s frame and so `self`, is
dropped), and its __del__ runs, finding attributes that were never set.

An exception raised inside __del__ cannot propagate (there is no caller to
receive it): the interpreter prints "Exception ignored in: ..." with the
traceback on stderr and carries on.  That report names the method by
address, which varies from run to run.

Run:  build/minipy examples/del_trap_failing_init.py
"""
import sys


class Connection:
    """The naive version: __del__ assumes __init__ finished."""

    def __init__(self, host, reachable):
        print(f"  __init__({host!r}) starts")
        if not reachable:
            raise ConnectionError(f"cannot reach {host}")
        self.sock = f"<socket to {host}>"   # never reached on failure
        print(f"  connected: {self.sock}")

    def __del__(self):
        print(f"  __del__ closing {self.sock}")   # AttributeError if half-built


class SafeConnection:
    """The fix: __del__ only undoes what __init__ really did."""

    def __init__(self, host, reachable):
        self.sock = None                    # set first: always there
        print(f"  __init__({host!r}) starts")
        if not reachable:
            raise ConnectionError(f"cannot reach {host}")
        self.sock = f"<socket to {host}>"

    def __del__(self):
        if self.sock is not None:
            print(f"  __del__ closing {self.sock}")
        else:
            print("  __del__: nothing to close (init failed)")


print("1. a successful connection, closed at del")
c = Connection("db1", reachable=True)
del c

print("2. __init__ raises: __del__ still runs on the half-built object")
try:
    Connection("db2", reachable=False)
except ConnectionError as e:
    print("  caught:", e)
    # `e` holds the traceback, which holds __init__'s frame and its `self`:
    # the half-built object dies when the except block ends and e is unbound
    print("  leaving the except block: __del__ runs, its error goes to stderr:")
    sys.stdout.flush()             # so the two streams show in order
sys.stderr.flush()
print("  after the except block")

print("3. the fix: set attributes first, check them in __del__")
try:
    SafeConnection("db3", reachable=False)
except ConnectionError as e:
    print("  caught:", e)
print("  after the except block")
ok = SafeConnection("db4", reachable=True)
del ok
print("end")
