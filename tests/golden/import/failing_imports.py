# Failing imports leave sys.modules clean; a retry runs the module again; sys.modules is the real cache.
import sys
sys.path.insert(0, "fail")
for attempt in (1, 2):
    try:
        import broken
    except ZeroDivisionError as e:
        print("attempt", attempt, type(e).__name__, e, "broken" in sys.modules)
try:
    import pulls_broken
except ZeroDivisionError:
    print("chain:", [m for m in ("pulls_broken", "broken") if m in sys.modules])
try:
    from failpkg import bad_sub
except ModuleNotFoundError as e:
    print("inside submodule:", e, "|", e.name)
print(sorted(m for m in sys.modules if m.startswith("failpkg")))
from failpkg import absent_ok
