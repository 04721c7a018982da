"""Email alerts for any view of the library: signing up with double opt-in, the emails
sent, unsubscribing, and what staff may see (models in publications/models/alerts.py)."""
