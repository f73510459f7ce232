# Closures: calling functions that read and rebind cells of an enclosing
# scope (nonlocal), and creating new closures in a loop.


def make_counter(step):
    count = 0

    def inc():
        nonlocal count
        count += step
        return count

    return inc


def make_adder(k):
    def add(x):
        return x + k

    return add


def run(n):
    c = make_counter(3)
    total = 0
    for i in range(n):
        total += c()
        add = make_adder(i & 15)
        total += add(i)
        total = total % 1000000007
    return total


print("closures", run(3000000))
