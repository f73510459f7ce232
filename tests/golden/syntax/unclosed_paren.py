# tokenizer: a bracket still open at end of file
x = (1,
     2
