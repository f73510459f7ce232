# Generators: resuming generator frames with `for`, a generator pipeline,
# generator expressions consumed by sum().


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def run(n):
    total = 0
    for x in evens(squares(count_up(n))):
        total += x
    total += sum(x * 3 for x in range(n))
    return total % 1000000007


print("generators", run(5000000))
