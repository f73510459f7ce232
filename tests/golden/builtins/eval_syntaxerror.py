# An uncaught SyntaxError from compile names the given filename.
code = compile("a = 1\nb = )\n", "made-up.py", "exec")
