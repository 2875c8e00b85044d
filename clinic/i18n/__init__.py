"""What the applicant reads, in the applicant's language (Flask-Babel), with English beneath.

`languages` lists the languages printables come in and reads the interview's answer;
`words` holds sentences that render in any of them (`say`) and the dates and dollars inside.
The catalogues are `clinic/translations/<code>/LC_MESSAGES/messages.po`, compiled by `make`.
"""
