# statements: every import form, aliases, relative levels
import a
import a.b.c
import a as b, c.d as e
from a import b
from a import b as c, d
from a import (b, c,)
from a import *
from . import x
from .. import y
from ... import z
from .... import w
from .a import b
from ..a.b import c as d
from . import (a, b as c)
