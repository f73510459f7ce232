# lib/_codecs.py: encode/decode through the codecs of unicodecodecs.c, with
# the registry's wrapped errors, as pickle protocols 0-2 use them
import _codecs
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e, '| cause:', repr(e.__cause__))
    else:
        print(type(r).__name__, ascii(r))
for a in [('x',), ('x', 'latin1'), ('\xe9', 'u8'), ('a\u20ac', 'utf-16'), ('a', 'UTF-32BE'),
          (1, 'latin1'), (1, 'utf-16'), (1, 'utf-16-le'), (1,), (b'x', 'u32'),
          ('a\ud800', 'utf-8', 'bogus'), ('a\ud800', 'u8', 'bogus'), ('a\ud800', 'utf-16-le', 'bogus'),
          ('a\ud800', 'ascii'), ('a\ud800', 'utf-16', 'surrogatepass'), ('x', 'nope'), ('x', 'latin1', 'bogus')]:
    t(lambda: _codecs.encode(*a))
for a in [(b'x',), (b'\xe9', 'latin1'), ('x', 'latin1'), (b'\xff', 'utf-8', 'bogus'), (b'\xff', 'l1', 'bogus'),
          (b'a\x00', 'utf-16'), (1, 'utf-8'), (bytearray(b'ab'), 'ascii'), (memoryview(b'a\x00'), 'utf-16-le'),
          (b'\xff', 'ascii'), (b'\xff', 'ascii', 'xmlcharrefreplace'), (b'\xff', 'u16'), (b'x', 'nope')]:
    t(lambda: _codecs.decode(*a))
import pickle
for proto in range(0, 3):
    d = pickle.dumps(b'\xe9\x00abc', proto)
    print(proto, d, pickle.loads(d))
