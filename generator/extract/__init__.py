"""Stage 4, extract: each article's metadata, names, dates, events and quotes."""
