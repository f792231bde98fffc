-- Failed sign-ins at the embedded issuer (seed 000 Art 15.1c: alerts on abnormal logins). Kept in tables so that a
-- restart does not hand an attacker a fresh set of tries.
-- Per account: consecutive failures since the last successful sign-in, and the lock they earned.
CREATE TABLE signin_account_failure (
  username        VARCHAR(64) PRIMARY KEY,   -- as typed, lower case (an unknown name is counted alike)
  failures        INT NOT NULL,
  last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_until    TIMESTAMP WITH TIME ZONE
);
-- Per client address: failures within the current window, and the block they earned.
CREATE TABLE signin_address_failure (
  address         VARCHAR(64) PRIMARY KEY,
  window_start    TIMESTAMP WITH TIME ZONE NOT NULL,
  failures        INT NOT NULL,
  blocked_until   TIMESTAMP WITH TIME ZONE
);
