# Function introspection: __code__ fields, __name__, __qualname__ of nested functions and methods.
def outer(a, b=2, *args, c, **kw):
    x = a + b
    def inner(y):
        return x + y
    return inner
co = outer.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount)
print(co.co_varnames, co.co_firstlineno)
print(outer.__qualname__, outer(1, c=0).__qualname__, outer(1, c=0).__name__)
print(outer(1, c=0).__code__.co_freevars, co.co_cellvars)
class K:
    def method(self):
        def helper():
            pass
        return helper
    class Inner:
        def deep(self):
            pass
print(K.method.__qualname__, K().method().__qualname__, K.Inner.deep.__qualname__)
print(K.Inner.__qualname__, K.__name__, (lambda: 0).__qualname__)
print(outer.__module__, K.__module__)
