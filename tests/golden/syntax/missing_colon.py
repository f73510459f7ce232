# parser: the colon expected after an if condition
if x
    pass
