# statements: try/except/else/finally, bare except, names, tuples
try:
    a()
except ValueError:
    pass
except (TypeError, KeyError) as e:
    raise
except:
    raise
else:
    b()
finally:
    c()
try:
    pass
finally:
    pass
