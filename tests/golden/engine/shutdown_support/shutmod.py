import sys


def greet(x):
    return 'greet ' + x


class H:
    def __del__(self):
        print('H del', greet('h'), sys is not None)


keep = H()
