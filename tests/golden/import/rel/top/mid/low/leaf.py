from .. import mid_value
from ... import top_value
from ..sibling import SIB
