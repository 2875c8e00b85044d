"""Reports for coordinators and funders: counts, breakdowns, charts, CSV and PDF exports."""
