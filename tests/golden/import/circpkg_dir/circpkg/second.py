# circpkg.first is in sys.modules but not yet an attribute of circpkg:
# `from . import first` still finds it there
from . import first
print("second got", first.__name__, "has NAME yet:", hasattr(first, "NAME"))
try:
    from .first import NAME
except ImportError as e:
    print(e)
