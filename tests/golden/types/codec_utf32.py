# unicodecodecs.c: the utf-32 codecs (utf-32 with its BOM, utf-32-le,
# utf-32-be), their aliases, every error handler and CPython's messages
from support import tc as t


text = 'a\xe9\u20ac\U0001f600\n'
for name in ['utf-32', 'utf-32-le', 'utf-32-be', 'UTF32', 'utf_32', 'U32',
             'utf32', 'UTF-32LE', 'utf_32_le', 'utf-32be', 'utf_32BE']:
    print(name)
    t(lambda: text.encode(name))
    t(lambda: text.encode(name).decode(name) == text)
t(lambda: ''.encode('utf-32'))
t(lambda: str(b'\xff\xfe\x00\x00h\x00\x00\x00', 'utf-32'))
t(lambda: bytes('h', 'utf-32-be'))

# byte order marks
for b in [b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\xfe\xff\x00\x00\x00a',
          b'a\x00\x00\x00', b'\xff\xfe\x00\x00', b'\x00\x00\xfe\xff',
          b'\xff\xfe\x00\x00\xff\xfe\x00\x00']:
    for name in ['utf-32', 'utf-32-le', 'utf-32-be']:
        t(lambda: b.decode(name))

# decoding errors, with each handler
bad = [b'\xff\xfe\x00', b'a\x00\x00\x00b', b'a\x00\x00\x00bc',
       b'\x00\x00\x11\x00', b'\x00\xd8\x00\x00', b'\xff\xff\xff\xff',
       b'a\x00\x00\x00\x00\xd8\x00\x00b\x00\x00\x00', b'\x80\x81\x82']
for b in bad:
    for name in ['utf-32', 'utf-32-le', 'utf-32-be']:
        for errors in ['strict', 'replace', 'ignore', 'surrogateescape',
                       'backslashreplace', 'surrogatepass']:
            print(b, name, errors, end=': ')
            t(lambda: b.decode(name, errors))
t(lambda: b'\x00\xd8\x00\x00'.decode('utf-32', 'xmlcharrefreplace'))
t(lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le', 'xmlcharrefreplace'))
t(lambda: b'\x00\xd8\x00\x00'.decode('u32', 'no-such-handler'))

# encoding errors
for s in ['a\ud800b', '\ud800\udc00', 'x\udc80', '\udc80\udc81y']:
    for name in ['utf-32', 'utf-32-le', 'utf-32-be']:
        for errors in ['strict', 'replace', 'ignore', 'surrogateescape',
                       'backslashreplace', 'surrogatepass',
                       'xmlcharrefreplace']:
            print(ascii(s), name, errors, end=': ')
            t(lambda: s.encode(name, errors))
t(lambda: 'a\ud800'.encode('utf-32', 'no-such-handler'))
t(lambda: 'a\ud800'.encode('utf_32_be', 'no-such-handler'))
s = 'x\ud800y\udfffz'
for name in ['utf-32', 'utf-32-le', 'utf-32-be']:
    t(lambda: s.encode(name, 'surrogatepass').decode(name, 'surrogatepass')
      == s)
