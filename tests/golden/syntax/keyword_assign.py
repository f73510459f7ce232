# parser: assignment to a keyword
True = 1
