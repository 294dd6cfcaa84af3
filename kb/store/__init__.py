"""The knowledge base: the embedded pyoxigraph store, named queries, query results,
remote SPARQL endpoints and pushing to them."""
