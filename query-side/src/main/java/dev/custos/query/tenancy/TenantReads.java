package dev.custos.query.tenancy;

import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs reads inside a transaction that first sets the tenant. The settings are transaction-local
 * ({@code set_config(..., true)}), so a pooled connection forgets them at commit and the next borrower starts
 * with no tenant, which row-level security answers with zero rows.
 */
@Component
public class TenantReads {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public TenantReads(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    public <T> Flux<T> many(TenantScope scope, Function<DatabaseClient, Flux<T>> query) {
        return transactions.execute(status -> enter(scope).thenMany(Flux.defer(() -> query.apply(database))));
    }

    public <T> Mono<T> one(TenantScope scope, Function<DatabaseClient, Mono<T>> query) {
        return many(scope, db -> query.apply(db).flux()).next();
    }

    private Mono<Void> enter(TenantScope scope) {
        return database.sql("SELECT set_config('app.tenant_id', :tenant, true), "
                        + "set_config('app.individual_id', :individual, true)")
                .bind("tenant", scope.tenantId().toString())
                .bind(
                        "individual",
                        scope.individualId() == null ? "" : scope.individualId().toString())
                .then();
    }
}
