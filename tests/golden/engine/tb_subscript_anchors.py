# CPython 3.11 marks a failing subscription with ~ under the value and ^
# under the brackets, and a binary operation with ^ under its operator.
def run(src):
    try:
        exec(src, {"x": [0], "d": {"a": [1, 2]}, "t": (1,)})
    except Exception as e:
        print(type(e).__name__, e)


def g():
    d = {"a": [1, 2]}
    return d["a"][5] + 1


def h():
    x = [[0]]
    return x [0] [3]


def k():
    t = (1,)
    t[0] = 2


def m():
    x = {"]": 1}
    return x["]["] + x["k"]


for fn in (g, h, k, m):
    try:
        fn()
    except Exception:
        import sys
        sys.excepthook(*sys.exc_info())
x = [0]
print(x[0] in [] and x[0])
y = x[0]  [1 ]
