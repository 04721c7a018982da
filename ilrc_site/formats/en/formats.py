# "4 December 2026": the day first, as the site has always written dates.
DATE_FORMAT = "j F Y"
