# float formatting with a precision and no type: the exponent form one digit early
for v in [0.0, 1.5, 12.0, 123.0, 1000.0, 9.96, 99.5, 0.0001, 1e-5, 123456.0, 2.5, 1e22]:
  print([format(v, s) for s in ['.1', '.2', '.3', '.0', '#.2', '10.2', '.5']])
for v in [1e-5, 0.00012345, 1e-4, 5e-324, 1.7976931348623157e308, 0.5, 99.99, 1e100]:
  print([format(v, s) for s in ['.1', '.2', '.3', '.0', '#.2', '#.0', '.17', '#.5']])
