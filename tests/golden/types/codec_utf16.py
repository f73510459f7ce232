# unicodecodecs.c: the utf-16 codecs (utf-16 with its BOM, utf-16-le,
# utf-16-be), their aliases, surrogate pairs, every error handler and
# CPython's error messages
from support import tc as t


text = 'a\xe9\u20ac\U0001f600\n'
for name in ['utf-16', 'utf-16-le', 'utf-16-be', 'UTF16', 'utf_16',
             'U16', 'utf16', 'UTF-16LE', 'utf_16_le', 'utf-16be',
             'unicodelittleunmarked', 'unicodebigunmarked', ' utf--16 ',
             'Utf_16-Le']:
    print(name)
    t(lambda: text.encode(name))
    t(lambda: text.encode(name).decode(name) == text)
t(lambda: ''.encode('utf-16'))
t(lambda: ''.encode('utf-16-le'))
t(lambda: b''.decode('utf-16'))
t(lambda: str(b'\xff\xfeh\x00i\x00', 'utf-16'))
t(lambda: str(b'\x00h\x00i', encoding='utf-16-be'))
t(lambda: bytes('hi', 'utf-16'))
t(lambda: bytearray('hi', 'utf-16-be'))
t(lambda: memoryview(b'h\x00i\x00').tobytes().decode('utf-16-le'))
t(lambda: str(memoryview(b'h\x00i\x00'), 'utf-16-le'))

# byte order marks
for b in [b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00', b'\xff\xfe',
          b'\xfe\xff', b'\xff\xfe\xff\xfea\x00', b'\xfe\xff\xff\xfe']:
    for name in ['utf-16', 'utf-16-le', 'utf-16-be']:
        t(lambda: b.decode(name))

# surrogate pairs
t(lambda: b'=\xd8\x00\xde'.decode('utf-16-le'))
t(lambda: b'\xd8=\xde\x00'.decode('utf-16-be'))
t(lambda: b'\xff\xdb\xff\xdf'.decode('utf-16-le'))
t(lambda: '\U0010ffff\U00010000'.encode('utf-16-be'))

# decoding errors, with each handler
bad = [b'a\x00b', b'\x00\xd8', b'\x00\xd8a', b'\x00\xd8a\x00',
       b'\x00\xdca\x00', b'\x00\xd8\x00\xd8', b'a\x00\x00\xdc\x00\xdc',
       b'\x00\xd8\x00\xd8\x00\xdc', b'\xff\xfe\x00\xdc', b'\xfe\xff\xdc\x00',
       b'\xff', b'\x80\xdc\x81']
for b in bad:
    for name in ['utf-16', 'utf-16-le', 'utf-16-be']:
        for errors in ['strict', 'replace', 'ignore', 'surrogateescape',
                       'backslashreplace', 'surrogatepass']:
            print(b, name, errors, end=': ')
            t(lambda: b.decode(name, errors))
t(lambda: b'\x00\xdc'.decode('utf-16', 'xmlcharrefreplace'))
t(lambda: b'\x00\xdc'.decode('utf-16-le', 'xmlcharrefreplace'))
t(lambda: b'\x00\xdc'.decode('utf-16', 'no-such-handler'))
t(lambda: b'\x00\xdc'.decode('utf-16-be', 'no-such-handler'))
t(lambda: b'\x00\xdc'.decode('U16', 'no-such-handler'))
t(lambda: b'a\x00'.decode('utf-16-le', 'no-such-handler'))

# encoding errors: lone surrogates, one at a time
for s in ['a\ud800b', '\ud800\udc00', 'x\udc80', '\udc80\udc81y',
          'a\ud800\ud801\ud802b']:
    for name in ['utf-16', 'utf-16-le', 'utf-16-be']:
        for errors in ['strict', 'replace', 'ignore', 'surrogateescape',
                       'backslashreplace', 'surrogatepass',
                       'xmlcharrefreplace']:
            print(ascii(s), name, errors, end=': ')
            t(lambda: s.encode(name, errors))
t(lambda: 'a\ud800'.encode('utf-16', 'no-such-handler'))
t(lambda: 'a\ud800'.encode('utf-16-le', 'no-such-handler'))
t(lambda: 'a\ud800'.encode('UTF-16LE', 'no-such-handler'))
t(lambda: 'ab'.encode('utf-16-le', 'no-such-handler'))

# round trips of lone surrogates through surrogatepass
s = 'x\ud800y\udfffz'
for name in ['utf-16', 'utf-16-le', 'utf-16-be']:
    t(lambda: s.encode(name, 'surrogatepass').decode(name, 'surrogatepass')
      == s)
