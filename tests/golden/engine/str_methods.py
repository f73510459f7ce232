# str: split/join/strip/replace/find/upper/startswith and friends, with CPython's results.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxaxx".strip("x")))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a b c".rsplit(" ", 1))
print("-".join(["x", "y", "z"]), "".join(c for c in "abc"), ", ".join([]))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".find("n"), "banana".find("z"))
print("banana".rfind("a"), "banana".index("nan"), "banana".count("a"), "banana".count(""))
print("MiXed".upper(), "MiXed".lower(), "hello world".title(), "hello".capitalize(), "AbC".swapcase())
print("hello".startswith("he"), "hello".endswith(("x", "lo")), "hello".startswith("l", 2))
print("42".isdigit(), "abc".isalpha(), "a1".isalnum(), "   ".isspace(), "Abc".islower(), "ABC".isupper())
print("ab".center(6, "*"), "ab".ljust(4) + "|", "ab".rjust(4), "7".zfill(3), "-7".zfill(4))
print("a\tb\nc".splitlines(), "line1\nline2\n".splitlines(), "k=v".partition("="), "abc".partition("x"))
print("abc" * 2, "b" in "abc", "ac" not in "abc", "abc" < "abd", len("héllo"), ord("é"), chr(233))
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
