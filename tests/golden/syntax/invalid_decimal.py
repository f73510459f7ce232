# tokenizer: a decimal literal run into a name
x = 1abc
