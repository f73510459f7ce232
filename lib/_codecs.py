"""_codecs: the small part of CPython's codec registry that pickle needs.

Protocols 0-2 have no bytes opcode, so bytes pickle as a call
_codecs.encode(text, 'latin1'); this module provides that function and
decode() (for the codecs str.encode knows: utf-8, ascii, latin-1,
utf-16, utf-32 and their variants) so those pickles load and are written
as CPython writes them.

Like CPython's, these always go through the codec registry, so a
LookupError or TypeError from inside the codec comes back wrapped:
"encoding with 'latin1' codec failed (TypeError: latin_1_encode()
argument 1 must be str, not int)".
"""

# What each codec makes of 'é' (with 'replace'), by the module name
# CPython gives it: the codec behind a name, without a second alias table.
_PROBES = {
    b'\xc3\xa9': 'utf_8',
    b'?': 'ascii',
    b'\xe9': 'latin_1',
    b'\xe9\x00': 'utf_16_le',
    b'\x00\xe9': 'utf_16_be',
    b'\xff\xfe\xe9\x00': 'utf_16',
    b'\xfe\xff\x00\xe9': 'utf_16',
    b'\xe9\x00\x00\x00': 'utf_32_le',
    b'\x00\x00\x00\xe9': 'utf_32_be',
    b'\xff\xfe\x00\x00\xe9\x00\x00\x00': 'utf_32',
    b'\x00\x00\xfe\xff\x00\x00\x00\xe9': 'utf_32',
}


def _codec_name(encoding):
    """The codec's module name; LookupError for an unknown encoding."""
    return _PROBES['\xe9'.encode(encoding, 'replace')]


def _wrapped(what, encoding, func, *args):
    """func(*args), its LookupError or TypeError wrapped as the registry
    does (str.encode has already wrapped it for most names: the cause
    is set then)."""
    try:
        return func(*args)
    except (LookupError, TypeError) as e:
        if type(e) not in (LookupError, TypeError) or e.__cause__ is not None:
            raise
        raise type(e)("%s with '%s' codec failed (%s: %s)"
                      % (what, encoding, type(e).__name__, e)) from e


def _encode(obj, name, encoding, errors):
    if not isinstance(obj, str):
        raise TypeError("%s_encode() argument 1 must be str, not %s"
                        % (name, type(obj).__name__))
    return obj.encode(encoding, errors)


def _decode(obj, encoding, errors):
    try:
        data = memoryview(obj)
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'"
                        % type(obj).__name__) from None
    with data:
        return str(data, encoding, errors)


def encode(obj, encoding='utf-8', errors='strict'):
    """encode(obj, encoding='utf-8', errors='strict'): obj.encode(...)."""
    name = _codec_name(encoding)
    return _wrapped('encoding', encoding, _encode, obj, name, encoding,
                    errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """decode(obj, encoding='utf-8', errors='strict'): str(obj, ...)."""
    _codec_name(encoding)
    return _wrapped('decoding', encoding, _decode, obj, encoding, errors)
