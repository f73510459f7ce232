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


def tt(f):
    """As t, with the result's type name in front of its repr."""
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(type(r).__name__, repr(r))


def tc(f):
    """As tt for codec calls: the result in ascii(), and an exception's
    __cause__ and, for a UnicodeError, its encoding, range and reason."""
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
        c = e.__cause__
        if c is not None:
            print('    cause:', type(c).__name__ + ':', c)
        if isinstance(e, UnicodeError):
            print('   ', e.encoding, e.start, e.end, e.reason)
    else:
        print(type(r).__name__, ascii(r))
