# -*- coding: latin-1 -*-
# decoding a coding cookie (the string holds latin-1 bytes)
s = "café"
