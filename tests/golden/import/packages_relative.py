# Packages: __init__.py, submodules bound on their package, relative imports, failing imports.
import sys
sys.path.insert(0, "packages")
import shop.items
print(shop.CURRENCY, shop.items.price_of(21))
from shop.items import price
print(price.price_of(1), shop.items.price is price)
import shop.items.price as p
print(p is price)
for name in ("shop.nothere", "nowhere"):
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        print(type(e).__name__, e)
print(sorted(m for m in sys.modules if m.startswith("shop")))
