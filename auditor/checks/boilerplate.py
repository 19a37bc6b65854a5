"""Boilerplate rules (B...): scrape debris that is not part of the article."""
