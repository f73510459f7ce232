# tokenizer: IndentationError, a dedent to a level never opened
if True:
        x = 1
    y = 2
