package dev.custos.api.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.custos.events.chain.Checkpoint;
import dev.custos.events.chain.Cosignature;
import dev.custos.events.chain.Ed25519;
import dev.custos.events.chain.MerkleTree;
import dev.custos.events.chain.Note;
import dev.custos.events.chain.NoteException;
import dev.custos.events.chain.NoteVerifierKey;
import dev.custos.events.chain.SignedNote;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A C2SP {@code tlog-witness} for tests, on a free local port: {@code POST <prefix>/add-checkpoint} as the
 * specification has it. It trusts one Ed25519 key per log origin, remembers the latest size and root it cosigned for
 * each, and cosigns a checkpoint only if it is signed by the log's key and consistently extends what it remembers:
 * 404 for an unknown origin, 403 for no trusted signature, 400 for a malformed request or an old size past the
 * checkpoint's, 409 ({@code text/x.tlog.size}, its size) when the old size is not the one it holds or the root
 * differs at that size, 422 when the consistency proof does not verify. The check and the update are one atomic step,
 * so two concurrent requests cannot roll its record back.
 */
public final class TestWitness implements AutoCloseable {

    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int MAX_PROOF_LINES = 63;

    private final HttpServer server;
    private final KeyPair keys;
    private final NoteVerifierKey key;
    private final Map<String, NoteVerifierKey> logs;
    private final Clock clock;
    private final Map<String, Head> heads = new HashMap<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();

    private record Head(long size, byte[] root) {}

    private TestWitness(String name, Map<String, NoteVerifierKey> logs, Clock clock) throws IOException {
        try {
            this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.key = NoteVerifierKey.of(name, SignedNote.COSIGNATURE_V1, Ed25519.raw(keys.getPublic()));
        this.logs = new ConcurrentHashMap<>(logs);
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/witness/add-checkpoint", this::handle);
        server.start();
    }

    /** A witness named {@code name} with a fresh cosigner key, trusting each log by its key (origin = key name). */
    public static TestWitness start(String name, List<NoteVerifierKey> logKeys) throws IOException {
        Map<String, NoteVerifierKey> logs = new HashMap<>();
        logKeys.forEach(logKey -> logs.put(logKey.name(), logKey));
        return new TestWitness(name, logs, Clock.systemUTC());
    }

    /** Trusts one more log from now on: checkpoints of {@code origin} signed by {@code logKey}. */
    public void trust(String origin, NoteVerifierKey logKey) {
        logs.put(origin, logKey);
    }

    /**
     * Makes the witness hold {@code root} as the head of {@code origin}'s tree of {@code size} leaves, as if it had
     * cosigned it: a view of the log that a later checkpoint of the real log does not extend.
     */
    public synchronized void believe(String origin, long size, byte[] root) {
        heads.put(origin, new Head(size, root.clone()));
    }

    /** The witness's cosigner key, type 0x04. */
    public NoteVerifierKey key() {
        return key;
    }

    /** The submission prefix: {@code add-checkpoint} is posted under it. */
    public URI submissionPrefix() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/witness");
    }

    /** The size it last cosigned for {@code origin}, 0 if none. */
    public synchronized long recordedSize(String origin) {
        Head head = heads.get(origin);
        return head == null ? 0 : head.size();
    }

    /** The HTTP statuses it answered, in order. */
    public List<Integer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "text/plain; charset=utf-8", "POST only\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            Reply reply = body.length > MAX_REQUEST_BYTES ? Reply.text(400, "too long") : addCheckpoint(body);
            answer(exchange, reply.status(), reply.contentType(), reply.body());
        }
    }

    private record Reply(int status, String contentType, String body) {
        static Reply text(int status, String message) {
            return new Reply(status, "text/plain; charset=utf-8", message + "\n");
        }

        static Reply size(long size) {
            return new Reply(409, "text/x.tlog.size", size + "\n");
        }
    }

    private Reply addCheckpoint(byte[] request) {
        // The old size line, the proof lines and the blank line are ASCII; the checkpoint starts after that line.
        String head = new String(request, StandardCharsets.ISO_8859_1);
        int blank = head.indexOf("\n\n");
        if (blank < 0) {
            return Reply.text(400, "no blank line after the proof");
        }
        String[] lines = head.substring(0, blank).split("\n", -1);
        if (!lines[0].startsWith("old ")) {
            return Reply.text(400, "no old size line");
        }
        long old = Checkpoint.parseSize(lines[0].substring("old ".length()));
        if (old < 0 || lines.length - 1 > MAX_PROOF_LINES) {
            return Reply.text(400, "malformed old size or too long a proof");
        }
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            byte[] hash = decodeHash(lines[i]);
            if (hash == null) {
                return Reply.text(400, "a proof line is not a base64 hash");
            }
            proof.add(hash);
        }
        Note note;
        Checkpoint checkpoint;
        try {
            byte[] signed = new byte[request.length - blank - 2];
            System.arraycopy(request, blank + 2, signed, 0, signed.length);
            note = Note.parse(signed);
            checkpoint = Checkpoint.parse(note.text());
        } catch (NoteException e) {
            return Reply.text(400, "the checkpoint is malformed");
        }
        NoteVerifierKey logKey = logs.get(checkpoint.origin());
        if (logKey == null) {
            return Reply.text(404, "unknown log");
        }
        try {
            note.verifiedBy(List.of(logKey));
        } catch (NoteException e) {
            return Reply.text(403, "no valid signature by the log's key");
        }
        if (old > checkpoint.size()) {
            return Reply.text(400, "old size past the checkpoint's");
        }
        synchronized (this) {
            Head known = heads.getOrDefault(checkpoint.origin(), new Head(0, null));
            if (old != known.size()) {
                return Reply.size(known.size());
            }
            if (old == 0) {
                if (!proof.isEmpty()) {
                    return Reply.text(422, "a proof from size 0 is empty");
                }
            } else if (old == checkpoint.size()) {
                if (!MessageDigest.isEqual(known.root(), checkpoint.root())) {
                    return Reply.size(known.size());
                }
                if (!proof.isEmpty()) {
                    return Reply.text(422, "a proof between equal sizes is empty");
                }
            } else if (!MerkleTree.verifyConsistency(old, checkpoint.size(), proof, known.root(), checkpoint.root())) {
                return Reply.text(422, "the consistency proof does not verify");
            }
            heads.put(checkpoint.origin(), new Head(checkpoint.size(), checkpoint.root()));
        }
        return new Reply(
                200,
                "text/plain; charset=utf-8",
                Cosignature.sign(
                        key, keys.getPrivate(), note.text(), clock.instant().getEpochSecond()));
    }

    private static byte[] decodeHash(String line) {
        try {
            byte[] hash = Base64.getDecoder().decode(line);
            boolean canonical = Base64.getEncoder().encodeToString(hash).equals(line);
            return canonical && hash.length == MerkleTree.HASH_BYTES ? hash : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        answers.add(status);
    }
}
