# Integer loop: a `while` loop of local-variable arithmetic, comparisons
# and branches, with no calls inside -- the dispatch loop on its own.


def run(n):
    i = 0
    total = 0
    x = 1
    while i < n:
        x = (x * 31 + i) % 1000003
        if x & 1:
            total += x
        else:
            total -= i
        i += 1
    return total


print("int_loop", run(6000000))
