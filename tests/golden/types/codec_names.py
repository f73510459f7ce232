# unicodecodecs.c: codec names as CPython's registry normalises them, the
# names str.encode / bytes.decode know without the registry (errors of
# the others come back wrapped), and the error handlers of the utf-8,
# ascii and latin-1 codecs
from support import tc as t


names = ['utf-8', 'UTF8', 'u8', 'utf', 'cp65001', 'utf8_ucs2', 'ascii',
         'US-ASCII', '646', 'us', 'ANSI_X3.4-1968', 'ansi_x3.4_1986',
         'iso_646.irv:1991', 'latin-1', 'Latin1', 'l1', 'latin',
         'ISO-8859-1', 'iso8859_1', '8859', 'cp819', 'iso_ir_100',
         'utf-16', 'u16', 'utf-32', 'u32', 'utf-16-le', 'utf_32be',
         '  utf-8  ', 'utf..8', 'utf.8', 'utf16le', 'utf16-le',
         'no-such-codec', '', 'x' * 100]
for name in names:
    print(repr(name[:20]), end=' ')
    t(lambda: 'h\xe9\ud800'.encode(name, 'bogus'))
    print(repr(name[:20]), end=' ')
    t(lambda: b'h\xe9\xff\xfe\x00\xd8'.decode(name, 'bogus'))
    print(repr(name[:20]), end=' ')
    t(lambda: b'\x80'.decode(name, 'xmlcharrefreplace'))
t(lambda: 'abc'.encode('utf-8', 'bogus'))
t(lambda: b'abc'.decode('ascii', 'bogus'))
t(lambda: 'abc'.encode(None))
t(lambda: 'abc'.encode(errors=None))
t(lambda: 'abc'.encode(1))
t(lambda: b'abc'.decode('utf-8', 1))

# the handlers of the single-byte and utf-8 codecs
for s in ['\udc80\ud800', '\ud800\udc80', 'a\udc80\udc81b', '\udc80\xe9\udc81',
          '\xe9\udc80', '\udc80\u20ac\udc81x']:
    for name in ['utf-8', 'ascii', 'latin-1']:
        for errors in ['surrogateescape', 'surrogatepass', 'strict',
                       'replace', 'backslashreplace', 'xmlcharrefreplace',
                       'ignore']:
            print(ascii(s), name, errors, end=': ')
            t(lambda: s.encode(name, errors))
for b in [b'\xed\xa0\x80', b'\xed\xa0', b'\xed\xb2\x80x', b'a\xff\xfeb',
          b'\xf0\x9f\x98', b'\xf0\x9f\x98a', b'\x80\x80', b'\xc3']:
    for name in ['utf-8', 'ascii', 'latin-1']:
        for errors in ['surrogateescape', 'surrogatepass', 'strict',
                       'replace', 'backslashreplace', 'ignore',
                       'xmlcharrefreplace']:
            print(b, name, errors, end=': ')
            t(lambda: b.decode(name, errors))

# UnicodeError itself has the plain exception layout; its subclasses the
# codec fields
e = UnicodeError('plain', 2)
print(repr(e), e.args, str(e))


class Sub(UnicodeError):
    pass


print(repr(Sub('x')), isinstance(Sub(), ValueError))
del e
