"""HTTP routes, thin: validate, call one function, return."""
