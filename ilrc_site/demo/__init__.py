"""Demo content: the organisation's real home page (see README), recreated."""
