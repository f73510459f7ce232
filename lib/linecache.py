"""Lines of source files, read once and kept, for tracebacks.

getline(filename, lineno) returns the line with its newline, or '' when
the file or the line does not exist; checkcache() forgets files that
changed on disk; clearcache() forgets everything.
"""

__all__ = ["getline", "getlines", "clearcache", "checkcache", "updatecache"]

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    """Forget every file read so far."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line lineno (counted from 1) of filename, or '' when absent."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Every line of filename (a list of str), read on first use."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drop the files (all, or filename) whose size or time changed."""
    import os
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = os.stat(fullname)
        except (OSError, ValueError, AttributeError):
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Read filename again and return its lines ([] when unreadable)."""
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    try:
        with open(filename, encoding="utf-8", errors="replace") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError, ValueError, NameError, TypeError):
        return []
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    size = mtime = None
    try:
        import os
        st = os.stat(filename)
        size, mtime = st.st_size, st.st_mtime
    except Exception:
        pass
    cache[filename] = (size, mtime, lines, filename)
    return lines
