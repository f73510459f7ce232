"""Random variable generators (minipy's random module).

The generator itself is C: _random.Random, a Mersenne Twister MT19937
(src/mt19937.c, src/modules/randommodule.c) offering random(),
getrandbits(k), seed() and the state.  Everything here is built on those
two draws with the same algorithms as CPython 3.11's random module, so a
program that calls seed(n) sees the very numbers CPython would print:

  integers   _randbelow(n) draws n.bit_length() bits until the value is
             below n; randrange, randint, choice, shuffle and sample all go
             through it.
  reals      uniform, triangular: one random(); gauss: Box-Muller, the
             second value of each pair kept in gauss_next; normalvariate:
             Kinderman-Monahan; expovariate: inversion; gammavariate:
             Cheng (alpha > 1) and Ahrens-Dieter GS (alpha < 1).

seed(a) accepts None, int, float, str, bytes and bytearray.  A str or
bytes seed becomes the int of its bytes followed by their SHA-512 digest
(version 2, CPython's default), with SHA-512 from _sha512.py.

Differences: randrange with integral floats works but does not emit
CPython's DeprecationWarning (there is no warnings module yet); a
"sequence" for sample() is anything with __len__ and __getitem__ that is
not a set or mapping (there is no collections.abc.Sequence yet);
SystemRandom is not provided.
"""

from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite
import _random

__all__ = [
    "Random",
    "betavariate",
    "choice",
    "choices",
    "expovariate",
    "gammavariate",
    "gauss",
    "getrandbits",
    "getstate",
    "lognormvariate",
    "normalvariate",
    "paretovariate",
    "randbytes",
    "randint",
    "random",
    "randrange",
    "sample",
    "seed",
    "setstate",
    "shuffle",
    "triangular",
    "uniform",
    "vonmisesvariate",
    "weibullvariate",
]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53  # bits in a float
RECIP_BPF = 2 ** -BPF
_ONE = 1  # the default step of randrange, compared by identity


def _index(x):
    """operator.index(x)."""
    try:
        f = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__) from None
    return f(x)


def _bisect(a, x, lo=0, hi=None):
    """bisect.bisect_right: the index after the last item <= x."""
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _accumulate(iterable):
    """itertools.accumulate with +, as a list."""
    out = []
    total = None
    for i, x in enumerate(iterable):
        total = x if i == 0 else total + x
        out.append(total)
    return out


def _is_sequence(x):
    if isinstance(x, (list, tuple, str, range, bytes, bytearray)):
        return True
    if isinstance(x, (set, frozenset, dict)) or hasattr(x, 'keys'):
        return False
    return hasattr(x, '__len__') and hasattr(x, '__getitem__')


def _as_int(x, what):
    """randrange's argument conversion: ints as they are, integral floats
    accepted (CPython warns), anything else ValueError."""
    try:
        return _index(x)
    except TypeError:
        ix = int(x)
        if ix != x:
            raise ValueError("non-integer %s for randrange()" % what)
        return ix


def _select_randbelow(cls):
    """The _randbelow of class cls: from random() when the class replaces
    random() but keeps the generator's getrandbits(), else from
    getrandbits().  (CPython decides by which of the two the nearest class
    in the MRO defines; minipy has no class __dict__ yet, so this asks
    whether each was replaced at all, which agrees except when a class
    defining getrandbits() has a subclass redefining random().)"""
    if cls._randbelow is not Random._randbelow:
        return  # the class chose its own
    if (cls.getrandbits is _random.Random.getrandbits and
            cls.random is not _random.Random.random):
        cls._randbelow = cls._randbelow_without_getrandbits


class Random(_random.Random):
    """Random number generator base class used by bound module functions.

    Subclass and override random(), seed(), getstate() and setstate() to
    use another basic generator.
    """

    VERSION = 3  # the getstate() format, as CPython's

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        """Initialize internal state from a seed.

        None: from the operating system's randomness.  An int is used
        directly; a str, bytes or bytearray through its SHA-512 (version
        2), or a hash of its characters (version 1).
        """
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode('latin-1') if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            from _sha512 import sha512
            if isinstance(a, str):
                a = a.encode()
            a = bytes(a)
            a = int.from_bytes(a + sha512(a).digest(), 'big')
        elif not isinstance(a, (type(None), int, float, str, bytes,
                                bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """Return internal state; can be passed to setstate() later."""
        return self.VERSION, super().getstate(), self.gauss_next

    def setstate(self, state):
        """Restore internal state from object returned by getstate()."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            super().setstate(internalstate)
        elif version == 2:
            # version 2 saved the words as signed ints
            version, internalstate, self.gauss_next = state
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            super().setstate(internalstate)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    def __init_subclass__(cls, /, **kwargs):
        """A subclass that supplies random() but not getrandbits() gets
        integers from random() instead (as CPython arranges it)."""
        _select_randbelow(cls)

    def __new__(cls, *args, **kwargs):
        # minipy does not call __init_subclass__ yet: make the same choice
        # when a subclass is first instantiated
        if cls is not Random:
            _select_randbelow(cls)
        return super().__new__(cls)

    # ---- integers ----

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """A random int in [0, n) from random() alone: draws above the
        largest multiple of n below 2**53 are thrown away, so every
        residue is equally likely."""
        random = self.random
        if n >= maxsize:
            return _floor(random() * n)  # CPython also warns here
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    def _randbelow_with_getrandbits(self, n):
        """A random int in [0, n), n > 0: k = n.bit_length() bits at a
        time until one is below n (at most two tries on average)."""
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    _randbelow = _randbelow_with_getrandbits

    def randrange(self, start, stop=None, step=_ONE):
        """Choose a random item from range(start, stop[, step])."""
        istart = _as_int(start, "arg 1")
        if stop is None:
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = _as_int(stop, "stop")
        width = istop - istart
        istep = _as_int(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)"
                             % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """Return random integer in range [a, b], including both end
        points."""
        return self.randrange(a, b + 1)

    def randbytes(self, n):
        """Generate n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    # ---- sequences ----

    def choice(self, seq):
        """Choose a random element from a non-empty sequence."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle list x in place (Fisher-Yates, from the end)."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """Chooses k unique random elements from a population sequence.

        Small populations are copied and drawn from without replacement
        (a partial shuffle); large ones are drawn from in place, retrying
        indexes already taken (the size threshold is CPython's, so the
        same draws happen).
        """
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = _accumulate(counts)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the '
                                 'population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21  # a small set's size minus an empty list's
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))  # a big set's table
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]  # fill the hole with the last
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return a k sized list of population elements chosen with
        replacement, optionally weighted."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_floor(random() * n)] for i in range(k)]
            try:
                cum_weights = _accumulate(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError('The number of choices must be a keyword '
                                'argument: k=%r' % (k,)) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative '
                            'weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the '
                             'population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)]
                for i in range(k)]

    # ---- real-valued distributions ----

    def uniform(self, a, b):
        """Get a random number in the range [a, b) or [a, b]."""
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution on [low, high] with the given mode."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio method)."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Gaussian distribution (Box-Muller: two values per pair of
        draws, the second kept for the next call)."""
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (by inversion)."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular data distribution (Best and Fisher's method)."""
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        if random() > 0.5:
            return (mu + _acos(f)) % TWOPI
        return (mu - _acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        """Gamma distribution (not the gamma function)."""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection method (1977)
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            # Ahrens and Dieter's GS algorithm
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution, from two gamma variates."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution (by inversion)."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution (by inversion)."""
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


# The module-level functions share one hidden instance.
_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
