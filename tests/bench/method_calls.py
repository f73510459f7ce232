# Method calls: bound-method lookup through the class and calls to methods
# of instances, including a method calling other methods on self.


class Counter:
    def __init__(self, start):
        self.n = start

    def inc(self):
        self.n = self.n + 1
        return self.n

    def add(self, k):
        self.n = self.n + k
        return self.n

    def step(self, k):
        self.inc()
        return self.add(k)


class Doubler(Counter):
    def inc(self):
        self.n = self.n + 2
        return self.n


def run(n):
    a = Counter(0)
    b = Doubler(1)
    total = 0
    for i in range(n):
        total += a.step(i & 7)
        total += b.step(1)
        total = total % 1000000007
    return total


print("method_calls", run(2000000))
