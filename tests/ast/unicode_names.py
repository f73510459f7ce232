# lexer: non-ASCII identifiers (NFKC-normalised as in CPython)
café = 1
naïve = café
π = 3.14
ｘ = 1
ﬁle = 2
名前 = "name"
x = ℌ
