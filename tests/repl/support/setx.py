# run by -i: its globals stay for the REPL
x = 5
def double(n):
    return 2 * n
