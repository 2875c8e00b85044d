"""The home page each role lands on after login."""
