"""How to join, drawn: the QR code of a join link (segno, no network, no image files)."""


def qr_data_uri(text: str) -> str:
    """An SVG data URI that scales to any size without blurring (CSS sets the size)."""
    import segno  # only when a QR code is drawn

    return segno.make(text, error="m").svg_data_uri(scale=8, border=2)
