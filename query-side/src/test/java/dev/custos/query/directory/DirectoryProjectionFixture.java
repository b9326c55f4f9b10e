package dev.custos.query.directory;

import dev.custos.events.directory.CircleCreated;
import dev.custos.events.directory.CircleMemberAdded;
import dev.custos.events.directory.TenantCreated;
import dev.custos.events.directory.TenantMemberAdded;
import dev.custos.query.tenancy.TenantWrites;

/** The directory projection for tests of other packages, which need a directory to read against. */
public final class DirectoryProjectionFixture {

    private final DirectoryProjection projection;

    public DirectoryProjectionFixture(TenantWrites writes) {
        this.projection = new DirectoryProjection(writes);
    }

    public void on(TenantCreated event) {
        projection.on(event);
    }

    public void on(TenantMemberAdded event) {
        projection.on(event);
    }

    public void on(CircleCreated event) {
        projection.on(event);
    }

    public void on(CircleMemberAdded event) {
        projection.on(event);
    }
}
