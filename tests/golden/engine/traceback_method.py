# Uncaught error inside a method called from a function called from module level: frames and markers.
class Account:
    def __init__(self, balance):
        self.balance = balance
    def ratio(self, other):
        return self.balance / other.balance
def report(a, b):
    r = a.ratio(b)
    return r
print(report(Account(4), Account(2)))
print(report(Account(4), Account(0)))
