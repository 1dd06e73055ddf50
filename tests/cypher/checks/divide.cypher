// name: checks/divide
// description: A read that fails when $by is 0 (division by zero), to test recovery from an error.
// params: by
RETURN 1 / $by AS x
