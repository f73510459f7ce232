"""Common string constants, capwords, and two ways to fill in templates:

    Template     $name / ${name} substitution, for text written by users
    Formatter    the machinery of str.format, as a class whose steps
                 (parse, get_field, convert_field, format_field) can be
                 overridden

Template here scans the text by hand instead of with a regular expression
(minipy has no re module yet): `$$` is a literal `$`, `$name` and
`${name}` are placeholders whose names are ASCII identifiers, and any
other `$` is an invalid placeholder.  A subclass may change `delimiter`;
overriding `idpattern`, `braceidpattern` or `pattern` needs re and is
refused with NotImplementedError.

Formatter.parse follows the grammar of str.format's replacement fields:
'{{' and '}}' are literal braces, a field is {name!conv:spec} where the
spec may itself hold fields.

CPython counterpart: Lib/string.py (with Objects/stringlib/unicode_format.h
for the parser).  Read first: Template._scan, then Formatter._vformat.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join.  If the optional
    second argument sep is absent or None, runs of whitespace characters
    are replaced by a single space and leading and trailing whitespace are
    removed, otherwise sep is used to split and join the words."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# {====== Template ======

_ID_START = frozenset(ascii_letters + '_')
_ID_CHARS = frozenset(ascii_letters + digits + '_')
_sentinel_dict = {}


def _substitute(template, mapping, kws, safe):
    """Template.substitute (safe false) and safe_substitute (safe true):
    placeholders filled from mapping, with kws first; safe leaves an
    invalid placeholder or a missing key as written instead of raising
    ValueError or KeyError."""
    if mapping is _sentinel_dict:
        mapping = kws
    elif kws:
        mapping = _ChainedLookup(kws, mapping)
    parts = []
    pos = 0
    text = template.template
    for start, end, kind, name in template._scan():
        parts.append(text[pos:start])
        pos = end
        if kind == 'escaped':
            parts.append(template.delimiter)
        elif kind == 'invalid':
            if not safe:
                template._invalid(end)
            parts.append(text[start:end])
        elif safe:
            try:
                parts.append(str(mapping[name]))
            except KeyError:
                parts.append(text[start:end])
        else:
            parts.append(str(mapping[name]))
    parts.append(text[pos:])
    return ''.join(parts)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        cls = type(self)
        for name in ('idpattern', 'braceidpattern', 'pattern', 'flags'):
            if name in _class_attrs(cls):
                raise NotImplementedError(
                    'Template.%s needs the re module, which minipy does not '
                    'have yet' % name)
        self.template = template

    def _scan(self):
        """Yield (start, end, kind, name) for each delimiter in the
        template: kind is 'escaped', 'named', 'braced' or 'invalid'."""
        text = self.template
        delim = self.delimiter
        n = len(text)
        dl = len(delim)
        i = text.find(delim)
        while i >= 0:
            j = i + dl
            if text.startswith(delim, j):
                yield i, j + dl, 'escaped', None
                i = text.find(delim, j + dl)
                continue
            if j < n and text[j] in _ID_START:
                k = j + 1
                while k < n and text[k] in _ID_CHARS:
                    k += 1
                yield i, k, 'named', text[j:k]
                i = text.find(delim, k)
                continue
            if j < n and text[j] == '{':
                k = j + 1
                if k < n and text[k] in _ID_START:
                    k += 1
                    while k < n and text[k] in _ID_CHARS:
                        k += 1
                    if k < n and text[k] == '}':
                        yield i, k + 1, 'braced', text[j + 1:k]
                        i = text.find(delim, k + 1)
                        continue
            yield i, j, 'invalid', None
            i = text.find(delim, j)

    def _invalid(self, i):
        # i is just past the delimiter, where CPython's regex puts its
        # empty 'invalid' group; the column is counted from there.
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return _substitute(self, mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return _substitute(self, mapping, kws, True)

    def is_valid(self):
        for start, end, kind, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in self._scan():
            if name is not None and name not in ids:
                ids.append(name)
        return ids


def _class_attrs(cls):
    """Names set by cls or a base other than Template itself."""
    names = set()
    for klass in cls.__mro__:
        if klass is Template or klass is object:
            continue
        ns = getattr(klass, '__dict__', None)
        if hasattr(type(ns), 'keys'):
            names.update(ns.keys())
        else:
            for name in ('idpattern', 'braceidpattern', 'pattern', 'flags'):
                if getattr(klass, name, None) is not None:
                    names.add(name)
    return names


class _ChainedLookup:
    """Keyword arguments first, then the mapping (ChainMap without
    importing collections)."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]

# }======


# {====== Formatter ======

def _parse_format(s):
    """Yield (literal_text, field_name, format_spec, conversion) as
    str.format sees s.  A doubled brace ends a literal chunk (the chunk
    keeps one brace); the last three are None after such a chunk or after
    trailing text."""
    n = len(s)
    i = 0
    start = 0          # where the current literal chunk began
    while i < n:
        c = s[i]
        if c != '{' and c != '}':
            i += 1
            continue
        if i + 1 < n and s[i + 1] == c:
            # '{{' or '}}': the chunk ends with one brace
            yield s[start:i + 1], None, None, None
            i += 2
            start = i
            continue
        if c == '}':
            raise ValueError("Single '}' encountered in format string")
        if i + 1 >= n:
            raise ValueError("Single '{' encountered in format string")
        literal = s[start:i]
        name, conversion, spec, i = _parse_field(s, i + 1)
        yield literal, name, spec, conversion
        start = i
    if start < n:
        yield s[start:], None, None, None


def _parse_field(s, i):
    """Parse the field that starts at s[i] (just after its '{').
    Returns (name, conversion, spec, index after the closing '}')."""
    n = len(s)
    # the field name: up to '!', ':' or '}', anything goes inside [...]
    j = i
    while True:
        if j >= n:
            raise ValueError("expected '}' before end of string")
        ch = s[j]
        if ch == '[':
            while j < n and s[j] != ']':
                j += 1
            continue
        if ch == '{':
            raise ValueError("unexpected '{' in field name")
        if ch in '!:}':
            break
        j += 1
    name = s[i:j]
    conversion = None
    if s[j] == '!':
        if j + 1 >= n:
            raise ValueError('end of string while looking for conversion '
                             'specifier')
        conversion = s[j + 1]
        j += 2
        if j >= n:
            raise ValueError("unmatched '{' in format spec")
        if s[j] not in ':}':
            raise ValueError("expected ':' after conversion specifier")
    if s[j] == '}':
        return name, conversion, '', j + 1
    # the format spec, which may hold nested fields
    depth = 1
    k = j + 1
    while k < n:
        ch = s[k]
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
            if depth == 0:
                return name, conversion, s[j + 1:k], k + 1
        k += 1
    raise ValueError("unmatched '{' in format spec")


def _split_field_name(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]); digit strings become
    ints."""
    n = len(name)
    k = 0
    while k < n and name[k] not in '.[':
        k += 1
    first = name[:k]
    if first.isdigit():
        first = int(first)
    rest = []
    while k < n:
        if name[k] == '.':
            j = k + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[k + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            k = j
        else:
            j = name.find(']', k)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[k + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            k = j + 1
            if k < n and name[k] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                                 'format field specifier')
    return first, rest


class Formatter:
    """str.format as a class: format(), vformat(), and the steps they
    call, each meant to be overridden."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # (CPython's Lib/string.py words both directions so)
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        """An iterable of (literal_text, field_name, format_spec,
        conversion) tuples."""
        return list(_parse_format(format_string))

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first

# }======
