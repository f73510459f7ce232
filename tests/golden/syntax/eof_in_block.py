# parser: end of file where an indented block is expected
class C:
