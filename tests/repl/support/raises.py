# run by -i: raises after setting x; the REPL still starts
x = 5
def fail():
    1/0
fail()
