# parser: except and except* mixed in one try
try:
    pass
except ValueError:
    pass
except* TypeError:
    pass
