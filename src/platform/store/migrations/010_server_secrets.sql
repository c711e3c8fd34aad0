-- Secrets the server generates for itself on first use (e.g. the key of its CSRF
-- tokens), kept here so that every process serving the site shares them.
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
