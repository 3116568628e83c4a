"""factdb: track quantitative claims across news sources over time."""

__version__ = "0.1.0"
