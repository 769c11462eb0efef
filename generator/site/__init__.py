"""Stage 8, site: the MkDocs plugin that runs the pipeline inside a build, the live preview, and `dossier new`."""
