package org.nrmt.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A sweep's output directory (theory/sweeps.md §4): {@code spec.json} (the canonical SPEC),
 * {@code manifest.jsonl} (one line per completed task, appended and flushed to the disk as each
 * task finishes: the only state a run keeps) and, rebuilt whole from the manifest at the end of
 * every run, {@code results.csv}, {@code results.parquet} and {@code timings.csv}.
 *
 * <p>A run holds an exclusive lock on {@code .lock}; a second run on the same directory is refused
 * while the first is alive (the lock dies with its process, SIGKILL included). A last manifest line
 * without its newline is the task a kill interrupted: it is cut off and the task runs again. A
 * different SPEC, a directory that holds something else, a symlink or special file where an output
 * goes are refused ({@link IllegalArgumentException}, message ending in ", got &lt;value&gt;").
 */
public final class SweepDirectory implements AutoCloseable {
    /** The files of a sweep directory. */
    public static final String SPEC = "spec.json",
            MANIFEST = "manifest.jsonl",
            CSV = "results.csv",
            PARQUET = "results.parquet",
            TIMINGS = "timings.csv",
            LOCK = ".lock";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final Path dir;
    private final SweepSpec spec;
    private final List<SweepTask> tasks;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TreeMap<Integer, TaskOutcome> done = new TreeMap<>();
    private FileChannel manifest;

