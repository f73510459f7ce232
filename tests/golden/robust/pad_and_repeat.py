# ljust/rjust/center/zfill write the result straight into a str of the
# final kind (str.c pad, fill_chars), and bytes/bytearray repetition
# copies by doubling (bytes.c fill_repeated): a 2**31 width or count costs
# CPython's memory and time, not a 4-byte-per-character buffer or 2**31
# memcpy calls.  Checked here on small sizes, every kind mixed.
for s in ['', 'a', 'ab', 'é', 'ĀĀ', '😀x', '-1', '+x', '-', 'a-']:
    for w in [-1, 0, 2, 5]:
        r = [s.ljust(w, f) + '|' + s.rjust(w, f) + '|' + s.center(w, f)
             for f in ' éĀ😀']
        print(repr(s), w, r, s.zfill(w), [x.isascii() for x in r])
class S(str):
    pass
x = S('ab')
print(type(x.ljust(1)), type(x.ljust(3)), type(x.zfill(1)), x.zfill(5))
print({'ab'.ljust(4): 1}['ab  '], 'é'.center(4, 'a') == 'aéaa')
for b in [b'', b'a', b'abc', bytearray(b'xy')]:
    for n in [-1, 0, 1, 2, 7, 64, 65]:
        r = b * n
        print(type(r).__name__, n, len(r), r[:8], r[-4:], r == bytes(b) * n)
    c = bytearray(b)
    c *= 5
    print(c)
print(len(b'ab' * 2**20), (b'xyz' * 100001)[-7:])
