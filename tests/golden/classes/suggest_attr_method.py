# "Did you mean" for a method name of a built-in type
words = "a b c".split()
words.apend("d")
