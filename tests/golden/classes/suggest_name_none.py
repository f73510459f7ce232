# no suggestion when nothing is near enough
def f():
    return completely_unrelated_name
f()
