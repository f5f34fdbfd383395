"""Input formats beyond one text file per article: saved web pages (``html``) and files of
article records, JSON Lines and CSV (``records``); ``given`` turns the metadata they state into
values the graph records as given."""
