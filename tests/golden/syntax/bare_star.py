# parser: a bare * with no named parameter after it
def f(*):
    pass
