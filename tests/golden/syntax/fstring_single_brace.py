# f-string: a lone closing brace
x = f"a}b"
