"""CLI command groups, one module per area; registered in api/cli.py."""
