# Bare `raise` re-raises the exception being handled; outside a handler it is a RuntimeError.
def inner():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging")
        raise
try:
    inner()
except ValueError as e:
    print("outer got", e)
try:
    raise
except RuntimeError as e:
    print(e)
try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise TypeError("b")
        except TypeError:
            pass
        raise
except KeyError as e:
    print("still the KeyError", repr(e))
