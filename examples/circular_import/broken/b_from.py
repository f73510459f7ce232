# b_from.py: the `from` form of the same mistake, entered from b's side:
# importing b_from runs a_from, which imports b_from (half-built) back.
print("  b_from: start")
import a_from                      # a_from imports b_from again ...

ANSWER = 42


def main():
    return a_from.ANSWER_TWICE
