package dev.custos.command.authority;

import java.util.UUID;

/**
 * Where a share's passcode hash is kept: one table outside the event store, written in the transaction of the
 * command that creates the grant, so the grant and its hash commit together or not at all. The hash never enters
 * an event: an event is read by every auditor and chained for good, and a readable hash lets anyone guess the
 * passcode offline.
 */
public interface PasscodeHashes {

    void keep(UUID tenantId, UUID grantId, String passcodeHash);
}
