"""Stage 5, assemble: names resolved into entities across articles, the timeline, shared passages."""
