"""Neighbour: an educational narrative game about rehabilitation in a Norwegian prison."""

__version__ = "0.1.0"
