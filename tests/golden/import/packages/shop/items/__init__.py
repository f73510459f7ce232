from .. import CURRENCY
from .price import price_of
