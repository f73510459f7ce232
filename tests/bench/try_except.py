# try/except in a loop: the cost of a protected block when nothing is
# raised, and of raising and catching an exception (ValueError, a
# user-defined subclass, KeyError from a dict lookup).


class MyError(ValueError):
    pass


def check(i):
    if i % 5 == 0:
        raise MyError(i)
    return i


def run(n):
    total = 0
    d = {0: 1, 1: 2, 2: 3}
    for i in range(n):
        try:
            total += check(i)
        except MyError:
            total += 1
        try:
            total += d[i % 4]
        except KeyError:
            total -= 1
        try:
            total += i
        except ValueError:
            total = 0
        finally:
            total = total % 1000000007
    return total


print("try_except", run(2800000))
