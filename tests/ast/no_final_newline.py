# lexer: no newline at the end of the file
if x:
    y = 1