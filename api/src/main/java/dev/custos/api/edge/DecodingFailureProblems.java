package dev.custos.api.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * Netty answers what it cannot decode (a request line past {@code server.netty.max-initial-line-length}, headers
 * past their limit) itself, with an empty 4xx, before any Spring code runs. This handler, right behind Netty's HTTP
 * codec, gives such answers a problem body, so that every error the service sends is an RFC 9457 problem.
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureProblems {

    private static final ChannelHandler PROBLEMS = new EmptyErrorsAsProblems();

    @Bean
    NettyServerCustomizer decodingFailuresAsProblems() {
        return server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "custos.emptyErrorsAsProblems", PROBLEMS);
            }
        });
    }

    @ChannelHandler.Sharable
    static final class EmptyErrorsAsProblems extends ChannelOutboundHandlerAdapter {

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response
                    && response.status().code() >= 400
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                int status = response.status().code();
                byte[] body = ("{\"type\":\"about:blank\",\"title\":\""
                                + response.status().reasonPhrase() + "\",\"status\":" + status
                                + ",\"detail\":\"The request could not be read\"}")
                        .getBytes(StandardCharsets.UTF_8);
                FullHttpResponse problem = response.replace(Unpooled.wrappedBuffer(body));
                problem.headers()
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                response.release();
                context.write(problem, promise);
                return;
            }
            context.write(message, promise);
        }
    }
}
