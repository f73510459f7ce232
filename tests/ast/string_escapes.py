# literals: every escape sequence in str and bytes
'\n\t\r\\\'\"\a\b\f\v'
'\0\00\000\1\12\123\377'
'\x00\x41\xff'
'\u0041\u00e9\u2603'
'\U0001F600\U00000041'
'\N{LATIN SMALL LETTER E WITH ACUTE}\N{SNOWMAN}'
'\q'
'\
'
b'\n\t\x00\xff\377\\'
b'\q'
br'\x00'
rb'\n'
Rb'raw'
bR"raw"
'\ud800'
