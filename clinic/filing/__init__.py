"""After approval: filing, biometrics, interview, oath and certificate."""
