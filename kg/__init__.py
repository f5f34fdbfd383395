"""vnkg: a knowledge-graph builder for Vietnamese political and government news.

The flow reads top to bottom: read → normalise → annotate (spaCy) → resolve → RDF →
store / query / visualise. Each step is a module named for what it does.
"""

__version__ = "0.1.0"