    private SweepDirectory(Path dir, SweepSpec spec, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.spec = spec;
        this.tasks = spec.tasks();
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Checks, without creating or locking anything, that {@code dir} can take {@code spec}: it is
     * missing, empty, or holds the same sweep.
     */
    public static void check(Path dir, SweepSpec spec) {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--out must be a directory, got " + dir);
            }
            checkSpec(dir, spec);
        }
    }

    /** Opens (creating if needed) and locks {@code dir} for {@code spec}, and reads its manifest. */
    public static SweepDirectory open(Path dir, SweepSpec spec) {
        check(dir, spec);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot create the sweep directory (" + e.getMessage() + "), got " + dir);
        }
        Path lockFile = dir.resolve(LOCK);
        refuseSpecial(lockFile);
        FileChannel ch;
        FileLock lock;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot lock the sweep directory (" + e.getMessage() + "), got " + dir);
        }
        if (lock == null) {
            close(ch);
            throw new IllegalArgumentException("another sweep is running in this directory, got " + dir);
        }
        SweepDirectory d = new SweepDirectory(dir, spec, ch, lock);
        try {
            checkSpec(dir, spec); // again under the lock: another run may have started it meanwhile
            if (!Files.exists(dir.resolve(SPEC))) {
                writeAtomically(dir.resolve(SPEC), spec.canonicalJson().getBytes(StandardCharsets.UTF_8));
            }
            d.readManifest();
            return d;
        } catch (RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private static void checkSpec(Path dir, SweepSpec spec) {
        Path specFile = dir.resolve(SPEC);
        if (Files.exists(specFile, LinkOption.NOFOLLOW_LINKS)) {
            refuseSpecial(specFile);
            String old;
            try {
                old = Files.readString(specFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + specFile + " (" + e.getMessage() + "), got " + dir);
            }
            String now = spec.canonicalJson();
            if (!old.equals(now)) {
                throw new IllegalArgumentException("the directory holds a different sweep (its " + SPEC
                        + " differs from SPEC at " + firstDifference(old, now)
                        + "; use a new --out or the same SPEC), got " + dir);
            }
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(LOCK))
                    .sorted()
                    .toList();
            if (!names.isEmpty()) {
                throw new IllegalArgumentException("the directory is not empty and holds no sweep (no " + SPEC
                        + "; it has " + String.join(", ", names.subList(0, Math.min(3, names.size())))
                        + (names.size() > 3 ? ", ..." : "") + "), got " + dir);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list the sweep directory (" + e.getMessage() + "), got " + dir);
        }
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i].strip() : "";
            String r = i < y.length ? y[i].strip() : "";
            if (!l.equals(r)) return "line " + (i + 1) + ": '" + l + "' against '" + r + "'";
        }
        return "its whitespace";
    }

    /** The tasks of the SPEC not yet in the manifest, in task order. */
    public synchronized List<SweepTask> pending() {
        List<SweepTask> out = new ArrayList<>();
        for (SweepTask t : tasks) {
            if (!done.containsKey(t.index())) out.add(t);
        }
        return out;
    }

    /** Number of tasks of the SPEC. */
    public int taskCount() {
        return tasks.size();
    }

    /** Number of completed tasks. */
    public synchronized int doneCount() {
        return done.size();
    }

    /** The completed rows in task order. */
    public synchronized List<SweepRow> rows() {
        return done.values().stream().map(TaskOutcome::row).toList();
    }

    /** Records a completed task: one manifest line, forced to the disk before this returns. */
    public synchronized void record(TaskOutcome o) {
        if (o.failed()) throw new IllegalArgumentException("only completed tasks enter the manifest, got " + o);
        if (done.containsKey(o.task().index())) return; // a second answer to the same task (a retried Spark task)
        byte[] line = (line(o) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) manifest.write(b);
            manifest.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(MANIFEST), e);
        }
        done.put(o.task().index(), o);
    }

    /** Rewrites results.csv, results.parquet and timings.csv from the manifest, each whole or not at all. */
    public synchronized void writeResults() {
        List<SweepRow> rows = rows();
        boolean histogram = spec.histogram() != null;
        writeAtomically(dir.resolve(CSV), ResultTables.csv(rows, histogram));
        writeAtomically(dir.resolve(PARQUET), ResultTables.parquet(rows, histogram));
        writeAtomically(dir.resolve(TIMINGS), ResultTables.timings(new ArrayList<>(done.values())));
    }

    private void readManifest() {
        Path file = dir.resolve(MANIFEST);
        refuseSpecial(file);
        Map<String, SweepTask> byId = new HashMap<>();
        for (SweepTask t : tasks) byId.put(t.id(), t);
        try {
            manifest = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            byte[] bytes = Files.readAllBytes(file);
            int complete = bytes.length;
            while (complete > 0 && bytes[complete - 1] != '\n') complete--;
            if (complete < bytes.length) {
                // the line a kill cut short: its task runs again
                manifest.truncate(complete);
                manifest.force(false);
            }
            manifest.position(complete);
            String text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
            int lineNo = 0;
            for (String l : text.split("\n")) {
                lineNo++;
                if (l.isBlank()) continue;
                TaskOutcome o = parse(l, byId, file, lineNo);
                TaskOutcome before = done.putIfAbsent(o.task().index(), o);
                if (before != null && !before.row().equals(o.row())) {
                    throw new IllegalArgumentException(
                            MANIFEST + " has two different rows for one task, got line " + lineNo + " of " + file);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the manifest (" + e.getMessage() + "), got " + file);
        }
    }

    private TaskOutcome parse(String l, Map<String, SweepTask> byId, Path file, int lineNo) {
        try {
            JsonNode n = JSON.readTree(l);
            SweepTask t = byId.get(n.path("id").asText());
            if (t == null) {
                throw new IllegalArgumentException(
                        MANIFEST + " names a task that is not in " + SPEC + ", got line " + lineNo + " of " + file);
            }
            SweepRow row = new SweepRow(
                    t,
                    number(n.get("ks")),
                    number(n.get("w1")),
                    number(n.get("stieltjes_max_error")),
                    number(n.get("atom_theory")),
                    number(n.get("atom_empirical")),
                    numbers(n.get("moments_theory")),
                    numbers(n.get("moments_empirical")),
                    longs(n.get("histogram")));
            return new TaskOutcome(
                    t,
                    row,
                    null,
                    number(n.get("seconds")),
                    n.path("engine").asText(),
                    n.path("worker").asText());
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith(MANIFEST)) throw iae;
            throw new IllegalArgumentException(
                    MANIFEST + " is damaged (" + e.getMessage() + "), got line " + lineNo + " of " + file);
        }
    }

    private static String line(TaskOutcome o) {
        SweepRow r = o.row();
        ObjectNode n = JSON.createObjectNode();
        n.put("id", o.task().id());
        n.put("index", o.task().index());
        n.put("ks", r.ks());
        n.put("w1", r.w1());
        n.put("stieltjes_max_error", r.stieltjesMaxError());
        n.put("atom_theory", r.atomTheory());
        n.put("atom_empirical", r.atomEmpirical());
        ArrayNode mt = n.putArray("moments_theory");
        r.momentsTheory().forEach(mt::add);
        ArrayNode me = n.putArray("moments_empirical");
        r.momentsEmpirical().forEach(me::add);
        ArrayNode h = n.putArray("histogram");
        r.histogram().forEach(h::add);
        n.put("seconds", o.seconds());
        n.put("engine", o.engine());
        n.put("worker", o.worker());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print a manifest line", e);
        }
    }

    private static double number(JsonNode n) {
        if (n == null) throw new IllegalArgumentException("a field is missing");
        if (n.isTextual()) return Double.parseDouble(n.textValue()); // NaN, Infinity
        if (!n.isNumber()) throw new IllegalArgumentException("not a number: " + n);
        return n.doubleValue();
    }

    private static List<Double> numbers(JsonNode n) {
        List<Double> out = new ArrayList<>();
        for (JsonNode v : n) out.add(number(v));
        return out;
    }

    private static List<Long> longs(JsonNode n) {
        List<Long> out = new ArrayList<>();
        if (n != null) for (JsonNode v : n) out.add(v.longValue());
        return out;
    }

    /**
     * Writes {@code bytes} to a new file beside {@code target} (mode from the umask), then renames
     * it over the target: readers see the old file or the new one, never a part.
     */
    static void writeAtomically(Path target, byte[] bytes) {
        refuseSpecial(target);
        Path tmp = target.resolveSibling(
                "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.deleteIfExists(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the rename took it, or there is nothing to clean
            }
        }
    }

    /** Outputs replace only regular files: a symlink or special file in their place is refused. */
    private static void refuseSpecial(Path p) {
        if (Files.isSymbolicLink(p) || (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p))) {
            throw new IllegalArgumentException("a sweep file is a symlink or not a regular file, got " + p);
        }
    }

    @Override
    public synchronized void close() {
        if (manifest != null) close(manifest);
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        close(lockChannel);
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
