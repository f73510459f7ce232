import fb

def name():
    return "fa"

def run():
    return fb.describe()
