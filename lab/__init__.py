"""Streamlit glue of the Estimation Lab: page shell, URL parameters and strings.

Everything here may import streamlit; nothing here computes mathematics (that
is :mod:`estimation`).
"""
