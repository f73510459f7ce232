# parser: the print-statement hint (invalid_expression rule)
print "hello"
