"""Entity views, neighbourhoods, paths and search, as the API and pages show them."""
