import sys
print("runm package initialised as", __name__, "argv while searching:", sys.argv)
