"""Briefbot's Discord side and command line; nothing here knows FAISS."""
