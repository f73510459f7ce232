from . import it_side
