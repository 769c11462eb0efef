"""Stage 3, clean: an article's headline and paragraphs, without bylines, boilerplate or markup; one-case text recased."""
