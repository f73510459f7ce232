# exit and quit (src/sitebuiltins.c): CPython's site puts them in the
# builtins of every program; calling one raises SystemExit(code).
print(repr(exit))
print(quit)
print(str(exit))
print(type(exit))
for args, kwargs in [((), {}), ((5,), {}), (("message",), {}),
                     ((), {"code": 2}), ((None,), {})]:
    try:
        exit(*args, **kwargs)
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
try:
    quit(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    exit(cod=1)
except TypeError as e:
    print("TypeError:", type(e).__name__)
print(callable(exit), exit is not quit)
quit(7)
print("not reached")
