# A repeated class keyword is refused at compile time, as in a call.
class A(metaclass=type, x=1, x=2):
    pass
