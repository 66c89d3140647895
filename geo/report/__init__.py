"""The output side of newsmap: what every rendering shares. Today the escaping boundary
(:mod:`geo.report.safe`); the writers move here as the one typed view of a result grows."""
