"""Text helpers every stage shares (folding, sentences, slugs, word lists): below all of them, importing none."""
