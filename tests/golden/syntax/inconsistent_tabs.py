# tokenizer: TabError, tabs and spaces mixed inconsistently
if True:
        x = 1
	y = 2
