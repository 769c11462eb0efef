"""Static documentary-site generator: articles in `seeds/` become a MkDocs site."""
