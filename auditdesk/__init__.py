"""AuditDesk: offline quality assurance of EHC plans and SEND provision."""

__version__ = "0.1.0"
APP_NAME = "AuditDesk"
