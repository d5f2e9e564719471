"""Board exports: report data in, xlsx or pdf out. No Qt, no SQL: the services hand over
plain frozen figures (:mod:`auditdesk.domain.board_figures`) and row iterators."""
