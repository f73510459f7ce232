# `raise X from None` suppresses the context in the traceback; the context is still recorded.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError("no key " + repr(k)) from None
try:
    lookup({}, "a")
except ValueError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
lookup({}, "b")
