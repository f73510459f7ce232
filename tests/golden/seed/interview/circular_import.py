# 4 Q1 Circular imports: a module is in sys.modules before its body runs,
# so A -> B -> A gives B the half-built A: an attribute A defines later is
# missing (AttributeError), a `from A import name` fails (ImportError);
# importing inside the function, or reading the attribute only at call
# time, fixes it.  The uncaught case at the end shows the traceback.
import sys

HERE = __file__.rpartition("/")[0]


def attempt(variant, module):
    sys.path.insert(0, HERE + "/" + variant)
    try:
        m = __import__(module)
        print("ok", m.main())
    except (AttributeError, ImportError) as e:
        print(type(e).__name__ + ":", e)
        print("name:", e.name)
    finally:
        sys.path.pop(0)
        for name in ("a", "b"):
            if name in sys.modules:
                print("unloading", name)
                del sys.modules[name]


attempt("circ_broken", "a")
print("a after the failure:", "a" in sys.modules, "b" in sys.modules)
attempt("circ_from", "a")
attempt("circ_from", "b")
attempt("circ_fix_local", "a")
attempt("circ_fix_attr", "a")
attempt("circ_fix_attr", "b")
sys.path.insert(0, HERE + "/circ_broken")
import a
