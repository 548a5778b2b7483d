-- A user created with a one-time password (printed by `spoor user create`) must choose their own
-- at first sign-in: until then their sessions may do nothing but set a new password.

ALTER TABLE dashboard_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
