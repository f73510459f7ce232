WHO = "leaf"
from ..one import WHO as up
