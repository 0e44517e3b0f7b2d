"""legacy-xbrl: legacy plain-text financial filings to validated XBRL 2.1, xBRL-JSON and JSON-LD."""

__version__ = "0.1.0"
