"""A imports B imports A: the failure, then its two fixes.

Course note, section 4, Q1.  Python runs a module's body top to bottom,
and puts the module in sys.modules *before* running it.  When a.py does
`import b` and b.py does `import a`, the second import finds the
half-executed module a in sys.modules and returns it at once: anything a
defines after its `import b` line does not exist yet.

Each directory here holds its own a.py and b.py:

  broken/                b.py uses a.VERSION at import time: AttributeError
                         (and `from a import VERSION`: ImportError)
  fix_local_import/      b.py imports a inside the function that needs it
  fix_module_attribute/  b.py does `import a` at the top but reads
                         a.VERSION only when called, once a has finished

Run:  build/minipy examples/circular_import/main.py
"""
import sys

HERE = __file__.rpartition("/")[0] or "."


def run(variant, module="a"):
    """Imports `module` from HERE/variant, printing what happens."""
    print(f"--- {variant}: import {module}")
    sys.path.insert(0, f"{HERE}/{variant}")
    try:
        mod = __import__(module)
        print(f"  ok: a.main() -> {mod.main()!r}")
    except (AttributeError, ImportError) as e:
        # the path in ImportError's message depends on where the tour lives
        print(f"  {type(e).__name__}: {str(e).replace(HERE + '/', '')}")
    finally:
        sys.path.pop(0)
        for name in ("a", "b", "a_from", "b_from"):
            sys.modules.pop(name, None)   # the next variant imports afresh


run("broken")
run("broken", "b_from")
run("fix_local_import")
run("fix_module_attribute")
