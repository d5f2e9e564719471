"""The audit editor: navigator, questions, live grades; every change saved as it is made."""
