from . import leaf as _leaf
