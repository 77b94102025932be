"""openvraag: one folder holds all the kit knows about this activity (see ``widgets.activities``)."""

ORDER = 5  # a tafel can open with it: before the palette
