# parser: the "Perhaps you forgot a comma?" hint
x = [1 2]
