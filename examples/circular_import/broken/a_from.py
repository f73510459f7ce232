# a_from.py: `from b_from import ANSWER` while b_from is still at its line 4.
print("  a_from: start")
from b_from import ANSWER          # ImportError: partially initialized module

ANSWER_TWICE = 2 * ANSWER
