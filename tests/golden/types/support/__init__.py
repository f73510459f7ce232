"""Shared helpers of the tests/golden/types scripts."""


def t(f):
    """Calls f() and prints repr of its result, or the exception it raised
    as 'TypeName: message'."""
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))
