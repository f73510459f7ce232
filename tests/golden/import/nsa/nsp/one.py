WHO = "one in nsa"
