"""The intake interview: sections, their forms and answers, and facts_from_case()."""
