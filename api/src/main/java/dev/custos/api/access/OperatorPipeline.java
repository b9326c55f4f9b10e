package dev.custos.api.access;

import dev.custos.api.problem.ProblemException;
import dev.custos.api.support.Commands;
import dev.custos.api.support.Ids;
import dev.custos.api.support.RequestBodies;
import dev.custos.api.tenancy.Caller;
import dev.custos.api.tenancy.RequestContext;
import dev.custos.api.tenancy.TenantContextFilter;
import dev.custos.query.access.StandingReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The one way an operator endpoint runs. From its {@link ActionSpec} it reads the caller's standing in one
 * statement (membership, roles, the object's circle), lets the gate decide (403 or 404 before anything is read or
 * sent), reads and validates the body, runs the handler's work with an {@link Action} whose commands carry the
 * action's metadata (and so write its audit row in their own transaction), answers, and meters the action.
 * A refusal sends nothing and so writes no row.
 */
@Component
public class OperatorPipeline {

    private final OperatorActions gate;
    private final StandingReader standings;
    private final RequestBodies bodies;
    private final Commands commands;
    private final MeterRegistry meters;

    public OperatorPipeline(
            OperatorActions gate,
            StandingReader standings,
            RequestBodies bodies,
            Commands commands,
            MeterRegistry meters) {
        this.gate = gate;
        this.standings = standings;
        this.bodies = bodies;
        this.commands = commands;
        this.meters = meters;
    }

    /**
     * Runs the action. The work answers the response body (or an {@link Answer} for another status, or a whole
     * {@link ServerResponse} for a streamed body); an empty
     * answer is the spec's status with no body.
     */
    public <B> Mono<ServerResponse> handle(
            ActionSpec<B> spec, ServerRequest request, Function<Action<B>, Mono<?>> work) {
        return Mono.defer(() -> {
            Timer.Sample sample = Timer.start(meters);
            return Caller.of(request)
                    .map(caller -> TenantContextFilter.claimed(request, caller))
                    .flatMap(context -> allowed(spec, request, context))
                    .flatMap(action -> work.apply(action))
                    .flatMap(result -> answer(spec, result))
                    .switchIfEmpty(Mono.defer(
                            () -> ServerResponse.status(spec.status()).build()))
                    .doOnSuccess(done -> stop(sample, spec, "done"))
                    .doOnError(failure -> stop(
                            sample,
                            spec,
                            failure instanceof ProblemException problem
                                    ? String.valueOf(problem.status().value())
                                    : "failed"));
        });
    }

    private <B> Mono<Action<B>> allowed(ActionSpec<B> spec, ServerRequest request, RequestContext context) {
        UUID objectId = spec.target().locates() ? Ids.parse(request.pathVariable("id"), "id") : null;
        return standings
                .standing(
                        context.scope(),
                        spec.role().key(),
                        context.circleId(),
                        spec.target().kind(),
                        objectId)
                .map(standing -> gate.decide(spec, context, standing, objectId))
                .flatMap(acting -> {
                    TenantContextFilter.establish(request, context);
                    return body(spec, request).map(body -> {
                        Acting decided = spec.target().mode() == Target.Mode.CREATE
                                ? gate.inCircle(
                                        context,
                                        acting.reach(),
                                        body instanceof InCircle named ? named.circleId() : null)
                                : acting;
                        return new Action<>(spec, decided, body, UUID.randomUUID(), subject(spec, decided), commands);
                    });
                });
    }

    private <B> Mono<B> body(ActionSpec<B> spec, ServerRequest request) {
        if (!spec.readsBody()) {
            return Mono.just(spec.absentBody());
        }
        return spec.absentBody() == null
                ? bodies.read(request, spec.bodyType())
                : bodies.readOptional(request, spec.bodyType(), spec.absentBody());
    }

    /** The object acted on; a new object's id is chosen here, so the audit row can name it before it exists. */
    private static UUID subject(ActionSpec<?> spec, Acting acting) {
        return switch (spec.target().mode()) {
            case OBJECT, CIRCLE -> acting.objectId();
            case TENANT -> acting.tenantId();
            case ANYWHERE, CREATE -> UUID.randomUUID();
        };
    }

    private static Mono<ServerResponse> answer(ActionSpec<?> spec, Object result) {
        if (result instanceof ServerResponse streamed) {
            // A body that is not one value (the auditor's NDJSON stream), built by the work itself.
            return Mono.just(streamed);
        }
        if (result instanceof Answer answer) {
            return ServerResponse.status(answer.status()).bodyValue(answer.body());
        }
        return ServerResponse.status(spec.status()).bodyValue(result);
    }

    private void stop(Timer.Sample sample, ActionSpec<?> spec, String outcome) {
        sample.stop(meters.timer(
                "custos.operator.actions", "method", spec.method().name(), "route", spec.path(), "outcome", outcome));
    }
}
