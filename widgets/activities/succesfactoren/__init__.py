"""succesfactoren: one folder holds all the kit knows about this activity (see ``widgets.activities``)."""

ORDER = 55
