# Protocol 4+ framing: where FRAME opcodes fall for output larger than one
# frame (64 KiB), and large bytes/str written outside frames.
import pickle


def frames(data):
    """(offset, length) of each FRAME, found by walking the opcodes the
    simple way: only for pickles made of the opcodes used below."""
    out = []
    i = 2
    while i < len(data):
        if data[i] == 0x95:
            n = int.from_bytes(data[i + 1:i + 9], 'little')
            out.append((i, n))
            i += 9 + n
        else:
            return out, i
    return out, i


cases = {
    'ints': list(range(40000)),
    'strs': [str(i) for i in range(30000)],
    'big bytes': [b'a' * 70000, 1, b'b' * 10],
    'big str': 'c' * 70000,
    'mixed': [b'd' * 65536, 'e' * 65535, list(range(20000)), b'f' * 3],
    'small': [1, 2, 3],
    'tiny': 1,
}
for name, obj in cases.items():
    for proto in (4, 5):
        data = pickle.dumps(obj, proto)
        print(name, proto, len(data), frames(data)[0][:6])
        print('  ', data[:12].hex(), data[-12:].hex())
        assert pickle.loads(data) == obj
