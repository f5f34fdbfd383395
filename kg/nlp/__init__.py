"""The spaCy side: a syllable tokenizer and the project's own pipeline components."""
