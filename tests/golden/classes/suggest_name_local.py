# "Did you mean" for NameError: locals of the failing frame first (suggestions.c)
def area(width, height):
    result = width * heigth
    return result

def outer():
    return area(2, 3)

outer()
