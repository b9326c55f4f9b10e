package dev.custos.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custos.walkthrough.client.ApiClient;
import dev.custos.walkthrough.client.ApiException;
import dev.custos.walkthrough.client.api.AuditApi;
import dev.custos.walkthrough.client.api.AuthorityApi;
import dev.custos.walkthrough.client.api.DirectoryApi;
import dev.custos.walkthrough.client.api.EmergencyApi;
import dev.custos.walkthrough.client.api.EvidenceApi;
import dev.custos.walkthrough.client.api.InsuranceApi;
import dev.custos.walkthrough.client.api.LegalApi;
import dev.custos.walkthrough.client.api.OperatorApi;
import dev.custos.walkthrough.client.api.PortalApi;
import dev.custos.walkthrough.client.model.AddMemberRequest;
import dev.custos.walkthrough.client.model.AddScopeRequest;
import dev.custos.walkthrough.client.model.AddTargetRequest;
import dev.custos.walkthrough.client.model.AssignRoleRequest;
import dev.custos.walkthrough.client.model.BundleView;
import dev.custos.walkthrough.client.model.Checkpoint;
import dev.custos.walkthrough.client.model.CheckpointsResponse;
import dev.custos.walkthrough.client.model.ClaimView;
import dev.custos.walkthrough.client.model.CreateBundleRequest;
import dev.custos.walkthrough.client.model.CreateGrantRequest;
import dev.custos.walkthrough.client.model.CreateTenantRequest;
import dev.custos.walkthrough.client.model.DossierAnswer;
import dev.custos.walkthrough.client.model.EmergencyRunView;
import dev.custos.walkthrough.client.model.EvidenceReference;
import dev.custos.walkthrough.client.model.EvidenceSummary;
import dev.custos.walkthrough.client.model.ExchangeRequest;
import dev.custos.walkthrough.client.model.ExportAnswer;
import dev.custos.walkthrough.client.model.GrantView;
import dev.custos.walkthrough.client.model.Index;
import dev.custos.walkthrough.client.model.IndexBundle;
import dev.custos.walkthrough.client.model.IssuedToken;
import dev.custos.walkthrough.client.model.LegalHoldState;
import dev.custos.walkthrough.client.model.Line;
import dev.custos.walkthrough.client.model.MemberResponse;
import dev.custos.walkthrough.client.model.OpenClaimRequest;
import dev.custos.walkthrough.client.model.OperatorEventView;
import dev.custos.walkthrough.client.model.OperatorEventsResponse;
import dev.custos.walkthrough.client.model.PlaceHoldRequest;
import dev.custos.walkthrough.client.model.RoleAssignmentView;
import dev.custos.walkthrough.client.model.RolesResponse;
import dev.custos.walkthrough.client.model.ScopeResponse;
import dev.custos.walkthrough.client.model.SessionResponse;
import dev.custos.walkthrough.client.model.ShareAnswer;
import dev.custos.walkthrough.client.model.ShareRequest;
import dev.custos.walkthrough.client.model.StartRunRequest;
import dev.custos.walkthrough.client.model.Target;
import dev.custos.walkthrough.client.model.TenantResponse;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's whole walkthrough (tenant, members, roles, evidence, bundle, hold, share, portal read, run, claim,
 * dossier, export, audit) through a client generated from {@code docs/openapi.json} only, against
 * {@code ./custos run}: what the document says is what a client gets, or this fails.
 *
 * <p>The client reads strictly: a field the document does not name, or a second JSON value after the first, is an
 * error, so an answer that outgrew its schema is caught too.
 */
@ExtendWith(RunningCustosExtension.class)
class GeneratedClientWalkthroughIT {

    private static final String HEX_SHA256 = "[0-9a-f]{64}";

    private RunningCustos custos;

    @TempDir
    Path workDir;

