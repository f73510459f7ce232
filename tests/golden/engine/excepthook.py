# A program may replace sys.excepthook: the uncaught exception goes to it,
# and a hook that itself fails is reported with the original exception.
import sys


def hook(t, v, tb):
    print("hook:", t.__name__, v, tb is v.__traceback__)
    print(sys.__excepthook__ is not hook)
    raise ValueError("in hook")


sys.excepthook = hook
print(callable(sys.__excepthook__))
sys.__excepthook__(KeyError, KeyError("direct"), None)
raise KeyError("x")
