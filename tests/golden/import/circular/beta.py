# Module beta: imports alpha while alpha is still running.
import sys
import alpha

print("beta: alpha in sys.modules:", "alpha" in sys.modules)
print("beta: alpha has greet yet:", hasattr(alpha, "greet"))
try:
    alpha.greet()
except AttributeError as e:
    print("beta:", e)

def call_alpha_later():
    # The fix the course note names: use the attribute later, not at import.
    return alpha.greet()
