"""The game's screens, one module per kind."""
