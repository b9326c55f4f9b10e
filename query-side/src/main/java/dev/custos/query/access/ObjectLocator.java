package dev.custos.query.access;

import dev.custos.query.tenancy.TenantReads;
import dev.custos.query.tenancy.TenantScope;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds the circle of an object the caller can see; empty when it does not exist, is elsewhere, or is hidden. */
@Component
public class ObjectLocator {

    private final TenantReads reads;

    public ObjectLocator(TenantReads reads) {
        this.reads = reads;
    }

    public Mono<Located> locate(TenantScope scope, ObjectKind kind, UUID id) {
        return reads.one(
                scope,
                db -> db.sql("SELECT circle FROM custos_object_circle($1, $2) WHERE located")
                        .bind(0, kind.key())
                        .bind(1, id)
                        .map(row -> new Located(kind, id, row.get("circle", UUID.class)))
                        .first());
    }
}
