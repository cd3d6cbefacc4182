"""The terminal front end (play-text): the story as plain text, for screen readers and scripts."""
