-- Account requests that send an e-mail or cost a password hash (password reset, sign-up,
-- a new confirmation link), counted per e-mail and per client address so that each can
-- be rate-limited like logins (login_attempts). subject is "email:…" or "ip:…".
CREATE TABLE account_limits (
  id {{pk}},
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX account_limits_subject ON account_limits (action, subject, at);
