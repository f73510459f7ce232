from ..import CURRENCY

def price_of(n):
    return str(n * 2) + " " + CURRENCY
