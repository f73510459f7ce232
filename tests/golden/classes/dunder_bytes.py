# bytes(x) calls type(x).__bytes__ (bytes.c call_dunder_bytes); its result
# must be bytes; bytearray() does not use it.
class F:
    def __bytes__(self):
        return b'from F'


class Bad:
    def __bytes__(self):
        return 'str'


class G(bytes):
    pass


class FG:
    def __bytes__(self):
        return G(b'sub')


class BB(bytes):
    pass


print(bytes(F()), type(bytes(FG())).__name__, repr(BB(F())), type(BB(F())))
for args in ((Bad(),), (F(), 'utf-8'), (object(),)):
    try:
        bytes(*args)
    except TypeError as e:
        print('TypeError:', e)
for x in (F(), object()):
    try:
        bytearray(x)
    except TypeError as e:
        print('TypeError:', e)
f = F()
f.__bytes__ = lambda: b'instance attribute is ignored'
print(bytes(f))
