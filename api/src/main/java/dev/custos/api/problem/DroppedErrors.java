package dev.custos.api.problem;

import io.netty.handler.timeout.ReadTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Hooks;
import reactor.netty.channel.AbortedException;

/**
 * Errors that arrive after their request has ended. A client that resets its connection while its body is still
 * being read makes one: the reset reaches a body that nobody reads any more. That is the client's choice, not a
 * failure of the service, so it is logged at debug; anything else dropped stays an error.
 */
@Component
class DroppedErrors implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    @Override
    public void afterPropertiesSet() {
        Hooks.onErrorDropped(DroppedErrors::dropped);
    }

    @Override
    public void destroy() {
        Hooks.resetOnErrorDropped();
    }

    /**
     * Whether a failure is the client going away: it aborted, reset the connection under its request, or stopped
     * sending its body for the body idle timeout (the server then cuts the connection).
     */
    static boolean clientWentAway(Throwable failure) {
        return failure instanceof AbortedException
                || AbortedException.isConnectionReset(failure)
                || failure instanceof ReadTimeoutException;
    }

    static void dropped(Throwable error) {
        if (clientWentAway(error)) {
            log.debug("A client went away while its request was read: {}", error.toString());
            return;
        }
        log.error("An error arrived after its request had ended", error);
    }
}
