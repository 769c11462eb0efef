"""Stage 1, ingest: the seed files, their formats, sidecars and front matter, and the curator's registry, read and validated."""
