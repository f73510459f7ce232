__all__ = ["public", "_hidden"]
public = "public"
_hidden = "hidden but listed"
also = "not listed"
