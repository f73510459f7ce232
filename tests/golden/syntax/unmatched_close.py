# tokenizer: a closing bracket with nothing open
x = 1)
