# tokenizer: a closing bracket that does not match the open one
x = [1, 2)
