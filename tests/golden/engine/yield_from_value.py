# `yield from`: the delegated generator's return value, and send/throw forwarded to it.
def inner():
    got = yield "i1"
    print("inner got", got)
    yield "i2"
    return "inner result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
print(next(g, "end"))
def catcher():
    try:
        yield 1
    except KeyError:
        yield "handled in inner"
def deleg():
    yield from catcher()
d = deleg()
next(d)
print(d.throw(KeyError()))
