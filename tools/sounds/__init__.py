"""The sound synthesiser's parts (run tools/make_sounds.py); not part of the game's package."""
