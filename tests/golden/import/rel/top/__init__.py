top_value = "top"
