"""The neighbourhood picture: figures per CBS buurt and period, from the graph and from
`buurt_cijfers.csv`, with small counts suppressed, hotspots tested and charts drawn."""
