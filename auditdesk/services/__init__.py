"""Use cases. Each public function is one unit of work: it opens a session, does the job,
commits, and returns frozen dataclasses. Callers never see a Session or an ORM object."""
