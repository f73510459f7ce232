# a case difference costs less than a different letter
class Config:
    Debug = True
    debux = False
print(Config.Debug)
Config.debug
