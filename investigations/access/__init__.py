"""Lawful use: users, roles, policy, audit log, pseudonyms, source filters, retention."""
