# exec and eval (evalbuiltins.c): namespaces, __builtins__, mapping locals, errors.
g = {}
exec("x = 1\ny = x + 1", g)
print(sorted(k for k in g if k != "__builtins__"))
print(type(g["__builtins__"]).__name__, g["__builtins__"] is __builtins__.__dict__)
print(eval("x * 10 + y", g))
print(eval("  1 + 1"), eval("\t2"), eval("3\n"))
print(eval(b"4 * 5"))
print(exec("1 + 1"))

# globals given, locals separate
loc = {}
exec("a = len('abc')\nb = a * 2", {}, loc)
print(loc)
print(eval("a + b", {}, loc))

# a class-like mapping as locals: stores and loads go through it
class Namespace(dict):
    def __getitem__(self, key):
        print("  get", key)
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        print("  set", key, value)
        super().__setitem__(key, value)

ns = Namespace(q=7)
exec("z = q + 1\nprint(z)", {}, ns)
print(dict(ns))

class Mapping:
    def __init__(self):
        self.d = {"k": 3}
    def __getitem__(self, key):
        return self.d[key]
    def __setitem__(self, key, value):
        self.d[key] = value
m = Mapping()
exec("v = k * 2", {}, m)
print(m.d)
print(eval("k + 1", {}, m))

# without namespaces: the caller's
top = 5
exec("top2 = top * 2")
print(top2)
print(eval("top + 1"))

def f(p):
    q = p + 1
    exec("q = 100")
    print(q, eval("p + q"))
    exec("r = p", globals())
    return r

print(f(1))

# eval returns values, exec None; nested defs in exec
exec("def sq(n):\n    return n * n", g)
print(g["sq"](9))
print(eval("[i * i for i in range(4)]"))
print(eval("lambda: 42")())

# errors
for args in [(1,), ("x", []), ("x", {}, 1)]:
    try:
        exec(*args)
    except TypeError as e:
        print("exec:", e)
for args in [(1,), ("x", []), ("x", {}, 1), ("x", None, 1)]:
    try:
        eval(*args)
    except TypeError as e:
        print("eval:", e)
try:
    eval("x", Namespace())
except NameError as e:
    print(e)
try:
    exec()
except TypeError as e:
    print(e)
try:
    eval()
except TypeError as e:
    print(e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
try:
    exec("a\0b")
except SyntaxError as e:
    print(type(e).__name__, e)
