# List operations: append, indexing, slicing, pop, insert at the end,
# comprehensions, sort and sum.


def run(rounds, n):
    total = 0
    for r in range(rounds):
        xs = []
        for i in range(n):
            xs.append((i * 7919 + r) % 1009)
        for i in range(1, n):
            xs[i] = xs[i] + xs[i - 1] % 13
        ys = [x * 2 for x in xs if x & 1]
        zs = xs[10:n - 10]
        zs.sort()
        while len(zs) > n // 2:
            total += zs.pop()
        total += sum(ys) + zs[0] + len(ys) + xs[-1]
    return total


print("list_ops", run(600, 5000))
