# statements: every augmented assignment operator
a += 1
a -= 1
a *= 1
a @= m
a /= 1
a //= 1
a %= 1
a **= 2
a >>= 1
a <<= 1
a &= 1
a ^= 1
a |= 1
a.b += 1
a[i] += 1
