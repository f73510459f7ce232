# array item conversions: the range checks and messages of each typecode
# (modules/arraymodule.c setitem_int, setitem_raw).
from array import array


def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)

for tc in 'bBhHiIlLqQ':
    t(lambda: array(tc, [2**70]))
    t(lambda: array(tc, [-2**70]))
    t(lambda: array(tc, [-1]))
    t(lambda: array(tc, [2**(array(tc).itemsize*8)]))
    t(lambda: array(tc, [2**(array(tc).itemsize*8-1)]))
    t(lambda: array(tc, [-2**(array(tc).itemsize*8-1)-1]))
    t(lambda: array(tc, [1.0]))
    t(lambda: array(tc, ['a']))
t(lambda: array('d', ['a']))
t(lambda: array('d', [1]))
t(lambda: array('f', [1e300]))
t(lambda: array('u', 'abc'))
t(lambda: array('u', ['a', 'b']))
t(lambda: array('u', ['ab']))
t(lambda: array('u', [1]))
