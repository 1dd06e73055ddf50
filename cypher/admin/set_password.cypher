// name: admin/set_password
// description: Give user neo4j a new password, on the system database. Run once by `speurnet db
// description: start` for a home whose server was made before it required a password.
// params: password
ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED
