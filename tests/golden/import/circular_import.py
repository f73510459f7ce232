# sys.modules holds a module while its body runs: the circular-import failure and its fix.
import sys
sys.path.insert(0, "circular")
import alpha
import beta
print(alpha.late)
print(beta.call_alpha_later())
print(sorted(name for name in sys.modules if name in ("alpha", "beta")))
