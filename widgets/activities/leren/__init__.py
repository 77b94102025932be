"""leren: one folder holds all the kit knows about this activity (see ``widgets.activities``)."""

ORDER = 95  # the tafel's closing step: after every other activity
