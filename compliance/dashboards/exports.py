"""Every dashboard table as CSV, built from the same figures (and so the same filters) as the page."""
from organisation.spreadsheets import csv_response


def matrix_csv(matrix, filename):
    """One line per row and standard: what the cell shows, with the counts behind it."""
    header = ["Row", "Standard", "Applies to", "Compliant", "In breach", "% compliant", "Rating"]
    rows = []
    for row in [*matrix.rows, *matrix.totals, matrix.overall]:
        for cell in row.cells:
            c = cell.compliance
            rows.append([row.label, cell.rule.code, c.population, c.compliant, c.breaches, c.percent, c.rating.label])
    return csv_response(filename, header, rows)


def trends_csv(trends, filename):
    header = ["Standard", "Series", "Month", "Applies to", "In breach", "% compliant"]
    rows = [
        [trend.rule.code, series.name, f"{month:%Y-%m}", point and point.population, point and point.breaches,
         point and point.percent]
        for trend in trends
        for series in trend.series
        for month, point in zip(trend.months, series.points, strict=True)
    ]
    return csv_response(filename, header, rows)


def breaches_csv(flags, today, filename):
    header = ["Standard", "About", "Identifier", "Name", "Category", "Team", "Worker", "Standard last met", "Days"]
    rows = []
    for flag in flags:
        if flag.kind == "child":
            child = flag.child
            about = ["Child", child.local_id, child.full_name, child.get_category_display(), child.team.name,
                     child.worker and str(child.worker)]
        elif flag.kind == "staff":
            about = ["Staff member", flag.staff.username, str(flag.staff), "", flag.staff.team and flag.staff.team.name,
                     str(flag.staff)]
        else:
            about = ["Team", "", flag.team.name, "", flag.team.name, ""]
        rows.append([flag.rule, *about, flag.due_since.isoformat(), flag.days_open(today)])
    return csv_response(filename, header, rows)


def report_csv(report, lines, filename, leadership_teams=None):
    months = report.figures["months"]
    header = ["Measure", "Unit", *[m[:7] for m in months], "Change on the month before", "Rating", "Trend"]
    rows = [
        [
            line.measure.label, "%" if line.measure.unit == "percent" else line.measure.unit, *line.series,
            line.change, line.compliance.rating.label if line.compliance else "",
            line.direction.label if line.direction else "",
        ]
        for line in lines
    ]
    invented = set(report.figures.get("demonstration_months", []))
    if invented:
        rows.append(["Source of the figures", "",
                     *["demonstration history (invented by the demo)" if m in invented else "the records"
                       for m in months], "", "", ""])
    if leadership_teams is not None:
        # W 6, by team: the report's month only, after a blank row.
        rows.append([])
        rows.append([f"Visible leadership in {months[-1][:7]}: team", "Office visits", "Team meetings attended",
                     "Briefings"])
        rows.extend(list(team) for team in leadership_teams)
    return csv_response(filename, header, rows)
