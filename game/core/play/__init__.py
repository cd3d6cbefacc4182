"""Playing: the one state object, the engine over it, saves, result files and simulation."""
