# "Did you mean" for AttributeError on an instance: its dict and its class's
class Account:
    interest = 0.1
    def __init__(self):
        self.balance = 10
    def deposit(self, n):
        self.balance += n

a = Account()
a.deposit(5)
print(a.balance)
a.balanse
