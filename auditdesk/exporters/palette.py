"""Okabe and Ito's colour-blind-safe palette, shared by the workbook's charts and the Board
pack, so a grade has the same colour everywhere. Colour is never the only cue: every chart
also labels its values."""

from __future__ import annotations

ORANGE = "E69F00"
SKY_BLUE = "56B4E9"
BLUISH_GREEN = "009E73"
YELLOW = "F0E442"
BLUE = "0072B2"
VERMILLION = "D55E00"
REDDISH_PURPLE = "CC79A7"
BLACK = "000000"
GREY = "7F7F7F"

#: Outstanding, Good, Requires improvement, Inadequate (GRADES_BEST_FIRST order).
GRADE_COLOURS = (BLUE, SKY_BLUE, ORANGE, VERMILLION)
#: Delivered, partly delivered, not delivered, no evidence.
DELIVERY_COLOURS = (BLUISH_GREEN, ORANGE, VERMILLION, REDDISH_PURPLE)
#: The headline measure (% good or better, % meeting the standard).
MEASURE = BLUE
