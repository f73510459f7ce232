# tokenizer: a triple-quoted string that reaches the end of the file
s = """abc

def
