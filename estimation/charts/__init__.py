"""Pure chart builders: functions of data returning ``altair.Chart`` objects.

They import altair (never streamlit) so they can be unit-tested and exported
(PNG/SVG via vl-convert) without a running app.
"""
