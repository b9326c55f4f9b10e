package dev.custos.api.authority;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Share passcodes, hashed with argon2id (Spring Security's encoder on Bouncy Castle; salt and parameters live in
 * the encoded hash). Hashing is deliberately slow, so it runs off the event loop.
 */
@Component
public class Passcodes {

    private final Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    public Mono<String> hash(String passcode) {
        return Mono.fromCallable(() -> argon2.encode(passcode)).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Boolean> matches(String passcode, String hash) {
        return Mono.fromCallable(() -> argon2.matches(passcode, hash)).subscribeOn(Schedulers.boundedElastic());
    }
}
