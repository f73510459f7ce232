# with: an object without __enter__/__exit__ and an exception raised inside __exit__.
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
try:
    with 42:
        pass
except TypeError as e:
    print(e)
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with Bad():
        raise ValueError("body")
except RuntimeError as e:
    print(e, type(e.__context__).__name__)
