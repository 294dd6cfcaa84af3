"""Stages 3 and 4, RDF: vocabulary namespaces, IRI minting, mapping an
:class:`~kb.models.Extraction` to triples, SHACL validation and the export writers."""
