"""Stage 6, render: the dossier as pages through Jinja2 templates, and the curator's review page."""
