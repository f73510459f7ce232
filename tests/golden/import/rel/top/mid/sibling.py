SIB = "sibling"
