# array repetition: the over-allocation of a near-2**63 size must not
# overflow (arraymodule.c array_resize: UBSan's "signed integer
# overflow"), and copies double (array_repeat) instead of one memcpy per
# repetition.
from array import array
for a in [array('b', [1, 2]), array('d', [1.5]), array('i'), array('u', 'ab')]:
    for k in [-1, 0, 1, 3, 9]:
        print(a * k)
for a, k in [(array('b', [1]), 2**63 - 1), (array('b', [1]), 2**63 - 9),
             (array('b', [1, 2]), 2**62), (array('q', [1]), 2**61)]:
    try:
        a * k
    except MemoryError:
        print('MemoryError', a.typecode, k)
r = array('h', [1, -2, 3]) * 100001
print(len(r), r[-4:], r.count(-2))
b = array('b', [7])
b *= 5
print(b)
