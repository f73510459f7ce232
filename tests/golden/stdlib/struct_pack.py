# struct: packing/unpacking every code in every byte order, alignment, Struct objects
import struct

for order in "@=<>!":
    for code in "bBhHiIlLqQ":
        fmt = order + code
        size = struct.calcsize(fmt)
        bits = size * 8
        if code.isupper():
            values = [0, 1, 2 ** bits - 1, 2 ** (bits - 1)]
        else:
            values = [0, -1, 2 ** (bits - 1) - 1, -2 ** (bits - 1)]
        for v in values:
            b = struct.pack(fmt, v)
            assert struct.unpack(fmt, b) == (v,), (fmt, v)
        print(fmt, size, struct.pack(fmt, values[2]).hex(), struct.pack(fmt, values[3]).hex())
for code in "nNP":
    print(code, struct.calcsize(code), struct.pack(code, 5).hex(), struct.unpack(code, struct.pack(code, 5)))
print(struct.unpack("n", struct.pack("n", -7)), struct.unpack("P", struct.pack("P", -1)))

for order in "@<>":
    for v in [0.0, -0.0, 1.5, -2.25, 1e-300, 1e300, float("inf"), float("-inf"), 3.141592653589793]:
        print(order, v, struct.pack(order + "d", v).hex(), struct.pack(order + "f", v if abs(v) < 1e38 or v != v or abs(v) == float("inf") else 1.0).hex())
print(struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack(">f", struct.pack(">f", 1e-40)))
print(struct.pack("f", 1e300), struct.pack("f", 3e-46).hex(), struct.pack("<f", float("nan")).hex())
import math
print(math.isnan(struct.unpack("<d", struct.pack("<d", float("nan")))[0]))

# half floats: rounding, subnormals, the largest value
for v in [0.0, -0.0, 1.0, -2.0, 0.1, 0.333, 65504.0, 65519.0, 6.1e-5, 2.0**-24, 2.0**-25,
          3 * 2.0**-26, 2.0**-25 * 1.0000001, 1e-8, 1.0009765625, 1.00048828125, 1.00146484375,
          float("inf"), float("-inf"), 2047.5, 4095.0]:
    b = struct.pack("<e", v)
    print(v, b.hex(), struct.pack(">e", v).hex(), struct.unpack("<e", b)[0])
print(struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"), struct.unpack("<e", b"\x00\xfc"))
print(math.isnan(struct.unpack("<e", b"\xff\x7f")[0]), struct.pack("<e", float("nan")).hex())

# bool, char, strings, pad
print(struct.pack("???", 0, 5, []), struct.unpack("??", b"\x00\x02"), struct.pack(">?", "x"))
print(struct.pack("c3c", b"a", b"b", b"c", b"d"), struct.unpack("2c", b"xy"))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcd"), struct.pack("0s", b"abc"), struct.pack("s", b""))
print(struct.pack("3s", bytearray(b"xyz")), struct.unpack("4s", b"ab\x00c"), struct.unpack("0s", b""))
print(struct.pack("5p", b"ab"), struct.pack("3p", b"abcdef"), struct.pack("1p", b"ab"), struct.pack("0p", b"x"))
print(struct.pack("300p", b"a" * 400)[:4], struct.unpack("5p", b"\x09abcd"), struct.unpack("1p", b"\x09"))
print(struct.pack("x2xb3x", 7), struct.unpack("xbx", b"\x01\x02\x03"))

# native alignment versus standard packing
for fmt in ["bi", "=bi", "ib", "bq0q", "0s", "c i", "bhbib", "<bhbib", "b5sd", "?d", "hq", "lb", "=lb", "bP", "be", "cf"]:
    print(repr(fmt), struct.calcsize(fmt))
print(struct.pack("bi", 1, 2), struct.pack("=bi", 1, 2), struct.pack(">bi", 1, 2))
print(struct.pack("i i", 1, 2), struct.pack(" 2h ", 3, 4), struct.calcsize(""), struct.pack(""))
print(struct.calcsize("2147483648i"), struct.calcsize("10s3p2x"))

# Struct objects
s = struct.Struct("<hI2s")
print(s.format, s.size, type(s).__name__, type(s).__module__)
print(s.pack(-2, 70000, b"ok"), s.unpack(b"\xfe\xff\x70\x11\x01\x00ok"))
print(struct.Struct(b">q").format, struct.Struct(format="!H").size)
buf = bytearray(12)
s.pack_into(buf, 2, 1, 2, b"z")
print(buf, s.unpack_from(buf, 2), s.unpack_from(buffer=buf, offset=2))
struct.pack_into("<i", buf, -4, -1)
print(buf, struct.unpack_from("<i", buf, -4), struct.unpack_from("<i", buf))
print(struct.unpack_from("<h", b"\x01\x02\x03\x04", offset=2))
it = struct.iter_unpack("<hb", b"123456")
print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__(), list(it))
print(list(struct.Struct(">H").iter_unpack(b"\x00\x01\x00\x02\x00\x03")))
print(struct.unpack(b"<h", bytearray(b"ab")))


class I:
    def __index__(self):
        return 7


print(struct.pack("i", I()), struct.pack("<Q", I()), struct.pack("B", I()), struct.pack(">q", I()))
print(struct.pack("i", True), struct.pack("d", 3), struct.pack("<f", False))


class MyStruct(struct.Struct):
    pass


m = MyStruct("<i")
print(m.pack(5), m.size, isinstance(m, struct.Struct))
print(struct.error.__mro__, issubclass(struct.error, Exception))
print(sorted(struct.__all__))


class Pair(struct.Struct):
    def __init__(self, little):
        super().__init__("<hh" if little else ">hh")


print(Pair(True).pack(1, 2), Pair(False).pack(1, 2), Pair(True).format)
s = struct.Struct("i")
s.__init__(">q")
print(s.format, s.size, s.pack(1))
