# bytes.hex and bytearray.hex with a separator every bytes_per_sep bytes,
# from the right (positive) or the left (negative) (MpHex_FromData).
for b in (b'', b'\x01', b'\x01\x02\x03\x04\x05', bytearray(b'\xab\xcd\xef')):
    print(b.hex(), b.hex(':'), b.hex(b'-', 2), b.hex(' ', -2), b.hex(sep='_', bytes_per_sep=4), b.hex(':', 0))
for args in ((1,), ('ab',), ('é',), (':', 'x'), ('', 1)):
    try:
        b'ab'.hex(*args)
    except Exception as e:
        print(type(e).__name__, e)