    @Test
    void theReadmeWalkthroughRunsThroughTheGeneratedClient(RunningCustos running) throws Exception {
        this.custos = running;
        UUID operatorId = UUID.randomUUID();
        UUID memberId = UUID.randomUUID();
        ApiClient admin = client(bearer(custos.token(UUID.randomUUID().toString(), true)));
        Consumer<HttpRequest.Builder> operatorBearer = bearer(custos.token(operatorId.toString(), false));
        ApiClient operator = client(operatorBearer);

        // A platform admin creates a tenant; its first operator adds a member and gives them legal_operator.
        TenantResponse tenant = new DirectoryApi(admin)
                .createTenant(new CreateTenantRequest().name("Acme Mutual").firstOperatorIndividualId(operatorId));
        assertThat(tenant.getName()).isEqualTo("Acme Mutual");
        UUID tenantId = tenant.getTenantId();
        assertThat(tenantId).isNotNull();
        MemberResponse member = new DirectoryApi(operator)
                .addTenantMember(
                        tenantId, new AddMemberRequest().individualId(memberId).displayName("Mia Legal"), null, null);
        assertThat(member.getIndividualId()).isEqualTo(memberId);
        assertThat(member.getTenantId()).isEqualTo(tenantId);
        OperatorApi operatorApi = new OperatorApi(operator);
        RoleAssignmentView miaLegal = operatorApi.assignOperatorRole(
                tenantId,
                new AssignRoleRequest()
                        .roleKey(AssignRoleRequest.RoleKeyEnum.LEGAL_OPERATOR)
                        .individualId(memberId),
                null,
                null);
        assertThat(miaLegal.getRoleKey()).isEqualTo(RoleAssignmentView.RoleKeyEnum.LEGAL_OPERATOR);
        assertThat(miaLegal.getIndividualId()).isEqualTo(memberId);

        RolesResponse roles = operatorApi.listOperatorRoles(tenantId, null, null, null, null);
        assertThat(roles.getAssignments()).extracting(RoleAssignmentView::getId).contains(miaLegal.getId());
        OperatorEventsResponse assignments =
                operatorApi.listOperatorEvents(tenantId, null, null, "role_assign", null, null, null, null, null, null);
        assertThat(assignments.getEvents())
                .isNotEmpty()
                .extracting(OperatorEventView::getActionKey)
                .containsOnly("role_assign");

        // Evidence: upload, seal, bundle, hold.
        for (String role : List.of("legal_operator", "emergency_operator", "insurance_operator")) {
            assertThat(operatorApi
                            .assignOperatorRole(
                                    tenantId,
                                    new AssignRoleRequest()
                                            .roleKey(AssignRoleRequest.RoleKeyEnum.fromValue(role))
                                            .individualId(operatorId),
                                    null,
                                    null)
                            .getRoleKey()
                            .getValue())
                    .isEqualTo(role);
        }
        byte[] readme = Files.readAllBytes(custos.checkout().resolve("README.md"));
        EvidenceSummary evidence = upload(operatorBearer, tenantId, readme, "Readme", null);
        assertThat(evidence.getTitle()).isEqualTo("Readme");
        assertThat(evidence.getContentBytes()).isEqualTo(readme.length);
        assertThat(evidence.getContentSha256()).isEqualTo(sha256(readme));
        EvidenceApi evidenceApi = new EvidenceApi(operator);
        assertThat(evidenceApi
                        .sealEvidence(evidence.getId(), tenantId, null, null)
                        .getSealedAt())
                .isNotNull();

        BundleView bundle = evidenceApi.createBundle(
                tenantId,
                new CreateBundleRequest().title("Claim 7").evidenceIds(List.of(evidence.getId())),
                null,
                null);
        BundleView sealedBundle = evidenceApi.sealBundle(bundle.getId(), tenantId, null, null);
        assertThat(sealedBundle.getEvidenceIds()).containsExactly(evidence.getId());
        assertThat(sealedBundle.getSealedAt()).isNotNull();
        assertThat(sealedBundle.getManifestSha256())
                .isEqualTo(sha256(sealedBundle.getManifestJson().getBytes(StandardCharsets.UTF_8)));

        LegalApi legalApi = new LegalApi(operator);
        LegalHoldState hold = legalApi.placeLegalHold(
                tenantId, new PlaceHoldRequest().title("Smith v. Acme").reason("litigation expected"), null, null);
        LegalHoldState held = legalApi.addLegalHoldTarget(
                hold.getId(),
                tenantId,
                new AddTargetRequest()
                        .targetType(AddTargetRequest.TargetTypeEnum.EVIDENCE_OBJECT)
                        .targetId(evidence.getId()),
                null,
                null);
        assertThat(held.getTargets()).extracting(Target::getTargetId).containsExactly(evidence.getId());
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> evidenceApi.destroyEvidence(evidence.getId(), tenantId, null, null));
        assertThat(refused).as("destroying held evidence").isNotNull();
        assertThat(refused.getCode()).isEqualTo(409);

