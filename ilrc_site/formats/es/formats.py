# "4 de diciembre de 2026", as Django writes Spanish dates.
DATE_FORMAT = r"j \d\e F \d\e Y"
