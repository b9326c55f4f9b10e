-- The tenant's longest grant and token lifetime (issue 8): 90 days unless a platform operator sets another.
-- The bounds repeat GrantLifetime's (1..3650) so that no write, whatever its path, can store a value the rule refuses.
ALTER TABLE cc_tenants
    ADD COLUMN max_grant_lifetime_days integer NOT NULL DEFAULT 90
        CONSTRAINT cc_tenants_grant_lifetime_bounds CHECK (max_grant_lifetime_days BETWEEN 1 AND 3650);
