mid_value = "mid"
