"""legacy-xbrl: legacy plain-text financial filings to validated XBRL 2.1, xBRL-JSON and JSON-LD.

The Python API (``converter.api``)::

    import converter
    conversion = converter.convert_file("samples/iij-2002-08-1q02-results-slides.txt")
    rows = conversion.facts_rows()
    conversion.write("out/slides.xbrl")
"""

__version__ = "0.1.0"

# After __version__: the command line, which the API builds on, imports it from here.
from converter.api import (
    FACT_COLUMNS,
    OUTPUT_FORMATS,
    Conversion,
    ConversionError,
    convert_documents,
    convert_file,
    convert_text,
)

__all__ = [
    "FACT_COLUMNS",
    "OUTPUT_FORMATS",
    "Conversion",
    "ConversionError",
    "__version__",
    "convert_documents",
    "convert_file",
    "convert_text",
]
