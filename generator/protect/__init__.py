"""Stage 2, protect: protected names replaced by pseudonyms before any later stage reads a text, and every output audited."""