        // Share the sealed bundle with an adjuster, and read it as the adjuster would.
        AuthorityApi authorityApi = new AuthorityApi(operator);
        GrantView grant = authorityApi.createGrant(
                tenantId,
                new CreateGrantRequest()
                        .grantType(CreateGrantRequest.GrantTypeEnum.ADJUSTER)
                        .title("Claim 7")
                        .expiresAt(inSevenDays())
                        .maxViews(10),
                null,
                null);
        assertThat(grant.getGrantType()).isEqualTo(GrantView.GrantTypeEnum.ADJUSTER);
        ScopeResponse scope = authorityApi.addScope(
                grant.getId(),
                tenantId,
                new AddScopeRequest()
                        .scopeType(AddScopeRequest.ScopeTypeEnum.EVIDENCE_BUNDLE)
                        .scopeId(bundle.getId()),
                null,
                null);
        assertThat(scope.getGrantId()).isEqualTo(grant.getId());
        IssuedToken shareToken = authorityApi.issueToken(grant.getId(), tenantId, null, null, null);
        assertThat(shareToken.getShareUrl()).contains("#token=");
        Index adjusterIndex = portalIndex(shareToken.getToken());
        assertThat(adjusterIndex.getBundles())
                .extracting(IndexBundle::getBundleId, IndexBundle::getManifestSha256)
                .contains(tuple(bundle.getId(), sealedBundle.getManifestSha256()));

        // An emergency run, its record pack shared in one call, and the adjuster's index with the pack.
        EmergencyApi emergencyApi = new EmergencyApi(operator);
        EmergencyRunView run = emergencyApi.startEmergencyRun(
                tenantId,
                new StartRunRequest().runType("flood").title("Basement flood").clientRequestId("flood-1"),
                null,
                null);
        assertThat(run.getRunType()).isEqualTo("flood");
        EvidenceSummary capture = upload(operatorBearer, tenantId, readme, "Site notes", run.getId());
        BundleView pack = emergencyApi.generateRunRecordPack(run.getId(), tenantId, null, null);
        assertThat(pack.getEvidenceIds()).contains(capture.getId());
        assertThat(pack.getSealedAt()).isNotNull();
        ShareAnswer runShare = emergencyApi.shareRunWithAuthority(
                run.getId(),
                tenantId,
                new ShareRequest()
                        .grantType(ShareRequest.GrantTypeEnum.ADJUSTER)
                        .title("Basement flood")
                        .expiresAt(inSevenDays()),
                null,
                null);
        assertThat(runShare.getShareUrl()).startsWith(custos.baseUri()).contains("#token=");
        Index runIndex = portalIndex(
                runShare.getShareUrl().substring(runShare.getShareUrl().indexOf("#token=") + 7));
        assertThat(runIndex.getBundles()).extracting(IndexBundle::getBundleId).contains(pack.getId());

