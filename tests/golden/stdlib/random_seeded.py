# random: seeded MT19937 sequences (_random.Random + lib/random.py) match CPython
import random

for s in [0, 1, 42, -42, 2**32, 2**100 + 7, 12345678901234567890]:
    random.seed(s)
    print(s, [random.random() for _ in range(3)])

random.seed(2024)
print([random.getrandbits(k) for k in (0, 1, 5, 31, 32, 33, 64, 65, 100)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 100, 7) for _ in range(10)])
print([random.randrange(100, 5, -3) for _ in range(10)])
print([random.randint(-5, 5) for _ in range(10)])
print(random.randrange(10**30), random.randint(0, 2**70))
print([random.choice("abcdefg") for _ in range(10)])
print(random.choice(range(1000)))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 10))
print(random.sample(range(10**6), 5))
print(random.sample("abcdefgh", 8))
print(random.sample(["a", "b", "c"], 5, counts=[1, 2, 3]))
print(random.choices("abc", k=6))
print(random.choices("abc", [1, 0, 5], k=6))
print(random.choices("abc", cum_weights=[1, 1.5, 4], k=6))
print([random.uniform(1, 10) for _ in range(3)])
print([random.triangular() for _ in range(2)], random.triangular(1, 2, 1.9))
print([random.gauss() for _ in range(5)])
print([random.gauss(10, 2) for _ in range(3)])
print([random.normalvariate(1, 3) for _ in range(3)])
print([random.expovariate(2.5) for _ in range(3)])
print(random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print([random.gammavariate(a, 2) for a in (0.5, 1.0, 3.0)])
print(random.betavariate(2, 3), random.paretovariate(2), random.weibullvariate(1, 2))
print(random.randbytes(10))

# float, str and bytes seeds
for s in [1.5, -0.25, "hello", b"hello", bytearray(b"x"), "", "\u00e9t\u00e9"]:
    random.seed(s)
    print(repr(s), random.random())
random.seed("abc", version=1)
print(random.random())
random.seed(b"abc", version=1)
print(random.random())

# instances are independent; state round-trips
r1 = random.Random(99)
r2 = random.Random(99)
print(r1.random() == r2.random(), r1.randrange(1000), r2.randrange(1000))
st = r1.getstate()
print(type(st), st[0], len(st[1]), st[1][-1], st[2])
a = [r1.random() for _ in range(5)]
r1.setstate(st)
print(a == [r1.random() for _ in range(5)])
g = random.Random(5)
g.gauss()
st = g.getstate()
x = g.gauss()
g.setstate(st)
print(x == g.gauss())

# seeding again restarts the sequence, and clears the gauss cache
random.seed(7)
first = random.gauss()
random.seed(7)
print(first == random.gauss())


class MyRandom(random.Random):
    def random(self):
        return 0.5


m = MyRandom(3)
print(m.uniform(0, 10), m.choices([1, 2, 3], k=2))
print(isinstance(m, random.Random), random.Random.__mro__[1].__name__)


# a subclass with its own random() (and no getrandbits) draws integers from it
class Lcg(random.Random):
    def __init__(self, x):
        self.x = x
        self.gauss_next = None

    def random(self):
        self.x = (self.x * 1103515245 + 12345) % 2**31
        return self.x / 2**31


g = Lcg(7)
print([g.randrange(100) for _ in range(8)], g.choice("abcdef"), g.sample(range(50), 4))


class Bits(random.Random):
    def getrandbits(self, k):
        return super().getrandbits(k) ^ 1


b = Bits(3)
print([b.randrange(1000) for _ in range(5)])
# a long str seed goes through more than one SHA-512 block
random.seed("x" * 300)
print(random.random(), random.getrandbits(70))
random.seed(bytes(range(256)) * 2)
print(random.random())
