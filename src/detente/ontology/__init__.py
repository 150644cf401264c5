"""The CAMEO/PLOVER ontology: CAMEO event codes with labels, Goldstein values, quad classes and PLOVER types.

>>> from detente.ontology import load_ontology
>>> load_ontology().get("042").plover
'CONSULT'
"""

from __future__ import annotations

from .cameo import (
    CameoCode,
    Ontology,
    UnknownCodeError,
    fold_plover,
    load_ontology,
    parse_cameo_table,
)

__all__ = [
    "CameoCode",
    "Ontology",
    "UnknownCodeError",
    "fold_plover",
    "load_ontology",
    "parse_cameo_table",
]
