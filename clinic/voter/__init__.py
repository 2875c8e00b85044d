"""Voter registration for new citizens, after the oath and never before (the hard gate)."""
