package dev.custos.events.legal;

import java.util.UUID;

import dev.custos.events.operator.OperatorAction;

/** An operator action on a legal hold: the hold is the audited subject. */
public interface LegalHoldAction extends OperatorAction {

    UUID holdId();

    @Override
    default String subjectType() {
        return "legal_hold";
    }

    @Override
    default UUID subjectId() {
        return holdId();
    }
}
