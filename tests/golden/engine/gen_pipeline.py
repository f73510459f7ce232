# Generators chained as a lazy pipeline: each stage pulls one item at a time.
def source(n):
    for i in range(n):
        print("produce", i)
        yield i
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def scaled(it, k):
    for x in it:
        yield x * k
pipe = scaled(evens(source(5)), 10)
print("built")
for v in pipe:
    print("consume", v)
def take(it, n):
    for x in it:
        if n <= 0:
            return
        n -= 1
        yield x
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(take(naturals(), 4)), sum(take(scaled(naturals(), 3), 5)))
