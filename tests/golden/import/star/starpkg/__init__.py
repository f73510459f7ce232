__all__ = ["sub", "top_name"]
top_name = "top"
