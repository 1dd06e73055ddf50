"""Scores with reasons: flags combined with weights calibrated on case outcomes, the exports of
addresses, persons and companies, and the bias monitor.

`model` holds the pure scoring and calibration, `steps` the analysis step (order 90), `export`
the three exports and `monitor` the score distributions per neighbourhood and against outcomes.
"""
