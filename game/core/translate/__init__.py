"""Translation: every text under a stable key (catalog), languages as overlay folders (overlay), PO files
in and out for translators' tools (po), and the plural rules they bring (plural)."""
