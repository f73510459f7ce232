# parser: a trailing comma in an unparenthesized import list
from a import b,
