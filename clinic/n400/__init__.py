"""Form N-400: the official PDF per edition, its field map, and filling it from a case."""
