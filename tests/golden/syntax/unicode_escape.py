# strings: an unknown name in a \N{...} escape
x = "\N{LATIN SMALL}"
