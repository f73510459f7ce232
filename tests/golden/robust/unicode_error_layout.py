# UnicodeError itself has BaseException's layout; only its three
# subclasses carry encoding/object/start/end/reason (exceptions.c
# add_extra in MpExceptions_Init).  Clearing a plain UnicodeError, or a
# subclass of it, must not touch fields it does not have.
import gc
e = UnicodeError(1e308, ValueError('e'), {1: 2}, slice(0, 2**100))
print(repr(e), e.args[3])
del e
class U(UnicodeError):
    pass
u = U('a', 2)
u.extra = [u]  # a cycle through the instance dict
print(u.args, u.extra[0] is u, hasattr(u, 'encoding'))
del u
print(gc.collect() >= 1)
d = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'bad')
print(d.encoding, d.object, d.start, d.end, d.reason, str(d))
class D(UnicodeDecodeError):
    pass
d2 = D('ascii', b'ab\xff', 2, 3, 'no')
d2.me = d2
print(str(d2), d2.me is d2)
del d, d2
gc.collect()
print(UnicodeEncodeError('ascii', 'é', 0, 1, 'x').object)
print(UnicodeTranslateError('é', 0, 1, 'y').reason)
