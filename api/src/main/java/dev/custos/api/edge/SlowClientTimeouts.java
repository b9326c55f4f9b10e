package dev.custos.api.edge;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * Bounds what a client may hold without sending: a connection whose request headers are not complete within
 * {@code custos.http.header-timeout} of its start (or of the previous response) is closed, however slowly it
 * trickles bytes; a request body that sends nothing for {@code custos.http.body-idle-timeout} is cut. Neither
 * bounds a body whose bytes keep coming, nor an answer being written (the audit stream writes as the client reads).
 */
@Configuration(proxyBeanMethods = false)
class SlowClientTimeouts {

    @Bean
    NettyServerCustomizer headerDeadlineAndBodyIdleTimeout(
            @Value("${custos.http.header-timeout}") Duration headerTimeout,
            @Value("${custos.http.body-idle-timeout}") Duration bodyIdleTimeout) {
        long headerNanos = headerTimeout.toNanos();
        return server -> server.readTimeout(bodyIdleTimeout).doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(NettyPipeline.HttpCodec, "custos.headerDeadline", new HeaderDeadline(headerNanos));
            }
        });
    }

    /**
     * The deadline for a request's headers, right behind the HTTP codec, which hands on a request only once its
     * headers are complete. It runs while no request is being answered: from the connection's start, and again
     * from each final response (so it also ends a kept-alive connection left idle). One per connection, and only
     * ever touched on its event loop.
     */
    static final class HeaderDeadline extends ChannelDuplexHandler {

        private final long timeoutNanos;
        private ScheduledFuture<?> deadline;
        /** Requests read whose final response has not been written yet (pipelining may make it more than one). */
        private int answering;

        private boolean expired;

        HeaderDeadline(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext context) {
            if (context.channel().isActive()) {
                arm(context);
            }
        }

        @Override
        public void channelActive(ChannelHandlerContext context) {
            arm(context);
            context.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (expired) {
                // The codec's "closed before the headers were received", made when this deadline closed the
                // connection: nothing to answer, and not worth a warning per slow client.
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest) {
                answering++;
                disarm();
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            boolean interim = message instanceof HttpResponse response
                    && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (message instanceof LastHttpContent && !interim && answering > 0 && --answering == 0) {
                arm(context);
            }
            context.write(message, promise);
        }

        @Override
        public void channelInactive(ChannelHandlerContext context) {
            disarm();
            context.fireChannelInactive();
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext context) {
            disarm();
        }

        private void arm(ChannelHandlerContext context) {
            disarm();
            deadline = context.executor()
                    .schedule(
                            () -> {
                                if (answering == 0) {
                                    expired = true;
                                    context.close();
                                }
                            },
                            timeoutNanos,
                            TimeUnit.NANOSECONDS);
        }

        private void disarm() {
            if (deadline != null) {
                deadline.cancel(false);
                deadline = null;
            }
        }
    }
}
