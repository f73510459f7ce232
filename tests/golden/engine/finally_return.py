# return inside finally overrides the try's return and swallows a pending exception.
def g():
    try:
        return "try"
    finally:
        return "finally"
print(g())
def h():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(h())
def k():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "end"
print(k())
def m():
    x = "first"
    try:
        return x
    finally:
        x = "changed"
print(m())
