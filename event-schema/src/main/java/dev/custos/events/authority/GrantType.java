package dev.custos.events.authority;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who a share is for: the one list of grant types. The API validates with {@link #PATTERN} (an annotation needs a
 * constant, so it is spelled out, and {@code GrantTypeTest} holds it to this list), the grant aggregate refuses any
 * other type, and the database's CHECK on {@code cc_authority_access_grants.grant_type} is held to it by
 * {@code GrantTypeCheckIT}.
 */
public enum GrantType {
    ADJUSTER("adjuster"),
    INSURER("insurer"),
    REGULATOR("regulator"),
    LEGAL("legal"),
    CONTRACTOR_THIRD_PARTY("contractor_third_party"),
    GENERIC("generic");

    /** The keys as one regular expression, for request validation. */
    public static final String PATTERN = "adjuster|insurer|regulator|legal|contractor_third_party|generic";
    /** What a request is told when its type is none of them. */
    public static final String MESSAGE =
            "must be one of adjuster, insurer, regulator, legal, contractor_third_party, " + "generic";

    private final String key;

    GrantType(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<GrantType> of(String key) {
        return Arrays.stream(values()).filter(type -> type.key.equals(key)).findFirst();
    }
}
