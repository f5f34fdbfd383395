"""Identity at corpus scale: which same-name mentions across articles are one person."""
