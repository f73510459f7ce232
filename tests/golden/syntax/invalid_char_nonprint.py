# tokenizer: a non-printable character in the source
x = 1
