# Day and month need the genitive month name ("31 октября", not "31 Октябрь"); Django's
# own format uses the nominative. "E" is the genitive form in these languages.
MONTH_DAY_FORMAT = "j E"
