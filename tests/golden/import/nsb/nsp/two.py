WHO = "two in nsb"
