"""The plain-Python core: content loading, the rules language, the state model, the engine, saves,
lint and simulation. It never imports pygame (tests/test_core_purity.py proves it)."""
