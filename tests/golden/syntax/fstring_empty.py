# f-string: an empty expression in a replacement field
x = f"{}"
