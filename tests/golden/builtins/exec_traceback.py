# A traceback through exec'd code shows File "<string>", line N, in <module>.
def run():
    exec("x = 1\ny = 2\nz = undefined_name + 1")

print("before")
run()
