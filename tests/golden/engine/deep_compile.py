# A source nested deeper than the compiler may recurse raises RecursionError, not a crash.
import sys
sys.path.insert(0, "deep")
try:
    import deep_sum
except RecursionError as e:
    print("RecursionError:", e)
print("deep_sum" in sys.modules)
