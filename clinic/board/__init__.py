"""The station board: who is waiting where on a clinic day, for the screen in the room."""
