# str(x) and int(x) take a shortcut past the argument tuple; subclasses,
# keywords and bases still go through __new__/__init__ as in CPython.
class S(str):
    def __new__(cls, v):
        print("S.__new__", v)
        return super().__new__(cls, v)
class I(int):
    def __init__(self, v):
        print("I.__init__", v)
print(repr(S(5)), repr(I(7)), I(7) + 1, str(), str(12), str(b"x", "ascii"), int(), int("12"), int(3.9), int("ff", 16), bool(3), bool())
try: int("x")
except ValueError as e: print(e)
try: str(x=1)
except TypeError as e: print(e)
try: int(1, 2, 3)
except TypeError as e: print(e)
class T:
    def __str__(self): return S("q")
print(type(str(T())).__name__)
print(int(True), type(int(True)))
