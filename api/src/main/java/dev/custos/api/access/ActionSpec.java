package dev.custos.api.access;

import dev.custos.query.access.ObjectKind;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * What an operator endpoint is: its route, the role it needs, what it acts on, the body it reads, the status it
 * answers with, its audit action key and subject type ({@code null}: not audited) and whether it is billable.
 * A handler declares one and hands it to {@link OperatorPipeline#handle}; it never checks a role, reads a body or
 * writes an audit row itself.
 *
 * @param absentBody the body when the request sends none, for an optional body; {@code null}: a body is required
 */
public record ActionSpec<B>(
        HttpMethod method,
        String path,
        RequiredRole role,
        Target target,
        Class<B> bodyType,
        B absentBody,
        HttpStatus status,
        String auditKey,
        String subjectType,
        boolean billable) {

    public ActionSpec {
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        Objects.requireNonNull(role);
        Objects.requireNonNull(target);
        Objects.requireNonNull(bodyType);
        Objects.requireNonNull(status);
        if ((auditKey == null) != (subjectType == null)) {
            throw new IllegalArgumentException("an audited action names both its key and its subject type");
        }
        if (billable && auditKey == null) {
            throw new IllegalArgumentException("a billable action is audited");
        }
    }

    public static ActionSpec<NoBody> get(String path, RequiredRole role) {
        return new ActionSpec<>(
                HttpMethod.GET,
                path,
                role,
                Target.ANYWHERE,
                NoBody.class,
                NoBody.NONE,
                HttpStatus.OK,
                null,
                null,
                false);
    }

    public static ActionSpec<NoBody> post(String path, RequiredRole role) {
        return new ActionSpec<>(
                HttpMethod.POST,
                path,
                role,
                Target.ANYWHERE,
                NoBody.class,
                NoBody.NONE,
                HttpStatus.OK,
                null,
                null,
                false);
    }

    public static ActionSpec<NoBody> delete(String path, RequiredRole role) {
        return new ActionSpec<>(
                HttpMethod.DELETE,
                path,
                role,
                Target.ANYWHERE,
                NoBody.class,
                NoBody.NONE,
                HttpStatus.OK,
                null,
                null,
                false);
    }

    /** Creates an object (answering 201): see {@link Target.Mode#CREATE}. */
    public ActionSpec<B> creating() {
        return new ActionSpec<>(
                method,
                path,
                role,
                Target.CREATE,
                bodyType,
                absentBody,
                HttpStatus.CREATED,
                auditKey,
                subjectType,
                billable);
    }

    public ActionSpec<B> on(ObjectKind kind) {
        return with(Target.object(kind));
    }

    public ActionSpec<B> onTenant() {
        return with(Target.TENANT);
    }

    public ActionSpec<B> onCircle() {
        return with(Target.CIRCLE);
    }

    /** Reads a required JSON body of this type. */
    public <T> ActionSpec<T> body(Class<T> type) {
        return new ActionSpec<>(method, path, role, target, type, null, status, auditKey, subjectType, billable);
    }

    /** Reads an optional JSON body: {@code absent} when the request sends none. */
    public <T> ActionSpec<T> optionalBody(Class<T> type, T absent) {
        return new ActionSpec<>(
                method,
                path,
                role,
                target,
                type,
                Objects.requireNonNull(absent),
                status,
                auditKey,
                subjectType,
                billable);
    }

    public ActionSpec<B> answers(HttpStatus answer) {
        return new ActionSpec<>(
                method, path, role, target, bodyType, absentBody, answer, auditKey, subjectType, billable);
    }

    /** Writes one audit row per action, under this action key, about a subject of this type. */
    public ActionSpec<B> audited(String key, String subject) {
        return new ActionSpec<>(
                method,
                path,
                role,
                target,
                bodyType,
                absentBody,
                status,
                Objects.requireNonNull(key),
                Objects.requireNonNull(subject),
                billable);
    }

    /** Also records a usage event. */
    public ActionSpec<B> charged() {
        return new ActionSpec<>(method, path, role, target, bodyType, absentBody, status, auditKey, subjectType, true);
    }

    /** Whether the request's body is read at all. */
    boolean readsBody() {
        return bodyType != NoBody.class;
    }

    private ActionSpec<B> with(Target newTarget) {
        return new ActionSpec<>(
                method, path, role, newTarget, bodyType, absentBody, status, auditKey, subjectType, billable);
    }
}
