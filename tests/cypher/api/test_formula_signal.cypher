// name: api/test_formula_signal
// description: Test fixture: a signal whose category looks like a spreadsheet formula (as a
// description: typed-in text could), to prove exports make it inert.
MATCH (s:Signal {signalId: 'M2'})
SET s.category = '=HYPERLINK("http://x")'
RETURN s.signalId AS id
