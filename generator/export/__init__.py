"""Stage 7, export: the open data files: JSON, CSV, TimelineJS and FollowTheMoney."""
