"""The jobs that run the stages end to end: ``kb export`` and ``kb add`` (read →
extract → map → validate → write or store), in one process or several."""
