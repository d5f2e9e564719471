"""SQLite storage through SQLAlchemy: models, the engine, migrations and query helpers."""
