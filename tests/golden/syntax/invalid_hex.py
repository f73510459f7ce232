# tokenizer: an invalid digit in a hexadecimal literal
x = 0x1g
