# "Did you mean" for a module attribute
import sys
print(sys.maxsize > 0)
sys.maxsise
