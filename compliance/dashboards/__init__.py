"""Compliance dashboards and the monthly performance report (SPEC section 6), read from flags and snapshots."""
