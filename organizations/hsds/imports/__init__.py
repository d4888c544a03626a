"""HSDS 3.0 imports: read a file, validate every record, plan, then write in one go.

`read.py` turns a file into records (or one line saying why it cannot),
`validate.py` checks each against the HSDS schemas, `plan.py` decides what
each record creates, changes or is refused for, and `write.py` applies a
plan with bulk queries in one transaction.
"""