        // A claim with the first evidence, its dossier, and the dossier exported as a bag.
        InsuranceApi insuranceApi = new InsuranceApi(operator);
        ClaimView claim = insuranceApi.openClaim(
                tenantId,
                new OpenClaimRequest()
                        .claimNumber("CLM-7")
                        .policyRef("POL-1")
                        .lossDate(LocalDate.of(2026, 11, 20))
                        .title("Basement flood"),
                null,
                null);
        assertThat(claim.getClaimNumber()).isEqualTo("CLM-7");
        ClaimView withEvidence = insuranceApi.attachClaimEvidence(
                claim.getId(), tenantId, new EvidenceReference().evidenceId(evidence.getId()), null, null);
        assertThat(withEvidence.getEvidenceCount()).isEqualTo(1);
        DossierAnswer dossier = insuranceApi.assembleClaimDossier(claim.getId(), tenantId, null, null);
        assertThat(dossier.getClaimId()).isEqualTo(claim.getId());
        assertThat(dossier.getDossierSha256())
                .isEqualTo(sha256(dossier.getDossierJson().getBytes(StandardCharsets.UTF_8)));
        ExportAnswer export = insuranceApi.exportDossier(dossier.getId(), tenantId, null, null);
        assertThat(export.getSha256()).matches(HEX_SHA256);
        assertThat(export.getBytes()).isPositive();
        assertThat(export.getUrl()).isNotBlank();

        // The auditor: sign the head now, fetch the checkpoints and the stream.
        AuditApi auditApi = new AuditApi(operator);
        Checkpoint signed = auditApi.signAuditCheckpoint(tenantId, null, null);
        assertThat(signed.getSignature()).isNotBlank();
        CheckpointsResponse checkpoints = auditApi.auditCheckpoints(tenantId, null, null, null, null);
        assertThat(checkpoints.getTenantId()).isEqualTo(tenantId);
        assertThat(checkpoints.getCheckpoints()).extracting(Checkpoint::getSeq).contains(signed.getSeq());
        // NDJSON is text to the client; each line is a Line, and each links to the one before it.
        String stream = Files.readString(
                auditApi.auditStream(tenantId, null, null, null, null).toPath(), StandardCharsets.UTF_8);
        ObjectMapper json = ApiClient.createDefaultObjectMapper()
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        List<Line> lines = new java.util.ArrayList<>();
        for (String text : stream.split("\n")) {
            lines.add(json.readValue(text, Line.class));
        }
        assertThat(lines).hasSizeGreaterThan(10);
        assertThat(lines.get(0).getSeq()).isEqualTo(1);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).getSeq()).isEqualTo(lines.get(i - 1).getSeq() + 1);
            assertThat(lines.get(i).getPrevHash()).isEqualTo(lines.get(i - 1).getHash());
            assertThat(lines.get(i).getHash()).matches(HEX_SHA256);
        }
    }

    /** The portal, as the adjuster's page calls it: the link's token for a session, then the index. */
    private Index portalIndex(String linkToken) throws ApiException {
        SessionResponse session =
                new PortalApi(client(request -> {})).openPortalSession(new ExchangeRequest().token(linkToken));
        assertThat(session.getSessionToken()).isNotBlank();
        return new PortalApi(client(bearer(session.getSessionToken()))).portalIndex();
    }

    /**
     * The generated uploadEvidence takes the bytes as a file, but the generator's native library writes a file body
     * through its JSON mapper whatever the media type; so the file is given, and the request it builds carries the
     * bytes themselves, with the evidence's own media type.
     */
    private EvidenceSummary upload(
            Consumer<HttpRequest.Builder> operatorBearer, UUID tenantId, byte[] content, String title, UUID runId)
            throws ApiException, IOException {
        File file = Files.write(Files.createTempFile(workDir, "evidence", ".md"), content)
                .toFile();
        ApiClient withBody = client(operatorBearer.andThen(request -> request.setHeader("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content))));
        return new EvidenceApi(withBody)
                .uploadEvidence(title, tenantId, file, null, null, null, runId, null, null, null, null);
    }

    private ApiClient client(Consumer<HttpRequest.Builder> authorization) {
        ObjectMapper strict = ApiClient.createDefaultObjectMapper()
                .enable(
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return new ApiClient(HttpClient.newBuilder(), strict, custos.baseUri())
                .setReadTimeout(Duration.ofSeconds(30))
                .setRequestInterceptor(authorization);
    }

    private static Consumer<HttpRequest.Builder> bearer(String token) {
        return request -> request.setHeader("Authorization", "Bearer " + token);
    }

    private static OffsetDateTime inSevenDays() {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).withNano(0);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
