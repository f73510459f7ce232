print("runm package initialised as", __name__)
