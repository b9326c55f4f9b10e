package dev.custos.api.authority;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.custos.command.legal.HoldRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A share's early look at the holds: a share makes a grant before its scope, so it asks the scope's question first
 * and a refused share leaves nothing behind. The answer that counts is the scope command's own, taken under the
 * tenant's hold lock; this one only spares the common case a scope-less grant.
 */
@Component
class SharingHolds {

    private final HoldRegistry holds;
    private final TransactionTemplate readOnly;

    SharingHolds(HoldRegistry holds, PlatformTransactionManager transactions) {
        this.holds = holds;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Fails with the scope command's own 409 when an active restrict_sharing hold covers the object. */
    Mono<Void> requireShareable(UUID tenantId, String objectType, UUID objectId) {
        return Mono.<Void>fromRunnable(() -> readOnly.executeWithoutResult(
                        status -> holds.requireShareable(tenantId, objectType, objectId)))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
