"""Reading content: the safe YAML reader, the schema, cross-checks, the build and the compiled cache."""
