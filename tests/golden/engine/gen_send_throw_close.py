# Generators: send, throw (caught and uncaught), close raising GeneratorExit inside the frame.
def acc():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print("throw caught", e)
            x = 0
        except GeneratorExit:
            print("closing at", total)
            raise
        total += x
a = acc()
print(next(a), a.send(5), a.send(10))
print(a.throw(ValueError("bad")))
a.close()
a.close()
try:
    a.send(1)
except StopIteration:
    print("closed generator stops")
b = acc()
try:
    b.send(3)
except TypeError as e:
    print(e)
def simple():
    yield 1
s = simple()
try:
    s.throw(KeyError("k"))
except KeyError as e:
    print("unstarted throw", repr(e))
print(next(s, "done"))
