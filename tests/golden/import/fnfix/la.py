import lb
BASE = 10

def total():
    return lb.plus_base(5)
