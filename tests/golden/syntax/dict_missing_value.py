# parser: a dict key without a value
d = {1: 2, 3}
