"""Page views: what each page section draws.

View layer: one module per page turning widget values into everything its sections draw (no streamlit).
"""
