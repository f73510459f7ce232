"""SHA-512 (FIPS 180-4) in pure Python, for random.seed(str).

Written for minipy (not a copy of CPython's hashlib, which is C).  The
object interface is the small part of hashlib's that random needs:
sha512(data).digest() and .hexdigest(), and update().

The constants are not typed in: FIPS 180-4 defines them as the first 64
bits of the fractional parts of the square roots (initial hash) and cube
roots (round constants) of the first primes, so they are computed here
with exact integer roots.
"""

_MASK = (1 << 64) - 1


def _primes(count):
    found = []
    n = 2
    while len(found) < count:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
        n += 1
    return found


def _iroot(n, k):
    """The integer k-th root of n (floor), by Newton's method."""
    x = 1 << ((n.bit_length() + k - 1) // k)  # an overestimate
    while True:
        y = ((k - 1) * x + n // x ** (k - 1)) // k
        if y >= x:
            return x
        x = y


_P = _primes(80)
# fractional bits: root(p * 2**(64k)) mod 2**64
_H0 = [_iroot(p << 128, 2) & _MASK for p in _P[:8]]
_K = [_iroot(p << 192, 3) & _MASK for p in _P]


def _rotr(x, n):
    return ((x >> n) | (x << (64 - n))) & _MASK


def _compress(h, block):
    w = [int.from_bytes(block[i:i + 8], 'big') for i in range(0, 128, 8)]
    for t in range(16, 80):
        x, y = w[t - 15], w[t - 2]
        s0 = _rotr(x, 1) ^ _rotr(x, 8) ^ (x >> 7)
        s1 = _rotr(y, 19) ^ _rotr(y, 61) ^ (y >> 6)
        w.append((w[t - 16] + s0 + w[t - 7] + s1) & _MASK)
    a, b, c, d, e, f, g, hh = h
    for t in range(80):
        S1 = _rotr(e, 14) ^ _rotr(e, 18) ^ _rotr(e, 41)
        ch = (e & f) ^ (~e & g)
        t1 = (hh + S1 + ch + _K[t] + w[t]) & _MASK
        S0 = _rotr(a, 28) ^ _rotr(a, 34) ^ _rotr(a, 39)
        maj = (a & b) ^ (a & c) ^ (b & c)
        t2 = (S0 + maj) & _MASK
        hh, g, f, e = g, f, e, (d + t1) & _MASK
        d, c, b, a = c, b, a, (t1 + t2) & _MASK
    return [(x + y) & _MASK for x, y in zip(h, (a, b, c, d, e, f, g, hh))]


class sha512:
    name = 'sha512'
    digest_size = 64
    block_size = 128

    def __init__(self, data=b''):
        self._h = list(_H0)
        self._buf = b''
        self._len = 0
        self.update(data)

    def update(self, data):
        data = bytes(data)
        self._len += len(data)
        buf = self._buf + data
        n = len(buf) - len(buf) % 128
        for i in range(0, n, 128):
            self._h = _compress(self._h, buf[i:i + 128])
        self._buf = buf[n:]

    def digest(self):
        # padding: 0x80, zeros to 112 mod 128, the bit length in 16 bytes
        tail = self._buf + b'\x80'
        tail += b'\x00' * ((112 - len(tail)) % 128)
        tail += (self._len * 8).to_bytes(16, 'big')
        h = self._h
        for i in range(0, len(tail), 128):
            h = _compress(h, tail[i:i + 128])
        return b''.join(x.to_bytes(8, 'big') for x in h)

    def hexdigest(self):
        return self.digest().hex()
