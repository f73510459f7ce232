# tokenizer: a single-quoted string that reaches the end of its line
s = "abc
print(s)
