"""_codecs: the small part of CPython's codec registry that pickle needs.

Protocols 0-2 have no bytes opcode, so bytes pickle as a call
_codecs.encode(text, 'latin1'); this module provides that function (for
the encodings str.encode knows) so those pickles load and are written as
CPython writes them.
"""


def encode(obj, encoding='utf-8', errors='strict'):
    """encode(obj, encoding='utf-8', errors='strict'): obj.encode(...)."""
    if not isinstance(obj, str):
        raise TypeError("utf_8_encode() argument 1 must be str, not %s"
                        % type(obj).__name__)
    return obj.encode(encoding, errors)


def decode(obj, encoding='utf-8', errors='strict'):
    """decode(obj, encoding='utf-8', errors='strict'): bytes(obj).decode."""
    return bytes(obj).decode(encoding, errors)
