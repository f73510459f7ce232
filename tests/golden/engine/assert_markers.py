# The AssertionError's traceback line is marked only when the test is (or
# ends with) a comparison: CPython 3.11 raises from the comparison's
# location, otherwise from the statement's.
import sys


def f(v):
    return 0


x = y = z = 0


def case0():
    assert x


def case1():
    assert x, 'm'


def case2():
    assert x == 1


def case3():
    assert x == 1, 'm'


def case4():
    assert f(x)


def case5():
    assert x.real


def case6():
    assert not 1


def case7():
    assert x and y


def case8():
    assert x < y < z


def case9():
    assert f(x) == 1


def case10():
    assert x == 0 and y


def case11():
    assert y or x == 1


def case12():
    assert (x == 1) if y else x


def case13():
    assert x is None


def case14():
    assert x in []


def case15():
    assert f(x == 1)


def case16():
    assert x if y else x == 1


for i in range(17):
    try:
        globals()['case%d' % i]()
    except AssertionError:
        sys.excepthook(*sys.exc_info())
assert len([1]) == 2, 'the last one, uncaught'
