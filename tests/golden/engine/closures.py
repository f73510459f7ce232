# Closures: late binding, default-argument capture, nonlocal counters sharing one cell, loop variables.
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = make_counter()
inc(); inc()
print(get(), inc(), get(), make_counter()[1](), inc.__code__.co_freevars)
def loop_closures():
    hs = []
    for k in range(3):
        def show():
            return k
        hs.append(show)
    return hs
print([h() for h in loop_closures()])
def outer():
    v = 1
    def mid():
        def inner():
            return v
        return inner
    v = 2
    return mid()()
print(outer())
