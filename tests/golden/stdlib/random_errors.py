# random: argument errors of lib/random.py and _random.Random, as CPython's
import random


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", r)


random.seed(1)
attempt("randrange(0)", lambda: random.randrange(0))
attempt("randrange(-3)", lambda: random.randrange(-3))
attempt("randrange(5, 5)", lambda: random.randrange(5, 5))
attempt("randrange(5, 2)", lambda: random.randrange(5, 2))
attempt("randrange(0, 10, 0)", lambda: random.randrange(0, 10, 0))
attempt("randrange(0, 10, -1)", lambda: random.randrange(0, 10, -1))
attempt("randrange(10, step=2)", lambda: random.randrange(10, step=2))
attempt("randrange('a')", lambda: random.randrange('a'))
attempt("randint(3, 1)", lambda: random.randint(3, 1))
attempt("choice([])", lambda: random.choice([]))
attempt("choice('')", lambda: random.choice(''))
attempt("sample(set)", lambda: random.sample({1, 2, 3}, 2))
attempt("sample(dict)", lambda: random.sample({1: 2}, 1))
attempt("sample too many", lambda: random.sample([1, 2], 3))
attempt("sample negative", lambda: random.sample([1, 2], -1))
attempt("sample counts len", lambda: random.sample("ab", 1, counts=[1]))
attempt("sample counts float", lambda: random.sample("ab", 1, counts=[1, 1.0]))
attempt("sample counts zero", lambda: random.sample("ab", 1, counts=[0, 0]))
attempt("choices both", lambda: random.choices("ab", [1, 2], cum_weights=[1, 2]))
attempt("choices len", lambda: random.choices("ab", [1]))
attempt("choices zero", lambda: random.choices("ab", [0, 0]))
attempt("choices inf", lambda: random.choices("ab", [1, float("inf")]))
attempt("choices k positional", lambda: random.choices("ab", 3))
attempt("getrandbits(-1)", lambda: random.getrandbits(-1))
attempt("getrandbits(1.0)", lambda: random.getrandbits(1.0))
attempt("gammavariate(0, 1)", lambda: random.gammavariate(0, 1))
attempt("seed([])", lambda: random.seed([]))
attempt("seed(object)", lambda: random.seed(object()))
attempt("setstate((9,))", lambda: random.setstate((9, (), None)))
attempt("setstate bad tuple", lambda: random.setstate((3, (1, 2), None)))
attempt("setstate list", lambda: random.setstate((3, [0] * 625, None)))
attempt("setstate index", lambda: random.setstate((3, (0,) * 624 + (700,), None)))
attempt("Random(1, 2)", lambda: random.Random(1, 2))
attempt("expovariate()", lambda: random.expovariate())
