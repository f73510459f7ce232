# literals: bytes, raw bytes, implicit concatenation of bytes
b''
b'abc'
B"ABC"
b'\x00\x01\x7f\x80\xff'
b'a' b'b'
b"""triple
bytes"""
(b'x'
 b'y')
