# Text files in utf-16 and utf-32 (modules/io.c over unicodecodecs.c):
# code units instead of bytes for newlines and read(n), the BOM written
# at the start of the stream and read to find the byte order, tell/seek
# as byte offsets; files made here and removed.
import os

p = 'tmp_file_utf16.txt'


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


def raw():
    with open(p, 'rb') as f:
        return f.read()


def put(b):
    with open(p, 'wb') as f:
        f.write(b)


for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le',
            'utf-32-be', 'UTF16', 'u32']:
    print('--', enc)
    with open(p, 'w', encoding=enc) as f:
        print(f.tell(), f.write('ab\nc\u20ac\U0001f600\r\nd\n'), f.tell(),
              f.write('x'), f.tell(), f.encoding)
    print(raw())
    with open(p, encoding=enc) as f:
        print(f.tell(), repr(f.readline()), f.tell(), repr(f.read(2)),
              f.tell(), repr(f.readline()), f.tell(), f.readlines(),
              f.tell())
        f.seek(0)
        print(repr(f.read()))
        f.seek(0)
        print(repr(f.read(3)), repr(f.read(1)), repr(f.read()))
    with open(p, encoding=enc, newline='') as f:
        print(list(f), f.newlines)
    with open(p, encoding=enc, newline='\r') as f:
        print(list(f))
    with open(p, encoding=enc, newline='\n') as f:
        print(f.read())
    with open(p, encoding=enc) as f:
        print(list(f), f.newlines)
    with open(p, 'a', encoding=enc) as f:
        f.write('Z')
    print(raw()[-8:])
    with open(p, 'r+', encoding=enc) as f:
        f.write('Q')
    print(raw()[:8])
    with open(p, 'w+', encoding=enc) as f:
        f.write('Q')
        f.seek(0)
        f.write('R')
        f.seek(0)
        print(repr(f.read()))
    print(raw())
    with open(p, 'w', encoding=enc, newline='\r\n') as f:
        f.write('1\n2\n')
    print(raw())
    with open(p, 'w', encoding=enc, newline='\r') as f:
        f.write('1\n2\n')
    print(raw())
    with open(p, encoding=enc) as f:
        print(repr(f.read()), f.newlines)

print('-- byte order marks')
put(b'\xfe\xff\x00a\x00\n\x00b')
show(lambda: open(p, encoding='utf-16').read())
with open(p, encoding='utf-16') as f:
    show(lambda: f.readline())
    show(lambda: f.readline())
    show(lambda: f.readline())
put(b'\xff\xfe\x00\x00a\x00\x00\x00')
show(lambda: open(p, encoding='utf-32').read())
put(b'\xff\xfea\x00')
show(lambda: open(p, encoding='utf-16-le').read())
show(lambda: open(p, encoding='utf-16-be').read())

print('-- no byte order mark')
put(b'a\x00\n\x00b')
show(lambda: open(p, encoding='utf-16').read())
with open(p, encoding='utf-16') as f:
    show(lambda: f.readline())
put(b'a\x00\n\x00b\x00')
show(lambda: open(p, encoding='utf-16').read())
show(lambda: open(p, encoding='utf-16-le').read())
put(b'a\x00\x00\x00')
show(lambda: open(p, encoding='utf-32').read())
show(lambda: open(p, encoding='utf-32-le').read())
put(b'a')
show(lambda: open(p, encoding='utf-16').read())
show(lambda: open(p, encoding='utf-32').read())
put(b'')
show(lambda: open(p, encoding='utf-16').read())
show(lambda: open(p, encoding='utf-32').readline())

print('-- errors')
put(b'\xff\xfea\x00\n\x00\x00\xd8')
show(lambda: open(p, encoding='utf-16').read())
show(lambda: open(p, encoding='utf-16', errors='replace').read())
show(lambda: open(p, encoding='utf-16', errors='surrogatepass').readlines())
show(lambda: open(p, encoding='utf-16', errors='backslashreplace').read())
put(b'a\x00\n\x00b')
show(lambda: open(p, encoding='utf-16-le').read())
show(lambda: open(p, encoding='utf-16-le').readlines())
show(lambda: open(p, encoding='utf-16-le', errors='ignore').readlines())
with open(p, 'w', encoding='utf-16') as f:
    show(lambda: f.write('a\ud800'))
    show(lambda: f.write('b'))
print(raw())
with open(p, 'w', encoding='utf-16-le', errors='no-such-handler') as f:
    show(lambda: f.write('ok'))
    show(lambda: f.write('a\ud800'))
with open(p, 'w', encoding='utf-32', errors='surrogatepass') as f:
    show(lambda: f.write('a\ud800'))
print(raw())
show(lambda: open(p, encoding='utf-17'))
os.remove(p)
