# classmethod and staticmethod: binding to the class, alternative constructors, calls via instance.
class Date:
    created = 0
    def __init__(self, y, m):
        self.y, self.m = y, m
        Date.created += 1
    @classmethod
    def from_string(cls, s):
        y, m = s.split("-")
        return cls(int(y), int(m))
    @staticmethod
    def is_valid_month(m):
        return 1 <= m <= 12
    def __repr__(self):
        return "%s(%d, %d)" % (type(self).__name__, self.y, self.m)
class MyDate(Date):
    pass
print(Date.from_string("2024-05"), MyDate.from_string("1999-12"))
print(Date.is_valid_month(13), Date(1, 1).is_valid_month(5), Date.created)
print(MyDate(2, 2).from_string("3-3"))
