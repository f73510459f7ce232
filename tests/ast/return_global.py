# statements: return forms and nested functions with global/nonlocal
def outer():
    x = 1
    def inner():
        nonlocal x
        global y
        x += 1
        return x
    return inner
def f():
    return 1, 2
def g():
    return *a, b
