# Generators: yield, send, return value in StopIteration, yield from, generator expressions.
def countdown(n):
    while n > 0:
        received = yield n
        if received:
            n -= received
        n -= 1
    return "done"

g = countdown(5)
print(next(g), g.send(1), next(g))
try:
    while True:
        next(g)
except StopIteration as e:
    print("stopped with", e.value)

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], (3,), range(4, 6))))
print(sum(x * x for x in range(10)))
