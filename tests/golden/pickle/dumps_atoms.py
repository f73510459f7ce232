# pickle.dumps of scalars and strings: the bytes must be those of
# CPython's C pickler, for every protocol that writes binary opcodes.
import pickle

values = [
    None, True, False,
    0, 1, 255, 256, 65535, 65536, -1, -255, -256,
    2**31 - 1, -2**31, 2**31, -2**31 - 1, 2**63, -2**63, 2**64 - 1,
    2**100, -2**100, 2**2047, 2**2048, -2**2048, 2**4000, -(2**4000) + 1,
    0.0, -0.0, 1.5, -2.25, 1e300, -1e-300, 5e-324, 2.2250738585072014e-308,
    float('inf'), float('-inf'), 0.1, 1 / 3,
    '', 'a', 'abc', 'é', '€uro', '😀', 'x' * 255, 'y' * 256, 'z' * 70000,
    '\x00\n\\', 'a\ud800b',
    b'', b'a', b'\x00\xff', b'x' * 255, b'y' * 256,
    bytearray(), bytearray(b'ab'), bytearray(b'\x00' * 300),
    1 + 2j, -0.5j,
]

for v in values:
    r = repr(v)
    if len(r) > 40:
        r = r[:40] + '...'
    print(r)
    for proto in (2, 3, 4, 5):
        data = pickle.dumps(v, proto)
        h = data.hex()
        if len(h) > 120:
            h = h[:60] + '...' + h[-60:] + ' (%d bytes)' % len(data)
        print('  ', proto, h)
    assert pickle.loads(pickle.dumps(v)) == v or v != v

print(pickle.dumps(7) == pickle.dumps(7, pickle.DEFAULT_PROTOCOL))
print(pickle.dumps(7, -1) == pickle.dumps(7, pickle.HIGHEST_PROTOCOL))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
