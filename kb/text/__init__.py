"""Plain-Python language resources shared by extraction and mapping: date and figure
parsing, the place gazetteer and word lists. No spaCy here, so mapping can use them."""
