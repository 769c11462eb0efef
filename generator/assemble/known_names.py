"""A small table of well-known names that the text alone cannot tie together.

Each row is one entity, its preferred name first. Initials and brackets already join most
acronyms ("IMF" to "International Monetary Fund" once either article defines it); this table
is for what no rule can see: a country under another name, a nickname, a renamed body.
Kept short on purpose, and listed in the README: a curator's `seeds/entities.yml` always wins.
"""

KNOWN_NAMES: tuple[tuple[str, ...], ...] = (
    ("United States", "US", "USA", "United States of America", "America"),
    ("United Kingdom", "UK", "Britain", "Great Britain"),
    ("Federal Reserve", "Fed", "Federal Reserve Board", "Federal Reserve System"),
    ("European Community", "EC", "EEC", "European Economic Community", "European Communities"),
    ("World Bank", "International Bank for Reconstruction and Development", "IBRD"),
)
