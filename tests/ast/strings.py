# literals: string prefixes, quotes, triple quotes, raw strings
'single'
"double"
'''triple
single'''
"""triple
double"""
r'raw \n'
R"raw \d+"
u'unicode'
U"unicode"
''
""
'it\'s'
"say \"hi\""
'a' "b" 'c'
("implicit"
 "concatenation")
r"\\"
"\
continued"
'unicode: é ☃ 𝄞'
