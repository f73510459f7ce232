# Custom exception hierarchies without super(): base-class matching, except (A, B), args and str.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        Exception.__init__(self, "missing: " + key)
        self.key = key
class Denied(AppError):
    pass
def fail(kind):
    if kind == 0:
        raise NotFound("k1")
    if kind == 1:
        raise Denied("no", 403)
    if kind == 2:
        raise KeyError("plain")
    return "ok"
for kind in range(4):
    try:
        print(fail(kind))
    except NotFound as e:
        print("NotFound", e, e.key, e.args)
    except (Denied, KeyError) as e:
        print(type(e).__name__, e, e.args)
print(issubclass(NotFound, Exception), NotFound.__mro__)
print(repr(Denied("x", 1)), str(AppError()), repr(AppError()))
