"""detente: news articles in, coded political events out."""

__version__ = "0.1.0"
