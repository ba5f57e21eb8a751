"""Amounts in kroner, written the Danish way (5.900.000 kr.) in both languages'
pages: the figures are Danish public money, and a reader copies them as such."""


def kroner(value):
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".") + " kr."
