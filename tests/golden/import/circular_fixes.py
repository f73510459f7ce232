# The two fixes of a circular import: import inside the function, and `import a` with `a.foo` used later.
import sys
sys.path.insert(0, "fnfix")
import fa
print(fa.run())
import la
print(la.total())
print(sorted(m for m in sys.modules if m in ("fa", "fb", "la", "lb")))
