"""Sending and receiving audit bundles, and settling conflicts."""
